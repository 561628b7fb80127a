"""chilinh draft: an article in, a dataset draft out, that every command answers from at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chilinh_cli.cli.app import app
from readers import run, run_main, runner

ARTICLE = Path(__file__).parent.with_name("data") / "articles" / "huyen-an-hoa-2023.txt"


def test_draft_prints_the_draft_and_says_what_to_do_next() -> None:
    result = run("draft", str(ARTICLE))
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["metadata"]["locality"] == {"vi": "Huyện An Hòa, tỉnh Bình Lạc"}
    assert document["metadata"]["year"] == 2023
    assert len(document["figures"]) == 44
    assert result.stderr.startswith("drafted: figures 44, events 3, sections 6; every record is unchecked")
    assert "'chilinh validate FILE'" in result.stderr


def test_draft_writes_a_file_once_and_replaces_it_only_when_forced(tmp_path: Path) -> None:
    target = tmp_path / "an-hoa.json"
    assert run("draft", str(ARTICLE), "-o", str(target)).exit_code == 0
    first = target.read_text(encoding="utf-8")
    target.write_text("mine", encoding="utf-8")
    refused = run("draft", str(ARTICLE), "-o", str(target))
    assert refused.exit_code == 1
    assert refused.stderr == f"chilinh: error: {target} already exists; use --force to replace\n"
    assert target.read_text(encoding="utf-8") == "mine"
    assert run("draft", str(ARTICLE), "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["an-hoa.json"]  # no temporary file left


def test_a_draft_loads_and_every_command_answers_from_it(tmp_path: Path) -> None:
    target = tmp_path / "an-hoa.json"
    run("draft", str(ARTICLE), "-o", str(target))
    listed = run("list", "--data", str(target))
    assert listed.exit_code == 0
    assert "(unchecked)" in listed.stdout
    assert listed.stderr.endswith("Published 2024-01-08. 'chilinh metric' lists every figure.\n")  # no publisher yet
    metric = run("metric", "--data", str(target), "-f", "json")
    assert all(figure["checked"] is False for figure in json.loads(metric.stdout)["figures"])
    compare = run("compare", "--data", str(target), "-f", "csv")
    assert compare.exit_code == 0
    assert "6842315000000" in compare.stdout
    checked = run("validate", str(target))
    assert checked.exit_code == 0
    assert "valid (6 highlights, 44 figures, 3 events)" in checked.stdout
    assert "unchecked; label.en missing" in checked.stdout


def test_draft_reads_standard_input_and_takes_overrides() -> None:
    text = "Tổng kết năm 2023\n1. KINH TẾ\nThu ngân sách đạt 45 tỷ đồng.\n2. XÃ HỘI\nCó 12 hộ nghèo.\n"
    args = ["draft", "-", "--place", "Xã Yên Bình", "--year", "2023", "--title", "Xã Yên Bình 2023"]
    result = runner.invoke(app, args, input=text)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["metadata"]["locality"] == {"vi": "Xã Yên Bình"}
    assert document["metadata"]["title"] == "Xã Yên Bình 2023"
    assert [f["value"] for f in document["figures"]] == [45000000000, 12]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "not a text file"),
        (b"\xff\xfe\x00\xd8", "not UTF-8 text"),
        (b"Bai viet khong co nam nao.", "give the year with --year"),
    ],
)
def test_bad_articles_get_one_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = run("draft", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"chilinh: error: {path}: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_huge_file_is_refused_before_it_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = run("draft", str(path))
    assert result.exit_code == 1
    assert "the file has 50.0 MiB; a review article is far smaller, and draft reads at most 5 MiB" in result.stderr


def test_a_very_long_line_and_a_text_without_figures() -> None:
    line = "Năm 2023 huyện Tam Dương " + "phát triển bền vững " * 20000
    result = runner.invoke(app, ["draft", "-"], input=line)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["figures"] == []
    assert "states no figure" in result.stderr


def test_draft_speaks_vietnamese_and_refuses_usage_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run("draft", str(ARTICLE), "--lang", "vi")
    assert result.stderr.startswith("đã lập nháp: 44 số liệu, 3 sự kiện, 6 mục")
    assert run("draft").exit_code == 2
    assert run("draft", str(ARTICLE), "--year", "20x").exit_code == 2
    assert run("draft", str(ARTICLE), "-o", "").exit_code == 2
    code, out, _ = run_main(monkeypatch, capsys, "draft", "--help", "--lang", "vi")
    assert code == 0
    assert "Lập bản nháp tập dữ liệu" in out
    assert "--place <địa-phương>" in out


def test_draft_never_writes_over_its_article(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLE.read_bytes())
    refused = run("draft", str(article), "-o", str(article), "--force")
    assert refused.exit_code == 1
    assert refused.stderr == f"chilinh: error: {article} is the article itself; write the draft to another file\n"
    assert article.read_bytes() == ARTICLE.read_bytes()
