"""Where each listing stands on the day of a build, decided once per listing.

A listing's status today, whether it is listed, how current its confirmation is
(generator/core/freshness.py) and whether its fast claims (urgent, clients waiting) are shown
all follow from its data, the day of the build and the directory's two windows. `Lifecycle`
decides them for every listing of a directory at once, before the pages and the exports are
made (and before the exports' process forks, so both share the one decision); every stage that
asks -- pages, cards, the finder's facets and index, the JSON and CSV exports, HSDS, feeds,
calendars, `stale` -- asks it. The windows have no default here: they come from mkdocs.yml
(freshness.window_days, freshness.urgent_days) or, in a test, are written out.

The statuses:

- open, paused, being-set-up, closed: what the organization said (`status:`);
- expired: past its `expires:` date;
- past: a training after its last date, a case after its respond-by date;
- archived: nobody confirmed it for twice the freshness window (a closed listing stays closed).

A listing is listed -- in the default views and in the counts of open opportunities -- while
it is open, not expired or past, and not archived.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.core import freshness
from generator.core.freshness import Claim, Freshness

if TYPE_CHECKING:
    from generator.core.directory import Directory, ProgramEntry

NEW_DAYS = 30  # the finder's "Added in the last 30 days"


@dataclass(frozen=True)
class Standing:
    """One listing on the day of the build."""

    status: str  # see the module's docstring
    listed: bool
    fresh: Freshness
    urgent_claim: Claim  # shown or not, and the words when not
    waiting_claim: Claim
    new: bool  # listed, and added within NEW_DAYS

    @property
    def urgent(self) -> bool:
        """Shown as urgent: listed, and the organization said so within urgent_days."""
        return self.listed and self.urgent_claim.shown


def standing(program: ProgramEntry, today: dt.date, window: int, urgent_days: int) -> Standing:
    over = program.is_expired(today)  # past its expires: date, or its own dates
    fresh = freshness.of(program, today, window, over)
    if over and program.data.expires is not None and program.data.expires < today:
        status = "expired"
    elif over:
        status = "past"
    elif program.data.status != "closed" and fresh.state == freshness.ARCHIVED:
        status = "archived"
    else:
        status = program.data.status
    listed = status == "open"
    return Standing(status, listed, fresh, freshness.urgent(program, today, urgent_days),
                    freshness.clients_waiting(program, today, urgent_days),
                    listed and (today - program.data.added).days <= NEW_DAYS)


class Lifecycle:
    """Every listing's Standing on one day, with the windows it was decided with."""

    def __init__(self, directory: Directory, today: dt.date, window: int,
                 urgent_days: int) -> None:
        self.today, self.window, self.urgent_days = today, window, urgent_days
        self._standing = {program.id: standing(program, today, window, urgent_days)
                          for program in directory.programs.values()}

    def __getitem__(self, program: ProgramEntry) -> Standing:
        return self._standing[program.id]

    def status(self, program: ProgramEntry) -> str:
        return self._standing[program.id].status

    def listed(self, program: ProgramEntry) -> bool:
        return self._standing[program.id].listed

    def fresh(self, program: ProgramEntry) -> Freshness:
        return self._standing[program.id].fresh

    def urgent(self, program: ProgramEntry) -> bool:
        return self._standing[program.id].urgent
