"""In Chromium: an attorney goes home -> organization -> program and finds how to volunteer."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
SHOTS = ROOT / ".screenshots"  # not committed: look at them; the README's copy is refreshed by hand


def test_home_to_organization_to_program(page, served_test_site):
    page.goto(served_test_site)
    assert page.locator("h1").first.inner_text().rstrip("¶") == (
        "Pro bono opportunities for attorneys")
    page.get_by_role("link", name="Organizations", exact=True).first.click()
    page.wait_for_url("**/organizations/", wait_until="load")
    page.get_by_role("link", name="Centro Jurídico de las Niñas y Niños").click()
    page.wait_for_url("**/organizations/centro-juridico/", wait_until="load")
    assert page.locator("h1").inner_text().rstrip("¶") == "Centro Jurídico de las Niñas y Niños"
    page.get_by_role("link", name="Vacatur motions in Los Angeles County").first.click()
    # the address changes when the new page starts to arrive; wait until it has loaded
    page.wait_for_url("**/opportunities/vacatur-los-angeles/", wait_until="load")
    primary = page.locator("a.pb-primary")
    assert primary.count() == 1 and primary.is_visible()
    # the listing has no contact of its own: the organization's pro bono contact is used
    assert primary.get_attribute("href") == (
        "mailto:voluntarios@centro.example.org?subject=Pro%20bono%3A%20Vacatur%20motions%20in%20"
        "Los%20Angeles%20County&body=About%20the%20listing%20%22Vacatur%20motions%20in%20Los%20"
        "Angeles%20County%22%20in%20the%20Pro%20Bono%20Directory%20for%20Survivors%27%20"
        "Advocates%0D%0A%0D%0A")
    assert primary.inner_text() == "Volunteer: email Inés Ejemplo"


@pytest.mark.parametrize("width", [360, 1280])
def test_program_page_reads_at_phone_and_desktop_width(browser, served_test_site, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(served_test_site + "opportunities/u-visa-petitions/")
    primary = page.locator("a.pb-primary")
    box = primary.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"program-{width}-full.png"), full_page=True)
    page.screenshot(path=str(SHOTS / f"program-{width}.png"))
    context.close()


def test_print_is_a_clean_brief(browser, served_test_site, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served_test_site + "opportunities/u-visa-petitions/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-footer").is_visible()
    assert page.locator("h1").is_visible() and page.locator(".pb-action").is_visible()
    pdf = tmp_path / "brief.pdf"
    page.pdf(path=str(pdf), format="Letter")
    pages = re.findall(rb"/Type\s*/Page(?![a-z])", pdf.read_bytes())
    assert len(pages) == 1, f"the brief prints on {len(pages)} pages"
    context.close()
