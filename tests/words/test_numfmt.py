"""Numbers and amounts of money written in both languages, and read back as a person reads them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.words.language import Lang
from chilinh_cli.words.numfmt import format_money, format_number
from readers import parse_number, parse_vi_amount


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (13_416_446_000_000, "vi", "13.416,446 tỷ đồng"),
        (13_416_446_000_000, "en", "VND 13,416.446 billion"),
        (967_300_000_000, "vi", "967,3 tỷ đồng"),
        (967_300_000_000, "en", "VND 967.3 billion"),
        (13_416_400_000_000, "vi", "13.416,4 tỷ đồng"),
        (5_000_000, "en", "VND 5 million"),
        (5_000_000, "vi", "5 triệu đồng"),
        (950, "vi", "950 đồng"),
        (950, "en", "VND 950"),
        (-2_455_000_000_000, "en", "VND -2,455 billion"),
    ],
)
def test_money(value: int, lang: Lang, text: str) -> None:
    assert format_money(value, lang) == text


def test_numbers() -> None:
    assert format_number(Decimal("99.92"), "vi") == "99,92"
    assert format_number(Decimal("99.92"), "en") == "99.92"
    assert format_number(7000, "vi") == "7.000"
    assert format_number(Decimal("1.50"), "en") == "1.5"
    assert format_number(Decimal("100.0"), "en") == "100"
    assert format_number(Decimal("-1234.5"), "en") == "-1,234.5"


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**18), max_value=10**18, places=4),
    st.sampled_from(["vi", "en"]),
)
def test_format_then_parse_round_trips(value: Decimal, lang: Lang) -> None:
    assert parse_number(format_number(value, lang), lang) == value


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=999))
def test_vietnamese_mixed_units_add_up(billions: int, millions: int) -> None:
    text = f"{format_number(billions, 'vi')} tỷ {millions} triệu đồng"
    assert parse_vi_amount(text) == billions * 10**9 + millions * 10**6


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13.416 tỷ 446 triệu đồng", 13_416_446_000_000),
        ("gần 3.691 tỷ đồng 996 triệu đồng", 3_691_996_000_000),
        ("hơn 967,3 tỷ đồng", 967_300_000_000),
        ("gần 7 nghìn người là F1", 7000),
        ("sức chứa lên đến hơn 7.000 người", 7000),
        ("tỷ lệ 98,51%", Decimal("98.51")),
    ],
)
def test_parse_vi_amount(text: str, value: int | Decimal) -> None:
    assert parse_vi_amount(text) == value


def test_parse_vi_amount_needs_digits() -> None:
    with pytest.raises(ValueError, match="no number"):
        parse_vi_amount("một nửa")
