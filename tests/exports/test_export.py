"""The CSV export: stable columns, inherited contacts, one spelling of yes/no, no formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from generator.exports import export
from generator.core.model import Program
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, life

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def directory():
    return validate_tree(SITE_DATA, TODAY)


def rows(directory) -> tuple[list[str], dict[str, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(export.to_csv(directory, life(directory))))
    return list(reader.fieldnames or []), {row["id"]: row for row in reader}


def test_columns_follow_the_model_whatever_the_data_says(directory):
    columns, _ = rows(directory)
    assert columns[:14] == ["id", "url", "organization_id", "organization", "listed",
                            "status_today", "confirmed", "confirmed_by_organization",
                            "confirm_by", "archive_on", "urgent_today", "clients_waiting_today",
                            "kind", "title"]
    for column in ("respond_by", "next_date.date", "sessions", "time_zone", "cle", "free",
                   "volunteers.bar_admission", "support.attorney_of_record"):
        assert column in columns  # every kind's columns, whatever kinds the data has
    contact = [c for c in columns if c.startswith("contact.")]
    start = columns.index(contact[0])
    assert columns[start:start + len(contact)] == contact  # the contact columns side by side
    assert contact == ["contact.name", "contact.role", "contact.email", "contact.phone",
                       "contact.interest_form", "contact.website", "contact.notes",
                       "contact.from_organization"]
    assert "volunteers.law_students_welcome" in columns  # no listing says it; the column is there
    empty = type(directory)()
    assert rows(empty)[0] == columns


def test_a_listing_without_its_own_contact_shows_its_organizations(directory):
    _, by_id = rows(directory)
    inherited = by_id["vacatur-los-angeles"]
    assert (inherited["contact.name"], inherited["contact.email"], inherited["contact.phone"],
            inherited["contact.from_organization"]) == (
        "Inés Ejemplo", "voluntarios@centro.example.org", "(213) 555-0142", "true")
    own = by_id["u-visa-petitions"]
    assert (own["contact.interest_form"], own["contact.email"],
            own["contact.from_organization"]) == ("https://example.org/interest", "", "false")
    nobody = by_id["vacatur-motions"]  # its organization has a website but no contact person
    assert (nobody["contact.email"], nobody["contact.website"],
            nobody["contact.from_organization"]) == ("", "https://northcoast.example.org",
                                                      "true")


def test_yes_no_facts_are_true_false_or_unknown(directory):
    _, by_id = rows(directory)
    row = by_id["u-visa-petitions"]
    assert (row["urgent"], row["location.remote_possible"], row["volunteers.experience_required"],
            row["volunteers.law_students_welcome"], row["listed"]) == (
        "true", "true", "false", "unknown", "true")
    assert by_id["closed-clinic"]["listed"] == "false"
    flags = {c for c, kind in export._KINDS.items() if kind == "flag"}
    for row in by_id.values():
        assert {row[c] for c in flags} <= {"true", "false", "unknown", ""}


def test_a_column_of_another_kind_of_listing_stays_empty(directory):
    """A program cannot say whether it is free (a training's field): empty, not unknown."""
    _, by_id = rows(directory)
    program, training = by_id["u-visa-petitions"], by_id["t-visa-basics-training"]
    assert (program["kind"], program["free"], program["respond_by"]) == ("program", "", "")
    assert (training["kind"], training["urgent"], training["volunteers.bar_admission"]) == (
        "training", "false", "")
    assert training["free"] in ("true", "false", "unknown")
    for row in by_id.values():
        own = export._OWN[row["kind"]]
        assert all(row[c] in ("true", "false", "unknown") for c, kind in export._KINDS.items()
                   if kind == "flag" and c in own), row["id"]
        assert all(row[c] == "" for c in export._KINDS if c not in own), row["id"]


@pytest.mark.parametrize("hostile", ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1",
                                     "-2+3", "@SUM(A1)", " =1+1", "\uff1d1+1", "\t=1"])
def test_no_cell_starts_a_formula_lists_included(directory, hostile):
    program = directory.programs["u-visa-petitions"]
    data = program.data.model_dump()
    data["location"]["counties"] = [hostile, "Alameda County"]
    data["title"] = hostile
    data["support"]["training"]["notes"] = hostile
    changed = type(program)(program.id, program.org_id, program.path,
                            Program.model_validate(data))
    copy = type(directory)(dict(directory.organizations), {**directory.programs,
                                                          program.id: changed})
    _, by_id = rows(copy)
    row = by_id["u-visa-petitions"]
    for column in ("location.counties", "title", "support.training.notes"):
        assert row[column].startswith("'"), (column, row[column])
        assert row[column][1:].startswith(hostile)
