"""The site swap: a build killed at any moment leaves the old site/ or the new one, never none,
and the next build removes whatever the killed one left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from generator.site import build
from tests.conftest import ROOT, skip_builds_when_fast
from tests.kill_build import NEW, OLD

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kills fork")


def kills(mode: str, tmp_path) -> list[dict]:
    skip_builds_when_fast()
    result = subprocess.run([sys.executable, "-m", "tests.kill_build", mode, str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (result.returncode, result.stderr) == (0, "")
    return json.loads(result.stdout)


def test_the_exchange_is_available_here(tmp_path):
    # the guarantee below is the exchange's: on a system without it the fallback test applies
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").touch()
    if not build._exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("no atomic exchange on this system")
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["x"]
    assert list((tmp_path / "a").iterdir()) == []


def test_a_build_killed_at_any_line_leaves_the_old_or_the_new_site(tmp_path):
    if not build._exchange(tmp_path, tmp_path):  # exchanging a folder with itself: a no-op
        pytest.skip("no atomic exchange on this system")
    report = kills("exchange", tmp_path)
    assert len(report) > 50  # every line of the build, shutil's and tempfile's included
    assert all(point["killed"] for point in report)
    seen = set()
    for point in report:
        site = point["after_kill"]["site"]
        assert site in (OLD, NEW), point
        seen.add("old" if site == OLD else "new")
        assert point["after_kill"]["moved_aside"] is None
        assert point["after_rebuild"] == {"site": NEW, "moved_aside": None, "others": []}, point
    assert seen == {"old", "new"}  # kills before the swap and after it


def test_the_fallback_swap_is_undone_by_the_next_build(tmp_path):
    # Without an exchange call, a kill between the two renames leaves no site/: the old one is
    # under .site-old-site, and the next build puts it back before it starts
    report = kills("fallback", tmp_path)
    assert all(point["killed"] for point in report)
    aside = 0
    for point in report:
        after = point["after_kill"]
        if after["site"] is None:
            aside += 1
            assert after["moved_aside"] == OLD, point
        else:
            assert after["site"] in (OLD, NEW), point
        assert point["after_rebuild"] == {"site": NEW, "moved_aside": None, "others": []}, point
    assert aside >= 1


def test_leftovers_of_killed_builds_are_removed_and_a_moved_aside_site_put_back(tmp_path):
    (tmp_path / "root").mkdir()
    for name in (".site-new-abc", ".site-new-def", ".site-old-site"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(name)
    (tmp_path / ".site-old-other").mkdir()  # another output's: not this build's to touch
    build._clean_up(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-old-other", "root", "site"]
    assert (tmp_path / "site" / "index.html").read_text() == ".site-old-site"
