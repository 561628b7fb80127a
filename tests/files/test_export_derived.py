"""The exports carry every derived baseline (as ``compare`` derives it) and each figure's known ends."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import event, given, reject, settings
from hypothesis import strategies as st

from chilinh_cli.cli.app import app
from chilinh_cli.model.derive import derivation
from chilinh_cli.model.records import (
    Basis,
    ChangeKind,
    Comparison,
    Dataset,
    Figure,
    Qualifier,
    RuleError,
    Source,
    Text,
    Unit,
)
from chilinh_cli.reading.tables import Table, tables
from readers import REPO, runner

INDUSTRY = "industry-construction-output"  # 13,416.446 billion, up 22.4 % on 2020


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """The embedded dataset exported as CSV (after the private cache is set: not module-wide)."""
    directory = tmp_path / "tables"
    result = runner.invoke(app, ["export", "csv", str(directory)])
    assert result.exit_code == 0, result.output
    return directory


def test_the_csv_export_holds_the_baseline_compare_prints(exported: Path) -> None:
    derived = {row["figure_id"]: row for row in _read(exported / "derived_baselines.csv")}
    industry = derived[INDUSTRY]
    assert industry == {
        **{"dataset_id": "1", "comparison_id": "1", "figure_id": INDUSTRY, "basis": "previous_year", "year": "2020"},
        **{"value": "10960000000000", "value_exact": "10960000000000"},
        **{"value_low": "10956672927725.6", "value_low_exact": "10956672927725.6"},
        **{"value_high": "10965628116060.5", "value_high_exact": "10965628116060.5"},
        **{"unit": "vnd", "hedge": "approximate", "derived": "1", "formula": "13416446000000 / (1 + 22.4/100)"},
    }
    result = runner.invoke(app, ["compare", "--year", "2020", "-f", "csv"])
    assert result.exit_code == 0, result.output
    printed = {row["id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert Decimal(printed[INDUSTRY]["previous_low"]) == Decimal(industry["value_low_exact"])
    assert Decimal(printed[INDUSTRY]["previous_high"]) == Decimal(industry["value_high_exact"])
    # every baseline compare derives is a row of the export, with the same value, ends and hedge
    assert set(printed) <= set(derived)
    for figure_id, row in printed.items():
        said = derived[figure_id]
        assert (said["year"], said["hedge"]) == (row["previous_year"], row["previous_hedge"])
        assert Decimal(said["value_exact"]) == Decimal(row["previous_value"])
        # of a bound's baseline ('nearly V': the figure is below V) compare and the export keep
        # the end that is known, and no other
        known = {"nearly": ("value_high_exact",), "more_than": ("value_low_exact",), "at_least": ("value_low_exact",)}
        ends = known.get(row["qualifier"], ("value_low_exact", "value_high_exact"))
        for end, printed_end in (("value_low_exact", "previous_low"), ("value_high_exact", "previous_high")):
            if end in ends:
                assert Decimal(said[end]) == Decimal(row[printed_end]), (figure_id, end)
            else:
                assert said[end] == row[printed_end] == "", (figure_id, end)
    # a comparison with a target implies the target too; an ambiguous one implies nothing
    assert (derived["party-members-admitted"]["basis"], derived["party-members-admitted"]["value_exact"]) == (
        "target",
        "190",
    )
    assert "budget-revenue" not in derived
    retail = derived["retail-services-revenue"]  # 'gần 3.692 tỷ' (nearly), +5.8 %: below a known high end only
    assert (retail["value_low_exact"], retail["hedge"]) == ("", "approximate")
    assert Decimal(retail["value_high_exact"]) > Decimal(retail["value_exact"])
    shown = runner.invoke(app, ["metric", "retail-services-revenue", "--format", "csv"])
    (metric,) = [row for row in csv.DictReader(io.StringIO(shown.stdout)) if row["baseline_derived"] == "true"]
    assert (metric["baseline_low"], Decimal(metric["baseline_high"])) == ("", Decimal(retail["value_high_exact"]))
    comparisons = {row["id"]: row for row in _read(exported / "comparisons.csv")}
    assert comparisons[industry["comparison_id"]]["figure_id"] == INDUSTRY
    assert comparisons[industry["comparison_id"]]["value_exact"] == "22.4"


def test_every_derived_value_in_the_csv_has_its_ends(exported: Path) -> None:
    rows = _read(exported / "derived_baselines.csv")
    qualifiers = {row["id"]: row["qualifier"] for row in _read(exported / "figures.csv")}
    assert len(rows) == 5
    for row in rows:
        assert row["derived"] == "1"
        low, high = row["value_low_exact"], row["value_high_exact"]
        assert low or high, row
        bound = qualifiers[row["figure_id"]] in ("nearly", "more_than", "at_least")
        if row["hedge"] in ("approximate", "computed") and not bound:  # no bound: both ends are known
            assert low, row
            assert high, row
            assert Decimal(low) <= Decimal(row["value_exact"]) <= Decimal(high), row
        for number, exact in (
            ("value", "value_exact"),
            ("value_low", "value_low_exact"),
            ("value_high", "value_high_exact"),
        ):
            assert (row[number] == "") == (row[exact] == "")


def test_each_figure_has_its_known_ends_and_is_marked_stated(exported: Path) -> None:
    figures = {row["id"]: row for row in _read(exported / "figures.csv")}
    ends = {key: (row["value_low_exact"], row["value_high_exact"], row["derived"]) for key, row in figures.items()}
    assert ends["voter-turnout"] == ("99.92", "99.92", "0")  # exact: low = high = value
    assert ends["budget-revenue"] == ("967300000000", "", "0")  # more than: the low end only
    assert ends["retail-services-revenue"] == ("", "3691996000000", "0")  # nearly: the high end only
    assert {row["derived"] for row in figures.values()} == {"0"}


def test_the_sqlite_export_has_the_derived_baselines_with_their_review(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    assert runner.invoke(app, ["export", "sqlite", str(path)]).exit_code == 0
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        row = connection.execute(
            "SELECT d.place_vi, d.year, b.year, b.value, b.value_exact, b.value_low_exact, b.value_high_exact, "
            "typeof(b.value_low), b.hedge, c.kind FROM derived_baselines b JOIN datasets d ON d.id = b.dataset_id "
            "JOIN comparisons c ON c.dataset_id = b.dataset_id AND c.id = b.comparison_id WHERE b.figure_id = ?",
            (INDUSTRY,),
        ).fetchone()
        assert row == (
            *("Thành phố Chí Linh, tỉnh Hải Dương", 2021, 2020, 10960000000000.0, "10960000000000"),
            *("10956672927725.6", "10965628116060.5", "real", "approximate", "percent_change"),
        )
        (query,) = [sql for sql in _readme_sql() if "derived_baselines" in sql]
        stacked = connection.execute(query).fetchall()
        assert (INDUSTRY, 2020, 1, "10960000000000", "10956672927725.6", "10965628116060.5") in stacked
        assert (INDUSTRY, 2021, 0, "13416446000000", "13416446000000", "13416446000000") in stacked
    finally:
        connection.close()


def _readme_sql() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_workbook_has_the_derived_baselines(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assert runner.invoke(app, ["export", "xlsx", str(tmp_path / "c.xlsx")]).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["derived_baselines"]
    header, *cells = ([cell for cell in row] for row in sheet.iter_rows())
    names = [cell.value for cell in header]
    rows = {row[names.index("figure_id")].value: row for row in cells}
    assert len(rows) == 5
    industry = rows[INDUSTRY]
    assert industry[names.index("value_low")].value == pytest.approx(10956672927725.6)
    assert industry[names.index("value_low")].number_format == '#,##0 "VND"'
    assert industry[names.index("value_low_exact")].value == "10956672927725.6"
    assert industry[names.index("hedge")].value == "approximate"
    figures = openpyxl.load_workbook(tmp_path / "c.xlsx")["figures"]
    header_row = [cell.value for cell in next(figures.iter_rows(max_row=1))]
    assert header_row[-5:] == ["value_low", "value_low_exact", "value_high", "value_high_exact", "derived"]


# ---- the property: every derived row is inside what it says, for any figure and comparison ----

_SOURCE = Source(1, "q")
_QUALIFIERS: list[Qualifier] = ["exact", "more_than", "nearly", "approximately", "estimated", "at_least"]
_BASES: list[Basis] = ["previous_year", "plan", "target"]
_UNITS: list[Unit] = ["quantity", "percent", "vnd", "count"]
_CHANGES: dict[ChangeKind, st.SearchStrategy[int | Decimal]] = {
    "percent_change": st.decimals(min_value=Decimal("-99.9"), max_value=Decimal("500"), places=1),
    "absolute_change": st.integers(min_value=-(10**12), max_value=10**12),
    "point_change": st.decimals(min_value=Decimal("-50"), max_value=Decimal("50"), places=2),
    "percent_of": st.decimals(min_value=Decimal("0.1"), max_value=Decimal("400"), places=1),
    "multiple": st.decimals(min_value=Decimal("0.1"), max_value=Decimal("20"), places=1),
    "from_value": st.integers(min_value=0, max_value=10**12),
}


@st.composite
def _figures(draw: st.DrawFn) -> Figure:
    comparisons = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(st.sampled_from(sorted(_CHANGES)))
        change = draw(_CHANGES[kind])
        spread = draw(st.none() | st.integers(min_value=1, max_value=5))
        basis = draw(st.sampled_from(_BASES))
        try:
            comparisons.append(
                Comparison(
                    basis,
                    kind,
                    change,
                    _SOURCE,
                    year=2020 if basis == "previous_year" else None,
                    high=None if spread is None else change + spread,
                )
            )
        except RuleError:
            continue
    value = draw(st.integers(min_value=1, max_value=10**13) | st.decimals(min_value=1, max_value=10**6, places=2))
    high = draw(st.none() | st.integers(min_value=1, max_value=10**6))
    unit = draw(st.sampled_from(_UNITS))
    try:
        return Figure(
            "x",
            Text("x"),
            value,
            unit,
            draw(st.sampled_from(_QUALIFIERS)),
            2021,
            _SOURCE,
            comparisons=tuple(comparisons),
            noun=Text("t") if unit == "quantity" else None,
            high=None if high is None else value + high,
        )
    except RuleError:
        reject()


def _table(laid: list[Table], name: str) -> list[dict[str, object]]:
    (table,) = [table for table in laid if table.name == name]
    return [dict(zip(table.column_names, row, strict=True)) for row in table.rows]


@settings(max_examples=200, deadline=None)
@given(figure=_figures())
def test_every_derived_row_lies_within_its_ends(dataset: Dataset, figure: Figure) -> None:
    laid = tables(dataclasses.replace(dataset, figures=(figure,)), derived=True)
    rows = _table(laid, "derived_baselines")
    implied = [c for c in figure.comparisons if (d := derivation(figure, c)) is not None and d.baseline.derived]
    assert len(rows) == len(implied)
    for row in rows:
        value = Decimal(str(row["value_exact"]))
        low = None if row["value_low_exact"] is None else Decimal(str(row["value_low_exact"]))
        high = None if row["value_high_exact"] is None else Decimal(str(row["value_high_exact"]))
        assert row["derived"] == 1
        assert row["value"] == float(value)
        event(
            f"{figure.qualifier}: "
            + (
                "both ends"
                if low is not None and high is not None
                else "low end"
                if low is not None
                else "high end"
                if high is not None
                else "no end"
            )
        )
        # a figure that is a bound, or approximate, bounds its baseline no better than itself
        if figure.qualifier in ("more_than", "at_least"):
            assert low is not None, row
            assert high is None, row
        elif figure.qualifier == "nearly":
            assert low is None, row
            assert high is not None, row
        if low is not None and high is not None:
            assert low <= value <= high, row
        elif low is not None and row["hedge"] in ("more_than", "at_least"):  # 'more than V': V at or below all
            assert value <= low, row
        elif low is not None:  # a range of rates on a bound: the value lies above the known low end
            assert low <= value, row
        elif high is not None and row["hedge"] == "nearly":  # 'nearly V': at or above every value allowed
            assert value >= high, row
        elif high is not None:
            assert value <= high, row
    (stated,) = _table(laid, "figures")
    assert stated["derived"] == 0
    if stated["value_low"] is not None and stated["value_high"] is not None:
        assert Decimal(str(stated["value_low_exact"])) <= Decimal(str(stated["value_high_exact"]))


def test_a_value_written_with_an_exponent_keeps_it_in_every_column(dataset: Dataset) -> None:
    # The exponent is the precision stated (a tenth of a trillion), which the store reads back.
    figure = Figure("x", Text("x"), Decimal("1.1E+13"), "quantity", "more_than", 2021, _SOURCE, noun=Text("t"))
    (row,) = _table(tables(dataclasses.replace(dataset, figures=(figure,)), derived=True), "figures")
    assert (row["value_exact"], row["value_low_exact"], row["value_high_exact"]) == ("1.1E+13", "1.1E+13", None)
