"""The command line: `python -m generator <command>`. A thin adapter over the core stages."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.contribute import (answers, confirm, confirmation, diff, fieldref, history,
                                  issueform, newfile, placeholders, preview, scaffold, stale,
                                  yamledit)
from generator.core import config, freshness, schema
from generator.core.lifecycle import Lifecycle
from generator.contribute.answers import CHOICE, CHOICES, CLE, SESSIONS, TEXT, Question
from generator.site.build import BuildFailed, build_site
from generator.core.problems import InvalidDirectory, Refused, SetupError
from generator.site.render import Settings, render_pages, write_pages
from generator.core.validate import read_tree, validate_tree

FIELDS_PAGE = "content/contribute/fields.md"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InvalidDirectory as exc:
        for problem in exc.problems:
            print(problem)
        files = len({p.path for p in exc.problems})
        print(f"{len(exc.problems)} problem(s) in {files} file(s); nothing was changed.",
              file=sys.stderr)
        return 1
    except (BuildFailed, SetupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Refused as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build and check the pro bono directory.")
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the project's top folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every file in orgs/ and list every problem")
    commands.add_parser("check-setup", help="list the stand-in values a maintainer must replace "
                        "before the site is published (the deploy job runs it)")
    schema_cmd = commands.add_parser("schema", help="write schema/, the field reference page "
                                     "(content/contribute/fields.md) and the issue forms from the model")
    schema_cmd.add_argument("--check", action="store_true",
                            help="only report whether they are up to date")
    build_cmd = commands.add_parser("build", help="validate, then build the site atomically")
    build_cmd.add_argument("--output", type=Path, default=Path("site"),
                           help="where the site goes (default: site)")
    pages_cmd = commands.add_parser("pages", help="write the generated pages as Markdown files "
                                    "(for an engine other than MkDocs)")
    pages_cmd.add_argument("--output", type=Path, required=True, help="folder to write into")
    _add_new(commands)
    preview_cmd = commands.add_parser(
        "preview", help="serve the site with your change and print your listing's address")
    preview_cmd.add_argument("files", nargs="*", metavar="FILE",
                             help="the data files to point to (default: those git sees changed)")
    preview_cmd.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                             help="where to serve (default: 127.0.0.1:8000)")
    issue_cmd = commands.add_parser(
        "from-issue", help="turn a submitted listing issue's text into a data file")
    issue_cmd.add_argument("body", metavar="BODY_FILE", help="the issue's text as GitHub shows "
                           "it, saved to a file ('-' reads it from standard input)")
    issue_cmd.add_argument("--write", action="store_true",
                           help="write the file into orgs/ (default: print it)")
    issue_cmd.add_argument("--update", metavar="ID", help="update this listing (when the issue "
                           "does not give its id)")
    issue_cmd.add_argument("--allow-duplicate-title", action="store_true",
                           help="add a new listing even if its organization has one with the "
                           "same title")
    diff_cmd = commands.add_parser(
        "diff", help="what the change since BASE does to the directory, for a reviewer")
    diff_cmd.add_argument("base", metavar="BASE", help="the git branch, tag or commit to compare "
                          "with, e.g. main or origin/main")
    diff_cmd.add_argument("--site-url", default=os.environ.get("SITE_URL", ""), metavar="URL",
                          help="make full links with this address (default: $SITE_URL, else "
                          "pages are named by their path)")
    diff_cmd.add_argument("--markdown", action="store_true",
                          help="write Markdown, for a pull request's job summary (default: "
                          "plain text)")
    stale_cmd = commands.add_parser(
        "stale", help="listings past or near their freshness window, by organization, with how "
        "to reach it")
    stale_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                           help="text for a terminal (default), markdown for a job summary or "
                           "an issue, json for scripts")
    stale_cmd.add_argument("--fail-on-expired", action="store_true",
                           help="exit with status 1 when a listing is past its window")
    stale_cmd.add_argument("--site-url", default=os.environ.get("SITE_URL", ""), metavar="URL",
                           help="link the listings in Markdown (default: $SITE_URL)")
    stale_cmd.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                           help="report as of another day (default: today)")
    _add_confirm_request(commands)
    return parser


def _add_confirm_request(commands: Any) -> None:
    cmd = commands.add_parser(
        "confirm-request", help="the message asking an organization to confirm or correct its "
        "listings, with a question for each fact nobody has stated")
    cmd.add_argument("org_id", metavar="ORG_ID", help="the organization's id (its folder name "
                     "in orgs/)")
    cmd.add_argument("--format", choices=("text", "markdown"), default="text",
                     help="plain text for an email (default), or Markdown")
    cmd.add_argument("--site-url", default=os.environ.get("SITE_URL", ""), metavar="URL",
                     help="the site's public address (default: $SITE_URL, else site_url in "
                     "mkdocs.yml)")
    cmd.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY", ""),
                     metavar="OWNER/NAME", help="the GitHub repository whose issue form to link "
                     "(default: $GITHUB_REPOSITORY, else repo_url in mkdocs.yml)")
    cmd.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                     help="write as of another day (default: today)")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def _validate(args: argparse.Namespace) -> int:
    directory = validate_tree(args.root)
    print(f"ok: {len(directory.organizations)} organizations, "
          f"{len(directory.programs)} listings, no problems.")
    return 0


def _check_setup(args: argparse.Namespace) -> int:
    problems = placeholders.check(args.root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} stand-in value(s) to replace before publishing (README.md, "
              "'Before you publish'); nothing was published.", file=sys.stderr)
        return 1
    print("ok: no stand-in values left.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    folder, fields = args.root / "schema", args.root / FIELDS_PAGE
    if args.check:
        out_of_date = [f"schema/{name}" for name in schema.stale(folder)]
        if not fields.is_file() or fields.read_text(encoding="utf-8") != fieldref.page():
            out_of_date.append(FIELDS_PAGE)
        out_of_date += issueform.stale_forms(args.root)
        for name in out_of_date:
            print(f"{name}:1:1: out of date; run 'make schema'")
        return 1 if out_of_date else 0
    for path in schema.write_all(folder):
        print(f"wrote {path}")
    if fieldref.update(fields):
        print(f"wrote {fields}")
    for path in issueform.write_forms(args.root):
        print(f"wrote {path}")
    return 0


def _build(args: argparse.Namespace) -> int:
    build_site(args.root.resolve(), args.output)
    print(f"built the site into {args.output}/")
    return 0


def _pages(args: argparse.Namespace) -> int:
    directory = validate_tree(args.root)
    settings = Settings(dt.date.today(), window_days=freshness.window_days(args.root),
                        urgent_days=freshness.urgent_days(args.root))
    pages = render_pages(directory, args.root / "site_templates", settings)
    write_pages(pages, args.output)
    print(f"wrote {len(pages)} pages into {args.output}/")
    return 0


def _add_new(commands: Any) -> None:
    new_cmd = commands.add_parser("new", help="start a new data file that passes validate")
    kinds = new_cmd.add_subparsers(dest="kind", required=True)
    for kind, what in _NEW_KINDS.items():
        sub = kinds.add_parser(kind, help=f"write the file for {what}",
                               description=f"Write the file for {what}. Give the essentials as "
                               "options, or answer the questions asked for the ones left out.")
        if kind != "org":
            sub.add_argument("org_id", metavar="ORG_ID", help="the organization's id (its "
                             "folder name in orgs/)")
        for question in answers.NEW_QUESTIONS[_KIND_OF.get(kind, kind)]:
            sub.add_argument(question.option, metavar="TEXT", help=question.label +
                             (" (ids or labels, separated by commas)"
                              if question.kind == CHOICES else
                              " (entries separated by semicolons)"
                              if question.kind in _ONE_PER_LINE else ""))
        sub.add_argument("--id", metavar="ID", help="the file's id (default: made from the "
                         "name or title)")
        sub.add_argument("--source", metavar="TEXT", help="where the facts come from (default: "
                         "written by the organization's staff)")
        sub.add_argument("--no-input", action="store_true",
                         help="never ask; fail when an essential option is missing")


_NEW_KINDS = {"org": "an organization", "program": "a program of an organization (ongoing "
              "volunteer work)", "training": "a dated training or a recording",
              "case": "one matter that needs a volunteer now"}
_KIND_OF = {"org": "organization"}
_ONE_PER_LINE = (SESSIONS, CLE)


def _new(args: argparse.Namespace) -> int:
    kind = _KIND_OF.get(args.kind, args.kind)
    questions = answers.NEW_QUESTIONS[kind]
    given = {q.option: getattr(args, q.option[2:].replace("-", "_")) for q in questions}
    given |= {"--id": args.id, "--source": args.source}
    ask = None if args.no_input else _ask
    if ask and any(value is None for value in given.values()):
        print(f"A new {kind} file. Press Enter to skip what is optional.")
    created = newfile.create(args.root, kind, given, ask, dt.date.today(),
                             getattr(args, "org_id", None))
    address = _local(args.root, "127.0.0.1:8000", created.url)
    print(f"\nWrote {created.shown_as}; it passes validation.\n\nNext, from the project's top "
          "folder:")
    steps = [f"Open {created.shown_as} and fill in what you know. Lines starting with # explain "
             "the other fields; remove the '# ' to use one."]
    if kind == "organization":
        org = created.path.parent.name
        steps.append(f"Add a listing: make new-program ORG={org}\n"
                     f"     a dated training: make new-training ORG={org}\n"
                     f"     one urgent case: make new-case ORG={org}")
    steps += ["Check your work: make validate",
              f"Preview: make preview FILES={created.shown_as}\n"
              f"     then open {address}",
              "Open a pull request with the new file (CONTRIBUTING.md says how)."]
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}")
    if created.warnings:
        print("\nOther files have problems (not caused by the new file):", file=sys.stderr)
        for problem in created.warnings:
            print(problem, file=sys.stderr)
    return 0


def _ask(question: Question, problem: str) -> str | None:
    """Ask one question on the terminal; None at the end of input."""
    if problem:
        print(f"  {problem}")
    vocabulary = question.vocabulary
    if question.kind in (CHOICE, CHOICES) and vocabulary and len(vocabulary.terms) <= 12 \
            and not problem:
        for number, (key, label) in enumerate(vocabulary.terms.items(), start=1):
            print(f"  {number:>2}. {label} ({key})")
    hint = {CHOICES: " [numbers or ids, separated by commas]", TEXT: " (end with an empty line)",
            SESSIONS: " (one per line; end with an empty line)",
            CLE: " (one per line; end with an empty line)"}
    if question.help and not problem:
        print(f"  {question.help}")
    if question.kind not in (TEXT, *_ONE_PER_LINE):
        try:
            return input(f"{question.label}{hint.get(question.kind, '')}: ")
        except EOFError:
            return None
    print(f"{question.label}{hint[question.kind]}:")
    lines: list[str] = []
    try:
        while line := input():
            lines.append(line)
    except EOFError:
        if not lines:
            return None
    return "\n".join(lines)


def _local(root: Path, address: str, url: str) -> str:
    return f"http://{address}{preview.site_path(root)}{url}"


def _in_project(root: Path, name: str) -> str:
    """A file named on the command line, as a path inside the project."""
    for candidate in (Path(name), root / name):
        try:
            return candidate.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return name


def _preview(args: argparse.Namespace) -> int:
    validate_tree(args.root)
    files = args.files or history.changed_files(args.root)
    shown = [_in_project(args.root, name) for name in files]
    urls = [(name, preview.listing_url(name)) for name in shown]
    urls = [(name, url) for name, url in urls if url]
    print("The site is being built; when it says 'Serving', open:")
    for name, url in urls or [("the home page", "")]:
        print(f"  {_local(args.root, args.dev_addr, url)}   ({name})")
    print("Saving a file under orgs/ rebuilds the page. Stop with Ctrl+C.", flush=True)
    return preview.serve(args.root, args.dev_addr)


def _from_issue(args: argparse.Namespace) -> int:
    try:
        raw = sys.stdin.buffer.read() if args.body == "-" else Path(args.body).read_bytes()
    except OSError as exc:
        raise Refused([f"{args.body}: cannot be read ({exc.strerror}); save the issue's text "
                       "to a file and give its path"]) from None
    try:
        body = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise issueform.BadIssue([f"{args.body}: not UTF-8 text; save the issue's text as "
                                  "UTF-8"]) from None
    directory = validate_tree(args.root)
    today = dt.date.today()
    form, found = issueform.read_body(body)
    if form is issueform.CONFIRM_FORM:
        return _confirm_from_issue(args, found, directory, today)
    existing = {p.id: (p.org_id, p.data.model_dump(exclude_unset=True))
                for p in directory.programs.values()}
    org_names = {o.id: o.data.name for o in directory.organizations.values()}
    result = issueform.convert(body, existing, org_names, today, args.update,
                               args.allow_duplicate_title,
                               command=f"make from-issue BODY={shlex.quote(args.body)}")
    name = "organization.yml" if result.kind == "organization" else f"{result.id}.yml"
    shown = f"orgs/{result.org_id}/{name}"
    text = scaffold.file_text(result.kind, result.values, today)
    if result.updates:  # the answers changed in place: the editors' comments stay
        old = (args.root / shown).read_text(encoding="utf-8")
        try:
            text = yamledit.edit(old, yamledit.changes(existing[result.id][1], result.values))
        except yamledit.CannotEdit:  # a layout edit cannot follow: the file is written whole
            pass
    own, _ = newfile.trial(args.root, shown, text, today)
    if own:
        questions = issueform.form_for(result.kind).questions
        raise issueform.BadIssue([answers.in_words(p, q, q.label if q else "", questions,
                                                   labels=True)
                                  for p in own for q in [answers.question_for(p, questions,
                                                                              text)]])
    if not args.write:
        sys.stdout.write(text)
        return 0
    path = args.root / shown
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{'Updated' if result.updates else 'Wrote'} {shown}; it passes validation. Review it, "
          "then open a pull request that says 'Closes #<issue number>'.")
    return 0


def _confirm_from_issue(args: argparse.Namespace, found: dict[str, str | None],
                        directory: Any, today: dt.date) -> int:
    """The confirm form: each page it names, changed in place (comments kept)."""
    if args.update or args.allow_duplicate_title:
        raise Refused(["--update and --allow-duplicate-title are for the 'Add or update' forms; "
                       "the confirm form names its pages under 'Listing'"])
    result = confirmation.read(found, directory, today)
    written = []
    for update in result.updates:
        old = (args.root / update.path).read_text(encoding="utf-8")
        try:
            text = yamledit.edit(old, update.changes)
        except yamledit.CannotEdit:  # a layout edit cannot follow: the file is written whole
            text = scaffold.file_text(update.kind, update.values, today)
        own, _ = newfile.trial(args.root, update.path, text, today)
        if own:
            raise issueform.BadIssue([str(problem) for problem in own])
        written.append((update.path, text))
    for shown, text in written:
        if not args.write:
            sys.stdout.write(text if len(written) == 1 else f"# {shown}\n{text}")
            continue
        (args.root / shown).write_text(text, encoding="utf-8")
        print(f"Updated {shown}: confirmed by the organization on {today.isoformat()}; it "
              "passes validation.")
    if args.write:
        print("Review the change, then open a pull request that says 'Closes #<issue "
              "number>'.")
    if result.other:
        print("The issue also asks, under 'Other corrections' (make it by hand):\n"
              + "\n".join(f"  {line}" for line in result.other.splitlines()), file=sys.stderr)
    return 0


def _diff(args: argparse.Namespace) -> int:
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="probono-base-") as scratch:
        history.extract_orgs(args.root, args.base, Path(scratch))
        base, base_problems = read_tree(Path(scratch), today)
    head, head_problems = read_tree(args.root, today)
    changes = diff.compare(base, head, frozenset(p.path for p in head_problems))
    sys.stdout.write(diff.report(changes, args.base, args.site_url,
                                 (len(base_problems), len(head_problems)), args.markdown))
    return 0


def _stale(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    directory = validate_tree(args.root, today)
    window = freshness.window_days(args.root)
    reports = stale.report(directory, Lifecycle(directory, today, window,
                                                freshness.urgent_days(args.root)))
    if args.format == "json":
        sys.stdout.write(stale.as_json(reports, today, window))
    elif args.format == "markdown":
        sys.stdout.write(stale.as_markdown(reports, today, window, args.site_url))
    else:
        sys.stdout.write(stale.as_text(reports, today, window))
    return 1 if args.fail_on_expired and stale.past_window(reports) else 0


def _confirm_request(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    directory = validate_tree(args.root, today)
    site_url = args.site_url or config.setting(args.root, "site_url")
    repo = args.repo or confirm.repository(config.setting(args.root, "repo_url"))
    request = confirm.request(directory, args.org_id, today, site_url, repo,
                              freshness.window_days(args.root), freshness.urgent_days(args.root))
    write = confirm.as_markdown if args.format == "markdown" else confirm.as_text
    sys.stdout.write(write(request))
    if not site_url:
        print("note: no site address is known, so pages are named by their path; give "
              "--site-url or set SITE_URL", file=sys.stderr)
    if not repo:
        print("note: no GitHub repository is known, so the issue form has no link; give "
              "--repo OWNER/NAME or set GITHUB_REPOSITORY", file=sys.stderr)
    return 0


COMMANDS = {"validate": _validate, "check-setup": _check_setup, "schema": _schema,
            "build": _build, "pages": _pages, "new": _new, "preview": _preview,
            "from-issue": _from_issue, "diff": _diff, "stale": _stale,
            "confirm-request": _confirm_request}
