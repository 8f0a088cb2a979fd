"""`python -m generator diff BASE`: the reviewer's summary of a change, on a real git history."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import ROOT, SITE_DATA, generator
from tests.core.test_broken_files import apply

PROGRAM = "orgs/bay-legal-aid/u-visa-petitions.yml"


def git(project, *args):
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)


@pytest.fixture
def repo(project):
    """The sample project as a git repository with one commit on main."""
    git(project, "init", "-q", "-b", "main")
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    return project


def diff(project, *args):
    return generator("--root", str(project), "diff", *args, env={"PATH": "/usr/bin:/bin"})


def new_listing(project, file_id: str, title: str, *extra: str) -> None:
    result = generator("--root", str(project), "new", "program", "bay-legal-aid", "--id", file_id,
                       "--title", title, "--summary", "A summary.", "--description",
                       "What volunteers do.", "--kinds-of-work", "training", "--practice-areas",
                       "immigration", "--no-input", *extra)
    assert result.returncode == 0, result.stderr


def test_nothing_changed(repo):
    result = diff(repo, "main")
    assert result.returncode == 0, result.stderr
    assert "No listing or organization changes." in result.stdout


def test_added_closed_updated_reverified(repo):
    new_listing(repo, "t-visa-clinic", "T visa clinic")
    apply(repo, PROGRAM, "status: open", "status: closed")
    apply(repo, PROGRAM, "urgent: true", "urgent: false")
    apply(repo, PROGRAM, "counties: [Alameda County]", "counties: [Alameda County, Marin County]")
    apply(repo, PROGRAM, "  date: 2026-11-01\n  by: maintainers",
          "  date: 2026-11-20\n  by: organization")
    result = diff(repo, "main", "--site-url", "https://example.github.io/probono/", "--markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Listings and organizations: 1 added, 1 closed." in out
    assert ("- program [T visa clinic](https://example.github.io/probono/opportunities/"
            "t-visa-clinic/) (`orgs/bay-legal-aid/t-visa-clinic.yml`): training; "
            "California; open\n") in out
    closed = out.split("### Closed")[1]
    assert "opportunities/u-visa-petitions/" in closed
    assert "no longer urgent" in closed and "re-verified 2026-11-20 by organization" in closed
    assert ('`location.counties`: `["Alameda County"]` → `["Alameda County", "Marin County"]`'
            in closed)
    assert "`status`: `\"open\"` → `\"closed\"`" in closed


def test_plain_text_in_a_terminal(repo):
    new_listing(repo, "t-visa-clinic", "T visa clinic", "--urgent", "yes", "--state", "NY")
    apply(repo, PROGRAM, "status: open", "status: paused")
    result = diff(repo, "main")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "What this change does to the directory (against main)\n\n"
        "Listings and organizations: 1 added, 1 paused.\n\n"
        "Added:\n\n"
        "- program \"T visa clinic\" (orgs/bay-legal-aid/t-visa-clinic.yml)\n"
        "  /opportunities/t-visa-clinic/\n"
        "  training; New York; open; urgent\n\n"
        "Paused:\n\n"
        "- program \"U visa petitions for survivors of violent crime\" "
        "(orgs/bay-legal-aid/u-visa-petitions.yml)\n"
        "  /opportunities/u-visa-petitions/\n"
        "  changed: status\n"
        "  - status: \"open\" → \"paused\"\n")
    with_site = diff(repo, "main", "--site-url", "https://example.github.io/probono").stdout
    assert "  https://example.github.io/probono/opportunities/t-visa-clinic/\n" in with_site


def test_markdown_without_a_site_address_names_the_page_instead_of_a_broken_link(repo):
    new_listing(repo, "t-visa-clinic", "T visa clinic", "--urgent", "yes")
    out = diff(repo, "main", "--markdown").stdout
    assert ("- program T visa clinic (page `/opportunities/t-visa-clinic/`) "
            "(`orgs/bay-legal-aid/t-visa-clinic.yml`): training; California; "
            "open; urgent\n") in out
    assert "](" not in out


def test_only_reverified_and_removed(repo):
    apply(repo, PROGRAM, "  date: 2026-11-01", "  date: 2026-11-21")
    result = diff(repo, "main")
    assert "\nRe-verified only, nothing else changed:\n" in result.stdout
    assert "1 re-verified only" in result.stdout
    assert "re-verified 2026-11-21 by maintainers" in result.stdout
    assert "changed: " not in result.stdout
    (repo / PROGRAM).unlink()
    result = diff(repo, "main", "--markdown")
    assert "### Removed" in result.stdout and "prefer `status: closed`" in result.stdout


def test_committed_changes_on_a_branch(repo):
    git(repo, "switch", "-q", "-c", "listing")
    new_listing(repo, "vacatur-clinic", "Vacatur clinic", "--remedies", "vacatur")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "add")
    result = diff(repo, "main")
    assert "opportunities/vacatur-clinic/" in result.stdout


def test_markdown_in_titles_is_escaped(repo):
    apply(repo, PROGRAM, "title: U visa petitions for survivors of violent crime",
          'title: "[click](https://evil.example) **bold** `code`"')
    out = diff(repo, "main", "--markdown", "--site-url", "https://example.org/").stdout
    assert "- program [\\[click\\]\\(https://evil\\.example\\) \\*\\*bold\\*\\* \\`code\\`](" in out
    assert "`title`: `\"U visa petitions for survivors of violent crime\"` → " in out


def test_problems_are_counted_not_fatal(repo):
    apply(repo, PROGRAM, "remedies: [u-visa]", "remedies: [u-vissa]")
    result = diff(repo, "main", "--markdown")
    assert result.returncode == 0
    assert "Left out: 1 problem(s) in the change" in result.stdout
    assert "### Has problems, so not compared" in result.stdout
    assert "### Removed" not in result.stdout


def test_unknown_base(repo):
    result = diff(repo, "no-such-branch")
    assert result.returncode == 1
    assert "git does not know 'no-such-branch'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_whole_path_on_a_copy_of_the_test_listings(tmp_path):
    """new, from-issue and a hand edit on a copy of the test listings, then diff for the reviewer."""
    import shutil

    from tests.contribute.test_from_issue import body

    copy = tmp_path / "repo"
    shutil.copytree(SITE_DATA / "orgs", copy / "orgs")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    git(copy, "init", "-q", "-b", "main")
    git(copy, "add", "-A")
    git(copy, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    run = ["--root", str(copy)]
    created = generator(*run, "new", "program", "north-coast-justice", "--title",
                        "U visa certifications", "--summary", "Ask for U visa certifications.",
                        "--description", "Draft certification requests.", "--kinds-of-work",
                        "limited-scope", "--practice-areas", "immigration", "--no-input")
    assert created.returncode == 0, created.stderr
    issue = copy / "issue.md"
    issue.write_text(body("new-listing.yml", {
        "org-id": "centro-juridico", "id": "vacatur-los-angeles", "urgent": "Yes",
        "title": "Vacatur motions in Los Angeles County",
        "summary": "Help a survivor in Los Angeles County get a conviction vacated.",
        "description": "Research, draft and negotiate with the prosecutor's office.",
        "kinds-of-work": "Limited-scope help", "practice-areas": "Criminal record relief"}),
        encoding="utf-8")
    updated = generator(*run, "from-issue", str(issue), "--write")
    assert updated.returncode == 0, updated.stderr
    issue.unlink()
    apply(copy, "orgs/north-coast-justice/closed-clinic.yml", "status: closed", "status: paused")
    assert generator(*run, "validate").returncode == 0
    out = diff(copy, "main", "--markdown", "--site-url", "https://example.org/").stdout
    assert "Listings and organizations: 1 added, 1 paused, 1 updated." in out
    assert "[U visa certifications](https://example.org/opportunities/u-visa-certifications/)" \
        in out
    updated_part = out.split("### Updated")[1]
    assert "/opportunities/vacatur-los-angeles/" in updated_part
    assert "now urgent" in updated_part and "`summary`" in updated_part
    assert "/opportunities/closed-clinic/" in out.split("### Paused")[1]


def test_a_training_and_a_case_are_named_with_their_dates(tmp_path):
    """The reviewer sees each listing's kind, a training's dates and CLE, a case's deadline."""
    import shutil

    copy = tmp_path / "repo"
    shutil.copytree(SITE_DATA / "orgs", copy / "orgs")
    git(copy, "init", "-q", "-b", "main")
    git(copy, "add", "-A")
    git(copy, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    created = generator(
        "--root", str(copy), "new", "training", "north-coast-justice", "--title",
        "Vacatur basics", "--summary", "An introduction.", "--description",
        "Motions to vacate.", "--formats", "in person", "--sessions",
        "2027-04-08 09:00-12:00 at Eureka Library", "--time-zone", "America/Los_Angeles",
        "--cle", "CA, 3, General", "--practice-areas", "criminal-record-relief", "--no-input")
    assert created.returncode == 0, created.stderr
    apply(copy, "orgs/bay-legal-aid/t-visa-basics-training.yml", "date: 2027-01-14",
          "date: 2027-01-21")
    apply(copy, "orgs/centro-juridico/u-visa-case-mam.yml", "respond_by: 2026-12-15",
          "respond_by: 2026-12-22")
    out = diff(copy, "main").stdout
    added = out.split("Added:")[1].split("Updated:")[0]
    assert '- training "Vacatur basics"' in added
    assert ("in person; dates 2027-04-08 09:00-12:00; 3 h CA CLE (General); New York; open"
            in added)
    updated = out.split("Updated:")[1]
    assert '- training "T visa basics for new volunteers"' in updated
    assert "dates now 2026-12-03 12:00-13:30, 2027-01-21 12:00-13:30" in updated
    assert '- case "U visa petition for a Mam-speaking survivor"' in updated
    assert "respond by 2026-12-22" in updated
