"""Checks on the words in a listing: markup, and characters that hide or spoof.

What identifies a person (the privacy guard) is decided in generator/core/privacy.py; `check_text`
runs both on every text value.
"""

from __future__ import annotations

import re
import unicodedata

from generator.core import markup, privacy
from generator.core.load import Loc
from generator.core.lookalike import link_problem
from generator.core.privacy import LINK_FIELDS

# [^<>] as in _ATTRS below: a tag is looked for up to the next "<", so text full of "<" is read
# once, not once from each of them
_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>|<!--|<[A-Za-z][\w-]*\s+[^<>]*=|<\?|&#", re.I)
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_REF = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.M)
# an attribute list ({: ...}, {#id}, {key=value}); [^{}] so each "{" is scanned to the next one
# at most: many "{" without a "}" cost one pass, not one each
_ATTRS = re.compile(r"\{\s*:|\{\s*[#.][\w-]|\{[^{}\n]*\b\w+\s*=")
_MARKUP_HINT = re.compile(r"[<{&\]]")
_SAFE_SCHEME = re.compile(r"^(https?://|mailto:|#)", re.I)

# -- characters that hide, spoof or cut text ----------------------------------------------------

_HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}
# Letters and marks that draw nothing (Unicode's default-ignorable code points that are not
# format characters, and the blank Braille pattern): Hangul fillers, the Mongolian vowel
# separator, the combining grapheme joiner, variation selectors.
_BLANK = re.compile("[\u115f\u1160\u3164\uffa0\u180e\u2800\u034f\ufe00-\ufe0f"
                    "\U000e0100-\U000e01ef]")


def _visible(text: str) -> bool:
    """No control or invisible character (line breaks aside): most text, decided in C."""
    if not (text.isprintable() or text.replace("\n", "").isprintable()):
        return False
    return text.isascii() or not _BLANK.search(text)  # the blank letters are not ASCII


def _hidden(text: str) -> list[tuple[int, str]]:
    """Control and invisible characters, with their code, name and offset."""
    problems = []
    for offset, char in enumerate(text):
        if char == "\n":
            continue  # a line break: the model keeps one-line fields to one line
        category = unicodedata.category(char)
        if category in _HIDDEN_CATEGORIES or _BLANK.match(char):
            kind = "control" if category == "Cc" else "invisible"
            name = unicodedata.name(char, "no name") if category != "Cc" else _CONTROL.get(
                char, "a control character")
            breaks = char in "\r\u2028\u2029\x85"
            where = "in a value (it breaks the line where it stands)" if breaks else "here"
            fix = ("delete it; in a description, start a new line instead" if breaks else
                   "delete it (it often comes with text pasted from another program)")
            problems.append((offset, f"the {kind} character U+{ord(char):04X} ({name}) is not "
                             f"allowed {where}; {fix}"))
    return problems


_CONTROL = {"\0": "NULL", "\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN",
            "\x1b": "ESCAPE", "\x7f": "DELETE", "\x85": "NEXT LINE"}


# -- the privacy guard (generator/core/privacy.py) ---------------------------------------------------

normalize = privacy.fold  # the text as the guard reads it


# Letters and inner hyphens only: no markup, no hidden character, no digit, no address, no
# link, and too short to spell out a number. Most values in a file are such ids.
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def check_text(loc: Loc, text: str, kind: str = "program") -> list[tuple[int, str]]:
    """What is wrong with one text value, as (offset in the text, message) pairs.

    `kind` is the file's kind ("program" or "organization"): messages name its own fields.
    """
    if _WORD.fullmatch(text):  # an id or a word ("full-representation", "CA"): nothing to find
        return []
    name = loc[-1] if isinstance(loc[-1], str) else next(
        (str(p) for p in reversed(loc) if isinstance(p, str)), "")
    visible = _visible(text)
    if not text.strip() or (not visible and not normalize(text)[0].strip()):
        return [(0, "is empty or only spaces and invisible characters; write a value or remove "
                 "the field")]
    problems = [] if visible else _hidden(text)
    if name in LINK_FIELDS:
        hidden = link_problem(text)
        problems += [(0, f"{name}: {hidden}")] if hidden else []
    elif _MARKUP_HINT.search(text):
        problems += _markup(text)
    if name not in LINK_FIELDS and ("//" in text or "mailto:" in text or "www." in text):
        problems += _links_in_text(text)
    return problems + privacy.private(loc, text, kind)


def _image(text: str) -> int | None:
    """Where the first image is, as the site's Markdown reader sees one: inline, by reference,
    by shortcut ('![x]' with a '[x]: ...' line), brackets inside its words and all."""
    if "![" not in text:
        return None
    for token in markup.tokens(text):
        if any(child.type == "image" for child in token.children or []):
            return text.index("![")
    return None


def _markup(text: str) -> list[tuple[int, str]]:
    problems = []
    tag = _HTML.search(text)
    if tag:
        problems.append((tag.start(), f"HTML ('{tag.group(0)[:30]}') is not allowed; write plain "
                         "text or Markdown: **bold**, *italic*, [words](https://link), '- ' lists"))
    attrs = _ATTRS.search(text)
    if attrs:
        problems.append((attrs.start(), "curly-brace attributes ({: ...}) are not allowed; "
                         "remove them"))
    image = _image(text)
    if image is not None:
        problems.append((image, "images (![...](...)) are not shown on the site and "
                         "would load from another site; remove it, or link to the page with "
                         "[words](https://...)"))
    for found in (*_MD_LINK.finditer(text), *_MD_REF.finditer(text)):
        if not _SAFE_SCHEME.match(found.group(1)):
            problems.append((found.start(1), f"link target '{found.group(1)[:40]}' is not "
                             "allowed; links start with https://, http:// or mailto:"))
        elif link_problem(found.group(1)):
            problems.append((found.start(1), str(link_problem(found.group(1)))))
    return problems


def _links_in_text(text: str) -> list[tuple[int, str]]:
    """What the addresses written in a text publish about a person (?ssn=, a client's email)."""
    return [(text.find(address), message) for address in privacy.addresses(text)
            for message in privacy.link_problems(address)]
