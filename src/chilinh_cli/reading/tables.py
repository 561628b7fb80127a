"""The dataset as relational tables: the one schema that the store keeps and the exports write.

Tables: datasets, units, highlights, sources, figures, figure_aliases, comparisons, events, with
primary and foreign keys, ready for sqlite-utils, Datasette or DuckDB. Numbers keep
their exact written form in a ``*_exact`` text column next to the numeric one (SQLite
has no decimal type: 99.92 as REAL is only close to 99.92).

The exports (``tables_of``) add what is derived from those tables, which the store never
keeps: each figure's known ends (``value_low``, ``value_high``) and ``derived`` (0), and a
ninth table, ``derived_baselines``: the value each stated comparison implies for the basis
it compares with (``model.derive.derivation``, as ``compare`` derives it), its interval and
its hedge, ``derived`` 1.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from ..model.derive import Estimate, baseline_said, derivation, hedge, known_ends, stated
from ..model.records import Dataset, Figure, Source, Text, answerable, event_homes, figure_homes, status_of
from ..model.text import fold
from ..model.where import other_keys, place_key
from ..words import messages


@dataclasses.dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    """Column definitions in SQLite syntax; the first word of each is the column name."""
    constraints: tuple[str, ...]
    rows: list[tuple[object, ...]]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.split()[0] for column in self.columns)

    def ddl(self) -> str:
        """STRICT: a column holds only its declared type, so that engines that read a column by
        its type (DuckDB's SQLite scanner, pandas) never meet an integer among reals."""
        return f"CREATE TABLE {self.name} (\n  " + ",\n  ".join(self.columns + self.constraints) + "\n) STRICT"


_DATASET_KEY = "FOREIGN KEY (dataset_id) REFERENCES datasets(id) ON DELETE CASCADE"
_HIGHLIGHT_KEY = "FOREIGN KEY (dataset_id, highlight_rank) REFERENCES highlights(dataset_id, rank)"
_SOURCE_KEY = "FOREIGN KEY (dataset_id, source_id) REFERENCES sources(dataset_id, id)"
_FIGURE_KEY = "FOREIGN KEY (dataset_id, figure_id) REFERENCES figures(dataset_id, id)"
_COMPARISON_KEY = "FOREIGN KEY (dataset_id, comparison_id) REFERENCES comparisons(dataset_id, id)"
_UNIT_KEY = "FOREIGN KEY (unit) REFERENCES units(code)"
_NOTES = ("note_vi TEXT", "note_en TEXT")
_IN_DATASET = "dataset_id INTEGER NOT NULL"
_REVIEW = ("review TEXT NOT NULL", "reviewed_at TEXT")
"""A record's review status (drafted, accepted, edited; a rejected one has no row) and when it was decided."""

DATASETS_COLUMNS = (
    *("id INTEGER PRIMARY KEY", "path TEXT NOT NULL UNIQUE", "sha256 TEXT NOT NULL"),
    *("size INTEGER", "mtime_ns INTEGER", "inode INTEGER"),
    *("place_vi TEXT NOT NULL", "place_en TEXT", "place_key TEXT NOT NULL", "place_key_vi TEXT NOT NULL"),
    "year INTEGER NOT NULL",
    *("title TEXT NOT NULL", "title_en TEXT", "publisher TEXT", "published TEXT"),
    "checked INTEGER NOT NULL",
    *("province TEXT", "other_keys TEXT NOT NULL", "place_key_en TEXT NOT NULL", *_REVIEW),
    # last: a row's columns are read up to the one asked for, and this one runs over many pages
    "document TEXT NOT NULL",
)
"""One row per data file: where it is, when it was read, what it is, and its validated text.
An English text a draft has not yet (``*_en``), its publisher and its date may be null.
``place_key`` is the place's identity (``model.where.place_key``: its folded Vietnamese name and
province); ``other_keys`` the keys of its other names, one a line; ``place_key_en`` its English
name folded (a catalog of ten thousand places finds one by name without folding them all)."""
UNITS_COLUMNS = ("code TEXT PRIMARY KEY", "label_en TEXT NOT NULL", "label_vi TEXT NOT NULL")
HIGHLIGHTS_COLUMNS = (
    *(_IN_DATASET, "rank INTEGER NOT NULL", "slug TEXT NOT NULL", "title_vi TEXT NOT NULL"),
    *("title_en TEXT", "short_title_vi TEXT", "short_title_en TEXT"),
    *("summary_vi TEXT", "summary_en TEXT", "checked INTEGER NOT NULL", *_REVIEW),
)
SOURCES_COLUMNS = (
    *(_IN_DATASET, "id INTEGER NOT NULL", "section INTEGER NOT NULL", "quote TEXT NOT NULL"),
    *("page INTEGER", "paragraph INTEGER", "table_row INTEGER"),  # where a draft found the quote in its document
)
FIGURES_COLUMNS = (
    *(_IN_DATASET, "id TEXT NOT NULL", "highlight_rank INTEGER", "label_vi TEXT NOT NULL", "label_en TEXT"),
    *("value REAL NOT NULL", "value_exact TEXT NOT NULL", "out_of INTEGER", "unit TEXT NOT NULL"),
    *("qualifier TEXT NOT NULL", "year INTEGER NOT NULL", "source_id INTEGER NOT NULL", *_NOTES),
    *("wording_vi TEXT", "wording_en TEXT", "as_of TEXT NOT NULL"),
    *("noun_vi TEXT", "noun_en TEXT", "checked INTEGER NOT NULL"),
    *("high REAL", "high_exact TEXT", "target INTEGER NOT NULL", "relative_to TEXT"),
    *("link_file TEXT", "link_id TEXT", *_REVIEW),
)
ALIASES_COLUMNS = (_IN_DATASET, "alias TEXT NOT NULL", "figure_id TEXT NOT NULL")
COMPARISONS_COLUMNS = (
    *(_IN_DATASET, "id INTEGER NOT NULL", "figure_id TEXT NOT NULL", "basis TEXT NOT NULL", "year INTEGER"),
    *("kind TEXT NOT NULL", "value REAL NOT NULL", "value_exact TEXT NOT NULL", "ambiguous INTEGER NOT NULL"),
    *("source_id INTEGER NOT NULL", *_NOTES),
    *("high REAL", "high_exact TEXT"),
)
_ENDS = ("value_low REAL", "value_low_exact TEXT", "value_high REAL", "value_high_exact TEXT")
"""The ends of what a value is known to lie within (``model.derive.known_ends``); null for an
end nobody knows: a bound's other end, both ends of a stated 'about'."""
FIGURE_ENDS_COLUMNS = (*_ENDS, "derived INTEGER NOT NULL")
"""Added to the exports' ``figures`` (the store does not keep them): a stated value's ends,
and ``derived`` 0, so that a figure and a derived baseline stack in one column (UNION)."""
DERIVED_BASELINES_COLUMNS = (
    *(_IN_DATASET, "comparison_id INTEGER NOT NULL", "figure_id TEXT NOT NULL", "basis TEXT NOT NULL", "year INTEGER"),
    *("value REAL NOT NULL", "value_exact TEXT NOT NULL", *_ENDS),
    *("unit TEXT NOT NULL", "hedge TEXT NOT NULL", "derived INTEGER NOT NULL", "formula TEXT NOT NULL"),
)
"""The exports' ``derived_baselines``: one row per stated comparison that implies the value
compared with (none for an ambiguous one, nor for ``from_value``, which states it): that
value as the tool shows it (``value_exact``: its exact decimal text), the exact interval
the stated numbers allow, the hedge true of it (``model.derive.hedge``) and its formula."""
EVENTS_COLUMNS = (
    *(_IN_DATASET, "id TEXT NOT NULL", "highlight_rank INTEGER", "label_vi TEXT NOT NULL", "label_en TEXT"),
    *("year INTEGER NOT NULL", "month INTEGER NOT NULL", "day INTEGER", "period TEXT"),
    *("year_inferred INTEGER NOT NULL", "source_id INTEGER NOT NULL", "checked INTEGER NOT NULL", *_REVIEW),
)


def _reviewed(record: object) -> tuple[str, str | None]:
    """The ``review`` and ``reviewed_at`` columns of a record."""
    review = getattr(record, "review", None)
    return status_of(record), None if review is None else review.at


def _checked(record: object) -> tuple[int, str, str | None]:
    """The ``checked``, ``review`` and ``reviewed_at`` columns of a record."""
    return (int(getattr(record, "checked")), *_reviewed(record))  # noqa: B009


def _exact(value: int | Decimal | None) -> str | None:
    """A stated number's exact text, as the file wrote it: its exponent too (``1.1E+13`` is
    stated to a tenth of a trillion, and the store reads that precision back)."""
    return None if value is None else str(value)


def _number(value: int | Decimal | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


class _Sources:
    """Each distinct source (section, quote and where it stands) once, numbered in the order first met."""

    def __init__(self, dataset_id: object) -> None:
        self.dataset_id = dataset_id
        self.ids: dict[tuple[int, str, int | None, int | None, int | None], int] = {}

    def id(self, source: Source) -> int:
        key = (source.section, source.quote, source.page, source.paragraph, source.row)
        return self.ids.setdefault(key, len(self.ids) + 1)

    def rows(self) -> list[tuple[object, ...]]:
        return [(self.dataset_id, number, *source) for source, number in self.ids.items()]


def tables(dataset: Dataset, dataset_row: tuple[object, ...] | None = None, *, derived: bool = False) -> list[Table]:
    """The dataset as tables, in an order that satisfies every foreign key. ``dataset_row``
    (values of ``DATASETS_COLUMNS``) is its row of ``datasets``; every other row carries its id.
    ``derived`` (the exports) adds each figure's known ends and the ``derived_baselines`` table."""
    row = dataset_row or dataset_row_of(dataset, 1, "", "", "")
    dataset = answerable(dataset)  # a rejected figure or event stays in the file, not in the tables
    number = row[0]
    sources = _Sources(number)
    figures, comparisons = _figure_rows(dataset, sources)
    events = _event_rows(dataset, sources)
    highlights: list[tuple[object, ...]] = [
        (number, h.rank, h.slug, *_notes(h.title), *_notes(h.short_title), *_notes(h.summary), *_checked(h))
        for h in dataset.highlights
    ]
    aliases: list[tuple[object, ...]] = [(number, alias, f.id) for f in dataset.figures for alias in f.aliases]
    units: list[tuple[object, ...]] = [(code, label.en, label.vi) for code, label in messages.UNIT_NAMES.items()]
    figure_keys = ("PRIMARY KEY (dataset_id, id)", _DATASET_KEY, _HIGHLIGHT_KEY, _SOURCE_KEY, _UNIT_KEY)
    figure_columns: tuple[str, ...] = FIGURES_COLUMNS
    if derived:
        figure_columns += FIGURE_ENDS_COLUMNS
        figures = [(*each, *_figure_ends(figure)) for each, figure in zip(figures, dataset.figures, strict=True)]
    laid = [
        Table("datasets", DATASETS_COLUMNS, (), [row]),
        Table("units", UNITS_COLUMNS, (), units),
        Table("highlights", HIGHLIGHTS_COLUMNS, ("PRIMARY KEY (dataset_id, rank)", _DATASET_KEY), highlights),
        Table("sources", SOURCES_COLUMNS, ("PRIMARY KEY (dataset_id, id)", _DATASET_KEY), sources.rows()),
        Table("figures", figure_columns, figure_keys, figures),
        Table("figure_aliases", ALIASES_COLUMNS, ("PRIMARY KEY (dataset_id, alias)", _FIGURE_KEY), aliases),
        Table(
            "comparisons", COMPARISONS_COLUMNS, ("PRIMARY KEY (dataset_id, id)", _FIGURE_KEY, _SOURCE_KEY), comparisons
        ),
        Table("events", EVENTS_COLUMNS, ("PRIMARY KEY (dataset_id, id)", _HIGHLIGHT_KEY, _SOURCE_KEY), events),
    ]
    if derived:
        keys = ("PRIMARY KEY (dataset_id, comparison_id)", _COMPARISON_KEY, _FIGURE_KEY, _UNIT_KEY)
        laid.append(Table("derived_baselines", DERIVED_BASELINES_COLUMNS, keys, _baseline_rows(dataset, number)))
    return laid


def tables_of(datasets: Sequence[tuple[str, Dataset]]) -> list[Table]:
    """Several datasets (each with the path it was read from) in one set of tables, as the
    exports write them: with what is derived (``tables``' ``derived``)."""
    merged: dict[str, Table] = {}
    for number, (path, dataset) in enumerate(datasets, start=1):
        for table in tables(dataset, dataset_row_of(dataset, number, path, "", ""), derived=True):
            if table.name not in merged:
                merged[table.name] = dataclasses.replace(table, rows=list(table.rows))
            elif table.name != "units":
                merged[table.name].rows.extend(table.rows)
    return list(merged.values())


def dataset_row_of(dataset: Dataset, number: int, path: str, sha256: str, document: str) -> tuple[object, ...]:
    """The row of ``datasets`` for a dataset read from ``path`` (the store fills in its stat)."""
    meta = dataset.metadata
    keys = (place_key(meta.locality.vi, meta.province), fold(meta.locality.vi))
    others = "\n".join(other_keys(meta.other_names, meta.province, meta.locality.vi))
    return (
        *(number, path, sha256, None, None, None, meta.locality.vi, meta.locality.en, *keys, meta.year),
        *(meta.title, meta.title_en, meta.publisher, meta.published, int(meta.checked)),
        *(meta.province, others, fold(meta.locality.en or meta.locality.vi), *_reviewed(meta), document),
    )


def _figure_rows(dataset: Dataset, sources: _Sources) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The figures and comparisons tables; sources are numbered as a reader meets them, each
    figure's before those of its comparisons."""
    home = figure_homes(dataset)
    figures: list[tuple[object, ...]] = []
    comparisons: list[tuple[object, ...]] = []
    for figure in dataset.figures:
        figures.append(
            (
                *(sources.dataset_id, figure.id, home.get(figure.id), figure.label.vi, figure.label.en),
                *(_number(figure.value), _exact(figure.value), figure.out_of, figure.unit, figure.qualifier),
                *(figure.year, sources.id(figure.source), *_notes(figure.note), *_notes(figure.wording)),
                *(figure.as_of, *_notes(figure.noun), int(figure.checked)),
                *(_number(figure.high), _exact(figure.high), int(figure.target), figure.relative_to),
                *((figure.link.file, figure.link.id) if figure.link else (None, None)),
                *_reviewed(figure),
            )
        )
        comparisons += _comparison_rows(figure, len(comparisons), sources)
    return figures, comparisons


def _comparison_rows(figure: Figure, before: int, sources: _Sources) -> list[tuple[object, ...]]:
    return [
        (
            *(sources.dataset_id, before + n, figure.id, comparison.basis, comparison.year, comparison.kind),
            *(_number(comparison.value), _exact(comparison.value), int(comparison.ambiguous)),
            *(sources.id(comparison.source), *_notes(comparison.note)),
            *(_number(comparison.high), _exact(comparison.high)),
        )
        for n, comparison in enumerate(figure.comparisons, start=1)
    ]


def _figure_ends(figure: Figure) -> tuple[object, ...]:
    """The ``FIGURE_ENDS_COLUMNS`` of a figure: an exact value is both its ends, a range has
    its two, a bound its known one."""
    value = stated(figure.value)
    if figure.high is not None:
        value = value._replace(high=figure.high)
    return (*_ends(value, figure.qualifier, as_written=True), 0)


def _baseline_rows(dataset: Dataset, number: object) -> list[tuple[object, ...]]:
    """The ``derived_baselines`` rows: each comparison numbered as ``comparisons`` numbers it,
    its derivation the one ``compare`` shows (``model.derive.derivation``)."""
    rows: list[tuple[object, ...]] = []
    before = 0
    for figure in dataset.figures:
        for n, comparison in enumerate(figure.comparisons, start=before + 1):
            derived = derivation(figure, comparison)
            if derived is None or not derived.baseline.derived:
                continue  # ambiguous, or the comparison states the value it compares with
            baseline, said = derived.baseline, hedge(derived.baseline, figure.qualifier)
            rows.append(
                (
                    *(number, n, figure.id, comparison.basis, comparison.year),
                    *(_number(baseline.value), _plain(baseline.value)),
                    *_ends(baseline, baseline_said(baseline, figure.qualifier)),
                    *(figure.unit, said, 1, baseline.formula),
                )
            )
        before += len(figure.comparisons)
    return rows


def _ends(value: Estimate, said: str, *, as_written: bool = False) -> tuple[object, ...]:
    """A value's known ends, each as a number and as its exact decimal text (null when unknown):
    a stated number as it is written (``_exact``), a derived one never with an exponent."""
    low, high = known_ends(value, said)
    text = _exact if as_written else _plain
    return (_number(low), text(low), _number(high), text(high))


def _plain(value: int | Decimal | None) -> str | None:
    """A number's exact decimal text, never in exponent notation (a derived 1.1E+13 is 11000000000000)."""
    if value is None or isinstance(value, int):
        return None if value is None else str(value)
    return format(value, "f")


def _notes(note: Text | None) -> tuple[str | None, str | None]:
    return (note.vi, note.en) if note else (None, None)


def _event_rows(dataset: Dataset, sources: _Sources) -> list[tuple[object, ...]]:
    home = event_homes(dataset)
    return [
        (
            *(sources.dataset_id, event.id, home.get(event.id), event.label.vi, event.label.en),
            *(event.date.year, event.date.month, event.date.day, event.date.period, int(event.date.year_inferred)),
            *(sources.id(event.source), int(event.checked), *_reviewed(event)),
        )
        for event in dataset.events
    ]
