"""`python -m generator preview`: the site with your change, served locally, and where to look.

An adapter like `build`: MkDocs runs as a separate process (`mkdocs serve`, which rebuilds when a
file under orgs/ changes). Before it starts, the command line names the listings you changed
with their local addresses (`history.changed_files` finds them when none are given).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from generator.core import config
from generator.core.load import ORG_FILE
from generator.core.urls import org_url, program_url


def site_path(root: Path) -> str:
    """The path part of mkdocs.yml's site_url ("/" when there is none): MkDocs serves there."""
    path = urlsplit(config.setting(root, "site_url")).path.strip("/")
    return f"/{path}/" if path else "/"


def listing_url(shown_as: str) -> str | None:
    """The address inside the site of orgs/<org>/<file>.yml, or None for another file."""
    parts = Path(shown_as).parts
    if len(parts) != 3 or parts[0] != "orgs" or not parts[2].endswith(".yml"):
        return None
    return org_url(parts[1]) if parts[2] == ORG_FILE else program_url(parts[2][: -len(".yml")])


def serve(root: Path, address: str) -> int:
    """Run `mkdocs serve` until interrupted; its exit status."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address,
               "--config-file", str(root / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run(command, cwd=root, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 0
