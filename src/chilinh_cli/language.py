"""Which language to speak: from the command line, CHILINH_LANG or the locale.

Kept free of imports beyond the standard library: the console script asks it before
anything else is loaded.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

LANGUAGES = ("en", "vi")


def default_language(environ: Mapping[str, str] = os.environ) -> str:
    """CHILINH_LANG when it names a language we speak; else vi for a Vietnamese locale
    (LC_ALL, LC_MESSAGES, then LANG, the first one set), else en."""
    chosen = environ.get("CHILINH_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def requested_language(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language a command line asks for, read before Click parses it.

    Click needs it before parsing, to print help and usage errors in it; the last
    ``--lang``/``-l`` with a known value wins, as it does for Click. Anything after
    ``--`` is an argument, not an option.
    """
    chosen: str | None = None
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
        if value is not None and value.strip().lower() in LANGUAGES:
            chosen = value.strip().lower()
    return chosen or default_language(environ)
