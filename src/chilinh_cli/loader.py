"""Finding, reading, parsing and validating a data file, with a cache of validated datasets.

Validation needs Pydantic, which costs more at start-up than everything else the
tool does. A dataset that has been validated once is therefore kept in the user's
cache directory, keyed by the SHA-256 of the file's bytes and the tool's version:
a changed file has another key and is validated again. A cache entry that cannot be
read, or that holds anything unexpected, is ignored and the file validated again.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import __version__
from .errors import DataFileError, Reason, os_reason
from .models import Dataset, RuleError

MAX_FILE_BYTES = 256 * 1024 * 1024
"""A data file larger than this is refused before it is read."""

EMBEDDED_NAME = "embedded dataset"
_CACHE_FORMAT = 1


def embedded_path() -> Path:
    """The dataset shipped inside the package (or, in a source checkout, the repository's)."""
    packaged = Path(__file__).with_name("data") / "highlights.json"
    if packaged.is_file():  # an installed wheel: the common case, without importing importlib.resources
        return packaged
    from importlib import resources

    resource = resources.files("chilinh_cli").joinpath("data", "highlights.json")
    if resource.is_file():  # pragma: no cover - a package loaded from a zip file
        return Path(str(resource))
    return Path(__file__).resolve().parents[2] / "data" / "highlights.json"


def load_dataset(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Dataset:
    """Load and validate a dataset: the embedded one, or the file at ``path``.

    Raises ``DataFileError`` naming the file and every problem found.
    """
    file = Path(path) if path is not None else embedded_path()
    raw = _read(file)
    digest = hashlib.sha256(raw).hexdigest()
    cache_file = _cache_file(digest) if use_cache else None
    with _collector_paused():
        if cache_file is not None:
            cached = _read_cache(cache_file, digest)
            if cached is not None:
                return cached
        dataset = parse_and_validate(raw, str(file))
    if cache_file is not None:
        _write_cache(cache_file, digest, dataset)
    return dataset


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building a dataset allocates millions of objects and no cycles; the cyclic garbage
    collector would otherwise scan them again and again (4x the time for 100,000 figures)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_and_validate(raw: bytes, name: str) -> Dataset:
    """Parse the bytes of a data file and validate them; ``name`` is used in messages."""
    document = parse_json(raw, name)
    from .validation import validate

    dataset, problems = validate(document)
    if dataset is None:
        raise DataFileError(name, problems)
    return dataset


def _read(file: Path) -> bytes:
    try:
        size = file.stat().st_size
        if file.is_dir():
            raise DataFileError(
                str(file), [("", Reason("is a directory, not a data file", "là một thư mục, không phải tệp dữ liệu"))]
            )
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            from .numfmt import format_number

            reason = Reason(
                f"is {format_number(size, 'en')} bytes; a data file may be at most {limit} MiB",
                f"có {format_number(size, 'vi')} byte; một tệp dữ liệu chỉ được tối đa {limit} MiB",
            )
            raise DataFileError(str(file), [("", reason)])
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataFileError(str(file), [("", Reason("no such file", "không có tệp này"))]) from None
    except PermissionError:
        raise DataFileError(str(file), [("", Reason("permission denied", "không có quyền đọc tệp"))]) from None
    except OSError as error:
        detail = os_reason(error)
        reason = Reason(f"cannot be read: {detail}", f"không đọc được tệp: {detail.vi}")
        raise DataFileError(str(file), [("", reason)]) from None
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        reason = Reason(f"is larger than {limit} MiB", f"lớn hơn {limit} MiB")
        raise DataFileError(str(file), [("", reason)])
    return raw


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Arrays become tuples (the models are immutable), and a key given twice is an
    # error rather than silently keeping the last value.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise RuleError(
                f"the key {key!r} appears twice in one object", f"khoá {key!r} xuất hiện hai lần trong một đối tượng"
            )
        obj[key] = tuple(value) if isinstance(value, list) else value
    return obj


def _reject_constant(name: str) -> Any:
    raise RuleError(
        f"{name} is not a number a dataset may contain", f"{name} không phải là số mà tập dữ liệu được chứa"
    )


def parse_json(raw: bytes, name: str) -> Any:
    """Parse JSON exactly: decimals as ``Decimal``, no NaN or Infinity, no duplicate keys."""
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless: accept it
    except UnicodeDecodeError as error:
        reason = Reason(
            f"is not UTF-8 text (invalid byte at offset {error.start})",
            f"không phải văn bản UTF-8 (byte sai ở vị trí {error.start})",
        )
        raise DataFileError(name, [("", reason)]) from None
    if not text.strip():
        raise DataFileError(name, [("", Reason("is empty", "là tệp rỗng"))])
    try:
        document = json.loads(
            text, parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=_json_object
        )
    except json.JSONDecodeError as error:
        reason = Reason(
            f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            f"không phải JSON hợp lệ: {_json_message_vi(error.msg)} (dòng {error.lineno}, cột {error.colno})",
        )
        raise DataFileError(name, [("", reason)]) from None
    except RecursionError:
        raise DataFileError(
            name,
            [("", Reason("is nested too deeply to be a dataset", "lồng nhau quá sâu, không thể là một tập dữ liệu"))],
        ) from None
    except ValueError as error:  # duplicate keys, NaN/Infinity, integers too long to convert
        raise DataFileError(name, [("", _unusable(error))]) from None
    if not isinstance(document, dict):
        kind = _JSON_KINDS.get(type(document), ("value", "giá trị"))
        reason = Reason(
            f"the top level must be a JSON object, not {kind[0]}",
            f"cấp ngoài cùng phải là một đối tượng JSON, không phải {kind[1]}",
        )
        raise DataFileError(name, [("", reason)])
    return document


def _cache_dir() -> Path | None:
    if os.environ.get("CHILINH_NO_CACHE"):
        return None
    if configured := os.environ.get("CHILINH_CACHE_DIR"):
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "chilinh" / "cache" if base else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chilinh"


def _cache_file(digest: str) -> Path | None:
    directory = _cache_dir()
    if directory is None:
        return None
    return directory / f"{digest}.pickle"


def _cache_key(digest: str) -> tuple[int, str, str, str]:
    return (_CACHE_FORMAT, __version__, sys.version, digest)


def _read_cache(cache_file: Path, digest: str) -> Dataset | None:
    try:
        with cache_file.open("rb") as handle:
            key, dataset = pickle.load(handle)
    except Exception:  # a missing, truncated or foreign cache entry only costs a revalidation
        return None
    if key != _cache_key(digest) or not isinstance(dataset, Dataset):
        return None
    return dataset


def _write_cache(cache_file: Path, digest: str, dataset: Dataset) -> None:
    import tempfile

    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=cache_file.parent, prefix=".tmp-", delete=False)  # noqa: SIM115
        try:
            with handle:
                pickle.dump((_cache_key(digest), dataset), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, cache_file)
        except BaseException:
            os.unlink(handle.name)
            raise
    except OSError:
        pass  # an unwritable cache only costs speed


_JSON_KINDS: dict[type, tuple[str, str]] = {
    list: ("an array", "một mảng"),
    tuple: ("an array", "một mảng"),
    str: ("a string", "một chuỗi"),
    int: ("a number", "một số"),
    Decimal: ("a number", "một số"),
    bool: ("true or false", "true hay false"),
    type(None): ("null", "null"),
}

# The messages of Python's json module, in Vietnamese (matched by their start).
_JSON_MESSAGES_VI = (
    ("Expecting value", "thiếu một giá trị"),
    ("Expecting ',' delimiter", "thiếu dấu phẩy ','"),
    ("Expecting ':' delimiter", "thiếu dấu hai chấm ':'"),
    ("Expecting property name enclosed in double quotes", "thiếu tên khoá trong ngoặc kép"),
    ("Unterminated string", "chuỗi không được đóng"),
    ("Invalid control character", "ký tự điều khiển không hợp lệ trong chuỗi"),
    ("Invalid \\uXXXX escape", "mã \\uXXXX không hợp lệ"),
    ("Invalid \\escape", "chuỗi thoát \\ không hợp lệ"),
    ("Extra data", "còn dữ liệu thừa sau tài liệu JSON"),
    ("Illegal trailing comma", "dấu phẩy thừa trước dấu đóng"),
)


def _json_message_vi(message: str) -> str:
    for english, vietnamese in _JSON_MESSAGES_VI:
        if message.startswith(english):
            return vietnamese
    return "cú pháp sai"


def _unusable(error: ValueError) -> Reason:
    """Duplicate keys, NaN or Infinity, or an integer too long for Python to convert."""
    if isinstance(error, RuleError):
        return Reason(f"is not a usable JSON document: {error}", f"không phải tài liệu JSON dùng được: {error.vi}")
    return Reason(
        f"is not a usable JSON document: {error}",
        "không phải tài liệu JSON dùng được: có một số nguyên quá dài để đọc",
    )
