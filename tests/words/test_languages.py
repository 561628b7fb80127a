"""Vietnamese and English across commands: help pages, usage errors, messages and data-file problems."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.cli.app import app
from readers import ENGLISH, Writer, english_words, run_main, runner


def test_the_english_vocabulary_is_real() -> None:
    # The check below is only as good as this list: it must hold the words of the help.
    assert {"the", "and", "figure", "highlight", "Usage", "Options", "default", "Missing"} <= ENGLISH
    assert english_words("Usage: chilinh [OPTIONS] COMMAND [ARGS]...") == {"Usage", "OPTIONS", "COMMAND", "ARGS"}


# ---- help pages ---------------------------------------------------------------------------


HELP_PAGES = [[], ["list"], ["show"], ["metric"], ["compare"], ["search"], ["validate"], ["schema"], ["export"]]
HELP_PAGES += [["export", "sqlite"], ["export", "csv"]]


@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "chilinh")
def test_help_pages_in_vietnamese(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys, "--lang", "vi", *command, "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"Cách dùng: chilinh {' '.join(command)}".rstrip() + " [TUỲ-CHỌN]")
    assert "Tuỳ chọn:" in out
    assert "Hiện hướng dẫn này rồi thoát." in out
    assert not english_words(out), english_words(out)


@pytest.mark.parametrize("command", HELP_PAGES, ids=lambda c: " ".join(c) or "chilinh")
def test_help_pages_in_english_are_clicks_own(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(monkeypatch, capsys, *command, "--help")
    assert code == 0
    # the same page as Click's own, but for the wrapping (the test runner's terminal is narrower)
    page = runner.invoke(app, [*command, "--help"]).stdout
    assert out.split("Commands:")[0].split() == page.split("Commands:")[0].split()
    assert out.startswith("Usage: chilinh")


def test_vietnamese_help_names_the_defaults_and_arguments(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_main(monkeypatch, capsys, "metric", "-h", "-l", "vi")
    assert "Cách dùng: chilinh metric [TUỲ-CHỌN] [tên]" in out
    assert "[biến môi trường: CHILINH_DATA]" in " ".join(out.split())
    assert "--data <đường-dẫn>" in out
    assert "--export-svg <tệp>" in out
    _, out, _ = run_main(monkeypatch, capsys, "--lang", "vi", "--help")
    assert "Lệnh:" in out
    assert "list      Mười dấu ấn của năm, kèm các số liệu chính." in out
    _, out, _ = run_main(monkeypatch, capsys, "compare", "--help", "--lang", "vi")
    assert "-y, --year <năm>" in out
    assert "Ví dụ:" in out


def test_a_vietnamese_locale_gives_vietnamese_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert run_main(monkeypatch, capsys, "--help")[1].startswith("Cách dùng:")
    monkeypatch.setenv("CHILINH_LANG", "en")
    assert run_main(monkeypatch, capsys, "--help")[1].startswith("Usage:")


# ---- usage errors -------------------------------------------------------------------------


BAD_USAGE: list[tuple[list[str], str]] = [
    (["list", "--format", "xml"], "giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải là một trong"),
    (["lisst"], "không có lệnh 'lisst'. Có phải bạn muốn 'list'?"),
    (["nothing-like-it"], "không có lệnh 'nothing-like-it'."),
    (["compare", "--yeer", "3"], "không có tuỳ chọn --yeer (có thể bạn muốn: --year)"),
    (["list", "--frobnicate"], "không có tuỳ chọn --frobnicate"),
    (["export", "csv"], "thiếu đối số 'thư-mục'."),
    (["search"], "thiếu đối số 'từ-khoá'."),
    (["compare", "--year", "1800"], "1800 nằm ngoài khoảng 1900<=x<=2200."),
    (["compare", "--year", "twenty"], "'twenty' không phải là số nguyên."),
    (["compare", "--year"], "tuỳ chọn '--year' cần một giá trị."),
    (["list", "--no-color=yes"], "tuỳ chọn '--no-color' không nhận giá trị."),
    (["list", "surplus"], "thừa đối số (surplus)."),
    (["metric", ""], "giá trị không hợp lệ cho 'tên': giá trị rỗng"),
    (["search", "x" * 201], "giá trị không hợp lệ cho 'từ-khoá': dài hơn 200 ký tự"),
    (["compare", "--chart", "-f", "json"], "--chart vẽ biểu đồ cho người đọc; hãy dùng nó với --format table"),
    (["--debug"], "thiếu lệnh."),
    (["list", "--export-svg", ""], "giá trị không hợp lệ cho '--export-svg': đường dẫn rỗng không chỉ tới tệp nào"),
    (["export", "sqlite", "-"], "giá trị không hợp lệ cho 'đường-dẫn': '-' không chỉ tới tệp nào ở đây"),
    (["compare", "--year", "2020.0"], "'2020.0' không phải là số nguyên."),
    (
        ["validate", "/", "--article", "a.txt"],
        "giá trị không hợp lệ cho '--article': tuỳ chọn này đối chiếu một tệp dữ liệu với một bài viết, "
        "mà / là một thư mục: hãy cho một tệp trong đó, hoặc bỏ --article",
    ),
]


@pytest.mark.parametrize("args", [["list", "--export-svg", "/"], ["export", "sqlite", "/"]])
def test_a_directory_is_refused_in_vietnamese(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys, "-l", "vi", *args)
    assert (code, out, err) == (1, "", "chilinh: lỗi: /: là một thư mục\n")


@pytest.mark.parametrize(("args", "expected"), BAD_USAGE, ids=lambda a: " ".join(a)[:40] if isinstance(a, list) else "")
def test_usage_errors_in_vietnamese(
    args: list[str], expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys, "-l", "vi", *args)
    assert (code, out) == (2, "")
    # Click gives the usage lines only when it knows the command (not for a bad option value)
    assert err.startswith(("Cách dùng: chilinh", "Lỗi: "))
    assert err.startswith("Lỗi: ") or "để biết cách dùng.\n\nLỗi: " in err
    assert expected in err
    assert not english_words(err), english_words(err)


@pytest.mark.parametrize(("args", "expected"), BAD_USAGE, ids=lambda a: " ".join(a)[:40] if isinstance(a, list) else "")
def test_usage_errors_in_english_are_unchanged(
    args: list[str], expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_main(monkeypatch, capsys, *args)
    assert code == 2
    assert err.split() == runner.invoke(app, args).stderr.split()
    assert err.startswith(("Usage: chilinh", "Error: "))


# ---- answers and messages -----------------------------------------------------------------


ENGLISH_TERMS = re.compile(
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
    assert not ENGLISH_TERMS.search(scrubbed), ENGLISH_TERMS.search(scrubbed)


def test_vietnamese_messages_of_export_and_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert "hợp lệ (10 dấu ấn, 37 số liệu, 4 sự kiện)" in runner.invoke(app, ["validate"]).stdout
    path = tmp_path / "x.db"
    assert "đã ghi" in runner.invoke(app, ["export", "sqlite", str(path)]).stderr
    assert "dùng --force để ghi đè" in runner.invoke(app, ["export", "sqlite", str(path)]).stderr
    missing = runner.invoke(app, ["validate", str(tmp_path / "none.json")])
    assert "không có tệp này" in missing.stderr


def test_lang_before_the_command_applies_to_it() -> None:
    listed = runner.invoke(app, ["--lang", "vi", "list"])
    assert listed.exit_code == 0
    assert listed.stdout.startswith("#\tDấu ấn\tSố liệu chính")
    assert "Tổng thu ngân sách: hơn 967,3 tỷ đồng" in listed.stdout
    # the command's own --lang wins
    assert runner.invoke(app, ["--lang", "vi", "list", "--lang", "en"]).stdout.startswith("#\tHighlight")
    failed = runner.invoke(app, ["--lang", "vi", "metric", "revnue"])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("chilinh: lỗi: không có số liệu nào tên 'revnue'; có phải bạn muốn")


def test_validate_and_export_take_lang(tmp_path: Path) -> None:
    checked = runner.invoke(app, ["validate", "--lang", "vi"])
    assert checked.stdout.endswith(": hợp lệ (10 dấu ấn, 37 số liệu, 4 sự kiện)\n")
    written = runner.invoke(app, ["export", "sqlite", str(tmp_path / "x.db"), "-l", "vi"])
    assert re.fullmatch(rf"đã ghi {re.escape(str(tmp_path / 'x.db'))}: \d+ bảng, \d+ dòng\n", written.stderr)
    again = runner.invoke(app, ["export", "csv", str(tmp_path / "t"), "--lang", "vi"])
    assert again.exit_code == 0
    assert again.stderr.startswith(f"đã ghi {tmp_path / 't'}: datasets.csv, units.csv, highlights.csv")


def test_search_and_list_speak_vietnamese_to_the_end() -> None:
    found = runner.invoke(app, ["search", "revenue", "-l", "vi"]).stdout.splitlines()
    assert found[0] == "Loại\tMã\tTên\tKhớp ở\tNội dung"
    assert found[1].split("\t")[3:] == ["tên khác", "revenue"]
    assert "\ttóm tắt (tiếng Anh)\t" in "\n".join(found)
    listed = runner.invoke(app, ["list", "-l", "vi"])
    assert (
        listed.stderr
        == "Nguồn: Báo điện tử Đảng Cộng sản Việt Nam, 11/01/2022. 'chilinh metric' liệt kê mọi số liệu.\n"
    )


# ---- data-file problems -------------------------------------------------------------------


def test_every_problem_of_a_broken_file_in_vietnamese(document: dict[str, Any], write_dataset: Writer) -> None:
    figures = document["figures"]
    figures[0]["unit"] = "furlongs"
    figures[1]["value"] = "99"
    figures[2].pop("label")
    figures[3]["colour"] = "red"
    figures[4]["source"]["section"] = 10001
    figures[5]["aliases"] = "revenue"
    document["metadata"]["published"] = "2022-13-45"
    document["highlights"][0]["slug"] = "x" * 81
    path = write_dataset(document)
    result = runner.invoke(app, ["validate", str(path), "--lang", "vi"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"chilinh: lỗi: {path}: tập dữ liệu không hợp lệ (8 lỗi)"
    expected = {
        "  figures[0].unit: phải là 'vnd', 'usd', 'percent', 'count', 'days', 'share' hoặc 'quantity'",
        "  figures[1].value: phải là một số",
        "  figures[2].label: thiếu trường bắt buộc này",
        "  figures[3].colour: trường lạ (định dạng không có trường này)",
        "  figures[4].source.section: phải nhỏ hơn hoặc bằng 10000",
        "  figures[5].aliases: phải là một danh sách (mảng JSON)",
        "  metadata: 'published' phải là một ngày viết YYYY-MM-DD",
        "  highlights[0].slug: chỉ được có nhiều nhất 80 ký tự",
    }
    assert set(lines[1:]) == expected


def test_cross_record_problems_in_vietnamese(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][1]["id"] = document["figures"][0]["id"]
    document["highlights"][0]["figures"].append("nope")
    document["events"].append({**document["events"][0], "id": "stray"})
    path = write_dataset(document)
    message = runner.invoke(app, ["validate", str(path), "-l", "vi"]).stderr
    assert "đã là mã hoặc tên khác của số liệu 0" in message
    assert "highlights[0].figures[3]: không có số liệu nào có mã 'nope'" in message
    assert "không thuộc dấu ấn nào" in message


def test_file_system_problems_in_vietnamese(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["list", "--data", str(tmp_path / "none.json"), "--lang", "vi"])
    assert missing.stderr == f"chilinh: lỗi: {tmp_path / 'none.json'}: không có tệp này\n"
    directory = runner.invoke(app, ["list", "--data", str(tmp_path), "--lang", "vi"])
    # a directory is a catalog: this one holds no data file
    assert directory.stderr == f"chilinh: lỗi: {tmp_path}: không có tệp dữ liệu nào (*.json)\n"
