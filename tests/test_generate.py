"""Pages and exports made together: the exports in a second process while the pages render
gives exactly what one after the other gives, and threads keep it to one process."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest

from generator import generate as generate_module
from generator.generate import can_fork, generate
from generator.render import Settings
from generator.validate import validate_tree
from tests.conftest import ROOT, SITE_DATA, TODAY


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="this platform cannot fork")
def test_in_a_second_process_the_files_are_the_same():
    directory = validate_tree(SITE_DATA, TODAY)
    settings = Settings(TODAY, site_url="https://probono.example.org/")
    together = generate(directory, ROOT / "site_templates", settings, parallel=True)
    apart = generate(directory, ROOT / "site_templates", settings, parallel=False)
    assert together.pages == apart.pages
    assert together.files == apart.files
    assert "api/hsds/services.json" in together.files


def test_while_another_thread_runs_it_does_not_fork(monkeypatch):
    forked = []
    monkeypatch.setattr(generate_module.multiprocessing, "get_context",
                        lambda method: forked.append(method))  # would fail if called
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
        found = generate(validate_tree(SITE_DATA, TODAY), ROOT / "site_templates",
                         Settings(TODAY))
    finally:
        stop.set()
        other.join()
    assert forked == [] and len(found.pages) > 10 and found.files


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="this platform cannot fork")
def test_an_error_in_the_export_process_is_raised_here(monkeypatch):
    def broken(*arguments):
        raise ValueError("cannot nest 'services' in 'oops'")

    monkeypatch.setattr(generate_module.export, "files", broken)
    with pytest.raises(ValueError, match="cannot nest 'services'"):
        generate(validate_tree(SITE_DATA, TODAY), ROOT / "site_templates", Settings(TODAY),
                 parallel=True)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="this platform cannot fork")
def test_an_export_process_that_dies_is_an_error_not_missing_files(monkeypatch):
    monkeypatch.setattr(generate_module.export, "files", lambda *arguments: os._exit(9))
    with pytest.raises(RuntimeError, match=r"ended without them \(exit code 9\)"):
        generate(validate_tree(SITE_DATA, TODAY), ROOT / "site_templates", Settings(TODAY),
                 parallel=True)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="this platform cannot fork")
def test_an_error_while_rendering_stops_the_export_process(monkeypatch):
    children = []
    real = generate_module.multiprocessing.get_context

    def recording(method):
        context = real(method)

        class Process(context.Process):  # type: ignore[name-defined, misc]
            def start(self):
                super().start()
                children.append(self)

        return type("Context", (), {"Process": Process})()

    def slow_export(*arguments):
        time.sleep(60)

    monkeypatch.setattr(generate_module.multiprocessing, "get_context", recording)
    monkeypatch.setattr(generate_module.export, "files", slow_export)
    def failing_pages(self):
        yield from ()
        raise ZeroDivisionError("a template divided by zero")

    monkeypatch.setattr(generate_module.Renderer, "pages", failing_pages)
    with pytest.raises(ZeroDivisionError):
        generate(validate_tree(SITE_DATA, TODAY), ROOT / "site_templates", Settings(TODAY),
                 parallel=True)
    # stopped at once (a process left to finish would exit 0, a minute later)
    assert children and children[0].exitcode == -signal.SIGTERM
