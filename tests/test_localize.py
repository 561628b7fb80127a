"""Vietnamese all the way: help pages, usage errors and data-file problems, not only the answers."""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer._click.exceptions import BadParameter, MissingParameter, UsageError
from typer.exceptions import Abort
from typer.main import get_command
from typer.testing import CliRunner

from chilinh_cli import entry
from chilinh_cli.cli import app
from chilinh_cli.click_bridge import HELP, help_vi, message_vi, usage_error_text
from chilinh_cli.errors import DataFileError
from chilinh_cli.language import default_language, requested_language
from chilinh_cli.loader import embedded_path, parse_and_validate, parse_json
from readers import help_texts

runner = CliRunner()

# Words that are the same in both languages: option values, names of formats,
# tables and environment variables, and the program's own commands.
SHARED = {
    "table", "json", "csv", "markdown", "en", "vi", "chilinh", "jq", "rows", "id", "ls", "tables", "datasette",
    "highlights", "figures", "comparisons", "sources", "events", "JSON", "Schema", "SQLite", "CSV", "UTF", "GitHub",
    "SVG", "LANG", "CHILINH_LANG", "CHILINH_DATA", "CHILINH_DEBUG", "NO_COLOR", "TERM", "dumb", "shell", "tab",
    "list", "show", "metric", "compare", "search", "validate", "schema", "export", "sqlite", "revenue", "economy",
    "petitions", "growth", "db", "Linh", "units", "figure_aliases", "LC_ALL", "LC_MESSAGES",
    "my", "city", "thu", "ngan", "sach", "bau", "cu", "force", "year", "chart",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_]{3,}", text))


ENGLISH = (
    {word for text in help_texts(get_command(app)) for word in _words(text)}
    | _words("Usage Options Arguments Commands Examples Try for help Error Invalid value default env var required")
    | _words("Missing argument option command such Did you mean not one valid integer range extra unexpected")
    | _words("requires does take empty more than characters problem problems invalid dataset file")
    | _words("OPTIONS COMMAND ARGS")
) - SHARED


def english_words(text: str) -> set[str]:
    """English words in a text, leaving out option names, quoted values and example command lines."""
    kept = [line for line in text.splitlines() if not line.strip().startswith("chilinh ")]
    scrubbed = re.sub(r"--?[a-z][a-z-]*|'[^']*'|\"[^\"]*\"|<[^>]*>|\S+\.(?:json|svg|db)\b", " ", "\n".join(kept))
    return _words(scrubbed) & ENGLISH


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the console script in this process, exactly as the installed `chilinh` runs."""
    monkeypatch.setattr(sys, "argv", ["chilinh", *args])
    # Click names the program after `python -m <package>` when there is one: here, pytest.
    monkeypatch.setattr(sys.modules["__main__"], "__package__", None)
    with pytest.raises(SystemExit) as stopped:
        entry.run()
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_the_english_vocabulary_is_real() -> None:
    # The check below is only as good as this list: it must hold the words of the help.
    assert {"the", "and", "figure", "highlight", "Usage", "Options", "default", "Missing"} <= ENGLISH
    assert english_words("Usage: chilinh [OPTIONS] COMMAND [ARGS]...") == {"Usage", "OPTIONS", "COMMAND", "ARGS"}


# ---- help pages ---------------------------------------------------------------------------


def test_every_help_text_has_its_vietnamese() -> None:
    missing = [text for text in help_texts(get_command(app)) if help_vi(text) == text]
    assert not missing, "add these to click_bridge.HELP: " + repr(missing)
    unused = {msg.en for msg in HELP} - set(help_texts(get_command(app))) - {"Show this message and exit.", "Examples:"}
    assert not unused, "these Vietnamese texts translate nothing: " + repr(unused)


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
    assert "[mặc định: table]" in out
    assert "[biến môi trường: CHILINH_DATA]" in out
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
    (["show"], "thiếu đối số 'dấu-ấn'."),
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
    (["list", "--export-svg", "/"], "giá trị không hợp lệ cho '--export-svg': '/' là một thư mục."),
    (["export", "sqlite", "/"], "giá trị không hợp lệ cho 'đường-dẫn': '/' là một thư mục."),
]


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


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("File 'a b' is a file.", "'a b' là một tệp, không phải thư mục."),
        ("Path 'x' is not readable.", "không đọc được 'x'."),
        ("Directory 'x' is not writable.", "không ghi được vào 'x'."),
        ("File 'x' does not exist.", "không có 'x'."),
        ("Option '--year' requires an argument.", "tuỳ chọn '--year' cần một giá trị."),
    ],
)
def test_clicks_path_messages(english: str, vietnamese: str) -> None:
    assert message_vi(english) == vietnamese


def test_unknown_messages_stay_as_they_are() -> None:
    assert message_vi("something Click may say one day") == "something Click may say one day"
    assert help_vi("An option nobody translated.  [default: 3]") == "An option nobody translated.  [default: 3]"
    assert help_vi("[required]") == "[bắt buộc]"
    assert help_vi("Replace files that already exist.  [env var: X; required]") == (
        "Ghi đè các tệp đã có.  [biến môi trường: X; bắt buộc]"
    )


@pytest.mark.parametrize(
    ("error", "vietnamese"),
    [
        (BadParameter("it is empty"), "Lỗi: giá trị không hợp lệ: giá trị rỗng\n"),
        (
            BadParameter("it is empty", param_hint=["--a", "-b"]),
            "Lỗi: giá trị không hợp lệ cho '--a' / '-b': giá trị rỗng\n",
        ),
        (MissingParameter(param_type="option"), "Lỗi: thiếu tuỳ chọn.\n"),
        (MissingParameter(param_hint="'--x'", param_type="parameter"), "Lỗi: thiếu tham số '--x'.\n"),
        (UsageError("Missing command."), "Lỗi: thiếu lệnh.\n"),
    ],
)
def test_usage_errors_without_a_command(error: UsageError, vietnamese: str) -> None:
    assert usage_error_text(error, "vi") == vietnamese
    assert usage_error_text(error, "en").startswith("Error: ")


def test_abort_and_a_closed_pipe(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def abort(*args: object) -> None:
        raise Abort

    monkeypatch.setattr("chilinh_cli.sheets.sheet", abort)
    assert run_main(monkeypatch, capsys, "list", "-l", "vi")[:3] == (1, "", "chilinh: đã huỷ\n")
    assert run_main(monkeypatch, capsys, "list")[2] == "chilinh: aborted\n"

    def gone(lang: str) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(entry, "_run", gone)
    assert run_main(monkeypatch, capsys, "list") == (0, "", "")


def test_no_arguments_shows_the_help_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Usage: chilinh [OPTIONS] COMMAND [ARGS]...")
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    code, out, err = run_main(monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Cách dùng: chilinh [TUỲ-CHỌN] LỆNH [ĐỐI-SỐ]...")


# ---- which language -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (["list", "--lang", "vi"], {}, "vi"),
        (["list", "--lang=VI"], {}, "vi"),
        (["list", "-lvi"], {}, "vi"),
        (["-l", "vi", "list"], {}, "vi"),
        (["list", "-l", "vi", "--lang", "en"], {}, "en"),
        (["list", "--lang", "fr"], {"LANG": "vi_VN.UTF-8"}, "vi"),
        (["search", "--", "--lang", "vi"], {}, "en"),
        (["list", "--lang"], {}, "en"),
        (["list"], {"CHILINH_LANG": "vi", "LANG": "en_GB.UTF-8"}, "vi"),
        (["list"], {"CHILINH_LANG": "klingon", "LC_ALL": "vi_VN"}, "vi"),
        (["list"], {"LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
        (["list"], {"LC_MESSAGES": "vi_VN.UTF-8"}, "vi"),
        (["list"], {}, "en"),
    ],
)
def test_requested_language(args: list[str], environ: dict[str, str], expected: str) -> None:
    assert requested_language(args, environ) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["--lang", "-l", "vi", "en", "VI", "--", "-lvi", "--lang=en", "x", ""]) | st.text()))
def test_requested_language_is_always_one_we_speak(args: list[str]) -> None:
    chosen = requested_language(args, {})
    assert chosen in ("en", "vi")
    if "vi" not in "".join(args).lower():
        assert chosen == "en"


def test_default_language_reads_the_environment() -> None:
    assert default_language({}) == "en"
    assert default_language({"LANG": "vi_VN.UTF-8"}) == "vi"
    assert default_language({"CHILINH_LANG": " VI "}) == "vi"


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
    assert again.stderr.startswith(f"đã ghi {tmp_path / 't'}: units.csv, highlights.csv")


# ---- data-file problems -------------------------------------------------------------------

Writer = Callable[[Any], Path]


def test_every_problem_of_a_broken_file_in_vietnamese(document: dict[str, Any], write_dataset: Writer) -> None:
    figures = document["figures"]
    figures[0]["unit"] = "furlongs"
    figures[1]["value"] = "99"
    figures[2].pop("label")
    figures[3]["colour"] = "red"
    figures[4]["source"]["section"] = 11
    figures[5]["aliases"] = "revenue"
    document["metadata"]["published"] = "2022-13-45"
    document["highlights"][0]["slug"] = "x" * 81
    path = write_dataset(document)
    result = runner.invoke(app, ["validate", str(path), "--lang", "vi"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"chilinh: lỗi: {path}: tập dữ liệu không hợp lệ (8 lỗi)"
    expected = {
        "  figures[0].unit: phải là 'vnd', 'percent', 'count', 'days' hoặc 'share'",
        "  figures[1].value: phải là một số",
        "  figures[2].label: thiếu trường bắt buộc này",
        "  figures[3].colour: trường lạ (định dạng không có trường này)",
        "  figures[4].source.section: phải nhỏ hơn hoặc bằng 10",
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


@pytest.mark.parametrize(
    ("raw", "vietnamese"),
    [
        (b"", "là tệp rỗng"),
        (b'{"a": }', "không phải JSON hợp lệ: thiếu một giá trị (dòng 1, cột 7)"),
        (b'{"a": 1 "b": 2}', "thiếu dấu phẩy ','"),
        (b'{"a" 1}', "thiếu dấu hai chấm ':'"),
        (b"{'a': 1}", "thiếu tên khoá trong ngoặc kép"),
        (b'{"a": "b', "chuỗi không được đóng"),
        (b'{"a": "\x01"}', "ký tự điều khiển không hợp lệ trong chuỗi"),
        (b'{"a": "\\q"}', "chuỗi thoát \\ không hợp lệ"),
        (b'{"a": "\\u12"}', "mã \\uXXXX không hợp lệ"),
        (b"{} []", "còn dữ liệu thừa sau tài liệu JSON"),
        (b'{"a": 1, "a": 2}', "khoá 'a' xuất hiện hai lần trong một đối tượng"),
        (b'{"a": NaN}', "NaN không phải là số mà tập dữ liệu được chứa"),
        (b'{"a": ' + b"9" * 5000 + b"}", "có một số nguyên quá dài để đọc"),
        (b"\xff\xfe", "không phải văn bản UTF-8 (byte sai ở vị trí 0)"),
        (b"[1, 2]", "cấp ngoài cùng phải là một đối tượng JSON, không phải một mảng"),
        (b"null", "không phải null"),
        (b"true", "không phải true hay false"),
        (b"3.5", "không phải một số"),
        (b"[" * 100_000, "lồng nhau quá sâu"),
    ],
)
def test_whole_file_problems_in_vietnamese(raw: bytes, vietnamese: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_json(raw, "x.json")
    assert vietnamese in caught.value.message("vi")
    assert caught.value.message("vi").startswith("x.json: ")
    assert not english_words(caught.value.message("vi"))


def test_file_system_problems_in_vietnamese(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["list", "--data", str(tmp_path / "none.json"), "--lang", "vi"])
    assert missing.stderr == f"chilinh: lỗi: {tmp_path / 'none.json'}: không có tệp này\n"
    directory = runner.invoke(app, ["list", "--data", str(tmp_path), "--lang", "vi"])
    assert directory.stderr.endswith("là một thư mục, không phải tệp dữ liệu\n")


# Values that break a field in every way the format can be broken.
WRONG = [None, "x", "", Decimal("1.5"), -1, 0, 10**6, [], {}, True, "2021-13-45", "x" * 100, ["a"], {"vi": "a"}]


PRISTINE = json.loads(embedded_path().read_text(encoding="utf-8"))


@settings(max_examples=250, deadline=None)
@given(data=st.data())
def test_any_broken_field_is_explained_in_vietnamese(field_paths: list[tuple[Any, ...]], data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(field_paths))
    action = data.draw(st.sampled_from(["replace", "delete", "extra"]))
    wrong = data.draw(st.sampled_from(WRONG))
    broken = copy.deepcopy(PRISTINE)
    parent = broken
    for key in path[:-1]:
        parent = parent[key]
    if action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif action == "extra" and isinstance(parent[path[-1]], dict):
        parent[path[-1]]["unexpected"] = 1
    else:
        parent[path[-1]] = copy.deepcopy(wrong)
    raw = json.dumps(broken, ensure_ascii=False, default=float).encode()
    try:
        parse_and_validate(raw, "broken.json")
    except DataFileError as error:
        for _, reason in error.problems:
            assert "(lỗi " not in reason.vi, f"no Vietnamese for a {reason!r} problem"
            assert not english_words(reason.vi), reason.vi


def test_the_readme_languages_examples_are_real(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Languages", 1)[1].split("```\n", 2)[1]
    broken = copy.deepcopy(PRISTINE)
    broken["figures"][0]["unit"] = "furlongs"
    del broken["figures"][1]["label"]
    (tmp_path / "broken.json").write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    examples = block.split("$ chilinh ")[1:]
    assert len(examples) == 3
    for example in examples:
        command, expected = example.split("\n", 1)
        _, out, err = run_main(monkeypatch, capsys, *command.split())
        assert out + err == expected


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


def test_ambiguous_names_say_how_many_more(monkeypatch: pytest.MonkeyPatch) -> None:
    english = runner.invoke(app, ["metric", "a"]).stderr
    assert re.search(r", industry-construction-output and \d+ more; give one of these ids\n$", english)
    vietnamese = runner.invoke(app, ["metric", "a", "-l", "vi"]).stderr
    assert re.search(r" và \d+ mã khác; hãy dùng một trong các mã này\n$", vietnamese)


def test_bytes_that_were_not_utf8_show_as_replacement_characters() -> None:
    shown = runner.invoke(app, ["metric", "\udcff\udcfe"]).stderr
    assert shown == "chilinh: error: no figure named '\ufffd\ufffd' ('chilinh metric' lists every figure)\n"


def test_validate_reads_chilinh_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHILINH_DATA", str(tmp_path / "none.json"))
    missing = runner.invoke(app, ["validate", "-l", "vi"])
    assert missing.exit_code == 1
    assert missing.stderr == f"chilinh: lỗi: {tmp_path / 'none.json'}: không có tệp này\n"


def test_svg_goes_only_where_a_directory_exists(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.svg"
    result = runner.invoke(app, ["list", "--export-svg", str(target), "-l", "vi"])
    assert result.exit_code == 1
    assert result.stderr.endswith(f"chilinh: lỗi: {target}: không ghi được vào đây: không có thư mục hay tệp này\n")
    assert not (tmp_path / "missing").exists()
