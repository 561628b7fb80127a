"""Drafting a dataset from an article: the embedded article against its hand-made dataset, and
fictional articles (written for these tests) against an independent reading of each."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import ratchet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ratchet import as_figures, reading_of
from scoring import Score, score

from chilinh_cli.draft import compose as draft
from chilinh_cli.draft.article import MAX_BYTES, decode
from chilinh_cli.draft.lexicon import NUMBER, SHARE
from chilinh_cli.model.errors import DataFileError
from chilinh_cli.reading.loader import embedded_path, parse_and_validate

ARTICLES = Path(__file__).parent.with_name("data") / "articles"
HOLDOUT = Path(__file__).parent.with_name("data") / "articles-holdout"
WRITTEN = sorted(ARTICLES.glob("*.txt"))
HELD_OUT = sorted(HOLDOUT.glob("*.txt"))
# A third writer's articles: their readings leave out a later year's targets, which the draft keeps.
THIRD = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-3").glob("*.txt"))
# A fourth writer's articles, in other layouts: a title in capitals, short lines as headings,
# a report of listed figures, headings numbered in words.
FOURTH = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-4").glob("*.txt"))
# A fifth writer's articles, as copied from web pages: page clutter, an office's header, no headings.
FIFTH = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-5").glob("*.txt"))
# A sixth writer's messy files: a PDF's broken lines, Windows line ends and no-break spaces, tables.
SIXTH = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-6").glob("*.txt"))
# A seventh writer's: paragraphs that number themselves ('Thu nhat, ...'), an interview, bold headings.
SEVENTH = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-7").glob("*.txt"))
# An eighth writer's: a news agency's report, headings that state figures, labels with a colon.
EIGHTH = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-8").glob("*.txt"))
# A ninth writer's: a ward's news, a radio bulletin, a party committee's summary, a page's post.
NINTH = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-9").glob("*.txt"))
# A tenth writer's: a feature with a page's buttons, a TV station's page, a report, a "dau an" piece.
TENTH = sorted(Path(__file__).parent.with_name("data").joinpath("articles-holdout-10").glob("*.txt"))


def drafted(text: str, name: str = "article.txt", **overrides: Any) -> draft.Draft:
    return draft.draft(decode(text.encode(), name), name, **overrides)


def assert_honest(result: draft.Draft, text: str) -> None:
    """Every quote is the article's own words and holds the number as written; the draft loads."""
    for figure in result.document["figures"]:
        quote = figure["source"]["quote"]
        assert quote in text, quote
        assert figure["checked"] is False
        # the number as written: its words, or digits grouped and marked the Vietnamese way
        written = figure["wording"]["vi"] if "wording" in figure else None
        assert written in quote if written else NUMBER.search(quote) or SHARE.search(quote), quote
        for comparison in figure.get("comparisons", ()):
            assert comparison["source"]["quote"] in text
    for event in result.document["events"]:
        assert event["source"]["quote"] in text
    parse_and_validate(result.json().encode(), "draft.json")


# ---- the embedded article -------------------------------------------------------------------------


def test_the_embedded_article_drafts_every_figure_of_the_dataset(article: str) -> None:
    result = drafted(article)
    reference = json.loads(embedded_path().read_text(encoding="utf-8"))
    found = score(reference["figures"], result.document["figures"])
    # Measured recall, reported in the README: 37 of 37 found, 3 drafted that the dataset has not.
    assert (found.expected, found.found, found.drafted) == (37, 37, 40)
    assert found.recall >= 0.95
    assert found.extra_share <= 0.10
    assert_honest(result, decode(article.encode(), "seed"))


def test_the_embedded_article_metadata_and_sections(article: str) -> None:
    result = drafted(article)
    meta = result.document["metadata"]
    assert meta["title"] == "10 dấu ấn nổi bật Thành phố Chí Linh năm 2021"
    assert meta["locality"] == {"vi": "Thành phố Chí Linh, tỉnh Hải Dương"}
    assert (meta["year"], meta["published"], meta["checked"]) == (2021, "2022-01-11", False)
    assert "publisher" not in meta  # left for the reviewer, not guessed
    assert "title_en" not in meta
    assert [h["rank"] for h in result.document["highlights"]] == list(range(1, 11))
    assert result.document["highlights"][3]["title"]["vi"].startswith("PHÁT TRIỂN KINH TẾ- XÃ HỘI NĂM 2021")
    revenue = next(f for f in result.document["figures"] if f["value"] == 967300000000)
    assert (revenue["qualifier"], revenue["source"]["section"]) == ("more_than", 4)
    assert revenue["source"]["quote"] == "Tổng thu ngân sách đạt hơn 967,3 tỷ đồng"
    (estimate,) = revenue["comparisons"]
    assert (estimate["basis"], estimate["kind"], estimate["ambiguous"]) == ("budget_estimate", "percent_change", True)
    events = {(e["date"]["month"], e["date"].get("day")) for e in result.document["events"]}
    assert events == {(2, 10), (3, 3), (12, 25), (12, None)}


# ---- fictional articles ---------------------------------------------------------------------------


def scored(path: Path) -> tuple[Score, draft.Draft]:
    text = path.read_text(encoding="utf-8")
    result = drafted(text, path.name)
    return score(as_figures(reading_of(path)), result.document["figures"]), result


@pytest.mark.parametrize(
    "path",
    WRITTEN + HELD_OUT + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH,
    ids=lambda path: path.stem,
)
def test_a_fictional_article_drafts_its_figures(path: Path) -> None:
    found, result = scored(path)
    assert found.recall >= 0.5, (found.missed, found.extras)  # the folder's floor is the ratchet's
    assert_honest(result, path.read_text(encoding="utf-8"))
    reading = reading_of(path)
    meta = result.document["metadata"]
    assert meta["year"] == reading["year"]
    assert reading["place"].casefold() in meta["locality"]["vi"].casefold()
    assert result.sections == reading["sections"]


@pytest.mark.parametrize("folder", ratchet.FOLDERS)
def test_drafting_is_a_ratchet_each_folder_at_least_its_baseline(folder: str) -> None:
    """Each folder finds at least the figures its baseline found and drafts no more noise; a
    change of its articles updates the baseline (``python tests/draft/ratchet.py --update``)."""
    kept = ratchet.baseline()[folder]
    measured = ratchet.measure(folder)
    assert measured.sha256 == kept.sha256, f"{folder} changed: run python tests/draft/ratchet.py --update"
    assert measured.expected == kept.expected
    assert measured.found >= kept.found, f"{folder}: {measured.found} found, the baseline {kept.found}"
    assert measured.extra <= kept.extra, f"{folder}: {measured.extra} extra, the baseline {kept.extra}"


def test_every_article_folder_has_a_baseline() -> None:
    assert sorted(ratchet.baseline()) == ratchet.FOLDERS


def test_all_fictional_articles_together_meet_the_aim() -> None:
    """The issue's aim, over every fictional article: at least 95 % found, at most 10 % extra."""
    scores = [
        scored(path)[0]
        for path in WRITTEN + HELD_OUT + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH
    ]
    expected, found, drafted_ = (sum(getattr(s, field) for s in scores) for field in ("expected", "found", "drafted"))
    assert found / expected >= 0.95
    assert (drafted_ - found) / drafted_ <= 0.10


@pytest.mark.parametrize("path", WRITTEN + HELD_OUT, ids=lambda path: path.stem)
def test_traps_are_not_figures_and_dated_events_are_events(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    reading = reading_of(path)
    result = drafted(text, path.name)
    for trap in reading["not_figures"]:
        for figure in result.document["figures"]:
            number = re.search(r"\d+", trap)
            if number and trap in figure["source"]["quote"]:
                assert Decimal(figure["value"]) != Decimal(number.group(0)), (trap, figure["source"]["quote"])
    dates = {(e["date"]["year"], e["date"]["month"], e["date"].get("day")) for e in result.document["events"]}
    for event in reading["events"]:
        assert (event["year"], event["month"], event.get("day")) in dates, event


def test_overrides_replace_what_the_text_says() -> None:
    text = WRITTEN[0].read_text(encoding="utf-8")
    result = drafted(text, place="Huyện Khác", year=2020, title="Một tiêu đề khác")
    meta = result.document["metadata"]
    assert (meta["locality"]["vi"], meta["year"], meta["title"]) == ("Huyện Khác", 2020, "Một tiêu đề khác")


def test_sections_in_capitals_when_nothing_is_numbered() -> None:
    text = (
        "Kết quả nổi bật của xã Tân Phong năm 2023\n\nKINH TẾ TĂNG TRƯỞNG KHÁ\n\nThu ngân sách đạt 12,4 tỷ đồng, "
        "đạt 105% kế hoạch.\n\nXÃ HỘI ỔN ĐỊNH\n\nToàn xã có 312 hộ nghèo.\n"
    )
    result = drafted(text)
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["KINH TẾ TĂNG TRƯỞNG KHÁ", "XÃ HỘI ỔN ĐỊNH"]
    assert result.document["metadata"]["locality"] == {"vi": "Xã Tân Phong"}
    income, households = result.document["figures"]
    assert (income["value"], income["comparisons"][0]["kind"], income["comparisons"][0]["value"]) == (
        12400000000,
        "percent_of",
        105,
    )
    assert (households["value"], households["noun"], households["source"]["section"]) == (312, {"vi": "hộ nghèo"}, 2)


def test_a_text_without_sections_is_one_section() -> None:
    result = drafted("Tổng kết năm 2022 của huyện Mỹ Lộc\nHuyện trồng 1.200 ha lúa.\n")
    assert result.sections == 1
    assert result.document["figures"][0]["source"] == {"section": 1, "quote": "Huyện trồng 1.200 ha"}


# ---- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("Năm 2023".encode("cp1258"), "not UTF-8 text (the byte at offset 1 "),
        (b"x" * (MAX_BYTES + 1), "draft reads at most"),
    ],
)
def test_unreadable_articles_are_refused_with_a_reason(raw: bytes, problem: str) -> None:
    with pytest.raises(DataFileError) as refused:
        decode(raw, "article.txt")
    assert refused.value.said.en.startswith("article.txt: ")
    assert problem in refused.value.said.en


def test_byte_order_marks_and_utf16_are_read() -> None:
    text = "Tổng kết năm 2023 của huyện An Hòa\n1. KINH TẾ\nHuyện có 45 doanh nghiệp mới.\n"
    for raw in (text.encode("utf-8-sig"), text.encode("utf-16"), text.replace("\n", "\r\n").encode()):
        assert decode(raw, "a.txt") == text
    assert drafted(text).document["figures"][0]["value"] == 45


def test_a_text_without_a_year_or_a_place_asks_for_one() -> None:
    with pytest.raises(DataFileError, match="--year"):
        drafted("Một bài viết không có con số nào.")
    # no place is no longer refused (issue 20): the draft asks the reviewer for it
    unplaced = drafted("Một bài viết năm 2023 không nêu nơi nào. Thu ngân sách đạt 12 tỷ đồng.")
    assert unplaced.document["metadata"]["locality"]["en"].startswith("(place not found")
    assert unplaced.document["metadata"]["checked"] is False
    assert "metadata.locality" in unplaced.summary(None).en
    from chilinh_cli.answers.checks import review_todos
    from chilinh_cli.reading.loader import parse_and_validate as load

    (todo, *_) = review_todos(load(unplaced.json().encode(), "draft.json"))
    assert (todo.record, todo.unchecked, todo.missing[0]) == ("metadata", True, "locality")
    empty = drafted("Một bài viết năm 2023 không nêu nơi nào.", place="Xã Yên")
    assert (empty.figures, empty.events, empty.document["figures"]) == (0, 0, [])
    assert "states no figure" in empty.summary(None).en


# ---- any text -------------------------------------------------------------------------------------

LINES = st.sampled_from(
    [
        "1. KINH TẾ PHÁT TRIỂN",
        "II. VĂN HÓA XÃ HỘI",
        "Thu ngân sách đạt hơn 967,3 tỷ đồng, tăng 22,4% so với năm 2022.",
        "Tỷ lệ hộ nghèo giảm từ 2,84% xuống còn 1,96%.",
        "Ngày 15/3, huyện khánh thành cầu mới bắc qua sông.",
        "Có 155/155 người trúng cử; không có đơn thư nào tồn đọng.",
        "Xuất khẩu đạt 1,2 triệu USD, gấp 1,5 lần năm 2021.",
        "Năng suất đạt 12-13 tấn/ha, từ 7% đến 8% năm 2023.",
        "Sản phẩm đạt 3 sao theo Nghị quyết 36.",
        # a report's plans, ranges, targets and a table pasted one cell per line (issue 20)
        "Tốc độ tăng giá trị sản xuất ước đạt 8,7%/KH 8,5-9%; sản lượng đạt 96.450 tấn/KH 95.000 tấn, đạt 101,5%KH.",
        "Số hộ nghèo so với cuối năm 2022 giảm 214 hộ, còn 1.087 hộ; tổng chi bằng 97,2% dự toán.",
        "Năm 2024 phấn đấu tăng trưởng 9-10%, vượt kế hoạch năm chỉ tiêu.",
        "Tăng trưởng ước đạt 7,8%, vượt kế hoạch đề ra là 7,5%; thu ngân sách vượt kế hoạch 12 tỷ đồng.",
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Thực hiện năm 2023",
        "So sánh (%)",
        "Tỷ đồng",
        "12,5",
        "",
    ]
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        LINES | st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40), max_size=12
    )
)
def test_any_article_drafts_a_dataset_that_loads(lines: list[str]) -> None:
    text = "Tổng kết năm 2023 của huyện Thử Nghiệm\n" + "\n".join(lines)
    result = drafted(text)
    assert_honest(result, decode(text.encode(), "a.txt"))


def test_a_report_title_with_kinh_te_xa_hoi_still_names_its_place() -> None:
    text = "Báo cáo kết quả phát triển kinh tế - xã hội năm 2023 của thị xã Hòa Lâm\nThị xã có 45 doanh nghiệp mới."
    assert drafted(text).document["metadata"]["locality"] == {"vi": "Thị xã Hòa Lâm"}
    # a title naming no place is no longer refused (issue 20): the reviewer is asked for it
    unplaced = drafted("Kinh tế - xã hội năm 2023\nCó 45 doanh nghiệp mới.")
    assert "“Kinh tế - xã hội năm 2023” names no place" in unplaced.summary(None).en


def test_targets_for_a_later_year_are_that_year_and_say_so() -> None:
    text = (
        "Tổng kết năm 2022 của huyện Yên Hòa\n1. KẾT QUẢ NĂM 2022\nThu ngân sách đạt 500 tỷ đồng. Năm 2023 huyện phấn "
        "đấu thu ngân sách ít nhất 550 tỷ đồng.\n2. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2023\nTạo việc làm cho 2.400 lao động.\n"
    )
    result = drafted(text)
    result_year, target, plan = result.document["figures"]
    assert (result_year["value"], result_year["year"]) == (500000000000, 2022)
    assert (target["value"], target["year"], target["qualifier"]) == (550000000000, 2023, "at_least")
    assert target["note"]["en"] == "the text states this as a target for 2023, not as a result"
    assert (plan["value"], plan["year"]) == (2400, 2023)


def test_an_upper_bound_is_left_out_and_counted() -> None:
    result = drafted("Tổng kết năm 2023 của xã Yên Lạc\nTỷ lệ hộ nghèo còn dưới 1,5%. Xã có 12 thôn.")
    assert [f["value"] for f in result.document["figures"]] == [12]
    assert result.left_out == 1
    assert "(1 more read but left out" in result.summary("x.json").en


def test_pdf_and_utf16_without_a_byte_order_mark_are_named() -> None:
    with pytest.raises(DataFileError, match="a PDF file"):
        decode(b"%PDF-1.7\n...", "a.pdf")
    with pytest.raises(DataFileError, match="UTF-16 text without a byte-order mark"):
        decode("Tổng kết năm 2023".encode("utf-16-le"), "a.txt")


def test_headings_with_dashes_and_a_dateline_with_dashes() -> None:
    text = "Huyện Kim Bảng năm 2023\nThứ Hai, 08-01-2024\nI- KINH TẾ\nCó 45 doanh nghiệp.\nII- XÃ HỘI\nCó 12 trường."
    result = drafted(text)
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["KINH TẾ", "XÃ HỘI"]
    assert result.document["metadata"]["published"] == "2024-01-08"


# ---- found by a review ----------------------------------------------------------------------------


def test_values_keep_the_precision_they_are_written_with() -> None:
    text = "Tổng kết năm 2023 của huyện Yên Bình\nTăng trưởng đạt từ 7,0% đến 7,5%. Sản lượng cá đạt 12,50 tấn."
    result = drafted(text)
    assert [f["value"] for f in result.document["figures"]] == [Decimal("7.0"), Decimal("12.50")]
    assert '"value": 7.0,' in result.json()
    assert '"value": 12.50,' in result.json()
    loaded = parse_and_validate(result.json().encode(), "draft.json")
    assert [str(f.value) for f in loaded.figures] == ["7.0", "12.50"]


def test_a_comparison_the_format_refuses_leaves_its_figure() -> None:
    result = drafted("Tổng kết năm 2023 của xã Yên Lạc\nXã có 5 người mới, tăng 30 người so với năm 2022.")
    (figure,) = result.document["figures"]
    assert (figure["value"], "comparisons" in figure, result.left_out) == (5, False, 1)


def test_labels_before_a_colon_and_quotes_that_start_on_a_word() -> None:
    text = (
        "Tổng kết năm 2023 của xã Yên Lạc\n"
        "Thu ngân sách: 500 tỷ đồng. Khoản thu nội địa chiếm 45% tổng thu, 200 tỷ đồng."
    )
    revenue, share, domestic = drafted(text).document["figures"]
    assert revenue["label"] == {"vi": "Thu ngân sách"}
    assert share["label"] == {"vi": "Khoản thu nội địa"}
    assert domestic["source"]["quote"].startswith("200 tỷ")


def test_numbered_sentences_are_a_list_and_parts_of_a_month_are_kept(article: str) -> None:
    text = "Tổng kết năm 2023 của xã Yên Lạc\n1. Thu ngân sách đạt 967,3 tỷ đồng.\n2. Toàn xã có 45 doanh nghiệp.\n"
    result = drafted(text)
    assert [f["value"] for f in result.document["figures"]] == [967300000000, 45]
    ioc = next(e for e in drafted(article).document["events"] if e["date"]["month"] == 12 and "day" not in e["date"])
    assert ioc["date"] == {"year": 2021, "month": 12, "year_inferred": False, "period": "mid"}


def test_a_year_outside_the_format_is_not_taken_for_the_review_year() -> None:
    with pytest.raises(DataFileError, match="--year"):
        drafted("Lịch sử huyện Cổ Loa\nNăm 1066 huyện có 45 làng.")


def test_a_figure_the_format_refuses_is_left_out_and_the_next_one_heads_its_section() -> None:
    text = "Tổng kết năm 2023 của xã Yên Lạc\n1. KINH TẾ\nDoanh thu đạt 1.000.000.000 tỷ đồng. Xã có 12 thôn.\n"
    result = drafted(text)
    (villages,) = result.document["figures"]
    assert (villages["value"], result.left_out) == (12, 1)
    assert result.document["highlights"][0]["headline"] == [villages["id"]]


def test_a_title_without_a_year_is_still_the_title_and_the_first_section_stays() -> None:
    text = (
        "Huyện Đồng Quế vững bước trên chặng đường mới\n"
        "1. KINH TẾ TĂNG TRƯỞNG KHÁ\n"
        "Năm 2023, tốc độ tăng trưởng ước đạt 9,2%, giá trị sản xuất đạt 18.450 tỷ đồng, tăng 11,3% so với năm 2022.\n"
        "2. XÃ HỘI\nCó 45 trường đạt chuẩn, tăng 3 trường so với năm 2022.\n"
    )
    result = drafted(text)
    assert result.document["metadata"]["title"] == "Huyện Đồng Quế vững bước trên chặng đường mới"
    assert result.document["metadata"]["year"] == 2023  # not 2022, the year compared with
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["KINH TẾ TĂNG TRƯỞNG KHÁ", "XÃ HỘI"]
    assert [f["source"]["section"] for f in result.document["figures"]] == [1, 1, 2]


PARAGRAPH = "Trong năm, toàn huyện tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ các giải pháp phát triển, {figure}."


def test_headings_numbered_in_words_and_short_lines_before_paragraphs() -> None:
    ordinals = (
        "Mười dấu ấn của thành phố Thạch Lâm năm 2024\n"
        "Dấu ấn thứ nhất: Kinh tế tăng trưởng cao\n" + PARAGRAPH.format(figure="thu ngân sách đạt 812 tỷ đồng") + "\n"
        "Dấu ấn thứ hai: Nông thôn mới\n" + PARAGRAPH.format(figure="có thêm 3 xã đạt chuẩn") + "\n"
    )
    result = drafted(ordinals)
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["Kinh tế tăng trưởng cao", "Nông thôn mới"]
    assert [f["source"]["section"] for f in result.document["figures"]] == [1, 2]
    short = (
        "HUYỆN QUẢNG HÒA: NĂM 2023 KINH TẾ TĂNG TRƯỞNG KHÁ\n"
        "Kinh tế tăng trưởng ổn định\n" + PARAGRAPH.format(figure="thu ngân sách đạt 812 tỷ đồng") + "\n"
        "An sinh xã hội được bảo đảm\n" + PARAGRAPH.format(figure="tạo việc làm cho 2.400 lao động") + "\n"
    )
    result = drafted(short)
    assert result.document["metadata"]["locality"] == {"vi": "Huyện Quảng Hòa"}
    titles = [h["title"]["vi"] for h in result.document["highlights"]]
    assert titles == ["Kinh tế tăng trưởng ổn định", "An sinh xã hội được bảo đảm"]
    assert [f["source"]["section"] for f in result.document["figures"]] == [1, 2]


def test_the_lead_opens_the_first_section_without_repeating_its_figures() -> None:
    text = (
        "Xã An Phú năm 2022\n"
        "Cập nhật lúc 15:40, ngày 28/12/2022\n"
        "Năm 2022, xã đạt và vượt 17/19 chỉ tiêu; thu ngân sách đạt 12,35 tỷ đồng.\n"
        "I. KINH TẾ\n- Tổng thu ngân sách xã: 12,35 tỷ đồng, đạt 108,2% dự toán;\n"
        "- Diện tích gieo cấy lúa cả năm 1.124 ha; thu bổ sung từ ngân sách cấp trên 7,49 tỷ đồng.\n"
        "II. XÃ HỘI\n- Không có khiếu kiện đông người, vượt cấp.\n"
    )
    result = drafted(text)
    assert result.sections == 2
    figures = [(f["value"], f["qualifier"], f["source"]["section"]) for f in result.document["figures"]]
    assert figures == [
        (17, "exact", 1),  # the lead's own figure; its 12,35 billion is drafted where section I states it
        (12350000000, "exact", 1),
        (1124, "exact", 1),
        (7490000000, "exact", 1),  # 'cap tren': the level above, not 'more than'
        (0, "exact", 2),
    ]
    assert result.document["highlights"][0]["headline"] == [result.document["figures"][0]["id"]]


def test_an_office_report_header_is_not_the_title_and_an_event_keeps_its_numbers() -> None:
    text = (
        "ỦY BAN NHÂN DÂN XÃ AN PHÚ\nSố: 142/BC-UBND\nAn Phú, ngày 20 tháng 12 năm 2022\nBÁO CÁO\n"
        "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022 của xã An Phú\n"
        "I. KINH TẾ\nNgày 2/9, xã tặng quà cho 2.468 người cao tuổi trên địa bàn.\nII. XÃ HỘI\nCó 12 thôn.\n"
    )
    result = drafted(text)
    assert result.document["metadata"]["title"].startswith("Tình hình thực hiện nhiệm vụ")
    (event,) = result.document["events"]
    assert event["source"]["quote"] == "Ngày 2/9, xã tặng quà cho 2.468 người cao tuổi trên địa bàn"


def test_a_page_copied_with_its_clutter_and_a_report_in_lettered_parts() -> None:
    text = (
        "Trang chủ > Thời sự > Địa phương\n"
        "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN YÊN LẠC\n"
        "Tổng kết công tác năm 2022 của huyện Yên Lạc\n"
        "Ngày đăng: 30/12/2022\n"
        "A. KẾT QUẢ\n1. Kinh tế\n"
        "Thu ngân sách trên địa bàn huyện đạt 500 tỷ đồng theo Quyết định số 12/QĐ-UBND ngày 10/01/2022 của "
        "Ủy ban nhân dân tỉnh về giao dự toán.\n"
        "Cánh đồng mẫu rộng 50 ha ở xã Yên Đồng. Ảnh: Minh Anh\n"
        "2. Xã hội\nNgày 19/8, huyện khánh thành trường học mới cho 450 học sinh.\n"
        "B. PHƯƠNG HƯỚNG NĂM 2023\nPhấn đấu thu ngân sách 550 tỷ đồng.\n"
        "Tin liên quan\nHuyện Yên Lạc thu ngân sách 480 tỷ đồng năm 2021\n"
    )
    result = drafted(text)
    assert result.document["metadata"]["title"] == "Tổng kết công tác năm 2022 của huyện Yên Lạc"
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["KẾT QUẢ", "PHƯƠNG HƯỚNG NĂM 2023"]
    assert [(f["value"], f["year"]) for f in result.document["figures"]] == [
        (500000000000, 2022),
        (450, 2022),
        (550000000000, 2023),  # a target, marked with its year (the caption and related links are not read)
    ]
    assert [(e["date"]["month"], e["date"]["day"]) for e in result.document["events"]] == [(8, 19)]


def test_lines_wrapped_inside_sentences_are_read_as_one_and_quoted_verbatim() -> None:
    text = (
        "Báo cáo năm 2023 của huyện Tiền Hải\n"
        "I. KINH TẾ\n"
        "Giá trị sản xuất công nghiệp trên địa bàn huyện đạt 13.416\n"
        "tỷ đồng, tăng 12,5% so với năm 2022; thu ngân sách nhà nước trên địa bàn tăng\n"
        "8,1% so với năm 2022.\n"
        "II. XÃ HỘI\nCó 12 thôn.\n"
    )
    result = drafted(text)
    output, revenue, villages = result.document["figures"]
    assert (output["value"], output["comparisons"][0]["value"], output["comparisons"][0]["year"]) == (
        13416000000000,
        Decimal("12.5"),
        2022,
    )
    assert output["source"]["quote"].endswith("13.416\ntỷ đồng")
    assert (revenue["value"], villages["value"]) == (Decimal("8.1"), 12)
    assert_honest(result, text)


def test_a_table_copied_as_text_gives_a_figure_per_row() -> None:
    path = SIXTH[[p.stem for p in SIXTH].index("ninh-giang-2024")]
    text = path.read_text(encoding="utf-8")
    result = drafted(text, path.name)
    assert score(as_figures(reading_of(path)), result.document["figures"], with_comparisons=False).found == 29
    revenue = next(f for f in result.document["figures"] if f["label"]["vi"] == "Tổng thu ngân sách trên địa bàn")
    assert (revenue["value"], revenue["unit"]) == (1212400000000, "vnd")
    assert [(c["kind"], c["value"], c["year"]) for c in revenue["comparisons"]] == [
        ("from_value", 1085600000000, 2023),
        ("percent_of", Decimal("111.7"), 2023),
    ]
    assert revenue["source"]["quote"] in text


def test_a_two_column_letterhead_and_a_title_on_two_lines() -> None:
    path = SIXTH[[p.stem for p in SIXTH].index("tien-hai-2023")]
    meta = drafted(path.read_text(encoding="utf-8"), path.name).document["metadata"]
    assert meta["title"] == (
        "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2023, phương hướng, nhiệm vụ năm 2024"
    )
    assert (meta["locality"], meta["year"]) == ({"vi": "Huyện Tiên Hải"}, 2023)


@pytest.mark.parametrize(
    "text",
    [
        "Chia sẻ\nTổng kết năm 2023 của huyện Xuân\nCó 5 hộ.",
        "Tin liên quan\nTổng kết năm 2023 của huyện Xuân\nCó 5 hộ.",
        "\ufeffTổng kết năm 2023 của huyện Xuân\n" + "\n".join(f"{n}. MỤC {n}" for n in range(1, 1200)),
    ],
)
def test_odd_articles_draft_without_an_error(text: str) -> None:
    result = drafted(text)
    assert result.sections <= 1000
    assert_honest(result, text)


def test_quotes_stay_verbatim_across_broken_lines_with_their_spaces() -> None:
    line = "Giá trị sản xuất công nghiệp trên địa bàn huyện Xuân đạt 13.416"
    for joint in (" \n", "\n   ", "\r\n"):
        text = f"Tổng kết năm 2023 của huyện Xuân\n{line}{joint}tỷ đồng, tăng 12,5% so với năm 2022.\n"
        (figure,) = drafted(text).document["figures"]
        assert figure["source"]["quote"] in decode(text.encode(), "a.txt")  # line ends read as '\n'
        assert figure["value"] == 13416000000000


def test_numbered_paragraphs_an_interview_and_bold_headings() -> None:
    paragraph = "Trong năm, tỉnh tập trung chỉ đạo quyết liệt nhiều giải pháp đồng bộ để phát triển kinh tế - xã hội"
    numbered = (
        "Tỉnh Lâm Đông: sáu dấu ấn năm 2023\n"
        f"Thứ nhất, kinh tế tăng trưởng khá. {paragraph}; thu ngân sách đạt 812 tỷ đồng.\n"
        f"Thứ hai, nông thôn mới về đích. {paragraph}; có thêm 3 xã đạt chuẩn.\n"
    )
    result = drafted(numbered)
    assert [h["title"]["vi"] for h in result.document["highlights"]] == [
        "kinh tế tăng trưởng khá",
        "nông thôn mới về đích",
    ]
    assert [f["source"]["section"] for f in result.document["figures"]] == [1, 2]
    interview = (
        'Chủ tịch UBND huyện Phú Yên Hạ Trần Văn Bình: "Năm 2024 là năm hạ tầng"\n'
        "Năm 2024, huyện Phú Yên Hạ đã hoàn thành và vượt 14/16 chỉ tiêu chủ yếu.\n"
        "PV: Thưa ông, năm 2024 huyện hoàn thành 14/16 chỉ tiêu?\n"
        "Ông Trần Văn Bình: Huyện đã làm mới 42 km đường giao thông nông thôn.\n"
    )
    result = drafted(interview)
    assert result.document["metadata"]["locality"] == {"vi": "Huyện Phú Yên Hạ"}
    assert [f["value"] for f in result.document["figures"]] == [14, 42]
    bold = (
        "Thành phố Sông Cầu nhìn lại năm 2022\n"
        f"**Kinh tế phục hồi mạnh mẽ**\n{paragraph}, doanh thu đạt 150 triệu đ.\n"
        f"**Đô thị đổi thay**\n{paragraph}, lắp mới hai nghìn bộ đèn; Mười lăm trạm y tế được nâng cấp.\n"
        "Số doanh nghiệp đang hoạt động là 3.860 (gấp 1,6 lần năm 2018).\n"
    )
    result = drafted(bold)
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["Kinh tế phục hồi mạnh mẽ", "Đô thị đổi thay"]
    values = [(f["value"], f["unit"], f.get("noun", {}).get("vi")) for f in result.document["figures"]]
    assert values == [
        (150000000, "vnd", None),
        (2000, "count", "bộ đèn"),
        (15, "count", "trạm y tế"),
        (3860, "count", "doanh nghiệp"),
    ]
    assert result.document["figures"][-1]["comparisons"][0]["kind"] == "multiple"


def test_labels_with_a_colon_head_their_items_and_a_lead_without_headings_is_said_once() -> None:
    bulletin = (
        "BẢN TIN TỔNG KẾT NĂM 2022 CỦA HUYỆN CẨM KHÊ\n"
        "Về kinh tế:\n- Thu ngân sách đạt 512 tỷ đồng.\n- Có 45 doanh nghiệp mới.\n"
        "Về an ninh:\n- Trên địa bàn không có trọng án xảy ra.\n"
    )
    result = drafted(bulletin)
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["Về kinh tế", "Về an ninh"]
    assert [(f["value"], f["source"]["section"]) for f in result.document["figures"]] == [
        (512000000000, 1),
        (45, 1),
        (0, 2),
    ]
    report = (
        "Huyện An Lão năm 2023 thu ngân sách vượt nghìn tỷ\n"
        "An Lão, 28/12 (TTXVN) - Năm 2023, huyện An Lão thu ngân sách đạt hơn 1,2 nghìn tỷ đồng.\n\n"
        "Thu ngân sách nhà nước trên địa bàn đạt hơn 1,2 nghìn tỷ đồng, tăng 9,3% so với năm 2022. "
        "Ngành du lịch đón gần 3 vạn lượt khách.\n"
    )
    revenue, visitors = drafted(report).document["figures"]
    assert (revenue["value"], revenue["comparisons"][0]["value"]) == (1200000000000, Decimal("9.3"))
    assert (visitors["value"], visitors["qualifier"]) == (30000, "nearly")


def test_a_pages_buttons_are_no_heading_and_a_term_of_office_is_no_figure() -> None:
    paragraph = "Năm 2023, trong bối cảnh còn nhiều khó khăn, tỉnh Hà Vân đã tập trung chỉ đạo đồng bộ các giải pháp"
    text = (
        "Hà Vân vượt khó năm 2023\nChia sẻ\n"
        f"{paragraph}, tăng trưởng ước đạt 8,12%.\n\n"
        "Kinh tế tăng trưởng cao\n"
        f"{paragraph}; tốc độ tăng trưởng kinh tế ước đạt 8,12%.\n"
        "Xã hội ổn định\n"
        f"{paragraph}; nhiệm kỳ 2021 - 2026 tổ chức 9 kỳ họp, lượt xem: 1.872.\n"
    )
    result = drafted(text)
    assert [h["title"]["vi"] for h in result.document["highlights"]] == ["Kinh tế tăng trưởng cao", "Xã hội ổn định"]
    assert [(f["value"], f["source"]["section"]) for f in result.document["figures"]] == [
        (Decimal("8.12"), 1),  # the lead's 8,12% is said once, where the section says it
        (9, 2),
    ]


# ---- reports of issue 20: targets, tables, quotes and labels -----------------------------------------------

REPORT = """Báo cáo tình hình kinh tế - xã hội huyện Tân Hà năm 2023

I. KẾT QUẢ NĂM 2023

Tốc độ tăng giá trị sản xuất (giá so sánh năm 2010) ước đạt 8,1%/KH 8-8,5%. \
Tỷ lệ hộ dùng nước sạch đạt 81,5%, vượt 1,5% so với chỉ tiêu. Tổng chi ngân sách huyện bằng 96,4% dự toán.

STT
Chỉ tiêu
ĐVT
Kế hoạch năm 2023
Thực hiện năm 2022
Ước thực hiện năm 2023
So với KH (%)
So với cùng kỳ (%)
1
Thu ngân sách trên địa bàn
Tỷ đồng
300
280
315
105,0
112,5
2
Kim ngạch xuất khẩu (triệu USD)

40
36
42
105,0
116,7

II. PHƯƠNG HƯỚNG NĂM 2024

Năm 2024 phấn đấu: tốc độ tăng giá trị sản xuất 8,5-9%; thu ngân sách trên địa bàn đạt 330 tỷ đồng trở lên.
"""


def test_a_report_s_plans_tables_and_next_year_s_targets() -> None:
    result = drafted(REPORT)
    assert_honest(result, REPORT)
    figures = {f["source"]["quote"]: f for f in result.document["figures"]}
    growth = figures["Tốc độ tăng giá trị sản xuất (giá so sánh năm 2010) ước đạt 8,1%"]
    assert growth["label"]["vi"] == "Tốc độ tăng giá trị sản xuất"
    assert [(c["basis"], c["kind"], c["value"], c["high"]) for c in growth["comparisons"]] == [
        ("plan", "from_value", Decimal(8), Decimal("8.5"))
    ]
    water = figures["Tỷ lệ hộ dùng nước sạch đạt 81,5%"]
    assert water["comparisons"][0]["ambiguous"] is True  # points, or 1.5 % of the target?
    spent = figures["Tổng chi ngân sách huyện bằng 96,4% dự toán"]
    assert (spent["relative_to"], spent.get("comparisons")) == ("budget_estimate", None)
    revenue = next(f for f in result.document["figures"] if f["label"]["vi"] == "Thu ngân sách trên địa bàn")
    assert (revenue["value"], revenue["unit"], revenue["qualifier"]) == (315 * 10**9, "vnd", "estimated")
    assert [(c["basis"], c["kind"], c["value"], c.get("year")) for c in revenue["comparisons"]] == [
        ("plan", "from_value", 300 * 10**9, None),
        ("previous_year", "from_value", 280 * 10**9, 2022),
        ("plan", "percent_of", Decimal("105.0"), None),
        ("previous_year", "percent_of", Decimal("112.5"), 2022),
    ]
    assert "So với KH (%)" in revenue["note"]["vi"]  # the header's cells say what each number is
    exports = next(f for f in result.document["figures"] if f["label"]["vi"] == "Kim ngạch xuất khẩu")
    assert (exports["value"], exports["unit"]) == (42 * 10**6, "usd")
    targets = [f for f in result.document["figures"] if f.get("target")]
    assert [(f["value"], f.get("high"), f["year"]) for f in targets] == [
        (Decimal("8.5"), 9, 2024),
        (330 * 10**9, None, 2024),
    ]
    assert not any(f.get("target") for f in result.document["figures"] if f["year"] == 2023)
    assert result.document["metadata"]["year"] == 2023  # never the 2010 of constant prices
    ids = [f["id"] for f in result.document["figures"]]
    bases = [re.sub(r"-\d+$", "", i) for i in ids]  # a '-2' only tells two of one label apart
    assert len(ids) == len(set(ids))
    assert not any(part.isdigit() for base in bases for part in base.split("-"))


def test_a_noun_said_again_is_told_apart_by_its_subject() -> None:
    text = (
        "Du lịch huyện Tân Hà năm 2023\n\nNăm 2023, khu du lịch sinh thái Đồng Lũy đón 120 nghìn lượt khách; "
        "làng nghề gốm Vân Khê đón 85 nghìn lượt khách; lễ hội đền Bà Chúa thu hút 40 nghìn lượt khách.\n"
    )
    result = drafted(text)
    assert_honest(result, text)
    assert [f["label"]["vi"] for f in result.document["figures"]] == [
        "lượt khách (khu du lịch sinh thái Đồng Lũy)",
        "lượt khách (làng nghề gốm Vân Khê)",
        "lượt khách (lễ hội đền Bà Chúa)",
    ]


def test_a_rate_after_a_share_is_the_share_s_rate_and_quotes_its_verb() -> None:
    text = (
        "Tình hình huyện Kim Lãng năm 2023\n\nHuyện đã giải quyết 231/246 đơn, đạt 93,9%. "
        "Toàn huyện có 52/61 trường đạt chuẩn quốc gia, chiếm 85,2%. Huyện đạt 18/20 chỉ tiêu đạt và vượt kế hoạch.\n"
    )
    result = drafted(text)
    assert_honest(result, text)
    assert [(f["label"]["vi"], f["source"]["quote"]) for f in result.document["figures"]] == [
        ("giải quyết (đơn)", "Huyện đã giải quyết 231/246 đơn"),
        ("tỷ lệ giải quyết (đơn)", "đạt 93,9%"),
        ("trường đạt chuẩn quốc gia", "Toàn huyện có 52/61 trường đạt chuẩn quốc gia"),
        ("tỷ lệ trường đạt chuẩn quốc gia", "chiếm 85,2%"),
        ("chỉ tiêu", "Huyện đạt 18/20 chỉ tiêu"),
    ]


def test_only_what_a_sentence_aims_at_is_a_target() -> None:
    text = (
        "Kinh tế huyện Kim Lãng năm 2023\n\nThu ngân sách đạt 500 tỷ đồng, vượt kế hoạch; năm 2024 phấn đấu đạt "
        "550 tỷ đồng. Tuyến đường ven sông dài 14,6 km, dự kiến hoàn thành năm 2027.\n"
    )
    result = drafted(text)
    assert [(f["value"], f["year"], f.get("target", False)) for f in result.document["figures"]] == [
        (500 * 10**9, 2023, False),
        (550 * 10**9, 2024, True),
        (Decimal("14.6"), 2023, False),
    ]


def test_a_plan_said_with_la_after_the_figure_is_its_plan_not_another_figure() -> None:
    text = (
        "Báo cáo kinh tế - xã hội năm 2024 của tỉnh Hòa Viên\n\n"
        "Tốc độ tăng trưởng kinh tế ước đạt 7,8%, vượt kế hoạch đề ra là 7,5%. "
        "Tỷ lệ lao động qua đào tạo đạt 72%, so với chỉ tiêu là 70%.\n"
    )
    figures = drafted(text).document["figures"]
    assert [(f["value"], f["qualifier"]) for f in figures] == [(Decimal("7.8"), "estimated"), (72, "exact")]
    plans = [[(c["basis"], c["kind"], c["value"], c["source"]["quote"]) for c in f["comparisons"]] for f in figures]
    assert plans == [
        [("plan", "from_value", Decimal("7.5"), "vượt kế hoạch đề ra là 7,5%")],
        [("plan", "from_value", 70, "so với chỉ tiêu là 70%")],
    ]
