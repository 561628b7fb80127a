"""With --lang vi, headers, footnotes, notes and messages are Vietnamese, not only the labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chilinh_cli.cli import app

runner = CliRunner()
ENGLISH = re.compile(
    r"\b(Figure|Value|Source|Highlight|Headline|Change|Direction|Field|Year|Note|Comparison|derived|"
    r"against|more than|nearly|section|billion|VND|error|did you mean|matches|left out|Summary|Title)\b"
)


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["metric"],
        ["metric", "revenue"],
        ["metric", "petitions"],
        ["metric", "party-members"],
        ["compare"],
        ["compare", "--chart"],
        ["show", "4"],
        ["show", "3"],
        ["show", "7"],
        ["search", "bau cu"],
        ["list", "-f", "markdown"],
        ["metric", "revnue"],
        ["metric", "petition"],
        ["compare", "--year", "2019"],
        ["show", "nope"],
        ["search", "zzzz"],
    ],
)
def test_vietnamese_output_has_no_english_words(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--lang", "vi"])
    text = result.stdout + result.stderr
    assert text.strip()
    # ids, slugs, source quotes and the English title row of 'show' are data; drop them
    text = "\n".join(line for line in text.splitlines() if not line.startswith("Tiêu đề (tiếng Anh)"))
    scrubbed = re.sub(r"[a-z0-9]+(?:-[a-z0-9]+)+|'[^']*'|“[^”]*”", "", text)
    assert not ENGLISH.search(scrubbed), ENGLISH.search(scrubbed)


def test_vietnamese_messages_of_export_and_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert "hợp lệ (10 dấu ấn, 37 số liệu, 4 sự kiện)" in runner.invoke(app, ["validate"]).stdout
    path = tmp_path / "x.db"
    assert "đã ghi" in runner.invoke(app, ["export", "sqlite", str(path)]).stderr
    assert "dùng --force để ghi đè" in runner.invoke(app, ["export", "sqlite", str(path)]).stderr
    missing = runner.invoke(app, ["validate", str(tmp_path / "none.json")])
    assert "không có tệp này" in missing.stderr
