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

import yaml

from generator.core.load import ORG_FILE
from generator.core.urls import org_url, program_url


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


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    """MkDocs' !ENV tag: the first of the named variables that is set, else the default."""
    names = ([loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode)
             else [str(n.value) for n in node.value])
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if isinstance(node, yaml.SequenceNode) and len(names) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:", lambda loader, suffix, node: None)


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
