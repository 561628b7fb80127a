"""The numbers a quote writes, read as the draft grammar reads them; each test article's draft agrees with it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.draft import compose
from chilinh_cli.draft.against import disagreements, numbers_in
from chilinh_cli.draft.article import decode
from chilinh_cli.reading.loader import parse_and_validate


def _vietnamese(whole: int, tenths: int | None) -> str:
    grouped = f"{whole:,}".replace(",", ".")
    return grouped if tenths is None else f"{grouped},{tenths}"


@given(st.integers(min_value=0, max_value=10**9), st.one_of(st.none(), st.integers(min_value=0, max_value=9)))
def test_a_number_written_in_vietnamese_notation_is_read_exactly(whole: int, tenths: int | None) -> None:
    written = _vietnamese(whole, tenths)
    expected = Decimal(whole) if tenths is None else Decimal(f"{whole}.{tenths}")
    assert expected in numbers_in(f"đạt {written}%")


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=9))
def test_billions_of_dong_are_read_with_their_scale(whole: int, tenths: int) -> None:
    quote = f"tổng thu đạt {_vietnamese(whole, tenths)} tỷ đồng"
    assert Decimal(f"{whole}.{tenths}") * 10**9 in numbers_in(quote)


def test_a_share_and_a_range_give_each_of_their_numbers() -> None:
    assert {Decimal(10), Decimal(12)} <= numbers_in("10/12 chỉ tiêu")
    assert {Decimal(58), Decimal(60)} <= numbers_in("đạt 58-60 tạ/ha")


def test_a_scale_written_once_counts_for_each_number_of_the_quote() -> None:
    # the low end of a range whose unit is written after its high end
    assert {Decimal(12) * 10**9, Decimal(15) * 10**9} <= numbers_in("mỗi phường được đầu tư từ 12 đến 15 tỷ đồng")
    # a table row whose unit is a cell of its own, before the numbers (capitalised)
    row = "Thu ngân sách nhà nước trên địa bàn | Tỷ đồng | 410 | 452,7 | 110,4"
    assert {Decimal(410) * 10**9, Decimal("452.7") * 10**9, Decimal("110.4")} <= numbers_in(row)
    assert Decimal(2100) * 10**6 in numbers_in("Tổng vốn | Triệu đồng | 2.100")
    # no scale word: no number is scaled ('452,7' is not 452.7 billion of anything)
    assert Decimal("452.7") * 10**9 not in numbers_in("đạt 452,7 điểm")


ARTICLES = sorted(Path(__file__).parent.with_name("data").glob("articles*/*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{path.parent.name}/{path.stem}" for path in ARTICLES])
def test_every_test_articles_draft_agrees_with_its_article(path: Path) -> None:
    """What `draft` writes, `validate --article` finds in the article: the numbers of table rows
    whose unit is a cell ('Tr.dong'), a range's ends with the scale written once, 'gap doi'."""
    text = decode(path.read_bytes(), path.name)
    document = compose.draft(text, path.name).document
    dataset = parse_and_validate(compose.exact_json(document).encode(), path.name)
    assert [(each.record, each.id, each.reason.en) for each in disagreements(dataset, text)] == []
