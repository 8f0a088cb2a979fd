"""Freshness: listings confirmed 10, 165, 200 and 400 days before a fixed day show as current,
due soon, "not confirmed since" and archived; `stale` names them per organization.

The fixture (tests/data/freshness) has two organizations: one with programs confirmed 10, 165,
200 and 400 days before 2026-11-22 and a closed one, the other with a 400-day-old program, a
training whose session is still ahead, and a case whose respond-by date has passed.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from generator.core import freshness
from generator.exports import export
from generator.site.finder_words import finder_config
from generator.core.problems import SetupError
from generator.site.render import Renderer, Settings
from generator.core.validate import validate_tree
from tests.conftest import ROOT, TESTS, WINDOW, build, generator, life, make_project, standing

DATA = TESTS / "data" / "freshness"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def directory():
    return validate_tree(DATA, TODAY)


@pytest.mark.parametrize(("listing", "state", "status", "listed"), [
    ("confirmed-10-days-ago", "current", "open", True),
    ("confirmed-165-days-ago", "current", "open", True),
    ("confirmed-200-days-ago", "unconfirmed", "open", True),
    ("confirmed-400-days-ago", "archived", "archived", False),
    ("closed-400-days-ago", "archived", "closed", False),
    ("quiet-400-days-ago", "archived", "archived", False),
    ("training-ahead", "unconfirmed", "open", True),  # its own date is ahead: not archived
    ("case-past", "archived", "past", False),  # past its respond-by date: archived the same way
])
def test_each_listing_is_current_unconfirmed_or_archived(directory, listing, state, status,
                                                         listed):
    program = directory.programs[listing]
    assert freshness.of(program, TODAY, WINDOW).state == state
    assert standing(program, TODAY).status == status
    assert standing(program, TODAY).listed is listed


def test_the_window_moves_the_boundaries(directory):
    program = directory.programs["confirmed-200-days-ago"]
    assert freshness.of(program, TODAY, 365).state == "current"
    assert freshness.of(program, TODAY, 90).state == "archived"
    fresh = freshness.of(program, TODAY, WINDOW)
    assert (fresh.confirm_by, fresh.archive_on) == (dt.date(2026, 11, 2), dt.date(2027, 5, 1))
    assert fresh.notice == "Not confirmed since May 6, 2026"
    last_current_day = fresh.confirm_by
    assert freshness.of(program, last_current_day, WINDOW).state == "current"
    next_day = last_current_day + dt.timedelta(days=1)
    assert freshness.of(program, next_day, WINDOW).state == "unconfirmed"


@pytest.mark.parametrize(("config", "expected"), [
    ("plugins:\n  - probono:\n      freshness_days: 90\n", 90),
    ("site_url: !ENV SITE_URL\nplugins:\n  - search\n  - probono:\n      freshness_days: 365\n",
     365),
    ("plugins:\n  - probono\n", 180),
    ("site_name: x\n", 180),
])
def test_the_window_is_read_from_mkdocs_yml(tmp_path, config, expected):
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert freshness.window_days(tmp_path) == expected


@pytest.mark.parametrize("value", ["0", "-5", "soon", "true"])
def test_a_window_that_is_not_a_number_of_days_is_refused(tmp_path, value):
    (tmp_path / "mkdocs.yml").write_text(
        f"plugins:\n  - probono:\n      freshness_days: {value}\n", encoding="utf-8")
    with pytest.raises(SetupError, match="freshness_days must be a number of days"):
        freshness.window_days(tmp_path)


def test_the_project_sets_its_window_in_mkdocs_yml():
    assert "freshness_days: 180" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert freshness.window_days(ROOT) == 180


def test_the_finder_filters_by_last_confirmation(directory):
    config = finder_config(directory, life(directory))
    facet = next(f for f in config["facets"] if f["key"] == "confirmed")
    assert facet["values"] == [["current", "Confirmed in the last 180 days"],
                               ["unconfirmed", "Not confirmed in the last 180 days"]]
    assert standing(directory.programs["confirmed-200-days-ago"]).fresh.confirmed == "unconfirmed"
    assert config["statuses"]["archived"] == "Archived (not confirmed)"


def test_exports_carry_the_state_on_the_day_of_the_build(directory):
    rows = {row["id"]: row for row in json.loads(
        export.files(directory, life(directory))["api/opportunities.json"])}
    assert rows["confirmed-200-days-ago"]["confirmed"] == "unconfirmed"
    assert rows["confirmed-200-days-ago"]["confirm_by"] == "2026-11-02"
    assert rows["confirmed-400-days-ago"]["status_today"] == "archived"
    assert rows["confirmed-400-days-ago"]["listed"] is False
    assert rows["confirmed-10-days-ago"]["confirmed"] == "current"
    csv_text = export.files(directory, life(directory))["api/opportunities.csv"]
    assert csv_text.splitlines()[0].startswith(
        "id,url,organization_id,organization,listed,status_today,confirmed,"
        "confirmed_by_organization,confirm_by,archive_on,urgent_today,clients_waiting_today,")


def test_an_archived_listing_offers_no_next_step(directory):
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    assert renderer.next_step(directory.programs["confirmed-400-days-ago"]) is None
    assert renderer.next_step(directory.programs["confirmed-200-days-ago"]) is not None
    assert sorted(p.id for p in renderer.listed) == [
        "confirmed-10-days-ago", "confirmed-165-days-ago", "confirmed-200-days-ago",
        "training-ahead"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("fresh") / "project", DATA / "orgs",
                           today=TODAY.isoformat())
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def page(site, listing):
    return (site / "opportunities" / listing / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_pages_say_how_current_each_listing_is(site):
    assert "Not confirmed since" not in page(site, "confirmed-10-days-ago")
    assert "Not confirmed since" not in page(site, "confirmed-165-days-ago")
    unconfirmed = page(site, "confirmed-200-days-ago")
    assert "<strong>Not confirmed since May 6, 2026.</strong>" in unconfirmed
    assert "pb-primary" in unconfirmed  # still open: the next step stays
    archived = page(site, "confirmed-400-days-ago")
    assert "<strong>This listing is archived:</strong>" in archived
    assert "pb-primary" not in archived
    assert "Not confirmed since" in page(site, "training-ahead")
    organization = (site / "organizations" / "fresh-legal-aid" / "index.html").read_text(
        encoding="utf-8")
    listed, others = organization.split('<h2 id="past">')
    assert "opportunities/confirmed-200-days-ago/" in listed
    assert "opportunities/confirmed-400-days-ago/" not in listed
    assert "opportunities/confirmed-400-days-ago/" in others  # archived, still reachable


def stale(*args):
    return generator("--root", str(DATA), "stale", "--today", TODAY.isoformat(), *args)


def test_stale_names_the_right_listings_per_organization():
    result = stale()
    assert result.returncode == 0, result.stderr
    fresh, quiet = result.stdout.split("\n\nFresh Example Legal Aid")[1].split(
        "\n\nQuiet Example Law Center")
    assert "contact: Robin Example, probono@fresh.example.org" in fresh
    assert "Confirmed 400 days ago (orgs/fresh-legal-aid/confirmed-400-days-ago.yml): archived: " \
        "not confirmed since 2025-10-18" in fresh
    assert "confirmed-200-days-ago.yml): not confirmed since 2026-05-06" in fresh
    assert "confirmed-165-days-ago.yml): confirm by 2026-12-07" in fresh
    for absent in ("confirmed-10-days-ago", "closed-400-days-ago", "case-past"):
        assert absent not in result.stdout
    assert "quiet-400-days-ago.yml): archived" in quiet
    assert "training-ahead.yml): not confirmed since 2025-10-18" in quiet


def test_stale_as_json_and_markdown():
    data = json.loads(stale("--format", "json").stdout)
    assert data["window_days"] == 180
    states = {s["id"]: s["state"] for org in data["organizations"] for s in org["listings"]}
    assert states == {"confirmed-400-days-ago": "archived",
                      "confirmed-200-days-ago": "unconfirmed",
                      "confirmed-165-days-ago": "near", "quiet-400-days-ago": "archived",
                      "training-ahead": "unconfirmed"}
    assert [org["id"] for org in data["organizations"]] == ["fresh-legal-aid",
                                                            "quiet-legal-aid"]
    markdown = stale("--format", "markdown", "--site-url", "https://example.org/dir/").stdout
    assert "### Fresh Example Legal Aid" in markdown
    assert "[Confirmed 400 days ago](https://example.org/dir/opportunities/" \
        "confirmed-400-days-ago/)" in markdown
    assert "Contact: Robin Example, `probono@fresh.example.org`" in markdown


def test_stale_fails_on_expired_only_when_asked():
    assert stale().returncode == 0
    assert stale("--fail-on-expired").returncode == 1
    earlier = generator("--root", str(DATA), "stale", "--today", "2026-11-13", "--fail-on-expired")
    assert earlier.returncode == 1  # the 400-day-old ones were past their window then too
    current = generator("--root", str(TESTS / "data" / "valid"), "stale", "--today", "2026-11-22",
                        "--fail-on-expired")
    # a listing its organization never confirmed has its own line, but never fails the run
    assert current.returncode == 0, current.stdout + current.stderr
    assert ("  - U visa petitions for survivors of violent crime "
            "(orgs/bay-legal-aid/u-visa-petitions.yml): never confirmed by the organization; "
            "described by the maintainers on 2026-11-01 from a source shown as undated\n"
            ) in current.stdout


def test_make_stale_runs_the_command():
    result = subprocess.run(["make", "-n", "stale", "ARGS=--format markdown"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "-m generator stale --format markdown" in result.stdout
