"""The JSON Schema files in schema/, generated from the model so the two never disagree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.validate import MODELS, SCHEMA_FILES

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kind: str) -> dict[str, Any]:
    model = MODELS[kind]
    schema = model.model_json_schema()
    return {"$schema": DIALECT, "$id": SCHEMA_FILES[kind], **schema}


def rendered(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, name in SCHEMA_FILES.items():
        path = folder / name
        path.write_text(rendered(kind), encoding="utf-8")
        written.append(path)
    return written


def stale(folder: Path) -> list[str]:
    """Names of schema files that differ from what the model generates now."""
    return [name for kind, name in SCHEMA_FILES.items()
            if not (folder / name).is_file()
            or (folder / name).read_text(encoding="utf-8") != rendered(kind)]
