"""The store: every data file chilinh has validated, kept in an embedded SQLite database.

A data file is validated with Pydantic once; its tables (``tables``: the schema the exports
write too), an index of its figures' names and a full-text index of its words then live in
``catalog-KEY.sqlite`` in the user's cache directory. KEY covers the store's format, the
tool's version, its code and Pydantic's (the size and time of their files), so that
``validate`` and the queries never disagree: other code, another store. A file is read
again only when its size, modification time, inode or change time changed, and validated again only when
its content (SHA-256) changed too.

Nothing in the store can run code: it is SQLite tables and JSON text, read by this module.
A store that is corrupt, of another schema, locked or unwritable is rebuilt or, failing
that, replaced for the run by one in memory: answers stay right, only slower.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..model.errors import DataFileError
from ..reading.loader import file_name, file_status, name_of
from ..version import __version__
from .schema import INDEXED, OWN_TABLES, STORE_FORMAT, create

if TYPE_CHECKING:
    from ..model.records import Dataset
    from ..reading.intake import Prepared, SearchText

T = TypeVar("T")
Progress = Callable[[int, int, int], None]
"""Told (files done, files in all, figures done) while the store reads files."""


class Store:
    """An open store: a SQLite connection whose tables hold the datasets it has read."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self.db = connection
        self.path = path
        """The file, or None for a store in memory (the cache could not be used)."""
        self.full_text = (
            self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone() is not None
        )
        """Whether SQLite has FTS5 here: search uses its index, else scans the rows."""
        self._batching = False
        self._batch_started = 0.0
        self._searching = False
        self.spills = False
        """Whether this store (of no file: ``path`` is None) keeps its pages in a temporary file."""
        self.gone: list[str] = []
        """The files of a folder removed while this run read it (left out of its answers)."""

    def close(self) -> None:
        self.db.close()

    # ---- keeping it in step with the files ------------------------------------------------------

    def sync(
        self,
        files: Sequence[Path | str],
        *,
        within: Path | None = None,
        progress: Progress | None = None,
        failures: dict[int, DataFileError] | None = None,
        skipped: list[str] | None = None,
        search: bool = False,
    ) -> list[int]:
        """The ids of the datasets of ``files``, each read and validated only if it changed since
        the store last saw it. With ``within`` (a directory), stored files under it that are gone
        are dropped. Many changed files are read and validated by worker processes while this
        one writes (the machine's cores share the work). The first file that is not valid is
        raised; with ``failures``, each is kept there by its place in ``files`` instead. With
        ``skipped``, a JSON file that is no dataset (a schema, notes) is left out and named there.
        ``search``: the run will search, so a file read now gets its search rows at once (else
        they wait for the first search: ``searchable``). A file found to be no dataset is
        remembered by its stat, and named again unread while it is unchanged."""
        known = {
            path: (int(number), (size, mtime, inode), digest)
            for number, path, size, mtime, inode, digest in self.db.execute(
                "SELECT id, path, size, mtime_ns, inode, sha256 FROM datasets"
            )
        }
        strays: dict[str, tuple[int, int, int]] = (
            {path: (size, mtime, inode) for path, size, mtime, inode in self.db.execute("SELECT * FROM strays")}
            if skipped is not None
            else {}
        )
        ids: list[int | None] = []
        changed: list[tuple[int, Path | str, str]] = []
        passed: list[tuple[int, str]] = []  # files no dataset, by their place in ``files``
        present: set[str] = set()
        for place, file in enumerate(files):
            name = file_name(file)
            present.add(name)
            seen = known.get(name)
            status = file_status(file)
            unchanged = seen is not None and status is not None and seen[1] == status
            ids.append(seen[0] if unchanged and seen is not None else None)  # the common case: no reading at all
            if unchanged:
                continue
            if status is not None and strays.get(name) == status:  # still no dataset: named, not read
                passed.append((place, name))
                continue
            # A file with no status (standard input, one gone) is read whole.
            changed.append((place, file, seen[2] if seen is not None and status is not None else ""))
        self._searching = search
        with self._batch():
            figures = 0
            try:
                found: Iterable[tuple[int, Prepared]] = ()
                if changed:  # files to read: only then is the reading of one imported (the common run reads none)
                    from ..reading.intake import prepare_all

                    found = prepare_all(changed, lenient=skipped is not None, search=search)
                for done, (place, prepared) in enumerate(found, start=1):
                    try:
                        if prepared.gone:  # removed while the folder was read: as if never there
                            self.gone.append(prepared.path)
                            self._forget(prepared.path)
                            continue
                        if prepared.skipped and skipped is not None:
                            passed.append((place, prepared.path))
                            self._forget(prepared.path)
                            self._remember_stray(prepared)
                            continue
                        if prepared.path in strays:  # no dataset before, one now
                            self._write(partial(self.db.execute, "DELETE FROM strays WHERE path = ?", (prepared.path,)))
                        ids[place] = self._store(prepared)
                    except DataFileError as error:
                        if failures is None:
                            raise
                        failures[place] = error
                    self._commit_now_and_then()
                    if progress is not None:
                        figures += sum(len(rows) for name, _, rows in prepared.tables if name == "figures")
                        progress(done, len(changed), figures)
            except BaseException:
                if progress is not None:  # a bad file or Ctrl-C ends the bar too (and shows the cursor)
                    progress(len(changed), len(changed), figures)
                raise
            if within is not None:
                self._drop_missing(within, known, strays, present)
        if skipped is not None:
            skipped.extend(path for _, path in sorted(passed))
        return [number for number in ids if number is not None]

    def _remember_stray(self, prepared: Prepared) -> None:
        """Keep the stat of a file that is no dataset, so that a warm run need not read it."""
        if prepared.status is not None:
            row = (prepared.path, *prepared.status)
            self._write(partial(self.db.execute, "INSERT OR REPLACE INTO strays VALUES (?, ?, ?, ?)", row))

    @contextlib.contextmanager
    def _batch(self) -> Iterator[None]:
        """Changes of many files in few transactions, committed every half second: an
        interrupted build keeps what it had committed, and no file is ever half stored."""
        self._batching, self._batch_started = True, time.monotonic()
        try:
            yield
        except DataFileError:  # raised before its file's rows are written: keep the files before it
            self._commit()
            raise
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        else:
            self._commit()
        finally:
            self._batching = False

    def _commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")

    def _commit_now_and_then(self) -> None:
        if time.monotonic() - self._batch_started > 0.5:
            self._commit()
            self._batch_started = time.monotonic()

    def add(self, dataset: Dataset, path: str, text: str) -> int:
        """Keep a dataset that is already validated (the Python API's in-memory catalogs), with
        its search rows: its text may not be kept (``text`` may be empty) to lay them out later."""
        from ..reading.intake import rows_of

        return self._store(rows_of(dataset, path, "", None, text, search=True))

    def _store(self, prepared: Prepared) -> int:
        """Keep a file that was read and validated: the same content already stored needs only
        its new stat; a file whose content changed replaces its old rows. What is stored is
        looked at inside the write transaction: a concurrent run that stored the same content
        first is kept (its id may be in use), not replaced."""
        if prepared.problems:
            raise DataFileError(prepared.path, prepared.problems)

        def keep(prepared: Prepared) -> int:
            same = self._restat_same(prepared)
            if same is not None:
                return same
            if not prepared.tables:  # another run replaced the content this one matched: read it whole
                from ..reading.intake import prepare

                prepared = prepare(prepared.path, search=self._searching)
                if prepared.problems:
                    raise DataFileError(prepared.path, prepared.problems)
                same = self._restat_same(prepared)
            return same if same is not None else self._insert(prepared)

        return self._write(lambda: keep(prepared))

    def _forget(self, path: str) -> None:
        """Drop what is stored for a file that is no dataset any more."""
        stored = self.db.execute("SELECT id FROM datasets WHERE path = ?", (path,)).fetchall()
        if stored:
            self._write(lambda: self._delete(stored))

    def _restat_same(self, prepared: Prepared) -> int | None:
        """The id of the same content stored for the same path, given the file's new stat; or None."""
        same = self.db.execute(
            "SELECT id FROM datasets WHERE path = ? AND sha256 = ?", (prepared.path, prepared.digest)
        ).fetchone()
        if same is None:
            return None
        stat = (*(prepared.status or (None, None, None)), same[0])  # touched or copied back: no new rows
        self.db.execute("UPDATE datasets SET size=?, mtime_ns=?, inode=? WHERE id=?", stat)
        return int(same[0])

    def _insert(self, prepared: Prepared) -> int:
        self._delete(self.db.execute("SELECT id FROM datasets WHERE path = ?", (prepared.path,)).fetchall())
        # Never an id a dataset had before: a run that read the old one must not find another file's rows.
        number = int(
            self.db.execute(
                "SELECT max(coalesce((SELECT max(id) FROM datasets), 0), "
                "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'datasets'), 0)) + 1"
            ).fetchone()[0]
        )
        for name, columns, rows in prepared.tables:
            marks = ", ".join("?" for _ in columns)
            verb = "INSERT OR IGNORE" if name == "units" else "INSERT"
            # Generators, not lists: a province's file would be held a second time, numbered.
            numbered = rows if name == "units" else ((number, *row[1:]) for row in rows)
            self.db.executemany(f"{verb} INTO {name} VALUES ({marks})", numbered)
        self.db.executemany("INSERT INTO figure_names VALUES (?, ?, ?)", ((number, *n) for n in prepared.names))
        if prepared.search is not None:
            self._keep_search(number, prepared.search)
        return number

    def _keep_search(self, number: int, rows: Iterable[SearchText]) -> None:
        self.db.executemany("INSERT INTO search_rows VALUES (?, ?, ?, ?, ?, ?)", ((number, *row) for row in rows))
        self._index("search_index", "search_rows", number)
        self.db.execute("INSERT INTO search_ready VALUES (?)", (number,))

    def _index(self, index: str, table: str, number: int) -> None:
        """The full-text index of ``table`` told of the dataset's new rows (no FTS5: no index)."""
        if self.full_text:
            self.db.execute(
                f"INSERT INTO {index} (rowid, folded) SELECT rowid, folded FROM {table} WHERE dataset_id = ?",
                (number,),
            )

    def searchable(self, ids: Sequence[int], progress: Callable[[int, int], None] | None = None) -> None:
        """Lay out the search rows of the datasets among ``ids`` that have none yet, from the text
        the store keeps. A question that does not search never pays for them: most of a large
        file's rows and its biggest index are search's; they are made at its first search and
        kept (a concurrent run that made them first is found inside the transaction).
        ``progress`` is told how many of the datasets are done, and of how many."""
        missing = self._not_ready("search_ready", ids)
        if not missing:
            return
        try:
            with self._batch():
                for done, number in enumerate(missing, start=1):
                    self._write(partial(self._lay_out_search, number))
                    self._commit_now_and_then()
                    if progress is not None:
                        progress(done, len(missing))
        except BaseException:
            if progress is not None:  # Ctrl-C or a full disk ends the bar too (and shows the cursor)
                progress(len(missing), len(missing))
            raise

    def _lay_out_search(self, number: int) -> None:
        from ..model.records import answerable
        from ..reading.intake import search_rows_of
        from ..reading.rebuild import dataset_from_text

        if self.db.execute("SELECT 1 FROM search_ready WHERE dataset_id = ?", (number,)).fetchone():
            return  # another run laid them out first
        stored = self.db.execute("SELECT document FROM datasets WHERE id = ?", (number,)).fetchone()
        if stored is None:  # replaced by another run since this one read the catalog
            return
        self._keep_search(number, search_rows_of(answerable(dataset_from_text(stored[0]))))

    def nameable(self, ids: Sequence[int]) -> bool:
        """Put the names of the datasets among ``ids`` in the full-text name index, those not in
        it yet; whether the index now holds them all. Only a name that matches no figure's whole
        needs that index (``reads.named_from``), so a build does not fill it (a tenth of a large
        file's build): the first such question does, once for each dataset. A store that cannot
        take the write (a full disk, a file-size limit, another run's lock) keeps its index as it
        was, and the question is answered by reading the names instead."""
        if not self.full_text:
            return False
        if not self._not_ready("names_ready", ids):
            return True
        try:
            self._write(partial(self._index_names, ids))
        except sqlite3.OperationalError:
            return False
        return True

    def _index_names(self, ids: Sequence[int]) -> None:
        for number in self._not_ready("names_ready", ids):  # looked at again in the write transaction
            if self.db.execute("SELECT 1 FROM datasets WHERE id = ?", (number,)).fetchone() is None:
                continue  # replaced by another run since this one read the catalog
            self._index("name_index", "figure_names", number)
            self.db.execute("INSERT INTO names_ready VALUES (?)", (number,))

    def _not_ready(self, ready: str, ids: Sequence[int]) -> list[int]:
        """The datasets among ``ids`` that the table ``ready`` does not hold, each once, in order."""
        wanted = tuple(dict.fromkeys(ids))
        marks = ", ".join("?" for _ in wanted)
        held = self.db.execute(f"SELECT dataset_id FROM {ready} WHERE dataset_id IN ({marks})", wanted)
        found = {number for (number,) in held}
        return [number for number in wanted if number not in found]

    def _delete(self, ids: Iterable[tuple[int]]) -> None:
        for (number,) in ids:
            for index, table, ready in INDEXED if self.full_text else ():
                # The index forgets these rows before they go, if it holds them: telling an index
                # to forget what it never held would damage it.
                if self.db.execute(f"SELECT 1 FROM {ready} WHERE dataset_id = ?", (number,)).fetchone():
                    self.db.execute(
                        f"INSERT INTO {index} ({index}, rowid, folded) "
                        f"SELECT 'delete', rowid, folded FROM {table} WHERE dataset_id = ?",
                        (number,),
                    )
            for table in OWN_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE dataset_id = ?", (number,))
            self.db.execute("DELETE FROM datasets WHERE id = ?", (number,))

    def _drop_missing(
        self,
        directory: Path,
        known: Mapping[str, tuple[int, object, str]],
        strays: Mapping[str, object],
        present: set[str],
    ) -> None:
        """Drop the stored files (and files no dataset) under ``directory`` that this run's walk
        did not find, of those ``known`` when the run began (one read of the datasets serves
        both: a file another run stored since is that run's to keep)."""
        prefix = name_of(directory).rstrip(os.sep) + os.sep
        gone = [(seen[0],) for path, seen in known.items() if path.startswith(prefix) and path not in present]
        if gone:
            self._write(lambda: self._delete(gone))
        lost = [(path,) for path in strays if path.startswith(prefix) and path not in present]
        if lost:
            self._write(partial(self.db.executemany, "DELETE FROM strays WHERE path = ?", lost))

    def _write(self, change: Callable[[], T]) -> T:
        """One change, whole or not at all; within a batch, part of the batch's transaction."""
        if self._batching:
            if not self.db.in_transaction:
                self.db.execute("BEGIN IMMEDIATE")  # one writer at a time among concurrent runs
            return change()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            result = change()
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        return result


def code_key() -> str:
    """What the store's content depends on: its format, the tool's version and its code, and
    the validator's (Pydantic and its core: an upgrade may judge a file otherwise). Each as
    the size and time of its files, found without importing them. (A checksum rather than a
    hash: hashlib costs more start-up than the whole key is worth.)"""
    import importlib.util
    import zlib

    parts = [f"{STORE_FORMAT}:{__version__}:{sys.version_info[:2]}"]
    package = os.path.dirname(os.path.dirname(__file__))  # chilinh_cli/: every room, json word lists too
    parts += sorted(_code_files(package, ""))
    for validator in ("pydantic", "pydantic_core"):
        spec = importlib.util.find_spec(validator)
        if spec is not None and spec.origin:
            module = os.path.join(
                os.path.dirname(spec.origin), "version.py" if validator == "pydantic" else "__init__.py"
            )
            with contextlib.suppress(OSError):
                status = os.stat(module)
                parts.append(f"{validator}:{status.st_size}:{status.st_mtime_ns}")
    text = "\n".join(parts).encode()
    return f"{STORE_FORMAT}-{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


def _code_files(directory: str, prefix: str) -> Iterator[str]:
    """'room/module.py:size:mtime' of the package's code and data files, in every folder under
    it (os.scandir and its entries' stat: no pathlib objects on a path every run takes)."""
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                yield from _code_files(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith((".py", ".json")):
                with contextlib.suppress(OSError):
                    status = entry.stat()
                    yield f"{prefix}{entry.name}:{status.st_size}:{status.st_mtime_ns}"


def cache_directory() -> Path | None:
    """Where the store lives: CHILINH_CACHE_DIR, else the platform's cache directory; None
    with CHILINH_NO_CACHE (every run then validates in memory)."""
    if os.environ.get("CHILINH_NO_CACHE"):
        return None
    if configured := os.environ.get("CHILINH_CACHE_DIR"):
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "chilinh" / "cache" if base else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chilinh"


def open_store() -> Store:
    """The store of this version of the tool: opened, created, or rebuilt when it is not one
    of ours; a store in memory when the cache directory cannot hold one."""
    directory = cache_directory()
    if directory is not None:
        path = directory / f"catalog-{code_key()}.sqlite"
        for attempt in range(2):
            try:
                directory.mkdir(parents=True, exist_ok=True)
                store = _open(path)
            except (sqlite3.DatabaseError, OSError):
                if attempt == 0:
                    discard(path)  # corrupt, foreign or half-written: build it again
                continue
            _prune(directory, keep=path.name)
            return store
        return memory_store()
    return temporary_store()


def discard(path: Path) -> None:
    """Remove a store file and its journal files, so that the next open builds it again."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            stale.unlink()


def memory_store() -> Store:
    """A store in memory for this run: where no store file can be written (a full disk, a
    file-size limit)."""
    return _open(None)


def temporary_store() -> Store:
    """A store for this run only (CHILINH_NO_CACHE): SQLite's private temporary database, which
    keeps a few pages in memory and the rest in a file it deletes when closed (a province's file
    held in memory would be some 200 MiB more); all in memory when no temporary directory can be
    written. ``catalog.synced`` answers from memory if the temporary file cannot grow."""
    return _open(None, spill=_can_spill())


SPILL_DIRECTORIES = ("/var/tmp", "/usr/tmp", "/tmp", ".")
"""Where SQLite on Unix puts a temporary database, after $SQLITE_TMPDIR and $TMPDIR: the first
directory it may write to."""


def _can_spill() -> bool:
    """Whether SQLite finds a directory for the pages a temporary database spills."""
    if sys.platform == "win32":  # pragma: no cover - GetTempPath, always there
        return True
    candidates = (os.environ.get("SQLITE_TMPDIR"), os.environ.get("TMPDIR"), *SPILL_DIRECTORIES)
    return any(d and os.path.isdir(d) and os.access(d, os.W_OK | os.X_OK) for d in candidates)


def _open(path: Path | None, spill: bool = False) -> Store:
    target = str(path) if path else "" if spill else ":memory:"
    connection = sqlite3.connect(target, timeout=60, isolation_level=None)
    try:
        # Keys are not enforced (SQLite's default): validation has checked every reference of a
        # dataset before its rows come here, deletes go table by table (schema.OWN_TABLES), and
        # checking each row's keys again cost a fifth of a large file's build.
        if path is not None:
            connection.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writer
        if path is not None:
            connection.execute("PRAGMA synchronous = NORMAL")  # a cache: safe from corruption, not fsync'd per file
            connection.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages: the indexes of a large build stay hot
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is None:
            create(connection)
        if connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() != (str(STORE_FORMAT),):
            raise sqlite3.DatabaseError("not a store of this format")
        connection.execute("SELECT count(*) FROM datasets, search_rows WHERE 0").fetchone()
        if path is not None:  # a store that cannot be written is no store: try again, or keep one in memory
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
    except BaseException:
        connection.close()
        raise
    store = Store(connection, path)
    store.spills = spill
    return store


def _prune(directory: Path, keep: str) -> None:
    """Remove stores of other versions of the tool (once no run has touched them for an hour),
    the pickles of the cache that came before the store, and stale temporary files."""
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for old in entries:
            name = old.name
            ours = name.startswith("catalog-") and ".sqlite" in name
            pickle = name.endswith(".pickle")
            if name.startswith(keep) or not (ours or pickle or name.startswith(".tmp-")):
                continue
            with contextlib.suppress(OSError):
                if pickle or now - old.stat(follow_symlinks=False).st_mtime > 3600:
                    os.unlink(old.path)
