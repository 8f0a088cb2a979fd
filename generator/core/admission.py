"""The general rule on bar admission, where a listing does not say who may volunteer.

Many listings leave `volunteers.bar_admission` unstated, yet their forums and remedies let the
law answer the question a coordinator asks first: an immigration court takes an attorney
admitted anywhere in the United States; a California court takes one admitted elsewhere only
with its permission. A page shows such a rule labelled as the general rule, never as the
organization's word, with the official text it rests on and the day that text was checked.

One table, RULES: each rule's words, the forums, remedies and state that call for it, and its
sources. A rule is added here only once its citation has been read in the official text; a
rule nobody could check is left out rather than written from memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.core.directory import ProgramEntry
from generator.core.facets import people

LABEL = "General rule (not stated by the organization)"
CHECKED = dt.date(2026, 12, 3)


@dataclass(frozen=True)
class Source:
    """An official text a rule rests on: its title as a reader would look for it, and where."""

    title: str
    url: str


@dataclass(frozen=True)
class Rule:
    """A rule the law gives on who may do the work, and what in a listing calls for it: any of
    its `forums` or `remedies`, in `state` when the rule is one state's (None: anywhere)."""

    key: str
    text: str
    citation: str
    forums: frozenset[str]
    remedies: frozenset[str] = frozenset()
    state: str | None = None
    sources: tuple[Source, ...] = ()
    checked: dt.date = CHECKED


RULES: tuple[Rule, ...] = (
    Rule("eoir",
         "To represent someone before the immigration courts or the Board of Immigration "
         "Appeals, an attorney must be a member in good standing of the bar of the highest "
         "court of any U.S. state, possession, territory or Commonwealth, or of the District "
         "of Columbia, not under an order restricting their practice of law, and registered "
         "with EOIR",
         "8 C.F.R. §§ 1001.1(f), 1292.1(a)(1), 1292.1(f)",
         frozenset({"immigration-court"}),
         sources=(
             Source("8 C.F.R. § 1001.1, Definitions (eCFR)",
                    "https://www.ecfr.gov/current/title-8/chapter-V/subchapter-A/part-1001/"
                    "section-1001.1"),
             Source("8 C.F.R. § 1292.1, Representation of others (eCFR)",
                    "https://www.ecfr.gov/current/title-8/chapter-V/subchapter-B/part-1292/"
                    "section-1292.1"),
             Source("EOIR Policy Manual, Part I, 5.2: Individuals authorized to provide "
                    "representation",
                    "https://www.justice.gov/eoir/policy-manual-eoir/part-I/chapter-5-2"))),
    Rule("california-courts",
         "In a California court the attorney of record is an active licensee of the State Bar "
         "of California. An attorney admitted only elsewhere in the United States may appear "
         "in the case only with that court's permission (pro hac vice), with an active "
         "California licensee associated as attorney of record, and not at all if they live, "
         "are regularly employed or regularly do substantial business in California",
         "Cal. Rules of Court, rule 9.40(a)",
         frozenset({"state-criminal-court", "state-family-court"}),
         frozenset({"vacatur", "restraining-order", "custody"}), "CA",
         (Source("California Rules of Court, rule 9.40: Counsel pro hac vice",
                 "https://courts.ca.gov/cms/rules/index/nine/rule9_40"),)),
)


def rules_for(program: ProgramEntry) -> list[Rule]:
    """The general rules a listing's page shows: none for a training (its audience is not
    appearing for anyone) or for a listing that states its bar admission (its word stands)."""
    if program.kind == "training" or people(program).bar_admission is not None:
        return []
    data = program.data
    return [rule for rule in RULES
            if (rule.forums & set(data.forums) or rule.remedies & set(data.remedies))
            and rule.state in (None, data.location.state)]
