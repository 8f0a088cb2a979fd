"""schema.org JSON-LD for listing and organization pages, so search engines can read them.

Pure functions from the validated data to plain dicts, and `script` to put one in a page:

- A program or a case is a `JobPosting` with `employmentType: VOLUNTEER` (Google's job search
  knows volunteer work). `validThrough` is the earliest known end: a case's respond-by date, the
  listing's expiry date, or the `valid_through` the caller passes (e.g. the day an unconfirmed
  listing leaves the default views). A listing that is not open (paused, being set up, closed)
  is not taking volunteers on the day of the build, so its `validThrough` is at most the day
  before `today`: search engines then drop it, as Google asks for postings that are over.
- Where the work happens is one `Place` per city, else per county, else the state, each with a
  `PostalAddress` (addressRegion, addressLocality, addressCountry US). Remote work adds
  `jobLocationType: TELECOMMUTE` with the United States as `applicantLocationRequirements`:
  the data never limits where a remote volunteer lives, only where they are admitted.
- A training is one `EducationEvent`: startDate and endDate are its first session's start and
  its last session's end, with the UTC offset its IANA time zone has on that day (PST or PDT);
  with more than one session each is a `subEvent`. A recording has no dates: none are made up,
  and the day it stops being available is its offer's `availabilityEnds`.
- CLE credit is the training's `about`: one `EducationalOccupationalCredential` per line of
  credit (its name says the hours, the state and the category, `validIn` the state). schema.org's
  `educationalCredentialAwarded` belongs to Course and EducationalOccupationalProgram, not to
  events, so a strict validator would flag it on an EducationEvent; `about` is valid on any Event.
- An organization is an `NGO`. Its `@id` (with a site URL) is its page's address plus
  `#organization`, so a listing's hiringOrganization or organizer points at the same node.

A property whose value is unknown is left out, never null or empty. Without `site_url` no
`url` or `@id` is given for the directory's own pages: a relative address in JSON-LD would be
read against the page's own address and point somewhere else.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zoneinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from generator.core import markup, places, vocab
from generator.core.directory import OrgEntry, ProgramEntry
from generator.core.model import Contact, Location, Session, TrainingEvent
from generator.core.urls import org_url, program_url

CONTEXT = "https://schema.org"
SCHEMA = "https://schema.org/"
COUNTRY = "US"


# -- listings --------------------------------------------------------------------------------


def listing(program: ProgramEntry, org: OrgEntry, today: dt.date, site_url: str = "",
            valid_through: dt.date | None = None) -> dict[str, Any]:
    """A listing's JSON-LD: a JobPosting for a program or a case, an EducationEvent for a
    training. `org` is the listing's organization. `today` and `valid_through` only bound a
    JobPosting's validThrough; an event's own dates say when it is over."""
    if program.data.kind == "training":
        return _event(program, org, site_url)
    return _job_posting(program, org, today, site_url, valid_through)


def _job_posting(program: ProgramEntry, org: OrgEntry, today: dt.date, site_url: str,
                 valid_through: dt.date | None) -> dict[str, Any]:
    data = program.data
    location = data.location
    remote = location.remote_possible is True
    contact = data.contact or org.data.pro_bono_contact
    return _clean({
        "@context": CONTEXT, "@type": "JobPosting",
        "title": data.title,
        "description": _description(data.summary, data.description),
        "datePosted": data.added.isoformat(),
        "validThrough": _valid_through(program, today, valid_through),
        "employmentType": "VOLUNTEER",
        "hiringOrganization": _org_ref(org, site_url),
        "jobLocation": _one_or_many(_places(location)),
        "jobLocationType": "TELECOMMUTE" if remote else None,
        "applicantLocationRequirements": (
            {"@type": "Country", "name": COUNTRY} if remote else None),
        "workHours": data.commitment.hours,
        "applicationContact": _contact_point(contact, "Volunteer enquiries"),
        "directApply": False,
        "identifier": {"@type": "PropertyValue", "name": org.data.name, "value": program.id},
        "url": _page(site_url, program_url(program.id)),
    })


def _valid_through(program: ProgramEntry, today: dt.date,
                   valid_through: dt.date | None) -> str | None:
    data = program.data
    known = [day for day in (getattr(data, "respond_by", None), data.expires, valid_through)
             if day is not None]
    if data.status != "open":
        known.append(today - dt.timedelta(days=1))
    return min(known).isoformat() if known else None


def _places(location: Location) -> list[dict[str, Any]]:
    """Where the work happens: one Place per city, else per county, else per region, else the
    state."""
    if location.cities:
        return [_place(location.state, city=city) for city in location.cities]
    if location.counties:
        return [_place(location.state, name=county) for county in location.counties]
    if location.regions:
        return [_place(location.state, name=found.name if (found := places.region(key)) else key)
                for key in location.regions]
    if location.state:
        return [_place(location.state)]
    return []


def _place(state: str | None, city: str | None = None, name: str | None = None
           ) -> dict[str, Any]:
    return _clean({"@type": "Place", "name": name, "address": _address(state, city)})


def _address(state: str | None, city: str | None = None) -> dict[str, Any] | None:
    if not (state or city):
        return None
    return _clean({"@type": "PostalAddress", "addressLocality": city, "addressRegion": state,
                   "addressCountry": COUNTRY})


# -- trainings -------------------------------------------------------------------------------

ONLINE = SCHEMA + "OnlineEventAttendanceMode"
OFFLINE = SCHEMA + "OfflineEventAttendanceMode"
MIXED = SCHEMA + "MixedEventAttendanceMode"
SCHEDULED = SCHEMA + "EventScheduled"
CANCELLED = SCHEMA + "EventCancelled"


def _event(program: ProgramEntry, org: OrgEntry, site_url: str) -> dict[str, Any]:
    data: TrainingEvent = program.data  # type: ignore[assignment]
    sessions = sorted(data.sessions, key=lambda s: (s.date, s.start or ""))
    online = bool({"live-online", "recorded"} & set(data.formats))
    in_person = "in-person" in data.formats
    mode = MIXED if online and in_person else (OFFLINE if in_person else ONLINE)
    start, end = _span(sessions, data.time_zone)
    return _clean({
        "@context": CONTEXT, "@type": "EducationEvent",
        "name": data.title,
        "description": _description(data.summary, data.description),
        "startDate": start, "endDate": end,
        "eventAttendanceMode": mode,
        "eventStatus": CANCELLED if data.status == "closed" else SCHEDULED,
        "location": _one_or_many(_event_locations(data, sessions, online, in_person)),
        "organizer": _org_ref(org, site_url),
        "offers": _offer(data),
        "isAccessibleForFree": data.free,
        "maximumAttendeeCapacity": data.capacity,
        "about": _one_or_many([_credit(line) for line in data.cle]),
        "subEvent": [_session(data, s, i, len(sessions)) for i, s in enumerate(sessions, 1)]
        if len(sessions) > 1 else None,
        "url": _page(site_url, program_url(program.id)),
    })


def moment(day: dt.date, clock: str | None, zone: str | None) -> str:
    """A date, or a date and time with the UTC offset the zone has then: 2026-12-03T12:00-08:00.
    A time without a zone stays local (no offset); a day without a time is just the day."""
    if clock is None:
        return day.isoformat()
    at = dt.datetime.combine(day, dt.time.fromisoformat(clock))
    if zone:
        at = at.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    return at.isoformat(timespec="minutes")


def _span(sessions: list[Session], zone: str | None) -> tuple[str | None, str | None]:
    """The first session's start and the last one's end (the last day when no end time is
    given, unless that is all the start already says)."""
    if not sessions:
        return None, None
    first, last = sessions[0], sessions[-1]
    start = moment(first.date, first.start, zone)
    if last.end is not None:
        return start, moment(*_end(last), zone)
    return start, (last.date.isoformat() if last is not first else None)


def _end(session: Session) -> tuple[dt.date, str | None]:
    """The day and time a session ends: the next day when it ends at or before its start."""
    day = session.date
    if session.start and session.end and session.end <= session.start:
        day += dt.timedelta(days=1)
    return day, session.end


def _session(data: TrainingEvent, session: Session, number: int, count: int) -> dict[str, Any]:
    where = _place(data.location.state, _one_city(data.location), session.where) \
        if session.where else None
    return _clean({
        "@type": "EducationEvent",
        "name": f"{data.title} (session {number} of {count})",
        "startDate": moment(session.date, session.start, data.time_zone),
        "endDate": moment(*_end(session), data.time_zone) if session.end else None,
        "location": where,
    })


def _event_locations(data: TrainingEvent, sessions: list[Session], online: bool,
                     in_person: bool) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if online:
        found.append(_clean({"@type": "VirtualLocation", "url": data.registration}))
    if in_person:
        city = _one_city(data.location)
        venues = list(dict.fromkeys(s.where for s in sessions if s.where))
        if venues:
            found += [_place(data.location.state, city, venue) for venue in venues]
        elif data.location.state or city:
            found.append(_place(data.location.state, city))
    return found


def _one_city(location: Location) -> str | None:
    return location.cities[0] if len(location.cities) == 1 else None


_PRICE = re.compile(r"^(?:US)?\$\s?(\d{1,3}(?:,\d{3})*|\d+)(\.\d{2})?$")


def price(cost: str | None, free: bool | None) -> int | float | None:
    """The price in dollars when the data says it plainly: free, 'Free', '$40', '$1,250.00'."""
    if free is True or (cost or "").strip().lower() == "free":
        return 0
    found = _PRICE.match((cost or "").strip())
    if not found:
        return None
    try:
        amount = Decimal(found.group(1).replace(",", "") + (found.group(2) or ""))
    except InvalidOperation:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _offer(data: TrainingEvent) -> dict[str, Any] | None:
    amount = price(data.cost, data.free)
    notes = [data.cost if amount is None else None, data.cost_condition]
    offer = _clean({
        "@type": "Offer",
        "price": amount, "priceCurrency": "USD" if amount is not None else None,
        "description": "; ".join(n for n in notes if n) or None,
        "url": data.registration,
        "availabilityEnds": data.available_until.isoformat() if data.available_until else None,
    })
    return offer if len(offer) > 1 else None


def _credit(line: Any) -> dict[str, Any]:
    state = vocab.STATES.label(line.jurisdiction)
    category = vocab.CLE_CATEGORIES.label(line.category)
    name = "MCLE" if line.jurisdiction == "CA" else "CLE"
    return {"@type": "EducationalOccupationalCredential",
            "name": f"{_hours(line.hours)} of {state} {name} credit ({category})",
            "credentialCategory": "Continuing legal education credit",
            "validIn": {"@type": "State", "name": state}}


def _hours(hours: float) -> str:
    number = f"{hours:g}"
    return f"{number} hour" if number == "1" else f"{number} hours"


# -- organizations ---------------------------------------------------------------------------


def organization(org: OrgEntry, site_url: str = "") -> dict[str, Any]:
    """An organization page's JSON-LD: an NGO."""
    data = org.data
    location = data.location
    areas = ([{"@type": "AdministrativeArea", "name": c} for c in location.counties]
             + [{"@type": "City", "name": c} for c in location.cities]
             + [{"@type": "Place", "name": places.region(r).name} for r in location.regions
                if places.region(r)])
    return _clean({
        "@context": CONTEXT, "@type": "NGO",
        "@id": _org_id(org, site_url),
        "name": data.name,
        "alternateName": data.short_name,
        "url": data.website,
        "description": plain_text(data.description),
        "address": _address(location.state, _one_city(location)),
        "areaServed": _one_or_many(areas),
        "knowsLanguage": _one_or_many(list(data.languages)),
        "contactPoint": _contact_point(data.pro_bono_contact, "Pro bono volunteer enquiries"),
        "mainEntityOfPage": _page(site_url, org_url(org.id)),
    })


def _org_ref(org: OrgEntry, site_url: str) -> dict[str, Any]:
    """The organization inside a listing's JSON-LD: the hiring organization or organizer."""
    return _clean({"@type": "NGO", "@id": _org_id(org, site_url), "name": org.data.name,
                   "alternateName": org.data.short_name, "url": org.data.website,
                   "sameAs": org.data.website})


def _org_id(org: OrgEntry, site_url: str) -> str | None:
    page = _page(site_url, org_url(org.id))
    return f"{page}#organization" if page else None


def _contact_point(contact: Contact | None, kind: str) -> dict[str, Any] | None:
    if contact is None:
        return None
    point = _clean({"@type": "ContactPoint", "contactType": kind, "name": contact.name,
                    "email": contact.email, "telephone": contact.phone,
                    "url": contact.interest_form or contact.website})
    return point if {"email", "telephone", "url"} & set(point) else None


# -- text and shape --------------------------------------------------------------------------


def plain_text(markdown: str | None) -> str:
    """Markdown as plain text: no markup, a link's words without its address, list items on
    their own lines after '- ' (or their number), paragraphs apart."""
    if not markdown:
        return ""
    blocks: list[str] = []
    depth, prefix, first_item = 0, "", False
    for token in markup.tokens(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            first_item = first_item or depth == 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open":
            bullet = f"{token.info}{token.markup}" if token.info else "-"
            prefix = "  " * (depth - 1) + bullet + " "
        elif token.type == "inline":
            text = prefix + _inline(token.children or [])
            prefix = ""
            glue = "\n" if depth and not first_item else "\n\n"
            blocks.append((glue if blocks else "") + text)
            first_item = False
        elif token.type in ("code_block", "fence"):
            blocks.append(("\n\n" if blocks else "") + token.content.rstrip("\n"))
    return "".join(blocks).strip()


def _inline(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child.children or []))
    return "".join(parts)


def _description(summary: str, description: str) -> str:
    return f"{summary.strip()}\n\n{plain_text(description)}".strip()


def _page(site_url: str, address: str) -> str | None:
    return f"{site_url.rstrip('/')}/{address}" if site_url else None


def _one_or_many(items: list[Any]) -> Any:
    return None if not items else (items[0] if len(items) == 1 else items)


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    """The node without properties whose value is unknown: None, '' or an empty list or dict."""
    return {key: value for key, value in node.items()
            if value is not None and value != "" and value != [] and value != {}}


# -- into a page -----------------------------------------------------------------------------

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
           "\u2029": "\\u2029"}
_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def script(data: dict[str, Any]) -> str:
    """The JSON-LD as a script element for a page's HTML.

    Inside JSON those characters only ever occur in strings, where a \\u escape means the same
    thing: with no '<' left, no text (a title saying '</script>' or '<!--') can end the element
    early, and U+2028 and U+2029 cannot break a reader that takes the JSON for JavaScript. The
    result is plain str: a Jinja2 template marks it safe (Markup) itself.
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    text = _UNSAFE_RE.sub(lambda found: _UNSAFE[found.group()], text)
    return f'<script type="application/ld+json">{text}</script>'
