"""main(): the last line of defence, and the installed console script in a real subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import chilinh_cli
from chilinh_cli import entry, render

REPO = Path(__file__).resolve().parents[1]


def _main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["chilinh", *args])
    with pytest.raises(SystemExit) as caught:
        entry.run()
    code = caught.value.code
    return code if isinstance(code, int) else (0 if code is None else 1)


def test_main_runs_a_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert _main(monkeypatch, "metric", "revenue", "-f", "json") == 0
    assert json.loads(capsys.readouterr().out)["value"] == 967_300_000_000


def test_internal_error_asks_for_a_report(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("chilinh_cli.sheets.sheet", broken)
    assert _main(monkeypatch, "list") == 1
    err = capsys.readouterr().err
    assert f"internal error in chilinh {chilinh_cli.__version__}" in err
    assert "Traceback" not in err
    monkeypatch.setenv("CHILINH_DEBUG", "1")
    monkeypatch.setattr(sys, "argv", ["chilinh", "list"])
    with pytest.raises(RuntimeError, match="boom"):
        entry.run()


def test_debug_flag_sets_debug_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _main(monkeypatch, "--debug", "--version") == 0
    assert _main(monkeypatch, "--debug", "list") == 0
    assert os.environ.get("CHILINH_DEBUG") == "1"


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*args: object) -> None:
        entry._on_interrupt(2, None)

    monkeypatch.setattr("chilinh_cli.sheets.sheet", interrupted)
    assert _main(monkeypatch, "list") == 130
    assert "interrupted" in capsys.readouterr().err


def test_broken_pipe_is_quiet(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def gone(*args: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr("chilinh_cli.sheets.sheet", gone)
    monkeypatch.setattr(render, "silence_stdout", lambda: None)
    assert _main(monkeypatch, "list") == 0
    assert "Traceback" not in capsys.readouterr().err


# ---- the installed script, run as a user runs it ------------------------------------------


def _script() -> str:
    name = "chilinh.exe" if sys.platform == "win32" else "chilinh"
    candidate = Path(sysconfig.get_path("scripts")) / name
    if not candidate.exists():
        pytest.skip("the chilinh console script is not installed in this environment")
    return str(candidate)


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CHILINH_", "PYTHON"))}
    environment.update(env)
    return subprocess.run(args, cwd=cwd, env=environment, capture_output=True, text=True, timeout=60, check=False)


def test_installed_script_answers_outside_the_source_tree(tmp_path: Path) -> None:
    result = _run([_script(), "metric", "revenue", "--format", "json"], tmp_path, CHILINH_CACHE_DIR=str(tmp_path / "c"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["value"] == 967_300_000_000
    table = _run([_script(), "compare", "--year", "2020"], tmp_path, CHILINH_CACHE_DIR=str(tmp_path / "c"))
    assert "407 (derived)" in table.stdout
    assert _run([_script(), "metric", "revnue"], tmp_path).returncode == 1
    assert _run([_script(), "list", "--format", "xml"], tmp_path).returncode == 2


def test_the_console_script_guards_ctrl_c_before_loading(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from chilinh_cli import entry

    installed = []
    monkeypatch.setattr(signal, "signal", lambda signum, handler: installed.append((signum, handler)))
    monkeypatch.setattr(sys, "argv", ["chilinh", "--version"])
    with pytest.raises(SystemExit) as stopped:
        entry.run()
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"chilinh {chilinh_cli.__version__}\n"
    # one handler, set before anything else is loaded
    assert installed == [(signal.SIGINT, entry._on_interrupt)]


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = _run([sys.executable, "-m", "chilinh_cli", "--version"], tmp_path)
    assert result.stdout == f"chilinh {chilinh_cli.__version__}\n"


def test_pipe_closed_early_ends_quietly(tmp_path: Path) -> None:
    shell = f"'{_script()}' metric | head -1"
    result = subprocess.run(["sh", "-c", shell], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout == "Id\tFigure\tValue\tSection\n"
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr


@pytest.mark.parametrize("args", [["compare", "--chart"], ["metric"], ["list", "-f", "json"], ["schema"]])
def test_a_reader_gone_before_the_first_byte_is_not_an_error(args: list[str], tmp_path: Path) -> None:
    reading, writing = os.pipe()
    os.close(reading)  # every write gets EPIPE; Rich, for one, would exit 1 on its own
    try:
        result = subprocess.run(
            [_script(), *args], cwd=tmp_path, stdout=writing, stderr=subprocess.PIPE, timeout=60, check=False
        )
    finally:
        os.close(writing)
    assert (result.returncode, result.stderr) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "cannot write the output: No space left on device"),
        ("vi", "không ghi được kết quả: hết chỗ trống trên đĩa"),
    ],
)
def test_a_full_disk_is_reported_not_a_bug(lang: str, message: str, tmp_path: Path) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [_script(), "metric", "--lang", lang],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.decode().endswith(f": {message}\n")
    assert "Traceback" not in result.stderr.decode()


def test_installed_package_carries_its_dataset() -> None:
    """From a wheel (pip install .) the dataset is a package resource, not a file of the checkout."""
    from importlib import resources

    package_dir = Path(chilinh_cli.__file__).resolve().parent
    if package_dir == REPO / "src" / "chilinh_cli":
        pytest.skip("editable install: the dataset comes from the checkout")
    packaged = resources.files("chilinh_cli").joinpath("data", "highlights.json")
    assert packaged.is_file()
    from chilinh_cli.loader import embedded_path

    assert embedded_path().resolve() == Path(str(packaged)).resolve()
    assert (REPO / "data" / "highlights.json").read_bytes() == packaged.read_bytes()
