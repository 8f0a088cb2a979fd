"""Names and links that imitate another organization's, or hide where they lead.

Two organizations must not look the same to a reader: names, short names and ids are compared
by their Unicode confusable skeletons (UTS #39, computed by ICU's spoof checker, which follows
Unicode's own confusables table), after case, spacing and punctuation are folded. A Cyrillic
"е" in "Hеr Justice" gives the same skeleton as the Latin name, so the two collide.

A link is refused when it hides its destination: user info before the host
(`https://herjustice.org@evil.example/` goes to evil.example), a host with a non-ASCII or
punycode (xn--) label, or a mailto: link that does more than write to one address (cc, bcc,
to=, several addresses, %-codes in the address, a line break in the subject; everything is
decoded before it is checked).

A host is a lookalike of another organization's website host when it is not the same host
(lowercase, as the link gives it) and
- its confusable skeleton equals the other's (examp1e.org against example.org, rnyorg.org
  against myorg.org: Unicode's table folds "1" into "l" and "rn" into "m"), or
- it is the other's host with more labels after it (herjustice.org.evil.example), or
- it is one letter changed, added or dropped from the other and has the same top-level domain
  (herjustic.org; herjustice.com against herjustice.org is another site, not a lookalike).
The very same host is fine anywhere (an organization may link to a partner's site).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

import icu

from generator.emails import NotAnAddress, read_email

_CHECKER = icu.SpoofChecker()
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


@functools.lru_cache(maxsize=65536)
def skeletons(text: str) -> frozenset[str]:
    """What a text looks like, in the forms that must not collide.

    The skeleton of the case-folded text catches a lowercase lookalike; the case-folded skeleton
    of the text as written catches a capital one (an "I" for an "l").
    """
    folded = " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text)).split())
    return frozenset({_CHECKER.getSkeleton(0, folded.casefold()).casefold(),
                      _CHECKER.getSkeleton(0, folded).casefold()})


def plain(text: str) -> str:
    """A name as compared letter by letter: NFKC, case folded, punctuation and spaces folded."""
    return " ".join(re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text)).split()).casefold()


def split(url: str) -> SplitResult | None:
    """The link's parts, or None when it cannot be read as a link (urllib raises ValueError for
    'http://ex]ample.org': a bracket belongs only around an IP address)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def host_of(url: str) -> str | None:
    parts = split(url)
    return parts.hostname if parts and parts.scheme in ("http", "https") else None


def link_problem(url: str) -> str | None:
    """Why a link hides where it leads, or None."""
    parts = split(url)
    if parts is None:
        return (f"'{url}' cannot be read as a web address (a '[' or ']', or a character that "
                "turns into '/', '?', '#', '@' or ':', in the site's address); copy the address "
                "from the browser's address bar, e.g. https://www.example.org/volunteer")
    if parts.scheme in ("http", "https"):
        if "@" in parts.netloc:
            shown = parts.netloc.rsplit("@", 1)
            return (f"the link holds '{shown[0]}@' before the site's address, so it really "
                    f"leads to {shown[1]}; write the site's address with nothing and no '@' "
                    "before it")
        host = (parts.hostname or "").lower()
        if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
            return (f"the site's address '{parts.netloc}' is written in another script or in "
                    "punycode, which can imitate a familiar name; give the address in plain "
                    "letters (ask the maintainers if your organization's really is one)")
        if not _HOST.match(host):
            return f"'{parts.netloc}' is not a site's address; write it as www.example.org"
    elif parts.scheme == "mailto":
        return _mailto_problem(url)
    return None


def _mailto_problem(url: str) -> str | None:
    """A mailto: link is one address and at most a subject: no cc, bcc, to= or body."""
    target, _, query = url[len("mailto:"):].partition("?")
    addresses = [a for a in re.split(r"[,;]", unquote(target)) if a.strip()]
    headers = [key.lower() for key, _ in parse_qsl(query, keep_blank_values=True)]
    extra = sorted(set(headers) - {"subject"})
    if len(addresses) != 1:
        return ("a mailto: link holds exactly one email address; give one, e.g. "
                "mailto:probono@example.org")
    try:
        read_email(addresses[0])
    except NotAnAddress as exc:
        return f"a mailto: link holds one email address, and {exc}"
    if extra or "?" in unquote(target):
        named = ", ".join(extra) or "another '?'"
        return (f"a mailto: link may only add a subject, and this one adds {named}, which would "
                "copy the volunteer's email to another address; remove everything after the "
                "address but ?subject=...")
    if "%" in target:  # an address needs no %-codes; they only hide what it says
        return (f"the address '{target}' is written with %-codes; write it plainly, e.g. "
                "mailto:probono@example.org")
    subject = "".join(value for _, value in parse_qsl(query, keep_blank_values=True))
    if any(unicodedata.category(char) == "Cc" for char in subject):  # %0A starts a new header
        return ("the subject of a mailto: link holds a line break or another control character "
                "(%0A, %0D, ...), which can add a header to the email; write the subject on "
                "one line")
    return None


def lookalike_host(host: str, other: str) -> bool:
    """Whether `host` imitates `other` without being it."""
    if host == other:
        return False
    if skeletons(host) & skeletons(other) or host.startswith(other + "."):
        return True
    return one_apart(host, other) and host.rsplit(".", 1)[-1] == other.rsplit(".", 1)[-1]


class HostIndex:
    """Organizations' website hosts, indexed so that the hosts a link's host imitates are
    found without comparing it with every one of them (a directory of 2,000 organizations and
    10,000 listings has tens of thousands of links).

    Candidates come from three lookups: a shared skeleton, the link's host extending an
    organization's ("herjustice.org.evil.example"), and a one-letter edit, found through the
    strings each host gives with one letter dropped. `lookalike_host` then decides, as it
    would comparing the two directly.
    """

    def __init__(self, hosts: dict[str, str]) -> None:
        self.hosts = hosts  # key (e.g. the organization's file) -> host, in the order to report
        self._order = {key: number for number, key in enumerate(hosts)}
        self._by: dict[str, list[str]] = {}
        for key, host in hosts.items():
            for variant in (*(f"s:{s}" for s in skeletons(host)), f"h:{host}",
                            *(f"d:{d}" for d in dropped(host))):
                self._by.setdefault(variant, []).append(key)

    def imitated(self, host: str) -> str | None:
        """The key of the first host `host` imitates, or None."""
        parts = host.split(".")
        wanted = [*(f"s:{s}" for s in skeletons(host)),
                  *(f"h:{'.'.join(parts[:i])}" for i in range(1, len(parts))),
                  *(f"d:{d}" for d in dropped(host))]
        candidates = {key for variant in wanted for key in self._by.get(variant, ())}
        found = [key for key in candidates if lookalike_host(host, self.hosts[key])]
        return min(found, key=self._order.__getitem__) if found else None


def dropped(text: str) -> set[str]:
    """The text itself and every text it gives with one character dropped."""
    return {text, *(text[:i] + text[i + 1:] for i in range(len(text)))}


def one_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped (herjustlce.org, herjustic.org)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
