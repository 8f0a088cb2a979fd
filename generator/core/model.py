"""The data model: what an organization file and a program file may say.

These pydantic models are the single source of truth. The JSON Schema in `schema/` is generated
from them (`python -m generator schema`), the field reference page (`content/contribute/fields.md`)
is generated from their descriptions, and the validator reads every file through them.

`None` means "nobody has said": a tri-state `bool | None` is never read as "no".

One module because the models refer to one another (a listing's kinds share the contact, location,
support and source models) and the JSON Schema and the field reference are generated from the whole
set at once.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      StringConstraints, model_validator)
from pydantic_core import PydanticCustomError

from generator.core import places, vocab
from generator.core.emails import LOCAL_CHARACTERS, NotAnAddress, read_email
from generator.core.load import ID_PATTERN, MAX_ID

URL_RE = r"^(https?://[^\s/?#]+\.[^\s]+|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$"
# The same links as JSON Schema can tell them apart, for editors and other tools: no user info
# before the host, a host in plain ASCII letters with no punycode (xn--) label, and a mailto: link
# with one address written plainly and at most a subject without control characters. The
# validator says why in generator/core/lookalike.py (link_problem); this pattern only refuses.
_LABEL = r"(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_DOMAIN = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
_LOCAL_PART = rf"[{LOCAL_CHARACTERS}]+"
_SUBJECT = r"[Ss][Uu][Bb][Jj][Ee][Cc][Tt](?:=(?:[^\s&#%]|%(?:[2-689A-Fa-f][0-9A-Fa-f]|7[0-9A-Ea-e]))*)?"
LINK_RE = (rf"^(https?://{_LABEL}(?:\.{_LABEL})+(?::[0-9]{{1,5}})?(?:[/?#][^\s]*)?"
           rf'|mailto:{_LOCAL_PART}@{_DOMAIN}(?:\?{_SUBJECT}(?:&{_SUBJECT})*)?)$')
# An email address for editors: the validator reads it with email-validator (generator/core/emails.py)
# and says why it is refused; this pattern, for the JSON Schema, only refuses.
EMAIL_RE = rf"^(?!\.)(?!.*\.\.)(?!.*\.@){_LOCAL_PART}@(?![Xx][Nn]--)(?!.*\.[Xx][Nn]--){_DOMAIN}$"
DOMAIN_RE = rf"^{_DOMAIN}$"
PHONE_RE = r"^\+?[0-9 ()./-]{7,25}(?: ?(?:x|ext\.?) ?[0-9]{1,6})?$"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# YAML 1.2's core schema spellings, which editors and JSON Schema tools also accept.
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}


def _read_bool(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
    raise PydanticCustomError(
        "flag", "expected true or false, got '{value}'; write true or false, or leave the field "
        "out if nobody has said", {"value": value})


def _read_date(value: Any) -> Any:
    if isinstance(value, dt.date) or value is None:
        return value
    if isinstance(value, str) and _DATE_RE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError(
        "day", "expected a date written YYYY-MM-DD, got '{value}'; for example 2026-11-22",
        {"value": value})


_WHOLE_RE = re.compile(r"[0-9]+")
_DECIMAL_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_BASES = {"x": (16, "hexadecimal"), "o": (8, "octal"), "b": (2, "binary")}


def _number(whole: bool, example: str) -> BeforeValidator:
    """A number as people write it in a listing: the digits 0-9, and for a decimal one point.

    Anything else (digits of another script, hex, 1e2, 1_000, "60 people") is told what it
    would be written as, so the fix is in the message.
    """
    def read(value: Any) -> Any:
        if not isinstance(value, str) or (_WHOLE_RE if whole else _DECIMAL_RE).fullmatch(value):
            return value
        raise PydanticCustomError("number", "{problem}",
                                  {"value": value, "problem": _number_problem(value, whole,
                                                                              example)})
    return BeforeValidator(read)


def _number_problem(value: str, whole: bool, example: str) -> str:
    what = "a whole number" if whole else "a number"
    text = value.strip()
    base = re.fullmatch(r"[+]?0([xXoObB])([0-9A-Fa-f_]+)", text)
    if base:
        radix, name = _BASES[base.group(1).lower()]
        try:
            number = str(int(base.group(2), radix))
        except ValueError:
            number = None
        if number:
            return (f"expected {what} in ordinary decimal digits, got '{value}' ({name}); "
                    f"write {number}")
    if text and all(c.isdecimal() or c in ".,\u066b\u066c" for c in text) and not text.isascii():
        digits = next(c for c in text if c.isdecimal() and not c.isascii()) if any(
            c.isdecimal() and not c.isascii() for c in text) else ""
        script = unicodedata.name(digits, "").split(" DIGIT")[0].title() if digits else ""
        plain = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else
                        "." if c in ".\u066b" else "" for c in text)
        if (_WHOLE_RE if whole else _DECIMAL_RE).fullmatch(plain):
            return (f"expected {what} written with the digits 0-9, got '{value}'"
                    + (f" ({script} digits)" if script else "") + f"; write {plain}")
    if re.fullmatch(r"[+]?[0-9]+(?:[_,][0-9]{3})+", text):
        return f"expected {what} written without separators, got '{value}'; write " + \
            re.sub(r"[+_,]", "", text)
    if not whole and re.fullmatch(r"[0-9]+,[0-9]{1,2}", text):
        return (f"expected {what} with a decimal point, got '{value}'; write "
                f"{text.replace(',', '.')}")
    if re.fullmatch(r"[+]?[0-9]*\.?[0-9]+[eE][+-]?[0-9]+", text):
        written = f"{float(text.lstrip('+')):f}".rstrip("0").rstrip(".")
        if len(written) <= 12:
            return f"expected {what} written out, got '{value}'; write {written}"
    if re.fullmatch(r"-[0-9]+(?:\.[0-9]+)?", text):
        return f"expected {what} above zero, got '{value}'; write it without the minus sign"
    if (_WHOLE_RE if whole else _DECIMAL_RE).fullmatch(text.lstrip("+")):
        return f"expected {what}, got '{value}'; write {text.lstrip('+')}"
    if whole and _DECIMAL_RE.fullmatch(text):
        return f"expected {what}, got '{value}'; write a whole number such as {example}"
    leading = re.match(r"[0-9]+(?:\.[0-9]+)?(?=\s)", text)
    if leading and (not whole or _WHOLE_RE.fullmatch(leading.group())):
        return (f"expected {what} alone, got '{value}'; write {leading.group()} (the field "
                "says what it counts)")
    return f"expected {what} such as {example}, got '{value}'; write it with the digits 0-9"


Flag = Annotated[bool, BeforeValidator(_read_bool)]
Day = Annotated[dt.date, BeforeValidator(_read_date)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\n]*$")]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=6000)]
Url = Annotated[str, StringConstraints(max_length=500, pattern=URL_RE),
              Field(json_schema_extra={"pattern": LINK_RE})]


def _read_email(value: str) -> str:
    try:
        return read_email(value)
    except NotAnAddress as exc:
        raise PydanticCustomError("email", str(exc).replace("{", "{{").replace("}", "}}"),
                                  {"value": value}) from None


Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_read_email),
                  Field(json_schema_extra={"pattern": EMAIL_RE})]
Phone = Annotated[str, StringConstraints(pattern=PHONE_RE)]
Domain = Annotated[str, StringConstraints(max_length=253, pattern=DOMAIN_RE)]


def terms(vocabulary: vocab.Vocabulary) -> Any:
    """A field type that accepts the ids of one vocabulary."""
    return Literal[vocabulary.ids()]  # type: ignore[valid-type]


State = terms(vocab.STATES)


def _read_language(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    code = vocab.language_code(value)
    if code is None:
        raise PydanticCustomError("language", vocab.language_problem(value), {"value": value})
    return code


Language = Annotated[str, BeforeValidator(_read_language),
                     Field(json_schema_extra={"pattern": vocab.LANGUAGE_CODE_PATTERN})]


def _read_time_zone(value: Any) -> Any:
    if isinstance(value, str) and vocab.is_time_zone(value):
        return value
    raise PydanticCustomError(
        "time_zone", "'{value}' is not a time zone name; write one like America/Los_Angeles, "
        "America/New_York or America/Chicago", {"value": value})


TimeZone = Annotated[str, BeforeValidator(_read_time_zone),
                     Field(json_schema_extra={"pattern": r"^[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}$"})]
def _read_region(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    found = places.region_id(value)
    if found is None:
        wanted = places.region_suggestion(value)
        hint = (f"did you mean '{wanted}'?" if wanted else "use one of the region ids listed "
                "for this field in content/contribute/fields.md, or name the counties "
                "under counties:")
        raise PydanticCustomError("region", "'{value}' is not a known region; " + hint,
                                  {"value": value})
    return found


def _region_spellings() -> list[str]:
    return sorted({spelling for r in places.table().regions.values()
                   for spelling in (r.id, r.name, *r.other_names)})


# A region id, name or other name; stored as the id. The schema lists every accepted spelling.
Region = Annotated[str, BeforeValidator(_read_region),
                   Field(json_schema_extra={"enum": _region_spellings()})]


Clock = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
ListingId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID)]


def field(description: str, default: Any = ..., **kwargs: Any) -> Any:
    return Field(default, description=description, **kwargs)


def without_ids(description: str) -> str:
    """A field's description without the list of ids its vocabulary adds ("One of: ...")."""
    return re.split(r" One (?:or more )?of: ", description)[0]


def listing(vocabulary: vocab.Vocabulary, description: str, min_length: int = 0) -> Any:
    return Field([] if not min_length else ..., min_length=min_length,
                 description=f"{description} One or more of: {vocabulary.describe()}.")


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside a field's type (Contact | None -> Contact), if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


def unwrap(annotation: Any) -> Any:
    """The type under Optional[...] and Annotated[...] (Line | None -> str)."""
    while True:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        origin = typing.get_origin(annotation)
        if origin is Annotated or (origin in (typing.Union, type(int | None)) and len(args) == 1):
            annotation = args[0]
        else:
            return annotation


def by_path(data: dict[str, Any], prefix: str = "",
            into: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every value in dumped data by its dotted path, {'commitment.length': 'months', ...}:
    one walk a listing, rather than a walk from the top for each of some seventy fields."""
    into = {} if into is None else into
    for key, value in data.items():
        path = prefix + key
        into[path] = value
        if value.__class__ is dict:
            by_path(value, path + ".", into)
    return into


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(Strict):
    """How a volunteer reaches the program: any one route is enough."""

    name: Line | None = field("The person to contact, as they want to be named.", None)
    role: Line | None = field("Their role, e.g. Pro Bono Manager.", None)
    email: Email | None = field("A work email address for volunteer enquiries.", None)
    phone: Phone | None = field("A work phone number for volunteer enquiries.", None)
    interest_form: Url | None = field("Link to the organization's volunteer interest form.", None)
    website: Url | None = field("Link to the page that describes this opportunity.", None)
    notes: Line | None = field("Anything a volunteer should know before reaching out.", None)


class Partner(Strict):
    name: Line = field("The partner's name, e.g. a law firm that co-counsels.")
    role: Line | None = field("What the partner does in this program.", None)
    website: Url | None = field("The partner's website.", None)


class Source(Strict):
    description: Prose = field("Where these facts came from, in words: a web page, a "
                               "program sheet, an email from the organization.")
    url: Url | None = field("Link to the public page the facts came from, if there is one.", None)
    published: Day | None = field(
        "The date the source itself shows it was published, YYYY-MM-DD; leave out if it shows "
        "none. Not the day you read it.", None)
    updated: Day | None = field(
        "The date the source itself shows it was last updated, YYYY-MM-DD; leave out if it "
        "shows none.", None)
    undated: Flag | None = field(
        "true if the source shows no date at all. A source with no published or updated date "
        "is read as undated either way.", None)
    estimated_year: Annotated[int, Field(ge=1990, le=2100), _number(True, "2017")] | None = \
        field("For an undated source, the year it seems to be from, if something on it "
              "suggests one, e.g. 2017; shown as c. 2017.", None)
    estimate_reason: Line | None = field(
        "With estimated_year, what on the source suggests that year, e.g. calls the 2017 law "
        "recent.", None)

    @property
    def dated(self) -> dt.date | None:
        """The latest date the source itself shows, or None if it shows none."""
        days = [day for day in (self.published, self.updated) if day is not None]
        return max(days) if days else None


class Verification(Strict):
    date: Day = field("When the facts were last checked, YYYY-MM-DD.")
    by: terms(vocab.VERIFIERS) = field(
        f"Who checked them. One of: {vocab.VERIFIERS.describe()}.")
    person: Line | None = field(
        "With by: organization, who at the organization confirmed the facts, as they want to "
        "be named, e.g. Pro Bono Manager; leave out if they did not say.", None)
    notes: Line | None = field("What was checked, if useful to a reviewer.", None)


def _region_list() -> str:
    return "; ".join(f"`{r.id}` ({r.name})" for r in places.table().regions.values())


class Location(Strict):
    state: State | None = field(f"Two-letter state code, e.g. CA. One of: "
                                f"{vocab.STATES.describe()}.",
                                None)
    regions: list[Region] = field(
        "Regions served as a whole, e.g. [san-francisco-bay-area]; the region's name (San "
        "Francisco Bay Area, Bay Area) is accepted too. Name counties instead when only some "
        f"are served. One or more of: {_region_list()}.", [])
    counties: list[Line] = field(
        "Counties served, e.g. Los Angeles County. In a state the directory's county table "
        "covers (California, New York), each is checked against it; Alameda and Alameda County "
        "are one county, shown as Alameda County.", [])
    cities: list[Line] = field(
        "Cities served or where volunteers meet clients. A county seat (e.g. Oakland) also "
        "puts the listing in its county.", [])
    remote_possible: Flag | None = field(
        "true if a volunteer can do the work remotely, false if not; leave out if unknown.", None)
    remote_exceptions: Line | None = field(
        "With remote_possible: true, what still happens in person, e.g. one client meeting "
        "in Fresno.", None)
    notes: Line | None = field("Anything else about where the work happens.", None)

    @model_validator(mode="before")
    @classmethod
    def _one_spelling_of_each_county(cls, data: Any) -> Any:
        """Alameda and Alameda County are one county: keep the table's name, so every page
        and filter shows it one way. Unknown names are left for the validator to report."""
        if isinstance(data, dict) and isinstance(data.get("counties"), list) and \
                isinstance(data.get("state"), str):
            data = {**data, "counties": places.canonical_counties(data["state"],
                                                                  data["counties"])}
        return data


class Commitment(Strict):
    length: terms(vocab.COMMITMENT_LENGTHS) | None = field(
        f"How long a typical case or assignment lasts, as a category for the finder. One of: "
        f"{vocab.COMMITMENT_LENGTHS.describe()}.", None)
    duration: Line | None = field("The typical duration in words, e.g. 6 to 12 months.", None)
    hours: Line | None = field("Hours a volunteer can expect, if known, e.g. 5 hours a month.",
                               None)
    team_size: Line | None = field("How many volunteers work a case together, e.g. 2 to 3.", None)
    limited_scope: Flag | None = field(
        "true if the volunteer takes on a defined piece, not the whole matter.", None)
    scope: Line | None = field(
        "What the volunteer takes on, in words, e.g. one vacatur petition, from research to "
        "a possible hearing; shown instead of a bare yes or no.", None)
    notes: Line | None = field("Anything else about the time it takes.", None)


class Volunteers(Strict):
    bar_admission: terms(vocab.BAR_ADMISSION) | None = field(
        f"Whether volunteers must be admitted to a bar, and where. One of: "
        f"{vocab.BAR_ADMISSION.describe()}. Work before USCIS or the immigration courts needs "
        "admission in any U.S. jurisdiction; a state court needs that state's.", None)
    bar_admission_states: list[State] = field(
        "With bar_admission: specific-states, the states whose admission is needed.", [])
    in_house_counsel_welcome: Flag | None = field(
        "true if registered in-house counsel may volunteer.", None)
    retired_attorneys_welcome: Flag | None = field(
        "true if retired or inactive attorneys may volunteer (e.g. under a state's pro bono "
        "practice program).", None)
    law_students_welcome: Flag | None = field("true if law students may help.", None)
    students_supervised: Flag | None = field(
        "With law_students_welcome: true, whether students must work under an attorney's "
        "supervision.", None)
    paralegals_welcome: Flag | None = field("true if paralegals may volunteer.", None)
    interpreters_welcome: Flag | None = field("true if interpreters may volunteer.", None)
    experience_required: Flag | None = field(
        "true if prior experience in this area is needed, false if newcomers are welcome.", None)
    experience_notes: Line | None = field("What experience helps or is needed.", None)
    languages_required: list[Language] = field(
        "Languages a volunteer must speak, as ISO 639 codes (es, pa, mam, quc, ht).", [])
    languages_helpful: list[Language] = field(
        "Languages that help but are not required, as ISO 639 codes.", [])
    notes: Line | None = field("Anything else about who may volunteer.", None)


class VolunteerTraining(Strict):
    offered: Flag | None = field("true if volunteers are trained for this work.", None)
    formats: list[terms(vocab.TRAINING_FORMATS)] = field(
        f"How training is given. One or more of: {vocab.TRAINING_FORMATS.describe()}.", [])
    dates: list[Day] = field("Dates of scheduled trainings, YYYY-MM-DD.", [])
    notes: Line | None = field("Anything else about the training.", None)


class CleHours(Strict):
    """Credit for one category in one jurisdiction: 1.5 hours of California MCLE, general."""

    jurisdiction: State = field("The state whose bar grants the credit, e.g. CA.")
    hours: Annotated[float, Field(gt=0, le=100, multiple_of=0.25), _number(False, "1.5")] = field(
        "Credit hours as a number, e.g. 1.5.")
    category: terms(vocab.CLE_CATEGORIES) = field(
        f"The kind of credit. One of: {vocab.CLE_CATEGORIES.describe()}.", "general")


class CleCredit(Strict):
    offered: Flag | None = field("true if trainings carry CLE credit.", None)
    jurisdictions: list[State] = field(
        "States where the credit counts (California's is called MCLE).", [])
    credits: list[CleHours] = field(
        "The credit as numbers, when known: jurisdiction, hours and category.", [])
    notes: Line | None = field("Which trainings carry credit, and anything else about it.", None)


class Support(Strict):
    case_screening: Flag | None = field("true if the organization screens cases first.", None)
    training: VolunteerTraining = field("Training for volunteers.", VolunteerTraining())
    cle_credit: CleCredit = field("Continuing legal education credit.", CleCredit())
    mentoring: Flag | None = field("true if an experienced attorney mentors volunteers.", None)
    sample_materials: Flag | None = field(
        "true if samples, templates or briefs are provided.", None)
    technical_assistance: Flag | None = field(
        "true if co-counsel or expert technical assistance is available.", None)
    social_worker: Flag | None = field(
        "true if a social worker or advocate supports the client alongside the volunteer.", None)
    malpractice_coverage: Flag | None = field(
        "true if the organization's malpractice insurance covers volunteers.", None)
    attorney_of_record: terms(vocab.ATTORNEY_OF_RECORD) | None = field(
        f"Who appears as attorney of record. One of: {vocab.ATTORNEY_OF_RECORD.describe()}.",
        None)
    interpreters_provided: Flag | None = field(
        "true if the organization provides interpreters for client meetings.", None)
    notes: Line | None = field("Anything else about support.", None)


class OtherEmailDomain(Strict):
    """A contact email at another domain than the website's, and why: a volunteer who sees
    an address at a university's or a free webmail domain can tell it is meant."""

    domain: Domain = field("The part of the email after the @, e.g. law.example.edu.")
    reason: Line = field("Why the organization's email is at this domain, as a volunteer "
                         "would read it, e.g. Our legal clinic uses the university's email.")


class Figure(Strict):
    value: Line = field("The figure as published, e.g. 180+ or over 5,000.")
    what: Line = field("What it counts, e.g. pro bono attorneys in the network.")
    as_of: Line | None = field("When the organization published it, if known.", None)


class Session(Strict):
    """One date of a training: several dates of the same training are one listing."""

    date: Day = field("The day, YYYY-MM-DD.")
    start: Clock | None = field("Start time, 24-hour HH:MM in the training's time zone.", None)
    end: Clock | None = field("End time, 24-hour HH:MM.", None)
    where: Line | None = field("For an in-person session, the venue and city.", None)


class KeyDate(Strict):
    date: Day = field("The day, YYYY-MM-DD.")
    what: Line = field("What happens then, e.g. Filing deadline or Individual hearing.")


class Listing(Strict):
    """What every listing says, whatever its kind."""

    kind: str  # narrowed by each kind of listing below
    title: Line = field("The opportunity's name as an attorney would search for it.")
    summary: Annotated[str, StringConstraints(min_length=1, max_length=300)] = field(
        "One or two plain sentences shown on cards and in search results.")
    description: Prose = field(
        "What a volunteer would do. Markdown: **bold**, *italic*, [links](https://...), lists.")
    status: terms(vocab.STATUSES) = field(
        f"Whether volunteers are wanted now. One of: {vocab.STATUSES.describe()}.", "open")
    paused_until: Day | None = field(
        "With status: paused, the day the organization expects to take volunteers again, "
        "YYYY-MM-DD; leave out if unknown.", None)
    urgent: Flag = field("true if volunteers are needed urgently. The site shows it only for a "
                         "few weeks after the organization last said so; then it asks again.",
                         False)
    urgent_confirmed: Day | None = field(
        "With urgent: true, the day the organization last said volunteers are needed urgently, "
        "YYYY-MM-DD. Without it, the day the organization last confirmed the listing "
        "(last_verified) is used, if it was the organization.", None)
    practice_areas: list[terms(vocab.PRACTICE_AREAS)] = listing(
        vocab.PRACTICE_AREAS, "Areas of law involved.", 1)
    remedies: list[terms(vocab.REMEDIES)] = listing(vocab.REMEDIES, "Legal remedies pursued.")
    clients: list[terms(vocab.CLIENTS)] = listing(vocab.CLIENTS, "Who the clients are.")
    client_languages: list[Language] = field(
        "Languages clients speak, as ISO 639 codes: es (Spanish), pa (Punjabi), mam (Mam), "
        "quc (K'iche'), ht (Haitian Creole). The field reference's 'Languages' section says how to find a code.", [])
    forums: list[terms(vocab.FORUMS)] = listing(vocab.FORUMS, "Where the work is filed or argued.")
    location: Location = field("Where the work happens.")
    contact: Contact | None = field(
        "How to get involved; if left out, the organization's pro bono contact is shown.", None)
    partners: list[Partner] = field("Partners in this listing, e.g. a co-counseling firm.", [])
    related: list[ListingId] = field(
        "Ids of related listings, of this organization or another: a program's training, the "
        "program a case belongs to.", [])
    source: Source = field("Where the facts in this file came from.")
    other_sources: list[Source] = field(
        "Further pages the facts were checked against, each with its own date (or undated: "
        "true), e.g. the organization's current home page or a news report on a court; shown "
        "as Also checked.", [])
    last_verified: Verification = field("When and by whom the facts were last checked.")
    added: Day = field("When the listing was first added to the directory, YYYY-MM-DD.")
    expires: Day | None = field(
        "After this date the listing is shown as expired; leave out if it does not expire.", None)


class VolunteerWork(Listing):
    """What a program and a case both say: the work, its time, who may do it, the support."""

    kinds_of_work: list[terms(vocab.KINDS_OF_WORK)] = listing(
        vocab.KINDS_OF_WORK, "What kind of help is asked for.", 1)
    commitment: Commitment = field("What the work asks of a volunteer's time.", Commitment())
    volunteers: Volunteers = field("Who may volunteer.", Volunteers())
    support: Support = field("What the organization gives volunteers.", Support())


class Program(VolunteerWork):
    """Ongoing volunteer work. File: orgs/<org-id>/<listing-id>.yml, with kind: program (or no
    kind: line)."""

    kind: Literal["program"] = field("The kind of listing: program (the default), training or "
                                     "case.", "program")


class Case(VolunteerWork):
    """One matter that needs a volunteer now. File: orgs/<org-id>/<listing-id>.yml, with
    kind: case. Never the client's name or any detail that could identify them."""

    kind: Literal["case"] = field("The kind of listing: case.")
    respond_by: Day = field("The last day to offer to take the case, YYYY-MM-DD; after it the "
                            "case leaves the default views.")
    next_date: KeyDate | None = field("The next deadline or hearing in the matter.", None)
    clients_waiting: Annotated[int, Field(ge=1, le=1000), _number(True, "3")] | None = field(
        "How many clients are waiting for a volunteer, if more than one matter is offered.", None)
    clients_waiting_confirmed: Day | None = field(
        "With clients_waiting, the day the organization last gave that number, YYYY-MM-DD. "
        "Without it, the day the organization last confirmed the listing is used, if it was the "
        "organization.", None)


class TrainingEvent(Listing):
    """A dated training or an on-demand recording. File: orgs/<org-id>/<listing-id>.yml, with
    kind: training."""

    kind: Literal["training"] = field("The kind of listing: training.")
    formats: list[terms(vocab.EVENT_FORMATS)] = listing(
        vocab.EVENT_FORMATS, "How it is given.", 1)
    sessions: list[Session] = field(
        "Each date of the training, with its times; a recording needs none.", [])
    time_zone: TimeZone | None = field(
        "The time zone of the sessions' times, e.g. America/Los_Angeles.", None)
    registration: Url | None = field("Link to register.", None)
    cost: Line | None = field("The price as published, e.g. Free or $50.", None)
    free: Flag | None = field("true if it costs nothing, false if it has a price.", None)
    cost_condition: Line | None = field(
        "Any condition on the price, e.g. free for volunteers who take a case.", None)
    capacity: Annotated[int, Field(ge=1, le=100000), _number(True, "60")] | None = field(
        "How many people can attend, if stated.", None)
    cle: list[CleHours] = field(
        "CLE credit as numbers: one line per jurisdiction and category.", [])
    cle_notes: Line | None = field("Anything else about the credit, e.g. approval pending.",
                                   None)
    audience: Volunteers = field("Who may attend.", Volunteers())
    available_until: Day | None = field(
        "For a recording, the last day it can be watched, if stated.", None)


LISTING_MODELS: dict[str, type[Listing]] = {"program": Program, "training": TrainingEvent,
                                            "case": Case}
AnyListing = Program | TrainingEvent | Case


class Organization(Strict):
    """A legal organization. File: orgs/<org-id>/organization.yml."""

    name: Line = field("The organization's full name.")
    short_name: Line | None = field("A short name or acronym, e.g. LACLJ.", None)
    website: Url | None = field("The organization's public website.", None)
    description: Prose = field("What the organization does, in a few sentences. Markdown.")
    location: Location = field("Where the organization works.")
    serves: Line | None = field("Whom it serves, in words.", None)
    clients: list[terms(vocab.CLIENTS)] = listing(vocab.CLIENTS, "Who its clients are.")
    languages: list[Language] = field(
        "Languages its staff serve clients in, as ISO 639 codes, e.g. [en, es].", [])
    pro_bono_contact: Contact | None = field("The person or route for volunteer enquiries.",
                                             None)
    other_email_domains: list[OtherEmailDomain] = field(
        "Domains of contact emails, in this file or the organization's listings, that are not "
        "the website's, each with the reason; shown on the organization's page. An email at "
        "another domain is refused unless it is named here.", [])
    partners: list[Partner] = field("Partners, e.g. a firm that co-counsels its cases.", [])
    figures: list[Figure] = field("Figures the organization publishes about itself.", [])
    source: Source = field("Where the facts in this file came from.")
    other_sources: list[Source] = field(
        "Further pages the facts were checked against, each with its own date (or undated: "
        "true), e.g. the organization's current home page or a news report on a court; shown "
        "as Also checked.", [])
    last_verified: Verification = field("When and by whom the facts were last checked.")
