"""Drafting whatever an article holds: numbers too long to be figures are text (read in linear
time), and no-break spaces, tabs for spaces and U+2028 line separators read as spaces and lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.draft import lexicon
from readers import REPO, run

HEAD = "B\u00e1o c\u00e1o kinh t\u1ebf n\u0103m 2023 c\u1ee7a th\u00e0nh ph\u1ed1 H\u1ed3 Sen (h\u01b0 c\u1ea5u)\n\n"
SENTENCE = "Doanh thu \u0111\u1ea1t {number} t\u1ef7 \u0111\u1ed3ng, t\u0103ng 5% so v\u1edbi n\u0103m tr\u01b0\u1edbc."


def _draft(path: Path) -> dict[str, Any]:
    done = run("draft", str(path))
    assert "internal error" not in done.stderr
    assert done.exit_code == 0, done.stderr[-500:]
    drafted: dict[str, Any] = json.loads(done.stdout)
    return drafted


@pytest.mark.parametrize("number", ["7" * 5000, "1" + ".234" * 350_000], ids=["5000 digits", "350000 groups"])
def test_a_number_too_long_to_be_a_figure_is_text(tmp_path: Path, number: str) -> None:
    article = tmp_path / "long-number.txt"
    article.write_text(HEAD + SENTENCE.format(number=number) + "\n", encoding="utf-8")
    drafted = _draft(article)
    assert all(len(str(figure["value"])) < 40 for figure in drafted["figures"])


def test_the_number_pattern_is_bounded() -> None:
    assert lexicon.NUMBER.search("x 1.234.567 y") is not None
    assert lexicon.NUMBER.search("x " + "9" * 19 + " y") is None
    assert lexicon.NUMBER.search("x 1" + ".234" * 6 + " y") is None


ARTICLE = REPO / "tests" / "data" / "articles" / "huyen-an-hoa-2023.txt"


@pytest.mark.parametrize(
    ("name", "spoil"),
    [
        ("no-break spaces", lambda text: text.replace(" ", "\u00a0")),
        ("tabs for spaces", lambda text: text.replace(" ", "\t")),
        ("line separators", lambda text: text.replace("\n", "\u2028")),
        ("paragraph separators", lambda text: text.replace("\n\n", "\u2029")),
    ],
)
def test_spaces_and_lines_as_other_tools_write_them_draft_the_same(tmp_path: Path, name: str, spoil: Any) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    spoilt = tmp_path / "spoilt.txt"
    spoilt.write_text(spoil(text), encoding="utf-8")
    expected = [(f["id"], f["value"]) for f in _draft(plain)["figures"]]
    assert len(expected) >= 40
    assert [(f["id"], f["value"]) for f in _draft(spoilt)["figures"]] == expected
