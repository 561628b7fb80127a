"""The process: the `chilinh` console script and `python -m chilinh_cli`.

Everything that belongs to the process rather than to a command is here: the one Ctrl-C
handler (set before Typer loads, so that an interrupt while loading ends as quietly as
one later), streams that cannot encode Vietnamese, the top-level error boundary and the
exit codes (0 answered, 1 not answerable or failed, 2 usage, 130 interrupted).
"""

from __future__ import annotations

import io
import os
import signal
import sys
from typing import TYPE_CHECKING

from ..words import messages
from ..words.language import Lang, requested_language

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class _Interrupted(BaseException):
    """Raised by the SIGINT handler; a BaseException so that nothing on the way catches it."""


def _on_interrupt(signum: int, frame: object) -> None:
    raise _Interrupted


class _Ended(BaseException):
    """Raised by the SIGTERM and SIGHUP handler (``timeout``, CI cancelling, ``docker stop``, a
    closed terminal): the run unwinds, so that a build's worker processes end with it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_end(signum: int, frame: object) -> None:
    raise _Ended(signum)


def run() -> None:
    """Run the command line, and turn every way of failing into a message and an exit code.

    The rest of the tool is imported only once the Ctrl-C handler is set (``_run``), and
    the error reporting only when there is an error to report.
    """
    signal.signal(signal.SIGINT, _on_interrupt)
    for ending in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, ending) and signal.getsignal(getattr(signal, ending)) is signal.SIG_DFL:
            signal.signal(getattr(signal, ending), _on_end)
    _debug_anywhere()
    lang = requested_language(sys.argv[1:], os.environ)
    if sys.stdout is None:  # started with standard output closed: answer into nothing, still write files
        _stdout_to_devnull()
    elif _is_regular_file(sys.stdout):
        _stdout_whole_writes()
    if not os.environ.get("CHILINH_DEBUG"):
        # A library's generator that fails while it is collected (openpyxl's, after a full disk)
        # would print a traceback; the error itself has been reported already.
        sys.unraisablehook = _ignore_unraisable
    try:
        _configure_streams()
        code = _run(lang)
        sys.stdout.flush()  # here, so that a full disk is reported rather than found at exit
    except _Interrupted:
        sys.stderr.write("\n" + messages.INTERRUPTED.get(lang) + "\n")
        code = 130
    except _Ended as ended:  # ended by a signal: end as the signal would have, quietly
        code = 128 + ended.signum
    except BrokenPipeError:
        from ..present.render import silence_stdout

        silence_stdout()
        code = 0
    except OSError as error:  # the output cannot be written: a full disk, a vanished terminal
        from ..model.errors import os_reason
        from ..present.render import report, silence_stdout

        silence_stdout()
        report(messages.CANNOT_WRITE_OUTPUT.format(reason=os_reason(error)), lang)
        code = 1
    except Exception:  # the last resort: a bug in chilinh itself
        if os.environ.get("CHILINH_DEBUG"):
            raise
        from ..present.render import report
        from ..version import __version__

        report(messages.INTERNAL_ERROR.format(version=__version__), lang)
        code = 1
    sys.exit(code)


def _debug_anywhere() -> None:
    """``--debug`` is the root's option, and the internal error's hint says to run again with
    it: anywhere before ``--`` (``chilinh list --debug`` too) it means CHILINH_DEBUG."""
    args = sys.argv[1:]
    end = args.index("--") if "--" in args else len(args)
    rest = [arg for arg in args[:end] if arg != "--debug"]
    if rest and len(rest) < end:  # 'chilinh --debug' alone stays a usage error
        os.environ["CHILINH_DEBUG"] = "1"
        sys.argv[1:] = rest + args[end:]


def _stdout_to_devnull() -> None:
    """Descriptor 1 onto /dev/null, so that no file opened later takes its number."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    if devnull != 1:
        os.dup2(devnull, 1)
        os.close(devnull)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - the process's own stream


def _ignore_unraisable(unraisable: object) -> None:
    pass


def _is_regular_file(stream: object) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return False


class _WholeWrites(io.RawIOBase):
    """Standard output as a file descriptor that writes all it is given or raises. A regular
    file at a size limit takes part of a write; Python's buffered writer then drops the rest
    without an error (`chilinh list -f json > out.json` under `ulimit -f` would end 0 with
    half a document), so the next write, which fails, must happen here."""

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._descriptor

    def isatty(self) -> bool:
        return False  # a regular file

    def write(self, data: ReadableBuffer) -> int:
        whole = memoryview(data).cast("B")
        view = whole
        while view:
            view = view[os.write(self._descriptor, view) :]
        return len(whole)


def _stdout_whole_writes() -> None:
    old = sys.stdout
    raw = _WholeWrites(old.fileno())
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw), encoding=old.encoding, errors=old.errors, line_buffering=bool(old.line_buffering)
    )


def _run(lang: Lang) -> int:
    from ..model.building import building

    # Typer and the command tree make some 100,000 objects that live as long as the process
    # and hold no garbage: built as a dataset is, the collector never scans them, not even at
    # exit (an eighth of the instructions of `chilinh --help`). The command runs with it on.
    with building():
        from typer.main import get_command

        from .bridge import run
        from .tree import command_tree

        command = get_command(command_tree(sys.argv[1:], os.environ))
    return run(command, lang)


VIETNAMESE_SAMPLE = "\u1ebf\u0111≈↑“"
"""Characters that a stream able to show chilinh's output must encode."""


def _configure_streams() -> None:
    """On a terminal or pipe that cannot encode Vietnamese (PYTHONIOENCODING=ascii, an old
    console code page), degrade the letters instead of failing: Vietnamese letters lose their marks.
    (The handler, ``model.text``'s, is imported only for such a stream.)"""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            VIETNAMESE_SAMPLE.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                import codecs

                from ..model.text import degrade_on_encode_error

                codecs.register_error("chilinh-degrade", degrade_on_encode_error)
                reconfigure(errors="chilinh-degrade")
