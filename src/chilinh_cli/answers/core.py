"""Questions asked of one dataset, and the answer objects of every question (no terminal,
no formatting). ``catalog`` asks the questions that span a store of many datasets.

Each command asks one question and gets one answer object: ``FigureAnswer``,
``SeriesAnswer``, ``FiguresAnswer``, ``HighlightAnswer``, ``HighlightsAnswer``,
``ListAnswer``, ``CompareAnswer`` or ``SearchAnswer``. An answer carries every value derived
for it (``derive``), so the layers above only say what they are given."""

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import NamedTuple

from ..model.derive import (
    Derivation,
    Estimate,
    change_between,
    derivation,
    half_unit,
)
from ..model.derive import (
    stated as stated_value,
)
from ..model.errors import NoComparisonError, UnknownHighlightError
from ..model.records import (
    APPROXIMATE,
    LOWER_BOUNDS,
    Comparison,
    Dataset,
    Event,
    Figure,
    Highlight,
    Metadata,
)
from ..model.text import fold
from ..model.where import DatasetInfo


def comparison_years(dataset: Dataset) -> list[int]:
    """The years the dataset compares figures with, in words ``compare`` can use."""
    years = {
        c.year
        for f in dataset.figures
        for c in f.comparisons
        if c.year is not None and c.basis == "previous_year" and not c.ambiguous
    }
    return sorted(years)


class StatedComparison(NamedTuple):
    """A comparison the article states, with what it implies (None when its wording is ambiguous)."""

    comparison: Comparison
    derivation: Derivation | None


class FigureAnswer(NamedTuple):
    """One figure, each of its stated comparisons beside the values derived from it."""

    figure: Figure
    comparisons: tuple[StatedComparison, ...]
    published: str | None
    """When the article was published (ISO date): the date of a figure stated 'as of now'."""
    where: DatasetInfo | None = None
    """Which report of a catalog it comes from (None for a lone dataset)."""
    matched: str = "id"
    """How the name asked for matched it: 'id', 'alias', 'label' (any of its names, case and
    diacritics ignored) or 'start' (the first words of one of its names)."""

    @property
    def derives(self) -> bool:
        """Whether any value shown with the figure is derived rather than stated."""
        return any(stated.derivation is not None for stated in self.comparisons)


def figure_answer(
    figure: Figure, published: str | None, where: DatasetInfo | None = None, matched: str = "id"
) -> FigureAnswer:
    stated = tuple(StatedComparison(c, derivation(figure, c)) for c in figure.comparisons)
    return FigureAnswer(figure, stated, published, where, matched)


def kind_of(figure: Figure) -> str:
    """What a figure's values are, for a column: its unit, and what a share is a share of."""
    basis = getattr(figure, "relative_to", None)
    return figure.unit if basis is None else f"{figure.unit}:{basis}"


class SeriesRow(NamedTuple):
    """One year of a place's figure: its value, stated or derived, and its change on the year before."""

    answer: FigureAnswer
    """The review that states the value; for a derived value, the later review that implies it."""
    year: int
    value: Estimate
    """Stated (``derived`` False), or derived from the later review's comparison with this
    year when the catalog has no review of it."""
    change: Estimate | None
    """Derived: from the figure's stated comparison with the year before, else from the two
    years' stated values (both exact, of one kind); None when neither says it."""
    unbounded: bool = False
    """The year before is stated too, but the two values are bounds or estimates ('more than',
    'about'): no change follows from them, not even a bound, and the row says so."""


class SeriesAnswer(NamedTuple):
    """One figure in every report of a catalog that has it, newest first (by place, then year)."""

    figures: tuple[FigureAnswer, ...]

    @property
    def groups(self) -> tuple[tuple[str, tuple[FigureAnswer, ...]], ...]:
        """The figures by kind (``kind_of``), the largest group first: a column never mixes an
        amount with a share of plan or a rate."""
        grouped: dict[str, list[FigureAnswer]] = {}
        for each in self.figures:
            grouped.setdefault(kind_of(each.figure), []).append(each)
        return tuple((kind, tuple(found)) for kind, found in sorted(grouped.items(), key=lambda g: -len(g[1])))

    @property
    def one_place(self) -> bool:
        return len({each.where.place_key for each in self.figures if each.where is not None}) <= 1

    def rows(self, figures: tuple[FigureAnswer, ...]) -> tuple[SeriesRow, ...]:
        """A group's rows, newest first, each with its change on the previous year (of the same
        place); a year no review of the catalog states, that a later one implies, is a derived row."""
        found: list[SeriesRow] = []
        for each, before in zip(figures, (*figures[1:], None), strict=True):
            year = each.where.year if each.where is not None else each.figure.year
            change = _change(each, before)
            unbounded = change is None and _follows(each, before) and not _exact(each, before)
            found.append(SeriesRow(each, year, stated_value(each.figure.value), change, unbounded))
            baseline = _baseline(each, year - 1)
            has_year = before is not None and before.where is not None and before.where.year == year - 1
            if baseline is not None and not has_year:
                found.append(SeriesRow(each, year - 1, baseline, None))
        return tuple(found)


def _baseline(answer: FigureAnswer, year: int) -> Estimate | None:
    """The value of ``year`` the figure's stated comparison with it implies."""
    for each in answer.comparisons:
        c = each.comparison
        if c.basis == "previous_year" and c.year == year and each.derivation is not None:
            return each.derivation.baseline
    return None


def _change(answer: FigureAnswer, before: FigureAnswer | None) -> Estimate | None:
    year = answer.where.year - 1 if answer.where is not None else answer.figure.year - 1
    for stated in answer.comparisons:
        c = stated.comparison
        if c.basis == "previous_year" and c.year == year and stated.derivation is not None:
            return stated.derivation.absolute_change
    if before is None or not _follows(answer, before) or not _exact(answer, before):
        return None
    return change_between(answer.figure.value, before.figure.value)


def _follows(answer: FigureAnswer, before: FigureAnswer | None) -> bool:
    """Whether ``before`` is the same place's review of the year before ``answer``'s."""
    if before is None or before.where is None or answer.where is None:
        return False
    return before.where.place_key == answer.where.place_key and before.where.year == answer.where.year - 1


def _exact(answer: FigureAnswer, before: FigureAnswer | None) -> bool:
    return before is not None and answer.figure.qualifier == before.figure.qualifier == "exact"


class FiguresAnswer(NamedTuple):
    """Every figure of a dataset (``metric`` without a name)."""

    figures: tuple[Figure, ...]
    published: str | None
    where: DatasetInfo | None = None
    """Which review of a catalog it comes from (None for a lone dataset)."""

    def each(self) -> Iterator[FigureAnswer]:
        """The figures with their derived values, made one at a time: a listing that shows
        only the stated values never pays for the derivations."""
        return (figure_answer(figure, self.published) for figure in self.figures)


class HighlightAnswer(NamedTuple):
    """One highlight in full: its figures (with derived values) and its events."""

    highlight: Highlight
    figures: tuple[FigureAnswer, ...]
    events: tuple[Event, ...]
    where: DatasetInfo | None = None
    """Which review of a catalog it comes from (None for a lone dataset)."""


class HighlightsAnswer(NamedTuple):
    """Every highlight in full (``show`` without a key)."""

    highlights: tuple[HighlightAnswer, ...]
    where: DatasetInfo | None = None
    """Which review of a catalog it comes from (None for a lone dataset)."""


class ListedHighlight(NamedTuple):
    """A highlight as the list shows it: its headline figures, and its events."""

    highlight: Highlight
    headline: tuple[FigureAnswer, ...]
    events: tuple[Event, ...]


class ListAnswer(NamedTuple):
    """What the dataset is, and its highlights with their headline figures."""

    metadata: Metadata
    highlights: tuple[ListedHighlight, ...]
    where: DatasetInfo | None = None
    """Which review of a catalog it comes from (None for a lone dataset)."""


class StatedBaseline(NamedTuple):
    """The value of the year compared with, as the place's own review of that year states it."""

    figure: Figure
    where: DatasetInfo
    conflict: bool
    """True when it and the value derived from the later review differ by more than the
    rounding of the stated figures allows."""


class ComparedFigure(NamedTuple):
    figure: Figure
    comparison: Comparison
    derivation: Derivation
    stated: StatedBaseline | None = None

    @property
    def direction(self) -> str:
        return direction(self.figure, self.comparison)


def direction(figure: Figure, comparison: Comparison) -> str:
    """'up', 'down' or 'unchanged' from the value compared with to the figure, as stated."""
    kind, value = comparison.kind, comparison.value
    # a ratio is up above 100 % or 1 time; a value moved from is up when the figure is larger
    sign = value - 100 if kind == "percent_of" else value - 1 if kind == "multiple" else value
    if kind == "from_value":
        sign = figure.value - value
    return "up" if sign > 0 else "down" if sign < 0 else "unchanged"


class CompareAnswer(NamedTuple):
    year: int
    """The year compared with."""
    current_year: int
    """The year of the report."""
    rows: tuple[ComparedFigure, ...]
    omitted: tuple[str, ...]
    """Ids of the figures left out: the article states no comparison with ``year`` for them."""
    where: DatasetInfo | None = None
    """Which review of a catalog it comes from (None for a lone dataset)."""


def compare(
    dataset: Dataset, year: int | None = None, earlier: tuple[DatasetInfo, Dataset] | None = None
) -> CompareAnswer:
    """Every figure with a stated comparison with ``year`` (default: the year before the
    report's); no baseline is ever invented. With the place's ``earlier`` review of ``year``,
    a value it states is put beside the derived one (stated beats derived)."""
    if year is None:
        year = dataset.metadata.year - 1
    stated = {figure.id: figure for figure in earlier[1].figures} if earlier is not None else {}
    rows = compared_figures(dataset.figures, year, stated, earlier[0] if earlier is not None else None)
    if not rows:
        raise NoComparisonError(year, comparison_years(dataset))
    return CompareAnswer(year, dataset.metadata.year, rows, left_out([f.id for f in dataset.figures], rows))


def compared_figures(
    figures: Iterable[Figure], year: int, stated: Mapping[str, Figure], earlier: DatasetInfo | None
) -> tuple[ComparedFigure, ...]:
    """The rows of ``compare``: each figure compared with ``year`` in words that imply a
    value, beside the value ``stated`` by the ``earlier`` review when it has the figure."""
    rows: list[ComparedFigure] = []
    for figure in figures:
        if figure.target:  # a target for a later year is no result to compare
            continue
        match = next(
            (c for c in figure.comparisons if c.basis == "previous_year" and c.year == year and not c.ambiguous),
            None,
        )
        derived = derivation(figure, match) if match is not None else None
        if match is None or derived is None:
            continue
        before = stated.get(figure.id)
        baseline = None
        if before is not None and earlier is not None and states_year(before, figure, year):
            baseline = StatedBaseline(before, earlier, disagrees(before, derived.baseline, figure.qualifier))
            exact = figure.qualifier == before.qualifier == "exact"
            if exact and not baseline.conflict and match.kind in ("percent_change", "percent_of", "multiple"):
                # the change beside the stated value is taken from it, so the shown values add up
                derived = derived._replace(absolute_change=change_between(figure.value, before.value))
        rows.append(ComparedFigure(figure, match, derived, baseline))
    return tuple(rows)


def left_out(figure_ids: Iterable[str], rows: Iterable[ComparedFigure]) -> tuple[str, ...]:
    """The ids of the figures ``compare`` has no row for, in the dataset's order."""
    shown = {row.figure.id for row in rows}
    return tuple(figure_id for figure_id in figure_ids if figure_id not in shown)


def states_year(before: Figure, later: Figure, year: int) -> bool:
    """Whether the earlier review's figure is the value of ``year`` the later one is compared
    with: the same unit, of that year, not a count as of the review's publication."""
    return before.unit == later.unit and before.year == year and before.as_of != "publication"


def disagrees(before: Figure, derived: Estimate, later_qualifier: str) -> bool:
    """Whether a stated value and a derived one cannot both be true: their intervals do not
    meet. A stated value spans half a unit of its last digit either side; "more than" opens
    it upwards and "nearly" downwards. A derived value spans its interval, opened upwards
    when the later figure is "more than" and downwards when it is "nearly". "At least" is a
    lower bound like "more than". An approximate value ("about", "an estimated") says no
    bound on either side, so it is taken as unbounded both ways: it never conflicts."""
    if before.qualifier in APPROXIMATE or later_qualifier in APPROXIMATE:
        return False
    infinity = Decimal("Infinity")
    spread = half_unit(before.value)
    stated_low = -infinity if before.qualifier == "nearly" else Decimal(before.value) - spread
    stated_high = infinity if before.qualifier in LOWER_BOUNDS else Decimal(before.value) + spread
    derived_low = -infinity if later_qualifier == "nearly" else Decimal(derived.low)
    derived_high = infinity if later_qualifier in LOWER_BOUNDS else Decimal(derived.high)
    return stated_high < derived_low or derived_high < stated_low


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
    words = fold(wanted).split()
    if words:  # else the words of its titles, in either language, when one highlight has them all
        titled = [h for h in dataset.highlights if all(f" {w} " in f" {_titles(h)} " for w in words)]
        if len(titled) == 1:
            return titled[0]
    slugs = [highlight.slug for highlight in dataset.highlights]
    import difflib  # the error path alone needs it

    close = difflib.get_close_matches(wanted.lower(), slugs, n=3, cutoff=0.6)
    raise UnknownHighlightError(key, close, len(dataset.highlights))


def _titles(highlight: Highlight) -> str:
    texts = (highlight.title, highlight.short_title)
    return " ".join(fold(part) for text in texts if text is not None for part in (text.vi, text.en) if part)


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
    where: DatasetInfo | None = None
    """Which report of a catalog it comes from (None for a lone dataset)."""


# How much a match in each field counts: a name outranks a quote, a quote a summary.
_FIELD_WEIGHTS = {"id": 6, "alias": 6, "label": 5, "short_title": 4, "title": 3, "quote": 2, "summary": 1}


def score(field: str, folded: str, words: list[str]) -> int | None:
    """How well a field (its text folded: lower case, no diacritics) matches the folded words
    of a search, or None when it does not: every word but the last must be whole, the last
    may be the start of a word. Whole words and a whole-field match count more."""
    padded = f" {folded} "
    if not all(f" {word} " in padded for word in words[:-1]) or f" {words[-1]}" not in padded:
        return None
    whole = sum(f" {word} " in padded for word in words)
    return _FIELD_WEIGHTS[field.split(".")[0]] * (len(words) + whole + (2 if folded == " ".join(words) else 0))


class SearchAnswer(NamedTuple):
    query: str
    hits: tuple[SearchHit, ...]
    more: int = 0
    """How many more items matched than are shown."""


Answer = (
    FigureAnswer
    | SeriesAnswer
    | FiguresAnswer
    | HighlightAnswer
    | HighlightsAnswer
    | ListAnswer
    | CompareAnswer
    | SearchAnswer
)
"""What a query command is answered with: one object, which the presentation turns into
a sheet for people, a JSON document and CSV rows."""
