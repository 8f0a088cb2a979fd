"""The command line: `python -m generator <command>`. A thin adapter over the core stages."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator import fieldref, schema
from generator.build import BuildFailed, build_site
from generator.problems import InvalidDirectory, SetupError
from generator.render import Settings, render_pages, write_pages
from generator.validate import validate_tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build and check the pro bono directory.")
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the project's top folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every file in orgs/ and list every problem")
    schema_cmd = commands.add_parser("schema", help="write schema/ and the field reference in "
                                     "CONTRIBUTING.md from the model")
    schema_cmd.add_argument("--check", action="store_true",
                            help="only report whether schema/ is up to date")
    build_cmd = commands.add_parser("build", help="validate, then build the site atomically")
    build_cmd.add_argument("--output", type=Path, default=Path("site"),
                           help="where the site goes (default: site)")
    pages_cmd = commands.add_parser("pages", help="write the generated pages as Markdown files "
                                    "(for an engine other than MkDocs)")
    pages_cmd.add_argument("--output", type=Path, required=True, help="folder to write into")
    args = parser.parse_args(argv)
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
    except KeyboardInterrupt:
        return 130


def _validate(args: argparse.Namespace) -> int:
    directory = validate_tree(args.root)
    print(f"ok: {len(directory.organizations)} organizations, "
          f"{len(directory.programs)} programs, no problems.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    folder, guide = args.root / "schema", args.root / "CONTRIBUTING.md"
    if args.check:
        out_of_date = [f"schema/{name}" for name in schema.stale(folder)]
        if guide.is_file() and fieldref.reference() not in guide.read_text(encoding="utf-8"):
            out_of_date.append("CONTRIBUTING.md")
        for name in out_of_date:
            print(f"{name}:1:1: out of date; run 'python -m generator schema'")
        return 1 if out_of_date else 0
    for path in schema.write_all(folder):
        print(f"wrote {path}")
    if guide.is_file() and fieldref.update(guide):
        print(f"updated the field reference in {guide}")
    return 0


def _build(args: argparse.Namespace) -> int:
    build_site(args.root.resolve(), args.output)
    print(f"built the site into {args.output}/")
    return 0


def _pages(args: argparse.Namespace) -> int:
    directory = validate_tree(args.root)
    pages = render_pages(directory, args.root / "site_templates", Settings(dt.date.today()))
    write_pages(pages, args.output)
    print(f"wrote {len(pages)} pages into {args.output}/")
    return 0


COMMANDS = {"validate": _validate, "schema": _schema, "build": _build, "pages": _pages}
