"""The records a draft is made of, typed field by field as the dataset format writes them.

Each is a ``TypedDict`` with exactly the format's fields (``model.records`` holds the loaded
dataset; these hold what is written before it loads): a draft is built of them, mended by the
locations of validation's problems (``reading.validation.Problem``), and written as JSON in one
place, ``compose.exact_json``, in the order its fields were given. A field the draft may leave
out is ``NotRequired``; nothing here is derived.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NotRequired, TypedDict

Number = int | Decimal
"""A value as the article writes it: whole for money, counts, shares and days."""


class Text(TypedDict):
    """A text in Vietnamese, and in English once a person has given it."""

    vi: str
    en: NotRequired[str]


class Source(TypedDict):
    """Where a record's words stand: the section's rank, the exact quote, and (once located) the
    PDF's page or the paragraph, and a table's row."""

    section: int
    quote: str
    page: NotRequired[int]
    paragraph: NotRequired[int]
    row: NotRequired[int]


class Link(TypedDict):
    """A suggested year-to-year link: the previous review's file, as given, and the figure's id."""

    file: str
    id: str


class Comparison(TypedDict):
    """A comparison the article states beside its figure."""

    basis: str
    kind: str
    value: Number
    source: Source
    high: NotRequired[Number]
    year: NotRequired[int]
    ambiguous: NotRequired[bool]
    note: NotRequired[Text]


class Figure(TypedDict):
    """A drafted figure, its fields in the order the draft writes them."""

    id: str
    aliases: NotRequired[list[str]]
    label: Text
    value: Number
    unit: str
    qualifier: str
    year: int
    source: Source
    checked: bool
    note: NotRequired[Text]
    out_of: NotRequired[int]
    noun: NotRequired[Text]
    wording: NotRequired[Text]
    high: NotRequired[Number]
    target: NotRequired[bool]
    relative_to: NotRequired[str]
    as_of: NotRequired[str]
    comparisons: NotRequired[list[Comparison]]
    link: NotRequired[Link]


class When(TypedDict):
    """An event's date: year and month, the day or the part of the month when the article says."""

    year: int
    month: int
    year_inferred: bool
    day: NotRequired[int]
    period: NotRequired[str]


class Event(TypedDict):
    """A dated event the article reports."""

    id: str
    label: Text
    date: When
    source: Source
    checked: bool


class Highlight(TypedDict):
    """A section of the article: its title and the figures and events it states."""

    rank: int
    slug: str
    title: Text
    figures: list[str]
    headline: list[str]
    events: list[str]
    checked: bool


class Provenance(TypedDict):
    """The document a draft was read from: its path as given, the SHA-256 of its bytes and of
    its text (NFC), and the reader that read it."""

    path: str
    sha256: str
    text_sha256: str
    reader: str


class Metadata(TypedDict):
    """What the draft is the review of."""

    title: str
    locality: Text
    year: int
    language: str
    published: NotRequired[str]
    checked: bool
    document: NotRequired[Provenance]


class Document(TypedDict):
    """A whole draft, as the dataset format writes it."""

    schema_version: int
    metadata: Metadata
    highlights: list[Highlight]
    figures: list[Figure]
    events: list[Event]
