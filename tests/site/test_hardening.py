"""Every page carries its Content-Security-Policy and referrer policy, and nothing breaks under
them: no inline script or handler, no style attribute, and the finder still searches."""

from __future__ import annotations

import re

import pytest

from tests.conftest import open_page
from tests.site.test_accessibility import PAGES

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")


def test_every_page_carries_the_policies_and_no_inline_code(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text.split("</head>")[0]
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in head, page
        assert '<meta name="referrer" content="no-referrer">' in head, page
        scripts = re.findall(r"<script\b([^>]*)>", text)
        # data blocks (JSON, schema.org JSON-LD) are never run, so the policy does not apply
        inline = [s for s in scripts if "src=" not in s and 'type="application/json"' not in s
                  and 'type="application/ld+json"' not in s]
        assert inline == [], page
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", text), page  # no onclick= and the like
        assert not re.search(r"<[^>]+\sstyle\s*=", text), page


WATCH = """() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', e =>
        window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
}"""


@pytest.mark.browser
def test_no_page_breaks_under_the_policy_and_the_finder_still_works(browser, served_test_site):
    context, page, outside = open_page(browser, served_test_site)
    page.add_init_script(f"({WATCH})()")
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url} {m.text}"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    for url in PAGES.values():
        page.goto(served_test_site + url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__violations") == [], url
    page.goto(served_test_site + "find/?q=vacatur")
    page.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
    page.locator("#pb-facets input[name='state'][value='CA']").check()
    page.wait_for_url(re.compile(r"state=CA"))
    page.wait_for_selector("#pb-results[aria-busy=false]", state="attached")
    titles = page.locator("#pb-results .pb-card__title").all_inner_texts()
    assert sorted(titles) == ["Vacatur clinic in Oakland", "Vacatur motions in Los Angeles County"]
    assert page.evaluate("window.__violations") == []
    assert page.evaluate("typeof __md_get") == "function"  # the theme's helper, from its file
    assert errors == [], errors
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.ran = 1'; document.body.append(s); }""")
    assert page.evaluate("window.ran") is None  # the policy holds, and the watch sees it:
    assert page.evaluate("window.__violations") == ["script-src-elem inline"]
    context.close()
    assert outside == []


@pytest.mark.slow
def test_two_builds_of_the_same_input_are_byte_identical_but_for_pagefinds_indexes(tmp_path):
    """Pagefind writes its filter and metadata indexes in a varying order (no option fixes it,
    see README); every other file, fragments included, must not change between builds."""
    import filecmp

    from tests.conftest import SITE_DATA, build, make_project

    sites = []
    for name in ("one", "two"):
        project = make_project(tmp_path / name, SITE_DATA / "orgs")
        assert build(project).returncode == 0
        sites.append(project / "site")

    def files(site):
        return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}

    varying = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|"
                         r"pagefind-entry\.json)$")
    first, second = files(sites[0]), files(sites[1])
    assert {f for f in first ^ second if not varying.match(f)} == set()
    same = sorted(f for f in first & second if not varying.match(f))
    assert len(same) > 100
    _, mismatch, errors = filecmp.cmpfiles(sites[0], sites[1], same, shallow=False)
    assert (mismatch, errors) == ([], [])
