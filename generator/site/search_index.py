"""The finder's search index: Pagefind run over the built listing pages.

An adapter like the MkDocs plugin: it runs the pagefind binary that the `pagefind[bin]` wheel
ships, offline. Only listing pages are read (`opportunities/`), and on them only the element
marked data-pagefind-body, so navigation and page chrome never enter the index. Within it, the
words the page itself writes on every listing (headings, row labels, notices, the contact box,
where the facts come from) are left out too: a search finds what organizations wrote, not
"mentoring" on every page because every page has a "Mentoring" row. The facets answer those
facts. It also took Pagefind's peak memory at 10,000 listings from 1,948 MiB to 1,246 MiB.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from generator.core import freshness
from generator.core.problems import SetupError
from generator.core.urls import LISTINGS

GLOB = f"{LISTINGS}/**/*.html"
# Inside a listing's page (site_templates/_listing.html.j2 and the templates it includes): the
# status notices, section headings, row labels and table headings, the next-step and contact
# box, the "New to this work?" guides line, the "Not stated yet" line, notes the page adds, the
# related listings' titles, the provenance footer (the sources' descriptions), and "Not stated"
# wherever a fact is missing: words there describe no opportunity. (A test finds each on a built
# page; a listing's own page carries no status or confirmation badge, its banner says both.)
# Markup a template adds that is commentary (a general rule, a guide's text) carries
# data-pagefind-ignore, which Pagefind honours as well.
EXCLUDED = (".pb-banner", "h2", "dt", "th", ".pb-action", ".pb-guides", ".pb-not-yet",
            ".pb-note", "[aria-labelledby=pb-related]", ".pb-provenance", ".pb-unknown")


# Pagefind searches every data-pagefind-meta value as well as the page's body (1.5: "Metadata
# fields are searchable by default"), so a card's words that describe no opportunity (who
# confirmed it and from what source, its status, whether it is urgent or remote) are written as
# codes no search matches: one word each, "pbx" and a letter, then lower-case letters and digits
# (Pagefind splits a word only at punctuation or capitals). finder.js turns them back into the
# words of freshness.LINES, SOURCES and WHEN, which the finder's config carries.
CODE = "pbx"


def codes(fresh: freshness.Freshness, source: object, org_website: str | None, status: str,
          urgent: bool, remote: str) -> str:
    """'pbxcorganization20261112 pbxtopen pbxu0 pbxryes': the confirmation line's kind (a key
    of freshness.LINES) and date (c); for a maintainers' check, its source (s: own, none, or
    host and the host in hexadecimal) and the source's date (w: a key of freshness.WHEN and
    the date or year); the status (t, without hyphens), urgent (u: 1 or 0) and remote (r)."""
    kind = freshness.line_kind(fresh)
    words = [f"c{kind}{fresh.verified:%Y%m%d}"]
    if kind in ("maintainers", "described"):
        what, host = freshness.source_kind(source, org_website)
        words.append(f"s{what}{host.encode().hex()}")
        when, day = freshness.source_date(source)
        words.append(f"w{when}" + (f"{day:%Y%m%d}" if isinstance(day, dt.date)
                                   else str(day or "")))
    words += [f"t{status.replace('-', '')}", f"u{int(urgent)}", f"r{remote}"]
    return " ".join(CODE + word for word in words)


def words() -> dict[str, dict[str, str]]:
    """The words finder.js fills the codes with."""
    return {"lines": freshness.LINES, "sources": freshness.SOURCES, "when": freshness.WHEN}


def build(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", GLOB, "--silent",
         *(option for selector in EXCLUDED for option in ("--exclude-selectors", selector))],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SetupError(f"the search index could not be built: {result.stderr.strip()}")
