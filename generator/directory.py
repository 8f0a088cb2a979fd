"""The validated directory: what every later stage (render, export) works from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.model import Contact, Organization, Program


@dataclass(frozen=True)
class OrgEntry:
    id: str
    path: str
    data: Organization


@dataclass(frozen=True)
class ProgramEntry:
    id: str
    org_id: str
    path: str
    data: Program

    def is_listed(self, today: dt.date) -> bool:
        """Open and not expired: shown in lists and counts of open opportunities."""
        return self.data.status == "open" and not self.is_expired(today)

    def is_expired(self, today: dt.date) -> bool:
        return self.data.expires is not None and self.data.expires < today


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
