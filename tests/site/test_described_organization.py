"""The organization issue 13 described, written with the contributor tools, not by hand.

A coordinator describes a new organization with a T visa program, a monthly remote wage-claim
clinic, a paused vacatur program with the day it resumes, and a live training with MCLE hours
and category. Each fact lands in a field of the model (none is left in the description), and
each listing appears under the facets an attorney would filter by.
"""

from __future__ import annotations

import datetime as dt

from generator.core import facets, freshness
from generator.site.render import Renderer, Settings
from generator.core.validate import validate_tree
from tests.conftest import ROOT, generator, standing
from tests.contribute.test_from_issue import body

ORG = "valley-survivors-law-center"


def run(project, *args, stdin=None):
    result = generator("--root", str(project), *args, input=stdin)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_the_described_organization_fits_the_model(tmp_path):
    project = tmp_path / "project"
    (project / "orgs").mkdir(parents=True)
    today = dt.date.today()
    soon, later = today + dt.timedelta(days=60), today + dt.timedelta(days=90)
    run(project, "new", "org", "--name", "Valley Survivors Law Center", "--description",
        "Legal help for survivors of trafficking and crime in the Central Valley.",
        "--state", "CA", "--website", "https://vslc.example.org", "--pro-bono-contact-email",
        "probono@vslc.example.org", "--id", ORG, "--no-input")
    run(project, "new", "program", ORG, "--title", "T visa petitions", "--summary",
        "Prepare a T visa petition for a survivor of labor trafficking.", "--description",
        "Interview the survivor, gather evidence and file the petition with USCIS.",
        "--kinds-of-work", "full-representation", "--practice-areas", "immigration",
        "--remedies", "t-visa", "--clients", "labor-trafficking-survivors", "--no-input")
    clinic = body("new-listing.yml", {
        "org-id": ORG, "title": "Monthly wage-claim clinic",
        "summary": "Advise farmworkers on wage claims at a monthly evening clinic, by video.",
        "description": "Review each worker's pay records and draft the claim.",
        "kinds-of-work": "Limited-scope help", "practice-areas": "Employment and wage claims",
        "remedies": "Wage claim", "clients": "Farmworkers", "forums": "State labor agency (wage claims)",
        "location-state": "California", "location-remote-possible": "Yes",
        "commitment-length": "One event or a few hours", "commitment-hours": "3 hours a month",
        "volunteers-bar-admission": "Specific states",
        "volunteers-bar-admission-states": "California",
        "volunteers-law-students-welcome": "Yes", "volunteers-students-supervised": "Yes"})
    (project / "clinic.md").write_text(clinic, encoding="utf-8")
    run(project, "from-issue", str(project / "clinic.md"), "--write")
    paused = body("new-listing.yml", {
        "org-id": ORG, "title": "Vacatur motions for trafficking survivors",
        "summary": "Motions to vacate convictions under Penal Code 236.14.",
        "description": "Draft the motion and appear at the hearing.",
        "status": "Paused", "paused-until": later.isoformat(),
        "kinds-of-work": "Full representation", "practice-areas": "Criminal record relief",
        "remedies": "Vacatur and post-conviction relief", "forums": "State criminal court",
        "location-state": "California"})
    (project / "paused.md").write_text(paused, encoding="utf-8")
    run(project, "from-issue", str(project / "paused.md"), "--write")
    run(project, "new", "training", ORG, "--title", "Trauma-informed interviewing",
        "--summary", "A live online training for volunteers, with California MCLE credit.",
        "--description", "How to interview a survivor without retraumatizing them.",
        "--formats", "live-online", "--sessions", f"{soon.isoformat()} 12:00-13:30",
        "--time-zone", "America/Los_Angeles", "--registration",
        "https://vslc.example.org/register", "--free", "yes",
        "--cle", "CA, 1, General; CA, 0.5, Elimination of bias",
        "--practice-areas", "immigration, human-trafficking", "--no-input")

    directory = validate_tree(project, today)
    listings = {entry.id: entry for entry in directory.programs.values()}
    assert set(listings) == {"t-visa-petitions", "monthly-wage-claim-clinic",
                             "vacatur-motions-for-trafficking-survivors",
                             "trauma-informed-interviewing"}

    def facet(key, listing):
        return facets.BY_KEY[key].values(listings[listing])

    assert facet("listing", "t-visa-petitions") == ["program"]
    assert facet("remedy", "t-visa-petitions") == ["t-visa"]
    assert facet("clients", "t-visa-petitions") == ["labor-trafficking-survivors"]

    clinic_data = listings["monthly-wage-claim-clinic"].data
    assert clinic_data.commitment.hours == "3 hours a month"
    assert facet("remote", "monthly-wage-claim-clinic") == ["yes"]
    assert facet("clients", "monthly-wage-claim-clinic") == ["farmworkers"]
    assert facet("remedy", "monthly-wage-claim-clinic") == ["wage-claim"]
    assert facet("court", "monthly-wage-claim-clinic") == ["no-court"]
    assert "students" in facet("who", "monthly-wage-claim-clinic")

    vacatur = listings["vacatur-motions-for-trafficking-survivors"]
    assert vacatur.data.status == "paused" and vacatur.data.paused_until == later
    assert standing(vacatur, today).status == "paused" and not standing(vacatur, today).listed
    assert facet("court", "vacatur-motions-for-trafficking-survivors") == ["court"]

    training = listings["trauma-informed-interviewing"]
    assert facet("listing", "trauma-informed-interviewing") == ["training"]
    assert facet("cle", "trauma-informed-interviewing") == ["CA"]
    assert facet("remote", "trauma-informed-interviewing") == ["yes"]
    assert [(c.hours, c.category) for c in training.data.cle] == [
        (1.0, "general"), (0.5, "elimination-of-bias")]
    assert standing(training, today).status == "open" and standing(training, today).listed
    renderer = Renderer(directory, ROOT / "site_templates", Settings(today=today))
    assert renderer.next_step(training).href == "https://vslc.example.org/register"
    assert renderer.next_step(vacatur) is None  # paused: no call it cannot honour

    # every fact above sits in a field; no description had to carry one
    for entry in listings.values():
        text = entry.data.description.lower()
        assert not [fact for fact in ("mcle", "paused", "month", "remote", "video", "hour")
                    if fact in text], entry.id
