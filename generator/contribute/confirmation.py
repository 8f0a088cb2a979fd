"""`from-issue` for the form "Confirm or correct our listing": the changes to existing files.

The form only ever updates what is in orgs/: the listing (or the organization's own page) it
names must exist. Each answered question replaces one field; a blank one leaves the field as
it is. Every page named is recorded as confirmed by the organization today, with the person if
they gave one (`last_verified`), and an urgent listing or a case's clients waiting, confirmed,
gets today's date as the day the organization last said so.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from generator.contribute import answers, confirm, yamledit
from generator.core import decisions
from generator.contribute.answers import BadAnswer, Question
from generator.core.directory import Directory
from generator.contribute.issueform import CONFIRM_FORM, BadIssue, unticked
from generator.core.validate import MODELS, field_info
from generator.contribute.yamledit import DELETE

_ABOUT = {("listing",), ("confirmed",), ("person",), ("other",)}  # not fields of the file


@dataclass(frozen=True)
class Update:
    path: str  # orgs/<org-id>/<file>.yml
    kind: str  # organization, program, training or case
    changes: dict[tuple[str, ...], Any]  # DELETE removes the field
    values: dict[str, Any]  # the whole file's values with the changes, to write it whole


@dataclass(frozen=True)
class Confirmation:
    updates: list[Update]
    other: str | None  # the "Other corrections" answer, for a maintainer to make by hand


def read(found: dict[str, str | None], directory: Directory, today: dt.date) -> Confirmation:
    """The updates a submitted confirm form asks for (`found`: issueform.read_body's answers),
    or BadIssue with every problem."""
    problems = unticked(found)
    targets = _targets(found.get("Listing") or "", directory, problems)
    confirmed = bool(re.search(r"^- \[[xX]\] ", found.get("Confirmation") or "", flags=re.M))
    answered = [q for q in CONFIRM_FORM.questions
                if q.path not in _ABOUT and found.get(q.label) is not None]
    if targets and not confirmed and not answered:
        problems.append(f"Confirmation: the box '{confirm.CONFIRM_BOX}' is not ticked and no "
                        "question is answered, so there is nothing to change; ask the person to "
                        "tick the box or answer what changed")
    if len(targets) > 1 and answered:
        problems.append("Listing: corrections name one page, and this issue names "
                        f"{len(targets)}; ask for one issue per page that changes")
        targets = []
    updates = [_update(path, kind, data, answered, found, today, confirmed, problems)
               for path, kind, data in targets]
    if problems:
        raise BadIssue(problems)
    return Confirmation(updates, found.get("Other corrections"))


def _targets(text: str, directory: Directory,
             problems: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """The files the issue names (by id or page address), each with its kind and values."""
    found = []
    for word in [w for w in re.split(r"[\s,]+", text.strip()) if w]:
        ident = _id_in(word)
        if ident in directory.programs:
            program = directory.programs[ident]
            found.append((program.path, program.kind,
                          program.data.model_dump(exclude_unset=True)))
        elif ident in directory.organizations and "/opportunities/" not in word:
            org = directory.organizations[ident]
            found.append((org.path, "organization", org.data.model_dump(exclude_unset=True)))
        else:
            near = difflib.get_close_matches(ident, [*directory.programs,
                                                     *directory.organizations], n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            problems.append(f"Listing: there is no listing or organization '{ident}' in the "
                            f"directory{hint}; this form only confirms or corrects pages that "
                            "exist, so give the id or the page's address, or use the 'Add or "
                            "update' forms for a new listing")
    if not text.strip():
        problems.append("Listing: left blank, but it is needed")
    return list({path: (path, kind, data) for path, kind, data in found}.values())


def _id_in(word: str) -> str:
    """'https://x/opportunities/<id>/' or '<id>' -> '<id>'."""
    parts = [p for p in re.split(r"[/?#]", word.split("://", 1)[-1]) if p] or [word]
    for at, part in enumerate(parts[:-1]):
        if part in ("opportunities", "organizations"):
            return parts[at + 1].lower()
    return parts[-1].lower()


def _update(path: str, kind: str, data: dict[str, Any], answered: list[Question],
            found: dict[str, str | None], today: dt.date, confirmed: bool,
            problems: list[str]) -> Update:
    person = found.get("Who is confirming")
    notes = "Confirmed in the issue form" if confirmed else "Corrected in the issue form"
    changes: dict[tuple[str, ...], Any] = {}
    for question in answered:
        target = _path(question, kind)
        if target is None:
            article = "an" if kind[0] in "aeiou" else "a"
            problems.append(f"{question.label}: does not apply to {path}, {article} {kind}; "
                            "leave it blank")
            continue
        try:
            value = answers.read(Question(target, question.label, question.kind,
                                          question.vocabulary), found[question.label] or "",
                                 MODELS[kind], labels=True)
        except BadAnswer as exc:
            problems.append(f"{question.label}: {exc}")
            continue
        changes[target] = value
    # what the page claims for a few weeks only, said again today
    if ("urgent",) in changes:
        changes[("urgent_confirmed",)] = today if changes[("urgent",)] else DELETE
    elif confirmed and data.get("urgent"):
        changes[("urgent_confirmed",)] = today
    if ("clients_waiting",) in changes or (confirmed and data.get("clients_waiting")):
        changes[("clients_waiting_confirmed",)] = today
    changes |= {("last_verified", "date"): today, ("last_verified", "by"): "organization",
                ("last_verified", "person"): person.strip() if person else DELETE,
                ("last_verified", "notes"): notes}
    return Update(path, kind, changes, yamledit.applied(data, changes))




def _path(question: Question, kind: str) -> tuple[str, ...] | None:
    """Where the answer goes in a file of this kind, or None if it has no such field."""
    fact = next((f for f in decisions.FACTS if f.label == question.label), None)
    if fact is not None:
        return fact.path(kind) if kind != "organization" else None
    try:
        field_info(MODELS[kind], question.path)
    except KeyError:
        return None
    return question.path
