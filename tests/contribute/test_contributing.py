"""CONTRIBUTING.md agrees with the schema, and its examples pass `validate` as written."""

from __future__ import annotations

import re

from generator.contribute import fieldref
from generator.core.model import Organization, Program
from tests.conftest import ROOT, run
from tests.exports.test_mapping import paths

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_field_reference_is_generated_from_the_schema():
    assert fieldref.reference() in GUIDE, "run: python -m generator schema"


def test_field_reference_names_every_field():
    listed = set(re.findall(r"^\| `([\w.]+)` \|", GUIDE, re.M))
    assert set(paths(Program)) | set(paths(Organization)) <= listed


def test_annotated_examples_validate(tmp_path, capsys):
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
    program = max((b for b in blocks if "listing.schema.json" in b), key=len)
    org = max((b for b in blocks if "organization.schema.json" in b), key=len)
    folder = tmp_path / "orgs" / "bay-example"
    folder.mkdir(parents=True)
    (folder / "organization.yml").write_text(org, encoding="utf-8")
    (folder / "u-visa-petitions.yml").write_text(program, encoding="utf-8")
    code, out, err = run(tmp_path, "validate", capsys=capsys)
    assert (code, out) == (0, "ok: 1 organizations, 1 listings, no problems.\n"), out


def _commands(text: str) -> list[str]:
    """Every command line in the guide's shell blocks and inline code, comments cut off."""
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    lines += re.findall(r"`((?:make|\.venv/bin/python -m generator) [^`]*)`", text)
    return [line for line in lines if line]


def test_every_command_in_the_guides_runs_from_a_fresh_clone():
    """No bare `python -m generator`: on a fresh clone nothing is installed outside .venv."""
    for name in ("CONTRIBUTING.md", "README.md"):
        for command in _commands((ROOT / name).read_text(encoding="utf-8")):
            assert not command.startswith(("python -m generator", "python3 -m generator")), (
                name, command)


def test_every_make_command_in_the_guides_is_a_target(tmp_path):
    import shlex
    import subprocess

    makes = [c for name in ("CONTRIBUTING.md", "README.md")
             for c in _commands((ROOT / name).read_text(encoding="utf-8")) if c.startswith("make ")]
    assert {"make new-org", "make new-program ORG=<organization-id>", "make validate",
            "make preview", "make from-issue BODY=issue-42.md"} <= set(makes)
    for command in makes:
        words = [w.replace("<", "").replace(">", "") for w in shlex.split(command)]
        result = subprocess.run([*words, "-n"], cwd=ROOT, capture_output=True, text=True,
                                check=False)  # a dry run: the target exists and its variables
        assert result.returncode == 0, (command, result.stderr)
