"""The GitHub issue forms for people who do not use git, and `from-issue`, which reads them back.

The forms (`.github/ISSUE_TEMPLATE/*.yml`) are written from the questions below, so their
options are the vocabularies' labels and stay in step with the model (`python -m generator
schema` rewrites them; a test fails when they are stale). GitHub turns a submitted form into an
issue body with a `### <label>` heading per question and `_No response_` for a blank;
`read_body` reads that text back, and `convert` turns it into a data file's values.

The body is untrusted text written by anyone with a GitHub account: it is only ever parsed as
data here, every answer goes through the same checks as a hand-written file, and the file is
written by `scaffold`, which quotes every value.

One module because the forms and `from-issue` must agree on every question: the questions are
written once, here, and both directions read them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.contribute import answers, confirm
from generator.core import decisions, vocab
from generator.contribute.answers import (CHOICE, CHOICES, CLE, DATE, DATES, FLAG, ITEMS, LANGUAGES, LINE,
                               NUMBER, SESSIONS, TEXT, BadAnswer, Question)
from generator.core.load import slug
from generator.core.model import without_ids
from generator.core.problems import Refused
from generator.core.validate import MODELS, field_info

NO_RESPONSE = "_No response_"
FOLDER = Path(".github") / "ISSUE_TEMPLATE"
PRIVACY = ("This listing describes the program, not any client: it names no client and gives "
           "no detail that could identify one.")
SPEAKS_FOR = "I work for this organization, or it asked me to send this."
WARNING = (
    "**Issues are public.** Everyone on the internet can read what you write here, forever. "
    "Describe the opportunity, never a client: no names, A-numbers, case numbers, dates of "
    "birth or stories that could identify someone. Give a work email or phone number, never a "
    "personal one.\n\n"
    "A maintainer turns this issue into a listing and links the pull request here. If you can "
    "use git, [CONTRIBUTING.md](../blob/main/CONTRIBUTING.md) shows how to edit the files "
    "yourself. Leave blank what you do not know: the site shows \"Not stated\", never \"no\".")


@dataclass(frozen=True)
class Form:
    kind: str  # "organization", or the kind of listing: "program", "training" or "case"
    file: str  # its name in .github/ISSUE_TEMPLATE/
    name: str
    description: str
    title: str
    label: str  # the issue label the form sets
    questions: tuple[Question, ...]
    intro: str = WARNING


LANGUAGE_HELP = "Names or ISO 639 codes, separated by commas, e.g. Spanish, Mam, Punjabi."


def _q(path: str, label: str, kind: str = LINE, vocabulary: vocab.Vocabulary | None = None,
       required: bool = False, help: str = "") -> Question:
    return Question(tuple(path.split(".")), label, kind, vocabulary, required, help)


_YES_NO = vocab.Vocabulary("answer", {"yes": "Yes", "no": "No"})


def _where() -> tuple[Question, ...]:
    return (_q("location.state", "State", CHOICE, vocab.STATES),
            _q("location.counties", "Counties", ITEMS, help="Separated by commas."),
            _q("location.cities", "Cities", ITEMS, help="Separated by commas."))


def _contact(block: str, who: str) -> tuple[Question, ...]:
    work = "A work address or number for volunteers, never a client's."
    return (_q(f"{block}.name", f"{who} name"), _q(f"{block}.role", f"{who} role"),
            _q(f"{block}.email", f"{who} email", help=work),
            _q(f"{block}.phone", f"{who} phone", help=work),
            _q(f"{block}.interest_form", "Volunteer interest form"))

def _provenance() -> tuple[Question, ...]:
    return (_q("source.description", "Where these facts come from",
               help="In words, e.g. 'our volunteer page' or 'our pro bono manager'. Left "
                    "blank, the listing says the facts came from this form."),
            _q("source.url", "Public page with these facts"),
            _q("last_verified.date", "Date these facts were checked", DATE,
               help="YYYY-MM-DD. Left blank, the day the maintainers turn this issue into a "
                    "listing."))


def _listing_start(what: str, example: str) -> tuple[Question, ...]:
    return (
        _q("org_id", "Organization id", required=True,
           help="Your organization's id: the last part of its page's address, e.g. "
                "her-justice. A new organization? File the 'Add an organization' form first."),
        _q("id", f"Listing id (only to update a {what})",
           help=f"To update a {what}, its id: the last part of its address, e.g. {example}. "
                "Leave empty for a new one."),
        _q("title", "Title", required=True),
        _q("summary", "Summary", required=True))


def _status() -> tuple[Question, ...]:
    return (_q("status", "Status", CHOICE, vocab.STATUSES),
            _q("paused_until", "Paused until", DATE,
               help="If the status is Paused: the day you expect to take volunteers again, "
                    "YYYY-MM-DD."))


def _the_law(work: bool) -> tuple[Question, ...]:
    return (
        *((_q("kinds_of_work", "Kinds of work", CHOICES, vocab.KINDS_OF_WORK, required=True),)
          if work else ()),
        _q("practice_areas", "Practice areas", CHOICES, vocab.PRACTICE_AREAS, required=True),
        _q("remedies", "Remedies", CHOICES, vocab.REMEDIES),
        _q("clients", "Clients", CHOICES, vocab.CLIENTS),
        *((_q("client_languages", "Languages clients speak", LANGUAGES, help=LANGUAGE_HELP),
           _q("forums", "Where the work is filed or argued", CHOICES, vocab.FORUMS)) if work
          else ()))


def _work_place() -> tuple[Question, ...]:
    return (
        *_where(),
        _q("location.remote_possible", "Remote work possible", FLAG),
        _q("location.remote_exceptions", "What still happens in person",
           help="If the work is remote but not all of it, e.g. one client meeting in Fresno."),
        _q("location.notes", "More about where the work happens"))


def _commitment() -> tuple[Question, ...]:
    return (
        _q("commitment.length", "Length of commitment", CHOICE, vocab.COMMITMENT_LENGTHS),
        _q("commitment.duration", "Typical duration"),
        _q("commitment.hours", "Hours"),
        _q("commitment.team_size", "Volunteers per case"),
        _q("commitment.limited_scope", "Limited scope (a defined piece of the matter)", FLAG))


def _who(block: str, may: str) -> tuple[Question, ...]:
    """Who may volunteer (block 'volunteers') or attend (block 'audience')."""
    work = block == "volunteers"
    return (
        _q(f"{block}.bar_admission", "Bar admission", CHOICE, vocab.BAR_ADMISSION),
        _q(f"{block}.bar_admission_states", "Bar admission needed in", CHOICES, vocab.STATES,
           help="Only with 'Specific states' above."),
        *((_q(f"{block}.experience_required", "Experience in this area required", FLAG),
           _q(f"{block}.experience_notes", "Experience that helps")) if work else ()),
        _q(f"{block}.in_house_counsel_welcome", f"Registered in-house counsel {may}", FLAG),
        _q(f"{block}.retired_attorneys_welcome", f"Retired or inactive attorneys {may}", FLAG),
        _q(f"{block}.law_students_welcome", f"Law students {may}", FLAG),
        _q(f"{block}.students_supervised", "Law students must be supervised", FLAG),
        _q(f"{block}.paralegals_welcome", f"Paralegals {may}", FLAG),
        _q(f"{block}.interpreters_welcome", f"Interpreters {may}", FLAG),
        *((_q(f"{block}.languages_required", "Languages volunteers must speak", LANGUAGES,
              help=LANGUAGE_HELP),
           _q(f"{block}.languages_helpful", "Languages that help", LANGUAGES,
              help=LANGUAGE_HELP)) if work else ()),
        _q(f"{block}.notes", "More about who may volunteer" if work else
           "More about who may attend"))


def _support() -> tuple[Question, ...]:
    return (
        _q("support.case_screening", "Cases screened first", FLAG),
        _q("support.training.offered", "Training offered", FLAG),
        _q("support.training.formats", "Training formats", CHOICES, vocab.TRAINING_FORMATS),
        _q("support.training.dates", "Training dates", DATES,
           help="Scheduled trainings, written YYYY-MM-DD and separated by commas, e.g. "
                "2027-01-14, 2027-03-11. A training of its own is better listed with the "
                "'Add or update a training' form."),
        _q("support.training.notes", "More about the training"),
        _q("support.cle_credit.offered", "CLE credit offered", FLAG),
        _q("support.cle_credit.jurisdictions", "CLE credit counts in", CHOICES, vocab.STATES),
        _q("support.cle_credit.notes", "More about CLE credit"),
        _q("support.mentoring", "Mentoring", FLAG),
        _q("support.sample_materials", "Sample materials", FLAG),
        _q("support.technical_assistance", "Co-counsel or technical assistance", FLAG),
        _q("support.social_worker", "Social worker or advocate for the client", FLAG),
        _q("support.malpractice_coverage", "Malpractice insurance covers volunteers", FLAG),
        _q("support.attorney_of_record", "Attorney of record", CHOICE,
           vocab.ATTORNEY_OF_RECORD),
        _q("support.interpreters_provided", "Interpreters provided for client meetings", FLAG),
        _q("support.notes", "More about support"))


def _listing_end(page: str) -> tuple[Question, ...]:
    return (
        *_contact("contact", "Contact"),
        _q("contact.website", page),
        _q("contact.notes", "Before reaching out"),
        _q("related", "Related listings", ITEMS,
           help="Ids of listings in this directory that go with this one (a program's "
                "training, the program a case belongs to), separated by commas."),
        *_provenance())


PROGRAM_FORM = Form("program", "new-listing.yml", "Add or update a program",
                    "Ask the maintainers to add or update ongoing volunteer work for attorneys, "
                    "field by field (no git needed).", "Listing: ", "listing", (
    *_listing_start("program", "t-visa-pro-bono-placements"),
    _q("description", "What volunteers would do", TEXT, required=True),
    *_status(),
    _q("urgent", "Urgent", FLAG),
    *_the_law(work=True),
    *_work_place(),
    *_commitment(),
    *_who("volunteers", "welcome"),
    *_support(),
    *_listing_end("Web page about this opportunity"),
    _q("expires", "Listing ends on", DATE),
))

TRAINING_FORM = Form("training", "new-training.yml", "Add or update a training",
                     "Ask the maintainers to list a dated training (or a recording) for "
                     "volunteers, with its dates, registration and CLE credit (no git "
                     "needed).", "Training: ", "training", (
    *_listing_start("training", "t-visa-basics-training"),
    _q("description", "What the training covers", TEXT, required=True),
    _q("formats", "Format", CHOICES, vocab.EVENT_FORMATS, required=True),
    _q("sessions", "Dates and times", SESSIONS, help=answers.SESSION_HELP + " Several dates "
       "of the same training go in one listing. Leave empty for a recording."),
    _q("time_zone", "Time zone", help="The time zone of those times, e.g. "
       "America/Los_Angeles, America/New_York, America/Chicago."),
    _q("registration", "Registration link"),
    _q("free", "Free", FLAG),
    _q("cost", "Cost", help="The price as published, e.g. $50, or Free."),
    _q("cost_condition", "Condition on the cost",
       help="e.g. Free for volunteers who take a case afterwards."),
    _q("capacity", "Places", NUMBER, help="How many can attend, if there is a limit."),
    _q("cle", "CLE credit", CLE, help=answers.CLE_HELP + " Leave empty if none."),
    _q("cle_notes", "More about CLE credit", help="e.g. approval pending."),
    _q("available_until", "Recording available until", DATE,
       help="For a recording: the last day it can be watched, YYYY-MM-DD."),
    *_status(),
    *_the_law(work=False),
    *_where(),
    *_who("audience", "may attend"),
    *_listing_end("Web page about this training"),
))

CASE_FORM = Form("case", "new-case.yml", "Add or update an urgent case",
                 "Ask the maintainers to list one matter that needs a volunteer now. Never "
                 "anything that could identify the client (no git needed).", "Case: ", "case", (
    *_listing_start("case", "u-visa-case-mam"),
    _q("description", "What the volunteer would do", TEXT, required=True,
       help="The work the matter needs, never who the client is: no name, initials, "
            "A-number, case number, or place and time of a hearing together."),
    _q("respond_by", "Respond by", DATE, required=True,
       help="The last day to offer to take the case, YYYY-MM-DD. After it the case leaves "
            "the directory's lists on its own."),
    _q("next_date.date", "Next deadline or hearing", DATE, help="YYYY-MM-DD."),
    _q("next_date.what", "What happens on that date", help="e.g. Filing deadline."),
    _q("clients_waiting", "Clients waiting", NUMBER,
       help="How many clients are waiting for a volunteer, if more than one."),
    _q("urgent", "Urgent", FLAG),
    *_status(),
    *_the_law(work=True),
    *_work_place(),
    *_commitment(),
    *_who("volunteers", "welcome"),
    *_support(),
    *_listing_end("Web page about this case"),
))

ORGANIZATION_FORM = Form("organization", "new-organization.yml", "Add an organization",
                         "Ask the maintainers to add your organization, so that its listings "
                         "can follow (no git needed).", "Organization: ", "organization", (
    _q("id", "Organization id (optional)",
       help="Lowercase words joined by hyphens, e.g. her-justice. Left empty, it is made from "
            "the short name or the name."),
    _q("name", "Name", required=True),
    _q("short_name", "Short name or acronym"),
    _q("website", "Website"),
    _q("description", "What the organization does", TEXT, required=True),
    *_where(),
    _q("serves", "Whom it serves"),
    _q("clients", "Clients", CHOICES, vocab.CLIENTS),
    _q("languages", "Languages staff serve clients in", LANGUAGES, help=LANGUAGE_HELP),
    *_contact("pro_bono_contact", "Pro bono contact"),
    *_provenance(),
))

CHECK = "check"  # a box to tick: its help is the box's words
CONFIRM_INTRO = (
    "Use this form if you work for an organization in the directory, to tell the maintainers "
    "that a listing is still current or what should change. **Issues are public**: never "
    "write anything about a client. Answer only what changed or what the listing does not say "
    "yet: a question you leave blank keeps what the listing says now, and a fact nobody has "
    "stated is shown as \"Not stated\", never guessed. A maintainer turns your answer into the "
    "change and links the pull request here.")


def _confirm_questions() -> tuple[Question, ...]:
    facts = tuple(_q(fact.work or fact.training or "", fact.label, fact.kind, fact.vocabulary,
                     help=fact.question) for fact in decisions.FACTS if fact.kind)
    return (
        _q("listing", "Listing", required=True,
           help="The id of the listing, or the address of its page, e.g. "
                "https://<site>/opportunities/t-visa-pro-bono-placements/. To confirm several "
                "pages as they are, separate them with commas; your organization's own page "
                "is its id, e.g. her-justice."),
        _q("confirmed", "Confirmation", CHECK, help=confirm.CONFIRM_BOX),
        _q("person", "Who is confirming",
           help="Optional: your name or your role, as you want the listing's record to name "
                "you, e.g. Pro Bono Manager."),
        _q("urgent", "Still urgent", FLAG,
           help="Are volunteers still needed urgently? Yes keeps the listing marked urgent "
                "from today; No removes the mark."),
        _q("clients_waiting", "Clients waiting now", NUMBER,
           help="For a case: how many clients are waiting for a volunteer today."),
        *facts,
        _q("volunteers.bar_admission_states", "Bar admission needed in", CHOICES, vocab.STATES,
           help="Only with 'Specific states' under Bar admission."),
        _q("location.cities", "Cities where the work happens", ITEMS,
           help="If the work is not remote, or not all of it: where. Separated by commas."),
        _q("support.cle_credit.jurisdictions", "CLE credit counts in", CHOICES, vocab.STATES,
           help="The states where the credit counts."),
        _q("contact.name", "Who answers volunteers",
           help="The next step: the person or role who answers a volunteer who is interested."),
        _q("contact.email", "Their work email",
           help="A work address for volunteers, never a personal one or a client's."),
        _q("contact.interest_form", "Volunteer interest form",
           help="Link to the form a volunteer fills in, if there is one."),
        _q("other", "Other corrections", TEXT,
           help="Anything else that is wrong or missing; a maintainer makes the change by "
                "hand."))


CONFIRM_FORM = Form("confirm", confirm.FORM_FILE, confirm.FORM_NAME,
                    "For an organization in the directory: confirm that a listing is current, "
                    "or correct it, question by question (no git needed).", "Confirm: ",
                    "confirmation", _confirm_questions(), CONFIRM_INTRO)

FORMS = (PROGRAM_FORM, TRAINING_FORM, CASE_FORM, ORGANIZATION_FORM, CONFIRM_FORM)
LISTING_FORMS = (PROGRAM_FORM, TRAINING_FORM, CASE_FORM)


def form_for(kind: str) -> Form:
    return next(form for form in FORMS if form.kind == kind)
_SPECIAL = {("org_id",), ("id",)}  # answers that say where the file goes, not what it says


# -- writing the forms -------------------------------------------------------------------------

def form_text(form: Form) -> str:
    """The issue form as YAML (JSON is YAML, so json.dumps writes each value safely)."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": form.intro}}]
    for question in form.questions:
        body.append(_element(form, question))
    body.append({"type": "checkboxes", "id": "confirm", "attributes": {
        "label": "Before you send", "options": [{"label": PRIVACY, "required": True},
                                                 {"label": SPEAKS_FOR, "required": True}]}})
    document = {"name": form.name, "description": form.description, "title": form.title,
                "labels": [form.label], "body": body}
    return ("# Written by `python -m generator schema` from generator/contribute/issueform.py; edit that "
            "file, not this one.\n" + yaml.safe_dump(document, allow_unicode=True,
                                                      sort_keys=False, width=100))


def _element(form: Form, question: Question) -> dict[str, Any]:
    ident = "-".join(question.path).replace("_", "-")
    attributes: dict[str, Any] = {"label": question.label}
    if question.kind == CHECK:
        attributes["options"] = [{"label": question.help, "required": False}]
        return {"type": "checkboxes", "id": ident, "attributes": attributes}
    description = question.help or _description(form, question)
    if description:
        attributes["description"] = description
    if question.kind in (CHOICE, CHOICES, FLAG):
        terms = _YES_NO if question.kind == FLAG else question.vocabulary
        assert terms is not None
        attributes["options"] = list(terms.terms.values())
        attributes["multiple"] = question.kind == CHOICES
        kind = "dropdown"
    else:
        kind = "textarea" if question.kind in (TEXT, SESSIONS, CLE) else "input"
        placeholder = {DATE: "YYYY-MM-DD", DATES: "YYYY-MM-DD",
                       SESSIONS: "2027-03-04 10:00-12:00\n2027-03-11 10:00-12:00",
                       CLE: "CA, 1.5, General", NUMBER: "e.g. 2"}.get(question.kind)
        if placeholder:
            attributes["placeholder"] = placeholder
    return {"type": kind, "id": ident, "attributes": attributes,
            "validations": {"required": question.required}}


def _description(form: Form, question: Question) -> str:
    if question.path in _SPECIAL:
        return ""
    text = without_ids(field_info(MODELS[form.kind], question.path).description or "")
    if question.kind == FLAG:  # the model speaks of true and false; the form of Yes and No
        text = re.sub(r"\btrue\b", "Yes", re.sub(r"\bfalse\b", "No", text))
        text = text.replace("leave out if", "leave blank if")
        text = text[0].upper() + text[1:]
    return text


def _stale(root: Path) -> list[Form]:
    def current(form: Form) -> bool:
        path = root / FOLDER / form.file
        return path.is_file() and path.read_text(encoding="utf-8") == form_text(form)
    return [form for form in FORMS if not current(form)]


def write_forms(root: Path) -> list[Path]:
    """Write the forms that differ from what the questions give; the paths written."""
    written = []
    for form in _stale(root):
        path = root / FOLDER / form.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(form_text(form), encoding="utf-8")
        written.append(path)
    return written


def stale_forms(root: Path) -> list[str]:
    """The forms that `python -m generator schema` would rewrite."""
    return [f"{FOLDER.as_posix()}/{form.file}" for form in _stale(root)]


# -- reading a submitted issue -----------------------------------------------------------------

class BadIssue(Refused):
    """The issue cannot become a file; `problems` says why, one line each."""


@dataclass(frozen=True)
class Converted:
    kind: str
    org_id: str
    id: str
    values: dict[str, Any]
    updates: bool  # True when the listing already exists and the answers update it


def read_body(body: str) -> tuple[Form, dict[str, str | None]]:
    """Which form the body came from, and each question's answer (None when left blank)."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    headings = re.findall(r"^### (.*?)[ \t]*$", text, flags=re.M)
    # the form whose questions the headings answer best; the listing forms share most labels
    form = max(FORMS, key=lambda f: (len({q.label for q in f.questions} & set(headings)),
                                     -len({q.label for q in f.questions} - set(headings))))
    labels = [q.label for q in form.questions] + ["Before you send"]
    missing = [label for label in labels if label not in headings]
    if len(missing) == len(labels):
        raise BadIssue(["this is not the body of a listing or organization issue form: it has "
                        "none of the form's '### ' headings; copy the issue's text exactly"])
    doubled = sorted({h for h in headings if h in labels and headings.count(h) > 1})
    if doubled:
        raise BadIssue([f"'### {h}' appears more than once, so the answers cannot be told apart; "
                        "ask the person to edit the issue so that no answer has a line "
                        f"starting with '### {h}'" for h in doubled])
    parts = re.split(r"^### (.*?)[ \t]*$", text, flags=re.M)
    found: dict[str, str | None] = {}
    for heading, content in zip(parts[1::2], parts[2::2], strict=True):
        if heading in labels:
            content = content.strip("\n")
            found[heading] = None if content.strip() in ("", NO_RESPONSE) else content.strip()
        elif found:  # a '### ' line inside an answer belongs to the answer before it
            last = list(found)[-1]
            found[last] = (found[last] or "") + f"\n### {heading}{content}".rstrip()
    return form, found


def unticked(found: dict[str, str | None]) -> list[str]:
    """A problem for each box under 'Before you send' left unticked."""
    boxes = found.get("Before you send") or ""
    return [f"Before you send: the box '{box}' is not ticked; ask the person to confirm it"
            for box in (PRIVACY, SPEAKS_FOR)
            if not re.search(r"^- \[[xX]\] " + re.escape(box), boxes, flags=re.M)]


def convert(body: str, existing: dict[str, tuple[str, dict[str, Any]]],
            org_names: dict[str, str], today: dt.date, update: str | None = None,
            allow_duplicate: bool = False,
            command: str = "make from-issue BODY=<file>") -> Converted:
    """The file the issue asks for.

    `existing` holds each current listing's organization and values by id; `org_names` each
    organization's name by id. `update` names the listing to update when the issue does not;
    a new listing whose title its organization already uses is refused (the same issue run
    twice, most often) unless `allow_duplicate`. `command` is how the person ran it, so the
    messages can give the command to run next.
    """
    form, found = read_body(body)
    if form is CONFIRM_FORM:
        raise BadIssue(["this is the form 'Confirm or correct our listing', which only "
                        "changes existing files (generator/contribute/confirmation.py reads it)"])
    problems = unticked(found)
    values: dict[str, Any] = {}
    special: dict[str, str] = {"id": update} if update else {}
    model = MODELS[form.kind]
    for question in form.questions:
        text = found.get(question.label)
        if question.label not in found:
            if question.required:
                problems.append(f"{question.label}: the question is missing from the issue")
            continue
        if text is None:
            if question.required:
                problems.append(f"{question.label}: left blank, but it is needed")
            continue
        if question.path in _SPECIAL:
            special[question.path[0]] = text.strip()
            continue
        try:
            value = answers.read(question, _unfence(text) if question.kind == TEXT else text,
                                 model, labels=True)
        except BadAnswer as exc:
            problems.append(f"{question.label}: {exc}")
            continue
        answers.put(values, question.path, value)
    org_id, file_id, updates = _place(form, special, values, existing, org_names, problems)
    if not updates and not allow_duplicate:
        problems += _duplicates(form, org_id, values, existing, org_names, command)
    if problems:
        raise BadIssue(problems)
    if updates:
        values = _merged(existing[file_id][1], values)
    _finish(form, values, today)
    return Converted(form.kind, org_id, file_id, values, updates)


def _id_label(form: Form) -> str:
    return next(q.label for q in form.questions if q.path == ("id",))


def _same(text: str) -> str:
    """Two names that read the same: accents, case, spacing and punctuation aside."""
    return slug(text)


def _duplicates(form: Form, org_id: str, values: dict[str, Any],
                existing: dict[str, tuple[str, dict[str, Any]]],
                org_names: dict[str, str], command: str) -> list[str]:
    """A new listing or organization that one already in orgs/ seems to be."""
    if form.kind == "organization":
        name = _same(str(values.get("name", "")))
        return [f"Name: orgs/{other}/organization.yml already has this name ('{named}'), so "
                "this issue may have been turned into a file before; to change that "
                "organization, edit its file, or give this one its full, distinct name"
                for other, named in org_names.items() if _same(named) == name]
    title = _same(str(values.get("title", "")))
    return [f"Title: orgs/{org_id}/{other}.yml already has this title ('{data.get('title')}'), "
            "so this issue may have been turned into a file before. To update that listing, "
            f"write its id, {other}, under '{_id_label(form)}' in the issue "
            f"or run {command} ARGS=\"--update {other}\"; if this is another opportunity, "
            f"give it another title, or run {command} ARGS=--allow-duplicate-title"
            for other, (owner, data) in existing.items()
            if owner == org_id and _same(str(data.get("title", ""))) == title]


def _place(form: Form, special: dict[str, str], values: dict[str, Any],
           existing: dict[str, tuple[str, dict[str, Any]]], org_names: dict[str, str],
           problems: list[str]) -> tuple[str, str, bool]:
    """Where the file goes: its organization, its id, and whether it is already there."""
    wanted = special.get("id", "")
    taken = set(org_names) | set(existing)
    if form.kind != "organization":
        org_id = special.get("org_id", "").lower()
        if org_id and org_id not in org_names:
            problems.append(f"Organization id: there is no organization '{org_id}' in orgs/; "
                            "check the id, or add the organization first")
        if wanted:
            label = _id_label(form)
            kind = existing[wanted][1].get("kind", "program") if wanted in existing else ""
            if wanted not in existing:
                problems.append(f"{label}: there is no listing '{wanted}'; leave it empty for "
                                "a new listing")
            elif existing[wanted][0] != org_id:
                problems.append(f"{label}: '{wanted}' belongs to '{existing[wanted][0]}', not "
                                f"'{org_id}'; check both ids")
            elif kind != form.kind:
                problems.append(f"{label}: '{wanted}' is a {kind}, and this is the form for a "
                                f"{form.kind}; update it with the 'Add or update a {kind}' "
                                "form, or change its kind: line by pull request")
            return org_id, wanted, True
        return org_id, answers.free_id(slug(str(values.get("title", ""))), taken), False
    if wanted:
        try:
            answers.check_id(wanted, "organization")
        except BadAnswer as exc:
            problems.append(f"Organization id (optional): {exc}")
        if wanted in taken:
            problems.append(f"Organization id (optional): '{wanted}' is already used")
        return wanted, wanted, False
    org_id = answers.free_id(slug(str(values.get("short_name") or values.get("name"))), taken)
    return org_id, org_id, False


def _merged(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The listing as it is, with every answered question replacing what it said."""
    result = dict(old)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merged(result[key], value)
        else:
            result[key] = value
    return result


def _finish(form: Form, values: dict[str, Any], today: dt.date) -> None:
    """What every file from a form says: where its facts came from, and when they were checked.

    The person may say both; what they leave blank is the form itself, on the day it is read.
    """
    source = values.get("source") or {}
    source.setdefault("description", "Sent by the organization's staff through the directory's "
                      "issue form; reviewed by the maintainers before publication.")
    values["source"] = source
    checked = values.get("last_verified", {}).get("date")
    values["last_verified"] = {"date": checked or today, "by": "organization",
                               "notes": "Confirmed in the issue form"}
    if form.kind != "organization":  # never after the facts were checked: validate refuses it
        values.setdefault("added", checked or today)
    if form.kind not in ("organization", "program"):  # a program needs no kind: line
        values["kind"] = form.kind
    values.setdefault("location", {})


def _unfence(text: str) -> str:
    """GitHub leaves a textarea's text as written; drop a ``` fence around the whole of it."""
    match = re.fullmatch(r"```[^\n]*\n(.*?)\n```", text.strip(), flags=re.S)
    return match.group(1) if match else text
