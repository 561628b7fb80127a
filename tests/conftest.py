from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers.catalog import Catalog, load_dataset
from chilinh_cli.model.records import Dataset
from chilinh_cli.reading.loader import embedded_path

# readers.py holds helpers that assert; rewrite them like a test module's asserts
pytest.register_assert_rewrite("readers")

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO.parent / "shared" / "seed" / "000_7f142ac89515c70a.txt"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests never touch the user's cache, and never see each other's.
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    for variable in (
        "CHILINH_DATA",
        "CHILINH_NO_CACHE",
        "CHILINH_DEBUG",
        "CHILINH_MAX_FILES",
        "CHILINH_LANG",
        "NO_COLOR",
        "LC_ALL",
        "LC_MESSAGES",
    ):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _own_signal_handlers() -> Iterator[None]:
    # entry.run() in this process sets SIGINT/SIGTERM/SIGHUP handlers and an unraisable hook;
    # left behind, they would reach later tests and the worker processes those tests fork.
    import signal
    import sys

    endings = [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
    kept = {ending: signal.getsignal(ending) for ending in endings}
    hook = sys.unraisablehook
    yield
    for ending, handler in kept.items():
        if handler is not None:  # None: set outside Python, not ours to restore
            signal.signal(ending, handler)
    sys.unraisablehook = hook


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(use_cache=False)


@pytest.fixture(scope="session")
def catalog(dataset: Dataset) -> Iterator[Catalog]:
    """The embedded dataset as a catalog in memory, for the questions asked of catalogs."""
    from chilinh_cli.answers.catalog import catalog_of

    made = catalog_of([dataset])
    yield made
    made.store.close()


@pytest.fixture(scope="session")
def _document() -> dict[str, Any]:
    with embedded_path().open(encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle, parse_float=Decimal)
    return document


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@pytest.fixture(scope="session")
def field_paths(_document: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The path of every field of the embedded dataset, ('figures', 3, 'source', 'quote') and so on."""
    return _paths(_document)


@pytest.fixture
def document(_document: dict[str, Any]) -> dict[str, Any]:
    """A fresh, mutable copy of the embedded dataset as parsed JSON."""
    return copy.deepcopy(_document)


class _DecimalEncoder(json.JSONEncoder):
    def default(self, o: object) -> object:
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


@pytest.fixture
def write_dataset(tmp_path: Path) -> Callable[[Any], Path]:
    def write(document: Any) -> Path:
        path = tmp_path / "dataset.json"
        path.write_text(json.dumps(document, ensure_ascii=False, cls=_DecimalEncoder), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the source article is not beside the checkout ({ARTICLE})")
    return ARTICLE.read_text(encoding="utf-8")
