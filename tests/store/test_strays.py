"""store: a folder's JSON files that are no dataset are remembered by their stat and named again unread."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers.catalog import open_catalog
from chilinh_cli.reading import intake
from chilinh_cli.store.store import open_store
from readers import dump


def _open(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The files a catalog of ``folder`` read this run, and the ones it skipped as no dataset."""
    read: list[str] = []
    real = intake.prepare_all

    def recording(changed: Any, **options: Any) -> Any:
        read.extend(os.fspath(file) for _, file, _ in changed)
        return real(changed, **options)

    monkeypatch.setattr(intake, "prepare_all", recording)  # the store imports it when a file is to be read
    catalog = open_catalog(folder)
    try:
        return sorted(read), list(catalog.skipped)
    finally:
        catalog.store.close()


def _strays() -> list[str]:
    store = open_store()
    try:
        return [path for (path,) in store.db.execute("SELECT path FROM strays ORDER BY path")]
    finally:
        store.close()


def _of_year(document: dict[str, Any], year: int) -> dict[str, Any]:
    return {**document, "metadata": {**document["metadata"], "year": year}}


@pytest.fixture
def folder(document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A review, a notes file and a schema in one folder, with a store of the test's own."""
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    return _folder(tmp_path, document)


def _folder(tmp_path: Path, document: dict[str, Any]) -> Path:
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "2021.json").write_text(dump(document), encoding="utf-8")
    (folder / "notes.json").write_text(json.dumps({"note": "read next"}), encoding="utf-8")
    (folder / "schema.json").write_text(json.dumps({"type": "object"}), encoding="utf-8")
    return folder


def test_a_warm_run_names_the_files_no_dataset_without_reading_them(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes, schema = str(folder / "notes.json"), str(folder / "schema.json")
    assert _open(folder, monkeypatch) == ([str(folder / "2021.json"), notes, schema], [notes, schema])
    assert _strays() == [notes, schema]
    assert _open(folder, monkeypatch) == ([], [notes, schema])  # nothing read, both named again, in order


def test_a_file_no_dataset_edited_into_one_is_read_and_answers(
    document: dict[str, Any], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(folder, monkeypatch)
    (folder / "notes.json").write_text(dump(_of_year(document, 2020)), encoding="utf-8")
    read, skipped = _open(folder, monkeypatch)
    assert read == [str(folder / "notes.json")]
    assert skipped == [str(folder / "schema.json")]
    assert _strays() == [str(folder / "schema.json")]
    catalog = open_catalog(folder)
    try:
        assert sorted(info.year for info in catalog.infos) == [2020, 2021]
    finally:
        catalog.store.close()


def test_a_file_no_dataset_that_is_gone_is_forgotten(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _open(folder, monkeypatch)
    (folder / "schema.json").unlink()
    assert _open(folder, monkeypatch) == ([], [str(folder / "notes.json")])
    assert _strays() == [str(folder / "notes.json")]


def test_a_dataset_that_stops_being_one_becomes_a_stray(
    document: dict[str, Any], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "2020.json").write_text(dump(_of_year(document, 2020)), encoding="utf-8")
    _open(folder, monkeypatch)
    (folder / "2020.json").write_text(json.dumps({"draft": "later"}), encoding="utf-8")
    read, skipped = _open(folder, monkeypatch)
    assert read == [str(folder / "2020.json")]
    assert skipped == [str(folder / "2020.json"), str(folder / "notes.json"), str(folder / "schema.json")]
    assert str(folder / "2020.json") in _strays()
