"""store: search rows are laid out at a dataset's first search, and answer as if built with the rest."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers.catalog import open_catalog, search
from chilinh_cli.store.store import open_store
from readers import Writer, dump


def _rows(db: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return db.execute("SELECT dataset_id, kind, key, field, text, folded FROM search_rows ORDER BY rowid").fetchall()


def _hits(path: Path, words: str, *, searching: bool) -> list[tuple[str, str, str, int]]:
    catalog = open_catalog(path, searching=searching)
    try:
        answer = search(catalog, words)
        return [(hit.kind, hit.key, hit.field, hit.score) for hit in answer.hits]
    finally:
        catalog.store.close()


def test_a_question_that_does_not_search_lays_out_no_search_rows(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    open_catalog(path).store.close()
    store = open_store()
    try:
        assert store.db.execute("SELECT count(*) FROM figures").fetchone()[0] == len(document["figures"])
        assert store.db.execute("SELECT count(*) FROM search_rows").fetchone() == (0,)
        assert store.db.execute("SELECT count(*) FROM search_ready").fetchone() == (0,)
    finally:
        store.close()


def test_the_first_search_lays_them_out_once_as_a_searching_build_does(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_dataset(document)
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "built-with-search"))
    at_once = _hits(path, "thu ngan sach", searching=True)
    with_search = open_store()
    expected = _rows(with_search.db)
    with_search.close()

    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "built-without"))
    open_catalog(path).store.close()  # a metric, a list: no search rows
    later = _hits(path, "thu ngan sach", searching=False)
    assert later == at_once
    assert any(key == "budget-revenue" for _, key, _, _ in later)
    store = open_store()
    try:
        assert _rows(store.db) == expected
        assert len(expected) > len(document["figures"])  # labels, aliases and quotes of every record
        assert store.db.execute("SELECT count(*) FROM search_ready").fetchone() == (1,)
        store.searchable([1, 1])  # laid out already: nothing more
        assert _rows(store.db) == expected
    finally:
        store.close()
    assert _hits(path, "thu ngan sach", searching=False) == at_once


def test_a_run_that_lays_them_out_after_another_did_adds_none(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    first = open_catalog(path)
    second = open_store()
    try:
        (number,) = [info.id for info in first.infos]
        # Both saw none; the second lays them out first, then the first gets its write lock.
        assert first.store._not_ready("search_ready", [number]) == [number]
        second.searchable([number])
        laid = second.db.execute("SELECT count(*) FROM search_rows").fetchone()[0]
        assert laid > 0
        first.store._write(lambda: first.store._lay_out_search(number))
        assert first.store.db.execute("SELECT count(*) FROM search_rows").fetchone()[0] == laid
        # A dataset replaced by another run since this one read the catalog has no text to lay out.
        first.store._write(lambda: first.store._lay_out_search(number + 100))
        assert first.store.db.execute("SELECT count(*) FROM search_ready").fetchone() == (1,)
    finally:
        first.store.close()
        second.close()


def test_an_edited_file_loses_its_old_search_rows_and_gets_new_ones_at_its_next_search(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    assert _hits(path, "thu ngan sach", searching=False)
    edited = copy.deepcopy(document)
    revenue = next(f for f in edited["figures"] if f["id"] == "budget-revenue")
    revenue["label"]["en"] = "Zanzibarian receipts"
    path.write_text(dump(edited), encoding="utf-8")
    open_catalog(path).store.close()  # the new content stored, its search rows not yet
    store = open_store()
    try:
        assert store.db.execute("SELECT count(*) FROM search_rows").fetchone() == (0,)
        assert store.db.execute("SELECT count(*) FROM search_ready").fetchone() == (0,)
    finally:
        store.close()
    assert [key for _, key, _, _ in _hits(path, "zanzibarian", searching=False)] == ["budget-revenue"]


def test_an_interrupted_layout_ends_its_bar_and_keeps_nothing_half_laid(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chilinh_cli.store.store import Store

    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    catalog = open_catalog(write_dataset(document))
    told: list[tuple[int, int]] = []

    def interrupted(self: Store, number: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_lay_out_search", interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            catalog.store.searchable(
                [info.id for info in catalog.infos], lambda done, total: told.append((done, total))
            )
        assert told == [(1, 1)]  # the bar is ended (and the cursor shown) before the interruption goes on
        assert catalog.store.db.execute("SELECT count(*) FROM search_ready").fetchone() == (0,)
    finally:
        catalog.store.close()
