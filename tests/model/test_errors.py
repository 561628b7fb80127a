"""The tool's errors: how a data-file error lists its problems."""

from __future__ import annotations

from typing import Any

import pytest

from chilinh_cli.answers.catalog import load_dataset
from chilinh_cli.model.errors import DataFileError
from readers import Writer


def test_error_message_lists_each_field(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["unit"] = "furlongs"
    path = write_dataset(document)
    with pytest.raises(DataFileError) as caught:
        load_dataset(path, use_cache=False)
    message = str(caught.value)
    assert message.startswith(f"{path}: invalid dataset (1 problem)")
    assert "  figures[0].unit: Input should be" in message
