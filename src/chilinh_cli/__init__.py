"""chilinh: a city's year in numbers, sourced to the article that reports them.

The Python API is these functions (the same core the command line uses)::

    import chilinh_cli as chilinh

    dataset = chilinh.load_dataset()                 # or load_dataset("my-city-2022.json")
    chilinh.figure(dataset, "revenue").figure.value  # 967300000000
    chilinh.records(chilinh.compare(dataset, 2020))  # plain dicts, ready for pandas.DataFrame

Each is imported on first call, so that ``import chilinh_cli`` stays cheap for the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:
    import os

    from .answers.core import Answer, CompareAnswer, FigureAnswer, HighlightAnswer, SearchAnswer
    from .model.records import Dataset

__all__ = ["__version__", "compare", "figure", "highlight", "load_dataset", "records", "search"]


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
    """The highlight with this rank or slug, with its figures and events."""
    from .answers.core import highlight_answer

    return highlight_answer(dataset, str(key))


def compare(dataset: Dataset, year: int | None = None) -> CompareAnswer:
    """Every figure the data compares with ``year`` (default: the year before the report's)."""
    from .answers.core import compare as compared

    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise TypeError(f"year is an int such as 2020, not {type(year).__name__}")
    return compared(dataset, year)


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
