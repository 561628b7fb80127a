"""Questions asked of a catalog: one or many datasets (places and years) in the store.

A catalog is what ``--data`` names: the embedded dataset (the default), one file, or a
directory whose ``*.json`` files are each a place in a year. Everything here reads the store
through its indexes, so that a query costs what its answer holds, not what the catalog holds:
a figure by id, alias or name; a search through the full-text index; one report rebuilt
from its text.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..model.building import building
from ..model.errors import (
    AmbiguousFigureError,
    AmbiguousPlaceError,
    DataFileError,
    DuplicateDatasetError,
    EmptyCatalogError,
    NoComparisonError,
    NoReportError,
    NothingFoundError,
    UnknownFigureError,
    UnknownPlaceError,
)
from ..model.records import Dataset, Event, EventDate, Figure, Highlight, Source, Text
from ..model.text import fold
from ..model.where import DatasetInfo
from ..reading.loader import embedded_path
from ..store.store import Progress, Store, open_store
from .core import (
    CheckAnswer,
    CompareAnswer,
    ComparedFigure,
    Counts,
    FigureAnswer,
    SearchAnswer,
    SearchHit,
    SeriesAnswer,
    compared_figures,
    figure_answer,
    left_out,
    review_todos,
    score,
)

MAX_CANDIDATES = 8
MAX_HITS = 50
"""Search shows the best hits and counts the rest."""


class Catalog(NamedTuple):
    """The datasets a run answers from, and the store that holds them."""

    store: Store
    infos: tuple[DatasetInfo, ...]
    """Every dataset of the catalog, newest year first within each place."""

    @property
    def many(self) -> bool:
        return len(self.infos) > 1


def open_catalog(data: Path | None, progress: Progress | None = None) -> Catalog:
    """The catalog ``--data`` names: the embedded dataset, a file, or every ``*.json`` of a directory."""
    with building():  # the tool's one policy for the garbage collector (see loader)
        return _open_catalog(data, progress)


def _open_catalog(data: Path | None, progress: Progress | None) -> Catalog:
    store = open_store()
    if data is not None and data.is_dir():
        files = data_files(data)
        if not files:
            raise EmptyCatalogError(str(data))
        ids = store.sync(files, within=data, progress=progress)
    else:
        ids = store.sync([data if data is not None else embedded_path()], progress=progress)
    return _catalog(store, ids)


def data_files(directory: Path) -> list[str]:
    """Every ``*.json`` under ``directory``, in a stable order: paths as strings, from os.walk
    (a catalog of ten thousand files would spend longer in pathlib's parsing and comparing)."""
    found: list[str] = []
    for root, folders, names in os.walk(directory):
        # Hidden files and folders are not reviews: an editor's lock file (.#2020.json), .git
        folders[:] = [folder for folder in folders if not folder.startswith(".")]
        found += (os.path.join(root, name) for name in names if name.endswith(".json") and not name.startswith("."))
    return sorted(found)


def catalog_of(datasets: Sequence[Dataset]) -> Catalog:
    """A catalog in memory of datasets already validated (the Python API)."""
    from ..store.store import memory_store

    store = memory_store()
    ids = [store.add(dataset, f"<dataset {n}>", "") for n, dataset in enumerate(datasets, start=1)]
    return _catalog(store, ids)


def _catalog(store: Store, ids: Sequence[int]) -> Catalog:
    infos = store.infos(ids)  # by place, newest year first
    for before, info in itertools.pairwise(infos):
        if (before.place_key, before.year) == (info.place_key, info.year):
            raise DuplicateDatasetError(info.place_en, info.year, before.path, info.path)
    return Catalog(store, tuple(infos))


# ---- places and reports ------------------------------------------------------------------------------


def places(catalog: Catalog, place: str | None) -> tuple[DatasetInfo, ...]:
    """The datasets of the place ``place`` names (case and diacritics ignored, in either
    language; an exact name wins, else a unique part of one), or of every place for None."""
    if place is None:
        return catalog.infos
    key = fold(place)
    # A place is its folded English name (place_key): "Chí Linh" and "Chi Linh" are one place.
    names = {info.place_key_vi: info.place_key for info in catalog.infos}
    names.update({info.place_key: info.place_key for info in catalog.infos})
    chosen = {names[key]} if key in names else {known for folded, known in names.items() if f" {key}" in f" {folded}"}
    if not key or not chosen:
        raise UnknownPlaceError(place, sorted({info.place_en for info in catalog.infos}))
    if len(chosen) > 1:
        raise AmbiguousPlaceError(place, sorted({info.place_en for info in catalog.infos if info.place_key in chosen}))
    return tuple(info for info in catalog.infos if info.place_key in chosen)


def report(catalog: Catalog, place: str | None, year: int | None) -> tuple[DatasetInfo, Dataset]:
    """The one report a command about one report answers from: the place's (the only place's)
    report of ``year``, else its latest."""
    info = _report_info(catalog, place, year)
    return info, catalog.store.dataset(info.id)


def _by_place(infos: Sequence[DatasetInfo]) -> list[list[DatasetInfo]]:
    """The reviews of each place, newest first (``infos`` come sorted by place, then year)."""
    return [list(reviews) for _, reviews in itertools.groupby(infos, key=lambda info: info.place_key)]


def _report_info(catalog: Catalog, place: str | None, year: int | None) -> DatasetInfo:
    chosen = places(catalog, place)
    by_place = _by_place(chosen)
    if len(by_place) > 1:  # each place once, with the years of its reviews
        listed = (f"{each[0].place_en} ({', '.join(str(info.year) for info in reversed(each))})" for each in by_place)
        raise AmbiguousPlaceError(None, sorted(listed))
    matching = [info for info in chosen if year is None or info.year == year]
    if not matching:
        raise NoReportError(chosen[0].place_en, year or 0, sorted(info.year for info in chosen))
    return matching[0]  # newest first


# ---- figures by name ------------------------------------------------------------------------------------


def find_figures(catalog: Catalog, name: str, place: str | None = None) -> tuple[FigureAnswer, ...]:
    """The figure ``name`` designates, in every report of the place (or of every place) that
    has it, newest first: its id, an alias or a label, case and diacritics ignored; a name
    that is the start of a word sequence of exactly one figure's names also designates it."""
    scope = places(catalog, place)
    ids = {info.id: info for info in scope}
    marks = ",".join("?" for _ in ids)
    db = catalog.store.db
    asked = name.encode("utf-8", "replace").decode("utf-8")  # undecodable argument bytes match nothing
    found = db.execute(
        f"SELECT dataset_id, id FROM figures WHERE id = ? AND dataset_id IN ({marks}) UNION "
        f"SELECT dataset_id, figure_id FROM figure_aliases WHERE alias = ? AND dataset_id IN ({marks})",
        (asked, *ids, asked, *ids),
    ).fetchall()
    key = fold(name)
    if not found and key:
        found = db.execute(
            f"SELECT dataset_id, figure_id FROM figure_names WHERE folded = ? AND dataset_id IN ({marks})", (key, *ids)
        ).fetchall()
    if not found and key:
        found = _partial(catalog.store, key, tuple(ids))
    figure_ids = sorted({figure_id for _, figure_id in found})
    if len(figure_ids) > 1:
        raise AmbiguousFigureError(name, figure_ids[:MAX_CANDIDATES], len(figure_ids))
    if not figure_ids:
        raise UnknownFigureError(name, _suggestions(catalog.store, key, tuple(ids)))
    # Every review of the scope that has the figure, whichever of its names each review knows.
    having = {
        number
        for (number,) in db.execute(
            f"SELECT dataset_id FROM figures WHERE id = ? AND dataset_id IN ({marks})", (figure_ids[0], *ids)
        )
    }
    where = [info for info in scope if info.id in having]
    figures = catalog.store.figures([(info.id, figure_ids[0]) for info in where])
    # a lone dataset answers as it always has; a catalog names the review of each figure
    return tuple(
        figure_answer(figure, info.published, info if catalog.many else None)
        for figure, info in zip(figures, where, strict=True)
    )


def _partial(store: Store, key: str, ids: tuple[int, ...]) -> list[tuple[int, str]]:
    marks = ",".join("?" for _ in ids)
    if store.full_text:
        words = key.split()
        query = " + ".join(f'"{word}"' for word in words) + "*"
        return store.db.execute(
            "SELECT n.dataset_id, n.figure_id FROM name_index JOIN figure_names n ON n.rowid = name_index.rowid "
            f"WHERE name_index MATCH ? AND n.dataset_id IN ({marks})",
            (query, *ids),
        ).fetchall()
    rows = store.db.execute(
        f"SELECT dataset_id, figure_id, folded FROM figure_names WHERE dataset_id IN ({marks})", ids
    )
    return [(number, figure_id) for number, figure_id, folded in rows if f" {key}" in f" {folded}"]


def _suggestions(store: Store, key: str, ids: tuple[int, ...]) -> list[str]:
    """Ids whose names are spelled like ``key`` (the error path: it reads names starting alike)."""
    if not key:
        return []
    marks = ",".join("?" for _ in ids)
    rows = store.db.execute(
        f"SELECT folded, figure_id FROM figure_names WHERE folded >= ? AND folded < ? AND dataset_id IN ({marks}) "
        "LIMIT 50000",
        (key[0], chr(ord(key[0]) + 1), *ids),
    ).fetchall()
    spelled = dict(rows)
    import difflib  # the error path alone needs it

    close = difflib.get_close_matches(key, list(spelled), n=5, cutoff=0.6)
    return list(dict.fromkeys(spelled[match] for match in close))


def figure_names(catalog: Catalog) -> list[str]:
    """Every id and alias, for shell completion."""
    marks = ",".join("?" for _ in catalog.infos)
    ids = tuple(info.id for info in catalog.infos)
    return [
        name
        for (name,) in catalog.store.db.execute(
            f"SELECT id FROM figures WHERE dataset_id IN ({marks}) UNION "
            f"SELECT alias FROM figure_aliases WHERE dataset_id IN ({marks})",
            ids + ids,
        )
    ]


def highlight_slugs(catalog: Catalog) -> list[str]:
    """Every highlight slug, for shell completion."""
    marks = ",".join("?" for _ in catalog.infos)
    query = f"SELECT slug FROM highlights WHERE dataset_id IN ({marks})"
    return [slug for (slug,) in catalog.store.db.execute(query, tuple(info.id for info in catalog.infos))]


# ---- search -------------------------------------------------------------------------------------------------


def search(catalog: Catalog, text: str, place: str | None = None) -> SearchAnswer:
    """Everything whose names, titles, summaries or quotes contain every word of ``text``
    (see ``core.score``), best first: the first ``MAX_HITS``, and a count of the rest."""
    words = fold(text).split()
    if not words:
        raise NothingFoundError(text)
    scope = {info.id: info for info in places(catalog, place)}
    best: dict[tuple[int, str, str], tuple[int, int, str, str, str, str]] = {}
    for rowid, number, kind, key, field, value, folded in _matching_rows(catalog.store, words, tuple(scope)):
        points = score(field, folded, words)
        if points is None:
            continue
        item = (number, kind, key)
        if item not in best or best[item][0] < points:
            best[item] = (points, rowid, kind, key, field, value)
    if not best:
        raise NothingFoundError(text)
    ranked = sorted(best.items(), key=lambda entry: (-entry[1][0], entry[1][1]))
    shown = ranked[:MAX_HITS]
    items = _items(catalog.store, [(number, kind, key) for (number, kind, key), _ in shown])
    hits = tuple(
        SearchHit(kind, key, items[item], field, value, points, scope[item[0]] if catalog.many else None)
        for item, (points, _, kind, key, field, value) in shown
    )
    return SearchAnswer(text, hits, len(ranked) - len(shown))


def _matching_rows(
    store: Store, words: list[str], ids: tuple[int, ...]
) -> list[tuple[int, int, str, str, str, str, str]]:
    marks = ",".join("?" for _ in ids)
    columns = "r.rowid, r.dataset_id, r.kind, r.key, r.field, r.text, r.folded"
    if store.full_text:
        query = " ".join(f'"{word}"' for word in words[:-1]) + f' "{words[-1]}"*'
        return store.db.execute(
            f"SELECT {columns} FROM search_index JOIN search_rows r ON r.rowid = search_index.rowid "
            f"WHERE search_index MATCH ? AND r.dataset_id IN ({marks})",
            (query, *ids),
        ).fetchall()
    return store.db.execute(f"SELECT {columns} FROM search_rows r WHERE r.dataset_id IN ({marks})", ids).fetchall()


def _items(store: Store, keys: list[tuple[int, str, str]]) -> dict[tuple[int, str, str], Figure | Highlight | Event]:
    """The figures, highlights and events that matched, rebuilt from their rows."""
    figures = [(number, key) for number, kind, key in keys if kind == "figure"]
    items: dict[tuple[int, str, str], Figure | Highlight | Event] = {
        (number, "figure", key): figure for (number, key), figure in zip(figures, store.figures(figures), strict=True)
    }
    for number, kind, key in keys:
        if kind == "highlight":
            row = store.db.execute(
                "SELECT rank, title_vi, title_en, short_title_vi, short_title_en, summary_vi, summary_en, checked "
                "FROM highlights WHERE dataset_id = ? AND slug = ?",
                (number, key),
            ).fetchone()
            title, short_title, summary = (None if row[n] is None else Text(row[n], row[n + 1]) for n in (1, 3, 5))
            assert title is not None  # every highlight has a title
            items[(number, kind, key)] = Highlight(
                row[0], key, title, (), (), short_title=short_title, summary=summary, checked=bool(row[7])
            )
        elif kind == "event":
            row = store.db.execute(
                "SELECT e.label_vi, e.label_en, e.year, e.month, e.year_inferred, e.day, e.period, s.section, s.quote, "
                "e.checked FROM events e JOIN sources s ON s.dataset_id = e.dataset_id AND s.id = e.source_id "
                "WHERE e.dataset_id = ? AND e.id = ?",
                (number, key),
            ).fetchone()
            date = EventDate(row[2], row[3], bool(row[4]), row[5], row[6])
            items[(number, kind, key)] = Event(key, Text(row[0], row[1]), date, Source(row[7], row[8]), bool(row[9]))
    return items


def figure_series(catalog: Catalog, name: str, place: str | None, review: int | None) -> FigureAnswer | SeriesAnswer:
    """The figure ``name`` designates: alone when one report has it (or ``review`` picks one),
    else its series across the catalog, newest first."""
    found = find_figures(catalog, name, place)
    if review is not None and catalog.many:
        found = tuple(each for each in found if each.where is not None and each.where.year == review)
        if not found:
            raise NoReportError(place or catalog.infos[0].place_en, review, sorted({i.year for i in catalog.infos}))
    return found[0] if len(found) == 1 else SeriesAnswer(found)


def compare_reports(catalog: Catalog, place: str | None, review: int | None, year: int | None) -> CompareAnswer:
    """The report's comparisons with ``year``; the place's own review of ``year``, when the
    catalog has it, puts its stated values beside the derived ones."""
    info = _report_info(catalog, place, review)
    asked = info.year - 1 if year is None else year
    store = catalog.store
    # Only the figures compared with that year are read (the comparisons table says which),
    # and of the earlier review only those same figures: the cost grows with the answer.
    figures = store.compared_figures(info.id, asked)
    earlier = next((o for o in catalog.infos if o.place_key == info.place_key and o.year == asked), None)
    stated = {f.id: f for f in store.compared_figures(earlier.id, asked, of=info.id)} if earlier else {}
    rows = compared_figures(figures, asked, stated, earlier)
    if not rows:
        raise NoComparisonError(asked, store.comparison_years(info.id))
    return CompareAnswer(asked, info.year, rows, left_out(store.figure_ids(info.id), rows))


# ---- a catalog's consistency ----------------------------------------------------------------------------------


class Conflict(NamedTuple):
    """A value of one year that the place's review of that year states, and a later review
    of the place implies otherwise."""

    later: DatasetInfo
    row: ComparedFigure


class CatalogCheck(NamedTuple):
    """What ``validate DIR`` found: each file's problems, and the conflicts between files."""

    files: tuple[CheckAnswer, ...]
    conflicts: tuple[Conflict, ...]


def check_catalog(directory: Path) -> CatalogCheck:
    """Validate every data file of a directory, then hold each review's stated values against
    the values later reviews of the same place derive for that year."""
    files = data_files(directory)
    if not files:
        raise EmptyCatalogError(str(directory))
    store = open_store()
    try:
        failures: dict[int, DataFileError] = {}
        ids = store.sync(files, within=directory, failures=failures)
        counts = store.counts(ids)
        unreviewed = store.unreviewed(ids)
        numbers = iter(ids)
        answers: list[CheckAnswer] = []
        for place, file in enumerate(files):
            if place in failures:
                answers.append(CheckAnswer(failures[place].path, None, failures[place].problems))
            else:
                number = next(numbers)
                todos = review_todos(store.dataset(number)) if number in unreviewed else ()
                answers.append(CheckAnswer(file, Counts(*counts[number]), (), todos))
        catalog = _catalog(store, ids)
        return CatalogCheck(tuple(answers), tuple(_conflicts(catalog)))
    finally:
        store.close()


def _conflicts(catalog: Catalog) -> list[Conflict]:
    found: list[Conflict] = []
    for of_place in _by_place(catalog.infos):
        for later, earlier in itertools.combinations(of_place, 2):  # newest first: later, then earlier
            try:
                compared = compare_reports(catalog, later.place_en, later.year, earlier.year)
            except NoComparisonError:
                continue
            found += [Conflict(later, row) for row in compared.rows if row.stated is not None and row.stated.conflict]
    return found
