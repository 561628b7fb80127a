"""The text helpers: folding for matching, neutralising control characters, transliteration."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.model.text import fold, safe, transliterate, unsafe_chars


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Tổng thu ngân sách") == "tong thu ngan sach"
    assert fold("ĐƠN THƯ") == "don thu"
    assert fold("budget-revenue") == "budget revenue"


@given(st.text())
def test_fold_is_idempotent_and_plain(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert all(ch == " " or ch.isalnum() for ch in folded)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_fold_of_ascii_text_takes_the_shortcut_to_the_same_key(text: str) -> None:
    # A combining mark sends the text down the decomposing path, and folds away.
    assert fold(text) == fold(text + "\u0301")


def test_every_unsafe_character_is_unprintable() -> None:
    # What lets safe() and JSON output skip the search for printable text.
    unsafe = [chr(point) for point in range(0x10000) if unsafe_chars().fullmatch(chr(point))]
    assert len(unsafe) == 32 - 2 + 33 + 1 + 2 + 5 + 4 + 2048  # C0 but tab and LF, DEL and C1, bidi, surrogates
    assert not any(ch.isprintable() for ch in unsafe)


@given(st.text())
def test_safe_is_the_search_whether_or_not_it_searches(text: str) -> None:
    spaced = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    assert safe(text) == unsafe_chars().sub("\ufffd", spaced)


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


@given(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True))
def test_the_fold_of_a_kebab_case_slug_is_its_words(slug: str) -> None:
    # What lets the store fold a figure's id and aliases by replacing their hyphens (reading.intake).
    assert fold(slug) == slug.replace("-", " ")
