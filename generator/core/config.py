"""mkdocs.yml as the core reads it, without MkDocs: one reader for every setting the generator
takes from it (the freshness windows, the site's public address, the repository's address).

Tags are read as MkDocs reads them where they carry a value (`!ENV NAME` and `!ENV [NAME,
default]`: the first variable that is set, else the default), and as nothing otherwise
(`!relative`, `!!python/name:...`), so no tag runs code. A missing or unreadable file reads as
no settings, and the caller's defaults apply.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

FILE = "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """A safe loader that knows MkDocs' !ENV and reads every other tag as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    names = ([loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode)
             else [str(n.value) for n in node.value])
    for name in names[:-1] if isinstance(node, yaml.SequenceNode) and len(names) > 1 else names:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if isinstance(node, yaml.SequenceNode) and len(names) > 1 else None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read(root: Path) -> dict[str, Any]:
    """root/mkdocs.yml as a mapping; {} when it is missing or is not YAML."""
    try:
        config = yaml.load((root / FILE).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def setting(root: Path, name: str) -> str:
    """A top-level setting written as text (site_url, repo_url), else ''."""
    value = read(root).get(name)
    return value.strip() if isinstance(value, str) else ""


def plugin_option(root: Path, name: str, default: Any) -> Any:
    """An option of the probono plugin (plugins: - probono: name: value), else the default."""
    for plugin in read(root).get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("probono"), dict):
            return plugin["probono"].get(name, default)
    return default
