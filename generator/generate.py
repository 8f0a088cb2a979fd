"""Stages 3 and 4 together: a validated directory's generated pages and its export files.

Rendering and exporting read the same directory and nothing else of each other's, so where the
platform can fork (Linux, and macOS) the exports are made in a second process while this one
renders: at 10,000 listings on a two-core machine that took about 40 % off rendering and
exporting (medians of three runs in one session: 19.8 s one after the other, 11.6 s side by
side). Where it cannot (Windows), or while other threads run (`mkdocs serve`, whose server
threads a fork would copy mid-step), the two run one after the other and give the same files.
"""

from __future__ import annotations

import multiprocessing
import pickle
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    # The forked process starts with the directory already in its memory, and leaves the
    # finished files in one pickle in a private temporary folder. (A process pool pickled the
    # whole directory across, about 2 s at 10,000 listings, and a pipe took a second to carry
    # the 250 MB of files back; the file takes a fifth of that.)
    with tempfile.TemporaryDirectory(prefix="probono-export-") as folder:
        made = Path(folder) / "files.pickle"
        child = multiprocessing.get_context("fork").Process(
            target=_export_into, args=(made, arguments), daemon=True)
        child.start()
        try:
            pages = list(renderer.pages())
        except BaseException:  # rendering failed: its error is the one to report
            child.terminate()
            child.join()
            raise
        child.join()
        if not made.exists():  # killed, or out of memory
            raise RuntimeError("the process making the export files ended without them "
                               f"(exit code {child.exitcode})")
        with made.open("rb") as stream:
            outcome, value = pickle.load(stream)
    if outcome == "error":
        raise value
    return Generated(renderer, pages, value)


def _export_into(made: Path, arguments: tuple[Any, ...]) -> None:
    """In the forked process: the export files, or the error that stopped them, pickled into
    `made` (under another name until complete, so a half-written file is never read)."""
    try:
        message: tuple[str, Any] = ("files", export.files(*arguments))
    except Exception as exc:  # carried back and raised where the build can report it
        message = ("error", exc)
    writing = made.with_suffix(".partial")
    with writing.open("wb") as stream:
        try:
            pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an error that cannot be pickled is carried as its words
            stream.seek(0)
            stream.truncate()
            pickle.dump(("error", RuntimeError(f"{type(exc).__name__}: {exc}")), stream)
    writing.rename(made)


def can_fork() -> bool:
    """Whether a forked process can safely do the exports: the platform forks, and no other
    thread is running (a fork copies only the calling thread, with any lock another held)."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)
