"""The privacy guard flags client details and leaves ordinary legal writing alone."""

from __future__ import annotations

import re

import pytest

from generator.core.textcheck import check_text

ORDINARY = [
    "La clínica abre el 3 de marzo de 2027; birth certificates since 2020 are accepted.",
    "Petitions under California Penal Code section 236.14 vacate nonviolent convictions.",
    "See Cal. Penal Code § 236.14(t)(3) and 8 U.S.C. 1101(a)(15)(T).",
    "File Form I-914 with Supplement B, or Form I-918; then Form I-485.",
    "The law took effect on January 1, 2017; trainings on 2026-12-03 and 12/03/2026.",
    "Cases last 6-12 months, with teams of 2-3 attorneys; 5,000+ clients a year; 180+ attorneys.",
    "Founded in 2013. Filing fee waivers (Form I-912) are common.",
    "A network of 180 volunteers; about 80% of cases close within a year.",
    "Clients born abroad may qualify; ask about case screening and docket management training.",
    "Our office is at 1 Main St., Oakland, CA 94612-1234 (ZIP 94612).",
    "A 2026-2027 fellowship; a 2026 training for 2 to 3 people; 8 C.F.R. 214.11 and 214.14.",
    "Sections 236.14 236.15 of the Penal Code; Pub. L. 106-386 (2000).",
]

PRIVATE = [
    ("Client A204-117-334 needs help", "A-number"),
    ("alien number: 204117334", "A-number"),
    ("receipt WAC2290123456 pending", "receipt number"),
    ("SSN 123-45-6789", "Social Security"),
    ("born on March 3, 1999 in Guatemala", "date of birth"),
    ("D.O.B. 1999-03-03", "date of birth"),
    ("Docket No. BA123456", "case or docket"),
    ("case number 23STCR01234", "case or docket"),
    ("hearing in 22CR012345", "court case number"),
    # the audit's findings: each of these was once published
    ("SSN 123 45 6789", "Social Security"),
    ("her number is 123456789", "long number"),
    ("A\u00a0123\u00a0456\u00a0789", "A-number"),
    ("A\u2011123\u2011456\u2011789", "A-number"),
    ("A123\u200b456789", "A-number"),
    ("alien number is 123 456 789", "A-number"),
    ("b. 03/04/1990", "date of birth"),
    ("Birth: 03/04/1990", "date of birth"),
    ("nacido el 3 de marzo de 1990", "date of birth"),
    ("call 415 555 012", "long number"),
    ("A\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", "A-number"),
    # few digits after a label: the guard's shortcut for values with few digits must not skip them
    ("SSN: 123", "Social Security"),
    ("soc. sec. 45", "Social Security"),
    ("see case # 7", "case or docket"),
    ("Docket no. 12", "case or docket"),
    ("matter #12", "case or docket"),
    ("file no. 3", "case or docket"),
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_legal_text_is_not_flagged(text):
    assert check_text(("description",), text) == []


@pytest.mark.parametrize(("text", "what"), PRIVATE)
def test_client_details_are_flagged(text, what):
    messages = [message for _, message in check_text(("description",), text)]
    assert any(what in m and "never clients" in m for m in messages), messages


_REFUSE = ("; listings describe programs, never clients: remove it "
           "(the privacy rules: content/contribute/privacy.md)")
_LONG = ("is a long number of the kind that identifies a person (an A-number, a Social Security, "
         "phone or case number); the only long numbers a listing publishes are dates, times and "
         "years, statute and regulation sections after their citation, form numbers, sums of "
         "money, a ZIP+4 code after its state and a phone number in a contact's phone field")


@pytest.mark.parametrize(("text", "expected"), [
    # the audit's findings, each once published, and the second audit's separators
    ("SSN 123 45 6789", (0, "'SSN 123 45 6789' looks like a Social Security number")),
    ("her number is 123456789", (14, f"'123456789' {_LONG}")),
    ("A\u00a0123\u00a0456\u00a0789",
     (0, "'A<U+00A0>123<U+00A0>456<U+00A0>789' looks like an alien registration number "
         "(A-number)")),
    ("A\u2011123\u2011456\u2011789",
     (0, "'A\u2011123\u2011456\u2011789' looks like an alien registration number (A-number)")),
    ("alien number is 123 456 789",
     (0, "'alien number is 123 456 789' looks like an alien registration number (A-number)")),
    ("b. 03/04/1990", (0, "'b. 03/04/1990' looks like a date of birth")),
    ("call 415 555 012", (5, f"'415 555 012' {_LONG}")),
    ("Client A 123  456  789",
     (7, "'A 123  456  789' looks like an alien registration number (A-number)")),
    ("A\u00a0 123\u00a0 456\u00a0 789",
     (0, "'A<U+00A0> 123<U+00A0> 456<U+00A0> 789' looks like an alien registration number "
         "(A-number)")),
    ("123--45--6789", (0, "'123--45--6789' looks like a Social Security number")),
    ("123 - - 45 -- 6789", (0, "'123 - - 45 -- 6789' looks like a Social Security number")),
    ("123/45/6789", (0, "'123/45/6789' looks like a Social Security number")),
    ("123,45,6789", (0, "'123,45,6789' looks like a Social Security number")),
    ("(123) 45-6789", (0, "'(123) 45-6789' looks like a Social Security number")),
    ("alien number is one two three four five six seven eight nine",
     (16, "'one two three four five six seven eight nine' spells out a long number of the kind "
          "that identifies a person")),
])
def test_each_audited_spelling_gets_its_exact_message(text, expected):
    offset, message = expected
    assert check_text(("description",), text) == [(offset, message + _REFUSE)]


def test_contact_fields_may_hold_email_and_phone():
    assert check_text(("contact", "email"), "probono@example.org") == []
    assert check_text(("pro_bono_contact", "phone"), "(415) 555-0100") == []
    assert check_text(("description",), "Call (415) 555-0100") != []


def test_a_contacts_email_and_phone_live_in_their_own_fields_only():
    """A note beside a contact is where a client's details were once slipped in."""
    assert check_text(("contact", "notes"), "Call (415) 555-0100 after 10am") == [(
        5, "'(415) 555-0100' is a phone number in the text; a contact's number goes in "
        "contact.phone, and a client's never goes in a listing "
        "(the privacy rules: content/contribute/privacy.md)")]
    assert check_text(("contact", "notes"), "client maria@gmail.com") == [(
        7, "'maria@gmail.com' is an email address in the text; a contact's address goes in "
        "contact.email, and a client's never goes in a listing "
        "(the privacy rules: content/contribute/privacy.md)")]
    assert check_text(("contact", "phone"), "maria@gmail.com") != []


def test_messages_name_the_field_of_the_files_kind():
    """An organization's contact is pro_bono_contact, a program's is contact."""
    tail = (", and a client's never goes in a listing "
            "(the privacy rules: content/contribute/privacy.md)")
    assert check_text(("description",), "Email probono@example.org", kind="organization") == [
        (6, "'probono@example.org' is an email address in the text; a contact's address goes in "
            "pro_bono_contact.email" + tail)]
    assert check_text(("pro_bono_contact", "notes"), "Call 415-555-0100",
                      kind="organization") == [
        (5, "'415-555-0100' is a phone number in the text; a contact's number goes in "
            "pro_bono_contact.phone" + tail)]
    assert check_text(("summary",), "Call 415-555-0100") == [
        (5, "'415-555-0100' is a phone number in the text; a contact's number goes in "
            "contact.phone" + tail)]


FILLER = "Volunteers draft declarations and gather records with the survivor. " * 8


def test_an_identifier_far_into_a_long_text_is_found_at_its_place():
    """Long texts are searched near their digits only: each stretch must still be searched."""
    text = f"Founded in 2013. {FILLER}Since 2019, {FILLER}client A\u2011123\u2011456\u2011789."
    offset = text.index("A\u2011")
    assert check_text(("description",), f"\u2019{text}") == [(
        offset + 1, "'A\u2011123\u2011456\u2011789' looks like an alien registration number "
        "(A-number); listings describe programs, never clients: remove it "
        "(the privacy rules: content/contribute/privacy.md)")]
    assert check_text(("description",), f"{FILLER}SSN: 123 45 6789 {FILLER}")[0][0] == \
        len(FILLER)
    # a label well before its number, then a clean stretch with digits further on
    text = f"{FILLER}Her alien registration number is 1234 5678. {FILLER}Since 2019."
    assert [offset for offset, _ in check_text(("description",), text)] == [len(FILLER) + 4]
    text = f"{FILLER}Her date of birth: September 3, 1990. {FILLER}Since 2019."
    assert [offset for offset, _ in check_text(("description",), text)] == [len(FILLER) + 4]
    assert check_text(("description",), f"Founded in 2013. {FILLER}In 2019, {FILLER}") == []


def test_digits_spelled_out_are_refused_and_digit_words_in_prose_are_not():
    assert check_text(("summary",), "Her number: four one five, five five five, oh one nine "
                      "nine.")[0] == (12, "'four one five, five five five, oh one nine nine' "
                                      "spells out a long number of the kind that identifies a "
                                      "person; listings describe programs, never clients: "
                                      "remove it "
                                      "(the privacy rules: content/contribute/privacy.md)")
    assert check_text(("summary",), "One or two attorneys, three to five hours, one day "
                      "a week for six to nine months.") == []


def test_links_in_link_fields_are_not_treated_as_markup():
    assert check_text(("website",), "https://example.org/a?b=1&c=2") == []


# -- characters that cut, hide or spoof text, through whole files ---------------------------------

from tests.conftest import PROGRAM, run  # noqa: E402
from tests.core.test_broken_files import apply  # noqa: E402

TITLE = "title: U visa petitions for survivors of violent crime"


@pytest.mark.parametrize(("escape", "column", "message"), [
    ("\\r", 25, "the control character U+000D (CARRIAGE RETURN) is not allowed in a value (it "
     "breaks the line where it stands); delete it; in a description, start a new line instead"),
    ("\\0", 25, "the control character U+0000 (NULL) is not allowed here; delete it (it often "
     "comes with text pasted from another program)"),
    ("\\u2028", 25, "the invisible character U+2028 (LINE SEPARATOR) is not allowed in a value "
     "(it breaks the line where it stands); delete it; in a description, start a new line "
     "instead"),
    ("\\u202e", 25, "the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed "
     "here; delete it (it often comes with text pasted from another program)"),
    ("\\u2066", 25, "the invisible character U+2066 (LEFT-TO-RIGHT ISOLATE) is not allowed "
     "here; delete it (it often comes with text pasted from another program)"),
    ("\\u200b", 25, "the invisible character U+200B (ZERO WIDTH SPACE) is not allowed here; "
     "delete it (it often comes with text pasted from another program)"),
    ("\\u3164", 25, "the invisible character U+3164 (HANGUL FILLER) is not allowed here; delete "
     "it (it often comes with text pasted from another program)"),
])
def test_control_and_invisible_characters_are_refused_with_code_and_place(
        project, capsys, escape, column, message):
    apply(project, PROGRAM, TITLE, f'title: "U visa petitions{escape} for survivors"')
    code, out, err = run(project, "validate", capsys=capsys)
    assert code == 1 and "Traceback" not in out + err
    assert out.splitlines() == [f"{PROGRAM}:2:{column}: {message}"]


def test_a_title_of_only_invisible_characters_is_empty(project, capsys):
    apply(project, PROGRAM, TITLE, 'title: "\\u200b\\u200b"')
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert f"{PROGRAM}:2:9: is empty or only spaces and invisible characters; write a value or " \
        "remove the field" in out.splitlines()


def test_line_breaks_are_fine_in_a_description(project, capsys):
    apply(project, PROGRAM, "description: |", "description: |\n  First line.\n\n  Second.")
    code, out, _ = run(project, "validate", capsys=capsys)
    assert (code, out.splitlines()[-1:]) == (0, ["ok: 1 organizations, 1 listings, no problems."])


@pytest.mark.parametrize("image", ["![map](https://example.org/map.png)",
                                   "![logo][1]\n\n  [1]: https://example.org/logo.png",
                                   "![logo]\n\n  [logo]: https://example.org/logo.png",
                                   "![a [nested] map](https://example.org/map.png)",
                                   "[![badge](https://example.org/b.svg)](https://example.org/)"])
def test_an_image_in_markdown_is_refused(project, capsys, image):
    apply(project, PROGRAM, "draft the declaration", f"draft the declaration {image}")
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert ("images (![...](...)) are not shown on the site and would load from another site; "
            "remove it, or link to the page with [words](https://...)") in out


def test_the_guide_says_what_the_guard_refuses_and_its_examples_hold():
    from tests.conftest import ROOT

    section = (ROOT / "content/contribute/privacy.md").read_text(encoding="utf-8")
    refuses = section.split("It refuses:")[1].split("It leaves alone")[0]
    leaves = section.split("It leaves alone")[1].split("If it refuses")[0]
    refused = [e for e in re.findall(r"`([^`]+)`", refuses) if re.search(r"\d", e)]
    allowed = re.findall(r"`([^`]+)`", leaves)
    assert len(refused) >= 3 and len(allowed) >= 8
    for example in refused:
        assert check_text(("description",), f"Client {example}."), example
    for example in allowed:
        assert check_text(("description",), f"See {example}.") == [], example
    assert "the privacy rules: content/contribute/privacy.md" in check_text(
        ("description",), "A123456789")[0][1]
