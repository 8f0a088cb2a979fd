"""`python -m generator new`: a new file in the right place that passes validate as written."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import scaffold
from generator.load import parse, read_file
from generator.model import Program
from tests.conftest import ROOT

ORG = "bay-legal-aid"


def new(project, *args, stdin=""):
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "new",
                           *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
                          check=False)


def validate(project):
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "validate"],
                          capture_output=True, text=True, cwd=ROOT, check=False)


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
    assert text.startswith("# yaml-language-server: $schema=../../schema/program.schema.json\n")
    assert "\n# urgent: true\n" in text and "\n#   duration: \"\"" in text  # guidance, commented
    assert validate(project).returncode == 0
    assert "opportunities/asylum-for-children-court-hearings/" in result.stdout
    assert "python -m generator preview orgs/bay-legal-aid/" in result.stdout
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
        "", "", "",  # no remedies, no clients; state: the organization's
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
    assert "new program sslc" in result.stdout
    result = new(project, "program", "sslc", "--title", "T visas",
                 "--summary", "T visa petitions.", "--description", "Draft T visa petitions.",
                 "--kinds-of-work", "full-representation", "--practice-areas",
                 "human-trafficking", "--no-input")
    assert result.returncode == 0, result.stderr
    values = data(project / "orgs" / "sslc" / "t-visas.yml")
    shutil.copytree(ROOT / "site_templates", project / "site_templates")
    assert values["source"]["description"] == "Written by the staff of SSLC for this directory."
    pages = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "pages",
                            "--output", str(tmp_path / "pages")], capture_output=True, text=True,
                           cwd=ROOT, check=False)
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
    assert "asylum-for-children-court-hearings.yml" in result.stderr
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


@settings(max_examples=200, deadline=None)
@given(st.lists(texts.map(lambda t: t.replace("\r", "")), min_size=1, max_size=4))
def test_long_text_reads_back_line_for_line(lines):
    text = "\n".join(lines)
    doc, problems = parse(f"key:{scaffold.block(text, '')}\n".encode("utf-8"), "f.yml")
    assert problems == []
    value = doc.data["key"]
    if scaffold.block(text, "").startswith(" |"):
        expected = "\n".join(line.rstrip() for line in text.strip("\n").split("\n")) + "\n"
        assert value == expected
    else:
        assert value == text


def test_outside_the_project(tmp_path):
    result = new(tmp_path, "org", "--name", "X", "--description", "Y", "--no-input")
    assert result.returncode == 1
    assert "there is no orgs/ folder" in result.stderr
    assert list(tmp_path.iterdir()) == []
