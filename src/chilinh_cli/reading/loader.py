"""Finding, reading, parsing and validating a data file.

Validation needs Pydantic, which costs more at start-up than everything else the tool does;
``store`` keeps what has been validated once, so that a run validates only new or changed
files. This module reads and validates; the store remembers.
"""

from __future__ import annotations

import os
import sys
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..model.building import building
from ..model.errors import DataFileError, os_reason
from ..model.records import Dataset, RuleError
from ..words import data_messages
from ..words.messages import Msg, same

MAX_FILE_BYTES = 256 * 1024 * 1024
"""A data file larger than this is refused before it is read."""


def embedded_path() -> Path:
    """The dataset shipped inside the package (or, in a source checkout, the repository's)."""
    package = Path(__file__).parents[1]  # chilinh_cli/, this module being chilinh_cli/reading/loader.py
    packaged = package / "data" / "highlights.json"
    if packaged.is_file():  # an installed wheel: the common case
        return packaged
    checkout = package.parents[1] / "data" / "highlights.json"  # src/chilinh_cli/ -> the repository
    if checkout.is_file():  # an editable install, without importing importlib.resources (3 ms)
        return checkout
    from importlib import resources  # pragma: no cover - a package loaded from a zip file

    return Path(str(resources.files("chilinh_cli").joinpath("data", "highlights.json")))  # pragma: no cover


STDIN = "-"
"""The path that means standard input."""


def name_of(path: str | os.PathLike[str] | None) -> str:
    """How messages name a dataset: its path, '<stdin>', or the embedded file's path."""
    if path is None:
        return str(embedded_path())
    if isinstance(path, Path):  # already normal: no parsing again (a catalog has thousands)
        return "<stdin>" if path.parts == (STDIN,) else str(path)
    return "<stdin>" if os.fspath(path) == STDIN else str(Path(path))


def file_name(file: Path | str) -> str:
    """The name the store knows a file by: a catalog's files come as strings already normal."""
    return file if isinstance(file, str) else name_of(file)


def file_status(file: Path | str) -> tuple[int, int, int] | None:
    """Size, modification time and a key of the inode and its change time (``identity``);
    None for standard input (a file named '-' in the working directory is not it) and for a
    file that is gone."""
    if file_name(file) == "<stdin>":
        return None
    try:
        status = os.stat(file)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns, identity(status.st_ino, status.st_ctime_ns)


def identity(inode: int, ctime_ns: int) -> int:
    """The inode number and its change time folded into one integer SQLite keeps (the store's
    ``inode`` column). A file rewritten with its size and modification time put back (an
    editor, ``rsync -t``, ``cp -p``, ``touch -r``) has a new change time, which no user can
    set back: the edit is noticed at the cost of a ``stat``, as git notices it."""
    return zlib.crc32(ctime_ns.to_bytes(16, "little", signed=True)) << 31 ^ (inode & 0x7FFFFFFF) ^ (inode >> 31)


def read_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Read and validate a dataset: the embedded one, the file at ``path``, or standard input
    when ``path`` is '-'. Raises ``DataFileError`` naming the file and every problem found.
    (``answers.catalog.load_dataset`` does the same, validating a file only once.)"""
    raw = read_bytes(Path(path) if path is not None else embedded_path())
    with building():
        return parse_and_validate(raw, name_of(path))


def read_bytes(file: Path) -> bytes:
    """A data file's bytes (standard input for '-'), within the size limit, or a ``DataFileError``."""
    return _read_stdin() if os.fspath(file) == STDIN else _read(file)


def parse_and_validate(raw: bytes, name: str) -> Dataset:
    """Parse the bytes of a data file and validate them; ``name`` is used in messages."""
    return validate_document(parse_json(raw, name), name)


def is_dataset(document: Any) -> bool:
    """Whether a parsed JSON document means to be a dataset: an object with ``schema_version``
    or ``metadata`` at its top (a folder may hold other JSON files: a schema, notes)."""
    return isinstance(document, dict) and ("schema_version" in document or "metadata" in document)


def validate_document(document: Any, name: str) -> Dataset:
    """A parsed document validated, or a ``DataFileError`` naming ``name``."""
    from .validation import validate

    dataset, problems = validate(document)
    if dataset is None:
        raise DataFileError(name, problems)
    return dataset


def _read_stdin() -> bytes:
    """Standard input, to its end, with the limit of a file."""
    try:
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    except (OSError, AttributeError, ValueError) as error:  # closed, or not a byte stream
        reason = os_reason(error) if isinstance(error, OSError) else data_messages.NOT_READABLE
        raise DataFileError(name_of(STDIN), [("", data_messages.CANNOT_READ.format(reason=reason))]) from None
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise DataFileError(name_of(STDIN), [("", data_messages.FILE_GREW_TOO_LARGE.format(limit=limit))])
    return raw


def _read(file: Path) -> bytes:
    """A regular file's bytes. Opened without waiting (O_NONBLOCK: a named pipe nobody writes
    to never blocks) and looked at once open (``fstat``: no race between a check and the open);
    a pipe, a socket or a device is refused as no data file."""
    try:
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise DataFileError(str(file), [("", data_messages.NO_SUCH_FILE)]) from None
    except PermissionError:
        raise DataFileError(str(file), [("", data_messages.PERMISSION_DENIED)]) from None
    except IsADirectoryError:
        raise DataFileError(str(file), [("", data_messages.IS_A_DIRECTORY)]) from None
    except OSError as error:
        raise DataFileError(str(file), [("", data_messages.CANNOT_READ.format(reason=os_reason(error)))]) from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            refusal = not_a_data_file(status.st_mode)
            if refusal is not None:
                raise DataFileError(str(file), [("", refusal)])
            size = status.st_size
            if size > MAX_FILE_BYTES:
                from ..words.numfmt import format_number

                bytes_ = Msg(format_number(size, "en"), format_number(size, "vi"))
                limit = MAX_FILE_BYTES // (1024 * 1024)
                raise DataFileError(str(file), [("", data_messages.FILE_TOO_LARGE.format(size=bytes_, limit=limit))])
            os.set_blocking(handle.fileno(), True)
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataFileError(str(file), [("", data_messages.NO_SUCH_FILE)]) from None
    except PermissionError:
        raise DataFileError(str(file), [("", data_messages.PERMISSION_DENIED)]) from None
    except IsADirectoryError:
        raise DataFileError(str(file), [("", data_messages.IS_A_DIRECTORY)]) from None
    except OSError as error:
        raise DataFileError(str(file), [("", data_messages.CANNOT_READ.format(reason=os_reason(error)))]) from None
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise DataFileError(str(file), [("", data_messages.FILE_GREW_TOO_LARGE.format(limit=limit))])
    return raw


def not_a_data_file(mode: int) -> Msg | None:
    """Why what a path holds is no data file (a directory, a named pipe, a socket, a device),
    or None for a regular file: the reading side of ``files.writer.destination``'s decision."""
    import stat

    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return data_messages.IS_A_DIRECTORY
    if stat.S_ISFIFO(mode):
        return data_messages.IS_A_FIFO
    if stat.S_ISSOCK(mode):
        return data_messages.IS_A_SOCKET
    return data_messages.IS_A_DEVICE


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16's: it starts with the same two bytes
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def encoding_of(raw: bytes) -> tuple[str, int]:
    """The encoding a data file's byte-order mark names (UTF-8 without one) and the mark's length."""
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            return encoding, len(mark)
    return "utf-8", 0


def decode(raw: bytes, name: str) -> str:
    """A data file's text, NFC-normalised: UTF-8, or UTF-16 or UTF-32 with a byte-order mark
    (Windows Notepad's "Unicode"); text in NFD (as some macOS tools save it) is read as NFC
    (``reading_notes`` says so). A file in a legacy 8-bit Vietnamese encoding is named as such."""
    import unicodedata

    encoding, start = encoding_of(raw)
    try:
        text = raw[start:].decode(encoding)
    except UnicodeDecodeError as error:
        offset = error.start + start
        said = data_messages.NOT_UTF8_LEGACY if _legacy_vietnamese(raw) else data_messages.NOT_UTF8
        if encoding != "utf-8":
            said = data_messages.NOT_UNICODE.format(encoding=encoding.upper())
        raise DataFileError(name, [("", said.format(offset=offset))]) from None
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _legacy_vietnamese(raw: bytes) -> bool:
    """Whether bytes that are no UTF-8 look like Vietnamese in an 8-bit code page (CP1258,
    VNI, TCVN3): many bytes above 127, each alone among ASCII letters."""
    sample = raw[:65536]
    high = sum(1 for byte in sample if byte > 127)
    return high >= 3 and b"\x00" not in sample and sample.count(b" ") * 20 >= len(sample)


def reading_notes(raw: bytes, name: str) -> list[Msg]:
    """What ``validate`` notes about how a file was read: text in NFD, read as NFC."""
    import unicodedata

    from ..words import messages

    encoding, start = encoding_of(raw)
    try:
        text = raw[start:].decode(encoding)
    except UnicodeDecodeError:
        return []
    return [] if unicodedata.is_normalized("NFC", text) else [messages.NORMALISED_NFC.format(path=name)]


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Arrays become tuples (the models are immutable), and a key given twice is an
    # error rather than silently keeping the last value.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise RuleError(data_messages.DUPLICATE_KEY.format(key=repr(key)))
        obj[key] = tuple(value) if isinstance(value, list) else value
    return obj


def _parse_int(digits: str) -> int | Decimal:
    """An integer as ``int``; one too long for any field stays a ``Decimal`` for validation to
    refuse at its field (Python would refuse to read more than 4,300 digits as an ``int``)."""
    return int(digits) if len(digits) <= 40 else Decimal(digits)


def _reject_constant(name: str) -> Any:
    raise RuleError(data_messages.NOT_A_DATASET_NUMBER.format(name=name))


def parse_json(raw: bytes, name: str) -> Any:
    """Parse JSON exactly: decimals as ``Decimal``, no NaN or Infinity, no duplicate keys."""
    return parse_text(decode(raw, name), name)


def parse_text(text: str, name: str) -> Any:
    """``parse_json`` of a file's text already decoded (``decode``): a caller that keeps the
    text need not decode the bytes twice."""
    if not text.strip():
        raise DataFileError(name, [("", data_messages.EMPTY_FILE)])
    import json  # here: metric and compare on a built store read no JSON, and the module costs 1.5 % of their run

    try:
        document = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_json_object,
        )
    except json.JSONDecodeError as error:
        said = next(
            (m for m in data_messages.JSON_SYNTAX if error.msg.startswith(m.en)), data_messages.JSON_SYNTAX_OTHER
        )
        detail = Msg(error.msg, said.vi)
        reason = data_messages.NOT_JSON.format(detail=detail, line=error.lineno, column=error.colno)
        raise DataFileError(name, [("", reason)]) from None
    except RecursionError:
        raise DataFileError(name, [("", data_messages.TOO_DEEP)]) from None
    except RuleError as error:  # duplicate keys, NaN/Infinity
        raise DataFileError(name, [("", data_messages.UNUSABLE_JSON.format(detail=error.said))]) from None
    if not isinstance(document, dict):
        kind = _JSON_KINDS.get(type(document), data_messages.JSON_VALUE)
        raise DataFileError(name, [("", data_messages.TOP_LEVEL_NOT_OBJECT.format(kind=kind))])
    return document


_JSON_KINDS: dict[type, Msg] = {
    list: data_messages.JSON_ARRAY,
    tuple: data_messages.JSON_ARRAY,
    str: data_messages.JSON_STRING,
    int: data_messages.JSON_NUMBER,
    Decimal: data_messages.JSON_NUMBER,
    bool: data_messages.JSON_BOOL,
    type(None): same("null"),
}
