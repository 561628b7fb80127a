"""chilinh metric: one figure, or every figure."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from chilinh_cli.cli.app import app
from readers import Writer, run, runner


def test_metric_revenue() -> None:
    result = run("metric", "revenue")
    assert result.exit_code == 0
    assert "Value\tmore than VND 967.3 billion" in result.stdout
    assert "section 4: “Tổng thu ngân sách đạt hơn 967,3 tỷ đồng”" in result.stdout
    assert "Comparison\t“tăng 198,92% so với dự toán pháp lệnh” (the wording allows two readings" in result.stdout
    assert "may mean 198.92% of the estimate or 198.92% above it" in result.stdout


def test_metric_json_is_exact() -> None:
    document = json.loads(run("metric", "revenue", "--format", "json").stdout)
    assert document["value"] == 967_300_000_000
    assert document["unit"] == "vnd"
    assert document["qualifier"] == "more_than"
    assert document["comparisons"][0]["ambiguous"] is True
    assert document["comparisons"][0]["baseline"] is None
    turnout = json.loads(run("metric", "turnout", "-f", "json").stdout)
    assert turnout["value"] == 99.92
    assert turnout["source"] == {"section": 1, "quote": "tỷ lệ cử tri đi bầu cử đạt 99,92%"}


def test_metric_shows_derived_previous_year_and_target() -> None:
    petitions = run("metric", "petitions").stdout
    assert "Comparison\tdown 90 from 2020" in petitions
    assert "2020 value\t407 (derived)" in petitions
    members = run("metric", "dang vien", "--lang", "vi").stdout
    assert "Chỉ tiêu đề ra\t190 (suy ra)" in members
    # the figure is 'Số liệu' and the target 'Chỉ tiêu đề ra': no two rows share a name but the sources
    keys = [line.split("\t")[0] for line in members.splitlines()[1:]]
    assert [key for key in keys if keys.count(key) > 1 and key != "Nguồn"] == []
    retail = json.loads(run("metric", "retail", "-f", "json").stdout)
    baseline = retail["comparisons"][0]["baseline"]
    assert baseline == {
        "value": 3_490_000_000_000,
        "derived": True,
        "low": 3487950873878.13,
        "high": 3491249172576.83,
        "qualifier": "approximate",  # one true hedge: its interval reaches above the value
        "formula": "3691996000000 / (1 + 5.8/100)",
    }


def test_metric_accent_insensitive_vietnamese() -> None:
    result = run("metric", "thu ngan sach", "--lang", "vi")
    assert "Giá trị\thơn 967,3 tỷ đồng" in result.stdout


def test_metric_without_name_lists_every_figure() -> None:
    result = run("metric")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 38
    document = json.loads(run("metric", "-f", "json").stdout)
    assert len(document["figures"]) == 37
    rows = list(csv.DictReader(io.StringIO(run("metric", "-f", "csv").stdout)))
    assert len(rows) == 37  # one row per figure: none has more than one stated comparison
    industry = next(row for row in rows if row["id"] == "industry-construction-output")
    assert industry["value"] == "13416446000000"
    assert industry["comparison_value"] == "22.4"
    assert industry["baseline_value"] == "10960000000000"


def test_unknown_metric_suggests_and_exits_1() -> None:
    result = run("metric", "revnue")
    assert result.exit_code == 1
    assert "did you mean" in result.stderr
    assert "revenue" in result.stderr
    assert result.stdout == ""


def test_ambiguous_metric_exits_1() -> None:
    result = run("metric", "petition")
    assert result.exit_code == 1
    assert "matches several figures" in result.stderr


def test_ambiguous_names_say_how_many_more(monkeypatch: pytest.MonkeyPatch) -> None:
    english = runner.invoke(app, ["metric", "a"]).stderr
    assert re.search(r", industry-construction-output and \d+ more; give one of these ids\n$", english)
    vietnamese = runner.invoke(app, ["metric", "a", "-l", "vi"]).stderr
    assert re.search(r" và \d+ mã khác; hãy dùng một trong các mã này\n$", vietnamese)


def test_empty_metric_name_is_a_usage_error() -> None:
    result = run("metric", "  ")
    assert result.exit_code == 2
    assert "empty" in result.stderr


def test_other_dataset_through_the_environment(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["value"] = 12.5
    result = run("metric", "voter-turnout", env={"CHILINH_DATA": str(write_dataset(document))})
    assert "Value\t12.5%" in result.stdout


def test_no_such_figure_is_still_a_document_for_scripts() -> None:
    result = run("metric", "nothing-like-it", "-f", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (1, {"figures": []})


def test_figure_csv_carries_notes_and_the_comparison_quote() -> None:
    rows = list(csv.DictReader(io.StringIO(run("metric", "revenue", "-f", "csv").stdout)))
    assert rows[0]["comparison_quote"] == "tăng 198,92% so với dự toán pháp lệnh"
    assert rows[0]["comparison_note_en"].startswith('"Up 198.92% against the statutory estimate"')
    assert rows[0]["as_of"] == "year"
    as_of = json.loads(run("metric", "communes-with-nonlocal-leader", "-f", "json").stdout)
    assert (as_of["as_of"], as_of["published"]) == ("publication", "2022-01-11")


def test_a_from_value_baseline_is_stated_in_csv_and_a_percent_change_one_derived(
    document: dict[str, Any], write_dataset: Writer
) -> None:
    turnout = next(figure for figure in document["figures"] if figure["id"] == "voter-turnout")
    quote = {"section": turnout["source"]["section"], "quote": "từ 98,5% lên 99,92%"}
    turnout["comparisons"] = [
        {"basis": "previous_year", "year": 2016, "kind": "from_value", "value": 98.5, "source": quote}
    ]
    env = {"CHILINH_DATA": str(write_dataset(document))}
    stated = list(csv.DictReader(io.StringIO(run("metric", "voter-turnout", "-f", "csv", env=env).stdout)))
    assert [(row["baseline_value"], row["baseline_derived"]) for row in stated] == [("98.5", "false")]
    output = run("metric", "industry-construction-output", "-f", "csv", env=env).stdout
    derived = list(csv.DictReader(io.StringIO(output)))
    assert [(row["baseline_value"], row["baseline_derived"]) for row in derived] == [("10960000000000", "true")]
