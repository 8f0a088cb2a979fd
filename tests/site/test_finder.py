"""The finder in Chromium, on the site built from the test listings (tests/data/site).

Seven of its ten listings are open; two of those are vacatur listings in California.
"""

from __future__ import annotations

import re
import time

import pytest
from tests.conftest import standing

pytestmark = pytest.mark.browser

VACATUR_CA = {"vacatur-clinic", "vacatur-los-angeles"}
OPEN = 9


def results(page) -> set[str]:
    page.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
    hrefs = page.locator("#pb-results .pb-card__title a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    return {re.search(r"opportunities/([^/]+)/", h).group(1) for h in hrefs}


def cards(page, count: int) -> None:
    """Wait until `count` cards show (a locator: the pages' CSP forbids eval, so no
    wait_for_function with a string), and no more."""
    page.locator("#pb-results .pb-card").nth(count - 1).wait_for()
    assert page.locator("#pb-results .pb-card").count() == count


def settled(page, expected: set[str], seconds: float = 5) -> set[str]:
    """The results once they equal `expected`, or as they are after `seconds`.

    After back and forward the address changes a moment before the finder hears of it, so the
    old results can still be on the page when the new address is.
    """
    deadline = time.monotonic() + seconds
    found = results(page)
    while found != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        found = results(page)
    return found


def count_text(page) -> str:
    return page.locator("#pb-count").inner_text()


def facet(page, key: str, value: str):
    return page.locator(f"#pb-facets input[name='{key}'][value='{value}']")


def facet_count(page, key: str, value: str) -> int:
    label = page.locator(f"label[for='{facet(page, key, value).get_attribute('id')}']")
    return int(re.search(r"\((\d+)\)$", label.inner_text()).group(1))


def test_remedy_and_state_narrow_to_exactly_the_expected_listings(page, served_test_site):
    page.goto(served_test_site + "find/")
    assert len(results(page)) == 6  # the first cards; the rest behind "Show more"
    assert count_text(page) == f"{OPEN} opportunities"
    page.get_by_role("button", name="Show more").click()
    cards(page, OPEN)
    assert page.evaluate("document.activeElement.closest('.pb-card') !== null")
    facet(page, "remedy", "vacatur").check()
    page.wait_for_url(re.compile(r"remedy=vacatur"))
    facet(page, "state", "CA").check()
    page.wait_for_url(re.compile(r"remedy=vacatur&state=CA"))
    assert results(page) == VACATUR_CA
    assert count_text(page) == "2 opportunities"


def test_counts_say_what_choosing_a_value_would_give(page, served_test_site):
    page.goto(served_test_site + "find/?remedy=vacatur")
    assert results(page) == {*VACATUR_CA, "vacatur-motions"}
    assert facet_count(page, "state", "CA") == 2
    assert facet_count(page, "state", "NY") == 1
    # values within one facet combine with OR: U visa's count is what adding it would give
    assert facet_count(page, "remedy", "u-visa") == 2  # the program and the case
    facet(page, "remedy", "u-visa").check()
    page.wait_for_url(re.compile(r"remedy=u-visa"))
    assert results(page) == {*VACATUR_CA, "vacatur-motions", "u-visa-petitions", "u-visa-case-mam"}
    assert facet_count(page, "remedy", "vacatur") == 3


def test_unknown_is_its_own_value_never_no(page, served_test_site):
    page.goto(served_test_site + "find/?remote=no")
    assert results(page) == {"vacatur-los-angeles", "accompaniment"}
    page.goto(served_test_site + "find/?remote=unknown")
    assert results(page) == {"vacatur-motions", "vacatur-clinic", "asylum-for-children"}
    assert facet(page, "remote", "unknown").is_checked()
    page.goto(served_test_site + "find/?remote=no&remedy=u-visa")
    assert results(page) == set()
    assert "Nothing matches" in page.locator("#pb-results").inner_text()


def test_url_round_trips_through_reload_and_history(page, served_test_site):
    page.goto(served_test_site + "find/?q=vacatur&remedy=vacatur&state=CA&sort=urgent")
    assert results(page) == VACATUR_CA
    assert page.locator("#pb-q").input_value() == "vacatur"
    assert page.locator("#pb-sort").input_value() == "urgent"
    page.reload()
    assert results(page) == VACATUR_CA
    facet(page, "state", "CA").uncheck()
    page.wait_for_url(re.compile(r"remedy=vacatur&sort=urgent$"))
    page.go_back()
    page.wait_for_url(re.compile(r"state=CA"))
    assert settled(page, VACATUR_CA) == VACATUR_CA and facet(page, "state", "CA").is_checked()
    page.go_forward()
    page.wait_for_url(re.compile(r"remedy=vacatur&sort=urgent$"))
    assert settled(page, {*VACATUR_CA, "vacatur-motions"}) == {*VACATUR_CA, "vacatur-motions"}
    assert not facet(page, "state", "CA").is_checked()


def test_new_listings_are_a_filter_and_an_old_newest_link_asks_for_them(page, served_test_site):
    """Added within 30 days of the fixture's today (2026-11-22) and listed: a filter, because a
    second sort key would put a list of every page into what every search loads."""
    page.goto(served_test_site + "find/?new=yes")
    assert results(page) == {"t-visa-basics-training", "vacatur-clinic", "t-visa-remote",
                             "vacatur-los-angeles", "u-visa-case-mam", "vacatur-motions"}
    label = page.locator("label[for='" + facet(page, "new", "yes").get_attribute("id") + "']")
    assert label.text_content().strip().startswith("Added in the last 30 days")
    page.goto(served_test_site + "find/?remedy=vacatur&sort=newest")
    assert results(page) == {"vacatur-clinic", "vacatur-los-angeles", "vacatur-motions"}
    assert facet(page, "new", "yes").is_checked()
    assert page.locator("#pb-sort").input_value() == "relevance"
    assert [o.get_attribute("value") for o in page.locator("#pb-sort option").all()] == [
        "relevance", "urgent"]


def test_text_search_finds_a_listing_by_a_word_of_its_body(page, served_test_site):
    page.goto(served_test_site + "find/")
    results(page)
    page.locator("#pb-q").fill("LCSW")
    page.locator("#pb-q").press("Enter")
    page.wait_for_url(re.compile(r"q=LCSW"))
    assert results(page) == {"vacatur-clinic"}


def test_text_search_reads_accented_words(page, served_test_site):
    # the organization's name (Centro Jurídico de las Niñas y Niños) is on each of its listings
    page.goto(served_test_site + "find/?q=ni%C3%B1as")
    assert results(page) == {"asylum-for-children", "vacatur-los-angeles", "t-visa-remote",
                             "u-visa-case-mam"}


def test_header_search_hands_the_words_to_the_finder(page, served_test_site):
    page.goto(served_test_site + "guides/t-visa/")
    box = page.get_by_role("searchbox", name="Search opportunities")
    box.fill("Mandarin")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/find/\?q=Mandarin"))
    assert results(page) == {"t-visa-remote"}


def test_keyboard_only(page, served_test_site):
    page.goto(served_test_site + "find/")
    results(page)
    page.locator("#pb-q").focus()
    for _ in range(60):  # tab until the first remedy checkbox has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "remedy":
            break
    else:
        pytest.fail("the remedy filter cannot be reached with Tab")
    value = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(f"remedy={value}"))
    found = results(page)
    assert found and page.evaluate("document.activeElement.value") == value  # focus kept
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert page.locator("#pb-count").get_attribute("role") == "status"
    assert page.locator("#pb-reset").is_visible()
    page.locator("#pb-reset").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/find/$"))
    results(page)
    assert count_text(page) == f"{OPEN} opportunities"


def test_every_control_has_a_label(page, served_test_site):
    page.goto(served_test_site + "find/")
    results(page)
    unlabeled = page.evaluate("""() => [...document.querySelectorAll(
        '#pb-finder input, #pb-finder select, .pb-header-search input')]
        .filter(e => !e.labels || e.labels.length === 0).map(e => e.id || e.name)""")
    assert unlabeled == []


def test_phone_width(browser, served_test_site):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(served_test_site + "find/?remedy=vacatur&state=CA")
    assert results(page) == VACATUR_CA
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/finder-360.png", full_page=True)
    context.close()


def test_without_javascript_the_page_points_to_the_browse_pages(browser, served_test_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_test_site + "find/")
    notice = page.locator("noscript, .pb-banner").filter(has_text="needs JavaScript")
    assert notice.count() >= 1
    assert not page.locator("#pb-finder").is_visible()
    html = page.content()
    assert 'href="../browse/remedy/"' in html and 'href="../organizations/"' in html
    context.close()


def test_closed_listings_are_out_unless_asked_for(browser, served_test_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served_test_site + "find/")
    page.get_by_role("button", name="Show more").click()
    cards(page, OPEN)
    assert "closed-clinic" not in page.content()
    page.goto(served_test_site + "find/?remedy=t-visa")
    assert results(page) == {"t-visa-remote", "t-visa-basics-training"}
    page.locator("#pb-closed").check()
    page.wait_for_url(re.compile(r"closed=1"))
    assert results(page) == {"t-visa-remote", "t-visa-basics-training", "closed-clinic",
                             "expired-training"}
    page.goto(served_test_site + "find/?remedy=special-immigrant-juvenile-status&closed=1")
    assert results(page) == {"asylum-for-children", "paused-sijs"}
    context.close()


def test_more_filters_load_on_request_with_counts(page, served_test_site):
    page.goto(served_test_site + "find/?remedy=vacatur")
    assert len(results(page)) == 3
    assert facet(page, "organization", "centro-juridico").count() == 0  # not loaded yet
    page.get_by_role("button", name="More filters").click()
    page.wait_for_selector("#pb-facets input[name='organization']")
    results(page)
    assert facet_count(page, "organization", "centro-juridico") == 1
    assert facet_count(page, "organization", "bay-legal-aid") == 1
    assert page.evaluate("document.activeElement.closest('.pb-facet--more') !== null")
    facet(page, "organization", "centro-juridico").check()
    page.wait_for_url(re.compile(r"remedy=vacatur&organization=centro-juridico"))
    assert results(page) == {"vacatur-los-angeles"}
    page.reload()  # a secondary facet in the address loads the rest at once
    assert results(page) == {"vacatur-los-angeles"}
    assert facet(page, "organization", "centro-juridico").is_checked()


def test_clients_languages_are_a_filter_of_their_own(page, served_test_site):
    """A listing whose clients speak Mandarin is found by that, whatever volunteers speak."""
    page.goto(served_test_site + "find/?client-language=cmn")
    assert settled(page, {"t-visa-remote"}) == {"t-visa-remote"}
    assert facet(page, "client-language", "cmn").is_checked()
    page.goto(served_test_site + "find/?client-language=es")
    spanish = {"u-visa-petitions", "asylum-for-children", "u-visa-case-mam"}
    assert settled(page, spanish) == spanish


def test_words_every_listing_page_writes_find_nothing(page, served_test_site):
    """Row labels are not indexed: "mentoring" finds the three listings that offer mentoring
    (their summaries, or "At a glance", say so), not every page with a "Mentoring" row; and
    "length" ("Typical length") and "prior" ("Prior experience required") are only ever
    labels."""
    page.goto(served_test_site + "find/?q=mentoring")
    assert results(page) == {"u-visa-petitions", "vacatur-los-angeles", "u-visa-case-mam"}
    for label in ("length", "prior"):
        page.goto(served_test_site + f"find/?q={label}")
        assert results(page) == set()


def test_what_the_index_leaves_out_is_on_the_listing_pages(page, site, served_test_site):
    """Each selector the index leaves out still matches on a built listing page, so renaming a
    class in a template cannot quietly put those words back in the index."""
    from generator.site.search_index import EXCLUDED

    unmatched = set(EXCLUDED)
    for listing in sorted((site / "opportunities").glob("*/index.html")):
        page.goto(f"{served_test_site}opportunities/{listing.parent.name}/")
        unmatched -= {selector for selector in unmatched
                      if page.locator(f"[data-pagefind-body] {selector}").count()}
    assert unmatched == set()


def test_programs_are_found_and_counted_though_the_index_leaves_their_kind_out(
        page, served_test_site):
    """The index holds no "program" value (every listing has one kind, so programs are the
    listings that are neither trainings nor cases): choosing Program, or Program and Case,
    still gives exactly those listings, and each kind's count is what choosing it gives."""
    from generator.core.validate import validate_tree
    from tests.conftest import SITE_DATA, TODAY

    directory = validate_tree(SITE_DATA, TODAY)
    open_by_kind: dict[str, set[str]] = {}
    for program in directory.programs.values():
        if standing(program, TODAY).status == "open":
            open_by_kind.setdefault(program.kind, set()).add(program.id)
    assert set(open_by_kind) == {"program", "training", "case"}  # the fixture has each
    page.goto(served_test_site + "find/")
    results(page)
    for kind, ids in open_by_kind.items():
        assert facet_count(page, "listing", kind) == len(ids), kind
    page.goto(served_test_site + "find/?listing=program")
    found(page, open_by_kind["program"])
    for kind, ids in open_by_kind.items():  # a chosen facet's counts leave it out
        assert facet_count(page, "listing", kind) == len(ids), kind
    page.goto(served_test_site + "find/?listing=program&listing=case")
    found(page, open_by_kind["program"] | open_by_kind["case"])
    page.goto(served_test_site + "find/?listing=training&remedy=t-visa")
    found(page, {i for i in open_by_kind["training"]
                 if "t-visa" in directory.programs[i].data.remedies})


def found(page, expected: set[str]) -> None:
    """Exactly these results (the finder shows six, then the rest behind "Show more")."""
    shown = results(page)
    assert count_text(page) == f"{len(expected)} opportunit{'y' if len(expected) == 1 else 'ies'}"
    if len(expected) > 6:
        page.get_by_role("button", name="Show more").click()
        cards(page, len(expected))
        shown = results(page)
    assert shown == expected


def test_a_search_that_only_hidden_listings_match_offers_them(page, served_test_site):
    """"kept" is only in listings hidden by default: the finder says how many, of which
    statuses, and shows them on request."""
    from generator.core.facets import STATUS_LABELS
    from generator.core.validate import validate_tree
    from tests.conftest import SITE_DATA, TODAY

    directory = validate_tree(SITE_DATA, TODAY)
    having = {p.id: standing(p, TODAY).status for p in directory.programs.values()
              if re.search(r"\bkept\b", (SITE_DATA / p.path).read_text(encoding="utf-8"), re.I)}
    assert having and "open" not in having.values()
    by_status = [f"{list(having.values()).count(s)} {label.lower()}"
                 for s, label in STATUS_LABELS.items() if s in having.values()]
    page.goto(served_test_site + "find/")
    results(page)
    page.locator("#pb-q").fill("kept")
    page.locator("#pb-q").press("Enter")
    page.wait_for_url(re.compile(r"q=kept"))
    assert results(page) == set()
    assert count_text(page) == (f"No open opportunities match; {len(having)} listings hidden by "
                                f"default do: {', '.join(by_status)}.")
    assert page.locator(".pb-empty p").inner_text() == "Nothing open matches \u201ckept\u201d."
    page.get_by_role("button", name=f"Show the {len(having)} hidden listings").click()
    page.wait_for_url(re.compile(r"q=kept&closed=1"))
    assert results(page) == set(having)
    assert page.locator("#pb-closed").is_checked()
    assert page.evaluate("document.activeElement.closest('.pb-card') !== null")


def test_the_empty_message_names_what_is_set(page, served_test_site):
    page.goto(served_test_site + "find/?q=LCSW&remote=no")
    assert results(page) == set()
    assert count_text(page) == "0 opportunities"
    assert page.locator(".pb-empty").inner_text() == (
        "Nothing matches \u201cLCSW\u201d with Remote possible: No. Remove a filter, or reset.")
    page.goto(served_test_site + "find/?q=zzzyx")
    assert results(page) == set()
    assert page.locator(".pb-empty").inner_text() == (
        "Nothing matches \u201czzzyx\u201d. Try other words, or reset.")


@pytest.mark.parametrize("width", [360, 1280])
def test_hidden_only_match_reads_at_phone_and_desktop_width(browser, served_test_site, width):
    from tests.site.test_browser import SHOTS

    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(served_test_site + "find/?q=kept")
    page.locator("#pb-show-hidden").wait_for()
    box = page.locator("#pb-show-hidden").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"finder-hidden-{width}.png"), full_page=True)
    context.close()


def ordered(page) -> list[str]:
    page.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
    hrefs = page.locator("#pb-results .pb-card__title a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    return [re.search(r"opportunities/([^/]+)/", h).group(1) for h in hrefs]


def test_with_no_words_what_helps_comes_first(page, served_test_site):
    """Urgent as shown, then confirmed within the window, then the most recently confirmed."""
    from generator.core import freshness
    from generator.core.validate import validate_tree
    from tests.conftest import SITE_DATA, TODAY, standing

    directory = validate_tree(SITE_DATA, TODAY)
    key = {}
    for p in directory.programs.values():
        now = standing(p, TODAY)  # the windows the test site's mkdocs.yml leaves at 180 and 30
        if now.status == "open":
            key[p.id] = (now.urgent, now.fresh.state == freshness.CURRENT, now.fresh.verified)
    assert any(k[0] for k in key.values()) and not all(k[1] for k in key.values())
    page.goto(served_test_site + "find/")
    ordered(page)
    page.get_by_role("button", name="Show more").click()
    cards(page, len(key))
    shown = ordered(page)
    assert set(shown) == set(key)
    assert [key[i] for i in shown] == sorted(key.values(), reverse=True)
    page.goto(served_test_site + "find/?remedy=vacatur")  # filters keep the order
    shown = ordered(page)
    assert [key[i] for i in shown] == sorted((key[i] for i in shown), reverse=True)
    page.goto(served_test_site + "find/?q=visa&sort=urgent")  # "Urgent first" is the same order
    shown = ordered(page)
    assert shown[0] == "u-visa-case-mam"  # urgent, and confirmed most recently
    assert [key[i] for i in shown] == sorted((key[i] for i in shown), reverse=True)
