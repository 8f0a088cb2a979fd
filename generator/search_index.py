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

import subprocess
import sys
from pathlib import Path

from generator.problems import SetupError

GLOB = "opportunities/**/*.html"
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


def build(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", GLOB, "--silent",
         *(option for selector in EXCLUDED for option in ("--exclude-selectors", selector))],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SetupError(f"the search index could not be built: {result.stderr.strip()}")
