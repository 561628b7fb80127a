"""Every command's help, the version, the README's command reference, and shell completion."""

from __future__ import annotations

import os
import re
import subprocess
import sysconfig
from pathlib import Path

import pytest
from typer.main import get_command

from chilinh_cli import __version__
from chilinh_cli.cli.app import app
from readers import REPO, run, run_main, runner


def _commands() -> list[str]:
    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_has_help_with_examples() -> None:
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Examples:" in result.stdout, f"'chilinh {name} --help' shows no examples"
        assert len(get_command(app).commands[name].help or "") > 20, name  # type: ignore[attr-defined]


def test_version_and_help() -> None:
    assert run("--version").stdout == f"chilinh {__version__}\n"
    help_text = run("--help").stdout
    for command in ("list", "metric", "compare"):
        assert command in help_text
        assert "Examples:" in run(command, "--help").stdout


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "Usage" in result.stdout + result.stderr


def test_no_arguments_shows_the_help_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Usage: chilinh [OPTIONS] COMMAND [ARGS]...")
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    code, out, err = run_main(monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Cách dùng: chilinh [TUỲ-CHỌN] LỆNH [ĐỐI-SỐ]...")


def test_every_command_is_in_the_readme_reference() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    reference = readme[readme.index("## Commands") :]
    for name in _commands():
        assert re.search(rf"`chilinh {name}\b", reference), f"'chilinh {name}' is missing from the README's Commands"


def _complete(words: str, cword: int, tmp_path: Path) -> list[str]:
    script = Path(sysconfig.get_path("scripts")) / "chilinh"
    if not script.exists():
        pytest.skip("the chilinh console script is not installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHILINH_")}
    env.update(
        _CHILINH_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword), CHILINH_CACHE_DIR=str(tmp_path)
    )
    result = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60, check=False)
    return result.stdout.split()


def test_completion_of_figures_aliases_and_slugs(tmp_path: Path) -> None:
    assert set(_complete("chilinh metric rev", 2, tmp_path)) == {"revenue"}
    assert "budget-revenue" in _complete("chilinh metric bud", 2, tmp_path)
    assert set(_complete("chilinh show e", 2, tmp_path)) == {"elections", "economy"}
    assert "compare" in _complete("chilinh comp", 1, tmp_path)


def test_completion_of_figure_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from chilinh_cli.cli.options import complete_figure

    assert "revenue" in complete_figure("rev")
    assert all(name.startswith("pe") for name in complete_figure("pe"))
    monkeypatch.setenv("CHILINH_DATA", str(tmp_path / "absent.json"))
    assert complete_figure("rev") == []
