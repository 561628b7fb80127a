"""The review screen's other paths: skipping, escaping an edit, a save that fails, the end of
the queue, no article or a quote not in it, and how highlights and events are shown."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from chilinh_cli.model.errors import ExportError
from chilinh_cli.review.screen import ReviewApp
from chilinh_cli.review.session import Session
from chilinh_cli.words import messages
from readers import REPO

DATA = REPO / "tests" / "data" / "review"
DRAFT = DATA / "lam-suong-2025.json"
ARTICLE = DATA / "lam-suong-2025.txt"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "draft.json"
    shutil.copyfile(DRAFT, target)
    return target


def _drive(path: Path, *keys: str, article: Path | None = ARTICLE) -> tuple[ReviewApp, dict[str, str]]:
    """Press ``keys``; the app and what its panes show once they are pressed."""
    app = ReviewApp(Session.open(path, clock=lambda: "2026-12-07T12:00:00Z"), "en", article)
    shown: dict[str, str] = {}

    async def run() -> None:
        async with app.run_test() as pilot:
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            for pane in ("head", "context", "fields", "last", "message"):
                shown[pane] = str(app.query_one(f"#{pane}", Static).content)

    asyncio.run(run())
    return app, shown


def test_space_skips_without_deciding(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = path.read_bytes()
    app, shown = _drive(path, "space")
    assert app.session.position == 1
    assert app.session.done == 0
    assert not app.session.dirty
    assert "2 / 8" in shown["head"]
    app, _ = _drive(path, "space", "q")  # nothing decided: quit asks nothing
    assert not app.confirming
    assert path.read_bytes() == before


def test_escape_closes_an_edit_and_changes_nothing(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    app, shown = _drive(path, "e", *"value 9", "escape")
    assert not app.session.dirty
    assert app.session.done == 0
    assert "1 / 8" in shown["head"]


def test_nothing_to_undo_and_nothing_to_edit_are_said(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    _, shown = _drive(path, "u")
    assert shown["message"] == "nothing to undo"
    _, shown = _drive(path, *("a" * 8), "e")
    assert shown["message"] == "nothing to edit: every record is decided"
    assert shown["head"].startswith("Every record is decided: s to save")
    assert shown["context"] == shown["fields"] == ""


def test_a_save_that_fails_says_why_and_keeps_the_decisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(tmp_path)
    before = path.read_bytes()

    def full_disk(self: Session) -> None:
        raise ExportError(messages.CANNOT_WRITE.format(path=str(self.path), reason="the disk is full"))

    monkeypatch.setattr(Session, "save", full_disk)
    app, shown = _drive(path, "a", "s")
    assert shown["message"] == f"{path}: cannot write here: the disk is full"
    assert app.session.dirty
    app, shown = _drive(path, "a", "q", "s")  # save and quit: the save failed, so no quitting
    assert app.session.dirty
    assert shown["message"] == f"{path}: cannot write here: the disk is full"
    assert path.read_bytes() == before


def test_another_key_while_asking_to_quit_goes_back_to_the_review(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    app, shown = _drive(path, "a", "q", "z")
    assert not app.confirming
    assert app.session.dirty
    assert "2 / 8" in shown["head"]


def test_without_the_article_the_quote_is_shown_alone(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    _, shown = _drive(path, article=None)
    quote = Session.open(path).record(Session.open(path).current).get("source", {}).get("quote")  # type: ignore[arg-type]
    assert shown["context"].startswith(str(quote))
    assert shown["context"].endswith("(no article: give --article to see the quote in its sentence)")


def test_a_quote_the_article_does_not_hold_is_said(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("Một bài viết khác, không có con số nào ở đây.\n", encoding="utf-8")
    _, shown = _drive(path, article=other)
    assert shown["context"].startswith("(the article does not hold this quote) ")


def test_highlights_and_events_show_their_own_fields(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["events"] = [
        {
            "id": "new-bridge-opens",
            "label": {"vi": "Khánh thành cầu mới", "en": "The new bridge opens"},
            "date": {"year": 2025, "month": 9, "period": "early", "year_inferred": False},
            "source": {"section": 1, "quote": "cầu mới"},
            "checked": False,
        }
    ]
    document["highlights"][0]["events"] = ["new-bridge-opens"]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    session = Session.open(path)
    kinds = [item.kind for item in session.items]
    assert sorted(set(kinds)) == ["event", "figure", "highlight", "metadata"]
    assert kinds[-1] == "metadata"  # the review itself comes last
    shown_by_kind: dict[str, str] = {}
    for position, kind in enumerate(kinds):
        if kind in shown_by_kind:
            continue
        _, shown = _drive(path, *(["space"] * position))
        shown_by_kind[kind] = shown["fields"]
    assert "2025-9 (early)" in shown_by_kind["event"]
    assert "new-bridge-opens" in shown_by_kind["event"]
    first_highlight = session.record(session.items[kinds.index("highlight")])
    assert first_highlight["slug"] in shown_by_kind["highlight"]
    assert first_highlight["title"]["vi"] in shown_by_kind["highlight"]
    assert "value" not in shown_by_kind["highlight"].lower()
    assert "value" in shown_by_kind["figure"].lower()
    metadata = document["metadata"]
    assert f"title: {metadata['title']}" in shown_by_kind["metadata"]
    assert f"year: {metadata['year']}" in shown_by_kind["metadata"]
    assert f"place (vi): {metadata['locality']['vi']}" in shown_by_kind["metadata"]
