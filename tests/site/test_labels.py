"""One wording for each kind of support (facets.SUPPORT): a card on a browse page shows the
badges the finder's card shows for the same listing, which the finder reads from the index."""

from __future__ import annotations

import re

from generator.core.facets import SUPPORT, SUPPORT_LABELS
from generator.core.validate import validate_tree
from generator.site.render import Linker, Renderer, Settings
from tests.conftest import ROOT, SITE_DATA, TODAY


def test_a_card_and_the_finders_card_name_the_same_support():
    directory = validate_tree(SITE_DATA, TODAY)
    renderer = Renderer(directory, ROOT / "site_templates", Settings(TODAY))
    pages = {page.path: page.text for page in renderer.pages()}
    compared = 0
    for program in directory.programs.values():
        if program.kind == "training":
            continue  # a training's card shows its formats; its CLE is the finder's filter only
        card = str(renderer.card_html(program, Linker("browse/")))
        labels = {fact.label for fact in SUPPORT}  # the card's other badges: place, status
        badges = [b for b in re.findall(r'<span class="pb-badge">([^<]+)</span>', card)
                  if b in labels]
        meta = re.search(r'<span data-pagefind-meta="support">([^<]*)</span>',
                         pages[f"opportunities/{program.id}.md"])[1]
        assert badges == [label for label in meta.split("|") if label], program.id
        compared += bool(badges)
    assert compared >= 2


def test_every_support_value_of_the_finder_has_its_one_label():
    assert set(SUPPORT_LABELS) == {fact.key for fact in SUPPORT if fact.facet}
    assert len({fact.label for fact in SUPPORT}) == len(SUPPORT)


def test_a_card_names_a_listings_status_as_the_finder_does():
    from generator.core.facets import STATUS_LABELS

    directory = validate_tree(SITE_DATA, TODAY)
    renderer = Renderer(directory, ROOT / "site_templates", Settings(TODAY))
    seen = set()
    for program in directory.programs.values():
        status = renderer.status_of(program)
        card = str(renderer.card_html(program, Linker("browse/")))
        said = re.findall(r'<span class="pb-badge pb-badge--closed">([^<]+)</span>', card)
        assert said == ([] if status == "open" else [STATUS_LABELS[status]]), program.id
        seen.add(status)
    assert {"open", "paused", "closed", "past"} <= seen
