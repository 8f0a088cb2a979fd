"""Contact email addresses: read by a maintained parser, and written into mailto: links only
from what it parsed.

An address is more than a pattern can check: email-validator (RFC 5321/5322, with IDNA for the
part after the @) refuses two dots in a row, a hyphen after the @, quoting, IP addresses and
invisible characters, and gives the address in one normal form. On top of that, the part before
the @ may hold only letters, digits and . _ - + ': the characters RFC 5322 also allows there
(% ? & # / = ...) mean something in a mailto: link, and
`probono%40org.example?bcc=harvest%40evil.example&x=@org.example` is a valid address that, put
after mailto:, writes to probono@org.example with a blind copy to the harvester. The part after
the @ must be plain ASCII letters, as a website's address must (generator/core/lookalike.py).

Nothing is looked up on the network: whether a domain takes mail is not checked.
"""

from __future__ import annotations

import functools

import re
from urllib.parse import quote

from email_validator import EmailNotValidError, validate_email

# What the part before the @ may hold: the characters a mailto: link reads as themselves.
LOCAL_CHARACTERS = "A-Za-z0-9._+'-"
_LOCAL = re.compile(f"[{LOCAL_CHARACTERS}]+")
EXAMPLE = "probono@example.org"


class NotAnAddress(ValueError):
    """Why a text is not an email address this directory accepts, in a contributor's words."""


@functools.lru_cache(maxsize=4096)  # a build writes each organization's address on many pages
def read_email(text: str) -> str:
    """The address in its normal form (the domain in lowercase), or NotAnAddress saying why."""
    try:
        parsed = validate_email(text, check_deliverability=False, allow_smtputf8=False,
                                allow_quoted_local=False, allow_domain_literal=False,
                                allow_display_name=False)
    except EmailNotValidError as exc:
        reason = str(exc).rstrip(".")
        raise NotAnAddress(f"'{text}' is not a valid email address ({reason[:1].lower()}"
                           f"{reason[1:]}); write it as {EXAMPLE}") from None
    if parsed.ascii_domain != parsed.domain or any(
            label.startswith("xn--") for label in parsed.ascii_domain.split(".")):
        raise NotAnAddress(
            f"the domain of '{text}' is written in another script or in punycode, which can "
            "imitate a familiar name; give the address in plain letters (ask the maintainers "
            "if your organization's really is one)")
    odd = sorted({c for c in parsed.local_part if not _LOCAL.fullmatch(c)})
    if odd:
        shown = " ".join(f"'{c}'" for c in odd)
        raise NotAnAddress(
            f"'{text}' holds {shown} before the @, which an email link can read as more than "
            "the address (a copy to someone else, another address); write the address alone, "
            f"with only letters, digits and . _ - + ' before the @, e.g. {EXAMPLE}")
    return f"{parsed.local_part}@{parsed.ascii_domain}"


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower()


def mailto(address: str) -> str:
    """The mailto: link for an address, built from the parsed address alone: whatever the
    address says, the link writes to it and to nobody else."""
    local, domain = read_email(address).rsplit("@", 1)
    return f"mailto:{quote(local, safe='')}@{quote(domain, safe='.-')}"
