"""The privacy guard flags client details and leaves ordinary legal writing alone."""

from __future__ import annotations

import pytest

from generator.textcheck import check_text

ORDINARY = [
    "Petitions under California Penal Code section 236.14 vacate nonviolent convictions.",
    "See Cal. Penal Code § 236.14(t)(3) and 8 U.S.C. 1101(a)(15)(T).",
    "File Form I-914 with Supplement B, or Form I-918; then Form I-485.",
    "The law took effect on January 1, 2017; trainings on 2026-12-03 and 12/03/2026.",
    "Cases last 6-12 months, with teams of 2-3 attorneys; 5,000+ clients a year; 180+ attorneys.",
    "Founded in 2013. Filing fee waivers (Form I-912) are common.",
    "A network of 180 volunteers; about 80% of cases close within a year.",
    "Clients born abroad may qualify; ask about case screening and docket management training.",
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
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_legal_text_is_not_flagged(text):
    assert check_text(("description",), text) == []


@pytest.mark.parametrize(("text", "what"), PRIVATE)
def test_client_details_are_flagged(text, what):
    messages = [message for _, message in check_text(("description",), text)]
    assert any(what in m and "never clients" in m for m in messages), messages


def test_contact_fields_may_hold_email_and_phone():
    assert check_text(("contact", "email"), "probono@example.org") == []
    assert check_text(("pro_bono_contact", "phone"), "(415) 555-0100") == []
    assert check_text(("contact", "notes"), "Call (415) 555-0100 after 10am") == []
    assert check_text(("description",), "Call (415) 555-0100") != []


def test_links_in_link_fields_are_not_treated_as_markup():
    assert check_text(("website",), "https://example.org/a?b=1&c=2") == []
