"""The cyclic garbage collector is paused only while a stage runs, and as it was afterwards."""

from __future__ import annotations

import gc

import pytest

from generator.core.memory import collector_paused
from generator.core.problems import InvalidDirectory
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, TODAY, make_project


def test_paused_inside_and_as_it_was_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        with collector_paused():
            1 / 0
    assert gc.isenabled()
    gc.disable()  # a caller that had paused it keeps it paused
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_validation_leaves_the_collector_running_whatever_it_finds(tmp_path):
    validate_tree(SITE_DATA, TODAY)
    assert gc.isenabled()
    project = make_project(tmp_path / "project", SITE_DATA / "orgs")
    program = project / "orgs" / "bay-legal-aid" / "u-visa-petitions.yml"
    program.write_text(program.read_text().replace("urgent: true", "urgent: maybe"))
    with pytest.raises(InvalidDirectory):
        validate_tree(project, TODAY)
    assert gc.isenabled()
