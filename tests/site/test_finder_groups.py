"""The finder offers only filter groups that narrow something (facets.offered), decided from
the data: on tests/data/finder-groups (two Bay Area listings) no group whose every value is
"Not stated" (volunteers' languages, prior experience) and none whose one value every listing
has (state, organization, commitment; "new": both were added within 30 days) is offered; the
others are."""

from __future__ import annotations

import pytest

from generator.core.facets import BY_KEY, offered
from generator.site.finder_words import finder_config
from generator.core.validate import validate_tree
from tests.conftest import TESTS, TODAY, build, life, make_project, open_page, serve

GROUPS = TESTS / "data" / "finder-groups"
ABSENT = {"state", "organization", "commitment", "language", "client-language", "experience",
          "urgent", "confirmed", "new"}
PRESENT = {"remedy", "listing", "practice-area", "kind", "clients", "place", "remote", "who",
           "court", "cle", "support"}


def test_groups_that_narrow_nothing_are_left_out_of_the_finder():
    directory = validate_tree(GROUPS, TODAY)
    config = finder_config(directory, life(directory))
    assert {facet["key"] for facet in config["facets"]} == PRESENT


@pytest.mark.parametrize(("values", "expected"), [
    ([["unknown"], ["unknown"]], False),  # only "Not stated"
    ([["CA"], ["CA"]], False),  # one value every listing has
    ([["CA"], []], True),  # one value, but not every listing has it: CLE credit
    ([["CA"], ["unknown"]], True),
    ([["CA"], ["NY"]], True),
    ([[], []], False),
])
def test_offered(values, expected):
    assert offered(values) is expected


@pytest.fixture(scope="module")
def served_groups(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("groups") / "project", GROUPS / "orgs")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    yield from serve(project / "site")


@pytest.mark.browser
def test_the_finder_shows_only_groups_that_narrow(browser, served_groups: str):
    context, page, outside = open_page(browser, served_groups)
    page.goto(served_groups + "find/")
    hint = page.locator(".pb-facet__hint").inner_text()  # names the groups behind the button
    assert "Remote possible" in hint and "Organization" not in hint and "State" not in hint
    page.get_by_role("button", name="More filters").click()
    page.wait_for_selector("#pb-facets input[name='remote']")
    legends = set(page.locator("#pb-facets legend").all_inner_texts())
    assert legends == {BY_KEY[key].label for key in PRESENT}
    assert not {BY_KEY[key].label for key in ABSENT - {"urgent", "confirmed", "new"}} & legends
    assert not {"Urgent", "Last confirmed", "New"} & legends
    context.close()
    assert outside == []

