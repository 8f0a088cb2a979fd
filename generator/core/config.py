"""mkdocs.yml as the core reads it, without MkDocs: one reader for every setting the generator
takes from it (the freshness windows, the site's public address, the repository's address, and
for check-setup the report address with the line it is written on).

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


def located(root: Path, *keys: str) -> tuple[Any, int, int] | None:
    """The setting at `keys` (e.g. "extra", "report_email") read as `read` reads it, with the
    line and column where its value is written (inside its quotes, if quoted); None when the
    file, or the setting, is not there."""
    try:
        node = yaml.compose((root / FILE).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except (OSError, yaml.YAMLError):
        return None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for name, value in node.value
                     if isinstance(name, yaml.ScalarNode) and name.value == key), None)
        if node is None:
            return None
    value = _Loader("").construct_object(node, deep=True)
    quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
    return value, node.start_mark.line + 1, node.start_mark.column + 1 + quoted


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
