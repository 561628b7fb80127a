"""Finding a catalog's data files: every ``*.json`` under a folder, and what was passed over.

A folder may be a user's home or ``/``: the walk stops at ``max_files`` (``MAX_FILES`` unless
``--max-files`` or ``CHILINH_MAX_FILES`` says otherwise), never follows a link to a folder
(so a loop of links is never walked), never opens what it finds (a named pipe, a socket or a
device is named and passed over, never read), and names each folder it could not read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..model.errors import DataFileError, os_reason
from ..words import data_messages
from ..words.messages import Msg
from .loader import not_a_data_file

MAX_FILES = 100_000
"""How many ``*.json`` files a catalog folder may hold before the walk stops (and says so)."""


class Found(NamedTuple):
    """A folder's data files, in a stable order, and what the walk passed over."""

    files: list[str]
    passed: list[tuple[str, Msg]]
    """Entries named ``*.json`` that are no file (a named pipe, a socket, a device, a broken link)."""
    unreadable: list[tuple[str, Msg]]
    """Folders under the catalog that could not be read, and why."""
    limit: int | None = None
    """The limit the walk stopped at, or None when it saw every file."""


def max_files() -> int:
    """The limit of this run: CHILINH_MAX_FILES (set by ``--max-files``), else ``MAX_FILES``."""
    try:
        return max(1, int(os.environ.get("CHILINH_MAX_FILES", "") or MAX_FILES))
    except ValueError:
        return MAX_FILES


def catalog_files(
    directory: Path, *, limit: int | None = None, counting: Callable[[int, bool], None] | None = None
) -> Found:
    """Every ``*.json`` under ``directory`` (hidden files and folders left out: an editor's lock
    file, .git), as strings, sorted; ``counting`` is told how many were found every thousand,
    and once more at the end (True).
    An unreadable ``directory`` itself is a ``DataFileError`` (permission denied)."""
    most = max_files() if limit is None else limit
    files: list[str] = []
    passed: list[tuple[str, Msg]] = []
    unreadable: list[tuple[str, Msg]] = []
    folders = [os.fspath(directory)]
    stopped: int | None = None
    while folders and stopped is None:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as error:
            said = data_messages.PERMISSION_DENIED if isinstance(error, PermissionError) else os_reason(error)
            if folder == os.fspath(directory):
                raise DataFileError(str(directory), [("", said)]) from None
            unreadable.append((folder, said))
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    continue
                if not name.endswith(".json"):
                    continue
                if entry.is_file():  # a regular file, or a link to one
                    if len(files) >= most:
                        stopped = most
                        break
                    files.append(entry.path)
                    if counting is not None and len(files) % 1000 == 0:
                        counting(len(files), False)
                    continue
                if entry.is_dir():  # a link to a folder named *.json: not followed
                    continue
                passed.append((entry.path, not_a_data_file(entry.stat().st_mode) or data_messages.IS_A_DEVICE))
            except FileNotFoundError:  # a broken link, or removed while we looked
                passed.append((entry.path, data_messages.NO_SUCH_FILE))
            except OSError as error:
                passed.append((entry.path, data_messages.CANNOT_READ.format(reason=os_reason(error))))
    if counting is not None:
        counting(len(files), True)
    files.sort()
    return Found(files, sorted(passed), sorted(unreadable), stopped)
