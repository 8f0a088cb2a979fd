"""`python -m generator new org|program`: a new data file that passes `validate` as written.

The essentials come from options or, when missing, from questions asked through `ask` (the
command line passes a function that prompts; tests pass answers). Everything else goes into the
file as commented guidance (`scaffold`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator import answers, scaffold
from generator.answers import BadAnswer, Question
from generator.load import ORG_FILE, find_files, read_file, slug
from generator.problems import InvalidDirectory, Problem
from generator.render import org_url, program_url
from generator.validate import MODELS, validate_tree

# ask(question, problem with the last answer or "") -> the answer, or None when there is none
Ask = Callable[[Question, str], "str | None"]


class NotCreated(Exception):
    """Nothing was written; `problems` says why and how to fix it, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Created:
    path: Path
    shown_as: str
    url: str  # the listing's address inside the site, e.g. opportunities/x/
    warnings: list[Problem]  # problems in other files, which the new one did not cause


def create(root: Path, kind: str, given: dict[str, str | None], ask: Ask | None,
           today: dt.date, org_id: str | None = None) -> Created:
    """Write orgs/<org>/organization.yml or orgs/<org>/<id>.yml from the given answers."""
    model = MODELS[kind]
    files, _ = find_files(root)
    taken = {f.id for f in files}
    values: dict[str, Any] = {}
    problems: list[str] = []
    org_name, org_state = None, None
    if kind == "program":
        org_name, org_state = _organization(root, org_id or "", {f.org_id for f in files})
    questions = answers.NEW_PROGRAM if kind == "program" else answers.NEW_ORGANIZATION
    for question in questions:
        default = org_state if question.path == ("location", "state") else None
        try:
            value = _answer(question, given.get(question.option), ask, model, default)
        except BadAnswer as exc:
            problems.append(f"{question.option}: {exc}")
            continue
        if value is not None:
            answers.put(values, question.path, value)
    if problems:
        raise NotCreated(problems)
    name = values.get("title") or values.get("short_name") or values.get("name")
    file_id = _new_id(given.get("--id"), slug(str(name)), taken, kind)
    source = given.get("--source") or (f"Written by the staff of {org_name} for this directory."
                                       if org_name else "Written by the organization's staff "
                                       "for this directory.")
    answers.finish(kind, values, today, source)
    if kind == "program":
        folder, path = root / "orgs" / str(org_id), root / "orgs" / str(org_id) / f"{file_id}.yml"
        url = program_url(file_id)
    else:
        folder, path = root / "orgs" / file_id, root / "orgs" / file_id / ORG_FILE
        url = org_url(file_id)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold.file_text(kind, values, today), encoding="utf-8")
    shown = path.relative_to(root).as_posix()
    return Created(path, shown, url, _check(root, path, shown, today, kind))


def _answer(question: Question, text: str | None, ask: Ask | None, model: type,
            default: str | None) -> Any:
    """Read the option's answer; when there is none, ask until an answer fits."""
    if text is not None:
        return answers.read(question, text, model)
    problem = ""
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
    if question.required:
        raise BadAnswer(f"missing; give {question.option} \"...\" ({question.label})")
    return default


def _organization(root: Path, org_id: str, org_ids: set[str]) -> tuple[str | None, str | None]:
    """The organization's name and state, to fill in defaults; NotCreated if it is unknown."""
    path = root / "orgs" / org_id / ORG_FILE
    if not org_id or not path.is_file():
        known = ", ".join(sorted(org_ids)) or "none yet"
        raise NotCreated([f"there is no organization '{org_id}' (known: {known}); run "
                          "'python -m generator new org' first, or check the spelling"])
    doc, problems = read_file(path, path.relative_to(root).as_posix())
    data = doc.data if not problems and isinstance(doc.data, dict) else {}
    location = data.get("location") if isinstance(data.get("location"), dict) else {}
    name = data.get("short_name") or data.get("name")
    return (name if isinstance(name, str) else None,
            location.get("state") if isinstance(location.get("state"), str) else None)


def _new_id(wanted: str | None, suggested: str, taken: set[str], kind: str) -> str:
    """The id asked for, or one made from the name that no other file uses yet."""
    what = "program" if kind == "program" else "organization"
    if wanted is not None:
        try:
            answers.check_id(wanted, what)
        except BadAnswer as exc:
            raise NotCreated([f"--id: {exc}"]) from None
        if wanted in taken:
            raise NotCreated([f"--id: '{wanted}' is already used in orgs/; choose another id, "
                              "or edit the existing file"])
        return wanted
    candidate = suggested
    number = 2
    while candidate in taken:
        candidate, number = f"{suggested}-{number}", number + 1
    return candidate


def _check(root: Path, path: Path, shown: str, today: dt.date, kind: str) -> list[Problem]:
    """Validate the whole directory with the new file; remove the file if it has problems."""
    try:
        validate_tree(root, today)
    except InvalidDirectory as exc:
        own = [p for p in exc.problems if p.path == shown]
        if own:
            path.unlink()
            if kind == "organization" and not any(path.parent.iterdir()):
                path.parent.rmdir()
            raise NotCreated([str(p) for p in own]) from None
        return [p for p in exc.problems if p.path != shown]
    return []
