"""The iCalendar files: read back with icalendar, every event where it belongs, timed sessions
at the right instant through the file's own VTIMEZONE, all-day dates as DATE values, stable
UIDs and stamps, and hostile text that stays one property's data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from icalendar import Calendar

from generator.core import freshness
from generator.exports import calendars
from generator.core.directory import Directory
from generator.core.model import Session
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, life, standing

TODAY = dt.date(2026, 11, 22)
SITE = "https://example.org/directory"
UTC = dt.timezone.utc
TRAINING = "opportunities/t-visa-basics-training/t-visa-basics-training.ics"
PAST_TRAINING = "opportunities/wage-claim-training-2026/wage-claim-training-2026.ics"
UPCOMING = {"t-visa-basics-training-20261203@probono-directory",
            "t-visa-basics-training-20270114@probono-directory",
            "u-visa-case-mam-20261215@probono-directory",  # respond by
            "u-visa-case-mam-20270201@probono-directory"}  # next date


@pytest.fixture(scope="module")
def directory() -> Directory:
    return validate_tree(SITE_DATA, TODAY)


def read(text: str) -> Calendar:
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF only, as RFC 5545 asks
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded
    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert calendar.get_missing_tzids() == set()  # every TZID has its VTIMEZONE
    return calendar


def text_value(escaped: str) -> str:
    """A TEXT value as RFC 5545 3.3.11 reads it: \\, \\; \\, and \\n are escapes."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1),
                  escaped)


def uids(calendar: Calendar) -> list[str]:
    return [str(event["UID"]) for event in calendar.events]


def by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.events}


def in_file_zone(calendar: Calendar, event) -> dt.datetime:
    """The event's start read through the VTIMEZONE written in the file, not the system's."""
    start = event.start
    zone = {tz.tz_name: tz for tz in calendar.timezones}[start.tzinfo.key]
    return start.replace(tzinfo=zone.to_tz(lookup_tzid=False)).astimezone(UTC)


def test_the_files(directory):
    out = calendars.files(directory, life(directory))
    assert set(out) == {calendars.ALL, TRAINING, PAST_TRAINING, "calendar/organizations/bay-legal-aid.ics",
                        "calendar/organizations/centro-juridico.ics", "calendar/organizations/north-coast-justice.ics"}
    for program in directory.programs.values():
        path = calendars.calendar_path(program)
        assert (path is not None) == (program.kind == "training" and bool(program.data.sessions))
        assert path is None or path in out
    assert calendars.calendar_path(directory.programs["u-visa-case-mam"]) is None
    assert calendars.calendar_path(directory.programs["u-visa-petitions"]) is None
    for text in out.values():
        read(text)


def test_the_directory_calendar_has_the_dates_to_come(directory):
    calendar = read(calendars.files(directory, life(directory))[calendars.ALL])
    assert set(uids(calendar)) == UPCOMING  # the October training is past: not there
    starts = [event.start for event in calendar.events]
    days = [s.date() if isinstance(s, dt.datetime) else s for s in starts]
    assert days == sorted(days)
    assert not any("wage-claim" in uid for uid in uids(calendar))


def test_a_timed_session_is_at_the_right_instant(directory):
    calendar = read(calendars.files(directory, life(directory))[calendars.ALL])
    assert [tz.tz_name for tz in calendar.timezones] == ["America/Los_Angeles"]
    events = by_uid(calendar)
    first = events["t-visa-basics-training-20261203@probono-directory"]
    assert first["DTSTART"].params["TZID"] == "America/Los_Angeles"
    # 12:00 Pacific Standard Time in December is 20:00 UTC, read through zoneinfo and through
    # the VTIMEZONE in the file
    assert first.start.astimezone(UTC) == dt.datetime(2026, 12, 3, 20, 0, tzinfo=UTC)
    assert in_file_zone(calendar, first) == dt.datetime(2026, 12, 3, 20, 0, tzinfo=UTC)
    assert first.end.astimezone(UTC) == dt.datetime(2026, 12, 3, 21, 30, tzinfo=UTC)
    second = events["t-visa-basics-training-20270114@probono-directory"]
    assert in_file_zone(calendar, second) == dt.datetime(2027, 1, 14, 20, 0, tzinfo=UTC)
    assert str(first["SUMMARY"]) == "T visa basics for new volunteers (session 1 of 2)"
    assert str(first["LOCATION"]) == "Online"
    assert first["DTSTAMP"].dt == dt.datetime(2026, 11, 1, tzinfo=UTC)  # last_verified


def test_case_dates_are_all_day(directory):
    calendar = read(calendars.files(directory, life(directory))[calendars.ALL])
    events = by_uid(calendar)
    respond = events["u-visa-case-mam-20261215@probono-directory"]
    following = events["u-visa-case-mam-20270201@probono-directory"]
    for event, day in ((respond, dt.date(2026, 12, 15)), (following, dt.date(2027, 2, 1))):
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert type(event.start) is dt.date and event.start == day
        assert type(event.end) is dt.date and event.end == day + dt.timedelta(days=1)
        assert "TZID" not in event["DTSTART"].params
    assert str(respond["SUMMARY"]) == "Respond by: U visa petition for a Mam-speaking survivor"
    assert str(following["SUMMARY"]).startswith("Certification expires: ")
    assert respond["DTSTAMP"].dt == dt.datetime(2026, 11, 20, tzinfo=UTC)


def test_a_training_file_keeps_its_past_sessions(directory):
    out = calendars.files(directory, life(directory), site_url=SITE + "/")
    past = read(out[PAST_TRAINING])
    (event,) = past.events
    assert str(event["UID"]) == "wage-claim-training-2026-20261001@probono-directory"
    assert str(event["LOCATION"]) == "Humboldt County Law Library, Eureka"
    # 09:00 Pacific Daylight Time on 1 October is 16:00 UTC
    assert in_file_zone(past, event) == dt.datetime(2026, 10, 1, 16, 0, tzinfo=UTC)
    assert str(event["URL"]) == f"{SITE}/opportunities/wage-claim-training-2026/"
    training = read(out[TRAINING])
    assert set(uids(training)) == {u for u in UPCOMING if u.startswith("t-visa-basics")}
    assert str(training.calendar_name) == "T visa basics for new volunteers"
    assert "Register: https://example.org/trainings/t-visa-basics" in \
        str(training.events[0]["DESCRIPTION"])


def test_organization_calendars(directory):
    out = calendars.files(directory, life(directory))
    assert set(uids(read(out["calendar/organizations/bay-legal-aid.ics"]))) == \
        {u for u in UPCOMING if u.startswith("t-visa-basics")}
    assert set(uids(read(out["calendar/organizations/centro-juridico.ics"]))) == \
        {u for u in UPCOMING if u.startswith("u-visa-case")}
    north = read(out["calendar/organizations/north-coast-justice.ics"])  # its only training is past
    assert north.events == [] and north.timezones == []


def test_links_only_with_an_address(directory):
    without = read(calendars.files(directory, life(directory))[calendars.ALL])
    assert all("URL" not in event for event in without.events)
    with_site = read(calendars.files(directory, life(directory), site_url=SITE)[calendars.ALL])
    for event in with_site.events:
        listing = re.fullmatch(r"(.+)-\d{8}(?:-\d+)?@probono-directory", str(event["UID"]))[1]
        assert str(event["URL"]) == f"{SITE}/opportunities/{listing}/"


def test_builds_are_identical_and_do_not_follow_the_clock(directory):
    first = calendars.files(directory, life(directory), site_url=SITE)
    assert calendars.files(directory, life(directory), site_url=SITE) == first
    # a day later the same events are to come: nothing in the files changes
    tomorrow = life(directory, TODAY + dt.timedelta(days=1))
    assert calendars.files(directory, tomorrow, site_url=SITE) == first


def with_training(directory: Directory, **changes) -> Directory:
    base = directory.programs["t-visa-basics-training"]
    data = base.data.model_copy(update=changes)
    programs = dict(directory.programs, **{base.id: replace(base, data=data)})
    return Directory(organizations=dict(directory.organizations), programs=programs)


def test_summer_time_another_zone_and_a_day_without_times(directory):
    sessions = [Session(date=dt.date(2027, 7, 1), start="12:00", end="13:00"),
                Session(date=dt.date(2027, 7, 1), start="15:00"),
                Session(date=dt.date(2027, 7, 2), where="Main St. Library, Albany")]
    changed = with_training(directory, sessions=sessions, time_zone="America/New_York")
    calendar = read(calendars.files(changed, life(changed))[TRAINING])
    events = by_uid(calendar)
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]
    noon = events["t-visa-basics-training-20270701@probono-directory"]
    assert in_file_zone(calendar, noon) == dt.datetime(2027, 7, 1, 16, 0, tzinfo=UTC)  # EDT
    later = events["t-visa-basics-training-20270701-2@probono-directory"]  # same day, second
    assert in_file_zone(calendar, later) == dt.datetime(2027, 7, 1, 19, 0, tzinfo=UTC)
    assert "DTEND" not in later
    whole_day = events["t-visa-basics-training-20270702@probono-directory"]
    assert type(whole_day.start) is dt.date and whole_day["DTSTART"].params["VALUE"] == "DATE"
    assert str(whole_day["LOCATION"]) == "Main St. Library, Albany"


HOSTILE = "<script>alert(1)</script>\r\nBEGIN:VEVENT\nUID:evil\u2028x\x0bDTSTART:1; a, b \\"


def test_hostile_text_stays_in_its_property(directory):
    # around the model's checks, as a bug in the validator would
    session = Session(date=dt.date(2026, 12, 3), start="12:00", end="13:30")
    sessions = [session.model_copy(update={"where": HOSTILE})]
    changed = with_training(directory, title=HOSTILE, summary=HOSTILE, sessions=sessions)
    out = calendars.files(changed, life(changed))
    for path in (calendars.ALL, TRAINING, "calendar/organizations/bay-legal-aid.ics"):
        text = out[path]
        lines = text.split("\r\n")
        assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == \
            len(read(text).events)
        assert not any(line.startswith(("UID:evil", "DTSTART:1")) for line in lines)
    calendar = read(out[TRAINING])
    (event,) = calendar.events
    assert str(event["UID"]) == "t-visa-basics-training-20261203@probono-directory"
    one_line = "<script>alert(1)</script> BEGIN:VEVENT UID:evil x DTSTART:1; a, b \\"
    assert str(event["SUMMARY"]) == one_line
    assert str(event["LOCATION"]) == one_line
    # icalendar reads NAME back as it stands (it does not know the property), so it is read
    # here as the TEXT it is, escapes and all
    assert text_value(str(calendar["NAME"])) == text_value(str(calendar["X-WR-CALNAME"])) == \
        one_line
    description = str(event["DESCRIPTION"])
    assert description.startswith("<script>alert(1)</script>\nBEGIN:VEVENT\nUID:evil\nx")
    assert event.start == dt.datetime(2026, 12, 3, 12, 0, tzinfo=event.start.tzinfo)
    assert len(read(out[calendars.ALL]).events) == len(UPCOMING) - 1  # one session left


def test_a_listed_training_keeps_only_its_sessions_to_come_in_the_shared_calendars(directory):
    sessions = [Session(date=dt.date(2026, 11, 5), start="12:00", end="13:00"),
                Session(date=TODAY, start="12:00", end="13:00"),  # today counts as to come
                Session(date=dt.date(2026, 12, 3), start="12:00", end="13:00")]
    changed = with_training(directory, sessions=sessions)
    assert standing(changed.programs["t-visa-basics-training"], TODAY).listed
    out = calendars.files(changed, life(changed))
    ahead = {"t-visa-basics-training-20261122@probono-directory",
             "t-visa-basics-training-20261203@probono-directory"}
    cases = {u for u in UPCOMING if u.startswith("u-visa-case")}
    assert set(uids(read(out[calendars.ALL]))) == ahead | cases
    assert set(uids(read(out["calendar/organizations/bay-legal-aid.ics"]))) == ahead
    assert set(uids(read(out[TRAINING]))) == ahead | {
        "t-visa-basics-training-20261105@probono-directory"}


def test_calendar_names_are_escaped_as_rfc_5545_text(directory):
    # a comma, a semicolon and a backslash in NAME and X-WR-CALNAME were written bare, so a
    # client split the name at the comma or read "\n" as a line break
    org = directory.organizations["bay-legal-aid"]
    name = r"Bay Legal Aid, Inc.; C:\new"
    changed = Directory(organizations=dict(directory.organizations, **{org.id: replace(
        org, data=org.data.model_copy(update={"name": name}))}),
        programs=dict(directory.programs))
    text = calendars.files(changed, life(changed), site_name="Directory, West; \\")
    unfolded = {path: body.replace("\r\n ", "").split("\r\n") for path, body in text.items()}
    org_lines = [line for line in unfolded["calendar/organizations/bay-legal-aid.ics"]
                 if line.startswith(("NAME", "X-WR-CALNAME"))]
    assert org_lines == [r"NAME:Bay Legal Aid\, Inc.\; C:\\new: trainings and case dates",
                         r"X-WR-CALNAME:Bay Legal Aid\, Inc.\; C:\\new: trainings and case dates"]
    all_lines = [line for line in unfolded[calendars.ALL] if line.startswith("NAME")]
    assert all_lines == [r"NAME:Directory\, West\; \\: trainings and case dates"]
    for body in text.values():
        read(body)
