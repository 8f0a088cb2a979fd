"""The privacy guard's rules, each tested against generated variants and exact messages.

The strategies compose an identifier with every folding the guard claims to undo (scripts,
combining marks, HTML entities, Markdown marks, links, separators, line breaks) and put it in
every place text is published (a field, a link's address, a file's name, a comment). Each
variant must be refused with the message of its rule, quoting what was written. The allowed
forms, generated the same way, must pass, and each must fail once its context is taken away.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.core import privacy
from generator.core.memory import collector_paused
from generator.core.privacy import ALLOWED_FORMS, GUIDE, LONG
from generator.core.textcheck import check_text

FIXED = os.environ.get("HYPOTHESIS_PROFILE") != "explore"
MANY = int(os.environ.get("PRIVACY_EXAMPLES", "5000"))

REMOVE = "; listings describe programs, never clients: remove it"
LONG_FIX = ("; the only long numbers a listing publishes are dates, times and years, statute and "
            "regulation sections after their citation, form numbers, sums of money, a ZIP+4 code "
            "after its state and a phone number in a contact's phone field" + REMOVE)
A_NUMBER = "looks like an alien registration number (A-number)" + REMOVE
SSN = "looks like a Social Security number" + REMOVE
NUMBER = LONG + LONG_FIX


def tail(rule: str) -> str:
    return f" {rule} ({GUIDE})"


# -- the foldings ---------------------------------------------------------------------------------

SCRIPTS = {"ascii": 0x30, "fullwidth": 0xFF10, "arabic-indic": 0x0660, "devanagari": 0x0966,
           "bengali": 0x09E6, "mathematical bold": 0x1D7CE, "thai": 0x0E50}
MARKS = ["\u0301", "\u0332", "\u20e3", "\u0338"]  # combining acute, low line, keycap, stroke
SEPARATORS = [" ", "-", ".", "/", "\u00a0", "\u2011", "\u2013", "\u2212", "\u3000", "\u200b",
              "\u00ad", "\ufeff", "&nbsp;", "&ZeroWidthSpace;", "&shy;", "&#8209;", "\\-", "\\.",
              "**", "_", "`", "\n", " \n ", "  ", " - ", "--", "\u2060"]
INVISIBLE = {"\u200b", "\u00ad", "\ufeff", "&ZeroWidthSpace;", "&shy;", "**", "_", "`", "\u2060"}
A_LETTERS = ["A", "\u0410", "\uff21", "\u0391", "**A**", "&#65;"]  # Latin, Cyrillic, full-width, Greek


@st.composite
def digits_folded(draw, count: int) -> tuple[str, str, list[int]]:
    """`count` digits as written (any script, marks, separators) and as plain digits."""
    plain = draw(st.text("0123456789", min_size=count, max_size=count))
    script = SCRIPTS[draw(st.sampled_from(sorted(SCRIPTS)))]
    cuts = sorted(draw(st.sets(st.integers(1, count - 1), max_size=4)))
    groups = [plain[a:b] for a, b in zip([0, *cuts], [*cuts, count], strict=True)]
    written = ""
    shown = [0]  # the groups a reader sees: an invisible separator joins two of them
    for number, group in enumerate(groups):
        if number:
            separator = draw(st.sampled_from(SEPARATORS))
            written += separator
            if separator not in INVISIBLE:
                shown.append(0)
        shown[-1] += len(group)
        for digit in group:
            written += chr(script + int(digit))
            if draw(st.integers(0, 9)) == 0:
                written += draw(st.sampled_from(MARKS))
    return written, plain, shown


def emphasised(draw, written: str) -> str:
    """Markdown emphasis around one stretch of the number ('A2015**5**5901')."""
    # between two digits (a mark inside an entity would make it plain text)
    entities = [range(m.start(), m.end() + 1) for m in re.finditer(r"&#?\w+;", written)]
    spots = [i for i in range(1, len(written)) if not any(i in span for span in entities)
             and unicodedata.category(written[i]) == "Nd" and (
                 unicodedata.category(written[i - 1]) in ("Nd", "Mn", "Me"))]
    if len(spots) < 2 or not draw(st.booleans()):
        return written
    a, b = sorted(draw(st.lists(st.sampled_from(spots), min_size=2, max_size=2, unique=True)))
    mark = draw(st.sampled_from(["**", "*", "_"]))
    return written[:a] + mark + written[a:b] + mark + written[b:]


def digits_of(quoted: str) -> str:
    written = re.sub(r"<U\+([0-9A-F]{4,6})>", lambda m: chr(int(m[1], 16)), quoted)
    return re.sub(r"\D", "", privacy.fold(written)[0])


def refusal(problems: list[tuple[int, str]]) -> tuple[str, str]:
    """The digits a refusal quotes and the rule it gives (the message after the quote)."""
    assert problems, "accepted"
    message = problems[0][1]
    assert message.startswith("'"), message
    quoted, _, rest = message[1:].partition("' ")
    return digits_of(quoted), " " + rest.removeprefix("(as the page shows it) ")


BEFORE = ["Our client ", "", "Help with ", "(", "re: ", "Client\n"]
AFTER = [" needs help.", "", ").", " - urgent", "; thanks"]
FIELDS = [("description",), ("summary",), ("title",), ("contact", "notes"), ("serves",),
          ("volunteers", "notes")]


@st.composite
def bare_numbers(draw):
    """Nine digits with no label: a Social Security number if grouped 3-2-4, else a number."""
    written, plain, groups = draw(digits_folded(9))
    return emphasised(draw, written), plain, SSN if groups == [3, 2, 4] else NUMBER


@st.composite
def a_numbers(draw):
    written, plain, _ = draw(digits_folded(draw(st.sampled_from([8, 9]))))
    letter = draw(st.sampled_from(A_LETTERS))
    return letter + draw(st.sampled_from(["", " ", "-", "\u2011", "&nbsp;"])) + written, plain, \
        A_NUMBER


@settings(max_examples=MANY, deadline=None, derandomize=FIXED)
@given(st.one_of(bare_numbers(), a_numbers()), st.sampled_from(BEFORE),
       st.sampled_from(AFTER), st.sampled_from(FIELDS))
def test_a_number_in_any_spelling_script_markup_and_field_is_refused_by_its_rule(
        drawn, before, after, field):
    written, plain, rule = drawn
    digits, said = refusal(privacy.private(field, before + written + after))
    message = privacy.private(field, before + written + after)[0][1]
    if "…' " in message and plain.startswith(digits):
        digits = plain  # a long quote is cut short: what it shows must begin the number
    assert (digits, said) == (plain, tail(rule)), (before + written + after)


@settings(max_examples=1000, deadline=None, derandomize=FIXED)
@given(digits_folded(9), st.sampled_from(["[{}]({}){}", "[{}]({}) {}", "*[{}]({})* {}"]))
def test_a_number_split_by_a_link_is_read_as_the_page_shows_it(drawn, shape):
    """[12345](https://example.org)6789: the page shows the digits side by side."""
    _, plain, _ = drawn
    text = "Client " + shape.format(plain[:5], "https://example.org/", plain[5:]) + " today."
    start, end = text.index(plain[:5]), text.rindex(plain[5:]) + len(plain[5:])
    assert privacy.private(("description",), text) == [
        (start, f"'{text[start:end]}'" + tail(NUMBER))], text


def test_a_number_split_by_a_reference_link_is_read_as_rendered():
    text = "Client [12345][form]6789 today.\n\n[form]: https://example.org/"
    assert privacy.private(("description",), text) == [
        (0, "'123456789' (as the page shows it)" + tail(NUMBER))]


# -- exact messages for what the audit published ----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("A2015**5**5901", (0, "'A2015**5**5901'" + tail(A_NUMBER))),
    ("123\\-45\\-6789", (0, "'123\\-45\\-6789'" + tail(SSN))),
    ("A201&nbsp;555&nbsp;901", (0, "'A201&nbsp;555&nbsp;901'" + tail(A_NUMBER))),
    ("Client A2015\n55901 today", (7, "'A2015\n55901'".replace("\n", "<U+000A>") +
                                   tail(A_NUMBER))),
    ("A\u0301 2\u03011\u03015\u03015\u03015\u03015\u03019\u03010\u03011",
     (0, "'A\u0301 2\u03011\u03015\u03015\u03015\u03015\u03019\u03010\u03011'" +
      tail(A_NUMBER))),
    ("\u0410123456789", (0, "'\u0410123456789'" + tail(A_NUMBER))),
    ("receipt \u0415\u0410\u04212190012345",
     (8, "'\u0415\u0410\u04212190012345'" + tail("looks like a USCIS receipt number" + REMOVE))),
    ("receipt XYZ2190012345",
     (8, "'XYZ2190012345'" + tail("looks like a USCIS receipt number" + REMOVE))),
    ("see 2:24-cv-01234-JLS", (4, "'2:24-cv-01234-JLS'" + tail(
        "looks like a court case number" + REMOVE))),
    ("hearing in 24CV012345", (11, "'24CV012345'" + tail(
        "looks like a court case number" + REMOVE))),
    ("Client: Maria Lopez needs a U visa", (0, "'Client: Maria Lopez'" + tail(
        "looks like a client's name" + REMOVE))),
    ("cliente: María de la Cruz", (0, "'cliente: María de la Cruz'" + tail(
        "looks like a client's name" + REMOVE))),
    ("a survivor named Rosa", (11, "'named Rosa'" + tail(
        "looks like a client's name" + REMOVE))),
    ("客户：王伟，需要帮助", (0, "'客户：王伟'" + tail("looks like a client's name" + REMOVE))),
    ("出生日期：1990年3月4日", (0, "'出生日期：1990年3月4日'" + tail(
        "looks like a date of birth" + REMOVE))),
    ("fecha de nacimiento 3/4/1990", (0, "'fecha de nacimiento 3/4/1990'" + tail(
        "looks like a date of birth" + REMOVE))),
    ("número de seguro social 123", (10, "'seguro social 123'" + tail(SSN))),
    ("Founded 1998, 1,200,000 people", (14, "'1,200,000'" + tail(NUMBER))),
    ("Office: 94612-1234", (8, "'94612-1234'" + tail(NUMBER))),
    ("Sections 236.14 and 123.45 6789", (20, "'123.45 6789'" + tail(SSN))),
    ("Sections 236.14 and 1234.5 6789", (20, "'1234.5 6789'" + tail(NUMBER))),
])
def test_each_audited_spelling_is_refused_with_its_exact_message(text, expected):
    assert privacy.private(("description",), text) == [expected]


def test_letters_drawn_like_digits_between_digits_count_as_digits():
    assert refusal(privacy.private(("summary",), "A2O15l5590"))[0] == "201515590"


# -- every place text is published ---------------------------------------------------------------

@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/intake?ssn=123", "the link's address carries 'ssn=', a person's "
     "details in the address, which anyone can read; link to the page without it"),
    ("https://example.org/intake?DOB=1990-03-04", "the link's address carries 'DOB=', a "
     "person's details in the address, which anyone can read; link to the page without it"),
    ("https://example.org/form#email=maria%40gmail.com", "the link's address carries 'email=', "
     "a person's details in the address, which anyone can read; link to the page without it"),
    ("https://example.org/cases/123-45-6789", "the link's address: '123-45-6789'" + tail(SSN)),
    ("https://example.org/?q=maria.lopez%40gmail.com", "the link's address: "
     "'maria.lopez@gmail.com' is an email address in the text; a contact's address goes in "
     "contact.email, and a client's never goes in a listing (" + GUIDE + ")"),
])
def test_a_links_address_carries_no_personal_details(url, expected):
    assert expected in privacy.link_problems(url)
    assert expected in [m.removeprefix("interest_form: ") for _, m in
                        check_text(("contact", "interest_form"), url)]


@pytest.mark.parametrize("url", ["https://example.org/node/12345678",
                                 "https://example.org/2021/05/12/training",
                                 "https://docs.example.org/forms/d/e/1FAIpQLSf9x/viewform",
                                 "https://example.org/?page_id=1234567&lang=es",
                                 "mailto:probono@example.org?subject=U%20visa%20clinic"])
def test_a_pages_own_number_in_its_address_is_not_a_person(url):
    assert privacy.link_problems(url) == []


def test_a_link_written_in_a_description_is_checked_like_a_link_field():
    text = "Apply on [our form](https://example.org/apply?client_name=Rosa+Diaz) today."
    assert check_text(("description",), text) == [(text.index("https"), (
        "the link's address carries 'client_name=', a person's details in the address, which "
        "anyone can read; link to the page without it"))]


@pytest.mark.parametrize(("name", "expected"), [
    ("maria-a123456789", "file name 'maria-a123456789' looks like an alien registration "
     "number (A-number); listings describe programs, never clients: rename it without it ("
     f"{GUIDE})"),
    ("help-1234567", f"file name 'help-1234567' {NUMBER}".replace(
        "remove it", "rename it without it") + f" ({GUIDE})"),
    ("a-123-456-789", "file name 'a-123-456-789' looks like an alien registration number "
     f"(A-number); listings describe programs, never clients: rename it without it ({GUIDE})"),
    ("help-123-45-6789", "file name 'help-123-45-6789' looks like a Social Security number; "
     f"listings describe programs, never clients: rename it without it ({GUIDE})"),
    ("case-24cv012345", "file name 'case-24cv012345' looks like a court case number; "
     f"listings describe programs, never clients: rename it without it ({GUIDE})"),
])
def test_a_file_name_is_guarded(name, expected):
    assert privacy.name_problems(name, "file name") == [expected]


@pytest.mark.parametrize("name", ["t-visa-petitions-2026", "vacatur-236-14", "u-visa-clinic",
                                  "training-2026-03-04"])
def test_ordinary_file_names_pass(name):
    assert privacy.name_problems(name, "file name") == []


def test_comments_are_found_by_yamls_own_tokens():
    text = ('# yaml-language-server: $schema=x\ntitle: "A # not a comment"  # note A123456789\n'
            'description: |\n  # a line of the text, not a comment\n  more\n# last 123 45 6789\n')
    column = text.split("\n")[1].index("# note") + 1
    assert privacy.comments(text) == [(1, 1, "# yaml-language-server: $schema=x"),
                                      (2, column, "# note A123456789"),
                                      (6, 1, "# last 123 45 6789")]


# -- the allowed forms ---------------------------------------------------------------------------

@pytest.mark.parametrize("form", ALLOWED_FORMS, ids=lambda form: form.name)
def test_each_allowed_forms_example_passes(form):
    field = ("contact", "phone") if "phone field" in form.name else ("description",)
    text = form.example.removesuffix(" in contact.phone")
    assert privacy.private(field, text) == [], text


@pytest.mark.parametrize(("allowed", "refused"), [
    ("Penal Code 236.14 236.15", "See 236.14 236.15"),
    ("Form I-131 10/2025 edition", "Item 131 10/2025 edition"),
    ("$1,250,000 recovered", "1,250,000 recovered"),
    ("Oakland, CA 94612-1234", "Oakland 94612-1234"),
    ("2025-2026 and 3/4/2027", "2025-2026-3427"),
])
def test_each_allowed_form_is_refused_without_its_context(allowed, refused):
    assert privacy.private(("description",), allowed) == []
    assert privacy.private(("description",), refused) != []


def test_a_phone_number_is_allowed_only_in_a_contacts_phone_field():
    assert privacy.private(("contact", "phone"), "+1 (415) 555-0100") == []
    assert refusal(privacy.private(("contact", "notes"), "+1 (415) 555-0100"))[0] == \
        "14155550100"


@st.composite
def allowed_texts(draw):
    year = draw(st.integers(1990, 2030))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    return draw(st.sampled_from([
        f"{year}-{month:02d}-{day:02d} {draw(st.integers(1, 12))}:00-{draw(st.integers(1, 12))}:30",
        f"{year}-{year + 1}", f"{month}/{day}/{year} and {month}/{day}/{year + 1}",
        f"Penal Code {draw(st.integers(1, 999))}.{draw(st.integers(1, 99))} "
        f"{draw(st.integers(1, 999))}.{draw(st.integers(1, 99))}",
        f"22 U.S.C. {draw(st.integers(7000, 7199))}-{draw(st.integers(7000, 7199))}",
        f"Pub. L. {draw(st.integers(100, 118))}-{draw(st.integers(1, 400))} ({year})",
        f"Form I-{draw(st.integers(100, 999))} {month}/{year}",
        f"${draw(st.integers(1, 999))},{draw(st.integers(100, 999))},000",
        f"{draw(st.sampled_from(['CA', 'NY', 'Texas']))} {draw(st.integers(10000, 99999))}-"
        f"{draw(st.integers(1000, 9999))}"]))


@settings(max_examples=MANY, deadline=None, derandomize=FIXED)
@given(st.lists(allowed_texts(), min_size=1, max_size=3),
       st.sampled_from(["; ", ", and ", ". See ", " (see ", ", then "]))
def test_the_allowed_forms_pass_in_any_combination(parts, join):
    text = "Volunteers file " + join.join(parts) + "."
    assert privacy.private(("description",), text) == [], text


# -- linear time -------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", ["1-" * 30000, "1 " * 30000, "a@" * 30000, "A1" * 30000,
                                     "1." * 30000, "(at) " * 12000, "one two " * 7500,
                                     "Client: " + "Maria " * 10000, "\u0660-" * 30000,
                                     "**1**" * 12000, "&nbsp;1" * 8500])
def test_a_60_kb_hostile_value_is_checked_in_under_a_second_of_cpu(hostile):
    with collector_paused():  # as validate_tree checks files (a full collection is not theirs)
        started = time.process_time()
        check_text(("description",), hostile)
        assert time.process_time() - started < 1.0


# -- through validate: the file, the line and the fix -------------------------------------------

from tests.conftest import PROGRAM, run  # noqa: E402


def test_a_comment_holding_an_identifier_is_refused_at_its_line_and_column(project, capsys):
    path = project / PROGRAM
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(2, "# intake for A 123 456 789, see notes")
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(project, "validate", capsys=capsys)
    assert (code, err) == (1, "1 problem(s) in 1 file(s); nothing was changed.\n")
    assert out.splitlines()[0] == (
        f"{PROGRAM}:3:14: in a comment: 'A 123 456 789' looks like an alien registration number "
        f"(A-number); listings describe programs, never clients: remove it ({GUIDE})")


def test_a_file_name_holding_an_identifier_is_refused(project, capsys):
    old = project / PROGRAM
    new = old.with_name("help-123-45-6789.yml")
    old.rename(new)
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    shown = PROGRAM.rsplit("/", 1)[0] + "/help-123-45-6789.yml"
    assert out.splitlines()[0] == (
        f"{shown}:1:1: file name 'help-123-45-6789' looks like a Social Security number; "
        f"listings describe programs, never clients: rename it without it ({GUIDE})")


def test_a_client_name_in_a_description_is_refused_through_validate(project, capsys):
    path = project / PROGRAM
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Volunteers meet the client several times", "Volunteers meet Client: Rosa Diaz often"),
        encoding="utf-8")
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{PROGRAM}:5:19: 'Client: Rosa Diaz' looks like a client's name; listings describe "
        f"programs, never clients: remove it ({GUIDE})")


@st.composite
def grouped_ascii(draw, count: int = 9) -> tuple[str, str]:
    """`count` ASCII digits cut into two or more groups by dashes (what ids and addresses hold)."""
    plain = draw(st.text("0123456789", min_size=count, max_size=count))
    cuts = sorted(draw(st.sets(st.integers(1, count - 1), min_size=1, max_size=3)))
    groups = [plain[a:b] for a, b in zip([0, *cuts], [*cuts, count], strict=True)]
    return "-".join(groups), plain


@settings(max_examples=MANY // 5, deadline=None, derandomize=FIXED)
@example(("000-01-10-00", "000011000"), "file name")  # once read as form HELP-000, 01/10/00
@given(grouped_ascii(), st.sampled_from(["comment", "link path", "link query", "link fragment",
                                         "file name", "folder name"]))
def test_a_grouped_number_is_refused_in_every_place_text_is_published(drawn, place):
    written, plain = drawn
    if place == "comment":
        words = [w for _, _, w in privacy.comments(f"title: T\n# see {written} today\n")]
        found = [m for w in words for _, m in privacy.private(("comment",), w)]
    elif place.startswith("link"):
        url = {"link path": f"https://example.org/intake/{written}",
               "link query": f"https://example.org/?q={written}",
               "link fragment": f"https://example.org/#{written}"}[place]
        found = privacy.link_problems(url)
    else:
        found = privacy.name_problems(f"help-{written}", place)
    assert found, (place, written)
    quoted = re.match(r"(?:the link's address: |\w+ name )?'([^']*)'", found[0])
    assert quoted and digits_of(quoted[1]) == plain, (place, found)  # what it quotes
