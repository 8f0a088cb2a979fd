"""The ways to narrow the directory: shared by the browse pages, the finder and its index.

A tri-state fact that nobody has stated is the value "unknown", never "no", so a filter on
"remote: yes" never hides a listing that simply did not say.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.core import freshness, places, vocab
from generator.core.directory import Directory, ProgramEntry
from generator.core.lifecycle import NEW_DAYS, Lifecycle
from generator.core.model import CleHours, Volunteers
from generator.core.places import place_key

UNKNOWN = "unknown"
UNKNOWN_LABEL = "Not stated"


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter, index filter name and browse folder: remedy, state, ...
    label: str
    values: Callable[[ProgramEntry], list[str]]
    labels: Callable[[str], str]
    browse: bool = True  # has browse pages
    primary: bool = False  # shown with counts as the finder opens; the rest under "More filters"
    # A value the finder's index leaves unwritten: every listing has exactly one value of this
    # facet, so the finder counts and finds the implicit one as "none of the others". The most
    # common value costs no bytes in the index's filter file that every search loads.
    implicit: str | None = None

    def indexed(self, program: ProgramEntry) -> list[str]:
        """The values the finder's index holds for the listing (all but the implicit one)."""
        return [value for value in self.values(program) if value != self.implicit]


def _flag(value: bool | None) -> list[str]:
    return [UNKNOWN if value is None else ("yes" if value else "no")]


def _flag_label(value: str) -> str:
    return {"yes": "Yes", "no": "No", UNKNOWN: UNKNOWN_LABEL}.get(value, value)


def _or_unknown(vocabulary: vocab.Vocabulary) -> Callable[[str], str]:
    return lambda value: UNKNOWN_LABEL if value == UNKNOWN else vocabulary.label(value)


def people(program: ProgramEntry) -> Volunteers:
    """Who may take part: a program's or case's volunteers, a training's audience."""
    data = program.data
    return data.audience if data.kind == "training" else data.volunteers


@dataclass(frozen=True)
class SupportFact:
    """One kind of support a program or case offers its volunteers, in the one wording every
    place uses: the finder's filter and its cards, the browse pages' cards, the page's facts
    and the sentence "at a glance"."""

    key: str  # the finder's value and the filter's URL value
    label: str  # a filter value, a card's badge, a fact's name on the page
    phrase: str  # inside a sentence: "Training, mentoring and sample materials"
    offered: Callable[[Any], bool | None]  # read from the listing's `support`
    facet: bool = True  # a value of the finder's Support filter (and a badge)


SUPPORT = (
    SupportFact("training", "Training", "training", lambda s: s.training.offered),
    SupportFact("cle-credit", "CLE credit", "CLE credit", lambda s: s.cle_credit.offered),
    SupportFact("mentoring", "Mentoring", "mentoring", lambda s: s.mentoring),
    SupportFact("sample-materials", "Sample materials", "sample materials",
                lambda s: s.sample_materials),
    SupportFact("technical-assistance", "Co-counsel or technical assistance",
                "co-counsel or technical assistance", lambda s: s.technical_assistance),
    SupportFact("case-screening", "Cases screened", "cases screened", lambda s: s.case_screening),
    SupportFact("social-worker", "Social worker for the client", "a social worker for the client",
                lambda s: s.social_worker),
    SupportFact("malpractice-coverage", "Malpractice coverage", "malpractice insurance",
                lambda s: s.malpractice_coverage, facet=False),
    SupportFact("interpreters", "Interpreters provided", "interpreters provided",
                lambda s: s.interpreters_provided, facet=False),
)
SUPPORT_LABELS = {fact.key: fact.label for fact in SUPPORT if fact.facet}


def _support(program: ProgramEntry) -> list[str]:
    if program.data.kind == "training":
        return ["cle-credit"] if program.data.cle else []
    s = program.data.support
    return [fact.key for fact in SUPPORT if fact.facet and fact.offered(s)]


def _languages(program: ProgramEntry) -> list[str]:
    v = people(program)
    return list(dict.fromkeys(v.languages_required + v.languages_helpful)) or [UNKNOWN]


def _place_names(program: ProgramEntry) -> list[str]:
    return [*program.data.location.counties, *program.data.location.cities]


def _places(program: ProgramEntry) -> list[str]:
    """Every place the listing is found by: what it names and what contains it (a county
    seat's county, a county's regions; see generator/core/places.py)."""
    return places.values(program.data.location)


def place_names(programs: Iterable[ProgramEntry]) -> dict[str, str]:
    """The one name each place key is shown by: the county table's name for a county or region
    it knows; otherwise the spelling most listings use; of two as common, the one with more
    letters beyond ASCII (San José, not San Jose), then the first in alphabetical order. Every
    page and filter shows that name for every listing in the place."""
    counts: dict[str, dict[str, int]] = {}
    keys: set[str] = set()
    for program in programs:
        keys.update(_places(program))
        for name in dict.fromkeys(_place_names(program)):
            spellings = counts.setdefault(place_key(name), {})
            spellings[name] = spellings.get(name, 0) + 1
    shown = {key: min(spellings, key=lambda n: (-spellings[n], -sum(not c.isascii() for c in n),
                                                 n))
             for key, spellings in counts.items()}
    return {**shown, **places.names(keys)}


def remote_possible(program: ProgramEntry) -> bool | None:
    """A training online or recorded can be followed remotely; an in-person one cannot."""
    data = program.data
    if data.kind == "training":
        return bool({"live-online", "recorded"} & set(data.formats))
    return data.location.remote_possible


def kinds_of_work(program: ProgramEntry) -> list[str]:
    return ["training"] if program.data.kind == "training" else list(program.data.kinds_of_work)


def commitment_length(program: ProgramEntry) -> str | None:
    if program.data.kind == "training":
        return "one-time"
    return program.data.commitment.length


WHO_LABELS = {"any-us-jurisdiction": "Admitted in any U.S. jurisdiction",
              "specific-states": "Admitted in a specific state",
              "not-required": "No bar admission needed",
              "in-house": "Registered in-house counsel", "retired": "Retired or inactive attorneys",
              "students": "Law students", "paralegals": "Paralegals",
              "interpreters": "Interpreters"}


def _who(program: ProgramEntry) -> list[str]:
    v = people(program)
    found = [v.bar_admission] if v.bar_admission else []
    found += [key for key, value in (("in-house", v.in_house_counsel_welcome),
                                     ("retired", v.retired_attorneys_welcome),
                                     ("students", v.law_students_welcome),
                                     ("paralegals", v.paralegals_welcome),
                                     ("interpreters", v.interpreters_welcome)) if value]
    return found or [UNKNOWN]


COURTS = {"immigration-court", "state-criminal-court", "state-family-court"}


def _court(program: ProgramEntry) -> list[str]:
    """Whether the work goes before a court, read from its forums."""
    forums = set(program.data.forums)
    if not forums:
        return [UNKNOWN]
    return ["court" if forums & COURTS else "no-court"]


COURT_LABELS = {"court": "Goes to court", "no-court": "No court appearance",
                UNKNOWN: UNKNOWN_LABEL}


def cle_credits(program: ProgramEntry) -> list[CleHours]:
    data = program.data
    return list(data.cle) if data.kind == "training" else list(data.support.cle_credit.credits)


def _cle(program: ProgramEntry) -> list[str]:
    """Jurisdictions whose CLE credit the listing offers."""
    data = program.data
    states = [c.jurisdiction for c in cle_credits(program)]
    if data.kind != "training" and data.support.cle_credit.offered:
        states += data.support.cle_credit.jurisdictions
    return list(dict.fromkeys(states))


def cle_hours(program: ProgramEntry) -> str:
    """The credit in a few words: '2 hours CA (1.5 general, 0.5 legal ethics)'."""
    by_state: dict[str, list[CleHours]] = {}
    for credit in cle_credits(program):
        by_state.setdefault(credit.jurisdiction, []).append(credit)
    parts = []
    for state, credits in by_state.items():
        total = _hours(sum(c.hours for c in credits))
        name = "MCLE" if state == "CA" else f"{state} CLE"
        detail = ", ".join(f"{_hours(c.hours)} {vocab.CLE_CATEGORIES.label(c.category).lower()}"
                           for c in credits)
        unit = "hour" if total == "1" else "hours"
        parts.append(f"{total} {unit} of {name}" + (f" ({detail})" if len(credits) > 1 else
                                                    f", {detail.split(' ', 1)[1]}"))
    return "; ".join(parts)


def _hours(value: float) -> str:
    return f"{value:g}"


def _cle_label(state: str) -> str:
    return "California (MCLE)" if state == "CA" else vocab.STATES.label(state)


FACETS = [
    # Primary facets give every listing at least one value ("unknown" if need be): the finder
    # relies on that to load their counts without narrowing the results.
    Facet("remedy", "Remedy", lambda p: list(p.data.remedies) or [UNKNOWN],
          _or_unknown(vocab.REMEDIES), primary=True),
    Facet("listing", "Kind of listing", lambda p: [p.data.kind], vocab.LISTING_KINDS.label,
          primary=True, implicit="program"),
    Facet("practice-area", "Practice area", lambda p: list(p.data.practice_areas),
          vocab.PRACTICE_AREAS.label),
    Facet("kind", "Kind of work", kinds_of_work, vocab.KINDS_OF_WORK.label, primary=True),
    Facet("clients", "Clients served", lambda p: list(p.data.clients) or [UNKNOWN],
          _or_unknown(vocab.CLIENTS), primary=True),
    Facet("state", "State", lambda p: [p.data.location.state or UNKNOWN],
          _or_unknown(vocab.STATES), primary=True),
    Facet("place", "Region, county or city", _places, str, browse=False),
    Facet("remote", "Remote possible", lambda p: _flag(remote_possible(p)), _flag_label,
          browse=False),
    Facet("who", "Who may volunteer", _who, lambda v: WHO_LABELS.get(v, UNKNOWN_LABEL),
          browse=False),
    Facet("court", "Court appearance", _court, lambda v: COURT_LABELS.get(v, v), browse=False),
    Facet("cle", "CLE credit", _cle, _cle_label, browse=False),
    Facet("commitment", "Commitment", lambda p: [commitment_length(p) or UNKNOWN],
          _or_unknown(vocab.COMMITMENT_LENGTHS), browse=False),
    Facet("support", "Support", _support, lambda v: SUPPORT_LABELS.get(v, v), browse=False),
    Facet("language", "Languages a volunteer may use", _languages, _or_unknown(vocab.LANGUAGES),
          browse=False),
    Facet("client-language", "Languages clients speak",
          lambda p: list(p.data.client_languages) or [UNKNOWN], _or_unknown(vocab.LANGUAGES),
          browse=False),
    Facet("experience", "Prior experience required",
          lambda p: _flag(people(p).experience_required), _flag_label, browse=False),
    Facet("organization", "Organization", lambda p: [p.org_id], str, browse=False),
]
BY_KEY = {facet.key: facet for facet in FACETS}

STATUS_LABELS = {"open": "Open", "paused": "Paused", "being-set-up": "Being set up",
                 "closed": "Closed", "unknown": "Status unknown", "expired": "Expired", "past": "Past",
                 "archived": "Archived (not confirmed)"}


CONFIRMED_LABELS = {freshness.CURRENT: "Confirmed in the last {days} days",
                    freshness.UNCONFIRMED: "Not confirmed in the last {days} days",
                    freshness.DESCRIBED: "Never confirmed by the organization: described from "
                                         "a public source"}


NEW_LABEL = f"Added in the last {NEW_DAYS} days"  # lifecycle.Standing.new


def offered(values: list[list[str]]) -> bool:
    """Whether a filter group narrows anything, given each listing's values of it: not when
    every value is "Not stated", nor when every listing has the one value there is."""
    seen = {value for each in values for value in each}
    if seen <= {UNKNOWN}:
        return False
    return len(seen) > 1 or not all(values)


def finder_facets(directory: Directory, life: Lifecycle) -> dict[str, Any]:
    """Every facet worth offering (see offered) with the label of every value that occurs,
    and the statuses' labels: what the finder page shows (finder_words.finder_config adds the
    words that name those values)."""
    programs = list(directory.programs.values())
    places = place_names(programs)
    facets = []
    for facet in FACETS:
        values = [facet.values(p) for p in programs]
        seen = sorted({v for each in values for v in each},
                      key=lambda v: (v == UNKNOWN, _label(facet, directory, v, places).lower()))
        if offered(values):
            facets.append({"key": facet.key, "label": facet.label, "primary": facet.primary,
                           "implicit": facet.implicit,
                           "values": [[v, _label(facet, directory, v, places)] for v in seen]})
    # urgent only while listed and the organization said so within urgent_days
    urgent = ["yes" if life.urgent(p) else "no" for p in programs]
    if offered([[v] for v in urgent]):
        facets.append({"key": "urgent", "label": "Urgent", "primary": False, "implicit": None,
                       "values": [[v, _flag_label(v)]
                                  for v in sorted(set(urgent), key=lambda v: v != "yes")]})
    if offered([["yes"] if life[p].new else [] for p in programs]):
        facets.append({"key": "new", "label": "New", "primary": False, "implicit": None,
                       "values": [["yes", NEW_LABEL]]})
    seen_confirmed = [life.fresh(p).confirmed for p in programs]
    if offered([[v] for v in seen_confirmed]):
        facets.append({"key": "confirmed", "label": "Last confirmed", "primary": False,
                       "values": [[v, CONFIRMED_LABELS[v].format(days=life.window)]
                                  for v in (freshness.CURRENT, freshness.UNCONFIRMED,
                                            freshness.DESCRIBED) if v in seen_confirmed]})
    return {"facets": facets, "statuses": STATUS_LABELS}


def _label(facet: Facet, directory: Directory, value: str, places: dict[str, str]) -> str:
    if facet.key == "place":
        return places.get(value, value)
    if facet.key == "organization":
        org = directory.organizations[value].data
        return org.short_name or org.name
    return facet.labels(value)
