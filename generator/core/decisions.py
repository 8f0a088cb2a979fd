"""The decision facts: what a volunteer decides on (who may do the work, how long, where, with
what support, the next step), one table, FACTS, with where each kind of listing states each fact.

A listing's page names the ones it leaves unknown ("Not stated yet: ..."), the confirmation
request asks them (contribute's confirm), and the issue form "Confirm or correct our listing"
has a field for each, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.core import vocab
from generator.core.directory import Directory, ProgramEntry

NEXT_STEP = ("contact",)  # known when the listing or its organization gives a way to reach it


@dataclass(frozen=True)
class Fact:
    """A fact a volunteer decides on: where a program or case says it (`work`), where a training
    does (`training`), the question asked when nobody has said, and the form's field for it."""

    label: str  # the issue form's field, and the fact's name in the message
    question: str
    work: str | None = None  # the field path in a program or a case
    training: str | None = None  # the field path in a training
    kind: str = "flag"  # how the form asks it: an answers kind ("flag", "choice", "line"); "" none
    vocabulary: vocab.Vocabulary | None = None
    also: str | None = None  # another field that states the same fact in other words
    training_question: str = ""  # the question for a training, when it differs
    name: str = ""  # the fact in a listing page's "Not stated yet: ..." line

    def named(self) -> str:
        return self.name or self.label[:1].lower() + self.label[1:]

    def path(self, kind: str) -> tuple[str, ...] | None:
        where = self.training if kind == "training" else self.work
        return tuple(where.split(".")) if where else None

    def asked(self, kind: str) -> str:
        return self.training_question if kind == "training" and self.training_question \
            else self.question


FACTS: tuple[Fact, ...] = (
    Fact("Bar admission", "Which bar admission does a volunteer need, or can out-of-state "
         "attorneys volunteer under supervision?", "volunteers.bar_admission",
         "audience.bar_admission", "choice", vocab.BAR_ADMISSION,
         training_question="Which bar admission, if any, does someone need to attend?",
         name="bar admission"),
    Fact("Experience in this area required", "Can attorneys new to this area of law volunteer, "
         "or is experience in it needed?", "volunteers.experience_required",
         name="experience needed"),
    Fact("Length of commitment", "How long does a typical case or assignment last?",
         "commitment.length", None, "choice", vocab.COMMITMENT_LENGTHS, "commitment.duration",
         name="length"),
    Fact("Hours", "How many hours a month should a volunteer expect?", "commitment.hours",
         None, "line"),
    Fact("Remote work possible", "Can the work be done remotely? If not, where?",
         "location.remote_possible", name="remote work"),
    Fact("Training offered", "Do you train volunteers for this work?",
         "support.training.offered", name="training"),
    Fact("CLE credit offered", "Does the work or its training carry CLE credit, and in which "
         "states?", "support.cle_credit.offered", name="CLE credit"),
    Fact("Mentoring", "Does an experienced attorney mentor volunteers?", "support.mentoring"),
    Fact("Malpractice insurance covers volunteers", "Does your organization's malpractice "
         "insurance cover volunteers?", "support.malpractice_coverage",
         name="malpractice insurance"),
    Fact("Free", "Is the training free? If not, what does it cost?", None, "free",
         name="cost"),
    Fact("Next step", "What is the one next step for a volunteer who is interested, and who "
         "answers it?", "contact", "contact", ""),
)


def facts_for(kind: str) -> list[Fact]:
    return [fact for fact in FACTS if fact.path(kind) is not None]


def value_at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = getattr(data, key, None)
    return data


def unknown(directory: Directory, program: ProgramEntry) -> list[Fact]:
    """The decision facts the listing leaves unknown, in the table's order."""
    return [fact for fact in facts_for(program.kind) if not _known(directory, program, fact)]


def _known(directory: Directory, program: ProgramEntry, fact: Fact) -> bool:
    path = fact.path(program.kind)
    if path == NEXT_STEP:
        contact = directory.contact_for(program)
        org = directory.organizations[program.org_id].data
        routes = (contact.interest_form, contact.email, contact.website, contact.phone) \
            if contact is not None else ()
        return any(routes) or bool(org.website) or bool(getattr(program.data, "registration",
                                                                None))
    also = (tuple(fact.also.split(".")),) if fact.also else ()
    return any(value_at(program.data, where) not in (None, []) for where in (path, *also))
