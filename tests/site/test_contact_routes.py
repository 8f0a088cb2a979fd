"""A volunteer's email reaches the organization and nobody else: contact emails are read as
addresses, mailto: links are built from what was read, and an email at another domain than the
organization's website is explained in the organization's file."""

from __future__ import annotations

import shutil

import pytest

from generator.core.emails import NotAnAddress, mailto, read_email
from generator.site.render import Settings, render_pages
from generator.core.validate import validate_tree
from tests.conftest import ORG, PROGRAM, ROOT, TODAY, VALID, validate_lines
from tests.core.test_broken_files import apply
from tests.core.test_schema import check_jsonschema

# The address from the report: a valid address by RFC 5322, and after mailto: a blind copy.
SMUGGLED = "probono%40example.org?bcc=harvest%40evil.example&x=@example.org"
SMUGGLED_MESSAGE = (f"email: '{SMUGGLED}' holds '%' '&' '=' '?' before the @, which an email "
                    "link can read as more than the address (a copy to someone else, another "
                    "address); write the address alone, with only letters, digits and . _ - + ' "
                    "before the @, e.g. probono@example.org")


def test_an_email_that_smuggles_a_blind_copy_is_refused_in_the_organization(project, capsys):
    apply(project, ORG, "  email: probono@example.org", f"  email: '{SMUGGLED}'")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{ORG}:17:10: {SMUGGLED_MESSAGE}"]


def test_an_email_that_smuggles_a_blind_copy_is_refused_in_a_listing(project, capsys):
    apply(project, PROGRAM, "contact:\n", f"contact:\n  email: '{SMUGGLED}'\n")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines] == [SMUGGLED_MESSAGE]
    assert lines[0].startswith(f"{PROGRAM}:")


@pytest.mark.parametrize(("address", "message"), [
    ("probono@example.org?bcc=harvest@evil.example",
     "'probono@example.org?bcc=harvest@evil.example' is not a valid email address (the part "
     "after the @-sign contains invalid characters: '=', '?', '@'); write it as "
     "probono@example.org"),
    ("probono&x@example.org",
     "'probono&x@example.org' holds '&' before the @, which an email link can read as more than "
     "the address (a copy to someone else, another address); write the address alone, with only "
     "letters, digits and . _ - + ' before the @, e.g. probono@example.org"),
    ("probono@example.org,harvest@evil.example",
     "'probono@example.org,harvest@evil.example' is not a valid email address (the part after "
     "the @-sign contains invalid characters: ',', '@'); write it as probono@example.org"),
    ("pro..bono@example.org",
     "'pro..bono@example.org' is not a valid email address (an email address cannot have two "
     "periods in a row); write it as probono@example.org"),
    ("probono@-example.org",
     "'probono@-example.org' is not a valid email address (an email address cannot have a "
     "hyphen immediately after the @-sign); write it as probono@example.org"),
    ("Pro Bono <probono@example.org>",
     "'Pro Bono <probono@example.org>' is not a valid email address (a display name and angle "
     "brackets around the email address are not permitted here); write it as "
     "probono@example.org"),
    ("probono@xn--exmple-cua.org",
     "the domain of 'probono@xn--exmple-cua.org' is written in another script or in punycode, "
     "which can imitate a familiar name; give the address in plain letters (ask the maintainers "
     "if your organization's really is one)"),
    ("probono@ex\u0430mple.org",
     "the domain of 'probono@ex\u0430mple.org' is written in another script or in punycode, "
     "which can imitate a familiar name; give the address in plain letters (ask the maintainers "
     "if your organization's really is one)"),
    ("probono@example.org\n",
     "'probono@example.org\n' is not a valid email address (the part after the @-sign contains "
     "invalid characters: U+000A); write it as probono@example.org"),
])
def test_addresses_that_are_not_one_plain_address_are_refused(address, message):
    with pytest.raises(NotAnAddress) as refused:
        read_email(address)
    assert str(refused.value) == message


@pytest.mark.parametrize(("address", "normal", "link"), [
    ("probono@example.org", "probono@example.org", "mailto:probono@example.org"),
    ("Pro.Bono@Example.ORG", "Pro.Bono@example.org", "mailto:Pro.Bono@example.org"),
    ("o'brien+volunteers@example.org", "o'brien+volunteers@example.org",
     "mailto:o%27brien%2Bvolunteers@example.org"),
])
def test_plain_addresses_pass_and_the_link_is_built_from_the_parsed_address(address, normal,
                                                                            link):
    assert read_email(address) == normal
    assert mailto(address) == link


def test_the_json_schema_refuses_the_smuggled_address_for_editors(tmp_path):
    files = []
    for i, email in enumerate([SMUGGLED, "pro..bono@example.org", "probono@xn--exmple-cua.org",
                               "probono@example.org", "o'brien@example.org"]):
        shutil.copytree(VALID, tmp_path / str(i))
        files.append(apply(tmp_path / str(i), ORG, "  email: probono@example.org",
                           f'  email: "{email}"'))
    errors = check_jsonschema("organization", files)
    assert [str(path) in errors for path in files] == [True, True, True, False, False]


def test_the_pages_link_to_the_address_as_parsed(project):
    apply(project, ORG, "  email: probono@example.org", "  email: Probono@Example.ORG")
    apply(project, ORG, "website: https://example.org", "website: https://Example.ORG")
    directory = validate_tree(project, TODAY)
    assert directory.organizations["bay-legal-aid"].data.pro_bono_contact.email == \
        "Probono@example.org"
    pages = {page.path: page.text for page in render_pages(directory, ROOT / "site_templates",
                                                           Settings(today=TODAY))}
    organization = pages["organizations/bay-legal-aid.md"]
    assert 'href="mailto:Probono@example.org"' in organization
    assert "Example.ORG" not in organization.replace("https://Example.ORG", "")


# -- an email at another domain than the website's ---------------------------------------------

def _elsewhere(domain: str, website: str = "example.org") -> str:
    return (f"is at {domain}, not at the organization's website ({website}); give an address at "
            f"{website}, or, if this is the organization's own address, name the domain in "
            f"{ORG} under other_email_domains: with the reason (- domain: {domain}, reason: e.g. "
            "Our legal clinic uses the university's email)")


@pytest.mark.parametrize("domain", ["gmail.com", "law.university.edu", "example.net"])
def test_a_listing_email_at_another_domain_than_the_website_is_refused(project, capsys, domain):
    apply(project, PROGRAM, "contact:\n", f"contact:\n  email: volunteer@{domain}\n")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    mismatch = [line for line in lines if "not at the organization's website" in line]
    assert mismatch == [f"{PROGRAM}:40:10: email: 'volunteer@{domain}' {_elsewhere(domain)}"]


def test_an_organization_email_at_another_domain_is_refused(project, capsys):
    apply(project, ORG, "  email: probono@example.org", "  email: probono@law.university.edu")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{ORG}:17:10: email: 'probono@law.university.edu' "
                     f"{_elsewhere('law.university.edu')}"]


NAMED = """other_email_domains:
  - domain: law.university.edu
    reason: Our legal clinic uses the university's email.
partners:
"""


def test_an_email_at_a_named_domain_passes_and_the_page_says_why(project, capsys):
    apply(project, ORG, "  email: probono@example.org", "  email: probono@law.university.edu")
    apply(project, ORG, "partners:\n", NAMED)
    apply(project, PROGRAM, "contact:\n", "contact:\n  email: clinic@law.university.edu\n")
    assert validate_lines(project, capsys)[0] == 0
    directory = validate_tree(project, TODAY)
    pages = {page.path: page.text for page in render_pages(directory, ROOT / "site_templates",
                                                           Settings(today=TODAY))}
    assert "<dt>Email at another domain</dt><dd>Addresses at law.university.edu: Our legal clinic " \
        "uses the university&#39;s email.</dd>" in pages["organizations/bay-legal-aid.md"]


def test_an_email_at_a_part_of_the_website_domain_passes(project, capsys):
    apply(project, ORG, "website: https://example.org", "website: https://www.example.org/")
    apply(project, ORG, "  email: probono@example.org", "  email: probono@mail.example.org")
    assert validate_lines(project, capsys)[0] == 0


def test_a_named_domain_no_email_uses_is_refused(project, capsys):
    apply(project, ORG, "partners:\n", NAMED)
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{ORG}:19:13: other_email_domains: no contact email of this organization "
                     "or its listings is at 'law.university.edu'; remove it, or correct the domain"]


def test_a_named_domain_must_be_a_domain(project, capsys):
    apply(project, ORG, "partners:\n", NAMED.replace("law.university.edu",
                                                     "https://law.university.edu"))
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{ORG}:19:13: domain: 'https://law.university.edu' is not a domain; write "
                     "the part of the email after the @, e.g. example.org"]


def test_an_organization_without_a_website_has_no_domain_to_match(project, capsys):
    apply(project, ORG, "website: https://example.org\n", "")
    apply(project, ORG, "  email: probono@example.org", "  email: probono@gmail.com")
    assert validate_lines(project, capsys)[0] == 0


# -- a link's words show where it leads ----------------------------------------------------------

def _shown(shown: str, leads: str) -> str:
    return (f"description: the link's words show '{shown}', but it leads to '{leads}'; make the "
            "words the address the link leads to, or describe the page in words, e.g. [the "
            "organization's volunteer page](https://...)")


@pytest.mark.parametrize(("link", "shown", "leads"), [
    ("[www.uscis.gov](https://evil.example/uscis)", "www.uscis.gov", "evil.example"),
    ("[https://www.uscis.gov/](https://uscis.gov.evil.example/)", "https://www.uscis.gov/",
     "uscis.gov.evil.example"),
    ("[uscis.gov/forms](https://evil.example/forms)", "uscis.gov/forms", "evil.example"),
    ("[**uscis.gov**](https://evil.example/)", "uscis.gov", "evil.example"),
    ("[USCIS.gov][1]\n\n  [1]: https://evil.example/", "USCIS.gov", "evil.example"),
])
def test_a_link_whose_words_show_another_address_is_refused(project, capsys, link, shown,
                                                             leads):
    apply(project, PROGRAM, "[the USCIS page](https://www.uscis.gov/)", link)
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines] == [_shown(shown, leads)]
    assert lines[0].startswith(f"{PROGRAM}:7:")


def test_the_refused_link_is_located_at_its_words(project, capsys):
    apply(project, PROGRAM, "[the USCIS page](https://www.uscis.gov/)",
          "[www.uscis.gov](https://evil.example/uscis)")
    assert validate_lines(project, capsys)[1] == [
        f"{PROGRAM}:7:16: {_shown('www.uscis.gov', 'evil.example')}"]


@pytest.mark.parametrize("link", [
    "[the USCIS page](https://www.uscis.gov/)",  # words that are not an address
    "[www.uscis.gov](https://uscis.gov/forms)",  # the same site, www. or not
    "[https://www.uscis.gov/](https://www.uscis.gov/i-914)",
    "[Form I-914, Supplement B](https://www.uscis.gov/i-914)",
])
def test_a_link_whose_words_show_its_own_address_passes(project, capsys, link):
    apply(project, PROGRAM, "[the USCIS page](https://www.uscis.gov/)", link)
    assert validate_lines(project, capsys)[0] == 0


@pytest.mark.parametrize(("shown", "href", "leads"), [
    # an address in a description is refused by the privacy guard too; the link check holds
    # wherever words show one
    ("probono@example.org", "mailto:harvest@evil.example", "mailto:harvest@evil.example"),
    ("mailto:probono@example.org", "https://evil.example/form", "https://evil.example/form"),
    ("probono@example.org", "mailto:probono@example.org?subject=Pro%20bono", None),
    ("Probono@Example.org", "mailto:probono%40example.org", None),
    ("herjustice.org", "https://www.herjustice.org/", None),
    ("HERJUSTICE.ORG", "https://herjustice.org.evil.example/", "herjustice.org.evil.example"),
    ("Section 4.2", "https://evil.example/", None),
    ("e.g. the form", "https://evil.example/", None),
])
def test_the_words_of_a_link_against_its_target(shown, href, leads):
    from generator.core.validate import _shown_elsewhere
    assert _shown_elsewhere(shown, href) == leads


def test_the_volunteer_button_for_a_mailto_form_is_built_from_the_parsed_address(project):
    apply(project, PROGRAM, "interest_form: https://example.org/interest",
          "interest_form: mailto:Volunteer@Example.ORG?subject=Interest")
    directory = validate_tree(project, TODAY)
    pages = {page.path: page.text for page in render_pages(directory, ROOT / "site_templates",
                                                           Settings(today=TODAY))}
    page = pages["opportunities/u-visa-petitions.md"]
    assert 'href="mailto:Volunteer@example.org?subject=Pro%20bono%3A%20U%20visa%20petitions%20for' \
        '%20survivors%20of%20violent%20crime&amp;body=About%20the%20listing%20' in page
    assert "subject=Interest?subject" not in page and "subject=Interest&" not in page


@pytest.mark.parametrize(("url", "message"), [
    ("mailto:pro..bono@example.org",
     "a mailto: link holds one email address, and 'pro..bono@example.org' is not a valid email "
     "address (an email address cannot have two periods in a row); write it as "
     "probono@example.org"),
    ("mailto:pro!bono@example.org",
     "a mailto: link holds one email address, and 'pro!bono@example.org' holds '!' before the "
     "@, which an email link can read as more than the address (a copy to someone else, another "
     "address); write the address alone, with only letters, digits and . _ - + ' before the @, "
     "e.g. probono@example.org"),
])
def test_a_mailto_link_is_read_by_the_same_parser(url, message):
    from generator.core.lookalike import link_problem
    assert link_problem(url) == message
