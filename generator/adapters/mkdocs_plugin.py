"""The MkDocs adapter: validates the directory and adds its pages in memory.

Thin on purpose: everything it does is a call into the core (validate, render, export), which
never imports MkDocs, so the same pages can be built by another engine.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.core import freshness, schema
from generator.site import search_index
from generator.site.generate import generate
from generator.core.markup import harden_links
from generator.core.problems import InvalidDirectory, SetupError
from generator.site.render import Settings
from generator.core.validate import SCHEMA_FILES, validate_tree

MARKER = re.compile(
    r"<!--\s*(opportunities|report-address|licences|home-summary|finder|provenance)\b([^>]*?)-->")


class ProBonoConfig(Config):
    data_dir = config_options.Type(str, default=".")
    templates_dir = config_options.Type(str, default="site_templates")
    today = config_options.Optional(config_options.Type(str))  # for reproducible test builds
    # how many days a listing's confirmation counts; past twice this it is archived
    freshness_days = config_options.Type(int, default=freshness.DEFAULT_WINDOW_DAYS)
    # how many days "urgent" and a case's "clients waiting" are shown after the organization
    # said so
    urgent_days = config_options.Type(int, default=freshness.DEFAULT_URGENT_DAYS)


class ProBonoPlugin(BasePlugin[ProBonoConfig]):
    def on_config(self, config: Any) -> Any:
        self.root = Path(config.config_file_path).parent
        self.data_root = self.root / self.config.data_dir
        today = dt.date.fromisoformat(self.config.today) if self.config.today else dt.date.today()
        extra = config.extra
        try:
            window = freshness.checked_window(self.config.freshness_days)
            urgent = freshness.checked_window(self.config.urgent_days, "urgent_days",
                                              freshness.DEFAULT_URGENT_DAYS)
        except SetupError as exc:
            raise PluginError(str(exc))
        self.settings = Settings(today=today, window_days=window, urgent_days=urgent,
                                 site_url=config.site_url or "",
                                 report_email=extra.get("report_email"),
                                 code_licence=extra.get("code_licence", ""),
                                 data_licence=extra.get("data_licence", ""))
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        try:
            directory = validate_tree(self.data_root, self.settings.today)
        except InvalidDirectory as exc:
            lines = "\n".join(str(p) for p in exc.problems)
            raise PluginError(f"the data files have {len(exc.problems)} problem(s):\n{lines}")
        try:
            generated = generate(directory, self.root / self.config.templates_dir,
                                 self.settings, config.site_name)
        except SetupError as exc:
            raise PluginError(str(exc))
        self.renderer = generated.renderer
        for page in generated.pages:
            files.append(File.generated(config, page.path, content=page.text))
        for path, text in generated.files.items():
            files.append(File.generated(config, path, content=text))
        for kind, name in SCHEMA_FILES.items():
            files.append(File.generated(config, f"schema/{name}", content=schema.rendered(kind)))
        return files

    def on_page_markdown(self, markdown: str, page: Any, **kwargs: Any) -> str:
        if page.meta.get("generated"):
            return markdown
        return MARKER.sub(lambda m: self._marker(m, page.file.src_uri), markdown)

    def _marker(self, match: re.Match[str], src_uri: str) -> str:
        name, args = match.group(1), dict(re.findall(r"(\w+)=([\w-]+)", match.group(2)))
        if name == "opportunities":
            (facet, value), = args.items()
            try:
                programs = self.renderer.opportunities_for(facet, value)
            except KeyError:
                raise PluginError(f"{src_uri}: unknown marker argument {facet}={value}")
            return self.renderer.snippet("opportunity_list", src_uri, programs=programs)
        if name == "finder":
            return self.renderer.snippet("finder", src_uri,
                                         finder_config=self.renderer.finder_config())
        return self.renderer.snippet(name.replace("-", "_"), src_uri)

    def on_page_content(self, html: str, page: Any, **kwargs: Any) -> str:
        return harden_links(html)

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.indexed = False

    def on_post_build(self, config: Any) -> None:
        # `mkdocs serve` indexes once at start, not on every save: restart it to refresh search.
        if getattr(self, "serving", False) and self.indexed:
            return
        try:
            search_index.build(Path(config.site_dir))
        except SetupError as exc:
            raise PluginError(str(exc))
        self.indexed = True

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        # edit a listing or a template and the page reloads
        server.watch(str(self.data_root / "orgs"))
        server.watch(str(self.root / self.config.templates_dir))
        return server
