"""The command tree a run needs: the app pruned to the command argv names.

Typer reads the signature of every command it builds (some 7 ms for all of them, on every
run and every Tab), and a run needs only its own. Typer only, like the rest of ``cli``.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import typer

from .app import app

if TYPE_CHECKING:
    from typer.models import CommandInfo, TyperInfo

_VALUED_ROOT_OPTIONS = frozenset({"--lang", "-l", "--data", "--max-files"})
"""The root's options that take a value: the word after them is no command's name (a test
holds this to the root's declared options)."""


def command_tree(argv: Sequence[str], environ: Mapping[str, str]) -> typer.Typer:
    """The app as far as the run ``argv`` needs it. Typer reads the signature of every command
    it builds (some 7 ms for all of them, on every run), and a run needs only its own:

    - argv names a command: the app with that command alone (its help, options and usage
      errors are the same);
    - argv holds options only (``--help``, ``--version``, no argument at all): the commands
      as names and help texts, without their options, for the root's help page;
    - bash completes a word after a command's name: the app with that command alone, as a
      run of the words before the cursor would have it;
    - anything else (a mistyped name, ``--``, other shells' completion, a command's name
      being completed): the whole app."""
    import copy

    words = _positional_words(argv)
    completing = [value for name, value in environ.items() if name.startswith("_") and name.endswith("_COMPLETE")]
    if completing:
        words = _before_cursor(completing[0], environ) or None
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


def _before_cursor(shell: str, environ: Mapping[str, str]) -> list[str] | None:
    """The named words before the cursor of a bash completion (None for another shell, or
    words that do not split), as Typer's bash completion reads ``COMP_WORDS`` and ``COMP_CWORD``."""
    import shlex

    cursor = environ.get("COMP_CWORD", "")
    if shell != "complete_bash" or not cursor.isdigit():
        return None
    try:
        words = shlex.split(environ.get("COMP_WORDS", ""))
    except ValueError:
        return None
    return _positional_words(words[1 : int(cursor)])


def _listed(info: "CommandInfo") -> "CommandInfo":
    """A command as the root's help lists it: its name and help, no options, never run (a run
    that names a command builds the real one)."""
    import copy

    def listed() -> None:  # an annotation Typer need not evaluate (this module's are objects, not strings)
        raise typer.Exit(2)

    listed.__doc__ = info.callback.__doc__ if info.callback else None
    shown = copy.copy(info)
    shown.callback = listed
    return shown


def _listed_group(info: "TyperInfo") -> "TyperInfo":
    import copy

    shown = copy.copy(info)
    if isinstance(info.typer_instance, typer.Typer):
        group = copy.copy(info.typer_instance)
        group.registered_commands = [_listed(each) for each in group.registered_commands]
        shown.typer_instance = group
    return shown
