"""The process as a user meets it: exit codes, the installed script, pipes, signals, streams that cannot encode."""

from __future__ import annotations

import copy
import json
import os
import signal
import stat
import subprocess
import sys
import sysconfig
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import chilinh_cli
from chilinh_cli.cli.app import app
from readers import REPO, dump, run, runner


def _script() -> str:
    name = "chilinh.exe" if sys.platform == "win32" else "chilinh"
    candidate = Path(sysconfig.get_path("scripts")) / name
    if not candidate.exists():
        pytest.skip("the chilinh console script is not installed in this environment")
    return str(candidate)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHILINH_", "PYTHON", "NO_COLOR"))}
    env.update(extra)
    return env


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=60, check=False)


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


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "--year", "abc"),
        ("compare", "--year", "99999"),
        ("list", "--review", "-5"),
        ("list", "--review", "2020.5"),
        ("list", "--format", "xml"),
        ("list", "--lang", "fr"),
        ("nope",),
        ("list", "--bogus"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_exit_130_interrupted(tmp_path: Path) -> None:
    """Ctrl-C while the tool waits (here, for standard input nobody writes to): 130, no traceback."""
    process = subprocess.Popen(
        [_script(), "list", "--data", "-"],
        env=_env(CHILINH_NO_CACHE="1"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)  # let it start and block in read()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "interrupted" in err
    assert "Traceback" not in err


# ---- the installed script, run as a user runs it ------------------------------------------


def test_installed_script_answers_outside_the_source_tree(tmp_path: Path) -> None:
    result = _run([_script(), "metric", "revenue", "--format", "json"], tmp_path, CHILINH_CACHE_DIR=str(tmp_path / "c"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["value"] == 967_300_000_000
    table = _run([_script(), "compare", "--year", "2020"], tmp_path, CHILINH_CACHE_DIR=str(tmp_path / "c"))
    assert "407 (derived)" in table.stdout
    assert _run([_script(), "metric", "revnue"], tmp_path).returncode == 1
    assert _run([_script(), "list", "--format", "xml"], tmp_path).returncode == 2


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = _run([sys.executable, "-m", "chilinh_cli", "--version"], tmp_path)
    assert result.stdout == f"chilinh {chilinh_cli.__version__}\n"


def test_c_locale(tmp_path: Path) -> None:
    result = subprocess.run(
        [_script(), "compare"], env=_env(LANG="C", LC_ALL="C"), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "Petitions received and handled" in result.stdout


def test_undecodable_argument_bytes(tmp_path: Path) -> None:
    result = subprocess.run(
        [_script().encode(), b"metric", b"rev\xff\xfenue"], env=_env(), capture_output=True, check=False
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"no figure named" in result.stderr


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


def test_piped_output_has_no_escape_codes(tmp_path: Path) -> None:
    result = subprocess.run(
        [_script(), "compare"], env=_env(FORCE_COLOR="1"), capture_output=True, text=True, check=False
    )
    assert "\x1b" not in result.stdout
    assert "\x1b" not in result.stderr


def test_pipe_closed_early_ends_quietly(tmp_path: Path) -> None:
    shell = f"'{_script()}' metric | head -1"
    result = subprocess.run(["sh", "-c", shell], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout == "Id\tFigure\tValue\tSection\n"
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_pipe_closed_by_the_reader(tmp_path: Path, document: dict[str, Any]) -> None:
    data = tmp_path / "big.json"
    data.write_text(dump(_many_figures(document, 1500)), encoding="utf-8")  # output far larger than a pipe buffer
    shell = f"'{_script()}' metric --data '{data}' | head -1; echo \"status=${{PIPESTATUS[0]}}\""
    result = subprocess.run(["bash", "-c", shell], env=_env(), capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout.splitlines() == ["Id\tFigure\tValue\tSection", "status=0"]
    assert result.stderr == ""


def test_closed_stdout_ends_quietly() -> None:
    result = subprocess.run(
        ["bash", "-c", f"'{_script()}' list >&-"], env=_env(), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    # the command still runs (so that files it is asked for are written); only its footnote is said
    assert result.stderr.startswith("Source: ")
    assert "error" not in result.stderr


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


# ---- files the tool writes, whatever happens around it ---------------------------------------------


def _limited(limit: int) -> Callable[[], None]:
    def set_limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return set_limit


def test_a_file_size_limit_leaves_no_half_export(tmp_path: Path) -> None:
    env = {**os.environ, "CHILINH_CACHE_DIR": str(tmp_path / "cache")}
    run = [_script(), "export", "csv", str(tmp_path / "out")]
    failed = subprocess.run(run, preexec_fn=_limited(2048), env=env, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert "disk full" in failed.stderr
    assert sorted(os.listdir(tmp_path)) == ["cache"]
    subprocess.run(run, env=env, check=True, capture_output=True)
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    again = subprocess.run(
        [*run, "--force"], preexec_fn=_limited(2048), env=env, capture_output=True, text=True, check=False
    )
    assert again.returncode == 1
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before
    assert sorted(os.listdir(tmp_path)) == ["cache", "out"]


def test_output_cut_by_a_file_size_limit_is_an_error_not_a_success(tmp_path: Path) -> None:
    # Python's buffered writer drops what a regular file at its limit did not take: the
    # tool must still notice, and not end 0 with half a JSON document.
    env = {**os.environ, "CHILINH_CACHE_DIR": str(tmp_path / "cache")}
    whole = subprocess.run([_script(), "list", "-f", "json"], env=env, capture_output=True, check=True).stdout
    assert len(whole) > 8192
    with (tmp_path / "out.json").open("wb") as out:
        cut = subprocess.run(
            [_script(), "list", "-f", "json"], stdout=out, stderr=subprocess.PIPE, preexec_fn=_limited(8192), env=env
        )
    assert cut.returncode == 1
    assert cut.stderr.decode() == "chilinh: error: cannot write the output: File too large\n"
    with (tmp_path / "full.json").open("wb") as out:
        subprocess.run([_script(), "list", "-f", "json"], stdout=out, env=env, check=True)
    assert (tmp_path / "full.json").read_bytes() == whole  # a file as stdout takes every byte


def test_a_file_size_limit_leaves_no_half_workbook_and_no_traceback(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    env = {**os.environ, "CHILINH_CACHE_DIR": str(tmp_path / "cache")}
    run = [_script(), "export", "xlsx", str(tmp_path / "out.xlsx")]
    failed = subprocess.run(run, preexec_fn=_limited(8192), env=env, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert failed.stderr == (
        f"chilinh: error: {tmp_path / 'out.xlsx'}: "
        "disk full (or over a file-size limit or quota); nothing was written\n"
    )
    assert sorted(os.listdir(tmp_path)) == ["cache"]


@pytest.mark.parametrize("reader", ["head -1", "true", "exec 1>&-"])
def test_the_picture_is_complete_whatever_happens_to_standard_output(tmp_path: Path, reader: str) -> None:
    picture = tmp_path / "p.svg"
    command = f"'{_script()}' metric --export-svg '{picture}' | {reader}"
    if reader.startswith("exec"):
        command = f"exec 1>&-; '{_script()}' metric --export-svg '{picture}'"
    subprocess.run(["sh", "-c", command], capture_output=True, check=False, timeout=60)
    assert ET.parse(picture).getroot().tag.endswith("svg")


def test_dev_null_stays_a_device_for_root_and_everyone(tmp_path: Path) -> None:
    result = subprocess.run([_script(), "list", "--export-svg", "/dev/null"], capture_output=True, check=False)
    assert result.returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--data", ""],
        ["list", "--export-svg", ""],
        ["list", "--export-svg", "-"],
        ["export", "sqlite", ""],
        ["export", "sqlite", "-"],
        ["export", "csv", ""],
        ["export", "csv", "-"],
        ["validate", ""],
    ],
)
def test_empty_paths_and_dashes_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "names no file" in result.stderr
    assert os.listdir(tmp_path) == []


# ---- start-up: a run imports what its command needs, no more (docs/architecture.md, imports kept lazy) ----------

_RUN_AND_LIST = """
import sys
how, listing, *args = sys.argv[1:]
sys.argv = ["chilinh", *args]
try:
    if how == "-m":  # as `python -m chilinh_cli` runs
        import runpy

        runpy.run_module("chilinh_cli", run_name="__main__", alter_sys=True)
    else:  # as the console script runs (the program is named `chilinh`: bash completion needs it)
        from chilinh_cli.cli.entry import run

        run()
except SystemExit as ended:
    code = ended.code
names = sorted(sys.modules)
with open(listing, "w", encoding="utf-8") as out:
    out.write("\\n".join([str(code), *names]))
"""
NOT_FOR_A_WARM_QUESTION = (
    # what only a file read again, a folder's walk, validate or a written file needs
    "chilinh_cli.reading.intake",
    "chilinh_cli.reading.tables",
    "chilinh_cli.reading.validation",
    "chilinh_cli.reading.finding",
    "chilinh_cli.answers.checks",
    "chilinh_cli.present.checks",
    "chilinh_cli.present.documents",  # JSON and CSV only
    "chilinh_cli.files",
    "chilinh_cli.draft",
    "chilinh_cli.review",
    "pydantic",
    "rich",  # a pipe gets tab-separated text
    "csv",
    "hashlib",
    "tempfile",
    "concurrent.futures",
)
NOT_FOR_HELP = (
    # the query stack: a help page, a usage error or the completion of a command's name asks nothing
    "chilinh_cli.answers",
    "chilinh_cli.store",
    "chilinh_cli.present",
    "chilinh_cli.reading",
    "chilinh_cli.model",
    "unicodedata",
    "sqlite3",
    "decimal",
    "json",
)


def _imported(tmp_path: Path, how: str, args: list[str], **env: str) -> tuple[str, list[str], str]:
    """The exit code of a run of ``args`` (this checkout's code), the modules loaded when it
    ends, and what it wrote on both streams."""
    listing = tmp_path / "modules.txt"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COVERAGE_PROCESS_"))}
    environ.update(PYTHONPATH=str(REPO / "src"), **env)
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST, how, str(listing), *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    code, *modules = listing.read_text(encoding="utf-8").split("\n")
    return code, modules, done.stdout + done.stderr


START_UP = ("chilinh_cli.model", "chilinh_cli.model.building")
"""What every run imports of the rooms below the command line: the garbage collector's policy
(``cli.entry`` starts up under it), which holds no record, rule or question."""


def _loaded(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    below = tuple(f"{p}." for p in packages)
    return [name for name in modules if (name in packages or name.startswith(below)) and name not in START_UP]


def test_a_warm_question_imports_only_what_it_asks(tmp_path: Path) -> None:
    """With the store warm (the embedded file as stored), a question in a pipe reads no file,
    validates nothing, writes nothing and draws nothing: none of those modules is imported."""
    assert _imported(tmp_path, "-m", ["metric", "revenue"])[0] == "0"  # the first run builds the store
    asked = {
        ("-m", "metric", "revenue"): "Field\tValue\n",
        ("script", "list"): "#\tHighlight\tHeadline figures\n",
        ("script", "compare", "--year", "2020"): "Figure\t2020\t2021\t",
    }
    for (how, *args), header in asked.items():
        code, modules, out = _imported(tmp_path, how, args)
        assert (code, out.startswith(header)) == ("0", True), out[:300]
        assert "chilinh_cli.store.reads" in modules  # answered from the store
        assert _loaded(modules, NOT_FOR_A_WARM_QUESTION) == [], args


@pytest.mark.parametrize(
    ("args", "env", "code", "said"),
    [
        (["--help"], {}, "0", "Commands:"),
        (["metric", "--help"], {}, "0", "One figure in full"),
        (["metric", "--nope"], {}, "2", "No such option: --nope"),
        ([], {"_CHILINH_COMPLETE": "complete_bash", "COMP_WORDS": "chilinh met", "COMP_CWORD": "1"}, "0", "metric"),
    ],
)
def test_help_usage_errors_and_completing_a_command_import_no_question(
    tmp_path: Path, args: list[str], env: dict[str, str], code: str, said: str
) -> None:
    ended, modules, out = _imported(tmp_path, "script", args, **env)
    assert (ended, said in out) == (code, True), out[:300]
    assert _loaded(modules, NOT_FOR_HELP) == []
