"""chilinh: a city's year in numbers, sourced to the article that reports them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .loader import load_dataset as load_dataset

__all__ = ["__version__", "load_dataset"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that 'import chilinh_cli' stays cheap for the CLI.
    if name == "load_dataset":
        from .loader import load_dataset

        return load_dataset
    raise AttributeError(f"module 'chilinh_cli' has no attribute {name!r}")
