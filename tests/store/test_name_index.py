"""store: the full-text name index is filled at a dataset's first partial name, and never damaged."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers.catalog import find_figures, open_catalog
from chilinh_cli.model.errors import UnknownFigureError
from chilinh_cli.store.store import Store, open_store
from readers import Writer, dump


def _indexed(db: sqlite3.Connection, word: str) -> int:
    """How many names the full-text index finds for ``word``: 0 for names it was never given."""
    return int(db.execute("SELECT count(*) FROM name_index WHERE name_index MATCH ?", (word,)).fetchone()[0])


def _intact(db: sqlite3.Connection) -> None:
    """FTS5's own check of an index against its content table: raises on a damaged one. It
    compares the whole of ``figure_names``, so it holds only for a store whose every dataset's
    names are indexed: each test calls it when they are."""
    db.execute("INSERT INTO name_index (name_index, rank) VALUES ('integrity-check', 1)")


def _found(path: Path, name: str) -> list[str]:
    catalog = open_catalog(path)
    try:
        return [answer.figure.id for answer in find_figures(catalog, name)]
    finally:
        catalog.store.close()


@pytest.fixture
def store_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def _store() -> Store:
    store = open_store()
    if not store.full_text:
        store.close()
        pytest.skip("this SQLite has no FTS5: partial names are found by a scan, with no index to fill")
    return store


def test_a_build_and_whole_names_leave_the_name_index_empty(
    document: dict[str, Any], write_dataset: Writer, store_dir: Path
) -> None:
    path = write_dataset(document)
    assert _found(path, "revenue") == ["budget-revenue"]  # an alias: found whole
    assert _found(path, "Tổng thu ngân sách") == ["budget-revenue"]  # a label, folded: whole too
    store = _store()
    try:
        assert store.db.execute("SELECT count(*) FROM figure_names").fetchone()[0] >= len(document["figures"])
        assert store.db.execute("SELECT count(*) FROM names_ready").fetchone() == (0,)
        assert _indexed(store.db, "budget") == 0
    finally:
        store.close()


def test_the_first_partial_name_fills_it_once_and_finds_what_the_scan_finds(
    document: dict[str, Any], write_dataset: Writer, store_dir: Path
) -> None:
    path = write_dataset(document)
    assert _found(path, "total budg") == ["budget-revenue"]  # words from the start of a label's words
    store = _store()
    try:
        assert store.db.execute("SELECT count(*) FROM names_ready").fetchone() == (1,)
        filled = _indexed(store.db, "budget")
        assert (
            filled
            == store.db.execute(
                "SELECT count(*) FROM figure_names WHERE ' ' || folded || ' ' LIKE '% budget %'"
            ).fetchone()[0]
        )
        assert filled > 0
        store.nameable([1, 1])  # filled already: nothing more
        assert _indexed(store.db, "budget") == filled
        _intact(store.db)
    finally:
        store.close()
    assert _found(path, "total budg") == ["budget-revenue"]
    with pytest.raises(UnknownFigureError):
        _found(path, "zanzib")


def test_an_edited_file_leaves_the_index_intact_whether_or_not_it_was_filled(
    document: dict[str, Any], write_dataset: Writer, store_dir: Path
) -> None:
    path = write_dataset(document)
    edited = copy.deepcopy(document)
    revenue = next(f for f in edited["figures"] if f["id"] == "budget-revenue")
    revenue["label"]["en"] = "Zanzibarian receipts"

    _found(path, "revenue")  # stored, its names not indexed
    path.write_text(dump(edited), encoding="utf-8")
    assert _found(path, "zanzibarian rec") == ["budget-revenue"]  # replaced, then indexed
    path.write_text(dump(document), encoding="utf-8")
    assert _found(path, "total budg") == ["budget-revenue"]  # an indexed file replaced
    store = _store()
    try:
        _intact(store.db)
        assert _indexed(store.db, "zanzibarian") == 0
        # The third content stored in this store, not a store rebuilt after damage (ids are never reused).
        assert store.db.execute("SELECT id FROM datasets").fetchall() == [(3,)]
        assert store.db.execute("SELECT dataset_id FROM names_ready").fetchall() == [(3,)]
    finally:
        store.close()


def test_a_dataset_replaced_by_another_run_gets_no_names_ready(
    document: dict[str, Any], write_dataset: Writer, store_dir: Path
) -> None:
    catalog = open_catalog(write_dataset(document))
    try:
        if not catalog.store.full_text:
            pytest.skip("this SQLite has no FTS5")
        (number,) = [info.id for info in catalog.infos]
        catalog.store._write(lambda: catalog.store._index_names([number + 100]))
        assert catalog.store.db.execute("SELECT count(*) FROM names_ready").fetchone() == (0,)
    finally:
        catalog.store.close()


def test_a_store_that_cannot_take_the_index_answers_by_reading_the_names(
    document: dict[str, Any], write_dataset: Writer, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_dataset(document)
    _found(path, "revenue")  # stored, its names not indexed

    def full(self: Store, change: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patched:
        patched.setattr(Store, "_write", full)
        assert _found(path, "total budg") == ["budget-revenue"]
        with pytest.raises(UnknownFigureError):
            _found(path, "zanzib")
    store = _store()
    try:
        assert store.db.execute("SELECT count(*) FROM names_ready").fetchone() == (0,)
        assert _indexed(store.db, "budget") == 0
    finally:
        store.close()
    assert _found(path, "total budg") == ["budget-revenue"]  # the next run that can write fills it


def test_a_run_that_indexes_after_another_did_adds_nothing(
    document: dict[str, Any], write_dataset: Writer, store_dir: Path
) -> None:
    first = open_catalog(write_dataset(document))
    second = _store()
    try:
        (number,) = [info.id for info in first.infos]
        # Both saw the names unindexed; the second indexes them first, then the first gets its lock.
        assert first.store._not_ready("names_ready", [number]) == [number]
        assert second.nameable([number]) is True
        filled = _indexed(second.db, "budget")
        first.store._write(lambda: first.store._index_names([number]))
        assert _indexed(first.store.db, "budget") == filled
        assert first.store.db.execute("SELECT count(*) FROM names_ready").fetchone() == (1,)
        _intact(first.store.db)
    finally:
        first.store.close()
        second.close()
