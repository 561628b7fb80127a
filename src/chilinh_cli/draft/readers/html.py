"""A saved web page read with trafilatura: the article's title, paragraphs, headings, lists and
tables, without the page's menus, share buttons, related links and footer."""

from __future__ import annotations

import re
from typing import Any

from ...model.errors import DataFileError
from ...words import data_messages
from .located import Lines, Reading

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LEAD_NAMES = ("sapo", "lead", "summary", "description", "chapeau", "intro", "excerpt")
_BLOCKS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote"}


def read(raw: bytes, name: str) -> Reading:
    """The article of a page: its title first, then its main text in order, each table a row per line."""
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(_decoded(raw))
    except (lxml.etree.ParserError, ValueError):
        raise DataFileError(name, [("", data_messages.DOCUMENT_HTML_NO_ARTICLE)]) from None
    _text_divs_as_paragraphs(tree)
    lead = _lead(tree)  # before trafilatura, which cleans the tree it is given
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
    said = " ".join(" ".join(body.itertext()).split())
    if lead and lead not in said:  # a lead outside the article's container: trafilatura leaves it out
        lines.paragraph(lead)
    for element in body:
        _block(element, lines)
    reading = lines.reading()
    if not reading.text.strip():
        raise DataFileError(name, [("", data_messages.DOCUMENT_HTML_NO_ARTICLE)])
    date = getattr(extracted, "date", None)
    return reading._replace(published=date) if isinstance(date, str) and _ISO_DATE.fullmatch(date) else reading


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _decoded(raw: bytes) -> str:
    """A page's text: by its byte-order mark, else the charset its markup declares, else UTF-8,
    else the Windows code page for Vietnamese (a page saved without a charset, read as Latin-1,
    would turn every Vietnamese letter into two)."""
    import codecs

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
    else:
        declared = _CHARSET.search(raw[:8192])
        encodings = [declared.group(1).decode("ascii")] if declared else []
        text = ""
        for encoding in [*encodings, "utf-8-sig", "cp1258"]:
            try:
                text = raw.decode(encoding)
                break
            except (LookupError, UnicodeDecodeError):
                continue
        else:
            text = raw.decode("utf-8", errors="replace")
    return _XML_DECLARATION.sub("", text.replace("\x00", ""))


def _lead(tree: Any) -> str | None:
    """The page's lead, when an element is named as one ('sapo', 'lead', ...) and holds a sentence."""
    for element in tree.iter("p", "div", "h2", "h3", "span", "strong"):
        named = f"{element.get('class', '')} {element.get('id', '')}".casefold()
        if not any(word in named for word in _LEAD_NAMES):
            continue
        if any(up.tag in ("nav", "header", "footer", "aside") for up in element.iterancestors()):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        if len(text.split()) >= 8:
            return text
    return None


def _text_divs_as_paragraphs(tree: Any) -> None:
    """A div of the article holding text and no block of its own is a paragraph: a page's lead
    (a 'sapo') often is one, and trafilatura would leave it out. Of the article: inside an
    ``<article>``, or named as a lead; a menu's or footer's div stays a div."""
    for div in tree.iter("div"):
        if not (div.text or "").strip() or any(child.tag in _BLOCKS for child in div):
            continue
        named = f"{div.get('class', '')} {div.get('id', '')}".casefold()
        if any(word in named for word in _LEAD_NAMES) or any(up.tag == "article" for up in div.iterancestors()):
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
