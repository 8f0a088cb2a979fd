"""How current a listing is: confirmed within the directory's window, not confirmed since,
described from a source nobody confirmed, or archived.

Only two things count as confirmed: the organization's own confirmation (`last_verified: by:
organization`) within the window, or a maintainers' check of a source whose own date
(`source: published:` or `updated:`) is inside the window. A maintainers' check of an undated
or older source is "described": the page says "Not confirmed by <org>; described from its
public page (undated, c. 2017)", and no window makes it confirmed.

Claims that go stale fast (a listing's `urgent`, a case's `clients_waiting`) are shown only while
the organization said them within a shorter window (`urgent_days`, default 30); past it the
page says "Marked urgent on DATE, not confirmed since".

The window (default 180 days, `freshness_days` under the probono plugin in mkdocs.yml) counts
from the listing's `last_verified` date. Past the window a listing stays in every view with a
notice ("Not confirmed since DATE"); past twice the window it is archived: it leaves the default
views and its page says so, and its address is kept. A training or case goes by its own dates:
while a session or its respond-by date is ahead, the window only adds the notice; once its date
has passed (or a listing's `expires` date), it is archived the same way. Nothing here deletes a
file: the daily rebuild moves listings between these states on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from generator.core import config
from generator.core.problems import SetupError

if TYPE_CHECKING:
    from generator.core.directory import ProgramEntry

DEFAULT_WINDOW_DAYS = 180
DEFAULT_URGENT_DAYS = 30  # how long "urgent" and "clients waiting" are shown after confirmation
NEAR_DAYS = 30  # `stale` names listings this close to the end of their window
CURRENT, UNCONFIRMED, DESCRIBED, ARCHIVED = "current", "unconfirmed", "described", "archived"
LABELS = {CURRENT: "Confirmed recently", UNCONFIRMED: "Not confirmed recently",
          DESCRIBED: "Described from a source, not confirmed", ARCHIVED: "Archived"}


# A listing's confirmation line, in words with placeholders. The pages fill them in here; the
# finder fills them in the browser (finder.js) from the codes its index carries, so the index
# holds none of these words for a search to match ("confirmed", "maintainers", "undated").
LINES = {
    "organization": "Confirmed by {org} on {date}",
    "maintainers": ("Not confirmed by {org}; checked by the maintainers on {date} against "
                    "{source} ({when})"),
    "unconfirmed": "Not confirmed since {date}",
    "described": "Not confirmed by {org}; described from {source} ({when})",
    "described_badge": "Not confirmed by {org}",
}
SOURCES = {"own": "its public page", "none": "the source named on this page",
           "host": "a page on {host}"}
WHEN = {"updated": "updated {date}", "published": "published {date}",
        "estimated": "undated, c. {year}", "undated": "undated"}


def source_date(source: Any) -> tuple[str, dt.date | int | None]:
    """Which date the source gives of itself, and the date (a year when estimated)."""
    if source.updated is not None and (source.published is None
                                       or source.updated >= source.published):
        return "updated", source.updated
    if source.published is not None:
        return "published", source.published
    if source.estimated_year is not None:
        return "estimated", source.estimated_year
    return "undated", None


def source_when(source: Any) -> str:
    """What the source says of its own date: 'published May 3, 2019', 'updated ...',
    'undated, c. 2017' or 'undated'."""
    kind, when = source_date(source)
    if isinstance(when, dt.date):
        return WHEN[kind].format(date=long_date(when))
    return WHEN[kind].format(year=when)


def long_date(day: dt.date) -> str:
    """'November 12, 2026': how the site, its exports and the messages write a date (the
    finder writes it the same way, monthFirst in finder.js)."""
    return f"{day:%B} {day.day}, {day.year}"


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.lower().removeprefix("www.")


def source_kind(source: Any, org_website: str | None) -> tuple[str, str]:
    """('own', ''), ('none', '') or ('host', 'lacba.org'): what the source is, as far as its
    address shows (source_words)."""
    if not source.url:
        return "none", ""
    host, own = _host(source.url), _host(org_website)
    if own and (host == own or host.endswith("." + own)):
        return "own", ""
    return ("host", host) if host else ("none", "")


def source_words(source: Any, org_website: str | None) -> str:
    """What the source is, as far as its address shows: 'its public page' only for a page on
    the organization's own website; another site's page (a bar association's news, a
    newspaper) is named by its host, so nobody reads an article about a program as the
    program's own page."""
    kind, host = source_kind(source, org_website)
    return SOURCES[kind].format(host=host)


def described_notice(org_name: str, source: Any, org_website: str | None = None) -> str:
    """'Not confirmed by LACLJ; described from its public page (undated, c. 2017)'."""
    return LINES["described"].format(org=org_name, source=source_words(source, org_website),
                                     when=source_when(source))


def line_kind(fresh: Freshness) -> str:
    """Which of LINES a listing's confirmation line is."""
    if fresh.described:
        return "described"
    if fresh.state == CURRENT:
        return "organization" if fresh.by_organization else "maintainers"
    return "unconfirmed"


def confirmation_line(fresh: Freshness, org_name: str, source: Any,
                      org_website: str | None) -> str:
    """A card's one line on who confirmed the listing: 'Confirmed by LACLJ on May 3, 2026',
    'Not confirmed since May 3, 2026', 'Not confirmed by LACLJ; described from ...'."""
    return LINES[line_kind(fresh)].format(
        org=org_name, date=long_date(fresh.verified),
        source=source_words(source, org_website), when=source_when(source))


@dataclass(frozen=True)
class Freshness:
    state: str  # current, unconfirmed, described or archived
    verified: dt.date  # the last_verified date
    confirm_by: dt.date  # the last day it counts as current (for a described one, it never did)
    archive_on: dt.date  # the day it leaves the default views, unless its own dates say so
    by_organization: bool = True  # last_verified: by: organization
    described: bool = False  # a maintainers' check of an undated or old source

    @property
    def confirmed(self) -> str:
        """The finder's 'Last confirmed' value: current, unconfirmed, or described (archived
        listings are out of the default views already, and count as unconfirmed or described
        when shown)."""
        if self.state == CURRENT:
            return CURRENT
        return DESCRIBED if self.described else UNCONFIRMED

    @property
    def notice(self) -> str:
        """'Not confirmed since March 12, 2026' past the window; '' while current or described
        (a described listing's words need its organization's name: described_notice)."""
        if self.state == CURRENT or self.described:
            return ""
        return LINES["unconfirmed"].format(date=long_date(self.verified))


def of(program: ProgramEntry, today: dt.date, window: int,
       over: bool | None = None) -> Freshness:
    """How current the listing is (its status and whether it is listed: lifecycle.py).
    `over`: program.is_expired(today), when the caller has it already."""
    if over is None:
        over = program.is_expired(today)
    return judge(program.data, today, window, over, _own_date_ahead(program, today))


def judge(data: Any, today: dt.date, window: int, expired: bool = False,
          own_date_ahead: bool = False) -> Freshness:
    """The freshness of a listing's or an organization's data on `today`."""
    check = data.last_verified
    verified = check.date
    archive_on = verified + dt.timedelta(days=2 * window)
    by_organization = check.by == "organization"
    if by_organization:
        confirm_by = verified + dt.timedelta(days=window)
    else:  # the facts are only as recent as the source the maintainers read
        dated = data.source.dated
        confirm_by = (min(dated, verified) + dt.timedelta(days=window) if dated is not None
                      else verified - dt.timedelta(days=1))
    described = not by_organization and today > confirm_by
    if expired:
        state = ARCHIVED
    elif today <= confirm_by:
        state = CURRENT
    elif today < archive_on or own_date_ahead:
        state = DESCRIBED if described else UNCONFIRMED
    else:
        state = ARCHIVED
    return Freshness(state, verified, confirm_by, archive_on, by_organization, described)


@dataclass(frozen=True)
class Claim:
    """A claim that goes stale fast: whether it is shown, and the words when it is not."""

    shown: bool
    since: dt.date | None  # the day the organization said it, if it did
    notice: str  # '' while shown


def fast_claim(data: Any, own_date: dt.date | None, today: dt.date, days: int,
               what: str) -> Claim:
    """`what` ('Marked urgent', '3 clients waiting') is shown only while the organization said
    it within `days`: on its own date, else on the day it last confirmed the listing."""
    check = data.last_verified
    since = own_date or (check.date if check.by == "organization" else None)
    if since is not None and today <= since + dt.timedelta(days=days):
        return Claim(True, since, "")
    if since is not None:
        return Claim(False, since, f"{what} on {long_date(since)}, not confirmed since")
    # Nobody at the organization said it: the claim is as old as its source, not as the day
    # the maintainers read it.
    return Claim(False, None, f"{what} in its source ({source_when(data.source)}); the "
                 "organization has not confirmed it")


def urgent(program: ProgramEntry, today: dt.date, days: int) -> Claim:
    """Whether the listing's urgent flag is shown on `today` (never for a listing not urgent)."""
    data = program.data
    if not data.urgent:
        return Claim(False, None, "")
    return fast_claim(data, data.urgent_confirmed, today, days, "Marked urgent")


def clients_waiting(program: ProgramEntry, today: dt.date, days: int) -> Claim:
    data = program.data
    waiting = getattr(data, "clients_waiting", None)
    if waiting is None:
        return Claim(False, None, "")
    return fast_claim(data, data.clients_waiting_confirmed, today, days,
                      f"{waiting} clients waiting")


def _own_date_ahead(program: ProgramEntry, today: dt.date) -> bool:
    """A training with a session to come, or a case still waiting for an answer."""
    ended = program.ended_on()
    return program.kind in ("training", "case") and ended is not None and ended >= today


def window_days(root: Path) -> int:
    """The window set in root/mkdocs.yml (plugins: - probono: freshness_days: N), or 180.

    Read without MkDocs, which the core does not import; the plugin reads the same option.
    """
    return checked_window(config.plugin_option(root, "freshness_days", DEFAULT_WINDOW_DAYS))


def urgent_days(root: Path) -> int:
    """The short window for urgent claims (plugins: - probono: urgent_days: N), or 30."""
    return checked_window(config.plugin_option(root, "urgent_days", DEFAULT_URGENT_DAYS),
                          "urgent_days", DEFAULT_URGENT_DAYS)


def checked_window(days: Any, name: str = "freshness_days",
                   default: int = DEFAULT_WINDOW_DAYS) -> int:
    """The window as set, or SetupError saying what to write (the plugin asks here too)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise SetupError(f"mkdocs.yml: probono: {name} must be a number of days, 1 or "
                         f"more (it is {days!r}); the default is {default}")
    return days
