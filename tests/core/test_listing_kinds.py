"""Programs, trainings and cases: the model, who may volunteer, languages, facets and pages.

The fixture site (tests/data/site) has a live online training with MCLE hours, a past in-person
training, an urgent case and a program being set up, beside the programs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.core import facets, freshness, glance, vocab
from generator.exports import export
from generator.site.render import Renderer, Settings
from generator.core.validate import validate_tree
from tests.conftest import ROOT, SITE_DATA, life, standing, validate_lines

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def directory():
    return validate_tree(SITE_DATA, TODAY)


def values(directory, key, listing_id):
    return facets.BY_KEY[key].values(directory.programs[listing_id])


# -- the model: each kind of listing, and the fields that go together -------------------------

def test_each_kind_reads_into_its_own_model(directory):
    kinds = {p.id: p.kind for p in directory.programs.values()}
    assert kinds["t-visa-basics-training"] == "training"
    assert kinds["u-visa-case-mam"] == "case"
    assert kinds["u-visa-petitions"] == "program"  # no kind: line is a program
    training = directory.programs["t-visa-basics-training"].data
    assert [s.date for s in training.sessions] == [dt.date(2026, 12, 3), dt.date(2027, 1, 14)]
    assert [(c.jurisdiction, c.hours, c.category) for c in training.cle] == [
        ("CA", 1.5, "general"), ("CA", 0.5, "elimination-of-bias")]
    case = directory.programs["u-visa-case-mam"].data
    assert (case.respond_by, case.next_date.what, case.clients_waiting) == (
        dt.date(2026, 12, 15), "Certification expires", 1)


def _edit(project, name, old, new):
    path = project / "orgs" / "bay-legal-aid" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, name)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


U_VISA = "u-visa-petitions.yml"
BROKEN = [
    ("title: U visa", "kind: clinic\ntitle: U visa",
     ":2:7: kind: 'clinic' is not a known kind of listing; use one of: program, training, case"),
    ("  bar_admission: any-us-jurisdiction", "  bar_admission_required: true",
     "'bar_admission_required' is no longer a field; it is now 'bar_admission:' in the same "
     "block: write any-us-jurisdiction, specific-states (with bar_admission_states) or "
     "not-required"),
    ("  experience_required: false", "  experience_required: false\n  malpractice_coverage: true",
     "'malpractice_coverage' is no longer a field; it moved to the 'support:' block"),
    ("  bar_admission: any-us-jurisdiction", "  bar_admission: specific-states",
     "bar_admission: specific-states needs the states: add bar_admission_states: [CA]"),
    ("  experience_required: false", "  experience_required: false\n  students_supervised: true",
     "students_supervised is about law students: set law_students_welcome: true, or remove it"),
    ("  remote_possible: true", "  remote_possible: false\n  remote_exceptions: one meeting",
     "remote_exceptions says what is not remote in remote work: set remote_possible: true"),
    ("client_languages: [es]", "client_languages: [mixteco]",
     "client_languages: 'mixteco' is not an ISO 639 language code; it may be one of: "),
    ("client_languages: [es]", "client_languages: [Punjabi]",
     "client_languages: 'Punjabi' is not an ISO 639 language code; for Punjabi write pa"),
    ("status: open", "status: open\nrelated: [no-such-listing]",
     "related: 'no-such-listing' is no listing's id; give the id of another listing"),
]


@pytest.mark.parametrize("old, new, expected", BROKEN, ids=[c[2][:40] for c in BROKEN])
def test_a_listing_that_contradicts_itself_is_refused_with_the_fix(project, capsys, old, new,
                                                                   expected):
    _edit(project, U_VISA, old, new)
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert any(expected in line and line.startswith("orgs/bay-legal-aid/u-visa-petitions.yml:")
               for line in lines), lines


TRAINING = """# yaml-language-server: $schema=../../schema/listing.schema.json
kind: training
title: A training
summary: A training for volunteers.
description: What it covers.
practice_areas: [immigration]
location:
  state: CA
formats: [{formats}]
{sessions}source:
  description: Our page.
last_verified:
  date: 2026-11-01
  by: organization
added: 2026-11-01
"""


@pytest.mark.parametrize("formats, sessions, expected", [
    ("live-online", "", "a live or in-person training needs its dates: add sessions:"),
    ("live-online", "sessions:\n  - date: 2026-12-01\n    start: \"12:00\"\n",
     "the sessions give times, so give their time zone: add time_zone: America/Los_Angeles"),
    ("live-online", "sessions:\n  - date: 2026-12-01\n    start: \"14:00\"\n    end: \"13:00\"\n"
     "time_zone: America/Los_Angeles\n", "the session ends (13:00) before it starts (14:00)"),
    ("live-online", "sessions:\n  - date: 2026-12-01\ntime_zone: Pacific Time\n",
     "time_zone: 'Pacific Time' is not a time zone name; write one like America/Los_Angeles"),
    ("live-online", "sessions:\n  - date: 2026-12-01\n    start: \"25:00\"\n"
     "time_zone: America/Los_Angeles\n", "start:"),
    ("webinar", "sessions:\n  - date: 2026-12-01\n",
     "formats: 'webinar' is not a known training format"),
])
def test_a_training_needs_its_dates_and_a_real_time_zone(project, capsys, formats, sessions,
                                                         expected):
    path = project / "orgs" / "bay-legal-aid" / "a-training.yml"
    path.write_text(TRAINING.format(formats=formats, sessions=sessions), encoding="utf-8")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert any(line.startswith("orgs/bay-legal-aid/a-training.yml:") and expected in line
               for line in lines), lines


def test_a_recording_needs_no_dates(project, capsys):
    path = project / "orgs" / "bay-legal-aid" / "a-recording.yml"
    path.write_text(TRAINING.format(formats="recorded", sessions="cle:\n  - jurisdiction: CA\n"
                                    "    hours: 1\n    category: legal-ethics\n"), "utf-8")
    code, lines = validate_lines(project, capsys)
    assert code == 0, lines


def test_a_case_needs_a_respond_by_date(project, capsys):
    path = project / "orgs" / "bay-legal-aid" / "a-case.yml"
    text = (ROOT / "tests" / "data" / "site" / "orgs" / "centro-juridico" /
            "u-visa-case-mam.yml").read_text(encoding="utf-8")
    path.write_text(re.sub(r"respond_by: .*\n", "", text).replace(
        "related: [t-visa-remote]\n", ""), encoding="utf-8")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert any("a-case.yml" in line and "'respond_by' is missing" in line for line in lines)


# -- languages: any ISO 639 code, names answered with their code -------------------------------

def test_any_language_with_a_code_needs_no_change_to_the_code():
    for code, name in [("mam", "Mam"), ("quc", "K'iche'"), ("pa", "Punjabi"),
                       ("ht", "Haitian Creole"), ("mxt", "Jamiltepec Mixtec"),
                       ("yue", "Cantonese"), ("hmn", "Hmong")]:
        assert vocab.language_code(code) == code
        assert vocab.LANGUAGES.label(code) == name
    assert vocab.language_code("ES") == "es" and vocab.language_code("spa") == "es"
    for wrong in ("mixteco", "english", "und", "qaa", "zxx", "e", "español", ""):
        assert vocab.language_code(wrong) is None, wrong
    mixtec = vocab.language_problem("Mixteco")
    assert mixtec.startswith("'Mixteco' is not an ISO 639 language code; it may be one of: ")
    assert mixtec.count(" Mixtec)") == 8 and ("mxt", "Jamiltepec Mixtec") in \
        vocab.language_matches("Mixteco")
    assert vocab.language_problem("español").endswith("for Spanish write es")


@given(st.sampled_from(sorted({code for code, _ in vocab._registry()})))
def test_every_code_in_the_registry_reads_back_with_a_name(code):
    assert vocab.language_code(code) == code
    assert vocab.language_name(code) and "Unknown" not in vocab.language_name(code)


# -- facets ---------------------------------------------------------------------------------------

def test_new_facets_read_the_model(directory):
    assert values(directory, "listing", "t-visa-basics-training") == ["training"]
    assert values(directory, "listing", "u-visa-case-mam") == ["case"]
    assert values(directory, "who", "u-visa-case-mam") == [
        "any-us-jurisdiction", "in-house", "retired", "students"]
    assert values(directory, "who", "t-visa-basics-training") == ["not-required", "students"]
    assert values(directory, "court", "u-visa-case-mam") == ["no-court"]  # USCIS by mail
    assert values(directory, "court", "vacatur-los-angeles") == ["court"]
    assert values(directory, "court", "survivor-clinic-being-set-up") == [facets.UNKNOWN]
    assert values(directory, "cle", "t-visa-basics-training") == ["CA"]
    assert values(directory, "client-language", "u-visa-case-mam") == ["mam", "es"]
    assert values(directory, "kind", "t-visa-basics-training") == ["training"]
    assert values(directory, "commitment", "t-visa-basics-training") == ["one-time"]
    assert facets.cle_hours(directory.programs["t-visa-basics-training"]) == (
        "2 hours of MCLE (1.5 general, 0.5 elimination of bias)")


def test_past_trainings_and_cases_leave_the_default_views(directory):
    training = directory.programs["wage-claim-training-2026"]  # its one date: 2026-10-01
    case = directory.programs["u-visa-case-mam"]  # respond by 2026-12-15
    assert standing(training, TODAY).status == "past" and not standing(training, TODAY).listed
    assert standing(case, TODAY).status == "open" and standing(case, TODAY).listed
    later = dt.date(2026, 12, 16)
    assert standing(case, later).status == "past" and not standing(case, later).listed
    assert standing(directory.programs["survivor-clinic-being-set-up"]).status == "being-set-up"


# -- the page's opening summary and its one next step -------------------------------------------

def test_at_a_glance_answers_a_coordinator_first(directory):
    case = dict(glance.rows(directory.programs["u-visa-case-mam"], TODAY))
    assert case["Who may take it"] == (
        "Attorneys admitted in any U.S. jurisdiction; also registered in-house counsel, retired "
        "or inactive attorneys and law students under supervision")
    assert case["Time"].startswith("Respond by December 15, 2026; certification expires on "
                                   "February 1, 2027. 4 to 6 months")
    assert case["Where"] == "Remote, except one client meeting in Fresno · Fresno County, California"
    assert "malpractice insurance" in case["Support"] and "interpreters provided" in case["Support"]
    training = dict(glance.rows(directory.programs["t-visa-basics-training"], TODAY))
    assert training["When"] == "December 3, 2026, 12:00–13:30 PST; and 1 more date"
    assert training["Cost"] == "Free; Free for volunteers who take a case afterwards; 60 places"
    assert training["CLE credit"].startswith("2 hours of MCLE")
    program = dict(glance.rows(directory.programs["vacatur-motions"], TODAY))
    assert program["Who may volunteer"] == glance.NOT_STATED


def test_only_a_listing_taking_people_gets_a_next_step(directory):
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    step = renderer.next_step(directory.programs["t-visa-basics-training"])
    assert step == glance.Action("Register for this training: open the registration page",
                                 "https://example.org/trainings/t-visa-basics")
    step = renderer.next_step(directory.programs["u-visa-case-mam"])
    assert step == glance.Action(
        "Offer to take this case: email Inés Ejemplo",
        "mailto:casos@centro.example.org?subject=Pro%20bono%3A%20U%20visa%20petition%20for%20a"
        "%20Mam-speaking%20survivor&body=About%20the%20listing%20%22U%20visa%20petition%20for"
        "%20a%20Mam-speaking%20survivor%22%20in%20the%20Pro%20Bono%20Directory%20for%20"
        "Survivors%27%20Advocates%0D%0A%0D%0A")
    for listing in ("survivor-clinic-being-set-up", "paused-sijs", "closed-clinic",
                    "expired-training", "wage-claim-training-2026"):
        assert renderer.next_step(directory.programs[listing]) is None, listing


def test_the_trainings_page_lists_upcoming_trainings_by_date(directory):
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    upcoming = renderer.upcoming_trainings()
    assert [(day, p.id) for day, p in upcoming] == [
        (dt.date(2026, 12, 3), "t-visa-basics-training")]
    later = Renderer(directory, ROOT / "site_templates", Settings(today=dt.date(2026, 12, 4)))
    assert [(day, p.id) for day, p in later.upcoming_trainings()] == [
        (dt.date(2027, 1, 14), "t-visa-basics-training")]  # its next date, not the past one


def test_related_listings_link_both_ways(directory):
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    assert [p.id for p in renderer.related_to(directory.programs["t-visa-remote"])] == [
        "t-visa-basics-training", "u-visa-case-mam"]
    assert [p.id for p in renderer.related_to(directory.programs["u-visa-case-mam"])] == [
        "t-visa-remote"]


def test_exports_carry_every_kind(directory):
    reader = csv.DictReader(io.StringIO(export.to_csv(directory, life(directory))))
    by_id = {row["id"]: row for row in reader}
    assert by_id["u-visa-case-mam"]["kind"] == "case"
    assert by_id["u-visa-case-mam"]["respond_by"] == "2026-12-15"
    assert by_id["u-visa-case-mam"]["client_languages"] == "mam; es"
    assert by_id["t-visa-basics-training"]["time_zone"] == "America/Los_Angeles"
    assert '"hours": 1.5' in by_id["t-visa-basics-training"]["cle"]
    assert by_id["u-visa-petitions"]["respond_by"] == ""  # a program leaves a case's column empty
    assert by_id["wage-claim-training-2026"]["listed"] == "false"


# -- the pages ------------------------------------------------------------------------------------

def read(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_each_kind_has_its_own_page(site):
    training = read(site, "opportunities/t-visa-basics-training")
    assert '<h2 id="pb-dates">Dates</h2>' in training
    assert '<time datetime="2026-12-03">December 3, 2026</time>, 12:00–13:30 PST' in training
    assert "<td>California (MCLE)</td><td>Elimination of bias</td><td>0.5</td>" in training
    assert re.search(r'pb-primary" href="https://example.org/trainings/t-visa-basics"[^>]*>'
                     r'Register for this training: open the registration page</a>', training)
    case = read(site, "opportunities/u-visa-case-mam")
    assert "<dt>Respond by</dt><dd>December 15, 2026</dd>" in case
    assert "<dt>Certification expires</dt><dd>February 1, 2027</dd>" in case
    assert "Offer to take this case: email Inés Ejemplo" in case
    past = read(site, "opportunities/wage-claim-training-2026")
    assert "This training has taken place (last date October 1, 2026)" in past
    assert "pb-primary" not in past
    setup = read(site, "opportunities/survivor-clinic-being-set-up")
    assert "This program is being set up</strong> and is not taking volunteers yet" in setup
    assert "pb-primary" not in setup and "Not taking volunteers yet." in setup
    trainings = read(site, "trainings")
    assert "T visa basics for new volunteers" in trainings
    assert "Wage claims before the labor commissioner" not in trainings  # past: off the page
    assert not (site / "browse" / "remedy" / "wage-claim").exists()  # only the past one has it


def test_a_page_opens_with_the_summary_and_says_who_checked_the_facts(site):
    case = read(site, "opportunities/u-visa-case-mam")
    glance_at = case.index('id="pb-glance-title"')
    assert glance_at < case.index('id="pb-work"')  # before the description
    assert "<dt>Who may take it</dt><dd>Attorneys admitted in any U.S. jurisdiction" in case
    assert "Confirmed by Centro Jurídico on November 20, 2026." in case
    training = read(site, "opportunities/t-visa-basics-training")
    # its banner says "Not confirmed by BELA"; the footer says who wrote it from what
    assert ("<strong>Written by the directory&#39;s maintainers from its "
            "public page (undated), checked on November 1, 2026.</strong>") in training
    assert "<strong>Not confirmed by BELA; described from its public page" in training


def test_every_common_language_code_is_accepted():
    """Dari (prs) was refused: the registry writes it as fa-AF, a language with a region."""
    from generator.core import vocab as vocabulary
    for code in vocabulary.LANGUAGES.ids():
        assert vocabulary.language_code(code) is not None, code  # tl reads as fil
    assert vocabulary.language_name("prs") == "Dari"


def _ids(html_text):
    return re.findall(r'class="pb-card__title"><a href="\.\./opportunities/([^/]+)/', html_text)


def test_the_trainings_page_lists_dated_trainings_then_the_programs_that_train(directory, site):
    trainings = read(site, "trainings")
    dated, programs = trainings.split('id="dated"')[1].split('id="programs"')
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    train = [p.id for p in directory.programs.values() if p.kind != "training"
             and p.data.support.training.offered and renderer.is_listed(p)]
    assert _ids(dated) == ["t-visa-basics-training"]
    assert _ids(programs) == ["u-visa-petitions", "t-visa-remote"] == \
        [p.id for p in renderer.training_programs()]  # by organization: Bay, then Centro
    assert sorted(train) == sorted(_ids(programs))
    assert re.findall(r'<span class="pb-trainings__date">([^<]*)</span>', programs) == [
        "Live and recorded training. MCLE credit offered; hours not stated.",
        "Recorded training. CLE credit not stated."]
    assert "No dated trainings" not in trainings


def test_without_dated_trainings_the_page_says_so_and_still_lists_the_programs(directory):
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=TODAY))
    text = renderer.trainings_page([]).text
    dated, programs = text.split('id="dated"')[1].split('id="programs"')
    assert ('<p class="pb-empty">No dated trainings are scheduled at the moment. The programs '
            'below train the volunteers they take on.</p>') in dated
    assert _ids(dated) == []
    assert _ids(programs) == ["u-visa-petitions", "t-visa-remote"]


@pytest.mark.parametrize("formats, cle, line", [
    ([], None, "Trains its volunteers; format and CLE credit not stated."),
    (["live"], False, "Live training. No CLE credit."),
    ([], True, "Training format not stated. MCLE credit offered; hours not stated."),
])
def test_how_a_program_trains_is_one_line_that_keeps_unknown_apart_from_no(
        directory, formats, cle, line):
    from types import SimpleNamespace
    data = directory.programs["u-visa-petitions"].data
    support = data.support.model_copy(update={
        "training": data.support.training.model_copy(update={"formats": formats}),
        "cle_credit": data.support.cle_credit.model_copy(update={"offered": cle})})
    program = SimpleNamespace(data=data.model_copy(update={"support": support}))
    assert glance.training_offer(program) == line
