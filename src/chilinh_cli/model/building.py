"""The garbage collector's policy while records are built: paused, then what was built frozen.

A dataset is built with the cyclic collector paused, then frozen, because its objects hold no
cycles and live as long as the answers made from them. Every room that builds records (reading
a file, rebuilding figures from the store, opening a catalog) does it through ``building``, and
so does the process for what it builds at start-up (``cli.entry``: Typer and the command tree).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building() -> Iterator[None]:
    """Building a dataset allocates millions of objects and no cycles; the cyclic garbage
    collector would otherwise scan them again and again while they are built (4x the time
    for 100,000 figures), and again whenever an answer allocates a few more. So it is
    paused while they are built, and what exists then is frozen out of its sight."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
