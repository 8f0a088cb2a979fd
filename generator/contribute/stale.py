"""`python -m generator stale`: the listings an organization should confirm again, and how to
reach it.

Per organization: the listings past their freshness window ("Not confirmed since ..." on the
site, or archived at twice the window), those the organization never confirmed (described by
the maintainers from an undated or old source) and those within NEAR_DAYS of the window, then
one line naming every file of the organization that it never confirmed (a maintainers' check,
even of a dated source, is not its confirmation) and the command that writes the message asking
it to (`make confirm-request ORG=<id>`), with the organization's contact route. Closed
listings, and trainings and cases whose own dates have passed, are left out: nothing is waiting on a confirmation. Plain text for a terminal, Markdown
for a job summary or a tracking issue, JSON for scripts.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from generator.contribute import confirm
from generator.core import freshness
from generator.core.directory import Directory, ProgramEntry
from generator.core.lifecycle import Lifecycle
from generator.core.markup import md_text
from generator.core.urls import absolute, program_url

NEAR, UNCONFIRMED, ARCHIVED = "near", freshness.UNCONFIRMED, freshness.ARCHIVED
DESCRIBED = freshness.DESCRIBED
STATE_WORDS = {NEAR: "confirm by {confirm_by}", UNCONFIRMED: "not confirmed since {verified}",
               DESCRIBED: "never confirmed by the organization; described by the maintainers "
                          "on {verified} from a source shown as {source}",
               ARCHIVED: "archived: not confirmed since {verified}"}


@dataclass(frozen=True)
class Stale:
    id: str
    title: str
    path: str
    url: str  # inside the site, e.g. opportunities/<id>/
    state: str  # near, unconfirmed or archived
    verified: str  # YYYY-MM-DD
    confirm_by: str
    days_since: int
    source: str = ""  # the source's own date, for a described listing: 'undated, c. 2017'


@dataclass(frozen=True)
class OrgReport:
    id: str
    name: str
    contact_name: str | None  # whom to ask about the listings
    contact_routes: list[str]  # an email or phone number, else a link; empty if none is listed
    listings: list[Stale]
    # the files of its listings that are not closed or over and were never confirmed by the
    # organization (last_verified: by: maintainers), whether or not they count as confirmed
    never_confirmed: list[str] = field(default_factory=list)
    # the command that writes the message asking it to confirm them ('' when there are none)
    confirm_request: str = ""


def report(directory: Directory, life: Lifecycle, near: int = freshness.NEAR_DAYS
           ) -> list[OrgReport]:
    """Every organization with a listing past or near its window, or one it never confirmed,
    by name."""
    found: dict[str, list[Stale]] = {}
    never: dict[str, list[str]] = {}
    for program in sorted(directory.programs.values(), key=lambda p: p.path):
        stale = _stale(program, life, near)
        if stale is not None:
            found.setdefault(program.org_id, []).append(stale)
        if program.data.last_verified.by != "organization" and not _done(program, life):
            never.setdefault(program.org_id, []).append(program.path)
    reports = []
    for org_id in {**found, **never}:
        listings = found.get(org_id, [])
        org = directory.organizations[org_id].data
        order = {ARCHIVED: 0, UNCONFIRMED: 1, DESCRIBED: 2, NEAR: 3}
        listings.sort(key=lambda s: (order[s.state], s.verified, s.id))
        never_ids = never.get(org_id, [])
        reports.append(OrgReport(org_id, org.name, *_route(directory, org_id), listings,
                                 never_ids, confirm.request_command(org_id) if never_ids else ""))
    return sorted(reports, key=lambda r: r.name.lower())


def _done(program: ProgramEntry, life: Lifecycle) -> bool:
    """Closed, or over: nothing is waiting on a confirmation."""
    return life.status(program) in ("closed", "expired", "past")


def _stale(program: ProgramEntry, life: Lifecycle, near: int) -> Stale | None:
    if _done(program, life):
        return None
    today = life.today
    fresh = life.fresh(program)
    if fresh.state == freshness.CURRENT:
        if (fresh.confirm_by - today).days > near:
            return None
        state = NEAR
    else:
        state = fresh.state
    source = freshness.source_when(program.data.source) if fresh.described else ""
    return Stale(program.id, program.data.title, program.path, program_url(program.id), state,
                 fresh.verified.isoformat(), fresh.confirm_by.isoformat(),
                 (today - fresh.verified).days, source)


def _route(directory: Directory, org_id: str) -> tuple[str | None, list[str]]:
    """The person to ask, and their email or phone (else a link to the organization)."""
    org = directory.organizations[org_id].data
    contact = org.pro_bono_contact
    name = contact.name if contact is not None and contact.name else None
    routes = [r for r in (contact.email, contact.phone) if r] if contact is not None else []
    if not routes:  # a link only when there is no address or number to write to
        links = (contact.interest_form, contact.website) if contact is not None else ()
        routes = [next((link for link in (*links, org.website) if link), "")]
    return name, [route for route in routes if route]


def past_window(reports: list[OrgReport]) -> int:
    """How many listings are past their window (unconfirmed or archived). A listing the
    organization never confirmed has its own line, but was never inside a window to pass."""
    return sum(s.state in (UNCONFIRMED, ARCHIVED) for r in reports for s in r.listings)


def _counts(reports: list[OrgReport]) -> str:
    listings = [s for r in reports for s in r.listings]
    counts = {state: sum(s.state == state for s in listings) for state in STATE_WORDS}
    return (f"{counts[ARCHIVED]} archived, {counts[UNCONFIRMED]} not confirmed within the window, "
            f"{counts[DESCRIBED]} never confirmed by the organization, "
            f"{counts[NEAR]} due within {freshness.NEAR_DAYS} days, in {len(reports)} "
            f"organization(s)")


def as_text(reports: list[OrgReport], today: dt.date, window: int) -> str:
    lines = [f"Listings to confirm again ({today.isoformat()}, window {window} days): "
             f"{_counts(reports)}."]
    if not reports:
        lines.append("Every listing was confirmed within its window.")
    for org in reports:
        contact = ", ".join([org.contact_name or "", *org.contact_routes]).strip(", ")
        lines += ["", f"{org.name} ({org.id}); contact: {contact or 'none listed'}"]
        for s in org.listings:
            lines.append(f"  - {s.title} ({s.path}): {STATE_WORDS[s.state].format(**asdict(s))}")
        if org.never_confirmed:
            lines.append(f"  Never confirmed by the organization ({len(org.never_confirmed)}): "
                         + ", ".join(org.never_confirmed))
            lines.append(f"  Ask it to confirm them: {org.confirm_request}")
    if reports:
        lines += ["", "To confirm a listing, set last_verified: date: to the day the "
                  "organization confirmed it, and by: organization where it says maintainers; "
                  "make diff then says 're-verified only'."]
    return "\n".join(lines) + "\n"


def as_markdown(reports: list[OrgReport], today: dt.date, window: int,
                site_url: str = "") -> str:
    lines = [f"## Listings to confirm again ({today.isoformat()})", "",
             f"Window: {window} days. {_counts(reports)}.", ""]
    if not reports:
        lines.append("Every listing was confirmed within its window.")
    for org in reports:
        contact = [md_text(org.contact_name)] if org.contact_name else []
        contact += ["`" + route.replace("`", "'") + "`" for route in org.contact_routes]
        lines += [f"### {md_text(org.name)}", "", f"Contact: {', '.join(contact) or 'none listed'}",
                  ""]
        for s in org.listings:
            name = md_text(s.title)
            if site_url:
                name = f"[{name}]({absolute(site_url, s.url)})"
            lines.append(f"- {name} (`{s.path}`): {STATE_WORDS[s.state].format(**asdict(s))}")
        if org.never_confirmed:
            if org.listings:
                lines.append("")
            lines.append(f"Never confirmed by the organization ({len(org.never_confirmed)}): "
                         + ", ".join(f"`{path}`" for path in org.never_confirmed))
            lines += ["", f"Ask it to confirm them: `{org.confirm_request}`"]
        lines.append("")
    if reports:
        lines.append("To confirm a listing, set `last_verified: date:` to the day the "
                     "organization confirmed it, and `by: organization` where it says "
                     "`maintainers`.")
    return "\n".join(lines).rstrip() + "\n"


def as_json(reports: list[OrgReport], today: dt.date, window: int) -> str:
    return json.dumps({"today": today.isoformat(), "window_days": window,
                       "near_days": freshness.NEAR_DAYS,
                       "organizations": [asdict(r) for r in reports]},
                      ensure_ascii=False, indent=1) + "\n"
