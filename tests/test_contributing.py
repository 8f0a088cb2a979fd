"""CONTRIBUTING.md agrees with the schema, and its examples pass `validate` as written."""

from __future__ import annotations

import re

from generator import fieldref
from generator.model import Organization, Program
from tests.conftest import ROOT, run
from tests.test_mapping import paths

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_field_reference_is_generated_from_the_schema():
    assert fieldref.reference() in GUIDE, "run: python -m generator schema"


def test_field_reference_names_every_field():
    listed = set(re.findall(r"^\| `([\w.]+)` \|", GUIDE, re.M))
    assert set(paths(Program)) | set(paths(Organization)) <= listed


def test_annotated_examples_validate(tmp_path, capsys):
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
    program = max((b for b in blocks if "program.schema.json" in b), key=len)
    org = max((b for b in blocks if "organization.schema.json" in b), key=len)
    folder = tmp_path / "orgs" / "bay-example"
    folder.mkdir(parents=True)
    (folder / "organization.yml").write_text(org, encoding="utf-8")
    (folder / "u-visa-petitions.yml").write_text(program, encoding="utf-8")
    code, out, err = run(tmp_path, "validate", capsys=capsys)
    assert (code, out) == (0, "ok: 1 organizations, 1 programs, no problems.\n"), out
