"""The field reference in CONTRIBUTING.md, generated from the model's descriptions."""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.core.model import Case, Listing, Organization, Program, TrainingEvent, nested_model

START, END = "<!-- field reference: start -->", "<!-- field reference: end -->"


def _kind(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return _kind(args[0]) if len(args) == 1 else " or ".join(_kind(a) for a in args)
    if origin is list:
        inner = _kind(args[0])
        return "list of ids" if inner == "an id" else f"list of {inner}"
    if origin is typing.Literal:
        return "an id"
    if origin is typing.Annotated:
        return _kind(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "block of fields"
    names = {str: "text", bool: "true or false"}
    return names.get(annotation, "date (YYYY-MM-DD)" if annotation is dt.date else "text")


def _rows(model: type[BaseModel], prefix: str = "", skip: tuple[str, ...] = ()) -> list[str]:
    rows = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        required = "required" if info.is_required() else "optional"
        description = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{prefix}{name}` | {_kind(info.annotation)} | {required} | {description} |")
        inner = nested_model(info.annotation)
        if inner is not None:
            rows += _rows(inner, f"{prefix}{name}.")
    return rows


def reference() -> str:
    parts = [START, ""]
    shared = tuple(name for name in Listing.model_fields if name != "kind")
    sections = (("Fields of every listing", Program, tuple(n for n in Program.model_fields
                                                           if n not in shared)),
                ("Program fields (kind: program, or no kind: line)", Program, shared),
                ("Case fields (kind: case)", Case, shared),
                ("Training fields (kind: training)", TrainingEvent, shared),
                ("Organization fields", Organization, ()))
    for title, model, skip in sections:
        parts += [f"### {title}", "", "| field | kind | | what it says |",
                  "|---|---|---|---|", *_rows(model, skip=skip), ""]
    return "\n".join(parts + [END])


def update(path: Path) -> bool:
    """Rewrite the reference between the markers; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    new = before + reference() + after
    path.write_text(new, encoding="utf-8")
    return new != text
