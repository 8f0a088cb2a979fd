"""Dates that cannot be right are refused, with the fix in the message."""

from __future__ import annotations

import pytest

from tests.conftest import ORG, PROGRAM, validate_lines
from tests.core.test_broken_files import apply


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  date: 2026-11-01\n  by: maintainers\nadded:", "  date: 1900-01-01\n  by: maintainers\nadded:",
     "44:9: 1900-01-01 is before 2000, which cannot be the date the facts were checked; check "
     "the year"),
    ("added: 2026-10-15", "added: 1066-10-14",
     "46:8: 1066-10-14 is before 2000, which cannot be the date the listing was added; check "
     "the year"),
    ("    dates: [2026-12-03]", "    dates: [1066-10-14]",
     "33:13: 1066-10-14 is before 2000, which cannot be a training date; check the year"),
    ("    dates: [2026-12-03]", "    dates: [2026-12-03, 2126-12-03]",
     "33:25: 2126-12-03 is more than 5 years ahead, which is too far for a training date; "
     "check the year"),
    ("added: 2026-10-15", "added: 2026-10-15\nexpires: 2206-01-01",
     "47:10: 2206-01-01 is more than 5 years ahead, which is too far for the date the listing "
     "ends; check the year"),
    ("added: 2026-10-15", "added: 2026-10-15\nexpires: 2026-09-30",
     "47:10: the listing ends (2026-09-30) before it was added (2026-10-15); fix one of the two "
     "dates, or remove expires: if it does not end"),
    ("added: 2026-10-15", "added: 2026-11-05",
     "44:9: the facts were checked on 2026-11-01, before the listing was added on 2026-11-05; "
     "check them again and write today's date, or fix added:"),
])
def test_impossible_dates_and_orders(project, capsys, old, new, expected):
    apply(project, PROGRAM, old, new)
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:{expected}"]


def test_an_organization_checked_in_1900_is_refused(project, capsys):
    apply(project, ORG, "  date: 2026-11-01", "  date: 1900-11-01")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines[0].endswith("1900-11-01 is before 2000, which cannot be the date the facts "
                             "were checked; check the year")


def test_ordinary_dates_pass(project, capsys):
    apply(project, PROGRAM, "added: 2026-10-15", "added: 2026-10-15\nexpires: 2028-06-30")
    apply(project, PROGRAM, "    dates: [2026-12-03]", "    dates: [2026-12-03, 2027-03-11]")
    assert validate_lines(project, capsys)[0] == 0


def test_a_reopening_date_belongs_to_a_paused_listing(project, capsys):
    apply(project, PROGRAM, "urgent: true", "urgent: true\npaused_until: 2027-01-15")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:10:15: paused_until is only for a paused listing, and this one "
                     "is open; remove paused_until, or set status: paused"]
    apply(project, PROGRAM, "status: open", "status: paused")
    assert validate_lines(project, capsys)[0] == 0
