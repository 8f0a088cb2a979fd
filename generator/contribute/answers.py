"""People's answers, turned into a data file's values.

`python -m generator new` asks questions on the command line; `from-issue` reads the answers
someone gave in a GitHub issue form. Both describe their questions with `Question` and read the
answers with `read`, so "Yes", "t visa" or "U visa, T visa" mean the same thing everywhere.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from collections.abc import Sequence
from typing import Any

from generator.core import vocab
from generator.core.load import ID_RE, MAX_ID, RESERVED_IDS, id_problem, parse, shorten, slug
from generator.core.problems import Problem
from generator.core.validate import value_problem

# What each kind of question accepts.
LINE, TEXT, CHOICE, CHOICES, FLAG, DATE, DATES, ITEMS, LANGUAGES = (
    "line", "text", "choice", "choices", "flag", "date", "dates", "items", "languages")
NUMBER, SESSIONS, CLE = "number", "sessions", "cle"  # a whole number; a training's dates; credit
_YES, _NO = {"yes", "y", "true"}, {"no", "n", "false"}


@dataclass(frozen=True)
class Question:
    path: tuple[str, ...]  # where the answer goes in the file, e.g. ("location", "state")
    label: str  # the question as people see it
    kind: str = LINE
    vocabulary: vocab.Vocabulary | None = None
    required: bool = False
    help: str = ""

    @property
    def option(self) -> str:
        """The command-line option that answers it: ("location", "state") -> --state."""
        parts = self.path[-1:] if self.path[0] == "location" else self.path
        if len(parts) > 1 and parts[-1] == "date":  # ("next_date", "date") -> --next-date
            parts = parts[:-1]
        return "--" + "-".join(parts).replace("_", "-")


class BadAnswer(ValueError):
    """An answer that does not fit its question; the message says how to fix it."""


def read(question: Question, text: str, model: type, numbered: bool = False,
         labels: bool = False) -> Any:
    """The value an answer stands for, checked against the model; None for no answer.

    `labels`: the person chose from labels (an issue form), so a suggestion is a label too.
    """
    text = text.strip()
    if not text:
        return None
    value: Any
    if question.kind in (CHOICE, CHOICES):
        assert question.vocabulary is not None
        parts = [p for p in re.split(r"\s*,\s*", text) if p] if question.kind == CHOICES else [text]
        value = [term(question.vocabulary, part, numbered, labels) for part in parts]
        value = list(dict.fromkeys(value)) if question.kind == CHOICES else value[0]
    elif question.kind == FLAG:
        if text.lower() not in _YES | _NO:
            raise BadAnswer(f"'{text}' is not yes or no; answer yes or no, or leave it empty if "
                            "nobody has said")
        value = text.lower() in _YES
    elif question.kind == DATE:
        value = _day(text)
    elif question.kind == DATES:
        value = [_day(part) for part in re.split(r"\s*[,;]\s*|\s+", text) if part]
    elif question.kind == ITEMS:
        value = [p for p in re.split(r"\s*[,;]\s*", text) if p]
    elif question.kind == LANGUAGES:
        value = list(dict.fromkeys(language(p) for p in re.split(r"\s*[,;]\s*", text) if p))
    elif question.kind == NUMBER:
        value = _number(text)
    elif question.kind == SESSIONS:
        value = [session(part) for part in _entries(text)]
    elif question.kind == CLE:
        value = [cle_hours(part) for part in _entries(text)]
    else:
        value = text.replace("\r\n", "\n") if question.kind == TEXT else " ".join(text.split())
    problem = value_problem(model, question.path, value)
    if problem:
        raise BadAnswer(problem)
    return value


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadAnswer(f"'{text}' is not a date written YYYY-MM-DD, e.g. 2027-06-30") from None


def _number(text: str) -> int:
    if not re.fullmatch(r"\d{1,6}", text.replace(",", "")):
        raise BadAnswer(f"'{text}' is not a whole number; write digits only, e.g. 3")
    return int(text.replace(",", ""))


def _entries(text: str) -> list[str]:
    """One entry per line (or separated by semicolons); a '- ' in front of a line is dropped."""
    parts = (re.sub(r"^[-*]\s+", "", part.strip()) for part in re.split(r"[;\n]", text))
    return [part for part in parts if part]


_CLOCK = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
_SESSION = re.compile(rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+(?P<start>{_CLOCK})"
                      rf"(?:\s*(?:-|\u2013|\u2014|to)\s*(?P<end>{_CLOCK}))?)?"
                      r"(?:\s*(?:,|\bat\b|-|\u2013|\u2014)?\s*(?P<where>\S.*))?", re.I)
SESSION_HELP = ("One date per line: YYYY-MM-DD, then start and end times if known, then where "
                "(for an in-person session), e.g. 2027-03-04 10:00-12:00 or 2027-03-11 "
                "9:30-16:00 at Fresno County Bar, Fresno.")


def session(text: str) -> dict[str, Any]:
    """'2027-03-04 10:00-12:00 at Fresno County Bar' -> a session's date, times and place."""
    found = _SESSION.fullmatch(text.strip())
    if not found:
        raise BadAnswer(f"'{text}' is not a session; {SESSION_HELP[0].lower()}{SESSION_HELP[1:]}")
    value: dict[str, Any] = {"date": _day(found["date"])}
    for key in ("start", "end"):
        if found[key]:
            value[key] = _clock(found[key])
    if found["where"]:
        value["where"] = found["where"].strip()
    return value


def _clock(text: str) -> str:
    """'9:30', '09:30', '2 pm', '2:30 p.m.' -> '09:30', '14:00', '14:30' (24-hour HH:MM)."""
    found = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?", text.strip(), re.I)
    hour, minute = (int(found[1]), int(found[2] or 0)) if found else (99, 0)
    if found and found[3] and 1 <= hour <= 12:  # 12 am is midnight, 12 pm noon
        hour = hour % 12 + (12 if found[3].lower() == "p" else 0)
    elif found and found[3]:
        hour = 99
    if not found or (found[2] is None and not found[3]) or hour > 23 or minute > 59:
        raise BadAnswer(f"'{text}' is not a time of day; write it 24-hour HH:MM, e.g. 09:30 "
                        "or 14:00")
    return f"{hour:02d}:{minute:02d}"


CLE_HELP = ("One line per kind of credit: the state, the hours and the category, e.g. "
            "CA, 1.5, General and CA, 1, Legal ethics.")


def cle_hours(text: str) -> dict[str, Any]:
    """'CA, 1.5, General' (in any order, 'hours' optional) -> a CLE credit's three parts."""
    hours = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:hours?|hrs?\.?)?(?!\w)", text, re.I)
    rest = [p for p in re.split(r"\s*,\s*", (text[:hours.start()] + "," + text[hours.end():])
                                .strip(" ,")) if p] if hours else []
    if hours and len(rest) == 1 and " " in rest[0]:  # 'CA General': the state comes first
        rest = rest[0].split(" ", 1)
    if not hours or len(rest) != 2:
        raise BadAnswer(f"'{text}' is not CLE credit; {CLE_HELP[0].lower()}{CLE_HELP[1:]}")
    first, second = rest
    try:
        state = term(vocab.STATES, first)
    except BadAnswer:
        try:  # 'General, CA': the state came last
            state, second = term(vocab.STATES, second), first
        except BadAnswer:
            raise BadAnswer(f"'{text}' names no state; {CLE_HELP[0].lower()}"
                            f"{CLE_HELP[1:]}") from None
    category = term(vocab.CLE_CATEGORIES, second)
    return {"jurisdiction": state, "hours": float(hours[1]), "category": category}


def language(text: str) -> str:
    """An ISO 639 code from a code or a language's name (Punjabi, español, K'iche')."""
    code = vocab.language_code(text)
    if code is not None:
        return code
    found = vocab.language_matches(text)
    if len(found) == 1:
        return found[0][0]
    raise BadAnswer(vocab.language_problem(text))


def term(vocabulary: vocab.Vocabulary, text: str, numbered: bool = False,
         labels: bool = False) -> str:
    """A vocabulary id from its id, its label or (on a numbered menu) its number."""
    wanted = text.strip().lower()
    if numbered and wanted.isdigit() and 1 <= int(wanted) <= len(vocabulary.terms):
        return vocabulary.ids()[int(wanted) - 1]
    for key, label in vocabulary.terms.items():
        if wanted in (key.lower(), label.lower(), slug(label)) or slug(wanted) == key:
            return key
    names = {key: key for key in vocabulary.ids()}
    names |= {label.lower(): key for key, label in vocabulary.terms.items()}
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    shown = vocabulary.label if labels else str
    hint = (f"did you mean '{shown(names[close[0]])}'?" if close else
            f"choose from: {', '.join(map(shown, vocabulary.ids()))}"
            if len(vocabulary.terms) <= 12 else
            "choose one of the form's options" if labels else
            "see the ids for this field in content/contribute/fields.md")
    raise BadAnswer(f"'{text}' is not a known {vocabulary.name}; {hint}")


def put(values: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set values[a][b] = value for path (a, b), making the blocks on the way."""
    for part in path[:-1]:
        values = values.setdefault(part, {})
    values[path[-1]] = value


def free_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 ...: the first that no file uses yet (nor the site: 'index')."""
    base = shorten(base)
    candidate, number = base, 2
    while candidate in taken or candidate in RESERVED_IDS:
        candidate, number = f"{base[:MAX_ID - len(str(number)) - 1].rstrip('-')}-{number}", number + 1
    return candidate


def check_id(text: str, what: str) -> str:
    if not ID_RE.match(text):
        raise BadAnswer(f"'{text}' is not a valid {what} id; use lowercase letters, digits and "
                        f"hyphens, e.g. '{shorten(slug(text))}'")
    wrong = id_problem(text, f"the {what} id", "")
    if wrong:
        raise BadAnswer(wrong.replace(" rename it to", " use"))
    return text


# -- a problem in a finished file, told as the question whose answer caused it ---------------

_FIELD = re.compile(r"^'?([a-z_]+)'?(?:: | is missing)")
_ROUTE = "an open program must say how to get involved"
_ADD = re.compile(r"\badd ([a-z_]+):")


def question_for(problem: Problem, questions: tuple[Question, ...],
                 text: str) -> Question | None:
    """The question whose answer caused a problem in a new file's text, if one did."""
    if problem.message.startswith(_ROUTE):
        return next((q for q in questions if q.path[-1] == "email"), None)
    found = _FIELD.match(problem.message)
    if found:
        name = found.group(1)
        return next((q for q in questions if name in (q.path[-1], q.path[0])), None)
    missing = _ADD.search(problem.message)  # 'the sessions give times, so ... add time_zone:'
    if missing and any(q.path[-1] == missing.group(1) for q in questions):
        return next(q for q in questions if q.path[-1] == missing.group(1))
    loc = _field_at(text, problem.line, problem.column)
    return next((q for q in questions if loc[:len(q.path)] == q.path), None)


def _field_at(text: str, line: int, column: int) -> tuple[str | int, ...]:
    """The field whose value holds this position of the file's text (the last one before it)."""
    doc, _ = parse(text.encode("utf-8"), "new.yml")
    doc.where(())  # reads the positions
    before = [(position, loc) for loc, position in doc.values.items()
              if loc and position <= (line, column)]
    return max(before)[1] if before else ()


def without_field(message: str) -> str:
    """'state: is empty; ...' -> 'is empty; ...': the question is named when it is asked."""
    if message.startswith(_ROUTE):
        return ("needed: the organization has no pro bono contact or website, so an open "
                "program must give volunteers a way to reach it; give a work email")
    return _FIELD.sub(lambda m: "" if m.group(0).endswith(": ") else m.group(0), message, 1)


def in_words(problem: Problem, question: Question | None, name: str,
             questions: Sequence[Question] = (), labels: bool = False) -> str:
    """The problem as a line about the question (`name`: its option or its label), with the
    fields the message names put as the `questions` that ask for them (see in_terms)."""
    if question is None:
        return f"the new file would not pass validate: {problem.message}"
    return f"{name}: {in_terms(without_field(problem.message), questions, labels)}"


_INSTRUCTION = re.compile(r"(?:\b(set|add|remove) )?\b([a-z_]+)(?:: ([\w\[\]/ -]+?))?"
                          r"(?=\s*[,;.()]|$| or | needs )")
_FIELD_WORD = re.compile(r"(?<![\w.-])([a-z_]+(?:\.[a-z_]+)+|[a-z]+_[a-z_]+)\b")


def in_terms(message: str, questions: Sequence[Question], labels: bool = False) -> str:
    """A validator's message, which speaks of a file's fields ("remove paused_until, or set
    status: paused"), in the terms of the questions asked instead: the issue form's labels
    ("leave 'Paused until' blank, or answer 'Status' with Paused") or the options of `new`
    ("leave out --paused-until, or give --status paused"). Fields no question asks for stay."""
    by_field = {**{q.path[-1]: q for q in questions},
                **{".".join(q.path): q for q in questions}}

    def name(question: Question) -> str:
        return f"'{question.label}'" if labels else question.option

    def value(question: Question, text: str) -> str:
        if question.kind == FLAG and text in ("true", "false"):
            return "yes" if text == "true" else "no"
        if labels and question.vocabulary is not None and text in question.vocabulary.terms:
            return question.vocabulary.label(text)
        return text

    def instruction(found: re.Match[str]) -> str:
        verb, field, given = found.groups()
        question = by_field.get(field)
        if question is None or (not verb and given is None):
            return found.group(0)
        if not verb:  # "bar_admission: specific-states needs ..."
            given = value(question, given.strip().strip("[]"))
            return (f"{name(question)} answered {given}" if labels
                    else f"{name(question)} {given}")
        if verb == "remove":
            return f"leave {name(question)} blank" if labels else f"leave out {name(question)}"
        if given is None:
            return f"answer {name(question)}" if labels else f"give {name(question)}"
        given = value(question, given.strip().strip("[]"))
        return (f"answer {name(question)} with {given}" if labels
                else f"give {name(question)} {given}")

    message = _INSTRUCTION.sub(instruction, message)
    return _FIELD_WORD.sub(lambda m: name(by_field[m.group(1)]) if m.group(1) in by_field
                           else m.group(0), message)


# -- the questions `new` asks: the essentials; everything else is in the file, commented -------

NEW_ORGANIZATION = (
    Question(("name",), "Organization's full name", required=True),
    Question(("short_name",), "Short name or acronym (optional)"),
    Question(("website",), "Website, starting with https:// (optional)"),
    Question(("description",), "What the organization does, in a few sentences", TEXT,
             required=True),
    Question(("location", "state"), "State (two-letter code, e.g. CA)", CHOICE, vocab.STATES,
             required=True),
    Question(("pro_bono_contact", "email"), "Work email for volunteer enquiries (optional)"),
)

def _listing_head(what: str) -> tuple[Question, ...]:
    return (
        Question(("title",), "Title, as an attorney would search for it", required=True),
        Question(("summary",), "One or two plain sentences for cards and search results",
                 required=True),
        Question(("description",), what, TEXT, required=True))


_STATE = Question(("location", "state"), "State (two-letter code, e.g. CA)", CHOICE,
                  vocab.STATES, required=True)
EMAIL = Question(("contact", "email"), "Work email for volunteers (optional: empty uses the "
                 "organization's contact)")
# The same question when the organization's file has no contact or website to fall back on.
NO_ORGANIZATION_CONTACT = Question(("contact", "email"), "Work email for volunteers (needed: "
                                   "the organization's file gives no contact or website)",
                                   required=True)

NEW_PROGRAM = (
    *_listing_head("What a volunteer would do"),
    Question(("kinds_of_work",), "Kinds of work", CHOICES, vocab.KINDS_OF_WORK, required=True),
    Question(("practice_areas",), "Practice areas", CHOICES, vocab.PRACTICE_AREAS, required=True),
    Question(("remedies",), "Remedies (optional)", CHOICES, vocab.REMEDIES),
    Question(("clients",), "Clients (optional)", CHOICES, vocab.CLIENTS),
    Question(("urgent",), "Are volunteers needed urgently? (yes or no; empty means no)", FLAG),
    _STATE,
    EMAIL,
)

NEW_TRAINING = (
    *_listing_head("What the training covers, and for whom"),
    Question(("formats",), "Format", CHOICES, vocab.EVENT_FORMATS, required=True),
    Question(("sessions",), "Dates and times (optional for a recording)", SESSIONS,
             help=SESSION_HELP),
    Question(("time_zone",), "Time zone of those times (optional), e.g. America/Los_Angeles"),
    Question(("registration",), "Link to register, starting with https:// (optional)"),
    Question(("free",), "Is it free? (yes or no; empty if not stated)", FLAG),
    Question(("cost",), "The price as published, e.g. $50 (optional)"),
    Question(("cle",), "CLE credit (optional)", CLE, help=CLE_HELP),
    Question(("practice_areas",), "Practice areas", CHOICES, vocab.PRACTICE_AREAS, required=True),
    Question(("remedies",), "Remedies it covers (optional)", CHOICES, vocab.REMEDIES),
    _STATE,
    EMAIL,
)

NEW_CASE = (
    *_listing_head("What the volunteer would do, never who the client is"),
    Question(("respond_by",), "Last day to offer to take it (YYYY-MM-DD)", DATE, required=True),
    Question(("next_date", "date"), "Next deadline or hearing (YYYY-MM-DD, optional)", DATE),
    Question(("next_date", "what"), "What happens then, e.g. Filing deadline (with the date)"),
    Question(("clients_waiting",), "How many clients are waiting (optional)", NUMBER),
    Question(("kinds_of_work",), "Kinds of work", CHOICES, vocab.KINDS_OF_WORK, required=True),
    Question(("practice_areas",), "Practice areas", CHOICES, vocab.PRACTICE_AREAS, required=True),
    Question(("remedies",), "Remedies (optional)", CHOICES, vocab.REMEDIES),
    Question(("client_languages",), "Languages the client speaks (optional), names or codes",
             LANGUAGES),
    Question(("forums",), "Where it is filed or argued (optional)", CHOICES, vocab.FORUMS),
    Question(("urgent",), "Is it urgent? (yes or no; empty means no)", FLAG),
    _STATE,
    EMAIL,
)

NEW_QUESTIONS = {"organization": NEW_ORGANIZATION, "program": NEW_PROGRAM,
                 "training": NEW_TRAINING, "case": NEW_CASE}


def finish(kind: str, values: dict[str, Any], today: dt.date, source: str) -> dict[str, Any]:
    """Add what every new file says: where its facts came from and when they were checked."""
    values.setdefault("source", {"description": source})
    values["last_verified"] = {"date": today, "by": "organization"}
    if kind != "organization":
        values["added"] = today
    if kind not in ("organization", "program"):  # a program needs no kind: line
        values["kind"] = kind
    values.setdefault("location", {})
    return values
