"""The dataset as relational tables."""

from __future__ import annotations

from chilinh_cli.model.records import Dataset
from chilinh_cli.reading.tables import tables
from readers import STORED_TABLES, TABLES


def test_tables_hold_every_record(dataset: Dataset) -> None:
    by_name = {table.name: table for table in tables(dataset)}
    assert set(by_name) == STORED_TABLES
    assert {table.name for table in tables(dataset, derived=True)} == TABLES
    assert len(by_name["highlights"].rows) == 10
    assert len(by_name["figures"].rows) == 37
    assert len(by_name["events"].rows) == 4
    assert len(by_name["comparisons"].rows) == 6
