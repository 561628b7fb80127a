"""chilinh list: the ten highlights with their headline figures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from readers import PRISTINE, Writer, dump, run


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


def test_a_catalog_answer_in_a_pipe_names_its_place_and_year(tmp_path: Path) -> None:
    """A pipe's plain lines have no title: the note on stderr says which review answered."""
    folder = tmp_path / "reviews"
    folder.mkdir()
    for year in (2021, 2022):
        changed = {**PRISTINE, "metadata": {**PRISTINE["metadata"], "year": year}}
        (folder / f"{year}.json").write_text(dump(changed), encoding="utf-8")
    said = run("list", "--data", str(folder))
    assert said.exit_code == 0
    assert f"From the review of Chí Linh city, Hải Dương province, 2022: the file {folder / '2022.json'}." in (
        said.stderr
    )
    vietnamese = run("list", "--data", str(folder), "--lang", "vi")
    assert f"Từ bài tổng kết của Thành phố Chí Linh, tỉnh Hải Dương, năm 2022: tệp {folder / '2022.json'}." in (
        vietnamese.stderr
    )
