"""Stage 4, export: the directory in Open Referral's Human Services Data Specification (HSDS 3.0).

An organization is an HSDS organization; every listing (program, training or case) is a service
the organization offers to volunteer attorneys, with its contact, languages, service areas and,
for a training, one schedule per session. HSDS has no field for what a volunteer needs to know
(bar admission, CLE credit, who may volunteer, the kind of listing, a case's respond-by date,
remote work): each such fact is an HSDS attribute whose taxonomy term is the directory's own
(taxonomy `bar-admission`, term `any-us-jurisdiction`), with a value where the fact has one.
The terms are listed once, in taxonomy_terms.json; attributes give their taxonomy_term_id.
schema/MAPPING.md lists where every field goes.

Every HSDS id is a UUID derived from the directory's own ids (uuid5 in one fixed namespace), so
a record keeps its HSDS id from build to build and changes it only when its file is renamed.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import uuid
import zoneinfo
from typing import Any

from pydantic import BaseModel

from generator.core import places, vocab
from generator.core.directory import Directory, OrgEntry, ProgramEntry
from generator.core.lifecycle import Lifecycle
from generator.core.model import (Contact, Location, Organization, by_path, nested_model,
                             without_ids)
from generator.core.urls import org_url, program_url

# Fixed for good: changing it changes every HSDS id the directory has published.
NAMESPACE = uuid.UUID("4ba51909-4cd5-5b36-9f7c-193e76537988")
_NAMESPACE_BYTES = NAMESPACE.bytes

# Facts from a vocabulary: (taxonomy, field, vocabulary); one attribute per id, no value.
_TERMS = (
    ("listing-kind", "kind", vocab.LISTING_KINDS),
    ("practice-area", "practice_areas", vocab.PRACTICE_AREAS),
    ("remedy", "remedies", vocab.REMEDIES),
    ("clients", "clients", vocab.CLIENTS),
    ("forum", "forums", vocab.FORUMS),
    ("kind-of-work", "kinds_of_work", vocab.KINDS_OF_WORK),
    ("training-format", "formats", vocab.EVENT_FORMATS),
    ("commitment-length", "commitment.length", vocab.COMMITMENT_LENGTHS),
    ("bar-admission", "volunteers.bar_admission", vocab.BAR_ADMISSION),
    ("bar-admission", "audience.bar_admission", vocab.BAR_ADMISSION),
    ("attorney-of-record", "support.attorney_of_record", vocab.ATTORNEY_OF_RECORD),
    ("volunteer-training-format", "support.training.formats", vocab.TRAINING_FORMATS),
)
_WHO = ("in_house_counsel_welcome", "retired_attorneys_welcome", "law_students_welcome",
        "students_supervised", "paralegals_welcome", "interpreters_welcome",
        "experience_required", "experience_notes", "languages_required", "languages_helpful",
        "notes")
# Facts with a value (true/false, a date, a number, words): (taxonomy, fields). The term's code
# is the field's path in the data file; a list gives one attribute per item.
_FACTS = (
    ("listing", ("summary", "urgent", "urgent_confirmed", "clients_waiting",
                 "clients_waiting_confirmed", "capacity", "time_zone", "related")),
    ("listing-dates", ("respond_by", "next_date.date", "next_date.what", "paused_until",
                       "expires", "available_until", "support.training.dates")),
    ("remote", ("location.remote_possible", "location.remote_exceptions")),
    ("bar-admission", ("volunteers.bar_admission_states", "audience.bar_admission_states")),
    ("who-may-volunteer", tuple(f"volunteers.{name}" for name in _WHO)),
    ("who-may-attend", tuple(f"audience.{name}" for name in _WHO)),
    ("commitment", tuple(f"commitment.{name}" for name in (
        "duration", "hours", "team_size", "limited_scope", "scope", "notes"))),
    ("support", tuple(f"support.{name}" for name in (
        "case_screening", "training.offered", "training.notes", "mentoring", "sample_materials",
        "technical_assistance", "social_worker", "malpractice_coverage",
        "interpreters_provided", "notes"))),
    ("cle-credit", ("support.cle_credit.offered", "support.cle_credit.jurisdictions",
                    "support.cle_credit.notes", "cle_notes")),
    ("fees", ("free",)),
)


def hsds_id(*parts: str) -> str:
    """The UUID of a record from the directory's ids: hsds_id("service", "u-visa-petitions").

    It is str(uuid.uuid5(NAMESPACE, "/".join(parts))), which a test holds it to, made without
    a UUID object: a third of the time, over a quarter of a million ids at 10,000 listings.
    """
    raw = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode()).digest()[:16])
    raw[6] = raw[6] & 0x0F | 0x50  # RFC 4122: version 5 ...
    raw[8] = raw[8] & 0x3F | 0x80  # ... and its variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# The directory's status on the day of the build (lifecycle.Standing.status), as HSDS says it.
_STATUS = {"open": "active", "paused": "temporarily closed", "being-set-up": "inactive",
           "unknown": "inactive", "archived": "inactive", "closed": "defunct", "expired": "defunct", "past": "defunct"}


def status(program: ProgramEntry, life: Lifecycle) -> str:
    """HSDS's status: active while listed; closed or over is defunct; paused is temporarily
    closed; being set up, or archived for want of a recent check, is inactive."""
    return _STATUS[life.status(program)]


def organization(entry: OrgEntry, site_url: str = "") -> dict[str, Any]:
    """The HSDS organization record, without its services."""
    org, oid = entry.data, hsds_id("organization", entry.id)
    contact = org.pro_bono_contact
    location_id = hsds_id("location", "organization", entry.id)
    place = _clean({  # HSDS gives an organization's languages on one of its locations
        "name": _place(org.location), "description": org.location.notes,
        "languages": [_language(code, ("organization", entry.id), location_id=location_id)
                      for code in org.languages]})
    attributes = [_attribute(oid, "organization", "clients", term, vocab.CLIENTS.label(term),
                             _term_description(vocab.CLIENTS, term)) for term in org.clients]
    if org.serves:
        attributes.append(_attribute(oid, "organization", "organization", "serves", "Serves",
                                     _description(Organization, "serves"), org.serves))
    return _clean({
        "id": oid, "name": org.name, "alternate_name": org.short_name,
        "description": org.description, "email": contact.email if contact else None,
        "website": org.website, "uri": _page(site_url, org_url(entry.id)),
        "phones": _phones(contact, ("organization", entry.id), organization_id=oid),
        "contacts": [_contact(contact, ("organization", entry.id), organization_id=oid)]
        if contact else [],
        "locations": [{"id": location_id, "organization_id": oid, "location_type": "physical",
                       **place}] if place else [],
        "attributes": attributes})


def service(directory: Directory, program: ProgramEntry, life: Lifecycle,
            site_url: str = "") -> dict[str, Any]:
    """The HSDS service record of one listing, without its organization."""
    data, sid, key = program.data, hsds_id("service", program.id), ("service", program.id)
    contact = directory.contact_for(program)
    return _clean({
        "id": sid, "organization_id": hsds_id("organization", program.org_id),
        "name": data.title, "description": data.description,
        "url": _page(site_url, program_url(program.id)),
        "email": contact.email if contact else None, "status": status(program, life),
        "application_process": _application(data, contact), "fees_description": _fees(data),
        "accreditations": _accreditations(data), "alert": _alert(data),
        "assured_date": _assured(program, life),
        "schedules": _schedules(program, sid),
        "service_areas": _areas(data.location, key, sid),
        "languages": [_language(code, key, service_id=sid) for code in data.client_languages],
        "contacts": [_contact(contact, key, service_id=sid)] if contact else [],
        "attributes": _attributes(program, sid, life)})


def _assured(program: ProgramEntry, life: Lifecycle) -> str | None:
    """HSDS's assured_date: the day the facts were confirmed, by the organization or by the
    maintainers against a source dated inside the window. A desk check of an undated or old
    source assures nothing, so it has none."""
    fresh = life.fresh(program)
    return None if fresh.described else fresh.verified.isoformat()


def files(directory: Directory, life: Lifecycle, site_url: str = "") -> dict[str, str]:
    """HSDS files by their path in the site: organizations with their services nested,
    services with their organization nested, and the taxonomy terms (and their taxonomies)
    that the attributes in both name by taxonomy_term_id."""
    orgs = {o.id: organization(o, site_url)
            for o in sorted(directory.organizations.values(), key=lambda o: o.id)}
    services = {p.id: service(directory, p, life, site_url)
                for p in sorted(directory.programs.values(), key=lambda p: p.id)}
    # Attributes name their taxonomy term by id; the terms are written once, in their own file
    # (nested in every attribute, they made up about half of both files).
    terms: dict[str, dict[str, str]] = {}
    for record in (*orgs.values(), *services.values()):
        _lift_terms(record, terms)
    # Each record is written once and its text put in both files: an organization's services
    # nest in it, and each service nests its organization.
    org_text = {org_id: _json(record) for org_id, record in orgs.items()}
    by_org: dict[str, list[str]] = {org_id: [] for org_id in orgs}
    service_rows = []
    for program_id, record in services.items():  # already in id order
        org_id = directory.programs[program_id].org_id
        text = _json(record)
        by_org[org_id].append(text)
        service_rows.append(_nest(text, "organization", org_text[org_id]))
    org_rows = [_nest(text, "services", f"[{','.join(by_org[org_id])}]")
                for org_id, text in org_text.items()]
    ordered = sorted(terms.values(), key=lambda t: (t["taxonomy"], t["code"]))
    taxonomies = {t["taxonomy_id"]: t["taxonomy"] for t in ordered}
    return {"api/hsds/organizations.json": f"[{','.join(org_rows)}]\n",
            "api/hsds/services.json": f"[{','.join(service_rows)}]\n",
            "api/hsds/taxonomy_terms.json": f"[{','.join(_json(t) for t in ordered)}]\n",
            "api/hsds/taxonomies.json": _json([
                {"id": tid, "name": name,
                 "description": f"The directory's own terms for {name.replace('-', ' ')}."}
                for tid, name in taxonomies.items()]) + "\n"}


def _lift_terms(record: dict[str, Any], terms: dict[str, dict[str, str]]) -> None:
    """Take each attribute's nested taxonomy term out of the record, into `terms` by id: the
    record's own attributes and those of its contacts and schedules, the places that have them
    (a test finds no term left nested anywhere)."""
    for attribute in record.get("attributes", ()):
        term = attribute.pop("taxonomy_term")
        terms[term["id"]] = term
    for key in ("contacts", "schedules"):
        for child in record.get(key, ()):
            _lift_terms(child, terms)


def _json(record: Any) -> str:
    """Compact: HSDS nests every attribute's whole taxonomy term, and indentation would add a
    third to files that reach tens of megabytes at 10,000 listings."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _nest(record: str, key: str, value: str) -> str:
    """A record's JSON text with one more key: `value`, itself JSON text, nested under it."""
    if not (record.startswith("{") and record.endswith("}")):
        raise ValueError(f"cannot nest {key!r} in {record[:40]!r}")
    return f'{record[:-1]},{json.dumps(key)}:{value}}}'


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """The record without the fields nobody has filled in (HSDS leaves them out)."""
    return {k: v for k, v in record.items() if v is not None and v != "" and v != []}


def _page(site_url: str, address: str) -> str | None:
    return f"{site_url.rstrip('/')}/{address}" if site_url else None


def _place(location: Location) -> str | None:
    """'Fresno County, Fresno, CA' or 'California': where the work happens, in words."""
    named = [*location.counties, *location.cities,
             *(found.name if (found := places.region(key)) else key for key in location.regions)]
    if named:
        return ", ".join([*named, location.state] if location.state else named)
    return vocab.STATES.label(location.state) if location.state else None


def _language(code: str, owner: tuple[str, ...], **link: str) -> dict[str, Any]:
    return {"id": hsds_id(*owner, "language", code), **link, "name": vocab.language_name(code),
            "code": code}


def _phones(contact: Contact | None, owner: tuple[str, ...], **link: str) -> list[dict[str, Any]]:
    if contact is None or contact.phone is None:
        return []
    return [{"id": hsds_id(*owner, "phone", contact.phone), **link, "number": contact.phone}]


def _contact(contact: Contact, owner: tuple[str, ...], **link: str) -> dict[str, Any]:
    cid = hsds_id(*owner, "contact")
    links = (("interest_form", "Volunteer interest form"), ("website", "Web page"),
             ("notes", "Notes"))
    return _clean({
        "id": cid, **link, "name": contact.name, "title": contact.role, "email": contact.email,
        "phones": _phones(contact, (*owner, "contact"), contact_id=cid),
        "attributes": [_attribute(cid, "contact", "contact", f"contact.{name}", label,
                                  _description(Contact, name), getattr(contact, name))
                       for name, label in links if getattr(contact, name)]})


def _areas(location: Location, owner: tuple[str, ...], sid: str) -> list[dict[str, Any]]:
    """One service area per county, city and region (with the state), else the whole state."""
    state = location.state
    regions = [found.name if (found := places.region(key)) else key for key in location.regions]
    names = [f"{name}, {state}" if state else name
             for name in [*location.counties, *location.cities, *regions]]
    if not names and state:
        names = [vocab.STATES.label(state)]
    return [_clean({"id": hsds_id(*owner, "service_area", name), "service_id": sid,
                    "name": name, "description": location.notes}) for name in names]


def _application(data: Any, contact: Contact | None) -> str | None:
    lines = [f"Register: {data.registration}" if getattr(data, "registration", None) else ""]
    if contact is not None:
        lines += [f"Volunteer interest form: {contact.interest_form}" if contact.interest_form
                  else "", f"More about it: {contact.website}" if contact.website else "",
                  contact.notes or ""]
    return "\n".join(line for line in lines if line) or None


def _fees(data: Any) -> str | None:
    if data.kind != "training":
        return None
    cost = data.cost or ("Free" if data.free else None)
    return "; ".join(part for part in (cost, data.cost_condition) if part) or None


def _hours(value: float) -> str:
    return f"{value:g}"


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _accreditations(data: Any) -> str | None:
    """The CLE credit in words: 'CA: 1.5 hours of CLE credit (General)'."""
    if data.kind == "training":
        credits, offered, where, notes = data.cle, None, [], data.cle_notes
    elif hasattr(data, "support"):
        cle = data.support.cle_credit
        credits, offered, where, notes = cle.credits, cle.offered, cle.jurisdictions, cle.notes
    else:
        return None
    parts = [f"{c.jurisdiction}: {_hours(c.hours)} hour{'' if c.hours == 1 else 's'} of CLE credit "
             f"({vocab.CLE_CATEGORIES.label(c.category)})" for c in credits]
    if not parts and offered:
        parts.append("CLE credit" + (f" in {', '.join(where)}" if where else ""))
    return "; ".join([*parts, *([notes] if notes else [])]) or None


def _alert(data: Any) -> str | None:
    parts = []
    if data.status == "paused" and data.paused_until:
        parts.append(f"Not taking new volunteers until {data.paused_until.isoformat()}.")
    if data.kind == "case":
        parts.append(f"Offer to take the case by {data.respond_by.isoformat()}.")
        if data.next_date:
            parts.append(f"Next date: {data.next_date.date.isoformat()}, {data.next_date.what}.")
    return " ".join(parts) or None


def _offset(zone: str | None, day: dt.date, clock: str | None) -> dt.timedelta | None:
    if zone is None:
        return None
    moment = dt.datetime.combine(day, dt.time.fromisoformat(clock or "12:00"),
                                 zoneinfo.ZoneInfo(zone))
    return moment.utcoffset()


def _with_offset(clock: str | None, offset: dt.timedelta | None) -> str | None:
    """'09:00-07:00', as HSDS asks: the time with its offset from UTC."""
    if clock is None or offset is None:
        return clock
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{clock}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _schedules(program: ProgramEntry, sid: str) -> list[dict[str, Any]]:
    """A training's sessions: one HSDS schedule per day, in the training's time zone."""
    data = program.data
    if data.kind != "training":
        return []
    attending = ", ".join(vocab.EVENT_FORMATS.label(f) for f in data.formats)
    found = []
    for session in data.sessions:
        day = session.date.isoformat()
        schedule_id = hsds_id("service", program.id, "schedule", day, session.start or "")
        offset = _offset(data.time_zone, session.date, session.start)
        zone = [] if data.time_zone is None else [_attribute(
            schedule_id, "schedule", "listing", "time_zone", "Time zone",
            _description(type(data), "time_zone"), data.time_zone)]
        found.append(_clean({
            "id": schedule_id, "service_id": sid, "valid_from": day, "valid_to": day,
            "dtstart": day,
            "timezone": None if offset is None else _number(offset.total_seconds() / 3600),
            "opens_at": _with_offset(session.start, offset),
            "closes_at": _with_offset(session.end, _offset(data.time_zone, session.date,
                                                           session.end)),
            "description": session.where, "attending_type": attending, "attributes": zone}))
    return found


def _attributes(program: ProgramEntry, sid: str, life: Lifecycle) -> list[dict[str, Any]]:
    """The volunteer-side facts of a listing as HSDS attributes, in a fixed order. `urgent`
    and `clients_waiting` are the claims as they stand on the day: urgent is true only while the
    organization said so within urgent_days, and the number of clients waiting is left out
    once it is older than that (their dates go with them)."""
    data, model = program.data.model_dump(mode="json"), type(program.data)
    fields = by_path(data)
    standing = life[program]
    if data.get("urgent"):
        fields["urgent"] = standing.urgent_claim.shown
    if data.get("clients_waiting") is not None and not standing.waiting_claim.shown:
        fields.pop("clients_waiting", None)
    found: dict[str, dict[str, Any]] = {}

    def add(record: dict[str, Any]) -> None:
        found.setdefault(record["id"], record)

    for taxonomy, path, vocabulary in _TERMS:
        for term in _items(fields.get(path)):
            add(_attribute(sid, "service", taxonomy, term, vocabulary.label(term),
                           _term_description(vocabulary, term)))
    for credit in [*data.get("cle", []),
                   *data.get("support", {}).get("cle_credit", {}).get("credits", [])]:
        category = credit["category"]
        add(_attribute(sid, "service", "cle-credit", category,
                       vocab.CLE_CATEGORIES.label(category),
                       _term_description(vocab.CLE_CATEGORIES, category),
                       f"{credit['jurisdiction']}:{_hours(credit['hours'])}"))
    for taxonomy, paths in _FACTS:
        for path in paths:
            for value in _items(fields.get(path)):
                if path == "related":
                    value = hsds_id("service", value)
                add(_attribute(sid, "service", taxonomy, path, _name(path),
                               _description(model, path), value))
    return list(found.values())


def _items(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _hours(value)
    return str(value)


def _attribute(link: str, entity: str, taxonomy: str, code: str, name: str, description: str,
               value: Any = None) -> dict[str, Any]:
    """One HSDS attribute: the directory's term (taxonomy and code) and its value, if any."""
    text = _text(value)
    term = _term(taxonomy, code, name, description)
    record = {"id": hsds_id("attribute", link, taxonomy, code, text or ""), "link_id": link,
              "link_entity": entity, "taxonomy_term_id": term["id"], "taxonomy_term": term}
    if text:
        record["value"] = text
    return record


@functools.lru_cache(maxsize=None)
def _term(taxonomy: str, code: str, name: str, description: str) -> dict[str, str]:
    """A taxonomy term, made once a build: thousands of attributes nest the same few terms.
    (Shared between records, so never changed after it is made.)"""
    return {"id": hsds_id("taxonomy_term", taxonomy, code), "code": code, "name": name,
            "description": description, "taxonomy": taxonomy,
            "taxonomy_id": hsds_id("taxonomy", taxonomy)}


def _term_description(vocabulary: vocab.Vocabulary, term: str) -> str:
    return f"{vocabulary.name[:1].upper()}{vocabulary.name[1:]}: {vocabulary.label(term)}."


@functools.lru_cache(maxsize=None)
def _name(path: str) -> str:
    """'volunteers.law_students_welcome' -> 'Volunteers: law students welcome'."""
    text = ": ".join(part.replace("_", " ") for part in path.split("."))
    return text[:1].upper() + text[1:]


@functools.lru_cache(maxsize=None)
def _description(model: type[BaseModel], path: str) -> str:
    """The data file's own description of a field, from the model."""
    *parents, name = path.split(".")
    for part in parents:
        model = nested_model(model.model_fields[part].annotation)
    return without_ids(model.model_fields[name].description or name)
