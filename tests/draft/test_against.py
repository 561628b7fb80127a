"""validate --article: a dataset read against its article, planted faults named by figure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.cli.app import app
from readers import draft_beside, edit_json, run, runner

CORPUS = Path(__file__).parent.parent / "data" / "linking"


@pytest.fixture
def drafted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The brief 2022 review drafted in a folder of its own, from its relative path."""
    monkeypatch.chdir(tmp_path)
    return draft_beside(CORPUS / "brief-2022.txt", tmp_path, "brief.txt", "brief.json")


def _figure(document: dict[str, Any], figure_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in document["figures"] if f["id"] == figure_id)
    return found


def test_the_embedded_dataset_agrees_with_its_seed_article(article: str, tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_text(article, encoding="utf-8")
    checked = run("validate", "--article", str(tmp_path / "seed.txt"))
    assert checked.exit_code == 0, checked.output
    assert "every quote, value, comparison, date, year and place agrees" in checked.stdout


def test_a_draft_finds_its_article_without_being_told(drafted: Path) -> None:
    document = json.loads(drafted.read_text(encoding="utf-8"))
    assert document["metadata"]["document"]["path"] == "brief.txt"
    assert document["metadata"]["document"]["reader"] == "text"
    checked = run("validate", str(drafted))
    assert checked.exit_code == 0, checked.output
    assert "agrees with the article brief.txt" in checked.stdout


@pytest.mark.parametrize(
    ("figure_id", "plant", "said"),
    [
        (
            "don-thu",
            lambda f: f["source"].update(quote="xử lý 296 đơn từ"),
            "the quote “xử lý 296 đơn từ” is not in the article",
        ),
        ("lao-dong", lambda f: f.update(value=3200), "the value 3200 is not written in its quote"),
        ("du-an-dau-tu", lambda f: f.update(year=2021), "the year 2021 is not the article's year 2022"),
    ],
)
def test_a_planted_fault_names_its_figure(drafted: Path, figure_id: str, plant: Any, said: str) -> None:
    edit_json(drafted, lambda d: plant(_figure(d, figure_id)))
    checked = run("validate", str(drafted))
    assert checked.exit_code == 1
    assert f"({figure_id}): {said}" in checked.stderr
    assert "1 disagreement" in checked.stderr


def test_a_comparison_not_in_its_quote_names_its_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = draft_beside(CORPUS / "report-2022.txt", tmp_path, "report.txt", "report.json")
    edit_json(path, lambda d: _figure(d, "tong-thu-ngan-sach-nha-nuoc")["comparisons"][0].update(value=113.9))
    checked = run("validate", str(path))
    assert checked.exit_code == 1
    assert "(tong-thu-ngan-sach-nha-nuoc): the comparison's number 113.9 is not written in its quote" in checked.stderr


def test_a_changed_article_is_said_and_checked_as_it_is(drafted: Path) -> None:
    article = drafted.parent / "brief.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("296 đơn thư", "269 đơn thư"), encoding="utf-8")
    checked = run("validate", str(drafted))
    assert "brief.txt has changed since the draft was made" in checked.stderr
    assert checked.exit_code == 1
    assert "(don-thu): the quote" in checked.stderr


def test_a_gone_article_is_said_and_the_file_still_validates(drafted: Path) -> None:
    (drafted.parent / "brief.txt").unlink()
    checked = run("validate", str(drafted))
    assert checked.exit_code == 0
    assert "which is no longer there" in checked.stderr
    shown = run("validate", str(drafted), "--format", "json")
    assert shown.exit_code == 0
    article = json.loads(shown.stdout)["article"]
    assert (article["path"], article["missing"], article["agrees"], article["problems"]) == (
        "brief.txt",
        True,
        None,
        [],
    )


def test_a_wrong_year_of_the_whole_file_is_named(drafted: Path) -> None:
    def year_2021(document: dict[str, Any]) -> None:
        document["metadata"]["year"] = 2021
        for figure in document["figures"]:
            figure["year"] = 2021

    edit_json(drafted, year_2021)
    checked = run("validate", str(drafted))
    assert checked.exit_code == 1
    assert "metadata (year): the year 2021 is not the article's year 2022" in checked.stderr


def test_json_says_the_article_and_each_disagreement(drafted: Path) -> None:
    edit_json(drafted, lambda d: _figure(d, "lao-dong").update(value=3200))
    checked = run("validate", str(drafted), "--format", "json")
    assert checked.exit_code == 1
    article = json.loads(checked.stdout)["article"]
    assert article["path"] == "brief.txt"
    assert article["changed"] is False
    assert article["agrees"] is False
    [problem] = article["problems"]
    assert problem["id"] == "lao-dong"
    assert problem["message"]["en"].startswith("the value 3200 is not written")


def test_an_article_given_that_cannot_be_read_is_the_error_it_is(drafted: Path) -> None:
    # one file: the command cannot do what was asked (a folder's file fails alone instead)
    (drafted.parent / "empty.txt").write_bytes(b"")
    checked = run("validate", str(drafted), "--article", str(drafted.parent / "empty.txt"))
    assert checked.exit_code == 1
    assert checked.stderr.startswith("chilinh: error: ")
    assert "empty.txt" in checked.stderr


def test_json_of_standard_input_against_an_article_reads_the_input_once(drafted: Path) -> None:
    edit_json(drafted, lambda d: _figure(d, "lao-dong").update(value=3200))
    article = str(drafted.parent / "brief.txt")
    checked = runner.invoke(
        app, ["validate", "-", "--article", article, "--format", "json"], input=drafted.read_text("utf-8")
    )
    assert checked.exit_code == 1
    shown = json.loads(checked.stdout)
    assert shown["valid"] is True
    assert [problem["id"] for problem in shown["article"]["problems"]] == ["lao-dong"]
