"""chilinh export sqlite and export csv: the files written, and no silent overwrite."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from chilinh_cli.cli.app import app
from chilinh_cli.model.records import Dataset
from readers import TABLES, runner


def test_sqlite_export(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "chilinh.db"
    result = runner.invoke(app, ["export", "sqlite", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "9 tables" in result.stderr
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
    assert {row[2] for row in foreign} == {"datasets", "highlights", "units", "sources"}
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


def test_csv_with_a_byte_order_mark_for_excel(tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", "csv", "--bom", str(tmp_path / "x")]).exit_code == 0
    raw = (tmp_path / "x" / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdataset_id,id,")
    assert "Tổng thu ngân sách" in raw.decode("utf-8-sig")
    plain = runner.invoke(app, ["export", "csv", str(tmp_path / "y")])
    assert plain.exit_code == 0
    assert (tmp_path / "y" / "figures.csv").read_bytes().startswith(b"dataset_id,id,")


def test_xlsx_holds_every_table_with_numbers_as_numbers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    result = runner.invoke(app, ["export", "xlsx", str(tmp_path / "c.xlsx"), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"đã ghi {tmp_path / 'c.xlsx'}: 9 trang tính, 141 dòng\n"
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert book.sheetnames == [
        *("datasets", "units", "highlights", "sources", "figures", "figure_aliases", "comparisons", "events"),
        "derived_baselines",
    ]
    rows = {row[1].value: row for row in book["figures"].iter_rows(min_row=2)}  # after dataset_id
    header = [cell.value for cell in next(book["figures"].iter_rows(max_row=1))]
    value, exact = header.index("value"), header.index("value_exact")
    revenue = rows["budget-revenue"]
    assert revenue[value].value == 967_300_000_000
    assert revenue[value].number_format == '#,##0 "đồng"'
    assert rows["voter-turnout"][value].value == pytest.approx(99.92)
    assert rows["voter-turnout"][exact].value == "99.92"
    quotes = [row[3].value for row in book["sources"].iter_rows(min_row=2)]
    assert "Tổng thu ngân sách đạt hơn 967,3 tỷ đồng" in quotes
    again = runner.invoke(app, ["export", "xlsx", str(tmp_path / "c.xlsx")])
    assert again.exit_code == 1
    assert "already exists; use --force" in again.stderr
