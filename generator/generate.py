"""Stages 3 and 4 together: a validated directory's generated pages and its export files.

Rendering and exporting read the same directory and nothing else of each other's, so where the
platform can fork (Linux, and macOS) the exports are made in a second process while this one
renders: at 10,000 listings on a two-core machine that took about a quarter off rendering and
exporting (19 to 20 s one after the other, 14 to 16 s side by side, two runs each in one
session). Where it cannot (Windows), or while other threads run (`mkdocs serve`, whose server
threads a fork would copy mid-step), the two run one after the other and give the same files.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator import export
from generator.directory import Directory
from generator.render import Page, Renderer, Settings
from generator.urls import SITE_NAME


@dataclass
class Generated:
    renderer: Renderer  # kept for the hand-written pages' markers, which it fills in later
    pages: list[Page]
    files: dict[str, str]  # export files by their path in the site


def generate(directory: Directory, templates: Path, settings: Settings,
             site_name: str = SITE_NAME, parallel: bool | None = None) -> Generated:
    """Every generated page and export file. `parallel` None: in a second process when that
    is safe here (see the module's docstring); False: one after the other."""
    renderer = Renderer(directory, templates, settings)  # SetupError before any work
    arguments = (directory, settings.today, settings.window_days, settings.site_url, site_name)
    if parallel is None:
        parallel = can_fork()
    if not parallel:
        return Generated(renderer, list(renderer.pages()), export.files(*arguments))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        files = pool.submit(export.files, *arguments)
        pages = list(renderer.pages())
        return Generated(renderer, pages, files.result())


def can_fork() -> bool:
    """Whether a forked process can safely do the exports: the platform forks, and no other
    thread is running (a fork copies only the calling thread, with any lock another held)."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)
