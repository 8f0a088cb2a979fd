"""Changing a few values of a data file in place, keeping every other line and comment.

An organization's confirmation changes a handful of fields (`last_verified`, a corrected
number of hours); rewriting the whole file would drop the comments its editors left. The data
files are block-style YAML, so a value is found by its key's indentation under its parent's.
Anything this reader cannot place for certain (a parent written inline, `commitment: {}`)
raises CannotEdit, and the caller writes the file whole instead. `edit` reads its result back
and raises CannotEdit unless it says exactly what was asked.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import yaml

from generator.contribute.scaffold import scalar

DELETE = object()  # a change that removes the field


class CannotEdit(ValueError):
    """The file's layout is not one `edit` can change line by line."""


def edit(text: str, changes: dict[tuple[str, ...], Any]) -> str:
    """The file with each path set to its value (DELETE removes it), other lines untouched."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for path, value in changes.items():
        if value is DELETE:
            found = _find(lines, path)
            if found is not None:
                del lines[found[0]:found[1]]
        else:
            _set(lines, path, value)
    result = "".join(lines)
    if _read(result) != _expected(_read(text), changes):
        raise CannotEdit("the edited file would not say what was asked")
    return result


def changes(old: dict[str, Any], new: dict[str, Any],
            at: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """The paths whose values differ between two readings of a file, for `edit`: a mapping
    present in both is compared key by key, anything else is replaced whole. A key only in
    `old` is left alone (an update changes what it answers, it removes nothing)."""
    found: dict[tuple[str, ...], Any] = {}
    for key, value in new.items():
        before = old.get(key)
        if isinstance(value, dict) and value:  # a new mapping: each of its values in turn
            found.update(changes(before if isinstance(before, dict) else {}, value,
                                 (*at, key)))
        elif value != before:
            found[(*at, key)] = value
    return found


def _read(text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        raise CannotEdit("the file is not YAML this reader can follow") from None


def applied(data: Any, changes: dict[tuple[str, ...], Any],
            read: Callable[[Any], Any] = lambda value: value) -> dict[str, Any]:
    """A copy of `data` with `changes` made (DELETE removes a key); `read` turns each new value
    into what the file will hold."""
    data = copy.deepcopy(data) if isinstance(data, dict) else {}
    for path, value in changes.items():
        node = data
        for key in path[:-1]:
            node = node.setdefault(key, {})
        if value is DELETE:
            node.pop(path[-1], None)
        else:
            node[path[-1]] = read(value)
    return data


def _expected(data: Any, changes: dict[tuple[str, ...], Any]) -> Any:
    return applied(data, changes, lambda value: _read(f"v: {_written(value)}\n")["v"])


def _written(value: Any) -> str:
    if isinstance(value, dict) or (isinstance(value, list) and any(
            isinstance(item, dict | list) for item in value)):
        raise CannotEdit("a mapping or a list of mappings is written with the whole file")
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item, in_list=True) for item in value) + "]"
    return scalar(value)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _key_at(line: str, key: str, indent: int) -> bool:
    return _indent(line) == indent and re.match(rf"{re.escape(key)}[ \t]*:(?:[ \t]|$)",
                                                line[indent:]) is not None


def _end(lines: list[str], start: int, indent: int, stop: int) -> int:
    """Where the entry whose key is on line `start` ends: before the next line at its indent
    or less (comments and blank lines after its last line belong to what follows)."""
    end, last = start + 1, start + 1
    while end < stop and (_blank(lines[end]) or _indent(lines[end]) > indent):
        if lines[end].strip() and _indent(lines[end]) > indent:
            last = end + 1
        end += 1
    return last


def _find(lines: list[str], path: tuple[str, ...]) -> tuple[int, int, int] | None:
    """The lines of the entry at path (start, end) and its key's indent, or None."""
    start, stop, indent = 0, len(lines), 0
    found = None
    for depth, key in enumerate(path):
        if depth:
            start, stop = found[0] + 1, found[1]
            indent = _child_indent(lines, start, stop, found[2])
        found = next(((i, _end(lines, i, indent, stop), indent) for i in range(start, stop)
                      if _key_at(lines[i], key, indent)), None)
        if found is None:
            return None
        rest = lines[found[0]].split(":", 1)[1].strip()
        if depth < len(path) - 1 and rest and not rest.startswith("#"):
            raise CannotEdit(f"'{key}' is written on one line")
    return found


def _child_indent(lines: list[str], start: int, stop: int, parent: int) -> int:
    return next((_indent(lines[i]) for i in range(start, stop) if not _blank(lines[i])),
                parent + 2)


def _comment(line: str) -> str:
    """The comment at the end of a one-line entry whose value has no quotes, with the spaces
    before it; '' if there is none or it cannot be told apart from the value."""
    value = line.split(":", 1)[1]
    found = re.search(r"\s+#.*$", value.rstrip("\n"))
    return found.group() if found and not re.search(r"['\"]", value[:found.start()]) else ""


def _entry(key: str, value: Any, indent: int, comment: str = "") -> list[str]:
    """The lines of `key: value`; a text of several lines as a block (`|`), as people write
    a description, rather than one quoted line of \\n. `edit` reads the result back, so a
    text a block cannot hold as it is (trailing blank lines) ends up written whole."""
    if isinstance(value, str) and "\n" in value.rstrip("\n") \
            and all(line.isprintable() for line in value.split("\n")):
        chomp = "" if value.endswith("\n") else "-"
        body = value[:-1] if value.endswith("\n") else value
        pad = " " * (indent + 2)
        return [f"{' ' * indent}{key}: |{chomp}\n",
                *[f"{pad}{line}\n" if line else "\n" for line in body.split("\n")]]
    return [f"{' ' * indent}{key}: {_written(value)}{comment}\n"]


def _set(lines: list[str], path: tuple[str, ...], value: Any) -> None:
    found = _find(lines, path)
    if found is not None:
        start, end, indent = found
        lines[start:end] = _entry(path[-1], value, indent,
                                  _comment(lines[start]) if end == start + 1 else "")
        return
    # the nearest parent that is there, and the keys under it still to write
    depth = len(path) - 1
    while depth and _find(lines, path[:depth]) is None:
        depth -= 1
    if depth:
        parent_start, at, parent_indent = _find(lines, path[:depth])
        indent = _child_indent(lines, parent_start + 1, at, parent_indent)
    else:
        at, indent = len(lines), 0
        while at and _blank(lines[at - 1]) and not lines[at - 1].strip():
            at -= 1
    new = []
    for offset, key in enumerate(path[depth:-1]):
        new.append(f"{' ' * (indent + 2 * offset)}{key}:\n")
    new += _entry(path[-1], value, indent + 2 * (len(path) - 1 - depth))
    lines[at:at] = new
