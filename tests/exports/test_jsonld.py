"""schema.org JSON-LD (generator/exports/jsonld.py): every listing and organization of the test site
expands with a JSON-LD processor, has what Google's JobPosting and Event documentation requires,
uses only properties schema.org defines for its type, and stays inside its script element."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from pyld import jsonld as pyld

from generator.exports import jsonld
from generator.core.directory import Directory, ProgramEntry
from generator.core.model import Program, TrainingEvent
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, TODAY

SITE_URL = "https://probono.example.org/"
SCHEMA = "https://schema.org/"


@pytest.fixture(scope="module")
def directory() -> Directory:
    return validate_tree(SITE_DATA, TODAY)


def ld(directory: Directory, program_id: str, site_url: str = SITE_URL,
       valid_through: dt.date | None = None) -> dict[str, Any]:
    program = directory.programs[program_id]
    return jsonld.listing(program, directory.organizations[program.org_id], TODAY, site_url,
                          valid_through)


def variant(directory: Directory, program_id: str, **changes: Any) -> ProgramEntry:
    """A fixture listing with some fields changed, validated by its model like a file."""
    entry = directory.programs[program_id]
    model = type(entry.data)
    data = model.model_validate({**entry.data.model_dump(), **changes})
    return ProgramEntry(f"{entry.id}-variant", entry.org_id, entry.path, data)


# -- a JSON-LD processor, offline -----------------------------------------------------------

SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def load_document(url: str, options: Any = None) -> dict[str, Any]:
    """Serves schema.org's context from memory; any other address fails the test."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the JSON-LD asked for a document from {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": SCHEMA_CONTEXT}


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document expanded; a JSON-LD error raises, a dropped property fails."""
    dropped: list[Any] = []
    expanded = pyld.expand(document, {"documentLoader": load_document},
                           on_property_dropped=dropped.append)
    assert dropped == [], f"properties dropped in expansion: {dropped}"
    return expanded


def properties(node: Any) -> set[str]:
    """Every property name in a compact document, at any depth."""
    found: set[str] = set()
    if isinstance(node, list):
        for item in node:
            found |= properties(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                found.add(key)
            found |= properties(value)
    return found


# What schema.org 30.0 allows on each type this module uses, for the properties it may use
# (a property's domainIncludes, with the types it inherits from). Taken from the release's
# schemaorg-current-https.jsonld; a misspelt or misplaced property fails `check_vocabulary`.
_THING = {"name", "alternateName", "description", "url", "sameAs", "identifier",
          "mainEntityOfPage"}
ALLOWED = {
    "JobPosting": _THING | {"title", "datePosted", "validThrough", "employmentType",
                            "hiringOrganization", "jobLocation", "jobLocationType",
                            "applicantLocationRequirements", "applicationContact",
                            "directApply", "workHours", "qualifications"},
    "EducationEvent": _THING | {"startDate", "endDate", "eventAttendanceMode", "eventStatus",
                                "location", "organizer", "offers", "isAccessibleForFree",
                                "maximumAttendeeCapacity", "about", "subEvent", "audience",
                                "eventSchedule", "teaches", "educationalLevel"},
    "NGO": _THING | {"address", "areaServed", "knowsLanguage", "contactPoint", "email",
                     "telephone", "location"},
    "Place": _THING | {"address", "telephone"},
    "AdministrativeArea": _THING | {"address"},
    "State": _THING | {"address"},
    "City": _THING | {"address"},
    "Country": _THING | {"address"},
    "VirtualLocation": _THING,
    "PostalAddress": _THING | {"addressLocality", "addressRegion", "addressCountry",
                               "postalCode", "streetAddress", "contactType", "email",
                               "telephone", "areaServed"},
    "ContactPoint": _THING | {"contactType", "email", "telephone", "areaServed"},
    "PropertyValue": _THING | {"value", "propertyID"},
    "Offer": _THING | {"price", "priceCurrency", "availabilityEnds", "availability",
                       "validFrom", "areaServed", "eligibleRegion"},
    "EducationalOccupationalCredential": _THING | {"credentialCategory", "validIn", "about"},
}


def check_vocabulary(node: Any, path: str = "$") -> None:
    """Every node has a known @type and only the properties schema.org gives that type."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_vocabulary(item, f"{path}[{i}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    assert kind in ALLOWED, f"{path}: unexpected @type {kind!r}"
    unknown = set(node) - ALLOWED[kind] - {"@context", "@type", "@id"}
    assert not unknown, f"{path} ({kind}): not a schema.org property of it: {sorted(unknown)}"
    for key, value in node.items():
        if key != "@context":
            check_vocabulary(value, f"{path}.{key}")


def check_no_unknowns(node: Any, path: str = "$") -> None:
    """An unknown value is left out: never null, an empty string, list or object."""
    assert node is not None and node != "" and node != [] and node != {}, f"{path} is empty"
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_no_unknowns(item, f"{path}[{i}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            check_no_unknowns(value, f"{path}.{key}")


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def check_document(document: dict[str, Any]) -> list[dict[str, Any]]:
    assert document["@context"] == "https://schema.org"
    check_no_unknowns(document)
    check_vocabulary(document)
    expanded = expand(document)
    assert len(expanded) == 1
    assert expanded[0]["@type"] == [SCHEMA + document["@type"]]
    # nothing lost: every property came through as a schema.org IRI
    assert properties(expanded) == {SCHEMA + p for p in properties(document)}
    return expanded


# -- every listing and organization of the fixture ------------------------------------------


def test_the_fixture_has_every_kind(directory: Directory) -> None:
    kinds = {p.kind for p in directory.programs.values()}
    assert kinds == {"program", "case", "training"}
    assert len(directory.programs) >= 14 and len(directory.organizations) == 3


@pytest.mark.parametrize("site_url", [SITE_URL, ""])
def test_every_listing_expands_and_has_googles_required_properties(
        directory: Directory, site_url: str) -> None:
    for program in directory.programs.values():
        document = ld(directory, program.id, site_url)
        check_document(document)
        text = json.dumps(document)
        if program.kind == "training":
            check_event(document)
        else:
            check_job_posting(document, program)
        if site_url:
            assert document["url"] == f"{SITE_URL}opportunities/{program.id}/"
        else:  # a relative address would be read against the page's own: none at all
            assert "url" not in document and "@id" not in text and "opportunities/" not in text


def check_job_posting(document: dict[str, Any], program: ProgramEntry) -> None:
    data = program.data
    assert document["@type"] == "JobPosting"
    assert document["employmentType"] == "VOLUNTEER"
    assert document["directApply"] is False
    assert document["title"] == data.title
    assert document["description"].startswith(data.summary)
    assert not re.search(r"<[a-z/]|\*\*|\]\(", document["description"]), "markup left in text"
    assert document["datePosted"] == data.added.isoformat()
    assert document["hiringOrganization"]["@type"] == "NGO"
    assert document["hiringOrganization"]["name"]
    places = as_list(document.get("jobLocation", []))
    remote = document.get("jobLocationType") == "TELECOMMUTE"
    assert places or remote, "Google needs jobLocation, or TELECOMMUTE with a location rule"
    for place in places:
        assert place["@type"] == "Place"
        assert place["address"]["@type"] == "PostalAddress"
        assert place["address"]["addressCountry"] == "US"
        assert place["address"]["addressRegion"] == data.location.state
    if remote:
        assert document["applicantLocationRequirements"]["@type"] == "Country"
    assert remote == (data.location.remote_possible is True)
    assert document["identifier"] == {"@type": "PropertyValue", "value": program.id,
                                      "name": document["hiringOrganization"]["name"]}


def check_event(document: dict[str, Any]) -> None:
    assert document["@type"] == "EducationEvent"
    for key in ("name", "startDate", "location", "eventAttendanceMode", "eventStatus",
                "organizer", "description"):
        assert key in document, f"an Event needs {key}"
    for place in as_list(document["location"]):
        assert place["@type"] in ("VirtualLocation", "Place")
        if place["@type"] == "Place":
            assert place["address"]["addressRegion"]


def test_every_organization(directory: Directory) -> None:
    for org in directory.organizations.values():
        for site_url in (SITE_URL, ""):
            document = jsonld.organization(org, site_url)
            check_document(document)
            assert document["@type"] == "NGO"
            assert document["name"] == org.data.name
            assert document["address"]["addressRegion"] == org.data.location.state
            assert ("**" not in document["description"]
                    and "<" not in document["description"])
            assert ("@id" in document) == bool(site_url)


def test_an_organization_says_what_it_knows_and_nothing_else(directory: Directory) -> None:
    bay = jsonld.organization(directory.organizations["bay-legal-aid"], SITE_URL)
    assert bay["@id"] == f"{SITE_URL}organizations/bay-legal-aid/#organization"
    assert bay["alternateName"] == "BELA"
    assert bay["url"] == "https://example.org"
    assert bay["description"].startswith("A made-up organization used by the tests. It helps "
                                         "survivors of trafficking with")
    assert bay["address"] == {"@type": "PostalAddress", "addressLocality": "Oakland",
                              "addressRegion": "CA", "addressCountry": "US"}
    assert bay["contactPoint"]["email"] == "probono@example.org"
    assert bay["knowsLanguage"] == ["en", "es"]
    centro = jsonld.organization(directory.organizations["centro-juridico"])
    assert centro["contactPoint"]["telephone"] == "(213) 555-0142"
    assert "addressLocality" not in centro["address"]  # two counties, no one city
    north = jsonld.organization(directory.organizations["north-coast-justice"])
    assert "alternateName" not in north and "contactPoint" not in north


# -- programs and cases ----------------------------------------------------------------------


def test_a_cases_valid_through_is_its_respond_by_date(directory: Directory) -> None:
    case = directory.programs["u-visa-case-mam"]
    assert case.kind == "case"
    respond_by = case.data.respond_by.isoformat()
    assert ld(directory, case.id)["validThrough"] == respond_by == "2026-12-15"
    later = dt.date(2027, 6, 1)
    assert ld(directory, case.id, valid_through=later)["validThrough"] == respond_by
    earlier = dt.date(2026, 12, 1)  # e.g. the day an unconfirmed listing leaves the views
    assert ld(directory, case.id, valid_through=earlier)["validThrough"] == "2026-12-01"


def test_valid_through_of_programs(directory: Directory) -> None:
    assert "validThrough" not in ld(directory, "u-visa-petitions")  # no end is known
    assert ld(directory, "u-visa-petitions", valid_through=dt.date(2027, 2, 1))[
        "validThrough"] == "2027-02-01"
    assert ld(directory, "expired-training")["validThrough"] == "2026-05-01"  # its expires
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    for not_open in ("closed-clinic", "paused-sijs", "survivor-clinic-being-set-up"):
        assert directory.programs[not_open].data.status != "open"
        assert ld(directory, not_open)["validThrough"] == yesterday, not_open


def test_where_the_work_happens(directory: Directory) -> None:
    remote = ld(directory, "u-visa-petitions")
    assert remote["jobLocationType"] == "TELECOMMUTE"
    assert remote["applicantLocationRequirements"] == {"@type": "Country", "name": "US"}
    assert remote["jobLocation"]["name"] == "Alameda County"
    in_person = ld(directory, "vacatur-los-angeles")
    assert "jobLocationType" not in in_person and "applicantLocationRequirements" not in in_person
    clinic = ld(directory, "vacatur-clinic")  # a city says more than its county
    assert clinic["jobLocation"]["address"] == {
        "@type": "PostalAddress", "addressLocality": "Oakland", "addressRegion": "CA",
        "addressCountry": "US"}
    state_only = ld(directory, "paused-sijs")
    assert state_only["jobLocation"] == {"@type": "Place", "address": {
        "@type": "PostalAddress", "addressRegion": "CA", "addressCountry": "US"}}


def test_the_application_contact_is_the_route_the_page_shows(directory: Directory) -> None:
    own = ld(directory, "u-visa-petitions")["applicationContact"]
    assert own == {"@type": "ContactPoint", "contactType": "Volunteer enquiries",
                   "url": "https://example.org/interest"}
    case = ld(directory, "u-visa-case-mam")["applicationContact"]
    assert case["email"] == "casos@centro.example.org" and case["name"] == "Inés Ejemplo"
    inherited = ld(directory, "paused-sijs")["applicationContact"]  # the org's pro bono contact
    assert inherited["email"] == "voluntarios@centro.example.org"
    assert inherited["telephone"] == "(213) 555-0142"
    assert "applicationContact" not in ld(directory, "accompaniment")  # nobody to contact


def test_descriptions_are_plain_text(directory: Directory) -> None:
    text = ld(directory, "u-visa-petitions")["description"]
    assert text == ("Prepare a U visa petition, filed by mail with USCIS, with mentoring "
                    "throughout.\n\nVolunteers meet the client several times, gather records, "
                    "draft the declaration and file Form I-918 with USCIS. Relief under Penal "
                    "Code 236.14 is not part of this program. See the USCIS page.")
    assert jsonld.plain_text("Intro:\n\n- one *a*\n- two [b](https://x.org)\n\nEnd `c`.") == (
        "Intro:\n\n- one a\n- two b\n\nEnd c.")


# -- trainings -------------------------------------------------------------------------------


def test_a_training_in_winter_carries_pacific_standard_time(directory: Directory) -> None:
    event = ld(directory, "t-visa-basics-training")
    assert event["startDate"] == "2026-12-03T12:00-08:00"  # December: PST, UTC-8
    assert event["endDate"] == "2027-01-14T13:30-08:00"  # the last session's end
    assert [s["startDate"] for s in event["subEvent"]] == ["2026-12-03T12:00-08:00",
                                                           "2027-01-14T12:00-08:00"]
    assert event["subEvent"][0]["endDate"] == "2026-12-03T13:30-08:00"
    assert event["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert event["eventStatus"] == SCHEMA + "EventScheduled"
    assert event["location"] == {"@type": "VirtualLocation",
                                 "url": "https://example.org/trainings/t-visa-basics"}
    assert event["offers"]["price"] == 0 and event["offers"]["priceCurrency"] == "USD"
    assert event["offers"]["url"] == "https://example.org/trainings/t-visa-basics"
    assert event["isAccessibleForFree"] is True and event["maximumAttendeeCapacity"] == 60
    assert event["organizer"]["@id"] == f"{SITE_URL}organizations/bay-legal-aid/#organization"
    credits = event["about"]
    assert [c["name"] for c in credits] == [
        "1.5 hours of California MCLE credit (General)",
        "0.5 hours of California MCLE credit (Elimination of bias)"]
    assert all(c["@type"] == "EducationalOccupationalCredential"
               and c["validIn"] == {"@type": "State", "name": "California"} for c in credits)


def test_a_training_in_october_carries_daylight_time(directory: Directory) -> None:
    event = ld(directory, "wage-claim-training-2026")
    assert event["startDate"] == "2026-10-01T09:00-07:00"  # October: PDT, UTC-7
    assert event["endDate"] == "2026-10-01T12:30-07:00"
    assert "subEvent" not in event  # one session
    assert event["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert event["location"] == {"@type": "Place", "name": "Humboldt County Law Library, Eureka",
                                 "address": {"@type": "PostalAddress",
                                             "addressLocality": "Eureka",
                                             "addressRegion": "CA", "addressCountry": "US"}}
    assert event["offers"] == {"@type": "Offer", "price": 40, "priceCurrency": "USD"}
    assert event["isAccessibleForFree"] is False
    assert event["about"]["name"] == "3 hours of California MCLE credit (General)"


def test_a_recorded_training(directory: Directory) -> None:
    recording = variant(directory, "t-visa-basics-training", formats=["recorded"], sessions=[],
                        available_until="2027-06-30", cle=[], capacity=None)
    org = directory.organizations[recording.org_id]
    event = jsonld.listing(recording, org, TODAY, SITE_URL)
    check_document(event)
    assert event["@type"] == "EducationEvent"
    assert "startDate" not in event and "endDate" not in event  # no date is made up
    assert "subEvent" not in event and "about" not in event
    assert "maximumAttendeeCapacity" not in event
    assert event["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation",
                                 "url": "https://example.org/trainings/t-visa-basics"}
    assert event["offers"]["availabilityEnds"] == "2027-06-30"


def test_mixed_closed_and_unregistered_trainings(directory: Directory) -> None:
    org = directory.organizations["bay-legal-aid"]
    mixed = variant(directory, "t-visa-basics-training", formats=["live-online", "in-person"],
                    sessions=[{"date": "2026-12-03", "start": "23:00", "end": "01:00",
                               "where": "Oakland library"}],
                    time_zone="America/New_York", status="closed", registration=None,
                    cost="$1,250.50", free=None, cost_condition=None)
    event = jsonld.listing(mixed, org, TODAY, SITE_URL)
    check_document(event)
    assert event["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    assert event["eventStatus"] == SCHEMA + "EventCancelled"
    assert [p["@type"] for p in event["location"]] == ["VirtualLocation", "Place"]
    assert event["location"][0] == {"@type": "VirtualLocation"}  # no registration link known
    assert event["location"][1]["name"] == "Oakland library"
    assert event["startDate"] == "2026-12-03T23:00-05:00"
    assert event["endDate"] == "2026-12-04T01:00-05:00"  # past midnight: the next day
    assert event["offers"] == {"@type": "Offer", "price": 1250.5, "priceCurrency": "USD"}
    assert "isAccessibleForFree" not in event
    sliding = variant(directory, "t-visa-basics-training", cost="Sliding scale", free=None,
                      cost_condition=None, registration=None)
    offer = jsonld.listing(sliding, org, TODAY)["offers"]
    assert offer == {"@type": "Offer", "description": "Sliding scale"}  # no price made up


def test_times_without_a_zone_or_a_clock() -> None:
    day = dt.date(2026, 12, 3)
    assert jsonld.moment(day, None, "America/Los_Angeles") == "2026-12-03"
    assert jsonld.moment(day, "12:00", None) == "2026-12-03T12:00"  # local, offset unknown
    assert jsonld.moment(dt.date(2026, 7, 1), "12:00", "America/Chicago") == (
        "2026-07-01T12:00-05:00")


# -- into the page ---------------------------------------------------------------------------

HOSTILE = "</script><script>alert(1)</script>"


class ScriptReader(HTMLParser):
    """What an HTML parser sees: the elements and the text inside each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def read_scripts(html: str) -> ScriptReader:
    reader = ScriptReader()
    reader.feed(f"<body>{html}<p>after</p></body>")
    reader.close()
    return reader


def check_contained(html: str, data: dict[str, Any]) -> None:
    assert html.startswith('<script type="application/ld+json">')
    assert html.endswith("</script>")
    inner = html[len('<script type="application/ld+json">'):-len("</script>")]
    for unsafe in ("<", ">", "&", "\u2028", "\u2029"):
        assert unsafe not in inner, f"{unsafe!r} left raw inside the script element"
    reader = read_scripts(html)
    assert reader.tags == ["body", "script", "/script", "p", "/p", "/body"]
    assert json.loads(reader.scripts[0]) == data


def test_hostile_text_stays_inside_the_script_element(directory: Directory) -> None:
    hostile = variant(directory, "u-visa-petitions", title=HOSTILE,
                      summary=f"Line\u2028separator, paragraph\u2029separator <!-- {HOSTILE}",
                      description=f"Tom & Jerry's <b>bold</b> {HOSTILE} ]]> \u2028")
    assert isinstance(hostile.data, Program)
    org = directory.organizations[hostile.org_id]
    data = jsonld.listing(hostile, org, TODAY, SITE_URL)
    assert data["title"] == HOSTILE
    html = jsonld.script(data)
    check_contained(html, data)
    assert json.loads(html[html.index(">") + 1:-len("</script>")])["title"] == HOSTILE
    check_document(data)


def test_hostile_text_in_a_training_and_an_organization(directory: Directory) -> None:
    training = variant(directory, "wage-claim-training-2026", title=HOSTILE,
                       sessions=[{"date": "2026-10-01", "where": HOSTILE + "\u2029"}])
    assert isinstance(training.data, TrainingEvent)
    data = jsonld.listing(training, directory.organizations[training.org_id], TODAY)
    check_contained(jsonld.script(data), data)
    org = directory.organizations["bay-legal-aid"]
    hostile_org = type(org)(org.id, org.path, org.data.model_copy(update={"name": HOSTILE}))
    data = jsonld.organization(hostile_org, SITE_URL)
    check_contained(jsonld.script(data), data)


# -- the checks can fail -----------------------------------------------------------------------


def test_the_checks_catch_what_they_are_for() -> None:
    bad_property = {"@context": "https://schema.org", "@type": "EducationEvent", "name": "x",
                    "educationalCredentialAwarded": "1 hour"}  # a Course's, not an Event's
    with pytest.raises(AssertionError, match="educationalCredentialAwarded"):
        check_vocabulary(bad_property)
    with pytest.raises(AssertionError, match="empty"):
        check_no_unknowns({"@type": "JobPosting", "validThrough": None})
    with pytest.raises(AssertionError, match="properties dropped in expansion"):
        expand({"@context": {"name": SCHEMA + "name"}, "@type": SCHEMA + "Thing", "name": "x",
                "title": "a term the context does not define"})
    with pytest.raises(Exception, match="example.net|loading"):
        expand({"@context": "https://example.net/context", "@type": "Thing", "name": "x"})
    naive = f'<script type="application/ld+json">{json.dumps({"name": HOSTILE})}</script>'
    with pytest.raises(AssertionError):
        check_contained(naive, {"name": HOSTILE})
    assert read_scripts(naive).tags != ["body", "script", "/script", "p", "/p", "/body"]
