"""ruff and mypy --strict are part of the suite: a lint or type error fails the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readers import REPO


def _tool(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (Path(sys.executable).parent / "ruff").exists(), reason="ruff not installed"
)
def test_ruff_check_and_format() -> None:
    check = _tool(["ruff", "check", "src", "tests", "benchmarks"])
    assert check.returncode == 0, check.stdout + check.stderr
    formatted = _tool(["ruff", "format", "--check", "src", "tests", "benchmarks"])
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    result = _tool(["mypy"])
    assert result.returncode == 0, result.stdout + result.stderr
