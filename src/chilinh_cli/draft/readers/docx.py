"""A Word document (.docx) read with python-docx: its paragraphs (with the numbers Word draws
before them) and tables in the document's order."""

from __future__ import annotations

import io
from typing import Any

from ...model.errors import DataFileError
from ...words import data_messages
from .located import Lines, Reading


def read(raw: bytes, name: str) -> Reading:
    """The paragraphs (a line each) and tables (a row per line, cells by tabs) of the body, in order."""
    import zipfile

    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        from .numbering import Numbering

        document: Any = docx.Document(io.BytesIO(raw))
        numbers = Numbering(document)
        lines = Lines("docx")
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = Paragraph(block, document)
                if paragraph.text.strip():  # Word draws a number before a numbered paragraph
                    lines.paragraph(numbers.label(paragraph) + paragraph.text)
            elif tag == "tbl":
                lines.table(_rows(Table(block, document)))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, SyntaxError) as error:
        # a truncated zip, a part missing, XML cut short (lxml's XMLSyntaxError is a SyntaxError)
        raise DataFileError(name, [("", data_messages.DOCUMENT_DOCX_BROKEN)]) from error
    reading = lines.reading()
    if not reading.text.strip():
        raise DataFileError(name, [("", data_messages.DOCUMENT_NO_TEXT)])
    return reading


def _rows(table: Any) -> list[list[str]]:
    """A table's rows as text; a cell merged across columns is said once."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):  # a merged cell repeats itself
                continue
            seen.append(cell._tc)
            cells.append(" ".join(paragraph.text for paragraph in cell.paragraphs))
        rows.append(cells)
    return rows
