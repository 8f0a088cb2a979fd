"""The HSDS / schema.org mapping in schema/MAPPING.md names every field of the model."""

from __future__ import annotations

import re

from generator.model import Organization, Program, nested_model
from tests.conftest import ROOT


def paths(model, prefix=""):
    for name, info in model.model_fields.items():
        yield prefix + name
        inner = nested_model(info.annotation)
        if inner is not None:
            yield from paths(inner, f"{prefix}{name}.")


def test_every_field_is_mapped():
    text = (ROOT / "schema" / "MAPPING.md").read_text(encoding="utf-8")
    program_part, org_part = text.split("## Organization", 1)
    for part, model in ((program_part, Program), (org_part, Organization)):
        mapped = set(re.findall(r"^\| `([\w.]+)` \|", part, re.M))
        assert set(paths(model)) - mapped == set()
        assert mapped - set(paths(model)) == set(), "the mapping names a field that is gone"
