"""Provenance and confirmation as data: only the organization's confirmation within the window,
or a maintainers' check of a source dated inside it, counts as confirmed; "urgent" and a case's
"clients waiting" only while the organization said so within urgent_days (30).

The fixture (tests/data/provenance) is one organization, PELA, on 2026-11-22, with a listing for
each case: confirmed by the organization 10 and 200 days ago; checked by the maintainers against
a page updated 2026-10-01, an undated page (c. 2017) and a page published in 2019; urgent
confirmed 10 and 45 days ago, and urgent on an undated page; a case with three clients waiting,
said 10 and 45 days ago.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from types import SimpleNamespace

import pytest

from generator.core import freshness
from generator.exports import export, hsds
from generator.site.finder_words import finder_config
from generator.core.validate import validate_tree
from tests.conftest import (PROGRAM, ROOT, TESTS, WINDOW, build, generator, life, make_project,
                            standing, validate_lines)
from tests.core.test_broken_files import apply

DATA = TESTS / "data" / "provenance"
TODAY = dt.date(2026, 11, 22)
PAGE_OF = "opportunities/{}/index.html"


@pytest.fixture(scope="module")
def directory():
    return validate_tree(DATA, TODAY)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("provenance") / "project", DATA / "orgs")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def page(site, listing: str) -> str:
    return (site / PAGE_OF.format(listing)).read_text(encoding="utf-8")


def words(text: str) -> str:
    """What a reader sees: the page without its scripts, hidden index and tags."""
    text = re.sub(r"<script\b.*?</script>", " ", text, flags=re.S)
    text = re.sub(r'<div class="pb-index" hidden.*?</div>', " ", text, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.mark.parametrize(("listing", "state", "value"), [
    ("org-confirmed-10-days-ago", "current", "current"),
    ("org-confirmed-200-days-ago", "unconfirmed", "unconfirmed"),
    ("desk-check-dated-source", "current", "current"),
    ("desk-check-undated-source", "described", "described"),
    ("desk-check-old-source", "described", "described"),
])
def test_only_the_organization_or_a_dated_source_counts_as_confirmed(directory, listing, state,
                                                                     value):
    program = directory.programs[listing]
    assert freshness.of(program, TODAY, WINDOW).state == state
    assert standing(program).fresh.confirmed == value


def test_a_dated_source_stops_counting_once_it_is_older_than_the_window(directory):
    program = directory.programs["desk-check-dated-source"]  # updated 2026-10-01
    assert freshness.of(program, dt.date(2027, 3, 30), WINDOW).state == "current"
    assert freshness.of(program, dt.date(2027, 3, 31), WINDOW).state == "described"


@pytest.mark.parametrize(("listing", "sentence"), [
    ("org-confirmed-10-days-ago",
     "Confirmed by PELA (Robin Example, Pro Bono Manager) on November 12, 2026."),
    ("org-confirmed-200-days-ago", "Confirmed by PELA on May 6, 2026."),
    ("desk-check-dated-source",
     "Not confirmed by PELA. Written by the directory's maintainers from its public page "
     "(updated October 1, 2026), checked on November 1, 2026."),
    # described from a source nobody at the organization confirmed: the banner says "Not
    # confirmed by PELA", so the footer says only who wrote it from what
    ("desk-check-undated-source",
     "Written by the directory's maintainers from its public page "
     "(undated, c. 2017), checked on November 1, 2026."),
    ("desk-check-old-source",
     "Written by the directory's maintainers from its public page "
     "(published March 4, 2019), checked on November 1, 2026."),
])
def test_each_page_says_who_checked_what(site, listing, sentence):
    assert sentence in words(page(site, listing))


def test_an_undated_source_says_so_with_its_estimate_and_reason(site):
    text = words(page(site, "desk-check-undated-source"))
    assert ("Where these facts come from: The organization's volunteer page. ( source ) Undated, "
            "c. 2017: calls the 2017 law recent.") in text
    assert ("Not confirmed by PELA; described from its public page (undated, c. 2017). Nobody at "
            "the organization has confirmed these facts to the directory; check with it before "
            "you plan on it.") in text


@pytest.mark.parametrize(("listing", "badge"), [
    ("org-confirmed-10-days-ago", None),
    ("desk-check-dated-source", None),
    ("org-confirmed-200-days-ago",
     '<span class="pb-badge pb-badge--stale">Not confirmed since May 6, 2026</span>'),
    ("desk-check-undated-source",
     '<span class="pb-badge pb-badge--described">Not confirmed by PELA</span>'),
    ("desk-check-old-source",
     '<span class="pb-badge pb-badge--described">Not confirmed by PELA</span>'),
])
def test_each_page_says_it_is_unconfirmed_once_in_its_banner(site, listing, badge):
    """The listing's own page says "not confirmed" in its banner, not again in a badge beside
    it; the badge's words are the banner's first words."""
    text = page(site, listing)
    found = re.findall(r'<span class="pb-badge pb-badge--(?:stale|described)">[^<]*</span>',
                       text.split('class="pb-meta"')[1].split("</p>")[0])
    assert found == []
    banners = re.findall(r'<div class="pb-banner pb-banner--(?:stale|described)" '
                         r'role="status"><strong>([^<]*)</strong>', text)
    words = re.sub(r"<[^>]+>", "", badge) if badge else None
    assert [b.startswith(words) for b in banners] == ([True] if badge else [])


@pytest.mark.parametrize(("listing", "line"), [
    ("org-confirmed-10-days-ago", "Confirmed by PELA on November 12, 2026"),
    ("org-confirmed-200-days-ago", "Not confirmed since May 6, 2026"),
    ("desk-check-dated-source", "Not confirmed by PELA; checked by the maintainers on November 1, "
                                "2026 against its public page (updated October 1, 2026)"),
    ("desk-check-undated-source",
     "Not confirmed by PELA; described from its public page (undated, c. 2017)"),
    ("desk-check-old-source",
     "Not confirmed by PELA; described from its public page (published March 4, 2019)"),
])
def test_each_card_says_who_confirmed_it(site, listing, line):
    org_page = (site / "organizations" / "pela" / "index.html").read_text(encoding="utf-8")
    card = org_page.split(f'href="../../opportunities/{listing}/"')[1].split("</article>")[0]
    assert re.findall(r'<p class="pb-card__meta">.*<span>([^<]*)</span>\s*</p>', card,
                      re.S) == [html.escape(line, quote=True).replace("&#x27;", "&#39;")]
    # the finder writes the same words from codes (test_the_finder_writes_each_card_line...)
    assert "Not confirmed" not in page(site, listing).split('class="pb-index"')[1]


OTHER_SITE = """\
# yaml-language-server: $schema=../../schema/listing.schema.json
title: Checked by the maintainers against another site's page
summary: A listing for the provenance tests.
description: Work for a volunteer attorney.
kinds_of_work: [full-representation]
practice_areas: [immigration]
remedies: [u-visa]
location:
  state: CA
source:
  description: A bar association's news item.
  url: https://news.bar.example/item
last_verified:
  date: 2026-11-01
  by: maintainers
added: 2026-01-05
"""


@pytest.mark.browser
def test_the_finder_writes_each_card_line_as_the_pages_do(browser, tmp_path_factory):
    """The index carries the confirmation line as codes, which no search matches; the finder's
    card writes them out in the very words of the organization page's card, another site's
    host included, and a search for those words finds nothing."""
    from tests.conftest import open_page, serve
    project = make_project(tmp_path_factory.mktemp("provenance-finder") / "project",
                           DATA / "orgs")
    (project / "orgs" / "pela" / "desk-check-other-site.yml").write_text(OTHER_SITE,
                                                                          encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    org_page = (site / "organizations" / "pela" / "index.html").read_text(encoding="utf-8")
    expected = {}
    for card in org_page.split('<article')[1:]:
        found = re.search(r'href="\.\./\.\./opportunities/([^/]+)/"', card)
        line = re.findall(r'<p class="pb-card__meta">.*<span>([^<]*)</span>\s*</p>', card, re.S)
        if found and line:
            expected[found.group(1)] = html.unescape(line[0])
    assert expected["desk-check-other-site"] == (
        "Not confirmed by PELA; described from a page on news.bar.example (undated)")
    assert len(expected) >= 8
    server = serve(site)
    base = next(server)
    try:
        context, tab, outside = open_page(browser, base)
        tab.goto(base + "find/")
        tab.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
        while tab.locator("#pb-more").is_visible():
            tab.locator("#pb-more").click()
            tab.wait_for_timeout(100)
        shown = {}
        for card in tab.locator("#pb-results .pb-card").all():
            href = card.locator(".pb-card__title a").get_attribute("href")
            shown[re.search(r"opportunities/([^/]+)/", href).group(1)] = \
                card.locator(".pb-card__meta span").last.inner_text()
        assert shown == {key: line for key, line in expected.items() if key in shown}
        assert set(shown) >= {"desk-check-other-site", "org-confirmed-200-days-ago",
                              "desk-check-dated-source", "desk-check-undated-source"}
        badge = tab.locator('#pb-results .pb-card:has(a[href*="org-confirmed-200-days-ago"]) '
                            '.pb-badge--stale')
        assert badge.inner_text() == "Not confirmed since May 6, 2026"
        for word in ("described", "since", "public", "news", "bar", "open", "yes"):
            assert tab.evaluate(RAW_SEARCH, word) == [], word
        context.close()
        assert outside == []
    finally:
        server.close()


# Pagefind's own search, as the finder runs it, without the finder's words
RAW_SEARCH = """async (term) => {
  const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
  const search = await pagefind.search(term);
  return search.results.map((r) => r.id);
}"""


def test_the_finder_offers_each_kind_of_confirmation(directory, site):
    config = finder_config(directory, life(directory))
    facet = next(f for f in config["facets"] if f["key"] == "confirmed")
    assert facet["values"] == [
        ["current", "Confirmed in the last 180 days"],
        ["unconfirmed", "Not confirmed in the last 180 days"],
        ["described", "Never confirmed by the organization: described from a public source"]]
    found = re.findall(r'<span data-pagefind-filter="confirmed">([^<]*)</span>',
                       page(site, "desk-check-undated-source"))
    assert found == ["described"]


@pytest.mark.parametrize(("listing", "shown", "note"), [
    ("urgent-confirmed-10-days-ago", True, None),
    ("urgent-confirmed-45-days-ago", False, "Marked urgent on October 8, 2026, not confirmed since."),
    ("urgent-desk-check", False,
     "Marked urgent in its source (undated); the organization has not confirmed it."),
    ("case-waiting-10-days", True, None),
    ("case-waiting-45-days", False, "Marked urgent on October 8, 2026, not confirmed since."),
])
def test_urgent_is_shown_only_while_the_organization_said_so(site, listing, shown, note):
    text = page(site, listing)
    badges = re.findall(r'<span class="pb-badge pb-badge--urgent">Urgent</span>',
                        text.split('class="pb-meta"')[1].split("</p>")[0])
    assert badges == (['<span class="pb-badge pb-badge--urgent">Urgent</span>'] if shown else [])
    assert re.findall(r'<p class="pb-note pb-urgent-note">([^<]*)</p>', text) == \
        ([note] if note else [])
    assert re.findall(r'<span data-pagefind-filter="urgent">([^<]*)</span>', text) == \
        ["yes" if shown else "no"]


def test_clients_waiting_is_shown_only_while_the_organization_said_so(site):
    assert "<dt>Clients waiting</dt><dd>3 (as of November 12, 2026)</dd>" in \
        page(site, "case-waiting-10-days")
    assert ("<dt>Clients waiting</dt><dd data-pagefind-ignore>3 clients waiting on October 8, 2026, not confirmed "
            "since</dd>") in page(site, "case-waiting-45-days")


def test_the_home_page_lists_only_confirmed_urgent_listings(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    urgent = home.split('id="urgent"')[1].split('id="new"')[0]
    assert set(re.findall(r"opportunities/([^/]+)/", urgent)) == {
        "urgent-confirmed-10-days-ago", "case-waiting-10-days"}


def test_no_page_says_verified_and_none_says_confirmed_where_nobody_did(site):
    for path in site.rglob("*.html"):
        text = words(path.read_text(encoding="utf-8"))
        # the field reference names the field last_verified: an identifier, not a statement
        text = re.sub(r"\blast_verified[\w.]*", " ", text)
        assert "verified" not in text.lower(), path
    for listing in ("desk-check-dated-source",
                    "desk-check-undated-source", "desk-check-old-source", "urgent-desk-check"):
        assert "Confirmed by PELA" not in words(page(site, listing)), listing
    # the organization's confirmation of 200 days ago is said with its date, under the notice
    old = words(page(site, "org-confirmed-200-days-ago"))
    assert ("Not confirmed since May 6, 2026. The organization has not confirmed this listing in "
            "the last 180 days; check with it before you plan on it.") in old


def test_the_footer_and_about_page_say_who_wrote_and_checked_what(site):
    home = words((site / "index.html").read_text(encoding="utf-8"))
    assert ("Each listing says who wrote it, from which dated source, and whether its "
            "organization confirmed it and when. Not legal advice.") in home
    assert "written by the organizations" not in home
    about = words((site / "about" / "index.html").read_text(encoding="utf-8"))
    assert ("On the day this site was built (November 22, 2026), of 10 listings: Confirmed by "
            "the organization in the last 180 days: 5 listings. Confirmed by the organization, "
            "but not in the last 180 days: 1 listing. Written by the directory's maintainers "
            "from a source dated in the last 180 days, not confirmed by the organization: 1 "
            "listing. Written by the directory's maintainers from an undated or older source, "
            "never confirmed by the organization: 3 listings.") in about


def test_the_exports_say_who_confirmed_and_what_stands_today(directory):
    files = export.files(directory, life(directory))
    rows = {row["id"]: row for row in json.loads(files["api/opportunities.json"])}
    got = {key: (row["confirmed"], row["confirmed_by_organization"], row["urgent_today"],
                 row["clients_waiting_today"]) for key, row in rows.items()}
    assert got == {
        "org-confirmed-10-days-ago": ("current", True, False, None),
        "org-confirmed-200-days-ago": ("unconfirmed", False, False, None),
        "desk-check-dated-source": ("current", False, False, None),
        "desk-check-undated-source": ("described", False, False, None),
        "desk-check-old-source": ("described", False, False, None),
        "urgent-confirmed-10-days-ago": ("current", True, True, None),
        "urgent-confirmed-45-days-ago": ("current", True, False, None),
        "urgent-desk-check": ("described", False, False, None),
        "case-waiting-10-days": ("current", True, True, 3),
        "case-waiting-45-days": ("current", True, False, None)}
    table = {row["id"]: row for row in csv.DictReader(io.StringIO(files["api/opportunities.csv"]))}
    assert [table["desk-check-undated-source"][c] for c in export.FRESHNESS_COLUMNS] == [
        "open", "described", "false", "2026-10-31", "2027-10-27", "false", ""]
    assert [table["case-waiting-10-days"][c] for c in export.FRESHNESS_COLUMNS] == [
        "open", "current", "true", "2027-05-11", "2027-11-07", "true", "3"]


def test_hsds_assures_only_what_was_confirmed(directory):
    files = hsds.files(directory, life(directory))
    services = {s["name"]: s for s in json.loads(files["api/hsds/services.json"])}
    term = next(t["id"] for t in json.loads(files["api/hsds/taxonomy_terms.json"])
                if (t["taxonomy"], t["code"]) == ("listing", "urgent"))
    assured = {directory.programs[key].data.title: key for key in directory.programs}
    dates = {assured[name]: s.get("assured_date") for name, s in services.items()}
    assert dates == {
        "org-confirmed-10-days-ago": "2026-11-12", "org-confirmed-200-days-ago": "2026-05-06",
        "desk-check-dated-source": "2026-11-01", "desk-check-undated-source": None,
        "desk-check-old-source": None, "urgent-confirmed-10-days-ago": "2026-11-12",
        "urgent-confirmed-45-days-ago": "2026-11-12", "urgent-desk-check": None,
        "case-waiting-10-days": "2026-11-12", "case-waiting-45-days": "2026-10-08"}
    urgent = {assured[name]: [a["value"] for a in s["attributes"]
                              if a["taxonomy_term_id"] == term]
              for name, s in services.items()}
    assert urgent["urgent-confirmed-10-days-ago"] == ["true"]
    assert urgent["urgent-confirmed-45-days-ago"] == ["false"]
    assert urgent["urgent-desk-check"] == ["false"]


@pytest.mark.parametrize(("listing", "valid_through"), [
    ("org-confirmed-10-days-ago", "2027-11-07"),
    ("desk-check-dated-source", "2027-10-27"),
    ("desk-check-undated-source", "2026-10-31"),  # nobody confirmed it: already over
    ("desk-check-old-source", "2019-08-31"),  # as far as a page of March 4, 2019 backs it
])
def test_json_ld_is_valid_only_as_far_as_a_confirmation_backs_it(site, listing, valid_through):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                      page(site, listing), re.S).group(1)
    assert json.loads(block)["validThrough"] == valid_through


def test_stale_names_the_listings_the_organization_never_confirmed():
    result = generator("--root", str(DATA), "stale", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Listings to confirm again (2026-11-22, window 180 days): 0 archived, 1 not confirmed "
        "within the window, 3 never confirmed by the organization, 0 due within 30 days, in 1 "
        "organization(s).",
        "",
        "Provenance Example Legal Aid (pela); contact: Robin Example, probono@pela.example.org",
        "  - Confirmed by the organization 200 days ago "
        "(orgs/pela/org-confirmed-200-days-ago.yml): not confirmed since 2026-05-06",
        "  - Checked by the maintainers against a page from 2019 "
        "(orgs/pela/desk-check-old-source.yml): never confirmed by the organization; described "
        "by the maintainers on 2026-11-01 from a source shown as published March 4, 2019",
        "  - Checked by the maintainers against an undated page "
        "(orgs/pela/desk-check-undated-source.yml): never confirmed by the organization; "
        "described by the maintainers on 2026-11-01 from a source shown as undated, c. 2017",
        "  - Urgent on an undated page (orgs/pela/urgent-desk-check.yml): never confirmed by "
        "the organization; described by the maintainers on 2026-11-01 from a source shown as "
        "undated",
        "  Never confirmed by the organization (4): orgs/pela/desk-check-dated-source.yml, "
        "orgs/pela/desk-check-old-source.yml, orgs/pela/desk-check-undated-source.yml, "
        "orgs/pela/urgent-desk-check.yml",
        "  Ask it to confirm them: make confirm-request ORG=pela",
        "",
        "To confirm a listing, set last_verified: date: to the day the organization confirmed "
        "it, and by: organization where it says maintainers; make diff then says 're-verified "
        "only'."]


def test_stale_names_an_organization_whose_only_unconfirmed_listing_counts_as_confirmed(
        tmp_path):
    """A maintainers' check of a page dated inside the window counts as confirmed, but is not
    the organization's word: stale still names it, on its own line, in every format."""
    orgs = tmp_path / "orgs" / "pela"
    orgs.mkdir(parents=True)
    for name in ("organization.yml", "desk-check-dated-source.yml",
                 "org-confirmed-10-days-ago.yml"):
        (orgs / name).write_bytes((DATA / "orgs" / "pela" / name).read_bytes())
    runs = {fmt: generator("--root", str(tmp_path), "stale", "--today", TODAY.isoformat(),
                           "--format", fmt) for fmt in ("text", "markdown", "json")}
    assert runs["text"].stdout.splitlines()[2:5] == [
        "Provenance Example Legal Aid (pela); contact: Robin Example, probono@pela.example.org",
        "  Never confirmed by the organization (1): orgs/pela/desk-check-dated-source.yml",
        "  Ask it to confirm them: make confirm-request ORG=pela"]
    markdown = runs["markdown"].stdout.splitlines()
    at = markdown.index(
        "Never confirmed by the organization (1): `orgs/pela/desk-check-dated-source.yml`")
    assert markdown[at + 1:at + 3] == [
        "", "Ask it to confirm them: `make confirm-request ORG=pela`"]
    report, = json.loads(runs["json"].stdout)["organizations"]
    assert (report["listings"], report["never_confirmed"], report["confirm_request"]) == (
        [], ["orgs/pela/desk-check-dated-source.yml"], "make confirm-request ORG=pela")


IN_FUTURE = (dt.date.today() + dt.timedelta(days=30)).isoformat()


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  description: The organization's volunteer page, read by the maintainers.\n",
     "  description: The organization's volunteer page, read by the maintainers.\n"
     "  published: 2026-01-01\n  undated: true\n",
     "44:12: undated: true says the source shows no date, but it also has published:; remove "
     "undated: true, or the date"),
    ("  description: The organization's volunteer page, read by the maintainers.\n",
     "  description: The organization's volunteer page, read by the maintainers.\n"
     "  undated: false\n",
     "43:12: undated: false says the source shows a date, but none is given; add published: or "
     "updated: with the date it shows, or write undated: true"),
    ("  description: The organization's volunteer page, read by the maintainers.\n",
     "  description: The organization's volunteer page, read by the maintainers.\n"
     "  estimate_reason: calls the 2017 law recent\n",
     "43:20: estimate_reason explains estimated_year: add estimated_year: (e.g. 2017), or "
     "remove estimate_reason"),
    ("  description: The organization's volunteer page, read by the maintainers.\n",
     "  description: The organization's volunteer page, read by the maintainers.\n"
     "  updated: 2026-01-01\n  estimated_year: 2017\n",
     "44:19: estimated_year is only for an undated source, and this one has a date; remove "
     "estimated_year"),
    ("  by: maintainers\n", "  by: maintainers\n  person: Dana Example\n",
     "46:11: person names who at the organization confirmed the facts, and last_verified says "
     "by: maintainers; set by: organization, or remove person"),
    ("urgent: true\n", "urgent_confirmed: 2026-11-01\n",
     "9:19: urgent_confirmed is the day the organization said the listing is urgent, and it has "
     "no urgent: true; add urgent: true, or remove urgent_confirmed"),
    ("  description: The organization's volunteer page, read by the maintainers.\n",
     "  description: The organization's volunteer page, read by the maintainers.\n"
     f"  updated: {IN_FUTURE}\n",
     f"43:12: {IN_FUTURE} is in the future, which cannot be the date the source was updated; "
     "give the date as it was, or leave it out"),
])
def test_provenance_mistakes_are_refused_with_the_fix(project, capsys, old, new, expected):
    apply(project, PROGRAM, old, new)
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:{expected}"]


@pytest.mark.parametrize(("url", "website", "words"), [
    ("https://pela.example.org/volunteer", "https://pela.example.org", "its public page"),
    ("https://www.pela.example.org/a", "https://pela.example.org/", "its public page"),
    ("https://news.pela.example.org/a", "https://www.pela.example.org", "its public page"),
    # an article about the program on another site is not the program's own page
    ("https://barassociation.example.com/news/568", "https://pela.example.org",
     "a page on barassociation.example.com"),
    ("https://pela.example.org.evil.example/a", "https://pela.example.org",
     "a page on pela.example.org.evil.example"),
    ("https://pela.example.org/a", None, "a page on pela.example.org"),
    (None, "https://pela.example.org", "the source named on this page"),
])
def test_a_source_is_called_the_organizations_page_only_on_its_own_website(url, website, words):
    source = SimpleNamespace(url=url)
    assert freshness.source_words(source, website) == words


def test_the_home_page_shows_each_card_once_urgent_first_then_the_newest_of_the_rest(
        directory, site):
    """Newest leaves out what Needed urgently shows and still fills its six places."""
    from generator.site.render import Renderer, Settings
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    urgent = [p.id for p in renderer.listed if renderer.is_urgent(p)][:6]
    rest = sorted((p for p in renderer.listed if p.id not in urgent),
                  key=lambda p: (-p.data.added.toordinal(), p.data.title.lower()))
    assert len(rest) > 6  # the fixture has more than Newest shows
    home = (site / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<h3 class="pb-card__title"><a href="opportunities/([^/]+)/', home)
    section = home.split('id="urgent"')[1].split('id="new"')
    assert re.findall(r'class="pb-card__title"><a href="opportunities/([^/]+)/', section[0]) \
        == urgent == ["case-waiting-10-days", "urgent-confirmed-10-days-ago"]
    assert re.findall(r'class="pb-card__title"><a href="opportunities/([^/]+)/', section[1]) \
        == [p.id for p in rest[:6]]
    assert len(shown) == len(set(shown)) == len(urgent) + 6
