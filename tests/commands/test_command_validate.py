"""chilinh validate: a data file checked, every problem listed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.cli.app import app
from readers import Writer, run, runner


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


def test_validate_reads_chilinh_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHILINH_DATA", str(tmp_path / "none.json"))
    missing = runner.invoke(app, ["validate", "-l", "vi"])
    assert missing.exit_code == 1
    assert missing.stderr == f"chilinh: lỗi: {tmp_path / 'none.json'}: không có tệp này\n"


def test_validate_lists_the_problems_as_data(document: dict[str, Any], write_dataset: Writer) -> None:
    valid = run("validate", "--format", "json")
    assert valid.exit_code == 0
    assert {k: v for k, v in json.loads(valid.stdout).items() if k != "file"} == {
        "valid": True,
        "highlights": 10,
        "figures": 37,
        "events": 4,
        "problems": [],
        "not_reviewed": {},
        "todo": [],
    }
    document["figures"][0]["unit"] = "furlongs"
    broken = run("validate", str(write_dataset(document)), "-f", "json")
    assert broken.exit_code == 1
    said = json.loads(broken.stdout)
    assert said["valid"] is False
    assert said["problems"][0]["field"] == "figures[0].unit"
    assert said["problems"][0]["message"]["vi"].startswith("phải là 'vnd'")
    missing = json.loads(run("validate", "absent.json", "-f", "json").stdout)
    assert missing["problems"] == [{"field": None, "message": {"en": "no such file", "vi": "không có tệp này"}}]


def test_article_with_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    # --article names one file's article; a folder's files are each checked against the one they record
    (tmp_path / "reviews").mkdir()
    (tmp_path / "review.txt").write_text("Thị xã Lục Vân năm 2024\n", encoding="utf-8")
    folder = str(tmp_path / "reviews")
    refused = run("validate", folder, "--article", str(tmp_path / "review.txt"))
    assert refused.exit_code == 2
    assert refused.stdout == ""
    assert (
        f"Error: Invalid value for '--article': it checks one dataset file against one article, and {folder} is a "
        "folder: give one of its files, or leave --article out"
    ) in " ".join(refused.stderr.split())
    # CHILINH_DATA naming a folder is the same folder
    assert run("validate", "--article", "review.txt", env={"CHILINH_DATA": folder}).exit_code == 2
