"""`python -m generator new org|program|training|case`: a new file that passes `validate`.

The essentials come from options or, when missing, from questions asked through `ask` (the
command line passes a function that prompts; tests pass answers). Everything else goes into the
file as commented guidance (`scaffold`).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.contribute import answers, scaffold
from generator.contribute.answers import BadAnswer, Question
from generator.core.load import ORG_FILE, find_files, read_file, slug
from generator.core.problems import InvalidDirectory, Problem, Refused
from generator.core.urls import org_url, program_url
from generator.core.validate import MODELS, validate_tree

# ask(question, problem with the last answer or "") -> the answer, or None when there is none
Ask = Callable[[Question, str], "str | None"]


class NotCreated(Refused):
    """The answers cannot make a file that passes validate."""


@dataclass(frozen=True)
class Created:
    path: Path
    shown_as: str
    url: str  # the listing's address inside the site, e.g. opportunities/x/
    warnings: list[Problem]  # problems in other files, which the new one did not cause


def create(root: Path, kind: str, given: dict[str, str | None], ask: Ask | None,
           today: dt.date, org_id: str | None = None) -> Created:
    """Write orgs/<org>/organization.yml or a listing, orgs/<org>/<id>.yml, from the answers.

    When the finished file would not pass validate, the questions at fault are asked again (the
    other answers are kept); without a way to ask, NotCreated names the options to fix. A
    message never names the file, which does not exist yet.
    """
    model = MODELS[kind]
    if not (root / "orgs").is_dir():
        raise NotCreated([f"there is no orgs/ folder in {root}; run the command from the "
                          "project's top folder, or pass --root"])
    files, _ = find_files(root)
    taken = {f.id for f in files}
    org_name, org_state, reachable = None, None, True
    listing = kind != "organization"
    if listing:
        org_name, org_state, reachable = _organization(root, org_id or "",
                                                       {f.org_id for f in files})
    questions = answers.NEW_QUESTIONS[kind]
    if not reachable:  # nothing to fall back on: the listing must give its own way in
        questions = tuple(answers.NO_ORGANIZATION_CONTACT if q == answers.EMAIL else q
                          for q in questions)
    replies: dict[str, Any] = {}  # by option, in the questions' order
    pending = {q.option: ("", given.get(q.option)) for q in questions}  # -> (problem, text)
    while True:
        problems: list[str] = []
        for question in questions:
            if question.option not in pending:
                continue
            problem, text = pending[question.option]
            default = org_state if question.path == ("location", "state") else None
            if problem:  # asked again because the file failed: an empty answer will not do
                question = replace(question, required=True)
            try:
                replies[question.option] = _answer(question, text, ask, model, default, problem)
            except BadAnswer as exc:
                problems.append(f"{question.option}: {exc}")
        if problems:
            raise NotCreated(problems)
        values: dict[str, Any] = {}
        for question in questions:
            if replies.get(question.option) is not None:
                answers.put(values, question.path, replies[question.option])
        name = values.get("title") or values.get("short_name") or values.get("name")
        file_id = _new_id(given.get("--id"), slug(str(name)), taken, kind)
        source = given.get("--source") or (f"Written by the staff of {org_name} for this "
                                           "directory." if org_name else "Written by the "
                                           "organization's staff for this directory.")
        answers.finish(kind, values, today, source)
        if listing:
            path, url = root / "orgs" / str(org_id) / f"{file_id}.yml", program_url(file_id)
        else:
            path, url = root / "orgs" / file_id / ORG_FILE, org_url(file_id)
        shown = path.relative_to(root).as_posix()
        text = scaffold.file_text(kind, values, today)
        own, others = trial(root, shown, text, today)
        if not own:
            break
        at_fault = [(answers.question_for(p, questions, text), p) for p in own]
        if ask is None or any(q is None for q, _ in at_fault):
            raise NotCreated([answers.in_words(p, q, q.option if q else "", questions)
                              for q, p in at_fault])
        pending = {q.option: (answers.in_terms(answers.without_field(p.message), questions),
                              None) for q, p in at_fault if q}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return Created(path, shown, url, others)


def trial(root: Path, shown_as: str, text: str,
          today: dt.date) -> tuple[list[Problem], list[Problem]]:
    """Validate the directory as it would be with this file (in a scratch copy of orgs/).

    Returns the new file's problems and, apart, those of other files, which it did not cause.
    """
    with tempfile.TemporaryDirectory(prefix="probono-trial-") as scratch:
        copy = Path(scratch)
        shutil.copytree(root / "orgs", copy / "orgs")
        (copy / shown_as).parent.mkdir(parents=True, exist_ok=True)
        (copy / shown_as).write_text(text, encoding="utf-8")
        try:
            validate_tree(copy, today)
        except InvalidDirectory as exc:
            return ([p for p in exc.problems if p.path == shown_as],
                    [p for p in exc.problems if p.path != shown_as])
    return [], []


def _answer(question: Question, text: str | None, ask: Ask | None, model: type,
            default: str | None, problem: str = "") -> Any:
    """Read the option's answer; when there is none, ask until an answer fits."""
    if text is not None:
        value = answers.read(question, text, model)
        if value is None and question.required and not default:
            raise BadAnswer(f"is empty; give {question.option} \"...\" ({question.label})")
        return value if value is not None else default
    if default:
        question = replace(question, label=f"{question.label} [{default}]")
    while ask is not None:
        reply = ask(question, problem)
        if reply is None:  # no more input
            break
        if not reply.strip() and default:
            return default
        try:
            value = answers.read(question, reply, model, numbered=True)
        except BadAnswer as exc:
            problem = str(exc)
            continue
        if value is None and question.required:
            problem = "this one is needed; please answer it"
            continue
        return value
    if question.required and not default:
        raise BadAnswer(f"missing; give {question.option} \"...\" ({question.label})")
    return default


def _organization(root: Path, org_id: str,
                  org_ids: set[str]) -> tuple[str | None, str | None, bool]:
    """The organization's name and state, to fill in defaults, and whether its file gives
    volunteers a way to reach it (a pro bono contact or a website); NotCreated if it is
    unknown."""
    path = root / "orgs" / org_id / ORG_FILE
    if not org_id or not path.is_file():
        known = ", ".join(sorted(org_ids)) or "none yet"
        raise NotCreated([f"there is no organization '{org_id}' (known: {known}); run "
                          "'make new-org' first, or check the spelling"])
    doc, problems = read_file(path, path.relative_to(root).as_posix())
    data = doc.data if not problems and isinstance(doc.data, dict) else {}
    location = data.get("location") if isinstance(data.get("location"), dict) else {}
    name = data.get("short_name") or data.get("name")
    return (name if isinstance(name, str) else None,
            location.get("state") if isinstance(location.get("state"), str) else None,
            bool(data.get("pro_bono_contact") or data.get("website")))


def _new_id(wanted: str | None, suggested: str, taken: set[str], kind: str) -> str:
    """The id asked for, or one made from the name that no other file uses yet."""
    what = "organization" if kind == "organization" else "listing"
    if wanted is not None:
        try:
            answers.check_id(wanted, what)
        except BadAnswer as exc:
            raise NotCreated([f"--id: {exc}"]) from None
        if wanted in taken:
            raise NotCreated([f"--id: '{wanted}' is already used in orgs/; choose another id, "
                              "or edit the existing file"])
        return wanted
    return answers.free_id(suggested, taken)
