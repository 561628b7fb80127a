"""Whole commands on a catalog folder: every answer names its place and year, --data before the
command, stray files warned of once each, the series table, export json, the chart at 80 columns."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pytest

from readers import PRISTINE, REPO, Writer, run, run_main

CATALOG = str(REPO / "tests" / "data" / "catalog")


def test_data_before_the_command_is_the_commands_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys, "--data", CATALOG, "list", "--place", "hoa son")
    assert code == 0, err
    assert "State budget revenue: VND 92 billion" in out
    code, out, _ = run_main(monkeypatch, capsys, "--data", CATALOG, "validate")
    assert code == 0
    assert "may be one place" in out


def test_stray_files_are_each_one_warning_line_on_standard_error() -> None:
    result = run("metric", "budget-revenue", "--data", CATALOG, "--place", "hoa son", "-f", "json")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert [line.split(": ")[1].rsplit("/", 1)[-1] for line in warnings] == ["notes.json", "schema.json"]
    json.loads(result.stdout)  # the document stays whole


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
def test_every_answer_about_one_review_names_its_place_and_year(fmt: str) -> None:
    for args in (["list"], ["show", "1"], ["metric"], ["compare"]):
        result = run(*args, "--data", CATALOG, "--place", "hoa son", "-f", fmt)
        assert result.exit_code == 0, (args, result.stderr)
        if fmt == "json":
            review = json.loads(result.stdout)["review"]
            assert (review["place"]["en"], review["year"]) == ("Hòa Sơn City", 2023)
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(result.stdout)))
            assert {(row["place_en"], row["review_year"]) for row in rows} == {("Hòa Sơn City", "2023")}
        else:
            assert "Hòa Sơn City, 2023" in result.stdout


def test_metric_names_how_each_review_matched_and_groups_the_kinds() -> None:
    result = run("metric", "revenue", "--data", CATALOG, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["place_en"], r["review_year"], r["matched"], r["kind"]) for r in rows] == [
        ("Hòa Sơn City", "2023", "alias", "vnd"),
        ("Hoa Son town, Binh Lam province", "2022", "same_id", "vnd"),
        ("Tan My town, Binh Lam province", "2023", "label", "percent"),
    ]
    table = run("metric", "revenue", "--data", CATALOG).stdout.splitlines()
    assert table[0] == "Group\tPlace\tYear\tValue\tSource"
    assert [line.split("\t")[0] for line in table[1:]] == ["Vietnamese đồng", "Vietnamese đồng", "per cent"]
    said = run("metric", "revenue", "--data", CATALOG).stderr
    assert "2 kinds (units), shown as separate groups" in said
    assert "Tan My town, Binh Lam province 2023: matched by its label" in said


def test_a_places_figure_is_a_row_per_year_with_its_change_and_file() -> None:
    table = run("metric", "budget-revenue", "--data", CATALOG, "--place", "hoa son").stdout.splitlines()
    assert table[0] == "Year\tValue\tChange\tFile"
    year, value, change, file = table[1].split("\t")
    assert (year, value) == ("2023", "VND 92 billion (stated)")
    assert change.startswith("≈ +VND 8.5 billion (derived) [VND 8.477 billion to VND 8.554 billion]")
    assert file.endswith("hoa-son/2023.json")
    assert table[2].split("\t")[:3] == ["2022", "VND 83.5 billion (stated)", "—"]


def test_errors_name_the_review() -> None:
    result = run("compare", "--data", CATALOG, "--place", "tan my")
    assert result.exit_code == 1
    assert "(review: Tan My town, Binh Lam province, 2023, " in result.stderr
    assert "tan-my-2023.json)" in result.stderr


def test_show_takes_words_of_a_title() -> None:
    by_words = run("show", "budget beats", "--data", CATALOG, "--place", "tan my", "-f", "json")
    assert by_words.exit_code == 0, by_words.stderr
    assert json.loads(by_words.stdout)["slug"] == "budget"
    embedded = run("show", "smart city operations", "-f", "json")
    assert json.loads(embedded.stdout)["rank"] == 7


def test_the_compare_chart_fits_80_columns() -> None:
    from chilinh_cli.answers.catalog import compare_reports, open_catalog
    from chilinh_cli.present.render import render_chart
    from chilinh_cli.present.sheets import chart

    for data, place in ((None, None), (Path(CATALOG), "hoa son")):
        catalog = open_catalog(data)
        for lang in ("en", "vi"):
            out = io.StringIO()
            render_chart(chart(compare_reports(catalog, place, None, None), lang), out, color=False, width=80)
            lines = out.getvalue().splitlines()
            bars = [line for line in lines if "█" in line or "░" in line]
            assert bars
            assert max(len(line) for line in lines) <= 80


def test_export_json_writes_the_reviews_as_dataset_files_and_replaces_nothing(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    result = run("export", "json", str(target), "--data", CATALOG)
    assert result.exit_code == 0, result.stderr
    names = sorted(path.name for path in target.iterdir())
    assert names == [
        "hoa-son-binh-lam-2022.json",
        "hoa-son-binh-lam-2023.json",
        "tan-mi-binh-lam-2022.json",
        "tan-my-binh-lam-2023.json",
    ]
    assert run("list", "--data", str(target), "--place", "tan my").exit_code == 0
    again = run("export", "json", str(target), "--data", CATALOG)
    assert again.exit_code == 1
    assert "--force" in again.stderr
    embedded = run("export", "json", str(tmp_path / "start"))
    assert embedded.exit_code == 0
    assert [path.name for path in (tmp_path / "start").iterdir()] == ["chi-linh-hai-duong-2021.json"]


def test_metric_chart_draws_a_places_years_within_80_columns(tmp_path: Path) -> None:
    from chilinh_cli.answers.catalog import figure_series, open_catalog
    from chilinh_cli.answers.core import SeriesAnswer
    from chilinh_cli.present.render import render_chart
    from chilinh_cli.present.sheets import series_chart

    for place in ("hoa son", None):
        answer = figure_series(open_catalog(Path(CATALOG)), "revenue", place, None)
        assert isinstance(answer, SeriesAnswer)
        for lang in ("en", "vi"):
            out = io.StringIO()
            render_chart(series_chart(answer, lang), out, color=False, width=80)
            lines = out.getvalue().splitlines()
            assert max(len(line) for line in lines) <= 80
            assert any(line.lstrip().startswith(("2023 █", "2022 █")) for line in lines) == (place is not None)
    refused = run("metric", "revenue", "--data", CATALOG, "--chart", "-f", "json")
    assert refused.exit_code == 2


def test_validate_json_says_the_places_the_skipped_files_and_the_near_duplicates() -> None:
    result = run("validate", CATALOG, "--format", "json")
    assert result.exit_code == 0, result.stdout
    said = json.loads(result.stdout)
    assert sorted(Path(path).name for path in said["skipped"]) == ["notes.json", "schema.json"]
    assert [(place["key"], [r["year"] for r in place["reviews"]]) for place in said["places"]] == [
        ("hoa son|binh lam", [2023, 2022]),
        ("tan mi|binh lam", [2022]),
        ("tan my|binh lam", [2023]),
    ]
    (near,) = said["near_duplicates"]
    assert near["why"] == "spelling"
    assert [place["place"]["vi"] for place in near["places"]] == [
        "Thị xã Tân Mĩ, tỉnh Bình Lâm",
        "Thị xã Tân Mỹ, tỉnh Bình Lâm",
    ]


def test_an_error_about_a_lone_file_names_its_review(write_dataset: Writer) -> None:
    """A file given with --data is a catalog of one: its errors say which review they looked at;
    the embedded review's errors read as they always have."""
    path = write_dataset(copy.deepcopy(PRISTINE))
    review = f"(review: Chí Linh city, Hải Dương province, 2021, {path})"
    unknown = run("metric", "no-such-figure", "--data", str(path))
    assert unknown.exit_code == 1
    assert unknown.stderr.rstrip().endswith(review)
    no_year = run("compare", "--year", "1999", "--data", str(path))
    assert no_year.exit_code == 1
    assert no_year.stderr.rstrip().endswith(review)
    embedded = run("compare", "--year", "1999")
    assert embedded.stderr == "chilinh: error: the dataset has no comparison with 1999; years it has: 2020\n"
