"""The command line: parse arguments, ask the core, hand the answer to the renderer.

Typer only: nothing here computes, formats or prints a figure. Each query command reads
parse → query → ``render.show(answer, output)``, where ``output`` (``render.Output``)
holds the options every query command shares.

The query stack (``loader``, ``core``, ``render``: some 25 ms of imports) is imported
inside the commands, so that help pages, usage errors and the completion of option
names never pay for it; docs/architecture.md lists every import kept lazy, and why.
"""

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..version import __version__
from ..words import messages
from ..words.language import Lang
from .bridge import WholeNumbers
from .drafting import register_dataset_commands
from .exporting import export_app
from .options import (
    DataOption,
    FormatOption,
    LangOption,
    NoColorOption,
    OutputFormat,
    PlaceOption,
    ReviewOption,
    SvgOption,
    answering,
    checked_name,
    complete_figure,
    complete_highlight,
    examples,
    given_path,
    settle_language,
)

if TYPE_CHECKING:
    from ..answers.catalog import Catalog
    from ..answers.core import Answer
    from ..present.render import Output

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
        Optional[Lang],  # noqa: UP045
        typer.Option(
            "--lang",
            "-l",
            help="Language of labels, numbers and messages, for every command.",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    data: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--data",
            help="The dataset file or folder every command reads (as each command's --data).",
            show_default=False,
            metavar="<path>",
        ),
    ] = None,
    max_files: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--max-files",
            min=1,
            envvar="CHILINH_MAX_FILES",
            help="Read at most this many data files of a folder (default 100000).",
            show_default=False,
            metavar="<n>",
        ),
    ] = None,
) -> None:
    """Chí Linh city's 2021 in numbers: every figure of the year-in-review, with its source."""
    if max_files is not None:  # read by the walk of a catalog folder (reading.finding)
        os.environ["CHILINH_MAX_FILES"] = str(max_files)
    if debug:
        os.environ["CHILINH_DEBUG"] = "1"
    if data is not None:  # read by every command's --data (and validate's path) as CHILINH_DATA
        os.environ["CHILINH_DATA"] = data


def _output(
    ctx: typer.Context, fmt: OutputFormat | None, lang: Lang | None, no_color: bool, svg: str | None
) -> "Output":
    """The options every query command shares, settled: the command's ``Output``."""
    from ..present.render import Output

    return Output(fmt or "auto", settle_language(ctx, lang), no_color, given_path(ctx, svg, "export_svg"))


def _answer(
    ctx: typer.Context,
    output: "Output",
    data: str | None,
    ask: "Callable[[Catalog], Answer]",
    empty: "Callable[[Catalog], Answer] | None" = None,
    *,
    searching: bool = False,
) -> None:
    """Every query command's last step: open the catalog, ask it, show the answer. When the
    data has no answer, a script asking for JSON or CSV gets the ``empty`` one (a valid,
    empty document) before the message, and the exit code is still 1. ``searching``: the
    question searches (the files read now get their search rows with the rest)."""
    import sqlite3

    from ..model.errors import NoMatchError

    file = given_path(ctx, data, "data", stdin=True)
    with answering(output.lang):
        from ..answers.catalog import open_catalog, rebuilt
        from ..present import render

        catalog = open_catalog(
            file, progress=render.progress(output.lang), counting=render.walking(output.lang), searching=searching
        )
        if catalog.skipped or catalog.warnings:  # a folder's walk passed over something
            from ..present.checks import passed_over

            for warning in passed_over(catalog.skipped, catalog.warnings):
                render.say(warning, output.lang, sys.stderr)
        try:
            try:
                answer = ask(catalog)
            except sqlite3.DatabaseError as error:  # a page damaged since the store was opened: build it again
                catalog = rebuilt(catalog, file, error)
                answer = ask(catalog)
        except NoMatchError:
            if empty is not None and output.format in ("json", "csv"):
                render.show(empty(catalog), output)
            raise
        finally:
            catalog.store.close()
        render.show(answer, output)


@app.command("list", epilog=examples("list"))
def list_highlights(
    ctx: typer.Context,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
    place: PlaceOption = None,
    review: ReviewOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """The ten highlights of the year, with their headline figures."""
    from ..answers.catalog import about_report
    from ..answers.core import list_answer

    output = _output(ctx, fmt, lang, no_color, export_svg)
    _answer(ctx, output, data, lambda catalog: about_report(catalog, place, review, list_answer))


@app.command("show", epilog=examples("show"))
def show(
    ctx: typer.Context,
    highlight: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="The highlight's rank (1-10), slug or words of its title. Omit it to show every highlight.",
            autocompletion=complete_highlight,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
    place: PlaceOption = None,
    review: ReviewOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """One highlight in full: titles in both languages, summary, figures with comparisons and sources."""
    from ..answers.catalog import about_report
    from ..answers.core import HighlightsAnswer, every_highlight, highlight_answer

    output = _output(ctx, fmt, lang, no_color, export_svg)
    if highlight is None:
        _answer(ctx, output, data, lambda catalog: about_report(catalog, place, review, every_highlight))
    else:
        key = checked_name(ctx, highlight, "highlight")

        def one(catalog: "Catalog") -> "Answer":
            return about_report(catalog, place, review, lambda dataset: highlight_answer(dataset, key))

        _answer(ctx, output, data, one, lambda _: HighlightsAnswer(()))


@app.command("metric", epilog=examples("metric"))
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
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
    place: PlaceOption = None,
    review: ReviewOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw the figure's series across a catalog as bars, a bar per year.")
    ] = False,
) -> None:
    """One figure in full: value, qualifier, comparisons, derived baselines and source quote."""
    from ..answers.catalog import about_report, figure_series
    from ..answers.core import FiguresAnswer, every_figure

    if chart and fmt in ("json", "csv"):
        raise typer.BadParameter(messages.CHART_NEEDS_TABLE.en, param_hint="'--chart'")
    output = _output(ctx, fmt, lang, no_color, export_svg)._replace(chart=chart)
    if name is None:
        _answer(ctx, output, data, lambda catalog: about_report(catalog, place, review, every_figure))
    else:
        wanted = checked_name(ctx, name, "name")
        nothing = lambda _: FiguresAnswer((), "")  # noqa: E731
        _answer(ctx, output, data, lambda catalog: figure_series(catalog, wanted, place, review), nothing)


@app.command("compare", epilog=examples("compare"))
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
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
    place: PlaceOption = None,
    review: ReviewOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw both years and the change of each figure as bars.")
    ] = False,
) -> None:
    """Every figure the article compares with another year: both values, the change and its direction."""
    from ..answers.catalog import compare_reports
    from ..answers.core import CompareAnswer

    if chart and fmt in ("json", "csv"):
        raise typer.BadParameter(messages.CHART_NEEDS_TABLE.en, param_hint="'--chart'")
    output = _output(ctx, fmt, lang, no_color, export_svg)._replace(chart=chart)

    def nothing(catalog: "Catalog") -> "Answer":
        current = review or catalog.infos[0].year
        return CompareAnswer(year or current - 1, current, (), ())

    _answer(ctx, output, data, lambda catalog: compare_reports(catalog, place, review, year), nothing)


@app.command("search", epilog=examples("search"))
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for; case and Vietnamese diacritics are ignored.")],
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
    place: PlaceOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """Search titles, summaries, figure labels, aliases and quotes in both languages, best match first."""
    from ..answers.catalog import search as searched
    from ..answers.core import SearchAnswer
    from ..present import render

    words = checked_name(ctx, text, "text")
    output = _output(ctx, fmt, lang, no_color, export_svg)
    _answer(
        ctx,
        output,
        data,
        lambda catalog: searched(catalog, words, place, render.indexing(output.lang)),
        lambda _: SearchAnswer(words, ()),
        searching=True,
    )


register_dataset_commands(app)
app.add_typer(export_app, name="export")
