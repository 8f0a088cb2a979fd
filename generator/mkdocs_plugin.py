"""The MkDocs adapter: validates the directory when a build starts.

Thin on purpose: everything it does is a call into the core, which never imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from generator.problems import InvalidDirectory
from generator.validate import validate_tree

log = get_plugin_logger(__name__)


class ProBonoConfig(Config):
    data_dir = config_options.Type(str, default=".")


class ProBonoPlugin(BasePlugin[ProBonoConfig]):
    def on_config(self, config: Any) -> Any:
        root = Path(config.config_file_path).parent / self.config.data_dir
        try:
            self.directory = validate_tree(root)
        except InvalidDirectory as exc:
            lines = "\n".join(str(p) for p in exc.problems)
            raise PluginError(f"the data files have {len(exc.problems)} problem(s):\n{lines}")
        return config
