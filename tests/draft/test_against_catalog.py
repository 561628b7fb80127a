"""validate DIR: each file of a catalog that records the article it was drafted from is held
against that article, as `validate FILE` holds one file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from readers import PRISTINE, draft_beside, dump, edit_json, run

ARTICLES = Path(__file__).parent.parent / "data" / "against"
OPENED = "thi-xa-khanh-thanh-cho-dau"  # an event of the 2024 review: 'Ngay 14/3/2024, ...'


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two years of Luc Van drafted into catalog/ from their articles beside it (their paths
    recorded as given, from tmp_path), with the embedded dataset, which records no article."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalog").mkdir()
    for year in (2023, 2024):
        draft_beside(ARTICLES / f"luc-van-{year}.txt", tmp_path, f"luc-van-{year}.txt", f"catalog/luc-van-{year}.json")
    (tmp_path / "catalog" / "chi-linh-2021.json").write_text(dump(PRISTINE), encoding="utf-8")
    return tmp_path / "catalog"


def _wrong_day(document: dict[str, Any]) -> None:
    next(event for event in document["events"] if event["id"] == OPENED)["date"]["day"] = 15


def _files(stdout: str) -> dict[str, dict[str, Any]]:
    """The files of `validate DIR --format json`, by the end of their path."""
    return {Path(each["file"]).name: each for each in json.loads(stdout)["files"]}


def test_every_drafted_file_is_held_against_its_article(catalog: Path) -> None:
    checked = run("validate", "catalog")
    assert checked.exit_code == 0, checked.output
    for year in (2023, 2024):
        agrees = f"catalog/luc-van-{year}.json: every quote, value, comparison, date, year and place agrees with the "
        assert f"{agrees}article luc-van-{year}.txt" in checked.stdout
    assert "chi-linh-2021.json: every quote" not in checked.stdout  # it records no article
    files = _files(run("validate", "catalog", "--format", "json").stdout)
    assert "article" not in files["chi-linh-2021.json"]
    assert files["luc-van-2023.json"]["article"] == {
        "path": "luc-van-2023.txt",
        "missing": False,
        "changed": False,
        "agrees": True,
        "error": None,
        "problems": [],
    }


def test_a_planted_fault_is_a_problem_of_its_file(catalog: Path) -> None:
    edit_json(catalog / "luc-van-2024.json", _wrong_day)
    checked = run("validate", "catalog")
    assert checked.exit_code == 1
    assert "catalog/luc-van-2024.json: 1 disagreement(s) with the article luc-van-2024.txt" in checked.stderr
    assert f"  events[0] ({OPENED}): the date 15/3 is not written in its quote “Ngày 14/3/2024" in checked.stderr
    assert "catalog/luc-van-2023.json: every quote, value, comparison, date, year and place agrees" in checked.stdout
    shown = run("validate", "catalog", "--format", "json")
    assert shown.exit_code == 1
    files = _files(shown.stdout)
    article = files["luc-van-2024.json"]["article"]
    assert (article["agrees"], article["changed"]) == (False, False)
    assert [(p["record"], p["id"]) for p in article["problems"]] == [("events[0]", OPENED)]
    assert article["problems"][0]["message"]["en"].startswith("the date 15/3 is not written in its quote")
    assert files["luc-van-2024.json"]["valid"] is True  # the file's shape is right: its article disagrees
    assert files["luc-van-2023.json"]["article"]["agrees"] is True


def test_a_figure_that_differs_is_named_too(catalog: Path) -> None:
    def more_revenue(document: dict[str, Any]) -> None:
        document["figures"][0]["value"] = 298000000000

    edit_json(catalog / "luc-van-2023.json", more_revenue)
    checked = run("validate", "catalog")
    assert checked.exit_code == 1
    assert "  figures[0] (tong-thu-ngan-sach-tren-dia): the value 298000000000 is not written in its quote" in (
        checked.stderr
    )


def test_a_changed_article_is_said_and_checked_as_it_is(catalog: Path) -> None:
    article = catalog.parent / "luc-van-2023.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("297 tỷ", "279 tỷ"), encoding="utf-8")
    checked = run("validate", "catalog")
    assert checked.exit_code == 1
    assert "catalog/luc-van-2023.json: luc-van-2023.txt has changed since the draft was made" in checked.stderr
    assert "  figures[0] (tong-thu-ngan-sach-tren-dia): the quote “Tổng thu ngân sách" in checked.stderr
    article_json = _files(run("validate", "catalog", "-f", "json").stdout)["luc-van-2023.json"]["article"]
    assert (article_json["changed"], article_json["agrees"]) == (True, False)


def test_a_missing_article_is_said_and_the_folder_still_validates(catalog: Path) -> None:
    (catalog.parent / "luc-van-2024.txt").unlink()
    checked = run("validate", "catalog")
    assert checked.exit_code == 0, checked.output
    assert (
        "catalog/luc-van-2024.json was drafted from luc-van-2024.txt, which is no longer there: "
        "its quotes are not checked ('chilinh validate catalog/luc-van-2024.json --article ARTICLE' checks them)"
    ) in checked.stderr
    assert "catalog/luc-van-2023.json: every quote" in checked.stdout
    shown = run("validate", "catalog", "-f", "json")
    assert shown.exit_code == 0
    assert _files(shown.stdout)["luc-van-2024.json"]["article"] == {
        "path": "luc-van-2024.txt",
        "missing": True,
        "changed": None,
        "agrees": None,
        "error": None,
        "problems": [],
    }


def test_an_article_that_cannot_be_read_fails_its_file_only(catalog: Path) -> None:
    (catalog.parent / "luc-van-2024.txt").write_bytes(b"")
    checked = run("validate", "catalog")
    assert checked.exit_code == 1
    [line] = [line for line in checked.stderr.splitlines() if "cannot be read" in line]
    assert line.startswith("catalog/luc-van-2024.json: the article it was drafted from cannot be read")
    assert "luc-van-2024.txt" in line
    assert "catalog/luc-van-2023.json: every quote" in checked.stdout
    article = _files(run("validate", "catalog", "-f", "json").stdout)["luc-van-2024.json"]["article"]
    assert (article["agrees"], article["changed"], article["missing"]) == (False, None, False)
    assert article["error"]["en"]


def test_an_article_is_found_beside_the_catalog_file_too(catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # run from inside the catalog: the recorded path 'luc-van-2024.txt' is then found beside the file
    shutil.move(catalog.parent / "luc-van-2024.txt", catalog / "luc-van-2024.txt")
    monkeypatch.chdir(catalog)
    checked = run("validate", ".")
    assert "luc-van-2024.json: every quote, value, comparison, date, year and place agrees" in checked.stdout
    assert "luc-van-2023.json was drafted from luc-van-2023.txt, which is no longer there" in checked.stderr


def test_a_rejected_record_keeps_the_places_of_the_others(catalog: Path) -> None:
    # the store answers without rejected records; the article check names records as the file holds them
    def reject_first_and_break_second(document: dict[str, Any]) -> None:
        document["figures"][0].pop("checked")
        document["figures"][0]["review"] = {"status": "rejected", "at": "2025-01-10T08:00:00Z"}
        document["figures"][1]["value"] = 29

    edit_json(catalog / "luc-van-2023.json", reject_first_and_break_second)
    checked = run("validate", "catalog")
    assert checked.exit_code == 1
    assert "  figures[1] (nha-van-hoa-thon): the value 29 is not written in its quote" in checked.stderr
