"""The line a catalog folder's walk shows on a terminal, and nothing on a pipe."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from chilinh_cli.present import render
from chilinh_cli.reading.finding import catalog_files


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_walk_tells_a_terminal_how_many_files_it_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(2500):
        (tmp_path / f"{n}.json").write_text("{}", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    tell = render.walking("en")
    assert tell is not None
    assert len(catalog_files(tmp_path, counting=tell).files) == 2500
    said = terminal.getvalue()
    assert "\rlooking for data files: 1,000 found\u2026\x1b[K" in said
    assert "2,000 found" in said
    assert said.endswith("\r\x1b[K")  # cleared once the walk is done


def test_no_walk_line_on_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert render.walking("en") is None
