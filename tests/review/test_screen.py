"""chilinh review driven headless through Textual's pilot: decisions, undo, edit, save, quit."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from chilinh_cli.answers.checks import not_reviewed, review_todos
from chilinh_cli.model.records import status_of
from chilinh_cli.reading.loader import read_dataset
from chilinh_cli.review.screen import ReviewApp
from chilinh_cli.review.session import Session
from readers import REPO

DATA = REPO / "tests" / "data" / "review"
DRAFT = DATA / "lam-suong-2025.json"
ARTICLE = DATA / "lam-suong-2025.txt"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "draft.json"
    shutil.copyfile(DRAFT, target)
    return target


def _drive(path: Path, *keys: str, article: Path | None = ARTICLE) -> ReviewApp:
    app = ReviewApp(Session.open(path, clock=lambda: "2026-12-07T12:00:00Z"), "en", article)

    async def run() -> None:
        async with app.run_test() as pilot:
            for key in keys:
                await pilot.press(key)
            await pilot.pause()

    asyncio.run(run())
    return app


def _statuses(path: Path) -> list[str]:
    return [status_of(figure) for figure in read_dataset(path).figures]


def test_accept_reject_undo_save_quit(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    app = _drive(path, "a", "a", "a", "x", "backspace", "x", "s", "q")
    assert app.return_code == 0 or app.return_code is None
    statuses = _statuses(path)  # the saved file loads and validates
    assert sorted(statuses) == ["accepted", "accepted", "accepted", "drafted", "rejected"]
    document = json.loads(path.read_text(encoding="utf-8"))
    decided = [f for f in document["figures"] if "review" in f]
    assert all(f["review"]["at"] == "2026-12-07T12:00:00Z" and "checked" not in f for f in decided)
    dataset = read_dataset(path)
    assert len(not_reviewed(review_todos(dataset))["figures"]) == 1  # validate counts the rest


def test_undo_past_a_save_then_save_again(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    _drive(path, "a", "s", "u", "u", "s", "q")
    assert _statuses(path).count("drafted") == 5  # the one decision, saved, then taken back and saved


def test_undo_past_a_save_leaves_the_review_unsaved(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    app = _drive(path, "a", "a", "s", "u")
    assert app.session.dirty
    assert sorted(_statuses(path)).count("accepted") == 2  # the file holds what was saved


def test_editing_a_value(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    session = Session.open(path)
    first = session.key(session.items[session.position])
    keys = ["e", *"value 57", "enter", "a", "s", "q"]
    _drive(path, *[" " if k == " " else k for k in keys])
    figure = next(f for f in read_dataset(path).figures if f.id == first)
    assert figure.value == 57
    assert status_of(figure) == "edited"


def test_quit_with_unsaved_changes_asks(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = path.read_bytes()
    app = _drive(path, "a", "q")
    assert app.confirming  # asked, still running
    assert app.is_running is False or app.confirming
    assert path.read_bytes() == before
    app = _drive(path, "a", "q", "q")  # quit without saving
    assert path.read_bytes() == before


def test_quit_asks_then_saves(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    _drive(path, "a", "q", "s")
    assert _statuses(path).count("accepted") == 1


def test_resume_at_the_first_undecided(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    _drive(path, "a", "a", "s", "q")
    session = Session.open(path)
    assert session.status(session.items[session.position]) == "drafted"
    assert session.done == 2
