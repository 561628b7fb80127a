#!/usr/bin/env python3
"""Writes the test corpus of other document forms: for each source in ``sources/NAME.src``,
``NAME.txt``, ``NAME.html``, ``NAME.pdf`` (with ``NAME.pdf.pages.json``) and ``NAME.docx``,
and fills in the ``page`` of every figure in the hand reading ``NAME.expected.json``.

    python make_documents.py            # write every form (same bytes on every run)
    python make_documents.py --check    # also read every form back (pypdfium2, trafilatura,
                                        # python-docx), write what they give to extracted/,
                                        # and report how each figure's quote survives

Needs: fpdf2, python-docx; for --check also pypdfium2, trafilatura (+ lxml_html_clean).
Fonts: DejaVu TTFs from /usr/share/fonts/truetype/dejavu/ (embedded, subset).

SOURCE FORMAT (one block per line; blank lines are ignored between blocks)
--------------------------------------------------------------------------
``%% text``          a comment
``@key value``       metadata; a key given several times makes a list, in order:
    place, year, published (ISO date-time: the page's date, and the fixed creation date of the
    PDF and DOCX), font (sans|serif), size (pt), line (line height, mm), align (left|justify),
    indent (first-line indent, mm), lead (bold: the first paragraph is a bold lead),
    pdf_header_left / pdf_header_right (the running header on every PDF page),
    pdf_footer (``{n}`` page number, ``{nb}`` page count),
    letterhead_left / letterhead_right (lines of the official two-column letterhead),
    recipients / signature (the two columns that close an official report),
    (in those four a line starting ``*`` is bold, ``_`` italic; the mark is not text),
    table_widths (``INDEX: w | w | ...`` column widths in mm for table INDEX), table_font (pt),
    txt_table (``tabs``, the default: a row per line, cells joined by TAB; ``cells``: one cell
    per line, the header's cells first, then each row's cells; an empty cell is an empty line),
    and for the HTML page only: site_name, site_slogan, site_url, topbar, menu (``a | b``),
    breadcrumb (``a | b``), html_title (the h1, when it differs from the title),
    html_dateline, photo_src, photo_caption, photo_after (after the Nth paragraph, 1-based),
    inline_related / inline_related_after (a "Xem thêm" link after the Nth paragraph),
    related_title, related (a link title each), related_place (inside|after the <article>),
    mostread (a "Đọc nhiều" link title each), tags (``a | b``), footer (a footer line each).
``= text``           the title          ``=+ text``   a subtitle (a report's name)
``~ text``           the dateline
``## text``          a heading (h2, Word "Heading 1"); ``###`` h3 / "Heading 2"; ``####`` h4 / "Heading 3"
``^ text``           the caption of the table that follows
``| a | b | c |``    a table row (cells between bars, stripped; an empty cell is empty);
                     consecutive rows make one table, the first row is its header
``-- text``          a byline (right-aligned)
anything else        a paragraph (one line = one paragraph)
Inside paragraphs: ``[words](href)`` is a link (its words only, outside HTML), ``{nbsp}`` is a
no-break space in HTML (``&nbsp;``) and a plain space in every other form.

PAGES FILE (``NAME.pdf.pages.json``)
-----------------------------------
``page_count``; ``header`` (left, right) and ``footer`` (the pattern); ``blocks``: every block
in source order with ``index`` (its position in the source's block list), ``kind`` (title,
subtitle, dateline, heading, paragraph, table, byline), ``paragraph`` (for paragraphs: their
0-based index among the paragraphs), ``text`` (the first 60 characters) and ``pages``;
``paragraphs``: {paragraph index: [pages]}; ``rows``: {table index: {row index: [pages]}} where
row 0 is the header (listed on every page it is drawn: it is repeated after a page break);
``letterhead`` / ``closing``: the pages of those parts; ``lines``: every line drawn, in order,
with ``page``, ``block`` (block index, or "letterhead", "closing", "table:T:R:C" for a cell)
and ``text``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
EXTRACTED = HERE / "extracted"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
NAMES = ["city-events", "district-report", "provincial-feature", "portal-table"]

LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def plain(text: str) -> str:
    """A paragraph's text as every form but HTML shows it."""
    return LINK.sub(r"\1", text).replace("{nbsp}", " ")


# ---- parsing ------------------------------------------------------------------------------


@dataclass
class Block:
    kind: str  # title, subtitle, dateline, heading, paragraph, table, byline
    text: str = ""
    level: int = 0
    caption: str = ""
    rows: list[list[str]] = field(default_factory=list)
    paragraph: int | None = None  # index among the paragraphs
    table: int | None = None  # index among the tables


@dataclass
class Source:
    name: str
    meta: dict[str, list[str]]
    blocks: list[Block]

    def one(self, key: str, default: str = "") -> str:
        values = self.meta.get(key)
        return values[0] if values else default

    def many(self, key: str) -> list[str]:
        return self.meta.get(key, [])

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]

    @property
    def published(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.one("published"))


def parse(path: Path) -> Source:
    meta: dict[str, list[str]] = {}
    blocks: list[Block] = []
    caption = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = unicodedata.normalize("NFC", raw.rstrip())
        if not line.strip() or line.startswith("%%"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            meta.setdefault(key, []).append(value.strip())
        elif line.startswith("=+ "):
            blocks.append(Block("subtitle", line[3:]))
        elif line.startswith("= "):
            blocks.append(Block("title", line[2:]))
        elif line.startswith("~ "):
            blocks.append(Block("dateline", line[2:]))
        elif line.startswith("#"):
            marks, _, text = line.partition(" ")
            blocks.append(Block("heading", text, level=len(marks)))
        elif line.startswith("^ "):
            caption = line[2:]
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if blocks and blocks[-1].kind == "table" and not caption:
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", caption=caption, rows=[cells]))
                caption = ""
        elif line.startswith("-- "):
            blocks.append(Block("byline", line[3:]))
        else:
            blocks.append(Block("paragraph", line))
    n_par = n_tab = 0
    for block in blocks:
        if block.kind == "paragraph":
            block.paragraph, n_par = n_par, n_par + 1
        elif block.kind == "table":
            block.table, n_tab = n_tab, n_tab + 1
            width = len(block.rows[0])
            assert all(len(r) == width for r in block.rows), (path, block.rows)
    return Source(path.stem, meta, blocks)


def marked(line: str) -> tuple[str, str]:
    """A letterhead or closing line: (style, text) from its leading mark."""
    if line.startswith("*"):
        return "B", line[1:]
    if line.startswith("_"):
        return "I", line[1:]
    return "", line


# ---- plain text ---------------------------------------------------------------------------


def write_txt(src: Source) -> str:
    out: list[str] = []
    left, right = src.many("letterhead_left"), src.many("letterhead_right")
    if left or right:
        out += [marked(x)[1] for x in left + right] + [""]
    cell_mode = src.one("txt_table", "tabs") == "cells"
    for i, block in enumerate(src.blocks):
        nxt = src.blocks[i + 1] if i + 1 < len(src.blocks) else None
        if block.kind in ("title", "subtitle", "dateline"):
            out.append(block.text)
            if nxt is None or nxt.kind not in ("title", "subtitle", "dateline"):
                out.append("")
        elif block.kind == "table":
            if block.caption:
                out.append(block.caption)
            for row in block.rows:
                out += row if cell_mode else ["\t".join(row)]
            out.append("")
        else:
            out += [plain(block.text), ""]
    closing = src.many("recipients") + src.many("signature")
    if closing:
        out += [marked(x)[1] for x in closing] + [""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# ---- HTML ---------------------------------------------------------------------------------

CSS = """body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#222}
.topbar{background:#0b4f8a;color:#fff;font-size:12px;padding:4px 16px}
.logo{font-size:28px;font-weight:bold;color:#0b4f8a;padding:12px 16px}
.slogan{font-size:13px;color:#555;padding:0 16px 8px}
nav.menu ul{list-style:none;margin:0;padding:0;background:#c0392b;display:flex}
nav.menu li a{display:block;color:#fff;padding:10px 14px;text-decoration:none}
.wrap{display:flex;gap:24px;max-width:1180px;margin:0 auto;padding:16px}
.main-col{flex:3}.sidebar{flex:1}
.breadcrumb{font-size:13px;color:#666;margin-bottom:8px}
article h1{font-size:30px;line-height:1.25}.dateline{color:#888;font-size:13px}
.share-tools a{margin-right:8px;font-size:13px}.sapo{font-weight:bold}
table.data{border-collapse:collapse}table.data td,table.data th{border:1px solid #999;padding:4px 6px}
table.letterhead td{text-align:center;vertical-align:top;width:50%}
figure img{max-width:100%}figcaption{font-style:italic;font-size:13px;color:#555}
.related-news,.box-most{border-top:3px solid #c0392b;margin-top:20px}
footer.site-footer{background:#1d2b3a;color:#ccc;font-size:13px;padding:16px}"""


def inline_html(text: str) -> str:
    """A paragraph's text as HTML: escaped, links kept, {nbsp} as &nbsp;."""
    parts: list[str] = []
    last = 0
    for m in LINK.finditer(text):
        parts.append(html.escape(text[last : m.start()], quote=False))
        parts.append(f'<a href="{html.escape(m.group(2))}">{html.escape(m.group(1), quote=False)}</a>')
        last = m.end()
    parts.append(html.escape(text[last:], quote=False))
    return "".join(parts).replace("{nbsp}", "&nbsp;")


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:70]


def html_table(block: Block, cls: str = "data") -> list[str]:
    out = [f'<table class="{cls}">']
    if block.caption:
        out.append(f"<caption>{html.escape(block.caption, quote=False)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f"<th>{html.escape(c, quote=False)}</th>" for c in block.rows[0]) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in block.rows[1:]:
        out.append("<tr>" + "".join(f"<td>{html.escape(c, quote=False)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return out


def write_html(src: Source) -> str:
    e = lambda s: html.escape(s, quote=False)  # noqa: E731
    site, url = src.one("site_name"), src.one("site_url")
    title_block = next(b for b in src.blocks if b.kind == "title")
    subtitle = next((b for b in src.blocks if b.kind == "subtitle"), None)
    h1 = src.one("html_title") or title_block.text
    published = src.published
    dateline = src.one("html_dateline") or next((b.text for b in src.blocks if b.kind == "dateline"), "")
    page_url = f"{url}/{slug(h1)}.html"
    share = [
        '<div class="share-tools">',
        "<span>Chia sẻ</span>",
        f'<a class="fb" href="https://www.facebook.com/sharer/sharer.php?u={e(page_url)}">Facebook</a>',
        '<a class="zalo" href="#zalo">Zalo</a>',
        '<a class="print" href="javascript:window.print()">In bài</a>',
        '<a class="mail" href="#mail">Gửi email</a>',
        "</div>",
    ]
    related = [f'<div class="related-news"><h3>{e(src.one("related_title", "Tin liên quan"))}</h3><ul>']
    related += [f'<li><a href="{url}/{slug(t)}.html">{e(t)}</a></li>' for t in src.many("related")]
    related.append("</ul></div>")
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": h1,
        "datePublished": published.isoformat(),
        "publisher": {"@type": "Organization", "name": site},
    }
    out = [
        "<!DOCTYPE html>",
        '<html lang="vi">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(h1)} - {e(site)}</title>",
        f'<meta name="description" content="{html.escape(h1)}">',
        f'<meta property="og:title" content="{html.escape(h1)}">',
        f'<meta property="og:site_name" content="{html.escape(site)}">',
        f'<link rel="canonical" href="{e(page_url)}">',
        f"<style>{CSS}</style>",
        '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>",
        "</head>",
        "<body>",
        '<header class="site-header">',
        f'<div class="topbar">{e(src.one("topbar"))}</div>',
        f'<div class="logo"><a href="{url}/">{e(site)}</a></div>',
        f'<div class="slogan">{e(src.one("site_slogan"))}</div>',
        '<nav class="menu"><ul>',
    ]
    out += [f'<li><a href="{url}/{slug(item) or "index"}">{e(item)}</a></li>' for item in src.one("menu").split(" | ")]
    out += ["</ul></nav>", "</header>", '<div class="wrap">', '<main class="main-col">', '<div class="breadcrumb">']
    crumbs = src.one("breadcrumb").split(" | ")
    out.append(" &gt; ".join(f'<a href="{url}/{slug(c) or "index"}">{e(c)}</a>' for c in crumbs))
    out += ["</div>", "<article>", f"<h1>{e(h1)}</h1>"]
    out.append(f'<div class="dateline"><time datetime="{published.isoformat()}">{e(dateline)}</time></div>')
    out += share
    body: list[str] = []
    left, right = src.many("letterhead_left"), src.many("letterhead_right")
    if left or right:
        cell = lambda lines: "".join(  # noqa: E731
            f"<p><strong>{e(t)}</strong></p>"
            if s == "B"
            else f"<p><em>{e(t)}</em></p>"
            if s == "I"
            else f"<p>{e(t)}</p>"
            for s, t in map(marked, lines)
        )
        body.append(
            f'<table class="letterhead"><tbody><tr><td>{cell(left)}</td><td>{cell(right)}</td></tr></tbody></table>'
        )
    photo_after = int(src.one("photo_after", "0") or 0)
    inline_after = int(src.one("inline_related_after", "0") or 0)
    lead_done = False
    for block in src.blocks:
        if block.kind == "title":
            if subtitle is not None:  # a report's own name, inside its body
                body.append(f'<p style="text-align:center"><strong>{e(block.text)}</strong></p>')
        elif block.kind == "subtitle":
            body.append(f'<p style="text-align:center"><strong>{e(block.text)}</strong></p>')
        elif block.kind == "dateline":
            continue
        elif block.kind == "heading":
            body.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif block.kind == "paragraph":
            text = inline_html(block.text)
            if not lead_done and subtitle is None:
                lead_done = True
                if src.one("lead") == "bold":
                    body.append(f'<p class="sapo"><strong>{text}</strong></p>')
                else:
                    body.append(f'<div class="sapo">{text}</div>')
            else:
                body.append(f"<p>{text}</p>")
            assert block.paragraph is not None
            if block.paragraph + 1 == photo_after:
                body += [
                    '<figure class="image">',
                    f'<img src="{e(src.one("photo_src"))}" alt="{html.escape(src.one("photo_caption"))}" width="800" height="533">',  # noqa: E501
                    f"<figcaption>{e(src.one('photo_caption'))}</figcaption>",
                    "</figure>",
                ]
            if block.paragraph + 1 == inline_after:
                text = src.one("inline_related")
                body.append(f'<div class="box-related-inline"><a href="{url}/{slug(text)}.html">{e(text)}</a></div>')
        elif block.kind == "table":
            body += html_table(block)
        elif block.kind == "byline":
            body.append(f'<p class="author" style="text-align:right"><strong>{e(block.text)}</strong></p>')
    closing_left, closing_right = src.many("recipients"), src.many("signature")
    if closing_left or closing_right:
        cell = lambda lines: "<br>".join(  # noqa: E731
            f"<strong>{e(t)}</strong>" if s == "B" else f"<em>{e(t)}</em>" if s == "I" else e(t)
            for s, t in map(marked, lines)
        )
        body.append(
            f'<table class="signature"><tbody><tr><td>{cell(closing_left)}</td><td style="text-align:center">{cell(closing_right)}</td></tr></tbody></table>'  # noqa: E501
        )
    out += ['<div class="article-body">', *body, "</div>"]
    tags = src.one("tags")
    if tags:
        out.append(
            '<div class="tags">Từ khóa: '
            + " ".join(f'<a href="{url}/tag/{slug(t)}">{e(t)}</a>' for t in tags.split(" | "))
            + "</div>"
        )
    out += share
    if src.one("related_place") == "inside":
        out += related
    out.append("</article>")
    if src.one("related_place") != "inside":
        out += related
    out += ["</main>", '<aside class="sidebar">', '<div class="box-most"><h3>Đọc nhiều</h3><ol>']
    out += [f'<li><a href="{url}/{slug(t)}.html">{e(t)}</a></li>' for t in src.many("mostread")]
    out += ["</ol></div>", "</aside>", "</div>", '<footer class="site-footer">']
    out += [f"<p>{e(line)}</p>" for line in src.many("footer")]
    out += ["</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


# ---- PDF ----------------------------------------------------------------------------------


def fpdf_class() -> Any:
    from fpdf import FPDF

    class Report(FPDF):  # type: ignore[misc]
        """An A4 page with a running header and a page-number footer; every line is logged."""

        def setup(self, src: Source) -> None:
            self.src = src
            self.family = "DJ"
            kind = "Serif" if src.one("font") == "serif" else "Sans"
            for style, suffix in (
                ("", ""),
                ("B", "-Bold"),
                ("I", "-Italic" if kind == "Serif" else "-Oblique"),
                ("BI", "-BoldItalic" if kind == "Serif" else "-BoldOblique"),
            ):
                self.add_font(self.family, style, str(FONTS / f"DejaVu{kind}{suffix}.ttf"))
            self.size = float(src.one("size", "12"))
            self.lh = float(src.one("line", "7"))
            self.justify = src.one("align") == "justify"
            self.indent = float(src.one("indent", "0"))
            self.log: list[dict[str, Any]] = []
            self.block_pages: dict[Any, list[int]] = {}
            self.set_margins(25, 22, 18)
            self.set_auto_page_break(False, margin=20)
            self.alias_nb_pages()

        @property
        def width(self) -> float:
            return self.w - self.l_margin - self.r_margin

        def header(self) -> None:
            self.set_font(self.family, "", 9)
            self.set_text_color(90, 90, 90)
            self.set_xy(self.l_margin, 9)
            self.cell(self.width / 2, 5, self.src.one("pdf_header_left"))
            self.set_xy(self.l_margin + self.width / 2, 9)
            self.cell(self.width / 2, 5, self.src.one("pdf_header_right"), align="R")
            self.set_draw_color(150, 150, 150)
            self.line(self.l_margin, 15, self.l_margin + self.width, 15)
            self.set_draw_color(0, 0, 0)
            self.set_text_color(0, 0, 0)
            self.set_xy(self.l_margin, self.t_margin)

        def footer(self) -> None:
            self.set_font(self.family, "", 9)
            self.set_text_color(90, 90, 90)
            self.set_xy(self.l_margin, self.h - 13)
            text = self.src.one("pdf_footer", "{n}").replace("{n}", str(self.page_no()))
            self.cell(self.width, 5, text, align="C")
            self.set_text_color(0, 0, 0)

        # -- lines
        def note(self, key: Any, text: str) -> None:
            self.log.append({"page": self.page_no(), "block": key, "text": text})
            pages = self.block_pages.setdefault(key, [])
            if self.page_no() not in pages:
                pages.append(self.page_no())

        def wrap(self, text: str, width: float, first: float) -> list[tuple[int, int]]:
            """Greedy line breaks at spaces: (start, end) offsets of each line in text."""
            spans: list[tuple[int, int]] = []
            words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
            start = end = None
            for ws, we in words:
                limit = first if not spans else width
                if start is None:
                    start, end = ws, we
                elif self.get_string_width(text[start:we]) <= limit:
                    end = we
                else:
                    spans.append((start, end))  # type: ignore[arg-type]
                    start, end = ws, we
            if start is not None:
                spans.append((start, end))  # type: ignore[arg-type]
            return spans

        def room(self, height: float) -> None:
            if self.get_y() + height > self.page_break_trigger:
                self.add_page()

        def text_block(
            self,
            key: Any,
            text: str,
            style: str = "",
            size: float | None = None,
            align: str = "",
            indent: float = 0.0,
            lh: float | None = None,
            after: float = 2.5,
            keep: int = 0,
        ) -> None:
            size = size or self.size
            lh = lh or self.lh
            self.set_font(self.family, style, size)
            spans = self.wrap(text, self.width, self.width - indent)
            self.room(lh * (min(len(spans), 2) + keep))
            for i, (s, e) in enumerate(spans):
                self.room(lh)
                y = self.get_y()
                x = self.l_margin + (indent if i == 0 else 0.0)
                w = self.width - (indent if i == 0 else 0.0)
                line = text[s:e]
                words = line.split(" ")
                if align == "J" and i < len(spans) - 1 and len(words) > 1:
                    gap = (w - sum(self.get_string_width(t) for t in words)) / (len(words) - 1)
                    for word in words:
                        self.set_xy(x, y)
                        self.cell(self.get_string_width(word), lh, word)
                        x += self.get_string_width(word) + gap
                else:
                    self.set_xy(x, y)
                    self.cell(w, lh, line, align={"C": "C", "R": "R"}.get(align, "L"))
                self.note(key, line)
                self.log[-1]["span"] = [s, e]
                self.set_xy(self.l_margin, y + lh)
            self.set_y(self.get_y() + after)

        def columns(
            self,
            key: str,
            left: list[str],
            right: list[str],
            split: float,
            size_left: float,
            size_right: float,
            rule_after: tuple[int, int] = (-1, -1),
            gap_before_last: float = 0.0,
        ) -> None:
            """Two columns of centred lines (letterhead, closing): left first, then right."""
            lh = 6.0
            y0 = self.get_y()
            bottoms = []
            for col, (lines, size, x, w) in enumerate(
                (
                    (left, size_left, self.l_margin, split),
                    (right, size_right, self.l_margin + split, self.width - split),
                )
            ):
                y = y0
                for k, line in enumerate(lines):
                    style, text = marked(line)
                    if gap_before_last and col == 1 and k == len(lines) - 1:
                        y += gap_before_last
                    self.set_font(self.family, style, size)
                    self.set_xy(x, y)
                    align = "L" if (col == 0 and key == "closing") else "C"
                    self.cell(w, lh, text, align=align)
                    self.note(key, text)
                    y += lh
                    if k == rule_after[col]:
                        rule = min(self.get_string_width(text), w) if col == 1 else 24
                        self.line(x + (w - rule) / 2, y + 0.5, x + (w + rule) / 2, y + 0.5)
                        y += 3
                bottoms.append(y)
            self.set_xy(self.l_margin, max(bottoms) + 6)

        def table(self, block: Block, widths: list[float], size: float) -> None:
            assert block.table is not None
            pad, lh = 1.2, size * 0.47
            total = sum(widths)
            widths = [w * self.width / total for w in widths]

            def layout(cells: list[str], bold: bool) -> tuple[list[list[str]], float]:
                self.set_font(self.family, "B" if bold else "", size)
                lines = []
                for text, w in zip(cells, widths, strict=False):
                    lines.append([text[s:e] for s, e in self.wrap(text, w - 2 * pad, w - 2 * pad)] or [""])
                return lines, max(len(x) for x in lines) * lh + 2 * pad

            def draw(r: int, cells: list[str]) -> None:
                header = r == 0
                lines, h = layout(cells, header)
                if not header and self.get_y() + h > self.page_break_trigger:
                    self.add_page()
                    draw(0, block.rows[0])  # the header again on the new page
                y, x = self.get_y(), self.l_margin
                self.set_font(self.family, "B" if header else "", size)
                if header:
                    self.set_fill_color(230, 230, 230)
                for c, (cell_lines, w) in enumerate(zip(lines, widths, strict=False)):
                    self.rect(x, y, w, h, style="DF" if header else "D")
                    top = y + (h - len(cell_lines) * lh) / 2
                    numeric = bool(re.fullmatch(r"[\d.,\-]*", cells[c]))
                    align = (
                        "C"
                        if header or (c == 0 and len(cells) > 5) or (widths[c] < 25 and not numeric)
                        else ("R" if numeric else "L")
                    )
                    for k, text in enumerate(cell_lines):
                        self.set_xy(x + pad, top + k * lh)
                        self.cell(w - 2 * pad, lh, text, align=align)
                        if text:
                            self.log.append(
                                {"page": self.page_no(), "block": f"table:{block.table}:{r}:{c}", "text": text}
                            )
                    x += w
                rows = self.block_pages.setdefault(("rows", block.table), {})
                rows.setdefault(r, [])
                if self.page_no() not in rows[r]:
                    rows[r].append(self.page_no())
                self.set_xy(self.l_margin, y + h)

            if block.caption:
                self.text_block(
                    ("caption", block.table), block.caption, style="BI", size=size + 1, align="C", after=1.5, keep=4
                )
            _, head_h = layout(block.rows[0], True)
            self.room(head_h + 3 * lh)
            for r, row in enumerate(block.rows):
                draw(r, row)
            self.set_y(self.get_y() + 4)

    return Report


def write_pdf(src: Source, path: Path) -> dict[str, Any]:
    pdf = fpdf_class()(format="A4", unit="mm")
    pdf.setup(src)
    published = src.published
    pdf.set_creation_date(published)
    pdf.set_title(plain(src.one("html_title") or next(b.text for b in src.blocks if b.kind == "title")))
    pdf.set_author(
        src.one("site_name")
        if not src.many("letterhead_left")
        else marked(src.many("letterhead_left")[0])[1] + " " + marked(src.many("letterhead_left")[1])[1]
    )
    pdf.set_subject(src.one("place"))
    pdf.set_creator("make_documents.py")
    pdf.set_lang("vi-VN")
    pdf.add_page()
    left, right = src.many("letterhead_left"), src.many("letterhead_right")
    if left or right:
        pdf.columns("letterhead", left, right, split=62, size_left=12, size_right=12, rule_after=(1, 1))
        pdf.set_y(pdf.get_y() + 2)
    widths_meta = {}
    for spec in src.many("table_widths"):
        idx, _, ws = spec.partition(":")
        widths_meta[int(idx)] = [float(w) for w in ws.split("|")]
    report = bool(left)
    for index, block in enumerate(src.blocks):
        if block.kind == "title":
            if report:
                pdf.text_block(index, block.text, style="B", size=15, align="C", after=1, keep=2)
            else:
                pdf.text_block(index, block.text, style="B", size=19, lh=9.5, after=2)
        elif block.kind == "subtitle":
            pdf.text_block(index, block.text, style="B", size=13.5, align="C", after=8)
        elif block.kind == "dateline":
            pdf.text_block(index, block.text, style="I", size=10.5, lh=6, after=5)
        elif block.kind == "heading":
            size = {2: pdf.size + 0.5, 3: pdf.size, 4: pdf.size}[block.level]
            style = {2: "B", 3: "B", 4: "BI"}[block.level]
            pdf.set_y(pdf.get_y() + 1.5)
            pdf.text_block(
                index,
                block.text,
                style=style,
                size=size,
                after=1.5,
                keep=2,
                indent=pdf.indent if block.level > 2 else 0.0,
            )
        elif block.kind == "paragraph":
            lead = block.paragraph == 0 and src.one("lead") == "bold"
            pdf.text_block(
                index, plain(block.text), style="B" if lead else "", align="J" if pdf.justify else "", indent=pdf.indent
            )
        elif block.kind == "table":
            assert block.table is not None
            widths = widths_meta.get(block.table) or [1.0] * len(block.rows[0])
            pdf.table(block, widths, float(src.one("table_font", "10")))
        elif block.kind == "byline":
            pdf.text_block(index, block.text, style="B", align="R", after=2)
    closing_l, closing_r = src.many("recipients"), src.many("signature")
    if closing_l or closing_r:
        pdf.room(6 * max(len(closing_l), len(closing_r)) + 26)
        pdf.columns("closing", closing_l, closing_r, split=80, size_left=10, size_right=12.5, gap_before_last=16)
    pdf.output(str(path))

    pages = pdf.block_pages
    blocks = []
    for index, block in enumerate(src.blocks):
        entry: dict[str, Any] = {"index": index, "kind": block.kind}
        if block.kind == "paragraph":
            entry["paragraph"] = block.paragraph
        if block.kind == "table":
            entry["table"] = block.table
            entry["text"] = block.caption[:60]
            rows = pages[("rows", block.table)]
            entry["pages"] = sorted(
                {p for ps in rows.values() for p in ps} | set(pages.get(("caption", block.table), []))
            )
        else:
            entry["text"] = plain(block.text)[:60]
            entry["pages"] = pages.get(index, [])
        blocks.append(entry)
    lines = []
    for item in pdf.log:
        key = item["block"]
        if isinstance(key, tuple):
            key = f"caption:{key[1]}"
        lines.append({"page": item["page"], "block": key, "text": item["text"]})
    return {
        "page_count": pdf.page_no(),
        "header": [src.one("pdf_header_left"), src.one("pdf_header_right")],
        "footer": src.one("pdf_footer", "{n}"),
        "letterhead": pages.get("letterhead", []),
        "closing": pages.get("closing", []),
        "blocks": blocks,
        "paragraphs": {str(b.paragraph): pages.get(i, []) for i, b in enumerate(src.blocks) if b.kind == "paragraph"},
        "rows": {str(t.table): {str(r): ps for r, ps in sorted(pages[("rows", t.table)].items())} for t in src.tables},
        "lines": lines,
        "_log": pdf.log,  # removed before writing
    }


# ---- DOCX ---------------------------------------------------------------------------------


def write_docx(src: Source, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    published = src.published.astimezone(dt.UTC).replace(tzinfo=None)
    props = doc.core_properties
    props.title = plain(src.one("html_title") or next(b.text for b in src.blocks if b.kind == "title"))
    props.author = src.one("site_name") or "UBND"
    props.last_modified_by = props.author
    props.created = published
    props.modified = published
    props.last_printed = published
    props.revision = 1
    props.language = "vi-VN"
    props.subject = src.one("place")
    props.keywords = src.one("tags").replace(" | ", ", ")
    props.comments = ""

    def two_columns(left: list[str], right: list[str], right_center: bool = True, left_center: bool = True) -> None:
        table = doc.add_table(rows=1, cols=2)
        for cell, lines, center in ((table.cell(0, 0), left, left_center), (table.cell(0, 1), right, right_center)):
            cell.paragraphs[0].text = ""
            for k, line in enumerate(lines):
                style, text = marked(line)
                para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                run = para.add_run(text)
                run.bold = style == "B"
                run.italic = style == "I"
                if center:
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER

    left, right = src.many("letterhead_left"), src.many("letterhead_right")
    if left or right:
        two_columns(left, right)
    report = bool(left)
    first_paragraph = True
    for block in src.blocks:
        if block.kind == "title":
            para = doc.add_heading(block.text, 0)
            if report:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "subtitle":
            para = doc.add_paragraph(block.text, style="Subtitle")
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "dateline":
            doc.add_paragraph().add_run(block.text).italic = True
        elif block.kind == "heading":
            doc.add_heading(block.text, block.level - 1)
        elif block.kind == "paragraph":
            para = doc.add_paragraph()
            run = para.add_run(plain(block.text))
            if first_paragraph and src.one("lead") == "bold":
                run.bold = True
            first_paragraph = False
            if src.one("align") == "justify":
                para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif block.kind == "table":
            if block.caption:
                doc.add_paragraph(block.caption, style="Caption")
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = ""
                    run = cell.paragraphs[0].add_run(text)
                    run.bold = r == 0
                    if r == 0:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                    elif re.fullmatch(r"[\d.,\-]+", text):
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif block.kind == "byline":
            para = doc.add_paragraph()
            para.add_run(block.text).bold = True
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    closing_l, closing_r = src.many("recipients"), src.many("signature")
    if closing_l or closing_r:
        two_columns(closing_l, closing_r, left_center=False)
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(deterministic_zip(buffer.getvalue(), src.published))


def deterministic_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with fixed member times and attributes (python-docx stamps the time of saving)."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zout.writestr(info, zin.read(item.filename))
    return out.getvalue()


# ---- the reading's pages --------------------------------------------------------------------


SENTENCE_END = re.compile(r"[.!?:;]\s|[“”]")


def locate(src: Source, quote: str) -> list[tuple[int, int]]:
    """(block index, offset) of every occurrence of quote in the paragraphs, at word bounds."""
    found = []
    for index, block in enumerate(src.blocks):
        if block.kind not in ("paragraph", "heading"):
            continue
        text = plain(block.text)
        for m in re.finditer(re.escape(quote), text):
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if not (before.isalnum() or after.isalnum()):
                found.append((index, m.start()))
    return found


def row_of(src: Source, quote: str) -> tuple[Block, int] | None:
    for block in src.tables:
        for r, row in enumerate(block.rows):
            if r and " | ".join(row) == quote:
                return block, r
    return None


def fill_pages(src: Source, layout: dict[str, Any], path: Path) -> list[str]:
    """Writes each figure's page (where its quote starts; page_end when it runs onto the next)."""
    if not path.exists():
        return [f"{path.name}: no reading yet"]
    reading = json.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for item in layout["_log"]:
        if isinstance(item["block"], int) and "span" in item:
            spans.setdefault(item["block"], []).append((item["span"][0], item["span"][1], item["page"]))
    for n, fig in enumerate(reading["figures"]):
        quote = fig["quote"]
        fig.pop("page", None)
        fig.pop("page_end", None)
        hit = row_of(src, quote)
        if hit is not None:
            block, r = hit
            header = " | ".join(block.rows[0])
            if fig.get("header") != header:
                problems.append(f"figure {n}: header is not the table's: {fig.get('header')!r}")
            pages = layout["rows"][str(block.table)][str(r)]
            fig["page"] = pages[0]
            for comp in fig.get("comparisons", ()):
                col = block.rows[0].index(comp.get("column", "?")) if comp.get("column") in block.rows[0] else None
                if col is None or block.rows[r][col] != comp["quote"]:
                    problems.append(
                        f"figure {n}: comparison {comp['quote']!r} is not the cell of {comp.get('column')!r}"
                    )
            continue
        where = locate(src, quote)
        if len(where) != 1:
            problems.append(f"figure {n}: quote found {len(where)} times: {quote!r}")
            continue
        index, start = where[0]
        end = start + len(quote)
        if SENTENCE_END.search(quote):
            problems.append(f"figure {n}: quote runs past a sentence: {quote!r}")
        text = plain(src.blocks[index].text)
        for comp in fig.get("comparisons", ()):
            if comp["quote"] not in text:
                problems.append(f"figure {n}: comparison quote not in its paragraph: {comp['quote']!r}")
        pages = [p for s, e, p in spans.get(index, []) if s < end and e > start]
        if not pages:
            problems.append(f"figure {n}: no page for {quote!r}")
            continue
        fig["page"] = pages[0]
        if pages[-1] != pages[0]:
            fig["page_end"] = pages[-1]
    for n, event in enumerate(reading.get("events", [])):
        where = locate(src, event["quote"])
        if len(where) != 1:
            problems.append(f"event {n}: quote found {len(where)} times: {event['quote']!r}")
            continue
        index, start = where[0]
        end = start + len(event["quote"])
        pages = [p for s, e, p in spans.get(index, []) if s < end and e > start]
        event["page"] = pages[0]
    path.write_text(json.dumps(reading, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return problems


# ---- reading the forms back (--check) -----------------------------------------------------


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def check(src: Source, problems: list[str]) -> dict[str, Any]:
    import pypdfium2 as pdfium
    import trafilatura
    from docx import Document

    EXTRACTED.mkdir(exist_ok=True)
    name = src.name
    report: dict[str, Any] = {}
    reading_path = HERE / f"{name}.expected.json"
    reading = json.loads(reading_path.read_text(encoding="utf-8")) if reading_path.exists() else {"figures": []}
    prose = [f for f in reading["figures"] if " | " not in f["quote"]]

    # PDF
    pdf = pdfium.PdfDocument(str(HERE / f"{name}.pdf"))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    (EXTRACTED / f"{name}.pdf.txt").write_text(
        "".join(f"\f=== page {i + 1} ===\n{t}\n" for i, t in enumerate(pages)), encoding="utf-8"
    )
    joined = "\n".join(pages)
    odd = sorted(
        {
            f"U+{ord(c):04X}"
            for c in joined
            if (ord(c) < 32 and c not in "\r\n\t") or c in "\u00a0\u00ad\ufffe\ufffd\u200b"
        }
    )
    on_page = sum(
        1
        for f in prose
        if squash(f["quote"])
        in squash(
            pages[f["page"] - 1] if f.get("page_end") is None else pages[f["page"] - 1] + " " + pages[f["page_end"] - 1]
        )
    )
    verbatim = sum(1 for f in prose if f["quote"] in joined)
    report["pdf"] = {
        "pages": len(pages),
        "nfc": all(unicodedata.is_normalized("NFC", t) for t in pages),
        "line_end": "\\r\\n" if "\r\n" in joined else "\\n",
        "odd_chars": odd,
        "prose_quotes": len(prose),
        "verbatim": verbatim,
        "after_whitespace_squash_on_its_page": on_page,
        "first_line_of_page_2": pages[1].splitlines()[0] if len(pages) > 1 else "",
        "last_line_of_page_1": pages[0].splitlines()[-1],
    }
    # HTML
    raw = (HERE / f"{name}.html").read_text(encoding="utf-8")
    text = trafilatura.extract(raw, include_tables=True) or ""
    (EXTRACTED / f"{name}.trafilatura.txt").write_text(text + "\n", encoding="utf-8")
    text_nt = trafilatura.extract(raw, include_tables=False) or ""
    (EXTRACTED / f"{name}.trafilatura-no-tables.txt").write_text(text_nt + "\n", encoding="utf-8")
    clutter = {
        "menu": [m for m in src.one("menu").split(" | ") if re.search(rf"(^|\n){re.escape(m)}($|\n)", text)],
        "related": [t for t in src.many("related") if t in text],
        "inline_related": [t for t in src.many("inline_related") if t in text],
        "mostread": [t for t in src.many("mostread") if t in text],
        "footer": [t for t in src.many("footer") if t in text],
        "photo_caption": src.one("photo_caption") in text,
        "share": [w for w in ("Chia sẻ", "Facebook", "In bài") if w in text],
        "breadcrumb": " > ".join(src.one("breadcrumb").split(" | ")) in text,
        "tags": "Từ khóa" in text,
        "title": (src.one("html_title") or next(b.text for b in src.blocks if b.kind == "title")) in text,
    }
    report["html"] = {
        "chars": len(text),
        "nfc": unicodedata.is_normalized("NFC", text),
        "nbsp": "\u00a0" in text,
        "prose_quotes_verbatim": sum(1 for f in prose if f["quote"] in text),
        "prose_quotes_after_nbsp_to_space": sum(1 for f in prose if f["quote"] in text.replace("\u00a0", " ")),
        "tables_kept": [all(" | ".join(r) in text or all(c in text for c in r) for r in b.rows) for b in src.tables],
        "leaked": {k: v for k, v in clutter.items() if v},
        "paragraphs_missing": [
            b.paragraph for b in src.paragraphs if squash(plain(b.text)) not in squash(text.replace("\u00a0", " "))
        ],
    }
    meta = trafilatura.extract_metadata(raw)
    report["html"]["metadata"] = {"title": meta.title, "date": meta.date, "sitename": meta.sitename} if meta else None
    # DOCX
    doc = Document(str(HERE / f"{name}.docx"))
    dump = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            from docx.text.paragraph import Paragraph

            p = Paragraph(child, doc)
            dump.append(f"[{p.style.name}] {p.text}")
        elif tag == "tbl":
            from docx.table import Table

            t = Table(child, doc)
            dump.append(f"[table {len(t.rows)}x{len(t.columns)} style={t.style.name if t.style else None}]")
            dump += ["  " + " | ".join(c.text.replace("\n", " / ") for c in row.cells) for row in t.rows]
    (EXTRACTED / f"{name}.docx.txt").write_text("\n".join(dump) + "\n", encoding="utf-8")
    all_text = "\n".join(p.text for p in doc.paragraphs)
    report["docx"] = {
        "paragraphs": len(doc.paragraphs),
        "tables": len(doc.tables),
        "headings": len([p for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title", "Subtitle"))]),
        "prose_quotes_verbatim": sum(1 for f in prose if f["quote"] in all_text),
        "core": {"created": str(doc.core_properties.created), "title": doc.core_properties.title},
    }
    # the TXT
    txt = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    report["txt"] = {"prose_quotes_verbatim": sum(1 for f in prose if f["quote"] in txt), "prose_quotes": len(prose)}
    missing = [f["quote"] for f in prose if f["quote"] not in txt]
    problems += [f"{name}.txt lacks quote {q!r}" for q in missing]
    return report


# ---- main ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="read every form back and report")
    parser.add_argument("names", nargs="*", default=NAMES)
    args = parser.parse_args(argv)
    problems: list[str] = []
    reports = {}
    for name in args.names:
        src = parse(SOURCES / f"{name}.src")
        (HERE / f"{name}.txt").write_text(write_txt(src), encoding="utf-8")
        (HERE / f"{name}.html").write_text(write_html(src), encoding="utf-8")
        layout = write_pdf(src, HERE / f"{name}.pdf")
        problems += [f"{name}: {p}" for p in fill_pages(src, layout, HERE / f"{name}.expected.json")]
        del layout["_log"]
        (HERE / f"{name}.pdf.pages.json").write_text(
            json.dumps(layout, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        write_docx(src, HERE / f"{name}.docx")
        words = len(re.findall(r"\w+", write_txt(src)))
        print(f"{name}: {words} words, {layout['page_count']} PDF pages")
        if args.check:
            reports[name] = check(src, problems)
    if args.check:
        print(json.dumps(reports, ensure_ascii=False, indent=1))
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
