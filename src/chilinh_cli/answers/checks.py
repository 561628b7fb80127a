"""What ``validate`` finds: in a data file, what it holds and what a reviewer still has to do,
or its problems, and how it agrees with its article (``ArticleCheck``); in a catalog folder,
each file's findings, the values one review states that a later review of the place implies
otherwise, and places that may be one.

Only ``validate`` asks these questions: the query commands never import this module.
``present.checks`` says the answers to people, ``present.documents`` as JSON.
"""

import itertools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from ..model.errors import DataFileError, EmptyCatalogError, NoComparisonError, Problem
from ..model.records import Dataset, Text, status_of
from ..model.where import DatasetInfo
from ..reading.loader import name_of, read_dataset
from ..store import reads
from ..store.store import Store
from ..words import data_messages
from ..words.messages import Msg
from .catalog import Catalog, catalog_in, compare_reports, places_of, synced, walk_warnings
from .core import ComparedFigure

# ---- a data file ------------------------------------------------------------------------------------------


class Counts(NamedTuple):
    """How much a valid file holds."""

    highlights: int
    figures: int
    events: int

    @classmethod
    def of(cls, dataset: Dataset) -> "Counts":
        return cls(len(dataset.highlights), len(dataset.figures), len(dataset.events))


class Todo(NamedTuple):
    """A record of a valid file that a reviewer still has to look at."""

    record: str
    """Where it is in the file: 'metadata', 'figures[3]'."""
    key: str | None
    """Its id or slug (None for the metadata)."""
    unchecked: bool
    """Drafted and not yet checked by a person (``checked: false``)."""
    missing: tuple[str, ...]
    """Its texts that have no English yet, as field paths: 'label.en', 'comparisons[0].note.en'."""


def review_todos(dataset: Dataset) -> tuple[Todo, ...]:
    """What a reviewer still has to do, in the file's order: each record that is unchecked or
    lacks an English text."""
    meta = dataset.metadata
    english = (*_absent(meta.title_en, "title_en"), *_en(meta.locality, "locality"))
    if meta.locality.vi == data_messages.DRAFT_PLACE_UNKNOWN.vi:  # a draft whose text named no place
        english = ("locality", *english)
    found = [Todo("metadata", None, not meta.checked, english)]
    for index, highlight in enumerate(dataset.highlights):
        missing = tuple(
            path for name in ("title", "short_title", "summary") for path in _en(getattr(highlight, name), name)
        )
        found.append(Todo(f"highlights[{index}]", highlight.slug, not highlight.checked, missing))
    for index, figure in enumerate(dataset.figures):
        texts = ("label", "note", "wording", "noun")
        missing = tuple(path for name in texts for path in _en(getattr(figure, name), name))
        missing += tuple(
            path for n, c in enumerate(figure.comparisons) for path in _en(c.note, f"comparisons[{n}].note")
        )
        found.append(Todo(f"figures[{index}]", figure.id, not figure.checked, missing))
    for index, event in enumerate(dataset.events):
        found.append(Todo(f"events[{index}]", event.id, not event.checked, _en(event.label, "label")))
    rejected = {f"figures[{n}]" for n, f in enumerate(dataset.figures) if status_of(f) == "rejected"}
    rejected |= {f"events[{n}]" for n, e in enumerate(dataset.events) if status_of(e) == "rejected"}
    return tuple(todo for todo in found if (todo.unchecked or todo.missing) and todo.record not in rejected)


def not_reviewed(todos: tuple[Todo, ...]) -> dict[str, tuple[str, ...]]:
    """The records no person has reviewed yet, by collection ('figures', 'events', 'highlights',
    'metadata'), each with its ids in the file's order."""
    found: dict[str, list[str]] = {}
    for todo in todos:
        if todo.unchecked:
            found.setdefault(todo.record.split("[")[0], []).append(todo.key or todo.record)
    return {kind: tuple(keys) for kind, keys in found.items()}


def _en(text: Text | None, field: str) -> tuple[str, ...]:
    return (f"{field}.en",) if text is not None and text.en is None else ()


def _absent(value: str | None, field: str) -> tuple[str, ...]:
    return (field,) if value is None else ()


class ArticleCheck(NamedTuple):
    """A dataset held against the article it quotes (``validate --article``, and each file of
    ``validate DIR`` that records its article): the article, whether its text changed since
    the draft was made, and each disagreement (the record, its id, what differs)."""

    article: str
    """The article read, or the path the dataset records when it is missing."""
    changed: bool = False
    disagreements: tuple[tuple[str, str, Msg], ...] = ()
    missing: bool = False
    """The article the dataset records is no longer there: nothing was checked."""
    unreadable: Msg | None = None
    """Why the article could not be read (a file of a catalog; one file's command fails instead)."""

    @property
    def fails(self) -> bool:
        """Whether the dataset disagrees with its article, or the article could not be read."""
        return bool(self.disagreements) or self.unreadable is not None


class CheckAnswer(NamedTuple):
    """What ``validate`` found: what a valid file holds and what a reviewer still has to do,
    else every problem; and, when it was held against its article, what that found."""

    file: str
    counts: Counts | None
    problems: tuple[Problem, ...]
    todos: tuple[Todo, ...] = ()
    article: ArticleCheck | None = None


def check_and_keep(path: Path | None) -> tuple[CheckAnswer, Dataset | None]:
    """Read and validate a data file (the embedded one for None) without the cache: what was
    found, and the dataset when it is valid (so that standard input is read only once)."""
    try:
        dataset = read_dataset(path)
    except DataFileError as error:
        return CheckAnswer(error.path, None, error.problems), None
    return CheckAnswer(name_of(path), Counts.of(dataset), (), review_todos(dataset)), dataset


# ---- a catalog's consistency ----------------------------------------------------------------------------------


class Conflict(NamedTuple):
    """A value of one year that the place's review of that year states, and a later review
    of the place implies otherwise."""

    later: DatasetInfo
    row: ComparedFigure


class PlaceYears(NamedTuple):
    """A place of a catalog and the years of its reviews (newest first)."""

    reviews: tuple[DatasetInfo, ...]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(info.year for info in self.reviews)


class NearPlaces(NamedTuple):
    """Two places of a catalog that may be one: the same name in another province, or names
    one letter apart (a spelling)."""

    first: DatasetInfo
    second: DatasetInfo
    why: str
    """'province' or 'spelling'."""


Against = Callable[[Dataset, str], ArticleCheck | None]
"""How ``validate DIR`` holds a file's dataset (at its path) against the article it records."""


class CatalogCheck(NamedTuple):
    """What ``validate DIR`` found: each file's problems, the conflicts between files, the
    files left out (no dataset), every place with its years, and places that may be one."""

    files: tuple[CheckAnswer, ...]
    conflicts: tuple[Conflict, ...]
    skipped: tuple[str, ...] = ()
    places: tuple[PlaceYears, ...] = ()
    near: tuple[NearPlaces, ...] = ()
    warnings: tuple[Msg, ...] = ()
    """What the walk of the folder passed over (see ``Catalog.warnings``)."""
    unreadable: tuple[str, ...] = ()
    """Folders that could not be read: their reviews are not checked (``validate`` fails)."""


def check_catalog(directory: Path, against: Against | None = None) -> CatalogCheck:
    """Validate every data file of a directory, then hold each review's stated values against
    the values later reviews of the same place derive for that year. With ``against``, each
    valid file that records the article it was drafted from is held against it too (every
    record as the file holds it; ``cli`` brings the reading of articles, which ``draft`` does)."""
    from ..reading.finding import catalog_files  # a folder's walk: not the embedded file's run

    found = catalog_files(directory)
    files = found.files
    if not files:
        raise EmptyCatalogError(str(directory))
    failures: dict[int, DataFileError] = {}
    skipped: list[str] = []

    def sync(store: Store) -> list[int]:
        failures.clear()
        skipped.clear()
        return store.sync(files, within=directory, failures=failures, skipped=skipped)

    store, ids = synced(sync)
    try:
        counts = reads.counts(store, ids)
        unreviewed = reads.unreviewed(store, ids)
        drafted = reads.drafted(store, ids) if against is not None else set()
        numbers = iter(ids)
        answers: list[CheckAnswer] = []
        left_out = set(skipped) | set(store.gone)
        for place, file in enumerate(files):
            if file in left_out:
                continue
            if place in failures:
                answers.append(CheckAnswer(failures[place].path, None, failures[place].problems))
            else:
                number = next(numbers)
                todos = review_todos(reads.dataset(store, number)) if number in unreviewed else ()
                article = None
                if against is not None and number in drafted:
                    article = against(reads.dataset(store, number, answered=False), file)
                answers.append(CheckAnswer(file, Counts(*counts[number]), (), todos, article))
        catalog = catalog_in(store, ids, skipped)
        by_place = tuple(PlaceYears(tuple(each)) for each in places_of(catalog))
        near = tuple(near_places(by_place))
        return CatalogCheck(
            tuple(answers),
            tuple(_conflicts(catalog)),
            tuple(skipped),
            by_place,
            near,
            walk_warnings(directory, found),
            tuple(path for path, _ in found.unreadable),
        )
    finally:
        store.close()


def near_places(places: Sequence[PlaceYears]) -> Iterator[NearPlaces]:
    """Places that may be one: their folded names alike and their provinces not, or their
    names one letter apart (an edit: a letter added, dropped or changed) in one province or
    where one says none. Names are met through their one-letter deletions: no pair is
    compared that could not be one letter apart."""
    firsts = [place.reviews[0] for place in places]
    parts = [info.place_key.partition("|")[::2] for info in firsts]
    by_deletion: dict[str, set[int]] = {}
    for n, (name, _) in enumerate(parts):
        for variant in {name, *(name[:i] + name[i + 1 :] for i in range(len(name)))}:
            by_deletion.setdefault(variant, set()).add(n)
    seen: set[tuple[int, int]] = set()
    for group in by_deletion.values():
        for a, b in itertools.combinations(sorted(group), 2):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            (name_a, province_a), (name_b, province_b) = parts[a], parts[b]
            if name_a == name_b:
                yield NearPlaces(firsts[a], firsts[b], "province")
            elif _one_edit(name_a, name_b) and (province_a == province_b or not province_a or not province_b):
                yield NearPlaces(firsts[a], firsts[b], "spelling")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _conflicts(catalog: Catalog) -> list[Conflict]:
    found: list[Conflict] = []
    for of_place in places_of(catalog):
        for later, earlier in itertools.combinations(of_place, 2):  # newest first: later, then earlier
            try:
                compared = compare_reports(catalog, later.place_en, later.year, earlier.year)
            except NoComparisonError:
                continue
            found += [Conflict(later, row) for row in compared.rows if row.stated is not None and row.stated.conflict]
    return found
