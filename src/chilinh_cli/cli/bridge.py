"""Typer's vendored Click, in one place: running the command tree, its help and usage errors in Vietnamese.

Typer 0.28 vendors Click as the private package ``typer._click``, and Click prints help
pages and usage errors itself. To say them in Vietnamese we subclass its help formatter
and context, translate its metavars and match its messages; to print usage errors in
the requested language we run the tree with ``standalone_mode=False`` and catch its
``UsageError``. None of this is in Typer's public API, so this is the only module that
imports ``typer._click``. An upgrade of Typer (pinned ``<0.29`` in pyproject.toml for
start-up time) must re-check: the module path ``typer._click``, the classes imported
below, ``HelpFormatter.write_usage/write_heading/write_dl``, ``Parameter.make_metavar``,
and the wording of the messages in ``CLICK_MESSAGES`` (the tests pin each one).

The words themselves (our help texts' Vietnamese, Click's headings, metavars and messages)
are in ``words.click_words``; this module puts them where Click prints.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from typer._click import Command, Context, Parameter
from typer._click.exceptions import BadParameter, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer._click.formatting import HelpFormatter
from typer._click.types import IntRange
from typer.core import TyperGroup

from ..words import messages
from ..words.click_words import (
    COMMAND_METAVAR,
    ERROR,
    EXTRAS,
    HEADINGS,
    INVALID_VALUE,
    INVALID_VALUE_FOR,
    METAVARS,
    MISSING,
    MISSING_BARE,
    NO_SUCH_OPTION,
    OPTIONS_METAVAR,
    PARAMETER_KINDS,
    POSSIBLY,
    SEE_HELP,
    USAGE,
    help_vi,
    message_vi,
)
from ..words.language import Lang


class VietnameseHelpFormatter(HelpFormatter):
    """Click's help layout with Vietnamese headings, usage prefix and option help."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE.vi)

    def write_heading(self, heading: str) -> None:
        super().write_heading(next((h.vi for h in HEADINGS if h.en == heading), heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, help_vi(text)) for term, text in rows], col_max, col_spacing)


class VietnameseContext(Context):
    formatter_class = VietnameseHelpFormatter


def walk(command: Command) -> Iterator[Command]:
    """The command and every command under it."""
    yield command
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            yield from walk(sub)


def to_vietnamese(command: Command) -> None:
    """Make this command tree print its help and usage lines in Vietnamese."""
    for each in walk(command):
        each.context_class = VietnameseContext
        each.help = help_vi(each.help) if each.help else each.help
        each.epilog = help_vi(each.epilog) if each.epilog else each.epilog
        each.options_metavar = OPTIONS_METAVAR.vi
        if isinstance(each, TyperGroup):
            each.subcommand_metavar = COMMAND_METAVAR.vi
        context = Context(each)
        for param in each.params:
            _translate_metavar(param, context)


def _translate_metavar(param: Parameter, context: Context) -> None:
    if param.param_type_name == "argument":
        shown = param.metavar or param.name or ""
    elif getattr(param, "is_flag", False):
        return
    else:
        shown = param.make_metavar(context)
    said = next((metavar.vi for metavar in METAVARS if metavar.en == shown), None)
    if said is not None:
        param.metavar = said


class WholeNumbers(IntRange):
    """Click's integer range, named so that a value like '2020.0' gets a plain message
    ("is not a valid whole number") instead of Click's "is not a valid int range"."""

    name = "whole number"


# ---- usage errors -----------------------------------------------------------------------------------


def usage_error_text(error: UsageError, lang: Lang) -> str:
    """What to print for a usage error: the usage line, where to get help, and the problem."""
    if lang != "vi" or isinstance(error, NoArgsIsHelpError):
        shown = io.StringIO()
        error.show(shown)
        return shown.getvalue()
    lines = []
    context = error.ctx
    if context is not None:
        lines.append(context.get_usage())
        if context.command.get_help_option(context) is not None:
            lines.append(SEE_HELP.vi.format(command=context.command_path, option=context.help_option_names[0]))
        lines.append("")
    lines.append(ERROR.vi.format(problem=_problem_vi(error)))
    return "\n".join(lines) + "\n"


def _problem_vi(error: UsageError) -> str:
    if isinstance(error, NoSuchOption):
        text = NO_SUCH_OPTION.vi.format(option=error.option_name)
        if error.possibilities:
            text += POSSIBLY.vi.format(options=", ".join(sorted(error.possibilities)))
        return text
    if isinstance(error, BadParameter):
        hint = error.param_hint
        if hint is None and error.param is not None and error.ctx is not None:
            hint = error.param.get_error_hint(error.ctx)
        if not isinstance(hint, str) and hint is not None:
            hint = " / ".join(repr(each) for each in hint)
        if hint is not None:
            for extra in EXTRAS:
                hint = hint.replace(extra.en, extra.vi)
        if isinstance(error, MissingParameter):
            kind = error.param_type or (error.param.param_type_name if error.param else "")
            said = PARAMETER_KINDS.get(kind, PARAMETER_KINDS[""]).vi
            return (MISSING if hint else MISSING_BARE).vi.format(kind=said, hint=hint)
        if hint is None:
            return INVALID_VALUE.vi.format(message=message_vi(error.message))
        return INVALID_VALUE_FOR.vi.format(hint=hint, message=message_vi(error.message))
    return message_vi(error.message)


# ---- running the command tree ---------------------------------------------------------------------


def run(command: Command, lang: Lang) -> int:
    """Run the command line in ``lang``; usage errors are printed here, in that language."""
    import sys

    from typer.exceptions import Abort

    if lang == "vi":
        to_vietnamese(command)
    try:
        # Not standalone: Click would print its usage errors in English and exit itself.
        result = command.main(standalone_mode=False)
    except UsageError as error:
        sys.stderr.write(usage_error_text(error, lang))
        return error.exit_code
    except Abort:
        sys.stderr.write(messages.ABORTED.get(lang) + "\n")
        return 1
    return result if isinstance(result, int) else 0
