"""`python -m generator confirm-request ORG`: the message that asks an organization to confirm
or correct what the directory says about it.

For the organization and each of its listings: the page's address, the source it was described
from and that source's date, who checked it and when, the decision facts its page shows now, and
a plain question for each decision fact nobody has stated. The decision facts are one table,
decisions.FACTS, which the issue form "Confirm or correct our listing" asks from too (issueform), so the
questions in the message and the form's fields cannot drift apart. Pure functions over the
validated directory; the command line only prints the text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from generator.core import freshness, glance, vocab
from generator.core.decisions import unknown
from generator.core.directory import Directory, OrgEntry, ProgramEntry
from generator.core.lifecycle import Lifecycle
from generator.core.freshness import long_date
from generator.core.markup import md_text
from generator.core.problems import SetupError
from generator.core.urls import SITE_NAME, absolute, org_url, program_url

FORM_FILE = "confirm-listing.yml"
FORM_NAME = "Confirm or correct our listing"
CONFIRM_BOX = "I confirm these facts are current"
@dataclass(frozen=True)
class Entry:
    """One page in the message: the organization's or a listing's."""

    title: str
    url: str
    form_url: str  # the issue form, with this page's id filled in ('' when the repo is unknown)
    source: str
    checked: str
    shown: list[tuple[str, str]]  # what the page shows now
    questions: list[str]


@dataclass(frozen=True)
class Request:
    org_name: str
    greeting: str
    opening: str
    entries: list[Entry]
    form_url: str  # the form without an id filled in, '' when the repository is unknown


def organization(directory: Directory, org_id: str) -> OrgEntry:
    """The organization, or SetupError naming the ids there are."""
    if org_id in directory.organizations:
        return directory.organizations[org_id]
    ids = sorted(directory.organizations)
    near = difflib.get_close_matches(org_id, ids, n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    raise SetupError(f"there is no organization '{org_id}' in orgs/{hint}; the organizations "
                     f"are: {', '.join(ids) or 'none'}")


def request(directory: Directory, org_id: str, today: dt.date, site_url: str,
            repo: str, window: int, urgent_days: int) -> Request:
    org = organization(directory, org_id)
    listings = sorted(directory.programs_of(org_id), key=lambda p: p.data.title.lower())
    entries = [_org_entry(org, site_url, repo)]
    life = Lifecycle(directory, today, window, urgent_days)
    entries += [_listing_entry(directory, p, life, site_url, repo) for p in listings]
    return Request(org.data.name, _greeting(org), _opening(org, listings, site_url),
                   entries, form_url(repo))


def request_command(org_id: str) -> str:
    """The command a maintainer runs to write the message for this organization."""
    return f"make confirm-request ORG={org_id}"


def form_url(repo: str, listing: str = "") -> str:
    """The address of the issue form, with the listing's id filled in when given."""
    if not repo:
        return ""
    query = {"template": FORM_FILE} | ({"listing": listing} if listing else {})
    return f"https://github.com/{repo}/issues/new?{urlencode(query)}"


def repository(url: str) -> str:
    """'owner/name' from a GitHub address such as repo_url, else ''."""
    match = re.match(r"https?://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?$", url.strip())
    return match.group(1) if match else ""


def _greeting(org: OrgEntry) -> str:
    contact = org.data.pro_bono_contact
    if contact is not None and contact.name:
        return f"Dear {contact.name},"
    return f"Dear colleagues at {org.data.short_name or org.data.name},"


def _opening(org: OrgEntry, listings: list[ProgramEntry], site_url: str) -> str:
    where = f" ({site_url.rstrip('/')}/)" if site_url else ""
    checks = [org.data.last_verified, *(p.data.last_verified for p in listings)]
    ours = [c.date for c in checks if c.by == "organization"]
    if not ours:
        known = ("Nothing there has been confirmed by your organization yet: the maintainers "
                 "described it from the public sources named below.")
    else:
        known = (f"Your organization last confirmed some of it on {long_date(max(ours))}; the "
                 "facts below show when each page was last checked, and by whom.")
    count = f"its {len(listings)} listing{'s' if len(listings) != 1 else ''}"
    return (f"We are the volunteer maintainers of the {SITE_NAME}{where}, which shows "
            "volunteer attorneys where they can help survivors of trafficking, domestic "
            f"violence and violent crime. It describes {org.data.name} and {count}. {known} "
            "Could you check what follows and tell us what is current or what should change? "
            "Nothing on the site changes without your answer.")


def _org_entry(org: OrgEntry, site_url: str, repo: str) -> Entry:
    data = org.data
    contact = data.pro_bono_contact
    who = ", ".join(part for part in (
        (contact.name, contact.role, contact.email, contact.phone, contact.interest_form)
        if contact is not None else ()) if part) or glance.NOT_STATED
    shown = [("Website", data.website or glance.NOT_STATED), ("Pro bono contact", who)]
    questions = [] if data.website else ["What is your organization's website?"]
    if contact is None or not (contact.email or contact.phone or contact.interest_form):
        questions.append("Who should volunteer attorneys contact about your pro bono work, "
                         "and how?")
    return Entry(f"{data.name} (your organization's page)", absolute(site_url, org_url(org.id)),
                 form_url(repo, org.id), _source(data.source), _checked(data.last_verified),
                 shown, questions)


def _listing_entry(directory: Directory, program: ProgramEntry, life: Lifecycle, site_url: str,
                   repo: str) -> Entry:
    data, today = program.data, life.today
    shown = glance.rows(program, today)
    step = glance.action(program, directory.contact_for(program),
                         directory.organizations[program.org_id].data.website,
                         directory.organizations[program.org_id].data.name, life.listed(program))
    contact = directory.contact_for(program)
    answers = ", ".join(p for p in (contact.name, contact.role) if p) if contact else ""
    registers = step is not None and step.href == getattr(data, "registration", None)
    by = f" (answered by {answers})" if answers and not registers else ""
    shown.append(("Next step", f"{step.text}{by}" if step else glance.NOT_STATED))
    shown.append(("Status", vocab.STATUSES.label(data.status)))
    questions = [fact.asked(program.kind) for fact in unknown(directory, program)]
    questions += _fast_claims(program, life, shown)
    return Entry(data.title, absolute(site_url, program_url(program.id)),
                 form_url(repo, program.id), _source(data.source),
                 _checked(data.last_verified), shown, questions)


def _fast_claims(program: ProgramEntry, life: Lifecycle,
                 shown: list[tuple[str, str]]) -> list[str]:
    """'Urgent' and 'clients waiting': shown, and asked again once their short window is over."""
    questions = []
    urgent = life[program].urgent_claim
    if program.data.urgent:
        shown.append(("Urgent", "Yes, shown as urgent" if urgent.shown else urgent.notice))
        if not urgent.shown:
            questions.append("Is this still urgent?")
    else:
        shown.append(("Urgent", "No"))
    waiting = life[program].waiting_claim
    if getattr(program.data, "clients_waiting", None) is not None:
        number = program.data.clients_waiting
        shown.append(("Clients waiting", f"{number}" if waiting.shown else waiting.notice))
        if not waiting.shown:
            questions.append(f"Are {number} clients still waiting for a volunteer? If not, "
                             "how many?")
    return questions


def _source(source: Any) -> str:
    where = f" ({source.url})" if source.url else ""
    words = " ".join(source.description.split()).rstrip(".")
    return f"{words}{where}; {freshness.source_when(source)}"


def _checked(check: Any) -> str:
    if check.by == "organization":
        person = f" ({check.person})" if check.person else ""
        return f"confirmed by your organization{person} on {long_date(check.date)}"
    return ("checked by the directory's maintainers, not by your organization, on "
            f"{long_date(check.date)}")




# -- the message as text ------------------------------------------------------------------------

_BLANK = ("A question you leave blank stays unknown: the page shows it as \"Not stated\", never "
          "a guess.")


def _replies(request: Request) -> list[str]:
    """The two ways to answer, without their addresses (each renderer adds them)."""
    return [f"On GitHub, with the issue form \"{FORM_NAME}\" (one per page; each page above has "
            "its own link, with the page filled in)" if request.form_url else
            f"On GitHub, with the issue form \"{FORM_NAME}\" in the directory's repository "
            "(New issue, then that form)",
            "By email: reply to this message with your answers, page by page; a maintainer "
            "makes the change and sends you the link to check it"]


def as_text(request: Request) -> str:
    lines = [f"Subject: Please confirm or correct your listings in the {SITE_NAME}", "",
             request.greeting, "", request.opening, ""]
    for number, entry in enumerate(request.entries, start=1):
        lines += [f"{number}. {entry.title}", f"   Address: {entry.url}",
                  f"   Source: {entry.source}", f"   Checked: {entry.checked}",
                  "   The page shows now:"]
        lines += [f"     {label}: {value}" for label, value in entry.shown]
        if entry.questions:
            lines.append("   Please tell us:")
            lines += [f"     - {question}" for question in entry.questions]
        else:
            lines.append("   Nothing is missing here; please tell us whether it is still "
                         "current.")
        if entry.form_url:
            lines.append(f"   Confirm or correct it: {entry.form_url}")
        lines.append("")
    first, second = _replies(request)
    lines += ["How to answer:", f"  a) {first}" + (f": {request.form_url}" if request.form_url
                                                      else "."),
              f"  b) {second}.", "", _BLANK, "", "Thank you,", "The directory's maintainers"]
    return "\n".join(lines) + "\n"


def as_markdown(request: Request) -> str:
    lines = [f"**Subject:** Please confirm or correct your listings in the {SITE_NAME}", "",
             md_text(request.greeting), "", md_text(request.opening), ""]
    for entry in request.entries:
        lines += [f"## [{md_text(entry.title)}]({entry.url})", "",
                  f"- **Source:** {md_text(entry.source)}",
                  f"- **Checked:** {md_text(entry.checked)}", "", "The page shows now:", ""]
        lines += [f"- **{md_text(label)}:** {md_text(value)}" for label, value in entry.shown]
        lines.append("")
        if entry.questions:
            lines += ["Please tell us:", ""]
            lines += [f"- {md_text(question)}" for question in entry.questions]
        else:
            lines.append("Nothing is missing here; please tell us whether it is still current.")
        if entry.form_url:
            lines += ["", f"[Confirm or correct it]({entry.form_url})"]
        lines.append("")
    first, second = _replies(request)
    first = f"[{first}]({request.form_url})" if request.form_url else first + "."
    lines += ["## How to answer", "", f"1. {first}", f"2. {second}.", "", _BLANK, "",
              "Thank you,  ", "The directory's maintainers"]
    return "\n".join(lines) + "\n"
