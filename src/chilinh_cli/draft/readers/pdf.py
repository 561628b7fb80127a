"""A PDF read with pypdfium2: each page's text in reading order, its lines joined back into
paragraphs, the running headers, footers and page numbers left out, the page of every piece kept.

A page's text comes as runs of characters with their boxes. Runs on one baseline make a line,
left to right; a wide gap between two runs (a table's columns) becomes a tab, as a table copied
as text has it. A line in the top or bottom margin that the pages repeat (the digits aside), or
that is only a page number, is a running header or footer. Lines follow on in a paragraph unless
the space above a line is wider than the page's usual line spacing, or the line before ends a
sentence well short of the right margin.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable
from typing import Any, NamedTuple

from ...model.errors import DataFileError
from ...words import data_messages
from .located import Lines, Reading

Progress = Callable[[int, int], None]

_MARGIN = 0.09
"""The share of a page's height, at its top and bottom, where running headers and footers stand."""
_PAGE_NUMBER = re.compile(r"(?i)^[-–\s]*(?:trang|page)?\s*\d{1,4}(?:\s*/\s*\d{1,4})?[-–\s]*$")
_LIST_ITEM = re.compile(r"^(?:[-+•–]\s|\d{1,2}[.)]\s|[a-z\u0111]\)\s|[IVX]{1,5}\.\s)")


class _Line(NamedTuple):
    text: str
    left: float
    right: float
    top: float
    bottom: float


def read(raw: bytes, name: str, progress: Progress | None = None) -> Reading:
    """The text of a PDF's pages; a DataFileError for an encrypted, damaged or textless one."""
    import pypdfium2 as pdfium

    try:
        document: Any = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        encrypted = "password" in str(error).casefold()
        said = data_messages.DOCUMENT_PDF_ENCRYPTED if encrypted else data_messages.DOCUMENT_PDF_BROKEN
        raise DataFileError(name, [("", said)]) from None
    try:
        total = len(document)
        pages: list[list[_Line]] = []
        for number in range(total):
            pages.append(_lines(document[number]))
            if progress is not None:
                progress(number + 1, total)
    except pdfium.PdfiumError:
        raise DataFileError(name, [("", data_messages.DOCUMENT_PDF_BROKEN)]) from None
    finally:
        document.close()
    if total == 0:
        raise DataFileError(name, [("", data_messages.DOCUMENT_PDF_BROKEN)])
    if not any(line.text.strip() for page in pages for line in page):
        raise DataFileError(name, [("", data_messages.DOCUMENT_PDF_NO_TEXT)])
    if not readable("".join(line.text for page in pages for line in page)):
        raise DataFileError(name, [("", data_messages.DOCUMENT_PDF_GARBLED)])
    return _paragraphs(_without_running_lines(pages), "pdf")


def readable(text: str) -> bool:
    """Whether a PDF's text is text: mostly letters and digits, hardly any replacement or
    control characters (a font without a map to characters gives glyph numbers instead)."""
    marks = [ch for ch in text if not ch.isspace()]
    if not marks:
        return False
    letters = sum(ch.isalnum() for ch in marks)
    broken = sum(ch == "\ufffd" or (ch < " " and ch != "\t") or "\ue000" <= ch <= "\uf8ff" for ch in marks)
    return letters >= 0.5 * len(marks) and broken <= 0.02 * len(marks)


Run = tuple[float, float, float, float, str]
"""A run of characters: its box (left, bottom, right, top) and its text."""


def _lines(page: Any) -> list[_Line]:
    """A page's lines, top to bottom, each left to right, in page coordinates (0 at the bottom);
    the cells of a ruled table (boxes drawn around its cells) make one line per row, by tabs."""
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        runs = []
        for n in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(n)
            text = textpage.get_text_bounded(left, bottom, right, top)
            if text.strip():
                runs.append((left, bottom, right, top, text.replace("\r", " ").replace("\n", " ")))
    finally:
        textpage.close()
    cells = _cells(page)
    in_cells: dict[tuple[float, float, float, float], list[Run]] = {}
    loose: list[Run] = []
    for run in runs:
        x, y = (run[0] + run[2]) / 2, (run[1] + run[3]) / 2
        cell = next((c for c in cells if c[0] <= x <= c[2] and c[1] <= y <= c[3]), None)
        if cell is None:
            loose.append(run)
        else:
            in_cells.setdefault(cell, []).append(run)
    lines = [_joined(group, height) for group in _grouped(loose)]
    lines += _table_rows(cells, in_cells, height)
    lines.sort(key=lambda line: -line.top)
    return lines


def _grouped(runs: list[Run]) -> list[list[Run]]:
    """Runs on one line together (the middle of each within the line's height), top to bottom."""
    runs = sorted(runs, key=lambda run: -(run[1] + run[3]) / 2)
    grouped: list[list[Run]] = []
    for run in runs:
        middle = (run[1] + run[3]) / 2
        line = grouped[-1] if grouped else None
        if line is not None and min(r[1] for r in line) <= middle <= max(r[3] for r in line):
            line.append(run)
        else:
            grouped.append([run])
    for group in grouped:
        group.sort(key=lambda run: run[0])
    return grouped


def _joined(group: list[Run], height: float) -> _Line:
    """One line's runs as its text: a space where the runs stand apart, a tab at a wide gap."""
    size = statistics.median(run[3] - run[1] for run in group)
    text = group[0][4]
    for before, run in itertools.pairwise(group):
        gap = run[0] - before[2]
        if gap > 2.2 * size:  # a column of an unruled table, or the other end of a header
            text = text.rstrip() + "\t" + run[4].lstrip()
        elif gap > 0.15 * size and not text.endswith(" "):
            text += " " + run[4]
        else:
            text += run[4]
    top, bottom = max(r[3] for r in group) / height, min(r[1] for r in group) / height
    return _Line(text.strip(" "), group[0][0], group[-1][2], top, bottom)


def _cells(page: Any) -> list[tuple[float, float, float, float]]:
    """The boxes drawn on a page that stand in a row of two or more: a ruled table's cells."""
    import pypdfium2.raw as pdfium_c

    boxes = []
    for drawn in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = drawn.get_bounds()
        if right - left > 6 and top - bottom > 6:
            boxes.append((left, bottom, right, top))
    rows: dict[tuple[int, int], int] = {}
    for box in boxes:
        rows[round(box[1]), round(box[3])] = rows.get((round(box[1]), round(box[3])), 0) + 1
    return [box for box in boxes if rows[round(box[1]), round(box[3])] >= 2]


def _table_rows(
    cells: list[tuple[float, float, float, float]],
    in_cells: dict[tuple[float, float, float, float], list[Run]],
    height: float,
) -> list[_Line]:
    """A line per row of a ruled table: its cells left to right, each cell's lines joined, by tabs."""
    rows: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
    for cell in cells:
        rows.setdefault((round(cell[1]), round(cell[3])), []).append(cell)
    lines = []
    for row in rows.values():
        if not any(cell in in_cells for cell in row):
            continue
        row.sort(key=lambda cell: cell[0])
        texts = [" ".join(_joined(group, height).text for group in _grouped(in_cells.get(cell, []))) for cell in row]
        texts = [" ".join(text.replace("\t", " ").split()) for text in texts]
        top, bottom = max(cell[3] for cell in row), min(cell[1] for cell in row)
        lines.append(_Line("\t".join(texts), row[0][0], row[-1][2], top / height, bottom / height))
    return lines


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages without the lines in their margins that the pages repeat or that number them."""
    marginal = [[line for line in page if line.top > 1 - _MARGIN or line.bottom < _MARGIN] for page in pages]
    seen = Counter(shape for page in marginal for shape in {_shape(line.text) for line in page})
    repeated = {shape for shape, count in seen.items() if len(pages) >= 2 and count >= max(2, len(pages) // 2)}
    kept = []
    for page, margins in zip(pages, marginal, strict=True):
        running = {id(line) for line in margins if _shape(line.text) in repeated or _PAGE_NUMBER.match(line.text)}
        kept.append([line for line in page if id(line) not in running])
    return kept


def _paragraphs(pages: list[list[_Line]], reader: str) -> Reading:
    """The lines joined into paragraphs across pages; a table's row (a line with tabs) stays a line."""
    lines = Lines(reader)
    body = [line for page in pages for line in page]
    prose = [line for line in body if "\t" not in line.text]
    edges = (min((line.left for line in prose), default=0.0), max((line.right for line in prose), default=0.0))
    pitches = [
        before.bottom - line.bottom
        for page in pages
        for before, line in itertools.pairwise(page)
        if 0 < before.bottom - line.bottom < 0.1
    ]
    pitch = statistics.median(pitches) if pitches else 0.02
    body_height = statistics.median(line.top - line.bottom for line in prose) if prose else 0.01
    parts: list[tuple[str, int | None]] = []
    rows: list[list[str]] = []
    previous: _Line | None = None
    previous_page = 0
    row_pages: list[int] = []
    spaced = True
    for number, page in enumerate(pages, start=1):
        for line in page:
            if "\t" in line.text:
                if parts:
                    lines.pieces(parts)
                    parts = []
                cells = line.text.split("\t")
                if not rows or cells != rows[0]:  # a header repeated on the next page is said once
                    rows.append(cells)
                    row_pages.append(number)  # each row on its page, not where the text goes on
                previous, previous_page = line, number
                continue
            if rows:
                lines.table(rows, pages=row_pages)
                rows, row_pages = [], []
            if (
                parts
                and previous is not None
                and _breaks(
                    previous,
                    line,
                    pitch,
                    edges,
                    body_height=body_height,
                    same_page=previous_page == number,
                    first=len(parts) == 1 and spaced,
                )
            ):
                lines.pieces(parts)
                parts = []
            if not parts:  # a paragraph with space above it: its first line may be a heading
                spaced = previous is None or previous_page != number or previous.bottom - line.bottom > 1.3 * pitch
            parts.append((line.text, number))
            previous, previous_page = line, number
        if rows and number == len(pages):
            lines.table(rows, pages=row_pages)
            rows, row_pages = [], []
    if rows:
        lines.table(rows, pages=row_pages)
    if parts:
        lines.pieces(parts)
    return lines.reading()


def _breaks(
    before: _Line,
    line: _Line,
    pitch: float,
    edges: tuple[float, float],
    *,
    body_height: float,
    same_page: bool,
    first: bool,
) -> bool:
    """Whether ``line`` starts a new paragraph after ``before`` (``first``: the first line of
    a paragraph with space above it): a wider space above it; a sentence ended short of the right margin or
    before a list's item; a heading (a first line, not a sentence, short of the margin, then a
    capital)."""
    left, right = edges
    width = max(right - left, 1.0)
    ended = before.text.rstrip().endswith((".", ":", ";", "!", "?", "…", '"', "\u201d"))
    high, other = before.top - before.bottom, line.top - line.bottom
    if same_page and before.bottom - line.bottom > max(1.3 * pitch, 1.8 * high):
        return True
    if abs(high - other) > 0.25 * max(high, other):  # the type changes size: a title, then its dateline
        return True
    if ended and (before.right < right - 0.12 * width or _LIST_ITEM.match(line.text)):
        return True
    capital = line.text[:1].isupper() or line.text[:1].isdigit()
    short = before.right < right - (0.03 if first else 0.12) * width
    body_size = high < 1.2 * body_height  # a title in large type runs on over its lines
    return not ended and short and capital and body_size and len(before.text.split()) <= 20
