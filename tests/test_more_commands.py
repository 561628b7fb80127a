"""show, search, validate and the markdown format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from chilinh_cli.cli import app
from chilinh_cli.core import find_highlight, search
from chilinh_cli.errors import NothingFoundError, UnknownHighlightError
from chilinh_cli.models import Dataset

runner = CliRunner()
Writer = Callable[[Any], Path]


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("key", ["4", "economy", "ECONOMY", " 4 "])
def test_find_highlight_by_rank_or_slug(dataset: Dataset, key: str) -> None:
    assert find_highlight(dataset, key).rank == 4


def test_unknown_highlight_suggests(dataset: Dataset) -> None:
    with pytest.raises(UnknownHighlightError, match="did you mean economy"):
        find_highlight(dataset, "econmy")
    with pytest.raises(UnknownHighlightError, match=r"rank \(1-10\)"):
        find_highlight(dataset, "11")


def test_show_highlight_in_full() -> None:
    result = run("show", "4")
    assert result.exit_code == 0
    out = result.stdout
    assert "Title (Vietnamese)\tPHÁT TRIỂN KINH TẾ- XÃ HỘI NĂM 2021- THÀNH QUẢ TỪ NỖ LỰC VƯỢT KHÓ" in out
    assert "Title (English)\tSocio-economic development in 2021" in out
    assert "2020 value: ≈ VND 10,960 billion (derived)" in out
    assert (
        "Total budget revenue\tmore than VND 967.3 billion — +198.92% against the budget estimate (ambiguous wording)"
        in out
    )
    assert "section 4: “Tổng thu ngân sách đạt hơn 967,3 tỷ đồng”" in out


def test_show_events_and_languages() -> None:
    smart_city = run("show", "smart-city", "--lang", "vi").stdout
    assert "giữa tháng 12/2021\tCông bố quyết định thành lập Trung tâm điều hành đô thị thông minh (IOC)" in smart_city
    covid = run("show", "covid-19").stdout
    assert "10 February 2021 (year inferred from context)" in covid


def test_show_json_and_csv() -> None:
    document = json.loads(run("show", "petitions", "-f", "json").stdout)
    assert document["slug"] == "petitions"
    assert [f["id"] for f in document["figures"]] == ["petitions", "petitions-forwarded", "petition-resolution-rate"]
    assert document["figures"][0]["comparisons"][0]["baseline"]["value"] == 407
    rows = list(csv.DictReader(io.StringIO(run("show", "petitions", "-f", "csv").stdout)))
    assert [row["id"] for row in rows] == ["petitions", "petitions-forwarded", "petition-resolution-rate"]


def test_show_errors() -> None:
    assert run("show", "nope").exit_code == 1
    assert run("show", "").exit_code == 2


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("bau cu", "voter-turnout"),
        ("bầu cử", "voter-turnout"),
        ("BẦU CỬ", "voter-turnout"),
        ("revenue", "budget-revenue"),
        ("thu ngan sach", "budget-revenue"),
        ("don thu", "petitions"),
        ("đơn thư", "petitions"),
        ("ocop", "ocop-products"),
        ("quarantine", "quarantine-centres"),
        ("cách ly", "quarantine-centres"),
    ],
)
def test_search_ranks_the_best_match_first(dataset: Dataset, text: str, first: str) -> None:
    assert search(dataset, text).hits[0].key == first


def test_search_finds_quotes_and_summaries(dataset: Dataset) -> None:
    hits = {hit.key: hit for hit in search(dataset, "du toan phap lenh").hits}
    assert hits["budget-revenue"].field == "quote"
    assert "highlight" in {hit.kind for hit in search(dataset, "digital transformation").hits}


def test_search_whole_words_except_the_last(dataset: Dataset) -> None:
    keys = {hit.key for hit in search(dataset, "don thu").hits}
    assert "village-heads-party-secretaries" not in keys  # 'dong thoi … bi thu' is not 'don thu'
    assert {hit.key for hit in search(dataset, "petit").hits} >= {"petitions", "petition-resolution-rate"}


def test_search_without_results(dataset: Dataset) -> None:
    with pytest.raises(NothingFoundError):
        search(dataset, "zzzz")
    with pytest.raises(NothingFoundError):
        search(dataset, "!!!")
    result = run("search", "zzzz")
    assert result.exit_code == 1
    assert "nothing matches" in result.stderr


def test_search_output_formats() -> None:
    plain = run("search", "bau cu").stdout.splitlines()
    assert plain[0] == "Kind\tId\tName\tMatched\tText"
    assert plain[1].startswith("figure\tvoter-turnout\tVoter turnout: 99.92%")
    document = json.loads(run("search", "revenue", "-f", "json").stdout)
    assert document["query"] == "revenue"
    assert document["results"][0]["id"] == "budget-revenue"
    rows = list(csv.DictReader(io.StringIO(run("search", "revenue", "-f", "csv").stdout)))
    assert rows[0]["id"] == "budget-revenue"


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_search_any_text_answers_or_says_nothing_matched(text: str) -> None:
    result = runner.invoke(app, ["search", text])
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_markdown_tables() -> None:
    out = run("compare", "-f", "markdown").stdout
    assert out.startswith(
        "### 2021 compared with 2020\n\n| Figure | 2020 | 2021 | Change | Change % | Direction |\n|---|"
    )
    assert "| Petitions received and handled | 407 (derived) | 317 | -90 | ≈ -22.1% (derived) | ↓ down |" in out
    for args in (["list"], ["metric"], ["metric", "revenue"], ["show", "1"], ["search", "covid"]):
        assert run(*args, "--format", "markdown").stdout.startswith("### "), args


def test_markdown_escapes_pipes(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["label"]["en"] = "a | b `c`"
    out = run("metric", "voter-turnout", "-f", "markdown", "--data", str(write_dataset(document))).stdout
    assert "a \\| b \\`c\\`" in out


def test_validate_the_embedded_dataset() -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout.endswith(": valid (10 highlights, 37 figures, 4 events)\n")


def test_validate_lists_every_problem(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["unit"] = "furlongs"
    document["figures"][3]["source"]["section"] = 0
    document["metadata"]["year"] = "2021"
    path = write_dataset(document)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "invalid dataset (3 problems)" in result.stderr
    for field in ("figures[0].unit", "figures[3].source.section", "metadata.year"):
        assert f"  {field}: " in result.stderr
    missing = run("validate", str(path.parent / "absent.json"))
    assert missing.exit_code == 1
    assert "no such file" in missing.stderr
