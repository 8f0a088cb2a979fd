"""Place names that fold to one key ("San José", "San Jose") are one place: one name shown, one
page, and every listing on it."""

from __future__ import annotations

import re

from generator.core import facets, places
from generator.site import finder_words
from generator.adapters.cli import main
from generator.core.validate import validate_tree
from tests.conftest import SITE_DATA, TODAY, life, make_project

LISTINGS = "orgs/bay-legal-aid/u-visa-petitions.yml", "orgs/bay-legal-aid/vacatur-clinic.yml"


def spelled(tmp_path, first: str, second: str):
    project = make_project(tmp_path / "project", SITE_DATA / "orgs")
    for name, place in zip(LISTINGS, (first, second)):
        path = project / name
        text = path.read_text(encoding="utf-8")
        assert "counties: [Alameda County]" in text
        # a city, now that counties in California are checked against the county table
        text = text.replace("  cities: [Oakland]\n", "")
        path.write_text(text.replace("counties: [Alameda County]", f"cities: [{place}]"),
                        encoding="utf-8")
    return project


def test_place_keys_fold_accents_case_and_spaces():
    assert {places.place_key(n) for n in ("San José", "San Jose", "SAN  JOSÉ", "san jose")} == \
        {"san-jose"}
    assert places.place_key("Page 2") == "place-page-2"  # not the state page's second page
    assert places.place_key("東京") != places.place_key("大阪")  # not one empty key for both


def test_two_spellings_of_a_place_share_one_name_and_one_page(tmp_path, capsys):
    project = spelled(tmp_path, "San Jose", "San José")
    out = tmp_path / "out"
    assert main(["--root", str(project), "pages", "--output", str(out)]) == 0
    capsys.readouterr()
    page = (out / "browse" / "state" / "ca" / "san-jose" / "index.md").read_text(encoding="utf-8")
    # both listings, where one of the two pages used to replace the other
    assert set(re.findall(r"opportunities/([^/]+)/", page)) == {"u-visa-petitions",
                                                                 "vacatur-clinic"}
    assert page.splitlines()[1] == 'title: "San José, California: pro bono opportunities"'
    assert "<h2 class=\"pb-count\" id=\"opportunities\">2 open opportunities</h2>" in page
    state = (out / "browse" / "state" / "ca" / "index.md").read_text(encoding="utf-8")
    assert re.findall(r'By county or city: (.*?)</p>', state) == [
        '<a href="fresno-county/">Fresno County</a> · <a href="los-angeles-county/">Los Angeles '
        'County</a> · <a href="san-jose/">San José</a> · <a href="santa-clara-county/">Santa '
        'Clara County</a>']  # San José is Santa Clara County's seat
    directory = validate_tree(project, TODAY)
    config = finder_words.finder_config(directory, life(directory))
    place = next(f for f in config["facets"] if f["key"] == "place")
    assert ["san-jose", "San José"] in place["values"]
    assert [v for v, _ in place["values"]].count("san-jose") == 1
    assert {p.id for p in directory.programs.values()
            if "san-jose" in facets.BY_KEY["place"].values(p)} == set(
        name.rsplit("/", 1)[1][:-4] for name in LISTINGS)


def test_the_spelling_most_listings_use_is_the_one_shown(tmp_path):
    project = spelled(tmp_path, "San Jose", "San Jose")
    directory = validate_tree(project, TODAY)
    assert facets.place_names(directory.programs.values())["san-jose"] == "San Jose"
