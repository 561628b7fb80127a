"""A saved web page read with trafilatura: the article's title, paragraphs, headings, lists and
tables, without the page's menus, share buttons, related links and footer."""

from __future__ import annotations

import re
from typing import Any

from ...model.errors import DataFileError
from ...words import data_messages
from .located import Lines, Reading

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BLOCKS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote"}


def read(raw: bytes, name: str) -> Reading:
    """The article of a page: its title first, then its main text in order, each table a row per line."""
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(raw)
    except (lxml.etree.ParserError, ValueError):
        raise DataFileError(name, [("", data_messages.DOCUMENT_HTML_NO_ARTICLE)]) from None
    _text_divs_as_paragraphs(tree)
    extracted: Any = trafilatura.bare_extraction(
        tree,
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
        with_metadata=True,
        as_dict=False,
    )
    body = getattr(extracted, "body", None) if extracted is not None else None
    if body is None:
        raise DataFileError(name, [("", data_messages.DOCUMENT_HTML_NO_ARTICLE)])
    lines = Lines("html")
    title = getattr(extracted, "title", None)
    first = next(iter(body), None)
    if title and (first is None or " ".join("".join(first.itertext()).split()) != " ".join(title.split())):
        lines.paragraph(title)
    for element in body:
        _block(element, lines)
    reading = lines.reading()
    if not reading.text.strip():
        raise DataFileError(name, [("", data_messages.DOCUMENT_HTML_NO_ARTICLE)])
    date = getattr(extracted, "date", None)
    return reading._replace(published=date) if isinstance(date, str) and _ISO_DATE.fullmatch(date) else reading


def _text_divs_as_paragraphs(tree: Any) -> None:
    """A div holding text and no block of its own is a paragraph (a page's lead, 'sapo', often
    is one, and trafilatura would leave it out)."""
    for div in tree.iter("div"):
        if (div.text or "").strip() and not any(child.tag in _BLOCKS for child in div):
            div.tag = "p"


def _block(element: Any, lines: Lines) -> None:
    tag = element.tag
    if tag == "table":
        rows = [
            [" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell")] for row in element.iter("row")
        ]
        rows = [row for row in rows if sum(bool(cell) for cell in row) >= 2 or len(row) == 1]
        if all(len(row) == 1 for row in rows):  # a one-column 'table' is paragraphs
            for row in rows:
                lines.paragraph(row[0])
            return
        lines.table([row for row in rows if len(row) > 1])
    elif tag == "list":
        for item in element.iter("item"):
            lines.paragraph("- " + "".join(item.itertext()))
    else:
        lines.paragraph("".join(element.itertext()))
