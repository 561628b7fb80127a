"""chilinh schema: the JSON Schema of the data format."""

from __future__ import annotations

from pathlib import Path

from readers import run


def test_schema_command_prints_the_committed_schema() -> None:
    committed = (Path(__file__).resolve().parents[2] / "data" / "highlights.schema.json").read_text(encoding="utf-8")
    assert run("schema").stdout == committed
