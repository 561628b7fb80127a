"""Bad input of every kind ends cleanly: the exit-code contract, hostile data, odd terminals,
closed pipes and interrupts, and property tests over documents and arguments."""

from __future__ import annotations

import copy
import io
import json
import os
import signal
import subprocess
import sys
import sysconfig
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from chilinh_cli import core, sheets
from chilinh_cli.cli import app
from chilinh_cli.errors import DataFileError, Problem
from chilinh_cli.loader import parse_and_validate
from chilinh_cli.models import Dataset
from chilinh_cli.render import render_table
from chilinh_cli.text import transliterate

runner = CliRunner()


def _script() -> str:
    candidate = Path(sysconfig.get_path("scripts")) / "chilinh"
    if not candidate.exists():
        pytest.skip("the chilinh console script is not installed in this environment")
    return str(candidate)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHILINH_", "PYTHON", "NO_COLOR"))}
    env.update(extra)
    return env


def _many_figures(document: dict[str, Any], count: int) -> dict[str, Any]:
    big = copy.deepcopy(document)
    originals = list(big["figures"])
    home = {ref: h for h in big["highlights"] for ref in h["figures"]}
    for n in range(count):
        figure = copy.deepcopy(originals[n % len(originals)])
        figure["id"] = f"{figure['id']}-{n}"
        figure["aliases"] = [f"{alias}-{n}" for alias in figure["aliases"]]
        home[originals[n % len(originals)]["id"]]["figures"].append(figure["id"])
        big["figures"].append(figure)
    return big


def _dump(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, default=lambda o: float(o) if isinstance(o, Decimal) else str(o))


# ---- the exit-code contract: one test per row of the README's table -------------------


def test_exit_0_success() -> None:
    result = runner.invoke(app, ["metric", "revenue"])
    assert result.exit_code == 0
    assert "967.3" in result.stdout
    assert result.stderr == ""


def test_exit_1_unanswerable(tmp_path: Path) -> None:
    for args in (["metric", "no-such-figure"], ["compare", "--year", "1999"], ["list", "--data", str(tmp_path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, args
        assert result.stdout == ""
        assert result.stderr.startswith("chilinh: error: ")


def test_exit_2_usage(tmp_path: Path) -> None:
    for args in (["list", "--format", "yaml"], ["compare", "--year", "twenty"], ["metric", "x" * 201], ["--nope"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stdout == ""


def test_exit_130_interrupted(tmp_path: Path) -> None:
    """Ctrl-C while the tool waits (here, to open a FIFO as its data file): 130, no traceback."""
    fifo = tmp_path / "data.fifo"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [_script(), "list", "--data", str(fifo)],
        env=_env(CHILINH_NO_CACHE="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)  # let it start and block in open()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "interrupted" in err
    assert "Traceback" not in err


# ---- terminals and pipes ----------------------------------------------------------------


def test_ascii_only_terminal_degrades_vietnamese(tmp_path: Path) -> None:
    result = subprocess.run(
        [_script(), "metric", "revenue", "--lang", "vi"],
        env=_env(PYTHONIOENCODING="ascii", CHILINH_CACHE_DIR=str(tmp_path)),
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("ascii")  # nothing but ASCII reached the terminal
    assert "Tong thu ngan sach" in text
    assert "hon 967,3 ty dong" in text
    unknown = subprocess.run(
        [_script(), "metric", "Tổng thu nhập"], env=_env(PYTHONIOENCODING="ascii"), capture_output=True, check=False
    )
    assert unknown.returncode == 1
    assert b"Tong thu nhap" in unknown.stderr


def test_c_locale(tmp_path: Path) -> None:
    result = subprocess.run(
        [_script(), "compare"], env=_env(LANG="C", LC_ALL="C"), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "Petitions received and handled" in result.stdout


def test_transliteration() -> None:
    assert (
        transliterate("Tổng thu ngân sách ≈ 967,3 tỷ đồng ↑ “x”", "ascii") == 'Tong thu ngan sach ~ 967,3 ty dong ^ "x"'
    )
    assert transliterate("Đơn thư", "latin-1") == "Don thu"
    assert transliterate("漢", "ascii") == "?"


def test_piped_output_has_no_escape_codes(tmp_path: Path) -> None:
    result = subprocess.run(
        [_script(), "compare"], env=_env(FORCE_COLOR="1"), capture_output=True, text=True, check=False
    )
    assert "\x1b" not in result.stdout
    assert "\x1b" not in result.stderr


def test_pipe_closed_by_the_reader(tmp_path: Path, document: dict[str, Any]) -> None:
    data = tmp_path / "big.json"
    data.write_text(_dump(_many_figures(document, 1500)), encoding="utf-8")  # output far larger than a pipe buffer
    shell = f"'{_script()}' metric --data '{data}' | head -1; echo \"status=${{PIPESTATUS[0]}}\""
    result = subprocess.run(["bash", "-c", shell], env=_env(), capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout.splitlines() == ["Id\tFigure\tValue\tSection", "status=0"]
    assert result.stderr == ""


def test_closed_stdout_ends_quietly() -> None:
    result = subprocess.run(
        ["bash", "-c", f"'{_script()}' list >&-"], env=_env(), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stderr == ""


def test_undecodable_argument_bytes(tmp_path: Path) -> None:
    result = subprocess.run(
        [_script().encode(), b"metric", b"rev\xff\xfenue"], env=_env(), capture_output=True, check=False
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"no figure named" in result.stderr


@pytest.mark.parametrize("width", [20, 40])
def test_narrow_terminal(dataset: Dataset, width: int) -> None:
    out = io.StringIO()
    render_table(
        sheets.sheet(core.compare(dataset, 2020), "vi"),
        out,
        color=False,
        width=width,
    )
    lines = out.getvalue().splitlines()
    assert lines
    assert all(len(line) <= width for line in lines)


@pytest.mark.parametrize(
    ("env", "flag", "coloured"),
    [({}, False, True), ({"NO_COLOR": "1"}, False, False), ({"TERM": "dumb"}, False, False), ({}, True, False)],
)
def test_colour_switches(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], flag: bool, coloured: bool
) -> None:
    from chilinh_cli.render import Output, show

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stdout", captured)
    monkeypatch.setattr(captured, "isatty", lambda: True, raising=False)
    show(core.named_figure(dataset, "revenue"), Output(no_color=flag))
    assert ("\x1b[" in captured.getvalue()) == coloured


def test_no_color_flag_is_accepted_by_every_query_command() -> None:
    for args in (["list"], ["metric", "revenue"], ["metric"], ["compare"]):
        assert runner.invoke(app, [*args, "--no-color"]).exit_code == 0


# ---- hostile data -------------------------------------------------------------------------


def test_very_long_strings_stay_usable(document: dict[str, Any], tmp_path: Path) -> None:
    document["figures"][0]["label"]["en"] = "x" * 100_000
    path = tmp_path / "long.json"
    path.write_text(_dump(document), encoding="utf-8")
    result = runner.invoke(app, ["metric", "voter-turnout", "--data", str(path)])
    assert result.exit_code == 0
    assert "x" * 100_000 in result.stdout


def test_control_characters_in_every_format(document: dict[str, Any], tmp_path: Path) -> None:
    hostile = "A\x1b]8;;http://evil\x07B\x00C\x9bD\u202eE\r\nF"
    document["figures"][0]["label"]["en"] = hostile
    document["highlights"][0]["short_title"]["en"] = hostile
    path = tmp_path / "hostile.json"
    path.write_text(_dump(document), encoding="utf-8")
    for args in (["list"], ["metric", "voter-turnout"], ["metric"], ["list", "-f", "csv"], ["metric", "-f", "csv"]):
        output = runner.invoke(app, [*args, "--data", str(path)]).stdout
        assert not any(ch in output for ch in "\x1b\x07\x00\x9b\u202e\r"), args
    listed = runner.invoke(app, ["list", "-f", "json", "--data", str(path)]).stdout
    shown = runner.invoke(app, ["metric", "voter-turnout", "-f", "json", "--data", str(path)]).stdout
    for output in (listed, shown):
        assert not any(ch in output for ch in "\x1b\x07\x00\x9b\u202e\r")
    # escaped, not lost: the JSON still holds the exact text
    assert json.loads(listed)["highlights"][0]["short_title"]["en"] == hostile
    assert json.loads(shown)["label"]["en"] == hostile


# ---- property tests ---------------------------------------------------------------------


def _outcome(raw: bytes) -> tuple[Dataset | None, tuple[Problem, ...]]:
    """Either a dataset or the tool's own error; any other exception fails the test."""
    try:
        return parse_and_validate(raw, "generated.json"), ()
    except DataFileError as error:
        return None, error.problems


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(JSON)
def test_any_json_document_loads_or_raises_the_tools_error(document: Any) -> None:
    dataset, problems = _outcome(json.dumps(document).encode())
    assert (dataset is None) == bool(problems)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_mutation_of_the_real_dataset_loads_or_raises_the_tools_error(
    document: dict[str, Any], field_paths: list[tuple[Any, ...]], data: st.DataObject
) -> None:
    mutated = json.loads(_dump(document))
    target = data.draw(st.sampled_from(field_paths))
    parent = mutated
    for key in target[:-1]:
        parent = parent[key]
    action = data.draw(st.sampled_from(["replace", "delete"]))
    if action == "delete":
        del parent[target[-1]]
    else:
        parent[target[-1]] = data.draw(JSON)
    dataset, problems = _outcome(json.dumps(mutated).encode())
    assert (dataset is None) == bool(problems)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4))
def test_arbitrary_argv_never_tracebacks(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)


def test_stream_degradation_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    from chilinh_cli import entry
    from chilinh_cli.text import degrade_on_encode_error

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
