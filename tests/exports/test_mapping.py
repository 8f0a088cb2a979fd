"""The HSDS / schema.org mapping in schema/MAPPING.md names every field of the model."""

from __future__ import annotations

import re

from generator.core.model import LISTING_MODELS, Organization, nested_model
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
    listing_paths = {path for model in LISTING_MODELS.values() for path in paths(model)}
    for part, fields in ((program_part, listing_paths), (org_part, set(paths(Organization)))):
        mapped = set(re.findall(r"^\| `([\w.]+)` \|", part, re.M))
        assert fields - mapped == set()
        assert mapped - fields == set(), "the mapping names a field that is gone"
