"""The finder's search index: Pagefind run over the built listing pages.

An adapter like the MkDocs plugin: it runs the pagefind binary that the `pagefind[bin]` wheel
ships, offline. Only listing pages are read (`opportunities/`), and on them only the element
marked data-pagefind-body, so navigation and page chrome never enter the index.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.problems import SetupError

GLOB = "opportunities/**/*.html"


def build(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", GLOB, "--silent"],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SetupError(f"the search index could not be built: {result.stderr.strip()}")
