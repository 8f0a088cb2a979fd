"""A full build of the test listings: pages, links, open data, privacy, atomic replacement."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re
from pathlib import Path

from generator.core import schema
from tests.conftest import ROOT, SITE_DATA, build, make_project

PROGRAMS = {"u-visa-petitions", "vacatur-clinic", "vacatur-motions", "closed-clinic",
            "expired-training", "accompaniment", "vacatur-los-angeles", "t-visa-remote",
            "asylum-for-children", "paused-sijs", "t-visa-basics-training", "u-visa-case-mam",
            "wage-claim-training-2026", "survivor-clinic-being-set-up"}
NOT_LISTED = ("closed-clinic", "expired-training", "paused-sijs", "wage-claim-training-2026",
              "survivor-clinic-being-set-up")


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_listing_and_organization_has_a_page(site):
    for program in PROGRAMS:
        assert (site / "opportunities" / program / "index.html").is_file()
    for org in ("bay-legal-aid", "north-coast-justice", "centro-juridico"):
        assert (site / "organizations" / org / "index.html").is_file()


def test_program_page_has_title_primary_action_and_provenance(site):
    html = read(site, "opportunities/u-visa-petitions")
    assert "<title>U visa petitions for survivors of violent crime - " in html
    primary = re.findall(r'<a class="md-button md-button--primary pb-primary" href="([^"]+)"', html)
    assert primary == ["https://example.org/interest"]
    # says who checked what: a maintainer's reading of a public page is not the organization's word
    assert ("<strong>Written by the directory&#39;s maintainers from "
            "the source named above (undated), checked on November 1, 2026.</strong>") in html
    # the banner says the organization has not confirmed it; the footer does not say it again
    main = html.split("data-pagefind-body")[1].split('class="pb-index"')[0]
    assert main.count("Not confirmed by BELA") == 1
    assert '<a href="../../organizations/bay-legal-aid/">Bay Example Legal Aid</a>' in html


def test_unknown_decision_facts_are_named_once_with_whom_to_ask(site):
    html = read(site, "opportunities/vacatur-motions")
    assert "<dt>Remote possible</dt>" not in html and "<dt>Hours</dt>" not in html
    assert "Not stated" not in html.replace("Not stated yet:", "")  # no row, no long list
    line = re.findall(r'<p class="pb-not-yet" data-pagefind-ignore>([^<]*)</p>', html)
    assert line == ["Not stated yet: bar admission, experience needed, length, hours, remote "
                    "work, training, CLE credit, mentoring, malpractice insurance. Ask North "
                    "Coast Justice Project."]
    assert "<dt>Remedies</dt><dd>Vacatur and post-conviction relief</dd>" in html  # known: a row
    full = read(site, "opportunities/u-visa-petitions")
    assert "<dt>Where</dt><dd>Remote · Alameda County, California</dd>" in full
    assert "<dt>Team size</dt><dd>2 to 3</dd>" in full
    assert "Not stated yet: hours, malpractice insurance. Ask BELA." in full
    # an unstated fact gets no badge on its card either: neither "Remote possible" nor "In person"
    browse = read(site, "browse/remedy/vacatur")

    def badges(listing: str) -> set[str]:
        card = browse.split(f'href="../../../opportunities/{listing}/"')[1].split("</article>")[0]
        return set(re.findall(r'<span class="pb-badge[^"]*">([^<]*)</span>', card))

    assert not {"Remote possible", "In person"} & badges("vacatur-motions")
    assert "In person" in badges("vacatur-los-angeles")  # stated "no": its badge shows
    assert "<dt>Where</dt><dd>In person · " in read(site, "opportunities/accompaniment")


def test_program_without_own_contact_falls_back_to_organization(site):
    html = read(site, "opportunities/vacatur-motions")
    assert 'pb-primary" href="https://northcoast.example.org"' in html


def test_closed_paused_and_expired_keep_their_page_with_a_banner_and_leave_the_lists(site):
    assert "This opportunity is closed." in read(site, "opportunities/closed-clinic")
    assert "This listing expired on May 1, 2026." in read(site, "opportunities/expired-training")
    assert ("<strong>This opportunity is paused:</strong> the organization is not taking new "
            "volunteers until January 15, 2027.") in read(site, "opportunities/paused-sijs")
    lists = [p for p in (site / "browse").rglob("index.html")] + [site / "index.html"]
    for page in lists:
        text = page.read_text(encoding="utf-8")
        for program in NOT_LISTED:
            assert f"opportunities/{program}/" not in text, (page, program)
    org = read(site, "organizations/north-coast-justice")
    listed, _, past = org.partition('id="past"')
    assert "vacatur-motions" in listed and "closed-clinic" not in listed
    assert "closed-clinic" in past and "expired-training" in past


def test_home_counts_open_listings(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<strong>9</strong> open opportunities from <strong>3</strong> organizations" in html
    urgent = html.split('id="urgent"')[1].split('id="new"')[0]
    # u-visa-petitions says urgent: true, but only the maintainers checked it: not shown as urgent
    assert set(re.findall(r"opportunities/([^/]+)/", urgent)) == {"t-visa-remote",
                                                                   "u-visa-case-mam"}


def test_browse_pages_group_by_facet_and_place(site):
    assert "u-visa-petitions" in read(site, "browse/remedy/u-visa")
    assert "vacatur-motions" in read(site, "browse/remedy/vacatur")
    alameda = read(site, "browse/state/ca/alameda-county")
    assert set(re.findall(r"opportunities/([^/]+)/", alameda)) == {"u-visa-petitions",
                                                                    "vacatur-clinic"}
    assert "vacatur-motions" in read(site, "browse/state/ny/new-york-city")
    t_visa = read(site, "browse/remedy/t-visa")  # one open listing; the closed and expired left
    assert set(re.findall(r"opportunities/([^/]+)/", t_visa)) == {"t-visa-remote",
                                                                   "t-visa-basics-training"}
    assert not (site / "browse" / "remedy" / "custody").exists()  # nobody offers it


def test_listing_pages_stay_out_of_the_navigation(site):
    html = read(site, "opportunities/u-visa-petitions")
    nav = "".join(re.findall(r'<nav class="md-nav[^"]*".*?</nav>', html, re.S))
    assert nav and "opportunities/" not in nav


def _all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_third_party_requests(site):
    external = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//',
                          re.I)
    for page in _all_html(site):
        text = page.read_text(encoding="utf-8")
        assert not external.search(text), page
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert not re.search(r"url\((['\"]?)https?://", css)


def test_outbound_links_carry_noopener_noreferrer(site):
    anchor = re.compile(r'<a\b[^>]*href="https?://[^"]*"[^>]*>', re.I)
    found = 0
    for page in _all_html(site):
        for tag in anchor.findall(page.read_text(encoding="utf-8")):
            found += 1
            assert re.search(r'rel="[^"]*noopener[^"]*"', tag) and "noreferrer" in tag, tag
    assert found > 3


def test_open_data_exports(site):
    programs = json.loads((site / "api" / "opportunities.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in programs} == PROGRAMS
    u_visa = next(p for p in programs if p["id"] == "u-visa-petitions")
    assert u_visa["url"] == "opportunities/u-visa-petitions/"
    assert (site / u_visa["url"] / "index.html").is_file()
    assert u_visa["organization_id"] == "bay-legal-aid"
    assert u_visa["listed"] is True
    assert u_visa["support"]["cle_credit"]["jurisdictions"] == ["CA"]
    assert u_visa["volunteers"]["law_students_welcome"] is None  # unknown stays unknown
    closed = next(p for p in programs if p["id"] == "closed-clinic")
    assert (closed["status"], closed["listed"]) == ("closed", False)
    orgs = json.loads((site / "api" / "organizations.json").read_text(encoding="utf-8"))
    assert [o["id"] for o in orgs] == ["bay-legal-aid", "centro-juridico", "north-coast-justice"]
    assert orgs[0]["url"] == "organizations/bay-legal-aid/"
    rows = list(csv.DictReader(io.StringIO((site / "api" / "opportunities.csv").read_text())))
    assert {r["id"] for r in rows} == PROGRAMS
    row = next(r for r in rows if r["id"] == "u-visa-petitions")
    assert row["location.state"] == "CA" and row["remedies"] == "u-visa"
    for kind in ("organization", "program"):
        served = (site / "schema" / schema.SCHEMA_FILES[kind]).read_text(encoding="utf-8")
        assert served == schema.rendered(kind)


def test_failed_build_leaves_the_last_good_site(tmp_path):
    project = make_project(tmp_path / "project", SITE_DATA / "orgs")
    assert build(project).returncode == 0
    index = project / "site" / "opportunities" / "u-visa-petitions" / "index.html"
    before = index.read_text(encoding="utf-8")
    program = project / "orgs" / "bay-legal-aid" / "u-visa-petitions.yml"
    program.write_text(program.read_text().replace("title: U visa", "title: Changed U visa")
                       .replace("urgent: true", "urgent: maybe"))
    result = build(project)
    assert result.returncode == 1
    assert "urgent: expected true or false, got 'maybe'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert index.read_text(encoding="utf-8") == before
    assert not list(project.glob(".site-*"))  # no half-built folder left behind


def test_failed_engine_build_also_leaves_the_site(tmp_path):
    project = make_project(tmp_path / "project", SITE_DATA / "orgs")
    assert build(project).returncode == 0
    marker = project / "site" / "index.html"
    before = marker.read_text(encoding="utf-8")
    (project / "content" / "broken.md").write_text("[dead](nowhere.md)\n")  # strict: a warning
    result = build(project)
    assert result.returncode == 1
    assert "was left as it was" in result.stderr
    assert marker.read_text(encoding="utf-8") == before


def test_pages_command_writes_markdown(tmp_path, capsys):
    from generator.adapters.cli import main

    assert main(["--root", str(SITE_DATA), "pages", "--output", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"error: the templates folder {SITE_DATA / 'site_templates'} does not exist; run the "
        "command from the project's top folder, or pass --root\n")
    project = make_project(tmp_path / "project", SITE_DATA / "orgs")
    assert main(["--root", str(project), "pages", "--output", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "organizations" / "north-coast-justice.md").is_file()


def test_generated_pages_can_be_written_for_another_engine(tmp_path):
    import datetime as dt

    from generator.site.render import Settings, render_pages, write_pages
    from generator.core.validate import validate_tree

    directory = validate_tree(SITE_DATA, dt.date(2026, 11, 22))
    pages = render_pages(directory, ROOT / "site_templates", Settings(dt.date(2026, 11, 22)))
    write_pages(pages, tmp_path)
    assert (tmp_path / "opportunities" / "vacatur-motions.md").read_text().startswith("---\n")
    assert len(list(tmp_path.rglob("*.md"))) == len(pages)


def test_report_link_on_program_pages_reaches_the_about_page_address(site):
    program = read(site, "opportunities/vacatur-motions")
    assert '<a href="../../about/#report-a-problem">' in program
    about = read(site, "about")
    assert 'id="report-a-problem"' in about
    assert 'href="mailto:corrections@probono-directory.example' in about


def test_each_listing_links_to_the_guide_of_its_remedy(site):
    u_visa = read(site, "opportunities/u-visa-petitions")
    assert ('<p class="pb-guides">New to this work? Read the <a href="../../guides/u-visa/">U '
            'visa</a> guide.</p>') in u_visa
    asylum = read(site, "opportunities/asylum-for-children")  # SIJS has no guide yet
    assert ('Read the <a href="../../guides/asylum-unaccompanied-children/">Asylum for '
            'unaccompanied children</a> guide.') in asylum
    # the vacatur guide is about California's law: a New York listing does not point to it
    assert "vacatur-california" in read(site, "opportunities/vacatur-clinic")
    assert "pb-guides" not in read(site, "opportunities/vacatur-motions")


def test_only_an_open_listing_offers_the_volunteer_button(site):
    for program in ("paused-sijs", "closed-clinic", "expired-training"):
        html = read(site, f"opportunities/{program}")
        assert "pb-primary" not in html and "Volunteer:" not in html, program
        assert '<h2 id="pb-get-involved">Contact</h2>' in html
    paused = read(site, "opportunities/paused-sijs")
    assert "<p>Not taking new volunteers for now. For questions:</p>" in paused
    assert 'href="mailto:voluntarios@centro.example.org"' in paused  # the contact stays
    assert "<p>Not taking new volunteers.</p>" in read(site, "opportunities/closed-clinic")
    assert 'class="md-button md-button--primary pb-primary"' in read(
        site, "opportunities/u-visa-petitions")


def test_every_page_has_trainings_in_the_top_navigation(site):
    for path in _all_html(site):
        html = path.read_text(encoding="utf-8")
        tabs = re.findall(r'<a href="([^"]*)" class="md-tabs__link">\s*Trainings\s*</a>', html)
        assert len(tabs) == 1, path
        here = path.relative_to(site).parent
        target = (site / here / tabs[0]).resolve()
        if path.name == "404.html":  # served from anywhere, its links start at the root
            target = (site / tabs[0].lstrip("/")).resolve()
        assert target == (site / "trainings").resolve(), (path, tabs[0])


def _main_words(html_text: str) -> str:
    """What a reader sees in the page's main content: no scripts, hidden index or tags."""
    main = html_text[html_text.index("<article"):html_text.index("</article>")]
    main = re.sub(r"<script\b.*?</script>", " ", main, flags=re.S)
    main = re.sub(r'<div class="pb-index" hidden.*?</div>', " ", main, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_the_team_size_is_printed_once_in_the_commitment_section(site):
    text = _main_words(read(site, "opportunities/u-visa-petitions"))
    assert text.count("2 to 3") == 1
    assert "Team size 2 to 3" in text
