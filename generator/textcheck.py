"""Checks on the words in a listing: markup, characters that hide or spoof, and client details.

Listings describe programs, never clients. The privacy guard looks for what identifies a person
(an A-number, a Social Security number, a USCIS receipt number, a date of birth, a case number,
a long number, an email address or phone number outside the contact fields) in any spelling:
the text is normalized first (Unicode NFKC, invisible format characters removed, every dash and
space made plain, digits of any script made ASCII), and the identifier is matched, not one way
of writing it. Statute citations (Penal Code 236.14, 8 C.F.R. 214.11), form numbers (I-914),
ZIP codes and ordinary dates and figures are left alone. CONTRIBUTING.md, "What the privacy
guard refuses", says the same to contributors: keep the two in step.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from generator import markup
from generator.load import Loc
from generator.lookalike import link_problem

CONTACT_FIELDS = {"contact", "pro_bono_contact"}
LINK_FIELDS = {"website", "url", "interest_form"}
GUIDE = "CONTRIBUTING.md, 'What the privacy guard refuses'"

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


# -- the privacy guard ---------------------------------------------------------------------------

_ASCII_SPACES = str.maketrans("\t\r", "  ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def normalize(text: str) -> tuple[str, list[int]]:
    """Text as the guard reads it, and for each of its characters the offset in `text`.

    NFKC (full-width and other compatibility forms made plain), format characters (zero-width
    spaces and joiners, soft hyphens, direction marks) dropped, every dash made '-', every
    space ' ' (a run of spaces and dashes one of them), and digits of any script made ASCII.
    """
    if text.isascii():  # nothing to fold but tabs and carriage returns; most text stops here
        return _squeeze(text.translate(_ASCII_SPACES), list(range(len(text))))
    out: list[str] = []
    where: list[int] = []
    done = 0
    # ASCII stretches are copied whole; only the other characters are looked at one by one,
    # so a description with one curly quote costs little more than one without
    for found in _NON_ASCII.finditer(text):
        out.append(text[done:found.start()].translate(_ASCII_SPACES))
        where.extend(range(done, found.start()))
        for offset in range(found.start(), found.end()):
            plain = _fold(text[offset])
            out.append(plain)
            where.extend([offset] * len(plain))
        done = found.end()
    out.append(text[done:].translate(_ASCII_SPACES))
    where.extend(range(done, len(text)))
    return _squeeze("".join(out), where)


_RUNS = re.compile(r"[ -]{2,}")


def _squeeze(plain: str, where: list[int]) -> tuple[str, list[int]]:
    """A run of spaces and dashes made one separator ('A\u00a0 123  456', '123--45--6789',
    '123 -- 45'): a dash if it holds one, else a space."""
    if "  " not in plain and "--" not in plain and " -" not in plain and "- " not in plain:
        return plain, where  # no two of them side by side: most text, one dash or not
    out: list[str] = []
    kept: list[int] = []
    done = 0
    for run in _RUNS.finditer(plain):
        dash = run.start() + run.group().find("-")
        keep = dash if dash >= run.start() else run.start()
        out.append(plain[done:run.start()] + plain[keep])
        kept.extend(where[done:run.start()] + [where[keep]])
        done = run.end()
    out.append(plain[done:])
    kept.extend(where[done:])
    return "".join(out), kept


@functools.lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """One non-ASCII character as the guard reads it ('' for a format character)."""
    if unicodedata.category(char) == "Cf" or _BLANK.match(char):
        return ""
    out = []
    for plain in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(plain)
        if category == "Pd" or plain in "\u2212\u2043":
            plain = "-"
        elif category == "Zs" or plain in "\t\r\u2028\u2029":
            plain = " "
        elif category == "Nd":
            plain = str(unicodedata.digit(plain))
        out.append(plain)
    return "".join(out)


_SEP = r"(?: ?[.-] ?| )?"  # between the digits of one identifier, after normalization
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MES = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
        r"noviembre|diciembre)")
_DATE = (rf"(?:\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{2,4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|"
         rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
         rf"\d{{1,2}}\s+de\s+{_MES}\s+(?:de\s+|del\s+)?\d{{4}})")
_DIGITS = lambda count: _SEP.join([r"\d"] * count)  # noqa: E731
_A_WORDS = (r"(?:alien\s+(?:registration\s+)?(?:number|num\.?|no\.?|#)|"
            r"\ba\s?-?\s?(?:number|num\.?|no\.?)|\ba#|\breg(?:istration)?\.?\s+(?:no\.?|number))")
_NUMBER_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"

_SPELLED = (re.compile(rf"\b{_NUMBER_WORD}(?:[\s,-]+{_NUMBER_WORD}){{6,}}\b", re.I),
            "spells out a long number of the kind that identifies a person")
PRIVATE = [
    # "A123456789", "a-123-456-789", "A# 12345678", "A 123 456 789"; a lowercase "a" before a
    # space is the article ("a 2026 training"), so only a capital A may stand apart
    (re.compile(rf"(?<![\w-])(?:(?-i:A) ?|a ?[-#:.] ?|a)(?:{_DIGITS(9)}|{_DIGITS(8)}|{_DIGITS(7)})"
                r"(?!\d)|"
                rf"{_A_WORDS}\s*(?:is|was|:|=|-)?\s*(?:{_DIGITS(9)}|{_DIGITS(8)}|{_DIGITS(7)})"
                r"(?!\d)", re.I),
     "looks like an alien registration number (A-number)"),
    (re.compile(r"\b(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|TSC|VSC|NSC|CSC|ZLA|ZSF|ZNY|NFC|WAW)"
                rf"{_SEP}{_DIGITS(10)}(?!\d)", re.I),
     "looks like a USCIS receipt number"),
    (re.compile(r"(?<![\d.,/-])\(?\d{3}(?:\) ?|[ .,/-])\d{2}[ .,/-]\d{4}(?![\d]|[.,/-]\d)|"
                r"\b(?:ssn|ss\s?#|soc(?:ial|\.)?\s*sec(?:urity|\.)?(?:\s+(?:number|no\.?|#))?)"
                r"\s*(?:is|:|#)?\s*\d"
                r"(?:[ .-]?\d)*",
                re.I),
     "looks like a Social Security number"),
    (re.compile(rf"(?:\bDOB|\bD\.\s?O\.\s?B\.?|\bdate\s+of\s+birth\b|"
                rf"\bbirth(?:\s?(?:date|day))?\b|\bborn(?:\s+on)?\b|(?<![\w.])b\.|"
                rf"\bfecha\s+de\s+nacimiento\b|\bnacid[oa]\b)[\s:,-]*(?:on\s+|el\s+)?{_DATE}",
                re.I),
     "looks like a date of birth"),
    (re.compile(r"\b(?:case|docket|matter|file)\s*(?:no\.?|number|num\.?|#)\s*:?\s*[A-Z0-9-]*\d",
                re.I),
     "looks like a case or docket number"),
    (re.compile(r"\b\d{2}[A-Z]{2,4}\d{5,8}\b"), "looks like a court case number"),
    _SPELLED,
]
_LONG = ("is a long number of the kind that identifies a person (an A-number, a Social "
         "Security, phone or case number)")
_RUN = re.compile(rf"(?<![\w.,/-])\d(?:{_SEP}\d)*")
_LEADING_DATE = re.compile(r"^(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?:[ .-]|$)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ZIP4 = re.compile(r"\d{5} ?- ?\d{4}")  # 94612-1234: a ZIP+4 code, not a person
_SECTION = re.compile(r"^\d{1,4}\.\d{1,3}$")  # 236.14, 214.11: a statute's section
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
                    r"\b[\w.+-]+\s*[(\[{<]\s*at\s*[)\]}>]\s*[\w-]+"
                    r"(?:(?:\.|\s*[(\[{<]\s*dot\s*[)\]}>]\s*)[\w-]+)+", re.I)
_PHONE = re.compile(r"(?<![\w.])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?!\d)")
# Cheap tests on the normalized text: a value that passes none holds no identifier, and most
# values stop here (one scan for a digit or '@' in C, no Python loop over the characters).
_AT_HINT = re.compile(r"[(\[{<]\s*at\s*[)\]}>]", re.I)
# Two digit words side by side, each between separators: every run of seven spelled-out digits
# holds such a pair (its second and third words), and ordinary prose seldom does.
_SPELLED_PAIR = re.compile(rf"[\s,-]{_NUMBER_WORD}[\s,-]+{_NUMBER_WORD}[\s,-]")


# Everything the guard looks for but addresses and spelled-out digits holds a digit; these
# rules are tried only near the digits of a long text (the margin covers the longest label
# before a number, "alien registration number is", and a date written in words)
_NEAR_DIGITS = re.compile("|".join(f"(?:{p.pattern})" for p, _ in PRIVATE if p is not _SPELLED[0])
                          + rf"|{_PHONE.pattern}|\d(?:{_SEP}\d){{8}}", re.I)
_DIGIT = re.compile(r"[0-9]+")
# The labels of the rules that match with fewer than four digits (an SSN's or a case number's);
# every other rule needs four or more ("b. 3/4/90"). A date alone, the commonest value with
# digits, needs no rule at all.
_FEW_DIGIT_LABELS = ("ss", "soc", "case", "docket", "matter", "file")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MARGIN = 100


def _hints(plain: str) -> str:
    """What the normalized text may hold: "d" digits, "@" an address, "s" spelled digits.

    An empty answer means nothing the guard refuses; most values stop here, cheaply.
    """
    hints = "d" if _DIGIT.search(plain) else ""
    if "@" in plain or (("(" in plain or "[" in plain or "{" in plain or "<" in plain) and
                        _AT_HINT.search(plain)):  # name (at) example (dot) org
        hints += "@"
    if len(plain) >= 20 and _SPELLED_PAIR.search(plain.lower()):
        hints += "s"
    return hints


def _suspect(plain: str, hints: str) -> bool:
    """Whether any rule matches: one pass near each digit, not every rule over all the text."""
    if "@" in hints and _EMAIL.search(plain):
        return True
    if "s" in hints and _SPELLED[0].search(plain):
        return True
    if "d" not in hints or _ISO_DATE.fullmatch(plain):
        return False
    if sum(map(len, _DIGIT.findall(plain))) < 4:  # then only a labelled number: "SSN 12"
        lower = plain.lower()
        if not any(label in lower for label in _FEW_DIGIT_LABELS):
            return False
    start = end = -1
    for digits in _DIGIT.finditer(plain):  # windows around the digits, merged
        if digits.start() - _MARGIN > end:
            if end >= 0 and _NEAR_DIGITS.search(plain, start, end):
                return True
            start = max(0, digits.start() - _MARGIN)
        end = digits.end() + _MARGIN
    return end >= 0 and _NEAR_DIGITS.search(plain, start, end) is not None


def _long_numbers(plain: str) -> list[tuple[int, int]]:
    """Runs of nine or more digits however they are grouped (1234 56789, 12.345.6789 ...).

    ZIP+4 codes (94612-1234), a date at the start of a run (2026-12-03 9:00) and lists of years
    are not identifiers; nor are section numbers side by side (236.14 236.15).
    """
    spans = []
    for found in _RUN.finditer(plain):
        parts = [(found.start() + m.start(), m.group())
                 for m in re.finditer(r"[^ ]+", found.group())]
        if not _sections(run for _, run in parts):
            parts = [(found.start(), found.group())]
        for start, run in parts:
            date = _LEADING_DATE.match(run)
            if date:
                start, run = start + date.end(), run[date.end():]
            groups = re.findall(r"\d+", run)
            digits = sum(len(g) for g in groups)
            if digits < 9 or _ZIP4.fullmatch(run) or all(_YEAR.match(g) for g in groups):
                continue
            spans.append((start, start + len(run)))
    return spans


def _sections(runs: Iterable[str]) -> bool:
    """Different sections of one chapter side by side: 236.14 236.15, 214.11 214.14.

    Not any numbers with a dot in them: '12.3 4567.890' is nine digits, grouped.
    """
    numbers = [run.split(".") for run in runs]
    return (len(numbers) > 1 and all(_SECTION.match(".".join(n)) for n in numbers) and
            len({chapter for chapter, _ in numbers}) == 1 and
            len({section for _, section in numbers}) == len(numbers))


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
    # the cheap test reads ASCII text as it is (tabs and carriage returns change nothing it
    # looks for); other text is normalized first, so a full-width digit or a hidden character
    # inside a word cannot slip past it
    folded = None if text.isascii() else normalize(text)
    hints = _hints(text if folded is None else folded[0])
    if hints:
        folded = folded or normalize(text)
        if _suspect(folded[0], hints):  # then the rules one by one say which matched
            problems += _private(loc, name, text, kind, folded)
    return problems


def _private(loc: Loc, name: str, text: str, kind: str,
             folded: tuple[str, list[int]]) -> list[tuple[int, str]]:
    plain, where = folded
    # (start, end, rank, what) in the normalized text; of two readings of the same characters
    # the more specific (lower rank) is reported
    found: list[tuple[int, int, int, str]] = []
    for pattern, what in PRIVATE:
        found += [(m.start(), m.end(), 0, what) for m in pattern.finditer(plain)]
    phone_field = loc[0] in CONTACT_FIELDS and name == "phone"
    if name not in LINK_FIELDS and not (phone_field and _PHONE.fullmatch(plain.strip())):
        found += [(start, end, 2, _LONG) for start, end in _long_numbers(plain)]
    block = "pro_bono_contact" if kind == "organization" else "contact"
    for pattern, what, field in ((_EMAIL, "an email address", "email"),
                                 (_PHONE, "a phone number", "phone")):
        if not (loc[0] in CONTACT_FIELDS and name == field or name in LINK_FIELDS):
            found += [(m.start(), m.end(), 1, f"is {what} in the text; a contact's "
                       f"{what.split()[-1]} goes in {block}.{field}, and a client's never goes "
                       "in a listing") for m in pattern.finditer(plain)]
    problems: list[tuple[int, str]] = []
    taken = -1
    for start, end, _, what in sorted(found, key=lambda f: (f[0], -f[1], f[2])):
        if start < taken:
            continue  # one identifier, one message: the first and longest reading of it
        numbers = re.findall(r"\d+", plain[start:end])
        if len(numbers) > 1 and all(_YEAR.match(n) for n in numbers):
            continue  # "A 2026-2027 fellowship": years, not an identifier
        taken = end
        written = text[where[start]: where[end - 1] + 1]
        shown = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in written)
        advice = "" if what.startswith("is an email") or what.startswith("is a phone") else \
            "; listings describe programs, never clients: remove it"
        problems.append((where[start], f"'{shown}' {what}{advice} ({GUIDE})"))
    return problems


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
