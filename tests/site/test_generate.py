"""Pages and exports made together: the exports in a second process while the pages render
gives exactly what one after the other gives, and threads keep it to one process."""

from __future__ import annotations

import gc
import multiprocessing
import threading

import pytest

from generator.site import generate as generate_module
from generator.site.generate import can_fork, generate
from generator.site.render import Settings
from generator.core.validate import validate_tree
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
    assert gc.isenabled()  # paused while they were made, not after


def test_while_another_thread_runs_it_does_not_fork(monkeypatch):
    forked = []
    monkeypatch.setattr(generate_module, "Forked",
                        lambda *arguments: forked.append(arguments))  # would fail if called
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
