"""Work in a forked copy of the process (generator/site/forked.py): its result comes back, its error
is raised here, a copy that dies is an error, and leaving early stops it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest

from generator.site import forked as forked_module
from generator.site.forked import Forked, can_fork

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="this platform cannot fork")
SEEN_BY_THE_COPY = {"set before the fork": True}


def _read_memory(key):
    return SEEN_BY_THE_COPY[key], os.getpid()


def test_the_copy_has_this_process_memory_and_its_result_comes_back():
    with Forked(_read_memory, "set before the fork") as copy:
        value, pid = copy.result()
    assert value is True and pid != os.getpid()


def _fail(message):
    raise ValueError(message)


def test_an_error_in_the_copy_is_raised_here():
    with Forked(_fail, "cannot nest 'services' in 'oops'") as copy:
        with pytest.raises(ValueError, match="cannot nest 'services'"):
            copy.result()


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle this")


def _fail_unpicklably():
    raise _Unpicklable("a lock in its arguments")


def test_an_error_that_cannot_be_pickled_comes_back_in_words():
    with Forked(_fail_unpicklably) as copy:
        with pytest.raises(RuntimeError, match="TypeError: cannot pickle this"):
            copy.result()


def test_a_copy_that_dies_is_an_error_not_a_missing_result():
    with Forked(os._exit, 9) as copy:
        with pytest.raises(RuntimeError, match=r"ended without its result \(exit code 9\)"):
            copy.result()


def test_leaving_early_stops_the_copy():
    with pytest.raises(ZeroDivisionError):
        with Forked(time.sleep, 60) as copy:
            1 / 0
    # stopped at once (a copy left to finish would exit 0, a minute later)
    assert copy._child.exitcode == -signal.SIGTERM


def test_no_fork_while_another_thread_runs(monkeypatch):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
    finally:
        stop.set()
        other.join()
    # (the suite's own server threads may be running: the thread count is set here)
    monkeypatch.setattr(forked_module.threading, "active_count", lambda: 1)
    assert can_fork()
    monkeypatch.setattr(forked_module.multiprocessing, "get_all_start_methods",
                        lambda: ["spawn"])
    assert not can_fork()
