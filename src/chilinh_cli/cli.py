"""The command line: parse arguments, ask the core, hand the answer to a renderer.

Nothing here computes a figure. Rich and Pydantic are imported only on the paths
that need them (a table for a terminal; validating a file not yet in the cache).
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Optional

import typer

from . import __version__
from .errors import ChilinhError
from .text import safe

if TYPE_CHECKING:
    from .models import Dataset
    from .present import Sheet

EXAMPLES = {
    "list": "chilinh list\n\n  chilinh list --lang vi\n\n  chilinh list --format json",
    "metric": "chilinh metric revenue\n\n  chilinh metric 'thu ngan sach' --lang vi\n\n  chilinh metric --format csv",
    "compare": "chilinh compare --year 2020\n\n  chilinh compare --chart --export-svg growth.svg\n\n"
    "  chilinh compare --format json | jq '.rows[].id'",
    "show": "chilinh show 4\n\n  chilinh show economy --lang vi\n\n  chilinh show petitions --format markdown",
    "search": "chilinh search 'bau cu'\n\n  chilinh search revenue --format json",
    "validate": "chilinh validate\n\n  chilinh validate my-city-2022.json",
    "export": "chilinh export sqlite chilinh.db\n\n  chilinh export csv tables/ --force",
}


MAX_NAME_LENGTH = 200


class OutputFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Language(enum.StrEnum):
    en = "en"
    vi = "vi"


def default_language() -> Language:
    """CHILINH_LANG, else vi when the locale (LC_ALL, LC_MESSAGES, then LANG) is Vietnamese, else en."""
    from .language import default_language

    return Language(default_language(os.environ))


def _completions(names: Callable[[Dataset], list[str]], incomplete: str) -> list[str]:
    """Names from the dataset in use that start with what was typed; nothing if it cannot load."""
    from .loader import load_dataset

    try:
        candidates = names(load_dataset(os.environ.get("CHILINH_DATA") or None))
    except ChilinhError:
        return []
    return [name for name in candidates if name.startswith(incomplete)]


def _complete_highlight(incomplete: str) -> list[str]:
    from .core import highlight_slugs

    return _completions(highlight_slugs, incomplete)


def _complete_figure(incomplete: str) -> list[str]:
    from .core import figure_names

    return _completions(figure_names, incomplete)


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (tab-separated plain text when piped), json, csv or markdown (GitHub tables).",
        case_sensitive=False,
    ),
]
LangOption = Annotated[
    Optional[Language],  # noqa: UP045 - Typer 0.28 reads the annotation at run time on Python 3.11
    typer.Option(
        "--lang",
        "-l",
        help="Language of labels, numbers and messages [default: CHILINH_LANG, else vi if the locale "
        "(LC_ALL, LC_MESSAGES or LANG) is vi*, else en].",
        show_default=False,
        case_sensitive=False,
    ),
]
NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help="No colour in tables (also NO_COLOR=1 or TERM=dumb; piped output never has any)."),
]
SvgOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--export-svg",
        help="Also save what a terminal shows as an SVG picture at this path.",
        show_default=False,
        dir_okay=False,
    ),
]
DataOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--data",
        envvar="CHILINH_DATA",
        help="Use this dataset file instead of the embedded one.",
        show_default=False,
        dir_okay=True,
    ),
]

app = typer.Typer(
    name="chilinh",
    help="Chí Linh city's 2021 in numbers: every figure of the year-in-review, with its source.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"chilinh {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", envvar="CHILINH_DEBUG", help="Show the full traceback of an internal error.")
    ] = False,
    lang: Annotated[
        Optional[Language],  # noqa: UP045
        typer.Option(
            "--lang",
            "-l",
            help="Language of labels, numbers and messages, for every command.",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
) -> None:
    """Chí Linh city's 2021 in numbers: every figure of the year-in-review, with its source."""
    if debug:
        os.environ["CHILINH_DEBUG"] = "1"


@contextmanager
def _answering(lang: Language | None = None) -> Iterator[None]:
    try:
        yield
    except ChilinhError as error:
        said = _lang(lang)
        report(error.message(said), said)
        raise typer.Exit(error.exit_code) from None
    except BrokenPipeError:
        # The reader has all it wanted (`chilinh … | head`): stop quietly.
        _silence_stdout()
        raise typer.Exit(0) from None


def report(message: str, lang: str = "en") -> None:
    if sys.stderr is None:  # pragma: no cover - started with standard error closed
        return
    lines = message.splitlines() or [""]
    prefix = "chilinh: lỗi: " if lang == "vi" else "chilinh: error: "
    sys.stderr.write(prefix + "\n".join(safe(line) for line in lines) + "\n")


def _check_name(value: str, argument: str) -> None:
    """Refuse an empty or overlong name before any work, naming the argument as its help does."""
    from typer._click.globals import get_current_context

    if not value.strip():
        problem = "it is empty"
    elif len(value) > MAX_NAME_LENGTH:
        problem = f"it has more than {MAX_NAME_LENGTH} characters"
    else:
        return
    context = get_current_context()
    param = next(param for param in context.command.params if param.name == argument)
    raise typer.BadParameter(problem, ctx=context, param=param)


def _lang(lang: Language | None) -> str:
    """The command's --lang, else the nearest one given before it, else the environment's."""
    if lang is None:
        from typer._click.globals import get_current_context

        context = get_current_context(silent=True)
        while context is not None:
            given = context.params.get("lang")
            if given is not None:
                return Language(given).value
            context = context.parent
    return (lang or default_language()).value


def _load(data: Path | None) -> Dataset:
    import gc

    from .loader import load_dataset

    # The dataset lives until the process ends: keep the cyclic collector from scanning
    # its (acyclic) objects while they are built and every time an answer allocates a
    # few more. For 100,000 figures that is most of the run time.
    gc.disable()
    try:
        return load_dataset(data)
    finally:
        gc.freeze()
        gc.enable()


def _emit_sheet(sheet: Sheet, no_color: bool = False) -> None:
    from .render import render_plain, render_table

    if sys.stdout.isatty():
        render_table(sheet, sys.stdout, color=not no_color and _color_wanted())
    else:
        render_plain(sheet, sys.stdout)
        for note in sheet.notes:
            sys.stderr.write(safe(note) + "\n")


def _color_wanted() -> bool:
    return not (os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb")


def _answer(
    fmt: OutputFormat,
    no_color: bool,
    *,
    sheet: Callable[[], Sheet],
    document: Callable[[], object],
    table: Callable[[], tuple[tuple[str, ...], list[tuple[object, ...]]]],
    svg: Path | None = None,
) -> None:
    """Hand the answer to the renderer of the chosen format; each builds only what it prints.

    With ``svg``, the same answer is also saved as an SVG picture of a terminal showing it.
    """
    import io

    captured = io.StringIO()
    out: IO[str] = captured if svg is not None else sys.stdout
    if fmt is OutputFormat.json:
        from .render import render_json

        render_json(document(), out)
    elif fmt is OutputFormat.csv:
        from .render import render_csv

        render_csv(*table(), out)
    elif fmt is OutputFormat.markdown:
        from .render import render_markdown

        render_markdown(sheet(), out)
    else:
        built = sheet()
        _emit_sheet(built, no_color)
        if svg is not None:
            from .render import save_svg, sheet_renderables

            save_svg(sheet_renderables(built), str(svg), title=f"chilinh: {built.title}")
        return
    if svg is not None:
        from rich.text import Text

        from .render import save_svg

        text = captured.getvalue()
        sys.stdout.write(text)
        save_svg([Text(text)], str(svg), title="chilinh")


@app.command("list", epilog="Examples:\n\n  " + EXAMPLES["list"])
def list_highlights(
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """The ten highlights of the year, with their headline figures."""
    with _answering(lang):
        dataset = _load(data)
        from . import present

        _answer(
            fmt,
            no_color,
            svg=export_svg,
            sheet=lambda: present.list_sheet(dataset, _lang(lang)),
            document=lambda: present.list_json(dataset),
            table=lambda: (present.LIST_CSV_COLUMNS, present.list_csv_rows(dataset)),
        )


@app.command("show", epilog="Examples:\n\n  " + EXAMPLES["show"])
def show(
    highlight: Annotated[
        str,
        typer.Argument(help="The highlight's rank (1-10) or slug.", autocompletion=_complete_highlight),
    ],
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """One highlight in full: titles in both languages, summary, figures with comparisons and sources."""
    with _answering(lang):
        _check_name(highlight, "highlight")
        dataset = _load(data)
        from . import present
        from .core import find_highlight

        found = find_highlight(dataset, highlight)
        by_id = {figure.id: figure for figure in dataset.figures}
        _answer(
            fmt,
            no_color,
            svg=export_svg,
            sheet=lambda: present.highlight_sheet(dataset, found, _lang(lang)),
            document=lambda: present.highlight_json(dataset, found),
            table=lambda: (
                present.FIGURE_CSV_COLUMNS,
                [row for ref in found.figures for row in present.figure_csv_rows(by_id[ref])],
            ),
        )


@app.command("metric", epilog="Examples:\n\n  " + EXAMPLES["metric"])
def metric(
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="Figure id, alias or label; case and Vietnamese diacritics are ignored. Omit it to list every figure.",
            autocompletion=_complete_figure,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """One figure in full: value, qualifier, comparisons, derived baselines and source quote."""
    with _answering(lang):
        if name is not None:
            _check_name(name, "name")
        dataset = _load(data)
        from . import present

        if name is None:
            _answer(
                fmt,
                no_color,
                svg=export_svg,
                sheet=lambda: present.figures_sheet(dataset, _lang(lang)),
                document=lambda: {"figures": [present.figure_json(f) for f in dataset.figures]},
                table=lambda: (
                    present.FIGURE_CSV_COLUMNS,
                    [row for figure in dataset.figures for row in present.figure_csv_rows(figure)],
                ),
            )
            return
        from .core import find_figure

        figure = find_figure(dataset, name)
        _answer(
            fmt,
            no_color,
            svg=export_svg,
            sheet=lambda: present.figure_sheet(figure, _lang(lang)),
            document=lambda: present.figure_json(figure),
            table=lambda: (present.FIGURE_CSV_COLUMNS, present.figure_csv_rows(figure)),
        )


@app.command("compare", epilog="Examples:\n\n  " + EXAMPLES["compare"])
def compare(
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year",
            "-y",
            metavar="<year>",
            help="The year to compare with [default: the year before the report's].",
            show_default=False,
            min=1900,
            max=2200,
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw both years and the change of each figure as bars.")
    ] = False,
) -> None:
    """Every figure the article compares with another year: both values, the change and its direction."""
    with _answering(lang):
        if chart and fmt in (OutputFormat.json, OutputFormat.csv):
            raise typer.BadParameter(
                "--chart draws bars for people; use it with --format table", param_hint="'--chart'"
            )
        dataset = _load(data)
        from . import core, present

        result = core.compare(dataset, year if year is not None else dataset.metadata.year - 1)
        if chart:
            from .render import chart_renderables, render_chart, save_svg

            drawn = present.compare_chart(result, dataset.metadata.year, _lang(lang))
            colour = sys.stdout.isatty() and not no_color and _color_wanted()
            render_chart(drawn, sys.stdout, _lang(lang), color=colour)
            if export_svg is not None:
                save_svg(chart_renderables(drawn, _lang(lang), 110), str(export_svg), title=f"chilinh: {drawn.title}")
            return
        _answer(
            fmt,
            no_color,
            svg=export_svg,
            sheet=lambda: present.compare_sheet(result, dataset.metadata.year, _lang(lang)),
            document=lambda: present.compare_json(result, dataset.metadata.year),
            table=lambda: (present.COMPARE_CSV_COLUMNS, present.compare_csv_rows(result)),
        )


@app.command("search", epilog="Examples:\n\n  " + EXAMPLES["search"])
def search(
    text: Annotated[str, typer.Argument(help="Words to look for; case and Vietnamese diacritics are ignored.")],
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """Search titles, summaries, figure labels, aliases and quotes in both languages, best match first."""
    with _answering(lang):
        _check_name(text, "text")
        dataset = _load(data)
        from . import core, present

        hits = core.search(dataset, text)
        _answer(
            fmt,
            no_color,
            svg=export_svg,
            sheet=lambda: present.search_sheet(hits, text, _lang(lang)),
            document=lambda: present.search_json(hits, text),
            table=lambda: (present.SEARCH_CSV_COLUMNS, present.search_csv_rows(hits)),
        )


@app.command("validate", epilog="Examples:\n\n  " + EXAMPLES["validate"])
def validate(
    path: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(
            help="The dataset file to check [default: CHILINH_DATA, else the embedded dataset].",
            show_default=False,
            envvar="CHILINH_DATA",
            show_envvar=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check a dataset file and list every problem with its field path; exit 0 when it is valid."""
    with _answering(lang):
        from .loader import embedded_path, load_dataset

        dataset = load_dataset(path, use_cache=False)
        name = str(path) if path is not None else str(embedded_path())
        h, f, e = len(dataset.highlights), len(dataset.figures), len(dataset.events)

        def plural(count: int, noun: str) -> str:
            return f"{count} {noun}{'' if count == 1 else 's'}"

        message = {
            "en": f"{name}: valid ({plural(h, 'highlight')}, {plural(f, 'figure')}, {plural(e, 'event')})",
            "vi": f"{name}: hợp lệ ({h} dấu ấn, {f} số liệu, {e} sự kiện)",
        }
        sys.stdout.write(safe(message[_lang(lang)]) + "\n")


@app.command("schema", epilog="Examples:\n\n  chilinh schema > highlights.schema.json")
def schema(lang: LangOption = None) -> None:
    """Print the JSON Schema that every dataset file must satisfy."""
    import json

    from .validation import json_schema

    with _answering(lang):
        sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


export_app = typer.Typer(
    no_args_is_help=True,
    epilog="Examples:\n\n  " + EXAMPLES["export"],
)
app.add_typer(export_app, name="export")


@export_app.callback(
    help="Write the dataset as relational tables "
    "(units, highlights, sources, figures, figure_aliases, comparisons, events)."
)
def _export(lang: LangOption = None) -> None:
    pass  # the --lang given here is read by the subcommand (see _lang)


ForceOption = Annotated[bool, typer.Option("--force", help="Replace files that already exist.")]


@export_app.command("sqlite", epilog="Examples:\n\n  chilinh export sqlite chilinh.db && datasette chilinh.db")
def export_sqlite(
    path: Annotated[Path, typer.Argument(help="The SQLite file to create.", dir_okay=False)],
    force: ForceOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One SQLite file with every table, primary and foreign keys; written atomically."""
    with _answering(lang):
        from .export import write_sqlite

        written = write_sqlite(_load(data), path, force=force)
        rows = sum(len(table.rows) for table in written)
        message = {
            "en": f"wrote {path}: {len(written)} tables, {rows} rows",
            "vi": f"đã ghi {path}: {len(written)} bảng, {rows} dòng",
        }
        sys.stderr.write(safe(message[_lang(lang)]) + "\n")


@export_app.command("csv", epilog="Examples:\n\n  chilinh export csv tables/ && ls tables/")
def export_csv(
    directory: Annotated[Path, typer.Argument(help="The directory for the CSV files (created if missing).")],
    force: ForceOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One CSV file per table, UTF-8 with a header row; each file written atomically."""
    with _answering(lang):
        from .export import write_csv_dir

        written = write_csv_dir(_load(data), directory, force=force)
        names = ", ".join(f"{table.name}.csv" for table in written)
        message = {"en": f"wrote {directory}: {names}", "vi": f"đã ghi {directory}: {names}"}
        sys.stderr.write(safe(message[_lang(lang)]) + "\n")


class _Interrupted(BaseException):
    """Raised by the SIGINT handler; a BaseException so that nothing on the way catches it."""


def _on_interrupt(signum: int, frame: object) -> None:
    raise _Interrupted


def _configure_streams() -> None:
    """On a terminal or pipe that cannot encode Vietnamese (PYTHONIOENCODING=ascii, an old
    console code page), degrade the letters instead of failing: 'Tổng thu' -> 'Tong thu'."""
    import codecs

    from .text import degrade_on_encode_error

    codecs.register_error("chilinh-degrade", degrade_on_encode_error)
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "ếđ≈↑“".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="chilinh-degrade")


def main() -> None:
    """The console script: run the app, and turn every way of failing into a message and an exit code."""
    import signal

    from .language import requested_language

    signal.signal(signal.SIGINT, _on_interrupt)
    if sys.stdout is None:  # started with standard output closed: nobody to answer
        sys.exit(0)
    _configure_streams()
    lang = requested_language(sys.argv[1:], os.environ)
    try:
        code = _run(lang)
        sys.stdout.flush()  # here, so that a full disk is reported rather than found at exit
    except _Interrupted:
        sys.stderr.write("\nchilinh: " + ("đã dừng" if lang == "vi" else "interrupted") + "\n")
        _exit(130)
    except BrokenPipeError:
        _silence_stdout()
        _exit(0)
    except OSError as error:  # the output cannot be written: a full disk, a vanished terminal
        from .errors import os_reason

        reason = os_reason(error)
        _silence_stdout()
        report(
            f"không ghi được kết quả: {reason.vi}" if lang == "vi" else f"cannot write the output: {reason}",
            lang,
        )
        _exit(1)
    except Exception:  # the last resort: a bug in chilinh itself
        if os.environ.get("CHILINH_DEBUG"):
            raise
        report(
            f"lỗi nội bộ của chilinh {__version__}; xin hãy báo lỗi kèm lệnh bạn đã chạy "
            "(chạy lại với --debug để xem chi tiết)"
            if lang == "vi"
            else f"internal error in chilinh {__version__}; please report it with the command you ran "
            "(run again with --debug for the traceback)",
            lang,
        )
        _exit(1)
    _exit(code)


def _run(lang: str) -> int:
    """Run the command line in ``lang``; usage errors are printed here, in that language."""
    from typer._click.exceptions import UsageError
    from typer.exceptions import Abort
    from typer.main import get_command

    command = get_command(app)
    if lang == "vi":
        from .localize import to_vietnamese

        to_vietnamese(command)
    try:
        # Not standalone: Click would print its usage errors in English and exit itself.
        result = command.main(standalone_mode=False)
    except UsageError as error:
        from .localize import usage_error_text

        sys.stderr.write(usage_error_text(error, lang))
        return error.exit_code
    except Abort:
        sys.stderr.write("chilinh: " + ("đã huỷ" if lang == "vi" else "aborted") + "\n")
        return 1
    return result if isinstance(result, int) else 0


def _silence_stdout() -> None:
    # The reader has gone (`chilinh … | head`): send what is left to /dev/null so that
    # Python's shutdown flush does not raise a second BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _exit(code: int) -> None:
    sys.exit(code)
