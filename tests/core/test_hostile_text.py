"""Hostile text in every text field reaches the pages escaped or sanitized, exactly once.

The validator refuses HTML in data files; this test goes around it (as a bug in the validator
would) to show that the rendering path is safe on its own: Jinja2 autoescape for plain fields,
Markdown plus nh3 for Markdown fields, and Material's templates for titles.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

import yaml
from pydantic import ValidationError

from generator.adapters import mkdocs_plugin
from generator.core.directory import Directory, OrgEntry, ProgramEntry
from generator.core.model import Organization, Program
from tests.conftest import ORG, PROGRAM, VALID, make_project, skip_builds_when_fast

HOSTILE = ('<script>alert(1)</script> "><img src=x onerror=alert(2)> {: onclick="alert(3)" } '
           '[x](javascript:alert(4)) {{ 7*7 }} {% if 1 %}j{% endif %} *em* </title> & done')


def _hostile(model: type, data: Any) -> tuple[Any, int]:
    """Put HOSTILE into every string field the model accepts it in; count the fields."""
    count = 0

    def walk(node: Any) -> None:
        nonlocal count
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            if isinstance(value, (dict, list)):
                walk(value)
            elif isinstance(value, str):
                node[key] = HOSTILE
                try:
                    model.model_validate(data)
                    count += 1
                except ValidationError:
                    node[key] = value

    walk(data)
    return model.model_validate(data), count


def _hostile_directory() -> tuple[Directory, int]:
    org_data = yaml.safe_load((VALID / ORG).read_text())
    org_data["figures"][0]["as_of"] = "2025"
    org_data["location"]["counties"] = ["Alameda County"]
    program_data = yaml.safe_load((VALID / PROGRAM).read_text())
    program_data["volunteers"]["notes"] = "n"
    program_data["commitment"]["hours"] = "h"
    program_data["partners"] = [{"name": "p", "role": "r"}]
    program_data["contact"].update(name="n", role="r", notes="n")
    org, org_fields = _hostile(Organization, org_data)
    program, program_fields = _hostile(Program, program_data)
    directory = Directory(
        organizations={"bay-legal-aid": OrgEntry("bay-legal-aid", ORG, org)},
        programs={"u-visa-petitions": ProgramEntry("u-visa-petitions", "bay-legal-aid", PROGRAM,
                                                   program)})
    return directory, org_fields + program_fields


class _Elements(HTMLParser):
    """What a browser would see: every tag, attribute and inline script."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs
        kind = dict(attrs).get("type") or "text/javascript"
        # a JSON data block is not run; its "<" is written as \u003c, so it cannot end early
        self._in_script = tag == "script" and "json" not in kind

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def test_hostile_text_is_escaped_once_everywhere(tmp_path, monkeypatch):
    skip_builds_when_fast()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    directory, fields = _hostile_directory()
    assert fields >= 20  # every free-text field got the hostile string
    monkeypatch.setattr(mkdocs_plugin, "validate_tree", lambda *a, **k: directory)
    project = make_project(tmp_path / "project", VALID / "orgs")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "out")))

    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.html")]
    program = (tmp_path / "out" / "opportunities" / "u-visa-petitions" / "index.html").read_text()
    for text in pages:
        parser = _Elements()
        parser.feed(text)
        assert not [a for a in parser.attributes if a[0].startswith("on")], "an event handler"
        links = [v for k, v in parser.attributes if k in ("href", "src", "action") and v]
        assert not [v for v in links if v.strip().lower().startswith("javascript:")]
        assert not [s for s in parser.scripts if "alert" in s], "an injected script"
        assert not [t for t in parser.tags if t in ("img", "iframe", "style")]
        assert "&amp;lt;" not in text and "&amp;amp;" not in text, "escaped twice"
    # plain fields show the words as typed: escaped once, never run as a template
    assert html.escape(HOSTILE, quote=False) in program
    assert program.count("{{ 7*7 }}") >= 10 and "{% if 1 %}j{% endif %}" in program
    title = re.search(r"<title>(.*?)</title>", program, re.S).group(1)
    assert "<" not in title and title.startswith("&lt;script&gt;alert(1)&lt;/script&gt;")


def test_hostile_markdown_is_sanitized():
    from generator.core.markup import to_html

    out = str(to_html(HOSTILE + "\n\n<a href='javascript:x' onclick='y'>z</a>"
                                "<iframe src=//evil.example></iframe><style>*{}</style>"))
    assert "<script" not in out and "<iframe" not in out and "<style" not in out
    assert not re.search(r"<[^>]+\son\w+\s*=", out)
    # a javascript: link never becomes a link (its text may stay, escaped)
    assert not re.search(r"<a\b[^>]*javascript:", out, re.I)
    assert "<em>em</em>" in out and "{{ 7*7 }}" in out
