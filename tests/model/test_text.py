"""The text helpers: folding for matching, neutralising control characters, transliteration."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.model.text import fold, safe, transliterate


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Tổng thu ngân sách") == "tong thu ngan sach"
    assert fold("ĐƠN THƯ") == "don thu"
    assert fold("budget-revenue") == "budget revenue"


@given(st.text())
def test_fold_is_idempotent_and_plain(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert all(ch == " " or ch.isalnum() for ch in folded)


def test_safe_neutralises_control_and_bidi() -> None:
    assert safe("a\x1b[31mb") == "a\ufffd[31mb"
    assert safe("x\u202ey") == "x\ufffdy"
    assert safe("line\nbreak\ttab") == "line break tab"
    assert safe("[bold]kept[/bold]") == "[bold]kept[/bold]"


@given(st.text())
def test_safe_never_lets_a_control_character_through(text: str) -> None:
    cleaned = safe(text)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in cleaned)
    assert not any(ch in cleaned for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_transliteration() -> None:
    assert (
        transliterate("Tổng thu ngân sách ≈ 967,3 tỷ đồng ↑ “x”", "ascii") == 'Tong thu ngan sach ~ 967,3 ty dong ^ "x"'
    )
    assert transliterate("Đơn thư", "latin-1") == "Don thu"
    assert transliterate("漢", "ascii") == "?"
