"""What a contributor sees on the command line, and what GitHub turns into annotations."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import PROGRAM, ROOT, VALID
from tests.core.test_broken_files import apply


def _validate(root):
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "validate"],
                          capture_output=True, text=True, cwd=ROOT, check=False)


def test_valid_exits_zero():
    result = _validate(VALID)
    assert (result.returncode, result.stderr) == (0, "")


def test_broken_exits_one_without_traceback(project):
    apply(project, PROGRAM, "urgent: true", "urgent: !!python/object/apply:os.system [ls]")
    (project / "orgs" / "bay-legal-aid" / "bad.yml").write_bytes(b"\xff\xfe\x00")
    result = _validate(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_problem_matcher_reads_every_problem_line(project):
    matcher = json.loads((ROOT / ".github" / "problem-matcher.json").read_text())
    pattern = matcher["problemMatcher"][0]["pattern"][0]
    regexp = re.compile(pattern["regexp"])
    apply(project, PROGRAM, "remedies: [u-visa]", "remedies: [u-vissa]")
    lines = _validate(project).stdout.splitlines()
    assert lines
    for line in lines:
        match = regexp.match(line)
        assert match, line
        assert match.group(pattern["file"]) == PROGRAM
        assert match.group(pattern["line"]) == "12"
        assert match.group(pattern["column"]) == "12"
        assert match.group(pattern["message"]).startswith("remedies: 'u-vissa' is not a known")


def test_schema_check_command(tmp_path, capsys):
    from generator.adapters.cli import main

    assert main(["--root", str(ROOT), "schema", "--check"]) == 0
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert "schema/listing.schema.json:1:1: out of date" in capsys.readouterr().out
