"""The drafting ratchet: each test-article folder's measured recall and noise, kept in a baseline.

``baseline.json`` holds, for every folder of fictional articles, how many figures of the
independent readings the drafts find, how many they draft, and a SHA-256 of the folder's
articles and readings (as trafilatura's evaluation gate keeps its scores). The test fails
when a folder finds fewer or drafts more noise than its baseline, or when its articles
changed without the baseline. A change that raises a floor updates the file::

    python tests/draft/ratchet.py --update

and the diff of ``baseline.json`` says what moved; lowering a floor is the same command, and
the commit must say why.
"""

from __future__ import annotations

import hashlib
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from scoring import score

from chilinh_cli.draft import compose
from chilinh_cli.draft.article import decode

DATA = Path(__file__).resolve().parent.with_name("data")
BASELINE = Path(__file__).resolve().with_name("baseline.json")
FOLDERS = sorted(path.name for path in DATA.iterdir() if path.name.startswith("articles"))


class Measured(NamedTuple):
    """A folder's drafts against its readings."""

    sha256: str
    """Of every article and reading of the folder, in name order."""
    expected: int
    found: int
    drafted: int

    @property
    def extra(self) -> int:
        return self.drafted - self.found


def reading_of(path: Path) -> dict[str, Any]:
    expected: dict[str, Any] = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return expected


def as_figures(reading: dict[str, Any]) -> list[dict[str, Any]]:
    """An independent reading's figures in the shape of a dataset's."""
    return [
        {
            "source": {"section": f["section"], "quote": f["quote"]},
            "value": Decimal(f["value"]),
            "unit": f["unit"],
            "out_of": f.get("out_of"),
            "qualifier": f["qualifier"],
            "high": f.get("high"),
            "target": f.get("target", False),
            "relative_to": f.get("relative_to"),
            "comparisons": [
                {k: c.get(k) for k in ("basis", "kind", "value", "year", "high")} for c in f.get("comparisons", ())
            ],
        }
        for f in reading["figures"]
    ]


def articles_hash(folder: str) -> str:
    digest = hashlib.sha256()
    for path in sorted((DATA / folder).iterdir()):
        if path.suffix in {".txt", ".json"}:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def measure(folder: str) -> Measured:
    expected = found = drafted = 0
    for path in sorted((DATA / folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = compose.draft(decode(text.encode(), path.name), path.name)
        each = score(as_figures(reading_of(path)), result.document["figures"])
        expected, found, drafted = expected + each.expected, found + each.found, drafted + each.drafted
    return Measured(articles_hash(folder), expected, found, drafted)


def baseline() -> dict[str, Measured]:
    kept = json.loads(BASELINE.read_text(encoding="utf-8"))
    return {folder: Measured(**values) for folder, values in kept.items()}


def update() -> None:
    measured = {folder: measure(folder)._asdict() for folder in FOLDERS}
    BASELINE.write_text(json.dumps(measured, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/draft/ratchet.py --update")
    update()
