"""`python -m generator new`: a new file in the right place that passes validate as written."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.contribute import scaffold
from generator.core.load import parse, read_file
from generator.core.model import Program
from tests.conftest import ROOT, SITE_SOURCES, generator, with_make

ORG = "bay-legal-aid"


def new(project, *args, stdin=""):
    return generator("--root", str(project), "new", *args, input=stdin)


def validate(project):
    return generator("--root", str(project), "validate")


def data(path):
    doc, problems = read_file(path, path.name)
    assert problems == []
    return doc.data


OPTIONS = ["--title", "Asylum for children: court hearings", "--summary",
           "Represent a child in immigration court, with a mentor.", "--description",
           "Volunteers meet the child, prepare the **asylum** application and appear in court.",
           "--kinds-of-work", "full-representation, Mentoring other volunteers",
           "--practice-areas", "immigration", "--remedies", "asylum,special immigrant juvenile "
           "status", "--clients", "unaccompanied-children", "--contact-email",
           "probono@example.org", "--no-input"]


def test_program_from_options(project):
    result = new(project, "program", ORG, *OPTIONS)
    assert result.returncode == 0, result.stderr
    path = project / "orgs" / ORG / "asylum-for-children-court-hearings.yml"
    values = data(path)
    assert values["title"] == "Asylum for children: court hearings"
    assert values["kinds_of_work"] == ["full-representation", "mentoring"]
    assert values["remedies"] == ["asylum", "special-immigrant-juvenile-status"]
    assert values["location"] == {"state": "CA"}  # the organization's state, by default
    assert values["last_verified"] == {"date": dt.date.today().isoformat(), "by": "organization"}
    assert values["added"] == dt.date.today().isoformat()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/listing.schema.json\n")
    assert "\n# urgent: true\n" in text and "\n#   duration: \"\"" in text  # guidance, commented
    assert validate(project).returncode == 0
    assert "opportunities/asylum-for-children-court-hearings/" in result.stdout
    assert "make preview FILES=orgs/bay-legal-aid/asylum-for-children-court-hearings.yml" \
        in result.stdout
    assert "pull request" in result.stdout


def test_every_commented_field_is_a_field_of_the_model(project):
    """Uncommenting the whole file gives only known fields (with values still to fill in)."""
    assert new(project, "program", ORG, *OPTIONS).returncode == 0
    path = project / "orgs" / ORG / "asylum-for-children-court-hearings.yml"
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    field_line = re.compile(r"^(\s*)# ((?:\s*- )?\s*[a-z_]+:(?: |$))")
    uncommented = "\n".join(field_line.sub(r"\1\2", line) for line in lines)
    doc, problems = parse(uncommented.encode(), "all.yml")
    assert problems == []
    errors = []
    try:
        Program.model_validate(doc.data)
    except Exception as exc:
        errors = exc.errors()
    kinds = {e["type"] for e in errors}
    assert "extra_forbidden" not in kinds, [e for e in errors if e["type"] == "extra_forbidden"]
    assert "string_too_short" in kinds  # the "" placeholders must be filled in


def test_program_by_answering_questions(project):
    answers = "\n".join([
        "U visa clinic", "A short summary of the clinic.",
        "First line of what volunteers do.", "Second line.", "",
        "1, 3",  # kinds of work by number
        "immigraton", "immigration",  # a typo is explained and asked again
        "", "", "", "",  # no remedies, no clients, not urgent; state: the organization's
        "not-an-email", "clinic@example.org",
    ]) + "\n"
    result = new(project, "program", ORG, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "did you mean 'immigration'?" in result.stdout
    assert "not a valid email address" in result.stdout
    values = data(project / "orgs" / ORG / "u-visa-clinic.yml")
    assert values["description"] == "First line of what volunteers do.\nSecond line.\n"
    assert values["kinds_of_work"] == ["full-representation", "accompaniment"]
    assert values["practice_areas"] == ["immigration"]
    assert values["contact"] == {"email": "clinic@example.org"}
    assert "remedies" not in values
    assert validate(project).returncode == 0


def test_organization_then_its_program(project, tmp_path):
    result = new(project, "org", "--name", "Sunrise Survivors' Law Center", "--short-name",
                 "SSLC", "--description", "Legal help for survivors in the Central Valley.",
                 "--state", "California", "--website", "https://sslc.example.org/", "--no-input")
    assert result.returncode == 0, result.stderr
    assert (project / "orgs" / "sslc" / "organization.yml").is_file()
    assert "Add a listing: make new-program ORG=sslc" in result.stdout
    assert "a dated training: make new-training ORG=sslc" in result.stdout
    result = new(project, "program", "sslc", "--title", "T visas",
                 "--summary", "T visa petitions.", "--description", "Draft T visa petitions.",
                 "--kinds-of-work", "full-representation", "--practice-areas",
                 "human-trafficking", "--no-input")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / "sslc" / "t-visas.yml")
    shutil.copytree(ROOT / "site_templates", project / "site_templates")
    assert values["source"]["description"] == "Written by the staff of SSLC for this directory."
    pages = generator("--root", str(project), "pages", "--output", str(tmp_path / "pages"))
    assert pages.returncode == 0, pages.stderr
    assert "T visas" in (tmp_path / "pages" / "opportunities" / "t-visas.md").read_text()


def test_every_problem_at_once_and_nothing_written(project):
    before = sorted(p.name for p in (project / "orgs" / ORG).iterdir())
    result = new(project, "program", ORG, "--title", "X", "--remedies", "u-vissa",
                 "--kinds-of-work", "representation-ish", "--no-input")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "--remedies: 'u-vissa' is not a known remedy; did you mean 'u-visa'?" in result.stderr
    assert "--kinds-of-work: 'representation-ish' is not a known kind of work" in result.stderr
    for option in ("--summary", "--description", "--practice-areas"):
        assert f"{option}: missing" in result.stderr
    assert "Nothing was written." in result.stderr
    assert sorted(p.name for p in (project / "orgs" / ORG).iterdir()) == before


def test_unknown_organization_and_taken_id(project):
    result = new(project, "program", "no-such-org", *OPTIONS)
    assert result.returncode == 1
    assert "there is no organization 'no-such-org' (known: bay-legal-aid)" in result.stderr
    result = new(project, "program", ORG, *OPTIONS, "--id", "u-visa-petitions")
    assert result.returncode == 1
    assert "'u-visa-petitions' is already used" in result.stderr
    result = new(project, "program", ORG, *OPTIONS, "--id", "Bad Id")
    assert "use lowercase letters, digits and hyphens, e.g. 'bad-id'" in result.stderr


def test_the_validator_still_guards_a_new_file(project):
    """Text the validator refuses (here a client's A-number) leaves no file behind."""
    options = list(OPTIONS)
    options[options.index("--description") + 1] = "Our client A123-456-789 needs help."
    result = new(project, "program", ORG, *options)
    assert result.returncode == 1
    # the problem is named by the option that caused it, never by a file that does not exist
    assert result.stderr.startswith("--description: 'A123-456-789' looks like an alien "
                                    "registration number")
    assert ".yml" not in result.stderr
    assert "Nothing was written." in result.stderr
    assert not (project / "orgs" / ORG / "asylum-for-children-court-hearings.yml").exists()


def test_hostile_text_is_kept_as_text(project):
    title = 'He said "hi": # not a comment {{ 7*7 }} \\ Ñandú — 日本語'
    result = new(project, "program", ORG, *OPTIONS[2:], "--title", title, "--id", "hostile")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / ORG / "hostile.yml")
    assert values["title"] == title
    assert set(values) >= {"summary", "description", "kinds_of_work"}


# Text the strict loader reads back from what scaffold writes: exactly what was given.
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_scalars_read_back_exactly(text):
    doc, problems = parse(f"key: {scaffold.scalar(text)}\nlist: [{scaffold.scalar(text, True)}]\n"
                          .encode("utf-8"), "f.yml")
    assert problems == []
    assert doc.data == {"key": text, "list": [text]}


@example(["0", "\x0c"])  # a last line of only a form feed once read back as an extra line
@settings(max_examples=200, deadline=None)
@given(st.lists(texts.map(lambda t: t.replace("\r", "")), min_size=1, max_size=4))
def test_long_text_reads_back_line_for_line(lines):
    text = "\n".join(lines)
    doc, problems = parse(f"key:{scaffold.block(text, '')}\n".encode("utf-8"), "f.yml")
    assert problems == []
    value = doc.data["key"]
    if scaffold.block(text, "").startswith(" |"):
        kept = "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))
        expected = kept.rstrip("\n") + "\n"  # trailing spaces go; so do blank lines at the end
        assert value == expected
    else:
        assert value == text


def test_outside_the_project(tmp_path):
    result = new(tmp_path, "org", "--name", "X", "--description", "Y", "--no-input")
    assert result.returncode == 1
    assert "there is no orgs/ folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_empty_answer_to_a_required_question_is_asked_again(project):
    answers = "\n".join(["Sunrise Law Center", "", "", "We help survivors.", "",
                          "", "CA", ""]) + "\n"  # the first answer for State is empty
    result = new(project, "org", stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "State (two-letter code, e.g. CA):   this one is needed; please answer it\n" \
        in result.stdout
    assert data(project / "orgs" / "sunrise-law-center" / "organization.yml")["location"] == {
        "state": "CA"}


def quiet_organization(project) -> None:
    """A valid organization that gives volunteers no way to reach it: no contact, no website."""
    (project / "orgs" / "quiet-org").mkdir()
    (project / "orgs" / "quiet-org" / "organization.yml").write_text(
        (project / "orgs" / ORG / "organization.yml").read_text(encoding="utf-8")
        .replace("name: Bay Example Legal Aid", "name: Quiet Example Org")
        .replace("short_name: BELA", "short_name: QEO")
        .split("website:")[0] + "description: A quiet organization.\nlocation:\n  state: CA\n"
        "source:\n  description: Test.\nlast_verified:\n  date: 2026-11-01\n  by: maintainers\n",
        encoding="utf-8")
    assert validate(project).returncode == 0


def test_a_failed_final_check_asks_again_and_keeps_the_other_answers(project):
    quiet_organization(project)
    answers = "\n".join([
        "Wage claims clinic", "Help workers file wage claims.",
        "Our client A204-117-334 needs help.", "",  # refused at the final check
        "limited-scope", "employment", "", "", "yes", "",
        "",  # no email, and the organization gives no way to reach it: asked again at once
        "clinic@example.org",
        "Draft wage claims with a staff attorney.", "",  # asked again after the final check
    ]) + "\n"
    result = new(project, "program", "quiet-org", stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "looks like an alien registration number" in result.stdout
    assert ("Work email for volunteers (needed: the organization's file gives no contact or "
            "website):   this one is needed; please answer it") in result.stdout
    values = data(project / "orgs" / "quiet-org" / "wage-claims-clinic.yml")
    assert values["description"] == "Draft wage claims with a staff attorney."
    assert values["contact"] == {"email": "clinic@example.org"}
    assert (values["title"], values["urgent"]) == ("Wage claims clinic", "true")  # kept
    assert values["practice_areas"] == ["employment"]


def test_without_questions_a_needed_contact_names_the_option(project):
    quiet_organization(project)
    result = new(project, "program", "quiet-org", *OPTIONS[:-3], "--no-input")
    assert result.returncode == 1
    assert result.stderr == (
        "--contact-email: missing; give --contact-email \"...\" (Work email for volunteers "
        "(needed: the organization's file gives no contact or website))\n"
        "Nothing was written.\n")


def test_every_next_step_runs_as_printed(project):
    """The steps `new` prints are commands a contributor can paste, from a fresh clone."""
    with_make(project)
    for name in SITE_SOURCES:
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = new(project, "org", "--name", "Sunrise Law Center", "--description", "We help.",
                 "--state", "CA", "--website", "https://sunrise.example.org", "--no-input")
    steps = re.findall(r"make [^\n]+", result.stdout)
    assert steps == ["make new-program ORG=sunrise-law-center",
                     "make new-training ORG=sunrise-law-center",
                     "make new-case ORG=sunrise-law-center", "make validate",
                     "make preview FILES=orgs/sunrise-law-center/organization.yml"]
    program = subprocess.run([*steps[0].split(), "ARGS=" + shlex.join(
        ["--title=Wage claims", "--summary=Claims.", "--description=Wage claims.",
         "--kinds-of-work=limited-scope", "--practice-areas=employment", "--no-input"])],
        cwd=project, capture_output=True, text=True, check=False)
    assert program.returncode == 0, program.stdout + program.stderr
    assert (project / "orgs" / "sunrise-law-center" / "wage-claims.yml").is_file()
    for step, kind in ((steps[1], "training"), (steps[2], "case")):
        dry = subprocess.run([*step.split(), "-n"], cwd=project, capture_output=True, text=True,
                             check=False)
        assert dry.returncode == 0, dry.stderr
        assert f"-m generator new {kind} \"sunrise-law-center\"" in dry.stdout
    checked = subprocess.run(steps[3].split(), cwd=project, capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems" in checked.stdout
    dry = subprocess.run([*steps[4].split(), "-n"], cwd=project, capture_output=True,
                         text=True, check=False)  # serving runs until stopped: only a dry run
    assert dry.returncode == 0, dry.stderr
    assert "preview --dev-addr 127.0.0.1:8000 orgs/sunrise-law-center/organization.yml" \
        in dry.stdout


TRAINING = ["--title", "T visa basics: the declaration", "--summary",
            "Two afternoons on a survivor's declaration.", "--description",
            "How to draft the declaration, with sample documents.", "--formats",
            "Live online, recorded", "--sessions",
            "2027-03-04 13:00-15:00; 2027-03-11 1 pm to 3:30 pm at Fresno County Bar, Fresno",
            "--time-zone", "America/Los_Angeles", "--registration",
            "https://example.org/register", "--free", "yes", "--cle",
            "CA, 1.5, General; CA 1 legal ethics", "--practice-areas", "immigration",
            "--remedies", "T visa", "--no-input"]


def test_a_training_from_options(project):
    result = new(project, "training", ORG, *TRAINING)
    assert result.returncode == 0, result.stderr
    path = project / "orgs" / ORG / "t-visa-basics-the-declaration.yml"
    values = data(path)
    assert values["kind"] == "training"
    assert values["formats"] == ["live-online", "recorded"]
    assert values["sessions"] == [
        {"date": "2027-03-04", "start": "13:00", "end": "15:00"},
        {"date": "2027-03-11", "start": "13:00", "end": "15:30",
         "where": "Fresno County Bar, Fresno"}]
    # the strict loader reads every value as text; the model makes numbers of them
    assert values["cle"] == [{"jurisdiction": "CA", "hours": "1.5", "category": "general"},
                             {"jurisdiction": "CA", "hours": "1", "category": "legal-ethics"}]
    assert values["time_zone"] == "America/Los_Angeles" and values["free"] == "true"
    assert values["added"] == dt.date.today().isoformat()
    assert "kinds_of_work" not in path.read_text(encoding="utf-8")  # not a field of a training
    assert validate(project).returncode == 0
    assert "opportunities/t-visa-basics-the-declaration/" in result.stdout


def test_a_case_from_options(project):
    result = new(project, "case", ORG, "--title", "U visa petition before a deadline",
                 "--summary", "A survivor needs a U visa petition filed.", "--description",
                 "Prepare and file the petition with the signed certification.",
                 "--respond-by", "2027-01-15", "--next-date", "2027-02-01",
                 "--next-date-what", "Certification expires", "--clients-waiting", "2",
                 "--kinds-of-work", "full representation", "--practice-areas", "immigration",
                 "--remedies", "u-visa", "--client-languages", "Mam, Spanish",
                 "--forums", "uscis", "--urgent", "yes", "--no-input")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / ORG / "u-visa-petition-before-a-deadline.yml")
    assert values["kind"] == "case" and values["urgent"] == "true"
    assert values["respond_by"] == "2027-01-15" and values["clients_waiting"] == "2"
    assert values["next_date"] == {"date": "2027-02-01", "what": "Certification expires"}
    assert values["client_languages"] == ["mam", "es"]
    assert validate(project).returncode == 0


@pytest.mark.parametrize(("option", "answer", "expected"), [
    ("--sessions", "next Tuesday", "'next Tuesday' is not a session; one date per line"),
    ("--sessions", "2027-03-04 25:00-26:00", "'25:00' is not a time of day"),
    ("--sessions", "2027-02-30", "'2027-02-30' is not a date written YYYY-MM-DD"),
    ("--cle", "lots of credit", "'lots of credit' is not CLE credit; one line per kind"),
    ("--cle", "CA, 1.5, Fun", "'Fun' is not a known CLE category"),
    ("--cle", "CA, 1.3, General", "multiple of 0.25"),
    ("--time-zone", "Pacific", "time zone"),
])
def test_a_training_answer_that_does_not_fit_is_explained(project, option, answer, expected):
    args = list(TRAINING)
    args[args.index(option) + 1] = answer
    result = new(project, "training", ORG, *args)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "orgs" / ORG / "t-visa-basics-the-declaration.yml").exists()


def test_a_case_needs_its_respond_by_date(project):
    result = new(project, "case", ORG, "--title", "A case", "--summary", "A case.",
                 "--description", "Work.", "--kinds-of-work", "advice", "--practice-areas",
                 "immigration", "--no-input")
    assert result.returncode == 1
    assert "--respond-by: missing" in result.stderr
    assert list((project / "orgs" / ORG).glob("a-case*.yml")) == []


def test_a_training_asked_on_the_terminal(project):
    """Dates and CLE credit are asked one per line; a line that does not fit is asked again."""
    answers = ["Ethics of remote client work", "One hour on confidentiality online.",
               "Confidentiality when the client is remote.", "", "1",
               "2027-05-01 10:00-11:00", "not a date", "", "2027-05-01 10:00-11:00", "",
               "America/New_York", "", "no", "$25", "NY, 1, Legal ethics", "",
               "immigration", "", "", ""]
    result = new(project, "training", ORG, stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "'not a date' is not a session" in result.stdout
    values = data(project / "orgs" / ORG / "ethics-of-remote-client-work.yml")
    assert values["sessions"] == [{"date": "2027-05-01", "start": "10:00", "end": "11:00"}]
    assert values["cle"] == [{"jurisdiction": "NY", "hours": "1", "category": "legal-ethics"}]
    assert values["free"] == "false" and values["cost"] == "$25"
    assert values["location"] == {"state": "CA"}


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
       start=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
       minutes=st.integers(15, 600), twelve_hour=st.booleans(),
       where=st.one_of(st.none(), st.sampled_from(["Fresno County Bar, Fresno", "Online",
                                                   "Room 4 - Oakland"])))
def test_a_session_written_any_usual_way_reads_back(day, start, minutes, twelve_hour, where):
    from generator.contribute.answers import session
    end = (dt.datetime.combine(day, start) + dt.timedelta(minutes=minutes)).time()
    if end <= start:
        end = start  # past midnight: one time only
    def clock(t):
        if not twelve_hour:
            return t.strftime("%H:%M")
        return f"{(t.hour % 12) or 12}:{t.minute:02d} {'pm' if t.hour >= 12 else 'am'}"
    text = f"{day.isoformat()} {clock(start)}" + (f" to {clock(end)}" if end != start else "")
    text += f" at {where}" if where else ""
    expected = {"date": day, "start": start.strftime("%H:%M")}
    if end != start:
        expected["end"] = end.strftime("%H:%M")
    if where:
        expected["where"] = where
    assert session(text) == expected


@pytest.mark.parametrize("text", ["CA, 1.5, General", "1.5 hours, General, CA",
                                  "California 1.5 general", "ca, 1.50 hrs, general"])
def test_cle_credit_in_any_usual_order(text):
    from generator.contribute.answers import cle_hours
    assert cle_hours(text) == {"jurisdiction": "CA", "hours": 1.5, "category": "general"}
