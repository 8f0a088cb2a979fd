"""The ways to narrow the directory: shared by the browse pages, the finder and its index.

A tri-state fact that nobody has stated is the value "unknown", never "no", so a filter on
"remote: yes" never hides a listing that simply did not say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import vocab
from generator.directory import Directory, ProgramEntry

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


def _flag(value: bool | None) -> list[str]:
    return [UNKNOWN if value is None else ("yes" if value else "no")]


def _flag_label(value: str) -> str:
    return {"yes": "Yes", "no": "No", UNKNOWN: UNKNOWN_LABEL}.get(value, value)


def _or_unknown(vocabulary: vocab.Vocabulary) -> Callable[[str], str]:
    return lambda value: UNKNOWN_LABEL if value == UNKNOWN else vocabulary.label(value)


def _support(program: ProgramEntry) -> list[str]:
    s = program.data.support
    offered = {"training": s.training.offered, "cle-credit": s.cle_credit.offered,
               "mentoring": s.mentoring, "sample-materials": s.sample_materials,
               "technical-assistance": s.technical_assistance, "case-screening": s.case_screening,
               "social-worker": s.social_worker}
    return [key for key, value in offered.items() if value]


SUPPORT_LABELS = {"training": "Training", "cle-credit": "CLE credit (MCLE in California)",
                  "mentoring": "Mentoring", "sample-materials": "Sample materials",
                  "technical-assistance": "Co-counsel or technical assistance",
                  "case-screening": "Cases screened", "social-worker": "Social worker for the client"}


def _languages(program: ProgramEntry) -> list[str]:
    v = program.data.volunteers
    return list(dict.fromkeys(v.languages_required + v.languages_helpful)) or [UNKNOWN]


def _places(program: ProgramEntry) -> list[str]:
    return list(program.data.location.counties) or list(program.data.location.cities)


FACETS = [
    # Primary facets give every listing at least one value ("unknown" if need be): the finder
    # relies on that to load their counts without narrowing the results.
    Facet("remedy", "Remedy", lambda p: list(p.data.remedies) or [UNKNOWN],
          _or_unknown(vocab.REMEDIES), primary=True),
    Facet("practice-area", "Practice area", lambda p: list(p.data.practice_areas),
          vocab.PRACTICE_AREAS.label),
    Facet("kind", "Kind of work", lambda p: list(p.data.kinds_of_work),
          vocab.KINDS_OF_WORK.label, primary=True),
    Facet("clients", "Clients served", lambda p: list(p.data.clients) or [UNKNOWN],
          _or_unknown(vocab.CLIENTS), primary=True),
    Facet("state", "State", lambda p: [p.data.location.state or UNKNOWN],
          _or_unknown(vocab.STATES), primary=True),
    Facet("place", "County or city", _places, str, browse=False),
    Facet("remote", "Remote possible", lambda p: _flag(p.data.location.remote_possible),
          _flag_label, browse=False),
    Facet("commitment", "Commitment", lambda p: [p.data.commitment.length or UNKNOWN],
          _or_unknown(vocab.COMMITMENT_LENGTHS), browse=False),
    Facet("support", "Support", _support, lambda v: SUPPORT_LABELS.get(v, v), browse=False),
    Facet("language", "Languages a volunteer may use", _languages, _or_unknown(vocab.LANGUAGES),
          browse=False),
    Facet("client-language", "Languages clients speak",
          lambda p: list(p.data.client_languages) or [UNKNOWN], _or_unknown(vocab.LANGUAGES),
          browse=False),
    Facet("experience", "Prior experience required",
          lambda p: _flag(p.data.volunteers.experience_required), _flag_label, browse=False),
    Facet("organization", "Organization", lambda p: [p.org_id], str, browse=False),
    Facet("urgent", "Urgent", lambda p: ["yes" if p.data.urgent else "no"], _flag_label,
          browse=False),
]
BY_KEY = {facet.key: facet for facet in FACETS}

STATUS_LABELS = {"open": "Open", "paused": "Paused", "closed": "Closed", "expired": "Expired"}


def status_of(program: ProgramEntry, today: dt.date) -> str:
    return "expired" if program.is_expired(today) else program.data.status


def finder_config(directory: Directory, today: dt.date) -> dict[str, Any]:
    """Every facet with the label of every value that occurs: what the finder page shows."""
    facets = []
    for facet in FACETS:
        seen = sorted({v for p in directory.programs.values() for v in facet.values(p)},
                      key=lambda v: (v == UNKNOWN, _label(facet, directory, v).lower()))
        facets.append({"key": facet.key, "label": facet.label, "primary": facet.primary,
                       "values": [[v, _label(facet, directory, v)] for v in seen]})
    return {"facets": facets, "statuses": STATUS_LABELS}


def _label(facet: Facet, directory: Directory, value: str) -> str:
    if facet.key == "organization":
        org = directory.organizations[value].data
        return org.short_name or org.name
    return facet.labels(value)
