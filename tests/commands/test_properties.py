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
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from chilinh_cli.answers.checks import review_todos
from chilinh_cli.answers.core import figure_answer
from chilinh_cli.cli.app import app
from chilinh_cli.model.derive import derivation
from chilinh_cli.model.errors import DataFileError, Problem
from chilinh_cli.model.records import Dataset
from chilinh_cli.present.documents import FIGURE_CSV_COLUMNS, figure_csv_rows, figure_json
from chilinh_cli.present.sheets import story
from chilinh_cli.reading.loader import parse_and_validate
from chilinh_cli.words import messages
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


# ---- a drafted figure: every new unit, noun, qualifier and comparison, with any value -----------------

_DRAFTED = json.loads((Path(__file__).parents[1] / "data" / "drafted-town.json").read_text(encoding="utf-8"))
_NUMBERS = st.one_of(
    st.integers(min_value=1, max_value=10**9),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.integers(min_value=1, max_value=200),
    st.integers(min_value=-(10**6), max_value=10**19),
    st.decimals(min_value=-1000, max_value=10**9, places=7, allow_nan=False, allow_infinity=False),
)
_NOUNS = st.one_of(
    st.fixed_dictionaries({"vi": st.sampled_from(["tấn", "hộ"])}, optional={"en": st.sampled_from(["t", "x"])}),
    st.fixed_dictionaries({"vi": st.sampled_from(["người", "ha"])}, optional={"en": st.sampled_from(["t", "x"])}),
    st.none(),
    st.fixed_dictionaries({"vi": st.text(max_size=3)}, optional={"en": st.text(max_size=3)}),
)
_UNITS = ["vnd", "usd", "percent", "count", "days", "share", "quantity"]
_QUALIFIERS = ["exact", "more_than", "nearly", "approximately", "estimated", "at_least"]
_BASES = ["previous_year", "budget_estimate", "target", "plan"]
_KINDS = ["percent_change", "absolute_change", "point_change", "percent_of", "multiple", "from_value"]


@settings(max_examples=250, deadline=None)
@given(
    # mostly what the format allows, now and then what it does not
    unit=st.sampled_from(_UNITS * 4 + ["tonnes"]),
    qualifier=st.sampled_from(_QUALIFIERS * 4 + ["about"]),
    noun=_NOUNS,
    value=_NUMBERS,
    basis=st.sampled_from(_BASES * 4 + ["forecast"]),
    kind=st.sampled_from(_KINDS * 4 + ["ratio"]),
    change=_NUMBERS,
    year_fits=st.sampled_from([True, True, True, True, False]),
    checked=st.sampled_from([True, False, None] * 4 + ["no"]),
)
def test_any_drafted_figure_loads_or_raises_the_tools_error_and_every_view_says_it(
    unit: str,
    qualifier: str,
    noun: dict[str, str] | None,
    value: int | Decimal,
    basis: str,
    kind: str,
    change: int | Decimal,
    year_fits: bool,
    checked: bool | str | None,
) -> None:
    year = (2022 if basis == "previous_year" else None) if year_fits else 2023
    document = copy.deepcopy(_DRAFTED)
    figure = document["figures"][0]
    figure.update(unit=unit, qualifier=qualifier, value=value)
    figure.pop("noun")
    if noun is not None and (unit in ("count", "share", "quantity") or not year_fits):
        figure["noun"] = noun
    if unit == "share":
        figure["out_of"] = 10**6
    if checked is not None:
        figure["checked"] = checked
    comparison = {"basis": basis, "kind": kind, "value": change, "source": {"section": 1, "quote": "q"}}
    if year is not None:
        comparison["year"] = year
    figure["comparisons"] = [comparison]
    dataset, problems = _outcome(json.dumps(document, ensure_ascii=False, default=float).encode())
    assert (dataset is None) == bool(problems)
    for _, reason in problems:
        assert "(lỗi " not in reason.vi, f"no Vietnamese for a {reason!r} problem"
    event("loads" if dataset is not None else "refused")
    if dataset is None:
        return
    loaded = dataset.figures[0]
    assert loaded.noun is None or loaded.unit in ("count", "share", "quantity")
    answer = figure_answer(loaded, None)
    marked = {lang: dict(story(answer, lang))[messages.HEADERS["value"].get(lang)] for lang in ("en", "vi")}
    assert marked["en"].endswith(" (unchecked)") == (not loaded.checked)
    assert marked["vi"].endswith(" (chưa kiểm tra)") == (not loaded.checked)
    derived = derivation(loaded, loaded.comparisons[0])
    if derived is not None and loaded.comparisons[0].kind in ("percent_of", "multiple"):
        assert derived.baseline.low <= derived.baseline.high
        assert derived.baseline.value >= 0
        assert derived.percent_change is None
    assert figure_json(answer)["checked"] is loaded.checked
    row = figure_csv_rows(answer)[0]
    assert row[FIGURE_CSV_COLUMNS.index("checked")] is loaded.checked
    assert row[FIGURE_CSV_COLUMNS.index("review")] == ("accepted" if loaded.checked else "drafted")
    assert any(todo.key == loaded.id for todo in review_todos(dataset)) == (
        not loaded.checked or loaded.label.en is None or (loaded.noun is not None and loaded.noun.en is None)
    )
