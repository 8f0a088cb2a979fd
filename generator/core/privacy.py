"""The privacy guard: a listing describes a program, never a client.

It is built from rules that hold whatever the spelling, not from a list of spellings:

1. Text is read as a reader will see it (`fold`). HTML entities are decoded (`&nbsp;`,
   `&ZeroWidthSpace;`), Markdown's emphasis, code and escape marks dropped (`A2015**5**5901`,
   `123\\-45`), Unicode NFKC applied, letters of other scripts that are drawn like a Latin letter
   or a digit folded to it (their UTS #39 confusable skeleton, from ICU: a Cyrillic "А" is an
   "A"), digits of every script made ASCII, combining marks and every default-ignorable or
   format character dropped, every dash made "-" and every space and line break " ". Text
   with Markdown links in it is also read as rendered, link words joined to the words around
   them.
2. Numbers are refused unless they are explained. In the folded text, digits joined by
   anything but letters (spaces, dashes, dots, slashes, brackets, marks: `A201 555 901`,
   `123/45/6789`) make one run; a comma, semicolon, colon, full stop, question or exclamation
   mark followed by a space ends it ("founded in 1998, 1,200 clients" is two figures). A run
   of seven or more digits is refused unless it is one of the forms in `ALLOWED_FORMS`:
   dates and years, statute and regulation sections after their citation, form numbers,
   sums of money, a ZIP+4 code after its state, a phone number in a contact's phone field.
   Labels are not needed to catch a number; they only make the message say what it is.
3. Identifiers that are not long numbers have rules of their own (`IDENTIFIERS`): an
   A-number, a Social Security number, a USCIS receipt number (three letters of any script
   and ten digits), court case and docket numbers (federal `2:24-cv-01234`, state
   `24CV012345`, `BA123456`, and any number after "case no.", "docket"), a birth date after
   its label (English, Spanish, Chinese), a person's name after a client label ("Client:",
   "cliente:", "客户"), digits spelled out in words, and email addresses and phone numbers
   outside the contact fields.
4. Everywhere text is published: every value (validate), the query strings, fragments and
   paths of links (`link_problems`), the names of files and folders (`name_problems`), and
   the comments of a data file, which the public repository publishes (`comments`).

The rules are summed up for contributors in content/privacy.md (the site's page "What the
privacy guard refuses"); keep the two in step.

One module because the guard is one fold and one set of rules applied to every published text: the
fold, the rules and the explanations they give are meaningful only together, and are tested
together.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

import icu
from yaml.cyaml import CParser

from generator.core import markup
from generator.core.vocab import STATES

GUIDE = "the privacy rules: content/contribute/privacy.md"
CONTACT_FIELDS = {"contact", "pro_bono_contact"}
LINK_FIELDS = {"website", "url", "interest_form"}
MIN_DIGITS = 7  # a run of this many digits is refused unless it is explained
SHOWN = 80  # characters of an identifier quoted in a message

_CHECKER = icu.SpoofChecker()

# -- 1. reading as a reader ----------------------------------------------------------------------

# Unicode's default-ignorable code points that are not format (Cf) or combining (Mn) characters,
# which `_fold_char` drops by category: the Hangul fillers, and the blank Braille pattern.
_BLANK = re.compile("[\u115f\u1160\u3164\uffa0\u2800]")
_DROPPED_CATEGORIES = {"Cf", "Mn", "Me", "Cn", "Co", "Cs"}
# ASCII a reader does not see, or sees as a space: Markdown's marks, entities, breaks
_SPECIAL = re.compile(r"[^\x00-\x7f]|[*_\\`~\t\r\n]|"
                      r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_ASCII_FOLD = {"*": "", "_": "", "\\": "", "`": "", "~": "", "\t": " ", "\r": " ", "\n": " "}
_RUNS = re.compile(r"[ -]{2,}")
_BREAKS = str.maketrans("\t\r\n", "   ")
# a letter drawn like a digit, between two digits: 2O15, 1l23
_DIGIT_LIKE = re.compile(r"(?<=\d)[OolI|](?=\d)")
_DIGIT_LIKE_VALUE = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}


def fold(text: str) -> tuple[str, list[int]]:
    """The text as the guard reads it, and for each of its characters the offset in `text`."""
    if _SPECIAL.search(text) is None:  # plain ASCII with nothing to fold: most text
        return _squeeze(_digit_like(text), list(range(len(text))))
    if text.isascii() and _FOLDED_ASCII.search(text) is None:  # ASCII with line breaks
        return _squeeze(_digit_like(text.translate(_BREAKS)), list(range(len(text))))
    out: list[str] = []
    where: list[int] = []
    done = 0
    for found in _SPECIAL.finditer(text):
        out.append(text[done:found.start()])
        where.extend(range(done, found.start()))
        piece = found.group()
        if piece[0] == "&":
            decoded = html.unescape(piece)
            plain = piece if decoded == piece else "".join(_fold_char(c) for c in decoded)
        elif piece in _ASCII_FOLD:
            plain = _ASCII_FOLD[piece]
        else:
            plain = _fold_char(piece)
        out.append(plain)
        where.extend([found.start()] * len(plain))
        done = found.end()
    out.append(text[done:])
    where.extend(range(done, len(text)))
    return _squeeze(_digit_like("".join(out)), where)


def _digit_like(plain: str) -> str:
    if "O" not in plain and "o" not in plain and "l" not in plain and "I" not in plain and \
            "|" not in plain:
        return plain
    return _DIGIT_LIKE.sub(lambda m: _DIGIT_LIKE_VALUE[m.group()], plain)


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One character as the guard reads it ('' for one a reader does not see)."""
    if char in _ASCII_FOLD:
        return _ASCII_FOLD[char]
    if char.isascii():
        return char
    out = []
    for plain in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(plain)
        if category in _DROPPED_CATEGORIES or _BLANK.match(plain):
            continue
        if category == "Pd" or plain in "\u2212\u2043":
            plain = "-"
        elif category[0] == "Z" or category == "Cc" or plain in "\t\r\n":
            plain = " "
        elif category == "Nd":
            plain = str(unicodedata.digit(plain))
        elif category[0] in "LN" and not plain.isascii():
            skeleton = unicodedata.normalize("NFC", _CHECKER.getSkeleton(0, plain))
            if len(skeleton) == 1 and skeleton.isascii() and skeleton.isalnum():
                plain = skeleton  # a Cyrillic А is an A, a Cyrillic З a 3
        out.append(plain)
    return "".join(out)


def _squeeze(plain: str, where: list[int]) -> tuple[str, list[int]]:
    """A run of spaces and dashes made one separator ('A\u00a0 123  456', '123--45--6789',
    '123 -- 45'): a dash if it holds one, else a space."""
    if "  " not in plain and "--" not in plain and " -" not in plain and "- " not in plain:
        return plain, where
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


def rendered(text: str) -> str:
    """The words of a Markdown text as its page shows them, link words among the rest."""
    out: list[str] = []
    for token in markup.tokens(text):
        if token.children:
            for child in token.children:
                if child.type in ("text", "code_inline"):
                    out.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    out.append(" ")
        elif token.type in ("code_block", "fence"):
            out.append(token.content)
        elif token.type.endswith("_close") and token.block:
            out.append(". ")  # a paragraph or list item ends: the reader sees them apart
    return "".join(out)


# -- 2. numbers: refused unless explained -------------------------------------------------------

# digits joined by anything but letters; a prose break (", ", "; ", ". ") ends a run
_RUN = re.compile(r"\d+(?:(?:[^\w]|_){1,6}\d+)*")
_PROSE_BREAK = re.compile(r"[,;:.!?] ")
_JOINT = re.compile(r"(?:[^\w]|_)+")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


def _valid_date(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _year(text: str) -> bool:
    return len(text) == 4 and text[:2] in ("19", "20")


_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_MDY = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?(?!\d)")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?!\d)")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})(?!\d)")
_YEARS = re.compile(r"(\d{4})(?:-(\d{4}|\d{2}))?(?!\d)")


def _date_item(piece: str, at: int) -> int:
    """The end of a date, time or year that starts at `at`, or -1."""
    found = _ISO.match(piece, at)
    if found and _year(found[1]) and _valid_date(int(found[2]), int(found[3])):
        return found.end()
    found = _TIME.match(piece, at)
    if found and int(found[1]) <= 24 and int(found[2]) < 60:
        return found.end()
    found = _MONTH_YEAR.match(piece, at)
    if found and 1 <= int(found[1]) <= 12 and _year(found[2]):
        return found.end()
    found = _MDY.match(piece, at)
    if found and (found[3] is None or len(found[3]) == 2 or _year(found[3])) and (
            _valid_date(int(found[1]), int(found[2])) or _valid_date(int(found[2]),
                                                                     int(found[1]))):
        return found.end()
    found = _YEARS.match(piece, at)
    if found and _year(found[1]) and (found[2] is None or len(found[2]) == 2 or
                                      _year(found[2])):
        return found.end()
    return -1


_SECTION = re.compile(r"\d{1,5}(?:\.\d{1,4}){0,2}(?!\d)")


def _section_item(piece: str, at: int) -> int:
    found = _SECTION.match(piece, at)
    return found.end() if found else -1


_FORM_NUMBER = re.compile(r"\d{1,4}(?!\d)")


def _form_item(piece: str, at: int) -> int:
    found = _FORM_NUMBER.match(piece, at)
    return found.end() if found else -1


def _items(piece: str, item: Callable[[str, int], int]) -> bool:
    """Whether the piece is nothing but such items, joined by separators."""
    at = 0
    while at < len(piece):
        end = item(piece, at)
        if end < 0 or (end < len(piece) and piece[end].isdigit()):
            return False
        joint = _JOINT.match(piece, end)
        at = joint.end() if joint else end
        if joint is None and end < len(piece):
            return False
    return True


# what stands just before a piece (folded text, lowercase)
_CITED = re.compile(r"(?:§|\bsec(?:tions?|s?\.)|\bcode|c\.\s?f\.\s?r\.?|u\.\s?s\.\s?c\.?|"
                    r"\bstat(?:utes?|s?\.)|\brules?|\bp\.?\s?c\.?|\b[ahs]\.?\s?b\.?|\bh\.\s?r\.|"
                    r"\bpub\.\s?l\.|\bpublic\s+law|\bch(?:apters?|\.)|\bart(?:icles?|\.)|"
                    r"\bregs?\.|\bregulations?|\btitle\s+\d{1,3})"
                    r"[\s§()]*(?:\d{1,3}\s+)?$")
_FORM = re.compile(r"(?<![A-Za-z])(?!A-)[A-Z]{1,4}-$")  # I-, G-, EOIR-, DS- (not A-: an A-number)
_STATE = re.compile(r"(?:\b(?:" + "|".join(STATES.ids()) + r")|" +
                    "|".join(re.escape(name) for name in STATES.terms.values()) + r")\s*$")
_MONEY = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{2})?")
_ZIP4 = re.compile(r"\d{5}-\d{4}")
PHONE = re.compile(r"(?<![\w.])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?!\d)")


@dataclass(frozen=True)
class Form:
    """A kind of long number that says nothing of a person, and how it is told."""

    name: str  # as messages and the guide name it
    example: str  # a text that passes the guard because of this form (tested)
    allows: Callable[[str, str, str], bool]  # (piece, text before it, field) -> whether


def _dates(piece: str, before: str, field: str) -> bool:
    return _items(piece, _date_item)


def _sections(piece: str, before: str, field: str) -> bool:
    return _CITED.search(before[-40:].lower()) is not None and _items(
        piece, lambda p, at: max(_section_item(p, at), _date_item(p, at)))


def _forms(piece: str, before: str, field: str) -> bool:
    """A form's number, then only the dates of its edition: 'I-131 10/2025'."""
    if field.endswith(" name"):
        return False  # an id's words are lowercase: 'help-000-01-10-00' names no form
    return _FORM.search(before[-12:]) is not None and _items(
        piece, lambda p, at: _form_item(p, at) if at == 0 else _date_item(p, at))


def _money(piece: str, before: str, field: str) -> bool:
    return before.endswith(("$", "$ ")) and _MONEY.fullmatch(piece) is not None


def _zip(piece: str, before: str, field: str) -> bool:
    return _ZIP4.fullmatch(piece) is not None and _STATE.search(before[-30:]) is not None


def _phone(piece: str, before: str, field: str) -> bool:
    return field == "phone" and PHONE.fullmatch(piece) is not None


ALLOWED_FORMS: tuple[Form, ...] = (
    Form("dates, times and years", "2026-12-03 9:00-12:00, 2025-2026, 3/4/2027 and 12.03.2026",
         _dates),
    Form("statute and regulation sections after their citation",
         "Penal Code 236.14 236.15; 22 U.S.C. 7101-7114; Pub. L. 106-386 (2000)", _sections),
    Form("form numbers", "Form I-131 10/2025 edition", _forms),
    Form("sums of money", "$1,250,000 recovered", _money),
    Form("a ZIP+4 code after its state", "Oakland, CA 94612-1234", _zip),
    Form("a phone number in a contact's phone field", "(415) 555-0100 in contact.phone",
         _phone),
)
_FORM_NAMES = ", ".join(form.name for form in ALLOWED_FORMS[:-1]) + " and " + \
    ALLOWED_FORMS[-1].name


def _pieces(plain: str) -> Iterator[tuple[int, int]]:
    """Where the runs of digits are, each cut at its prose breaks."""
    for run in _RUN.finditer(plain):
        start = run.start()
        for brk in _PROSE_BREAK.finditer(plain, run.start(), run.end()):
            yield start, brk.start()
            start = brk.end()
            while not plain[start].isdigit():  # "; $1,250,000": the piece starts at its digits
                start += 1
        yield start, run.end()


def _digits(text: str) -> int:
    return len(_DIGIT.findall(text))


def unexplained(plain: str, field: str) -> Iterator[tuple[int, int]]:
    """The runs of seven or more digits that no allowed form explains."""
    for start, end in _pieces(plain):
        piece = plain[start:end]
        if _digits(piece) < MIN_DIGITS:
            continue
        # the piece's own trailing separators are not part of it
        before = plain[max(0, start - 40):start]
        if not any(form.allows(piece, before, field) for form in ALLOWED_FORMS):
            yield start, end


# -- 3. identifiers that are not long numbers ----------------------------------------------------

_SEP = r"(?: ?[./-] ?| )?"  # between the digits of one identifier, after folding
_MES = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
        r"noviembre|diciembre)")
_DATE = (rf"(?:\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{2,4}}|\d{{4}}\s?[-/.]\s?\d{{1,2}}\s?"
         rf"[-/.]\s?\d{{1,2}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
         rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{1,2}}\s+de\s+{_MES}\s+(?:de\s+|del\s+)?\d{{4}}|"
         r"\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号]?)?)")
_DIGITS = lambda count: _SEP.join([r"\d"] * count)  # noqa: E731
_A_WORDS = (r"(?:alien\s+(?:registration\s+)?(?:number|num\.?|no\.?|#)|"
            r"\ba\s?-?\s?(?:number|num\.?|no\.?)|\ba#|\breg(?:istration)?\.?\s+(?:no\.?|number)|"
            r"n[uú]mero\s+(?:de\s+)?(?:a|extranjero|registro)\b|外国人登记号|A号码)")
_NUMBER_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_BIRTH = (r"(?:\bDOB|\bD\.\s?O\.\s?B\.?|\bdate\s+of\s+birth\b|\bbirth(?:\s?(?:date|day))?\b|"
          r"\bborn(?:\s+on)?\b|(?<![\w.])b\.|\bfecha\s+de\s+nacimiento\b|\bf\.\s?(?:de\s)?nac\.?|"
          r"\bnacid[oa]\b|\bnaci[oó]\b|\bcumplea[nñ]os\b|出生日期|出生于|出生於|出生|生日)")
# a client label, then a name: two capitalized words ("Maria Lopez", "María de la Cruz"), or a
# capitalized word and an initial ("Maria L."); any capitalized word after "named" or "se
# llama"; in Chinese, two or three Han characters after the label
_CLIENT = (r"(?:\bclient(?:'s)?(?:\s+name)?|\bcliente|\bclienta|\bnombre\s+del?\s+cliente|"
           r"\bsurvivor(?:'s)?\s+name|\bvictim(?:'s)?\s+name|\bv[ií]ctima)")
_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]*\.?"  # a capitalized word, or an initial
_PARTICLE = r"(?:(?:de|del|la|las|los|van|von|da|di|y)\s+)*"
_CLIENT_NAME = re.compile(
    rf"{_CLIENT}\s*(?:[:=]|\bis\b|\bes\b)\s*({_CAP}(?:\s+{_PARTICLE}{_CAP})+)|"
    rf"(?:{_CLIENT}\s*|\b)(?:named|se\s+llama|llamad[oa])\s+({_CAP}(?:\s+{_PARTICLE}{_CAP})*)",
    re.I)
_CLIENT_HAN = re.compile(r"(?:客户|客戶|当事人|當事人|委托人|委託人)(?:的)?(?:姓名|名字|名叫|叫|是)?"
                         r"\s*[:：]?\s*([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])")
# a client label where a name could follow it (most texts say "clients", and stop there)
_CLIENT_TAIL = re.compile(r"[ea]?(?:'s)?(?:\s+name)?\s*(?:[:=]|is\b|es\b|named\b)")
_HAN_LABELS = ("客户", "客戶", "当事人", "當事人", "委托人", "委託人")


def _client_hint(plain: str, lower: str) -> bool:
    if "named " in lower or "llama" in lower:
        return True
    for word in ("client", "victim", "víctima", "victima", "survivor"):
        at = lower.find(word)
        while at >= 0:
            if _CLIENT_TAIL.match(lower, at + len(word)):
                return True
            at = lower.find(word, at + 1)
    return not plain.isascii() and any(label in plain for label in _HAN_LABELS)

_A_NUMBER = "looks like an alien registration number (A-number)"
IDENTIFIERS: list[tuple[re.Pattern[str], str]] = [
    # "A123456789", "a-123-456-789", "A# 12345678", "A 123 456 789"; a lowercase "a" before a
    # space is the article ("a 2026 training"), so only a capital A may stand apart
    (re.compile(rf"(?<![\w-])(?:(?-i:A) ?|a ?[-#:.] ?|a)(?:{_DIGITS(9)}|{_DIGITS(8)}|{_DIGITS(7)})"
                r"(?!\d)|"
                rf"{_A_WORDS}\s*(?:is|was|es|:|=|-)?\s*(?:{_DIGITS(9)}|{_DIGITS(8)}|"
                rf"{_DIGITS(7)})(?!\d)", re.I), _A_NUMBER),
    # three capital letters (of any script: they are folded first), or a service center's
    # code in any case, and ten digits
    (re.compile(rf"(?<![^\W\d_])(?:(?-i:[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]{{3}})|"
                r"(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|TSC|VSC|NSC|CSC|ZLA|ZSF|ZNY|NFC|WAW))"
                rf"{_SEP}{_DIGITS(10)}(?!\d)", re.I),
     "looks like a USCIS receipt number"),
    (re.compile(r"(?<![\d.,/-])\(?\d{3}(?:\) ?|[ .,/-]|, )\d{2}(?:[ .,/-]|, )\d{4}"
                r"(?![\d]|[.,/-]\d)|"
                r"\b(?:ssn|ss\s?#|soc(?:ial|\.)?\s*sec(?:urity|\.)?(?:\s+(?:number|no\.?|#))?|"
                r"seguro\s+social|社会安全号|社會安全號)"
                r"\s*(?:is|es|:|#)?\s*\d(?:[ .-]?\d)*", re.I),
     "looks like a Social Security number"),
    (re.compile(rf"{_BIRTH}[\s:,：-]*(?:on\s+|el\s+|于\s?|於\s?)?{_DATE}", re.I),
     "looks like a date of birth"),
    (re.compile(r"\b(?:case|docket|matter|file|caso|expediente)\s*(?:no\.?|number|num\.?|"
                r"n[uú]mero|#)\s*:?\s*[A-Z0-9:-]*\d|(?:案号|案件编号|案件號)\s*[:：]?\s*[A-Z0-9-]*\d",
                re.I),
     "looks like a case or docket number"),
    # federal: 2:24-cv-01234-ABC; state: 24CV012345, 2024-CR-001234, BA123456, 23STCR01234
    (re.compile(r"(?<![\w:-])\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}(?:-[a-z]{1,4})*(?![\w-])|"
                r"(?<![\w-])(?:\d{2,4}-?(?-i:[A-Z]{1,6})-?\d{4,8}|(?-i:[A-Z]{1,4})\d{6,8})"
                r"(?![\w-])", re.I),
     "looks like a court case number"),
    (_CLIENT_NAME, "looks like a client's name"),
    (_CLIENT_HAN, "looks like a client's name"),
    (re.compile(rf"\b{_NUMBER_WORD}(?:[\s,-]+{_NUMBER_WORD}){{6,}}\b", re.I),
     "spells out a long number of the kind that identifies a person"),
]
_SPELLED = IDENTIFIERS[-1][0]
_DIGIT = re.compile(r"\d")
# the rules that need a digit, as one pattern: most texts with digits match none of them
_ANY_DIGIT_RULE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in IDENTIFIERS
                                      if pattern not in (_SPELLED, _CLIENT_NAME, _CLIENT_HAN)),
                             re.I)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
                    r"(?<![\w.+-])[\w.+-]+\s*[(\[{<]\s*at\s*[)\]}>]\s*[\w-]+"
                    r"(?:(?:\.|\s*[(\[{<]\s*dot\s*[)\]}>]\s*)[\w-]+)+", re.I)
_AT_HINT = re.compile(r"[(\[{<]\s*at\s*[)\]}>]", re.I)
_SPELLED_PAIR = re.compile(rf"[\s,-]{_NUMBER_WORD}[\s,-]+{_NUMBER_WORD}[\s,-]")
_DATE_OR_TIME = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}")
_ISO_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEARS_ONLY = re.compile(r"^\D*(?:(?:19|20)\d\d\D+)*(?:19|20)\d\d\D*$")

LONG = ("is a long number of the kind that identifies a person (an A-number, a Social Security, "
        "phone or case number)")
_LONG_FIX = (f"; the only long numbers a listing publishes are {_FORM_NAMES}; listings describe "
             "programs, never clients: remove it")
_REMOVE = "; listings describe programs, never clients: remove it"


_FOLDED_ASCII = re.compile(r"[&*_\\`~]")  # the ASCII a fold changes (spaces aside)
_FEW_DIGIT_LABELS = ("ss", "soc", "case", "docket", "matter", "file", "seguro", "caso",
                     "expediente", "案")


_MARGIN = 100  # the longest label before its number ("alien registration number is"), and more


def _near_digits(plain: str) -> bool:
    """Whether a rule that needs a digit matches: searched only near the digits of a long text
    (every such rule's label stands just before its number), one window per cluster of them."""
    if len(plain) <= 4 * _MARGIN:
        return _ANY_DIGIT_RULE.search(plain) is not None
    start = end = -1
    for digit in _DIGIT.finditer(plain):
        if digit.start() - _MARGIN > end:
            if end >= 0 and _ANY_DIGIT_RULE.search(plain, start, end):
                return True
            start = max(0, digit.start() - _MARGIN)
        end = digit.end() + _MARGIN
    return end >= 0 and _ANY_DIGIT_RULE.search(plain, start, end) is not None


def _hints(plain: str) -> str:
    """What the folded text may hold: "d" digits, "@" an address, "s" spelled digits, "n" a
    client label. An empty answer means nothing the guard refuses; most values stop here."""
    lower = plain.lower()
    digits = _digits(plain)
    hints = "d" if digits >= 4 or digits and any(label in lower
                                                   for label in _FEW_DIGIT_LABELS) else ""
    if "@" in plain or (("(" in plain or "[" in plain or "{" in plain or "<" in plain) and
                        _AT_HINT.search(plain)):
        hints += "@"
    if len(plain) >= 20 and _SPELLED_PAIR.search(lower):
        hints += "s"
    if _client_hint(plain, lower):
        hints += "n"
    return hints


def _show(written: str) -> str:
    shown = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in written)
    return shown if len(shown) <= SHOWN else shown[:SHOWN - 1] + "…"


def private(loc: tuple, text: str, kind: str = "program") -> list[tuple[int, str]]:
    """What in one text value identifies a person, as (offset in the text, message) pairs."""
    name = loc[-1] if loc and isinstance(loc[-1], str) else next(
        (str(p) for p in reversed(loc) if isinstance(p, str)), "")
    if name in LINK_FIELDS:
        return [(0, f"{name}: {message}") for message in link_problems(text)]
    if _DATE_OR_TIME.fullmatch(text):
        return []  # a date field's or a time's value: an explained number
    unlinked = _unlinked(text)
    hints = None
    if unlinked.isascii() and not _FOLDED_ASCII.search(unlinked):
        hints = _hints(unlinked)  # the fold would change nothing the hints look at
        if not hints and "[" not in text and "<" not in text:
            return []  # nothing to find: most values stop here
    problems = _private_in(loc, name, text, kind, fold(unlinked), exact=True, hints=hints)
    if ("](" in text or "][" in text or "]:" in text or "<" in text) and \
            text.count("[") + text.count("<") <= _MOST_LINKS:  # read as rendered, too
        # (a reference link's words also run into the words around them; more brackets
        # than any description has would make the Markdown reader slow, and the text read as
        # written already joins an inline link's words to what follows it)
        shown = _unlinked(rendered(text))
        again = _private_in(loc, name, shown, kind, fold(shown), exact=False)
        known = {_key(message) for _, message in problems}
        problems += [(0, message) for _, message in again if _key(message) not in known]
    return problems


def _key(message: str) -> str:
    """What a message is about, whatever the spelling it quotes: its digits and its rule."""
    quoted, _, rest = message[1:].partition("' ")
    return re.sub(r"\D", "", fold(quoted)[0]) + rest.removeprefix("(as the page shows it) ")[:40]


_MOST_LINKS = 100
# Addresses in a text: their numbers are a page's, checked by link_problems, not as words
_ADDRESS = re.compile(r"\]\(\s*<?[^)\s>]*|^\s*\[[^\]\n]+\]:\s*\S+|"
                      r"(?:https?://|mailto:|www\.)[^\s<>()\[\]]+", re.I | re.M)


def addresses(text: str) -> list[str]:
    """The web and mailto: addresses written in a text (Markdown links, autolinks, bare)."""
    found = []
    for match in _ADDRESS.finditer(text):
        address = match.group().lstrip("](< \t").rstrip(">")
        if address.startswith("["):
            address = address.split(":", 1)[1].strip()
        found.append(address)
    return found


def _unlinked(text: str) -> str:
    """The text with each address written over, same length: its digits are not the text's.

    A Markdown link's target is not shown, so it becomes spaces ("[12345](https://x.org)6789"
    shows 123456789); an address the page shows becomes letters, so the digits on either side
    of it do not run together.
    """
    if "//" not in text and "](" not in text and "]:" not in text and "mailto:" not in text \
            and "www." not in text:
        return text
    return _ADDRESS.sub(lambda m: (" " if m.group()[0] in "] \t[" else "x") * len(m.group()),
                        text)


def _private_in(loc: tuple, name: str, text: str, kind: str, folded: tuple[str, list[int]],
                exact: bool, hints: str | None = None) -> list[tuple[int, str]]:
    plain, where = folded
    hints = _hints(plain) if hints is None else hints
    if not hints:
        return []
    # (start, end, rank, what) in the folded text; of two readings of the same characters the
    # more specific (lower rank) is reported
    found: list[tuple[int, int, int, str]] = []
    digit_rules = "d" in hints and _near_digits(plain)
    for pattern, what in IDENTIFIERS:
        if pattern is _SPELLED and "s" not in hints:
            continue
        if what == "looks like a client's name" and "n" not in hints:
            continue
        if not digit_rules and pattern not in (_SPELLED, _CLIENT_NAME, _CLIENT_HAN):
            continue
        found += [(m.start(), m.end(), 0, what) for m in pattern.finditer(plain)]
    block = "pro_bono_contact" if kind == "organization" else "contact"
    in_contact = bool(loc) and loc[0] in CONTACT_FIELDS
    if "@" in hints and not (in_contact and name == "email"):
        found += [(m.start(), m.end(), 1, f"is an email address in the text; a contact's "
                   f"address goes in {block}.email, and a client's never goes in a listing")
                  for m in _EMAIL.finditer(plain)]
    if "d" in hints:
        field = "phone" if in_contact and name == "phone" else name
        if field != "phone":
            found += [(m.start(), m.end(), 1, f"is a phone number in the text; a contact's "
                       f"number goes in {block}.phone, and a client's never goes in a listing")
                      for m in PHONE.finditer(plain)]
        if not _ISO_VALUE.fullmatch(plain):  # a date field's value: the date check owns it
            found += [(start, end, 2, LONG) for start, end in unexplained(plain, field)]
    problems: list[tuple[int, str]] = []
    taken = -1
    for start, end, rank, what in sorted(found, key=lambda f: (f[0], -f[1], f[2])):
        if start < taken:
            continue  # one identifier, one message: the first and longest reading of it
        if rank == 0 and what != "looks like a client's name" and \
                _YEARS_ONLY.match(plain[start:end]) and "birth" not in what:
            continue  # "A 2026-2027 fellowship": years, not an identifier
        taken = end
        written = text[where[start]: where[end - 1] + 1] if where else text
        advice = _LONG_FIX if what is LONG else "" if rank == 1 else _REMOVE
        seen = "" if exact else " (as the page shows it)"
        problems.append((where[start] if exact else 0,
                         f"'{_show(written)}'{seen} {what}{advice} ({GUIDE})"))
    return problems


# -- 4. everywhere text is published -------------------------------------------------------------

# query keys that carry a person's details
_PERSONAL_KEYS = re.compile(
    r"^(?:ssn|social|soc_?sec|dob|birth|birth_?date|birthday|date_?of_?birth|fecha_?nacimiento|"
    r"nacimiento|a_?number|a_?num|anumber|alien|alien_?number|receipt|receipt_?number|case_?number|"
    r"client|client_?name|cliente|nombre|name|first_?name|last_?name|full_?name|fname|lname|"
    r"email|e_?mail|mail|phone|tel|telephone|mobile|cell|address|addr)$", re.I)


def link_problems(url: str) -> list[str]:
    """What a link's address publishes about a person: a query key that names a person's
    details (`?ssn=`, `?dob=`, `?email=`), or an identifier anywhere after the host."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return []  # not an address at all: the link checks say so
    problems = []
    if parts.scheme == "mailto":
        subject = " ".join(value for key, value in parse_qsl(parts.query, keep_blank_values=True)
                           if key.lower() == "subject")
        return [f"the link's subject: {message}" for _, message in
                _private_in(("subject",), "subject", subject, "program", fold(subject), True)]
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    fragment = unquote(parts.fragment)
    if "=" in fragment:
        pairs += parse_qsl(parts.fragment, keep_blank_values=True)
    for key, value in pairs:
        if value.strip() and _PERSONAL_KEYS.match(key.strip().replace("-", "_")):
            problems.append(f"the link's address carries '{key}=', a person's details in the "
                            "address, which anyone can read; link to the page without it")
    texts = [*unquote(parts.path).split("/"), *(value for _, value in pairs), fragment]
    for text in texts:
        folded = fold(text)
        for _, message in _private_in(("link",), "link", text, "program", folded, True):
            if LONG in message and "' " in message:
                digits = message[1:].partition("' ")[0]
                if re.fullmatch(r"\d+", fold(digits)[0]):
                    continue  # one unbroken number is a page's id ('/node/12345678')
            problems.append("the link's address: " + message)
    return problems


def name_problems(name: str, what: str) -> list[str]:
    """What a file's or folder's name publishes about a person (names become addresses, feed
    and calendar entries): the same rules as for text, read twice, since an id's hyphens stand
    for spaces and for a number's dashes alike ('help-123-45-6789', 'training-2026-03-04')."""
    found: dict[str, str] = {}
    if not _hints(name.replace("-", " ")):
        return []
    for text in (name.upper().replace("-", " "), name.upper()):  # ids are lowercase
        for _, message in _private_in((what,), what, text, "program", fold(text), True):
            quoted, _, rule = message[1:].partition("' ")
            digits = re.sub(r"\D", "", quoted)
            if LONG in rule and text.count(" "):
                continue  # the spaced reading cuts dates apart: its numbers are not read
            found.setdefault(digits or rule, rule)
    return [f"{what} '{name}' " + rule.replace("never clients: remove it",
                                               "never clients: rename it without it")
            for rule in found.values()]


def comments(text: str) -> list[tuple[int, int, str]]:
    """Every comment of a YAML text, as (line, column, the comment's words), both from 1.

    The gaps between YAML's tokens hold only spaces, line breaks and comments; a '#' in a value
    (quoted, or a line of a block) is inside a token, so it is never taken for a comment.
    """
    if "#" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    parser = CParser(text)
    try:
        end = 0
        while (token := parser.get_token()) is not None:
            start = token.start_mark.index
            if start > end:
                found += _comments_in(text, end, start)
            end = max(end, token.end_mark.index)
        if end < len(text):
            found += _comments_in(text, end, len(text))
    except Exception:  # noqa: BLE001 - a file YAML cannot read has its own problem already
        return found
    finally:
        parser.dispose()
    return found


def _comments_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    at = text.find("#", start, end)
    while at >= 0:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        out.append((line, column, text[at:stop]))
        at = text.find("#", stop, end)
    return out
