"""Work done in a forked copy of this process while this one does other work.

The exports are made in a copy while the pages render (generator/site/generate.py). A forked copy
starts with everything this process has in memory, so nothing is sent to it (a process pool
pickled the whole directory across: about 2 s at 10,000 listings); its result comes back as one
pickle in a private temporary folder (a pipe took five times as long to carry the 250 MB of
export files).

Forking is used only where the platform forks (Linux, macOS) and no other thread runs: a fork
copies only the calling thread, with any lock another thread held (`mkdocs serve` runs server
threads). Elsewhere the callers do the same work one part after the other, with the same result.
"""

from __future__ import annotations

import multiprocessing
import pickle
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a forked copy can safely do work here: the platform forks, and no other thread
    is running."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class Forked(Generic[T]):
    """`work(*arguments)` in a forked copy of this process.

        with Forked(export.files, directory, life) as exports:
            pages = render(...)          # meanwhile, here
            files = exports.result()     # waits for the copy

    An error in the copy is raised by result(); a copy that dies without a result (killed,
    out of memory) is a RuntimeError; leaving the block early (an error here) stops the copy.
    """

    def __init__(self, work: Callable[..., T], *arguments: Any) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="probono-")
        self._made = Path(self._folder.name) / "result.pickle"
        self._child = multiprocessing.get_context("fork").Process(
            target=_run, args=(self._made, work, arguments), daemon=True)
        self._child.start()

    def result(self) -> T:
        self._child.join()
        if not self._made.exists():
            raise RuntimeError(f"the forked process ended without its result (exit code "
                               f"{self._child.exitcode})")
        with self._made.open("rb") as stream:
            outcome, value = pickle.load(stream)
        if outcome == "error":
            raise value
        return value

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._child.is_alive():  # left early: this process's error is the one to report
            self._child.terminate()
        self._child.join()
        self._folder.cleanup()


def _run(made: Path, work: Callable[..., Any], arguments: tuple[Any, ...]) -> None:
    """In the copy: the result, or the error that stopped it, pickled into `made` (under
    another name until complete, so a half-written file is never read)."""
    try:
        message: tuple[str, Any] = ("result", work(*arguments))
    except Exception as exc:  # carried back and raised where the caller can report it
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
