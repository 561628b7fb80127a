"""The options and arguments the commands share, as Typer declares them, and the shell
completion of names. Their Vietnamese help is in ``click_bridge`` (looked up by the English)."""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .errors import ChilinhError

if TYPE_CHECKING:
    from .models import Dataset


class OutputFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Language(enum.StrEnum):
    en = "en"
    vi = "vi"


def _completions(names: Callable[[Dataset], list[str]], incomplete: str) -> list[str]:
    """Names from the dataset in use that start with what was typed; nothing if it cannot load."""
    from .loader import load_dataset

    data = os.environ.get("CHILINH_DATA") or None
    if data == "-":  # standard input is the shell's, not a dataset, while it completes a word
        return []
    try:
        candidates = names(load_dataset(data))
    except ChilinhError:
        return []
    return [name for name in candidates if name.startswith(incomplete)]


def complete_highlight(incomplete: str) -> list[str]:
    from .core import highlight_slugs

    return _completions(highlight_slugs, incomplete)


def complete_figure(incomplete: str) -> list[str]:
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
        help="Use this dataset file instead of the embedded one ('-' reads it from standard input).",
        show_default=False,
        metavar="<path>",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace files that already exist.")]
