"""Controlled vocabularies: every id a data file may use, and the label people see.

This is the one place labels live. The schema, the validator's suggestions, the pages and the
finder's facets all read these tables, so adding a remedy or a language is a one-line change here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass

import langcodes


@dataclass(frozen=True)
class Vocabulary:
    """A named set of ids with their labels, in the order pages show them."""

    name: str  # singular, used in messages: "remedy"
    terms: dict[str, str]

    def label(self, term_id: str) -> str:
        return self.terms.get(term_id, term_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(self.terms)

    def describe(self) -> str:
        """The list that goes into a field's description and the contributor guide."""
        return "; ".join(f"`{key}` ({label})" for key, label in self.terms.items())


KINDS_OF_WORK = Vocabulary("kind of work", {
    "full-representation": "Full representation",
    "limited-scope": "Limited-scope help",
    "accompaniment": "Accompaniment and advocacy",
    "training": "Training",
    "mentoring": "Mentoring other volunteers",
})

PRACTICE_AREAS = Vocabulary("practice area", {
    "immigration": "Immigration",
    "criminal-record-relief": "Criminal record relief",
    "victims-rights": "Crime victims' rights",
    "family-law": "Family law",
    "human-trafficking": "Human trafficking",
    "domestic-violence": "Domestic violence",
    "public-benefits": "Public benefits",
    "employment": "Employment and wage claims",
    "housing": "Housing",
})

REMEDIES = Vocabulary("remedy", {
    "t-visa": "T visa",
    "u-visa": "U visa",
    "asylum": "Asylum",
    "special-immigrant-juvenile-status": "Special Immigrant Juvenile Status",
    "vawa-self-petition": "VAWA self-petition",
    "adjustment-of-status": "Adjustment of status",
    "continued-presence": "Continued Presence",
    "vacatur": "Vacatur and post-conviction relief",
    "victim-impact-statement": "Victim impact statement",
    "restraining-order": "Restraining order",
    "custody": "Custody",
    "wage-claim": "Wage claim",
})

CLIENTS = Vocabulary("client group", {
    "trafficking-survivors": "Survivors of human trafficking",
    "labor-trafficking-survivors": "Survivors of labor trafficking",
    "sex-trafficking-survivors": "Survivors of sex trafficking",
    "domestic-violence-survivors": "Survivors of domestic violence",
    "sexual-assault-survivors": "Survivors of sexual assault",
    "violent-crime-victims": "Victims of violent crime",
    "unaccompanied-children": "Unaccompanied children",
    "families": "Families",
    "immigrants": "Immigrants",
    "lgbtq": "LGBTQ+ people",
    "farmworkers": "Farmworkers",
    "low-wage-workers": "Low-wage workers",
})

FORUMS = Vocabulary("forum", {
    "uscis": "USCIS",
    "uscis-by-mail": "USCIS (filed by mail)",
    "uscis-interview": "USCIS interview",
    "immigration-court": "Immigration court",
    "state-criminal-court": "State criminal court",
    "state-family-court": "State family court",
    "law-enforcement-interviews": "Meetings with law enforcement and prosecutors",
    "prosecutor-negotiation": "Negotiation with the prosecutor's office",
    "state-labor-agency": "State labor agency (wage claims)",
})

COMMITMENT_LENGTHS = Vocabulary("commitment length", {
    "one-time": "One event or a few hours",
    "weeks": "A few weeks",
    "months": "Several months",
    "year-or-more": "A year or more",
})

TRAINING_FORMATS = Vocabulary("training format", {
    "live": "Live",
    "recorded": "Recorded",
})

LISTING_KINDS = Vocabulary("kind of listing", {
    "program": "Program",
    "training": "Training",
    "case": "Case",
})

EVENT_FORMATS = Vocabulary("training format", {
    "live-online": "Live online",
    "in-person": "In person",
    "recorded": "Recording to watch any time",
})

STATUSES = Vocabulary("status", {
    "open": "Open",
    "paused": "Paused",
    "being-set-up": "Being set up, not yet taking volunteers",
    "closed": "Closed",
    # no current source says whether the program runs: not offered as open, never as closed
    "unknown": "Status unknown: no current source says whether it takes volunteers",
})

BAR_ADMISSION = Vocabulary("bar admission", {
    "not-required": "Not required",
    "any-us-jurisdiction": "Any U.S. jurisdiction",
    "specific-states": "Specific states",
})

ATTORNEY_OF_RECORD = Vocabulary("attorney of record", {
    "volunteer": "The volunteer",
    "co-counsel": "The volunteer as co-counsel with the organization",
    "organization": "The organization",
})

# California's MCLE categories; other states' credit is mostly general or ethics.
CLE_CATEGORIES = Vocabulary("CLE category", {
    "general": "General",
    "legal-ethics": "Legal ethics",
    "competence": "Competence issues",
    "elimination-of-bias": "Elimination of bias",
    "implicit-bias": "Implicit bias",
    "technology": "Technology",
    "civility": "Civility",
})

VERIFIERS = Vocabulary("verifier", {
    "organization": "The organization itself confirmed the facts",
    "maintainers": "The directory's maintainers checked the facts against the source above; "
                   "the organization did not confirm them",
})

# Languages are ISO 639 codes (es, pa, mam, quc, ht): any language the IANA registry knows, with
# its English name from CLDR through langcodes, so a new language needs no change here. The
# table below only lists the common ones, in the order the issue forms offer them.
class Languages(Vocabulary):
    def label(self, term_id: str) -> str:
        return self.terms.get(term_id) or language_name(term_id)


_COMMON_LANGUAGES = (
    "en", "es", "cmn", "yue", "vi", "ko", "tl", "ja", "hi", "pa", "ar", "fa", "prs", "ps", "ru",
    "uk", "fr", "ht", "pt", "mam", "quc", "kjb", "zap", "th", "km", "my", "ti", "am", "so",
    "sw", "ne", "id", "mn", "ase")
LANGUAGE_CODE_PATTERN = r"^[A-Za-z]{2,3}$"
# Codes that are not one language: undetermined, multiple, none, private use (qaa to qtz).
_NOT_A_LANGUAGE = re.compile(r"^(und|mul|mis|zxx|q[a-t][a-z])$")


@functools.lru_cache(maxsize=None)
def language_code(value: str) -> str | None:
    """The code a file's value stands for (ES -> es, spa -> es), or None if it is no language."""
    text = value.strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", text) or _NOT_A_LANGUAGE.match(text):
        return None
    if not langcodes.tag_is_valid(text):
        return None
    code = langcodes.standardize_tag(text, macro=False)
    if re.fullmatch(r"[a-z]{2,3}-[a-z]{2}", code, re.I):  # prs -> fa-AF: Dari has its own code
        return text
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


@functools.lru_cache(maxsize=None)
def language_name(code: str) -> str:
    """The English name of a language code: pa -> Punjabi, quc -> K'iche'."""
    name = langcodes.get(code, normalize=False).display_name("en")
    return name.replace("\u02bc", "'")  # K\u02bciche\u02bc, as the registry writes it


def language_problem(value: str) -> str:
    """Why a value is not a language code, and the code(s) it may mean."""
    shown = value if len(value) <= 40 else value[:39] + "…"
    found = language_matches(value)
    if len(found) == 1:
        code, name = found[0]
        return f"'{shown}' is not an ISO 639 language code; for {name} write {code}"
    if found:
        listed = ", ".join(f"{code} ({name})" for code, name in found[:8])
        more = f", and {len(found) - 8} more" if len(found) > 8 else ""
        return (f"'{shown}' is not an ISO 639 language code; it may be one of: {listed}{more}; "
                "write the code of the language the clients speak")
    return (f"'{shown}' is not an ISO 639 language code; write the two- or three-letter code, "
            "e.g. es for Spanish (content/contribute/fields.md, 'Languages', says how to look one up)")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def language_matches(value: str) -> list[tuple[str, str]]:
    """Codes whose English name, or name in any language CLDR knows, matches a written name:
    'Punjabi' -> pa; 'mixteco' -> the Mixtec languages."""
    text = value.strip()
    try:
        code = langcodes.find(text).language
        if code and language_code(code):
            return [(language_code(code), language_name(language_code(code)))]
    except LookupError:
        pass
    wanted = _plain(text)
    stem = wanted[:-1] if wanted.endswith(("o", "a", "e")) and len(wanted) > 4 else wanted
    if len(stem) < 3:
        return []
    return [(code, name) for code, name in _registry() if stem in _plain(name)]


@functools.lru_cache(maxsize=1)
def _registry() -> list[tuple[str, str]]:
    """Every language code in the IANA registry with its English name, read on demand (only
    messages about a value that is not a code need it)."""
    from language_data.registry_parser import parse_registry

    found = []
    for entry in parse_registry():
        code = entry.get("Subtag", "")
        if entry.get("Type") == "language" and re.fullmatch(r"[a-z]{2,3}", code) and \
                "Deprecated" not in entry and language_code(code) == code:
            found.append((code, language_name(code)))
    return sorted(found, key=lambda item: item[1])


@functools.lru_cache(maxsize=None)
def is_time_zone(name: str) -> bool:
    return name in _time_zones()


@functools.lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


LANGUAGES = Languages("language", {code: language_name(code) for code in _COMMON_LANGUAGES})

STATES = Vocabulary("state", {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
})

ALL = (KINDS_OF_WORK, PRACTICE_AREAS, REMEDIES, CLIENTS, FORUMS, COMMITMENT_LENGTHS,
       TRAINING_FORMATS, LISTING_KINDS, EVENT_FORMATS, STATUSES, BAR_ADMISSION, ATTORNEY_OF_RECORD,
       CLE_CATEGORIES, VERIFIERS, STATES)
