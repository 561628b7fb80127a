"""Writing the tables to SQLite and CSV: atomic writes, full disks, and bugs kept as bugs."""

from __future__ import annotations

import csv
import errno
import sqlite3
from pathlib import Path

import pytest

from chilinh_cli.cli.app import app
from chilinh_cli.files import export
from chilinh_cli.files.export import write_csv_dir, write_sqlite
from chilinh_cli.model.errors import ExportError
from chilinh_cli.model.records import Dataset
from chilinh_cli.reading.tables import Table
from readers import runner


def test_failed_export_leaves_nothing_behind(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.db"
    path.write_text("old")

    def broken(datasets: object) -> list[Table]:
        return [Table("bad", ("x INTEGER",), (), [("not", "two")])]

    monkeypatch.setattr(export, "tables_of", broken)
    with pytest.raises(sqlite3.Error):
        write_sqlite([("x.json", dataset)], path, force=True)
    assert path.read_text() == "old"  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]  # and no temporary file is left


def test_a_full_disk_is_reported_in_both_languages(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(csv, "writer", full)
    with pytest.raises(ExportError) as caught:
        write_csv_dir([("x.json", dataset)], tmp_path / "t")
    assert str(caught.value) == f"{tmp_path / 't'}: disk full (or over a file-size limit or quota); nothing was written"
    assert caught.value.message("vi") == (
        f"{tmp_path / 't'}: đĩa đầy (hoặc vượt giới hạn kích thước tệp hay hạn mức); không có gì được ghi"
    )
    assert list(tmp_path.iterdir()) == []  # nothing left behind: no directory, no staging


def test_a_bug_in_the_tables_stays_a_bug(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(datasets: object) -> list[Table]:
        return [Table("bad table", ("x INTEGER",), (), [])]  # not a valid table name

    monkeypatch.setattr(export, "tables_of", broken)
    with pytest.raises(sqlite3.OperationalError, match="syntax error"):
        write_sqlite([("x.json", dataset)], tmp_path / "x.db")
    assert list(tmp_path.iterdir()) == []


def test_a_full_sqlite_file_is_reported_and_removed(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = sqlite3.connect

    def tiny(path: str) -> sqlite3.Connection:
        connection = connect(path)
        connection.execute("PRAGMA max_page_count = 3")  # SQLite's own 'disk is full' past 3 pages
        return connection

    monkeypatch.setattr(sqlite3, "connect", tiny)
    with pytest.raises(ExportError) as caught:
        write_sqlite([("x.json", dataset)], tmp_path / "x.db")
    assert str(caught.value) == (
        f"{tmp_path / 'x.db'}: disk full (or over a file-size limit or quota); nothing was written"
    )
    assert "đĩa đầy" in caught.value.message("vi")
    assert list(tmp_path.iterdir()) == []


def test_export_errors(dataset: Dataset, tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(ExportError, match="is not a directory"):
        write_csv_dir([("x.json", dataset)], file)
    with pytest.raises(ExportError, match="is a directory"):
        write_sqlite([("x.json", dataset)], tmp_path, force=True)
    with pytest.raises(ExportError, match="cannot write here"):
        write_sqlite([("x.json", dataset)], file / "sub" / "x.db")
    bare = runner.invoke(app, ["export"])  # no subcommand: the group's help, listing both
    assert "sqlite" in bare.stdout + bare.stderr
    assert "csv" in bare.stdout + bare.stderr
