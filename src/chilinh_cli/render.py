"""One renderer per output format. Each writes to the stream it is given.

Text from a data file is never interpreted: Rich receives ``Text`` objects (markup
in them stays literal), control and bidi characters are replaced, and CSV text
cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from .present import Chart, Sheet, word
from .text import UNSAFE_CHARS, safe

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

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


def _console(out: IO[str], *, color: bool, width: int | None, record: bool = False) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit 1; a reader that stops early (`| head`) is a success for chilinh.
            self.quiet = True
            raise BrokenPipeError

    return _Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        width=width,
        record=record,
    )


def sheet_renderables(sheet: Sheet) -> list[RenderableType]:
    """A sheet as Rich renderables: the table, then its footnotes."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(safe(sheet.title), style="bold"), show_lines=False, header_style="bold")
    for index, column in enumerate(sheet.columns):
        table.add_column(Text(safe(column)), overflow="fold", style="cyan" if index == 0 else None)
    for row in sheet.rows:
        table.add_row(*(Text(safe(cell)) for cell in row))
    return [table, *(Text(safe(note), style="dim") for note in sheet.notes)]


_BAR_STYLES = {"up": "green", "down": "red", "unchanged": "yellow"}
_ARROWS = {"up": "▲", "down": "▼", "unchanged": "="}


def chart_renderables(chart: Chart, lang: str, width: int) -> list[RenderableType]:
    """Horizontal bars drawn with block characters; the direction is a word and an arrow too."""
    from rich.text import Text

    label_width = max((len(bar.label) for g in chart.groups for bar in (*g.bars, g.change)), default=4)
    room = max(width - label_width - 34, 8)
    lines: list[RenderableType] = [Text(safe(chart.title), style="bold")]
    for group in chart.groups:
        lines.append(Text(""))
        lines.append(Text(safe(group.title), style="bold cyan"))
        for bar in group.bars:
            line = Text(f"  {bar.label:>{label_width}} ")
            line.append("█" * max(round(bar.fraction * room), 1), style="blue")
            line.append(f" {safe(bar.text)}")
            lines.append(line)
        style = _BAR_STYLES[group.direction]
        line = Text(f"  {group.change.label:>{label_width}} ")
        line.append(_ARROWS[group.direction] * max(round(group.change.fraction * room), 1), style=style)
        line.append(f" {safe(group.change.text)} ({word(group.direction, lang)})")
        lines.append(line)
    lines += [Text(safe(note), style="dim") for note in chart.notes]
    return lines


def render_table(sheet: Sheet, out: IO[str], *, color: bool, width: int | None = None) -> None:
    """A Rich table for a terminal, with the sheet's footnotes below it."""
    console = _console(out, color=color, width=width)
    for renderable in sheet_renderables(sheet):
        console.print(renderable)


def render_chart(chart: Chart, out: IO[str], lang: str, *, color: bool, width: int | None = None) -> None:
    console = _console(out, color=color, width=width)
    for renderable in chart_renderables(chart, lang, console.width):
        console.print(renderable)


def save_svg(renderables: list[RenderableType], path: str, title: str, width: int = 110) -> None:
    """Exactly these renderables, as a terminal shows them, in an SVG file (written atomically)."""
    import io
    from pathlib import Path

    from .export import atomic_file

    console = _console(io.StringIO(), color=True, width=width, record=True)
    for renderable in renderables:
        console.print(renderable)
    svg = console.export_svg(title=title)
    # Like a shell's `>`: the directory must exist, an existing file is replaced.
    with atomic_file(Path(path), make_parents=False) as temporary:
        temporary.write_text(svg, encoding="utf-8")
