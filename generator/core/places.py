"""Places a listing can be found by: counties, their seats, and regions of counties.

A listing names a state and, if it likes, cities, counties and regions. This module knows,
for the states its table covers (generator/core/data/counties.csv), every county and its seat, and a
controlled list of regions (generator/core/data/regions.yml), so that a listing is found by the
places that contain what it names, not only by the words it uses:

- a city that is a county seat is in that county (Oakland is in Alameda County);
- a county is in each region that takes it in (Alameda County is in the San Francisco Bay Area);
- a region does not imply its counties: a listing that serves "the Bay Area" names no county,
  so no county page lists it. A search for a county still finds it (see `place_words`): it does
  serve that county, and hiding it would be less honest than showing it.

Cities stay free text: a city the table does not know is its own place and is in no county.
Both tables are read once, on first use.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
_SUFFIXES = ("county", "borough", "parish")


@dataclass(frozen=True)
class County:
    state: str
    fips: str
    name: str  # "Alameda County": how every page shows it
    seat: str | None
    other_names: tuple[str, ...]

    @property
    def key(self) -> str:
        return _key(self.name)


@dataclass(frozen=True)
class Region:
    id: str  # page folder and filter value
    name: str
    other_names: tuple[str, ...]
    state: str
    counties: tuple[str, ...]  # County.name values
    source: str


@dataclass(frozen=True)
class Table:
    counties: dict[tuple[str, str], County]  # (state, folded name) -> county; several per county
    seats: dict[tuple[str, str], County]  # (state, folded seat) -> county
    regions: dict[str, Region]  # id -> region, in the data file's order
    region_names: dict[str, str]  # folded id, name or other name -> id
    states: frozenset[str]  # states whose counties are all listed


def fold(name: str) -> str:
    """Lower case, accents removed, spaces and punctuation as single spaces: "San José" and
    "san  jose" are both "san jose". The same folding as place_key, with spaces."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def place_key(name: str) -> str:
    """The key every spelling of one place shares: "San José", "San Jose" and "san  jose" are
    all san-jose (accents, case and spacing folded). It is also the place page's folder, so a
    name that would take a page number's folder ("Page 2") gets "place-" before it."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    key = "-".join(re.findall(r"[a-z0-9]+", plain.encode("ascii", "ignore").decode("ascii")))
    if not key or len(key) * 2 < len(re.sub(r"\W", "", plain)):  # mostly another script
        key = "-".join(re.findall(r"\w+", plain)).replace("_", "-")
    return f"place-{key}" if re.fullmatch(r"page-\d+", key) else key


def _key(name: str) -> str:
    return place_key(name)


def _bare(folded: str) -> str:
    """A folded county name without its "county" (alameda county -> alameda)."""
    words = folded.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in _SUFFIXES else folded


def _county_spellings(county: County) -> list[str]:
    name = fold(county.name)
    found = [name, _bare(name), *(fold(o) for o in county.other_names)]
    if name.startswith("st "):
        found += ["saint " + name[3:], "saint " + _bare(name)[3:]]
    return list(dict.fromkeys(found))


@functools.cache
def table() -> Table:
    """The county and region tables, read once."""
    counties: dict[tuple[str, str], County] = {}
    seats: dict[tuple[str, str], County] = {}
    with (DATA / "counties.csv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            county = County(row["state"], row["fips"], row["county"], row["seat"] or None,
                            tuple(n for n in row["other_names"].split(";") if n))
            for spelling in _county_spellings(county):
                counties.setdefault((county.state, spelling), county)
            if county.seat:
                seats[(county.state, fold(county.seat))] = county
    regions: dict[str, Region] = {}
    names: dict[str, str] = {}
    known = {c.name for c in counties.values()}
    for entry in yaml.safe_load((DATA / "regions.yml").read_text(encoding="utf-8")):
        region = Region(entry["id"], entry["name"], tuple(entry.get("other_names") or ()),
                        entry["state"], tuple(entry["counties"]), " ".join(entry["source"].split()))
        unknown = set(region.counties) - known
        if unknown:  # a mistake in the data file, not in anyone's listing
            raise ValueError(f"regions.yml: {region.id} names counties not in counties.csv: "
                             f"{', '.join(sorted(unknown))}")
        regions[region.id] = region
        for spelling in (region.id, region.name, *region.other_names):
            names.setdefault(fold(spelling), region.id)
    return Table(counties, seats, regions, names, frozenset(c.state for c in counties.values()))


def covers(state: str | None) -> bool:
    """Whether every county of the state is in the table, so a county can be checked."""
    return state in table().states


def county(state: str | None, name: str) -> County | None:
    """The county a name means in the state: "Alameda", "Alameda County" and "alameda county"
    are all Alameda County; "Manhattan" is New York County."""
    return table().counties.get((state or "", fold(name)))


def seat_county(state: str | None, city: str) -> County | None:
    """The county whose seat the city is, if the table knows it as one."""
    return table().seats.get((state or "", fold(city)))


def county_suggestion(state: str, name: str) -> str | None:
    """The county of the state whose name is closest to a misspelt one, or None."""
    names = {fold(c.name): c.name for (s, _), c in table().counties.items() if s == state}
    wanted = fold(name)
    match = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6) or \
        difflib.get_close_matches(wanted + " county", list(names), n=1, cutoff=0.6)
    return names[match[0]] if match else None


def region_id(name: str) -> str | None:
    """The id of the region a name, id or other name means ("Bay Area"), or None."""
    return table().region_names.get(fold(name))


def region_suggestion(name: str) -> str | None:
    """The closest region id to an unknown one, or None."""
    names = table().region_names
    match = difflib.get_close_matches(fold(name), list(names), n=1, cutoff=0.6)
    return names[match[0]] if match else None


def regions_of(found: County) -> list[Region]:
    """The regions that take the county in (Kings County is in the Central Valley in
    California, in New York City in New York)."""
    return [r for r in table().regions.values()
            if r.state == found.state and found.name in r.counties]


def canonical_counties(state: str | None, names: Iterable[Any]) -> list[Any]:
    """Each county as the table names it ("Alameda" -> "Alameda County"); names the table does
    not know, and anything that is not text, are left for the validator to report."""
    return [found.name if isinstance(name, str) and (found := county(state, name)) else name
            for name in names]


def values(location: Any) -> list[str]:
    """The place-facet values a listing's location is found by: each region, county and city
    it names, each named city's county if it is a county seat, and each region of those
    counties. Counties and cities use place_key; regions their id."""
    state = location.state
    found: list[str] = []
    for name in location.regions:
        found.append(region_id(name) or name)
    named = []
    for name in location.counties:
        found.append(_key(name))
        named.append(county(state, name))
    for name in location.cities:
        found.append(_key(name))
        named.append(seat_county(state, name))
    for each in named:
        if each is not None:
            found.append(each.key)
            found += [r.id for r in regions_of(each)]
    return list(dict.fromkeys(found))


def names(keys: Iterable[str]) -> dict[str, str]:
    """The table's own name for each key it knows (a region id, a county's key)."""
    by_key = {r.id: r.name for r in table().regions.values()}
    by_key.update({c.key: c.name for c in table().counties.values() if c.key not in by_key})
    return {key: by_key[key] for key in keys if key in by_key}


def is_region(key: str) -> bool:
    return key in table().regions


def place_words(programs: Iterable[Any]) -> dict[str, list[str]]:
    """Folded phrases that name a place, each with the `place`-facet values it selects.

    Contract, for the finder: a key is a phrase folded by `fold` (lower case, accents removed,
    single spaces), e.g. "oakland", "alameda county", "alameda", "bay area". Its value lists
    `place`-facet values (as facets.BY_KEY["place"].values gives them); a listing whose values
    hold ANY of them is in the place. Only values that some listing in `programs` has are
    given, and a phrase none of whose values any listing has is left out, so the map holds
    only places the directory can answer. Phrases are:

    - a region's name, id and other names -> the region;
    - a county's name, with and without "County", and its other names (Manhattan) -> the
      county, and every region that takes it in (a region-wide listing serves the county);
    - a county seat -> the same as its county (the seat's own city value too, if a listing
      names it);
    - any other city or county a listing names -> its own value.

    A phrase can name places in two states ("orange county"): its list holds both values, and
    the state filter tells them apart.
    """
    programs = list(programs)
    have: set[str] = set()
    for program in programs:
        have.update(values(program.data.location))
    words: dict[str, list[str]] = {}

    def add(phrase: str, selected: Iterable[str]) -> None:
        wanted = [v for v in selected if v in have]
        if phrase and wanted:
            words[phrase] = list(dict.fromkeys([*words.get(phrase, []), *wanted]))

    t = table()
    for region in t.regions.values():
        for spelling in (region.id, region.name, *region.other_names):
            add(fold(spelling), [region.id])
    for (_, spelling), found in t.counties.items():
        add(spelling, [found.key, *(r.id for r in regions_of(found))])
    for (_, seat), found in t.seats.items():
        add(seat, [_key(seat), found.key, *(r.id for r in regions_of(found))])
    for program in programs:
        location = program.data.location
        for name in [*location.counties, *location.cities]:
            add(fold(name), [_key(name)])
    return words


def first_county(state: str) -> str:
    """An example county of the state, for messages."""
    return next(c.name for (s, _), c in table().counties.items() if s == state)


def region(key: str) -> Region | None:
    """The region whose id the key is, or None (a county's or a city's key)."""
    return table().regions.get(key)


def shown(location: Any) -> list[str]:
    """The places a page shows for a location, narrowest first: cities, counties, regions."""
    regions = [found.name if (found := region(name)) else name for name in location.regions]
    return [*location.cities, *location.counties, *regions]
