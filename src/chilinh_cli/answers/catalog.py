"""Questions asked of a catalog: one or many datasets (places and years) in the store.

A catalog is what ``--data`` names: the embedded dataset (the default), one file, or a
directory whose ``*.json`` files are each a place in a year. Everything here reads the store
through its indexes, so that a query costs what its answer holds, not what the catalog holds:
a figure by id, alias or name; a search through the full-text index; one report rebuilt
from its text.
"""

import itertools
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ..model.building import building
from ..model.errors import (
    AmbiguousFigureError,
    AmbiguousPlaceError,
    ChilinhError,
    DuplicateDatasetError,
    EmptyCatalogError,
    NoComparisonError,
    NoReportError,
    NothingFoundError,
    UnknownFigureError,
    UnknownPlaceError,
)
from ..model.records import Dataset, Figure, answerable
from ..model.text import fold, plain
from ..model.where import DatasetInfo
from ..reading.loader import embedded_path
from ..store import reads
from ..store.store import Progress, Store, open_store
from ..words.messages import Msg
from .core import (
    CompareAnswer,
    FigureAnswer,
    FiguresAnswer,
    HighlightAnswer,
    HighlightsAnswer,
    ListAnswer,
    SearchAnswer,
    SearchHit,
    SeriesAnswer,
    compared_figures,
    figure_answer,
    left_out,
    score,
)

T = TypeVar("T")
A = TypeVar("A", ListAnswer, FiguresAnswer, HighlightAnswer, HighlightsAnswer)
if TYPE_CHECKING:
    from ..reading.finding import Found

MAX_CANDIDATES = 8
MAX_HITS = 50
"""Search shows the best hits and counts the rest."""


class Catalog(NamedTuple):
    """The datasets a run answers from, and the store that holds them."""

    store: Store
    infos: tuple[DatasetInfo, ...]
    """Every dataset of the catalog, newest year first within each place."""
    skipped: tuple[str, ...] = ()
    """The folder's JSON files that are no dataset (a schema, notes): left out, to be warned of."""
    warnings: tuple[Msg, ...] = ()
    """What the walk of the folder passed over: pipes and devices, unreadable folders, its limit."""
    held: Mapping[int, Dataset] | None = None
    """The datasets themselves, by id, when they are in memory already (the Python API)."""
    named: bool = False
    """Whether every answer names its review, even in a catalog of one (the Python API's catalogs)."""
    given: bool = False
    """Whether the user named the data (``--data``): then an error names the review even when it is one."""

    @property
    def many(self) -> bool:
        """Whether answers name the review they come from: a catalog of several (or ``named``)."""
        return self.named or len(self.infos) > 1

    @property
    def names_errors(self) -> bool:
        """Whether an error names the review it looked at: always, but for the embedded review alone
        (its errors stay as they always were)."""
        return self.many or self.given


def open_catalog(
    data: Path | None,
    progress: Progress | None = None,
    counting: Callable[[int, bool], None] | None = None,
    *,
    searching: bool = False,
) -> Catalog:
    """The catalog ``--data`` names: the embedded dataset, a file, or every ``*.json`` of a
    directory (``counting`` is told how many files its walk has found, see ``reading.finding``).
    ``searching``: the run will search, so the files it reads get their search rows at once."""
    with building():  # the tool's one policy for the garbage collector (see loader)
        return _open_catalog(data, progress, counting, searching)


def _open_catalog(
    data: Path | None, progress: Progress | None, counting: Callable[[int, bool], None] | None, searching: bool
) -> Catalog:
    skipped: list[str] = []
    if data is not None and data.is_dir():
        from ..reading.finding import catalog_files  # a folder's walk: not the embedded file's run

        found = catalog_files(data, counting=counting)
        if not found.files:
            raise EmptyCatalogError(str(data))
        store, ids = synced(
            lambda store: store.sync(found.files, within=data, progress=progress, skipped=skipped, search=searching)
        )
        if not ids:
            store.close()
            raise EmptyCatalogError(str(data))
        return catalog_in(store, ids, skipped)._replace(warnings=walk_warnings(data, found), given=True)
    files = [data if data is not None else embedded_path()]
    store, ids = synced(lambda store: store.sync(files, progress=progress, search=searching))
    return catalog_in(store, ids, skipped)._replace(given=data is not None)


def rebuilt(catalog: Catalog, data: Path | None, error: Exception) -> Catalog:
    """The catalog again, its store built anew: the store broke under a question (a damaged
    page). Any other error of a store (or of one in memory) is raised as it is."""
    from ..store.store import discard

    catalog.store.close()
    if catalog.store.path is None or not damaged(error):
        raise error
    discard(catalog.store.path)
    return open_catalog(data)


def damaged(error: Exception) -> bool:
    """Whether SQLite says the store's file is damaged or no database (SQLITE_CORRUPT, SQLITE_NOTADB)."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (11, 26) or "malformed" in str(error)


def synced(sync: Callable[[Store], T]) -> tuple[Store, T]:
    """The store opened and ``sync`` done in it. A store found damaged while it is written is
    removed and built again; one that cannot be written (a full disk, a file-size limit, a
    lock held too long) is left for other runs, and this run answers from a store in memory
    (slower, as right)."""
    import sqlite3

    from ..store.store import discard, memory_store

    store = open_store()
    try:
        return store, sync(store)
    except sqlite3.DatabaseError as error:  # 'database or disk is full', 'disk image is malformed', I/O errors
        store.close()
        if store.path is None and not store.spills:
            raise
        if store.path is not None and damaged(error):
            discard(store.path)
            store = open_store()  # built again; or, when the cache cannot hold one, in memory
            try:
                return store, sync(store)
            except sqlite3.DatabaseError:
                store.close()
                if store.path is None:
                    raise
    store = memory_store()
    return store, sync(store)


def walk_warnings(directory: Path, found: "Found") -> tuple[Msg, ...]:
    """What the walk of a catalog folder says: each entry passed over, each folder not read, its limit."""
    from ..words import messages

    said = [messages.PASSED_OVER.format(path=path, reason=reason) for path, reason in found.passed]
    said += [messages.FOLDER_NOT_READ.format(path=path, reason=reason) for path, reason in found.unreadable]
    if found.limit is not None:
        said.append(messages.STOPPED_AT.format(path=str(directory), limit=found.limit))
    return tuple(said)


def load_dataset(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Dataset:
    """The dataset of one file (the embedded one for None, standard input for '-'), validated
    once and then read from the store; with ``use_cache=False``, validated now, in memory."""
    from ..reading.loader import read_dataset

    if not use_cache:
        return read_dataset(path)
    store, (number,) = synced(lambda store: store.sync([Path(path) if path is not None else embedded_path()]))
    try:
        return reads.dataset(store, number)
    finally:
        store.close()


def data_files(directory: Path) -> list[str]:
    """Every ``*.json`` under ``directory``, in a stable order: paths as strings (see
    ``reading.finding``: a catalog of ten thousand files would spend longer in pathlib)."""
    from ..reading.finding import catalog_files  # a folder's walk: not the embedded file's run

    return catalog_files(directory).files


def catalog_of(datasets: Sequence[Dataset]) -> Catalog:
    """A catalog in memory of datasets already validated (the Python API)."""
    from ..store.store import memory_store

    store = memory_store()
    ids = [store.add(dataset, f"<dataset {n}>", "") for n, dataset in enumerate(datasets, start=1)]
    held = dict(zip(ids, (answerable(dataset) for dataset in datasets), strict=True))
    return catalog_in(store, ids)._replace(held=held)


def catalog_in(store: Store, ids: Sequence[int], skipped: Sequence[str] = ()) -> Catalog:
    """The catalog of the datasets ``ids`` of ``store``, by place, newest year first (two reviews
    of one place and year are refused)."""
    infos = one_place_per_name(reads.infos(store, ids))  # by place, newest year first
    for before, info in itertools.pairwise(infos):
        if (before.place_key, before.year) == (info.place_key, info.year):
            raise DuplicateDatasetError(info.place_en, info.year, before.path, info.path)
    return Catalog(store, tuple(infos), tuple(skipped))


def one_place_per_name(infos: Sequence[DatasetInfo]) -> list[DatasetInfo]:
    """The reviews with the key of their place: reviews whose keys or other names' keys meet
    are one place (``model.where``), known by the first of its reviews' own keys; sorted by
    place, newest year first. ``infos`` come in that order of their own keys (``reads.infos``)."""
    if not any(info.other_keys for info in infos):  # no other names: each key is its own place
        return list(infos)  # already in that order
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for info in infos:
        for other in info.other_keys:
            first, second = root(info.place_key), root(other)
            if first != second:
                parent[max(first, second)] = min(first, second)
    named: dict[str, str] = {}
    for info in infos:
        group = root(info.place_key)
        named[group] = min(named.get(group, info.place_key), info.place_key)
    grouped = [info._replace(place_key=named[root(info.place_key)]) for info in infos]
    return sorted(grouped, key=lambda info: (info.place_key, -info.year, info.path))


# ---- places and reports ------------------------------------------------------------------------------


def places(catalog: Catalog, place: str | None) -> tuple[DatasetInfo, ...]:
    """The datasets of the place ``place`` names (case and diacritics ignored, in either
    language; an exact name wins, else a unique part of one), or of every place for None."""
    if place is None:
        return catalog.infos
    key = fold(place)
    # A place is its key (model.where): any of its names, in either language, finds it.
    names: dict[str, set[str]] = {}
    for info in catalog.infos:
        bare = (known.partition("|")[0] for known in (info.place_key, *info.other_keys))
        for folded in (info.place_key_vi, info.place_key_en or fold(info.place_en), *bare):
            names.setdefault(folded, set()).add(info.place_key)
    chosen = names.get(key)
    if chosen is None:  # no exact name: a unique part of one (looked for only then)
        chosen = {known for folded, keys in names.items() if f" {key}" in f" {folded}" for known in keys}
    if not key or not chosen:
        raise UnknownPlaceError(place, sorted({info.place_en for info in catalog.infos}))
    if len(chosen) > 1:
        raise AmbiguousPlaceError(place, sorted({info.place_en for info in catalog.infos if info.place_key in chosen}))
    return tuple(info for info in catalog.infos if info.place_key in chosen)


def report(catalog: Catalog, place: str | None, year: int | None) -> tuple[DatasetInfo, Dataset]:
    """The one report a command about one report answers from: the place's (the only place's)
    report of ``year``, else its latest."""
    info = _report_info(catalog, place, year)
    held = catalog.held
    return info, held[info.id] if held is not None else reads.dataset(catalog.store, info.id)


def about_report(catalog: Catalog, place: str | None, year: int | None, ask: Callable[[Dataset], A]) -> A:
    """``ask``'s answer about the one report (``report``), its place and year put on the answer
    when the catalog holds several; an error names the review it looked at."""
    info, dataset = report(catalog, place, year)
    try:
        answer = ask(dataset)
    except ChilinhError as error:
        if catalog.names_errors:
            raise error.looked_at(info.place_en, info.year, info.path) from None
        raise
    return answer._replace(where=info) if catalog.many else answer


def every_dataset(catalog: Catalog) -> list[tuple[str, Dataset]]:
    """Every dataset of the catalog with the path it was read from (export writes them all)."""
    held = catalog.held
    return [
        (info.path, held[info.id] if held is not None else reads.dataset(catalog.store, info.id))
        for info in catalog.infos
    ]


def dataset_files(catalog: Catalog) -> list[tuple[str, str]]:
    """Every review of the catalog as a dataset file: its name ('PLACE-PROVINCE-YEAR.json', from
    the place's key) and its text as validated (``export json``)."""
    found: list[tuple[str, str]] = []
    for info in catalog.infos:
        stem = "-".join(part.replace(" ", "-") for part in info.place_key.split("|") if part) or "place"
        text = reads.document_text(catalog.store, info.id)
        found.append((f"{stem}-{info.year}.json", text if text.endswith("\n") else text + "\n"))
    return found


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


_HOW = ("id", "alias", "label", "start", "same_id")
"""How a name matched a figure, best first: its id, an alias, any name folded, a name's first
words; or the review has the id of a figure the name matched in another review."""


def find_figures(
    catalog: Catalog, name: str, place: str | None = None, *, within: Sequence[DatasetInfo] | None = None
) -> tuple[FigureAnswer, ...]:
    """The figure ``name`` designates in every review of the place (or of every place) that
    has it, newest first. Each review is asked alike, best match first: its id, an alias, then
    any of its names (id, alias or label, case and diacritics ignored); when no review has
    any of those, a name whose words start with the words asked for. A review with none of
    these that has the id of a figure matched in another review answers with that figure.
    ``within``: these reviews only (instead of the place's)."""
    scope = places(catalog, place) if within is None else tuple(within)
    ids = tuple(info.id for info in scope)
    store = catalog.store
    asked = name.encode("utf-8", "replace").decode("utf-8")  # undecodable argument bytes match nothing
    key = fold(name)
    best: dict[int, tuple[int, set[str]]] = {}  # dataset id: (how, figure ids)

    def note(found: Sequence[tuple[int, str]], how: int) -> None:
        for number, figure_id in found:
            tier, known = best.setdefault(number, (how, set()))
            if tier == how:
                known.add(figure_id)
            elif how < tier:
                best[number] = (how, {figure_id})

    exact = reads.named(store, asked, ids)
    note([(n, f) for n, f, alias in exact if not alias], 0)
    note([(n, f) for n, f, alias in exact if alias], 1)
    rest = tuple(number for number in ids if number not in best)
    if key and rest:
        note(reads.named_folded(store, key, rest), 2)
    if key and not best:
        indexed = store.nameable(ids)  # the name index is filled at a dataset's first partial name
        note(reads.named_from(store, key, ids, indexed=indexed), 3)
    matched_ids = sorted({figure_id for _, known in best.values() for figure_id in known})
    rest = tuple(number for number in ids if number not in best)
    if rest and matched_ids and len(matched_ids) <= 50:
        for number, figure_id in reads.with_ids(store, matched_ids, rest):
            best.setdefault(number, (4, {figure_id}))  # one of them: the first found
    infos = {info.id: info for info in scope}
    for number, (_, known) in best.items():
        if len(known) > 1:
            ambiguous = AmbiguousFigureError(name, sorted(known)[:MAX_CANDIDATES], len(known))
            info = infos[number]
            raise ambiguous.looked_at(info.place_en, info.year, info.path) if catalog.names_errors else ambiguous
    if not best:
        error = UnknownFigureError(name, _suggestions(store, key, ids))
        if len(scope) == 1 and catalog.names_errors:
            raise error.looked_at(scope[0].place_en, scope[0].year, scope[0].path)
        raise error.looked_in([info.label for info in scope]) if catalog.names_errors else error
    where = [info for info in scope if info.id in best]
    pairs = [(info.id, next(iter(best[info.id][1]))) for info in where]
    figures = reads.figures(store, pairs)
    # a lone dataset answers as it always has; a catalog names the review of each figure
    return tuple(
        figure_answer(figure, info.published, info if catalog.many else None, _how(figure, key, _HOW[best[info.id][0]]))
        for figure, info in zip(figures, where, strict=True)
    )


def figure_in_report(catalog: Catalog, name: str, place: str | None, year: int | None) -> FigureAnswer:
    """The figure ``name`` designates in the one review ``report`` picks."""
    return find_figures(catalog, name, within=[_report_info(catalog, place, year)])[0]


def places_of(catalog: Catalog) -> list[list[DatasetInfo]]:
    """The reviews of each place of the catalog, newest first."""
    return _by_place(catalog.infos)


def _how(figure: Figure, key: str, how: str) -> str:
    """Which of its names a name folded matched: its id, an alias or its label."""
    if how != "label":
        return how
    if fold(figure.id) == key:
        return "id"
    return "alias" if any(fold(alias) == key for alias in figure.aliases) else "label"


def _suggestions(store: Store, key: str, ids: tuple[int, ...]) -> list[str]:
    """Ids whose names are spelled like ``key`` (the error path: it reads names starting alike)."""
    if not key:
        return []
    spelled = reads.spelled_like(store, key, ids)
    import difflib  # the error path alone needs it

    close = difflib.get_close_matches(key, list(spelled), n=5, cutoff=0.6)
    return list(dict.fromkeys(spelled[match] for match in close))


def figure_names(catalog: Catalog) -> list[str]:
    """Every id and alias, for shell completion."""
    return reads.names(catalog.store, [info.id for info in catalog.infos])


def highlight_slugs(catalog: Catalog) -> list[str]:
    """Every highlight slug, for shell completion."""
    return reads.slugs(catalog.store, [info.id for info in catalog.infos])


# ---- search -------------------------------------------------------------------------------------------------


def search(
    catalog: Catalog, text: str, place: str | None = None, indexing: Callable[[int, int], None] | None = None
) -> SearchAnswer:
    """Everything whose names, titles, summaries or quotes contain every word of ``text``
    (see ``core.score``), best first: the first ``MAX_HITS``, and a count of the rest. A word
    typed with its diacritics matches only those ("\u0111\u01a1n" is not "\u0111\u1ed3ng"); one typed
    without them matches any."""
    words = fold(text).split()
    if not words:
        raise NothingFoundError(text)
    typed = plain(text).split()
    marked = [(n, word) for n, word in enumerate(typed) if word != words[n]] if len(typed) == len(words) else []
    scope = {info.id: info for info in places(catalog, place)}
    catalog.store.searchable(tuple(scope), indexing)  # laid out at a dataset's first search
    best: dict[tuple[int, str, str], tuple[int, int, str, str, str, str]] = {}
    for rowid, number, kind, key, field, value, folded in reads.matching_rows(catalog.store, words, tuple(scope)):
        points = score(field, folded, words)
        if points is None or (marked and not _as_typed(value, marked, len(words))):
            continue
        item = (number, kind, key)
        if item not in best or best[item][0] < points:
            best[item] = (points, rowid, kind, key, field, value)
    if not best:
        raise NothingFoundError(text)
    ranked = sorted(best.items(), key=lambda entry: (-entry[1][0], entry[1][1]))
    shown = ranked[:MAX_HITS]
    items = reads.items(catalog.store, [(number, kind, key) for (number, kind, key), _ in shown])
    hits = tuple(
        SearchHit(kind, key, items[item], field, value, points, scope[item[0]] if catalog.many else None)
        for item, (points, _, kind, key, field, value) in shown
    )
    return SearchAnswer(text, hits, len(ranked) - len(shown))


def _as_typed(value: str, marked: list[tuple[int, str]], count: int) -> bool:
    """Whether ``value`` holds each word typed with diacritics as typed (the last word may be
    the start of one)."""
    padded = f" {plain(value)} "
    return all((f" {word} " if n < count - 1 else f" {word}") in padded for n, word in marked)


def figure_series(catalog: Catalog, name: str, place: str | None, review: int | None) -> FigureAnswer | SeriesAnswer:
    """The figure ``name`` designates: alone when one report has it (or ``review`` picks one),
    else its series across the catalog, newest first; asked of a place of a catalog, always
    its series (a year per row)."""
    found = find_figures(catalog, name, place)
    if review is not None and catalog.many:
        found = tuple(each for each in found if each.where is not None and each.where.year == review)
        if not found:
            scope = places(catalog, place)
            raise NoReportError(place or scope[0].place_en, review, sorted({i.year for i in scope}))
    if len(found) == 1 and (review is not None or place is None or not catalog.many):
        return found[0]
    return SeriesAnswer(found)  # a place of a catalog: its years, even when one review has the figure


def compare_reports(catalog: Catalog, place: str | None, review: int | None, year: int | None) -> CompareAnswer:
    """The report's comparisons with ``year``; the place's own review of ``year``, when the
    catalog has it, puts its stated values beside the derived ones."""
    info = _report_info(catalog, place, review)
    asked = info.year - 1 if year is None else year
    store = catalog.store
    # Only the figures compared with that year are read (the comparisons table says which),
    # and of the earlier review only those same figures: the cost grows with the answer.
    figures = reads.compared_figures(store, info.id, asked)
    earlier = next((o for o in catalog.infos if o.place_key == info.place_key and o.year == asked), None)
    stated = {f.id: f for f in reads.compared_figures(store, earlier.id, asked, of=info.id)} if earlier else {}
    rows = compared_figures(figures, asked, stated, earlier)
    if not rows:
        error = NoComparisonError(asked, reads.comparison_years(store, info.id))
        raise error.looked_at(info.place_en, info.year, info.path) if catalog.names_errors else error
    where = info if catalog.many else None
    return CompareAnswer(asked, info.year, rows, left_out(reads.figure_ids(store, info.id), rows), where)
