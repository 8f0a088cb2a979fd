"""The guides agree with the code: CONTRIBUTING.md (organizations), the field reference page
(generated), the privacy rules page, MAINTAINERS.md and ARCHITECTURE.md."""

from __future__ import annotations

import re
import shlex
import subprocess

from generator.contribute import fieldref
from generator.core.model import Organization, Program
from tests.conftest import ROOT, run
from tests.contribute.test_contributor_journey import JOURNEY
from tests.exports.test_mapping import paths

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
FIELDS = (ROOT / "content/contribute/fields.md").read_text(encoding="utf-8")
GUIDES = ("CONTRIBUTING.md", "README.md", "MAINTAINERS.md", "ARCHITECTURE.md")
ORGANIZATION = """\
# yaml-language-server: $schema=../../schema/organization.schema.json
name: Bay Example Legal Aid
website: https://example.org
description: What the organization does, in a few sentences.
location:
  state: CA
source:
  description: Our website.
last_verified:
  date: 2026-11-01
  by: organization
"""


def test_field_reference_page_is_generated_from_the_model():
    assert FIELDS == fieldref.page(), "run: make schema"


def test_field_reference_names_every_field():
    listed = set(re.findall(r"^\| `([\w.]+)` \|", FIELDS, re.M))
    assert set(paths(Program)) | set(paths(Organization)) <= listed


def test_the_organizations_guide_is_short():
    words = len(re.sub(r"```.*?```", " ", GUIDE, flags=re.S).split())  # prose, not the examples
    assert len(GUIDE.split()) < 1500 and words < 1000, (len(GUIDE.split()), words)


def test_one_annotated_example_per_kind_validates_as_written(tmp_path, capsys):
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
    kinds = [re.search(r"^kind: (\w+)$", block, re.M) for block in blocks]
    assert [k[1] if k else "program" for k in kinds] == ["program", "training", "case"]
    folder = tmp_path / "orgs" / "bay-example"
    folder.mkdir(parents=True)
    (folder / "organization.yml").write_text(ORGANIZATION, encoding="utf-8")
    for number, block in enumerate(blocks):
        (folder / f"example-{number}.yml").write_text(block, encoding="utf-8")
    code, out, err = run(tmp_path, "validate", capsys=capsys)
    assert (code, out) == (0, "ok: 1 organizations, 3 listings, no problems.\n"), out + err


def test_the_guides_link_the_privacy_rules_and_the_field_reference():
    for name in ("CONTRIBUTING.md", "MAINTAINERS.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "(content/contribute/privacy.md)" in text, name
    assert "(content/contribute/fields.md)" in GUIDE
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "contribute/fields.md" in nav and "contribute/privacy.md" in nav


def _commands(text: str) -> list[str]:
    """Every command line in the guide's shell blocks and inline code, comments cut off."""
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    lines += re.findall(r"`((?:make|\.venv/bin/python -m generator) [^`]*)`", text)
    return [line for line in lines if line]


def test_every_command_in_the_guides_runs_from_a_fresh_clone():
    """No bare `python -m generator`: on a fresh clone nothing is installed outside .venv."""
    for name in GUIDES:
        for command in _commands((ROOT / name).read_text(encoding="utf-8")):
            assert not command.startswith(("python -m generator", "python3 -m generator")), (
                name, command)


def test_the_organizations_commands_are_the_ones_the_journey_runs():
    """The contributor journey runs each of these in a copy of the repository, as written."""
    makes = {" ".join(c.split()[:2]) for c in _commands(GUIDE) if c.startswith("make ")}
    assert makes == set(JOURNEY)


def test_every_make_command_in_the_guides_is_a_target():
    makes = [c for name in GUIDES
             for c in _commands((ROOT / name).read_text(encoding="utf-8")) if c.startswith("make ")]
    assert {"make new-org", "make new-program ORG=<organization-id>", "make validate",
            "make preview", "make from-issue BODY=issue-42.md", "make stale"} <= set(makes)
    for command in makes:
        words = [w.replace("<", "").replace(">", "") for w in shlex.split(command)]
        result = subprocess.run([*words, "-n"], cwd=ROOT, capture_output=True, text=True,
                                check=False)  # a dry run: the target exists and its variables
        assert result.returncode == 0, (command, result.stderr)


def test_the_architecture_notes_name_every_module_and_command_as_they_are():
    from generator.adapters.cli import COMMANDS
    from tests.test_imports import modules

    notes = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(generator/[\w/]+\.py)`", notes))
    for path in named:
        assert (ROOT / path).is_file(), f"ARCHITECTURE.md names {path}, which does not exist"
    files = {p.relative_to(ROOT).as_posix() for p in modules().values()
             if p.name not in ("__init__.py", "__main__.py")}
    assert files <= named, f"ARCHITECTURE.md does not describe {sorted(files - named)}"
    listed = re.search(r"`\.venv/bin/python -m generator ([^`]+)`", notes)[1]
    assert sorted(c.strip() for c in listed.split("|")) == sorted(COMMANDS)
    for folder in re.findall(r"^(generator/\w+/|[a-z_]+/) ", notes, re.M):
        assert (ROOT / folder).is_dir(), folder
