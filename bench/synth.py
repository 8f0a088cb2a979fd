"""Realistic synthetic directories for the benchmarks: N listings across N/5 organizations.

Values are drawn from the real vocabularies, and the text varies, so search indexes and page
sizes behave as they would with real listings.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import yaml

from generator import vocab
from generator.validate import header_for

WORDS = ("survivor petition declaration evidence interview prosecutor hearing court filing "
         "relief status trafficking violence asylum visa record vacatur motion client meeting "
         "advocate training mentor remote county family children language interpreter research "
         "brief document certification law enforcement adjustment permanent residence custody "
         "protection order screening guidance strategy appeal continuance waiver").split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _pick(rng: random.Random, vocabulary: vocab.Vocabulary, most: int) -> list[str]:
    return rng.sample(vocabulary.ids(), rng.randint(1, most))


def _tag(number: int) -> str:
    """A name part no other organization's resembles: the validator refuses lookalike names and
    hosts, and "Organization 12" is one letter from "Organization 13"."""
    return hashlib.sha256(str(number).encode()).hexdigest()[:10]


def organization(rng: random.Random, number: int) -> dict:
    return {
        "name": f"Example Legal Organization {_tag(number)}",
        "website": f"https://org-{_tag(number)}.example.org",
        "description": _text(rng, 60),
        "location": {"state": rng.choice(vocab.STATES.ids()), "cities": [f"City {number % 97}"]},
        "clients": _pick(rng, vocab.CLIENTS, 3),
        "pro_bono_contact": {"name": f"Coordinator {number}",
                             "email": f"probono@org-{_tag(number)}.example.org"},
        "source": {"description": "Synthetic listing for benchmarks."},
        "last_verified": {"date": "2026-11-01", "by": "maintainers"},
    }


def program(rng: random.Random, number: int) -> dict:
    state = rng.choice(("CA", "CA", "NY", "TX", "IL", "WA", "FL", rng.choice(vocab.STATES.ids())))
    return {
        "title": f"{rng.choice(list(vocab.REMEDIES.terms.values()))} project {number}",
        "summary": _text(rng, 25)[:290],
        "description": "\n\n".join(_text(rng, 90) for _ in range(3)),
        "status": rng.choice(("open", "open", "open", "open", "paused", "closed")),
        "urgent": rng.random() < 0.1,
        "kinds_of_work": _pick(rng, vocab.KINDS_OF_WORK, 2),
        "practice_areas": _pick(rng, vocab.PRACTICE_AREAS, 2),
        "remedies": _pick(rng, vocab.REMEDIES, 3),
        "clients": _pick(rng, vocab.CLIENTS, 3),
        "client_languages": _pick(rng, vocab.LANGUAGES, 3),
        "forums": _pick(rng, vocab.FORUMS, 2),
        "location": {"state": state, "counties": [f"County {number % 53}"],
                     **({"remote_possible": rng.random() < 0.5} if rng.random() < 0.7 else {})},
        "commitment": {"length": rng.choice(vocab.COMMITMENT_LENGTHS.ids()),
                       "duration": f"{rng.randint(1, 12)} months"},
        "volunteers": {"experience_required": rng.random() < 0.3,
                       "languages_helpful": _pick(rng, vocab.LANGUAGES, 2)},
        "support": {"training": {"offered": rng.random() < 0.8},
                    "cle_credit": {"offered": rng.random() < 0.5, "jurisdictions": [state]},
                    "mentoring": rng.random() < 0.6},
        "source": {"description": "Synthetic listing for benchmarks."},
        "last_verified": {"date": "2026-11-01", "by": "maintainers"},
        "added": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
    }


def write_directory(root: Path, listings: int, organizations: int, seed: int = 1) -> Path:
    """Write orgs/ under root with the given counts; returns root."""
    rng = random.Random(seed)
    for number in range(organizations):
        folder = root / "orgs" / f"org-{number}"
        folder.mkdir(parents=True, exist_ok=True)
        _dump(folder / "organization.yml", "organization", organization(rng, number))
    for number in range(listings):
        folder = root / "orgs" / f"org-{number % organizations}"
        _dump(folder / f"program-{number}.yml", "program", program(rng, number))
    return root


def _dump(path: Path, kind: str, data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"{header_for(kind)}\n{text}", encoding="utf-8")
