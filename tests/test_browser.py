"""In Chromium: an attorney goes home -> organization -> program and finds how to volunteer."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
SHOTS = ROOT / ".screenshots"  # not committed: look at them; the README's copy is refreshed by hand


def test_home_to_organization_to_program(page, served):
    page.goto(served)
    assert page.locator("h1").first.inner_text().rstrip("¶") == (
        "Pro bono opportunities for attorneys")
    page.get_by_role("link", name="Organizations", exact=True).first.click()
    page.wait_for_url("**/organizations/", wait_until="load")
    page.get_by_role("link", name="Los Angeles Center for Law and Justice").click()
    page.wait_for_url("**/organizations/laclj/", wait_until="load")
    assert page.locator("h1").inner_text().rstrip("¶") == "Los Angeles Center for Law and Justice"
    page.locator(".pb-card__title a").first.click()
    # the address changes when the new page starts to arrive; wait until it has loaded
    page.wait_for_url("**/opportunities/pro-bono-vacatur-project/", wait_until="load")
    primary = page.locator("a.pb-primary")
    assert primary.count() == 1 and primary.is_visible()
    assert primary.get_attribute("href") == (
        "mailto:amandaj@lajl.org?subject=Pro%20bono%3A%20Vacatur%20and%20post-conviction%20"
        "relief%20for%20survivors%20%28Pro%20Bono%20Vacatur%20Project%20with%20Jones%20Day%29")
    assert primary.inner_text() == "Volunteer: email Amanda Jancu"


@pytest.mark.parametrize("width", [360, 1280])
def test_program_page_reads_at_phone_and_desktop_width(browser, served, width, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(served + "opportunities/pro-bono-vacatur-project/")
    primary = page.locator("a.pb-primary")
    box = primary.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"program-{width}-full.png"), full_page=True)
    page.screenshot(path=str(SHOTS / f"program-{width}.png"))
    context.close()


def test_print_is_a_clean_brief(browser, served, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served + "opportunities/pro-bono-vacatur-project/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-footer").is_visible()
    assert page.locator("h1").is_visible() and page.locator(".pb-action").is_visible()
    pdf = tmp_path / "brief.pdf"
    page.pdf(path=str(pdf), format="Letter")
    pages = re.findall(rb"/Type\s*/Page(?![a-z])", pdf.read_bytes())
    assert len(pages) == 1, f"the brief prints on {len(pages)} pages"
    context.close()
