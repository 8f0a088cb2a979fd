"""Words that name a filter act as that filter (generator/site/finder_words.py), and the index holds
what describes the opportunity, not what the page writes about its sources.

Two fixture directories: tests/data/site (the finder's usual test listings) and
tests/data/finder-words, where "quillwort", "CLE", "law student", "MSW" and "Spanish" are on one
listing's page only in its sources' descriptions and its contact note, and on a control
listing in its description.
"""

from __future__ import annotations

import re

import pytest

from generator.site.finder_words import finder_config
from generator.site.finder_words import fold
from generator.core.places import place_words
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, TESTS, TODAY, build, life, make_project, open_page, serve
from tests.site.test_finder import results

WORDS = TESTS / "data" / "finder-words"
REMOTE = {"t-visa-basics-training", "t-visa-remote", "u-visa-case-mam", "u-visa-petitions"}


def config_of(folder):
    directory = validate_tree(folder, TODAY)
    return finder_config(directory, life(directory))


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Español") == fold("ESPANOL") == "espanol"
    assert fold("In-House  Counsel") == "in house counsel"


def test_words_name_only_values_the_directory_offers():
    config = config_of(WORDS)
    words = config["words"]
    assert words["remote"] == [["remote", "yes"]]
    assert words["law student"] == words["law students"] == [["who", "students"]]
    assert "student" not in words  # "MSW student" is no law student
    assert words["spanish"] == words["espanol"] == [["language", "es"]]
    assert words["cle"] == words["mcle"] == words["cle credit"] == [["support", "cle-credit"]]
    assert words["california"] == [["state", "CA"]] and words["new york"] == [["state", "NY"]]
    assert config["codes"] == {"CA": [["state", "CA"]], "NY": [["state", "NY"]]}
    assert "in" not in words and "or" not in words  # codes are matched only in capitals
    # no listing is a training, none is urgent, none takes paralegals: those words stay words
    for word in ("training", "urgent", "paralegal", "interpreter", "mandarin"):
        assert word not in words, word
    offered = {(f["key"], v[0]) for f in config["facets"] for v in f["values"]}
    assert all((key, value) in offered for pairs in words.values() for key, value in pairs)


def test_words_on_the_site_fixture():
    words = config_of(SITE_DATA)["words"]
    assert words["training"] == [["listing", "training"]]
    assert words["urgent"] == [["urgent", "yes"]]
    # volunteers' languages where that filter offers the language, else the clients'
    assert words["mandarin"] == [["client-language", "cmn"]]
    assert words["spanish"] == [["language", "es"]]


def test_place_words_name_counties_with_and_without_county():
    """A county with or without "County", and its seat, select the county and the regions
    that take it in (a region-wide listing serves the county too; generator/core/places.py)."""
    directory = validate_tree(WORDS, TODAY)
    found = place_words(directory.programs.values())
    alameda = ["alameda-county", "san-francisco-bay-area", "northern-california"]
    assert found["alameda county"] == found["alameda"] == found["oakland"] == alameda
    assert found["fresno"][0] == "fresno-county"
    assert "san-francisco-bay-area" not in found["fresno"]
    # Albany, New York: the city the listing names, and as the seat its county and region
    assert set(found["albany"]) == {"albany", "albany-county", "capital-region"}
    words = config_of(WORDS)["words"]
    assert words["fresno"] == [["place", value] for value in found["fresno"]]


# -- in the browser ------------------------------------------------------------------------------

def search(page, base: str, words: str) -> set[str]:
    page.goto(base + "find/")
    results(page)
    page.locator("#pb-q").fill(words)
    page.locator("#pb-q").press("Enter")
    page.wait_for_url(re.compile(r"q="))
    page.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
    return found(page)


def found(page) -> set[str]:
    """Every result, past "Show more"."""
    results(page)
    more = page.locator("#pb-more")
    while more.is_visible():
        more.click()
        page.wait_for_timeout(100)
    return results(page)


def applied(page) -> str:
    return page.locator("#pb-applied").inner_text()


def checked(page, key: str, value: str) -> bool:
    return page.locator(f"#pb-facets input[name='{key}'][value='{value}']").is_checked()


@pytest.mark.browser
@pytest.mark.parametrize(("words", "key", "value", "shown", "expected"), [
    ("remote", "remote", "yes", "Remote possible: Yes", REMOTE),
    ("Spanish", "language", "es", "Languages a volunteer may use: Spanish",
     {"t-visa-remote", "u-visa-petitions"}),
    ("español", "language", "es", "Languages a volunteer may use: Spanish",
     {"t-visa-remote", "u-visa-petitions"}),
    ("CLE", "support", "cle-credit", "Support: CLE credit",
     {"t-visa-basics-training", "u-visa-petitions"}),
    ("New York", "state", "NY", "State: New York", {"accompaniment", "vacatur-motions"}),
    ("NY", "state", "NY", "State: New York", {"accompaniment", "vacatur-motions"}),
    ("urgent", "urgent", "yes", "Urgent: Yes", {"t-visa-remote", "u-visa-case-mam"}),
    ("trainings", "listing", "training", "Kind of listing: Training", {"t-visa-basics-training"}),
])
def test_a_word_that_names_a_filter_applies_it(page, served_test_site, words, key, value, shown,
                                               expected):
    assert search(page, served_test_site, words) == expected
    assert checked(page, key, value)
    assert applied(page) == (f"Showing: {shown} \u2014 from your words \u201c{words}\u201d Remove")
    assert page.locator("#pb-q").input_value() == words  # what was typed stays as typed
    assert count(page) == len(expected)


def count(page) -> int:
    return int(re.match(r"\d+", page.locator("#pb-count").inner_text()).group())


@pytest.mark.browser
def test_other_words_are_searched_with_the_filter_and_removing_it_keeps_them(
        page, served_test_site):
    declaration = {"t-visa-remote", "u-visa-case-mam", "u-visa-petitions",
                   "asylum-for-children", "vacatur-los-angeles", "vacatur-motions"}
    assert search(page, served_test_site, "declaration remote") == declaration & REMOTE
    assert checked(page, "remote", "yes")
    assert applied(page) == ("Showing: Remote possible: Yes \u2014 from your words "
                             "\u201cremote\u201d Remove")
    page.get_by_role("button", name="Remove Remote possible: Yes").click()
    page.wait_for_url(re.compile(r"q=declaration$"))
    assert found(page) == declaration
    assert page.locator("#pb-q").input_value() == "declaration"
    assert not checked(page, "remote", "yes")
    assert page.locator("#pb-applied").is_hidden()
    assert page.evaluate("document.activeElement.id") == "pb-q"
    # unticking the box the words ticked takes the word out too
    assert search(page, served_test_site, "urgent declaration") == declaration & {
        "t-visa-remote", "u-visa-case-mam"}
    page.locator("#pb-facets input[name='urgent'][value='yes']").uncheck()
    page.wait_for_url(re.compile(r"q=declaration$"))
    assert found(page) == declaration and page.locator("#pb-q").input_value() == "declaration"


@pytest.mark.browser
def test_lower_case_state_codes_are_words(page, served_test_site):
    """ "ny" is no state: only "NY", in capitals, is (so "in", "or", "me" stay words)."""
    search(page, served_test_site, "ny")
    assert page.locator("#pb-applied").is_hidden()
    assert page.locator("#pb-facets input[name='state']:checked").count() == 0
    assert page.locator(".pb-empty").inner_text() == (
        "Nothing matches \u201cny\u201d. Try other words, or reset.")


@pytest.fixture(scope="module")
def served_words(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("words") / "project", WORDS / "orgs")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    yield from serve(project / "site")


# Pagefind's own search, without the finder's words: what the index holds for a word.
RAW = """async (term) => {
  const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
  const search = await pagefind.search(term);
  const data = await Promise.all(search.results.map((r) => r.data()));
  return data.map((d) => d.url.match(/opportunities\\/([^/]+)\\//)[1]);
}"""


@pytest.mark.browser
def test_sources_and_notes_are_not_indexed_descriptions_are(browser, served_words):
    context, page, outside = open_page(browser, served_words)
    page.goto(served_words + "opportunities/boilerplate-only/")
    text = page.locator("[data-pagefind-body]").inner_text()
    for word in ("quillwort", "CLE", "law student", "MSW", "Spanish", "Not confirmed by"):
        assert word in text, word  # on the page, so leaving it out of the index is a choice
    page.goto(served_words + "find/")
    results(page)
    for word in ("quillwort", "Spanish", "CLE"):
        assert page.evaluate(RAW, word) == ["control"], word
    for word in ("MSW", "flyer", "bulletin"):
        assert page.evaluate(RAW, word) == [], word
    assert search(page, served_words, "quillwort") == {"control"}
    context.close()
    assert outside == []


@pytest.mark.browser
def test_law_student_finds_the_listings_that_take_law_students(browser, served_words):
    context, page, outside = open_page(browser, served_words)
    assert search(page, served_words, "law student") == {"control", "student-clinic"}
    assert checked(page, "who", "students")
    assert applied(page) == ("Showing: Who may volunteer: Law students \u2014 from your words "
                             "\u201claw student\u201d Remove")
    assert search(page, served_words, "vacatur remote") == {"control"}
    assert search(page, served_words, "Spanish") == {"control"}
    assert search(page, served_words, "CLE") == {"control"}
    context.close()
    assert outside == []
