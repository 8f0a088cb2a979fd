"""The feeds, calendars, linked data and open-data page as the built site serves them.

The modules have their own tests (test_feeds, test_calendars, test_jsonld, test_hsds); these
check that the build publishes every file a page links to, and that the pages link them.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import feedparser
import pytest
from icalendar import Calendar

from tests.site.test_finder import facet


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternates: list[dict[str, str]] = []
        self.ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        # as feed readers read rel: a list of link types, "alternate" among them
        if tag == "link" and "alternate" in (values.get("rel") or "").lower().split():
            self.alternates.append(values)
        self._in_ld = tag == "script" and values.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.ld.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def parsed(site, path) -> _Links:
    links = _Links()
    links.feed(read(site, path))
    return links


def resolve(site, page_path, href):
    folder = (site / page_path).parent
    return (folder / href).resolve()


def test_a_listing_page_links_its_feeds_and_each_exists(site):
    page = "opportunities/u-visa-petitions/index.html"
    links = parsed(site, page)
    titles = [link["title"] for link in links.alternates]
    assert titles[0] == "New and updated opportunities"
    assert "New and updated opportunities: Remedy: U visa" in titles
    assert "New and updated opportunities: State: California" in titles
    for link in links.alternates:
        assert link["type"] == "application/atom+xml"
        feed = feedparser.parse(resolve(site, page, link["href"]).read_text(encoding="utf-8"))
        assert not feed.bozo, link
    body = read(site, page)
    assert 'class="pb-follow"' in body and 'href="../../feeds/remedy/u-visa.atom"' in body


def test_the_whole_directory_feed_holds_the_open_listings(site):
    feed = feedparser.parse(read(site, "feeds/all.atom"))
    assert not feed.bozo
    site_name = re.search(r"^site_name: (.+)$", read(site.parent, "mkdocs.yml"), re.M).group(1)
    assert feed.feed.subtitle == site_name  # from mkdocs.yml, not a copy in the code
    ids = {re.search(r"opportunities/([^/]+)/", e.link).group(1) for e in feed.entries}
    assert "u-visa-petitions" in ids and "closed-clinic" not in ids


def test_a_training_page_offers_its_dates_as_a_calendar(site):
    page = "opportunities/t-visa-basics-training/index.html"
    body = read(site, page)
    href = re.search(r'<a href="([^"]+\.ics)" type="text/calendar" download>', body).group(1)
    calendar = Calendar.from_ical(resolve(site, page, href).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert all(e.decoded("dtstart").tzinfo is not None for e in events)


def test_the_directory_calendar_and_an_organizations_calendar_parse(site):
    for path in ("calendar/all.ics", "calendar/organizations/bay-legal-aid.ics"):
        calendar = Calendar.from_ical((site / path).read_bytes())
        assert calendar.walk("VEVENT"), path
    body = read(site, "organizations/bay-legal-aid/index.html")
    assert 'href="../../calendar/organizations/bay-legal-aid.ics"' in body


@pytest.mark.parametrize(("path", "kind"), [
    ("opportunities/u-visa-petitions/index.html", "JobPosting"),
    ("opportunities/u-visa-case-mam/index.html", "JobPosting"),
    ("opportunities/t-visa-basics-training/index.html", "EducationEvent"),
    ("organizations/bay-legal-aid/index.html", "NGO"),
])
def test_each_listing_and_organization_page_carries_its_linked_data(site, path, kind):
    blocks = parsed(site, path).ld
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == kind


def test_the_open_data_page_describes_every_file_it_links(site):
    page = "api/index.html"
    body = read(site, page)
    for path in ("api/opportunities.json", "api/opportunities.csv", "api/organizations.json",
                 "api/hsds/organizations.json", "api/hsds/services.json",
                 "api/hsds/taxonomy_terms.json", "api/hsds/taxonomies.json", "feeds/all.atom",
                 "calendar/all.ics"):
        assert path in body, path
        assert (site / path).is_file(), path
    assert "Creative Commons Attribution 4.0" in body
    assert "once a day" in body


@pytest.mark.browser
def test_the_finder_offers_to_follow_the_chosen_values(page, served_test_site):
    page.goto(served_test_site + "find/")
    follow = page.locator("#pb-follow")
    page.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
    assert follow.is_hidden()
    facet(page, "remedy", "vacatur").check()
    page.wait_for_url(re.compile(r"remedy=vacatur"))
    link = follow.get_by_role("link", name="Vacatur and post-conviction relief")
    link.wait_for()
    href = link.get_attribute("href")
    assert href.endswith("feeds/remedy/vacatur.atom")
    response = page.request.get(page.url.split("find/")[0] + "feeds/remedy/vacatur.atom")
    assert response.ok and not feedparser.parse(response.body()).bozo
