"""Questions asked of a dataset, answered as data objects (no terminal, no formatting).

Each command asks one question and gets one answer object: ``FigureAnswer``,
``FiguresAnswer``, ``HighlightAnswer``, ``HighlightsAnswer``, ``ListAnswer``, ``CompareAnswer`` or
``SearchAnswer``. An answer carries every value derived for it (``derive``), so the
layers above only say what they are given."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .derive import Derivation, as_lower_bound, from_change, from_percent
from .errors import (
    AmbiguousFigureError,
    DataFileError,
    NoComparisonError,
    NothingFoundError,
    Problem,
    UnknownFigureError,
    UnknownHighlightError,
)
from .loader import load_dataset, name_of
from .models import Comparison, Dataset, Event, Figure, Highlight, Metadata
from .text import fold

MAX_CANDIDATES = 8


def derivation(figure: Figure, comparison: Comparison) -> Derivation | None:
    """What a stated comparison implies, or None when its wording is ambiguous."""
    if comparison.ambiguous:
        return None
    if comparison.kind == "percent_change":
        derived = from_percent(figure.value, comparison.value)
        if figure.qualifier == "more_than":  # a bound stays a bound, and says so once
            return derived._replace(baseline=as_lower_bound(derived.baseline))
        return derived
    relative = comparison.kind != "point_change"
    return from_change(figure.value, comparison.value, bounded=figure.qualifier != "exact", relative=relative)


def find_figure(dataset: Dataset, name: str) -> Figure:
    """The figure ``name`` designates: its id, an alias or a label, ignoring case and diacritics.

    A name that is part of exactly one figure's names also designates it
    ('thu ngan sach' finds the label 'Tong thu ngan sach' written with its diacritics).
    """
    for figure in dataset.figures:  # the common case, without folding every name
        if figure.id == name or name in figure.aliases:
            return figure
    key = fold(name)
    if not key:
        raise UnknownFigureError(name, [])
    names = list(_folded_names(dataset))
    exact = {figure.id: figure for folded, figure in names if folded == key}
    if len(exact) == 1:
        return next(iter(exact.values()))
    partial = {figure.id: figure for folded, figure in names if f" {folded}".find(f" {key}") >= 0}
    if len(partial) == 1:
        return next(iter(partial.values()))
    if partial:
        raise AmbiguousFigureError(name, sorted(partial)[:MAX_CANDIDATES], len(partial))
    spelled = {folded: figure.id for folded, figure in names}
    close = difflib.get_close_matches(key, list(spelled), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(spelled[match] for match in close))
    raise UnknownFigureError(name, suggestions)


def _folded_names(dataset: Dataset) -> Iterator[tuple[str, Figure]]:
    for figure in dataset.figures:
        yield fold(figure.id), figure
        for alias in figure.aliases:
            yield fold(alias), figure
        yield fold(figure.label.vi), figure
        yield fold(figure.label.en), figure


def figure_names(dataset: Dataset) -> list[str]:
    """Every id and alias, for shell completion."""
    return [name for figure in dataset.figures for name in (figure.id, *figure.aliases)]


def comparison_years(dataset: Dataset) -> list[int]:
    """The years the dataset compares figures with."""
    years = {c.year for f in dataset.figures for c in f.comparisons if c.year is not None}
    return sorted(years)


class StatedComparison(NamedTuple):
    """A comparison the article states, with what it implies (None when its wording is ambiguous)."""

    comparison: Comparison
    derivation: Derivation | None


class FigureAnswer(NamedTuple):
    """One figure, each of its stated comparisons beside the values derived from it."""

    figure: Figure
    comparisons: tuple[StatedComparison, ...]
    published: str
    """When the article was published (ISO date): the date of a figure stated 'as of now'."""

    @property
    def derives(self) -> bool:
        """Whether any value shown with the figure is derived rather than stated."""
        return any(stated.derivation is not None for stated in self.comparisons)


def figure_answer(figure: Figure, published: str) -> FigureAnswer:
    stated = tuple(StatedComparison(c, derivation(figure, c)) for c in figure.comparisons)
    return FigureAnswer(figure, stated, published)


def named_figure(dataset: Dataset, name: str) -> FigureAnswer:
    """The figure ``name`` designates (see ``find_figure``), with its derived values."""
    return figure_answer(find_figure(dataset, name), dataset.metadata.published)


class FiguresAnswer(NamedTuple):
    """Every figure of a dataset (``metric`` without a name)."""

    figures: tuple[Figure, ...]
    published: str

    def each(self) -> Iterator[FigureAnswer]:
        """The figures with their derived values, made one at a time: a listing that shows
        only the stated values never pays for the derivations."""
        return (figure_answer(figure, self.published) for figure in self.figures)


class HighlightAnswer(NamedTuple):
    """One highlight in full: its figures (with derived values) and its events."""

    highlight: Highlight
    figures: tuple[FigureAnswer, ...]
    events: tuple[Event, ...]


class HighlightsAnswer(NamedTuple):
    """Every highlight in full (``show`` without a key)."""

    highlights: tuple[HighlightAnswer, ...]


class ListedHighlight(NamedTuple):
    """A highlight as the list shows it: its headline figures, and its events."""

    highlight: Highlight
    headline: tuple[FigureAnswer, ...]
    events: tuple[Event, ...]


class ListAnswer(NamedTuple):
    """What the dataset is, and its highlights with their headline figures."""

    metadata: Metadata
    highlights: tuple[ListedHighlight, ...]


class ComparedFigure(NamedTuple):
    figure: Figure
    comparison: Comparison
    derivation: Derivation

    @property
    def direction(self) -> str:
        sign = self.comparison.value
        return "up" if sign > 0 else "down" if sign < 0 else "unchanged"


class CompareAnswer(NamedTuple):
    year: int
    """The year compared with."""
    current_year: int
    """The year of the report."""
    rows: tuple[ComparedFigure, ...]
    omitted: tuple[str, ...]
    """Ids of the figures left out: the article states no comparison with ``year`` for them."""


def compare(dataset: Dataset, year: int | None = None) -> CompareAnswer:
    """Every figure with a stated comparison with ``year`` (default: the year before the
    report's); no baseline is ever invented."""
    if year is None:
        year = dataset.metadata.year - 1
    rows: list[ComparedFigure] = []
    omitted: list[str] = []
    for figure in dataset.figures:
        match = next(
            (c for c in figure.comparisons if c.basis == "previous_year" and c.year == year and not c.ambiguous),
            None,
        )
        derived = derivation(figure, match) if match is not None else None
        if match is None or derived is None:
            omitted.append(figure.id)
        else:
            rows.append(ComparedFigure(figure, match, derived))
    if not rows:
        raise NoComparisonError(year, comparison_years(dataset))
    return CompareAnswer(year, dataset.metadata.year, tuple(rows), tuple(omitted))


class CheckAnswer(NamedTuple):
    """What ``validate`` found: the dataset when the file is valid, else every problem."""

    file: str
    dataset: Dataset | None
    problems: tuple[Problem, ...]


def check(path: Path | None) -> CheckAnswer:
    """Read and validate a data file (the embedded one for None) without the cache."""
    try:
        dataset = load_dataset(path, use_cache=False)
    except DataFileError as error:
        return CheckAnswer(error.path, None, error.problems)
    return CheckAnswer(name_of(path), dataset, ())


def every_figure(dataset: Dataset) -> FiguresAnswer:
    return FiguresAnswer(dataset.figures, dataset.metadata.published)


def highlight_answer(dataset: Dataset, key: str) -> HighlightAnswer:
    """The highlight ``key`` names (see ``find_highlight``), with its figures and events."""
    highlight = find_highlight(dataset, key)
    figures, events = _by_id(dataset)
    return HighlightAnswer(
        highlight,
        tuple(figure_answer(figures[ref], dataset.metadata.published) for ref in highlight.figures),
        tuple(events[ref] for ref in highlight.events),
    )


def every_highlight(dataset: Dataset) -> HighlightsAnswer:
    return HighlightsAnswer(tuple(highlight_answer(dataset, str(h.rank)) for h in dataset.highlights))


def list_answer(dataset: Dataset) -> ListAnswer:
    figures, events = _by_id(dataset)
    return ListAnswer(
        dataset.metadata,
        tuple(
            ListedHighlight(
                highlight,
                tuple(figure_answer(figures[ref], dataset.metadata.published) for ref in highlight.headline),
                tuple(events[ref] for ref in highlight.events),
            )
            for highlight in dataset.highlights
        ),
    )


def _by_id(dataset: Dataset) -> tuple[dict[str, Figure], dict[str, Event]]:
    return {figure.id: figure for figure in dataset.figures}, {event.id: event for event in dataset.events}


def find_highlight(dataset: Dataset, key: str) -> Highlight:
    """The highlight with rank ``key`` ('4') or slug ``key`` ('economy'), case and diacritics ignored."""
    wanted = key.strip()
    for highlight in dataset.highlights:
        if wanted == str(highlight.rank) or fold(wanted) == fold(highlight.slug):
            return highlight
    slugs = [highlight.slug for highlight in dataset.highlights]
    close = difflib.get_close_matches(wanted.lower(), slugs, n=3, cutoff=0.6)
    raise UnknownHighlightError(key, close, len(dataset.highlights))


def highlight_slugs(dataset: Dataset) -> list[str]:
    """Every highlight slug, for shell completion."""
    return [highlight.slug for highlight in dataset.highlights]


class SearchHit(NamedTuple):
    """One thing that matched a search: what it is, and the field that matched best."""

    kind: str
    """'figure', 'highlight' or 'event'."""
    key: str
    """The figure or event id, or the highlight slug."""
    item: Figure | Highlight | Event
    field: str
    """Which field matched: id, alias, label, title, short_title, summary or quote (and the language)."""
    text: str
    """The text of that field."""
    score: int


# How much a match in each field counts: a name outranks a quote, a quote a summary.
_FIELD_WEIGHTS = {"id": 6, "alias": 6, "label": 5, "short_title": 4, "title": 3, "quote": 2, "summary": 1}


def _searchable(dataset: Dataset) -> Iterator[tuple[str, str, Figure | Highlight | Event, str, str]]:
    for highlight in dataset.highlights:
        for field in ("short_title", "title", "summary"):
            text = getattr(highlight, field)
            yield "highlight", highlight.slug, highlight, f"{field}.vi", text.vi
            yield "highlight", highlight.slug, highlight, f"{field}.en", text.en
        yield "highlight", highlight.slug, highlight, "id", highlight.slug
    for figure in dataset.figures:
        yield "figure", figure.id, figure, "id", figure.id
        for alias in figure.aliases:
            yield "figure", figure.id, figure, "alias", alias
        yield "figure", figure.id, figure, "label.vi", figure.label.vi
        yield "figure", figure.id, figure, "label.en", figure.label.en
        yield "figure", figure.id, figure, "quote", figure.source.quote
        for comparison in figure.comparisons:
            yield "figure", figure.id, figure, "quote", comparison.source.quote
    for event in dataset.events:
        yield "event", event.id, event, "label.vi", event.label.vi
        yield "event", event.id, event, "label.en", event.label.en
        yield "event", event.id, event, "quote", event.source.quote


class SearchAnswer(NamedTuple):
    query: str
    hits: tuple[SearchHit, ...]


def search(dataset: Dataset, text: str) -> SearchAnswer:
    """Everything whose names, titles, summaries or quotes contain every word of ``text``.

    Case and Vietnamese diacritics are ignored ('bau cu' finds the words written with their
    diacritics); the last word may be the start of a longer one. Each item appears once, with its best-scoring field;
    results are ranked by that score (whole words and a whole-field match count more),
    then in dataset order.
    """
    words = fold(text).split()
    if not words:
        raise NothingFoundError(text)
    best: dict[tuple[str, str], SearchHit] = {}
    for kind, key, item, field, value in _searchable(dataset):
        plain = fold(value)
        folded = f" {plain} "
        # every word but the last must be whole; the last may be the start of a word
        if not all(f" {word} " in folded for word in words[:-1]) or f" {words[-1]}" not in folded:
            continue
        whole = sum(f" {word} " in folded for word in words)
        score = _FIELD_WEIGHTS[field.split(".")[0]] * (len(words) + whole + (2 if plain == " ".join(words) else 0))
        hit = SearchHit(kind, key, item, field, value, score)
        if (kind, key) not in best or best[(kind, key)].score < score:
            best[(kind, key)] = hit
    if not best:
        raise NothingFoundError(text)
    position = {id(hit.item): n for n, hit in enumerate(best.values())}
    return SearchAnswer(text, tuple(sorted(best.values(), key=lambda hit: (-hit.score, position[id(hit.item)]))))


Answer = FigureAnswer | FiguresAnswer | HighlightAnswer | HighlightsAnswer | ListAnswer | CompareAnswer | SearchAnswer
"""What a query command is answered with: one object, which the presentation turns into
a sheet for people, a JSON document and CSV rows."""
