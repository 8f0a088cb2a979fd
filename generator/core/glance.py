"""A listing at a glance: the answers a pro bono coordinator looks for first.

Who may take it, how much time, where, what support and credit, and the one next step, each as
a short sentence built from the data. The listing's page opens with these and the finder's
cards reuse them. Plain functions over the validated model; a fact nobody stated stays
"Not stated", never a guess.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from generator.core import vocab
from generator.core.directory import ProgramEntry
from generator.core.emails import mailto
from generator.core.facets import SUPPORT, cle_hours, people
from generator.core.freshness import long_date
from generator.core.model import Contact, Session, Volunteers
from generator.core.places import shown as named_places
from generator.core.urls import SITE_NAME

NOT_STATED = "Not stated"


@dataclass(frozen=True)
class Action:
    """The listing's one next step: a button's words and where it leads (None: no button)."""

    text: str
    href: str | None


def who(volunteers: Volunteers) -> str:
    """'Attorneys admitted in any U.S. jurisdiction; law students, supervised; newcomers welcome'."""
    v = volunteers
    parts = []
    if v.bar_admission == "any-us-jurisdiction":
        parts.append("Attorneys admitted in any U.S. jurisdiction")
    elif v.bar_admission == "specific-states":
        states = ", ".join(vocab.STATES.label(s) for s in v.bar_admission_states)
        parts.append(f"Attorneys admitted in {states}")
    elif v.bar_admission == "not-required":
        parts.append("No bar admission needed")
    others = [label for label, value in (
        ("registered in-house counsel", v.in_house_counsel_welcome),
        ("retired or inactive attorneys", v.retired_attorneys_welcome),
        ("law students" + (" under supervision" if v.students_supervised else ""),
         v.law_students_welcome),
        ("paralegals", v.paralegals_welcome),
        ("interpreters", v.interpreters_welcome)) if value]
    if others:
        parts.append(("also " if parts else "") + _and(others))
    if v.experience_required is False:
        parts.append("newcomers welcome")
    elif v.experience_required:
        parts.append("experience needed")
    if v.languages_required:
        parts.append("must speak " + _and([vocab.language_name(c) for c in v.languages_required]))
    if not parts:
        return NOT_STATED
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def time(program: ProgramEntry, today: dt.date) -> str:
    data = program.data
    if data.kind == "training":
        return sessions_text(data.sessions, data.time_zone, today) or (
            "Watch any time" if "recorded" in data.formats else NOT_STATED)
    c = data.commitment
    # the team size is the Commitment section's: said here too, a page printed it twice
    parts = [c.duration or (vocab.COMMITMENT_LENGTHS.label(c.length) if c.length else None),
             c.hours, "a defined piece of the matter" if c.limited_scope else None]
    text = "; ".join(p for p in parts if p)
    if data.kind == "case":
        due = f"Respond by {long_date(data.respond_by)}"
        if data.next_date:
            due += f"; {data.next_date.what.lower()} on {long_date(data.next_date.date)}"
        text = f"{due}. {text}" if text else due
    return text or NOT_STATED


def where(program: ProgramEntry) -> str:
    data = program.data
    location = data.location
    places = named_places(location)
    state = vocab.STATES.label(location.state) if location.state else None
    place = ", ".join([*places, state] if state else places)
    if data.kind == "training":
        formats = [vocab.EVENT_FORMATS.label(f) for f in data.formats]
        venues = [s.where for s in data.sessions if s.where]
        in_person = f" ({venues[0]})" if venues and "in-person" in data.formats else ""
        return _and(formats).capitalize().replace("watch any time", "to watch any time") + \
            in_person + (f"; {place}" if place and "in-person" in data.formats else "")
    if location.remote_possible and location.remote_exceptions:
        mode = f"Remote, except {location.remote_exceptions}"
    elif location.remote_possible:
        mode = "Remote"
    elif location.remote_possible is False:
        mode = "In person"
    else:
        mode = ""
    if mode and place:
        return f"{mode} · {place}"
    return mode or place or NOT_STATED


def support(program: ProgramEntry) -> str:
    data = program.data
    if data.kind == "training":
        parts = [data.cost or ("Free" if data.free else ("Has a fee" if data.free is False
                                                         else None)),
                 data.cost_condition,
                 f"{data.capacity} places" if data.capacity else None]
        return "; ".join(p for p in parts if p) or NOT_STATED
    s = data.support
    # CLE credit has its own row ("Credit")
    parts = [fact.phrase for fact in SUPPORT if fact.key != "cle-credit" and fact.offered(s)]
    if s.attorney_of_record:
        parts.append("attorney of record: " +
                     vocab.ATTORNEY_OF_RECORD.label(s.attorney_of_record).lower())
    if not parts:
        return NOT_STATED
    text = _and(parts)
    return text[0].upper() + text[1:]


def credit(program: ProgramEntry) -> str:
    hours = cle_hours(program)
    if hours:
        return hours[0].upper() + hours[1:]
    data = program.data
    if data.kind != "training" and data.support.cle_credit.offered:
        states = data.support.cle_credit.jurisdictions
        name = "MCLE" if states == ["CA"] else "CLE"
        where_ = f" ({', '.join(states)})" if states and states != ["CA"] else ""
        return f"{name} credit offered{where_}; hours not stated"
    if data.kind == "training" and data.cle_notes:
        return data.cle_notes
    return NOT_STATED


def training_offer(program: ProgramEntry) -> str:
    """How a program trains its volunteers, in one line: 'Live and recorded training. MCLE
    credit offered; hours not stated.' Unknown is said as unknown, never as no."""
    s = program.data.support
    formats = [vocab.TRAINING_FORMATS.label(f).lower() for f in s.training.formats]
    if not formats and s.cle_credit.offered is None:
        return "Trains its volunteers; format and CLE credit not stated."
    how = f"{_and(formats).capitalize()} training" if formats else "Training format not stated"
    if s.cle_credit.offered:
        cle = credit(program)
    else:
        cle = "No CLE credit" if s.cle_credit.offered is False else "CLE credit not stated"
    return f"{how}. {cle}."


def action(program: ProgramEntry, contact: Contact | None, org_website: str | None,
           org_name: str, listed: bool, page: str = "") -> Action | None:
    """The one next step, or None when the listing is not taking anyone (paused, closed, being
    set up, expired, past or archived): its page keeps the contact for questions, with no call
    to act.

    The button says where it leads and what happens there: the organization's form, an email
    that names the listing and its address `page` (so the organization knows where the attorney
    came from), or, where only a home page is known, that no volunteer page is published."""
    data = program.data
    if not listed:  # lifecycle.Standing.listed
        return None
    if data.kind == "training" and data.registration:
        return Action("Register for this training: open the registration page",
                      data.registration)
    verb = {"program": "Volunteer", "case": "Offer to take this case",
            "training": "Ask about this training"}[data.kind]
    if contact and contact.interest_form:
        form = contact.interest_form
        if form.lower().startswith("mailto:"):  # an address given as the form: write to it
            address = unquote(form[len("mailto:"):].split("?", 1)[0])
            return Action(f"{verb}: email {contact.name or org_name}",
                          email_about(address, data.title, page))
        return Action(f"{verb}: open {org_name}'s interest form", form)
    if contact and contact.email:
        return Action(f"{verb}: email {contact.name or org_name}",
                      email_about(contact.email, data.title, page))
    if contact and contact.website:
        if is_home_page(contact.website, org_website):
            return Action(no_volunteer_page(contact.name or org_name), contact.website)
        return Action(f"{verb}: open {org_name}'s volunteer page", contact.website)
    if contact and contact.phone:
        return Action(f"{verb}: call {contact.phone}", "tel:" + contact.phone.replace(" ", ""))
    if org_website:
        return Action(no_volunteer_page((contact and contact.name) or org_name), org_website)
    return None


def email_about(address: str, title: str, page: str) -> str:
    """A mailto: link to the address alone (emails.mailto), whose subject and first line name
    the listing and its page. Each part is percent-encoded whole, so no title can add a
    recipient, a copy or another header."""
    subject = f"Pro bono: {title}"
    body = (f"About the listing \"{title}\" in the {SITE_NAME}" + (f": {page}" if page else "")
            + "\r\n\r\n")
    return (f"{mailto(address)}?subject={quote(subject, safe='')}"
            f"&body={quote(body, safe='')}")


def is_home_page(url: str, org_website: str | None = None) -> bool:
    """A link to a site's front page, or to the organization's website: it says nothing about
    volunteering, so no label may call it a volunteer page."""
    parts = urlsplit(url)
    if parts.path.strip("/") == "" and not parts.query and not parts.fragment:
        return True
    return bool(org_website) and url.rstrip("/") == (org_website or "").rstrip("/")


def no_volunteer_page(who: str) -> str:
    return f"No volunteer page published: write to {who} through the website"


def contact_parts(contact: Contact, org_name: str,
                  org_website: str | None) -> list[tuple[str, str | None]]:
    """An organization's pro bono contact as (text, link) parts, only those it gives, so a
    page joins them with separators and never shows one alone."""
    parts: list[tuple[str, str | None]] = []
    if contact.name:
        parts.append((contact.name + (f", {contact.role}" if contact.role else ""), None))
    if contact.email:
        parts.append((contact.email, mailto(contact.email)))
    if contact.phone:
        parts.append((contact.phone, None))
    if contact.website:
        label = no_volunteer_page(contact.name or org_name) if is_home_page(
            contact.website, org_website) else "volunteer page"
        parts.append((label, contact.website))
    if contact.interest_form:
        parts.append(("interest form", contact.interest_form))
    return parts


def rows(program: ProgramEntry, today: dt.date) -> list[tuple[str, str]]:
    """The page's opening summary, in the order a coordinator asks."""
    data = program.data
    first = {"program": "Who may volunteer", "case": "Who may take it",
             "training": "Who may attend"}[data.kind]
    return [(first, who(people(program))),
             ("When" if data.kind == "training" else "Time", time(program, today)),
             ("Where", where(program)),
             ("Cost" if data.kind == "training" else "Support", support(program)),
             ("CLE credit", credit(program))]


def sessions_text(sessions: list[Session], zone: str | None, today: dt.date) -> str:
    """'December 3, 2026, 12:00–13:30 PT; and 2 more dates' (upcoming first)."""
    if not sessions:
        return ""
    ahead = [s for s in sessions if s.date >= today] or sessions[-1:]
    first = ahead[0]
    text = long_date(first.date)
    if first.start:
        text += f", {first.start}" + (f"–{first.end}" if first.end else "")
        text += f" {zone_name(zone, first.date)}" if zone else ""
    if len(ahead) > 1:
        text += f"; and {len(ahead) - 1} more date{'s' if len(ahead) > 2 else ''}"
    return text


def zone_name(zone: str | None, day: dt.date) -> str:
    """The time zone as people read it on that day: PST or PDT, EST or EDT."""
    if not zone:
        return ""
    moment = dt.datetime.combine(day, dt.time(12), tzinfo=zoneinfo.ZoneInfo(zone))
    return moment.tzname() or zone


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
