"""Which kind of document some bytes are (from their content, the name's ending aside), and the
reading of it by its reader: the one door `chilinh draft` goes through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ...model.errors import DataFileError
from ...words import data_messages
from .located import Reading

Kind = Literal["text", "html", "pdf", "docx", "doc", "zip"]

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
"""The largest PDF or Word file read (a report of a few hundred pages with its images)."""
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def kind_of(raw: bytes) -> Kind:
    """The kind of document the bytes are: magic numbers first ('%PDF', a zip holding
    word/document.xml, an OLE compound file), then a page's markup, else text."""
    head = raw[:1024]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00")[:5] == b"%PDF-" or b"%PDF-" in head:
        return "pdf"
    if raw.startswith(_OLE):
        return "doc"
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"PK\x05\x06"):
        return "docx" if b"word/" in raw[:65536] or _has_document_part(raw) else "zip"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<meta")):
        return "html"
    # '<?xml ...>' or a browser's '<!-- saved from url=... -->' before the page's markup
    if start.startswith(b"<") and any(tag in raw[:4096].lower() for tag in (b"<html", b"<body")):
        return "html"
    return "text"


def _has_document_part(raw: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def refuse_size(size: int, name: str) -> None:
    """A DataFileError for a document larger than ``MAX_DOCUMENT_BYTES``."""
    if size > MAX_DOCUMENT_BYTES:
        said = data_messages.DOCUMENT_TOO_LARGE.format(
            size=f"{size / 2**20:.1f}", most=str(MAX_DOCUMENT_BYTES // 2**20)
        )
        raise DataFileError(name, [("", said)])


def read(raw: bytes, name: str, progress: Callable[[int, int], None] | None = None) -> Reading:
    """The text of a document and where each piece stands, or one DataFileError saying what to do."""
    kind = kind_of(raw)
    if kind == "text":
        from . import text

        return text.read(raw, name)
    refuse_size(len(raw), name)
    if kind == "doc":
        raise DataFileError(name, [("", data_messages.DOCUMENT_DOC_LEGACY)])
    if kind == "zip":
        raise DataFileError(name, [("", data_messages.DOCUMENT_ZIP_NOT_DOCX)])
    if kind == "pdf":
        from . import pdf

        return pdf.read(raw, name, progress)
    if kind == "docx":
        from . import docx

        return docx.read(raw, name)
    from . import html

    return html.read(raw, name)
