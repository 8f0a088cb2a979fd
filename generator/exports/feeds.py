"""Atom feeds (RFC 4287) of new and changed listings: one for the directory, one per value of
the main facets, written with feedgen.

A feed holds the listings that are listed on the day of the build (open, not past their dates,
not archived): a subscriber follows new opportunities, and one that closes simply leaves the
feed. Entries come newest first by the day the listing was added or last confirmed, whichever is
later, with at most `cap` entries a feed. Every value of the facets in FACET_KEYS that any
listing has (listed or not, "unknown" aside) gets a feed, so the feed a listing's page links to
always exists, even when it is empty for now.

Nothing depends on the clock: an entry's dates come from its listing, a feed's `updated` is its
newest entry's (an empty feed's is the newest change among the listings with its value), and
ids are tag: URIs (RFC 4151) that name no host, so a move to another address keeps them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from generator.core import vocab
from generator.core.directory import Directory, ProgramEntry
from generator.core.lifecycle import Lifecycle
from generator.core.facets import BY_KEY, UNKNOWN
from generator.core.load import slug
from generator.core.urls import SITE_NAME, browse_url, org_url, program_url

ALL = "feeds/all.atom"
ALL_TITLE = "New and updated opportunities"
FACET_KEYS = ("remedy", "state", "listing", "organization", "clients")
TAG = "tag:probono-directory"  # the tag: authority of every id; no host, so no move changes it
FEED_TAG_DATE = "2026"  # the year the directory minted its feed ids: fixed, never the clock
NO_DATE = dt.date(2000, 1, 1)  # a feed's `updated` when the directory has no listing at all
ATOM = "application/atom+xml"
# Characters XML 1.0 cannot hold (lxml refuses them): replaced, so hostile text stays data.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def feed_path(facet_key: str, value: str) -> str:
    """The site path of the feed of one facet value: feeds/remedy/t-visa.atom."""
    return f"feeds/{facet_key}/{slug(value)}.atom"


def feed_paths(program: ProgramEntry, org_name: str | None = None) -> list[tuple[str, str]]:
    """(title, site path) of the feeds a listing's page links to: the whole directory's, then
    one per value of each facet in FACET_KEYS. `org_name` titles the organization's feed (its
    id is used without it)."""
    found = [(ALL_TITLE, ALL)]
    for key in FACET_KEYS:
        for value in BY_KEY[key].values(program):
            if value != UNKNOWN:
                label = org_name if key == "organization" and org_name else _label(key, value)
                found.append((feed_title(key, label), feed_path(key, value)))
    return found


def paths_by_value(directory: Directory) -> dict[str, dict[str, str]]:
    """{facet key: {value: feed path}} for every value a listing has: the finder's "Follow"
    links for the values someone has chosen."""
    found: dict[str, dict[str, str]] = {key: {} for key in FACET_KEYS}
    for program in directory.programs.values():
        for key in FACET_KEYS:
            for value in BY_KEY[key].values(program):
                if value != UNKNOWN:
                    found[key][value] = feed_path(key, value)
    return {key: dict(sorted(values.items())) for key, values in found.items()}


def feed_title(facet_key: str, label: str) -> str:
    """'New and updated opportunities: Remedy: T visa'."""
    return f"{ALL_TITLE}: {BY_KEY[facet_key].label}: {label}"


def changed_on(program: ProgramEntry) -> dt.date:
    """The day the listing was added or last confirmed, whichever is later."""
    return max(program.data.added, program.data.last_verified.date)


def entry_id(program: ProgramEntry) -> str:
    """tag:probono-directory,2026-11-01:u-visa-petitions: the listing's id and the day it was
    added, so a later listing that reuses an old id is a new entry."""
    return f"{TAG},{program.data.added.isoformat()}:{program.id}"


def files(directory: Directory, life: Lifecycle, site_url: str = "", cap: int = 50,
          site_name: str = SITE_NAME) -> dict[str, str]:
    """Feed files by their path in the site: feeds/all.atom and feeds/<facet>/<value>.atom.

    Links are absolute under `site_url` when it is given, else relative to the feed file (feed
    readers resolve them against the feed's own address). One sort of the listings and one pass
    to group them: each group fills in order, so no feed sorts or scans again.
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    ordered = sorted(directory.programs.values(), key=_newest_first)
    listed: list[ProgramEntry] = []
    groups: dict[tuple[str, str], list[ProgramEntry]] = {}
    newest: dict[tuple[str, str], dt.date] = {}  # newest change among all listings of a value
    for program in ordered:
        shown = life.listed(program)
        if shown and len(listed) < cap:
            listed.append(program)
        for key in FACET_KEYS:
            for value in BY_KEY[key].values(program):
                if value == UNKNOWN:
                    continue
                group = groups.setdefault((key, value), [])
                newest.setdefault((key, value), changed_on(program))  # the first is the newest
                if shown and len(group) < cap:
                    group.append(program)
    fallback = changed_on(ordered[0]) if ordered else NO_DATE
    for kind in vocab.LISTING_KINDS.ids():  # one per kind, even before the first is listed
        groups.setdefault(("listing", kind), [])
        newest.setdefault(("listing", kind), fallback)
    writer = _Writer(directory, base, site_name)
    out = {ALL: writer.feed(ALL, ALL_TITLE, base or "../", listed, fallback)}
    for (key, value), programs in sorted(groups.items()):
        path = feed_path(key, value)
        title = feed_title(key, _label(key, value, directory))
        # a value with nothing listed today has no browse page of its own: its facet's has
        page = (org_url(value) if key == "organization" else
                "trainings/" if (key, value) == ("listing", "training") else
                browse_url(key, value) if programs else f"browse/{key}/")
        out[path] = writer.feed(path, title, (base or _up(path)) + page, programs,
                                newest[key, value])
    return out


def _newest_first(program: ProgramEntry) -> tuple[int, int, str]:
    return (-changed_on(program).toordinal(), -program.data.added.toordinal(), program.id)


def _label(key: str, value: str, directory: Directory | None = None) -> str:
    if key == "organization" and directory is not None and value in directory.organizations:
        return directory.organizations[value].data.name
    return BY_KEY[key].labels(value)


def _up(path: str) -> str:
    """From a feed file back to the site root: feeds/remedy/x.atom -> ../../"""
    return "../" * path.count("/")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)


class _Writer:
    """Builds each listing's entry once for each depth of feed file, for all its feeds."""

    def __init__(self, directory: Directory, base: str, site_name: str) -> None:
        self.directory = directory
        self.base = base
        self.site_name = site_name
        self._entries: dict[tuple[str, str], FeedEntry] = {}

    def feed(self, path: str, title: str, page: str, programs: Iterable[ProgramEntry],
             empty_updated: dt.date) -> str:
        programs = list(programs)
        gen = FeedGenerator()
        gen.id(f"{TAG},{FEED_TAG_DATE}:{path}")
        gen.title(_text(title))
        gen.subtitle(self.site_name)
        gen.language("en")
        gen.updated(_moment(changed_on(programs[0]) if programs else empty_updated))
        gen.link(href=self.base + path if self.base else path.rsplit("/", 1)[-1], rel="self",
                 type=ATOM)
        gen.link(href=page, rel="alternate", type="text/html")
        prefix = self.base or _up(path)
        for program in programs:
            gen.add_entry(self._entry(program, prefix), order="append")
        return gen.atom_str(pretty=True).decode("utf-8")

    def _entry(self, program: ProgramEntry, prefix: str) -> FeedEntry:
        cached = self._entries.get((program.id, prefix))
        if cached is not None:
            return cached
        data = program.data
        entry = FeedEntry()
        entry.id(entry_id(program))
        entry.title(_text(data.title))
        entry.updated(_moment(changed_on(program)))
        entry.published(_moment(data.added))
        entry.summary(_text(data.summary))
        entry.link(href=prefix + program_url(program.id), rel="alternate", type="text/html")
        org = self.directory.organizations.get(program.org_id)
        if org is not None:
            author = {"name": _text(org.data.name)}
            if self.base:
                author["uri"] = self.base + org_url(org.id)
            entry.author(author)
        entry.category(term=data.kind, label=BY_KEY["listing"].labels(data.kind))
        self._entries[program.id, prefix] = entry
        return entry
