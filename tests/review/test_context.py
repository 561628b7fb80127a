"""review.context: which article a review shows, and the quote in its sentence."""

from __future__ import annotations

from pathlib import Path

from chilinh_cli.review.context import around, article_path, folded, read_article


def test_the_article_is_the_one_given_else_the_one_the_draft_recorded(tmp_path: Path) -> None:
    draft = tmp_path / "drafts" / "town.json"
    draft.parent.mkdir()
    given = tmp_path / "given.txt"
    assert article_path(draft, {}, given) == given
    assert article_path(draft, {}, None) is None
    assert article_path(draft, {"metadata": {"document": "not an object"}}, None) is None
    beside = draft.parent / "article.txt"
    recorded = {"metadata": {"document": {"path": "article.txt"}}}
    assert article_path(draft, recorded, None) is None  # recorded, but not there
    beside.write_text("x", encoding="utf-8")
    assert article_path(draft, recorded, None) == beside  # beside the draft
    absolute = {"metadata": {"document": {"path": str(given)}}}
    given.write_text("y", encoding="utf-8")
    assert article_path(draft, absolute, None) == given  # as given


def test_a_quote_is_found_in_its_sentence_whatever_its_spacing(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("Mở đầu. Tổng thu ngân sách\nđạt  412,5 tỷ đồng. Kết thúc.\n".encode() + b"\xff")
    text = read_article(article)
    assert folded("a\u00a0 b\n c") == "a b c"
    found = around(text, "ngân sách đạt 412,5 tỷ đồng")
    assert found is not None
    before = found.text[: found.start]
    assert found.text[found.start : found.end] == "ngân sách đạt 412,5 tỷ đồng"
    assert "Tổng thu" in before
    assert "Mở đầu" not in before  # the sentence before is cut off
    assert around(text, "không có") is None
    assert around(text, "") is None
