"""An organization that imitates another, and links that hide where they lead, are refused."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.adapters.cli import main
from generator.core.lookalike import link_problem, lookalike_host, skeletons
from generator.core.model import LINK_RE
from tests.conftest import ORG, PROGRAM, VALID, run, validate_lines
from tests.core.test_broken_files import apply
from tests.core.test_schema import check_jsonschema

HER = "orgs/her-justice/organization.yml"


def second_organization(project, name: str, website: str = "https://other.example.org",
                        folder: str = "her-justice", short: str = "") -> None:
    (project / "orgs" / folder).mkdir()
    text = (project / ORG).read_text(encoding="utf-8")
    text = text.replace("name: Bay Example Legal Aid", f"name: \"{name}\"")
    text = text.replace("short_name: BELA", f"short_name: \"{short}\"" if short else
                        "short_name: OTHER")
    text = text.replace("website: https://example.org", f"website: {website}")
    (project / "orgs" / folder / "organization.yml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", [
    "Bay Example Legal Aid",  # the very same name
    "bay example legal aid",  # another case
    "Bay  Example Legal-Aid",  # spacing and punctuation
    "B\u0430y Ex\u0430mple Leg\u0430l Aid",  # Cyrillic a
    "Bay Ex\u0430mple Legal \u0391id",  # Cyrillic a, Greek capital alpha
    "Bay Example Legal A\u04cfd",  # Cyrillic palochka for i
    "Bay Example Legal Alms",  # not a lookalike: two letters apart
])
def test_an_organization_named_like_another_is_refused_naming_the_other(project, capsys, name):
    second_organization(project, name)
    code, lines = validate_lines(project, capsys)
    if name.endswith("Alms"):
        assert code == 0, lines
        return
    assert code == 1
    assert (f"{HER}:2:7: name: '{name}' looks the same as the name of {ORG} ('Bay Example "
            "Legal Aid'); an organization is listed once: if this is the same organization, "
            "add to its folder; if it is another, give its full name as its own documents write "
            "it (and check for letters from another alphabet)") in lines
    assert any(line.startswith(f"{ORG}:2:7: name: 'Bay Example Legal Aid' looks the same as "
                               f"the name of {HER}") for line in lines)


def test_a_short_name_or_folder_like_another_organizations_is_refused(project, capsys):
    second_organization(project, "Completely Different Name", short="BE\u041bA".replace(
        "\u041b", "L"))
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert any("short_name: 'BELA' looks the same as the short name of" in line
               for line in lines)


def test_a_website_like_another_organizations_is_refused(project, capsys):
    second_organization(project, "Another Org", website="https://examp1e.org")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert f"{HER}:4:10: website: 'examp1e.org' looks like the address of {ORG} " \
        "('example.org'), but is another site; give your organization's own address exactly" \
        in lines


@pytest.mark.parametrize(("host", "other", "alike"), [
    ("herjustlce.org", "herjustice.org", True),  # one letter off
    ("herjust1ce.org", "herjustice.org", True),
    ("herjustice.org.evil.example", "herjustice.org", True),  # the other's host, and more
    ("hеrjustice.org", "herjustice.org", True),  # Cyrillic e (refused earlier as non-ASCII too)
    ("rnyorg.org", "myorg.org", True),  # rn for m
    ("herjustice.org", "herjustice.org", False),  # the same site: a partner's link
    ("herjustice.com", "herjustice.org", True),  # another top-level domain
    ("herjustice.org.uk", "herjustice.org", True),
    ("her-justice.org", "herjustice.org", True),  # a hyphen
    ("herjustice-org.com", "herjustice.org", True),  # -org
    ("myherjustice.org", "herjustice.org", True),  # a prefix
    ("herjusticeny.net", "herjustice.org", True),  # a suffix
    ("herjustice.evil.example", "herjustice.org", True),  # the name as a label elsewhere
    ("xn--hrjustice-b4a.org", "herjustice.org", True),  # punycode for hérjustice
    ("herjustlce.net", "herjustice.org", True),  # a letter changed and another TLD
    ("www.herjustice.org", "herjustice.org", False),  # the same site
    ("ny.herjustice.org", "www.herjustice.org", False),  # a part of it
    ("law.example.edu", "clinic.example.edu", False),  # one registered domain
    ("lafla.org", "bayleg.org", False),
    ("un.org", "uno.org", False),  # short names are compared only whole
    ("ca.gov", "ca.org", False),
    ("courts.ca.gov", "ca.org", False),
    ("lawhelp.org", "lawyer.org", False),
])
def test_lookalike_hosts(host, other, alike):
    assert lookalike_host(host, other) is alike


def test_skeletons_fold_script_case_and_spacing():
    assert skeletons("Hеr Justice") & skeletons("HER  JUSTICE")
    assert not skeletons("Her Justice") & skeletons("His Justice")


@pytest.mark.parametrize(("url", "message"), [
    ("https://herjustice.org@evil.example/",
     "the link holds 'herjustice.org@' before the site's address, so it really leads to "
     "evil.example; write the site's address with nothing and no '@' before it"),
    ("https://user:pass@example.org/",
     "the link holds 'user:pass@' before the site's address, so it really leads to "
     "example.org; write the site's address with nothing and no '@' before it"),
    ("https://xn--hrjustice-b4a.org/", "the site's address 'xn--hrjustice-b4a.org' is written "
     "in another script or in punycode, which can imitate a familiar name; give the address in "
     "plain letters (ask the maintainers if your organization's really is one)"),
    ("https://h\u0435rjustice.org/", "the site's address 'h\u0435rjustice.org' is written in "
     "another script or in punycode, which can imitate a familiar name; give the address in "
     "plain letters (ask the maintainers if your organization's really is one)"),
    ("mailto:someone@org.example?bcc=harvest%40evil.example",
     "a mailto: link may only add a subject, and this one adds bcc, which would copy the "
     "volunteer's email to another address; remove everything after the address but "
     "?subject=..."),
    ("mailto:someone@org.example?subject=Hi&CC=x%40evil.example",
     "a mailto: link may only add a subject, and this one adds cc, which would copy the "
     "volunteer's email to another address; remove everything after the address but "
     "?subject=..."),
    ("mailto:someone@org.example,harvest@evil.example",
     "a mailto: link holds exactly one email address; give one, e.g. "
     "mailto:probono@example.org"),
    ("mailto:someone@org.example%2Charvest@evil.example",
     "a mailto: link holds exactly one email address; give one, e.g. "
     "mailto:probono@example.org"),
    ("mailto:someone@org.example?to=harvest@evil.example",
     "a mailto: link may only add a subject, and this one adds to, which would copy the "
     "volunteer's email to another address; remove everything after the address but "
     "?subject=..."),
    ("mailto:someone@org.example?%62cc=harvest@evil.example",  # %62 is b
     "a mailto: link may only add a subject, and this one adds bcc, which would copy the "
     "volunteer's email to another address; remove everything after the address but "
     "?subject=..."),
    ("mailto:some%2Eone@org.example", "the address 'some%2Eone@org.example' is written with "
     "%-codes; write it plainly, e.g. mailto:probono@example.org"),
    ("mailto:someone@org.example?subject=Hi%0D%0ABcc:%20harvest@evil.example",
     "the subject of a mailto: link holds a line break or another control character (%0A, "
     "%0D, ...), which can add a header to the email; write the subject on one line"),
])
def test_links_that_hide_where_they_lead(url, message):
    assert link_problem(url) == message


@pytest.mark.parametrize("url", ["https://www.herjustice.org/volunteer?x=1&y=2",
                                 "http://example.org", "https://example.org:8443/a#b",
                                 "mailto:probono@example.org",
                                 "mailto:probono@example.org?subject=Pro%20bono%3A%20T%20visa"])
def test_plain_links_pass(url):
    assert link_problem(url) is None


def test_an_interest_form_that_copies_the_volunteer_is_refused_in_the_file(project, capsys):
    apply(project, PROGRAM, "interest_form: https://example.org/interest",
          "interest_form: mailto:someone@example.org?bcc=harvest%40evil.example")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:40:18: interest_form: a mailto: link may only add a subject, "
                     "and this one adds bcc, which would copy the volunteer's email to another "
                     "address; remove everything after the address but ?subject=..."]


UNREADABLE = ("cannot be read as a web address (a '[' or ']', or a character that turns into "
              "'/', '?', '#', '@' or ':', in the site's address); copy the address from the "
              "browser's address bar, e.g. https://www.example.org/volunteer")


@pytest.mark.parametrize("url", ["http://ex]ample", "http://ex]ample.org/",
                                 "https://[example.org", "https://example.org]/volunteer",
                                 "https://ex\uff03.org@evil.example/"])
def test_a_link_urllib_cannot_split_is_a_problem_not_a_traceback(url):
    assert link_problem(url) == f"'{url}' {UNREADABLE}"


def test_a_malformed_link_is_reported_with_its_line_in_every_field(project, capsys):
    apply(project, ORG, "website: https://example.org", "website: http://ex]ample.org")
    apply(project, PROGRAM, "interest_form: https://example.org/interest",
          "interest_form: https://[example.org/interest")
    apply(project, PROGRAM, "[the USCIS page](https://www.uscis.gov/)",
          "[the USCIS page](http://ex]ample)")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{ORG}:4:10: website: 'http://ex]ample.org' {UNREADABLE}",
                     f"{PROGRAM}:7:33: 'http://ex]ample' {UNREADABLE}",
                     f"{PROGRAM}:40:18: interest_form: 'https://[example.org/interest' "
                     f"{UNREADABLE}"]


def test_a_link_in_a_description_is_checked_too(project, capsys):
    apply(project, PROGRAM, "[the USCIS page](https://www.uscis.gov/)",
          "[the USCIS page](https://www.uscis.gov@evil.example/)")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert "the link holds 'www.uscis.gov@' before the site's address, so it really leads " \
        "to evil.example;" in lines[0]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
@pytest.mark.parametrize("what", ["folder", "program", "organization", "orgs"])
def test_symbolic_links_under_orgs_are_refused_and_not_read(project, capsys, tmp_path, what):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.yml"
    secret.write_text("aws_secret_key: do-not-print-me\n", encoding="utf-8")
    if what == "folder":
        (outside / "organization.yml").write_text("token: do-not-print-me\n")
        link = project / "orgs" / "linked-org"
        link.symlink_to(outside, target_is_directory=True)
    elif what == "program":
        link = project / "orgs" / "bay-legal-aid" / "secret.yml"
        link.symlink_to(secret)
    elif what == "organization":
        (project / ORG).unlink()
        link = project / ORG
        link.symlink_to(secret)
    else:  # orgs/ itself, pointing at a folder outside the repository
        (outside / "some-org").mkdir()
        (outside / "some-org" / "organization.yml").write_text("token: do-not-print-me\n")
        shutil.rmtree(project / "orgs")
        link = project / "orgs"
        link.symlink_to(outside, target_is_directory=True)
    code, out, err = run(project, "validate", capsys=capsys)
    assert code == 1
    shown = link.relative_to(project).as_posix()
    assert f"{shown}:1:1: this is a symbolic link, and links under orgs/ are not followed; put " \
        "the file itself here (git add the real file, not a link)" in out.splitlines()
    assert "do-not-print-me" not in out + err


def test_a_name_one_letter_from_another_is_refused_in_both_files(project, capsys):
    second_organization(project, "Bay Example Legal Ald", short="OTHER")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [
        f"{ORG}:2:7: name: 'Bay Example Legal Aid' looks the same as the name of {HER} ('Bay "
        "Example Legal Ald'); an organization is listed once: if this is the same organization, "
        "add to its folder; if it is another, give its full name as its own documents write it "
        "(and check for letters from another alphabet)",
        f"{HER}:2:7: name: 'Bay Example Legal Ald' looks the same as the name of {ORG} ('Bay "
        "Example Legal Aid'); an organization is listed once: if this is the same organization, "
        "add to its folder; if it is another, give its full name as its own documents write it "
        "(and check for letters from another alphabet)"]


HOSTILE_LINKS = ["https://herjustice.org@evil.example/", "https://user:pass@example.org/",
                 "https://xn--hrjustice-b4a.org/", "https://h\u0435rjustice.org/",
                 "https://example.org\\@evil.example/",
                 "mailto:someone@org.example?bcc=harvest%40evil.example",
                 "mailto:someone@org.example?subject=Hi&CC=x%40evil.example",
                 "mailto:someone@org.example,harvest@evil.example",
                 "mailto:someone@org.example%2Charvest@evil.example",
                 "mailto:someone@org.example?to=harvest@evil.example",
                 "mailto:some%2Eone@org.example",
                 "mailto:someone@org.example?subject=Hi%0D%0ABcc:%20harvest@evil.example",
                 "http://ex]ample.org/", "https://[example.org/"]
PLAIN_LINKS = ["https://www.herjustice.org/volunteer?x=1&y=2", "http://example.org",
               "https://example.org:8443/a#b", "https://example.org/a@b",
               "mailto:probono@example.org",
               "mailto:probono@example.org?subject=Pro%20bono%3A%20T%20visa%20(%C3%A9)"]


@pytest.mark.parametrize("url", HOSTILE_LINKS + PLAIN_LINKS)
def test_the_validator_and_the_json_schema_agree_on_each_link(url):
    refused = link_problem(url) is not None
    assert refused is (url in HOSTILE_LINKS)
    assert (re.fullmatch(LINK_RE, url) is None) is refused


def test_the_json_schema_refuses_hostile_links_for_editors(tmp_path):
    files = []
    for i, url in enumerate(HOSTILE_LINKS + PLAIN_LINKS):
        shutil.copytree(VALID, tmp_path / str(i))
        path = apply(tmp_path / str(i), PROGRAM, "interest_form: https://example.org/interest",
                     f"interest_form: '{url}'")
        files.append(path)
    errors = check_jsonschema("program", files)
    assert [str(path) in errors for path in files] == \
        [True] * len(HOSTILE_LINKS) + [False] * len(PLAIN_LINKS)


def test_a_program_link_to_a_lookalike_of_an_organizations_site_is_refused(project, capsys):
    second_organization(project, "Another Org", website="https://other.example.org")
    apply(project, PROGRAM, "interest_form: https://example.org/interest",
          "interest_form: https://other.example.org.evil.example/interest")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:40:18: interest_form: 'other.example.org.evil.example' looks "
                     f"like the address of {HER} ('other.example.org'), but is another site; "
                     "link to the site itself, copied from its address bar"]


def test_a_link_to_another_organizations_very_site_passes(project, capsys):
    second_organization(project, "Another Org", website="https://other.example.org")
    apply(project, PROGRAM, "interest_form: https://example.org/interest",
          "interest_form: https://other.example.org/partners")
    assert validate_lines(project, capsys)[0] == 0


def test_two_organizations_may_run_programs_with_the_same_title(project, capsys):
    second_organization(project, "Another Org")
    text = (project / PROGRAM).read_text(encoding="utf-8")
    (project / "orgs" / "her-justice" / "u-visa-petitions-2.yml").write_text(
        text.replace("title: U visa petitions", "title: U vis\u0430 petitions"), encoding="utf-8")
    assert validate_lines(project, capsys)[0] == 0


@settings(max_examples=300, deadline=None)
@given(hosts=st.lists(st.from_regex(r"[a-z]{2,8}(-[a-z]{1,3})?\.(org|com|org\.uk)", fullmatch=True),
                      min_size=1, max_size=8, unique=True),
       data=st.data())
def test_the_host_index_finds_what_comparing_every_pair_finds(hosts, data):
    """The index (for speed at thousands of organizations) answers as comparing one by one."""
    from generator.core import lookalike
    index = lookalike.HostIndex({f"org-{i}": host for i, host in enumerate(hosts)})
    base = data.draw(st.sampled_from(hosts))
    edits = [base, base + ".evil.example", base.replace("i", "l", 1), base[1:],
             base[:1] + "x" + base[1:], base[:-1] + "g", "other-site.net"]
    for host in edits:
        expected = next((key for key, other in index.hosts.items()
                         if lookalike.lookalike_host(host, other)), None)
        assert index.imitated(host) == expected, host


# -- hosts that belong to one organization ----------------------------------------------------

def test_a_second_organization_with_the_same_website_is_refused_in_both_files(project, capsys):
    second_organization(project, "Another Org", website="https://www.example.org/")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [
        f"{ORG}:4:10: website: 'https://example.org' is the website of {HER} too "
        "('https://www.example.org/'); a website belongs to one organization: if this is the "
        "same organization, add to its folder; if it is another, give its own website",
        f"{HER}:4:10: website: 'https://www.example.org/' is the website of {ORG} too "
        "('https://example.org'); a website belongs to one organization: if this is the same "
        "organization, add to its folder; if it is another, give its own website"]


def test_a_page_of_another_organizations_website_is_the_same_website(project, capsys):
    second_organization(project, "Another Org", website="https://example.org/another-org")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert [line.split(": ", 1)[0] for line in lines] == [f"{ORG}:4:10", f"{HER}:4:10"]


def test_two_clinics_on_one_law_schools_site_have_two_websites(project, capsys):
    apply(project, ORG, "website: https://example.org", "website: https://example.org/clinic-a")
    second_organization(project, "Another Clinic", website="https://example.org/clinic-b")
    assert validate_lines(project, capsys) == (0, ["ok: 2 organizations, 1 listings, no "
                                                   "problems."])


BASE = "example"  # the fixture organization's website is example.org


def _confusable(name: str) -> str:
    return name.replace("l", "1", 1) if "l" in name else name.replace("o", "0", 1)


def _letter_changed(name: str) -> str:
    i = len(name) // 2
    return name[:i] + ("z" if name[i] != "z" else "y") + name[i + 1:]


def _punycode(name: str) -> str:
    accented = name.replace("a", "\u00e4", 1) if "a" in name else name.replace("e", "\u00e9", 1)
    return accented.encode("idna").decode("ascii")


def _script(name: str) -> str:
    """A letter from another script: Cyrillic а, е or о for the Latin one."""
    for latin, other in (("a", "\u0430"), ("e", "\u0435"), ("o", "\u043e")):
        if latin in name:
            return name.replace(latin, other, 1)
    return name


NAME_CHANGES = {"same": lambda n: n, "confusable": _confusable, "letter": _letter_changed,
                "punycode": _punycode, "hyphen": lambda n: n[:3] + "-" + n[3:],
                "script": _script}
AFFIXES = {"none": lambda n: n, "prefix": lambda n: "my" + n, "suffix": lambda n: n + "ny",
           "-org": lambda n: n + "-org", "label": lambda n: n + ".secure-login"}
TLDS = ["org", "com", "net", "org.uk", "info"]


@st.composite
def lookalike_hosts(draw, name: str = BASE, tld: str = "org") -> str:
    """A host made from another's by the changes an impersonator makes, one or several."""
    change = draw(st.sampled_from(sorted(NAME_CHANGES)))
    affix = draw(st.sampled_from(sorted(AFFIXES)))
    other_tld = draw(st.sampled_from(TLDS))
    if change == "punycode" and affix != "none":
        affix = "none"  # an affix after the letters change is another label, drawn below
    folded = NAME_CHANGES[change](name)
    host = f"{AFFIXES[affix](folded) if change != 'punycode' else folded}.{other_tld}"
    if host == f"{name}.{tld}":  # nothing changed: not a lookalike but the site itself
        host = f"{name}.{'com' if tld != 'com' else 'net'}"
    return host


@settings(max_examples=300, deadline=None)
@given(other=st.sampled_from(["example.org", "herjustice.org", "legalaidsociety.org.uk"]),
       data=st.data())
def test_every_composed_lookalike_of_a_host_is_one(other, data):
    from generator.core import lookalike
    _, name, suffix = lookalike.site_parts(other)
    host = data.draw(lookalike_hosts(name, suffix))
    assert lookalike_host(host, other) is True, host
    index = lookalike.HostIndex({"them": other, "someone-else": "unrelated.org"})
    assert index.imitated(host) == "them", host


@settings(max_examples=30, deadline=None)
@given(host=lookalike_hosts(), upper=st.booleans())
def test_an_organization_at_a_lookalike_of_another_organizations_site_is_refused(host, upper):
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(VALID, project)
        written = host.upper() if upper else host  # a site's address is read in lowercase
        second_organization(project, "Another Org", website=f"https://{written}/")
        apply(project, HER, "  email: probono@example.org", "  phone: (415) 555-0100")
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            code = main(["--root", str(project), "validate"])
    assert code == 1
    expected = (f"website: the site's address '{written}' is written in another script or "
                "in punycode, which can imitate a familiar name; give the address in plain "
                "letters (ask the maintainers if your organization's really is one)"
                if "xn--" in host or not host.isascii() else f"website: '{host}' looks like the address of {ORG} ('example.org'), but "
                "is another site; give your organization's own address exactly")
    assert f"{HER}:4:10: {expected}" in output.getvalue().splitlines()


@settings(max_examples=25, deadline=None)
@given(host=lookalike_hosts())
def test_a_contact_email_at_a_lookalike_of_another_organizations_site_is_refused(host):
    if "xn--" in host or not host.isascii():
        return  # a punycode domain is refused as an address first (test_contact_routes.py)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(VALID, project)
        apply(project, PROGRAM, "contact:\n", f"contact:\n  email: volunteer@{host}\n")
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            code = main(["--root", str(project), "validate"])
    assert code == 1
    assert any(line.endswith(
        f": email: '{host}' looks like the address of {ORG} ('example.org'), but is another "
        "site; give the organization's own address, copied from its website")
        and line.startswith(f"{PROGRAM}:") for line in output.getvalue().splitlines())


# -- names and folder ids, folded ---------------------------------------------------------------

def _her_justice(project) -> None:
    """The fixture organization, renamed Her Justice (its folder stays bay-legal-aid)."""
    apply(project, ORG, "name: Bay Example Legal Aid", "name: Her Justice")


@pytest.mark.parametrize(("folder", "name", "field", "shown"), [
    ("her-just1ce", "Another Org", "folder name", "her-just1ce"),
    ("herjustice", "Another Org", "folder name", "herjustice"),
    ("another-org", "H\u00e9r J\u00fastice", "name", "H\u00e9r J\u00fastice"),
    ("another-org", "Her Justice, Inc.", "name", "Her Justice, Inc."),
    ("another-org", "The Her Justice LLC", "name", "The Her Justice LLC"),
    ("another-org", "Her Justlce", "name", "Her Justlce"),
    ("another-org", "Her-Justice", "name", "Her-Justice"),
])
def test_a_name_or_folder_that_folds_to_another_organizations_name_is_refused(
        project, capsys, folder, name, field, shown):
    second_organization(project, name, folder=folder)
    _her_justice(project)
    code, lines = validate_lines(project, capsys)
    assert code == 1
    mine = f"orgs/{folder}/organization.yml"
    where = "1:1" if field == "folder name" else "2:7"
    assert f"{mine}:{where}: {field}: '{shown}' looks the same as the name of {ORG} ('Her " \
        "Justice'); an organization is listed once: if this is the same organization, add to " \
        "its folder; if it is another, give its full name as its own documents write it (and " \
        "check for letters from another alphabet)" in lines
    theirs = "folder name" if field == "folder name" else "name"
    assert f"{ORG}:2:7: name: 'Her Justice' looks the same as the {theirs} of {mine} " \
        f"('{shown}'); an organization is listed once: if this is the same organization, add " \
        "to its folder; if it is another, give its full name as its own documents write it " \
        "(and check for letters from another alphabet)" in lines


@pytest.mark.parametrize(("first", "second"), [
    ("CLSEPA", "CLSPA"),  # two real-looking acronyms a letter apart
    ("LAFLA", "LAFA"),
    ("BALA", "BAYLA"),
])
def test_two_organizations_with_short_similar_acronyms_pass(project, capsys, first, second):
    second_organization(project, "A Genuinely Different Organization", short=second,
                        folder="different-organization")
    apply(project, ORG, "short_name: BELA", f"short_name: {first}")
    assert validate_lines(project, capsys)[0] == 0


CONFUSABLE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441",
              "i": "\u0456", "l": "1"}  # Cyrillic letters, and a digit for l
ACCENTED = {"a": "\u00e1", "e": "\u00e9", "i": "\u00ed", "o": "\u00f3", "u": "\u00fa"}


@st.composite
def name_variants(draw, name: str = "Bay Example Legal Aid") -> str:
    """The name as an impersonator writes it: any of case, accents, letters from another
    script, punctuation and spacing, a legal suffix or "The", and one letter changed."""
    text = name
    for table in (CONFUSABLE, ACCENTED):
        if draw(st.booleans()):
            at = [i for i, c in enumerate(text) if c in table]
            i = draw(st.sampled_from(at))
            text = text[:i] + table[text[i]] + text[i + 1:]
    if draw(st.booleans()):
        text = draw(st.sampled_from([text.upper(), text.lower(), text.title()]))
    if draw(st.booleans()):
        text = draw(st.sampled_from([text.replace(" ", "-"), text.replace(" ", "  "),
                                     text.replace(" ", ". "), text.replace(" ", "")]))
    if draw(st.booleans()):
        text = draw(st.sampled_from([f"{text}, Inc.", f"{text} LLC", f"{text} L.L.C.",
                                     f"The {text}", f"{text} Corp."]))
    elif draw(st.booleans()):  # a letter changed (not with a suffix: that is two changes)
        i = draw(st.sampled_from([i for i, c in enumerate(text) if c.isalpha()]))
        text = text[:i] + ("x" if text[i].lower() != "x" else "y") + text[i + 1:]
    return text


@settings(max_examples=300, deadline=None)
@given(variant=name_variants())
def test_every_drawn_variant_of_a_name_folds_to_it(variant):
    from generator.core import lookalike
    from generator.core.validate import _alike
    name = lookalike.name_folds("Bay Example Legal Aid")
    assert _alike(lookalike.name_folds(variant), name), variant


@settings(max_examples=20, deadline=None)
@given(variant=name_variants())
def test_an_organization_named_with_a_drawn_variant_is_refused(variant):
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(VALID, project)
        second_organization(project, variant, website="https://another.example.org")
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            code = main(["--root", str(project), "validate"])
    assert code == 1
    assert f"{HER}:2:7: name: '{variant}' looks the same as the name of {ORG} ('Bay Example " \
        "Legal Aid'); an organization is listed once: if this is the same organization, add to " \
        "its folder; if it is another, give its full name as its own documents write it (and " \
        "check for letters from another alphabet)" in output.getvalue().splitlines()


@settings(max_examples=20, deadline=None)
@given(folder=st.sampled_from(["bay-legal-a1d", "baylegalaid", "bay-legal-aid-inc",
                               "bay-legal-aid-llc", "the-bay-legal-aid", "bay-legal-ald",
                               "bay-legai-aid", "bay-legal-aide"]))
def test_a_folder_id_like_another_organizations_is_refused(folder):
    with tempfile.TemporaryDirectory() as root:
        project = Path(root) / "project"
        shutil.copytree(VALID, project)
        second_organization(project, "Another Org", folder=folder,
                            website="https://another.example.org")
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            code = main(["--root", str(project), "validate"])
    assert code == 1
    assert f"orgs/{folder}/organization.yml:1:1: folder name: '{folder}' looks the same as the " \
        f"folder name of {ORG} ('bay-legal-aid'); an organization is listed once: if this is " \
        "the same organization, add to its folder; if it is another, give its full name as its " \
        "own documents write it (and check for letters from another alphabet)" in \
        output.getvalue().splitlines()


def test_a_description_link_to_a_lookalike_of_an_organizations_site_is_refused(project, capsys):
    second_organization(project, "Another Org", website="https://other.example.org")
    apply(project, PROGRAM, "[the USCIS page](https://www.uscis.gov/)",
          "[their page](https://other-example.net/)")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:4:14: description: 'other-example.net' looks like the address "
                     f"of {HER} ('other.example.org'), but is another site; link to the site "
                     "itself, copied from its address bar"]
