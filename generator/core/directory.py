"""The validated directory: what every later stage (render, export) works from.

What a listing's dates make of it on a given day (its status, whether it is listed, how current
it is) is lifecycle's to say (generator/core/lifecycle.py); this module only holds the data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.core.model import AnyListing, Contact, Organization


@dataclass(frozen=True)
class OrgEntry:
    id: str
    path: str
    data: Organization


@dataclass(frozen=True)
class ProgramEntry:
    """One listing: a program, a training or a case (data.kind says which)."""

    id: str
    org_id: str
    path: str
    data: AnyListing

    @property
    def kind(self) -> str:
        return self.data.kind

    def is_expired(self, today: dt.date) -> bool:
        """Past its expiry date, or over: a training after its last date, a case after its
        respond-by date. It leaves the default views and keeps its page."""
        if self.data.expires is not None and self.data.expires < today:
            return True
        return self.ended_on() is not None and self.ended_on() < today

    def ended_on(self) -> dt.date | None:
        """The last day a training or case is current (None: a program, or no end stated)."""
        data = self.data
        if data.kind == "case":
            return data.respond_by
        if data.kind == "training":
            if "recorded" in data.formats:
                return data.available_until
            return max((s.date for s in data.sessions), default=None)
        return None

    def upcoming_sessions(self, today: dt.date) -> list:
        return [s for s in getattr(self.data, "sessions", []) if s.date >= today]


@dataclass
class Directory:
    organizations: dict[str, OrgEntry] = field(default_factory=dict)
    programs: dict[str, ProgramEntry] = field(default_factory=dict)
    # programs by organization, built on first use: a directory is complete once validated
    _by_org: dict[str, list[ProgramEntry]] | None = field(default=None, repr=False, compare=False)

    def programs_of(self, org_id: str) -> list[ProgramEntry]:
        if self._by_org is None:
            self._by_org = {}
            for program in self.programs.values():
                self._by_org.setdefault(program.org_id, []).append(program)
        return self._by_org.get(org_id, [])

    def contact_for(self, program: ProgramEntry) -> Contact | None:
        """The program's own contact route, else its organization's pro bono contact."""
        org = self.organizations.get(program.org_id)
        return program.data.contact or (org.data.pro_bono_contact if org else None)
