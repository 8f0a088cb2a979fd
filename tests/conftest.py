from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.cli import main

TESTS = Path(__file__).parent
VALID = TESTS / "data" / "valid"
ROOT = TESTS.parent
TODAY = dt.date(2026, 11, 22)
ORG = "orgs/bay-legal-aid/organization.yml"
PROGRAM = "orgs/bay-legal-aid/u-visa-petitions.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the valid sample project, for tests that break files."""
    shutil.copytree(VALID, tmp_path / "project")
    return tmp_path / "project"


def run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err
