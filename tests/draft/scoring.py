"""Scoring a draft against an independent reading of the same article (the recall test).

A figure of the reading is *found* when the draft has a figure in the same section with the
same value (and high end of a range), unit, qualifier and share whole, the same marks of a
later year's target and of a share of a plan (``target``, ``relative_to``), and the same stated
comparisons (basis, kind, value, high, year). A drafted figure that matches no figure of the reading is *extra*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple


class Score(NamedTuple):
    expected: int
    found: int
    drafted: int
    extra: int
    missed: list[str]
    extras: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def extra_share(self) -> float:
        return self.extra / self.drafted if self.drafted else 0.0


def _number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _key(figure: Mapping[str, Any], with_comparisons: bool = True) -> tuple[object, ...]:
    comparisons = frozenset(
        (c["basis"], c["kind"], Decimal(str(c["value"])), c.get("year"), _number(c.get("high")))
        for c in (figure.get("comparisons", ()) if with_comparisons else ())
    )
    return (
        _number(figure.get("high")),
        bool(figure.get("target", False)),
        figure.get("relative_to"),
        figure["source"]["section"],
        Decimal(str(figure["value"])),
        figure["unit"],
        figure.get("out_of"),
        figure["qualifier"],
        comparisons,
    )


def score(
    reading: Sequence[Mapping[str, Any]], drafted: Sequence[Mapping[str, Any]], *, with_comparisons: bool = True
) -> Score:
    """How many figures of ``reading`` the ``drafted`` ones find; ``with_comparisons=False``
    matches figures on their value, unit, qualifier and section alone."""
    unmatched = {n: _key(figure, with_comparisons) for n, figure in enumerate(drafted)}
    missed: list[str] = []
    for figure in reading:
        key = _key(figure, with_comparisons)
        match = next((n for n, drafted_key in unmatched.items() if drafted_key == key), None)
        if match is None:
            missed.append(figure["source"]["quote"])
        else:
            del unmatched[match]
    extras = [drafted[n]["source"]["quote"] for n in unmatched]
    found = len(reading) - len(missed)
    return Score(len(reading), found, len(drafted), len(drafted) - found, missed, extras)
