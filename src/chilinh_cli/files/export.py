"""Writing the dataset's tables (``tables_of``: the stated ones and the derived baselines) to a
SQLite file, CSV files or an Excel workbook, and the reviews as dataset files, atomically."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import ExportError
from ..model.records import Dataset
from ..reading.tables import Table, tables_of
from ..words import messages
from ..words.language import Lang
from .writer import atomic_directory, atomic_file

if TYPE_CHECKING:
    import sqlite3

Datasets = Sequence[tuple[str, Dataset]]
"""The datasets to write, each with the path it was read from."""

# SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
_SQLITE_STORAGE_ERRORS = {3, 8, 10, 13, 14}
_SQLITE_FULL = {13, 778, 3338}
"""SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC: a full disk or a file-size limit (what else fails a write)."""


def write_sqlite(datasets: Datasets, path: Path, *, force: bool = False, full_text: bool = False) -> list[Table]:
    """Write every table to a new SQLite file at ``path``; nothing is left behind on failure.
    Every table is STRICT, so DuckDB's SQLite reader takes each column as one type; with
    ``full_text``, FTS5 indexes for Datasette too (which that reader cannot open)."""
    import sqlite3

    written = tables_of(datasets)
    with atomic_file(path, force=force, make_parents=True) as temporary:
        temporary.unlink()  # sqlite creates the file itself
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = MEMORY")  # renamed into place whole: no journal left
            connection.execute("PRAGMA foreign_keys = ON")
            with connection:
                for table in written:
                    connection.execute(table.ddl())
                    marks = ", ".join("?" for _ in table.columns)
                    connection.executemany(f"INSERT INTO {table.name} VALUES ({marks})", table.rows)
                if full_text:
                    _full_text(connection)
        except sqlite3.OperationalError as error:
            # A full disk, a read-only or failing file system is the user's to fix; any other
            # SQLite error is a bug in the tables and is reported as one.
            if error.sqlite_errorcode & 0xFF not in _SQLITE_STORAGE_ERRORS:
                raise
            if error.sqlite_errorcode in _SQLITE_FULL:
                raise ExportError(messages.DISK_FULL.format(path=str(path))) from None
            raise ExportError(messages.SQLITE_CANNOT_WRITE.format(path=str(path), error=str(error))) from None
        finally:
            connection.close()
    return written


SEARCHABLE = {
    "figures": ("label_vi", "label_en"),
    "highlights": ("title_vi", "title_en", "summary_vi", "summary_en"),
    "sources": ("quote",),
    "events": ("label_vi", "label_en"),
}
"""The texts of the SQLite export that have a full-text index, TABLE_fts: Datasette finds an FTS
table by its ``content="TABLE"`` and offers a search box on TABLE."""


def _full_text(connection: sqlite3.Connection) -> None:
    """A full-text index of each searchable table (when SQLite has FTS5; the export is whole
    without), diacritics folded as unicode61 folds them: a query without marks finds the words with them."""
    import sqlite3

    for table, columns in SEARCHABLE.items():
        try:
            connection.execute(
                f"CREATE VIRTUAL TABLE {table}_fts USING fts5({', '.join(columns)}, "
                f'content="{table}", tokenize="unicode61 remove_diacritics 2")'
            )
        except sqlite3.OperationalError as error:
            if "no such module" in str(error):
                return  # a SQLite built without FTS5: the tables alone
            raise
        connection.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")


def write_json_dir(files: Sequence[tuple[str, str]], directory: Path, *, force: bool = False) -> list[str]:
    """Write each (name, text) as a dataset file in ``directory``: all of them, or, when anything
    fails, none; an existing file only with ``force``, and no other file of it touched."""
    names = [name for name, _ in files]
    with atomic_directory(directory, names, force=force) as staging:
        for name, text in files:
            (staging / name).write_text(text, encoding="utf-8")
    return names


def write_csv_dir(datasets: Datasets, directory: Path, *, force: bool = False, bom: bool = False) -> list[Table]:
    """Write one CSV file per table into ``directory`` (UTF-8, a header row, empty for null):
    all of them, or, when anything fails, none. ``bom`` starts each file with a UTF-8
    byte-order mark, by which Excel knows the text is UTF-8 (Vietnamese stays intact)."""
    written = tables_of(datasets)
    names = [f"{table.name}.csv" for table in written]
    with atomic_directory(directory, names, force=force) as staging:
        for table, name in zip(written, names, strict=True):
            with (staging / name).open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(table.column_names)
                writer.writerows(["" if value is None else value for value in row] for row in table.rows)
    return written


_EXACT_IN_EXCEL = 2**53
"""Excel keeps numbers as binary floating point: whole numbers beyond this lose digits."""
_NUMBER_FORMATS = {
    **{"vnd": "#,##0", "usd": "#,##0", "percent": '0.0##"%"', "days": "0", "count": "#,##0", "share": "0"},
    "quantity": "#,##0.0##",  # decimals allowed; its noun varies by figure and is in the noun columns
}


_VALUE_COLUMNS = ("value", "value_low", "value_high")
"""The columns shown with their row's unit: a value and its known ends."""


def write_xlsx(datasets: Datasets, path: Path, *, lang: Lang = "en", force: bool = False) -> list[Table]:
    """Write every table as a sheet of one Excel workbook at ``path``.

    Numbers are Excel numbers, each value shown with its unit in ``lang`` (``967,300,000,000 VND``);
    one that Excel cannot hold exactly (a whole number beyond 2^53, or a decimal that a
    float does not round-trip) is written as its exact text instead, and the ``*_exact``
    columns always hold the exact text.
    """
    import os

    # openpyxl writes through lxml when lxml is installed (trafilatura, for `draft`, brings it),
    # and lxml reports a full disk or a file-size limit as its own SerialisationError, not as
    # the OSError the writer turns into a message: keep openpyxl's own writer.
    os.environ.setdefault("OPENPYXL_LXML", "False")
    try:
        from openpyxl import Workbook
    except ImportError:
        raise ExportError(messages.XLSX_NEEDS_OPENPYXL) from None
    written = tables_of(datasets)
    # Built inside the block: a write-only workbook already writes its sheets to temporary
    # files, so a full disk or a file-size limit there is an error about ``path`` too.
    with atomic_file(path, force=force, make_parents=True) as temporary:
        book = Workbook(write_only=True)
        for table in written:
            sheet = book.create_sheet(table.name)
            names = table.column_names
            unit_at = names.index("unit") if "unit" in names else None
            sheet.append(list(names))
            for row in table.rows:
                unit = row[unit_at] if unit_at is not None else None
                cells = zip(names, row, strict=True)
                sheet.append([_xlsx_cell(sheet, name, value, unit, lang) for name, value in cells])
        book.save(temporary)
    return written


def _xlsx_cell(sheet: object, column: str, value: object, unit: object, lang: Lang) -> object:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        if abs(value) >= _EXACT_IN_EXCEL:
            return str(value)
        cell = WriteOnlyCell(sheet, value=value)
        if column in _VALUE_COLUMNS and isinstance(unit, str) and unit in _NUMBER_FORMATS:
            suffix = messages.XLSX_UNIT_SUFFIXES.get(unit)
            cell.number_format = _NUMBER_FORMATS[unit] + (suffix.get(lang) if suffix else "")
        return cell
    return value
