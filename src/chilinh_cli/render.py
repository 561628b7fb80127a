"""One renderer per output format. Each writes to the stream it is given.

Text from a data file is never interpreted: Rich receives ``Text`` objects (markup
in them stays literal), control and bidi characters are replaced, and CSV text
cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from typing import IO, Any

from .present import Sheet
from .text import UNSAFE_CHARS, safe

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_json(document: Any, out: IO[str]) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; escape the rest of the unsafe characters too,
    # which keeps the document valid and the terminal safe.
    text = UNSAFE_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    out.write(text + "\n")


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return value
    text = safe(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(columns: tuple[str, ...], rows: list[tuple[object, ...]], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])


def _markdown_cell(text: str) -> str:
    # '|' would end the cell; a backslash or backtick would start markup.
    return safe(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")


def render_markdown(sheet: Sheet, out: IO[str]) -> None:
    """A GitHub-flavoured Markdown table, the title as a heading and footnotes below."""
    out.write(f"### {_markdown_cell(sheet.title)}\n\n")
    out.write("| " + " | ".join(_markdown_cell(c) for c in sheet.columns) + " |\n")
    out.write("|" + "|".join("---" for _ in sheet.columns) + "|\n")
    for row in sheet.rows:
        out.write("| " + " | ".join(_markdown_cell(cell) for cell in row) + " |\n")
    for note in sheet.notes:
        out.write(f"\n{_markdown_cell(note)}\n")


def render_plain(sheet: Sheet, out: IO[str]) -> None:
    """Tab-separated lines, a header first: for pipes, grep, cut and awk."""
    for row in (sheet.columns, *sheet.rows):
        out.write("\t".join(safe(cell) for cell in row) + "\n")


def render_table(sheet: Sheet, out: IO[str], *, color: bool, width: int | None = None) -> None:
    """A Rich table for a terminal, with the sheet's footnotes below it."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        width=width,
    )
    table = Table(title=Text(safe(sheet.title), style="bold"), show_lines=False, header_style="bold")
    for index, column in enumerate(sheet.columns):
        table.add_column(Text(safe(column)), overflow="fold", style="cyan" if index == 0 else None)
    for row in sheet.rows:
        table.add_row(*(Text(safe(cell)) for cell in row))
    console.print(table)
    for note in sheet.notes:
        console.print(Text(safe(note), style="dim"))
