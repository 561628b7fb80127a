"""The one way chilinh writes a file: whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import messages
from .errors import ExportError, os_reason


def refuse_to_overwrite(paths: list[Path], force: bool) -> None:
    """Unless ``force``, refuse to go on when any of ``paths`` exists already."""
    existing = [str(path) for path in paths if path.exists()]
    if existing and not force:
        said = messages.ALREADY_EXISTS if len(existing) == 1 else messages.ALREADY_EXIST
        raise ExportError(said.format(paths=", ".join(existing)))


@contextmanager
def atomic_file(path: Path, *, make_parents: bool = True) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only when the block succeeds.

    On any failure the temporary file is removed and ``path`` is as it was; an error of the
    file system (a full disk, a vanished directory) becomes an ``ExportError`` naming ``path``.
    """
    import tempfile  # only a run that writes a file pays for it

    try:
        if make_parents:
            path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise cannot_write(path, error) from None
    temporary = Path(name)
    try:
        yield temporary
        if temporary.exists():  # mkstemp makes the file private; give it the usual mode
            umask = os.umask(0)
            os.umask(umask)
            temporary.chmod(0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):  # a full disk, a vanished directory: the user's to fix
            raise cannot_write(path, error) from None
        raise


def cannot_write(path: Path, error: OSError) -> ExportError:
    return ExportError(messages.CANNOT_WRITE.format(path=str(path), reason=os_reason(error)))
