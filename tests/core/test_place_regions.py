"""A listing is found by every place it names and every place that contains it: a county seat's
county, a county's regions. Counties and regions are checked against generator/core/data/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.core import facets, places
from generator.exports import hsds, jsonld
from generator.site import finder_words
from generator.adapters.cli import main
from generator.core.validate import validate_tree
from tests.conftest import TESTS, TODAY, life, make_project, validate_lines

PLACES = TESTS / "data" / "places"
ORG = "orgs/places-legal-aid"


def _values(directory):
    return {p.id: facets.BY_KEY["place"].values(p) for p in directory.programs.values()}


def test_the_county_table_is_whole_for_the_states_it_covers():
    counties = {c for c in places.table().counties.values()}
    by_state = {state: {c.name for c in counties if c.state == state} for state in ("CA", "NY")}
    assert (len(by_state["CA"]), len(by_state["NY"])) == (58, 62)
    assert len({c.fips for c in counties}) == 120  # one code each, none repeated
    for region in places.table().regions.values():
        assert set(region.counties) <= by_state[region.state], region.id
        assert region.source
    bay = places.region("san-francisco-bay-area")
    assert bay is not None and len(bay.counties) == 9
    assert len(places.region("new-york-city").counties) == 5
    assert places.covers("CA") and not places.covers("TX")


def test_spellings_of_a_county_and_a_region_are_one():
    assert places.county("CA", "alameda") == places.county("CA", "Alameda County")
    assert places.county("CA", "Alameda").name == "Alameda County"
    assert places.county("NY", "Manhattan").name == "New York County"
    assert places.county("NY", "Saint Lawrence").name == "St. Lawrence County"
    assert places.county("TX", "Alameda") is None  # no county table for Texas
    assert places.seat_county("CA", "San Jose").name == "Santa Clara County"
    assert places.seat_county("NY", "Oakland") is None  # a seat only in its own state
    assert places.region_id("Bay Area") == places.region_id("san francisco bay area") == \
        "san-francisco-bay-area"
    assert places.region_id("Atlantis") is None
    # a county's regions are its own state's: there is a Kings County in each state
    assert [r.id for r in places.regions_of(places.county("CA", "Kings"))] == ["central-valley"]
    assert [r.id for r in places.regions_of(places.county("NY", "Kings"))] == ["new-york-city"]


def test_a_listing_is_found_by_what_it_names_and_what_contains_it():
    directory = validate_tree(PLACES, TODAY)
    values = _values(directory)
    # a city that is a county seat: the city, its county, and the county's regions
    assert values["seat-only"] == ["oakland", "alameda-county", "san-francisco-bay-area",
                                   "northern-california"]
    # "Alameda" is stored as the table's name, and the county brings its regions
    assert directory.programs["county-only"].data.location.counties == ["Alameda County"]
    assert values["county-only"] == ["alameda-county", "san-francisco-bay-area",
                                     "northern-california"]
    # a region implies none of its counties
    assert values["region-wide"] == ["san-francisco-bay-area"]
    assert values["state-only"] == []
    assert values["borough"] == ["kings-county", "new-york-city"]
    assert values["other-city"] == ["arcata"]  # a city the table does not know: itself only
    names = facets.place_names(directory.programs.values())
    assert names["san-francisco-bay-area"] == "San Francisco Bay Area"
    assert names["kings-county"] == "Kings County"  # the table's name, not "Brooklyn"
    config = finder_words.finder_config(directory, life(directory))
    place = next(f for f in config["facets"] if f["key"] == "place")
    assert ["san-francisco-bay-area", "San Francisco Bay Area"] in place["values"]


def test_place_words_select_the_place_and_the_regions_that_serve_it():
    directory = validate_tree(PLACES, TODAY)
    words = places.place_words(directory.programs.values())
    alameda = words["alameda county"]
    assert words["alameda"] == alameda
    assert "alameda-county" in alameda
    # a region-wide listing serves each county of the region, so a county search finds it
    assert "san-francisco-bay-area" in alameda
    assert "alameda-county" in words["oakland"]  # Alameda County's seat
    assert words["bay area"] == words["san francisco bay area"] == ["san-francisco-bay-area"]
    assert words["brooklyn"] == words["kings county"] == ["kings-county", "new-york-city"]
    assert words["arcata"] == ["arcata"]
    # only places some listing is found by: no listing is in Fresno or Los Angeles
    assert "fresno" not in words and "fresno county" not in words
    assert "los angeles" not in words and "southern california" not in words
    every = {v for each in _values(directory).values() for v in each}
    assert {v for selected in words.values() for v in selected} <= every
    assert all(key == places.fold(key) for key in words)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(PLACES, tmp_path / "project")
    return tmp_path / "project"


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_unknown_region_is_refused_with_the_closest_one(tmp_path, capsys):
    project = _copy(tmp_path)
    _rewrite(project / ORG / "region-wide.yml", "regions: [Bay Area]", "regions: [Bay Aera]")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert f"{ORG}/region-wide.yml:12:13: regions: 'Bay Aera' is not a known region; did you " \
        "mean 'san-francisco-bay-area'?" in lines


def test_a_misspelt_county_is_refused_with_the_closest_one(tmp_path, capsys):
    project = _copy(tmp_path)
    _rewrite(project / ORG / "county-only.yml", "counties: [Alameda]", "counties: [Alamda County]")
    _rewrite(project / ORG / "seat-only.yml", "cities: [Oakland]", "counties: [Oakland]")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert f"{ORG}/county-only.yml:12:14: 'Alamda County' is not a county of California; did " \
        "you mean 'Alameda County'?" in lines
    assert f"{ORG}/seat-only.yml:12:14: 'Oakland' is not a county of California; Oakland is a " \
        "city, the seat of Alameda County: write 'Alameda County' here, or move Oakland to " \
        "cities:" in lines


def test_a_county_in_a_state_without_a_table_is_taken_as_written(tmp_path, capsys):
    project = _copy(tmp_path)
    _rewrite(project / ORG / "state-only.yml", "  state: CA", "  state: TX\n  counties: [Harris]")
    code, lines = validate_lines(project, capsys)
    assert code == 0, lines
    directory = validate_tree(project, TODAY)
    assert _values(directory)["state-only"] == ["harris"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("places")
    project = make_project(tmp / "project", PLACES / "orgs")
    out = tmp / "out"
    assert main(["--root", str(project), "pages", "--output", str(out)]) == 0
    return out / "browse" / "state"


def _listed(page: Path) -> set[str]:
    return set(re.findall(r"opportunities/([^/]+)/", page.read_text(encoding="utf-8")))


def test_the_state_page_offers_regions_with_counts_then_counties_and_cities(pages):
    state = (pages / "ca" / "index.md").read_text(encoding="utf-8")
    assert re.findall(r"By region: (.*?)</p>", state) == [
        '<a href="northern-california/">Northern California</a> (2) · '
        '<a href="san-francisco-bay-area/">San Francisco Bay Area</a> (3)']
    assert re.findall(r"By county or city: (.*?)</p>", state) == [
        '<a href="alameda-county/">Alameda County</a> · <a href="arcata/">Arcata</a> · '
        '<a href="oakland/">Oakland</a>']
    assert state.index("By region:") < state.index("By county or city:")
    ny = (pages / "ny" / "index.md").read_text(encoding="utf-8")
    assert '<a href="new-york-city/">New York City</a> (1)' in ny


def test_a_region_page_lists_its_listings_and_says_what_it_takes_in(pages):
    region = pages / "ca" / "san-francisco-bay-area" / "index.md"
    assert _listed(region) == {"seat-only", "county-only", "region-wide"}
    text = region.read_text(encoding="utf-8")
    assert text.splitlines()[1] == \
        'title: "San Francisco Bay Area, California: pro bono opportunities"'
    assert "Its counties: Alameda County, Contra Costa County, Marin County" in text
    assert "Association of Bay Area Governments" in text
    # a county page lists what names the county or its seat, not every region-wide listing
    assert _listed(pages / "ca" / "alameda-county" / "index.md") == {"seat-only", "county-only"}
    assert _listed(pages / "ca" / "oakland" / "index.md") == {"seat-only"}
    assert "Its counties" not in (pages / "ca" / "alameda-county" / "index.md").read_text(
        encoding="utf-8")
    # the listing shows the region it names, not only its state
    card = re.search(r'<article[^>]*>(?:(?!</article>).)*?Petitions anywhere in the Bay Area'
                     r'(?:(?!</article>).)*</article>', text, re.S)
    assert card is not None and "San Francisco Bay Area, California" in card.group(0)


def test_an_organization_serving_a_region_says_so_in_its_structured_data():
    directory = validate_tree(PLACES, TODAY)
    data = jsonld.organization(directory.organizations["places-legal-aid"])
    assert data["areaServed"] == {"@type": "Place", "name": "San Francisco Bay Area"}


def test_a_listing_serving_a_region_names_it_in_its_exports():
    """A region-wide listing's service area (HSDS) and place (JSON-LD) are the region, in the
    state: not the whole state, which would say the listing serves Fresno too."""
    directory = validate_tree(PLACES, TODAY)
    program = directory.programs["region-wide"]
    posting = jsonld.listing(program, directory.organizations["places-legal-aid"], TODAY)
    assert posting["jobLocation"] == {
        "@type": "Place", "name": "San Francisco Bay Area",
        "address": {"@type": "PostalAddress", "addressRegion": "CA", "addressCountry": "US"}}
    areas = hsds.service(directory, program, life(directory))["service_areas"]
    assert [area["name"] for area in areas] == ["San Francisco Bay Area, CA"]
