"""The golden pages: the test listings rendered and exported without MkDocs (under a second),
compared file by file with the copies committed in tests/golden/.

A change to a template, a label or an export then shows in review as a diff of the pages it
changes. When the change is meant, write the new copies and commit them with it:

    make golden

A failure names each file that differs, is missing or is left over, with the first lines of the
difference.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from generator.core.validate import validate_tree
from generator.site.generate import generate
from generator.site.render import Settings
from tests.conftest import ROOT, SITE_DATA, TESTS, TODAY

GOLDEN = TESTS / "golden"
SITE_URL = "https://probono.example.org/"  # so the feeds and linked data carry absolute links
UPDATE = os.environ.get("PROBONO_UPDATE_GOLDEN") == "1"


def rendered() -> dict[str, str]:
    """Every generated page (under pages/) and export file (under files/), by its path."""
    made = generate(validate_tree(SITE_DATA, TODAY), ROOT / "site_templates",
                    Settings(TODAY, site_url=SITE_URL), parallel=False)
    found = {f"pages/{page.path}": page.text for page in made.pages}
    found.update({f"files/{path}": text for path, text in made.files.items()})
    return found


def committed() -> dict[str, str]:
    return {p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8")
            for p in sorted(GOLDEN.rglob("*")) if p.is_file()}


def write(found: dict[str, str]) -> None:
    for path in committed():
        if path not in found:
            (GOLDEN / path).unlink()
    for path, text in found.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != text.encode("utf-8"):
            target.write_text(text, encoding="utf-8", newline="")


def differences(found: dict[str, str], kept: dict[str, str], lines: int = 12) -> list[str]:
    problems = []
    for path in sorted(found.keys() | kept.keys()):
        if path not in kept:
            problems.append(f"{path}: new, not in tests/golden/")
        elif path not in found:
            problems.append(f"{path}: in tests/golden/ but no longer generated")
        elif found[path] != kept[path]:
            diff = list(difflib.unified_diff(kept[path].splitlines(), found[path].splitlines(),
                                             "golden", "now", n=1, lineterm=""))
            shown = diff[2:2 + lines] or ["(the same lines, with other line endings)"]
            problems.append(f"{path}: differs\n" + "\n".join(shown))
    return problems


def test_the_generated_pages_and_exports_are_the_committed_ones():
    found = rendered()
    if UPDATE:
        write(found)
    problems = differences(found, committed())
    assert not problems, ("the generated files differ from tests/golden/; if the change is "
                          "meant, run `make golden` and commit tests/golden/ with it:\n\n"
                          + "\n\n".join(problems))


def test_the_comparison_names_a_changed_a_missing_and_a_new_file():
    kept = {"pages/a.md": "one\ntwo\n", "pages/b.md": "kept\n"}
    found = {"pages/a.md": "one\nthree\n", "pages/c.md": "new\n"}
    problems = differences(found, kept)
    assert problems[0].splitlines() == ["pages/a.md: differs", "@@ -1,2 +1,2 @@", " one",
                                        "-two", "+three"]
    assert problems[1:] == ["pages/b.md: in tests/golden/ but no longer generated",
                            "pages/c.md: new, not in tests/golden/"]


@pytest.mark.skipif(UPDATE, reason="the copies are being written")
def test_the_render_is_the_same_twice():
    assert rendered() == rendered()  # nothing in a page depends on the clock or on order
