"""Where each listing stands on the day of a build is decided once per listing, by the Lifecycle,
and the pages and the exports say the same of it."""

from __future__ import annotations

import json

from generator.core import lifecycle
from generator.core.validate import validate_tree
from generator.site.generate import generate
from generator.site.render import Settings
from tests.conftest import ROOT, SITE_DATA, TODAY


def test_a_build_decides_each_listing_once(monkeypatch):
    decided: list[str] = []
    decide = lifecycle.standing

    def counted(program, *arguments):
        decided.append(program.id)
        return decide(program, *arguments)

    monkeypatch.setattr(lifecycle, "standing", counted)
    directory = validate_tree(SITE_DATA, TODAY)
    made = generate(directory, ROOT / "site_templates", Settings(TODAY), parallel=False)
    assert sorted(decided) == sorted(directory.programs)  # each once, pages and exports together
    records = json.loads(made.files["api/opportunities.json"])
    statuses = {r["id"]: r["status_today"] for r in records}
    assert len(set(statuses.values())) > 3  # open, closed, paused, past, ... in the fixture
    pages = [page for page in made.pages if page.path.startswith("opportunities/")]
    assert len(pages) == len(directory.programs)
    for page in pages:
        listing = page.path.removeprefix("opportunities/").removesuffix(".md")
        # a listing that is not open says its status to the finder; an open one does not
        said = 'data-pagefind-filter="status"' in page.text
        assert said == (statuses[listing] != "open"), listing


def test_the_windows_are_the_ones_given():
    directory = validate_tree(SITE_DATA, TODAY)
    short = lifecycle.Lifecycle(directory, TODAY, 1, 1)
    long = lifecycle.Lifecycle(directory, TODAY, 10_000, 10_000)
    assert (short.window, long.window) == (1, 10_000)
    assert any(long.listed(p) and not short.listed(p) for p in directory.programs.values())
