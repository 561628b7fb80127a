"""Writing the dataset's tables (``tables``) to a SQLite file or to CSV files, atomically."""

from __future__ import annotations

import csv
from pathlib import Path

from . import messages
from .errors import ExportError
from .files import atomic_file, refuse_to_overwrite
from .models import Dataset
from .tables import Table, tables

# SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
_SQLITE_STORAGE_ERRORS = {3, 8, 10, 13, 14}


def write_sqlite(dataset: Dataset, path: Path, *, force: bool = False) -> list[Table]:
    """Write every table to a new SQLite file at ``path``; nothing is left behind on failure."""
    import sqlite3

    refuse_to_overwrite([path], force)
    if path.is_dir():
        raise ExportError(messages.IS_A_DIRECTORY_PATH.format(path=str(path)))
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
            raise ExportError(messages.SQLITE_CANNOT_WRITE.format(path=str(path), error=str(error))) from None
        finally:
            connection.close()
    return written


def write_csv_dir(dataset: Dataset, directory: Path, *, force: bool = False) -> list[Table]:
    """Write one CSV file per table into ``directory`` (UTF-8, a header row, empty for null)."""
    written = tables(dataset)
    targets = [directory / f"{table.name}.csv" for table in written]
    if directory.exists() and not directory.is_dir():
        raise ExportError(messages.NOT_A_DIRECTORY.format(path=str(directory)))
    refuse_to_overwrite(targets, force)
    for table, target in zip(written, targets, strict=True):
        with atomic_file(target) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.column_names)
            writer.writerows(["" if value is None else value for value in row] for row in table.rows)
    return written
