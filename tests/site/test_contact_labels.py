"""Links and rows say what they are: a contact link that leads to a home page is never called a
volunteer page, the parts of a contact are joined only where both sides are there, a scope is
said in words, further sources show their own dates, and a status nobody knows says so.

Built from the fixture in tests/data/labels: one organization whose only route is its home
page (with a listing of each scope and one of unknown status), one that gives every route.
"""

from __future__ import annotations

import html
import re

import pytest

from generator.core.glance import is_home_page
from tests.conftest import TESTS, build, make_project

LABELS = TESTS / "data" / "labels" / "orgs"
HOME = "https://home-only.example.org/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("labels") / "project", LABELS)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def read(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def row(page: str, label: str) -> str:
    found = re.search(rf"<dt>{re.escape(label)}</dt><dd[^>]*>(.*?)</dd>", page, re.S)
    assert found, label
    return found.group(1)


@pytest.mark.parametrize(("url", "home"), [
    (HOME, True), ("https://home-only.example.org", True), ("https://x.example.org/?lang=es", False),
    ("https://x.example.org/volunteer", False), ("https://x.example.org/#join", False)])
def test_a_home_page_is_told_from_a_page_about_volunteering(url, home):
    assert is_home_page(url) is home


def test_a_contact_page_that_is_the_website_counts_as_its_home_page():
    assert is_home_page("https://example.org/about", "https://example.org/about/")


def test_a_home_page_contact_with_no_name_shows_no_orphan_separator(site):
    contact = row(read(site, "organizations/home-only"), "Pro bono contact")
    assert text(contact) == ("No volunteer page published: write to HOELC through the website "
                             "Write through the website's contact form.")
    assert f'<a href="{HOME}" rel="noopener noreferrer">No volunteer page' in contact
    assert "·" not in contact and ">volunteer page<" not in contact


def test_every_part_of_a_full_contact_is_joined_once(site):
    contact = row(read(site, "organizations/full-contact"), "Pro bono contact")
    assert text(contact) == ("Robin Example, Pro Bono Director · probono@full-contact.example.org"
                             " · +1 212 555 0100 · volunteer page · interest form")
    assert '<a href="mailto:probono@full-contact.example.org">' in contact
    assert '<a href="https://full-contact.example.org/volunteer/t-visas" ' in contact


def test_the_next_step_to_a_home_page_says_there_is_no_volunteer_page(site):
    page = read(site, "opportunities/vacatur-petitions")
    assert (f'href="{HOME}" rel="noopener noreferrer">No volunteer page published: write to '
            "HOELC through the website</a>") in page
    assert "visit the organization" not in page


def test_the_next_step_to_a_page_about_the_work_keeps_its_label(site):
    page = read(site, "opportunities/t-visas")
    assert ">Volunteer: open Full Contact Example Legal Aid&#39;s volunteer page</a>" in page
    assert "No volunteer page published" not in page


def test_a_scope_is_said_in_words(site):
    assert row(read(site, "opportunities/vacatur-petitions"), "Scope") == (
        "One vacatur petition, from research to a possible hearing (limited scope)")
    assert row(read(site, "opportunities/whole-matter"), "Scope") == "The whole matter"
    assert "<dt>Limited scope</dt>" not in read(site, "opportunities/vacatur-petitions")


def test_further_sources_show_their_own_dates_and_the_day_they_were_checked(site):
    block = read(site, "organizations/home-only").split('class="pb-provenance pb-also-checked"')[1]
    assert text(block.split("</div>")[0]).startswith(
        "> Also checked: A news report that names the organization. ( page ) Published January 7, "
        "2026; checked on November 1, 2026. An old page of the organization's, with no date. "
        "Undated, c. 2015: calls the 2014 arrivals recent; checked on November 1, 2026.")
    listing = read(site, "opportunities/vacatur-petitions")
    assert "A news report on the court." in listing and \
        '<a href="https://www.newsroom.test/2026/court"' in listing
    assert "Also checked" not in read(site, "opportunities/whole-matter")


def test_a_status_nobody_knows_is_said_and_offers_no_button(site):
    org = read(site, "organizations/home-only").split(">Paused, closed, past, archived or of unknown "
                                                     "status</h2>")
    assert "Whole matters, status unknown" in org[1] and "Whole matters" not in org[0]
    page = read(site, "opportunities/whole-matter")
    assert "<strong>Status unknown:</strong> no current source says whether this program" in page
    # said once, in the banner: no badge beside the title says it again
    assert '<span class="pb-badge pb-badge--closed">Status unknown</span>' not in page
    assert page.count("Status unknown") == 1
    assert "Not known to be taking volunteers. For questions:" in text(page)
    assert "pb-primary" not in page
