"""Answers written out: one renderer per output format, and ``show``, which picks one.

This is the only module that imports Rich (lazily: only a table for a terminal, a chart
or a picture pays for it). Text from a data file is never interpreted: Rich receives
``Text`` objects (markup in them stays literal), control and bidi characters are
replaced, and CSV text cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple

from ..answers.core import Answer, CompareAnswer, SeriesAnswer
from ..model.text import safe, unsafe_chars
from ..words import messages
from ..words.language import Lang
from ..words.messages import Msg
from ..words.numfmt import format_number
from . import sheets
from .sheets import Chart, Sheet

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

Format = Literal["auto", "table", "tsv", "json", "csv", "markdown"]
"""auto: a drawn table on a terminal, tab-separated lines in a pipe."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Output(NamedTuple):
    """How an answer is to be shown: the options every query command shares."""

    format: Format = "auto"
    lang: Lang = "en"
    no_color: bool = False
    svg: Path | None = None
    """Also save what a terminal shows as an SVG picture here."""
    chart: bool = False
    """Draw a comparison as bars instead of a table."""


def show(answer: Answer, output: Output) -> None:
    """Write ``answer`` to standard output as ``output`` asks; footnotes of a piped table go
    to standard error, since they are messages, not data."""
    # A picture asked for is saved first: it is complete even when the reader of standard
    # output leaves early (`| head`) or standard output is closed.
    if output.chart and isinstance(answer, CompareAnswer | SeriesAnswer):
        if isinstance(answer, CompareAnswer):
            drawn = sheets.chart(answer, output.lang)
        else:
            drawn = sheets.series_chart(answer, output.lang)
        if output.svg is not None:
            save_svg(chart_renderables(drawn, 110), output.svg, title=f"chilinh: {drawn.title}")
        render_chart(drawn, sys.stdout, color=_color(output))
        return
    chosen = ("table" if sys.stdout.isatty() else "tsv") if output.format == "auto" else output.format
    if chosen in ("table", "tsv"):
        table = sheets.sheet(answer, output.lang)
        if output.svg is not None:
            save_svg(sheet_renderables(table), output.svg, title=f"chilinh: {table.title}")
        if chosen == "table":
            render_table(table, sys.stdout, color=_color(output))
        else:
            render_plain(table, sys.stdout)
            for note in table.notes:
                sys.stderr.write(safe(note) + "\n")
        return
    out = io.StringIO()
    if chosen in ("json", "csv"):
        from . import documents  # for scripts only: a sheet never needs it

        if chosen == "json":
            render_json(documents.document(answer), out)
        else:
            render_csv(*documents.rows(answer), out)
    else:
        render_markdown(sheets.sheet(answer, output.lang), out)
    if output.svg is not None:
        from rich.text import Text

        save_svg([Text(out.getvalue())], output.svg, title="chilinh")
    sys.stdout.write(out.getvalue())


def say(message: Msg, lang: Lang, out: IO[str]) -> None:
    """A message of the tool's own (not data), made safe to print."""
    out.write(safe(message.get(lang)) + "\n")


def say_all(lines: list[tuple[Msg, bool]], lang: Lang) -> None:
    """Messages of the tool's own: problems (True) on standard error, the rest on standard output."""
    for message, problem in lines:
        say(message, lang, sys.stderr if problem else sys.stdout)


def report(message: Msg, lang: Lang) -> None:
    """An error, on standard error: 'chilinh: error: …', every line of it made safe to print."""
    if sys.stderr is None:  # pragma: no cover - started with standard error closed
        return
    lines = message.get(lang).splitlines() or [""]
    sys.stderr.write(messages.ERROR_PREFIX.get(lang) + "\n".join(safe(line) for line in lines) + "\n")


def silence_stdout() -> None:
    """The reader has gone (`chilinh … | head`): send what is left to /dev/null so that
    Python's shutdown flush does not raise a second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _BuildProgress:
    """A progress bar on standard error while the store reads files, once that has taken more
    than a second and only on a terminal: files done, rate and time left."""

    def __init__(self, lang: Lang) -> None:
        import time

        self.lang = lang
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int, figures: int) -> None:
        import time

        if self.bar is None:
            if time.monotonic() - self.started < 1 or done >= total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn(messages.READING_FILES.get(self.lang)),
                *(BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[so_far]}"), TimeRemainingColumn()),
                console=_console(sys.stderr, color=True, width=None),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=total, so_far="")
        rate = done / max(time.monotonic() - self.started, 1e-9)
        so_far = messages.READ_SO_FAR.get(self.lang).format(
            figures=format_number(figures, self.lang), rate=format_number(round(rate), self.lang)
        )
        self.bar.update(self.task, completed=done, so_far=so_far)
        if done >= total:
            self.bar.stop()


class _StepProgress:
    """A progress bar on standard error while long work goes step by step (a document's pages,
    the reviews a first search indexes), once that has taken more than half a second: steps
    done and time left, after ``label``."""

    def __init__(self, lang: Lang, label: Msg) -> None:
        import time

        self.lang = lang
        self.label = label
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        import time

        if self.bar is None:
            if time.monotonic() - self.started < 0.5 or done >= total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn(self.label.get(self.lang)),
                *(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()),
                console=_console(sys.stderr, color=True, width=None),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()


def _telling() -> bool:
    """Whether long work tells how it goes: only to a terminal, never into a pipe or a log."""
    return sys.stderr is not None and sys.stderr.isatty()


def page_progress(lang: Lang) -> Callable[[int, int], None] | None:
    """What `draft` tells while it reads a document's pages: a progress bar on a terminal, else nothing."""
    return _StepProgress(lang, messages.READING_PAGES) if _telling() else None


def indexing(lang: Lang) -> Callable[[int, int], None] | None:
    """What a first search tells while it indexes the reviews it looks in: a bar on a terminal."""
    return _StepProgress(lang, messages.INDEXING_REVIEWS) if _telling() else None


def walking(lang: Lang) -> Callable[[int, bool], None] | None:
    """What a catalog folder's walk tells on a terminal: one line, 'looking for data files: N
    found', kept up to date and cleared at the end (a home folder may take a while)."""
    if not _telling():
        return None
    shown = [False]

    def tell(found: int, finished: bool) -> None:
        if finished:
            if shown[0]:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            return
        shown[0] = True
        line = messages.LOOKING_FOR_FILES.format(count=format_number(found, lang)).get(lang)
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()

    return tell


def progress(lang: Lang) -> Callable[[int, int, int], None] | None:
    """What the store tells while it reads files: a progress bar on a terminal, else nothing."""
    return _BuildProgress(lang) if _telling() else None


def _color(output: Output) -> bool:
    wanted = not (output.no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb")
    return wanted and sys.stdout.isatty()


def render_json(document: Any, out: IO[str]) -> None:
    import json  # only for --format json: a table or TSV needs none of it

    text = json.dumps(document, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; escape the rest of the unsafe characters too,
    # which keeps the document valid and the terminal safe.
    if not text.replace("\n", "").isprintable():  # printable text has no unsafe character
        text = unsafe_chars().sub(lambda m: f"\\u{ord(m.group()):04x}", text)
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
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])


# Every character that could start Markdown or HTML in a cell or a heading: '|' would end the
# cell, '[' a link (javascript: too), '<' a tag, '&' an entity, the others emphasis or code.
_MARKDOWN = re.compile(r"[\\`*_\[\]|<>&~]")


def _markdown_cell(text: str) -> str:
    """Text from data made inert in GitHub-flavoured Markdown: every special character escaped."""
    return _MARKDOWN.sub(lambda found: "\\" + found.group(), safe(text))


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

    columns = os.environ.get("COLUMNS")
    if width is None and columns is not None and not (columns.isdigit() and int(columns) > 0):
        width = _terminal_width(out)  # COLUMNS=0, negative or junk counts as unset (Rich would print nothing)

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


def _terminal_width(out: IO[str]) -> int:
    try:
        return os.get_terminal_size(out.fileno()).columns or 80
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return 80


STACK_BELOW = 60
"""Below this many columns a sheet is shown as one block per row instead of a table."""


def sheet_renderables(sheet: Sheet, width: int = 110) -> list[RenderableType]:
    """A sheet as Rich renderables for a terminal ``width`` columns wide: a table whose columns
    get their widths by content and are never narrower than their longest word or number (so
    that none is ever split), or, when such a table cannot fit, one block per row. The
    footnotes follow either way."""
    from rich.table import Table
    from rich.text import Text

    notes = [_wrapped(note, width, 0, "dim") for note in sheet.notes]
    widths = _column_widths(sheet, width - 3 * len(sheet.columns) - 1) if width >= STACK_BELOW else None
    if widths is None:
        return [*_stacked(sheet, width), *notes]
    table = Table(title=Text(safe(sheet.title), style="bold"), show_lines=False, header_style="bold")
    for index, column in enumerate(sheet.columns):
        table.add_column(Text(safe(column)), width=widths[index], style="cyan" if index == 0 else None)
    for row in sheet.rows:
        table.add_row(*(Text(safe(cell)) for cell in row))
    return [table, *notes]


def _column_widths(sheet: Sheet, room: int) -> list[int] | None:
    """Each column's width within ``room``: its whole content when everything fits, else at
    least its longest word. The room left goes first, whole, to each column that lacks no more
    than a fair share of it (a label, a year: such short text is not worth wrapping), then
    to the others by how much each still lacks. None when even the longest words do not fit
    side by side."""
    columns = [[column, *(row[n] for row in sheet.rows)] for n, column in enumerate(sheet.columns)]
    shortest = [_longest_token(cells) for cells in columns]
    natural = [max(len(safe(cell)) for cell in cells) for cells in columns]
    if sum(shortest) > room:
        return None
    widths = list(shortest)
    while True:  # whole columns first, while one lacks no more than a fair share
        lacking = [natural[n] - widths[n] for n in range(len(widths))]
        short = [n for n in range(len(widths)) if lacking[n] > 0]
        fair = (room - sum(widths)) // max(len(short), 1)
        whole = [n for n in short if lacking[n] <= fair]
        if not whole:
            break
        for n in whole:
            widths[n] = natural[n]
    while (spare := room - sum(widths)) > 0:
        lacking = [max(natural[n] - widths[n], 0) for n in range(len(widths))]
        if not any(lacking):
            break
        total = sum(lacking)
        grant = [min(lacking[n], max(spare * lacking[n] // total, 1 if lacking[n] else 0)) for n in range(len(widths))]
        if sum(grant) > spare:  # the last cells of room, one column at a time
            grant = [0] * len(widths)
            grant[lacking.index(max(lacking))] = 1
        widths = [w + g for w, g in zip(widths, grant, strict=True)]
    return widths


def _longest_token(cells: list[str]) -> int:
    return max((len(token) for cell in cells for token in safe(cell).split()), default=1)


def _stacked(sheet: Sheet, width: int) -> list[RenderableType]:
    """One block per row: its first cell as a heading, then 'column: value' lines."""
    from rich.text import Text

    blocks: list[RenderableType] = [_wrapped(sheet.title, width, 2, "bold")]
    for row in sheet.rows:
        blocks.append(Text(""))
        blocks.append(_wrapped(row[0], width, 2, "bold cyan"))
        for column, cell in zip(sheet.columns[1:], row[1:], strict=True):
            blocks.append(_wrapped(f"  {column}: {cell}", width, 4, ""))
    blocks.append(Text(""))
    return blocks


_BAR_STYLES = {"up": "green", "down": "red", "unchanged": "yellow"}
# Stated values are solid, derived ones light: the difference never rests on colour alone.
_GLYPHS = {False: "█", True: "░"}
_ARROWS = {False: {"up": "▲", "down": "▼", "unchanged": "="}, True: {"up": "△", "down": "▽", "unchanged": "-"}}


def _wrapped(text: str, width: int, indent: int, style: str) -> RenderableType:
    """A label of any length, wrapped at word boundaries with every line after the first indented."""
    import textwrap

    from rich.text import Text

    lines = textwrap.wrap(
        safe(text), width=max(width, 20), subsequent_indent=" " * indent, break_on_hyphens=False, break_long_words=False
    )
    return Text("\n".join(lines or [""]), style=style)


def chart_renderables(chart: Chart, width: int) -> list[RenderableType]:
    """Horizontal bars drawn with block characters; the direction is a word and an arrow too."""
    from rich.text import Text

    every = [bar for g in chart.groups for bar in (*g.bars, *((g.change,) if g.change is not None else ()))]
    label_width = max((len(bar.label) for bar in every), default=4)
    # the bars get what the longest value beside them leaves of the line: no line wraps
    longest = max((len(safe(bar.text)) for bar in every), default=0)
    room = max(width - label_width - 5 - longest, 8)
    lines: list[RenderableType] = [_wrapped(chart.title, width, 2, "bold"), _wrapped(chart.legend, width, 2, "dim")]
    for group in chart.groups:
        lines.append(Text(""))
        lines.append(_wrapped(f"{group.title} ({group.scale})", width, 4, "bold cyan"))
        for bar in group.bars:
            line = Text(f"  {bar.label:>{label_width}} ")
            line.append(_GLYPHS[bar.derived] * max(round(bar.fraction * room), 1), style="blue")
            line.append(f" {safe(bar.text)}")
            lines.append(line)
        if group.change is None:
            continue
        line = Text(f"  {group.change.label:>{label_width}} ")
        arrows = _ARROWS[group.change.derived][group.direction] * max(round(group.change.fraction * room), 1)
        line.append(arrows, style=_BAR_STYLES[group.direction])
        line.append(f" {safe(group.change.text)}")
        lines.append(line)
    lines += [_wrapped(note, width, 2, "dim") for note in chart.notes]
    return lines


def render_table(sheet: Sheet, out: IO[str], *, color: bool, width: int | None = None) -> None:
    """A Rich table for a terminal, with the sheet's footnotes below it."""
    console = _console(out, color=color, width=width)
    for renderable in sheet_renderables(sheet, console.width):
        console.print(renderable)


def render_chart(chart: Chart, out: IO[str], *, color: bool, width: int | None = None) -> None:
    console = _console(out, color=color, width=width)
    for renderable in chart_renderables(chart, console.width):
        console.print(renderable)


def _self_contained_svg_format() -> str:
    """Rich's SVG template without the fonts it fetches from a CDN: a picture opened later,
    offline or in a careful viewer, uses the local Fira Code or any monospace font instead."""
    import inspect

    from rich.console import Console

    template = str(inspect.signature(Console.export_svg).parameters["code_format"].default)
    return re.sub(r",\s*url\([^)]*\)\s*format\([^)]*\)", "", template)


def save_svg(renderables: list[RenderableType], path: Path, title: str, width: int = 110) -> None:
    """Exactly these renderables, as a terminal shows them, in an SVG file (written atomically)."""
    from ..files.writer import atomic_file  # only a picture asked for is a file to write

    console = _console(io.StringIO(), color=True, width=width, record=True)
    for renderable in renderables:
        console.print(renderable)
    # Rich escapes the title's markup, not its control characters: safe() keeps the XML valid
    # (no C0 control may appear in XML 1.0) and a terminal that shows the file inert.
    svg = console.export_svg(title=safe(title), code_format=_self_contained_svg_format())
    # Like a shell's `>`: the directory must exist, an existing file is replaced.
    with atomic_file(path) as temporary:
        temporary.write_text(svg, encoding="utf-8")
