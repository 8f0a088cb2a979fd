"""A listing page answers a coordinator in two minutes: At a glance shows what is known, names
the unknown decision facts once with whom to ask, gives the law's general rule on bar admission
where the listing is silent and its forums answer, says each fact once, and its one button says
where it leads (an email naming the listing and its page).

Built from the test listings in tests/data/site (the `site` fixture, and the directory read
from the same files), never from orgs/.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from generator.core import admission, decisions, glance, vocab
from generator.core.directory import ProgramEntry
from generator.core.privacy import link_problems
from generator.site.render import Renderer, Settings, render_pages
from generator.core.validate import validate_tree
from tests.conftest import ROOT, SITE_DATA, TODAY

SITE_URL = "https://directory.example.org"


@pytest.fixture(scope="module")
def directory():
    return validate_tree(SITE_DATA, TODAY)


def read(site, listing: str) -> str:
    return (site / "opportunities" / listing / "index.html").read_text(encoding="utf-8")


def main_text(page: str) -> str:
    """The words of a listing's content, without the finder's hidden index and the linked data."""
    body = page.split("data-pagefind-body>", 1)[1].split('<div class="pb-index"', 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def changed(program: ProgramEntry, **data) -> ProgramEntry:
    """The listing with some of its facts changed, as if its file said so."""
    fields = {key: value for key, value in data.items() if key != "volunteers"}
    new = program.data.model_copy(update=fields)
    if "volunteers" in data:
        new = new.model_copy(update={"volunteers": program.data.volunteers.model_copy(
            update=data["volunteers"])})
    return ProgramEntry(program.id, program.org_id, program.path, new)


# -- the general rule ---------------------------------------------------------------------------

def keys(program: ProgramEntry) -> list[str]:
    return [rule.key for rule in admission.rules_for(program)]


def test_a_california_criminal_court_listing_silent_on_admission_gets_californias_rule(directory):
    assert directory.programs["vacatur-clinic"].data.volunteers.bar_admission is None
    assert keys(directory.programs["vacatur-clinic"]) == ["california-courts"]


def test_a_listing_that_states_its_bar_admission_gets_no_general_rule(directory):
    assert keys(directory.programs["vacatur-los-angeles"]) == []  # says: admitted in California
    stated = changed(directory.programs["vacatur-clinic"],
                     volunteers={"bar_admission": "any-us-jurisdiction"})
    assert keys(stated) == []


def test_the_rule_follows_the_forum_and_the_state(directory):
    assert keys(directory.programs["vacatur-motions"]) == []  # a New York court: not California's
    assert keys(directory.programs["t-visa-remote"]) == []  # USCIS only: no rule checked for it
    asylum = directory.programs["asylum-for-children"]
    assert keys(asylum) == []
    assert keys(changed(asylum, forums=["immigration-court"])) == ["eoir"]
    assert keys(changed(asylum, forums=["immigration-court", "state-family-court"])) == [
        "eoir", "california-courts"]
    assert keys(directory.programs["wage-claim-training-2026"]) == []  # a training: an audience


def test_each_rule_names_official_sources_checked_on_a_day():
    assert admission.RULES
    official = ("www.ecfr.gov", "courts.ca.gov", "www.justice.gov",
                "leginfo.legislature.ca.gov")
    for rule in admission.RULES:
        assert rule.text and rule.citation and rule.sources, rule.key
        assert rule.checked.isoformat() == "2026-12-03"
        for source in rule.sources:
            parts = urlsplit(source.url)
            assert parts.scheme == "https" and parts.hostname in official, source
            assert source.title
        assert rule.forums <= set(vocab.FORUMS.ids()), rule.key
        assert rule.remedies <= set(vocab.REMEDIES.ids()), rule.key


def test_the_page_labels_the_rule_as_the_laws_and_links_its_source(site):
    page = read(site, "vacatur-clinic")
    rules = re.findall(r'<span class="pb-general" data-pagefind-ignore><strong>([^<]*)</strong>'
                       r'(.*?)</span>', page)
    assert [label for label, _ in rules] == [admission.LABEL + ":"]
    assert "General rule (not stated by the organization):" == rules[0][0]
    assert "Cal. Rules of Court, rule 9.40(a)" in rules[0][1]
    assert 'href="https://courts.ca.gov/cms/rules/index/nine/rule9_40"' in rules[0][1]
    assert "(checked December 3, 2026)" in rules[0][1]
    # with who may take part, at a glance
    glance_box = page.split('id="pb-glance-title"')[1].split("</section>")[0]
    assert "pb-general" in glance_box
    assert "pb-general" not in read(site, "vacatur-los-angeles")
    assert "pb-general" not in read(site, "u-visa-petitions")


# -- what is known, and what is not -------------------------------------------------------------

def test_at_a_glance_has_no_unknown_row_and_one_line_for_the_unknown_decision_facts(site,
                                                                                     directory):
    for listing in ("vacatur-motions", "u-visa-petitions", "u-visa-case-mam"):
        page = read(site, listing)
        glance_box = page.split('id="pb-glance-title"')[1].split("</section>")[0]
        assert "Not stated<" not in glance_box and "pb-unknown" not in glance_box
        program = directory.programs[listing]
        unknown = [fact.named() for fact in decisions.unknown(directory, program)
                   if fact.path(program.kind) != decisions.NEXT_STEP]
        lines = re.findall(r'<p class="pb-not-yet" data-pagefind-ignore>([^<]*)</p>', page)
        assert len(lines) == 1 and unknown
        assert html.unescape(lines[0]).startswith("Not stated yet: " + ", ".join(unknown) + ".")
        assert lines[0].endswith(".") and " Ask " in lines[0]
    assert "Ask Inés Ejemplo." in read(site, "u-visa-case-mam")  # the contact's name
    assert "Ask BELA." in read(site, "u-visa-petitions")  # else the organization's short name


def test_each_decision_fact_appears_once_in_the_page(site, directory):
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    checked = 0
    for listing in ("u-visa-petitions", "u-visa-case-mam", "t-visa-basics-training",
                    "asylum-for-children", "t-visa-remote", "vacatur-clinic",
                    "vacatur-motions", "accompaniment"):
        text = main_text(read(site, listing))
        for label, value in renderer.glance_rows(directory.programs[listing]):
            said = " ".join(html.unescape(value).split())
            if " " not in said:
                continue  # one word ("Training") is also a heading's or a label's
            assert text.count(said) == 1, (listing, label, said)
            checked += 1
        owner = directory.organizations[directory.programs[listing].org_id].data
        name = owner.short_name or owner.name
        assert text.count(f"Not confirmed by {name}") <= 1, listing
        assert text.count("Not stated yet:") <= 1, listing
    assert checked > 15


# -- the button ---------------------------------------------------------------------------------

def test_the_email_button_names_the_listing_and_its_page(directory):
    pages = {page.path: page.text for page in render_pages(
        directory, ROOT / "site_templates", Settings(today=TODAY, site_url=SITE_URL))}
    page = pages["opportunities/u-visa-case-mam.md"]
    hrefs = re.findall(r'<a class="md-button md-button--primary pb-primary" href="([^"]+)"[^>]*>'
                       r'([^<]*)</a>', page)
    assert len(hrefs) == 1
    href, words = html.unescape(hrefs[0][0]), html.unescape(hrefs[0][1])
    assert words == "Offer to take this case: email Inés Ejemplo"
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and unquote(parts.path) == "casos@centro.example.org"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == ["Pro bono: U visa petition for a Mam-speaking survivor"]
    first = query["body"][0].split("\r\n")[0]
    assert first == ("About the listing \"U visa petition for a Mam-speaking survivor\" in the "
                     "Pro Bono Directory for Survivors' Advocates: "
                     f"{SITE_URL}/opportunities/u-visa-case-mam/")
    assert link_problems(href) == []


def test_no_title_can_add_a_recipient_or_a_header_to_the_email():
    href = glance.email_about("probono@example.org",
                              "Help&bcc=harvest@evil.example?cc=x@evil.example\r\nBcc: y",
                              f"{SITE_URL}/opportunities/x/")
    parts = urlsplit(href)
    assert unquote(parts.path) == "probono@example.org"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == ["Pro bono: Help&bcc=harvest@evil.example?cc=x@evil.example\r\n"
                                "Bcc: y"]
    assert "@" not in parts.query.replace("%40", "")  # every @ in the words is encoded


def test_each_button_says_where_it_leads(site):
    def button(listing):
        found = re.findall(r'pb-primary" href="([^"]+)"[^>]*>([^<]*)</a>', read(site, listing))
        assert len(found) == 1, listing
        return html.unescape(found[0][0]), html.unescape(found[0][1])

    assert button("u-visa-petitions") == ("https://example.org/interest",
                                          "Volunteer: open BELA's interest form")
    assert button("vacatur-motions") == (
        "https://northcoast.example.org",
        "No volunteer page published: write to North Coast Justice Project through the website")
    href, words = button("vacatur-los-angeles")
    assert words == "Volunteer: email Inés Ejemplo"
    assert parse_qs(urlsplit(href).query)["subject"] == [
        "Pro bono: Vacatur motions in Los Angeles County"]
    assert button("t-visa-basics-training") == (
        "https://example.org/trainings/t-visa-basics",
        "Register for this training: open the registration page")


# -- the first screen ---------------------------------------------------------------------------

FIRST_SCREEN = {"program": "u-visa-petitions", "training": "t-visa-basics-training",
                "case": "u-visa-case-mam", "home page only": "vacatur-motions"}


@pytest.mark.parametrize(("width", "height"), [(360, 640), (1280, 800)])
@pytest.mark.parametrize("kind", list(FIRST_SCREEN))
def test_the_next_step_is_on_the_first_screen(browser, served_test_site, kind, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(served_test_site + f"opportunities/{FIRST_SCREEN[kind]}/")
        button = page.locator("a.pb-primary")
        assert button.count() == 1
        box = button.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (kind, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        # the notices still come first: a warning is read before the button
        banner = page.locator(".pb-banner")
        if banner.count():
            assert banner.first.bounding_box()["y"] < box["y"]
    finally:
        context.close()
