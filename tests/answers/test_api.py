"""The package's Python API: load_dataset, figure, highlight, compare, search and records."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import chilinh_cli as chilinh
from chilinh_cli import load_dataset
from chilinh_cli.model.records import Dataset


def test_python_api() -> None:
    dataset = chilinh.load_dataset()
    revenue = chilinh.figure(dataset, "revenue").figure
    assert (revenue.value, revenue.qualifier, revenue.unit) == (967_300_000_000, "more_than", "vnd")
    assert chilinh.figure(dataset, "thu ngan sach").figure == revenue
    assert chilinh.highlight(dataset, 10).highlight.slug == "petitions"
    assert chilinh.highlight(dataset, "covid-19").highlight.rank == 3
    assert chilinh.search(dataset, "ocop").hits[0].key == "ocop-products"
    compared = chilinh.compare(dataset)
    assert compared.year == 2020
    records = chilinh.records(compared)
    petitions = next(r for r in records if r["id"] == "petitions")
    assert petitions["previous_value"] == 407
    assert petitions["change_percent"] == Decimal("-22.1")
    rows = chilinh.records(dataset)
    assert len(rows) == 37
    assert {"id", "label_vi", "label_en", "value", "unit", "qualifier", "quote"} <= set(rows[0])


def test_records_build_a_dataframe_when_pandas_is_there() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(chilinh.records(load_dataset()))
    assert frame.shape[0] == 37


def test_the_api_refuses_wrong_types_plainly(dataset: Dataset) -> None:
    with pytest.raises(TypeError, match="year is an int such as 2020, not str"):
        chilinh.compare(dataset, "2020")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a figure's name is a str"):
        chilinh.figure(dataset, None)  # type: ignore[arg-type]
    assert chilinh.compare(dataset, 2020).year == 2020


def test_public_api_is_importable_lazily() -> None:
    import chilinh_cli
    from chilinh_cli.answers.catalog import load_dataset

    assert chilinh_cli.load_dataset(use_cache=False) == load_dataset(use_cache=False)
    with pytest.raises(AttributeError):
        _ = chilinh_cli.no_such_name  # type: ignore[attr-defined]


def test_the_readme_python_example_runs_as_written() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    said: dict[str, object] = {}
    for line in block.splitlines():
        code, _, comment = line.partition("  # ")
        if not code.strip() or code.startswith("#"):
            continue
        if code.startswith("import ") or "=" in code.split("(")[0]:
            exec(code, said)  # an import or an assignment of the example
        elif comment.strip().startswith(("(", "'", "[")):
            assert repr(eval(code, said)) == comment.strip(), line  # the value the README shows


def test_a_dataset_made_in_code_is_found_by_its_folded_id(dataset: Dataset) -> None:
    # An id no file would validate (not kebab case) is still folded as any name is.
    import dataclasses

    first = dataclasses.replace(dataset.figures[0], id="Rev_Total", aliases=())
    second = dataclasses.replace(dataset.figures[1], id="rev-total-2020", aliases=())  # a name that starts alike
    made = dataclasses.replace(dataset, figures=(first, second, *dataset.figures[2:]))
    assert chilinh.figure(made, "rev total").figure.id == "Rev_Total"
