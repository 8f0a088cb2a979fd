"""Fuzzing the loader and the validator: whatever a file holds, the answer is a list of problems
(file, line, column, one line of message) or a valid listing, never a crash or a traceback, and
no file takes a second to check.

Each strategy runs FUZZ_EXAMPLES examples (5,000 in the suite, the same ones on every run);
`make fuzz` runs many more, new ones each time (HYPOTHESIS_PROFILE=explore).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.core.load import MAX_BYTES, SourceFile
from generator.core.memory import collector_paused
from generator.core.model import LISTING_MODELS, Organization
from generator.core.problems import Problem
from generator.core.validate import read_tree, validate_file
from tests.conftest import SITE_DATA, TODAY

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5000"))
# seconds of this process's CPU time (not the wall clock, which other processes on a shared
# machine stretch): no file, however built, takes longer to check
SLOWEST = 1.0
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FIXTURES = sorted(SITE_DATA.glob("orgs/*/*.yml"))
TEXTS = [path.read_text(encoding="utf-8") for path in FIXTURES]
_FOLDER = Path(tempfile.mkdtemp(prefix="probono-fuzz-"))
(_FOLDER / "orgs" / "fuzz-org").mkdir(parents=True)
PROGRAM = SourceFile("program", "fuzz-org", "fuzzed", _FOLDER / "orgs" / "fuzz-org" / "fuzzed.yml",
                     "orgs/fuzz-org/fuzzed.yml")
ORGANIZATION = SourceFile("organization", "fuzz-org", "fuzz-org",
                          _FOLDER / "orgs" / "fuzz-org" / "organization.yml",
                          "orgs/fuzz-org/organization.yml")

# Characters that have broken, or could break, a reader: YAML's own, the line breaks only YAML
# sees, invisible and look-alike characters, digits of other scripts, surrogates' neighbours
HOSTILE = list(":-[]{}&*!|>'\"#%@`,?\n\t\r \\~.0123456789aAzZ") + [
    "\u2028", "\u2029", "\x85", "\x00", "\x1b", "\x7f", "\u200b", "\u200d", "\u2060", "\ufeff",
    "\u00a0", "\u3000", "\u202e", "\u00ad", "\u0301", "\u0660", "\u0665", "\u066b", "\uff11",
    "\u0430", "\u0435", "\u03bf", "\U0001f600", "\ufffd", "\U000e0041", "\u115f", "\u2800",
    "é", "ñ", "İ", "ß", "ﬁ", "\uffff", "\U0010ffff"]
hostile_text = st.text(alphabet=st.sampled_from(HOSTILE), max_size=40)
any_text = st.text(max_size=40)


def check(raw: bytes, source: SourceFile = PROGRAM) -> list[Problem]:
    """Validate one file; what every answer must be, whatever the file held."""
    source.path.write_bytes(raw)
    # validate_tree pauses the cyclic garbage collector while it checks files; so does this,
    # or a full collection of the whole test run's memory (over a second, late in the suite:
    # '!@' once "took" 1.13 s) would be counted against the file that happened to start it
    with collector_paused():
        started = time.process_time()
        entry, problems = validate_file(source, TODAY)
        took = time.process_time() - started
    assert took < SLOWEST, f"{took:.2f} s to check {len(raw)} bytes"
    assert (entry is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == source.shown_as
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and "Traceback" not in problem.message
        assert "\n" not in str(problem) and "\r" not in str(problem)
    return problems


# -- strategies ----------------------------------------------------------------------------------

@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real listing with a few edits: text put in, cut out, a line repeated or moved."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "insert", "delete", "repeat", "indent", "swap"]))
        if kind == "insert":
            text = text[:at] + draw(hostile_text | any_text) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            lines = text.split("\n")
            number = at * len(lines) // (len(text) + 1)
            if kind == "repeat":
                lines.insert(number, lines[number])
            elif kind == "indent":
                lines[number] = " " * draw(st.integers(1, 7)) + lines[number]
            else:
                other = draw(st.integers(0, len(lines) - 1))
                lines[number], lines[other] = lines[other], lines[number]
            text = "\n".join(lines)
    return text.encode("utf-8", "surrogatepass")


FIELDS = sorted({name for model in (Organization, *LISTING_MODELS.values())
                 for name in model.model_fields} | {"state", "counties", "hours", "date"})
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text,
                    any_text, st.dates().map(dt.date.isoformat),
                    st.sampled_from(["program", "case", "training", "open", "CA", "u-visa",
                                     "0x10", "\u0665", "1e2", "1_000", ".nan", "-1", "1.3"]))
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(FIELDS) | hostile_text, inner, max_size=6)), max_leaves=30)


@st.composite
def repeated(draw: st.DrawFn) -> bytes:
    """A short piece repeated up to the size limit, where a slow pattern would show: in a
    description, a title, a list, or as the whole file."""
    unit = draw(st.text(alphabet=st.sampled_from(HOSTILE), min_size=1, max_size=6))
    count = draw(st.integers(1, MAX_BYTES // (4 * len(unit.encode("utf-8", "surrogatepass")))))
    body = unit * count
    where = draw(st.sampled_from(["description", "title", "list", "file", "nested"]))
    base = TEXTS[FIXTURES.index(SITE_DATA / "orgs/bay-legal-aid/u-visa-petitions.yml")]
    if where == "description":
        text = base.replace("description: |\n", "description: |\n  " + body.replace("\n", " ")
                            + "\n", 1)
    elif where == "title":
        text = base.replace("title: U visa", f"title: {body!r}", 1)
    elif where == "list":
        text = base.replace("remedies: [u-visa]", f"remedies: [{body}]", 1)
    elif where == "nested":
        text = f"{base}extra: {body}\n"
    else:
        text = body
    return text.encode("utf-8", "surrogatepass")


# -- the tests -----------------------------------------------------------------------------------

@FUZZ
@given(mutated())
@example("# x\ntitle: [".encode() + b"[" * 30000)  # segfaulted libyaml's composer
@example(TEXTS[0].replace("\n", "\r").encode())
def test_an_edited_listing_never_crashes(raw):
    check(raw)


@FUZZ
@given(mutated())
def test_an_edited_file_read_as_an_organization_never_crashes(raw):
    check(raw, ORGANIZATION)


@FUZZ
@given(trees)
def test_any_yaml_tree_never_crashes(tree):
    check(yaml.safe_dump(tree, allow_unicode=True).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=2000) | st.text(alphabet=st.sampled_from(HOSTILE), max_size=400)
       .map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_never_crash(raw):
    check(raw)


@FUZZ
@given(repeated())
@example(b"- " * 30000)
@example(b"? " * 30000)
@example(("title: " + "[{" * 15000).encode())
@example(("description: " + "00{" * 20000).encode())  # 1.7 s for 8 KB: the attributes pattern
@example(("description: " + "<a" * 30000).encode())  # the HTML pattern, from every "<"
def test_long_repetitive_input_is_checked_in_time(raw):
    check(raw)


@settings(EXAMPLES and FUZZ, max_examples=max(1, EXAMPLES // 10))
@given(st.lists(st.tuples(hostile_text | any_text, hostile_text | any_text), min_size=2,
                max_size=4))
def test_organizations_with_any_names_never_crash_the_checks_across_files(names):
    """The checks across files (look-alike names and hosts, ids, links) on fuzzed names."""
    root = Path(tempfile.mkdtemp(prefix="probono-fuzz-tree-"))
    try:
        shutil.copytree(SITE_DATA / "orgs", root / "orgs")
        for folder, (name, short) in zip(sorted((root / "orgs").iterdir()), names):
            path = folder / "organization.yml"
            text = path.read_text(encoding="utf-8")
            line = f"name: {json.dumps(name, ensure_ascii=False)}"
            text = re.sub(r"(?m)^name: .*$", lambda _: line, text, count=1)  # noqa: B023
            if short:
                text += f"short_name: {json.dumps(short, ensure_ascii=False)}\n"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        started = time.process_time()
        _, problems = read_tree(root, TODAY)
        assert time.process_time() - started < 10 * SLOWEST  # 17 files
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1 and "\n" not in str(problem)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("run", ["0" * 20000, "1-" * 4000, "0- " * 4000, "a" * 20000 + "@"])
def test_a_long_run_of_word_characters_is_checked_in_time(run):
    base = TEXTS[FIXTURES.index(SITE_DATA / "orgs/bay-legal-aid/u-visa-petitions.yml")]
    check(base.replace("description: |\n", f"description: |\n  {run}\n", 1).encode())
