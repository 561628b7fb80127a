"""validate --article for events: each event's quote in the article and its date written in
that quote; a planted fault named by the event's id."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.draft.against import Written, dates_in
from readers import PRISTINE, draft_beside, dump, edit_json, run

ARTICLES = Path(__file__).parent.parent / "data" / "against"

# the events `chilinh draft` reads in luc-van-2024.txt, by id
OPENED = "thi-xa-khanh-thanh-cho-dau"  # 'Ngay 14/3/2024, ...'
FLOOD = "nuoc-song-luc-dang-cao-nhat"  # 'Ngay 9/9, ...': no year written
DYKES = "thi-xa-hoan-thanh-viec-sua"  # 'Trung tuan thang 10/2024, ...'
# an event whose date is written in words, which the draft does not read: added by hand
IN_WORDS: dict[str, Any] = {
    "id": "do-thi-loai-ba",
    "label": {
        "vi": "Thị xã được công nhận đạt chuẩn đô thị loại III",
        "en": "The town is recognised as a grade III town",
    },
    "date": {"year": 2024, "month": 12, "day": 2, "year_inferred": False},
    "source": {
        "section": 3,
        "quote": "Ngày 2 tháng 12 năm 2024, thị xã đón quyết định công nhận đạt chuẩn đô thị loại III",
    },
}


@pytest.fixture
def drafted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The 2024 review of Luc Van drafted beside its article, with the event dated in words added."""
    monkeypatch.chdir(tmp_path)
    path = draft_beside(ARTICLES / "luc-van-2024.txt", tmp_path, "luc-van-2024.txt", "luc-van-2024.json")

    def add(document: dict[str, Any]) -> None:
        document["events"].append(IN_WORDS)
        document["highlights"][2]["events"].append(IN_WORDS["id"])

    edit_json(path, add)
    return path


def _date(event_id: str, **changes: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        event = next(each for each in document["events"] if each["id"] == event_id)
        for key, value in changes.items():
            if value is None:
                event["date"].pop(key, None)
            else:
                event["date"][key] = value

    return change


def test_a_drafts_events_agree_with_its_article(drafted: Path) -> None:
    document = json.loads(drafted.read_text(encoding="utf-8"))
    assert [event["id"] for event in document["events"]] == [OPENED, FLOOD, DYKES, IN_WORDS["id"]]
    checked = run("validate", str(drafted))
    assert checked.exit_code == 0, checked.output
    assert "every quote, value, comparison, date, year and place agrees with the article luc-van-2024.txt" in (
        checked.stdout
    )


@pytest.mark.parametrize(
    ("event_id", "plant", "said"),
    [
        (
            OPENED,
            _date(OPENED, day=15),
            "the date 15/3 is not written in its quote “Ngày 14/3/2024, thị xã khánh thành",
        ),
        (OPENED, _date(OPENED, year=2023), "the year 2023 is not the year 2024 its quote “Ngày 14/3/2024"),
        (
            FLOOD,
            _date(FLOOD, year=2023, year_inferred=False),
            "the year 2023 is not written in its quote, and is not the article's year 2024",
        ),
        (DYKES, _date(DYKES, period="late"), "the part of the month (late) is not written before its month"),
        (DYKES, _date(DYKES, month=11), "the month 11 is not written in its quote “Trung tuần tháng 10/2024"),
        (IN_WORDS["id"], _date(IN_WORDS["id"], day=3), "the date 3/12 is not written in its quote “Ngày 2 tháng 12"),
        (IN_WORDS["id"], _date(IN_WORDS["id"], year=2025), "the year 2025 is not the year 2024 its quote"),
    ],
)
def test_a_planted_fault_in_a_date_names_its_event(drafted: Path, event_id: str, plant: Any, said: str) -> None:
    edit_json(drafted, plant)
    checked = run("validate", str(drafted))
    assert checked.exit_code == 1
    assert "luc-van-2024.json: 1 disagreement(s) with the article luc-van-2024.txt" in checked.stderr
    [line] = [line for line in checked.stderr.splitlines() if line.startswith("  events[")]
    assert f"({event_id}): {said}" in line


def test_a_changed_quote_names_its_event(drafted: Path) -> None:
    def change(document: dict[str, Any]) -> None:
        document["events"][1]["source"]["quote"] = "Ngày 9/9, nước sông Lục dâng cao nhất trong ba mươi năm"

    edit_json(drafted, change)
    checked = run("validate", str(drafted))
    assert checked.exit_code == 1
    expected = f"  events[1] ({FLOOD}): the quote “Ngày 9/9, nước sông Lục dâng cao nhất trong ba mươi năm” is not in"
    assert expected in checked.stderr


def test_a_year_the_record_infers_is_not_asked_of_its_quote(drafted: Path) -> None:
    # 'Ngay 9/9' writes no year: a record that says its year is inferred from the context is believed
    edit_json(drafted, _date(FLOOD, year=2023, year_inferred=True))
    assert run("validate", str(drafted)).exit_code == 0


def test_json_and_vietnamese_name_the_event_and_what_differs(drafted: Path) -> None:
    edit_json(drafted, _date(OPENED, day=15))
    checked = run("validate", str(drafted), "--format", "json")
    assert checked.exit_code == 1
    article = json.loads(checked.stdout)["article"]
    assert (article["path"], article["agrees"], article["changed"]) == ("luc-van-2024.txt", False, False)
    [problem] = article["problems"]
    assert (problem["record"], problem["id"]) == ("events[0]", OPENED)
    assert problem["message"]["en"].startswith("the date 15/3 is not written in its quote")
    assert problem["message"]["vi"].startswith("ngày 15/3 không được viết trong trích dẫn “Ngày 14/3/2024")
    said = run("validate", str(drafted), "--lang", "vi")
    assert f"  events[0] ({OPENED}): ngày 15/3 không được viết trong trích dẫn" in said.stderr


def test_a_planted_fault_in_the_embedded_datasets_event_is_named(article: str, tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_text(article, encoding="utf-8")
    document = json.loads(dump(PRISTINE))
    village = next(event for event in document["events"] if event["id"] == "village-elections")
    village["date"]["day"] = 24
    (tmp_path / "planted.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    checked = run("validate", str(tmp_path / "planted.json"), "--article", str(tmp_path / "seed.txt"))
    assert checked.exit_code == 1
    assert "(village-elections): the date 24/12 is not written in its quote “ngày 25/12/2021," in checked.stderr
    assert "1 disagreement(s)" in checked.stderr


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("Ngày 10/2, các đoàn xe", [Written(10, 2, None, None)]),
        ("ngày 25/12/2021, cử tri", [Written(25, 12, 2021, None)]),
        ("Trung tuần tháng 12/2021", [Written(None, 12, 2021, "mid")]),
        ("giữa tháng 11 năm 2020", [Written(None, 11, 2020, "mid")]),
        ("Ngày 2 tháng 12 năm 2024, thị xã", [Written(2, 12, 2024, None)]),
        ("đầu tháng 3, xã khởi công", [Written(None, 3, None, "early")]),
        ("đạt 1.250 hộ, tăng 7,2%", []),
    ],
)
def test_the_dates_a_quote_writes(quote: str, expected: list[Written]) -> None:
    assert dates_in(quote) == expected
