"""The dataset as frozen standard-library dataclasses.

These classes are the schema. Pydantic validates a data file against them (see
``validation``), but this module never imports Pydantic: once a file has been
validated, the query path works on plain dataclasses, which keeps start-up fast.
Field documentation lives in attribute docstrings, which Pydantic copies into the
generated JSON Schema.

The classes are frozen but deliberately not slotted: pickle restores an unslotted
instance by updating its ``__dict__`` in C, which reads a large cached dataset about
twice as fast as calling a slotted class's ``__setstate__``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ..words import data_messages, messages
from ..words.messages import Msg
from .frozen import Frozen, record

Unit = Literal["vnd", "usd", "percent", "count", "days", "share", "quantity"]
Qualifier = Literal["exact", "more_than", "nearly", "approximately", "estimated", "at_least"]
Basis = Literal["previous_year", "budget_estimate", "target", "plan"]
ChangeKind = Literal["percent_change", "absolute_change", "point_change", "percent_of", "multiple", "from_value"]
AsOf = Literal["year", "publication"]
Period = Literal["early", "mid", "late"]
ReviewStatus = Literal["drafted", "accepted", "edited", "rejected"]
Reader = Literal["text", "html", "pdf", "docx"]

Number = int | Decimal

MAX_RANK = 10_000
"""The highest section or highlight number (an article has far fewer; the store keeps it as an integer)."""
LOWER_BOUNDS = ("more_than", "at_least")
"""Qualifiers of a value that is only a lower bound."""
APPROXIMATE = ("approximately", "estimated")
"""Qualifiers of a value that is approximate either way ('about', 'an estimated')."""
NOUN_UNITS = ("count", "share", "quantity")
"""Units whose figure may name what it counts or measures (a noun); ``quantity`` must."""
WHOLE_UNITS = ("vnd", "usd", "count", "days", "share")
"""Units whose values are whole numbers."""


class RuleError(ValueError):
    """A rule of one record broken, said by a catalogue message.

    Pydantic reports the English text and keeps this exception in the error's context,
    where the validator finds the whole message.
    """

    def __init__(self, message: Msg, field: str | None = None) -> None:
        super().__init__(message.en)
        self.said = message
        self.field = field
        """The field of the record the rule is about, when it is about one."""


if TYPE_CHECKING:
    import annotated_types as at

    from ..words.language import Lang

    NonEmptyStr = Annotated[str, at.MinLen(1)]
    Slug = Annotated[str, at.MinLen(1), at.MaxLen(80)]
    Year = Annotated[int, at.Ge(1900), at.Le(2200)]


def declare_constraints() -> None:
    """Define the constraint names the annotations use, for Pydantic to read.

    The annotations are strings (``from __future__ import annotations``) that only
    Pydantic evaluates, so annotated_types is imported when a file is validated and
    never on the query path. Keep these in step with the TYPE_CHECKING block above.
    """
    import annotated_types as at

    globals().update(
        at=at,
        NonEmptyStr=Annotated[str, at.MinLen(1)],
        Slug=Annotated[str, at.MinLen(1), at.MaxLen(80)],
        Year=Annotated[int, at.Ge(1900), at.Le(2200)],
    )


_CONFIG: dict[str, Any] = {
    "strict": True,
    "extra": "forbid",
    "allow_inf_nan": False,
    "use_attribute_docstrings": True,
}


class Record(Frozen):
    """Base of every record: frozen (``frozen``), with the Pydantic configuration as a plain dict.

    The configuration is strict so that a string never passes for a number. In
    strict mode Pydantic would only accept instances for a dataclass, so the hook
    relaxes that one check to accept a JSON object; the fields stay strict.
    """

    __slots__ = ()
    __pydantic_config__ = _CONFIG

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["strict"] = False
        return schema


@record
class Text(Record):
    """A text in Vietnamese and in English."""

    vi: NonEmptyStr
    """The Vietnamese text."""
    en: NonEmptyStr | None = None
    """The English text; absent while nobody has translated it."""

    def get(self, lang: Lang) -> str:
        """The text in ``lang``; in English without a translation, the Vietnamese and a marker saying so."""
        if lang == "vi":
            return self.vi
        return self.en if self.en is not None else self.vi + messages.UNTRANSLATED.en

    def said(self, lang: Lang) -> str:
        """The text in ``lang``, the Vietnamese as it is when there is no English (a name or a noun)."""
        return self.en if lang == "en" and self.en is not None else self.vi


@record
class Review(Record):
    """What a person decided about a record, and when."""

    status: ReviewStatus
    """drafted (no person has looked yet), accepted (right as drafted), edited (right once a
    person changed it) or rejected (wrong: it stays in the file, and leaves every answer)."""
    at: NonEmptyStr
    """When it was decided: an ISO 8601 timestamp in UTC (2026-12-07T12:30:00Z)."""

    def __post_init__(self) -> None:
        import datetime

        try:
            moment = datetime.datetime.fromisoformat(self.at)
        except ValueError:
            raise RuleError(data_messages.RULE_REVIEW_TIME, "at") from None
        if moment.utcoffset() != datetime.timedelta(0):
            raise RuleError(data_messages.RULE_REVIEW_TIME, "at")


@record
class Link(Record):
    """A suggested year-to-year link: the figure of another review this one measures again."""

    file: NonEmptyStr
    """The other review's file, as the path was given."""
    id: Slug
    """The figure's id in that file."""


def settle_review(record: Any) -> None:
    """Keep ``checked`` in step with ``review`` (the legacy flag says drafted or not): a record
    whose ``checked`` is false must not carry a review other than drafted."""
    review: Review | None = record.review
    if review is None:
        return
    if not record.checked and review.status != "drafted":
        raise RuleError(data_messages.RULE_REVIEW_DISAGREES.format(status=repr(review.status)), "review")
    object.__setattr__(record, "checked", review.status != "drafted")


def status_of(record: Any) -> ReviewStatus:
    """A record's review status: its ``review``'s, else drafted for ``checked: false``, else
    accepted (a file without review state, the embedded one, counts as reviewed)."""
    review: Review | None = record.review
    if review is not None:
        return review.status
    return "accepted" if record.checked else "drafted"


@record
class Source(Record):
    """Where the article states something."""

    section: Annotated[int, at.Ge(1), at.Le(MAX_RANK)]
    """Number of the article's highlight section that states it (from 1)."""
    quote: NonEmptyStr
    """The shortest exact words of the article that state it (NFC-normalised)."""
    page: Annotated[int, at.Ge(1)] | None = None
    """The page of a PDF document the quote is on (from 1), when the article was read from a PDF."""
    paragraph: Annotated[int, at.Ge(1)] | None = None
    """The paragraph of the document the quote is in (from 1, counting the document's paragraphs)."""
    row: Annotated[int, at.Ge(1)] | None = None
    """The row of the table the quote is (from 1, the header being row 1), when a table states it."""


@record
class Comparison(Record):
    """A comparison the article states for a figure, exactly as the text gives it."""

    basis: Basis
    """What the figure is compared with: the previous year, the budget estimate, a target or the plan."""
    kind: ChangeKind
    """How the change is stated: percent_change (up 22.4 %), absolute_change (an amount in the
    figure's unit), point_change (percentage points, for a figure that is a percentage),
    percent_of (the figure is ``value`` % of the basis: 101.3 % of the plan), multiple (the
    figure is ``value`` times the basis: 1.5 times), or from_value (the basis's own value, in
    the figure's unit: from 2.84 % down to 1.96 %)."""
    value: Number
    """The stated change, signed: negative for a decrease; for percent_of and multiple a
    positive number, for from_value the value moved from (not negative)."""
    source: Source
    """Where the article states the comparison."""
    year: Year | None = None
    """The year compared with; required for a previous-year comparison, absent otherwise."""
    ambiguous: bool = False
    """True when the wording allows more than one reading; nothing is derived from it."""
    note: Text | None = None
    """An explanation shown wherever the comparison is shown."""
    high: Number | None = None
    """The upper end of a range the article states ('tang 8-9%', a plan of 'KH 24,5-25,5%'):
    ``value`` is then the low end; absent for a single value."""

    def __post_init__(self) -> None:
        if (self.basis == "previous_year") != (self.year is not None):
            raise RuleError(data_messages.RULE_YEAR_FOR_PREVIOUS_YEAR)
        if self.high is not None:
            _check_size(self.high, "high")
            if self.high <= self.value:
                raise RuleError(data_messages.RULE_HIGH_ABOVE_VALUE.format(value=self.value, high=self.high), "high")
        if self.ambiguous and self.note is None:
            raise RuleError(data_messages.RULE_AMBIGUOUS_NEEDS_NOTE)
        _check_size(self.value)
        if self.kind == "percent_change" and self.value <= -100:
            raise RuleError(data_messages.RULE_PERCENT_ABOVE_MINUS_100, "value")
        if self.kind in ("percent_of", "multiple") and self.value <= 0:
            raise RuleError(data_messages.RULE_RATIO_POSITIVE.format(kind=repr(self.kind)), "value")
        if self.kind == "from_value" and self.value < 0:
            raise RuleError(data_messages.RULE_NOT_NEGATIVE, "value")


@record
class Figure(Record):
    """One quantitative figure of the article."""

    id: Slug
    """Stable kebab-case identifier."""
    label: Text
    """What the figure measures."""
    value: Number
    """The stated value: money as a whole number of dong (VND), a percentage as its number (99.92)."""
    unit: Unit
    """vnd (dong), usd (US dollars), percent, count, days, share (value out of ``out_of``), or
    quantity (a measured amount, decimals allowed, in ``noun``: 12.5 tonnes)."""
    qualifier: Qualifier
    """exact; more_than: a lower bound (the article says 'more than'); at_least: a lower bound
    ('at least'); nearly: approximate, from below; approximately ('about') and estimated ('an
    estimated'): approximate, either way."""
    year: Year
    """The year the figure describes."""
    source: Source
    """Where the article states the figure."""
    aliases: tuple[Slug, ...] = ()
    """Other names the figure answers to (kebab-case)."""
    out_of: Annotated[int, at.Ge(1)] | None = None
    """For a share such as 10/12, the whole (12); absent for other units."""
    comparisons: tuple[Comparison, ...] = ()
    """Every comparison the article states for the figure."""
    note: Text | None = None
    """An explanation shown wherever the figure is shown."""
    wording: Text | None = None
    """The article's words for the value when it gives words, not a number ('more than half'):
    shown in place of the number, which stays in ``value`` for scripts."""
    as_of: AsOf = "year"
    """year: the value describes ``year``; publication: the article states it as of its
    publication (the article says 'now'), which is shown with it."""
    noun: Text | None = None
    """What is counted or measured, as the text says it (people, households, tonnes, hectares,
    visits: in the article's words): required for unit quantity, allowed for count and share,
    absent otherwise."""
    checked: bool = True
    """False for a record drafted by `chilinh draft` that no person has checked yet; a reviewer sets it to true."""
    high: Number | None = None
    """The upper end of a range the article states ('58-60 ta/ha'): ``value`` is then the low end,
    and anything derived from the figure is an interval; absent for a single value."""
    target: bool = False
    """True for a plan target for a later year ('nam 2024 phan dau ...'): ``year`` is the year
    aimed at; never a result of that year, and never compared as one."""
    relative_to: Basis | None = None
    """For a percentage stated only as a share of a basis ('bang 106,8% du toan', no amount given):
    that basis. The value is a share of the plan or estimate, never a change on last year."""
    review: Review | None = None
    """What a person decided about it and when; absent: drafted when ``checked`` is false, else accepted."""
    link: Link | None = None
    """A link to last year's figure suggested by `chilinh draft --like`, until a person accepts it:
    the figure already carries that figure's id, so answers treat it as the same series."""

    @property
    def is_range(self) -> bool:
        """Whether the article states the value as a range (``value`` to ``high``)."""
        return self.high is not None

    def __post_init__(self) -> None:
        if self.high is not None:
            _check_size(self.high, "high")
            if self.high <= self.value:
                raise RuleError(data_messages.RULE_HIGH_ABOVE_VALUE.format(value=self.value, high=self.high), "high")
            if self.unit in WHOLE_UNITS and not _is_whole(self.high):
                raise RuleError(data_messages.RULE_WHOLE_NUMBER.format(unit=repr(self.unit)), "high")
        if self.relative_to is not None and self.unit != "percent":
            raise RuleError(data_messages.RULE_RELATIVE_TO_PERCENT, "relative_to")
        settle_review(self)
        if (self.unit == "share") != (self.out_of is not None):
            raise RuleError(data_messages.RULE_OUT_OF_FOR_SHARE)
        if self.unit == "quantity" and self.noun is None:
            raise RuleError(data_messages.RULE_NOUN_FOR_QUANTITY, "noun")
        if self.noun is not None and self.unit not in NOUN_UNITS:
            raise RuleError(data_messages.RULE_NOUN_NOT_HERE.format(unit=repr(self.unit)), "noun")
        if self.unit in WHOLE_UNITS and not _is_whole(self.value):
            raise RuleError(data_messages.RULE_WHOLE_NUMBER.format(unit=repr(self.unit)), "value")
        if self.value < 0:
            raise RuleError(data_messages.RULE_NOT_NEGATIVE, "value")
        _check_size(self.value)
        if self.out_of is not None:
            _check_size(self.out_of, "out_of")
        if self.out_of is not None and self.value > self.out_of:
            raise RuleError(data_messages.RULE_SHARE_ABOVE_WHOLE.format(value=self.value, whole=self.out_of), "value")
        for n, comparison in enumerate(self.comparisons):
            if comparison.kind == "point_change" and self.unit != "percent":
                raise RuleError(data_messages.RULE_POINTS_FOR_PERCENT.format(n=n))
            if comparison.kind in ("absolute_change", "point_change") and comparison.value > self.value:
                raise RuleError(
                    data_messages.RULE_RISE_ABOVE_VALUE.format(n=n, change=comparison.value, value=self.value)
                )


@record
class EventDate(Record):
    """A date as precise as the article gives it."""

    year: Year
    """The year."""
    month: Annotated[int, at.Ge(1), at.Le(12)]
    """The month (1-12)."""
    year_inferred: bool
    """True when the article gives no year and it is read from the context."""
    day: Annotated[int, at.Ge(1), at.Le(31)] | None = None
    """The day of the month, when the article gives it."""
    period: Period | None = None
    """Part of the month (early, mid, late), when the article gives that instead of a day."""

    def __post_init__(self) -> None:
        if self.day is not None and self.period is not None:
            raise RuleError(data_messages.RULE_DAY_OR_PERIOD)
        if self.day is not None:
            import datetime

            try:
                datetime.date(self.year, self.month, self.day)
            except ValueError:
                raise RuleError(
                    data_messages.RULE_NOT_A_DATE.format(year=self.year, month=self.month, day=self.day)
                ) from None


@record
class Event(Record):
    """A dated event the article reports."""

    id: Slug
    """Stable kebab-case identifier."""
    label: Text
    """What happened."""
    date: EventDate
    """When it happened."""
    source: Source
    """Where the article states it."""
    checked: bool = True
    """False for a record drafted by `chilinh draft` that no person has checked yet (legacy: ``review`` says more)."""
    review: Review | None = None
    """What a person decided about it and when; absent: drafted when ``checked`` is false, else accepted."""

    def __post_init__(self) -> None:
        settle_review(self)


@record
class Highlight(Record):
    """One of the article's highlights."""

    rank: Annotated[int, at.Ge(1), at.Le(MAX_RANK)]
    """Position in the article (from 1); equals the section number of its sources."""
    slug: Slug
    """Stable kebab-case identifier."""
    title: Text
    """Vietnamese title as published, and an English translation."""
    figures: tuple[Slug, ...]
    """Ids of the figures that belong to this highlight."""
    headline: tuple[Slug, ...]
    """Ids of the figures shown in the list of highlights (a subset of ``figures``)."""
    short_title: Text | None = None
    """A short title for tables; without one, the title is shown."""
    summary: Text | None = None
    """A short summary in each language (written for chilinh, not copied)."""
    events: tuple[Slug, ...] = ()
    """Ids of the events that belong to this highlight."""
    checked: bool = True
    """False for a record drafted by `chilinh draft` that no person has checked yet (legacy: ``review`` says more)."""
    review: Review | None = None
    """What a person decided about it and when; absent: drafted when ``checked`` is false, else accepted."""

    def __post_init__(self) -> None:
        settle_review(self)

    @property
    def shown_title(self) -> Text:
        """The short title for tables, or the title when there is none."""
        return self.short_title if self.short_title is not None else self.title


ReaderKind = Literal["text", "html", "pdf", "docx"]


@record
class Document(Record):
    """The document a dataset was drafted from: which file, which bytes, and how it was read."""

    path: NonEmptyStr
    """The document's path as it was given to `chilinh draft` ('-' for standard input)."""
    sha256: Annotated[str, at.Len(64, 64)]
    """SHA-256 of the document's bytes, in lower-case hexadecimal."""
    text_sha256: Annotated[str, at.Len(64, 64)]
    """SHA-256 of the text read from it (NFC, UTF-8), in lower-case hexadecimal: what the quotes quote."""
    reader: ReaderKind
    """How the text was read: as text, a saved web page (html), a PDF (pdf) or a Word file (docx)."""

    def __post_init__(self) -> None:
        for name in ("sha256", "text_sha256"):
            if any(ch not in "0123456789abcdef" for ch in getattr(self, name)):
                raise RuleError(data_messages.RULE_DOCUMENT_HASH, name)


@record
class Metadata(Record):
    """What the dataset is."""

    title: NonEmptyStr
    """Title of the source article, as published."""
    locality: Text
    """The place the figures describe."""
    year: Year
    """The year reported."""
    language: Literal["vi", "en"]
    """Language of the source article."""
    title_en: NonEmptyStr | None = None
    """English translation of the title."""
    publisher: NonEmptyStr | None = None
    """Who published the article."""
    published: Annotated[str, at.Len(10, 10)] | None = None
    """Publication date, ISO 8601 (YYYY-MM-DD)."""
    checked: bool = True
    """False for a record drafted by `chilinh draft` that no person has checked yet (legacy: ``review`` says more)."""
    province: NonEmptyStr | None = None
    """The province the place belongs to, in Vietnamese, as the article writes it; without it, the province the
    locality names after its comma. A place is its folded Vietnamese name with its folded province."""
    other_names: tuple[NonEmptyStr, ...] = ()
    """The place's other names in Vietnamese (an earlier name, its name after a reorganisation), each
    optionally followed by a comma and its province: reviews under any of them are one place."""
    review: Review | None = None
    """What a person decided about it and when; absent: drafted when ``checked`` is false, else accepted."""
    document: Document | None = None
    """The document the dataset was drafted from (written by `chilinh draft`): its path, hashes and reader."""

    def __post_init__(self) -> None:
        import datetime

        settle_review(self)

        if self.published is None:
            return
        try:
            datetime.date.fromisoformat(self.published)
        except ValueError:
            raise RuleError(data_messages.RULE_PUBLISHED_DATE) from None

    @property
    def place(self) -> str:
        """The place's English name, or its Vietnamese one when it has none (a name is not translated)."""
        return self.locality.en if self.locality.en is not None else self.locality.vi


@record
class Dataset(Record):
    """A year in numbers: the article's metadata, highlights, figures and events."""

    # A record answers no questions itself: they are asked through the functions of
    # ``chilinh_cli`` (the Python API) and of ``chilinh_cli.core``.

    schema_version: Literal[1]
    """Version of this format."""
    metadata: Metadata
    """What the dataset is."""
    highlights: tuple[Highlight, ...]
    """The highlights, in the article's order."""
    figures: tuple[Figure, ...]
    """Every quantitative figure the article states."""
    events: tuple[Event, ...] = ()
    """Every dated event the article reports."""


def answerable(dataset: Dataset) -> Dataset:
    """The dataset as the questions see it: rejected figures and events left out (they stay in
    the file), and the highlights' lists without them. A rejected highlight keeps its figures."""
    gone = {f.id for f in dataset.figures if status_of(f) == "rejected"}
    gone_events = {e.id for e in dataset.events if status_of(e) == "rejected"}
    if not gone and not gone_events:
        return dataset
    highlights = tuple(
        dataclasses.replace(
            h,
            figures=tuple(ref for ref in h.figures if ref not in gone),
            headline=tuple(ref for ref in h.headline if ref not in gone),
            events=tuple(ref for ref in h.events if ref not in gone_events),
        )
        for h in dataset.highlights
    )
    return dataclasses.replace(
        dataset,
        highlights=highlights,
        figures=tuple(f for f in dataset.figures if f.id not in gone),
        events=tuple(e for e in dataset.events if e.id not in gone_events),
    )


def figure_homes(dataset: Dataset) -> dict[str, int]:
    """The rank of the highlight each figure belongs to, by figure id."""
    return {ref: highlight.rank for highlight in dataset.highlights for ref in highlight.figures}


def event_homes(dataset: Dataset) -> dict[str, int]:
    """The rank of the highlight each event belongs to, by event id."""
    return {ref: highlight.rank for highlight in dataset.highlights for ref in highlight.events}


MAX_MAGNITUDE = 10**18
"""Numbers must stay below this (SQLite's integers end at about 9.2 * 10**18)."""
MAX_DECIMALS = 6
"""Digits after the decimal point a number may have (the article gives at most 3)."""


def _check_size(value: Number, field: str = "value") -> None:
    if (-value if value < 0 else value) >= MAX_MAGNITUDE:
        raise RuleError(data_messages.RULE_TOO_LARGE.format(value=_excerpt(value)), field)
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        raise RuleError(
            data_messages.RULE_TOO_MANY_DECIMALS.format(value=_excerpt(value), digits=-exponent, most=MAX_DECIMALS),
            field,
        )


def _excerpt(value: Number) -> Msg:
    """A number as a message shows it: whole when short, else its start and its length."""
    written = str(value)
    if len(written) <= 24:
        return Msg(written, written)
    return data_messages.LONG_NUMBER.format(start=written[:12], digits=sum(ch.isdigit() for ch in written))


def _is_whole(value: Number) -> bool:
    return isinstance(value, int) or value == value.to_integral_value()


def searchable(dataset: Dataset) -> Iterator[tuple[str, str, Figure | Highlight | Event, str, str]]:
    """Every text search looks in: (kind, key, item, field, text), in the dataset's order."""
    for highlight in dataset.highlights:
        for field in ("short_title", "title", "summary"):
            for language, text in _languages(getattr(highlight, field)):
                yield "highlight", highlight.slug, highlight, f"{field}.{language}", text
        yield "highlight", highlight.slug, highlight, "id", highlight.slug
    for figure in dataset.figures:
        yield "figure", figure.id, figure, "id", figure.id
        for alias in figure.aliases:
            yield "figure", figure.id, figure, "alias", alias
        for language, text in _languages(figure.label):
            yield "figure", figure.id, figure, f"label.{language}", text
        yield "figure", figure.id, figure, "quote", figure.source.quote
        for comparison in figure.comparisons:
            yield "figure", figure.id, figure, "quote", comparison.source.quote
    for event in dataset.events:
        for language, text in _languages(event.label):
            yield "event", event.id, event, f"label.{language}", text
        yield "event", event.id, event, "quote", event.source.quote


def _languages(text: Text | None) -> Iterator[tuple[str, str]]:
    """A text's languages that it has: ('vi', …), then ('en', …) when it is translated."""
    if text is not None:
        yield "vi", text.vi
        if text.en is not None:
            yield "en", text.en
