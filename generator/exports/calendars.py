"""iCalendar files (RFC 5545) of training sessions and case dates, written with icalendar.

- calendar/all.ics: the sessions to come of every listed training, and the respond-by and next
  dates to come of every listed case; calendar/organizations/<org-id>.ics: the same for one
  organization (one file for every organization, empty or not, so a subscription's address
  keeps working).
- opportunities/<id>/<id>.ics beside each training's page, for "Add to calendar": every session
  of that training, past ones too, whatever its status.

A session with a start time is a timed event in the training's time zone (TZID, with the
VTIMEZONE it needs); a session without times, and a case's dates, are all-day events (DATE).
A session with times but no time zone (the validator refuses that) is an all-day event rather
than a guess at the zone. UIDs are <listing-id>-<yyyymmdd>@probono-directory, with -2, -3...
for a listing's second and third event on one day; DTSTAMP is the listing's last_verified day.
Nothing depends on the clock. The text is CRLF-separated as RFC 5545 asks: write it unchanged
(bytes, or newline="").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vDuration, vText

from generator.core.directory import Directory, ProgramEntry
from generator.core.lifecycle import Lifecycle
from generator.core.freshness import long_date
from generator.core.urls import SITE_NAME, program_url

ALL = "calendar/all.ics"
DOMAIN = "probono-directory"
PRODID = f"-//{DOMAIN}//calendars//EN"
REFRESH = dt.timedelta(days=1)  # the site is rebuilt daily
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_END = "END:VCALENDAR\r\n"
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def calendar_path(program: ProgramEntry) -> str | None:
    """The "Add to calendar" file of a training with dates; None for any other listing."""
    if program.kind == "training" and program.data.sessions:
        return f"{program_url(program.id)}{program.id}.ics"
    return None


def org_calendar_path(org_id: str) -> str:
    return f"calendar/organizations/{org_id}.ics"


@dataclass(frozen=True)
class _Dated:
    """One event with what decides where it goes."""

    key: tuple[dt.date, str, str]  # day, start time ("" all day), uid: the order in a file
    program: ProgramEntry
    upcoming: bool
    text: str  # the VEVENT as icalendar writes it
    zone: str | None  # the TZID a timed event uses


def files(directory: Directory, life: Lifecycle, site_url: str = "",
          site_name: str = SITE_NAME) -> dict[str, str]:
    """Calendar files by their path in the site (see the module's docstring).

    Every event is built once, all are sorted once, and each file takes its events in that
    order: no file scans the directory again.
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    dated: list[_Dated] = []
    for program in directory.programs.values():
        if program.kind in ("training", "case"):
            dated += _events(program, life.today, base)
    dated.sort(key=lambda d: d.key)
    upcoming: list[_Dated] = []
    by_org: dict[str, list[_Dated]] = {org_id: [] for org_id in directory.organizations}
    by_training: dict[str, list[_Dated]] = {}
    for item in dated:
        program = item.program
        if program.kind == "training":
            by_training.setdefault(program.id, []).append(item)
        if item.upcoming and life.listed(program):  # decided once per build (lifecycle.py)
            upcoming.append(item)
            by_org.setdefault(program.org_id, []).append(item)
    out = {ALL: _calendar(ALL, f"{site_name}: trainings and case dates", upcoming)}
    for org_id, items in sorted(by_org.items()):
        org = directory.organizations.get(org_id)
        name = org.data.name if org is not None else org_id
        path = org_calendar_path(org_id)
        out[path] = _calendar(path, f"{name}: trainings and case dates", items)
    for program_id, items in sorted(by_training.items()):
        program = items[0].program
        path = calendar_path(program)
        out[path] = _calendar(path, program.data.title, items)
    return out


def _events(program: ProgramEntry, today: dt.date, base: str) -> list[_Dated]:
    data = program.data
    page = base + program_url(program.id) if base else None
    found: list[_Dated] = []
    seen: dict[dt.date, int] = {}

    def add(day: dt.date, summary: str, lines: list[str], start: str | None = None,
            end: str | None = None, where: str | None = None) -> None:
        seen[day] = seen.get(day, 0) + 1
        uid = f"{program.id}-{day:%Y%m%d}" + (f"-{seen[day]}" if seen[day] > 1 else "")
        uid += f"@{DOMAIN}"
        zone = getattr(data, "time_zone", None) if start else None
        details = [_multi(data.summary), *lines] + ([f"Details: {page}"] if page else [])
        event = Event.new(uid=uid, stamp=_midnight_utc(data.last_verified.date),
                          summary=_one_line(summary), description="\n\n".join(details),
                          location=_one_line(where) if where else None, url=page,
                          categories=[data.kind.capitalize()])
        if zone:
            tz = ZoneInfo(zone)
            begins = dt.datetime.combine(day, _clock(start), tzinfo=tz)
            event.start = begins
            if end:
                ends = dt.datetime.combine(day, _clock(end), tzinfo=tz)
                event.end = ends if ends > begins else ends + dt.timedelta(days=1)
        else:
            event.start = day
            event.end = day + dt.timedelta(days=1)
            event.transparency = "TRANSPARENT"  # a day to remember, not a busy day
        found.append(_Dated((day, start if zone else "", uid), program, day >= today,
                            event.to_ical().decode("utf-8"), zone))

    if data.kind == "training":
        count = len(data.sessions)
        register = [f"Register: {data.registration}"] if data.registration else []
        online = "live-online" in data.formats
        for number, session in enumerate(data.sessions, 1):
            title = data.title + (f" (session {number} of {count})" if count > 1 else "")
            times = [] if session.start is None or data.time_zone else [
                f"Time: {session.start}" + (f" to {session.end}" if session.end else "")]
            add(session.date, title, times + register, session.start, session.end,
                session.where or ("Online" if online else None))
    elif data.kind == "case":
        add(data.respond_by, f"Respond by: {data.title}",
            [f"The last day to offer to take the case: {long_date(data.respond_by)}."])
        if data.next_date is not None:
            add(data.next_date.date, f"{data.next_date.what}: {data.title}",
                [f"Next date in the case: {_multi(data.next_date.what)}."])
    return found


def _calendar(path: str, name: str, items: list[_Dated]) -> str:
    """A VCALENDAR with its VTIMEZONEs, then its events in order. An event is in up to three
    files and serialized once: its text is put in each file as icalendar wrote it."""
    calendar = Calendar.new(prodid=PRODID, name=_one_line(name), uid=f"{path}@{DOMAIN}",
                            refresh_interval=REFRESH)
    for key in ("NAME", "X-WR-CALNAME"):  # icalendar writes these as they are: TEXT escapes
        calendar[key] = vText(str(calendar[key]))  # "," ";" "\\" as RFC 5545 3.3.11 asks
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"  # RFC 7986 asks for it
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))  # the same, for older clients
    head = calendar.to_ical().decode("utf-8")
    if not head.endswith(_END):
        raise ValueError(f"icalendar wrote {head[-40:]!r} at the end of a calendar")
    zones = sorted({item.zone for item in items if item.zone})
    years = [item.key[0].year for item in items if item.zone]
    blocks = [_timezone(zone, min(years), max(years)) for zone in zones]
    blocks += [item.text for item in items]
    return head[: -len(_END)] + "".join(blocks) + _END


@functools.lru_cache(maxsize=None)
def _timezone(zone: str, first_year: int, last_year: int) -> str:
    """The VTIMEZONE of a zone over whole years around the events, built once per build."""
    return Timezone.from_tzid(zone, first_date=dt.date(first_year, 1, 1),
                              last_date=dt.date(last_year + 2, 1, 1)).to_ical().decode("utf-8")


def _clock(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)




def _one_line(text: str) -> str:
    """One line of plain text: line breaks and control characters become spaces."""
    return _CONTROL.sub(" ", _BREAKS.sub(" ", text).replace("\n", " "))


def _multi(text: str) -> str:
    """Text whose line breaks are kept as plain newlines (icalendar escapes them as \\n)."""
    return _CONTROL.sub(" ", _BREAKS.sub("\n", text))
