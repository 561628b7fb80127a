"""store: validated once, read again only when a file changes, never trusted to run code."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import chilinh_cli
from chilinh_cli.answers.catalog import find_figures, load_dataset, open_catalog
from chilinh_cli.model.errors import DataFileError
from chilinh_cli.reading import validation
from chilinh_cli.store import reads
from chilinh_cli.store.store import code_key, open_store
from readers import Writer, dump


def _store_file(cache: Path) -> Path:
    return cache / f"catalog-{code_key()}.sqlite"


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record every validation instead of running none unnoticed."""
    seen: list[int] = []
    real = validation.validate

    def counted(document: Any) -> Any:
        seen.append(document["metadata"]["year"])
        return real(document)

    monkeypatch.setattr(validation, "validate", counted)
    return seen


def test_a_file_is_validated_once_and_read_from_the_store(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    validated = _no_validation(monkeypatch)
    first = load_dataset(path)
    assert load_dataset(path) == first
    assert validated == [2021]  # once
    assert _store_file(tmp_path / "c").is_file()
    assert not list((tmp_path / "c").glob("*.pickle"))


def test_a_touched_file_is_not_validated_again_but_an_edited_one_is(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    validated = _no_validation(monkeypatch)
    load_dataset(path)
    os.utime(path, ns=(1, 1))  # a new modification time, the same content
    load_dataset(path)
    assert validated == [2021]
    document["figures"][0]["unit"] = "furlongs"
    path.write_text(json.dumps(document, default=float, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"figures\[0\]\.unit"):
        load_dataset(path)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda path: path.write_bytes(os.urandom(4096)),
        lambda path: path.write_bytes(pickle.dumps({"run": "code"})),
        lambda path: _other_schema(path),
        lambda path: path.write_bytes(b""),
    ],
    ids=["random bytes", "a pickle", "another schema", "empty"],
)
def test_a_tampered_store_is_rebuilt_and_runs_nothing(
    tamper: Callable[[Path], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path))
    expected = load_dataset(use_cache=False)
    load_dataset()
    for stale in tmp_path.glob("catalog-*"):
        stale.unlink()
    tamper(_store_file(tmp_path))
    assert load_dataset() == expected
    with sqlite3.connect(_store_file(tmp_path)) as connection:
        assert connection.execute("SELECT count(*) FROM figures").fetchone() == (37,)


def _other_schema(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        connection.execute("INSERT INTO meta VALUES ('format', 'someone else')")
    connection.close()


def test_a_pickle_planted_in_the_cache_is_never_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path))
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (Path.touch, (marker,))

    (tmp_path / "planted.pickle").write_bytes(pickle.dumps(Payload()))
    load_dataset()
    assert not marker.exists()
    assert not (tmp_path / "planted.pickle").exists()  # the old cache's files are pruned


def test_a_read_only_or_missing_cache_only_costs_speed(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(blocker / "cache"))
    assert load_dataset(write_dataset(document)).metadata.year == 2021
    store = open_store()
    assert store.path is None  # in memory for this run
    store.close()


def test_a_read_only_store_is_bypassed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path))
    load_dataset()
    _store_file(tmp_path).chmod(stat.S_IRUSR)
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert load_dataset().metadata.year == 2021
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_concurrent_first_runs_share_one_store(tmp_path: Path) -> None:
    env = {**os.environ, "CHILINH_CACHE_DIR": str(tmp_path / "c")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "chilinh_cli", "metric", "revenue", "-f", "json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(20)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _, err in results]
    assert {json.loads(out)["value"] for out, _ in results} == {967_300_000_000}
    with sqlite3.connect(_store_file(tmp_path / "c")) as connection:
        assert connection.execute("SELECT count(*) FROM datasets").fetchone() == (1,)


def test_an_id_is_never_given_twice(document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "a.json").write_text(dump(document), encoding="utf-8")
    (folder / "b.json").write_text(dump(document), encoding="utf-8")
    store = open_store()
    try:
        first = store.sync([str(folder / "a.json"), str(folder / "b.json")], within=folder)
        (folder / "b.json").unlink()
        store.sync([str(folder / "a.json")], within=folder)
        (folder / "c.json").write_text(dump(document), encoding="utf-8")
        (number,) = store.sync([str(folder / "c.json")])
        assert number not in first  # b's id stays b's: a run that still holds it finds nothing, not c
    finally:
        store.close()


def test_content_replaced_by_another_run_meanwhile_is_read_whole(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chilinh_cli.reading.intake import prepare

    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    store = open_store()
    try:
        (number,) = store.sync([str(path)])
        (digest,) = store.db.execute("SELECT sha256 FROM datasets WHERE id = ?", (number,)).fetchone()
        seen_unchanged = prepare(str(path), digest)  # this run: same content, nothing to lay out
        assert seen_unchanged.tables == []
        store.db.execute("UPDATE datasets SET sha256 = 'another run' WHERE id = ?", (number,))
        again = store._store(seen_unchanged)
        assert reads.dataset(store, again).metadata.year == 2021
    finally:
        store.close()


def test_standard_input_is_read_even_beside_a_file_named_dash(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {**os.environ, "CHILINH_CACHE_DIR": str(tmp_path / "c")}
    (tmp_path / "-").write_text("not the data", encoding="utf-8")
    command = [sys.executable, "-m", "chilinh_cli", "metric", "petitions", "--data", "-", "-f", "json"]
    for value in (317, 318):
        document["figures"] = [{**f, "value": value} if f["id"] == "petitions" else f for f in document["figures"]]
        answer = subprocess.run(command, input=dump(document), cwd=tmp_path, env=env, capture_output=True, text=True)
        assert json.loads(answer.stdout)["value"] == value, answer.stderr


def test_the_code_key_watches_every_room_and_its_data_files() -> None:
    """After the move into rooms, a key that globbed its own folder would miss every edit of
    the grammar or the questions, and serve a store laid out by other code."""
    from chilinh_cli.store.store import _code_files

    package = Path(chilinh_cli.__file__).resolve().parent
    watched = {entry.rsplit(":", 2)[0] for entry in _code_files(str(package), "")}
    rooms = {entry.name for entry in package.iterdir() if entry.is_dir() and entry.name != "__pycache__"}
    rooms.discard("data")  # the packaged dataset is watched by its own key (size, time, inode)
    for room in rooms:
        modules = {f"{room}/{path.name}" for path in (package / room).glob("*.py")}
        assert modules, room
        assert modules <= watched, room
    assert {"draft/figure_words.json", "version.py", "__init__.py"} <= watched


def test_the_code_key_changes_when_a_module_of_a_room_changes() -> None:
    before = code_key()
    grammar = Path(chilinh_cli.__file__).resolve().parent / "draft" / "grammar.py"
    status = grammar.stat()
    try:
        os.utime(grammar, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
        assert code_key() != before
    finally:
        os.utime(grammar, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert code_key() == before


def test_no_cache_keeps_the_store_in_a_temporary_file(
    document: dict[str, Any], write_dataset: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_NO_CACHE", "1")
    store = open_store()
    assert store.path is None
    assert store.spills
    assert store.db.execute("PRAGMA database_list").fetchone()[2] == ""
    store.close()
    assert load_dataset(write_dataset(document)).metadata.year == 2021


def test_no_temporary_directory_keeps_the_store_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chilinh_cli.store import store as store_module

    monkeypatch.setenv("CHILINH_NO_CACHE", "1")
    monkeypatch.setenv("SQLITE_TMPDIR", str(tmp_path / "none"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "none"))
    monkeypatch.setattr(store_module, "SPILL_DIRECTORIES", (str(tmp_path / "gone"),))
    store = open_store()
    assert store.path is None
    assert not store.spills
    store.close()


def test_a_temporary_store_that_cannot_grow_answers_from_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    from chilinh_cli.answers.catalog import synced

    monkeypatch.setenv("CHILINH_NO_CACHE", "1")
    tried: list[bool] = []

    def sync(store: Any) -> int:
        tried.append(store.spills)
        if store.spills:
            raise sqlite3.OperationalError("database or disk is full")
        return 7

    store, answer = synced(sync)
    assert (answer, tried, store.path) == (7, [True, False], None)
    store.close()


def test_a_store_in_memory_that_fails_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    from chilinh_cli.answers.catalog import synced

    monkeypatch.setenv("CHILINH_NO_CACHE", "1")
    monkeypatch.setattr("chilinh_cli.store.store._can_spill", lambda: False)

    def sync(store: Any) -> int:
        raise sqlite3.OperationalError("out of memory")

    with pytest.raises(sqlite3.OperationalError, match="out of memory"):
        synced(sync)


def test_a_value_written_with_an_exponent_comes_back_from_the_store_as_written(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1.1E+13 is stated to a tenth of a trillion: the store must not read it back as a whole 11000000000000.
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    document["figures"][0]["value"] = "written"
    path = write_dataset(document)
    path.write_text(path.read_text(encoding="utf-8").replace('"written"', "1.1e13"), encoding="utf-8")
    name = document["figures"][0]["id"]
    for run in ("validated", "read from the store"):
        catalog = open_catalog(path)
        try:
            (answer,) = find_figures(catalog, name)
        finally:
            catalog.store.close()
        assert str(answer.figure.value) == "1.1E+13", run
