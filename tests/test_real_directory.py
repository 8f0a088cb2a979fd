"""The repository's own listings, checked for what holds for ANY valid directory.

The listings in orgs/ belong to the organizations: they add, update, close and re-verify them by
pull request. These tests never name their ids, counts or words; they check that whatever the
directory holds validates, builds strictly, has a page, finder entries and export rows for every
listing, and links that resolve. Tests of particular listings use the fixtures in tests/data/.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.core import freshness
from generator.exports import hsds
from generator.core.directory import Directory
from generator.core.facets import FACETS
from generator.core.validate import validate_tree
from tests.conftest import ROOT, open_page, standing

pytestmark = pytest.mark.orgs  # every test here reads the repository's own listings


@pytest.fixture(scope="module")
def directory() -> Directory:
    return validate_tree(ROOT)


def test_the_directory_validates(directory):
    assert directory.organizations and directory.programs  # found and read, and no problem


def test_every_listing_and_organization_has_its_page(real_site, directory):
    for program in directory.programs.values():
        page = real_site / "opportunities" / program.id / "index.html"
        assert page.is_file(), program.path
        assert f'href="../../organizations/{program.org_id}/"' in page.read_text(encoding="utf-8")
    for org in directory.organizations.values():
        assert (real_site / "organizations" / org.id / "index.html").is_file(), org.path


def _filters(page: str) -> Counter[tuple[str, str]]:
    found = re.findall(r'<span data-pagefind-filter="([^"]+)">([^<]*)</span>', page)
    return Counter((key, value) for key, value in found)


def _expected(program, today: dt.date) -> Counter[tuple[str, str]]:
    values = Counter((facet.key, value) for facet in FACETS for value in facet.indexed(program))
    now = standing(program, today, freshness.window_days(ROOT), freshness.urgent_days(ROOT))
    if now.status != "open":
        values[("status", now.status)] += 1
    values[("confirmed", now.fresh.confirmed)] += 1
    values[("urgent", "yes" if now.urgent else "no")] += 1
    if now.new:
        values[("new", "yes")] += 1
    return values


def test_every_listing_page_gives_the_finder_each_of_its_facet_values(real_site, directory):
    today = dt.date.today()
    for program in directory.programs.values():
        page = (real_site / "opportunities" / program.id / "index.html").read_text(
            encoding="utf-8")
        assert _filters(page) == _expected(program, today), program.path


def test_every_listing_and_organization_has_its_row_in_every_export(real_site, directory):
    api = real_site / "api"
    programs = json.loads((api / "opportunities.json").read_text(encoding="utf-8"))
    assert sorted(p["id"] for p in programs) == sorted(directory.programs)
    rows = list(csv.DictReader(io.StringIO((api / "opportunities.csv").read_text(
        encoding="utf-8"))))
    assert sorted(r["id"] for r in rows) == sorted(directory.programs)
    orgs = json.loads((api / "organizations.json").read_text(encoding="utf-8"))
    assert sorted(o["id"] for o in orgs) == sorted(directory.organizations)
    services = json.loads((api / "hsds" / "services.json").read_text(encoding="utf-8"))
    assert sorted(s["id"] for s in services) == sorted(
        hsds.hsds_id("service", listing) for listing in directory.programs)
    for record in programs:
        assert (real_site / record["url"] / "index.html").is_file(), record["url"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        for name in ("href", "src"):
            if found.get(name) and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.links.append(found[name] or "")


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, url: str) -> Path:
    path = site / unquote(url).lstrip("/")
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def test_every_internal_link_resolves(real_site):
    parsed = {page: _parse(page) for page in real_site.rglob("*.html")}
    by_path = {page.resolve(): links for page, links in parsed.items()}
    broken = []
    for page, links in parsed.items():
        here = "/" + page.relative_to(real_site).as_posix()
        for link in links.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("//"):
                continue  # outbound, mailto: and the like
            url = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path)) \
                if parts.path else here
            if parts.path.endswith("/") and not url.endswith("/"):
                url += "/"
            target = _target(real_site, url)
            if not target.is_file():
                broken.append(f"{here}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = by_path.get(target.resolve()) or _parse(target)
                if unquote(parts.fragment) not in ids.ids:
                    broken.append(f"{here}: {link} (no id '{parts.fragment}')")
    assert broken == []


@pytest.mark.browser
def test_the_finder_counts_and_lists_every_listing_under_its_values(browser, served, directory):
    """Pagefind's own counts and results, read in Chromium, against counts from the data."""
    context, page, outside = open_page(browser, served)
    page.goto(served + "find/")
    counts = page.evaluate("""async () => {
        const pagefind = await import('../pagefind/pagefind.js');
        await pagefind.options({ baseUrl: new URL('../', location.href).pathname });
        return await pagefind.filters();
    }""")
    today = dt.date.today()
    expected: dict[str, Counter[str]] = {}
    for program in directory.programs.values():
        for (key, value), number in _expected(program, today).items():
            expected.setdefault(key, Counter())[value] += number
    assert {key: dict(values) for key, values in expected.items()} == {
        key: {v: n for v, n in values.items() if n} for key, values in counts.items()
        if any(values.values())}
    members = page.evaluate("""async (wanted) => {
        const pagefind = await import('../pagefind/pagefind.js');
        const found = {};
        for (const [key, value] of wanted) {
            const search = await pagefind.search(null, { filters: { [key]: value } });
            const data = await Promise.all(search.results.map(r => r.data()));
            found[key + '=' + value] = data.map(d => d.url.match(/opportunities\\/([^/]+)\\//)[1]);
        }
        return found;
    }""", [[key, value] for key, values in expected.items() for value in values])
    for key, values in expected.items():
        for value in values:
            wanted = sorted(p.id for p in directory.programs.values()
                            if (key, value) in _expected(p, today))
            assert sorted(members[f"{key}={value}"]) == wanted, (key, value)
    context.close()
    assert outside == []


@pytest.mark.browser
def test_the_finder_opens_on_every_open_listing_with_each_kind_counted(browser, served,
                                                                      directory):
    """The finder's own page, as an attorney opens it: every open listing, and each kind of
    listing counted, programs too (the index does not write their kind: they are the listings
    that are neither trainings nor cases, whether the directory has those or not)."""
    from tests.site.test_finder import count_text, facet_count, results

    today = dt.date.today()
    window = freshness.window_days(ROOT)
    by_kind = Counter(program.kind for program in directory.programs.values()
                      if standing(program, today, window).status == "open")
    context, page, outside = open_page(browser, served)
    page.goto(served + "find/")
    results(page)
    total = sum(by_kind.values())
    assert count_text(page) == f"{total} opportunit{'y' if total == 1 else 'ies'}"
    if len({program.kind for program in directory.programs.values()}) == 1:
        # one kind for every listing: the group would narrow nothing, so it is not offered
        assert page.locator("#pb-facets input[name='listing']").count() == 0
        context.close()
        assert outside == []
        return
    for kind, number in by_kind.items():
        assert facet_count(page, "listing", kind) == number, kind
    page.goto(served + "find/?listing=program")
    results(page)
    assert count_text(page).startswith(f"{by_kind['program']} opportunit")
    context.close()
    assert outside == []
