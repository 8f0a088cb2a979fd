"""Every fact the founding seeds give shows on the right page of a site built from them.

The pages are built from a frozen copy of the nine founding listings (tests/data/founding),
not from orgs/: an organization editing its own listing must not fail these tests. The copy is
an audit of how the founding facts were described (refreshed when they were corrected against
their sources, 2026-11-23, and against today's public record, 2026-12-03); refresh it on
purpose, never to make a test pass. What a correction removed is listed too, and must not
come back.
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from tests.conftest import TESTS, build, make_project

FOUNDING = TESTS / "data" / "founding"
CHECKED = "2026-12-03"  # the day the frozen copy was last checked against its sources

FACTS = yaml.safe_load((TESTS / "data" / "seed_facts.yml").read_text(encoding="utf-8"))
CASES = [(org, None, fact) for org, entry in FACTS.items() for fact in entry["organization"]]
CASES += [(org, program, fact) for org, entry in FACTS.items()
          for program, facts in entry.get("programs", {}).items() for fact in facts]
GONE = [(org, None if page == "organization" else page, phrase)
        for org, entry in FACTS.items() for page, phrases in entry.get("absent", {}).items()
        for phrase in phrases]


def visible_text(page: str) -> str:
    body = page.split('<article class="md-content__inner', 1)[-1]
    text = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture(scope="module")
def founding_site(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("founding") / "project", FOUNDING / "orgs",
                           today=CHECKED)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_every_founding_organization_and_program_has_facts():
    assert len(FACTS) == 5
    assert sum(len(entry.get("programs", {})) for entry in FACTS.values()) == 9


def page_text(site, org: str, program: str | None) -> str:
    url = f"opportunities/{program}" if program else f"organizations/{org}"
    return visible_text((site / url / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("org", "program", "fact"), CASES)
def test_seed_fact_is_on_its_page(founding_site, org, program, fact):
    assert re.sub(r"\s+", " ", fact) in page_text(founding_site, org, program)


def test_every_correction_names_a_page_that_exists():
    for org, program, _ in GONE:
        assert program is None or program in FACTS[org]["programs"], (org, program)


@pytest.mark.parametrize(("org", "program", "phrase"), GONE)
def test_corrected_phrase_stays_gone(founding_site, org, program, phrase):
    assert phrase not in page_text(founding_site, org, program)
