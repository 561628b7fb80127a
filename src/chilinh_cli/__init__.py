"""chilinh: a city's year in numbers, sourced to the article that reports them.

The Python API is these functions (the same core the command line uses)::

    import chilinh_cli as chilinh

    dataset = chilinh.load_dataset()                 # or load_dataset("my-city-2022.json")
    chilinh.figure(dataset, "revenue").figure.value  # 967300000000
    chilinh.records(chilinh.compare(dataset, 2020))  # plain dicts, ready for pandas.DataFrame

    catalog = chilinh.open_catalog("reviews/")       # a folder of places and years
    catalog.series("budget-revenue")                 # plain dicts: pandas.DataFrame(...) takes them

Every question is asked through ``answers.catalog`` (one query path, the command line's): a
dataset given in memory is a catalog of one. Each is imported on first call, so that
``import chilinh_cli`` stays cheap for the CLI.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .answers.catalog import Catalog as _Catalog
    from .answers.core import Answer, CompareAnswer, FigureAnswer, HighlightAnswer, SearchAnswer
    from .model.records import Dataset

__all__ = [
    "Catalog",
    "__version__",
    "compare",
    "figure",
    "highlight",
    "load_dataset",
    "open_catalog",
    "records",
    "search",
]


def load_dataset(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Dataset:
    """Load and validate a dataset: the embedded one, or the file at ``path``.

    Raises ``chilinh_cli.errors.DataFileError`` naming the file and every problem found.
    """
    from .answers.catalog import load_dataset as load

    return load(path, use_cache=use_cache)


def figure(dataset: Dataset, name: str) -> FigureAnswer:
    """The figure with this id, alias or label (case and diacritics ignored), with the values
    derived from its stated comparisons."""
    from .answers.catalog import catalog_of, find_figures

    if not isinstance(name, str):
        raise TypeError(f"a figure's name is a str such as 'revenue', not {type(name).__name__}")
    catalog = catalog_of([dataset])
    try:
        return find_figures(catalog, name)[0]
    finally:
        catalog.store.close()


def highlight(dataset: Dataset, key: str | int) -> HighlightAnswer:
    """The highlight with this rank, slug or words of its title, with its figures and events."""
    from .answers.catalog import about_report, catalog_of
    from .answers.core import highlight_answer

    catalog = catalog_of([dataset])
    try:
        return about_report(catalog, None, None, lambda one: highlight_answer(one, str(key)))
    finally:
        catalog.store.close()


def compare(dataset: Dataset, year: int | None = None) -> CompareAnswer:
    """Every figure the data compares with ``year`` (default: the year before the report's)."""
    from .answers.catalog import catalog_of, compare_reports

    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise TypeError(f"year is an int such as 2020, not {type(year).__name__}")
    catalog = catalog_of([dataset])
    try:
        return compare_reports(catalog, None, None, year)
    finally:
        catalog.store.close()


def search(dataset: Dataset, text: str) -> SearchAnswer:
    """Highlights, figures and events matching every word of ``text``, best first."""
    from .answers.catalog import catalog_of
    from .answers.catalog import search as searched

    catalog = catalog_of([dataset])
    try:
        return searched(catalog, text)
    finally:
        catalog.store.close()


def records(answer: Answer | Dataset) -> list[dict[str, object]]:
    """An answer's CSV rows as plain dicts, ready for pandas.DataFrame; for a dataset, every
    figure (one row per stated comparison)."""
    from .answers.core import every_figure
    from .model.records import Dataset
    from .present.documents import records as as_records
    from .present.documents import rows

    return as_records(*rows(every_figure(answer) if isinstance(answer, Dataset) else answer))


def open_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """The catalog at ``path``: a dataset file, or a folder of them (every place and year; JSON
    files that are no dataset are skipped, see ``Catalog.skipped``); the embedded dataset for
    None. Its answers are the documents ``--format json`` prints, as plain dicts and lists.

    Raises ``chilinh_cli.model.errors.ChilinhError`` (a ``DataFileError`` naming the file)."""
    from pathlib import Path

    from .answers.catalog import open_catalog as opened

    return Catalog(opened(Path(path) if path is not None else None)._replace(named=True))


class Catalog:
    """A catalog of reviews (places and years), answering as the command line does in JSON.

    Every method returns plain data (dicts, lists, str, int, float, bool, None) naming the review
    each answer comes from (``review``: place, year, file), so that
    ``pandas.DataFrame(catalog.series("budget-revenue"))`` needs nothing more. Close it (or
    use it in a ``with`` block) to let go of the store."""

    def __init__(self, catalog: _Catalog) -> None:
        self._catalog = catalog

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._catalog.store.close()

    @property
    def skipped(self) -> list[str]:
        """The folder's JSON files that are no dataset (a schema, notes), left out."""
        return list(self._catalog.skipped)

    def places(self) -> list[dict[str, Any]]:
        """Every place: its names, its key (folded Vietnamese name and province) and its reviews."""
        from .answers.catalog import places_of

        return [
            {
                "place": {"vi": first.place_vi, "en": first.place_en},
                "key": first.place_key,
                "reviews": [{"year": info.year, "file": info.path} for info in reviews],
            }
            for reviews in places_of(self._catalog)
            for first in reviews[:1]
        ]

    def reviews(self) -> list[dict[str, Any]]:
        """Every review: place, year, file and publication date, by place, newest first."""
        return [
            {
                "place": {"vi": info.place_vi, "en": info.place_en},
                "year": info.year,
                "file": info.path,
                "published": info.published,
                "key": info.place_key,
            }
            for info in self._catalog.infos
        ]

    def figure(self, name: str, place: str | None = None, year: int | None = None) -> dict[str, Any]:
        """The figure ``name`` (id, alias or label) of one review: the place's (the only place's)
        review of ``year``, else its latest; what ``chilinh metric NAME --format json`` prints."""
        from .answers.catalog import figure_in_report
        from .present.documents import document

        return document(figure_in_report(self._catalog, _name(name), place, year))

    def series(self, name: str, place: str | None = None) -> list[dict[str, Any]]:
        """The figure ``name`` in every review that has it (of ``place``, or of every place),
        by place and newest year first: the ``series`` of ``chilinh metric NAME --format json``,
        one dict per review (with ``review``, ``matched`` and ``kind``: never mix kinds in a column)."""
        from .answers.catalog import find_figures
        from .present.documents import figure_json

        return [figure_json(each) for each in find_figures(self._catalog, _name(name), place)]

    def compare(self, year: int | None = None, place: str | None = None, review: int | None = None) -> dict[str, Any]:
        """Every figure the review (the place's latest, or of year ``review``) compares with
        ``year``: what ``chilinh compare --format json`` prints."""
        from .answers.catalog import compare_reports
        from .present.documents import document

        for value, what in ((year, "year"), (review, "review")):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise TypeError(f"{what} is an int such as 2020, not {type(value).__name__}")
        return document(compare_reports(self._catalog, place, review, year))


def _name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(f"a figure's name is a str such as 'revenue', not {type(name).__name__}")
    return name
