"""Stages 3 and 4 together: a validated directory's generated pages and its export files.

Rendering and exporting read the same directory and nothing else of each other's, so where it
is safe (generator/site/forked.py) the exports are made in a forked process while this one renders:
at 10,000 listings on a two-core machine that took about 40 % off rendering and exporting
(medians of three runs in one session: 19.8 s one after the other, 11.6 s side by side).
Elsewhere (Windows, or `mkdocs serve` with its server threads) the two run one after the other
and give the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.exports import export
from generator.core.directory import Directory
from generator.core.lifecycle import Lifecycle
from generator.site.forked import Forked, can_fork
from generator.core.memory import collector_paused
from generator.site.render import Page, Renderer, Settings
from generator.core.urls import SITE_NAME


@dataclass
class Generated:
    renderer: Renderer  # kept for the hand-written pages' markers, which it fills in later
    pages: list[Page]
    files: dict[str, str]  # export files by their path in the site


def generate(directory: Directory, templates: Path, settings: Settings,
             site_name: str = SITE_NAME, parallel: bool | None = None) -> Generated:
    """Every generated page and export file. `parallel` None: in a second process when that
    is safe here (see the module's docstring); False: one after the other."""
    # where each listing stands today, decided once, before the exports' process forks
    life = Lifecycle(directory, settings.today, settings.window_days, settings.urgent_days)
    renderer = Renderer(directory, templates, settings, life)  # SetupError before any work
    arguments = (directory, life, settings.site_url, site_name)
    if parallel is None:
        parallel = can_fork()
    with collector_paused():  # in the forked process too (see generator/core/memory.py)
        if not parallel:
            return Generated(renderer, list(renderer.pages()), export.files(*arguments))
        with Forked(export.files, *arguments) as exports:
            pages = list(renderer.pages())
            return Generated(renderer, pages, exports.result())
