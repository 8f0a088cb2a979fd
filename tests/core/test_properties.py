"""Random bytes and random YAML never crash the loader: they give problems, never tracebacks."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.load import parse
from generator.core.model import Program
from generator.core.problems import Problem
from generator.core.validate import _explain, _text_problems

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=40), st.dates().map(dt.date.isoformat))
keys = st.sampled_from(list(Program.model_fields) + ["x", "state", "remote_possible"])
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys | st.text(max_size=8), inner, max_size=5)),
    max_leaves=25)


def _check(raw: bytes) -> None:
    doc, problems = parse(raw, "f.yml")
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)
    if problems or not isinstance(doc.data, dict):
        return
    _text_problems(doc, "program")
    try:
        Program.model_validate(doc.data)
    except Exception as exc:  # only pydantic's ValidationError is expected
        assert type(exc).__name__ == "ValidationError"
        for error in exc.errors():
            assert "\n" not in str(_explain(doc, Program, error))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(raw):
    _check(raw)


@settings(max_examples=300, deadline=None)
@given(trees)
def test_random_yaml_never_crashes(tree):
    _check(yaml.safe_dump(tree, allow_unicode=True).encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\n\t ab1")), max_size=80))
def test_yaml_punctuation_soup_never_crashes(text):
    _check(text.encode("utf-8"))


def test_alias_bomb_is_refused_quickly():
    rows = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    rows += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
             for i in range(1, 12)]
    doc, problems = parse("\n".join(rows).encode(), "bomb.yml")
    assert problems and "anchor" in problems[0].message
    assert len(str(doc.data)) < 10_000  # aliases were not expanded


_segments = st.lists(st.sampled_from(["a", "b", "opportunities", "browse", "page-2"]), max_size=4)


@settings(max_examples=500, deadline=None)
@given(_segments, st.booleans(), _segments, st.sampled_from(["", "/", ".css"]))
def test_relative_links_are_what_relpath_gives(here, slash, target, end):
    import posixpath

    from generator.site.render import relative

    here_path = "/".join(here) + ("/" if slash and here else "")
    target_path = "/".join(target) + (end if target else "")
    expected = posixpath.relpath(target_path or ".", here_path or ".")
    if target_path.endswith("/") and not expected.endswith("/"):
        expected += "/"
    assert relative(here_path, target_path) == expected
