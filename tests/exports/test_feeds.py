"""The Atom feeds: valid Atom read back with feedparser, listed listings newest first, capped,
stable ids and dates that do not depend on the clock or the host, and hostile text as data."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

import feedparser
import pytest

from generator.core import freshness
from generator.exports import feeds
from generator.core.directory import Directory
from generator.core.facets import BY_KEY, UNKNOWN
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, life, standing

TODAY = dt.date(2026, 11, 22)
SITE = "https://example.org/directory"
# The listed listings of the test directory, newest change first (ties: added later first, then
# by id). Paused, closed, being set up, expired and past listings are left out.
NEWEST_FIRST = ["u-visa-case-mam", "vacatur-motions", "vacatur-los-angeles", "t-visa-remote",
                "asylum-for-children", "t-visa-basics-training", "vacatur-clinic",
                "u-visa-petitions", "accompaniment"]


@pytest.fixture(scope="module")
def directory() -> Directory:
    return validate_tree(SITE_DATA, TODAY)


def parse(text: str, path: str, site: str = SITE):
    """Read a feed as a reader would that fetched it from the site: relative links resolve
    against the feed's own address."""
    parsed = feedparser.parse(text.encode("utf-8"), response_headers={
        "content-type": "application/atom+xml; charset=utf-8",
        "content-location": f"{site}/{path}"})
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    assert parsed.version == "atom10"
    return parsed


def entry_ids(parsed) -> list[str]:
    return [entry.id.rsplit(":", 1)[1] for entry in parsed.entries]


def day(parsed_time: time.struct_time) -> dt.date:
    return dt.date(parsed_time.tm_year, parsed_time.tm_mon, parsed_time.tm_mday)


def test_every_feed_is_atom_that_a_reader_parses(directory):
    out = feeds.files(directory, life(directory))
    expected = {feeds.ALL}
    for key in feeds.FACET_KEYS:
        expected |= {feeds.feed_path(key, v) for p in directory.programs.values()
                     for v in BY_KEY[key].values(p) if v != UNKNOWN}
    assert set(out) == expected
    assert not any(UNKNOWN in path for path in out)
    assert "feeds/state/ca.atom" in out and "feeds/organization/bay-legal-aid.atom" in out
    for path, text in out.items():
        parsed = parse(text, path)
        assert parsed.feed.title and parsed.feed.id.startswith("tag:probono-directory,")
        assert len({e.id for e in parsed.entries}) == len(parsed.entries)


def test_the_whole_directory_feed_lists_what_is_listed_newest_first(directory):
    parsed = parse(feeds.files(directory, life(directory))[feeds.ALL], feeds.ALL)
    assert entry_ids(parsed) == NEWEST_FIRST
    updated = [day(e.updated_parsed) for e in parsed.entries]
    assert updated == sorted(updated, reverse=True)
    assert day(parsed.feed.updated_parsed) == updated[0] == dt.date(2026, 11, 20)


def test_an_entry_says_what_the_listing_says(directory):
    out = feeds.files(directory, life(directory), site_url=SITE + "/")
    parsed = parse(out[feeds.ALL], feeds.ALL)
    entry = {e.id: e for e in parsed.entries}["tag:probono-directory,2026-11-05:t-visa-remote"]
    program = directory.programs["t-visa-remote"].data
    assert entry.title == program.title
    assert entry.summary == program.summary
    assert day(entry.published_parsed) == dt.date(2026, 11, 5)  # added
    assert day(entry.updated_parsed) == dt.date(2026, 11, 10)  # last verified, later
    assert entry.link == f"{SITE}/opportunities/t-visa-remote/"
    assert entry.author == directory.organizations["centro-juridico"].data.name
    assert [t.term for t in entry.tags] == ["program"]
    training = {e.id.rsplit(":", 1)[1]: e for e in parsed.entries}["t-visa-basics-training"]
    assert [(t.term, t.label) for t in training.tags] == [("training", "Training")]


def test_relative_links_resolve_against_the_feed_address(directory):
    out = feeds.files(directory, life(directory))
    for path in (feeds.ALL, "feeds/remedy/t-visa.atom", "feeds/organization/centro-juridico.atom"):
        parsed = parse(out[path], path, site="https://host.example/sub")
        for entry in parsed.entries:
            assert entry.link == (f"https://host.example/sub/opportunities/"
                                  f"{entry.id.rsplit(':', 1)[1]}/")
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links["self"] == f"https://host.example/sub/{path}"
    remedy = parse(out["feeds/remedy/t-visa.atom"], "feeds/remedy/t-visa.atom", SITE)
    assert {link.rel: link.href for link in remedy.feed.links}["alternate"] == \
        f"{SITE}/browse/remedy/t-visa/"


def test_facet_feeds_hold_the_listed_listings_with_that_value(directory):
    out = feeds.files(directory, life(directory))
    listed = [p for p in directory.programs.values() if standing(p, TODAY).listed]
    for path, text in out.items():
        if path == feeds.ALL:
            continue
        _, key, _ = path.split("/")
        ids = entry_ids(parse(text, path))
        expected = [i for i in NEWEST_FIRST
                    if any(feeds.feed_path(key, v) == path
                           for v in BY_KEY[key].values(directory.programs[i]))]
        assert ids == expected, path
    assert len(listed) == len(NEWEST_FIRST)
    assert entry_ids(parse(out["feeds/listing/case.atom"], "x")) == ["u-visa-case-mam"]
    assert entry_ids(parse(out["feeds/state/ny.atom"], "x")) == ["vacatur-motions",
                                                                "accompaniment"]


def test_an_empty_feed_keeps_a_date_from_the_data(directory):
    # The only wage-claim listing is a past training: its feed is empty, dated by that listing.
    out = feeds.files(directory, life(directory))
    parsed = parse(out["feeds/remedy/wage-claim.atom"], "feeds/remedy/wage-claim.atom")
    assert parsed.entries == []
    assert day(parsed.feed.updated_parsed) == dt.date(2026, 9, 1)
    nothing = parse(feeds.files(Directory(), life(Directory()))[feeds.ALL], feeds.ALL)
    assert nothing.entries == [] and day(nothing.feed.updated_parsed) == feeds.NO_DATE


def test_builds_are_identical_and_ids_do_not_name_the_host(directory):
    first = feeds.files(directory, life(directory), site_url=SITE)
    assert feeds.files(directory, life(directory), site_url=SITE) == first
    elsewhere = feeds.files(directory, life(directory), site_url="https://mirror.example.net/")
    for path in first:
        a, b = parse(first[path], path), parse(elsewhere[path], path)
        assert [e.id for e in a.entries] == [e.id for e in b.entries]
        assert a.feed.id == b.feed.id and a.feed.updated == b.feed.updated
        assert "example" not in a.feed.id + "".join(e.id for e in a.entries)
    parsed = parse(first[feeds.ALL], feeds.ALL)
    assert parsed.entries[0].id == "tag:probono-directory,2026-11-20:u-visa-case-mam"


def test_the_feeds_do_not_follow_the_clock(directory):
    # The same listings a day later (still listed) give the same feed: no build time in it.
    assert feeds.files(directory, life(directory))[feeds.ALL] == \
        feeds.files(directory, life(directory, TODAY + dt.timedelta(days=1)))[feeds.ALL]


def many_in_california(directory: Directory, count: int) -> Directory:
    """The test directory with `count` more open listings in California, one added a day."""
    base = directory.programs["u-visa-petitions"]
    programs = dict(directory.programs)
    for n in range(count):
        added = dt.date(2026, 1, 1) + dt.timedelta(days=n)
        data = base.data.model_copy(update={
            "title": f"Generated listing {n}", "added": added,
            "last_verified": base.data.last_verified.model_copy(update={"date": added})})
        programs[f"generated-{n:03d}"] = replace(base, id=f"generated-{n:03d}", data=data)
    return Directory(organizations=dict(directory.organizations), programs=programs)


def test_every_feed_stops_at_the_cap(directory):
    # 60 generated listings added 1 Jan to 1 Mar 2026 (all listed: confirmed within 180 days of
    # 22 Nov would need June or later, so give them a window that keeps them all).
    big = many_in_california(directory, 60)
    out = feeds.files(big, life(big, window=400))
    ca = parse(out["feeds/state/ca.atom"], "feeds/state/ca.atom")
    assert len(ca.entries) == 50
    ids = entry_ids(ca)
    generated = [i for i in ids if i.startswith("generated-")]
    # the fixture's seven California listings come first, then the newest generated ones
    assert ids[:7] == [i for i in NEWEST_FIRST if i not in ("vacatur-motions", "accompaniment")]
    assert generated == [f"generated-{n:03d}" for n in range(59, 16, -1)]
    assert len(parse(out[feeds.ALL], feeds.ALL).entries) == 50
    small = feeds.files(big, life(big, window=400), cap=5)
    for path, text in small.items():
        assert len(parse(text, path).entries) <= 5
    assert entry_ids(parse(small["feeds/state/ny.atom"], "x")) == ["vacatur-motions",
                                                                  "accompaniment"]
    assert len(parse(small["feeds/state/ca.atom"], "x").entries) == 5


def test_a_listing_page_links_feeds_that_exist(directory):
    out = feeds.files(directory, life(directory))
    for program in directory.programs.values():
        links = feeds.feed_paths(program)
        assert links[0] == (feeds.ALL_TITLE, feeds.ALL)
        for title, path in links:
            assert path in out and title
    training = directory.programs["t-visa-basics-training"]
    paths = [path for _, path in feeds.feed_paths(training, org_name="Bay Example Legal Aid")]
    assert paths == ["feeds/all.atom", "feeds/remedy/t-visa.atom",
                     "feeds/remedy/continued-presence.atom", "feeds/state/ca.atom",
                     "feeds/listing/training.atom", "feeds/organization/bay-legal-aid.atom",
                     "feeds/clients/labor-trafficking-survivors.atom",
                     "feeds/clients/sex-trafficking-survivors.atom"]
    titles = dict((p, t) for t, p in feeds.feed_paths(training, org_name="Bay Example Legal Aid"))
    assert titles["feeds/organization/bay-legal-aid.atom"].endswith("Bay Example Legal Aid")
    assert titles["feeds/state/ca.atom"].endswith("State: California")
    parsed = parse(out["feeds/state/ca.atom"], "feeds/state/ca.atom")
    assert parsed.feed.title == titles["feeds/state/ca.atom"]


HOSTILE_TITLE = '<script>alert(1)</script> "a" & b\x0bc\u2028d\re </title><entry>'
HOSTILE_SUMMARY = "]]> <img src=x onerror=alert(2)> \x00 &amp; done"


def test_hostile_text_stays_data(directory):
    program = directory.programs["u-visa-petitions"]
    data = program.data.model_copy(update={"title": HOSTILE_TITLE, "summary": HOSTILE_SUMMARY})
    programs = dict(directory.programs, **{program.id: replace(program, data=data)})
    hostile = Directory(organizations=dict(directory.organizations), programs=programs)
    out = feeds.files(hostile, life(hostile))
    text = out[feeds.ALL]
    assert "<script>" not in text and "<img" not in text and "</title><entry>" not in text
    parsed = parse(text, feeds.ALL)
    assert entry_ids(parsed) == NEWEST_FIRST  # no entry added or lost
    entry = {e.id.rsplit(":", 1)[1]: e for e in parsed.entries}["u-visa-petitions"]
    # the text comes back as written; only what XML cannot hold at all is replaced
    assert entry.title == HOSTILE_TITLE.replace("\x0b", "\ufffd")
    assert entry.summary == HOSTILE_SUMMARY.replace("\x00", "\ufffd")
