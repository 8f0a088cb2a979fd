"""schema/ is generated from the model, documents every field, and agrees with the validator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core import schema
from generator.core.validate import header_for
from tests.conftest import ROOT, VALID
from tests.core.test_broken_files import CASES, apply

SCHEMA_DIR = ROOT / "schema"


def test_committed_schema_is_up_to_date():
    assert schema.stale(SCHEMA_DIR) == [], "run: python -m generator schema"


def test_stale_schema_is_detected(tmp_path):
    schema.write_all(tmp_path)
    path = tmp_path / "listing.schema.json"
    path.write_text(path.read_text().replace("urgent", "urgnet"))
    assert schema.stale(tmp_path) == ["listing.schema.json"]


def _properties(node, trail=()):
    """Every property in a schema, with the trail of names that leads to it."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield (*trail, name), prop
        for key, value in node.items():
            if key not in ("properties", "if"):  # an if: names a property, it does not define it
                yield from _properties(value, trail)
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, trail)


@pytest.mark.parametrize("kind", ["organization", "program"])
def test_every_field_has_a_description(kind):
    found = list(_properties(schema.json_schema(kind)))
    assert len(found) > 10
    missing = [trail for trail, prop in found if not prop.get("description")]
    assert missing == []


@pytest.mark.orgs
def test_every_data_file_names_its_schema():
    for path in sorted((ROOT / "orgs").rglob("*.yml")):
        kind = "organization" if path.name == "organization.yml" else "program"
        assert path.read_text(encoding="utf-8").split("\n", 1)[0] == header_for(kind), path


def check_jsonschema(kind: str, files: list[Path]) -> dict[str, list[str]]:
    """Run check-jsonschema, an independent client, and return its errors by file."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile",
         str(SCHEMA_DIR / schema.SCHEMA_FILES[kind]), "-o", "json", *map(str, files)],
        capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    errors: dict[str, list[str]] = {}
    for error in report.get("errors", []) + report.get("parse_errors", []):
        errors.setdefault(error["filename"], []).append(error.get("message", ""))
    return errors


def _files_by_kind(folders: list[Path]) -> dict[str, list[Path]]:
    files = sorted(p for folder in folders for p in folder.rglob("*.yml"))
    return {"organization": [p for p in files if p.name == "organization.yml"],
            "program": [p for p in files if p.name != "organization.yml"]}


@pytest.mark.orgs
def test_json_schema_accepts_every_valid_file():
    for kind, files in _files_by_kind([VALID / "orgs", ROOT / "orgs"]).items():
        assert files, kind
        assert check_jsonschema(kind, files) == {}


def test_json_schema_rejects_each_schema_level_broken_case(tmp_path):
    import shutil

    cases = [c for c in CASES if c[5]]
    broken: dict[str, list[tuple[str, Path]]] = {"organization": [], "program": []}
    for case_id, name, old, new, _, _ in cases:
        project = tmp_path / case_id
        shutil.copytree(VALID, project)
        path = apply(project, name, old, new)
        kind = "organization" if path.name == "organization.yml" else "program"
        broken[kind].append((case_id, path))
    for kind, items in broken.items():
        errors = check_jsonschema(kind, [path for _, path in items])
        accepted = [case_id for case_id, path in items if str(path) not in errors]
        assert accepted == [], f"the JSON Schema accepted broken {kind} files"
