"""The Open Referral HSDS 3.0 export: every record valid against the official schemas (vendored
in tests/data/hsds-3.0, checked offline), stable ids, statuses, schedules, volunteer facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from generator.core import freshness
from generator.exports import hsds
from generator.core.directory import Directory
from generator.core.model import Verification
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, TESTS, TODAY, life, standing

SCHEMAS = TESTS / "data" / "hsds-3.0"
SITE_URL = "https://probono.example.org/directory/"
HOSTILE = 'O\'Brien "&" <script>alert("x")</script> \\ Ünïcødé 法律 🚀 \u2028 \u202eevil'


@pytest.fixture(scope="module")
def directory() -> Directory:
    return validate_tree(SITE_DATA, TODAY)


FILES = {"api/hsds/organizations.json", "api/hsds/services.json",
         "api/hsds/taxonomy_terms.json", "api/hsds/taxonomies.json"}


def export(directory: Directory, site_url: str = SITE_URL) -> dict[str, Any]:
    out = hsds.files(directory, life(directory), site_url)
    assert set(out) == FILES
    return {"organizations": json.loads(out["api/hsds/organizations.json"]),
            "services": json.loads(out["api/hsds/services.json"]),
            "terms": {t["id"]: t for t in json.loads(out["api/hsds/taxonomy_terms.json"])},
            "taxonomies": json.loads(out["api/hsds/taxonomies.json"])}


@pytest.fixture(scope="module")
def hsds_data(directory: Directory) -> dict[str, Any]:
    return export(directory)


def services_by_listing(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Services by the id of the listing they come from (the last part of their page's url)."""
    return {s["url"].rstrip("/").rsplit("/", 1)[1]: s for s in data["services"]}


def facts(record: dict[str, Any],
          terms: dict[str, dict[str, Any]]) -> set[tuple[str, str, str | None]]:
    """(taxonomy, term code, value) of every attribute of a record, its term looked up by id
    in taxonomy_terms.json."""
    return {(terms[a["taxonomy_term_id"]]["taxonomy"], terms[a["taxonomy_term_id"]]["code"],
             a.get("value")) for a in record.get("attributes", [])}


@pytest.fixture(scope="module")
def validators() -> dict[str, Any]:
    """A validator per schema: the draft the schema declares (none: JSON Schema's latest,
    2020-12, which HSDS 3.0's OpenAPI 3.1 files also use), with format checking on."""
    found = {}
    for name in ("organization", "service"):
        text = (SCHEMAS / f"{name}.json").read_text(encoding="utf-8")
        assert '"$ref"' not in text, "a compiled schema needs nothing from the network"
        schema = json.loads(text)
        cls = validator_for(schema, default=Draft202012Validator)
        checker = cls.FORMAT_CHECKER
        # uri needs rfc3986-validator: without it a bad link would pass unnoticed
        assert {"uuid", "email", "uri", "date"} <= set(checker.checkers)
        found[name] = cls(schema, format_checker=checker)
    return found


def errors(validator: Any, records: list[dict[str, Any]]) -> list[str]:
    return [f"{record.get('name')}: {error.json_path}: {error.message}"
            for record in records for error in validator.iter_errors(record)]


@pytest.mark.parametrize("site_url", [SITE_URL, ""])
def test_every_record_is_valid_hsds(directory, validators, site_url):
    data = export(directory, site_url)
    assert len(data["organizations"]) == 3 and len(data["services"]) == 14
    assert errors(validators["organization"], data["organizations"]) == []
    assert errors(validators["service"], data["services"]) == []


def test_taxonomy_terms_are_written_once_and_every_attribute_finds_its_own(validators,
                                                                          hsds_data):
    """Attributes name their term by id; each term is in taxonomy_terms.json once, valid as
    HSDS 3.0's taxonomy_term (the schema nested in an attribute), in a listed taxonomy."""
    terms, text = hsds_data["terms"], json.dumps(hsds_data["organizations"])
    assert '"taxonomy_term":' not in text + json.dumps(hsds_data["services"])
    schema = validators["service"].schema["properties"]["attributes"]["items"]["properties"][
        "taxonomy_term"]
    term_validator = type(validators["service"])(
        schema, format_checker=validators["service"].format_checker)
    assert errors(term_validator, list(terms.values())) == []
    used = set(re.findall(r'"taxonomy_term_id": "([0-9a-f-]{36})"',
                          text + json.dumps(hsds_data["services"])))
    assert used == set(terms)  # every term used, every one used written
    assert {t["taxonomy_id"] for t in terms.values()} == {
        t["id"] for t in hsds_data["taxonomies"]}
    assert all(t["name"] and t["description"] for t in hsds_data["taxonomies"])


def test_the_schemas_do_check_formats_and_enums(validators, hsds_data):
    """A control: the same validators refuse a broken id, link and status."""
    service = dict(hsds_data["services"][0], id="u-visa-petitions", url="not a link",
                   status="open")
    found = list(validators["service"].iter_errors(service))
    assert {e.json_path for e in found} == {"$.id", "$.url", "$.status"}


def test_records_agree_with_each_other(hsds_data):
    services = hsds_data["services"]
    for service in services:
        assert service["organization"]["id"] == service["organization_id"]
        assert "services" not in service["organization"]
    nested = [s for org in hsds_data["organizations"] for s in org["services"]]
    assert sorted(nested, key=lambda s: s["id"]) == sorted(
        ({k: v for k, v in s.items() if k != "organization"} for s in services),
        key=lambda s: s["id"])
    for org in hsds_data["organizations"]:
        assert {s["organization_id"] for s in org["services"]} <= {org["id"]}


def record_ids(value: Any, found: list[str]) -> list[str]:
    """Ids of every record in an organization tree (terms are shared on purpose)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id":
                found.append(item)
            elif key != "taxonomy_term":
                record_ids(item, found)
    elif isinstance(value, list):
        for item in value:
            record_ids(item, found)
    return found


def test_every_record_has_its_own_id(hsds_data):
    ids = record_ids(hsds_data["organizations"], [])
    assert len(ids) == len(set(ids))


def test_the_same_directory_gives_the_same_files(directory):
    first = hsds.files(directory, life(directory), SITE_URL)
    assert hsds.files(directory, life(directory), SITE_URL) == first
    shuffled = Directory(dict(reversed(directory.organizations.items())),
                         dict(reversed(directory.programs.items())))
    assert hsds.files(shuffled, life(shuffled), SITE_URL) == first


def test_ids_are_derived_from_the_directory_ids(hsds_data):
    """Pinned: a change of namespace or recipe would change every id consumers have stored."""
    service = services_by_listing(hsds_data)["u-visa-petitions"]
    assert service["id"] == "a5ce4f2b-5518-585c-8f29-718b89a92441"
    assert service["id"] == hsds.hsds_id("service", "u-visa-petitions")
    assert service["organization_id"] == hsds.hsds_id("organization", "bay-legal-aid")


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_ids_are_uuid5_in_the_directory_namespace(parts):
    """hsds_id makes its UUIDs without the uuid module's objects; they are the same UUIDs."""
    made = hsds.hsds_id(*parts)
    assert made == str(uuid.uuid5(hsds.NAMESPACE, "/".join(parts)))
    assert uuid.UUID(made).version == 5 and uuid.UUID(made).variant == uuid.RFC_4122


def test_an_id_changes_only_when_its_listing_is_renamed(directory, hsds_data):
    programs = dict(directory.programs)
    old = programs.pop("vacatur-clinic")
    programs["vacatur-clinic-oakland"] = dataclasses.replace(old, id="vacatur-clinic-oakland")
    renamed = services_by_listing(export(Directory(directory.organizations, programs)))
    before = services_by_listing(hsds_data)
    assert renamed["vacatur-clinic-oakland"]["id"] != before["vacatur-clinic"]["id"]
    assert renamed["vacatur-clinic-oakland"]["id"] == hsds.hsds_id("service",
                                                                   "vacatur-clinic-oakland")
    del before["vacatur-clinic"], renamed["vacatur-clinic-oakland"]
    assert {k: s["id"] for k, s in renamed.items()} == {k: s["id"] for k, s in before.items()}


@pytest.mark.parametrize("listing, status", [
    ("u-visa-petitions", "active"),
    ("closed-clinic", "defunct"),
    ("expired-training", "defunct"),
    ("wage-claim-training-2026", "defunct"),  # its only session was in October
    ("paused-sijs", "temporarily closed"),
    ("survivor-clinic-being-set-up", "inactive"),
])
def test_status_follows_the_listing_and_today(hsds_data, listing, status):
    assert services_by_listing(hsds_data)[listing]["status"] == status


def test_only_listed_opportunities_are_active(directory, hsds_data):
    services = services_by_listing(hsds_data)
    for program in directory.programs.values():
        assert (services[program.id]["status"] == "active") == standing(program, TODAY).listed


def test_an_open_listing_nobody_has_confirmed_for_long_is_inactive(directory):
    entry = directory.programs["u-visa-petitions"]
    old = entry.data.model_copy(update={"last_verified": Verification(
        date=dt.date(2024, 1, 1), by="organization")})
    stale = dataclasses.replace(entry, data=old)
    changed = dataclasses.replace(directory, programs={**directory.programs, stale.id: stale})
    assert hsds.status(stale, life(changed)) == "inactive"


def test_a_paused_listing_says_when_it_reopens(hsds_data):
    assert "2027-01-15" in services_by_listing(hsds_data)["paused-sijs"]["alert"]


def test_a_trainings_sessions_are_schedules_in_its_time_zone(hsds_data):
    services = services_by_listing(hsds_data)
    winter = services["t-visa-basics-training"]["schedules"]
    assert [(s["dtstart"], s["valid_from"], s["valid_to"], s["opens_at"], s["closes_at"],
             s["timezone"]) for s in winter] == [
        ("2026-12-03", "2026-12-03", "2026-12-03", "12:00-08:00", "13:30-08:00", -8),
        ("2027-01-14", "2027-01-14", "2027-01-14", "12:00-08:00", "13:30-08:00", -8)]
    for schedule in winter:
        assert ("listing", "time_zone", "America/Los_Angeles") in facts(schedule, hsds_data["terms"])
        assert schedule["service_id"] == services["t-visa-basics-training"]["id"]
    (october,) = services["wage-claim-training-2026"]["schedules"]  # daylight saving time
    assert (october["opens_at"], october["closes_at"], october["timezone"]) == (
        "09:00-07:00", "12:30-07:00", -7)
    assert october["description"] == "Humboldt County Law Library, Eureka"
    assert "schedules" not in services["u-visa-petitions"]


def test_volunteer_side_facts_are_attributes(hsds_data):
    services = services_by_listing(hsds_data)
    case = facts(services["u-visa-case-mam"], hsds_data["terms"])
    assert {("listing-kind", "case", None),
            ("bar-admission", "any-us-jurisdiction", None),
            ("listing-dates", "respond_by", "2026-12-15"),
            ("remote", "location.remote_possible", "true"),
            ("who-may-volunteer", "volunteers.law_students_welcome", "true"),
            ("who-may-volunteer", "volunteers.in_house_counsel_welcome", "true"),
            ("listing", "related", hsds.hsds_id("service", "t-visa-remote"))} <= case
    # unknown stays unknown: nobody said whether paralegals may help
    assert not any(code == "volunteers.paralegals_welcome" for _, code, _ in case)
    training = facts(services["t-visa-basics-training"], hsds_data["terms"])
    assert {("listing-kind", "training", None),
            ("cle-credit", "general", "CA:1.5"),
            ("cle-credit", "elimination-of-bias", "CA:0.5"),
            ("bar-admission", "not-required", None),
            ("who-may-attend", "audience.law_students_welcome", "true")} <= training
    assert "1.5 hours" in services["t-visa-basics-training"]["accreditations"]
    assert ("listing-kind", "program", None) in facts(services["u-visa-petitions"],
                                                  hsds_data["terms"])


def test_languages_and_areas(hsds_data):
    case = services_by_listing(hsds_data)["u-visa-case-mam"]
    assert [(lang["code"], lang["name"]) for lang in case["languages"]] == [
        ("mam", "Mam"), ("es", "Spanish")]
    assert [area["name"] for area in case["service_areas"]] == ["Fresno County, CA"]
    assert case["url"] == SITE_URL + "opportunities/u-visa-case-mam/"


def test_hostile_text_survives_as_data(directory, validators):
    org_entry = directory.organizations["bay-legal-aid"]
    entry = directory.programs["u-visa-petitions"]
    org = org_entry.data.model_copy(update={"name": HOSTILE, "short_name": HOSTILE})
    data = entry.data.model_copy(update={
        "title": HOSTILE, "description": HOSTILE, "summary": HOSTILE,
        "location": entry.data.location.model_copy(update={"cities": [HOSTILE]})})
    hostile = Directory({org_entry.id: dataclasses.replace(org_entry, data=org)},
                        {entry.id: dataclasses.replace(entry, data=data)})
    out = hsds.files(hostile, life(hostile), SITE_URL)
    text = out["api/hsds/services.json"]
    terms = {t["id"]: t for t in json.loads(out["api/hsds/taxonomy_terms.json"])}
    assert "Ünïcødé 法律 🚀" in text and "\\u" not in text  # UTF-8, not escapes
    (service,) = json.loads(text)
    assert service["name"] == service["description"] == HOSTILE
    assert service["organization"]["name"] == service["organization"]["alternate_name"] == HOSTILE
    assert ("listing", "summary", HOSTILE) in facts(service, terms)
    assert f"{HOSTILE}, CA" in [area["name"] for area in service["service_areas"]]
    assert errors(validators["service"], [service]) == []
