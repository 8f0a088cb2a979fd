"""Stage 1, load: read YAML data files strictly, keeping the line and column of every value.

Every scalar is kept as the text that was written (a plain `NO` stays "NO", `02134` stays
"02134"); the model decides what type each field is. YAML features that make a file mean
something other than what it shows are refused: anchors and aliases, explicit tags, duplicate
keys, tab indentation, more than one document.

One module because the strict reader is one pass over one YAML node tree: a fast path, then, for a
file it refuses, the slow path that names the line and column (the byte, line-break, tab and
indentation checks share its position helpers and node builder).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.cyaml import CParser

from generator.core.problems import Problem

MAX_BYTES = 64 * 1024
MAX_DEPTH = 12
# libyaml's composer (the fast path) recurses in C, one call per level: some thousands of "["
# overflow the stack and kill the process. A file that may nest deeper than this, by a bound read
# from its text alone, goes to the event parser, which keeps its levels in a list and stops at
# MAX_DEPTH with a message.
_FAST_DEPTH = 100
_BRACKETS = re.compile(r"[\[\]{}]")
_BLOCK_LEVELS = re.compile(r"^[ \t]*(?:[-?:](?:[ \t]+|$))*", re.M)
_NULLS = {"", "~", "null", "Null", "NULL"}
_RISKY = re.compile(r"[&*!]")

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """One parsed data file: its data, and where each value and key stands in the file."""

    path: str
    text: str
    data: Any = None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    blocks: set[Loc] = field(default_factory=set)  # values written as literal blocks ("|")
    texts: list[tuple[Loc, str]] = field(default_factory=list)  # every text value, in order

    def where(self, loc: Loc, key: bool = False) -> tuple[int, int]:
        """The position of the value (or key) at `loc`, or of its nearest enclosing value."""
        if not self.values and self.text:
            self._index()
        table = self.keys if key else self.values
        while loc not in table and loc:
            loc = loc[:-1]
        return table.get(loc, (1, 1))

    def _index(self) -> None:
        """Positions are only needed to report a problem: read the file again to find them."""
        again = Document(self.path, self.text)
        _slow(again)
        self.values, self.keys, self.blocks = again.values, again.keys, again.blocks

    def where_in(self, loc: Loc, offset: int) -> tuple[int, int]:
        """The position of character `offset` inside the text value at `loc`."""
        line, column = self.where(loc)
        value = self.data_at(loc)
        if not isinstance(value, str):
            return line, column
        before = value[:offset]
        if loc in self.blocks:  # content starts on the line after "|", indented
            line += 1 + before.count("\n")
            lines = self.text.splitlines()
            text_line = lines[line - 1] if line <= len(lines) else ""
            indent = len(text_line) - len(text_line.lstrip(" "))
            return line, indent + len(before) - (before.rfind("\n") + 1) + 1
        if "\n" in before:
            return line, column
        return line, column + len(before) + (1 if value and self._quoted(line, column) else 0)

    def _quoted(self, line: int, column: int) -> bool:
        lines = self.text.splitlines()
        return line <= len(lines) and lines[line - 1][column - 1:column] in ("'", '"')

    def data_at(self, loc: Loc) -> Any:
        value = self.data
        for part in loc:
            value = value[part]
        return value


# The fields a block may hold, by the keys of the blocks it sits in: () for the top level,
# ("location",), ("people",) for a list's items. The stage that knows the models passes it, so
# a message about indentation can say which block a field belongs to.
FieldsOf = Callable[[tuple[str, ...]], Collection[str]]


def read_file(path: Path, shown_as: str,
              fields_of: FieldsOf | None = None) -> tuple[Document, list[Problem]]:
    """Read a data file; the problems list is empty when the file could be read.

    Only a regular file is read: a named pipe would block forever and a device never end. The
    file is opened without blocking and checked as opened (it could have been swapped since it
    was listed), and no more than MAX_BYTES + 1 bytes are read.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) |
                         getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Document(shown_as, ""), [_link_problem(shown_as)]
        return Document(shown_as, ""), [_unreadable(shown_as, exc)]
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return Document(shown_as, ""), [_not_regular(shown_as, info.st_mode)]
        if info.st_size > MAX_BYTES:
            return Document(shown_as, ""), [_too_big(shown_as, info.st_size)]
        chunks = []
        left = MAX_BYTES + 1
        while left > 0 and (chunk := os.read(handle, left)):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        return Document(shown_as, ""), [_unreadable(shown_as, exc)]
    finally:
        os.close(handle)
    return parse(b"".join(chunks), shown_as, fields_of)


def _unreadable(shown: str, exc: OSError) -> Problem:
    reason = (exc.strerror or str(exc)).lower()
    return Problem(shown, 1, 1, f"the file cannot be read ({reason}); check that it is a plain "
                   "file you may read (git checkout it again if need be)")


def _too_big(shown: str, size: int) -> Problem:
    return Problem(shown, 1, 1, f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}; "
                   "shorten the descriptions (a listing is a page, not a document)")


def parse(raw: bytes, shown_as: str,
          fields_of: FieldsOf | None = None) -> tuple[Document, list[Problem]]:
    doc = Document(shown_as, "")
    problems = _check_bytes(raw, shown_as)
    if problems:
        return doc, problems
    doc.text = raw.decode("utf-8-sig")
    problems = _check_breaks(doc.text, shown_as) or _check_tabs(doc.text, shown_as)
    if problems:
        return doc, problems
    if not _RISKY.search(doc.text) and _shallow(doc.text) and _fast(doc):
        return doc, []
    return doc, _slow(doc, fields_of)


def _fast(doc: Document) -> bool:
    """Most files: libyaml composes the tree in C and a short walk turns it into data.

    Only used when the text has no '&', '*' or '!', so no anchor, alias or tag can hide in it;
    anything unusual (a duplicate key, a syntax error) returns False and the careful path,
    which knows every position, reads the file again and explains.
    """
    try:
        composer = _Composer(doc.text)
        try:
            node = composer.get_single_node()
        finally:
            composer.dispose()
        if node is None:
            return False
        doc.data = _walk(node, doc.texts, ())
    except (yaml.YAMLError, _Stop):
        doc.texts.clear()
        return False
    return True


def _shallow(text: str) -> bool:
    """Whether the text surely nests no deeper than _FAST_DEPTH levels, read without a parser.

    An upper bound: every "[" or "{" not yet closed (quoted or not) is a level, and so is every
    space of indentation and every "- ", "? " or ": " that starts a line. Cheap on an ordinary
    file: a few "[" in all, so the brackets are not even followed one by one.
    """
    flow = 0
    if text.count("[") + text.count("{") > _FAST_DEPTH // 2:
        depth = 0
        for found in _BRACKETS.finditer(text):
            if found.group() in "[{":
                depth += 1
                flow = max(flow, depth)
            elif depth:
                depth -= 1
    block = max(map(len, _BLOCK_LEVELS.findall(text)), default=0)
    return flow + 2 * (block + 1) <= _FAST_DEPTH


class _Composer(CParser):  # type: ignore[misc]
    """libyaml's composer without tag resolution: _walk reads each scalar as the text written."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def _walk(node: Any, texts: list[tuple[Loc, str]], loc: Loc) -> Any:
    kind = node.__class__
    if kind is yaml.ScalarNode:
        value = node.value
        if not node.style and value in _NULLS:
            return None
        texts.append((loc, value))
        return value
    if len(loc) >= MAX_DEPTH:
        raise _Stop
    if kind is yaml.MappingNode:
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.__class__ is not yaml.ScalarNode or key in data or (
                    not key_node.style and key in _NULLS):
                raise _Stop
            data[key] = _walk(value_node, texts, (*loc, key))
        return data
    return [_walk(item, texts, (*loc, index)) for index, item in enumerate(node.value)]


def _slow(doc: Document, fields_of: FieldsOf | None = None) -> list[Problem]:
    """Read the file event by event, recording where every key and value stands."""
    shown_as = doc.path
    builder = _Builder(doc)
    try:
        parser = yaml.CSafeLoader(doc.text)
        try:
            handlers, get_event = _Builder.handlers, parser.get_event
            while (event := get_event()) is not None:
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(builder, event)
        finally:
            parser.dispose()
    except _Stop:
        pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        misaligned = _misaligned(doc.text, line, fields_of)
        if misaligned:
            builder.problems.append(Problem(shown_as, misaligned[0], 1, misaligned[1]))
        elif _char_at(doc.text, line, column) == "\t":
            builder.problems.append(Problem(shown_as, line, column, "a tab is used here; YAML "
                                            "separates with spaces: write a space instead"))
        else:
            builder.problems.append(Problem(shown_as, line, column, _yaml_message(exc)))
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not accept
        position = getattr(exc, "position", 0)
        line, column = _line_column(doc.text, position)
        char = getattr(exc, "character", 0)
        code = ord(char) if isinstance(char, str) else int(char)
        builder.problems.append(Problem(
            shown_as, line, column,
            f"the character U+{code:04X} is not allowed in YAML; "
            "delete it (it is often an invisible control character pasted from another program)"))
    if not builder.problems and builder.empty:
        builder.problems.append(Problem(
            shown_as, 1, 1, "the file is empty; copy the example in CONTRIBUTING.md and fill it in"))
    return builder.problems


def _check_bytes(raw: bytes, shown: str) -> list[Problem]:
    if len(raw) > MAX_BYTES:
        return [_too_big(shown, len(raw))]
    if not raw.strip():
        return [Problem(shown, 1, 1, "the file is empty; copy the example in CONTRIBUTING.md and "
                        "fill it in")]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return [Problem(shown, line, column, f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; "
                        "save the file with the UTF-8 encoding")]
    return []


# What YAML reads as a line break besides "\n" (and "\r\n"): editors and GitHub show none, so
# every line after one would be reported a line further down than the person sees it.
_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_BREAK_NAMES = {"\r": "U+000D (CARRIAGE RETURN)", "\x85": "U+0085 (NEXT LINE)",
                "\u2028": "U+2028 (LINE SEPARATOR)", "\u2029": "U+2029 (PARAGRAPH SEPARATOR)"}


def _check_breaks(text: str, shown: str) -> list[Problem]:
    """Line breaks other than LF and CRLF, each on its own line as an editor counts lines."""
    if "\r" not in text and text.isascii():
        return []
    found = list(_BREAKS.finditer(text))
    if not found:
        return []
    alone = sum(m.group() == "\r" for m in found)
    if alone > text.count("\n"):  # the file's own line ending, not a stray character
        return [Problem(shown, 1, 1, "the file's lines end with a carriage return alone (CR, the "
                        "old Mac OS ending), which git and GitHub show as one long line; save "
                        "it with LF line endings (Unix) or CRLF (Windows)")]
    problems = []
    for match in found:
        line, column = _line_column(text, match.start())
        char = _BREAK_NAMES[match.group()]
        problems.append(Problem(shown, line, column, f"the character {char} is here; YAML "
                                "reads it as a line break but editors show none, so the file "
                                "does not mean what it shows: delete it, or put a plain line break "
                                "(Enter) in its place"))
    return problems


def _check_tabs(text: str, shown: str) -> list[Problem]:
    if "\t" not in text:
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(shown, number, indent.index("\t") + 1,
                                    "a tab is used for indentation; indent with spaces"))
    return problems


def _char_at(text: str, line: int, column: int) -> str:
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column - 1:start + column]


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


_HINTS = {
    "mapping values are not allowed": "if the value contains ': ', put the whole value in "
    "double quotes",
    "could not find expected ':'": "each line needs 'field: value'; check the line above for a "
    "missing colon or an unclosed quote",
    "found character that cannot start any token": "a value starting with @, ` or % must be put "
    "in double quotes",
    "did not find expected key": "check the indentation: fields at one level line up exactly",
    "found undefined alias": "aliases (*name) are not allowed; write the value out",
    "did not find expected '-' indicator": "check the indentation of the list items",
}


_KEY_LINE = re.compile(r"^( *)(?:- +)?([A-Za-z_][\w-]*) *:(?: |$)")
_BLOCK_START = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _misaligned(text: str, error_line: int,
                fields_of: FieldsOf | None = None) -> tuple[int, str] | None:
    """A field indented unlike the block it sits in, at or just before a syntax error.

    People indent by eye, so the usual cause of "mapping values are not allowed" or "did not
    find expected key" is a field one space off. Returns that field's line and a message that
    says so, or None when the indentation is consistent (the error is something else).
    """
    above: list[_Open] = []  # the open blocks' fields, shallowest first
    opens = False  # the last field has no value on its line, so the next may be indented more
    block_indent: int | None = None  # inside a literal block ("|"): its key's indent
    for number, line in enumerate(text.split("\n")[:error_line], start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and indent > block_indent:
            continue  # a line of long text, not a field
        block_indent = None
        found = _KEY_LINE.match(line)
        if not found:
            continue
        column = found.start(2)  # where the key starts: after "- " on a list item's first line
        deeper = bool(above) and column > above[-1].column
        known = column in {entry.column for entry in above}
        if above and number >= error_line - 1 and ((deeper and not opens) or
                                                   (not deeper and not known)):
            return number, _misaligned_message(found.group(2), number, column, above, fields_of)
        in_item = column != indent
        while above and above[-1].column >= column:
            gone = above.pop()
            in_item = in_item or (gone.column == column and gone.in_item)
        above.append(_Open(column, found.group(2), number, in_item))
        rest = line[found.end():].strip()
        opens = not rest or rest.startswith("#")
        if _BLOCK_START.search(line):
            block_indent = indent
    return None


@dataclass(frozen=True)
class _Open:
    """A field on the way down to the line being read."""

    column: int  # where its key starts
    key: str
    line: int
    in_item: bool  # one of the fields of a list item ("- name: ...", then "  role: ...")


def _misaligned_message(field: str, line: int, indent: int, above: list[_Open],
                        fields_of: FieldsOf | None) -> str:
    # the field lines up with a block that can hold it, the nearest one (the outer one when two
    # are as near); without the models' fields to go by, the nearest block
    def holds(position: int) -> bool:
        return fields_of is not None and field in fields_of(
            tuple(entry.key for entry in above[:position]))

    fitting = [entry for position, entry in enumerate(above) if holds(position)]
    sibling = min(fitting or above, key=lambda entry: (abs(entry.column - indent),
                                                       entry.column if fitting else -entry.column))
    parents = above[:above.index(sibling)]
    expected = (sibling.column if sibling.in_item else parents[-1].column + 2 if parents else 0)
    where = f" inside '{parents[-1].key}:'" if parents else ""
    fix = (f"start '{field}' at the beginning of the line" if expected == 0 else
           f"indent '{field}' by {_spaces(expected)}" if sibling.column == expected else
           f"indent '{field}' and '{sibling.key}' both by {_spaces(expected)}")
    return (f"the indentation is off: '{field}' is indented by {_spaces(indent)}, but "
            f"'{sibling.key}' on line {sibling.line}{where} by {_spaces(sibling.column)}; fields "
            f"of one block line up exactly: {fix} (each level is 2 spaces more than the one "
            "above, never a tab)")


def _spaces(count: int) -> str:
    return "none" if count == 0 else f"{count} space" + ("" if count == 1 else "s")


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    what = (exc.problem or exc.context or "YAML syntax error").strip()
    for start, hint in _HINTS.items():
        if what.startswith(start):
            return f"YAML syntax error: {what}; {hint}"
    return f"YAML syntax error: {what}; check the indentation and quotes on this line and the " \
        "one above"


class _Builder:
    """Builds plain data from parser events, refusing YAML features the files must not use."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.stack: list[list[Any]] = []  # [container, loc, pending key, key mark, goes nowhere]
        self.documents = 0
        self.empty = True

    def _problem(self, mark: Any, message: str) -> None:
        self.problems.append(Problem(self.doc.path, mark.line + 1, mark.column + 1, message))

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self._problem(event.start_mark, "a second YAML document starts here; a file holds "
                          "one listing: remove the '---' line and what follows, or move it "
                          "to its own file")
            raise _Stop

    def _alias(self, event: Any) -> None:
        self._problem(event.start_mark, f"an alias (*{event.anchor}) is used here; aliases and "
                      "anchors are not allowed: write the value out in full")
        self._add(None, event.start_mark)

    def _scalar(self, event: Any) -> None:
        self._check_node(event)
        value = event.value
        if not event.style and value in _NULLS:
            value = None
        loc = self._add(value, event.start_mark)
        if loc is None:
            return
        if value is not None:
            self.doc.texts.append((loc, value))
        if event.style == "|":
            self.doc.blocks.add(loc)

    def _close(self, event: Any) -> None:
        container = self.stack.pop()[0]
        if not self.stack:
            self.doc.data = container

    def _check_node(self, event: Any) -> None:
        self.empty = False
        if event.anchor is not None:
            self._problem(event.start_mark, f"an anchor (&{event.anchor}) is used here; anchors "
                          "and aliases are not allowed: write each value out in full")
        if event.tag is not None:
            self._problem(event.start_mark, f"a YAML tag ({event.tag}) is used here; tags are not "
                          "allowed: remove it and write the plain value")

    def _open(self, event: Any) -> None:
        self._check_node(event)
        if len(self.stack) >= MAX_DEPTH:
            fix = ("check the brackets: each '[' or '{' needs its ']' or '}', and a list in "
                   "a list is never needed" if event.flow_style else "check the indentation")
            self._problem(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels; no field "
                          f"is nested this deep: {fix}")
            raise _Stop
        container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        loc = self._add(container, event.start_mark)
        # a mapping or list used as a key was reported by _add; its contents go nowhere, and
        # are not reported again (a key in that key, and so on: "? ? ? ?" is one mistake)
        self.stack.append([container, () if loc is None else loc, None, None,
                           loc is None and bool(self.stack)])

    def _add(self, value: Any, mark: Any) -> Loc | None:
        """Place a new value in the open container; returns its location (None for a key)."""
        if not self.stack:
            self.doc.data = value
            self.doc.values[()] = (mark.line + 1, mark.column + 1)
            return ()
        frame = self.stack[-1]
        if frame[4]:
            return None
        container, parent = frame[0], frame[1]
        if isinstance(container, list):
            loc = (*parent, len(container))
            container.append(value)
        elif frame[2] is None:  # this node is a key
            if not isinstance(value, str):
                self._problem(mark, "a field name must be a plain word such as 'title'")
                value = f"<line {mark.line + 1}>"
            frame[2], frame[3] = value, mark
            return None
        else:
            key, frame[2] = frame[2], None
            loc = (*parent, key)
            if key in container:
                first = self.doc.keys[loc][0]
                self._problem(frame[3], f"'{key}' appears twice in this block (first on line "
                              f"{first}); keep one and delete the other")
            else:
                self.doc.keys[loc] = (frame[3].line + 1, frame[3].column + 1)
            container[key] = value
        self.doc.values[loc] = (mark.line + 1, mark.column + 1)
        return loc


_Builder.handlers = {
    yaml.DocumentStartEvent: _Builder._document,
    yaml.AliasEvent: _Builder._alias,
    yaml.ScalarEvent: _Builder._scalar,
    yaml.MappingStartEvent: _Builder._open,
    yaml.SequenceStartEvent: _Builder._open,
    yaml.MappingEndEvent: _Builder._close,
    yaml.SequenceEndEvent: _Builder._close,
}


class _Stop(Exception):
    """Stops reading a file after a problem that makes the rest meaningless."""


ORG_FILE = "organization.yml"
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # the model's ListingId is written with it
ID_RE = re.compile(ID_PATTERN)
MAX_ID = 60  # characters: a page's address, and a file name in site/, stay readable and short
# Ids the site's own pages take: organizations/index.md is the Organizations page, and
# opportunities/index.md would stand where the listing pages' folder is.
RESERVED_IDS = {"index"}


@dataclass(frozen=True)
class SourceFile:
    """A data file found under orgs/: which kind it is and the ids its place gives it."""

    kind: str  # "organization" or "program"
    org_id: str
    id: str
    path: Path
    shown_as: str  # the path as people see it, relative to the project root


def _mode(path: Path) -> int:
    """The kind of thing at path, the link itself for a link (0 when it is gone)."""
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0


def find_files(root: Path) -> tuple[list[SourceFile], list[Problem]]:
    """Walk orgs/: one folder per organization, organization.yml plus one file per program.

    Nothing is opened on the way: what each entry is comes from lstat, so a named pipe or a
    device is refused without being read (opening a pipe waits for a writer forever).
    """
    orgs_dir = root / "orgs"
    found: list[SourceFile] = []
    problems: list[Problem] = []
    mode = _mode(orgs_dir)
    if stat.S_ISLNK(mode):  # the whole folder could be another one, outside the repository
        return found, [_link_problem("orgs")]
    if not stat.S_ISDIR(mode):
        return found, [Problem("orgs", 1, 1, "there is no orgs/ folder; run the command from the "
                               "project's top folder")]
    for folder in sorted(orgs_dir.iterdir()):
        shown = folder.relative_to(root).as_posix()
        mode = _mode(folder)
        if stat.S_ISLNK(mode):
            problems.append(_link_problem(shown))
            continue
        if stat.S_ISREG(mode):
            if folder.suffix.lower() not in (".md", ".txt") and folder.name != ".gitkeep":
                problems.append(Problem(shown, 1, 1, "files belong inside an organization's "
                                        "folder: move it to orgs/<organization-id>/"))
            continue
        if not stat.S_ISDIR(mode):
            problems.append(_not_regular(shown, mode))
            continue
        wrong = id_problem(folder.name, "folder name", "")
        if wrong:
            problems.append(Problem(shown, 1, 1, wrong))
            continue
        found_here, problems_here = _files_of(root, folder)
        found += found_here
        problems += problems_here
    return found, problems


def id_problem(name: str, what: str, ending: str) -> str | None:
    """What is wrong with a folder or file name as an id (`ending` is ".yml" for a file)."""
    if not ID_RE.match(name):
        return (f"{what} '{name}{ending}' is not a valid id; rename it to "
                f"'{shorten(slug(name))}{ending}'" + (
                    "" if ending else " (lowercase letters, digits and hyphens)"))
    if len(name) > MAX_ID:
        return (f"{what} '{name}{ending}' is {len(name)} characters long, over the limit of "
                f"{MAX_ID} for an id; rename it to '{shorten(name)}{ending}' or another "
                "short name")
    if name in RESERVED_IDS:
        return (f"{what} '{name}{ending}' is reserved: the site's own page '{name}' would be "
                f"replaced by it; rename it to a name of its own, such as "
                f"'{name}-listing{ending}'")
    return None


def shorten(id_: str) -> str:
    """An id cut to MAX_ID characters, at a hyphen when there is one to cut at."""
    if len(id_) <= MAX_ID:
        return id_
    cut = id_[:MAX_ID + 1]
    return cut[:cut.rfind("-")] if "-" in cut[1:] else id_[:MAX_ID]


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _not_regular(shown: str, mode: int) -> Problem:
    what = next((name for test, name in _KINDS if test(mode)), "not a plain file")
    what = what if what.startswith("not") else f"{what}, not a plain file"
    return Problem(shown, 1, 1, f"this is {what}, and only plain files and folders are read "
                   "under orgs/; delete it, and put the listing's .yml file here instead")


def _files_of(root: Path, folder: Path) -> tuple[list[SourceFile], list[Problem]]:
    found, problems = [], []
    for path in sorted(folder.iterdir()):
        shown = path.relative_to(root).as_posix()
        mode = _mode(path)
        if stat.S_ISLNK(mode):
            problems.append(_link_problem(shown))
        elif stat.S_ISDIR(mode):
            problems.append(Problem(shown, 1, 1, "folders inside an organization's folder are not "
                                    f"read; move its files up into {folder.name}/"))
        elif not stat.S_ISREG(mode):
            problems.append(_not_regular(shown, mode))
        elif path.suffix == ".yaml":
            problems.append(Problem(shown, 1, 1, f"rename it to {path.stem}.yml (this directory "
                                    "uses the .yml ending)"))
        elif path.suffix != ".yml":
            problems.append(Problem(shown, 1, 1, "only .yml files belong in an organization's "
                                    "folder; move or delete this file"))
        elif path.name == ORG_FILE:
            found.append(SourceFile("organization", folder.name, folder.name, path, shown))
        elif wrong := id_problem(path.stem, "file name", ".yml"):
            problems.append(Problem(shown, 1, 1, wrong))
        else:
            found.append(SourceFile("program", folder.name, path.stem, path, shown))
    if not _mode(folder / ORG_FILE):
        problems.append(Problem(folder.relative_to(root).as_posix(), 1, 1,
                                f"this folder has no {ORG_FILE}; add one describing the "
                                "organization (see CONTRIBUTING.md)"))
    return found, problems


def _link_problem(shown: str) -> Problem:
    """A symbolic link could publish, or print in a log, a file from outside the repository."""
    return Problem(shown, 1, 1, "this is a symbolic link, and links under orgs/ are not "
                   "followed; put the file itself here (git add the real file, not a link)")


def slug(text: str) -> str:
    """The id a name would have: lowercase words joined by hyphens (Niños -> ninos)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower())) or "my-id"
