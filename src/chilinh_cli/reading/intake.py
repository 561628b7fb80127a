"""Files into rows: one data file read, hashed and, when its content is new, validated and
laid out as the rows the store keeps.

This is the work a worker process does while the store writes (``prepared``), so it touches
no database: it takes a path and gives back plain tuples.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..model.building import building
from ..model.errors import DataFileError, Problem
from ..model.records import Dataset, Figure, answerable, searchable
from ..model.text import fold, slug_pattern
from ..words import data_messages
from .loader import decode, file_name, file_status, is_dataset, parse_text, read_bytes, validate_document
from .tables import dataset_row_of, tables

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


SearchText = tuple[str, str, str, str, str]
"""What search reads of one text: kind, key and field of its record, the text and its folded words."""


class Prepared(NamedTuple):
    """A file read and validated, as the rows the store will keep (dataset id 0 stands for the
    id the store gives it); or the problems that keep it out."""

    path: str
    digest: str
    status: tuple[int, int, int] | None
    tables: list[tuple[str, tuple[str, ...], list[tuple[object, ...]]]]
    names: list[tuple[str, str]]
    search: list[SearchText] | None
    """The rows search reads; None when the run asks no search: the store lays them out at its
    first search (``Store.searchable``), from the text it keeps."""
    problems: tuple[Problem, ...] = ()
    skipped: bool = False
    """A JSON file of a folder that is no dataset (``loader.is_dataset``): left out, not refused."""
    gone: bool = False
    """A folder's file removed since the folder was read: left out, not refused."""


def prepare_all(
    changed: list[tuple[int, Path | str, str]], *, lenient: bool = False, search: bool = False
) -> Generator[tuple[int, Prepared], None, None]:
    """Each changed file read and validated, in order: by worker processes when there are
    many (a pool costs a fraction of a second to start), else here. ``lenient``: a file that
    is no dataset is skipped (a folder's other JSON files), not refused. ``search``: its
    search rows are laid out too (the run will search)."""
    places = [place for place, _, _ in changed]
    files = [file for _, file, _ in changed]
    digests = [digest for _, _, digest in changed]
    flags = [lenient] * len(files)
    searching = [search] * len(files)
    workers = (os.cpu_count() or 1) - 1  # one core is this process's, writing the store
    if len(files) < 16 or workers < 1:
        yield from zip(places, map(prepare, files, digests, flags, searching), strict=True)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    # A bounded number of files in flight: the workers read faster than this process writes,
    # and results waiting for it would hold a whole catalog's rows (1.4 GB at 10,000 files).
    ahead = 8 * workers
    pool = ProcessPoolExecutor(max_workers=workers, initializer=tied_to_parent)
    try:
        waiting: deque[tuple[int, Future[Prepared]]] = deque()
        for place, file, digest, flag in zip(places, files, digests, flags, strict=True):
            waiting.append((place, pool.submit(prepare, file, digest, flag, search)))
            if len(waiting) >= ahead:
                first, future = waiting.popleft()
                yield first, future.result()
        while waiting:
            first, future = waiting.popleft()
            yield first, future.result()
    except BaseException:  # an error, Ctrl-C, SIGTERM or SIGHUP (see cli.entry): the workers end now
        end_pool(pool)
        raise
    pool.shutdown()


def end_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: no queued file started, each worker terminated (not waited for)."""
    workers = list((pool._processes or {}).values())  # before shutdown, which forgets them
    results = getattr(pool, "_result_queue", None)  # so does it the results' queue
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()
    # A worker terminated while it wrote a result leaves half a message in the results' pipe:
    # the pool's manager thread would wait for the rest for ever, and the interpreter's exit
    # (which joins that thread) with it. With this process's end of the pipe closed too, the
    # pipe ends once the workers have, and the thread reads that end and stops.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        results._writer.close()  # type: ignore[union-attr]


def tied_to_parent() -> None:  # pragma: no cover - runs in a worker process only (tests/store: the signal tests)
    """A worker's first act: end when its parent ends, whatever ends it (kill -9 too). On Linux
    the kernel sends it SIGKILL then (PR_SET_PDEATHSIG); everywhere, a thread looks every
    half second whether its parent is still the one it had."""
    import threading

    parent = os.getppid()
    for ending in ("SIGTERM", "SIGHUP"):  # the parent's handlers (cli.entry) are not a worker's
        if hasattr(signal, ending):
            signal.signal(getattr(signal, ending), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent ended before the call above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="chilinh-parent-watch", daemon=True).start()


def prepare(file: Path | str, stored_digest: str = "", lenient: bool = False, search: bool = False) -> Prepared:
    """Read and hash one file; unless its content is the one stored, validate it and lay it out
    as rows (run in a worker process). ``lenient``: a JSON file that is no dataset is skipped
    (parsed once: the document parsed is the one validated). ``search``: with its search rows."""
    import hashlib  # only a file that changed is hashed

    path = file_name(file)
    status = file_status(file)
    try:
        raw = read_bytes(Path(file))
        digest = hashlib.sha256(raw).hexdigest()
        if digest == stored_digest:  # touched or copied back: nothing to validate
            return Prepared(path, digest, status, [], [], None)
        text = decode(raw, path)
        del raw  # a province's file: its bytes need not be held beside its text
        with building():
            document = parse_text(text, path)
            if lenient and not is_dataset(document):
                return Prepared(path, digest, status, [], [], None, skipped=True)
            dataset = validate_document(document, path)
            del document  # the records hold it all now: a province's file need not be held twice
    except DataFileError as error:
        gone = lenient and error.problems == (("", data_messages.NO_SUCH_FILE),)
        return Prepared(path, "", status, [], [], None, () if gone else error.problems, gone=gone)
    return rows_of(dataset, path, digest, status, text, search)


def rows_of(
    dataset: Dataset,
    path: str,
    digest: str,
    status: tuple[int, int, int] | None,
    text: str,
    search: bool = False,
) -> Prepared:
    row = dataset_row_of(dataset, 0, path, digest, text)
    dataset = answerable(dataset)  # a rejected figure or event is found by no name and no search
    row = (*row[:3], *(status or (None, None, None)), *row[6:])
    laid = [(table.name, table.columns, table.rows) for table in tables(dataset, row)]
    folded = _folder()
    names = [(figure.id, key) for figure in dataset.figures for key in _name_keys(figure, folded)]
    return Prepared(path, digest, status, laid, names, search_rows_of(dataset, folded) if search else None)


def _name_keys(figure: Figure, folded: Callable[[str], str]) -> dict[str, None]:
    """The keys a figure is found by, each once, in order: its id, its aliases and its labels,
    folded. The fold of a kebab-case slug is its words, its hyphens made spaces: a validated
    file's ids and aliases all are (a province's has 165,000), a dataset made in code need not be."""
    slug = slug_pattern().fullmatch
    names = (figure.id, *figure.aliases)
    keys = dict.fromkeys([name.replace("-", " ") if slug(name) else folded(name) for name in names])
    keys[folded(figure.label.vi)] = None
    if figure.label.en:
        keys[folded(figure.label.en)] = None
    return keys


def search_rows_of(dataset: Dataset, folded: Callable[[str], str] | None = None) -> list[SearchText]:
    """The search rows of a dataset whose rejected records are left out (``records.answerable``)."""
    folded = folded or _folder()
    return [(kind, key, field, text, folded(text)) for kind, key, _, field, text in searchable(dataset)]


def _folder() -> Callable[[str], str]:
    """``text.fold`` that folds each text once: a review repeats its words (a label in its
    aliases and quotes, a quote for a figure and its comparisons; a province's file, the same
    labels year after year)."""
    folds: dict[str, str] = {}

    def folded(text: str) -> str:
        key = folds.get(text)
        if key is None:
            key = folds[text] = fold(text)
        return key

    return folded
