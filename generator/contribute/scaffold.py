"""Writing data files: a commented YAML file from the values someone gave.

`new` (answers to questions) and `from-issue` (a submitted issue form) both end here. The file
has the values that were given, and every other field of the model as a commented-out line with
its description, so the person editing it next sees what else they could say. The text is built
from the model, so it stays in step with the schema; every value is written so that the strict
loader reads back exactly the text that was given.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import typing
from typing import Any

from pydantic import BaseModel

from generator.core import vocab
from generator.core.model import nested_model, unwrap as _unwrap, without_ids
from generator.core.validate import MODELS, header_for

WIDTH = 96
# Words YAML tools (editors, JSON Schema checkers) would read as something other than text.
_RESERVED = re.compile(r"^(?:y|n|yes|no|on|off|true|false|null|~|[-+.0-9_:eE]+)$", re.I)
_INTROS = {
    "organization": "An organization in the directory. Its id is the folder name.",
    "program": "Ongoing volunteer work for attorneys. Its id is the file name and part of "
               "the listing's web address.",
    "training": "A dated training (or a recording) for volunteers. Its id is the file name and "
                "part of the listing's web address. Several dates of one training go in "
                "sessions.",
    "case": "One matter that needs a volunteer now. Never write the client's name or anything "
            "that could identify them. Its id is the file name and part of the listing's web "
            "address.",
}


def scalar(value: Any, in_list: bool = False) -> str:
    """One value as YAML that reads back as exactly this value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return f"{value:g}"
    text = str(value)
    return text if _plain_ok(text, in_list) else _double_quoted(text)


def _plain_ok(text: str, in_list: bool) -> bool:
    """Whether text can go unquoted: it starts with a letter and holds no YAML indicator."""
    return (text[:1].isalpha() and text.isprintable() and text == text.strip()
            and ": " not in text and " #" not in text and not text.endswith(":")
            and not _RESERVED.match(text)
            and not (in_list and any(c in text for c in ",[]{}")))


def _double_quoted(text: str) -> str:
    """A double-quoted scalar; characters that do not print (controls, invisible marks) escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() or char == " ":
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def block(text: str, indent: str) -> str:
    """Long text as a literal block (`|`), line for line; quoted when a block cannot hold it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    lines = [line.rstrip() for line in lines]
    while len(lines) > 1 and not lines[-1]:  # a line of only spaces at the end reads as nothing
        lines.pop()
    if not all(line.isprintable() for line in lines) or not lines[0] or lines[0][0] == " ":
        return " " + _double_quoted(text)
    body = "\n".join(f"{indent}  {line}" if line else "" for line in lines)
    return " |\n" + body


def file_text(kind: str, values: dict[str, Any], today: dt.date) -> str:
    """The whole file: header, a few words on what it is, given values, commented guidance."""
    model = MODELS[kind]
    intro = _INTROS[kind] + " Lines starting with # are guidance: remove the '# ' in front of a " \
        "field to use it, and leave out what you do not know (the site shows 'Not stated', " \
        "never 'no'). Every field is explained in CONTRIBUTING.md."
    lines = [header_for(kind), *_comment(intro, ""), ""]
    lines += _fields(model, values, "", today)
    return "\n".join(lines).rstrip() + "\n"


def _fields(model: type[BaseModel], values: dict[str, Any], indent: str,
            today: dt.date) -> list[str]:
    """Top-level fields have their description above them; nested ones are more compact."""
    lines: list[str] = []
    top = not indent
    for name, info in model.model_fields.items():
        given = values.get(name)
        about = _about(info.description or "", info.annotation)
        if given is None or given == [] or given == {}:
            example = [f"{indent}# {line[len(indent):]}"
                       for line in _example(name, info.annotation, indent, today)]
            lines += _comment(about, indent) + example if top else _hinted(example, about, indent)
            continue
        if top:
            lines += _comment(about, indent)
        inner = nested_model(info.annotation)
        if inner is not None and isinstance(given, dict):
            lines.append(f"{indent}{name}:")
            lines += _fields(inner, given, indent + "  ", today)
        elif inner is not None and isinstance(given, list):
            lines.append(f"{indent}{name}:")
            for item in given:
                item_lines = _fields(inner, item, indent + "    ", today)
                item_lines = [line for line in item_lines if not line.lstrip().startswith("#")]
                item_lines[0] = f"{indent}  - {item_lines[0].lstrip()}"
                lines += item_lines
        elif isinstance(given, list):
            lines.append(f"{indent}{name}: [{', '.join(scalar(v, True) for v in given)}]")
        elif isinstance(given, str) and "\n" in given:  # one-line fields stay on one line
            lines.append(f"{indent}{name}:{block(given, indent)}")
        else:
            lines.append(f"{indent}{name}: {scalar(given)}")
    return lines


def _example(name: str, annotation: Any, indent: str, today: dt.date) -> list[str]:
    """What a commented-out field looks like, ready to be uncommented and filled in."""
    inner = nested_model(annotation)
    if inner is not None and typing.get_origin(_unwrap(annotation)) is list:
        item = _fields_example(inner, indent + "    ", today)
        return [f"{indent}{name}:", f"{indent}  - {item[0].lstrip()}", *item[1:]]
    if inner is not None:
        return [f"{indent}{name}:", *_fields_example(inner, indent + "  ", today)]
    return [f"{indent}{name}: {_placeholder(annotation, today)}"]


def _fields_example(model: type[BaseModel], indent: str, today: dt.date) -> list[str]:
    lines = []
    for name, info in model.model_fields.items():
        hint = _about(info.description or "", info.annotation)
        lines += _hinted(_example(name, info.annotation, indent, today), hint, indent)
    return lines


def _hinted(example: list[str], hint: str, indent: str) -> list[str]:
    """A field's example with its hint: at the end of the line if it fits, else above it."""
    if len(example) == 1 and len(example[0]) + len(hint) + 6 <= WIDTH:
        return [f"{example[0]}  # {hint}"]
    return [*(f"{indent}{line[len(indent) + 2:]}" for line in _comment(hint, indent + "  ")),
            *example]


def _placeholder(annotation: Any, today: dt.date) -> str:
    base = _unwrap(annotation)
    if typing.get_origin(base) is list:
        return "[]"
    if typing.get_origin(base) is typing.Literal:
        return str(typing.get_args(base)[0])
    if base is bool:
        return "true"
    if base is dt.date:
        return today.isoformat()
    return '""'


def _about(description: str, annotation: Any) -> str:
    """A field's description, with a long list of ids shortened to a pointer."""
    ids = _ids(annotation)
    short = without_ids(description)
    if not ids:
        return short
    if ids == vocab.STATES.ids():
        return short if "e.g." in short else f"{short} Two-letter codes, e.g. CA."
    return f"{short} Ids: {', '.join(ids)}."


def _ids(annotation: Any) -> tuple[str, ...]:
    base = _unwrap(annotation)
    if typing.get_origin(base) is list:
        base = _unwrap(typing.get_args(base)[0])
    return typing.get_args(base) if typing.get_origin(base) is typing.Literal else ()


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - len(indent), initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}# ", break_on_hyphens=False)
