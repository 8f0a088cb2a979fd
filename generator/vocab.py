"""Controlled vocabularies: every id a data file may use, and the label people see.

This is the one place labels live. The schema, the validator's suggestions, the pages and the
finder's facets all read these tables, so adding a remedy or a language is a one-line change here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    """A named set of ids with their labels, in the order pages show them."""

    name: str  # singular, used in messages: "remedy"
    terms: dict[str, str]

    def label(self, term_id: str) -> str:
        return self.terms.get(term_id, term_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(self.terms)

    def describe(self) -> str:
        """The list that goes into a field's description and the contributor guide."""
        return "; ".join(f"`{key}` ({label})" for key, label in self.terms.items())


KINDS_OF_WORK = Vocabulary("kind of work", {
    "full-representation": "Full representation",
    "limited-scope": "Limited-scope help",
    "accompaniment": "Accompaniment and advocacy",
    "training": "Training",
    "mentoring": "Mentoring other volunteers",
})

PRACTICE_AREAS = Vocabulary("practice area", {
    "immigration": "Immigration",
    "criminal-record-relief": "Criminal record relief",
    "victims-rights": "Crime victims' rights",
    "family-law": "Family law",
    "human-trafficking": "Human trafficking",
    "domestic-violence": "Domestic violence",
    "public-benefits": "Public benefits",
    "employment": "Employment and wage claims",
    "housing": "Housing",
})

REMEDIES = Vocabulary("remedy", {
    "t-visa": "T visa",
    "u-visa": "U visa",
    "asylum": "Asylum",
    "special-immigrant-juvenile-status": "Special Immigrant Juvenile Status",
    "vawa-self-petition": "VAWA self-petition",
    "adjustment-of-status": "Adjustment of status",
    "continued-presence": "Continued Presence",
    "vacatur": "Vacatur and post-conviction relief",
    "victim-impact-statement": "Victim impact statement",
    "restraining-order": "Restraining order",
    "custody": "Custody",
    "wage-claim": "Wage claim",
})

CLIENTS = Vocabulary("client group", {
    "trafficking-survivors": "Survivors of human trafficking",
    "labor-trafficking-survivors": "Survivors of labor trafficking",
    "sex-trafficking-survivors": "Survivors of sex trafficking",
    "domestic-violence-survivors": "Survivors of domestic violence",
    "sexual-assault-survivors": "Survivors of sexual assault",
    "violent-crime-victims": "Victims of violent crime",
    "unaccompanied-children": "Unaccompanied children",
    "families": "Families",
    "immigrants": "Immigrants",
    "lgbtq": "LGBTQ+ people",
    "farmworkers": "Farmworkers",
    "low-wage-workers": "Low-wage workers",
})

FORUMS = Vocabulary("forum", {
    "uscis-by-mail": "USCIS (filed by mail)",
    "uscis-interview": "USCIS interview",
    "immigration-court": "Immigration court",
    "state-criminal-court": "State criminal court",
    "state-family-court": "State family court",
    "law-enforcement-interviews": "Meetings with law enforcement and prosecutors",
    "prosecutor-negotiation": "Negotiation with the prosecutor's office",
    "state-labor-agency": "State labor agency (wage claims)",
})

COMMITMENT_LENGTHS = Vocabulary("commitment length", {
    "one-time": "One event or a few hours",
    "weeks": "A few weeks",
    "months": "Several months",
    "year-or-more": "A year or more",
})

TRAINING_FORMATS = Vocabulary("training format", {
    "live": "Live",
    "recorded": "Recorded",
})

STATUSES = Vocabulary("status", {
    "open": "Open",
    "paused": "Paused",
    "closed": "Closed",
})

VERIFIERS = Vocabulary("verifier", {
    "organization": "The organization itself",
    "maintainers": "The directory's maintainers, against the organization's public description",
})

# Languages by friendly name; the ISO 639 code is what HSDS and schema.org exports use.
LANGUAGE_CODES: dict[str, str] = {
    "english": "en", "spanish": "es", "mandarin": "cmn", "cantonese": "yue", "chinese": "zh",
    "vietnamese": "vi", "korean": "ko", "tagalog": "tl", "japanese": "ja", "hindi": "hi",
    "punjabi": "pa", "arabic": "ar", "farsi": "fa", "dari": "prs", "pashto": "ps", "russian": "ru",
    "ukrainian": "uk", "french": "fr", "haitian-creole": "ht", "portuguese": "pt", "mam": "mam",
    "kiche": "quc", "qanjobal": "kjb", "thai": "th", "khmer": "km", "burmese": "my",
    "tigrinya": "ti", "amharic": "am", "somali": "so", "swahili": "sw", "nepali": "ne",
    "indonesian": "id", "mongolian": "mn", "american-sign-language": "ase",
}
_LANGUAGE_LABELS = {"haitian-creole": "Haitian Creole", "kiche": "K'iche'", "qanjobal": "Q'anjob'al",
                    "american-sign-language": "American Sign Language"}
LANGUAGES = Vocabulary("language", {
    key: _LANGUAGE_LABELS.get(key, key.title()) for key in LANGUAGE_CODES
})

STATES = Vocabulary("state", {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
})

ALL = (KINDS_OF_WORK, PRACTICE_AREAS, REMEDIES, CLIENTS, FORUMS, COMMITMENT_LENGTHS,
       TRAINING_FORMATS, STATUSES, VERIFIERS, LANGUAGES, STATES)
