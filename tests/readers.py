"""Helpers only the tests need: running the command line, loading a file that must fail,
finding English words in Vietnamese text, reading numbers back as a person reads them, and
the help texts a command tree can print; nodes of every kind for the tests of writing."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer._click import Command, Context
from typer.main import get_command
from typer.testing import CliRunner, Result

from chilinh_cli.answers.catalog import load_dataset
from chilinh_cli.cli import entry
from chilinh_cli.cli.app import app
from chilinh_cli.cli.bridge import walk
from chilinh_cli.model.errors import DataFileError
from chilinh_cli.reading.loader import embedded_path
from chilinh_cli.words.language import Lang
from chilinh_cli.words.messages import Msg

REPO = Path(__file__).resolve().parents[1]
PRISTINE = json.loads(embedded_path().read_text(encoding="utf-8"))
"""The embedded dataset as plain JSON (numbers as floats): deep-copy it before changing it."""
STORED_TABLES = {"datasets", "units", "highlights", "sources", "figures", "figure_aliases", "comparisons", "events"}
"""The tables the store keeps (``reading.tables.tables``)."""
TABLES = {*STORED_TABLES, "derived_baselines"}
"""The tables an export writes: the stored ones and the derived baselines."""
Writer = Callable[[Any], Path]
"""The type of the ``write_dataset`` fixture."""

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run the command line through Typer's CliRunner."""
    return runner.invoke(app, list(args), env=env)


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the console script in this process, exactly as the installed `chilinh` runs."""
    monkeypatch.setattr(sys, "argv", ["chilinh", *args])
    # Click names the program after `python -m <package>` when there is one: here, pytest.
    monkeypatch.setattr(sys.modules["__main__"], "__package__", None)
    with pytest.raises(SystemExit) as stopped:
        entry.run()
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def dump(document: Any) -> str:
    """A document as JSON text, Decimals as numbers."""
    return json.dumps(document, ensure_ascii=False, default=lambda o: float(o) if isinstance(o, Decimal) else str(o))


def draft_beside(article: Path, folder: Path, name: str, output: str) -> Path:
    """``article`` copied into ``folder`` (the working directory) as ``name`` and drafted there
    to ``output``, as a person drafts an article saved beside the dataset: the draft's path."""
    shutil.copy(article, folder / name)
    made = run("draft", name, "-o", output)
    assert made.exit_code == 0, made.output
    return folder / output


def edit_json(path: Path, change: Callable[[Any], object]) -> None:
    """Change a JSON file the tool wrote (a draft, a dataset) as a person would edit it by hand."""
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def loading_problems(path: Path) -> list[tuple[str, Msg]]:
    """The problems loading ``path`` reports; loading must fail, naming the file."""
    with pytest.raises(DataFileError) as caught:
        load_dataset(path, use_cache=False)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    return list(caught.value.problems)


def english_problems(path: Path) -> list[tuple[str, str]]:
    """Each problem's field path and its English."""
    return [(field, reason.en) for field, reason in loading_problems(path)]


def parse_number(text: str, lang: Lang) -> Decimal:
    """The inverse of ``numfmt.format_number``: '13.416,4' (vi) or '13,416.4' (en) as a Decimal."""
    thousands, decimal_mark = (".", ",") if lang == "vi" else (",", ".")
    cleaned = text.strip().replace(thousands, "").replace(decimal_mark, ".")
    return Decimal(cleaned)


_VI_MULTIPLIERS = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
_VI_AMOUNT = re.compile(r"(?<![\w/])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\w/])\s*(tỷ|triệu|nghìn|ngàn)?")


def parse_vi_amount(text: str) -> Decimal:
    """The quantity a Vietnamese phrase writes, adding mixed units up.

    '13.416 tỷ 446 triệu đồng' -> 13416446000000; '967,3 tỷ đồng' -> 967300000000;
    'gần 7 nghìn người' -> 7000; '99,92%' -> 99.92. Raises ValueError when the
    phrase holds no number written in digits.
    """
    total = Decimal(0)
    found = False
    for whole, fraction, unit in _VI_AMOUNT.findall(text):
        found = True
        total += parse_number(whole + fraction, "vi") * _VI_MULTIPLIERS.get(unit, 1)
    if not found:
        raise ValueError(f"no number written in digits in {text!r}")
    return total


def help_texts(command: Command) -> Iterator[str]:
    """Every help text a help page of this command tree can print."""
    for each in walk(command):
        context = Context(each)
        yield from (text for text in (each.help, each.epilog) if text)
        for param in each.get_params(context):
            text = getattr(param, "help", None)
            if text:
                yield text


# ---- English words where Vietnamese is wanted ---------------------------------------------

# Words that are the same in both languages: option values, names of formats,
# tables and environment variables, and the program's own commands.
SHARED = {
    "table", "json", "csv", "markdown", "en", "vi", "chilinh", "jq", "rows", "id", "ls", "tables", "datasette",
    "highlights", "figures", "comparisons", "sources", "events", "JSON", "Schema", "SQLite", "CSV", "UTF", "GitHub",
    "SVG", "LANG", "CHILINH_LANG", "CHILINH_DATA", "CHILINH_DEBUG", "NO_COLOR", "TERM", "dumb", "shell", "tab",
    "list", "show", "metric", "compare", "search", "validate", "schema", "export", "sqlite", "revenue", "economy",
    "draft",
    "petitions", "growth", "db", "Linh", "units", "datasets", "figure_aliases", "LC_ALL", "LC_MESSAGES",
    "derived_baselines",
    "my", "city", "Excel", "xlsx", "byte", "tsv", "text", "thu", "ngan", "sach", "bau", "cu", "force", "year", "chart",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_]{3,}", text))


ENGLISH = (
    {word for text in help_texts(get_command(app)) for word in _words(text)}
    | _words("Usage Options Arguments Commands Examples Try for help Error Invalid value default env var required")
    | _words("Missing argument option command such Did you mean not one valid integer range extra unexpected")
    | _words("requires does take empty more than characters problem problems invalid dataset file")
    | _words("OPTIONS COMMAND ARGS")
) - SHARED


def english_words(text: str) -> set[str]:
    """English words in a text, leaving out option names, quoted values and example command lines."""
    kept = [line for line in text.splitlines() if not line.strip().startswith("chilinh ")]
    # a command's name in a list of commands ('  review    Rà soát ...') is a name, not English
    kept = [re.sub(r"^  [a-z]+(?=\s{2,}\S)", " ", line) for line in kept]
    scrubbed = re.sub(r"--?[a-z][a-z-]*|'[^']*'|\"[^\"]*\"|<[^>]*>|\S+\.(?:json|svg|db)\b", " ", "\n".join(kept))
    return _words(scrubbed) & ENGLISH


# ---- nodes of every kind, for the tests of what the tool writes ---------------------------------

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NODES = ["absent", "file", "directory", "fifo", "socket", "device", "link-to-file", "dangling-link", "link-to-fifo"]


def make_node(kind: str, path: Path) -> None:
    """Make a node of ``kind`` at ``path``."""
    if kind == "file":
        path.write_text("not ours\n")
    elif kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "device":  # a copy of /dev/null: needs root, as mknod does
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    elif kind == "link-to-file":
        (path.parent / f"{path.name}.target").write_text("not ours\n")
        path.symlink_to(f"{path.name}.target")
    elif kind == "dangling-link":
        path.symlink_to(f"{path.name}.missing")
    elif kind == "link-to-fifo":
        os.mkfifo(path.parent / f"{path.name}.fifo")
        path.symlink_to(f"{path.name}.fifo")


def kind_of(path: Path) -> str:
    mode = os.lstat(path).st_mode
    for test, name in ((stat.S_ISLNK, "link"), (stat.S_ISREG, "file"), (stat.S_ISDIR, "directory")):
        if test(mode):
            return name
    return "fifo" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
