"""Property tests across modules: any document loads or fails with the tool's error; any argv ends cleanly."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chilinh_cli.cli import app
from chilinh_cli.errors import DataFileError, Problem
from chilinh_cli.loader import parse_and_validate
from chilinh_cli.models import Dataset
from readers import NODES, PRISTINE, ROOT, TABLES, dump, english_words, kind_of, make_node, runner


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
    mutated = json.loads(dump(document))
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


# Values that break a field in every way the format can be broken.
WRONG = [None, "x", "", Decimal("1.5"), -1, 0, 10**6, [], {}, True, "2021-13-45", "x" * 100, ["a"], {"vi": "a"}]


@settings(max_examples=250, deadline=None)
@given(data=st.data())
def test_any_broken_field_is_explained_in_vietnamese(field_paths: list[tuple[Any, ...]], data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(field_paths))
    action = data.draw(st.sampled_from(["replace", "delete", "extra"]))
    wrong = data.draw(st.sampled_from(WRONG))
    broken = copy.deepcopy(PRISTINE)
    parent = broken
    for key in path[:-1]:
        parent = parent[key]
    if action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif action == "extra" and isinstance(parent[path[-1]], dict):
        parent[path[-1]]["unexpected"] = 1
    else:
        parent[path[-1]] = copy.deepcopy(wrong)
    raw = json.dumps(broken, ensure_ascii=False, default=float).encode()
    try:
        parse_and_validate(raw, "broken.json")
    except DataFileError as error:
        for _, reason in error.problems:
            assert "(lỗi " not in reason.vi, f"no Vietnamese for a {reason!r} problem"
            assert not english_words(reason.vi), reason.vi


ARG_WORDS = st.sampled_from(
    [
        "list",
        "metric",
        "compare",
        "--year",
        "2020",
        "--format",
        "json",
        "csv",
        "table",
        "--lang",
        "vi",
        "en",
        "revenue",
        "-f",
        "--data",
        "",
        "--help",
        "-y",
        "x",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(ARG_WORDS, st.text(max_size=12)), max_size=5))
def test_arbitrary_arguments_exit_0_1_or_2_without_traceback(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4))
def test_arbitrary_argv_never_tracebacks(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)


# ---- every command that writes, against every kind of node at its path ---------------------------

WRITERS: dict[str, Callable[[Path], list[str]]] = {
    "svg": lambda path: ["metric", "revenue", "--export-svg", str(path)],
    "sqlite": lambda path: ["export", "sqlite", str(path)],
    "sqlite --force": lambda path: ["export", "sqlite", str(path), "--force"],
    "csv": lambda path: ["export", "csv", str(path)],
    "csv --force": lambda path: ["export", "csv", str(path), "--force"],
    "xlsx --force": lambda path: ["export", "xlsx", str(path), "--force"],
}


def _complete(writer: str, path: Path) -> bool:
    """Whether what ``writer`` left at ``path`` is a whole output of its kind."""
    if writer == "svg":
        return ET.parse(path).getroot().tag.endswith("svg")
    if writer.startswith("sqlite"):
        connection = sqlite3.connect(path)
        try:
            return bool(connection.execute("SELECT count(*) FROM sources").fetchone()[0] > 0)
        finally:
            connection.close()
    if writer.startswith("csv"):
        return all(len(list(csv.reader(io.StringIO((path / f"{t}.csv").read_text("utf-8"))))) > 1 for t in TABLES)
    import openpyxl

    return set(openpyxl.load_workbook(io.BytesIO(path.read_bytes())).sheetnames) == TABLES


def _leftovers(directory: Path) -> list[str]:
    return [name for name in os.listdir(directory) if name.startswith(".")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(node=st.sampled_from(NODES), writer=st.sampled_from(sorted(WRITERS)))
def test_no_command_replaces_what_is_not_a_file_or_leaves_half_an_output(
    tmp_path_factory: pytest.TempPathFactory, node: str, writer: str
) -> None:
    if writer.startswith("xlsx"):
        pytest.importorskip("openpyxl")
    if node == "device" and not ROOT:
        node = "absent"
    where = tmp_path_factory.mktemp("w")
    path = where / "out"
    if node != "absent":
        make_node(node, path)
    before = {name: kind_of(where / name) for name in os.listdir(where)}
    result = runner.invoke(app, WRITERS[writer](path))
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    after = {name: kind_of(where / name) for name in os.listdir(where)}
    # no node that was there changed its kind, and nothing but the output appeared
    assert {name: kind for name, kind in after.items() if name in before} == before
    assert set(after) - set(before) <= {"out", "out.missing"}
    assert not _leftovers(where)
    if result.exit_code == 0 and node not in ("device",):
        assert _complete(writer, path)
    if node in ("fifo", "socket", "link-to-fifo") or (node == "directory" and not writer.startswith("csv")):
        assert result.exit_code == 1
    if node == "file" and writer in ("sqlite", "csv"):  # no --force: what is there is kept
        assert result.exit_code == 1
        assert path.read_text() == "not ours\n"
