"""The ways to narrow the directory: shared by the browse pages, the finder and the exports.

A tri-state fact that nobody has stated is the value "unknown", never "no".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator import vocab
from generator.directory import ProgramEntry

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter and folder name: remedy, state, ...
    label: str
    values: Callable[[ProgramEntry], list[str]]
    labels: Callable[[str], str]
    browse: bool = True  # has browse pages


def _flag(value: bool | None) -> list[str]:
    return [UNKNOWN if value is None else ("yes" if value else "no")]


def _flag_label(value: str) -> str:
    return {"yes": "Yes", "no": "No", UNKNOWN: "Not stated"}.get(value, value)


FACETS = [
    Facet("remedy", "Remedy", lambda p: list(p.data.remedies), vocab.REMEDIES.label),
    Facet("practice-area", "Practice area", lambda p: list(p.data.practice_areas),
          vocab.PRACTICE_AREAS.label),
    Facet("kind", "Kind of work", lambda p: list(p.data.kinds_of_work),
          vocab.KINDS_OF_WORK.label),
    Facet("clients", "Clients served", lambda p: list(p.data.clients), vocab.CLIENTS.label),
    Facet("state", "State", lambda p: [p.data.location.state or UNKNOWN],
          lambda v: "Not stated" if v == UNKNOWN else vocab.STATES.label(v)),
    Facet("remote", "Remote possible", lambda p: _flag(p.data.location.remote_possible),
          _flag_label, browse=False),
]

BY_KEY = {facet.key: facet for facet in FACETS}
