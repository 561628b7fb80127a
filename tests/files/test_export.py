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
from readers import TABLES, runner


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


# ---- hand-off to analytics engines: STRICT tables, Datasette's full text, the README's queries ----


def _exported(tmp_path: Path, *options: str) -> Path:
    from readers import REPO, run

    path = tmp_path / "catalog.db"
    result = run("export", "sqlite", *options, str(path), "--data", str(REPO / "tests" / "data" / "catalog"))
    assert result.exit_code == 0, result.output
    return path


def _readme_sql() -> list[str]:
    import re

    from readers import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.DOTALL)


def test_every_exported_table_is_strict_and_each_column_holds_one_type(tmp_path: Path) -> None:
    """What DuckDB's SQLite reader needs: a column's values all of its declared type."""
    import sqlite3

    connection = sqlite3.connect(_exported(tmp_path))
    try:
        tables = {
            name: strict for _, name, kind, _, _, strict in connection.execute("PRAGMA table_list") if kind == "table"
        }
        ours = {name: strict for name, strict in tables.items() if not name.startswith("sqlite_")}
        assert set(ours) == TABLES
        assert all(ours.values()), ours
        declared_as = {"INTEGER": {"integer"}, "REAL": {"real"}, "TEXT": {"text"}}
        for table in ours:
            for _, column, declared, *_ in connection.execute(f"PRAGMA table_info({table})"):
                found = {kind for (kind,) in connection.execute(f"SELECT DISTINCT typeof({column}) FROM {table}")}
                assert found - {"null"} <= declared_as[declared], (table, column, declared, found)
    finally:
        connection.close()


def test_the_full_text_export_is_searchable_as_datasette_finds_it(tmp_path: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(_exported(tmp_path, "--full-text"))
    try:
        # Datasette's detect_fts: a virtual FTS table whose content= names the table
        for table in ("figures", "highlights", "sources", "events"):
            found = connection.execute(
                "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
                (f'%VIRTUAL TABLE%USING FTS%content="{table}"%',),
            ).fetchall()
            assert found == [(f"{table}_fts",)]
        (datasette_query,) = [sql for sql in _readme_sql() if "figures_fts" in sql]
        rows = connection.execute(datasette_query).fetchall()
        assert ("budget-revenue", "Thu ngân sách nhà nước") in rows
        assert all("ngân sách" in label.casefold() for _, label in rows)
    finally:
        connection.close()


def test_the_plain_export_has_no_full_text_tables_that_duckdb_could_not_read(tmp_path: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(_exported(tmp_path))
    try:
        assert connection.execute("SELECT count(*) FROM sqlite_master WHERE rootpage = 0").fetchone() == (0,)
    finally:
        connection.close()


def test_duckdb_reads_every_row_of_every_table_and_the_readmes_query(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="DuckDB is not installed (pip install duckdb)")
    path = _exported(tmp_path)
    connection = duckdb.connect()
    try:
        connection.execute("LOAD sqlite")
    except duckdb.Error:
        try:  # the test extra's copy of the extension, from PyPI (the machine may reach no other site)
            import duckdb_extension_sqlite_scanner as packaged

            extension = Path(packaged.__file__).parent / "extensions" / f"v{duckdb.__version__}"
            connection.execute(f"LOAD '{extension / 'sqlite_scanner.duckdb_extension'}'")
        except (ImportError, duckdb.Error):
            try:
                connection.execute("INSTALL sqlite")
                connection.execute("LOAD sqlite")
            except duckdb.Error as error:
                pytest.skip(f"DuckDB's sqlite extension cannot be installed here: {str(error)[:80]}")
    (duckdb_query,) = [sql for sql in _readme_sql() if "TYPE sqlite" in sql]
    connection.execute(f"ATTACH '{path}' AS chilinh (TYPE sqlite)")
    for table in sorted(TABLES):
        connection.execute(f"SELECT * FROM chilinh.{table}").fetchall()
    attach, query = duckdb_query.split(";", 1)
    assert "ATTACH" in attach
    assert connection.execute(query).fetchall()
