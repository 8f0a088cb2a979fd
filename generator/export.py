"""Stage 4, export: the directory as open data (JSON and CSV) for other tools.

Every listing and organization with its id, the URL of its page relative to the site root,
its organization's id, and every field as the data file gives it (unknown stays null).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from generator.directory import Directory
from generator.render import org_url, program_url


def opportunities(directory: Directory, today: dt.date) -> list[dict[str, Any]]:
    return [{"id": p.id, "url": program_url(p.id), "organization_id": p.org_id,
             "listed": p.is_listed(today), **p.data.model_dump(mode="json")}
            for p in sorted(directory.programs.values(), key=lambda p: p.id)]


def organizations(directory: Directory) -> list[dict[str, Any]]:
    return [{"id": o.id, "url": org_url(o.id), **o.data.model_dump(mode="json")}
            for o in sorted(directory.organizations.values(), key=lambda o: o.id)]


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def to_csv(records: list[dict[str, Any]]) -> str:
    """One row per listing; nested fields become dotted columns, lists are joined with '; '."""
    rows = [_flatten(record) for record in records]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{prefix}{key}."))
        return flat
    if isinstance(value, list):
        if any(isinstance(item, dict) for item in value):
            return {prefix[:-1]: json.dumps(value, ensure_ascii=False)}
        return {prefix[:-1]: "; ".join(str(item) for item in value)}
    return {prefix[:-1]: _csv_safe(value)}


def _csv_safe(value: Any) -> Any:
    """Spreadsheets run cells that start with = + - @ as formulas; prefix them with a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def files(directory: Directory, today: dt.date) -> dict[str, str]:
    """Export files by their path in the site."""
    programs = opportunities(directory, today)
    return {"api/opportunities.json": to_json(programs),
            "api/organizations.json": to_json(organizations(directory)),
            "api/opportunities.csv": to_csv(programs)}
