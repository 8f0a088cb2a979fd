"""Realistic synthetic directories for the benchmarks: N listings across N/5 organizations.

The listings are of all three kinds, as a real directory's would be: 70 % programs, 20 %
trainings (one to four sessions each, most upcoming and some past relative to the build date,
some recordings, CLE hours in about half) and 10 % cases (most to be answered in the coming
weeks, some whose respond_by has passed). Values are drawn from the real vocabularies, and the
text varies, so search indexes and page sizes behave as they would with real listings. The
same seed gives the same files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

import yaml

from generator.core import places, vocab
from generator.core.validate import header_for

WORDS = ("survivor petition declaration evidence interview prosecutor hearing court filing "
         "relief status trafficking violence asylum visa record vacatur motion client meeting "
         "advocate training mentor remote county family children language interpreter research "
         "brief document certification law enforcement adjustment permanent residence custody "
         "protection order screening guidance strategy appeal continuance waiver").split()

# The share of each kind of listing, as in a directory that lists trainings and cases besides
# its programs.
MIX = {"program": 0.7, "training": 0.2, "case": 0.1}
# The build date the benchmark passes to the site (bench.run.TODAY): trainings and cases are
# dated relative to it.
TODAY = dt.date(2026, 11, 22)

# Each state's (main) time zone, for the sessions' times.
_ZONES = {
    "America/New_York": "CT DE DC FL GA IN KY ME MD MA MI NH NJ NY NC OH PA RI SC VT VA WV",
    "America/Chicago": "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI",
    "America/Denver": "CO MT NM UT WY ID",
    "America/Phoenix": "AZ",
    "America/Los_Angeles": "CA NV OR WA",
    "America/Anchorage": "AK",
    "Pacific/Honolulu": "HI",
    "America/Puerto_Rico": "PR VI",
    "Pacific/Guam": "GU",
}
TIME_ZONES = {state: zone for zone, states in _ZONES.items() for state in states.split()}

TRAINING_TOPICS = ("basics for new volunteers", "declarations and client interviews",
                   "evidence and supporting documents", "working with interpreters",
                   "trauma-informed interviewing", "hearing preparation",
                   "ethics of limited-scope help", "updates for experienced volunteers")
VENUES = ("County Law Library", "Bar Association conference room", "Community center",
          "Law school clinic", "Courthouse self-help center")
NEXT_DATES = ("Filing deadline", "Individual hearing", "Master calendar hearing",
              "Certification expires", "Response to a request for evidence due",
              "Interview at the asylum office", "Hearing on the motion")


# The common languages the validator accepts: it refuses prs (Dari), which vocab.LANGUAGES
# lists, because langcodes standardizes it to fa-AF (see vocab.language_code).
LANGUAGES = [code for code in vocab.LANGUAGES.ids() if vocab.language_code(code) is not None]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _pick(rng: random.Random, vocabulary: vocab.Vocabulary | list[str], most: int) -> list[str]:
    ids = vocabulary if isinstance(vocabulary, list) else vocabulary.ids()
    return rng.sample(ids, rng.randint(1, most))


def _tag(number: int) -> str:
    """A name part no other organization's resembles: the validator refuses lookalike names and
    hosts, and "Organization 12" is one letter from "Organization 13". Letters only (the hash's
    hex digits spelled a to p): ten hex digits can all be digits, or an a and digits, which the
    privacy guard rightly reads as a phone or an A-number."""
    return hashlib.sha256(str(number).encode()).hexdigest()[:10].translate(_LETTERS)


_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def _state(rng: random.Random) -> str:
    return rng.choice(("CA", "CA", "NY", "TX", "IL", "WA", "FL", rng.choice(vocab.STATES.ids())))


def _county(state: str, number: int) -> str:
    """A county the validator knows where it knows every county of the state (places.covers),
    else a made-up one."""
    if places.covers(state):
        names = sorted({c.name for c in places.table().counties.values() if c.state == state})
        return names[number % len(names)]
    return f"County {number % 53}"


def _checked(rng: random.Random, today: dt.date, added: dt.date | None = None) -> dict:
    """source, last_verified and added: added before the check, both on or before today."""
    verified = today - dt.timedelta(days=rng.randint(1, 30))
    if added is None:
        added = verified - dt.timedelta(days=rng.randint(0, 300))
    return {"source": {"description": "Synthetic listing for benchmarks."},
            "last_verified": {"date": verified.isoformat(), "by": "maintainers"},
            "added": min(added, verified).isoformat()}


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


def _volunteer_work(rng: random.Random, number: int, state: str) -> dict:
    """What a program and a case both say: the work, where, its time, who, the support."""
    return {
        "kinds_of_work": _pick(rng, vocab.KINDS_OF_WORK, 2),
        "practice_areas": _pick(rng, vocab.PRACTICE_AREAS, 2),
        "remedies": _pick(rng, vocab.REMEDIES, 3),
        "clients": _pick(rng, vocab.CLIENTS, 3),
        "client_languages": _pick(rng, LANGUAGES, 3),
        "forums": _pick(rng, vocab.FORUMS, 2),
        "location": {"state": state, "counties": [_county(state, number)],
                     **({"remote_possible": rng.random() < 0.5} if rng.random() < 0.7 else {})},
        "commitment": {"length": rng.choice(vocab.COMMITMENT_LENGTHS.ids()),
                       "duration": f"{rng.randint(1, 12)} months"},
        "volunteers": {"experience_required": rng.random() < 0.3,
                       "languages_helpful": _pick(rng, LANGUAGES, 2)},
        "support": {"training": {"offered": rng.random() < 0.8},
                    "cle_credit": {"offered": rng.random() < 0.5, "jurisdictions": [state]},
                    "mentoring": rng.random() < 0.6},
    }


def program(rng: random.Random, number: int, today: dt.date = TODAY) -> dict:
    state = _state(rng)
    work = _volunteer_work(rng, number, state)
    return {
        "title": f"{rng.choice(list(vocab.REMEDIES.terms.values()))} project {number}",
        "summary": _text(rng, 25)[:290],
        "description": "\n\n".join(_text(rng, 90) for _ in range(3)),
        "status": rng.choice(("open", "open", "open", "open", "paused", "closed")),
        "urgent": rng.random() < 0.1,
        **work,
        **_checked(rng, today),
    }


def _sessions(rng: random.Random, first: dt.date, count: int, gap: int, in_person: bool,
              city: str) -> list[dict]:
    """count sessions gap days apart from first, at the same time of day."""
    start_hour, start_minute = rng.choice(((9, 0), (10, 0), (12, 0), (13, 0), (14, 0), (17, 30)))
    minutes = rng.choice((60, 90, 90, 120, 180))
    end = start_hour * 60 + start_minute + minutes
    sessions = []
    for index in range(count):
        session = {"date": (first + dt.timedelta(days=index * gap)).isoformat(),
                   "start": f"{start_hour:02d}:{start_minute:02d}",
                   "end": f"{end // 60:02d}:{end % 60:02d}"}
        if in_person:
            session["where"] = f"{rng.choice(VENUES)}, {city}"
        sessions.append(session)
    return sessions


def training(rng: random.Random, number: int, today: dt.date = TODAY) -> dict:
    """A training: live online, in person or recorded; one to four sessions, most of them
    upcoming (a fifth of the trainings are over), CLE hours in about half."""
    state = _state(rng)
    city = f"City {number % 97}"
    remedy = rng.choice(vocab.REMEDIES.ids())
    formats = rng.choice((["live-online"], ["live-online"], ["live-online"], ["in-person"],
                          ["in-person"], ["in-person", "live-online"], ["live-online", "recorded"],
                          ["recorded"]))
    data: dict = {
        "kind": "training",
        "title": f"{vocab.REMEDIES.label(remedy)}: {rng.choice(TRAINING_TOPICS)} ({number})",
        "summary": _text(rng, 22)[:290],
        "description": "\n\n".join(_text(rng, 80) for _ in range(2)),
        "status": "open",
        "practice_areas": _pick(rng, vocab.PRACTICE_AREAS, 2),
        "remedies": [remedy],
        "clients": _pick(rng, vocab.CLIENTS, 2),
        "location": {"state": state, **({"cities": [city]} if "in-person" in formats else {})},
        "formats": formats,
    }
    added = None
    if formats != ["recorded"]:
        count, gap = rng.choice((1, 1, 1, 2, 2, 3, 4)), rng.choice((7, 7, 14, 28))
        if rng.random() < 0.2:  # over: the last session before today
            last = today - dt.timedelta(days=rng.randint(1, 120))
            first = last - dt.timedelta(days=gap * (count - 1))
        else:
            first = today + dt.timedelta(days=rng.randint(1, 150))
        data["sessions"] = _sessions(rng, first, count, gap, "in-person" in formats, city)
        data["time_zone"] = TIME_ZONES[state]
        added = min(first, today) - dt.timedelta(days=rng.randint(14, 60))
    else:
        data["available_until"] = (today + dt.timedelta(days=rng.randint(30, 365))).isoformat()
    data["registration"] = f"https://trainings.example.org/register/training-{number}"
    price = rng.random()
    if price < 0.6:
        data.update(cost="Free", free=True)
    elif price < 0.9:
        data.update(cost=rng.choice(("$25", "$40", "$50", "$75", "$150")), free=False)
        if rng.random() < 0.3:
            data["cost_condition"] = "Free for volunteers who take a case afterwards"
    if rng.random() < 0.5:
        data["capacity"] = rng.choice((20, 30, 40, 60, 100, 250))
    if rng.random() < 0.5:
        data["cle"] = [{"jurisdiction": state, "hours": rng.choice((1, 1.5, 2, 3, 6)),
                        "category": "general"}]
        if rng.random() < 0.4:
            data["cle"].append({"jurisdiction": state, "hours": rng.choice((0.5, 1)),
                                "category": rng.choice(vocab.CLE_CATEGORIES.ids()[1:])})
    data["audience"] = {"bar_admission": rng.choice(vocab.BAR_ADMISSION.ids()[:2]),
                        "law_students_welcome": rng.random() < 0.5}
    data.update(_checked(rng, today, added))
    return data


def case(rng: random.Random, number: int, today: dt.date = TODAY) -> dict:
    """A case: most to be answered in the coming weeks, some (15 %) past their respond_by."""
    state = _state(rng)
    remedy = rng.choice(vocab.REMEDIES.ids())
    client = rng.choice(vocab.CLIENTS.ids())
    work = _volunteer_work(rng, number, state)
    work["remedies"] = [remedy]
    work["clients"] = [client]
    if rng.random() < 0.85:
        respond_by = today + dt.timedelta(days=rng.randint(3, 60))
    else:
        respond_by = today - dt.timedelta(days=rng.randint(1, 45))
    data: dict = {
        "kind": "case",
        "title": f"{vocab.REMEDIES.label(remedy)} for one client, case {number}",
        "summary": _text(rng, 20)[:290],
        "description": "\n\n".join(_text(rng, 70) for _ in range(2)),
        "status": "open",
        "urgent": rng.random() < 0.3,
        **work,
        "respond_by": respond_by.isoformat(),
    }
    if rng.random() < 0.7:
        data["next_date"] = {
            "date": (respond_by + dt.timedelta(days=rng.randint(14, 120))).isoformat(),
            "what": rng.choice(NEXT_DATES)}
    if rng.random() < 0.8:
        data["clients_waiting"] = 1 if rng.random() < 0.6 else rng.randint(2, 8)
    added = respond_by - dt.timedelta(days=rng.randint(14, 60))
    data.update(_checked(rng, today, min(added, today)))
    return data


MAKERS = {"program": program, "training": training, "case": case}


def kinds(listings: int, seed: int = 1) -> list[str]:
    """The kind of each listing, in order: MIX's shares exactly (rounded), shuffled."""
    counts = {kind: round(share * listings) for kind, share in MIX.items()}
    counts["program"] = listings - counts["training"] - counts["case"]
    order = [kind for kind, count in counts.items() for _ in range(count)]
    random.Random(seed).shuffle(order)
    return order


def write_directory(root: Path, listings: int, organizations: int, seed: int = 1,
                    today: dt.date = TODAY) -> Path:
    """Write orgs/ under root with the given counts; returns root."""
    rng = random.Random(seed)
    for number in range(organizations):
        folder = root / "orgs" / f"org-{number}"
        folder.mkdir(parents=True, exist_ok=True)
        _dump(folder / "organization.yml", "organization", organization(rng, number))
    for number, kind in enumerate(kinds(listings, seed)):
        folder = root / "orgs" / f"org-{number % organizations}"
        _dump(folder / f"{kind}-{number}.yml", kind, MAKERS[kind](rng, number, today))
    return root


def _dump(path: Path, kind: str, data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"{header_for(kind)}\n{text}", encoding="utf-8")
