"""The one way chilinh writes a file: whole or not at all, and never over what is not ours.

``destination`` is the one decision about a path, whatever writes there (``--export-svg``,
``export sqlite``, ``export csv``):

| what is at the path | what happens |
|---|---|
| nothing | a new file, written beside it under a temporary name and renamed into place |
| a regular file | replaced the same way (commands that ask for ``--force`` refuse without it) |
| a symbolic link | followed: its target is written as above, and the link stays a link |
| a character device (``/dev/null``, a terminal) | written through, as a shell's ``>`` does |
| an open descriptor (``/dev/stdout``, ``/dev/fd/N``) | written through, appended to what is there |
| a directory, a named pipe (FIFO), a socket, a block device | refused, without waiting |

A whole directory of files (``export csv``) is written into a new sibling directory and
moved into place only once every file is complete (``atomic_directory``).
"""

import errno
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, NamedTuple

from ..model.errors import ExportError, os_reason
from ..words import messages

Kind = Literal["new", "file", "through"]
_DESCRIPTOR = re.compile(r"/(?:proc/(?:self|\d+)|dev)/fd/\d+")


class Destination(NamedTuple):
    """Where the bytes of a write end, and how they get there."""

    path: Path
    """The file to create or replace (a link's target), or the device or descriptor to write through."""
    kind: Kind


def destination(path: Path, *, force: bool, make_parents: bool = False) -> Destination:
    """What writing at ``path`` means (see the table above); refuses with an ``ExportError``."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        target = Path(os.path.realpath(path))  # a dangling link is written at its target
        if make_parents:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise cannot_write(path, error) from None
        return Destination(target, "new")
    except OSError as error:
        raise cannot_write(path, error) from None
    if _through_descriptor(path) and (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        return Destination(path, "through")
    if stat.S_ISREG(mode):
        refuse_to_overwrite([path], force)
        return Destination(Path(os.path.realpath(path)), "file")
    if stat.S_ISCHR(mode):
        return Destination(path, "through")
    refusal = (
        messages.IS_A_DIRECTORY_PATH
        if stat.S_ISDIR(mode)
        else messages.REFUSE_FIFO
        if stat.S_ISFIFO(mode)
        else messages.REFUSE_SOCKET
        if stat.S_ISSOCK(mode)
        else messages.REFUSE_BLOCK_DEVICE
    )
    raise ExportError(refusal.format(path=str(path)))


def _through_descriptor(path: Path) -> bool:
    """Whether ``path`` is, or links to, a process's open descriptor (/dev/stdout, /dev/fd/1)."""
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links followed
        if _DESCRIPTOR.fullmatch(current):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), os.readlink(current)))
    return False


def refuse_to_overwrite(paths: list[Path], force: bool) -> None:
    """Unless ``force``, refuse to go on when any of ``paths`` exists already."""
    existing = [str(path) for path in paths if os.path.lexists(path)]
    if existing and not force:
        said = messages.ALREADY_EXISTS if len(existing) == 1 else messages.ALREADY_EXIST
        raise ExportError(said.format(paths=", ".join(existing)))


@contextmanager
def atomic_file(path: Path, *, force: bool = True, make_parents: bool = False) -> Iterator[Path]:
    """A temporary file to write; once the block succeeds, its bytes are at ``path``.

    On any failure the temporary file is removed and ``path`` is as it was; an error of the
    file system (a full disk, a file-size limit) becomes an ``ExportError`` naming ``path``.
    """
    import tempfile  # only a run that writes a file pays for it

    target = destination(path, force=force, make_parents=make_parents)
    # Beside the file, so that the rename is atomic; a device's bytes wait in the temporary directory.
    where = target.path.parent if target.kind != "through" else None
    try:
        handle, name = tempfile.mkstemp(dir=where, prefix=f".{target.path.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise cannot_write(path, error) from None
    temporary = Path(name)
    try:
        yield temporary
        if target.kind == "through":
            _write_through(temporary, target.path)
        else:
            _settle_mode(temporary)
            _still_ours(target)
            os.replace(temporary, target.path)
    except BaseException as error:
        if isinstance(error, OSError):  # a full disk, a file-size limit: the user's to fix
            raise cannot_write(path, error) from None
        raise
    finally:
        temporary.unlink(missing_ok=True)


def _settle_mode(temporary: Path, mode: int = 0o666) -> None:
    """mkstemp and mkdtemp make things private; give them the mode anything new of the user's gets."""
    umask = os.umask(0)
    os.umask(umask)
    temporary.chmod(mode & ~umask)


def _still_ours(target: Destination) -> None:
    """Between the decision and the rename, nothing but a regular file may have appeared there."""
    try:
        mode = os.lstat(target.path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise ExportError(messages.REFUSE_CHANGED.format(path=str(target.path)))


def _write_through(source: Path, device: Path) -> None:
    """Copy ``source`` into a device or an open descriptor, as a shell's ``>`` or ``>>`` would."""
    try:
        # O_NONBLOCK: a pipe nobody reads is refused at once (ENXIO) instead of waiting forever.
        descriptor = os.open(device, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise ExportError(messages.NO_READER.format(path=str(device))) from None
        raise
    try:
        os.set_blocking(descriptor, True)
        with source.open("rb") as data:
            while chunk := data.read(1 << 16):
                while chunk:
                    chunk = chunk[os.write(descriptor, chunk) :]
    except BrokenPipeError:  # the reader of a pipe has gone
        raise ExportError(messages.NO_READER.format(path=str(device))) from None
    finally:
        os.close(descriptor)


@contextmanager
def atomic_directory(directory: Path, names: list[str], *, force: bool) -> Iterator[Path]:
    """A new directory to write the files ``names`` into; once the block succeeds they are
    all in ``directory`` (created if missing), and on any failure none of them is.

    Without ``force`` no existing file is replaced; files of ``directory`` not in ``names``
    are never touched.
    """
    import shutil
    import tempfile

    home = _directory(directory)
    for name in names:
        found = destination(home / name, force=force)
        if found.kind != "new" and found.kind != "file":
            raise ExportError(messages.REFUSE_NOT_REGULAR.format(path=str(home / name)))
    try:
        staging = Path(tempfile.mkdtemp(dir=home.parent, prefix=f".{home.name}."))
    except OSError as error:
        raise cannot_write(directory, error) from None
    try:
        yield staging
        for name in names:
            _settle_mode(staging / name)
        _move_into_place(staging, home, names)
    except OSError as error:
        raise cannot_write(directory, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _directory(directory: Path) -> Path:
    """The directory an export goes to, resolved, its parents made; refuses anything else."""
    try:
        mode = os.stat(directory).st_mode
    except FileNotFoundError:
        home = Path(os.path.realpath(directory))
        try:
            home.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise cannot_write(directory, error) from None
        return home
    except OSError as error:
        raise cannot_write(directory, error) from None
    if not stat.S_ISDIR(mode):
        raise ExportError(messages.NOT_A_DIRECTORY.format(path=str(directory)))
    return Path(os.path.realpath(directory))


def _move_into_place(staging: Path, home: Path, names: list[str]) -> None:
    """Rename the staged files into ``home``; a rename that fails puts everything back."""
    if not home.exists():
        _settle_mode(staging, 0o777)
        os.rename(staging, home)  # the whole set at once
        return
    kept = staging / ".replaced"
    kept.mkdir()
    replaced: list[str] = []
    placed: list[str] = []
    try:
        for name in names:
            if os.path.lexists(home / name):
                os.replace(home / name, kept / name)
                replaced.append(name)
            os.replace(staging / name, home / name)
            placed.append(name)
    except OSError:
        for name in placed:
            (home / name).unlink(missing_ok=True)
        for name in replaced:
            os.replace(kept / name, home / name)
        raise


def cannot_write(path: Path, error: OSError) -> ExportError:
    if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):  # the disk, a quota, a file-size limit
        return ExportError(messages.DISK_FULL.format(path=str(path)))
    return ExportError(messages.CANNOT_WRITE.format(path=str(path), reason=os_reason(error)))
