"""Stage 4, export: the directory as open data (JSON and CSV) for other tools.

Every listing and organization with its id, the URL of its page relative to the site root,
its organization's id, and every field as the data file gives it (unknown stays null).
"""

from __future__ import annotations

import csv
import io
import json
import typing
from typing import Any

from pydantic import BaseModel

from generator.core import freshness
from generator.exports import calendars, feeds, hsds
from generator.core.directory import Directory, ProgramEntry
from generator.core.lifecycle import Lifecycle
from generator.core.model import LISTING_MODELS, by_path, nested_model, unwrap as _unwrap
from generator.core.urls import SITE_NAME, org_url, program_url


def opportunities(directory: Directory, life: Lifecycle) -> list[dict[str, Any]]:
    return [{"id": p.id, "url": program_url(p.id), "organization_id": p.org_id,
             "listed": life.listed(p), **_fresh(p, life, text=False),
             **p.data.model_dump(mode="json")}
            for p in sorted(directory.programs.values(), key=lambda p: p.id)]


FRESHNESS_COLUMNS = ("status_today", "confirmed", "confirmed_by_organization", "confirm_by",
                     "archive_on", "urgent_today", "clients_waiting_today")


def _fresh(program: ProgramEntry, life: Lifecycle, text: bool = True) -> dict[str, Any]:
    """The state of the listing on the day of the build, beside the facts in its file:
    status_today (open, paused, ..., expired, past, archived), confirmed (current, unconfirmed,
    described: the organization never confirmed it and its source is undated or old, or
    archived), whether the organization itself confirmed it within the window, and the days it
    stops counting as confirmed and leaves the default views (a described listing's confirm_by
    is in the past: it never counted). urgent_today says whether the urgent flag stands today
    (the organization said so within urgent_days); clients_waiting_today is the number only
    while it stands. `text`: as the CSV writes them (true, false, empty)."""
    standing = life[program]
    fresh, urgent = standing.fresh, standing.urgent
    count = (getattr(program.data, "clients_waiting", None) if standing.waiting_claim.shown
             else None)
    by_org = fresh.state == freshness.CURRENT and fresh.by_organization
    return {"status_today": standing.status, "confirmed": fresh.state,
            "confirmed_by_organization": _flag(by_org) if text else by_org,
            "confirm_by": fresh.confirm_by.isoformat(), "archive_on": fresh.archive_on.isoformat(),
            "urgent_today": _flag(urgent) if text else urgent,
            "clients_waiting_today": ("" if count is None else str(count)) if text else count}


def organizations(directory: Directory) -> list[dict[str, Any]]:
    return [{"id": o.id, "url": org_url(o.id), **o.data.model_dump(mode="json")}
            for o in sorted(directory.organizations.values(), key=lambda o: o.id)]


def to_json(records: list[dict[str, Any]]) -> str:
    """An array with one record on each line: a diff shows which records changed, and json's
    C encoder writes it (an indent would switch to its pure-Python encoder, several times
    slower at 10,000 listings)."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f"[\n{lines}\n]\n" if records else "[]\n"


def to_csv(directory: Directory, life: Lifecycle) -> str:
    """One row per listing, one column per field of the model, in the model's order.

    The columns are the same whatever the data says, so a spreadsheet or script that reads them
    keeps working. Nested fields become dotted columns; lists are joined with '; '; a yes/no
    fact is true, false or unknown; a column of another kind of listing is empty (a program
    has no `free`). A listing without its own contact gets its organization's
    (the one its page shows), or its website when it has no contact, with
    contact.from_organization saying so.
    """
    columns = ["id", "url", "organization_id", "organization", "listed", *FRESHNESS_COLUMNS,
               *_KINDS]
    columns.insert(columns.index("contact.notes") + 1, "contact.from_organization")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for program in sorted(directory.programs.values(), key=lambda p: p.id):
        row = _row(directory, program, life)
        writer.writerow([_csv_safe(row.get(column, "")) for column in columns])
    return out.getvalue()


def _columns(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str]]:
    """(column, kind) for every field: kind is flag, list, records or value."""
    found: list[tuple[str, str]] = []
    for name, info in model.model_fields.items():
        inner = nested_model(info.annotation)
        base = _unwrap(info.annotation)
        if inner is not None and typing.get_origin(base) is not list:
            found += _columns(inner, f"{prefix}{name}.")
        elif inner is not None:
            found.append((prefix + name, "records"))
        elif typing.get_origin(base) is list:
            found.append((prefix + name, "list"))
        else:
            found.append((prefix + name, "flag" if base is bool else "value"))
    return found


def _listing_columns() -> dict[str, str]:
    """Every kind of listing's columns: the program's, then those only a case or a training
    has, so a program's row simply leaves a training's columns empty."""
    found: dict[str, str] = {}
    for model in LISTING_MODELS.values():
        for name, kind in _columns(model):
            found.setdefault(name, kind)
    return found


_KINDS = _listing_columns()
# Each kind's own columns: a column another kind has stays empty (not "unknown": nobody was
# asked, since the listing cannot hold that field).
_OWN = {kind: {name for name, _ in _columns(model)} for kind, model in LISTING_MODELS.items()}


def _row(directory: Directory, program: ProgramEntry, life: Lifecycle) -> dict[str, str]:
    data = program.data.model_dump(mode="json")
    org = directory.organizations[program.org_id].data
    inherited = program.data.contact is None and (directory.contact_for(program) is not None
                                                   or org.website is not None)
    if inherited:  # the way in the page gives: the organization's contact, else its website
        found = directory.contact_for(program)
        data["contact"] = (found.model_dump(mode="json") if found is not None
                           else {"website": org.website})
    row = {"id": program.id, "url": program_url(program.id), "organization_id": program.org_id,
           "organization": org.name, "listed": _flag(life.listed(program)),
           "contact.from_organization": _flag(inherited),
           **_fresh(program, life)}
    own, fields = _OWN[program.kind], by_path(data)
    for column, kind in _KINDS.items():
        row[column] = _cell(fields.get(column), kind) if column in own else ""
    return row


def _cell(value: Any, kind: str) -> str:
    if kind == "flag":
        return _flag(value)
    if kind == "records":
        return json.dumps(value, ensure_ascii=False) if value else ""
    if kind == "list":
        return "; ".join(str(item) for item in value or [])
    return "" if value is None else str(value)


def _flag(value: bool | None) -> str:
    """One spelling everywhere: true, false, or unknown when nobody has said."""
    return "unknown" if value is None else ("true" if value else "false")


_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _csv_safe(cell: str) -> str:
    """Spreadsheets run a cell that starts with = + - @ (or a full-width one, or after spaces
    and control characters) as a formula: every such cell gets a leading quote."""
    if cell[:1].isalnum() or not cell:  # most cells: nothing a spreadsheet would run
        return cell
    if cell.lstrip(" \t\r\n")[:1] in _FORMULA or cell[:1] in _FORMULA:
        return "'" + cell
    return cell


def files(directory: Directory, life: Lifecycle, site_url: str = "",
          site_name: str = SITE_NAME) -> dict[str, str]:
    """Export files by their path in the site: the directory's own JSON and CSV, the same
    listings in Open Referral HSDS 3.0 under api/hsds/, Atom feeds under feeds/ and
    iCalendar files under calendar/ (and beside each training's page)."""
    programs = opportunities(directory, life)
    return {"api/opportunities.json": to_json(programs),
            "api/organizations.json": to_json(organizations(directory)),
            "api/opportunities.csv": to_csv(directory, life),
            **hsds.files(directory, life, site_url),
            **feeds.files(directory, life, site_url, site_name=site_name),
            **calendars.files(directory, life, site_url, site_name)}
