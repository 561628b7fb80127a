"""Questions asked of a dataset, answered as data objects (no terminal, no formatting)."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator

from .derive import Derivation, from_change, from_percent
from .errors import AmbiguousFigureError, NoComparisonError, UnknownFigureError
from .models import Comparison, Dataset, Figure
from .text import fold

MAX_CANDIDATES = 8


def derivation(figure: Figure, comparison: Comparison) -> Derivation | None:
    """What a stated comparison implies, or None when its wording is ambiguous."""
    if comparison.ambiguous:
        return None
    if comparison.kind == "percent_change":
        return from_percent(figure.value, comparison.value)
    return from_change(figure.value, comparison.value)


def find_figure(dataset: Dataset, name: str) -> Figure:
    """The figure ``name`` designates: its id, an alias or a label, ignoring case and diacritics.

    A name that is part of exactly one figure's names also designates it
    ('thu ngan sach' finds 'Tổng thu ngân sách').
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
        raise AmbiguousFigureError(name, sorted(partial)[:MAX_CANDIDATES])
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


@dataclasses.dataclass(frozen=True, slots=True)
class ComparedFigure:
    figure: Figure
    comparison: Comparison
    derivation: Derivation

    @property
    def direction(self) -> str:
        sign = self.comparison.value
        return "up" if sign > 0 else "down" if sign < 0 else "unchanged"


@dataclasses.dataclass(frozen=True, slots=True)
class CompareResult:
    year: int
    rows: tuple[ComparedFigure, ...]
    omitted: tuple[str, ...]
    """Ids of the figures left out: the article states no comparison with ``year`` for them."""


def compare(dataset: Dataset, year: int) -> CompareResult:
    """Every figure with a stated comparison with ``year``; no baseline is ever invented."""
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
    return CompareResult(year, tuple(rows), tuple(omitted))


def figures_by_id(dataset: Dataset) -> dict[str, Figure]:
    return {figure.id: figure for figure in dataset.figures}
