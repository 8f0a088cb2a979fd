"""Stage 3, render: the validated directory as Markdown pages, through Jinja2 templates.

Plain Python with no MkDocs import: `render_pages` returns (path, text) pairs that the MkDocs
plugin adds in memory, or `write_pages` puts in a folder for another engine. Each page is a
Markdown heading followed by one block of HTML; text from data files reaches that HTML escaped
by Jinja2 or sanitized by `markup.to_html`, exactly once, and Markdown leaves raw HTML alone.

One module because the templates call back into one Renderer for every helper they use. Where
each listing stands today is the Lifecycle's (generator/core/lifecycle.py) and what the theme is
told about a page is theme.py's; the page planning and the Jinja environment are still here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator.core import admission, decisions, freshness, glance, places, vocab
from generator.exports import calendars, feeds, jsonld
from generator.site import search_index, theme
from generator.core.directory import Directory, OrgEntry, ProgramEntry
from generator.core.emails import mailto
from generator.site.finder_words import finder_config
from generator.core.facets import (BY_KEY, FACETS, STATUS_LABELS, SUPPORT, UNKNOWN, people,
                                   place_names)
from generator.core.lifecycle import Lifecycle
from generator.core.load import slug
from generator.core.urls import absolute, browse_url, page_url, program_page, program_url
from generator.core.markup import md_heading, to_html
from generator.core.problems import SetupError

# Marks where a card's root-relative link starts (no data file can hold a NUL: textcheck).
_ROOT = "\x00"
PAGE_SIZE = 50  # listings per browse page; a value with 10,000 listings gets 200 small pages


@dataclass(frozen=True)
class Page:
    path: str  # inside the docs folder, e.g. "opportunities/t-visa-petitions.md"
    text: str


@dataclass(frozen=True)
class Settings:
    today: dt.date
    report_email: str | None = None
    window_days: int = freshness.DEFAULT_WINDOW_DAYS  # how long a confirmation counts
    urgent_days: int = freshness.DEFAULT_URGENT_DAYS  # how long "urgent" is shown
    site_url: str = ""  # the site's public address, for feeds and linked data; "" if unknown
    code_licence: str = ""
    data_licence: str = ""


class _Environment(jinja2.Environment):
    """Jinja2's environment with each template's globals in a plain dict.

    Jinja2 chains a template's globals to the environment's (a ChainMap), so that globals added
    later still show; it also copies and compares them on every render and every `import`,
    walking the chain in Python each time. The Renderer sets every global before it loads a
    template, so a copy made at loading time holds the same, and a dict is copied in C.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


class Renderer:
    def __init__(self, directory: Directory, templates: Path, settings: Settings,
                 life: Lifecycle | None = None) -> None:
        if not templates.is_dir():
            raise SetupError(f"the templates folder {templates} does not exist; run the command "
                             "from the project's top folder, or pass --root")
        self.directory = directory
        self.settings = settings
        # made once per build (generate.py shares it with the exports)
        self.life = life or Lifecycle(directory, settings.today, settings.window_days,
                                      settings.urgent_days)
        self.env = _Environment(
            loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
            trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
            auto_reload=False)  # one build reads each template once; no stat per page
        self.env.filters.update(markdown=to_html, label=_label, date=_date,
                                mailto=mailto)
        self.env.globals.update(flag=flag, terms=terms, place=place)
        self.env.globals.update(vocab=vocab, facets=BY_KEY, UNKNOWN=UNKNOWN, NOT_STATED=NOT_STATED,
                                directory=directory, today=settings.today, settings=settings,
                                contact_for=directory.contact_for, browse_url=browse_url,
                                slug=slug, FACETS=FACETS, status_of=self.status_of,
                                program_url=program_url,
                                is_listed=self.is_listed, freshness_of=self.freshness_of,
                                urgent_of=self.urgent_of, waiting_of=self.waiting_of,
                                is_urgent=self.is_urgent, is_new=self.is_new,
                                described_notice=self.described_notice,
                                confirmation_line=self.confirmation_line,
                                finder_codes=self.finder_codes,
                                provenance=self.provenance,
                                linked_data=self.linked_data,
                                guides_for=guides_for, people=people,
                                zone_name=glance.zone_name, verified_text=verified_text,
                                source_text=source_text,
                                glance_rows=self.glance_rows, not_yet=self.not_yet,
                                general_rules=admission.rules_for,
                                GENERAL_RULE=admission.LABEL,
                                next_step=self.next_step, related_to=self.related_to,
                                credit_text=glance.credit, training_offer=glance.training_offer,
                                card_time=self.card_time,
                                contact_parts=glance.contact_parts,
                                is_home_page=glance.is_home_page,
                                no_volunteer_page=glance.no_volunteer_page,
                                card_languages=card_languages,
                                card_html=self.card_html, fact_rows=FactRows,
                                SUPPORT=SUPPORT, STATUS_LABELS=STATUS_LABELS)
        self.env.tests["urgent_now"] = self.is_urgent
        self._related: dict[str, list[ProgramEntry]] | None = None
        self._cards: dict[str, str] = {}
        self.listed = sorted((p for p in directory.programs.values() if self.is_listed(p)),
                             key=lambda p: (not self.is_urgent(p), *_newest_first(p)))
        # one name for each place however its listings spell it, the finder's names too
        self.place_names = place_names(directory.programs.values())

    # -- whole pages ---------------------------------------------------------------------------

    def pages(self) -> Iterable[Page]:
        yield self._page("organizations/index.md", "Organizations", "organizations.html.j2",
                         organizations=sorted(self.directory.organizations.values(),
                                              key=lambda o: o.data.name.lower()))
        for org in self.directory.organizations.values():
            programs = sorted(self.directory.programs_of(org.id), key=lambda p: p.data.title)
            listed = [p for p in programs if self.is_listed(p)]
            org_feed = (feeds.feed_title("organization", org.data.short_name or org.data.name),
                        feeds.feed_path("organization", org.id))
            yield self._page(f"organizations/{org.id}.md", org.data.name,
                             "organization.html.j2", org=org, listed=listed,
                             others=[p for p in programs if p not in listed],
                             description=org.data.serves, feeds=[org_feed],
                             calendar=calendars.org_calendar_path(org.id))
        for program in self.directory.programs.values():
            org = self.directory.organizations[program.org_id]
            yield self._page(program_page(program.id), program.data.title,
                             TEMPLATES[program.kind], program=program, org=org,
                             description=program.data.summary,
                             feeds=feeds.feed_paths(program, org.data.short_name or
                                                    org.data.name)[1:],
                             calendar=calendars.calendar_path(program))
        yield self.trainings_page(self.upcoming_trainings())
        yield self._page("api/index.md", "Open data", "api.html.j2",
                         description="The directory's data for other tools: JSON, CSV, Open "
                         "Referral HSDS 3.0, Atom feeds and calendars.",
                         calendar=calendars.ALL)
        yield from self._browse_pages()

    def trainings_page(self, upcoming: list[tuple[dt.date | None, ProgramEntry]]) -> Page:
        return self._page("trainings/index.md", "Trainings", "trainings.html.j2",
                          upcoming=upcoming, training_programs=self.training_programs(),
                          description="Upcoming trainings for pro bono volunteers, by date, "
                          "and the programs that train their volunteers.",
                          feeds=[(feeds.feed_title("listing", "Training"),
                                  feeds.feed_path("listing", "training"))],
                          calendar=calendars.ALL)

    def training_programs(self) -> list[ProgramEntry]:
        """Open programs and cases whose organization trains the volunteers for them (no dates
        of their own: those are the trainings above), by organization, then title."""
        orgs = self.directory.organizations
        return sorted((p for p in self.listed if p.kind != "training"
                       and p.data.support.training.offered),
                      key=lambda p: (orgs[p.org_id].data.name.lower(), p.data.title.lower()))

    def upcoming_trainings(self) -> list[tuple[dt.date | None, ProgramEntry]]:
        """Open trainings that have not ended, soonest first; recordings (no date) last."""
        today = self.settings.today
        found = []
        for program in self.listed:
            if program.kind == "training":
                ahead = program.upcoming_sessions(today)
                found.append((ahead[0].date if ahead else None, program))
        return sorted(found, key=lambda item: (item[0] is None, item[0] or today,
                                               item[1].data.title.lower()))

    # -- pieces of a listing's page ---------------------------------------------------------------

    def next_step(self, program: ProgramEntry) -> glance.Action | None:
        org = self.directory.organizations[program.org_id].data
        return glance.action(program, self.directory.contact_for(program), org.website,
                             org.short_name or org.name, self.is_listed(program),
                             # the page's address, for the organization: only a full one helps
                             absolute(self.settings.site_url, program_url(program.id))
                             if self.settings.site_url else "")

    def glance_rows(self, program: ProgramEntry) -> list[tuple[str, str]]:
        """At a glance: only the rows whose answer is known (the unknown decision facts are
        named once, in `not_yet`)."""
        return [(label, text) for label, text in glance.rows(program, self.settings.today)
                if text != glance.NOT_STATED]

    def not_yet(self, program: ProgramEntry) -> str:
        """'Not stated yet: bar admission, hours, mentoring. Ask Saerom Choi.': the decision
        facts (decisions.FACTS, the table the confirmation request asks from) the listing leaves
        unknown, and whom to ask; '' when every one is known."""
        unknown = decisions.unknown(self.directory, program)
        names = [fact.named() for fact in unknown if fact.path(program.kind) != decisions.NEXT_STEP]
        if not names:
            return ""
        text = "Not stated yet: " + ", ".join(names) + "."
        if len(names) < len(unknown):  # no route to ask by: the action box says so
            return text
        contact = self.directory.contact_for(program)
        org = self.directory.organizations[program.org_id].data
        return f"{text} Ask {(contact and contact.name) or org.short_name or org.name}."

    # -- the day of the build: status and freshness ---------------------------------------------

    # Where each listing stands today is decided once, by the Lifecycle; templates ask here.
    def status_of(self, program: ProgramEntry) -> str:
        return self.life.status(program)

    def is_listed(self, program: ProgramEntry) -> bool:
        return self.life.listed(program)

    def finder_config(self) -> dict[str, Any]:
        """What the finder page needs: the facets with their values, the statuses, and the
        feed of each value it can offer to follow."""
        config = finder_config(self.directory, self.life)
        return {**config, "feeds": feeds.paths_by_value(self.directory),
                "confirmation": search_index.words()}

    def freshness_of(self, program: ProgramEntry) -> freshness.Freshness:
        return self.life.fresh(program)

    def urgent_of(self, program: ProgramEntry) -> freshness.Claim:
        return self.life[program].urgent_claim

    def waiting_of(self, program: ProgramEntry) -> freshness.Claim:
        return self.life[program].waiting_claim

    def is_urgent(self, program: ProgramEntry) -> bool:
        """Shown as urgent: listed, and the organization said so within urgent_days."""
        return self.life.urgent(program)

    def is_new(self, program: ProgramEntry) -> bool:
        """In the finder's "Added in the last 30 days" (lifecycle.Standing.new)."""
        return self.life[program].new

    def described_notice(self, program: ProgramEntry) -> str:
        org = self.directory.organizations[program.org_id].data
        return freshness.described_notice(org.short_name or org.name, program.data.source,
                                          org.website)

    def provenance(self) -> dict[str, int]:
        """How many listings each kind of check stands behind today: for the About page."""
        counts = {"listings": 0, "organization": 0, "organization_old": 0, "maintainers": 0,
                  "described": 0}
        for program in self.directory.programs.values():
            fresh = self.freshness_of(program)
            counts["listings"] += 1
            if fresh.by_organization:
                counts["organization" if fresh.state == freshness.CURRENT
                       else "organization_old"] += 1
            else:
                counts["described" if fresh.described else "maintainers"] += 1
        return counts

    def confirmation_line(self, program: ProgramEntry) -> str:
        """A card's one line on who confirmed the listing (freshness.confirmation_line)."""
        org = self.directory.organizations[program.org_id].data
        return freshness.confirmation_line(self.freshness_of(program), org.short_name or org.name,
                                           program.data.source, org.website)

    def finder_codes(self, program: ProgramEntry) -> str:
        """The card facts the finder writes in words itself (search_index.codes)."""
        org = self.directory.organizations[program.org_id].data
        return search_index.codes(self.freshness_of(program), program.data.source, org.website,
                                  self.status_of(program), self.is_urgent(program),
                                  BY_KEY["remote"].values(program)[0])

    def linked_data(self, entry: ProgramEntry | OrgEntry) -> Markup:
        """The page's schema.org JSON-LD block: a listing is valid until the day it would be
        archived, unless its own dates end it sooner."""
        if isinstance(entry, OrgEntry):
            data = jsonld.organization(entry, self.settings.site_url)
        else:
            fresh = self.freshness_of(entry)
            # a listing nobody confirmed is valid only as far as its source's date backs it
            data = jsonld.listing(entry, self.directory.organizations[entry.org_id],
                                  self.settings.today, self.settings.site_url,
                                  fresh.confirm_by if fresh.described else fresh.archive_on)
        return Markup(jsonld.script(data))  # noqa: S704 - json with <, >, & escaped

    def related_to(self, program: ProgramEntry) -> list[ProgramEntry]:
        """Listings this one names in related:, and those that name it."""
        if self._related is None:
            self._related = {}
            for other in self.directory.programs.values():
                for target in other.data.related:
                    self._related.setdefault(target, []).append(other)
        named = [self.directory.programs[i] for i in program.data.related]
        back = [p for p in self._related.get(program.id, []) if p not in named]
        return named + sorted(back, key=lambda p: p.data.title.lower())

    def card_time(self, program: ProgramEntry) -> str:
        """The card's one line about time: a training's next date, a case's respond-by date."""
        data = program.data
        if data.kind == "training":
            return glance.sessions_text(data.sessions, data.time_zone, self.settings.today)
        if data.kind == "case":
            return f"Respond by {freshness.long_date(data.respond_by)}"
        return data.commitment.duration or (
            vocab.COMMITMENT_LENGTHS.label(data.commitment.length)
            if data.commitment.length else "")

    def _browse_pages(self) -> Iterable[Page]:
        groups = {facet.key: _group(self.listed, facet.values) for facet in FACETS if facet.browse}
        yield self._page("browse/index.md", "Browse opportunities", "browse_index.html.j2",
                         groups=groups)
        for key, by_value in groups.items():
            facet = BY_KEY[key]
            yield self._page(f"browse/{key}/index.md", f"Browse by {facet.label.lower()}",
                             "browse_facet.html.j2", facet=facet, by_value=by_value)
            for value, programs in by_value.items():
                title = f"{facet.labels(value)}: pro bono opportunities"
                found = _group(programs, BY_KEY["place"].values) if key == "state" else {}
                found = dict(sorted(found.items(), key=lambda item: (
                    self.place_names[item[0]].lower(), item[0])))
                follow = [(feeds.feed_title(key, facet.labels(value)), feeds.feed_path(key, value))
                          ] if key in feeds.FACET_KEYS and value != UNKNOWN else []
                # regions first, with their counts, then counties and cities (places.py)
                yield from self._paginated(
                    browse_url(key, value), title, programs, facet=facet, value=value,
                    feeds=follow, region=None,
                    regions=[(place, self.place_names[place], len(in_place))
                             for place, in_place in found.items() if places.is_region(place)],
                    places=[(place, self.place_names[place]) for place in found
                            if not places.is_region(place)])
                for place, in_place in found.items():  # place: the key all spellings share
                    title = (f"{self.place_names[place]}, {vocab.STATES.label(value)}: pro bono "
                             "opportunities")
                    yield from self._paginated(f"{browse_url(key, value)}{place}/", title,
                                               in_place, facet=facet, value=value, places=[],
                                               regions=[], region=places.region(place))

    def _paginated(self, url: str, title: str, programs: list[ProgramEntry],
                   **context: Any) -> Iterable[Page]:
        pages = max(1, -(-len(programs) // PAGE_SIZE))
        for number in range(1, pages + 1):
            chunk = programs[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
            here = url + (f"page-{number}/" if number > 1 else "")
            yield self._page(here + "index.md", title + (f" (page {number})" if number > 1
                                                        else ""),
                             "browse_list.html.j2", programs=chunk, number=number, pages=pages,
                             base=url, total=len(programs), **context)

    def _page(self, path: str, title: str, template: str, description: str | None = None,
              feeds: list[tuple[str, str]] | None = None, calendar: str | None = None,
              **context: Any) -> Page:
        """A generated page. `feeds` (title, site path) become the page's Atom links (in its
        head, through overrides/main.html, and in its body); `calendar` its .ics link."""
        here = page_url(path)
        body = self.env.get_template(template).render(url=Linker(here), title=title,
                                                      feeds=feeds or [], calendar=calendar,
                                                      **context)
        # what the theme is told (the title, description and feeds, escaped) is theme.py's
        return Page(path, f"{theme.front_matter(title, description, feeds)}\n"
                          f"# {md_heading(title)}\n\n{_one_block(body)}\n")

    def card_html(self, program: ProgramEntry, url: Linker) -> Markup:
        """A listing's card. It is rendered once, with its links marked as starting at the
        site's root; each page puts its own way up to the root in front of them."""
        if program.id not in self._cards:
            self._cards[program.id] = self.env.get_template("card.html.j2").render(
                program=program, url=lambda target: _ROOT + target.lstrip("/"))
        up = "../" * sum(1 for part in url.here.split("/") if part and part != ".")
        return Markup(self._cards[program.id].replace(_ROOT, up))  # noqa: S704 - rendered

    # -- pieces for hand-written pages -----------------------------------------------------------

    def snippet(self, name: str, here_path: str, **context: Any) -> str:
        here = page_url(here_path)
        html = self.env.get_template(f"{name}.html.j2").render(
            url=Linker(here), listed=self.listed, **context)
        return _one_block(html)

    def opportunities_for(self, facet_key: str, value: str) -> list[ProgramEntry]:
        values = BY_KEY[facet_key].values  # KeyError for an unknown facet
        return [p for p in self.listed if value in values(p)]


TEMPLATES = {"program": "program.html.j2", "case": "program.html.j2",
             "training": "training.html.j2"}


def card_languages(program: ProgramEntry) -> str:
    v = people(program)
    return ", ".join(vocab.LANGUAGES.label(code) for code in
                     dict.fromkeys(v.languages_required + v.languages_helpful))


def verified_text(verification: Any, source: Any, org_name: str = "the organization",
                  org_website: str | None = None, said: bool = False) -> str:
    """Say what was checked, against what, by whom: a maintainer's check of a public page is
    not the organization's own confirmation, and the page's own date is said. `said`: the
    page's banner already says the organization has not confirmed it, so this does not again."""
    day = _date(verification.date)
    if verification.by == "organization":
        who = f" ({verification.person})" if verification.person else ""
        return f"Confirmed by {org_name}{who} on {day}."
    against = freshness.source_words(source, org_website).replace("on this page", "above")
    return (("" if said else f"Not confirmed by {org_name}. ") +
            f"Written by the directory's maintainers from {against} "
            f"({freshness.source_when(source)}), checked on {day}.")


def source_text(source: Any) -> str:
    """The source's own date, and the reason for an estimate: 'Undated; c. 2017: calls the
    2017 law recent.'"""
    when = freshness.source_when(source)
    text = when[0].upper() + when[1:]
    if source.estimate_reason:
        text += f": {source.estimate_reason}"
    return text + "."


class FactRows:
    """A listing page's list of facts: a row for each fact that is known, none for one nobody
    stated (At a glance names the unknown decision facts once; a list of every other unknown
    field told a coordinator nothing). A Jinja macro did this; thirty rows a page made it one of
    the slowest parts of rendering 10,000 listings."""

    def row(self, label: str, value: Any) -> Markup:
        if str(value).strip() == NOT_STATED:
            return Markup("")
        # escape() leaves Markup as it is and escapes the rest: what Markup.format does,
        # without its Python formatter (a second per 270,000 rows)
        return Markup(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")  # noqa: S704 - escaped


@dataclass(frozen=True)
class Linker:
    """`url(target)` in templates: a link from the page at `here` to a root-relative path."""

    here: str

    def __call__(self, target: str) -> str:
        return relative(self.here, target)


def relative(here: str, target: str) -> str:
    """A link from the page at URL `here` to the site path `target`, both relative to the root.

    What posixpath.relpath gives for these plain paths, without its calls to the file system
    (it asks for the working directory each time, which adds up over a million links).
    """
    start = [p for p in here.split("/") if p and p != "."]
    parts = [p for p in target.split("/") if p and p != "."]
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
    return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel


def _group(programs: Iterable[ProgramEntry], values: Any) -> dict[str, list[ProgramEntry]]:
    groups: dict[str, list[ProgramEntry]] = {}
    for program in programs:
        for value in values(program):
            groups.setdefault(value, []).append(program)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == UNKNOWN, item[0].lower())))


# The hand-written guide to each remedy (content/guides/), and the state it is written for.
GUIDES: dict[str, tuple[str, str, str | None]] = {
    "t-visa": ("T visa", "guides/t-visa/", None),
    "u-visa": ("U visa", "guides/u-visa/", None),
    "asylum": ("Asylum for unaccompanied children", "guides/asylum-unaccompanied-children/",
               None),
    "adjustment-of-status": ("Adjustment of status", "guides/adjustment-of-status/", None),
    "continued-presence": ("Continued Presence", "guides/continued-presence/", None),
    "vacatur": ("Vacatur in California", "guides/vacatur-california/", "CA"),
    "victim-impact-statement": ("Victim-witness accompaniment",
                                "guides/victim-witness-accompaniment/", None),
}


def guides_for(program: ProgramEntry) -> list[tuple[str, str]]:
    """The guides to a listing's remedies: (title, site path), the state's own where it counts."""
    state = program.data.location.state
    return [(title, path) for remedy in program.data.remedies if remedy in GUIDES
            for title, path, only in [GUIDES[remedy]] if only in (None, state)]


NOT_STATED = Markup('<span class="pb-unknown">Not stated</span>')


def flag(value: bool | None, yes: str = "Yes", no: str = "No") -> Markup:
    """A tri-state fact: unknown is shown as unknown, never as no."""
    return NOT_STATED if value is None else escape(yes if value else no)


def terms(ids: list[str], vocabulary: vocab.Vocabulary) -> Markup:
    """Vocabulary ids as their labels, or 'Not stated'."""
    return escape(", ".join(vocabulary.label(i) for i in ids)) if ids else NOT_STATED


def place(location: Any) -> str:
    parts = places.shown(location)
    state = vocab.STATES.label(location.state) if location.state else "Place not stated"
    return ", ".join([*parts, state])


def _newest_first(program: ProgramEntry) -> tuple[Any, ...]:
    return (-program.data.added.toordinal(), program.data.title.lower())


def _label(value: str, vocabulary: vocab.Vocabulary) -> str:
    return vocabulary.label(value)


def _date(day: dt.date | None) -> str:
    return freshness.long_date(day) if day else "Not stated"


_BLANK_LINES = re.compile(r"\n\s*\n")


def _one_block(html: str) -> str:
    """Raw HTML stays one block for Markdown when it has no blank line inside."""
    return _BLANK_LINES.sub("\n", html.strip())


def render_pages(directory: Directory, templates: Path, settings: Settings) -> list[Page]:
    return list(Renderer(directory, templates, settings).pages())


def write_pages(pages: Iterable[Page], folder: Path) -> None:
    """Write generated pages to a folder, for an engine other than MkDocs."""
    for page in pages:
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
