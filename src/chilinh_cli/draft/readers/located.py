"""The text a reader read from a document, and where each of its lines stands in the document."""

from __future__ import annotations

import bisect
import hashlib
import unicodedata
from typing import NamedTuple


class Where(NamedTuple):
    """Where one line of the text stands in its document (a field is None when it does not apply)."""

    page: int | None = None
    paragraph: int | None = None
    row: int | None = None


class Reading(NamedTuple):
    """A document's text, as the article reader reads text (a paragraph per line, a blank line
    between paragraphs, a table's row per line with its cells separated by tabs), with the
    offset where each line starts and where that line stands in the document."""

    text: str
    reader: str
    starts: tuple[int, ...]
    wheres: tuple[Where, ...]
    published: str | None = None
    """The date the document says it was published (a page's metadata), ISO 8601, when its text does not."""

    def where(self, offset: int) -> Where:
        """Where the line holding the character at ``offset`` stands."""
        at = bisect.bisect_right(self.starts, offset) - 1
        return self.wheres[at] if at >= 0 else Where()

    def located(self, quote: str, after: int = 0) -> tuple[int, Where] | None:
        """The offset of ``quote`` in the text (from ``after``, else from the start) and where it stands."""
        found = self.text.find(quote, after)
        if found == -1:
            found = self.text.find(quote)
        return None if found == -1 else (found, self.where(found))

    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Lines:
    """The lines of a reading as a reader makes them: each with where it stands."""

    def __init__(self, reader: str) -> None:
        self.reader = reader
        self.lines: list[list[tuple[str, Where]]] = []
        """Each line as its pieces, each piece with where it stands (a paragraph may run over pages)."""
        self.paragraphs = 0

    def paragraph(self, text: str, page: int | None = None) -> None:
        """A paragraph (one line of the text, then a blank line); blank text adds nothing."""
        self.pieces([(text, page)])

    def pieces(self, parts: list[tuple[str, int | None]]) -> None:
        """A paragraph made of pieces, each on its page, joined by spaces."""
        kept = [(" ".join(text.split()), page) for text, page in parts]
        kept = [(text, page) for text, page in kept if text]
        if not kept:
            return
        self.paragraphs += 1
        line = [(text if n == 0 else " " + text, Where(page, self.paragraphs)) for n, (text, page) in enumerate(kept)]
        self.lines += [line, [("", Where(kept[-1][1]))]]

    def table(self, rows: list[list[str]], page: int | None = None, pages: list[int] | None = None) -> None:
        """A table: a line per row, cells separated by tabs (the header is row 1), then a blank line;
        each row on ``page``, or on its own of ``pages`` (a table that runs over a page break)."""
        on: list[int | None] = list(pages) if pages is not None else [page] * len(rows)
        kept = [([" ".join(cell.split()) for cell in row], at) for row, at in zip(rows, on, strict=True)]
        kept = [(row, at) for row, at in kept if any(row)]
        for number, (row, at) in enumerate(kept, start=1):
            self.lines.append([("\t".join(cell or "-" for cell in row), Where(at, None, number))])
        if kept:
            self.lines.append([("", Where(kept[-1][1]))])

    def reading(self) -> Reading:
        """The text (NFC) and where each piece of it starts."""
        parts: list[str] = []
        starts: list[int] = []
        wheres: list[Where] = []
        at = 0
        for line in self.lines:
            for piece, where in line:
                piece = unicodedata.normalize("NFC", piece)
                starts.append(at)
                wheres.append(where)
                parts.append(piece)
                at += len(piece)
            parts.append("\n")
            at += 1
        text = "".join(parts)[:-1] if parts else ""
        return Reading(text, self.reader, tuple(starts), tuple(wheres))
