"""One broken file per kind of mistake: the exact message, line, column and exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ORG, PROGRAM, run

P = PROGRAM

# (case id, file, text to find, replacement, expected output lines, JSON Schema must reject)
CASES = [
    ("unknown-key", P, "urgent: true", "urgnet: true",
     [f"{P}:9:1: unknown field 'urgnet'; did you mean 'urgent'?"], True),
    ("unknown-nested-key", P, "  remote_possible: true", "  remote: true",
     [f"{P}:19:3: unknown field 'remote' in 'location:'; did you mean 'remote_possible'?"], True),
    ("vocabulary-typo", P, "remedies: [u-visa]", "remedies: [u-vissa]",
     [f"{P}:12:12: remedies: 'u-vissa' is not a known remedy; did you mean 'u-visa'?"], True),
    ("vocabulary-label", P, "remedies: [u-visa]", "remedies: [T visa]",
     [f"{P}:12:12: remedies: 'T visa' is not a known remedy; did you mean 't-visa'?"], True),
    ("vocabulary-small-list", P, "status: open", "status: active",
     [f"{P}:8:9: status: 'active' is not a known status; use one of: open, paused, being-set-up, closed, unknown"],
     True),
    # NO stays text (Norwegian's code), never false; the name is answered with its code
    ("norway-problem", ORG, "languages: [en, es]", "languages: [english, NO]",
     [f"{ORG}:13:13: languages: 'english' is not an ISO 639 language code; for English "
      "write en"], True),
    ("yes-is-not-a-flag", P, "urgent: true", "urgent: yes",
     [f"{P}:9:9: urgent: expected true or false, got 'yes'; write true or false, or leave the "
      "field out if nobody has said"], True),
    ("bad-date", P, "added: 2026-10-15", "added: 2026-13-15",
     [f"{P}:46:8: added: expected a date written YYYY-MM-DD, got '2026-13-15'; for example "
      "2026-11-22"], True),
    ("us-style-date", P, "  date: 2026-11-01", "  date: 11/01/2026",
     [f"{P}:44:9: date: expected a date written YYYY-MM-DD, got '11/01/2026'; for example "
      "2026-11-22"], True),
    ("missing-required", P, "title: U visa petitions for survivors of violent crime\n", "",
     [f"{P}:2:1: 'title' is missing; add 'title:' (The opportunity's name as an attorney would "
      "search for it.)"], True),
    ("missing-nested", P, "  by: maintainers\nadded", "added",
     [f"{P}:43:1: 'by' is missing; add 'by:' (Who checked them. One of: `organization` (The "
      "organization itself confirmed the facts); `maintainers` (The directory's maintainers "
      "checked the facts against the source above; the organization did not confirm them).)"],
     True),
    ("scalar-for-list", P, "remedies: [u-visa]", "remedies: u-visa",
     [f"{P}:12:11: remedies: expected a list, got 'u-visa'; write each item on its own line "
      "starting with '- ', or write [first, second]"], True),
    ("list-for-text", P, "title: U visa petitions for survivors of violent crime",
     "title: [U visa]",
     [f"{P}:2:8: title: expected text, got a list; write a single value"], True),
    ("text-for-block", P, "commitment:\n  length: months\n  duration: 6 to 12 months\n"
     "  team_size: 2 to 3", "commitment: six months",
     [f"{P}:20:13: commitment: expected indented 'field: value' lines, got 'six months'; see "
      "content/contribute/fields.md for this field"], True),
    ("javascript-link", P, "  interest_form: https://example.org/interest",
     "  interest_form: javascript:alert(1)",
     [f"{P}:40:18: interest_form: 'javascript:alert(1)' is not a link this directory accepts; "
      "write the full address starting with https://, http:// or mailto:"], True),
    ("bad-email", ORG, "  email: probono@example.org", "  email: probono at example.org",
     [f"{ORG}:17:10: email: 'probono at example.org' is not a valid email address (an email "
      "address must have an @-sign); write it as probono@example.org"], True),
    ("bad-phone", ORG, "  email: probono@example.org", "  phone: call us",
     [f"{ORG}:17:10: phone: 'call us' is not a phone number; write digits with spaces, dashes "
      "or parentheses, e.g. (415) 555-0100"], True),
    ("too-long-summary", P, "summary: Prepare", "summary: " + "x" * 300 + " Prepare",
     [f"{P}:3:10: summary: too long (380 characters, at most 300); shorten it"], True),
    ("empty-list", P, "kinds_of_work: [full-representation]", "kinds_of_work: []",
     [f"{P}:10:16: kinds_of_work: the list is empty; give at least one value"], True),
    ("two-line-title", P, "title: U visa petitions for survivors of violent crime",
     'title: "U visa petitions\\nfor survivors"',
     [f"{P}:2:8: title: 'U visa petitions\\nfor survivors' must fit on one line; keep it short, "
      "or move the details into description"], True),
    # YAML pitfalls
    ("duplicate-key", P, "urgent: true", "urgent: true\nurgent: false",
     [f"{P}:10:1: 'urgent' appears twice in this block (first on line 9); keep one and delete "
      "the other"], False),
    ("anchor-and-alias", P, "clients: [violent-crime-victims]\nclient_languages: [es]",
     "clients: &c [violent-crime-victims]\nclient_languages: *c",
     [f"{P}:13:10: an anchor (&c) is used here; anchors and aliases are not allowed: write each "
      "value out in full",
      f"{P}:14:19: an alias (*c) is used here; aliases and anchors are not allowed: write the "
      "value out in full"], False),
    ("python-tag", P, "urgent: true", "urgent: !!python/object/apply:os.system [ls]",
     [f"{P}:9:9: a YAML tag (tag:yaml.org,2002:python/object/apply:os.system) is used here; "
      "tags are not allowed: remove it and write the plain value"], True),
    ("tab-indent", P, "  state: CA", "\tstate: CA",
     [f"{P}:17:1: a tab is used for indentation; indent with spaces"], False),
    ("syntax-colon", P, "title: U visa petitions for survivors of violent crime",
     "title: U visa: petitions for survivors",
     [f"{P}:2:14: YAML syntax error: mapping values are not allowed in this context; if the "
      "value contains ': ', put the whole value in double quotes"], False),
    ("second-document", P, "added: 2026-10-15", "added: 2026-10-15\n---\ntitle: again",
     [f"{P}:47:1: a second YAML document starts here; a file holds one listing: remove the "
      "'---' line and what follows, or move it to its own file"], False),
    ("not-a-mapping", P, None, "# yaml-language-server: $schema=../../schema/listing.schema"
     ".json\n- just\n- a list\n",
     [f"{P}:2:1: the file must be a list of 'field: value' lines; see CONTRIBUTING.md"], True),
    ("missing-header", P, "# yaml-language-server: $schema=../../schema/listing.schema.json\n",
     "",
     [f"{P}:1:1: the first line must be '# yaml-language-server: $schema=../../schema/"
      "listing.schema.json' so editors check the file as you type; add it as line 1"], False),
    ("future-verification", P, "  date: 2026-11-01", "  date: 2099-01-01",
     [f"{P}:44:9: 2099-01-01 is in the future; give the date the facts were actually checked "
      "or added"], False),
    # hostile text and client details
    ("script-tag", P, "program. See", "program. <script>alert(1)</script> See",
     [f"{P}:7:12: HTML ('<script>') is not allowed; write plain text or Markdown: **bold**, "
      "*italic*, [words](https://link), '- ' lists"], False),
    ("event-handler-attr", P, "program. See", "program. {: onclick=\"alert(1)\" } See",
     [f"{P}:7:12: curly-brace attributes ({{: ...}}) are not allowed; remove them"], False),
    ("markdown-js-link", P, "(https://www.uscis.gov/)", "(javascript:alert(1))",
     [f"{P}:7:33: link target 'javascript:alert(1' is not allowed; links start with https://, "
      "http:// or mailto:"], False),
    ("a-number", P, "gather records", "gather records for A-123-456-789",
     [f"{P}:5:64: 'A-123-456-789' looks like an alien registration number (A-number); listings "
      "describe programs, never clients: remove it (the privacy rules: content/contribute/privacy.md)"], False),
    ("date-of-birth", P, "gather records", "gather records (DOB: 03/14/1998)",
     [f"{P}:5:61: 'DOB: 03/14/1998' looks like a date of birth; listings describe programs, "
      "never clients: remove it (the privacy rules: content/contribute/privacy.md)"], False),
    ("case-number", P, "gather records", "gather records in case no. 22-CR-01234",
     [f"{P}:5:63: 'case no. 22-CR-01234' looks like a case or docket number; listings describe "
      "programs, never clients: remove it (the privacy rules: content/contribute/privacy.md)"], False),
    ("receipt-number", P, "gather records", "gather records for EAC2190012345",
     [f"{P}:5:64: 'EAC2190012345' looks like a USCIS receipt number; listings describe "
      "programs, never clients: remove it (the privacy rules: content/contribute/privacy.md)"], False),
    ("email-in-text", P, "gather records", "gather records (maria.g@gmail.com)",
     [f"{P}:5:61: 'maria.g@gmail.com' is an email address in the text; a contact's address "
      "goes in contact.email, and a client's never goes in a listing (the privacy rules: content/contribute/privacy.md)"], False),
    ("phone-in-text", P, "gather records", "gather records, call 415-555-0199",
     [f"{P}:5:66: '415-555-0199' is a phone number in the text; a contact's number goes "
      "in contact.phone, and a client's never goes in a listing (the privacy rules: content/contribute/privacy.md)"], False),
]


def apply(project: Path, name: str, old: str | None, new: str) -> Path:
    path = project / name
    text = path.read_text(encoding="utf-8")
    if old is None:
        path.write_text(new, encoding="utf-8")
    else:
        assert old in text, f"test case out of date: {old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_file_is_reported_exactly(project, capsys, case):
    _, name, old, new, expected, _ = case
    apply(project, name, old, new)
    code, out, err = run(project, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines() == expected
    assert "Traceback" not in out + err
    assert err.strip() == f"{len(expected)} problem(s) in 1 file(s); nothing was changed."


def test_every_problem_in_every_file_is_reported_at_once(project, capsys):
    for _, name, old, new, _, _ in [CASES[0], CASES[2], CASES[15]]:
        apply(project, name, old, new)
    code, out, _ = run(project, "validate", capsys=capsys)
    assert code == 1
    assert len(out.splitlines()) == 3
    assert {line.split(":")[0] for line in out.splitlines()} == {ORG, P}


def test_valid_project_passes(capsys):
    from tests.conftest import VALID

    code, out, err = run(VALID, "validate", capsys=capsys)
    assert (code, err) == (0, "")
    assert out == "ok: 1 organizations, 1 listings, no problems.\n"
