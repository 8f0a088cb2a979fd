"""`python -m generator preview`: the site with your change, served locally, and where to look.

An adapter like `build`: MkDocs runs as a separate process (`mkdocs serve`, which rebuilds when a
file under orgs/ changes). Before it starts, the listings you changed are named with their
local addresses: the files given on the command line, or else those git sees as changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.load import ORG_FILE
from generator.render import org_url, program_url


def site_path(root: Path) -> str:
    """The path part of mkdocs.yml's site_url ("/" when there is none): MkDocs serves there."""
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - unknown tags become None
    except (OSError, yaml.YAMLError):
        return "/"
    url = config.get("site_url") if isinstance(config, dict) else None
    path = urlsplit(url).path if isinstance(url, str) else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name): they read as None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:", lambda loader, suffix, node: None)


def listing_url(shown_as: str) -> str | None:
    """The address inside the site of orgs/<org>/<file>.yml, or None for another file."""
    parts = Path(shown_as).parts
    if len(parts) != 3 or parts[0] != "orgs" or not parts[2].endswith(".yml"):
        return None
    return org_url(parts[1]) if parts[2] == ORG_FILE else program_url(parts[2][: -len(".yml")])


def changed_files(root: Path) -> list[str]:
    """Data files git sees as changed: not yet committed, or committed since main."""
    names: list[str] = []
    commands = [["git", "status", "--porcelain", "--untracked-files=all", "--", "orgs"]]
    for base in ("origin/main", "main"):
        if _git(root, ["rev-parse", "--verify", "--quiet", base]) is not None:
            commands.append(["git", "diff", "--name-only", f"{base}...HEAD", "--", "orgs"])
            break
    for command in commands:
        for line in (_git(root, command[1:]) or "").splitlines():
            name = line[3:] if command[1] == "status" else line
            name = name.split(" -> ")[-1].strip().strip('"')
            if name and name not in names and (root / name).is_file():
                names.append(name)
    return names


def _git(root: Path, args: list[str]) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def serve(root: Path, address: str) -> int:
    """Run `mkdocs serve` until interrupted; its exit status."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address,
               "--config-file", str(root / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run(command, cwd=root, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 0
