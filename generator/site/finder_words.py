"""Words an attorney types into the finder that name a filter: "remote", "Spanish", "CLE",
"law student", "California", "urgent", "training".

Full-text search reads such words as text, and text is a poor judge of them: "CLE" matches a
listing whose page says "no CLE credit", "law student" one that says "MSW students". Each of
these words has a filter that answers it from the data, so the finder applies that filter (the
same as ticking its box, and shown as such) and leaves the word out of the text it searches.

The map is built here, from the vocabularies and the facets' labels, and shipped in the finder's
configuration; finder.js only looks phrases up. It holds only values a facet offers in this
directory (finder_config decides that): a word whose filter would narrow nothing, or
would find no listing, stays a word of text.

Phrases are folded as finder.js folds what is typed (fold): accents, case and punctuation do
not count, so "Español", "espanol" and "ESPAÑOL" are one phrase, and "in-house" is "in house".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import langcodes

from generator.core import facets, places, vocab
from generator.core.directory import Directory, ProgramEntry
from generator.core.lifecycle import Lifecycle

# What people call a language besides the name the vocabulary shows (vocab.LANGUAGES): the
# registry's English name for cmn is "Mandarin Chinese", but attorneys write "Mandarin".
LANGUAGE_ALIASES = {"cmn": ("Mandarin",), "yue": ("Cantonese",), "tl": ("Tagalog",),
                    "ht": ("Haitian", "Kreyol"), "prs": ("Dari",), "ase": ("ASL", "Sign Language")}

# Phrases for single values, as attorneys write them; (facet key, value) -> phrases. Singular and
# plural are both listed: matching is on whole words, so "paralegal" does not match "paralegals".
PHRASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("remote", "yes"): ("remote", "remotely", "remote possible", "work remotely"),
    ("remote", "no"): ("in person",),
    ("support", "cle-credit"): ("CLE", "MCLE", "CLE credit", "CLE credits", "MCLE credit",
                                "MCLE credits", "continuing legal education"),
    ("urgent", "yes"): ("urgent", "urgently"),
    ("listing", "training"): ("training", "trainings"),
    ("who", "students"): ("law student", "law students"),
    ("who", "paralegals"): ("paralegal", "paralegals"),
    ("who", "interpreters"): ("interpreter", "interpreters"),
    ("who", "in-house"): ("in-house counsel", "in house counsel", "registered in-house counsel",
                          "in-house attorney", "in-house attorneys", "in-house lawyer",
                          "in-house lawyers"),
    ("who", "retired"): ("retired attorney", "retired attorneys", "retired lawyer",
                         "retired lawyers", "inactive attorney", "inactive attorneys",
                         "retired or inactive attorneys"),
}


def fold(text: str) -> str:
    """Lower case, no accents, words separated by one space: 'In-House  Counsel' -> 'in house
    counsel'. finder.js folds what is typed the same way (NFKD, combining marks dropped, lower
    case, runs of anything but letters and digits as one space)."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", plain))


def finder_words(programs: list[ProgramEntry], offered: list[dict[str, Any]]
                 ) -> dict[str, Any]:
    """{"words": folded phrase -> [[facet key, value], ...], "codes": "CA" -> [["state", "CA"]]}
    for the filters `offered` (finder_config's facets, each with its values).

    A phrase names one facet; its values combine as ticking their boxes does (OR). Where two
    sources would claim one phrase, the first wins, in this order: the phrases above, states,
    languages, places ("New York" is the state, not New York County). State codes are matched
    only as typed in capitals ("IN", "OR", "ME" written in lower case are words), so they are
    kept apart from the folded phrases."""
    values = {facet["key"]: {pair[0] for pair in facet["values"]} for facet in offered}
    words: dict[str, list[list[str]]] = {}

    def add(phrase: str, key: str, value: str) -> None:
        folded = fold(phrase)
        if not folded or value not in values.get(key, ()):
            return
        pairs = words.setdefault(folded, [])
        if pairs and pairs[0][0] != key:
            return  # claimed by another facet first
        if [key, value] not in pairs:
            pairs.append([key, value])

    for (key, value), phrases in PHRASES.items():
        for phrase in phrases:
            add(phrase, key, value)
    for code in sorted(values.get("state", ())):
        add(vocab.STATES.terms.get(code, ""), "state", code)
    for code in sorted(values.get("language", set()) | values.get("client-language", set())):
        # the languages a volunteer may use, where that filter offers the language; else the
        # languages clients speak (a volunteer who speaks it is then of help)
        key = "language" if code in values.get("language", ()) else "client-language"
        for name in language_names(code):
            add(name, key, code)
    for phrase, keys in places.place_words(programs).items():
        for key in keys:
            add(fold(phrase), "place", key)
    codes = {code: [["state", code]] for code in sorted(values.get("state", ()))
             if code in vocab.STATES.terms}
    return {"words": dict(sorted(words.items())), "codes": codes}


def language_names(code: str) -> list[str]:
    """The vocabulary's English name, the language's own name (español) and the aliases
    attorneys use, without a parenthesis ("Persian (Afghanistan)" is also "Persian")."""
    if code == "unknown":
        return []
    names = [vocab.LANGUAGES.label(code), *LANGUAGE_ALIASES.get(code, ())]
    try:
        names.append(langcodes.get(code).autonym())
    except (LookupError, ValueError):
        pass
    names += [re.sub(r"\s*\(.*\)\s*$", "", name) for name in names]
    return list(dict.fromkeys(name for name in names if name and name != code))


def finder_config(directory: Directory, life: Lifecycle) -> dict[str, Any]:
    """What the finder page needs: the facets worth offering with their values' labels, the
    statuses (facets.finder_facets), and the words that name one of those values, which the
    finder applies as filters."""
    config = facets.finder_facets(directory, life)
    return {**config, **finder_words(list(directory.programs.values()), config["facets"])}
