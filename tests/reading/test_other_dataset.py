"""A made-up second dataset (a fictional city, another year) proves nothing is tied to Chí Linh or 2021."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import chilinh_cli as chilinh
from chilinh_cli import load_dataset
from chilinh_cli.cli.app import app
from readers import runner

FICTIONAL = Path(__file__).parents[1] / "data" / "fictional-city.json"


@pytest.fixture
def env() -> dict[str, str]:
    return {"CHILINH_DATA": str(FICTIONAL)}


def test_it_validates() -> None:
    result = runner.invoke(app, ["validate", str(FICTIONAL)])
    assert result.exit_code == 0
    assert "valid (3 highlights, 4 figures, 1 event)" in result.stdout


def test_every_command_answers_from_it(env: dict[str, str]) -> None:
    listed = runner.invoke(app, ["list"], env=env).stdout
    assert "Harbour revenue: VND 250.5 billion" in listed
    assert "Chí Linh" not in listed
    compared = runner.invoke(app, ["compare", "-f", "json"], env=env)
    document = json.loads(compared.stdout)
    assert (document["year"], document["current_year"]) == (2022, 2023)  # the default follows the data's year
    rows = {row["id"]: row for row in document["rows"]}
    assert rows["harbour-revenue"]["previous"]["value"] == 222_700_000_000
    assert rows["ships-docked"]["previous"] == {
        "year": 2022, "value": 1000, "derived": True, "low": 1000, "high": 1000, "qualifier": "more_than",
        "formula": "1200 - (200)",
    }  # fmt: skip
    # 200 more on 'more than 1,000' is less than 20 %: no percentage is made up
    assert rows["ships-docked"]["change_percent"] is None
    assert runner.invoke(app, ["show", "harbour"], env=env).exit_code == 0
    assert "1 June 2023" in runner.invoke(app, ["show", "1"], env=env).stdout
    assert runner.invoke(app, ["search", "graduation"], env=env).stdout.splitlines()[1].startswith("figure\tpass-rate")
    target = runner.invoke(app, ["metric", "pass-rate"], env=env).stdout
    assert "Target\t95% (derived)" in target
    assert runner.invoke(app, ["compare", "--year", "2020"], env=env).exit_code == 1


def test_python_api_on_it() -> None:
    dataset = load_dataset(FICTIONAL)
    assert dataset.metadata.year == 2023
    assert chilinh.figure(dataset, "revenue").figure.id == "harbour-revenue"
    assert [r["id"] for r in chilinh.records(chilinh.compare(dataset))] == ["harbour-revenue", "ships-docked"]
