"""The JSON Schema files in schema/, generated from the model so the two never disagree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import models_json_schema

from generator.core.model import LISTING_MODELS, Organization

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILES = {"organization": "organization.schema.json", "program": "listing.schema.json"}


def json_schema(kind: str) -> dict[str, Any]:
    if kind == "organization":
        schema = Organization.model_json_schema()
    else:
        schema = _listing_schema()
    return {"$schema": DIALECT, "$id": SCHEMA_FILES[kind], **schema}


def _listing_schema() -> dict[str, Any]:
    """One schema for every listing file: its kind: line picks the shape (program if none)."""
    refs, top = models_json_schema([(model, "validation") for model in LISTING_MODELS.values()],
                                   ref_template="#/$defs/{model}")
    ref = {kind: refs[(model, "validation")]["$ref"] for kind, model in LISTING_MODELS.items()}
    chosen: dict[str, Any] = {"$ref": ref["program"]}
    for kind in reversed([k for k in LISTING_MODELS if k != "program"]):
        chosen = {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                  "then": {"$ref": ref[kind]}, "else": chosen}
    return {"title": "Listing",
            "description": "A program, training or case. File: orgs/<org-id>/<listing-id>.yml; "
                           "kind: says which (program if left out).",
            "type": "object",
            "properties": {"kind": {"enum": list(LISTING_MODELS), "description":
                                    "program (the default), training or case"}},
            **chosen, "$defs": top["$defs"]}


def rendered(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, name in SCHEMA_FILES.items():
        path = folder / name
        path.write_text(rendered(kind), encoding="utf-8")
        written.append(path)
    for old in ("program.schema.json",):  # renamed: a stale copy would mislead an editor
        if (folder / old).exists():
            (folder / old).unlink()
    return written


def stale(folder: Path) -> list[str]:
    """Names of schema files that differ from what the model generates now."""
    return [name for kind, name in SCHEMA_FILES.items()
            if not (folder / name).is_file()
            or (folder / name).read_text(encoding="utf-8") != rendered(kind)]
