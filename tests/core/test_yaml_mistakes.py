"""Mistakes people make in YAML get a message about what they did, with the line to fix."""

from __future__ import annotations

import pytest

from tests.conftest import ORG, PROGRAM, validate_lines
from tests.core.test_broken_files import apply

LOCATION = "location:\n  state: CA\n  counties: [Alameda County]\n  remote_possible: true\n"


def test_the_fixture_has_the_block_these_tests_change(project):
    assert LOCATION in (project / PROGRAM).read_text(encoding="utf-8")


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("  counties:", "   counties:",
     "18:1: the indentation is off: 'counties' is indented by 3 spaces, but 'state' on line 17 "
     "inside 'location:' by 2 spaces; fields of one block line up exactly: indent 'counties' by "
     "2 spaces (each level is 2 spaces more than the one above, never a tab)"),
    ("  remote_possible:", " remote_possible:",
     "19:1: the indentation is off: 'remote_possible' is indented by 1 space, but 'counties' "
     "on line 18 inside 'location:' by 2 spaces; fields of one block line up exactly: indent "
     "'remote_possible' by 2 spaces (each level is 2 spaces more than the one above, never a "
     "tab)"),
    ("  state: CA", "   state: CA",
     "18:1: the indentation is off: 'counties' is indented by 2 spaces, but 'state' on line 17 "
     "inside 'location:' by 3 spaces; fields of one block line up exactly: indent 'counties' "
     "and 'state' both by 2 spaces (each level is 2 spaces more than the one above, never a "
     "tab)"),
    ("urgent: true", " urgent: true",
     "9:1: the indentation is off: 'urgent' is indented by 1 space, but 'status' on line 8 by "
     "none; fields of one block line up exactly: start 'urgent' at the beginning of the line "
     "(each level is 2 spaces more than the one above, never a tab)"),
])
def test_a_field_one_space_off_is_called_indentation(project, capsys, before, after, expected):
    apply(project, PROGRAM, before, after)
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:{expected}"]
    assert "double quotes" not in lines[0]  # the old advice, which did not help


def test_following_the_advice_fixes_it(project, capsys):
    apply(project, PROGRAM, "  counties:", "   counties:")
    assert validate_lines(project, capsys)[0] == 1
    apply(project, PROGRAM, "   counties:", "  counties:")
    assert validate_lines(project, capsys)[0] == 0


def test_a_value_with_a_colon_still_gets_the_quoting_advice(project, capsys):
    apply(project, PROGRAM, "title: U visa petitions for survivors of violent crime",
          "title: U visa petitions: survivors: violent crime")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:2:24: YAML syntax error: mapping values are not allowed in this "
                     "context; if the value contains ': ', put the whole value in double quotes"]


def test_a_field_at_the_wrong_level_names_the_block_it_belongs_in(project, capsys):
    apply(project, PROGRAM, "  remote_possible: true\n", "")
    apply(project, PROGRAM, "commitment:\n", "remote_possible: true\ncommitment:\n")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:19:1: 'remote_possible' is not a field at the top level; it "
                     "belongs in the 'location:' block: move it there, indented by 2 spaces like "
                     "the other fields of that block"]


def test_a_top_level_field_indented_into_a_block(project, capsys):
    apply(project, PROGRAM, "urgent: true\n", "")
    apply(project, PROGRAM, "  remote_possible: true\n", "  remote_possible: true\n  urgent: true\n")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines == [f"{PROGRAM}:19:3: 'urgent' is not a field of 'location:'; it is a top-level "
                     "field: remove the spaces before it, so it starts at the beginning of the "
                     "line"]


def test_a_deeper_field_names_its_whole_block(project, capsys):
    apply(project, PROGRAM, "  case_screening: true\n", "  case_screening: true\n  dates: [2026-12-03]\n")
    code, lines = validate_lines(project, capsys)
    assert code == 1
    assert lines[0].endswith("'dates' is not a field in 'support:'; it belongs in the "
                             "'support: training:' block: move it there, indented by 4 spaces "
                             "like the other fields of that block")


def test_a_typo_in_a_field_name_still_gets_a_suggestion(project, capsys):
    apply(project, PROGRAM, "  remote_possible:", "  remote_posible:")
    code, lines = validate_lines(project, capsys)
    assert lines[0].endswith("unknown field 'remote_posible' in 'location:'; did you mean "
                             "'remote_possible'?")


# A field as near to an outer block as to an inner one, or inside a list item: the advice names
# the block that can hold it, and following the advice gives a file that validates.
@pytest.mark.parametrize(("path", "before", "after", "expected"), [
    (PROGRAM, "commitment:", " commitment:",
     "20:1: the indentation is off: 'commitment' is indented by 1 space, but 'location' on line "
     "16 by none; fields of one block line up exactly: start 'commitment' at the beginning of "
     "the line (each level is 2 spaces more than the one above, never a tab)"),
    (PROGRAM, "  cle_credit:", "   cle_credit:",
     "34:1: the indentation is off: 'cle_credit' is indented by 3 spaces, but 'training' on line "
     "30 inside 'support:' by 2 spaces; fields of one block line up exactly: indent 'cle_credit' "
     "by 2 spaces (each level is 2 spaces more than the one above, never a tab)"),
    (ORG, "    role: Co", "     role: Co",
     "20:1: the indentation is off: 'role' is indented by 5 spaces, but 'name' on line 19 inside "
     "'partners:' by 4 spaces; fields of one block line up exactly: indent 'role' by 4 spaces "
     "(each level is 2 spaces more than the one above, never a tab)"),
    (ORG, "    role: Co", "   role: Co",
     "20:1: the indentation is off: 'role' is indented by 3 spaces, but 'name' on line 19 inside "
     "'partners:' by 4 spaces; fields of one block line up exactly: indent 'role' by 4 spaces "
     "(each level is 2 spaces more than the one above, never a tab)"),
])
def test_the_advice_names_the_block_that_holds_the_field(project, capsys, path, before, after,
                                                         expected):
    apply(project, path, before, after)
    code, lines = validate_lines(project, capsys)
    assert (code, lines) == (1, [f"{path}:{expected}"])
    apply(project, path, after, before)  # as the message says
    assert validate_lines(project, capsys)[0] == 0
