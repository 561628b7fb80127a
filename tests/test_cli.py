"""The command line through Typer's CliRunner: real figures, formats, languages and errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from chilinh_cli import __version__, core, sheets
from chilinh_cli.cli import app
from chilinh_cli.language import default_language
from chilinh_cli.models import Dataset
from chilinh_cli.render import render_table

runner = CliRunner()
Writer = Callable[[Any], Path]


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), env=env)


def test_list_plain_shows_ten_highlights_with_headline_figures() -> None:
    result = run("list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "#\tHighlight\tHeadline figures"
    assert len(lines) == 11
    assert "Total budget revenue: more than VND 967.3 billion" in lines[4]
    assert "Voter turnout: 99.92%" in lines[1]
    assert "mid-December 2021" in lines[7]
    assert "Source:" in result.stderr  # footnotes are messages, not data, when piped


def test_list_vietnamese() -> None:
    result = run("list", "--lang", "vi")
    assert "Tổng thu ngân sách: hơn 967,3 tỷ đồng" in result.stdout
    assert "giữa tháng 12/2021" in result.stdout


def test_list_json_and_csv() -> None:
    document = json.loads(run("list", "--format", "json").stdout)
    assert document["dataset"]["published"] == "2022-01-11"
    assert len(document["highlights"]) == 10
    headline = document["highlights"][3]["headline"][0]
    assert (headline["id"], headline["value"], headline["qualifier"]) == (
        "budget-revenue",
        967_300_000_000,
        "more_than",
    )
    rows = list(csv.DictReader(io.StringIO(run("list", "-f", "csv").stdout)))
    assert [row["rank"] for row in rows] == [str(n) for n in range(1, 11)]
    assert rows[9]["headline_ids"] == "petitions"


def test_metric_revenue() -> None:
    result = run("metric", "revenue")
    assert result.exit_code == 0
    assert "Value\tmore than VND 967.3 billion" in result.stdout
    assert "section 4: “Tổng thu ngân sách đạt hơn 967,3 tỷ đồng”" in result.stdout
    assert "ambiguous wording" in result.stdout
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
    assert "Comparison\t-90 against 2020" in petitions
    assert "2020 value\t407 (derived)" in petitions
    members = run("metric", "dang vien", "--lang", "vi").stdout
    assert "Chỉ tiêu\t190 (suy ra)" in members
    retail = json.loads(run("metric", "retail", "-f", "json").stdout)
    baseline = retail["comparisons"][0]["baseline"]
    assert baseline == {
        "value": 3_490_000_000_000,
        "derived": True,
        "low": 3487950873878.13,
        "high": 3491249172576.83,
        "qualifier": "nearly",
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


def test_empty_metric_name_is_a_usage_error() -> None:
    result = run("metric", "  ")
    assert result.exit_code == 2
    assert "empty" in result.stderr


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
    assert retail[1].startswith("nearly ≈")  # the qualifier survives into derived values
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
        "qualifier": "exact",
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


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "--year", "abc"),
        ("compare", "--year", "99999"),
        ("list", "--format", "xml"),
        ("list", "--lang", "fr"),
        ("nope",),
        ("list", "--bogus"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout == f"chilinh {__version__}\n"
    help_text = run("--help").stdout
    for command in ("list", "metric", "compare"):
        assert command in help_text
        assert "Examples:" in run(command, "--help").stdout


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "Usage" in result.stdout + result.stderr


def test_invalid_data_file_names_file_and_field(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][2]["qualifier"] = "roughly"
    path = write_dataset(document)
    result = run("list", "--data", str(path))
    assert result.exit_code == 1
    assert str(path) in result.stderr
    assert "figures[2].qualifier" in result.stderr
    assert result.stdout == ""
    env_result = run("metric", "revenue", env={"CHILINH_DATA": str(path)})
    assert env_result.exit_code == 1
    assert "figures[2].qualifier" in env_result.stderr


def test_missing_data_file(tmp_path: Path) -> None:
    result = run("compare", "--data", str(tmp_path / "absent.json"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'absent.json'}: no such file" in result.stderr


def test_other_dataset_through_the_environment(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["value"] = 12.5
    result = run("metric", "voter-turnout", env={"CHILINH_DATA": str(write_dataset(document))})
    assert "Value\t12.5%" in result.stdout


def test_hostile_text_is_printed_literally(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["label"]["en"] = "[bold red]x[/] \x1b[31mred\u202e =1+1"
    path = write_dataset(document)
    plain = run("metric", "voter-turnout", "--data", str(path)).stdout
    assert "[bold red]x[/]" in plain
    assert "\x1b" not in plain
    assert "\u202e" not in plain
    as_json = run("metric", "voter-turnout", "--data", str(path), "-f", "json").stdout
    assert "\x1b" not in as_json
    assert "\u202e" not in as_json
    assert json.loads(as_json)["label"]["en"] == "[bold red]x[/] \x1b[31mred\u202e =1+1"
    document["figures"][0]["label"]["vi"] = "=HYPERLINK(1)"
    rows = list(
        csv.reader(
            io.StringIO(run("metric", "voter-turnout", "--data", str(write_dataset(document)), "-f", "csv").stdout)
        )
    )
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_rich_table_for_a_terminal(dataset: Dataset) -> None:
    out = io.StringIO()
    sheet = sheets.sheet(core.compare(dataset, 2020), "en")
    render_table(sheet, out, color=False, width=250)
    text = out.getvalue()
    assert "2021 compared with 2020" in text
    assert "≈ VND 10,960 billion (derived)" in text
    assert "\x1b" not in text
    coloured = io.StringIO()
    render_table(sheets.sheet(core.list_answer(dataset), "vi"), coloured, color=True, width=120)
    assert "\x1b[" in coloured.getvalue()
    assert "hơn 967,3 tỷ đồng" in coloured.getvalue()


def test_rich_markup_in_data_is_not_interpreted(document: dict[str, Any], write_dataset: Writer) -> None:
    from chilinh_cli.loader import load_dataset

    document["highlights"][0]["short_title"]["en"] = "[link=http://x]click[/link] [bold]b"
    out = io.StringIO()
    render_table(
        sheets.sheet(core.list_answer(load_dataset(write_dataset(document))), "en"), out, color=True, width=200
    )
    assert "[link=http://x]click[/link] [bold]b" in out.getvalue()


def test_table_is_used_on_a_terminal(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from chilinh_cli.render import Output, show

    captured = io.StringIO()
    monkeypatch.setattr(sys, "stdout", captured)
    monkeypatch.setattr(captured, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    show(core.compare(dataset, 2020), Output())
    assert "┃" in captured.getvalue() or "│" in captured.getvalue()
    assert "\x1b[" not in captured.getvalue()
    assert "computed by chilinh" in captured.getvalue()  # the footnote, below the table


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "vi_VN", "LANG": "en_US"}, "vi"),
        ({}, "en"),
    ],
)
def test_default_language_follows_the_locale(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str) -> None:
    monkeypatch.delenv("LANG", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert default_language() == lang


def test_completion_of_figure_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from chilinh_cli.cli_options import complete_figure

    assert "revenue" in complete_figure("rev")
    assert all(name.startswith("pe") for name in complete_figure("pe"))
    monkeypatch.setenv("CHILINH_DATA", str(tmp_path / "absent.json"))
    assert complete_figure("rev") == []


ARG_WORDS = st.sampled_from(
    [
        "list",
        "metric",
        "compare",
        "--year",
        "2020",
        "--format",
        "json",
        "csv",
        "table",
        "--lang",
        "vi",
        "en",
        "revenue",
        "-f",
        "--data",
        "",
        "--help",
        "-y",
        "x",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(ARG_WORDS, st.text(max_size=12)), max_size=5))
def test_arbitrary_arguments_exit_0_1_or_2_without_traceback(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)


def test_schema_command_prints_the_committed_schema() -> None:
    committed = (Path(__file__).resolve().parents[1] / "data" / "highlights.schema.json").read_text(encoding="utf-8")
    assert run("schema").stdout == committed
