"""Loading data files: unreadable, broken and oversized files, the cache of validated datasets, the packaged dataset."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import chilinh_cli
from chilinh_cli.answers.catalog import load_dataset
from chilinh_cli.cli.app import app
from chilinh_cli.model.errors import DataFileError
from chilinh_cli.reading import loader
from chilinh_cli.reading.loader import parse_and_validate, parse_json
from chilinh_cli.store.store import cache_directory
from readers import REPO, Writer, english_problems, english_words, loading_problems, runner


def test_embedded_dataset_loads(document: dict[str, Any], write_dataset: Writer) -> None:
    dataset = load_dataset(write_dataset(document), use_cache=False)
    assert len(dataset.figures) == 37


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b'{"schema_version": 1,', "not valid JSON"),
        (b"[1, 2]", "must be a JSON object, not an array"),
        (b'"text"', "must be a JSON object, not a string"),
        (b'{"a": NaN}', "NaN is not a number"),
        (b'{"a": -Infinity}', "-Infinity is not a number"),
        (b'{"a": 1, "a": 2}', "appears twice"),
        (b"\x80{}", "not UTF-8"),
        (b"\xff\xfe{", "is not UTF-16-LE text, as its byte-order mark says"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_broken_files_get_one_clear_message(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    (problem,) = english_problems(path)
    assert problem[0] == ""
    assert reason in problem[1]


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
        (b"\xc3{}", "không phải văn bản UTF-8 (byte sai ở vị trí 0)"),
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


def test_byte_order_mark_is_accepted(document: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document, default=float, ensure_ascii=False).encode())
    assert load_dataset(path, use_cache=False).metadata.year == 2021


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert english_problems(tmp_path / "absent.json") == [("", "no such file")]
    assert english_problems(tmp_path) == [("", "is a directory, not a data file")]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.json"
    path.write_text("{}")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError

    monkeypatch.setattr(os, "open", refuse)
    assert english_problems(path) == [("", "permission denied")]

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "open", fail)
    assert english_problems(path) == [("", "cannot be read: Input/output error")]


def test_file_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.json"
    path.write_text("{" + " " * 2000 + "}")
    ((_, reason),) = loading_problems(path)
    assert "2,002 bytes" in reason.en
    assert "at most" in reason.en
    assert reason.vi == "có 2.002 byte; một tệp dữ liệu chỉ được tối đa 0 MiB"


def test_file_growing_while_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """stat may see a small file that has grown by the time it is read: the read is capped too."""
    path = tmp_path / "grows.json"
    path.write_text("{" + " " * 20 + "}")
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    real_fstat = os.fstat

    def small_stat(descriptor: int) -> os.stat_result:
        result = real_fstat(descriptor)
        return os.stat_result((result.st_mode, *result[1:6], 5, *result[7:]))

    monkeypatch.setattr(os, "fstat", small_stat)
    assert english_problems(path) == [("", "is larger than 0 MiB")]


def test_parse_and_validate_names_the_source() -> None:
    with pytest.raises(DataFileError, match=r"^memory: is empty$"):
        parse_and_validate(b"", "memory")


def test_loading_restores_the_garbage_collector(document: dict[str, Any], write_dataset: Writer) -> None:
    import gc

    path = write_dataset(document)
    assert gc.isenabled()
    load_dataset(path)  # validates and writes the cache
    load_dataset(path)  # reads the cache
    assert gc.isenabled()
    gc.disable()
    try:
        load_dataset(path)
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()


def test_installed_package_carries_its_dataset() -> None:
    """From a wheel (pip install .) the dataset is a package resource, not a file of the checkout."""
    from importlib import resources

    package_dir = Path(chilinh_cli.__file__).resolve().parent
    if package_dir == REPO / "src" / "chilinh_cli":
        pytest.skip("editable install: the dataset comes from the checkout")
    packaged = resources.files("chilinh_cli").joinpath("data", "highlights.json")
    assert packaged.is_file()
    from chilinh_cli.reading.loader import embedded_path

    assert embedded_path().resolve() == Path(str(packaged)).resolve()
    assert (REPO / "data" / "highlights.json").read_bytes() == packaged.read_bytes()


# ---- the cache of validated datasets -------------------------------------------------


def test_unwritable_cache_only_costs_speed(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(blocker / "cache"))
    assert load_dataset(write_dataset(document)).metadata.year == 2021


def test_cache_can_be_disabled(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("CHILINH_NO_CACHE", "1")
    load_dataset(write_dataset(document))
    assert not (tmp_path / "c").exists()


def test_cache_location_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHILINH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_directory() == tmp_path / "chilinh"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert cache_directory() == tmp_path / "chilinh" / "cache"
    monkeypatch.delenv("LOCALAPPDATA")
    assert cache_directory() is None


# ---- standard input, and files that cannot be read ------------------------------------------------


@pytest.fixture
def document_bytes() -> bytes:
    from chilinh_cli.reading.loader import embedded_path

    return embedded_path().read_bytes()


def test_data_from_standard_input(document_bytes: bytes) -> None:
    result = runner.invoke(app, ["metric", "revenue", "-f", "csv", "--data", "-"], input=document_bytes)
    assert result.exit_code == 0, result.output
    assert "budget-revenue" in result.stdout
    broken = runner.invoke(app, ["list", "--data", "-", "-l", "vi"], input=b"{")
    assert broken.exit_code == 1
    assert broken.stderr.startswith("chilinh: lỗi: <stdin>: không phải JSON hợp lệ")
    valid = runner.invoke(app, ["validate", "-"], input=document_bytes)
    assert valid.stdout.startswith("<stdin>: valid (10 highlights, 37 figures")


def test_standard_input_keeps_the_size_limit(document_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    from chilinh_cli.reading import loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1024 * 1024 // 2)
    result = runner.invoke(app, ["list", "--data", "-"], input=b" " * (1024 * 1024))
    assert result.exit_code == 1
    assert result.stderr == "chilinh: error: <stdin>: is larger than 0 MiB\n"


def test_an_unreadable_data_file_is_permission_denied_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.json"
    path.write_text("{}")
    real_open = os.open

    def locked(file: object, *args: int, **kwargs: object) -> int:
        if os.fspath(file) == os.fspath(path):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", locked)
    english = runner.invoke(app, ["list", "--data", str(path)])
    vietnamese = runner.invoke(app, ["list", "--data", str(path), "-l", "vi"])
    assert (english.exit_code, english.stderr) == (1, f"chilinh: error: {path}: permission denied\n")
    assert (vietnamese.exit_code, vietnamese.stderr) == (1, f"chilinh: lỗi: {path}: không có quyền đọc tệp\n")
