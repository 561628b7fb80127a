"""The numbers a quote writes, read as the draft grammar reads them (property tests)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.draft.against import numbers_in


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
