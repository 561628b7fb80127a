"""The dataset as relational tables, written to SQLite or to CSV files, atomically.

Tables: units, highlights, sources, figures, figure_aliases, comparisons, events, with
primary and foreign keys, ready for sqlite-utils, Datasette or DuckDB. Numbers keep
their exact written form in a ``*_exact`` text column next to the numeric one (SQLite
has no decimal type: 99.92 as REAL is only close to 99.92).
"""

from __future__ import annotations

import csv
import dataclasses
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from .errors import ChilinhError, os_reason
from .models import Dataset, Source

UNITS = {
    "vnd": ("Vietnamese đồng", "đồng"),
    "percent": ("per cent", "phần trăm"),
    "count": ("count", "số lượng"),
    "days": ("days", "ngày"),
    "share": ("share: value out of out_of", "tỷ lệ: giá trị trên tổng"),
}


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
        return f"CREATE TABLE {self.name} (\n  " + ",\n  ".join(self.columns + self.constraints) + "\n)"


class ExportError(ChilinhError):
    """An export that would overwrite a file, or could not be written."""

    def __init__(self, english: str, vietnamese: str) -> None:
        self.vietnamese = vietnamese
        super().__init__(english)

    def message(self, lang: str = "en") -> str:
        return self.vietnamese if lang == "vi" else str(self)


def _number(value: int | Decimal | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def _exact(value: int | Decimal | None) -> str | None:
    return None if value is None else str(value)


def tables(dataset: Dataset) -> list[Table]:
    """The dataset as tables, in an order that satisfies every foreign key."""
    sources: dict[tuple[int, str], int] = {}

    def source_id(source: Source) -> int:
        return sources.setdefault((source.section, source.quote), len(sources) + 1)

    home = {ref: h.rank for h in dataset.highlights for ref in h.figures}
    event_home = {ref: h.rank for h in dataset.highlights for ref in h.events}
    figures: list[tuple[object, ...]] = []
    aliases: list[tuple[object, ...]] = []
    comparisons: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    for figure in dataset.figures:
        figures.append(
            (
                figure.id,
                home.get(figure.id),
                figure.label.vi,
                figure.label.en,
                _number(figure.value),
                _exact(figure.value),
                figure.out_of,
                figure.unit,
                figure.qualifier,
                figure.year,
                source_id(figure.source),
                figure.note.vi if figure.note else None,
                figure.note.en if figure.note else None,
            )
        )
        aliases += [(alias, figure.id) for alias in figure.aliases]
        for comparison in figure.comparisons:
            comparisons.append(
                (
                    len(comparisons) + 1,
                    figure.id,
                    comparison.basis,
                    comparison.year,
                    comparison.kind,
                    _number(comparison.value),
                    _exact(comparison.value),
                    int(comparison.ambiguous),
                    source_id(comparison.source),
                    comparison.note.vi if comparison.note else None,
                    comparison.note.en if comparison.note else None,
                )
            )
    for event in dataset.events:
        date = event.date
        events.append(
            (
                event.id,
                event_home.get(event.id),
                event.label.vi,
                event.label.en,
                date.year,
                date.month,
                date.day,
                date.period,
                int(date.year_inferred),
                source_id(event.source),
            )
        )
    return [
        Table(
            "units",
            ("code TEXT PRIMARY KEY", "label_en TEXT NOT NULL", "label_vi TEXT NOT NULL"),
            (),
            [(code, en, vi) for code, (en, vi) in UNITS.items()],
        ),
        Table(
            "highlights",
            (
                "rank INTEGER PRIMARY KEY",
                "slug TEXT NOT NULL UNIQUE",
                "title_vi TEXT NOT NULL",
                "title_en TEXT NOT NULL",
                "short_title_vi TEXT NOT NULL",
                "short_title_en TEXT NOT NULL",
                "summary_vi TEXT NOT NULL",
                "summary_en TEXT NOT NULL",
            ),
            (),
            [
                (h.rank, h.slug, h.title.vi, h.title.en, h.short_title.vi, h.short_title.en, h.summary.vi, h.summary.en)
                for h in dataset.highlights
            ],
        ),
        Table(
            "sources",
            ("id INTEGER PRIMARY KEY", "section INTEGER NOT NULL", "quote TEXT NOT NULL"),
            (),
            [(number, section, quote) for (section, quote), number in sources.items()],
        ),
        Table(
            "figures",
            (
                "id TEXT PRIMARY KEY",
                "highlight_rank INTEGER",
                "label_vi TEXT NOT NULL",
                "label_en TEXT NOT NULL",
                "value NUMERIC NOT NULL",
                "value_exact TEXT NOT NULL",
                "out_of INTEGER",
                "unit TEXT NOT NULL",
                "qualifier TEXT NOT NULL",
                "year INTEGER NOT NULL",
                "source_id INTEGER NOT NULL",
                "note_vi TEXT",
                "note_en TEXT",
            ),
            (
                "FOREIGN KEY (highlight_rank) REFERENCES highlights(rank)",
                "FOREIGN KEY (unit) REFERENCES units(code)",
                "FOREIGN KEY (source_id) REFERENCES sources(id)",
            ),
            figures,
        ),
        Table(
            "figure_aliases",
            ("alias TEXT PRIMARY KEY", "figure_id TEXT NOT NULL"),
            ("FOREIGN KEY (figure_id) REFERENCES figures(id)",),
            aliases,
        ),
        Table(
            "comparisons",
            (
                "id INTEGER PRIMARY KEY",
                "figure_id TEXT NOT NULL",
                "basis TEXT NOT NULL",
                "year INTEGER",
                "kind TEXT NOT NULL",
                "value NUMERIC NOT NULL",
                "value_exact TEXT NOT NULL",
                "ambiguous INTEGER NOT NULL",
                "source_id INTEGER NOT NULL",
                "note_vi TEXT",
                "note_en TEXT",
            ),
            ("FOREIGN KEY (figure_id) REFERENCES figures(id)", "FOREIGN KEY (source_id) REFERENCES sources(id)"),
            comparisons,
        ),
        Table(
            "events",
            (
                "id TEXT PRIMARY KEY",
                "highlight_rank INTEGER",
                "label_vi TEXT NOT NULL",
                "label_en TEXT NOT NULL",
                "year INTEGER NOT NULL",
                "month INTEGER NOT NULL",
                "day INTEGER",
                "period TEXT",
                "year_inferred INTEGER NOT NULL",
                "source_id INTEGER NOT NULL",
            ),
            (
                "FOREIGN KEY (highlight_rank) REFERENCES highlights(rank)",
                "FOREIGN KEY (source_id) REFERENCES sources(id)",
            ),
            events,
        ),
    ]


def _refuse_to_overwrite(paths: list[Path], force: bool) -> None:
    existing = [str(path) for path in paths if path.exists()]
    if existing and not force:
        listed = ", ".join(existing)
        raise ExportError(
            f"{listed} already exist{'s' if len(existing) == 1 else ''}; use --force to replace",
            f"{listed} đã có; dùng --force để ghi đè",
        )


@contextmanager
def atomic_file(path: Path, *, make_parents: bool = True) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only when the block succeeds."""
    try:
        if make_parents:
            path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise _cannot_write(path, error) from None
    temporary = Path(name)
    try:
        yield temporary
        if temporary.exists():  # mkstemp makes the file private; give it the usual mode
            umask = os.umask(0)
            os.umask(umask)
            temporary.chmod(0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):  # a full disk, a vanished directory: the user's to fix
            raise _cannot_write(path, error) from None
        raise


def _cannot_write(path: Path, error: OSError) -> ExportError:
    reason = os_reason(error)
    return ExportError(f"{path}: cannot write here: {reason}", f"{path}: không ghi được vào đây: {reason.vi}")


# SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
_SQLITE_STORAGE_ERRORS = {3, 8, 10, 13, 14}


def write_sqlite(dataset: Dataset, path: Path, *, force: bool = False) -> list[Table]:
    """Write every table to a new SQLite file at ``path``; nothing is left behind on failure."""
    import sqlite3

    _refuse_to_overwrite([path], force)
    if path.is_dir():
        raise ExportError(f"{path}: is a directory", f"{path}: là một thư mục")
    written = tables(dataset)
    with atomic_file(path) as temporary:
        temporary.unlink()  # sqlite creates the file itself
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            with connection:
                for table in written:
                    connection.execute(table.ddl())
                    marks = ", ".join("?" for _ in table.columns)
                    connection.executemany(f"INSERT INTO {table.name} VALUES ({marks})", table.rows)
        except sqlite3.OperationalError as error:
            # A full disk, a read-only or failing file system is the user's to fix; any other
            # SQLite error is a bug in the tables and is reported as one.
            if error.sqlite_errorcode & 0xFF not in _SQLITE_STORAGE_ERRORS:
                raise
            raise ExportError(
                f"{path}: SQLite could not write the file: {error}",
                f"{path}: SQLite không ghi được tệp (đĩa đầy, chỉ cho đọc hoặc lỗi đọc ghi; SQLite báo: {error})",
            ) from None
        finally:
            connection.close()
    return written


def write_csv_dir(dataset: Dataset, directory: Path, *, force: bool = False) -> list[Table]:
    """Write one CSV file per table into ``directory`` (UTF-8, a header row, empty for null)."""
    written = tables(dataset)
    targets = [directory / f"{table.name}.csv" for table in written]
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: is not a directory", f"{directory}: không phải là thư mục")
    _refuse_to_overwrite(targets, force)
    for table, target in zip(written, targets, strict=True):
        with atomic_file(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.column_names)
            writer.writerows(["" if value is None else value for value in row] for row in table.rows)
    return written
