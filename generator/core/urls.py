"""Where each generated page lives in the site, as a path relative to the site's root.

Every stage that links to a page (render, export, feeds, calendars, linked data) asks here, so
an address is written in one place.
"""

from __future__ import annotations

from generator.core.load import slug

# mkdocs.yml's site_name, for files written without it (feeds, calendars in tests and tools)
SITE_NAME = "Pro Bono Directory for Survivors' Advocates"


def page_url(path: str) -> str:
    """The directory-style URL MkDocs gives a page path: a/b.md -> a/b/, a/index.md -> a/."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute(site_url: str, url: str) -> str:
    """A page's address under the site's public address, or its path from the site's root
    when the address is not known."""
    return f"{site_url.rstrip('/')}/{url}" if site_url else f"/{url}"


LISTINGS = "opportunities"  # the folder of every listing's page


def program_page(program_id: str) -> str:
    """A listing's page as the engine is given it (Markdown, inside the docs folder)."""
    return f"{LISTINGS}/{program_id}.md"


def program_url(program_id: str) -> str:
    return page_url(program_page(program_id))


def org_url(org_id: str) -> str:
    return f"organizations/{org_id}/"


def browse_url(facet: str, value: str | None = None, page: int = 1) -> str:
    url = f"browse/{facet}/" + (f"{slug(value)}/" if value else "")
    return url + (f"page-{page}/" if page > 1 else "")
