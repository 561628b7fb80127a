"""Which language to speak: from the command line, CHILINH_LANG or the locale.

Kept free of imports beyond the standard library: the process entry asks it before
anything else is loaded, to say Click's help and usage errors in the right language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Literal, TypeGuard

Lang = Literal["en", "vi"]
LANGUAGES: tuple[Lang, ...] = ("en", "vi")


def is_lang(value: object) -> TypeGuard[Lang]:
    return value in LANGUAGES


def default_language(environ: Mapping[str, str] = os.environ) -> Lang:
    """CHILINH_LANG when it names a language we speak; else vi for a Vietnamese locale
    (LC_ALL, LC_MESSAGES, then LANG, the first one set), else en."""
    chosen = environ.get("CHILINH_LANG", "").strip().lower()
    if is_lang(chosen):
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def requested_language(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> Lang:
    """The language a command line asks for, read before Click parses it.

    The last ``--lang``/``-l`` with a known value wins, wherever it stands (before or after
    the command name), as it does once Click has parsed the line; anything after ``--``
    is an argument, not an option. Without one, the environment's language.
    """
    chosen: Lang | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value: str | None = None
        if arg in ("--lang", "-l"):
            value = args[index + 1] if index + 1 < len(args) else None
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        elif arg.startswith("-l") and not arg.startswith("--"):
            value = arg[2:]
        if value is not None:
            folded = value.strip().lower()
            if is_lang(folded):
                chosen = folded
    return chosen or default_language(environ)
