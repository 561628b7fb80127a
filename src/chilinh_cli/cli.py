"""The command line: parse arguments, ask the core, hand the answer to the renderer.

Typer only: nothing here computes, formats or prints a figure. Each query command reads
parse → query → ``render.show(answer, output)``, where ``output`` (``render.Output``)
holds the options every query command shares.

The query stack (``loader``, ``core``, ``render``: some 25 ms of imports) is imported
inside the commands, so that help pages, usage errors and the completion of option
names never pay for it; docs/architecture.md lists every import kept lazy, and why.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, overload

import typer

from . import messages
from .cli_options import (
    DataOption,
    ForceOption,
    FormatOption,
    LangOption,
    Language,
    NoColorOption,
    OutputFormat,
    SvgOption,
    complete_figure,
    complete_highlight,
)
from .click_bridge import WholeNumbers
from .errors import ChilinhError
from .language import Lang, default_language
from .version import __version__

if TYPE_CHECKING:
    from .core import Answer
    from .models import Dataset
    from .render import Output

MAX_NAME_LENGTH = 200
EXAMPLES = {
    "list": "chilinh list\n\n  chilinh list --lang vi\n\n  chilinh list --format json",
    "metric": "chilinh metric revenue\n\n  chilinh metric 'thu ngan sach' --lang vi\n\n  chilinh metric --format csv",
    "compare": "chilinh compare --year 2020\n\n  chilinh compare --chart --export-svg growth.svg\n\n"
    "  chilinh compare --format json | jq '.rows[].id'",
    "show": "chilinh show 4\n\n  chilinh show economy --lang vi\n\n  chilinh show petitions --format markdown",
    "search": "chilinh search 'bau cu'\n\n  chilinh search revenue --format json",
    "validate": "chilinh validate\n\n  chilinh validate my-city-2022.json",
    "export": "chilinh export sqlite chilinh.db\n\n  chilinh export csv tables/ --force\n\n"
    "  chilinh export xlsx chilinh.xlsx",
    "export csv": "chilinh export csv tables/ && ls tables/\n\n  chilinh export csv --bom for-excel/",
}


def _examples(command: str) -> str:
    return "Examples:\n\n  " + EXAMPLES[command]


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


def _language(ctx: typer.Context, given: Language | None) -> Lang:
    """The run's language, settled once per command: its --lang, else the nearest one given
    before the command name (``chilinh --lang vi list``), else the environment's."""
    context: typer.Context | None = ctx
    while given is None and context is not None:
        given = context.params.get("lang")
        context = context.parent  # type: ignore[assignment]  # Click types parents as its own Context
    return "vi" if given == "vi" else "en" if given is not None else default_language()


@contextmanager
def _answering(lang: Lang) -> Iterator[None]:
    """A request the tool cannot answer is a message and its exit code; a reader that has all
    it wanted (`chilinh … | head`) ends the command quietly."""
    try:
        yield
    except ChilinhError as error:
        from .render import report

        report(error.said, lang)
        raise typer.Exit(error.exit_code) from None
    except BrokenPipeError:
        from .render import silence_stdout

        silence_stdout()
        raise typer.Exit(0) from None


def _checked(ctx: typer.Context, value: str, argument: str) -> str:
    """Refuse an empty or overlong name before any work, naming the argument as its help does."""
    if not value.strip():
        problem = messages.EMPTY_NAME.en
    elif len(value) > MAX_NAME_LENGTH:
        problem = messages.LONG_NAME.format(n=MAX_NAME_LENGTH).en
    else:
        return value
    param = next(param for param in ctx.command.params if param.name == argument)
    raise typer.BadParameter(problem, ctx=ctx, param=param)


@overload
def _path(ctx: typer.Context, value: str, param: str, *, stdin: bool = False) -> Path: ...
@overload
def _path(ctx: typer.Context, value: str | None, param: str, *, stdin: bool = False) -> Path | None: ...
def _path(ctx: typer.Context, value: str | None, param: str, *, stdin: bool = False) -> Path | None:
    """A path given on the command line, refused when it can name no file: empty, or '-'
    where standard input makes no sense (``stdin`` says where it does)."""
    if value is None:
        return None
    if (value and value != "-") or (value == "-" and stdin):
        return Path(value)
    problem = messages.EMPTY_PATH if not value else messages.DASH_PATH
    found = next(each for each in ctx.command.params if each.name == param)
    raise typer.BadParameter(problem.en, ctx=ctx, param=found)


def _output(ctx: typer.Context, fmt: OutputFormat, lang: Language | None, no_color: bool, svg: str | None) -> Output:
    """The options every query command shares, settled: the command's ``Output``."""
    from .render import Output

    return Output(fmt.value, _language(ctx, lang), no_color, _path(ctx, svg, "export_svg"))


def _answer(ctx: typer.Context, output: Output, data: str | None, ask: Callable[[Dataset], Answer]) -> None:
    """Every query command's last step: load the dataset, ask it, show the answer."""
    file = _path(ctx, data, "data", stdin=True)
    with _answering(output.lang):
        from . import loader, render

        render.show(ask(loader.load_dataset(file)), output)


@app.command("list", epilog=_examples("list"))
def list_highlights(
    ctx: typer.Context,
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """The ten highlights of the year, with their headline figures."""
    from .core import list_answer

    _answer(ctx, _output(ctx, fmt, lang, no_color, export_svg), data, list_answer)


@app.command("show", epilog=_examples("show"))
def show(
    ctx: typer.Context,
    highlight: Annotated[
        str,
        typer.Argument(help="The highlight's rank (1-10) or slug.", autocompletion=complete_highlight),
    ],
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """One highlight in full: titles in both languages, summary, figures with comparisons and sources."""
    from .core import highlight_answer

    key = _checked(ctx, highlight, "highlight")
    _answer(ctx, _output(ctx, fmt, lang, no_color, export_svg), data, lambda dataset: highlight_answer(dataset, key))


@app.command("metric", epilog=_examples("metric"))
def metric(
    ctx: typer.Context,
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="Figure id, alias or label; case and Vietnamese diacritics are ignored. Omit it to list every figure.",
            autocompletion=complete_figure,
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
    from .core import every_figure, named_figure

    output = _output(ctx, fmt, lang, no_color, export_svg)
    if name is None:
        _answer(ctx, output, data, every_figure)
    else:
        wanted = _checked(ctx, name, "name")
        _answer(ctx, output, data, lambda dataset: named_figure(dataset, wanted))


@app.command("compare", epilog=_examples("compare"))
def compare(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year",
            "-y",
            metavar="<year>",
            help="The year to compare with [default: the year before the report's].",
            show_default=False,
            click_type=WholeNumbers(min=1900, max=2200),
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
    from .core import compare as compared

    if chart and fmt in (OutputFormat.json, OutputFormat.csv):
        raise typer.BadParameter(messages.CHART_NEEDS_TABLE.en, param_hint="'--chart'")
    output = _output(ctx, fmt, lang, no_color, export_svg)._replace(chart=chart)
    _answer(ctx, output, data, lambda dataset: compared(dataset, year))


@app.command("search", epilog=_examples("search"))
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for; case and Vietnamese diacritics are ignored.")],
    fmt: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """Search titles, summaries, figure labels, aliases and quotes in both languages, best match first."""
    from .core import search as searched

    words = _checked(ctx, text, "text")
    _answer(ctx, _output(ctx, fmt, lang, no_color, export_svg), data, lambda dataset: searched(dataset, words))


@app.command("validate", epilog=_examples("validate"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        Optional[str],  # noqa: UP045
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
    said = _language(ctx, lang)
    with _answering(said):
        from . import loader, render, sheets

        file = _path(ctx, path, "path", stdin=True)
        dataset = loader.load_dataset(file, use_cache=False)
        render.say(sheets.valid(loader.name_of(file), dataset), said, sys.stdout)


@app.command("schema", epilog="Examples:\n\n  chilinh schema > highlights.schema.json")
def schema(ctx: typer.Context, lang: LangOption = None) -> None:
    """Print the JSON Schema that every dataset file must satisfy."""
    with _answering(_language(ctx, lang)):
        from .render import render_json
        from .validation import json_schema

        render_json(json_schema(), sys.stdout)


export_app = typer.Typer(no_args_is_help=True, epilog=_examples("export"))
app.add_typer(export_app, name="export")


@export_app.callback(
    help="Write the dataset as relational tables "
    "(units, highlights, sources, figures, figure_aliases, comparisons, events)."
)
def _export(lang: LangOption = None) -> None:
    pass  # the --lang given here is read by the subcommand (see _language)


@export_app.command("sqlite", epilog="Examples:\n\n  chilinh export sqlite chilinh.db && datasette chilinh.db")
def export_sqlite(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="The SQLite file to create.", show_default=False)],
    force: ForceOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One SQLite file with every table, primary and foreign keys; written atomically."""
    said = _language(ctx, lang)
    with _answering(said):
        from . import loader, render, sheets
        from .export import write_sqlite

        target = _path(ctx, path, "path")
        written = write_sqlite(loader.load_dataset(_path(ctx, data, "data", stdin=True)), target, force=force)
        render.say(sheets.wrote_sqlite(path, written), said, sys.stderr)


@export_app.command("csv", epilog=_examples("export csv"))
def export_csv(
    ctx: typer.Context,
    directory: Annotated[str, typer.Argument(help="The directory for the CSV files (created if missing).")],
    force: ForceOption = False,
    bom: Annotated[
        bool, typer.Option("--bom", help="Start each file with a byte-order mark, so that Excel reads Vietnamese.")
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One CSV file per table, UTF-8 with a header row; all of them written, or none."""
    said = _language(ctx, lang)
    with _answering(said):
        from . import loader, render, sheets
        from .export import write_csv_dir

        target = _path(ctx, directory, "directory")
        dataset = loader.load_dataset(_path(ctx, data, "data", stdin=True))
        written = write_csv_dir(dataset, target, force=force, bom=bom)
        render.say(sheets.wrote_csv(directory, written), said, sys.stderr)


@export_app.command("xlsx", epilog="Examples:\n\n  chilinh export xlsx chilinh.xlsx --lang vi")
def export_xlsx(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="The Excel workbook to create.", show_default=False)],
    force: ForceOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One Excel workbook, a sheet per table, numbers as numbers with their unit (needs openpyxl)."""
    said = _language(ctx, lang)
    with _answering(said):
        from . import loader, render, sheets
        from .export import write_xlsx

        dataset = loader.load_dataset(_path(ctx, data, "data", stdin=True))
        written = write_xlsx(dataset, _path(ctx, path, "path"), lang=said, force=force)
        render.say(sheets.wrote_xlsx(path, written), said, sys.stderr)
