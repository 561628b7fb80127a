"""The `chilinh` console script and `python -m chilinh_cli`.

Loading Typer and the CLI takes a few tens of milliseconds; a Ctrl-C in that time ends
the same quiet way as one later (a line on standard error, exit 130), not with a traceback.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted_while_loading(signum: int, frame: object) -> None:  # pragma: no cover - timing
    from .language import requested_language

    said = "đã dừng" if requested_language(sys.argv[1:], os.environ) == "vi" else "interrupted"
    os.write(2, f"\nchilinh: {said}\n".encode())
    os._exit(130)


def run() -> None:
    signal.signal(signal.SIGINT, _interrupted_while_loading)
    from .cli import main

    main()
