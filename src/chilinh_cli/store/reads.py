"""Figures read back from the store's rows: only the ones a query answers with.

A mixin of ``store.Store`` (it reads through ``self.db``), kept apart so that the store's
upkeep and its reading are each read in one place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from decimal import Decimal

from ..model.building import building
from ..model.records import Figure
from ..reading.rebuild import figure_from_document


class FigureReads:
    """The queries that rebuild figures from rows, three statements however many figures."""

    db: sqlite3.Connection

    def figures(self, pairs: Sequence[tuple[int, str]]) -> list[Figure]:
        """The figures (dataset id, figure id), rebuilt from their rows: a query reads only them,
        three statements for each figure id however many datasets have it."""
        with building():
            found: dict[tuple[int, str], Figure] = {}
            for figure_id in dict.fromkeys(figure_id for _, figure_id in pairs):
                wanted = {number for number, each in pairs if each == figure_id}
                found.update(self._figures(figure_id, wanted))
            return [found[pair] for pair in pairs]

    def _figures(self, figure_id: str, wanted: set[int]) -> dict[tuple[int, str], Figure]:
        # A few datasets are read by their keys; many, by the figure's id (one pass over its rows).
        if len(wanted) > 500:
            every = self._read_figures("{id} = ?", (figure_id,))
            return {key: figure for key, figure in every.items() if key[0] in wanted}
        marks = ",".join("?" * len(wanted))
        return self._read_figures(f"{{id}} = ? AND {{t}}.dataset_id IN ({marks})", (figure_id, *wanted))

    def compared_figures(self, number: int, year: int, *, of: int | None = None) -> list[Figure]:
        """The figures of dataset ``number`` whose id dataset ``of`` (default: the same) compares
        with ``year`` in words that are not ambiguous: what ``compare`` needs, read from the
        comparisons table instead of the whole dataset; in the dataset's order."""
        compared = (
            "{t}.dataset_id = ? AND {id} IN (SELECT figure_id FROM comparisons WHERE dataset_id = ? "
            "AND basis = 'previous_year' AND year = ? AND ambiguous = 0)"
        )
        with building():
            return list(self._read_figures(compared, (number, number if of is None else of, year)).values())

    def figure_ids(self, number: int) -> list[str]:
        """Every figure id of a dataset, in its order."""
        return [
            figure_id
            for (figure_id,) in self.db.execute("SELECT id FROM figures WHERE dataset_id = ? ORDER BY rowid", (number,))
        ]

    def comparison_years(self, number: int) -> list[int]:
        """The years a dataset compares figures with."""
        query = "SELECT DISTINCT year FROM comparisons WHERE dataset_id = ? AND year IS NOT NULL ORDER BY year"
        return [year for (year,) in self.db.execute(query, (number,))]

    def _read_figures(self, where: str, values: tuple[object, ...]) -> dict[tuple[int, str], Figure]:
        """The figures whose rows match ``where`` (written for any of the three tables: ``{t}``
        is the table, ``{id}`` its figure id column), rebuilt from their rows in the order of
        the figures table: three statements however many figures."""
        rows = self.db.execute(
            "SELECT f.dataset_id, f.id, f.label_vi, f.label_en, f.value_exact, f.out_of, f.unit, f.qualifier, f.year, "
            "s.section, s.quote, f.note_vi, f.note_en, f.wording_vi, f.wording_en, f.as_of, f.noun_vi, f.noun_en, "
            "f.checked FROM figures f "
            "JOIN sources s ON s.dataset_id = f.dataset_id AND s.id = f.source_id WHERE "
            + where.format(t="f", id="f.id")
            + " ORDER BY f.rowid",
            values,
        ).fetchall()
        aliases: dict[tuple[int, str], list[str]] = {}
        for number, figure_id, alias in self.db.execute(
            "SELECT a.dataset_id, a.figure_id, a.alias FROM figure_aliases a WHERE "
            + where.format(t="a", id="a.figure_id")
            + " ORDER BY a.rowid",
            values,
        ):
            aliases.setdefault((number, figure_id), []).append(alias)
        comparisons: dict[tuple[int, str], list[dict[str, object]]] = {}
        for c in self.db.execute(
            "SELECT c.dataset_id, c.figure_id, c.basis, c.year, c.kind, c.value_exact, c.ambiguous, s.section, "
            "s.quote, c.note_vi, c.note_en FROM comparisons c "
            "JOIN sources s ON s.dataset_id = c.dataset_id AND s.id = c.source_id WHERE "
            + where.format(t="c", id="c.figure_id")
            + " ORDER BY c.id",
            values,
        ):
            comparisons.setdefault((c[0], c[1]), []).append(
                {
                    **{"basis": c[2], "year": c[3], "kind": c[4], "value": _number(c[5]), "ambiguous": bool(c[6])},
                    **{"source": {"section": c[7], "quote": c[8]}, "note": _pair(c[9], c[10])},
                }
            )
        return {
            (key := (row[0], row[1])): figure_from_document(
                {
                    **{"id": row[1], "label": _pair(row[2], row[3]), "value": _number(row[4])},
                    **{"out_of": row[5], "unit": row[6], "qualifier": row[7], "year": row[8]},
                    **{"source": {"section": row[9], "quote": row[10]}, "note": _pair(row[11], row[12])},
                    **{"wording": _pair(row[13], row[14]), "as_of": row[15], "noun": _pair(row[16], row[17])},
                    "checked": bool(row[18]),
                    **{"aliases": aliases.get(key, []), "comparisons": comparisons.get(key, [])},
                }
            )
            for row in rows
        }


def _number(exact: str) -> int | Decimal:
    """A number as the file wrote it (``*_exact``): a whole number an int, else a Decimal."""
    return int(exact) if exact.lstrip("-").isdigit() else Decimal(exact)


def _pair(vi: str | None, en: str | None) -> dict[str, str | None] | None:
    """A text's columns as its JSON object (no English: null); None when it has none."""
    return None if vi is None else {"vi": vi, "en": en}
