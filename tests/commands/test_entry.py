"""entry.run(), in this process: the error boundary, Ctrl-C, --debug, closed pipes and streams that cannot encode."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from typing import Any

import pytest
from typer.exceptions import Abort

import chilinh_cli
from chilinh_cli.cli import entry
from chilinh_cli.present import render
from readers import run_main


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

    monkeypatch.setattr("chilinh_cli.present.sheets.sheet", broken)
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

    monkeypatch.setattr("chilinh_cli.present.sheets.sheet", interrupted)
    assert _main(monkeypatch, "list") == 130
    assert "interrupted" in capsys.readouterr().err


def test_broken_pipe_is_quiet(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def gone(*args: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr("chilinh_cli.present.sheets.sheet", gone)
    monkeypatch.setattr(render, "silence_stdout", lambda: None)
    assert _main(monkeypatch, "list") == 0
    assert "Traceback" not in capsys.readouterr().err


def test_abort_and_a_closed_pipe(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def abort(*args: object) -> None:
        raise Abort

    monkeypatch.setattr("chilinh_cli.present.sheets.sheet", abort)
    assert run_main(monkeypatch, capsys, "list", "-l", "vi")[:3] == (1, "", "chilinh: đã huỷ\n")
    assert run_main(monkeypatch, capsys, "list")[2] == "chilinh: aborted\n"

    def gone(lang: str) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(entry, "_run", gone)
    assert run_main(monkeypatch, capsys, "list") == (0, "", "")


def test_the_console_script_guards_ctrl_c_before_loading(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from chilinh_cli.cli import entry

    installed = []
    monkeypatch.setattr(signal, "signal", lambda signum, handler: installed.append((signum, handler)))
    monkeypatch.setattr(sys, "argv", ["chilinh", "--version"])
    with pytest.raises(SystemExit) as stopped:
        entry.run()
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"chilinh {chilinh_cli.__version__}\n"
    # Ctrl-C's handler first, before anything else is loaded; then the endings left at their default
    assert installed == [
        (signal.SIGINT, entry._on_interrupt),
        (signal.SIGTERM, entry._on_end),
        (signal.SIGHUP, entry._on_end),
    ]


def test_stream_degradation_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    from chilinh_cli.cli import entry
    from chilinh_cli.model.text import degrade_on_encode_error

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", utf8)
    entry._configure_streams()
    assert stream.errors == "chilinh-degrade"
    assert utf8.errors == "strict"  # a stream that can print Vietnamese is left alone
    stream.write("Giá trị: hơn 967,3 tỷ đồng")
    stream.flush()
    assert raw.getvalue() == b"Gia tri: hon 967,3 ty dong"
    with pytest.raises(UnicodeDecodeError):
        degrade_on_encode_error(UnicodeDecodeError("ascii", b"\xff", 0, 1, "bad"))


def test_the_console_script_names_the_process_entry() -> None:
    """pyproject's script and the installed one both lead to cli.entry.run (the move into rooms
    changed the path: a stale one would install a `chilinh` that cannot start)."""
    import importlib
    import importlib.metadata
    import tomllib

    from readers import REPO

    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["chilinh"]
    assert declared == "chilinh_cli.cli.entry:run"
    module, _, name = declared.partition(":")
    assert callable(getattr(importlib.import_module(module), name))
    installed = [point for point in importlib.metadata.entry_points(group="console_scripts") if point.name == "chilinh"]
    assert [point.value for point in installed] == [declared]


@pytest.mark.parametrize(
    ("argv", "built"),
    [
        (["list"], ["list"]),
        (["--lang", "vi", "metric", "revenue"], ["metric"]),
        (["-l", "en", "--debug", "compare", "--year", "2020"], ["compare"]),
        (["--data", "list", "show", "1"], ["show"]),  # a folder named like a command is the option's value
        (["export", "csv", "out"], ["export"]),
        (["lsit"], None),  # a mistyped name: the whole tree, for Click's suggestion
        (["--", "list"], None),
    ],
)
def test_a_run_builds_only_the_command_it_names(argv: list[str], built: list[str] | None) -> None:
    from chilinh_cli.cli.app import app
    from chilinh_cli.cli.tree import command_tree

    tree = command_tree(argv, {})
    names = [info.name for info in tree.registered_commands] + [info.name for info in tree.registered_groups]
    if built is None:
        assert tree is app
    else:
        assert names == built
        assert len(app.registered_commands) > 5  # the app itself is not changed


def test_completion_builds_the_whole_tree() -> None:
    from chilinh_cli.cli.app import app
    from chilinh_cli.cli.tree import command_tree

    assert command_tree(["metric"], {"_CHILINH_COMPLETE": "complete_bash"}) is app


@pytest.mark.parametrize(
    ("words", "cursor", "built"),
    [
        ("chilinh metric re", "2", ["metric"]),  # a word after the command's name: that command alone
        ("chilinh --data x export csv --", "5", ["export"]),
        ("chilinh me", "1", None),  # the command's name itself: every name
        ("chilinh ", "1", None),
        ("chilinh lsit re", "2", None),
        ("chilinh metric 'rev", "2", None),  # words that do not split
        ("chilinh metric re", "", None),
    ],
)
def test_bash_completion_builds_only_the_command_before_the_cursor(
    words: str, cursor: str, built: list[str] | None
) -> None:
    from chilinh_cli.cli.app import app
    from chilinh_cli.cli.tree import command_tree

    environ = {"_CHILINH_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cursor}
    tree = command_tree([], environ)
    if built is None:
        assert tree is app
    else:
        assert [info.name for info in tree.registered_commands + tree.registered_groups] == built


def test_other_shells_completion_builds_the_whole_tree() -> None:
    from chilinh_cli.cli.app import app
    from chilinh_cli.cli.tree import command_tree

    environ = {"_CHILINH_COMPLETE": "complete_zsh", "COMP_WORDS": "chilinh metric re", "COMP_CWORD": "2"}
    assert command_tree(["metric"], environ) is app


@pytest.mark.parametrize("argv", [["--help"], ["--lang", "vi", "--help"], [], ["--version"]])
def test_the_roots_help_lists_the_commands_without_building_their_options(argv: list[str]) -> None:
    import typer.main

    from chilinh_cli.cli.app import app
    from chilinh_cli.cli.tree import command_tree

    listed = typer.main.get_command(command_tree(argv, {}))
    whole = typer.main.get_command(app)
    assert isinstance(listed, typer.core.TyperGroup)
    assert isinstance(whole, typer.core.TyperGroup)
    assert listed.list_commands(None) == whole.list_commands(None)  # type: ignore[arg-type]
    for name in whole.list_commands(None):  # type: ignore[arg-type]
        shown, real = listed.commands[name], whole.commands[name]
        assert shown.get_short_help_str(60) == real.get_short_help_str(60)
        assert shown.params == [] or isinstance(shown, typer.core.TyperGroup)


def test_every_root_option_with_a_value_is_known_to_the_pruning() -> None:
    """A root option's value must not be taken for a command's name: each one is listed."""
    import typer.main

    from chilinh_cli.cli import app as module
    from chilinh_cli.cli import tree

    root = typer.main.get_command(module.app)
    valued = {opt for param in root.params if not getattr(param, "is_flag", False) for opt in param.opts}
    assert valued <= tree._VALUED_ROOT_OPTIONS


def test_the_roots_help_is_the_same_page_in_both_languages(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from chilinh_cli.cli import app as module
    from chilinh_cli.cli import tree
    from readers import run_main

    for argv in (["--help"], ["--lang", "vi", "--help"]):
        code, pruned_page, _ = run_main(monkeypatch, capsys, *argv)
        monkeypatch.setattr(tree, "command_tree", lambda argv, environ: module.app)
        code_whole, whole_page, _ = run_main(monkeypatch, capsys, *argv)
        monkeypatch.undo()
        assert (code, pruned_page) == (code_whole, whole_page)
        assert "metric" in pruned_page


def test_a_pruned_tree_answers_and_errs_as_the_whole_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from readers import run_main

    code, out, _ = run_main(monkeypatch, capsys, "list", "--format", "json")
    assert code == 0
    assert out.startswith("[") or out.startswith("{")
    code, _, err = run_main(monkeypatch, capsys, "list", "--nope")
    assert code == 2
    assert "No such option: --nope" in err
    code, _, err = run_main(monkeypatch, capsys, "lsit")
    assert code == 2
    assert "No such command 'lsit'" in err


def test_the_collector_is_paused_for_start_up_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from chilinh_cli.cli import tree
    from chilinh_cli.present import sheets

    seen: dict[str, bool] = {}
    command_tree, sheet = tree.command_tree, sheets.sheet

    def at_start_up(*args: Any) -> Any:
        seen["start-up"] = gc.isenabled()
        return command_tree(*args)

    def in_the_command(*args: Any, **kwargs: Any) -> Any:
        seen["command"] = gc.isenabled()
        return sheet(*args, **kwargs)

    monkeypatch.setattr(tree, "command_tree", at_start_up)
    monkeypatch.setattr(sheets, "sheet", in_the_command)
    assert _main(monkeypatch, "list") == 0
    assert seen == {"start-up": False, "command": True}
    assert gc.isenabled()


def test_what_start_up_made_is_frozen_even_when_it_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from chilinh_cli.cli import tree

    gc.collect()
    gc.unfreeze()  # what earlier tests froze: --version opens no catalog, so only start-up freezes here
    assert _main(monkeypatch, "--version") == 0
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()

    def broken(*args: Any) -> Any:
        raise RuntimeError("the command tree could not be built")

    gc.unfreeze()
    monkeypatch.setattr(tree, "command_tree", broken)
    assert _main(monkeypatch, "list") == 1  # an internal error, said as one
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()


def test_the_collector_is_left_as_the_caller_had_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    gc.disable()
    try:
        assert _main(monkeypatch, "--version") == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert _main(monkeypatch, "--version") == 0
    assert gc.isenabled()
