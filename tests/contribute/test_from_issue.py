"""`from-issue`: a submitted issue form (as GitHub renders it) becomes a validated data file."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from generator.contribute import issueform
from generator.core import vocab
from generator.core.load import read_file
from tests.conftest import ROOT, generator

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


def body(form_file: str, answers: dict[str, str], ticked: bool = True) -> str:
    """The issue text GitHub writes for a form: a heading per question, _No response_ if blank."""
    form = yaml.safe_load((FORMS / form_file).read_text(encoding="utf-8"))
    parts = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        label = element["attributes"]["label"]
        if element["type"] == "checkboxes":
            mark = "X" if ticked else " "
            value = "\n".join(f"- [{mark}] {o['label']}" for o in element["attributes"]["options"])
        else:
            value = answers.get(element["id"]) or "_No response_"
        parts.append(f"### {label}\n\n{value}")
    return "\n\n".join(parts) + "\n"


LISTING = {
    "org-id": "bay-legal-aid",
    "title": "Niños en la corte: asylum for unaccompanied children",
    "summary": "Represent a child seeking asylum in immigration court, with a mentor.",
    "description": "Volunteers meet the child with an interpreter.\n\n- Prepare Form I-589\n"
                   "- Appear at the merits hearing\n\nWe train you first.",
    "kinds-of-work": "Full representation, Mentoring other volunteers",
    "practice-areas": "Immigration",
    "remedies": "Asylum, Special Immigrant Juvenile Status",
    "client-languages": "Spanish, K'iche', Mam",
    "location-state": "California",
    "location-counties": "Alameda County, Contra Costa County",
    "location-remote-possible": "No",
    "commitment-length": "A year or more",
    "support-cle-credit-offered": "Yes",
    "support-cle-credit-jurisdictions": "California",
    "contact-email": "ninos@example.org",
    "expires": "2027-06-30",
}


def from_issue(project, text: str, *args: str):
    path = project / "issue.md"
    path.write_text(text, encoding="utf-8")
    return generator("--root", str(project), "from-issue", str(path), *args)


def data(path):
    doc, problems = read_file(path, path.name)
    assert problems == []
    return doc.data


def test_a_new_listing(project):
    result = from_issue(project, body("new-listing.yml", LISTING), "--write")
    assert result.returncode == 0, result.stderr
    path = (project / "orgs" / "bay-legal-aid" /
            "ninos-en-la-corte-asylum-for-unaccompanied-children.yml")
    values = data(path)
    assert values["title"] == LISTING["title"]
    assert values["description"] == LISTING["description"] + "\n"
    assert values["kinds_of_work"] == ["full-representation", "mentoring"]
    assert values["remedies"] == ["asylum", "special-immigrant-juvenile-status"]
    assert values["client_languages"] == ["es", "quc", "mam"]
    assert values["location"] == {"state": "CA", "counties": ["Alameda County",
                                                              "Contra Costa County"],
                                  "remote_possible": "false"}
    assert values["commitment"] == {"length": "year-or-more"}
    assert values["support"] == {"cle_credit": {"offered": "true", "jurisdictions": ["CA"]}}
    assert values["expires"] == "2027-06-30"
    assert values["last_verified"]["by"] == "organization"
    assert "urgent" not in values and "status" not in values  # blank: the defaults apply
    assert "Closes #" in result.stdout
    check = generator("--root", str(project), "validate")
    assert check.returncode == 0, check.stdout


def test_without_write_prints_the_file_and_writes_nothing(project):
    before = sorted(p.name for p in (project / "orgs" / "bay-legal-aid").iterdir())
    result = from_issue(project, body("new-listing.yml", LISTING))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# yaml-language-server: $schema=")
    assert "title: \"Niños en la corte: asylum for unaccompanied children\"" in result.stdout
    assert sorted(p.name for p in (project / "orgs" / "bay-legal-aid").iterdir()) == before


def test_windows_line_endings_and_a_fenced_description(project):
    answers = dict(LISTING, description="```\nPlain text in a fence.\n```")
    text = body("new-listing.yml", answers).replace("\n", "\r\n")
    result = from_issue(project, text, "--write")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / "bay-legal-aid" /
                  "ninos-en-la-corte-asylum-for-unaccompanied-children.yml")
    assert values["description"] == "Plain text in a fence."


def test_every_problem_at_once_and_nothing_written(project):
    answers = dict(LISTING, **{"org-id": "bay-legal-aid", "remedies": "U vissa",
                               "location-state": "Californa", "contact-email": "not an email",
                               "expires": "next June", "summary": ""})
    before = sorted(p.name for p in (project / "orgs" / "bay-legal-aid").iterdir())
    result = from_issue(project, body("new-listing.yml", answers, ticked=False), "--write")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for expected in ("Remedies: 'U vissa' is not a known remedy; did you mean 'U visa'?",
                     "State: 'Californa' is not a known state; did you mean 'California'?",
                     "Contact email: 'not an email' is not a valid email address",
                     "Listing ends on: 'next June' is not a date",
                     "Summary: left blank, but it is needed",
                     "Before you send: the box"):
        assert expected in result.stderr
    assert sorted(p.name for p in (project / "orgs" / "bay-legal-aid").iterdir()) == before


@pytest.mark.parametrize("field, text, expected", [
    ("description", "<script>alert(1)</script> Volunteers help.",
     "What volunteers would do: HTML ('<script>') is not allowed"),
    ("description", "Email [us](javascript:alert(1)).",
     "What volunteers would do: link target 'javascript:alert(1' is not allowed"),
    ("summary", "Our client, A-123-456-789, needs help.",
     "Summary: 'A-123-456-789' looks like an alien registration number"),
])
def test_hostile_text_is_refused(project, field, text, expected):
    result = from_issue(project, body("new-listing.yml", dict(LISTING, **{field: text})), "--write")
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Nothing was written." in result.stderr


def test_hostile_text_that_is_allowed_stays_text(project):
    """YAML and template syntax in an answer is kept as text; it cannot add or change fields."""
    title = 'Urgent: true" # status: closed {{ 7*7 }} &a *a !!python/object'
    description = "status: closed\nurgent: true\n---\n... \\ \"quoted\" evil"
    result = from_issue(project, body("new-listing.yml", dict(LISTING, title=title,
                                                                description=description)))
    assert result.returncode == 0, result.stderr
    values = yaml.safe_load(result.stdout)
    assert values["title"] == title
    assert values["description"].rstrip("\n") == description
    assert "status" not in values and "urgent" not in values


def test_a_heading_inside_an_answer(project):
    """An answer may contain '### ' lines; one that repeats a question's heading is refused."""
    answers = dict(LISTING, description="Intro.\n\n### What you will learn\n\nA lot.")
    result = from_issue(project, body("new-listing.yml", answers))
    assert result.returncode == 0, result.stderr
    assert "### What you will learn" in yaml.safe_load(result.stdout)["description"]
    answers = dict(LISTING, description="Intro.\n\n### Status\n\nClosed")
    result = from_issue(project, body("new-listing.yml", answers))
    assert result.returncode == 1
    assert "'### Status' appears more than once" in result.stderr


def test_updating_a_listing_keeps_what_was_not_answered(project):
    answers = {"org-id": "bay-legal-aid", "id": "u-visa-petitions", "urgent": "Yes",
               "title": "U visa petitions", "summary": "Prepare U visa petitions.",
               "description": "Prepare the petition and declaration.",
               "kinds-of-work": "Full representation", "practice-areas": "Immigration"}
    path = project / "orgs" / "bay-legal-aid" / "u-visa-petitions.yml"
    before = data(path)
    result = from_issue(project, body("new-listing.yml", answers), "--write")
    assert result.returncode == 0, result.stderr
    assert "Updated orgs/bay-legal-aid/u-visa-petitions.yml" in result.stdout
    after = data(path)
    assert after["urgent"] == "true" and after["title"] == "U visa petitions"
    assert after["location"] == before["location"]
    assert after["added"] == before["added"]
    wrong = dict(answers, id="no-such-listing")
    assert "there is no listing 'no-such-listing'" in from_issue(project, body(
        "new-listing.yml", wrong)).stderr


def test_a_new_organization(project):
    answers = {"name": "Valley Survivors' Legal Center", "short-name": "VSLC",
               "description": "Free legal help for survivors in the Central Valley.",
               "location-state": "California", "languages": "Spanish, Mixteco"}
    result = from_issue(project, body("new-organization.yml", answers), "--write")
    assert result.returncode == 1  # some fifty languages: the message lists the first ones
    assert ("Languages staff serve clients in: 'Mixteco' is not an ISO 639 language code; it "
            "may be one of: ") in result.stderr
    assert result.stderr.count(" Mixtec)") == 8
    answers["languages"] = "Spanish, Punjabi, Hmong, mxt"  # names or codes; any language
    answers["website"] = "https://vslc.example.org/"
    result = from_issue(project, body("new-organization.yml", answers), "--write")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / "vslc" / "organization.yml")
    assert values["languages"] == ["es", "pa", "hmn", "mxt"]


def test_not_a_form(project):
    result = from_issue(project, "Hi, please add our program. Thanks!")
    assert result.returncode == 1
    assert "not the body of a listing or organization issue form" in result.stderr


def test_forms_are_current_and_valid(tmp_path):
    assert issueform.stale_forms(ROOT) == []
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-issue-forms", *map(str, sorted(FORMS.glob("*.yml")))],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text((FORMS / "new-listing.yml").read_text().replace("type: dropdown",
                                                                      "type: pulldown"))
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-issue-forms", str(broken)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1


def test_form_warns_that_issues_are_public():
    form = yaml.safe_load((FORMS / "new-listing.yml").read_text(encoding="utf-8"))
    assert form["body"][0]["type"] == "markdown"
    assert "Issues are public" in form["body"][0]["attributes"]["value"]
    boxes = [e for e in form["body"] if e["type"] == "checkboxes"][0]
    assert all(o["required"] for o in boxes["attributes"]["options"])


def test_no_dropdown_label_holds_a_comma():
    """GitHub joins a multiple choice with ', '; a comma inside a label could not be read back."""
    choices = [q.vocabulary for form in issueform.FORMS for q in form.questions
               if q.kind == "choices"]
    assert vocab.REMEDIES in choices and vocab.BAR_ADMISSION not in choices
    for vocabulary in choices:
        for label in vocabulary.terms.values():
            assert "," not in label, label


def test_the_same_issue_twice_is_refused_then_updates_with_update(project):
    text = body("new-listing.yml", LISTING)
    assert from_issue(project, text, "--write").returncode == 0
    folder = project / "orgs" / "bay-legal-aid"
    before = sorted(p.name for p in folder.iterdir())
    again = from_issue(project, text, "--write")
    assert again.returncode == 1
    assert again.stderr == (
        "Title: orgs/bay-legal-aid/ninos-en-la-corte-asylum-for-unaccompanied-children.yml "
        "already has this title ('Niños en la corte: asylum for unaccompanied children'), so "
        "this issue may have been turned into a file before. To update that listing, write its "
        "id, ninos-en-la-corte-asylum-for-unaccompanied-children, under 'Listing id (only to "
        f"update a program)' in the issue or run make from-issue BODY={project / 'issue.md'} "
        "ARGS=\"--update ninos-en-la-corte-asylum-for-unaccompanied-children\"; if this is "
        f"another opportunity, give it another title, or run make from-issue "
        f"BODY={project / 'issue.md'} ARGS=--allow-duplicate-title\n"
        "Nothing was written.\n")
    assert sorted(p.name for p in folder.iterdir()) == before
    spaced = body("new-listing.yml", dict(LISTING, title="NIÑOS EN LA CORTE -- asylum for "
                                          "unaccompanied children"))
    assert "already has this title" in from_issue(project, spaced, "--write").stderr
    updated = from_issue(project, text, "--write", "--update",
                         "ninos-en-la-corte-asylum-for-unaccompanied-children")
    assert updated.returncode == 0, updated.stderr
    assert updated.stdout.startswith("Updated orgs/bay-legal-aid/ninos-en-la-corte-")
    assert sorted(p.name for p in folder.iterdir()) == before
    forced = from_issue(project, text, "--write", "--allow-duplicate-title")
    assert forced.returncode == 0, forced.stderr
    assert (folder / "ninos-en-la-corte-asylum-for-unaccompanied-children-2.yml").is_file()


def test_an_organization_already_in_the_directory_is_refused(project):
    answers = {"name": "Bay  Example Legal-Aid", "description": "Again.",
               "location-state": "California"}
    result = from_issue(project, body("new-organization.yml", answers), "--write")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "Name: orgs/bay-legal-aid/organization.yml already has this name ('Bay Example Legal "
        "Aid'), so this issue may have been turned into a file before;")


def test_the_form_holds_what_a_coordinator_knows(project):
    answers = dict(LISTING, **{
        "commitment-team-size": "2 to 3", "commitment-limited-scope": "No",
        "volunteers-bar-admission": "Specific states",
        "volunteers-bar-admission-states": "California, New York",
        "volunteers-in-house-counsel-welcome": "Yes", "volunteers-law-students-welcome": "Yes",
        "volunteers-students-supervised": "Yes", "volunteers-paralegals-welcome": "No",
        "volunteers-interpreters-welcome": "Yes", "support-malpractice-coverage": "Yes",
        "support-attorney-of-record": "The volunteer as co-counsel with the organization",
        "location-remote-possible": "Yes",
        "location-remote-exceptions": "one client meeting in Fresno",
        "volunteers-notes": "Retired attorneys in California's pro bono program are welcome.",
        "support-training-formats": "Live, Recorded",
        "support-training-dates": "2027-01-14, 2027-03-11",
        "support-cle-credit-notes": "3 hours of California MCLE for the live training",
        "source-description": "Our volunteer coordinator, by email.",
        "last-verified-date": "2026-11-02"})
    result = from_issue(project, body("new-listing.yml", answers))
    assert result.returncode == 0, result.stderr
    values = yaml.safe_load(result.stdout)
    assert values["commitment"] == {"length": "year-or-more", "team_size": "2 to 3",
                                    "limited_scope": False}
    assert values["volunteers"]["bar_admission_states"] == ["CA", "NY"]
    assert values["volunteers"]["interpreters_welcome"] is True
    assert values["support"]["malpractice_coverage"] is True
    assert values["support"]["attorney_of_record"] == "co-counsel"
    assert values["volunteers"]["bar_admission"] == "specific-states"
    assert (values["volunteers"]["in_house_counsel_welcome"],
            values["volunteers"]["students_supervised"],
            values["volunteers"]["paralegals_welcome"]) == (True, True, False)
    assert values["location"]["remote_exceptions"] == "one client meeting in Fresno"
    assert values["support"]["training"] == {"formats": ["live", "recorded"], "dates": [
        __import__("datetime").date(2027, 1, 14), __import__("datetime").date(2027, 3, 11)]}
    assert values["support"]["cle_credit"]["notes"].startswith("3 hours")
    assert values["source"]["description"] == "Our volunteer coordinator, by email."
    assert str(values["last_verified"]["date"]) == "2026-11-02"
    # blank answers stay unknown: nothing is written for them
    assert "retired_attorneys_welcome" not in values["volunteers"]
    assert "social_worker" not in values["support"]


def test_a_problem_found_in_the_finished_file_is_named_by_its_question(project):
    (project / "orgs" / "bay-legal-aid" / "organization.yml").write_text(
        (project / "orgs" / "bay-legal-aid" / "organization.yml").read_text(encoding="utf-8")
        .replace("website:", "# website:").replace("pro_bono_contact:", "old:")
        .split("old:")[0] + "source:\n  description: Test.\nlast_verified:\n  date: 2026-11-01\n"
        "  by: maintainers\n", encoding="utf-8")
    answers = dict(LISTING, **{"contact-email": ""})
    result = from_issue(project, body("new-listing.yml", answers))
    assert result.returncode == 1
    assert result.stderr == (
        "Contact email: needed: the organization has no pro bono contact or website, so an "
        "open program must give volunteers a way to reach it; give a work email\n"
        "Nothing was written.\n")


def test_characters_that_spoof_text_are_refused(project):
    answers = dict(LISTING, title="Asylum \u202eevil\u202c for children")
    result = from_issue(project, body("new-listing.yml", answers))
    assert result.returncode == 1
    assert result.stderr == (
        "Title: the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed here; "
        "delete it (it often comes with text pasted from another program)\n"
        "Title: the invisible character U+202C (POP DIRECTIONAL FORMATTING) is not allowed "
        "here; delete it (it often comes with text pasted from another program)\n"
        "Nothing was written.\n")


TRAINING = {
    "org-id": "bay-legal-aid",
    "title": "Declarations for T visa petitions",
    "summary": "A live online workshop on the survivor's declaration, with California MCLE credit.",
    "description": "How to draft the declaration with a survivor, step by step.",
    "formats": "Live online",
    "sessions": "2027-03-04 12:00-13:30\n2027-03-11 12:00 to 1:30 pm",
    "time-zone": "America/Los_Angeles",
    "registration": "https://example.org/register",
    "free": "No",
    "cost": "$40",
    "cost-condition": "Free for volunteers who take a case afterwards",
    "capacity": "60",
    "cle": "CA, 1.5, General\nCA, 0.5, Elimination of bias",
    "practice-areas": "Immigration, Human trafficking",
    "remedies": "T visa",
    "location-state": "California",
    "audience-bar-admission": "Not required",
    "audience-law-students-welcome": "Yes",
}


def test_a_training_from_its_form(project):
    result = from_issue(project, body("new-training.yml", TRAINING), "--write")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / "bay-legal-aid" / "declarations-for-t-visa-petitions.yml")
    assert values["kind"] == "training"
    assert values["formats"] == ["live-online"]
    assert values["sessions"] == [{"date": "2027-03-04", "start": "12:00", "end": "13:30"},
                                  {"date": "2027-03-11", "start": "12:00", "end": "13:30"}]
    assert values["cle"] == [
        {"jurisdiction": "CA", "hours": "1.5", "category": "general"},
        {"jurisdiction": "CA", "hours": "0.5", "category": "elimination-of-bias"}]
    assert values["capacity"] == "60" and values["free"] == "false" and values["cost"] == "$40"
    assert values["cost_condition"] == TRAINING["cost-condition"]
    assert values["audience"] == {"bar_admission": "not-required",
                                  "law_students_welcome": "true"}
    assert "kinds_of_work" not in values and "volunteers" not in values


CASE = {
    "org-id": "bay-legal-aid",
    "title": "U visa petition before the certification lapses",
    "summary": "A survivor who speaks Mam needs a U visa petition filed soon.",
    "description": "Draft the declaration and file the petition; our staff review each step.",
    "respond-by": "2027-01-20",
    "next-date-date": "2027-02-15",
    "next-date-what": "Certification expires",
    "clients-waiting": "1",
    "urgent": "Yes",
    "kinds-of-work": "Full representation",
    "practice-areas": "Immigration",
    "remedies": "U visa",
    "client-languages": "Mam, Spanish",
    "forums": "USCIS",
    "location-state": "California",
    "related": "u-visa-petitions",
}


def test_a_case_from_its_form(project):
    result = from_issue(project, body("new-case.yml", CASE), "--write")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / "bay-legal-aid" /
                  "u-visa-petition-before-the-certification-lapses.yml")
    assert values["kind"] == "case" and values["urgent"] == "true"
    assert values["respond_by"] == "2027-01-20" and values["clients_waiting"] == "1"
    assert values["next_date"] == {"date": "2027-02-15", "what": "Certification expires"}
    assert values["client_languages"] == ["mam", "es"] and values["forums"] == ["uscis"]
    assert values["related"] == ["u-visa-petitions"]


def test_a_case_without_its_respond_by_date_is_refused(project):
    result = from_issue(project, body("new-case.yml", dict(CASE, **{"respond-by": ""})),
                        "--write")
    assert result.returncode == 1
    assert "Respond by: left blank, but it is needed" in result.stderr
    assert not list((project / "orgs" / "bay-legal-aid").glob("u-visa-petition-before*"))


@pytest.mark.parametrize(("key", "answer", "expected"), [
    ("sessions", "March 4th", "Dates and times: 'March 4th' is not a session"),
    ("cle", "CA, 1.5", "CLE credit: 'CA, 1.5' is not CLE credit"),
    ("capacity", "sixty", "Places: 'sixty' is not a whole number"),
    ("related", "no-such-listing", "no-such-listing"),
])
def test_a_training_answer_that_does_not_fit_names_its_question(project, key, answer,
                                                                  expected):
    result = from_issue(project, body("new-training.yml", dict(TRAINING, **{key: answer})),
                        "--write")
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_listing_is_updated_only_through_the_form_of_its_kind(project):
    """A training's id given in the program form would turn the training into a program."""
    assert from_issue(project, body("new-training.yml", TRAINING), "--write").returncode == 0
    training = "declarations-for-t-visa-petitions"
    answers = dict(LISTING, id=training)
    result = from_issue(project, body("new-listing.yml", answers), "--write")
    assert result.returncode == 1
    assert (f"'{training}' is a training, and this is the form for a program; "
            "update it with the 'Add or update a training' form") in result.stderr
    update = dict(TRAINING, id=training, capacity="25")
    result = from_issue(project, body("new-training.yml", update), "--write")
    assert result.returncode == 0, result.stderr
    assert f"Updated orgs/bay-legal-aid/{training}.yml" in result.stdout
    values = data(project / "orgs" / "bay-legal-aid" / f"{training}.yml")
    assert values["kind"] == "training" and values["capacity"] == "25"


def test_each_form_is_told_apart_by_its_questions():
    for form in issueform.FORMS:
        answers = {q.label: "x" for q in form.questions}
        text = "".join(f"### {label}\n\n{value}\n\n" for label, value in answers.items())
        assert issueform.read_body(text)[0] is form


@pytest.mark.parametrize(("answers", "expected"), [
    ({"status": "Open", "paused-until": "2027-01-10"},
     "Paused until: 'Paused until' is only for a paused listing, and this one is open; leave "
     "'Paused until' blank, or answer 'Status' with Paused"),
    ({"location-remote-possible": "No", "location-remote-exceptions": "The hearing"},
     "What still happens in person: 'What still happens in person' says what is not remote in "
     "remote work: answer 'Remote work possible' with yes, or move the place into 'Cities'"),
])
def test_a_problem_between_two_answers_speaks_in_the_forms_labels(project, answers, expected):
    result = from_issue(project, body("new-listing.yml", dict(LISTING, **answers)))
    assert result.returncode == 1
    assert result.stderr == f"{expected}\nNothing was written.\n"


def test_an_update_changes_only_what_it_answers_and_keeps_the_comments(project):
    """Editors leave comments in their files; the update form changes the answered values in
    place rather than writing the file anew (the rewrite dropped every comment)."""
    assert from_issue(project, body("new-listing.yml", LISTING), "--write").returncode == 0
    listing = "ninos-en-la-corte-asylum-for-unaccompanied-children"
    path = project / "orgs" / "bay-legal-aid" / f"{listing}.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nsummary: " in text
    noted = text.replace("\nsummary: ", "\n# Ask Ana before changing the summary.\nsummary: ", 1)
    path.write_text(noted, encoding="utf-8")
    changed = dict(LISTING, id=listing, **{
        "description": "Volunteers meet the child with an interpreter.\n\nWe train you first; "
                       "a mentor reads every filing.",
        "commitment-length": "Several months"})
    result = from_issue(project, body("new-listing.yml", changed), "--write")
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert "# Ask Ana before changing the summary.\nsummary: " in after
    values = data(path)
    assert values["description"] == changed["description"]
    assert values["commitment"]["length"] == "months"
    # the description stays a block a person can read and edit, not one quoted line of \n
    assert "description: |" in after and "\\n" not in after
    untouched = [line for line in noted.splitlines()
                 if not line.startswith(("  length:", "description:", "  ", "last_verified"))]
    assert all(line in after.splitlines() for line in untouched)
