"""The Markdown subset allowed in text fields, turned into HTML that is safe to put on a page.

markdown-it-py reads CommonMark (a list may follow a paragraph without a blank line, as people
write it) with raw HTML turned off, and about seven times faster than Python-Markdown, which
matters with 10,000 descriptions. Its output is still cleaned by nh3 (the ammonia sanitizer)
with a short allow-list: no script, no event handler, no style ever reaches a page, whatever the
validator let through.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "br", "code", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_SCHEMES = {"http", "https", "mailto"}
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def to_html(text: str | None) -> Markup:
    """Markdown text from a data file as sanitized HTML (escaped exactly once)."""
    if not text:
        return Markup("")
    rendered = _MARKDOWN.renderer.render(tokens(text), _MARKDOWN.options, {})
    return Markup(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                            url_schemes=LINK_SCHEMES, link_rel="noopener noreferrer"))


_OUTBOUND = re.compile(r'<a\b(?![^>]*\brel=)([^>]*\bhref="(?:https?:)?//[^"]*"[^>]*)>', re.I)


def harden_links(page_html: str) -> str:
    """Give every outbound link rel="noopener noreferrer" (hand-written pages' links too)."""
    return _OUTBOUND.sub(r'<a\1 rel="noopener noreferrer">', page_html)


@functools.lru_cache(maxsize=64)
def tokens(text: str) -> tuple[Any, ...]:
    """The text's Markdown tokens, read with the same rules as to_html (for plain text).

    A listing's page reads its description twice (as HTML, and as plain text for its JSON-LD);
    the last few readings are kept, so each is parsed once. Never change the tokens returned.
    """
    return tuple(_MARKDOWN.parse(text))


def md_text(text: str) -> str:
    """One line of plain text that renders as itself in Markdown (a job summary, an issue):
    spaces collapsed, every Markdown and HTML punctuation mark escaped."""
    return "".join("\\" + c if c in "\\`*_{}[]()<>#+-.!|~" else c
                   for c in " ".join(text.split()))


def md_heading(text: str) -> str:
    """Plain text made safe for a Markdown heading: HTML-escaped, Markdown punctuation escaped."""
    escaped = html.escape(text, quote=False)
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|" else c for c in escaped)
