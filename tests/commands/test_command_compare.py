"""chilinh compare: 2021 against an earlier year, as a table or a chart."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from chilinh_cli.cli.app import app
from readers import run, runner


def test_compare_2020_plain() -> None:
    result = run("compare", "--year", "2020")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Figure\t2020\t2021\tChange\tChange %\tDirection"
    petitions = next(line for line in lines if line.startswith("Petitions"))
    assert petitions.split("\t") == [
        "Petitions received and handled",
        "407 (derived)",
        "317",
        "-90",
        "≈ -22.1% (derived)",
        "↓ down",
    ]
    industry = lines[1].split("\t")
    assert industry[1] == "≈ VND 10,960 billion (derived)"
    assert industry[4] == "+22.4%"
    retail = lines[3].split("\t")
    # one hedge, the true one: the interval of a 'nearly' figure's baseline reaches above it
    assert retail[1] == "≈ VND 3,490 billion (derived)"
    assert "nearly ≈" not in result.stdout
    # the derived change is taken from the shown baseline: 10,960 + 2,456 = 13,416(.446)
    assert industry[3] == "≈ +VND 2,456 billion (derived)"
    assert "33 other figures have no comparison with 2020" in result.stderr


def test_compare_defaults_to_the_previous_year() -> None:
    assert run("compare").stdout == run("compare", "--year", "2020").stdout


def test_compare_json_and_csv() -> None:
    document = json.loads(run("compare", "--year", "2020", "--format", "json").stdout)
    assert document["year"] == 2020
    assert document["current_year"] == 2021
    assert len(document["omitted"]) == 33
    rows = {row["id"]: row for row in document["rows"]}
    assert rows["petitions"]["previous"] == {
        "year": 2020,
        "value": 407,
        "derived": True,
        "low": 407,
        "high": 407,
        "qualifier": "computed",  # never 'exact' for a derived value
        "formula": "317 - (-90)",
    }
    assert rows["petitions"]["change"] == {"value": -90, "derived": False}
    assert rows["industry-construction-output"]["previous"]["value"] == 10_960_000_000_000
    assert rows["industry-construction-output"]["change_percent"] == {"value": 22.4, "derived": False}
    table = list(csv.DictReader(io.StringIO(run("compare", "-f", "csv").stdout)))
    assert [row["id"] for row in table] == list(rows)
    assert table[3]["previous_value"] == "407"
    assert table[3]["direction"] == "down"


def test_compare_vietnamese() -> None:
    result = run("compare", "--lang", "vi")
    assert "≈ 10.960 tỷ đồng (suy ra)" in result.stdout
    assert "↓ giảm" in result.stdout
    assert "không có so sánh với năm 2020" in result.stderr


def test_compare_unknown_year_exits_1() -> None:
    result = run("compare", "--year", "2019")
    assert result.exit_code == 1
    assert "years it has: 2020" in result.stderr


def test_missing_data_file(tmp_path: Path) -> None:
    result = run("compare", "--data", str(tmp_path / "absent.json"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'absent.json'}: no such file" in result.stderr


def test_chart_is_not_for_json() -> None:
    assert runner.invoke(app, ["compare", "--chart", "-f", "json"]).exit_code == 2


def test_no_comparison_is_still_a_document_for_scripts() -> None:
    result = run("compare", "--year", "2019", "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"year": 2019, "current_year": 2021, "rows": [], "omitted": []}
