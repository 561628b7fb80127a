"""The Python API, every command's help, the README's command reference, and shell completion."""

from __future__ import annotations

import os
import re
import subprocess
import sysconfig
from decimal import Decimal
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

import chilinh_cli as chilinh
from chilinh_cli import load_dataset
from chilinh_cli.cli import app
from chilinh_cli.models import Dataset

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_python_api() -> None:
    dataset = chilinh.load_dataset()
    revenue = chilinh.figure(dataset, "revenue").figure
    assert (revenue.value, revenue.qualifier, revenue.unit) == (967_300_000_000, "more_than", "vnd")
    assert chilinh.figure(dataset, "thu ngan sach").figure is revenue
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


def _commands() -> list[str]:
    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_has_help_with_examples() -> None:
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Examples:" in result.stdout, f"'chilinh {name} --help' shows no examples"
        assert len(get_command(app).commands[name].help or "") > 20, name  # type: ignore[attr-defined]


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


def test_the_api_refuses_wrong_types_plainly(dataset: Dataset) -> None:
    with pytest.raises(TypeError, match="year is an int such as 2020, not str"):
        chilinh.compare(dataset, "2020")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a figure's name is a str"):
        chilinh.figure(dataset, None)  # type: ignore[arg-type]
    assert chilinh.compare(dataset, 2020).year == 2020
