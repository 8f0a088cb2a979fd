"""`confirm-request` (the message asking an organization to confirm its listings) and the issue
form "Confirm or correct our listing" that `from-issue` turns into changes to existing files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
import yaml

from generator.contribute import confirm
from generator.core import decisions
from generator.core.validate import validate_tree
from tests.conftest import ROOT, TESTS, URGENT_DAYS, WINDOW, generator, run
from tests.contribute.test_from_issue import FORMS, from_issue
from tests.contribute.test_from_issue import data as values

UNTICKED = "- [ ] I confirm these facts are current"


def body(form_file: str, answers: dict[str, str]) -> str:
    """The issue text GitHub writes for the form: a heading per question, _No response_ if
    blank, a box as '- [X] ' ticked and '- [ ] ' not (the boxes under 'Before you send' are
    ticked)."""
    form = yaml.safe_load((FORMS / form_file).read_text(encoding="utf-8"))
    parts = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        options = element["attributes"].get("options", [])
        if element["type"] == "checkboxes" and element["id"] != "confirmed":
            value = "\n".join(f"- [X] {o['label']}" for o in options)
        else:
            value = answers.get(element["id"]) or (
                UNTICKED if element["type"] == "checkboxes" else "_No response_")
        parts.append(f"### {element['attributes']['label']}\n\n{value}")
    return "\n\n".join(parts) + "\n"

DATA = TESTS / "data" / "confirm"
TODAY = dt.date(2026, 11, 22)
SITE = "https://dir.example.org/"
REPO = "example/probono"
ORG = "rivera-clinic"
LITTLE = "orgs/rivera-clinic/u-visa-nothing-stated.yml"


def request(*args: str, root=DATA, capsys) -> tuple[int, str, str]:
    return run(root, "confirm-request", *args, "--today", TODAY.isoformat(), capsys=capsys)


def entries() -> dict[str, confirm.Entry]:
    made = confirm.request(validate_tree(DATA, TODAY), ORG, TODAY, SITE, REPO, WINDOW, URGENT_DAYS)
    return {entry.url: entry for entry in made.entries}


def test_a_question_for_each_fact_nobody_stated_and_none_for_stated_ones():
    found = entries()
    assert found[SITE + "opportunities/u-visa-nothing-stated/"].questions == [
        "Which bar admission does a volunteer need, or can out-of-state attorneys volunteer "
        "under supervision?",
        "Can attorneys new to this area of law volunteer, or is experience in it needed?",
        "How many hours a month should a volunteer expect?",
        "Can the work be done remotely? If not, where?",
        "Do you train volunteers for this work?",
        "Does the work or its training carry CLE credit, and in which states?",
        "Does an experienced attorney mentor volunteers?",
        "Does your organization's malpractice insurance cover volunteers?",
        "Is this still urgent?"]  # its duration is stated, so the length is not asked
    assert found[SITE + "opportunities/every-fact-stated/"].questions == []
    assert found[SITE + "opportunities/asylum-training/"].questions == [
        "Which bar admission, if any, does someone need to attend?",
        "Is the training free? If not, what does it cost?"]
    assert found[SITE + "organizations/rivera-clinic/"].questions == []


def test_the_next_step_is_asked_when_nobody_says_how_to_reach_the_organization(tmp_path):
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    org = tmp_path / "orgs" / ORG / "organization.yml"
    text = org.read_text(encoding="utf-8")
    start, end = text.index("website:"), text.index("description:")
    org.write_text(text[:start] + text[end:].replace(
        "  email: probono@rivera.example.org\n", ""), encoding="utf-8")
    # an open program must give a way in (validate refuses it otherwise); a paused one need not
    (tmp_path / "orgs" / ORG / "every-fact-stated.yml").unlink()
    path = tmp_path / LITTLE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "urgent: true", "status: paused\nurgent: true"), encoding="utf-8")
    made = confirm.request(validate_tree(tmp_path, TODAY), ORG, TODAY, SITE, "", WINDOW,
                           URGENT_DAYS)
    little = next(e for e in made.entries if e.url.endswith("/u-visa-nothing-stated/"))
    assert ("What is the one next step for a volunteer who is interested, and who answers it?"
            in little.questions)
    assert made.entries[0].questions == [
        "What is your organization's website?",
        "Who should volunteer attorneys contact about your pro bono work, and how?"]


def test_urgent_confirmed_within_the_short_window_is_not_asked_again(tmp_path):
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    path = tmp_path / LITTLE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "added: 2026-10-15\n", "added: 2026-10-15\nurgent_confirmed: 2026-11-20\n"),
        encoding="utf-8")
    made = confirm.request(validate_tree(tmp_path, TODAY), ORG, TODAY, SITE, "", WINDOW,
                           URGENT_DAYS)
    little = next(e for e in made.entries if e.url.endswith("/u-visa-nothing-stated/"))
    assert "Is this still urgent?" not in little.questions
    assert ("Urgent", "Yes, shown as urgent") in little.shown


def test_the_message_as_text(capsys):
    code, out, err = request(ORG, "--site-url", SITE, "--repo", REPO, capsys=capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("Subject: Please confirm or correct your listings in the Pro Bono "
                        "Directory for Survivors' Advocates")
    assert lines[2] == "Dear Ana Example,"
    assert "Nothing on the site changes without your answer." in lines[4]
    assert "Your organization last confirmed some of it on November 10, 2026" in lines[4]
    at = lines.index("4. U visa declarations, little stated")
    assert lines[at + 1:at + 4] == [
        f"   Address: {SITE}opportunities/u-visa-nothing-stated/",
        "   Source: The clinic's volunteer page (https://rivera.example.org/volunteer); "
        "undated, c. 2024",
        "   Checked: checked by the directory's maintainers, not by your organization, on "
        "November 1, 2026"]
    assert "     Who may volunteer: Not stated" in lines[at:]
    assert "     Next step: Volunteer: email Ana Example (answered by Ana Example, Pro Bono " \
        "Coordinator)" in lines[at:]
    assert ("   Confirm or correct it: https://github.com/example/probono/issues/new?"
            "template=confirm-listing.yml&listing=u-visa-nothing-stated") in lines[at:]
    assert "   Checked: confirmed by your organization (Pro Bono Coordinator) on November " \
        "10, 2026" in lines
    assert ("   Nothing is missing here; please tell us whether it is still current."
            in lines)
    assert lines[-6:] == [
        "  b) By email: reply to this message with your answers, page by page; a maintainer "
        "makes the change and sends you the link to check it.", "",
        "A question you leave blank stays unknown: the page shows it as \"Not stated\", never "
        "a guess.", "", "Thank you,", "The directory's maintainers"]


def test_the_message_as_markdown(capsys):
    code, out, _ = request(ORG, "--format", "markdown", "--site-url", SITE, "--repo", REPO,
                           capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert (f"## [U visa declarations, little stated]({SITE}opportunities/"
            "u-visa-nothing-stated/)") in lines
    assert "- Does your organization's malpractice insurance cover volunteers?" in lines
    assert ("[Confirm or correct it](https://github.com/example/probono/issues/new?"
            "template=confirm-listing.yml&listing=u-visa-nothing-stated)") in lines
    assert "- **Who may volunteer:** Not stated" in lines
    assert "## How to answer" in lines
    assert not any(line.startswith("   Address:") for line in lines)


def test_without_a_site_address_or_repository_it_says_so(capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    code, out, err = request(ORG, capsys=capsys)
    assert code == 0
    assert "   Address: /opportunities/u-visa-nothing-stated/" in out.splitlines()
    assert "Confirm or correct it:" not in out
    assert "(New issue, then that form)." in out
    assert err.splitlines() == [
        "note: no site address is known, so pages are named by their path; give --site-url "
        "or set SITE_URL",
        "note: no GitHub repository is known, so the issue form has no link; give --repo "
        "OWNER/NAME or set GITHUB_REPOSITORY"]


def test_site_url_and_repo_url_are_read_from_mkdocs_yml(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: https://site.example.org/dir/\nrepo_url: https://github.com/own/dir\n",
        encoding="utf-8")
    code, out, err = request(ORG, root=tmp_path, capsys=capsys)
    assert (code, err) == (0, "")
    assert "   Address: https://site.example.org/dir/opportunities/asylum-training/" in out
    assert "https://github.com/own/dir/issues/new?template=confirm-listing.yml" in out


def test_an_unknown_organization_is_named_with_the_ones_there_are(capsys):
    code, out, err = request("rivera-clinc", capsys=capsys)
    assert (code, out) == (1, "")
    assert err == ("error: there is no organization 'rivera-clinc' in orgs/ (did you mean "
                   "'rivera-clinic'?); the organizations are: rivera-clinic\n")


def _sections(out: str) -> dict[str, list[str]]:
    """The message's text by page address: the lines from 'Address:' to the next page."""
    found: dict[str, list[str]] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("   Address: "):
            current = found.setdefault(line.split("Address: ", 1)[1], [])
        elif current is not None and not line.startswith(" "):
            current = None
        if current is not None:
            current.append(line)
    return found


def _stated(value) -> bool:
    return value not in (None, [])


def _unknown_facts(listing: dict, org: dict) -> list[str]:
    """The questions a listing's data calls for, read from the file's values alone."""
    kind = listing.get("kind", "program")
    asked = []
    for fact in decisions.facts_for(kind):
        path = fact.path(kind)
        if path == decisions.NEXT_STEP:
            routes = [(c or {}).get(k) for c in (listing.get("contact"),
                                                 org.get("pro_bono_contact"))
                      for k in ("interest_form", "email", "website", "phone")]
            known = any(routes) or org.get("website") or listing.get("registration")
        else:
            values = []
            for where in (path, *((tuple(fact.also.split(".")),) if fact.also else ())):
                node = listing
                for key in where:
                    node = node.get(key) if isinstance(node, dict) else None
                values.append(node)
            known = any(_stated(value) for value in values)
        if not known:
            asked.append(fact.asked(kind))
    return asked


@pytest.mark.orgs
@pytest.mark.parametrize("org_id", sorted(p.name for p in (ROOT / "orgs").iterdir()
                                          if p.is_dir()))
def test_every_organization_in_the_directory_gets_its_message(org_id, capsys):
    """Holds for any valid directory: every page's address, and one question per fact its
    data leaves unknown."""
    code, out, err = run(ROOT, "confirm-request", org_id, "--site-url", SITE, capsys=capsys)
    assert code == 0, err
    sections = _sections(out)
    org = yaml.safe_load((ROOT / "orgs" / org_id / "organization.yml").read_text("utf-8"))
    assert f"{SITE}organizations/{org_id}/" in sections
    listings = [p for p in sorted((ROOT / "orgs" / org_id).glob("*.yml"))
                if p.name != "organization.yml"]
    assert len(sections) == len(listings) + 1
    for path in listings:
        section = sections[f"{SITE}opportunities/{path.stem}/"]
        listing = yaml.safe_load(path.read_text("utf-8"))
        unknown = _unknown_facts(listing, org)
        for question in unknown:
            assert section.count(f"     - {question}") == 1, (path.name, question)
        kind = listing.get("kind", "program")
        stated = [fact.asked(kind) for fact in decisions.FACTS
                  if fact.path(kind) and fact.asked(kind) not in unknown]
        for question in stated:
            assert f"     - {question}" not in section, (path.name, question)


# -- the issue form ------------------------------------------------------------------------------

@pytest.fixture
def clinic(tmp_path):
    shutil.copytree(DATA, tmp_path / "project")
    return tmp_path / "project"


def files(project) -> list[str]:
    return sorted(p.relative_to(project).as_posix() for p in (project / "orgs").rglob("*"))


def test_the_form_is_written_from_the_decision_facts():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / confirm.FORM_FILE)
                          .read_text(encoding="utf-8"))
    assert form["name"] == "Confirm or correct our listing"
    fields = {e["attributes"]["label"]: e for e in form["body"] if e["type"] != "markdown"}
    assert fields["Listing"]["id"] == "listing"  # the request's links fill it in by this id
    assert fields["Confirmation"]["attributes"]["options"] == [
        {"label": "I confirm these facts are current", "required": False}]
    assert not fields["Who is confirming"]["validations"]["required"]
    for fact in decisions.FACTS:
        if fact.kind:
            assert fields[fact.label]["attributes"]["description"] == fact.question
            assert not fields[fact.label]["validations"]["required"]


def test_a_correction_updates_the_listing_in_place(clinic):
    source = values(clinic / LITTLE)["source"]
    names = files(clinic)
    text = body("confirm-listing.yml", {
        "listing": f"{SITE}opportunities/u-visa-nothing-stated/",
        "confirmed": "- [X] I confirm these facts are current",
        "person": "Ana Example, Pro Bono Coordinator",
        "urgent": "Yes",
        "commitment-hours": "5 hours a month",
        "support-malpractice-coverage": "Yes",
        "location-remote-possible": "No",
        "location-cities": "Fresno",
        "volunteers-bar-admission": "Specific states",
        "volunteers-bar-admission-states": "California",
    })
    result = from_issue(clinic, text, "--write")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"Updated {LITTLE}: confirmed by the organization on {dt.date.today().isoformat()}; "
        "it passes validation.")
    assert files(clinic) == names  # no new file
    after = (clinic / LITTLE).read_text(encoding="utf-8")
    for comment in ("# Described from the clinic's volunteer page; ask the clinic about hours.",
                    'urgent: true  # the page said "urgent" in March',
                    "  # the page names no county"):
        assert comment in after
    data = values(clinic / LITTLE)
    today = dt.date.today()
    assert data["last_verified"] == {"date": today.isoformat(), "by": "organization",
                                     "person": "Ana Example, Pro Bono Coordinator",
                                     "notes": "Confirmed in the issue form"}
    assert data["urgent_confirmed"] == today.isoformat()
    assert data["commitment"] == {"duration": "3 to 6 months", "hours": "5 hours a month"}
    assert data["support"] == {"malpractice_coverage": "true"}  # the loader keeps the text
    assert data["location"] == {"state": "CA", "remote_possible": "false", "cities": ["Fresno"]}
    assert data["volunteers"] == {"bar_admission": "specific-states",
                                  "bar_admission_states": ["CA"]}
    assert data["source"] == source  # the rest as it was
    assert validate_tree(clinic, today) is not None


def test_ticking_the_box_alone_confirms_the_page_as_it_is(clinic):
    text = body("confirm-listing.yml", {"listing": "u-visa-nothing-stated",
                                        "confirmed": "- [X] I confirm these facts are current"})
    result = from_issue(clinic, text, "--write")
    assert result.returncode == 0, result.stderr
    data = values(clinic / LITTLE)
    assert data["last_verified"] == {"date": dt.date.today().isoformat(),
                                     "by": "organization", "notes": "Confirmed in the issue form"}
    assert data["urgent_confirmed"] == dt.date.today().isoformat()  # the urgent mark it confirmed
    assert "volunteers" not in data and data["commitment"] == {"duration": "3 to 6 months"}


def test_several_pages_and_the_organization_are_confirmed_at_once(clinic):
    text = body("confirm-listing.yml", {
        "listing": f"{ORG}, asylum-training, {SITE}opportunities/every-fact-stated/",
        "confirmed": "- [X] I confirm these facts are current"})
    result = from_issue(clinic, text, "--write")
    assert result.returncode == 0, result.stderr
    for name in ("organization", "asylum-training", "every-fact-stated"):
        check = values(clinic / "orgs" / ORG / f"{name}.yml")["last_verified"]
        assert (check["by"], check["date"]) == ("organization", dt.date.today().isoformat())
    assert values(clinic / LITTLE)["last_verified"]["by"] == "maintainers"


def test_blank_answers_leave_the_file_as_it_is_without_write(clinic):
    before = (clinic / LITTLE).read_text(encoding="utf-8")
    text = body("confirm-listing.yml", {"listing": "u-visa-nothing-stated",
                                        "commitment-hours": "2 hours a week"})
    result = from_issue(clinic, text)
    assert result.returncode == 0, result.stderr
    assert (clinic / LITTLE).read_text(encoding="utf-8") == before  # printed, not written
    printed = yaml.safe_load(result.stdout)
    assert printed["commitment"] == {"duration": "3 to 6 months", "hours": "2 hours a week"}
    assert printed["last_verified"]["notes"] == "Corrected in the issue form"
    assert "person" not in printed["last_verified"]
    assert "urgent_confirmed" not in printed  # corrected, not confirmed: urgent not said again


@pytest.mark.parametrize(("answers", "expected"), [
    ({"listing": "u-visa-nothing-state", "confirmed": "- [X] I confirm these facts are current"},
     "Listing: there is no listing or organization 'u-visa-nothing-state' in the directory "
     "(did you mean 'u-visa-nothing-stated'?); this form only confirms or corrects pages that "
     "exist, so give the id or the page's address, or use the 'Add or update' forms for a new "
     "listing"),
    ({"listing": "u-visa-nothing-stated"},
     "Confirmation: the box 'I confirm these facts are current' is not ticked and no question "
     "is answered, so there is nothing to change; ask the person to tick the box or answer what "
     "changed"),
    ({"listing": "asylum-training", "commitment-hours": "2 hours"},
     "Hours: does not apply to orgs/rivera-clinic/asylum-training.yml, a training; leave it "
     "blank"),
    ({"listing": "asylum-training, every-fact-stated", "support-mentoring": "No"},
     "Listing: corrections name one page, and this issue names 2; ask for one issue per page "
     "that changes"),
])
def test_an_issue_that_cannot_be_applied_is_refused(clinic, answers, expected):
    def contents():
        return {name: (clinic / name).read_bytes() for name in files(clinic)
                if (clinic / name).is_file()}
    before = contents()
    result = from_issue(clinic, body("confirm-listing.yml", answers), "--write")
    assert result.returncode == 1
    assert result.stderr == f"{expected}\nNothing was written.\n"
    assert contents() == before


def test_other_corrections_are_passed_on_to_the_maintainer(clinic):
    text = body("confirm-listing.yml", {"listing": "every-fact-stated",
                                        "confirmed": "- [X] I confirm these facts are current",
                                        "other": "Our office moved to Sacramento."})
    result = from_issue(clinic, text, "--write")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ("The issue also asks, under 'Other corrections' (make it by "
                             "hand):\n  Our office moved to Sacramento.\n")


# -- stale and make --------------------------------------------------------------------------------

def test_stale_names_the_pages_never_confirmed_with_the_command():
    result = generator("--root", str(DATA), "stale", "--today", TODAY.isoformat(), "--format",
                       "json")
    report, = json.loads(result.stdout)["organizations"]
    assert report["never_confirmed"] == ["orgs/rivera-clinic/asylum-training.yml",
                                         "orgs/rivera-clinic/u-visa-nothing-stated.yml"]
    assert report["confirm_request"] == "make confirm-request ORG=rivera-clinic"
    text = generator("--root", str(DATA), "stale", "--today", TODAY.isoformat()).stdout.splitlines()
    at = text.index("  Never confirmed by the organization (2): orgs/rivera-clinic/"
                    "asylum-training.yml, orgs/rivera-clinic/u-visa-nothing-stated.yml")
    assert text[at + 1] == "  Ask it to confirm them: make confirm-request ORG=rivera-clinic"


def test_make_confirm_request_runs_the_command():
    result = subprocess.run(["make", "-n", "confirm-request", "ORG=laclj", "ARGS=--format "
                             "markdown"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert '-m generator confirm-request "laclj" --format markdown' in result.stdout
    help_line = next(line for line in (ROOT / "Makefile").read_text().splitlines()
                     if line.startswith("confirm-request:"))
    assert "## " in help_line


def test_a_parent_written_on_one_line_is_not_edited_line_by_line(clinic):
    from generator.contribute import yamledit
    text = "title: A\ncommitment: {duration: 3 months}\n"
    with pytest.raises(yamledit.CannotEdit):
        yamledit.edit(text, {("commitment", "hours"): "2 hours a week"})
    path = clinic / LITTLE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "commitment:\n  duration: 3 to 6 months\n", "commitment: {duration: 3 to 6 months}\n"),
        encoding="utf-8")
    text = body("confirm-listing.yml", {"listing": "u-visa-nothing-stated", "urgent": "No",
                                        "commitment-hours": "2 hours a week"})
    result = from_issue(clinic, text, "--write")
    assert result.returncode == 0, result.stderr
    data = values(path)  # written whole instead, with the same values
    assert data["commitment"] == {"duration": "3 to 6 months", "hours": "2 hours a week"}
    assert data["urgent"] == "false" and "urgent_confirmed" not in data
