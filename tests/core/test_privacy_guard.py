"""The privacy guard against generated spellings of each kind of identifier, and its limits.

Each strategy below writes one kind of client identifier the ways people (careless or hostile)
write it: any grouping of the digits, any dash or space Unicode has, invisible characters
inside, full-width or Arabic-Indic digits, labels in words. Every variant must be refused.
Citations, form numbers, ZIP codes, dates and figures, generated the same way, must all pass.
"""

from __future__ import annotations

import os
import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from generator.core.textcheck import check_text, normalize

# The same examples on every run, whatever profile is loaded, so CI cannot fail on a draw
# nobody saw; HYPOTHESIS_PROFILE=explore (tests/conftest.py) draws new ones to look further.
FIXED = os.environ.get("HYPOTHESIS_PROFILE") != "explore"
ZIP4 = re.compile(r"\d{5} ?- ?\d{4}")

SEPARATORS = ["", " ", "-", ".", " - ", "\u00a0", "\u2011", "\u2010", "\u2013", "\u2014",
              "\u2212", "\u202f", "\u2009", "\u3000", "\ufe63", "\uff0d", "\u200b", "\u200c",
              "\u200d", "\u2060", "\u00ad", "\ufeff"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]
# A separator as typed, or two or three spaces and dashes in a row ("A\u00a0 123  456",
# "123--45", "123 - - 45"): a run of them is still one separator.
SPACES_AND_DASHES = [" ", "-", "\u00a0", "\u2011", "\u2013", "\u2014", "\u2009", "\u3000",
                     "\uff0d"]
SEPARATOR = st.one_of(st.sampled_from(SEPARATORS),
                      st.lists(st.sampled_from(SPACES_AND_DASHES), min_size=2, max_size=3)
                      .map("".join))


def _script(digits: str, script: str) -> str:
    base = {"ascii": ord("0"), "fullwidth": 0xFF10, "arabic": 0x0660, "devanagari": 0x0966}
    return "".join(chr(base[script] + int(d)) for d in digits)


@st.composite
def spelled(draw, count: int) -> str:
    """`count` digits, cut into groups anywhere, joined by any separator, in any script."""
    digits = draw(st.text("0123456789", min_size=count, max_size=count))
    digits = _script(digits, draw(st.sampled_from(["ascii", "ascii", "fullwidth", "arabic",
                                                   "devanagari"])))
    cuts = sorted(draw(st.sets(st.integers(1, count - 1), max_size=4)))
    groups = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, count], strict=True)]
    out = groups[0]
    for group in groups[1:]:
        out += draw(SEPARATOR) + group
    return out


WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@st.composite
def in_words(draw, count: int) -> str:
    """`count` digits written as words ("one two three", "One-Two, three", "oh"), any case."""
    words = [draw(st.sampled_from([*WORDS, "oh"] if d == "0" else [WORDS[int(d)]]))
             for d in draw(st.text("0123456789", min_size=count, max_size=count))]
    words = [draw(st.sampled_from([w, w.capitalize(), w.upper()])) for w in words]
    out = words[0]
    for word in words[1:]:
        out += draw(st.sampled_from([" ", "-", ", ", "  ", " - "])) + word
    return out


def sentence(draw, identifier: str) -> str:
    before = draw(st.sampled_from(["Our client ", "Client: ", "", "Help with ", "(", "re "]))
    after = draw(st.sampled_from([" needs help.", "", ").", " - urgent", "; thanks"]))
    return before + identifier + after


@st.composite
def a_numbers(draw) -> str:
    label = draw(st.sampled_from(["A", "A", "a", "A#", "A-", "A ", "A\u2011", "A\u00a0", "A:",
                                  "A-number ", "A-Number: ", "A no. ", "a# ", "alien number ",
                                  "Alien number is ", "Alien Registration Number: ",
                                  "alien registration no. ", "A\u200b"]))
    return sentence(draw, label + draw(spelled(draw(st.sampled_from([8, 9])))))


@st.composite
def social_security_numbers(draw) -> str:
    label = draw(st.sampled_from(["", "", "SSN ", "SSN: ", "SS# ", "social security number ",
                                  "Social Security No. "]))
    number = draw(spelled(9))
    # Nine digits written 5-4 with a dash and no label read as a ZIP+4 code, which listings
    # may hold (an office's address): the guard lets that one shape through on purpose.
    assume(label or not ZIP4.fullmatch(normalize(number)[0]))
    return sentence(draw, label + number)


@st.composite
def receipt_numbers(draw) -> str:
    prefix = draw(st.sampled_from(["EAC", "WAC", "LIN", "SRC", "NBC", "MSC", "IOE", "YSC",
                                   "eac", "Ioe"]))
    return sentence(draw, prefix + draw(SEPARATOR) + draw(spelled(10)))


@st.composite
def numbers_in_words(draw) -> str:
    """An A-number or SSN spelled out in words, with or without its label."""
    label = draw(st.sampled_from(["", "alien number is ", "A-number: ", "SSN ",
                                  "social security number ", "her number is "]))
    return sentence(draw, label + draw(in_words(draw(st.sampled_from([8, 9])))))


@st.composite
def phone_numbers(draw) -> str:
    digits = draw(st.text("0123456789", min_size=10, max_size=10))
    shape = draw(st.sampled_from(["({}) {}-{}", "{}-{}-{}", "{}.{}.{}", "{} {} {}", "{}{}{}",
                                  "+1 {} {} {}", "1-{}-{}-{}", "{}\u2011{}\u2011{}"]))
    return sentence(draw, shape.format(digits[:3], digits[3:6], digits[6:]))


MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]
MONTHS = ["January", "Feb.", "Mar", "april", "MAY", "June", "Jul.", "August", "Sept.", "Oct",
          "November", "dec."]


@st.composite
def dates(draw) -> str:
    year = draw(st.integers(1930, 2025))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    short = draw(st.booleans())
    y = f"{year % 100:02d}" if short else str(year)
    return draw(st.sampled_from([
        f"{month:02d}/{day:02d}/{y}", f"{month}/{day}/{y}", f"{month}-{day}-{y}",
        f"{month}.{day}.{y}", f"{year}-{month:02d}-{day:02d}",
        f"{MONTHS[month - 1]} {day}, {year}", f"{day} {MONTHS[month - 1]} {year}",
        f"{month} / {day} / {y}", f"{day} de {MESES[month - 1]} de {year}"]))


@st.composite
def dates_of_birth(draw) -> str:
    label = draw(st.sampled_from(["DOB", "DOB:", "dob ", "D.O.B.", "D.O.B. ", "b.", "b. ",
                                  "born ", "born on ", "Born: ", "date of birth ",
                                  "Date of Birth: ", "birthdate ", "birthday: ",
                                  "fecha de nacimiento ", "nacida el ", "Birth: ",
                                  "birth "]))
    return sentence(draw, label + draw(dates()))


@st.composite
def case_numbers(draw) -> str:
    label = draw(st.sampled_from(["case no. ", "Case #", "docket number ", "Docket No. ",
                                  "matter no. ", "file # ", "case number: "]))
    tail = draw(st.from_regex(r"[0-9]{2}-?[A-Z]{2,4}-?[0-9]{4,6}", fullmatch=True))
    return sentence(draw, label + tail)


@st.composite
def emails(draw) -> str:
    local = draw(st.from_regex(r"[a-z][a-z0-9._]{1,10}", fullmatch=True)).rstrip(".")
    domain = draw(st.sampled_from(["gmail.com", "yahoo.com", "example.org", "mail.co.uk"]))
    at, dot = draw(st.sampled_from([("@", "."), (" (at) ", " (dot) "), ("[at]", "[dot]"),
                                    (" [at] ", "."), ("\uff20", ".")]))
    return sentence(draw, local + at + domain.replace(".", dot))


@st.composite
def hidden_inside(draw, identifiers) -> str:
    """An identifier with invisible characters dropped between its characters."""
    text = draw(identifiers)
    spots = draw(st.lists(st.integers(0, len(text)), max_size=3))
    for spot in sorted(spots, reverse=True):
        text = text[:spot] + draw(st.sampled_from(INVISIBLE)) + text[spot:]
    return text


IDENTIFIERS = st.one_of(a_numbers(), social_security_numbers(), receipt_numbers(),
                        phone_numbers(), dates_of_birth(), case_numbers(), emails())


def refused(text: str, loc: tuple = ("description",)) -> bool:
    return any("never clients" in m or "in the text" in m or "long number" in m
               for _, m in check_text(loc, text))


@settings(max_examples=300, deadline=None, derandomize=FIXED)
@given(st.one_of(a_numbers(), social_security_numbers(), receipt_numbers(),
                 numbers_in_words()))
@example("Our client 0.0 0000.000 needs help.")  # nine digits grouped like two statute sections
def test_every_spelling_of_a_government_number_is_refused(text):
    assert refused(text), text


@settings(max_examples=200, deadline=None, derandomize=FIXED)
@given(st.one_of(phone_numbers(), emails()))
def test_every_spelling_of_an_email_or_phone_in_the_text_is_refused(text):
    assert refused(text), text
    assert refused(text, ("contact", "notes")), text


@settings(max_examples=200, deadline=None, derandomize=FIXED)
@given(st.one_of(dates_of_birth(), case_numbers()))
def test_every_spelling_of_a_birth_date_or_case_number_is_refused(text):
    assert refused(text), text


@settings(max_examples=200, deadline=None, derandomize=FIXED)
@given(hidden_inside(IDENTIFIERS))
def test_invisible_characters_inside_an_identifier_do_not_hide_it(text):
    assert refused(text), text


@settings(max_examples=100, deadline=None, derandomize=FIXED)
@given(IDENTIFIERS, st.sampled_from(["title", "summary", "notes", "serves", "what", "value"]))
def test_every_text_field_is_guarded(text, field):
    assert refused(text, (field,)), (field, text)


# -- what the guard must leave alone -------------------------------------------------------------

@st.composite
def citations(draw) -> str:
    n = draw(st.integers(1, 999))
    return draw(st.sampled_from([
        f"Penal Code {n}.{draw(st.integers(1, 99))}",
        f"Cal. Penal Code § {n}.{draw(st.integers(1, 99))}(a)",
        f"8 C.F.R. {draw(st.integers(100, 299))}.{draw(st.integers(1, 299))}",
        f"8 C.F.R. § {draw(st.integers(100, 299))}.{draw(st.integers(1, 299))}(b)(3)",
        f"8 U.S.C. {draw(st.integers(1000, 1999))}(a)({draw(st.integers(1, 60))})(T)",
        f"22 U.S.C. § {draw(st.integers(7000, 7199))}", f"section {n}",
        f"AB {draw(st.integers(1, 3000))} ({draw(st.integers(2000, 2026))})",
        f"Pub. L. {draw(st.integers(100, 118))}-{draw(st.integers(1, 400))}"]))


@st.composite
def forms(draw) -> str:
    return draw(st.sampled_from([
        f"Form I-{draw(st.integers(100, 999))}", f"I-{draw(st.integers(100, 999))}",
        "I-918 Supplement B", "I-914 Supplement A", f"Form G-{draw(st.integers(28, 1450))}",
        f"EOIR-{draw(st.integers(26, 42))}", f"Form I-{draw(st.integers(100, 999))}A"]))


@st.composite
def zip_codes(draw) -> str:
    five = draw(st.from_regex(r"[0-9]{5}", fullmatch=True))
    four = draw(st.from_regex(r"[0-9]{4}", fullmatch=True))
    state = draw(st.sampled_from(["CA", "NY", "Oakland, CA", "California", "TX"]))
    return draw(st.sampled_from([five, f"{state} {five}-{four}", f"CA {five}"]))


@st.composite
def ordinary_dates(draw) -> str:
    year = draw(st.integers(2000, 2030))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    return draw(st.sampled_from([
        f"{year}-{month:02d}-{day:02d}", f"{month}/{day}/{year}",
        f"{MONTHS[month - 1]} {day}, {year}", f"{day} {MONTHS[month - 1]} {year}",
        f"{year}-{month:02d}-{day:02d} {draw(st.integers(1, 12))}:00",
        f"{year}-{year + 1}", f"{year}"]))


@st.composite
def figures(draw) -> str:
    n = draw(st.integers(1, 999))
    return draw(st.sampled_from([
        f"{n},000+ clients", f"{n} attorneys",
        f"{draw(st.integers(1, 12))}-{draw(st.integers(2, 24))} months",
        f"teams of {draw(st.integers(1, 4))}-{draw(st.integers(2, 6))}", f"{n}% of cases",
        f"${n},{draw(st.integers(100, 999))},000 recovered", f"{n} hours of MCLE credit",
        f"a {draw(st.integers(2000, 2030))} training for {draw(st.integers(2, 9))} people"]))


ORDINARY = st.one_of(citations(), forms(), zip_codes(), ordinary_dates(), figures())
JOINS = ["; ", ", and ", " under ", ". See ", " (see ", ", then "]  # words between numbers


@settings(max_examples=400, deadline=None, derandomize=FIXED)
@given(st.lists(ORDINARY, min_size=1, max_size=4), st.sampled_from(JOINS))
def test_citations_forms_zip_codes_dates_and_figures_pass(parts, join):
    text = "Volunteers file " + join.join(parts) + "."
    assert check_text(("description",), text) == [], text
