"""How current a listing is: confirmed within the directory's window, not confirmed since, or
archived.

The window (default 180 days, `freshness_days` under the probono plugin in mkdocs.yml) counts
from the listing's `last_verified` date. Past the window a listing stays in every view with a
notice ("Not confirmed since DATE"); past twice the window it is archived: it leaves the default
views and its page says so, and its address is kept. A training or case goes by its own dates:
while a session or its respond-by date is ahead, the window only adds the notice; once its date
has passed (or a listing's `expires` date), it is archived the same way. Nothing here deletes a
file: the daily rebuild moves listings between these states on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.problems import SetupError

if TYPE_CHECKING:
    from generator.directory import ProgramEntry

DEFAULT_WINDOW_DAYS = 180
NEAR_DAYS = 30  # `stale` names listings this close to the end of their window
CURRENT, UNCONFIRMED, ARCHIVED = "current", "unconfirmed", "archived"
LABELS = {CURRENT: "Confirmed recently", UNCONFIRMED: "Not confirmed recently",
          ARCHIVED: "Archived"}


@dataclass(frozen=True)
class Freshness:
    state: str  # current, unconfirmed or archived
    verified: dt.date  # the last_verified date
    confirm_by: dt.date  # the last day it counts as current
    archive_on: dt.date  # the day it leaves the default views, unless its own dates say so

    @property
    def confirmed(self) -> str:
        """The finder's 'Last confirmed' value: current, or unconfirmed (archived listings are
        out of the default views already, and count as unconfirmed when shown)."""
        return CURRENT if self.state == CURRENT else UNCONFIRMED

    @property
    def notice(self) -> str:
        """'Not confirmed since 12 March 2026' past the window; '' while current."""
        if self.state == CURRENT:
            return ""
        return f"Not confirmed since {self.verified.day} {self.verified:%B %Y}"


def of(program: ProgramEntry, today: dt.date, window: int = DEFAULT_WINDOW_DAYS) -> Freshness:
    verified = program.data.last_verified.date
    confirm_by = verified + dt.timedelta(days=window)
    archive_on = verified + dt.timedelta(days=2 * window)
    if program.is_expired(today):
        state = ARCHIVED
    elif today <= confirm_by:
        state = CURRENT
    elif today < archive_on or _own_date_ahead(program, today):
        state = UNCONFIRMED
    else:
        state = ARCHIVED
    return Freshness(state, verified, confirm_by, archive_on)


def _own_date_ahead(program: ProgramEntry, today: dt.date) -> bool:
    """A training with a session to come, or a case still waiting for an answer."""
    ended = program.ended_on()
    return program.kind in ("training", "case") and ended is not None and ended >= today


def window_days(root: Path) -> int:
    """The window set in root/mkdocs.yml (plugins: - probono: freshness_days: N), or 180.

    Read without MkDocs, which the core does not import; the plugin reads the same option.
    """
    path = root / "mkdocs.yml"
    if not path.is_file():
        return DEFAULT_WINDOW_DAYS
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTags)  # noqa: S506
    for plugin in (config or {}).get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("probono"), dict):
            return checked_window(plugin["probono"].get("freshness_days", DEFAULT_WINDOW_DAYS))
    return DEFAULT_WINDOW_DAYS


def checked_window(days: Any) -> int:
    """The window as set, or SetupError saying what to write (the plugin asks here too)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise SetupError(f"mkdocs.yml: probono: freshness_days must be a number of days, 1 or "
                         f"more (it is {days!r}); the default is {DEFAULT_WINDOW_DAYS}")
    return days


class _AnyTags(yaml.SafeLoader):
    """A safe loader that reads MkDocs' tags (!ENV, !relative) as nothing instead of failing."""


def _no_value(loader: yaml.SafeLoader, suffix: str, node: Any) -> None:
    return None


_AnyTags.add_multi_constructor("!", _no_value)
