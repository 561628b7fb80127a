"""Exports to SQLite and CSV: tables, keys, exact numbers, atomic writes, no silent overwrite."""

from __future__ import annotations

import csv
import errno
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chilinh_cli import export
from chilinh_cli.cli import app
from chilinh_cli.errors import ExportError
from chilinh_cli.export import write_csv_dir, write_sqlite
from chilinh_cli.models import Dataset
from chilinh_cli.tables import Table, tables

runner = CliRunner()
TABLES = {"units", "highlights", "sources", "figures", "figure_aliases", "comparisons", "events"}


def test_tables_hold_every_record(dataset: Dataset) -> None:
    by_name = {table.name: table for table in tables(dataset)}
    assert set(by_name) == TABLES
    assert len(by_name["highlights"].rows) == 10
    assert len(by_name["figures"].rows) == 37
    assert len(by_name["events"].rows) == 4
    assert len(by_name["comparisons"].rows) == 6


def test_sqlite_export(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "chilinh.db"
    result = runner.invoke(app, ["export", "sqlite", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "7 tables" in result.stderr
    connection = sqlite3.connect(path)
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == TABLES
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    revenue = connection.execute(
        "SELECT f.value, f.value_exact, f.qualifier, f.unit, s.section, s.quote, h.slug FROM figures f "
        "JOIN sources s ON s.id = f.source_id JOIN highlights h ON h.rank = f.highlight_rank "
        "JOIN figure_aliases a ON a.figure_id = f.id WHERE a.alias = 'revenue'"
    ).fetchone()
    assert revenue == (
        967300000000,
        "967300000000",
        "more_than",
        "vnd",
        4,
        "Tổng thu ngân sách đạt hơn 967,3 tỷ đồng",
        "economy",
    )
    assert connection.execute("SELECT value_exact FROM figures WHERE id = 'voter-turnout'").fetchone() == ("99.92",)
    ambiguous = connection.execute(
        "SELECT ambiguous, note_en FROM comparisons WHERE basis = 'budget_estimate'"
    ).fetchone()
    assert ambiguous[0] == 1
    assert "does not say which" in ambiguous[1]
    foreign = connection.execute("PRAGMA foreign_key_list(figures)").fetchall()
    assert {row[2] for row in foreign} == {"highlights", "units", "sources"}
    connection.close()
    assert path.stat().st_mode & 0o044  # readable by others, as the umask allows: not private like mkstemp


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "chilinh.db"
    path.write_text("precious")
    result = runner.invoke(app, ["export", "sqlite", str(path)])
    assert result.exit_code == 1
    assert "--force" in result.stderr
    assert path.read_text() == "precious"
    assert runner.invoke(app, ["export", "sqlite", str(path), "--force"]).exit_code == 0
    assert sqlite3.connect(path).execute("SELECT count(*) FROM figures").fetchone() == (37,)


def test_failed_export_leaves_nothing_behind(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.db"
    path.write_text("old")

    def broken(dataset: Dataset) -> list[Table]:
        return [Table("bad", ("x INTEGER",), (), [("not", "two")])]

    monkeypatch.setattr(export, "tables", broken)
    with pytest.raises(sqlite3.Error):
        write_sqlite(dataset, path, force=True)
    assert path.read_text() == "old"  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]  # and no temporary file is left


def test_a_full_disk_is_reported_in_both_languages(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(csv, "writer", full)
    with pytest.raises(ExportError) as caught:
        write_csv_dir(dataset, tmp_path / "t")
    assert str(caught.value) == f"{tmp_path / 't' / 'units.csv'}: cannot write here: No space left on device"
    assert caught.value.message("vi").endswith("units.csv: không ghi được vào đây: hết chỗ trống trên đĩa")
    assert list((tmp_path / "t").iterdir()) == []  # no temporary file left behind


def test_a_bug_in_the_tables_stays_a_bug(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(dataset: Dataset) -> list[Table]:
        return [Table("bad table", ("x INTEGER",), (), [])]  # not a valid table name

    monkeypatch.setattr(export, "tables", broken)
    with pytest.raises(sqlite3.OperationalError, match="syntax error"):
        write_sqlite(dataset, tmp_path / "x.db")
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
        write_sqlite(dataset, tmp_path / "x.db")
    assert str(caught.value) == f"{tmp_path / 'x.db'}: SQLite could not write the file: database or disk is full"
    assert "SQLite không ghi được tệp (đĩa đầy" in caught.value.message("vi")
    assert list(tmp_path.iterdir()) == []


def test_csv_export(tmp_path: Path) -> None:
    directory = tmp_path / "tables"
    result = runner.invoke(app, ["export", "csv", str(directory)])
    assert result.exit_code == 0
    assert {p.stem for p in directory.iterdir()} == TABLES
    with (directory / "figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 37
    turnout = next(row for row in rows if row["id"] == "voter-turnout")
    assert (turnout["value_exact"], turnout["unit"], turnout["highlight_rank"]) == ("99.92", "percent", "1")
    again = runner.invoke(app, ["export", "csv", str(directory)])
    assert again.exit_code == 1
    assert "already exist" in again.stderr
    assert runner.invoke(app, ["export", "csv", str(directory), "--force"]).exit_code == 0


def test_export_errors(dataset: Dataset, tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(ExportError, match="is not a directory"):
        write_csv_dir(dataset, file)
    with pytest.raises(ExportError, match="is a directory"):
        write_sqlite(dataset, tmp_path, force=True)
    with pytest.raises(ExportError, match="cannot write here"):
        write_sqlite(dataset, file / "sub" / "x.db")
    bare = runner.invoke(app, ["export"])  # no subcommand: the group's help, listing both
    assert "sqlite" in bare.stdout + bare.stderr
    assert "csv" in bare.stdout + bare.stderr
