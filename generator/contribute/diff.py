"""`python -m generator diff BASE`: what a change does to the directory, for the reviewer.

`compare` takes the directory before and after and says, listing by listing, what changed:
added, removed, closed, paused or reopened, marked urgent, re-verified, which fields changed.
`report` writes that as plain text for a terminal, or Markdown for a pull request's job summary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.core import vocab
from generator.core.directory import Directory
from generator.core.markup import md_text
from generator.site.render import place
from generator.core.urls import org_url, program_url

_VERIFIED = ("last_verified.date", "last_verified.by", "last_verified.notes")


@dataclass(frozen=True)
class Change:
    what: str  # "organization", or the kind of listing: "program", "training" or "case"
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
                                ("listing", base.programs, head.programs)):
        for key in sorted(before.keys() | after.keys()):
            change = _compare_one(kind, key, before.get(key), after.get(key))
            if change is not None and change.event == "removed" and change.path in unreadable:
                change = Change(kind, key, change.name, change.path, change.url, "unreadable")
            if change is not None:
                changes.append(change)
    return changes


def _compare_one(kind: str, key: str, old: Any, new: Any) -> Change | None:
    entry = new or old
    listing = kind == "listing"
    kind = entry.data.kind if listing else kind
    name = entry.data.title if listing else entry.data.name
    url = program_url(key) if listing else org_url(key)
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
    if before.get("kind") != after.get("kind"):
        notes.append(f"now a {after['kind']} (was a {before['kind']})")
    if before.get("sessions") != after.get("sessions"):
        notes.append("dates now " + (", ".join(_session(s) for s in after.get("sessions", []))
                                     or "none"))
    if before.get("respond_by") != after.get("respond_by") and after.get("respond_by"):
        notes.append(f"respond by {after['respond_by']}")
    if before.get("next_date.date") != after.get("next_date.date") and \
            after.get("next_date.date"):
        notes.append(f"next date {after['next_date.date']}: {after.get('next_date.what')}")
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
    """What a reviewer checks first in a new listing: kind of work, place, status, urgency,
    expiry (an organization: where it works)."""
    if not hasattr(data, "status"):
        return (place(data.location),)
    facts: list[str] = []
    if data.kind == "training":
        facts.append(", ".join(vocab.EVENT_FORMATS.label(f) for f in data.formats).lower())
        if data.sessions:
            facts.append("dates " + ", ".join(_session(s.model_dump(mode="json"))
                                              for s in data.sessions))
        facts += [f"{c.hours:g} h {c.jurisdiction} CLE ({vocab.CLE_CATEGORIES.label(c.category)})"
                  for c in data.cle]
    else:
        facts.append(", ".join(vocab.KINDS_OF_WORK.label(k) for k in data.kinds_of_work).lower())
    if data.kind == "case":
        facts.append(f"respond by {data.respond_by}")
        if data.next_date:
            facts.append(f"next date {data.next_date.date}: {data.next_date.what}")
    facts += [place(data.location) + (", remote possible" if data.location.remote_possible
                                      else ""), data.status]
    if data.urgent:
        facts.append("urgent")
    if data.expires:
        facts.append(f"expires {data.expires}")
    return tuple(facts)


def _session(session: dict[str, Any]) -> str:
    """{"date": "2027-03-04", "start": "10:00", "end": "12:00"} -> '2027-03-04 10:00-12:00'."""
    times = "-".join(t for t in (session.get("start"), session.get("end")) if t)
    return f"{session['date']} {times}".strip()


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    """{"a": {"b": 1}} -> {"a.b": 1}; lists stay whole; empty values are left out."""
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, inner in value.items():
            flat |= _flat(inner, f"{prefix}{key}.")
        return flat
    return {} if value in (None, [], "") else {prefix.rstrip("."): value}


_HEADINGS = [("added", "Added"), ("reopened", "Reopened"), ("closed", "Closed"),
             ("paused", "Paused"), ("updated", "Updated"), ("re-verified", "Re-verified "
             "only, nothing else changed"), ("removed", "Removed"),
             ("unreadable", "Has problems, so not compared (run make validate)")]
_REMOVED = ("A removed listing's page disappears and links to it break; unless it was added by "
            "mistake, prefer `status: closed`, which keeps the page with a banner.")


def report(changes: list[Change], base: str, site_url: str = "",
           problems: tuple[int, int] = (0, 0), markdown: bool = False) -> str:
    """The reviewer's summary: a count line, then each group of listings.

    Plain text for a terminal; Markdown (`markdown=True`) for a pull request's job summary or a
    comment. Links use the site's address when there is one; without it, Markdown names the
    page's path rather than make a link that would point into GitHub.
    """
    style = _Markdown(site_url) if markdown else _Text(site_url)
    lines = [style.title(f"What this change does to the directory (against {style.code(base)})"),
             ""]
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
        lines += [style.heading(title), ""]
        for change in group:
            lines += style.item(change)
        lines.append("")
    if any(c.event == "removed" and c.what != "organization" for c in changes):
        lines += [_REMOVED if markdown else _REMOVED.replace("`", "'"), ""]
    if any(problems):
        lines += [f"Left out: {problems[1]} problem(s) in the change and {problems[0]} at the "
                  f"base; run {style.code('make validate')} for the list.", ""]
    return "\n".join(lines).rstrip() + "\n"


class _Text:
    """Plain text for a terminal: no Markdown marks, full addresses when the site has one."""

    def __init__(self, site_url: str) -> None:
        self.site_url = site_url.rstrip("/")

    def title(self, text: str) -> str:
        return text

    def heading(self, text: str) -> str:
        return f"{text}:"

    def code(self, text: str) -> str:
        return " ".join(str(text).split())

    def address(self, change: Change) -> str:
        return f"{self.site_url}/{change.url}" if self.site_url else f"/{change.url}"

    def name(self, text: str) -> str:
        return f"\"{' '.join(text.split())}\""

    def item(self, change: Change) -> list[str]:
        lines = [f"- {change.what} {self.name(change.name)} ({self.code(change.path)})"]
        if change.event not in ("removed", "unreadable"):
            lines.append(f"  {self.address(change)}")
        notes = list(change.notes)
        if change.fields and change.event != "added":
            notes.insert(0, "changed: " + ", ".join(self.code(f[0]) for f in change.fields))
        if notes:
            lines.append("  " + "; ".join(notes))
        for name, before, after in change.fields[:12]:
            lines.append(f"  - {self.code(name)}: {self.value(before)} → {self.value(after)}")
        if len(change.fields) > 12:
            lines.append(f"  - and {len(change.fields) - 12} more")
        return lines

    def value(self, value: Any) -> str:
        if value is None:
            return "(not stated)"
        text = json.dumps(value, ensure_ascii=False)
        return self.code(text if len(text) <= 80 else text[:79] + "…")


class _Markdown(_Text):
    """Markdown: titles escaped, values in code spans, so nothing in a listing renders."""

    def title(self, text: str) -> str:
        return f"## {text}"

    def heading(self, text: str) -> str:
        return f"### {text}"

    def code(self, text: str) -> str:
        return "`" + " ".join(str(text).replace("`", "'").split()) + "`"

    def name(self, text: str) -> str:
        return md_text(text)

    def item(self, change: Change) -> list[str]:
        lines = super().item(change)
        what = change.what
        head = f"- {what} {self.name(change.name)}"
        if change.event not in ("removed", "unreadable"):
            lines.pop(1)  # the address goes into the link
            if self.site_url:
                head = f"- {what} [{self.name(change.name)}]({self.address(change)})"
            else:
                head += f" (page {self.code('/' + change.url)})"
        lines[0] = f"{head} ({self.code(change.path)})"
        if len(lines) > 1 and not lines[1].startswith("  - "):
            lines[0] += ": " + lines.pop(1).strip()
        return lines
