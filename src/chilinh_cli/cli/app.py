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
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..version import __version__
from ..words import messages
from .bridge import WholeNumbers
from .exporting import export_app
from .options import (
    CheckFormat,
    DataOption,
    FormatOption,
    LangOption,
    Language,
    NoColorOption,
    OutputFormat,
    PlaceOption,
    ReviewOption,
    SvgOption,
    answering,
    checked_name,
    complete_figure,
    complete_highlight,
    given_path,
    settle_language,
)

if TYPE_CHECKING:
    from typer.models import CommandInfo, TyperInfo

    from ..answers.catalog import Catalog
    from ..answers.core import Answer
    from ..present.render import Output

EXAMPLES = {
    "list": "chilinh list\n\n  chilinh list --lang vi\n\n  chilinh list --format json",
    "metric": "chilinh metric revenue\n\n  chilinh metric 'thu ngan sach' --lang vi\n\n  chilinh metric --format csv",
    "compare": "chilinh compare --year 2020\n\n  chilinh compare --chart --export-svg growth.svg\n\n"
    "  chilinh compare --format json | jq '.rows[].id'",
    "show": "chilinh show 4\n\n  chilinh show economy --lang vi\n\n  chilinh show petitions --format markdown",
    "search": "chilinh search 'bau cu'\n\n  chilinh search revenue --format json",
    "validate": "chilinh validate\n\n  chilinh validate my-city-2022.json",
    "draft": "chilinh draft review-2023.txt -o town-2023.json\n\n"
    "  chilinh draft report-2023.pdf -o town-2023.json --save-text\n\n  chilinh validate town-2023.json\n\n"
    "  chilinh list --data town-2023.json",
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


def _output(
    ctx: typer.Context, fmt: OutputFormat | None, lang: Language | None, no_color: bool, svg: str | None
) -> Output:
    """The options every query command shares, settled: the command's ``Output``."""
    from ..present.render import Output

    return Output(
        fmt.value if fmt else "auto", settle_language(ctx, lang), no_color, given_path(ctx, svg, "export_svg")
    )


def _answer(
    ctx: typer.Context,
    output: Output,
    data: str | None,
    ask: Callable[[Catalog], Answer],
    empty: Callable[[Catalog], Answer] | None = None,
) -> None:
    """Every query command's last step: open the catalog, ask it, show the answer. When the
    data has no answer, a script asking for JSON or CSV gets the ``empty`` one (a valid,
    empty document) before the message, and the exit code is still 1."""
    from ..model.errors import NoMatchError

    file = given_path(ctx, data, "data", stdin=True)
    with answering(output.lang):
        from ..answers.catalog import open_catalog
        from ..present import render

        catalog = open_catalog(file, progress=render.progress(output.lang))
        try:
            answer = ask(catalog)
        except NoMatchError:
            if empty is not None and output.format in ("json", "csv"):
                render.show(empty(catalog), output)
            raise
        finally:
            catalog.store.close()
        render.show(answer, output)


@app.command("list", epilog=_examples("list"))
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
    from ..answers.catalog import report
    from ..answers.core import list_answer

    output = _output(ctx, fmt, lang, no_color, export_svg)
    _answer(ctx, output, data, lambda catalog: list_answer(report(catalog, place, review)[1]))


@app.command("show", epilog=_examples("show"))
def show(
    ctx: typer.Context,
    highlight: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="The highlight's rank (1-10) or slug. Omit it to show every highlight.",
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
    from ..answers.catalog import report
    from ..answers.core import HighlightsAnswer, every_highlight, highlight_answer

    output = _output(ctx, fmt, lang, no_color, export_svg)
    if highlight is None:
        _answer(ctx, output, data, lambda catalog: every_highlight(report(catalog, place, review)[1]))
    else:
        key = checked_name(ctx, highlight, "highlight")

        def one(catalog: Catalog) -> Answer:
            return highlight_answer(report(catalog, place, review)[1], key)

        _answer(ctx, output, data, one, lambda _: HighlightsAnswer(()))


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
    fmt: FormatOption = None,
    lang: LangOption = None,
    data: DataOption = None,
    place: PlaceOption = None,
    review: ReviewOption = None,
    no_color: NoColorOption = False,
    export_svg: SvgOption = None,
) -> None:
    """One figure in full: value, qualifier, comparisons, derived baselines and source quote."""
    from ..answers.catalog import figure_series, report
    from ..answers.core import FiguresAnswer, every_figure

    output = _output(ctx, fmt, lang, no_color, export_svg)
    if name is None:
        _answer(ctx, output, data, lambda catalog: every_figure(report(catalog, place, review)[1]))
    else:
        wanted = checked_name(ctx, name, "name")
        nothing = lambda _: FiguresAnswer((), "")  # noqa: E731
        _answer(ctx, output, data, lambda catalog: figure_series(catalog, wanted, place, review), nothing)


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

    if chart and fmt in (OutputFormat.json, OutputFormat.csv):
        raise typer.BadParameter(messages.CHART_NEEDS_TABLE.en, param_hint="'--chart'")
    output = _output(ctx, fmt, lang, no_color, export_svg)._replace(chart=chart)

    def nothing(catalog: Catalog) -> Answer:
        current = review or catalog.infos[0].year
        return CompareAnswer(year or current - 1, current, (), ())

    _answer(ctx, output, data, lambda catalog: compare_reports(catalog, place, review, year), nothing)


@app.command("search", epilog=_examples("search"))
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

    words = checked_name(ctx, text, "text")
    output = _output(ctx, fmt, lang, no_color, export_svg)
    _answer(ctx, output, data, lambda catalog: searched(catalog, words, place), lambda _: SearchAnswer(words, ()))


@app.command("validate", epilog=_examples("validate"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="The dataset file or catalog directory to check [default: CHILINH_DATA, else the embedded dataset].",
            show_default=False,
            envvar="CHILINH_DATA",
            show_envvar=False,
        ),
    ] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="text (one line for people) or json (every problem as data).", case_sensitive=False
        ),
    ] = CheckFormat.text,
    lang: LangOption = None,
) -> None:
    """Check a data file, or a catalog folder and its conflicts, and list every problem; exit 0 when all is well."""
    said = settle_language(ctx, lang)
    file = given_path(ctx, path, "path", stdin=True)
    with answering(said):
        from ..answers.catalog import check_catalog
        from ..answers.core import Counts, check, review_todos
        from ..present import checks, documents, render
        from ..reading import loader

        if file is not None and file.is_dir():
            found = check_catalog(file)
            if fmt is CheckFormat.json:
                render.render_json(documents.catalog_check_json(found), sys.stdout)
            else:
                render.say_all(checks.catalog_check(found), said)
            raise typer.Exit(1 if found.conflicts or any(each.problems for each in found.files) else 0)
        if fmt is CheckFormat.json:
            checked = check(file)
            render.render_json(documents.check_json(checked), sys.stdout)
            raise typer.Exit(1 if checked.problems else 0)
        dataset = loader.read_dataset(file)  # an invalid file is raised as the error it is
        render.say(checks.valid(loader.name_of(file), Counts.of(dataset)), said, sys.stdout)
        render.say_all([(line, False) for line in checks.todo_lines(review_todos(dataset))], said)


@app.command("draft", epilog=_examples("draft"))
def draft(
    ctx: typer.Context,
    article: Annotated[
        str,
        typer.Argument(
            help="The article: a text file (UTF-8), a saved web page (.html), a PDF, a Word file (.docx), "
            "or - for standard input."
        ),
    ],
    out: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output", "-o", metavar="<file>", help="Write the draft to this file instead of standard output."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")] = False,
    place: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--place", metavar="<place>", help="The place reviewed [default: the one the title names]."),
    ] = None,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year",
            metavar="<year>",
            help="The year reviewed [default: the one the title names].",
            click_type=WholeNumbers(min=1900, max=2200),
        ),
    ] = None,
    title: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--title", metavar="<title>", help="The article's title [default: its first line naming a year]."),
    ] = None,
    save_text: Annotated[
        bool,
        typer.Option("--save-text", help="Also write the text that was read, beside the draft (<file>.txt)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Draft a dataset from a Vietnamese year-review article, every figure quoted, for a person to check."""
    said = settle_language(ctx, lang)
    source = given_path(ctx, article, "article", stdin=True)
    target = given_path(ctx, out, "out")
    if save_text and target is None:
        raise typer.BadParameter(messages.SAVE_TEXT_NEEDS_OUTPUT.en, param_hint="'--save-text'")
    with answering(said):
        from ..draft.compose import draft_file, write_draft
        from ..present import render

        progress = render.page_progress(said)
        drafted = draft_file(source, place=place or None, year=year, title=title or None, progress=progress)
        if target is None:
            sys.stdout.write(drafted.json())
        else:
            write_draft(drafted, target, source=source, force=force, save_text=save_text)
        render.say(drafted.summary(str(target) if target else None), said, sys.stderr)


@app.command("schema", epilog="Examples:\n\n  chilinh schema > highlights.schema.json")
def schema(ctx: typer.Context, lang: LangOption = None) -> None:
    """Print the JSON Schema that every dataset file must satisfy."""
    with answering(settle_language(ctx, lang)):
        from ..present.render import render_json
        from ..reading.validation import json_schema

        render_json(json_schema(), sys.stdout)


app.add_typer(export_app, name="export")


# ---- the command tree a run needs -------------------------------------------------------------------------

_VALUED_ROOT_OPTIONS = frozenset({"--lang", "-l", "--data"})
"""The root's options that take a value: the word after them is no command's name (a test
holds this to the root's declared options)."""


def command_tree(argv: Sequence[str], environ: Mapping[str, str]) -> typer.Typer:
    """The app as far as the run ``argv`` needs it. Typer reads the signature of every command
    it builds (some 7 ms for all of them, on every run), and a run needs only its own:

    - argv names a command: the app with that command alone (its help, options and usage
      errors are the same);
    - argv holds options only (``--help``, ``--version``, no argument at all): the commands
      as names and help texts, without their options, for the root's help page;
    - anything else (a mistyped name, ``--``, shell completion): the whole app."""
    import copy

    words = _positional_words(argv)
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in environ):
        return app
    pruned = copy.copy(app)
    if words == []:
        pruned.registered_commands = [_listed(each) for each in app.registered_commands]
        pruned.registered_groups = [_listed_group(each) for each in app.registered_groups]
        return pruned
    name = words[0] if words else None
    pruned.registered_commands = [each for each in app.registered_commands if each.name == name]
    pruned.registered_groups = [each for each in app.registered_groups if each.name == name]
    return pruned if pruned.registered_commands or pruned.registered_groups else app


def _positional_words(argv: Sequence[str]) -> list[str] | None:
    """The words of ``argv`` that are no option nor an option's value; None after ``--``."""
    found: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--":
            return None
        if word.startswith("-"):
            if word in _VALUED_ROOT_OPTIONS:
                next(words, None)
        else:
            found.append(word)
    return found


def _listed(info: CommandInfo) -> CommandInfo:
    """A command as the root's help lists it: its name and help, no options, never run (a run
    that names a command builds the real one)."""
    import copy

    def listed() -> None:
        raise typer.Exit(2)

    listed.__doc__ = info.callback.__doc__ if info.callback else None
    shown = copy.copy(info)
    shown.callback = listed
    return shown


def _listed_group(info: TyperInfo) -> TyperInfo:
    import copy

    shown = copy.copy(info)
    if isinstance(info.typer_instance, typer.Typer):
        group = copy.copy(info.typer_instance)
        group.registered_commands = [_listed(each) for each in group.registered_commands]
        shown.typer_instance = group
    return shown
