"""The options and arguments the commands share, as Typer declares them, the shell
completion of names, and what every command does with what it was given (the language
settled once, names and paths checked, failures said). Their Vietnamese help is in
``click_bridge``, looked up by the English."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Optional, overload

import typer

from ..words import messages
from ..words.language import Lang, default_language
from .bridge import WholeNumbers

if TYPE_CHECKING:
    from ..answers.catalog import Catalog


# Choices as Literal types (the language's is ``Lang``), which Typer offers as it offers an
# Enum's values: the three Enum classes cost every run about 1 M instructions (0.2 ms) to
# create, a Literal nothing.
OutputFormat = Literal["table", "tsv", "json", "csv", "markdown"]
CheckFormat = Literal["text", "json"]


def _completions(names: Callable[[Catalog], list[str]], incomplete: str) -> list[str]:
    """Names from the catalog in use that start with what was typed; nothing if it cannot load."""
    from ..answers.catalog import open_catalog
    from ..model.errors import ChilinhError

    data = os.environ.get("CHILINH_DATA") or None
    if data == "-":  # standard input is the shell's, not a dataset, while it completes a word
        return []
    try:
        catalog = open_catalog(Path(data) if data else None)
    except ChilinhError:
        return []
    try:
        return sorted({name for name in names(catalog) if name.startswith(incomplete)})
    finally:
        catalog.store.close()


def complete_highlight(incomplete: str) -> list[str]:
    from ..answers.catalog import highlight_slugs

    return _completions(highlight_slugs, incomplete)


def complete_figure(incomplete: str) -> list[str]:
    from ..answers.catalog import figure_names

    return _completions(figure_names, incomplete)


FormatOption = Annotated[
    Optional[OutputFormat],  # noqa: UP045
    typer.Option(
        "--format",
        "-f",
        help="table (drawn; the default on a terminal), tsv (tab-separated lines; the default when piped), "
        "json, csv or markdown (GitHub tables).",
        case_sensitive=False,
        show_default=False,
    ),
]
LangOption = Annotated[
    Optional[Lang],  # noqa: UP045 - Typer 0.28 reads the annotation at run time on Python 3.11
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
# Paths are taken as text and checked by the command (``cli.given_path``): Click's own Path
# type turns '' into '.' and refuses an unreadable file as a usage error before the loader
# can say what is wrong with it.
SvgOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--export-svg",
        help="Also save what a terminal shows as an SVG picture at this path.",
        show_default=False,
        metavar="<file>",
    ),
]
DataOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--data",
        envvar="CHILINH_DATA",
        help="Use this dataset file, or this folder of them (a catalog of places and years), instead of the embedded "
        "one ('-' reads a file from standard input).",
        show_default=False,
        metavar="<path>",
    ),
]
PlaceOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--place",
        "-p",
        help="In a catalog of several places, the place to answer about (any part of its name, "
        "case and diacritics ignored).",
        show_default=False,
    ),
]
ReviewOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--review",
        "-r",
        metavar="<year>",
        help="In a catalog, the year whose review to answer from [default: the place's latest].",
        show_default=False,
        click_type=WholeNumbers(min=1900, max=2200),
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace files that already exist.")]


MAX_NAME_LENGTH = 200

# ---- what every command does with what it was given ------------------------------------------------


def settle_language(ctx: typer.Context, given: Lang | None) -> Lang:
    """The run's language, settled once per command: its --lang, else the nearest one given
    before the command name (``chilinh --lang vi list``), else the environment's."""
    context: typer.Context | None = ctx
    while given is None and context is not None:
        given = context.params.get("lang")
        context = context.parent  # type: ignore[assignment]  # Click types parents as its own Context
    return "vi" if given == "vi" else "en" if given is not None else default_language()


@contextmanager
def answering(lang: Lang) -> Iterator[None]:
    """A request the tool cannot answer is a message and its exit code; a reader that has all
    it wanted (`chilinh … | head`) ends the command quietly."""
    from ..model.errors import ChilinhError  # a command's errors: help pages and completion never raise one

    try:
        yield
    except ChilinhError as error:
        from ..present.render import report

        report(error.said, lang)
        raise typer.Exit(error.exit_code) from None
    except BrokenPipeError:
        from ..present.render import silence_stdout

        silence_stdout()
        raise typer.Exit(0) from None


def checked_name(ctx: typer.Context, value: str, argument: str) -> str:
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
def given_path(ctx: typer.Context, value: str, param: str, *, stdin: bool = False) -> Path: ...
@overload
def given_path(ctx: typer.Context, value: str | None, param: str, *, stdin: bool = False) -> Path | None: ...
def given_path(ctx: typer.Context, value: str | None, param: str, *, stdin: bool = False) -> Path | None:
    """A path given on the command line, refused when it can name no file: empty, or '-'
    where standard input makes no sense (``stdin`` says where it does)."""
    if value is None:
        return None
    if (value and value != "-") or (value == "-" and stdin):
        return Path(value)
    problem = messages.EMPTY_PATH if not value else messages.DASH_PATH
    found = next(each for each in ctx.command.params if each.name == param)
    raise typer.BadParameter(problem.en, ctx=ctx, param=found)


# ---- help pages ----------------------------------------------------------------------------------------

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


def examples(command: str) -> str:
    """The examples of a command's help page."""
    return "Examples:\n\n  " + EXAMPLES[command]
