"""The guides say where each statement of law comes from and when it was checked.

A guide is sourced by footnotes: every paragraph and every list of a guide's text carries at least
one footnote reference, and every footnote names its source, links it, and says on which day it
was checked ("Checked December 3, 2026."). The footnotes are printed under the guide's own
"Sources" heading, never as one date stamped on the whole page.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
import yaml
from markdown.treeprocessors import Treeprocessor

from tests.conftest import ROOT

GUIDES = ROOT / "content" / "guides"
PAGES = sorted(p for p in GUIDES.glob("*.md") if p.name != "index.md")
# Sections that hold no statement of their own: the generated list of listings, and the footnotes.
UNSOURCED_SECTIONS = {"Opportunities in this directory", "Sources"}
CHECKED = re.compile(r"\bChecked (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) (\d{1,2}), (\d{4})\.")
FOOTNOTE = re.compile(r"^\[\^([^\]]+)\]:[ \t]*(.*(?:\n(?:[ \t]{4}.*|[ \t]*(?=\n[ \t]{4})))*)",
                      re.MULTILINE)
PLACE_MARKER = "///Footnotes Go Here///"


def _extensions() -> tuple[list[object], dict[str, object]]:
    """The Markdown extensions mkdocs.yml gives the site (names and their settings)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda *_: None)  # !ENV and python/ tags: not needed here
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(item)
    return names, settings


class _Keep(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self.md.kept_tree = root  # type: ignore[attr-defined]


def _tree(text: str) -> ET.Element:
    names, settings = _extensions()
    md = markdown.Markdown(extensions=names, extension_configs=settings)
    md.treeprocessors.register(_Keep(md), "keep", 0)
    md.convert(text)
    return md.kept_tree  # type: ignore[attr-defined]


def _has_reference(element: ET.Element) -> bool:
    return any("footnote-ref" in (a.get("class") or "") for a in element.iter("a"))


def _heading(element: ET.Element) -> str:
    """A heading's words, without the permalink the table of contents adds after them."""
    return (element.text or "").strip()


def _unsourced_blocks(text: str) -> list[str]:
    """The paragraphs and lists of a guide's text that cite no footnote."""
    missing, section = [], ""
    for element in _tree(text):
        if element.tag in ("h1", "h2"):
            section = _heading(element)
            continue
        if element.tag not in ("p", "ul", "ol") or section in UNSOURCED_SECTIONS:
            continue  # headings, admonitions, the footnotes, raw HTML
        if not _has_reference(element):
            missing.append(f"{section}: {''.join(element.itertext()).strip()[:80]}")
    return missing


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_paragraph_and_list_of_a_guide_cites_a_source(page):
    assert _unsourced_blocks(page.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_source_is_linked_and_says_when_it_was_checked(page):
    text = page.read_text(encoding="utf-8")
    notes = dict(FOOTNOTE.findall(text))
    assert notes, "a guide with no footnotes cites nothing"
    today = dt.date.today()
    for name, note in notes.items():
        assert re.search(r"\]\(https://[^)\s]+\)", note), f"[^{name}] links no source"
        checked = CHECKED.findall(note)
        assert checked, f"[^{name}] does not say 'Checked <Month D, YYYY>.'"
        for month, day, year in checked:
            assert dt.datetime.strptime(f"{month} {day} {year}", "%B %d %Y").date() <= today
    cited = set(re.findall(r"\[\^([^\]]+)\](?!:)", text))
    assert cited == set(notes), "every footnote is cited, and every citation has its footnote"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_the_footnotes_print_under_the_guides_sources_heading(page):
    text = page.read_text(encoding="utf-8")
    assert re.search(rf"^## Sources\n\n{re.escape(PLACE_MARKER)}$", text, re.MULTILINE)
    sections = [(_heading(e), e) for e in _tree(text)]
    after_sources = False
    for heading, element in sections:
        if element.tag == "h2":
            after_sources = heading == "Sources"
        if element.tag == "div" and "footnote" in (element.get("class") or ""):
            assert after_sources
            break
    else:
        pytest.fail("the footnotes were not printed")


@pytest.mark.parametrize("page", sorted(GUIDES.glob("*.md")), ids=lambda p: p.stem)
def test_no_guide_stamps_one_checked_date_on_the_whole_page(page):
    assert not re.search(r"[Ss]ources checked as of", page.read_text(encoding="utf-8"))


def test_a_paragraph_without_a_footnote_is_found():
    text = ("# G\n\n## What it is\n\nA fact.[^a]\n\nAn unsourced claim.\n\n- a list[^a]\n\nText.[^a]\n\n"
            "- a bare list\n\n## Sources\n\n///Footnotes Go Here///\n\n"
            "[^a]: [Statute](https://example.org). Checked December 1, 2026.\n")
    assert _unsourced_blocks(text) == ["What it is: An unsourced claim.", "What it is: a bare list"]
