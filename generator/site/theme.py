"""What the generated pages tell the theme, Material for MkDocs: the only code here that knows it.

A generated page is Markdown with YAML front matter: a heading and one block of HTML
(generator/site/render.py). Material reads the front matter as `page.meta`: the title for
<title> and the header, the description for the meta tag, `hide` for the columns it leaves out,
and `feeds` for the Atom links that overrides/main.html writes into the head. Material writes
the title and the description into the page as they are, unescaped, so both go in escaped.

Material's end of life is announced for May 2027; another theme or engine needs only another
version of this module (ProperDocs builds the site with this one unchanged).
"""

from __future__ import annotations

import html
import json
from typing import Any


def front_matter(title: str, description: str | None = None,
                 feeds: list[tuple[str, str]] | None = None) -> str:
    """The front matter of a generated page, between its two `---` lines.

    No navigation column and no table of contents: the generated pages are not in the
    navigation, so the column stood empty. `generated` marks them for the plugin.
    """
    values: dict[str, Any] = {"title": html.escape(title), "hide": ["navigation", "toc"],
                              "generated": True}
    if description:
        values["description"] = attribute(description)
    if feeds:  # (title, site path) for each Atom link in the head
        values["feeds"] = [{"title": attribute(name), "href": target} for name, target in feeds]
    # every value in JSON form, which YAML reads the same
    body = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                   for key, value in values.items())
    return f"---\n{body}---\n"


def attribute(text: str) -> str:
    """Text for a value Material puts into an HTML attribute without escaping it."""
    return html.escape(text.replace("\n", " "), quote=True)
