"""The benchmark's synthetic directory is a valid one: a benchmark that stops at validation
measures nothing (it once did, when county names began to be checked in states whose every
county the directory knows)."""

from __future__ import annotations

from bench.synth import write_directory
from generator.core.validate import validate_tree
from tests.conftest import TODAY


def test_the_synthetic_directory_validates(tmp_path):
    root = write_directory(tmp_path / "synthetic", 200, 40, today=TODAY)
    directory = validate_tree(root, TODAY)
    assert len(directory.programs) == 200
    assert len(directory.organizations) == 40
