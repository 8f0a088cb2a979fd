"""`python -m generator diff BASE`: what a change does to the directory, for the reviewer.

`compare` takes the directory before and after and says, listing by listing, what changed:
added, removed, closed, paused or reopened, marked urgent, re-verified, which fields changed.
`report` writes that as Markdown for a terminal, a pull request's job summary or a comment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.directory import Directory
from generator.render import org_url, program_url

_VERIFIED = ("last_verified.date", "last_verified.by", "last_verified.notes")


@dataclass(frozen=True)
class Change:
    what: str  # "program" or "organization"
    id: str
    name: str  # the listing's title or the organization's name
    path: str
    url: str  # inside the site, e.g. opportunities/<id>/
    event: str  # added, removed, closed, paused, reopened, updated, re-verified
    notes: tuple[str, ...] = ()  # urgent, re-verified on ..., expires ...
    fields: tuple[tuple[str, Any, Any], ...] = field(default=())  # (field, before, after)


def compare(base: Directory, head: Directory, unreadable: frozenset[str] = frozenset()
            ) -> list[Change]:
    """Every listing and organization that differs; `unreadable` names head files that did
    not validate, so that they are not mistaken for removed ones."""
    changes = []
    for kind, before, after in (("organization", base.organizations, head.organizations),
                                ("program", base.programs, head.programs)):
        for key in sorted(before.keys() | after.keys()):
            change = _compare_one(kind, key, before.get(key), after.get(key))
            if change is not None and change.event == "removed" and change.path in unreadable:
                change = Change(kind, key, change.name, change.path, change.url, "unreadable")
            if change is not None:
                changes.append(change)
    return changes


def _compare_one(kind: str, key: str, old: Any, new: Any) -> Change | None:
    entry = new or old
    name = entry.data.title if kind == "program" else entry.data.name
    url = program_url(key) if kind == "program" else org_url(key)
    if old is None or new is None:
        event = "added" if old is None else "removed"
        notes = _facts(new.data) if new is not None else ()
        return Change(kind, key, name, entry.path, url, event, notes)
    before, after = _flat(old.data.model_dump(mode="json")), _flat(new.data.model_dump(mode="json"))
    changed = tuple((k, before.get(k), after.get(k)) for k in sorted(before.keys() | after.keys())
                    if before.get(k) != after.get(k))
    if not changed:
        return None
    notes: list[str] = []
    event = "updated"
    status = (before.get("status"), after.get("status"))
    if status[0] != status[1]:
        event = {"closed": "closed", "paused": "paused"}.get(status[1], "reopened")
    if before.get("urgent") != after.get("urgent"):
        notes.append("now urgent" if after.get("urgent") else "no longer urgent")
    if before.get("expires") != after.get("expires") and after.get("expires"):
        notes.append(f"expires {after['expires']}")
    if before.get("last_verified.date") != after.get("last_verified.date"):
        notes.append(f"re-verified {after['last_verified.date']} by {after['last_verified.by']}")
    edits = tuple(c for c in changed if c[0] not in _VERIFIED)
    if not edits:
        event = "re-verified"
    return Change(kind, key, name, new.path, url, event, tuple(notes), edits)


def _facts(data: Any) -> tuple[str, ...]:
    facts = [f"status {data.status}"] if getattr(data, "status", "open") != "open" else []
    return (*facts, *(["urgent"] if getattr(data, "urgent", False) else []))


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    """{"a": {"b": 1}} -> {"a.b": 1}; lists stay whole; empty values are left out."""
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, inner in value.items():
            flat |= _flat(inner, f"{prefix}{key}.")
        return flat
    return {} if value in (None, [], "") else {prefix.rstrip("."): value}


_HEADINGS = [("added", "Added"), ("reopened", "Reopened"), ("closed", "Closed"),
             ("paused", "Paused"), ("updated", "Updated"), ("re-verified", "Re-verified, "
             "nothing else changed"), ("removed", "Removed"),
             ("unreadable", "Has problems, so not compared (run validate)")]


def report(changes: list[Change], base: str, site_url: str = "",
           problems: tuple[int, int] = (0, 0)) -> str:
    """Markdown for the reviewer: a count line, then each group of listings with links."""
    lines = [f"## What this change does to the directory (against {_code(base)})", ""]
    if not changes:
        lines.append("No listing or organization changes.")
    counts = [f"{sum(c.event == e for c in changes)} {title.split(',')[0].lower()}"
              for e, title in _HEADINGS if any(c.event == e for c in changes)]
    if counts:
        lines += ["Listings and organizations: " + ", ".join(counts) + ".", ""]
    for event, title in _HEADINGS:
        group = [c for c in changes if c.event == event]
        if not group:
            continue
        lines += [f"### {title}", ""]
        for change in group:
            lines += _item(change, site_url)
        lines.append("")
    if any(c.event == "removed" and c.what == "program" for c in changes):
        lines += ["A removed listing's page disappears and links to it break; unless it was "
                  "added by mistake, prefer `status: closed`, which keeps the page with a "
                  "banner.", ""]
    if any(problems):
        lines += [f"Left out: {problems[1]} problem(s) in the change and {problems[0]} at the "
                  "base; run `python -m generator validate` for the list.", ""]
    return "\n".join(lines).rstrip() + "\n"


def _item(change: Change, site_url: str) -> list[str]:
    what = "organization" if change.what == "organization" else "listing"
    link = f"{site_url.rstrip('/')}/{change.url}" if site_url else f"/{change.url}"
    head = f"- {what} [{_text(change.name)}]({link}) ({_code(change.path)})"
    if change.event in ("removed", "unreadable"):
        head = f"- {what} {_text(change.name)} ({_code(change.path)})"
    notes = list(change.notes)
    if change.fields and change.event != "added":
        notes.insert(0, "changed: " + ", ".join(_code(f[0]) for f in change.fields))
    lines = [head + (": " + "; ".join(notes) if notes else "")]
    for name, before, after in change.fields[:12]:
        lines.append(f"  - {_code(name)}: {_value(before)} → {_value(after)}")
    if len(change.fields) > 12:
        lines.append(f"  - and {len(change.fields) - 12} more")
    return lines


def _value(value: Any) -> str:
    if value is None:
        return "(not stated)"
    text = json.dumps(value, ensure_ascii=False)
    return _code(text if len(text) <= 80 else text[:79] + "…")


def _code(text: str) -> str:
    """Text as a code span: Markdown and HTML in it are shown, never rendered."""
    return "`" + " ".join(str(text).replace("`", "'").split()) + "`"


def _text(text: str) -> str:
    """Text as link text, with Markdown's and HTML's special characters escaped."""
    return "".join("\\" + c if c in "\\`*_{}[]()<>#+-.!|~" else c for c in " ".join(text.split()))
