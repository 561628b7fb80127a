"""docs/architecture.md is the map of the house: every import of every module is an arrow it allows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from readers import REPO

PACKAGE = REPO / "src" / "chilinh_cli"
MAP = REPO / "docs" / "architecture.md"


def allowed() -> dict[str, set[str]]:
    """The map's table: each room and the rooms it may import."""
    text = MAP.read_text(encoding="utf-8")
    table = text[text.index("| room | its one job | may import |") :]
    rooms: dict[str, set[str]] = {}
    for line in table.splitlines()[2:]:
        if not line.startswith("| `"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        room = cells[0].strip("`")
        rooms[room] = set(re.findall(r"`([\w.]+)`", cells[-1]))
    return rooms


def room_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every chilinh_cli module ``path`` imports, at the top or inside a function, with its line."""
    package = ["chilinh_cli", *path.relative_to(root).parts[:-1]]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names = [module] if node.module else [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, name) for name in names if name == "chilinh_cli" or name.startswith("chilinh_cli.")]
    return found


def target_room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_import_is_an_arrow_the_map_allows() -> None:
    rooms = allowed()
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        room = room_of(path)
        for line, module in imported(path):
            target = target_room(module)
            if target not in {room, "version"} and target not in rooms.get(room, set()):
                wrong.append(f"{path.relative_to(REPO)}:{line} {room} -> {target} ({module})")
    assert wrong == []


def test_the_map_names_every_room_and_every_module() -> None:
    rooms = allowed()
    text = MAP.read_text(encoding="utf-8")
    for path in sorted(PACKAGE.rglob("*.py")):
        room = room_of(path)
        assert room in rooms or room == "version", f"{room} is not on the map"
        if path.parent != PACKAGE and path.name != "__init__.py":
            dotted = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
            assert f"| `{dotted}` |" in text, f"{dotted} has no line in the map's list of modules"


def test_imports_inside_functions_and_relative_imports_are_arrows_too(tmp_path: Path) -> None:
    """The lazy imports of the CLI count: an import inside a function is an arrow like any other."""
    module = tmp_path / "words" / "late.py"
    module.parent.mkdir()
    module.write_text(
        "from . import messages\nfrom ..model import records\n"
        "def later():\n    from ..cli.app import app\n    import chilinh_cli.store.reads\n",
        encoding="utf-8",
    )
    found = imported(module, root=tmp_path)
    assert found == [
        (1, "chilinh_cli.words.messages"),
        (2, "chilinh_cli.model"),
        (4, "chilinh_cli.cli.app"),
        (5, "chilinh_cli.store.reads"),
    ]
    assert [target_room(name) for _, name in found] == ["words", "model", "cli", "store"]
    assert allowed()["words"] == set()
    assert allowed()["cli"] >= {"present", "answers", "draft"}
