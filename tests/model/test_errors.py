"""The tool's errors: how a data-file error lists its problems."""

from __future__ import annotations

from typing import Any

import pytest

from chilinh_cli.answers.catalog import load_dataset
from chilinh_cli.model.errors import DataFileError, Problem
from chilinh_cli.words import data_messages
from readers import Writer


def test_error_message_lists_each_field(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["unit"] = "furlongs"
    path = write_dataset(document)
    with pytest.raises(DataFileError) as caught:
        load_dataset(path, use_cache=False)
    message = str(caught.value)
    assert message.startswith(f"{path}: invalid dataset (1 problem)")
    assert "  figures[0].unit: Input should be" in message


@pytest.mark.parametrize(
    ("field", "location"),
    [
        ("figures[3].source.quote", ("figures", 3, "source", "quote")),
        ("figures[0].comparisons[12].value", ("figures", 0, "comparisons", 12, "value")),
        ("metadata.locality.en", ("metadata", "locality", "en")),
        ("", ()),
    ],
)
def test_a_problem_says_its_place_as_data(field: str, location: tuple[str | int, ...]) -> None:
    problem = DataFileError("x.json", [(field, data_messages.QUOTE_SPACE)]).problems[0]
    assert isinstance(problem, Problem)
    assert (problem.field, problem.reason, problem.location) == (field, data_messages.QUOTE_SPACE, location)


def test_validation_returns_problems_the_draft_can_mend_by_their_location(
    document: dict[str, Any], write_dataset: Writer
) -> None:
    document["figures"][14]["comparisons"][0]["year"] = 2999
    document["figures"][3]["unit"] = "furlongs"
    with pytest.raises(DataFileError) as caught:
        load_dataset(write_dataset(document), use_cache=False)
    assert sorted(problem.location for problem in caught.value.problems) == [
        ("figures", 3, "unit"),
        ("figures", 14, "comparisons", 0, "year"),
    ]
