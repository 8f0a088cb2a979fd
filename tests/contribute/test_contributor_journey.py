"""A new organization's first pull request, played end to end on a copy of the repository.

The copy holds the repository's own listings as they are today, so these tests assert only
about the organization they add: whatever else orgs/ says, adding it must validate, build,
appear in the finder under its facets and in the exports -- and leave the whole suite green.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import (ROOT, SITE_SOURCES, copy_repository, open_page, serve,
                            skip_builds_when_fast, with_make)

ORG_ARGS = ["--description", "Legal help for farmworkers and survivors of labor trafficking.",
            "--state", "CA", "--no-input"]
# Organizations that could join, each unlike the others in id, name and website (two that look
# alike are refused as one organization listed twice, and so are two sites whose names differ
# only in their ending, as valley.example.org and sierra.example.net; two sites of one domain
# are two organizations' sites, as a university's clinics are): the journey adds the first
# whose id and website no organization in orgs/ has yet, as a real one could have taken them.
NEW_ORGANIZATIONS = [
    ("valley-workers-justice", "Valley Workers' Justice Center", "Valley Workers",
     "valley.example.org"),
    ("sierra-labor-rights", "Sierra Foothills Labor Rights Project", "Sierra Labor Rights",
     "sierra.example.org"),
    ("coastal-survivors-collective", "Coastal Survivors' Law Collective", "Coastal Survivors",
     "coastal.example.org"),
]
PROGRAM_ARGS = ["--title", "Vacatur for survivors in Fresno", "--summary",
                "Move to vacate convictions that trafficking caused, with a mentor.",
                "--description", "Review the record and draft the motion under Penal Code "
                "236.14.", "--kinds-of-work", "full-representation", "--practice-areas",
                "criminal-record-relief", "--remedies", "vacatur", "--clients",
                "trafficking-survivors", "--urgent", "yes", "--state", "CA", "--no-input"]
TRAINING_ARGS = ["--title", "Vacatur motions for new volunteers", "--summary",
                 "A live online introduction to vacatur motions under Penal Code 236.14.",
                 "--description", "What the record must show, and how we mentor.",
                 "--formats", "live-online",
                 "--sessions", f"{dt.date.today() + dt.timedelta(days=90)} 12:00-13:30",
                 "--time-zone", "America/Los_Angeles", "--free", "yes",
                 "--practice-areas", "criminal-record-relief", "--state", "CA", "--no-input"]
CASE_ARGS = ["--title", "Vacatur motion for a survivor in the Central Valley", "--summary",
             "A survivor needs a volunteer to move to vacate two old convictions.",
             "--description", "The records are gathered; our staff attorney reviews each step.",
             "--respond-by", str(dt.date.today() + dt.timedelta(days=30)),
             "--kinds-of-work", "full-representation", "--practice-areas", "criminal-record-relief",
             "--remedies", "vacatur", "--state", "CA", "--no-input"]
def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", *args], cwd=project, capture_output=True, text=True,
                          check=False)


def add_the_new_organization(project: Path) -> tuple[str, str]:
    """What CONTRIBUTING.md tells a new organization to do, with the answers as options: its
    organization, then one listing of each kind (the commands are the guide's, `JOURNEY`).

    Returns the organization's id and its program's: ids no file in orgs/ uses yet (a real
    organization could have chosen the same).
    """
    taken = " ".join(p.read_text(encoding="utf-8") for p in (project / "orgs").glob("*/*.yml"))
    org_id, name, short, host = next(org for org in NEW_ORGANIZATIONS
                                     if not (project / "orgs" / org[0]).exists()
                                     and org[3] not in taken)
    names = ["--name", name, "--short-name", short, "--id", org_id, "--website",
             f"https://{host}", "--pro-bono-contact-email", f"probono@{host}"]
    written = []
    for step in (["new-org", "ARGS=" + shlex.join([*ORG_ARGS, *names])],
                 ["new-program", f"ORG={org_id}", "ARGS=" + shlex.join(PROGRAM_ARGS)],
                 ["new-training", f"ORG={org_id}", "ARGS=" + shlex.join(TRAINING_ARGS)],
                 ["new-case", f"ORG={org_id}", "ARGS=" + shlex.join(CASE_ARGS)]):
        result = make(project, *step)
        assert result.returncode == 0, result.stdout + result.stderr
        written.append(re.search(r"Wrote orgs/([a-z0-9/-]+)\.yml", result.stdout)[1])
    assert written[0] == f"{org_id}/organization"
    return org_id, written[1].split("/")[1]


# The commands CONTRIBUTING.md gives an organization, as the journey runs them (a test holds the
# guide to this list); `make preview` serves until stopped, so the journey builds with `make site`
# and tests/contribute/test_preview.py serves a listing as `make preview` does.
JOURNEY = ("make new-org", "make new-program", "make new-training", "make new-case",
           "make validate", "make preview")


# The journey starts from the repository's own orgs/ (the `orgs` mark); in the copy it makes, it
# does not run again.
INNER = os.environ.get("PROBONO_INNER_SUITE") == "1"
pytestmark = pytest.mark.orgs


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    skip_builds_when_fast()
    if INNER:
        pytest.skip("the journey runs the orgs/ tests in its copy; there it does not run again")
    project = tmp_path_factory.mktemp("journey") / "repo"
    project.mkdir()
    for name in (*SITE_SOURCES, "orgs"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    with_make(project)
    org_id, program_id = add_the_new_organization(project)
    checked = make(project, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = make(project, "site")
    assert built.returncode == 0, built.stdout + built.stderr
    return project / "site", org_id, program_id


def test_the_new_listing_has_its_page_and_its_organization(journey):
    site, org_id, program_id = journey
    page = (site / "opportunities" / program_id / "index.html").read_text(encoding="utf-8")
    assert "Vacatur for survivors in Fresno" in page
    assert f'href="../../organizations/{org_id}/"' in page
    host = next(org[3] for org in NEW_ORGANIZATIONS if org[0] == org_id)
    assert f"mailto:probono@{host}" in page  # the organization's contact, inherited
    assert (site / "organizations" / org_id / "index.html").is_file()
    listed = (site / "organizations" / org_id / "index.html").read_text(encoding="utf-8")
    for title in ("Vacatur motions for new volunteers",
                  "Vacatur motion for a survivor in the Central Valley"):
        assert title in listed, title  # the training and the case, on their organization's page


def test_the_new_listing_is_in_every_export(journey):
    site, org_id, program_id = journey
    api = site / "api"
    records = json.loads((api / "opportunities.json").read_text(encoding="utf-8"))
    record = next(r for r in records if r["id"] == program_id)
    assert (record["organization_id"], record["status"], record["urgent"], record["listed"]) == (
        org_id, "open", True, True)
    assert (record["remedies"], record["location"]["state"]) == (["vacatur"], "CA")
    assert record["added"] == dt.date.today().isoformat()
    rows = list(csv.DictReader(io.StringIO((api / "opportunities.csv").read_text(
        encoding="utf-8"))))
    row = next(r for r in rows if r["id"] == program_id)
    assert (row["urgent"], row["location.state"], row["remedies"]) == ("true", "CA", "vacatur")
    orgs = json.loads((api / "organizations.json").read_text(encoding="utf-8"))
    assert any(o["id"] == org_id for o in orgs)


@pytest.mark.browser
def test_the_finder_shows_the_new_listing_under_its_facets(browser, journey):
    site, org_id, program_id = journey
    for base in serve(site):
        context, page, outside = open_page(browser, base)
        for query in ("remedy=vacatur&state=CA", "urgent=yes", f"organization={org_id}",
                      "clients=trafficking-survivors&kind=full-representation",
                      "q=Fresno&sort=urgent"):
            page.goto(f"{base}find/?{query}")
            page.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
            more = page.get_by_role("button", name="Show more")
            while more.is_visible():
                more.click()
                page.wait_for_timeout(200)
            hrefs = page.locator("#pb-results .pb-card__title a").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))")
            assert any(f"opportunities/{program_id}/" in h for h in hrefs), query
        context.close()
        assert outside == []


@pytest.mark.slow
@pytest.mark.skipif(INNER, reason="this test runs the orgs/ tests; those it runs do not run it")
def test_the_checks_on_orgs_pass_when_organizations_add_close_and_reverify(tmp_path):
    """`make test` must not change result when organizations change their valid listings.

    Only the tests that read orgs/ can change result, and each carries the `orgs` mark (a test
    that reads orgs/ without it fails, tests/conftest.py): those run again here on a copy of
    the repository in which one organization joined, one listing closed and one was confirmed
    again. The rest read only their fixtures, which the copy leaves as they are.
    """
    clone = with_make(copy_repository(tmp_path / "clone"))
    org_id, _ = add_the_new_organization(clone)
    programs = sorted(p for p in (clone / "orgs").glob("*/*.yml") if p.name != "organization.yml"
                      and p.parent.name != org_id)
    _close(programs[0])
    _reverify(programs[-1])
    checked = make(clone, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    suite = subprocess.run([sys.executable, "-m", "pytest", "-v", "-x", "-p", "no:cacheprovider",
                            "-m", "orgs", f"--basetemp={tmp_path / 'inner'}"],  # apart from ours
                           cwd=clone, capture_output=True, text=True, check=False,
                           env={**os.environ, "PROBONO_INNER_SUITE": "1"})
    assert suite.returncode == 0, suite.stdout[-5000:] + suite.stderr[-2000:]
    results = [line.split(" ")[:2] for line in suite.stdout.splitlines() if "::" in line
               and line.startswith("tests/")]
    ran = {test.split("::")[0] for test, outcome in results if outcome == "PASSED"}
    skipped = {test.split("::")[0] for test, outcome in results if outcome == "SKIPPED"}
    assert "tests/test_real_directory.py" in ran, suite.stdout[-3000:]
    assert skipped <= {"tests/contribute/test_contributor_journey.py"}, suite.stdout[-3000:]


def _close(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if re.search(r"^status: \w+$", text, re.M):
        text = re.sub(r"^status: \w+$", "status: closed", text, count=1, flags=re.M)
    else:
        header, rest = text.split("\n", 1)
        text = f"{header}\nstatus: closed\n{rest}"
    path.write_text(text, encoding="utf-8")


def _reverify(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    text, found = re.subn(r"^(last_verified:\n  date: )\S+$", rf"\g<1>{today}", text, flags=re.M)
    assert found == 1, path
    path.write_text(text, encoding="utf-8")
