"""Checks on the words in a listing: markup that could run in a browser, and client details.

Listings describe programs, never clients. These patterns catch what looks like a person's
identity (an A-number, a date of birth, a case number) while leaving statute citations
(Penal Code 236.14), form numbers (I-914) and ordinary dates alone.
"""

from __future__ import annotations

import re

from generator.load import Loc

CONTACT_FIELDS = {"contact", "pro_bono_contact"}
LINK_FIELDS = {"website", "url", "interest_form"}

_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>|<!--|<[A-Za-z][\w-]*\s+[^>]*=|<\?|&#", re.I)
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_REF = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.M)
_ATTRS = re.compile(r"\{\s*:|\{\s*[#.][\w-]|\{[^}\n]*\b\w+\s*=")
_MARKUP_HINT = re.compile(r"[<{&\]]")
_PRIVATE_HINT = re.compile(r"[\d@]")
_SAFE_SCHEME = re.compile(r"^(https?://|mailto:|#)", re.I)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"

PRIVATE = [
    (re.compile(r"\bA[-# ]?\d{3}[- ]?\d{3}[- ]?\d{2,3}\b|\balien\s+(?:registration\s+)?(?:number|no\.?|#)\s*:?\s*\d", re.I),
     "looks like an alien registration number (A-number)"),
    (re.compile(r"\b(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|TSC|VSC|NSC|CSC)[- ]?\d{10}\b", re.I),
     "looks like a USCIS receipt number"),
    (re.compile(r"\b\d{3}-\d{2}-\d{4}\b"), "looks like a Social Security number"),
    (re.compile(rf"(?:\bDOB\b|\bD\.O\.B\.?|\bdate\s+of\s+birth\b|\bborn(?:\s+on)?\b)[\s:,-]*{_DATE}", re.I),
     "looks like a date of birth"),
    (re.compile(r"\b(?:case|docket|matter|file)\s*(?:no\.?|number|num\.?|#)\s*:?\s*[A-Z0-9-]*\d", re.I),
     "looks like a case or docket number"),
    (re.compile(r"\b\d{2}[A-Z]{2,4}\d{5,8}\b"), "looks like a court case number"),
]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w.])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")
# One pass over the text first; the separate patterns only run to say which one matched.
_ANY_PRIVATE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in PRIVATE) +
                          f"|{_EMAIL.pattern}|{_PHONE.pattern}", re.I)


def check_text(loc: Loc, text: str) -> list[tuple[int, str]]:
    """What is wrong with one text value, as (offset in the text, message) pairs."""
    problems = []
    if _MARKUP_HINT.search(text) and loc[-1] not in LINK_FIELDS:
        problems = _markup(text)
    if not _PRIVATE_HINT.search(text):  # every pattern below needs a digit or an @
        return problems
    if not _ANY_PRIVATE.search(text):
        return problems
    for pattern, what in PRIVATE:
        found = pattern.search(text)
        if found:
            problems.append((found.start(), f"'{found.group(0)}' {what}; listings describe "
                             "programs, never clients: remove it"))
    if loc[0] not in CONTACT_FIELDS and loc[-1] not in LINK_FIELDS:
        for pattern, what, where in ((_EMAIL, "an email address", "contact.email"),
                                     (_PHONE, "a phone number", "contact.phone")):
            found = pattern.search(text)
            if found:
                problems.append((found.start(), f"'{found.group(0)}' is {what} in the text; put "
                                 f"the program's in {where}, and never a client's"))
    return problems


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
    for found in (*_MD_LINK.finditer(text), *_MD_REF.finditer(text)):
        if not _SAFE_SCHEME.match(found.group(1)):
            problems.append((found.start(1), f"link target '{found.group(1)[:40]}' is not "
                             "allowed; links start with https://, http:// or mailto:"))
    return problems
