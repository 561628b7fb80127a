"""chilinh review in a real pseudo-terminal (the process as a person runs it), and without one."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from chilinh_cli.answers.checks import not_reviewed, review_todos
from chilinh_cli.model.records import status_of
from chilinh_cli.reading.loader import read_dataset
from readers import REPO

DATA = REPO / "tests" / "data" / "review"
KEYS = ["a", "a", "a", "x", "\x7f", "x", "s", "q"]  # \x7f: the backspace key


def _spawn(draft: Path) -> tuple[int, int]:
    """``python -m chilinh_cli review DRAFT`` on a new pseudo-terminal: its pid and the terminal's fd."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.environ.update(TERM="xterm-256color", COLUMNS="100", LINES="30", CHILINH_LANG="en")
        os.execv(
            sys.executable,
            [sys.executable, "-m", "chilinh_cli", "review", str(draft), "--article", str(DATA / "lam-suong-2025.txt")],
        )
    return pid, fd


def _read(fd: int, seconds: float) -> bytes:
    """What the screen wrote for a while."""
    got = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                got += os.read(fd, 65536)
            except OSError:
                break
    return got


def _wait_for(fd: int, text: bytes, seconds: float = 30) -> bytes:
    got = b""
    end = time.monotonic() + seconds
    while text not in got and time.monotonic() < end:
        got += _read(fd, 0.2)
    return got


def test_keys_in_a_pseudo_terminal_save_three_accepted_and_one_rejected(tmp_path: Path) -> None:
    draft = tmp_path / "draft.json"
    shutil.copyfile(DATA / "lam-suong-2025.json", draft)
    pid, fd = _spawn(draft)
    try:
        assert b"accept" in _wait_for(fd, b"accept")  # the keys are on the screen
        for key in KEYS:
            os.write(fd, key.encode())
            _read(fd, 0.3)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    dataset = read_dataset(draft)  # loads and validates
    statuses = sorted(status_of(figure) for figure in dataset.figures)
    assert statuses == ["accepted", "accepted", "accepted", "drafted", "rejected"]
    assert len(not_reviewed(review_todos(dataset))["figures"]) == 1


def test_killed_before_saving_leaves_the_draft_as_it_was(tmp_path: Path) -> None:
    draft = tmp_path / "draft.json"
    shutil.copyfile(DATA / "lam-suong-2025.json", draft)
    before = draft.read_bytes()
    pid, fd = _spawn(draft)
    try:
        _wait_for(fd, b"accept")
        for key in KEYS[:6]:
            os.write(fd, key.encode())
            _read(fd, 0.2)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert draft.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]  # no temporary file left


def test_without_a_terminal_it_says_so_and_exits_2(tmp_path: Path) -> None:
    draft = tmp_path / "draft.json"
    shutil.copyfile(DATA / "lam-suong-2025.json", draft)
    done = subprocess.run(
        [sys.executable, "-m", "chilinh_cli", "review", str(draft)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "CHILINH_LANG": "en"},
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert "needs a terminal" in done.stderr
