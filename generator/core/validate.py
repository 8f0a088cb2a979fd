"""Stage 2, validate: check every file against the model and the files against each other.

`validate_tree` collects every problem in every file before it gives up, so a contributor sees
the whole list at once; each problem says where it is, what is wrong and how to fix it.

One module because every check, per file or across files, turns what it finds into the same problem
(the field's path, where it is in the file, the closest known term); the cross-file checks
(lookalike names, emails, websites, links) are the part that could stand alone next.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import typing
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from generator.core import emails, lookalike, markup, places, privacy, vocab
from generator.core.directory import Directory, OrgEntry, ProgramEntry
from generator.core.load import Document, Loc, SourceFile, find_files, read_file
from generator.core.memory import collector_paused
from generator.core.model import (DOMAIN_RE, LISTING_MODELS, PHONE_RE, URL_RE, Organization,
                             nested_model, unwrap)
from generator.core.problems import InvalidDirectory, Problem
from generator.core.schema import SCHEMA_FILES
from generator.core.textcheck import _BLANK, check_text

# A data file is an organization or a listing; a listing's kind: line picks its model.
MODELS: dict[str, type[BaseModel]] = {"organization": Organization, **LISTING_MODELS}
# Fields that moved: an old file gets told where its field went.
MOVED = {
    ("volunteers", "bar_admission_required"): "it is now 'bar_admission:' in the same block: "
    "write any-us-jurisdiction, specific-states (with bar_admission_states) or not-required",
    ("volunteers", "malpractice_coverage"): "it moved to the 'support:' block: write "
    "malpractice_coverage there",
}


def header_for(kind: str) -> str:
    """The first line of every data file: tells editors which JSON Schema checks it."""
    name = SCHEMA_FILES["organization" if kind == "organization" else "program"]
    return f"# yaml-language-server: $schema=../../schema/{name}"


def listing_model(data: Any) -> tuple[type[BaseModel] | None, str | None]:
    """The model a listing's kind: line asks for (program when there is none), or why not."""
    kind = data.get("kind", "program") if isinstance(data, dict) else "program"
    if isinstance(kind, str) and kind in LISTING_MODELS:
        return LISTING_MODELS[kind], None
    return None, "kind: " + _unknown_term(_show(kind), list(LISTING_MODELS))


def validate_tree(root: Path, today: dt.date | None = None) -> Directory:
    """Load and check everything under root/orgs; raise InvalidDirectory with every problem."""
    directory, problems = read_tree(root, today)
    if problems:
        raise InvalidDirectory(problems)
    return directory


def read_tree(root: Path, today: dt.date | None = None) -> tuple[Directory, list[Problem]]:
    """Every file that passes its checks, and every problem (for tools that go on regardless)."""
    today = today or dt.date.today()
    with collector_paused():
        files, problems = find_files(root)
        problems += _name_problems(files)
        directory = Directory()
        for source in files:
            entry, found = validate_file(source, today)
            problems += found
            if isinstance(entry, OrgEntry):
                directory.organizations[entry.id] = entry
            elif isinstance(entry, ProgramEntry):
                directory.programs[entry.id] = entry
        problems += _cross_checks(files, directory)
    return directory, problems


def fields_of(kind: str) -> Callable[[tuple[str, ...]], set[str]]:
    """The fields a block of a file of this kind may hold, by the keys above it (any kind of
    listing's, for a listing): what the loader needs to say where a misplaced field goes."""
    models = [MODELS[kind]] if kind == "organization" else list(LISTING_MODELS.values())

    @functools.lru_cache(maxsize=None)
    def fields(path: tuple[str, ...]) -> set[str]:
        return {name for model in models if (inner := _model_at(model, path)) is not None
                for name in inner.model_fields}

    return fields


_FIELDS_OF = {kind: fields_of(kind) for kind in ("organization", "program")}


def validate_file(source: SourceFile, today: dt.date) -> tuple[Any, list[Problem]]:
    doc, problems = read_file(source.path, source.shown_as,
                              _FIELDS_OF["organization" if source.kind == "organization"
                                         else "program"])
    if problems:
        return None, problems
    first_line = doc.text.split("\n", 1)[0].rstrip("\r")
    if first_line.strip() != header_for(source.kind):
        problems.append(Problem(doc.path, 1, 1, f"the first line must be '{header_for(source.kind)}'"
                                " so editors check the file as you type; add it as line 1"))
    if not isinstance(doc.data, dict):
        return None, problems + [Problem(doc.path, *doc.where(()), "the file must be a list of "
                                         "'field: value' lines; see CONTRIBUTING.md")]
    problems += _text_problems(doc, source.kind) + _comment_problems(doc)
    problems += _shown_addresses(doc)
    schema: type[BaseModel] | None = Organization
    if source.kind != "organization":
        schema, wrong = listing_model(doc.data)
        if schema is None:
            return None, problems + [Problem(doc.path, *doc.where(("kind",)), str(wrong))]
    try:
        model = schema.model_validate(doc.data)
    except ValidationError as exc:
        return None, problems + [_explain(doc, schema, e) for e in exc.errors()]
    problems += _date_problems(doc, model, today)
    problems += _consistency_problems(doc, model)
    if problems:
        return None, problems
    if source.kind == "organization":
        return OrgEntry(source.id, doc.path, model), problems
    return ProgramEntry(source.id, source.org_id, doc.path, model), problems


def _text_problems(doc: Document, kind: str) -> list[Problem]:
    return [Problem(doc.path, *doc.where_in(loc, offset), message)
            for loc, text in doc.texts for offset, message in check_text(loc, text, kind)]


def _comment_problems(doc: Document) -> list[Problem]:
    """A file's comments are published with the repository: the privacy guard reads them too."""
    if doc.text.find("#", doc.text.find("\n") + 1) < 0:  # no '#' past the header line
        return []
    return [Problem(doc.path, line, column + offset, f"in a comment: {message}")
            for line, column, words in privacy.comments(doc.text)
            for offset, message in privacy.private(("comment",), words)]


def _name_problems(files: list[SourceFile]) -> list[Problem]:
    """Folder and file names become the site's addresses, feeds and calendars."""
    problems = []
    folders: set[str] = set()
    for source in files:
        if source.org_id not in folders:
            folders.add(source.org_id)
            shown = source.shown_as.rsplit("/", 1)[0]
            problems += [Problem(shown, 1, 1, message)
                         for message in privacy.name_problems(source.org_id, "folder name")]
        if source.kind != "organization":
            problems += [Problem(source.shown_as, 1, 1, message)
                         for message in privacy.name_problems(source.id, "file name")]
    return problems


# Words that show an address: a link, a site's host or an email, as a reader takes them in.
_SHOWN_EMAIL = re.compile(r"(?:mailto:)?([^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[A-Za-z]{2,})",
                          re.I)
_SHOWN_HOST = re.compile(r"(?:https?://)?((?:[\w-]+\.)+(?:[a-z]{2}|com|org|net|gov|edu|info|"
                         r"law|legal|io|app|site|online|page|help|us)\.?)(?::\d+)?(?:[/?#]\S*)?",
                         re.I)


def _shown_addresses(doc: Document) -> list[Problem]:
    """A Markdown link whose words show an address leads to that address: the words
    [herjustice.org](https://evil.example) or [probono@herjustice.org](mailto:x@evil.example)
    tell a volunteer where the link goes, so they must be true."""
    problems = []
    for loc, text in doc.texts:
        if "[" not in text or "]" not in text:
            continue
        name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        start = 0
        for href, shown in _links_shown(text):
            wrong = _shown_elsewhere(shown, href)
            at = text.find(shown, start)
            start = at + len(shown) if at >= 0 else start
            if wrong:
                problems.append(Problem(doc.path, *doc.where_in(loc, max(at - 1, 0)),
                                        f"{name}: the link's words show '{shown}', but it leads "
                                        f"to '{wrong}'; make the words the address the link "
                                        "leads to, or describe the page in words, e.g. [the "
                                        "organization's volunteer page](https://...)"))
    return problems


def _links_shown(text: str) -> list[tuple[str, str]]:
    """Each Markdown link's target and the words it shows, as the site renders them (a
    reference link [words][1] included)."""
    found = []
    for token in markup.tokens(text):
        shown: list[str] | None = None
        href = ""
        for child in token.children or ():
            if child.type == "link_open":
                shown, href = [], str(child.attrs.get("href", ""))
            elif child.type == "link_close" and shown is not None:
                found.append((href, "".join(shown).strip()))
                shown = None
            elif shown is not None and child.type in ("text", "code_inline"):
                shown.append(child.content)
    return found


def _shown_elsewhere(shown: str, href: str) -> str | None:
    """Where the link leads, when its words show another address; else None."""
    email = _SHOWN_EMAIL.fullmatch(shown)
    if email:
        target = href[len("mailto:"):].split("?", 1)[0] if href.lower().startswith(
            "mailto:") else ""
        if unquote(target).lower() != email.group(1).lower():
            return href
        return None
    host = _SHOWN_HOST.fullmatch(shown)
    if host:
        target = lookalike.host_of(href)
        wanted = lookalike.site_host(host.group(1))
        if target is None or lookalike.site_host(target) != wanted:
            return target or href
    return None


EARLIEST = dt.date(2000, 1, 1)  # no listing or training in this directory is older
YEARS_AHEAD = 5  # an expiry or a training further ahead than this is a typo


def _date_problems(doc: Document, model: Any, today: dt.date) -> list[Problem]:
    """Dates that cannot be right: impossible years, the future, an end before a start."""
    latest = today.replace(year=today.year + YEARS_AHEAD) if (today.month, today.day) != (2, 29) \
        else today.replace(year=today.year + YEARS_AHEAD, day=28)
    added, verified = getattr(model, "added", None), model.last_verified.date
    expires = getattr(model, "expires", None)
    support = getattr(model, "support", None)
    days = [(("last_verified", "date"), verified, "the date the facts were checked"),
            (("added",), added, "the date the listing was added"),
            (("expires",), expires, "the date the listing ends"),
            (("paused_until",), getattr(model, "paused_until", None),
             "the date the listing reopens")]
    days += [(("support", "training", "dates", i), day, "a training date")
             for i, day in enumerate(support.training.dates if support else [])]
    days += [(("sessions", i, "date"), session.date, "a training date")
             for i, session in enumerate(getattr(model, "sessions", []))]
    days += [((name,), getattr(model, name, None), what) for name, what in (
        ("respond_by", "the last day to offer help"),
        ("available_until", "the last day of the recording"))]
    source = model.source
    days += [(("source", "published"), source.published, "the date the source was published"),
             (("source", "updated"), source.updated, "the date the source was updated"),
             (("urgent_confirmed",), getattr(model, "urgent_confirmed", None),
              "the day the organization said it is urgent"),
             (("clients_waiting_confirmed",), getattr(model, "clients_waiting_confirmed", None),
              "the day the organization gave the number of clients waiting")]
    next_date = getattr(model, "next_date", None)
    if next_date is not None:
        days.append((("next_date", "date"), next_date.date, "the next date in the case"))
    problems = []
    for loc, day, what in days:
        if day is None:
            continue
        if day < EARLIEST:
            problems.append(Problem(doc.path, *doc.where(loc), f"{day} is before "
                                    f"{EARLIEST.year}, which cannot be {what}; check the year"))
        elif loc[0] in ("last_verified", "added") and day > today:
            problems.append(Problem(doc.path, *doc.where(loc), f"{day} is in the future; give "
                                    "the date the facts were actually checked or added"))
        elif loc[0] in ("source", "urgent_confirmed", "clients_waiting_confirmed") and day > today:
            problems.append(Problem(doc.path, *doc.where(loc), f"{day} is in the future, which "
                                    f"cannot be {what}; give the date as it was, or leave it out"))
        elif day > latest:
            problems.append(Problem(doc.path, *doc.where(loc), f"{day} is more than "
                                    f"{YEARS_AHEAD} years ahead, which is too far for {what}; "
                                    "check the year"))
    if getattr(model, "paused_until", None) and model.status != "paused":
        problems.append(Problem(doc.path, *doc.where(("paused_until",)), "paused_until is only "
                                f"for a paused listing, and this one is {model.status}; remove "
                                "paused_until, or set status: paused"))
    if added and expires and EARLIEST <= expires < added:
        problems.append(Problem(doc.path, *doc.where(("expires",)), f"the listing ends "
                                f"({expires}) before it was added ({added}); fix one of the two "
                                "dates, or remove expires: if it does not end"))
    if added and EARLIEST <= verified < added <= today:
        problems.append(Problem(doc.path, *doc.where(("last_verified", "date")), f"the facts "
                                f"were checked on {verified}, before the listing was added on "
                                f"{added}; check them again and write today's date, or fix "
                                "added:"))
    return problems


def _consistency_problems(doc: Document, model: Any) -> list[Problem]:
    """Fields that only make sense together."""
    found: list[tuple[Loc, str]] = []
    source = model.source
    if source.undated and (source.published or source.updated):
        found.append((("source", "undated"), "undated: true says the source shows no date, but "
                      "it also has " + ("published:" if source.published else "updated:") +
                      "; remove undated: true, or the date"))
    if source.undated is False and not (source.published or source.updated):
        found.append((("source", "undated"), "undated: false says the source shows a date, but "
                      "none is given; add published: or updated: with the date it shows, or "
                      "write undated: true"))
    if source.estimated_year is not None and (source.published or source.updated):
        found.append((("source", "estimated_year"), "estimated_year is only for an undated "
                      "source, and this one has a date; remove estimated_year"))
    if source.estimate_reason and source.estimated_year is None:
        found.append((("source", "estimate_reason"), "estimate_reason explains estimated_year: "
                      "add estimated_year: (e.g. 2017), or remove estimate_reason"))
    if model.last_verified.person and model.last_verified.by != "organization":
        found.append((("last_verified", "person"), "person names who at the organization "
                      "confirmed the facts, and last_verified says by: "
                      f"{model.last_verified.by}; set by: organization, or remove person"))
    if getattr(model, "urgent_confirmed", None) and not model.urgent:
        found.append((("urgent_confirmed",), "urgent_confirmed is the day the organization said "
                      "the listing is urgent, and it has no urgent: true; add urgent: true, or "
                      "remove urgent_confirmed"))
    if getattr(model, "clients_waiting_confirmed", None) and model.clients_waiting is None:
        found.append((("clients_waiting_confirmed",), "clients_waiting_confirmed goes with "
                      "clients_waiting: add the number of clients waiting, or remove "
                      "clients_waiting_confirmed"))
    people = getattr(model, "volunteers", None) or getattr(model, "audience", None)
    block = "volunteers" if hasattr(model, "volunteers") else "audience"
    if people is not None:
        if people.bar_admission == "specific-states" and not people.bar_admission_states:
            found.append(((block, "bar_admission"), "bar_admission: specific-states needs the "
                          "states: add bar_admission_states: [CA] (the states it needs)"))
        if people.bar_admission_states and people.bar_admission != "specific-states":
            found.append(((block, "bar_admission_states"), "bar_admission_states goes with "
                          "bar_admission: specific-states; set that, or remove the states"))
        if people.students_supervised is not None and not people.law_students_welcome:
            found.append(((block, "students_supervised"), "students_supervised is about law "
                          "students: set law_students_welcome: true, or remove it"))
    location = getattr(model, "location", None)
    if location is not None and location.remote_exceptions and location.remote_possible is not True:
        found.append((("location", "remote_exceptions"), "remote_exceptions says what is not "
                      "remote in remote work: set remote_possible: true, or move the place into "
                      "location.cities"))
    if location is not None:
        found += _county_problems(location)
    if getattr(model, "kind", None) == "training":
        if not model.sessions and "recorded" not in model.formats:
            found.append((("sessions",), "a live or in-person training needs its dates: add "
                          "sessions: with a date for each (or formats: [recorded] for a "
                          "recording)"))
        if any(s.start for s in model.sessions) and model.time_zone is None:
            found.append((("time_zone",), "the sessions give times, so give their time zone: "
                          "add time_zone: America/Los_Angeles (or the zone they are in)"))
        for index, session in enumerate(model.sessions):
            if session.end and not session.start:
                found.append((("sessions", index, "start"), "an end time needs a start time: "
                              "add start: HH:MM"))
            elif session.end and session.start and session.end <= session.start:
                found.append((("sessions", index, "end"), f"the session ends ({session.end}) "
                              f"before it starts ({session.start}); check the times (24-hour, "
                              "e.g. 13:30)"))
        if model.free is True and model.cost and re.search(r"\$\s*[1-9]", model.cost):
            found.append((("free",), f"free: true, but cost says '{model.cost}'; fix one of them"))
    return [Problem(doc.path, *doc.where(loc), message) for loc, message in found]


def _county_problems(location: Any) -> list[tuple[Loc, str]]:
    """Counties in a state the county table covers must be in it (a misspelling would make a
    page of its own and hide the listing from its county's)."""
    if not places.covers(location.state):
        return []
    found: list[tuple[Loc, str]] = []
    state = vocab.STATES.label(location.state)
    for index, name in enumerate(location.counties):
        if places.county(location.state, name) is not None:
            continue
        wanted = places.county_suggestion(location.state, name)
        seat = places.seat_county(location.state, name)
        if seat is not None:
            hint = (f"{name} is a city, the seat of {seat.name}: write '{seat.name}' here, or "
                    f"move {name} to cities:")
        elif wanted:
            hint = f"did you mean '{wanted}'?"
        else:
            hint = ("write the county's name as the U.S. Census Bureau lists it, e.g. "
                    f"{places.first_county(location.state)}, or move the place to cities:")
        found.append((("location", "counties", index),
                      f"'{shown(name)}' is not a county of {state}; {hint}"))
    return found


# -- turning pydantic's errors into sentences a pro bono manager can act on -------------------

_PATTERNS = {
    URL_RE: "'{value}' is not a link this directory accepts; write the full address starting "
            "with https://, http:// or mailto:",
    DOMAIN_RE: "'{value}' is not a domain; write the part of the email after the @, e.g. "
               "example.org",
    PHONE_RE: "'{value}' is not a phone number; write digits with spaces, dashes or "
              "parentheses, e.g. (415) 555-0100",
}


def _explain(doc: Document, model: type[BaseModel], error: Any) -> Problem:
    loc, kind, value = tuple(error["loc"]), error["type"], error.get("input")
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
    if kind == "missing":
        parent = _model_at(model, loc[:-1])
        info = parent.model_fields.get(name) if parent else None
        where = doc.where(loc[:-1], key=bool(loc[:-1]))
        hint = f" ({info.description})" if info and info.description else ""
        return Problem(doc.path, *where, f"'{name}' is missing; add '{name}:'{hint}")
    if kind == "extra_forbidden":
        return Problem(doc.path, *doc.where(loc, key=True), _unknown_field(model, loc))
    return Problem(doc.path, *doc.where(loc), f"{name}: {_value_message(error, kind, value)}")


def field_info(model: type[BaseModel], path: tuple[str, ...]) -> FieldInfo:
    """The field at path, e.g. ("location", "state"); KeyError if the model has none there."""
    parent = _model_at(model, path[:-1]) if path[:-1] else model
    if parent is None or path[-1] not in parent.model_fields:
        raise KeyError(".".join(path))
    return parent.model_fields[path[-1]]


def value_problem(model: type[BaseModel], path: tuple[str, ...], value: Any) -> str | None:
    """What is wrong with one value for the field at path, in the validator's words, or None."""
    try:
        TypeAdapter(field_info(model, path).annotation).validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        return _value_message(error, error["type"], error.get("input"))
    return None


def _value_message(error: Any, kind: str, value: Any) -> str:
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        return _unknown_term(_show(value), re.findall(r"'([^']*)'", ctx.get("expected", "")))
    if kind == "string_pattern_mismatch":
        template = _PATTERNS.get(ctx.get("pattern"), "'{value}' must fit on one line; keep it "
                                 "short, or move the details into description")
        return template.format(value=_show(value))
    if kind == "string_too_long":
        return (f"too long ({len(value)} characters, at most {ctx['max_length']}); "
                "shorten it")
    if kind == "string_too_short":
        return "is empty; write a value or remove the field"
    if kind == "too_short":
        return "the list is empty; give at least one value"
    if kind == "list_type":
        return (f"expected a list, got {_shape(value)}; write each item on its own line "
                "starting with '- ', or write [first, second]")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (f"expected indented 'field: value' lines, got {_shape(value)}; see "
                "content/contribute/fields.md for this field")
    if kind == "string_type":
        return f"expected text, got {_shape(value)}; write a single value"
    if kind == "multiple_of":
        step = ctx["multiple_of"]
        below = float(value) // step * step
        return (f"{_show(value)} is not a multiple of {step}; round it to {below + 0:g} or "
                f"{below + step:g}")
    if kind in _BOUNDS:
        limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        return _BOUNDS[kind].format(value=_show(value), limit=limit)
    if kind in ("int_parsing", "float_parsing", "int_from_float", "finite_number"):
        return f"expected a number, got {_shape(value)}; write it with the digits 0-9"
    message = str(error["msg"])
    if isinstance(ctx.get("value"), str) and _unseen(ctx["value"]):  # the model's own messages
        message = message.replace(f"'{ctx['value']}'", f"'{_show(ctx['value'])}'")
    return message


_BOUNDS = {
    "greater_than_equal": "{value} is too small; the least this field takes is {limit}",
    "greater_than": "{value} is too small; give a number above {limit}",
    "less_than_equal": "{value} is more than this field takes (at most {limit}); check the "
                       "number",
    "less_than": "{value} is too large; give a number below {limit}",
}


def _shape(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "indented fields"
    return f"'{_show(value)}'"


def _show(value: Any, limit: int = 60) -> str:
    text = shown(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(text: str) -> str:
    """Text as a message quotes it: a character that does not show as itself (a control or
    format character, a space other than ' ', a blank letter) is written <U+200B>."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(char if _shows(char) else f"<U+{ord(char):04X}>" for char in text)


def _shows(char: str) -> bool:
    if char in " \n":  # a line break is written \n where a problem is printed
        return True
    category = unicodedata.category(char)
    return category[0] != "C" and category[0] != "Z" and not _BLANK.match(char)


def _unseen(text: str) -> list[str]:
    """The characters of text that do not show as themselves, named: U+200B (ZERO WIDTH SPACE)."""
    return list(dict.fromkeys(f"U+{ord(c):04X} ({unicodedata.name(c, 'a control character')})"
                              for c in text if not _shows(c)))


def _unknown_term(value: str, allowed: list[str]) -> str:
    vocabulary = next((v for v in vocab.ALL if set(v.ids()) == set(allowed)), None)
    what = vocabulary.name if vocabulary else "value"
    labels = {v.lower(): k for k, v in vocabulary.terms.items()} if vocabulary else {}
    wanted = labels.get(value.strip().lower()) or _closest(value, allowed)
    if wanted is None:
        wanted = _closest("-".join(value.lower().split()), allowed)
    if wanted:
        return f"'{value}' is not a known {what}; did you mean '{wanted}'?"
    if len(allowed) <= 12:
        return f"'{value}' is not a known {what}; use one of: {', '.join(allowed)}"
    return (f"'{value}' is not a known {what}; use one of the ids listed for this field in "
            "content/contribute/fields.md")


def _closest(value: str, allowed: list[str]) -> str | None:
    by_lower = {a.lower(): a for a in allowed}
    if value.lower() in by_lower:
        return by_lower[value.lower()]
    match = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[match[0]] if match else None


def _unknown_field(model: type[BaseModel], loc: Loc) -> str:
    name = str(loc[-1])
    unseen = _unseen(name)
    if unseen:
        plain = "".join(c for c in name if _shows(c)).strip()
        parent = _model_at(model, loc[:-1])
        what = (f"the character {unseen[0]}" if len(unseen) == 1 else
                "the characters " + ", ".join(unseen[:-1]) + f" and {unseen[-1]}")
        them = "it" if len(unseen) == 1 else "them"
        if parent and plain in parent.model_fields:
            fix = f"delete {them}, so the name reads '{plain}'"
        else:
            rest = _unknown_field(model, (*loc[:-1], plain)) if plain else ""
            fix = (f"delete {them}, and fix the name: {rest.split('; ', 1)[1]}"
                   if rest.startswith("unknown field") else f"delete {them}" +
                   (f"; without {them}: {rest}" if rest else ""))
        return (f"unknown field '{shown(name)}': it holds {what}, which editors do not show "
                f"as they are; {fix}")
    moved = MOVED.get(tuple(str(p) for p in loc[-2:]))
    if moved:
        return f"'{name}' is no longer a field; {moved}"
    parent = _model_at(model, loc[:-1])
    allowed = list(parent.model_fields) if parent else []
    home = next((path for path in _field_paths(model) if path[-1] == name), None)
    block = ".".join(str(p) for p in loc[:-1] if isinstance(p, str))
    here = f" in '{block}:'" if block else ""
    if home is not None:
        depth = len(home) - 1
        if depth == 0:
            return (f"'{name}' is not a field of '{block}:'; it is a top-level field: remove the "
                    "spaces before it, so it starts at the beginning of the line")
        into = ": ".join(home[:-1])
        return (f"'{name}' is not a field{here or ' at the top level'}; it belongs in the "
                f"'{into}:' block: move it there, indented by {2 * depth} spaces like the "
                "other fields of that block")
    close = [a for a in allowed if a.startswith(name) or name.startswith(a)]
    close = close or difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    fix = f"did you mean '{close[0]}'?" if close else f"fields allowed here: {', '.join(allowed)}"
    return f"unknown field '{name}'{here}; {fix}"


def _field_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every field's path in the model, shallowest first: ("location", "remote_possible")."""
    paths = [(*prefix, name) for name in model.model_fields]
    for name, info in model.model_fields.items():
        inner = nested_model(info.annotation)
        if inner is not None and typing.get_origin(unwrap(info.annotation)) is not list:
            paths += _field_paths(inner, (*prefix, name))
    return paths


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that describes the mapping at `loc`, following nested fields."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if _is_model(current) else None
        if info is None:
            return None
        current = nested_model(info.annotation)
    return current if _is_model(current) else None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


# -- checks across files -----------------------------------------------------------------------

def _cross_checks(files: list[SourceFile], directory: Directory) -> list[Problem]:
    problems = []
    taken = {s.id: s for s in files if s.kind == "organization"}
    for source in (s for s in files if s.kind == "program"):
        other = taken.setdefault(source.id, source)
        if other is not source:
            problems.append(Problem(source.shown_as, 1, 1, f"the id '{source.id}' is already used "
                                    f"by {other.shown_as}; rename this file (ids are unique "
                                    "across the directory)"))
    problems += list(dict.fromkeys(_lookalikes({s.shown_as: s for s in files}, directory)))
    problems += _email_domains({s.shown_as: s for s in files}, directory)
    for program in directory.programs.values():
        for index, other in enumerate(program.data.related):
            if other == program.id or other not in directory.programs:
                wrong = "is this listing itself" if other == program.id else "is no listing's id"
                problems.append(Problem(program.path, *_where({s.shown_as: s for s in files},
                                        program.path, ("related", index)),
                                        f"related: '{other}' {wrong}; give the id of another "
                                        "listing (its file name without .yml)"))
        if program.data.status == "open" and not _has_route(directory, program):
            problems.append(Problem(program.path, 1, 1, "an open program must say how to get "
                                    "involved; add contact: with an email, phone, interest_form "
                                    "or website, or give the organization a pro_bono_contact "
                                    "or website"))
    return problems


def _lookalikes(files: dict[str, SourceFile], directory: Directory) -> list[Problem]:
    """Organizations whose names, ids or website hosts another organization's imitate."""
    problems = _alike_names(files, directory)
    problems += _same_website(files, directory)
    hosts = lookalike.HostIndex({o.path: lookalike.site_host(host) for o in sorted(
        directory.organizations.values(), key=lambda o: o.path)
        if (host := lookalike.host_of(o.data.website or ""))})
    entries = sorted([*directory.organizations.values(), *directory.programs.values()],
                     key=lambda e: e.path)
    for entry in entries:  # every link field, the organization's own website included
        for loc, url in [*_links(entry.data), *_emails(entry.data)]:
            host = lookalike.host_of(url) if "@" not in url else emails.domain_of(url)
            other = hosts.imitated(host) if host else None
            if other is None:
                continue
            own = loc == ("website",) and isinstance(entry, OrgEntry)
            fix = ("give your organization's own address exactly" if own else
                   "give the organization's own address, copied from its website" if
                   "@" in url else "link to the site itself, copied from its address bar")
            problems.append(Problem(entry.path, *_where(files, entry.path, loc),
                                    f"{loc[-1]}: '{host}' looks like the address of {other} "
                                    f"('{hosts.hosts[other]}'), but is another site; {fix}"))
    return problems


def _emails(data: Any) -> list[tuple[Loc, str]]:
    """Every contact email of an organization or a listing, with where it is."""
    block = "pro_bono_contact" if isinstance(data, Organization) else "contact"
    contact = getattr(data, block, None)
    return [((block, "email"), contact.email)] if contact and contact.email else []


def _email_domains(files: dict[str, SourceFile], directory: Directory) -> list[Problem]:
    """Every contact email, the organization's and its listings', is at the domain of the
    organization's website (or a part of it: probono@herjustice.org for www.herjustice.org),
    or at a domain the organization file names in other_email_domains with the reason. A free
    webmail domain is another domain like any other. An organization with no website has
    nothing to compare with."""
    problems = []
    for org in sorted(directory.organizations.values(), key=lambda o: o.path):
        site = lookalike.host_of(org.data.website or "")
        named = {d.domain.lower(): d for d in org.data.other_email_domains}
        used: set[str] = set()
        entries = [org, *sorted(directory.programs_of(org.id), key=lambda p: p.path)]
        for entry in entries:
            for loc, address in _emails(entry.data):
                domain = emails.domain_of(address)
                used.add(domain)
                if site is None or lookalike.same_site(domain, site) or domain in named:
                    continue
                problems.append(Problem(
                    entry.path, *_where(files, entry.path, loc),
                    f"email: '{address}' is at {domain}, not at the organization's website "
                    f"({lookalike.site_host(site)}); give an address at "
                    f"{lookalike.registered(lookalike.site_host(site))}, or, if this is the "
                    f"organization's own address, name the domain in {org.path} under "
                    f"other_email_domains: with the reason (- domain: {domain}, reason: e.g. "
                    "Our legal clinic uses the university's email)"))
        for index, domain in enumerate(named):
            if domain not in used:
                problems.append(Problem(
                    org.path, *_where(files, org.path, ("other_email_domains", index, "domain")),
                    f"other_email_domains: no contact email of this organization or its "
                    f"listings is at '{domain}'; remove it, or correct the domain"))
    return problems


def _same_website(files: dict[str, SourceFile], directory: Directory) -> list[Problem]:
    """Two organizations that give the same website (or one a page of the other's): a site
    belongs to one organization. Pages of one site with different paths (two clinics of one
    law school, law.example.edu/clinic-a and /clinic-b) are two websites."""
    by_host: dict[str, list[tuple[tuple[str, ...], OrgEntry]]] = {}
    for org in sorted(directory.organizations.values(), key=lambda o: o.path):
        parts = lookalike.split(org.data.website or "")
        if parts and parts.hostname:
            path = tuple(p for p in parts.path.lower().split("/") if p)
            by_host.setdefault(lookalike.site_host(parts.hostname), []).append((path, org))
    problems = []
    for claims in by_host.values():
        for number, (path, org) in enumerate(claims):
            for other_path, other in claims[:number]:
                shorter = min(len(path), len(other_path))
                if path[:shorter] != other_path[:shorter]:
                    continue
                for mine, theirs in ((org, other), (other, org)):
                    problems.append(Problem(
                        mine.path, *_where(files, mine.path, ("website",)),
                        f"website: '{mine.data.website}' is the website of {theirs.path} too "
                        f"('{theirs.data.website}'); a website belongs to one organization: "
                        "if this is the same organization, add to its folder; if it is "
                        "another, give its own website"))
    return problems


def _links(value: Any, loc: Loc = ()) -> list[tuple[Loc, str]]:
    """Every web link in a listing's fields, with where it is: link fields, and the Markdown
    links in its prose (at the field that holds them)."""
    if isinstance(value, BaseModel):
        return [found for name in _text_fields(type(value))
                for found in _links(getattr(value, name), (*loc, name))]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in _links(item, (*loc, i))]
    if isinstance(value, str) and value.startswith(_SCHEMES) and re.fullmatch(URL_RE, value) \
            and lookalike.host_of(value):
        return [(loc, value)]
    if isinstance(value, str) and "[" in value and ("](" in value or "]:" in value):
        return [(loc, href) for href, _ in _links_shown(value) if lookalike.host_of(href)]
    return []


_SCHEMES = ("http://", "https://", "mailto:")


@functools.lru_cache(maxsize=None)
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold text, or records that do: dates, numbers and
    yes/no facts never hold a link, so the walk skips them."""
    def texty(annotation: Any) -> bool:
        if annotation is str or nested_model(annotation) is not None:
            return True
        return any(texty(arg) for arg in typing.get_args(annotation))
    return tuple(name for name, info in model.model_fields.items() if texty(info.annotation))


def _alike_names(files: dict[str, SourceFile], directory: Directory) -> list[Problem]:
    """Names, short names and folder ids that read the same once case, accents, spaces,
    punctuation, legal suffixes and confusables are folded (lookalike.name_folds), or, at
    eight letters or more, one letter apart ("Her Justlce"; Unicode does not count l and i as
    confusable, but a reader skimming a list does). Shorter ones must differ by more: two real
    acronyms may well be a letter apart. Each collision is told in both files."""
    fields: list[tuple[OrgEntry, str, str, frozenset[str]]] = []
    for org in sorted(directory.organizations.values(), key=lambda o: o.path):
        for field_name, text in (("name", org.data.name), ("short_name", org.data.short_name),
                                 ("id", org.id)):
            if text:
                fields.append((org, field_name, text, lookalike.name_folds(text)))
    # Two folds one letter apart share a string with one letter dropped: an index of those
    # finds the pairs without comparing every two.
    by_variant: dict[str, list[int]] = {}
    for number, (_, _, _, folds) in enumerate(fields):
        for fold in folds:
            for variant in lookalike.dropped(fold) if len(fold) >= lookalike.MIN_APART \
                    else {fold}:
                by_variant.setdefault(variant, []).append(number)
    pairs = sorted({(a, b) for numbers in by_variant.values() for a in numbers for b in numbers
                    if a < b and fields[a][0].id != fields[b][0].id
                    and _alike(fields[a][3], fields[b][3])})
    problems, told = [], set()
    for a, b in pairs:
        for mine, theirs in ((fields[b], fields[a]), (fields[a], fields[b])):
            if (mine[0].id, mine[1], theirs[0].id) not in told:
                told.add((mine[0].id, mine[1], theirs[0].id))
                problems.append(_collision(files, mine[0], mine[1], mine[2], theirs[:3]))
    return problems


def _alike(folds: frozenset[str], others: frozenset[str]) -> bool:
    return bool(folds & others) or any(
        min(len(a), len(b)) >= lookalike.MIN_APART and lookalike.one_apart(a, b)
        for a in folds for b in others)


def _collision(files: dict[str, SourceFile], org: OrgEntry, field_name: str, text: str,
               other: tuple[OrgEntry, str, str]) -> Problem:
    what = "folder name" if other[1] == "id" else other[1].replace("_", " ")
    where = ("folder name", (1, 1)) if field_name == "id" else (
        field_name, _where(files, org.path, (field_name,)))
    return Problem(org.path, *where[1],
                   f"{where[0]}: '{text}' looks the same as the {what} of {other[0].path} "
                   f"('{other[2]}'); an organization is listed once: if this is the same "
                   "organization, add to its folder; if it is another, give its full name as "
                   "its own documents write it (and check for letters from another alphabet)")


def _where(files: dict[str, SourceFile], shown_as: str, loc: Loc) -> tuple[int, int]:
    """A field's line and column, read again: only needed when there is a problem to show."""
    doc, problems = read_file(files[shown_as].path, shown_as)
    return (1, 1) if problems else doc.where(loc)


def _has_route(directory: Directory, program: ProgramEntry) -> bool:
    if getattr(program.data, "registration", None):
        return True
    org = directory.organizations.get(program.org_id)
    routes = [program.data.contact, org.data.pro_bono_contact if org else None]
    if any(c and (c.email or c.phone or c.interest_form or c.website) for c in routes):
        return True
    return bool(org and org.data.website)
