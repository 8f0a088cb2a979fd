"""Names and links that imitate another organization's, or hide where they lead.

Two organizations must not look the same to a reader: names, short names and ids are compared
after case, accents, spacing, punctuation, a legal suffix ("Inc.", "LLC") and a leading "The"
are folded, by their Unicode confusable skeletons (UTS #39, computed by ICU's spoof checker,
which follows Unicode's own confusables table), and, at eight letters or more, by one letter
changed, added or dropped (name_folds). A Cyrillic "е" in "Hеr Justice" gives the same skeleton
as the Latin name; "Hér Jústice", "Her Justice, Inc." and the folder herjustice fold to it, and
her-just1ce is one letter from it.

A link is refused when it hides its destination: user info before the host
(`https://herjustice.org@evil.example/` goes to evil.example), a host with a non-ASCII or
punycode (xn--) label, or a mailto: link that does more than write to one address (cc, bcc,
to=, several addresses, %-codes in the address, a line break in the subject; everything is
decoded before it is checked).

A host is a lookalike of another organization's website host when it is not that site, a part
of it or of its registered domain (www.example.org, ny.example.org and law.example.org all
belong to example.org), and
- its confusable skeleton equals the other's (examp1e.org against example.org, rnyorg.org
  against myorg.org: Unicode's table folds "1" into "l" and "m" into "rn"), or
- it is the other's host with more labels after it (herjustice.org.evil.example), or
- one of its labels, read with accents, hyphens and case dropped, punycode decoded and
  confusables folded, is the other's name (herjustice.com, her-justice.org,
  xn--hrjustice-b4a.org, herjustice.evil.example), one letter from it (herjustlce.net), or,
  for a name of six letters or more, holds it or one letter from it (herjustice-org.com,
  myherjustice.org, herjustlce-ny.org).
Names shorter than four letters (ca.gov, un.org) are compared only whole. The very same site
is fine anywhere (an organization may link to a partner's site); two organizations may not
both give it as their website.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

import icu

from generator.core.emails import NotAnAddress, read_email

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


# Words that say what kind of body an organization is, not which: "Her Justice, Inc." is Her
# Justice. Only whole words at the end of a name are dropped ("The" at its start).
LEGAL_SUFFIXES = {"inc", "incorporated", "llc", "llp", "lllp", "pllc", "pc", "ltd", "limited",
                  "corp", "corporation", "co", "company", "nfp", "pbc"}
MIN_APART = 8  # names, short names and ids this long are refused one letter from another


@functools.lru_cache(maxsize=65536)
def name_folds(text: str) -> frozenset[str]:
    """An organization's name, short name or id as a reader skimming a list sees it: case,
    accents, spaces and punctuation dropped, a legal suffix ("Inc.", "LLC", "L.L.C.") and a
    leading "The" dropped, and confusables folded by Unicode's table (UTS #39 skeletons), in
    the case-folded and the as-written forms (an "I" for an "l"), and before folding (a
    letter changed is one letter there: "m" folds to "rn"). "Hér Jústice", "Her Justice, Inc.",
    "her-justice" and "HERJUSTICE" all give herjustice; "her-just1ce" gives herjustlce, one
    letter from it."""
    words = re.sub(r"[\W_]+", " ", _unmarked(text)).split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    while len(words) > 1:  # "L.L.C." is the words l, l, c
        for size in (3, 2, 1):
            if len(words) > size and "".join(words[-size:]).casefold() in LEGAL_SUFFIXES:
                words = words[:-size]
                break
        else:
            break
    joined = "".join(words)
    return frozenset({joined.casefold(),
                      _unmarked(_CHECKER.getSkeleton(0, joined.casefold()).casefold()),
                      _unmarked(_CHECKER.getSkeleton(0, joined).casefold())})


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


_SECOND_LEVEL = {"ac", "co", "com", "edu", "gob", "gov", "govt", "ltd", "mil", "net", "nhs",
                 "nic", "or", "org", "plc", "sch"}  # org.uk, com.mx, gov.au: names sit below them
MIN_NAME = 4  # a site's name shorter than this (ca.gov, un.org) is compared only whole
MIN_INSIDE = 6  # a name at least this long is refused inside another's (myherjustice.org)


def site_host(host: str) -> str:
    """A host as a site's: lowercase, without a leading www. (www.example.org is example.org)."""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host


@functools.lru_cache(maxsize=65536)
def site_parts(host: str) -> tuple[tuple[str, ...], str, str]:
    """(the labels before the site's name, its name, the suffix after it):
    ny.herjustice.org -> (("ny",), "herjustice", "org"); clinic.law.ac.uk -> (("clinic",),
    "law", "ac.uk"). The suffix is read from a short list, not the full public suffix list: it
    only decides which label is the name."""
    labels = host.split(".")
    size = 2 if (len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL) \
        else 1 if len(labels) >= 2 else 0
    name = len(labels) - size - 1
    return (tuple(labels[:name]), labels[name] if name >= 0 else "",
            ".".join(labels[len(labels) - size:]))


def registered(host: str) -> str:
    """The domain a host is registered under: ny.herjustice.org -> herjustice.org."""
    _, name, suffix = site_parts(host)
    return f"{name}.{suffix}" if suffix else name


@functools.lru_cache(maxsize=65536)
def label_folds(label: str) -> tuple[str, ...]:
    """A host's label as a reader sees it: punycode decoded, accents, hyphens and case dropped
    (xn--hrjustice-b4a and Her-Justice read herjustice), and that with confusables folded as
    Unicode's table folds them ("1" and "l" read "l", "m" reads "rn"). A letter changed is
    looked for in both: "m" to "z" is one letter, but two in the folded form."""
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    text = _unmarked(label).casefold().replace("-", "")
    folded = _unmarked(_CHECKER.getSkeleton(0, text).casefold())
    return (text,) if folded == text else (text, folded)


def _unmarked(text: str) -> str:
    """NFKC text without its accents (é -> e): what is left when a reader skims."""
    return "".join(c for c in unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text))
                   if unicodedata.category(c) != "Mn")


def _name_folds(host: str) -> tuple[str, ...]:
    return label_folds(site_parts(host)[1])


def _label_folds(host: str) -> list[str]:
    """The folded labels of a host that a site's name could hide in (not its suffix)."""
    before, name, _ = site_parts(host)
    return [fold for label in (*before, name) if label for fold in label_folds(label)]


def same_site(host: str, other: str) -> bool:
    """The same site, a part of it, or another part of the same registered domain: an
    organization's own pages, or a partner's, never a lookalike."""
    host, other = site_host(host), site_host(other)
    return (host == other or host.endswith("." + other) or other.endswith("." + host)
            or registered(host) == registered(other))


def lookalike_host(host: str, other: str) -> bool:
    """Whether `host` imitates `other` without being it (or a part of its registered domain)."""
    if same_site(host, other):
        return False
    host, other = site_host(host), site_host(other)
    if skeletons(host) & skeletons(other) or host.startswith(other + "."):
        return True
    names = _name_folds(other)
    if len(names[0]) < MIN_NAME:
        return False
    inside = len(names[0]) >= MIN_INSIDE
    return any(fold == name or one_apart(fold, name) or (inside and any(
        part == name or one_apart(part, name) for part in _windows(fold, len(name) - 1,
                                                                   len(name) + 1)))
        for fold in _label_folds(host) for name in names)


def _windows(text: str, shortest: int, longest: int) -> list[str]:
    """Every part of a text from `shortest` to `longest` letters long."""
    return [text[i:j] for i in range(len(text))
            for j in range(i + max(shortest, 1), min(len(text), i + longest) + 1)]


class HostIndex:
    """Organizations' website hosts, indexed so that the hosts a link's host imitates are
    found without comparing it with every one of them (a directory of 2,000 organizations and
    10,000 listings has tens of thousands of links).

    Candidates come from the lookups `lookalike_host`'s rules give: a shared skeleton, the
    link's host extending an organization's ("herjustice.org.evil.example"), a label that folds
    to an organization's name, is one letter from it (found through the strings each gives
    with one letter dropped) or holds it. `lookalike_host` then decides, as it would comparing
    the two directly.
    """

    def __init__(self, hosts: dict[str, str]) -> None:
        self.hosts = hosts  # key (e.g. the organization's file) -> host, in the order to report
        self._order = {key: number for number, key in enumerate(hosts)}
        self._by: dict[str, list[str]] = {}  # skeleton or host -> keys
        # a name's variants -> registered domains: many organizations' sites may sit under one
        # domain (clinics of one university), and a host under it imitates none of them
        self._by_name: dict[str, set[str]] = {}
        self._under: dict[str, list[str]] = {}  # registered domain -> keys
        for key, host in hosts.items():
            site = site_host(host)
            for variant in (*(f"s:{s}" for s in skeletons(site)), f"h:{site}"):
                self._by.setdefault(variant, []).append(key)
            domain = registered(site)
            self._under.setdefault(domain, []).append(key)
            names = _name_folds(site)
            if len(names[0]) >= MIN_NAME:
                for name in names:
                    for variant in dropped(name):
                        self._by_name.setdefault(variant, set()).add(domain)
        self._longest = max((len(name) for h in hosts.values() for name in _name_folds(h)),
                            default=0)

    @functools.lru_cache(maxsize=65536)  # one index a run; links repeat hosts
    def imitated(self, host: str) -> str | None:
        """The key of the host `host` imitates (the longest, then the first), or None."""
        site = site_host(host)
        parts = site.split(".")
        wanted = [*(f"s:{s}" for s in skeletons(site)),
                  *(f"h:{'.'.join(parts[:i])}" for i in range(1, len(parts)))]
        candidates = {key for variant in wanted for key in self._by.get(variant, ())}
        domains: set[str] = set()
        for fold in _label_folds(site):
            # the label, or (for a long name) a part of it, one letter from a name or the name
            for part in [fold, *_windows(fold, MIN_INSIDE - 1, self._longest + 1)]:
                for variant in dropped(part):
                    domains |= self._by_name.get(variant, set())
        domains.discard(registered(site))
        candidates.update(key for domain in domains for key in self._under[domain])
        found = [key for key in candidates if lookalike_host(host, self.hosts[key])]
        return min(found, key=lambda key: (-len(site_host(self.hosts[key])),
                                           self._order[key])) if found else None


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
