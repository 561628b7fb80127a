"""Figures a report states in a table copied as text: rows of cells separated by tabs (or by
' | '), or one cell per line as a portal's page copies, under a header row whose cells decide
what each column is.

An indicator table 'Chi tieu | DVT | Ke hoach | Thuc hien | So sanh (%)' states, per row, a
figure (the result column, its unit from the unit column or from the label's parentheses), its
plan (a value moved from, on the plan) and the result as a percentage of the plan. A column
naming an earlier year ('Thuc hien nam 2022', 'Cung ky') is the previous year's value, 'So voi
cung ky (%)' the result as a percentage of it, 'So voi KH (%)' of the plan; a bare 'So sanh (%)'
compares with the one of plan or earlier year the table has. A row without a unit, or whose
result is not a number, is not read.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import NamedTuple

from ..model.text import fold
from .lexicon import NUMBER, amount_at, read_number, words

_SEPARATOR = re.compile(r"\t+| \| ")
_UNIT = re.compile(r"\(([^()]{1,30})\)\s*$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class Compared(NamedTuple):
    """A comparison a column states: its basis, kind, value (in the figure's unit, or %), year."""

    basis: str
    kind: str
    value: Decimal
    year: int | None
    column: str
    """The header cell of the column."""


class Row(NamedTuple):
    """One figure of a table's row, with the comparisons its other columns state."""

    label: str
    value: Decimal
    unit: str
    noun: str | None
    qualifier: str
    comparisons: tuple[Compared, ...]
    cells: tuple[str, ...]
    """The row's cells, as the text gives them."""


class Table(NamedTuple):
    """A table among some lines: the lines it spans, its header cells and its rows' cells."""

    start: int
    end: int
    header: list[str]
    rows: list[list[str]]
    said: list[str]
    """Each row's words as the text has them (a line, or its cells' lines): its quote."""


def is_row(line: str) -> bool:
    return len(_SEPARATOR.split(line.strip())) >= 3


def cells(line: str, width: int = 0) -> list[str]:
    """A line's cells; with a header's ``width``, single tabs first (an empty cell stays a cell)."""
    single = [cell.strip() for cell in line.strip("\n").split("\t")]
    if width and len(single) == width:
        return single
    return [cell.strip() for cell in _SEPARATOR.split(line.strip())]


@functools.cache
def _header_words() -> dict[str, list[str]]:
    return {key: [fold(w) for w in value] for key, value in words()["table_header"].items()}


def _kind(cell: str, year: int) -> tuple[str, int | None]:
    """What a header cell names: (kind, year). Kinds: index, label, unit, now, estimated (now,
    an estimate), plan, estimate (a budget estimate), earlier, ratio_plan, ratio_estimate,
    ratio_earlier, ratio (bare 'So sanh (%)'), other."""
    folded = fold(cell)
    said = _header_words()
    found = _YEAR.findall(cell)
    named = [int(y) for y in found]

    def starts(key: str) -> bool:
        return any(folded == w or folded.startswith(w + " ") or folded.startswith(w + "(") for w in said[key])

    def has(key: str) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded) for w in said[key])

    if starts("index"):
        return "index", None
    if starts("label"):
        return "label", None
    if starts("unit"):
        return "unit", None
    if "%" in cell or starts("ratio"):
        if has("change"):
            return "other", None  # 'Tang, giam (%)': a change, not a ratio
        if has("estimate"):
            return "ratio_estimate", None
        if has("plan"):
            return "ratio_plan", None
        if has("earlier") or len(named) == 2:  # 'So voi cung ky (%)', '2024/2023 (%)'
            return "ratio_earlier", None
        return "ratio", None
    if has("change"):
        return "other", None
    if starts("plan") or starts("estimate"):
        if named and min(named) > year:
            return "other", None  # next year's plan
        return ("estimate" if starts("estimate") else "plan"), None
    if named:
        seen = named[-1]
        if seen == year:
            return ("estimated" if starts("estimated") else "now"), seen
        if seen < year:
            return "earlier", seen
        return "other", None
    if starts("estimated"):
        return "estimated", None
    if starts("result"):
        return "now", None
    if has("earlier"):
        return "earlier", year - 1
    return "other", None


def header_kind(cell: str) -> str:
    """What a header cell names, whatever the year ('other' for no known column)."""
    named = _YEAR.findall(cell)
    return _kind(cell, int(named[-1]) if named else 2000)[0]


def columns(header: list[str], year: int) -> list[tuple[str, int | None]] | None:
    """The kind of each header cell, or None when the table states no result of ``year``."""
    kinds = [_kind(cell, year) for cell in header]
    if not any(kind in ("label",) for kind, _ in kinds) and kinds:
        kinds[0] = ("label", None) if kinds[0][0] == "other" else kinds[0]
    if not any(kind in ("now", "estimated") for kind, _ in kinds):
        return None
    now_at = max(n for n, (kind, _) in enumerate(kinds) if kind in ("now", "estimated"))
    for n, (kind, seen) in enumerate(kinds):  # one result column: the latest
        if kind in ("now", "estimated") and n != now_at:
            kinds[n] = ("earlier", seen) if seen is not None and seen < year else ("other", None)
    present = {kind for kind, _ in kinds}
    bare = {"plan", "estimate"} & present
    if "ratio" in present:  # a bare 'So sanh (%)' compares with what the table has
        meant = (
            "ratio_earlier"
            if "earlier" in present and not bare
            else "ratio_plan"
            if "plan" in present and "earlier" not in present
            else "ratio_estimate"
            if "estimate" in present and "earlier" not in present
            else "other"
        )
        kinds = [(meant, None) if kind == "ratio" else (kind, seen) for kind, seen in kinds]
    return kinds


def read(lines: list[str], year: int) -> tuple[list[tuple[str, Row]], int]:
    """The rows of a table given as lines (its header first) as figures of ``year``: (the
    row's line, its figure) for each row read, and how many rows were not."""
    header = cells(lines[0])
    return read_cells(header, [cells(line, len(header)) for line in lines[1:]], year, lines[1:])


def read_cells(
    header: list[str], rows: list[list[str]], year: int, lines: list[str] | None = None
) -> tuple[list[tuple[str, Row]], int]:
    """The rows of a table given as cells, under ``header``; each row's line is ``lines``'s, or
    its cells joined by ' | '."""
    kinds = columns(header, year)
    if kinds is None:
        return [], len(rows)
    read_rows: list[tuple[str, Row]] = []
    for n, row in enumerate(rows):
        found = _row(row, kinds, header, year)
        if found is not None:
            read_rows.append((lines[n] if lines else " | ".join(row), found))
    return read_rows, len(rows) - len(read_rows)


_BASES = {
    "plan": ("plan", "from_value"),
    "estimate": ("budget_estimate", "from_value"),
    "earlier": ("previous_year", "from_value"),
    "ratio_plan": ("plan", "percent_of"),
    "ratio_estimate": ("budget_estimate", "percent_of"),
    "ratio_earlier": ("previous_year", "percent_of"),
}


def _row(row: list[str], kinds: list[tuple[str, int | None]], header: list[str], year: int) -> Row | None:
    at = {kind: n for n, (kind, _) in reversed(list(enumerate(kinds)))}
    label_at = at.get("label", 0)
    if label_at >= len(row) or not any(ch.isalpha() for ch in row[label_at]):
        return None
    label = row[label_at]
    now_at = at.get("now", at.get("estimated"))
    value = _cell_number(row, now_at)
    written = row[at["unit"]] if "unit" in at and at["unit"] < len(row) else ""
    in_label = _UNIT.search(label)
    scale = _scale(written) if written else None
    if scale is None and in_label:
        scale = _scale(in_label.group(1))
        label = label[: in_label.start()].strip() if scale is not None else label
    if value is None or scale is None or now_at is None:
        return None
    factor, unit, noun = scale
    compared = []
    for n, (kind, seen) in enumerate(kinds):
        if kind not in _BASES:
            continue
        cell = _cell_number(row, n)
        if cell is None or cell == 0:
            continue
        basis, how = _BASES[kind]
        earlier = (seen or year - 1) if basis == "previous_year" else None
        compared.append(Compared(basis, how, cell * factor if how == "from_value" else cell, earlier, header[n]))
    qualifier = "estimated" if kinds[now_at][0] == "estimated" else "exact"
    return Row(label, value * factor, unit, noun, qualifier, tuple(compared), tuple(row))


def _scale(written: str) -> tuple[Decimal, str, str | None] | None:
    """A unit cell as (factor, unit, noun): 'Ty dong' a billion dong, '%' per cent, 'Nguoi'
    people; None for what names no unit."""
    text = written.strip()
    if not text or text in "-\u2013":
        return None
    text = _units().get(fold(text), text)
    if not text.isupper():
        text = text[0].lower() + text[1:]
    amount = amount_at(f"1 {text}", 0, 1)
    if amount.end < len(text) + 2 and amount.unit == "count":  # 'nguoi lao dong' read in part: the whole cell
        return Decimal(1), "count", text
    if amount.unit == "count" and amount.noun is None:
        return None
    return amount.value, amount.unit, amount.noun


@functools.cache
def _units() -> dict[str, str]:
    """Units a table's unit column abbreviates ('Tr.dong'), by their folded spelling."""
    return {fold(written): meant for written, meant in words()["table_units"].items()}


def _cell_number(row: list[str], column: int | None) -> Decimal | None:
    if column is None or column >= len(row) or not NUMBER.fullmatch(row[column]):
        return None
    return read_number(row[column])


def headed(lines: list[str]) -> list[tuple[int, int]]:
    """The spans (first line, end) of the tables among some lines: runs of two or more rows."""
    spans: list[tuple[int, int]] = []
    start = None
    for n, line in enumerate([*lines, ""]):
        if is_row(line) and start is None:
            start = n
        elif not is_row(line) and start is not None:
            if n - start >= 2:
                spans.append((start, n))
            start = None
    return spans


def tables(lines: list[str], year: int) -> list[Table]:
    """The tables among some lines: rows of cells on a line, and tables pasted one cell per line
    (a header of known column names, then each row's cells in the same order)."""
    found = []
    for start, end in headed(lines):
        header = cells(lines[start])
        rows = [cells(line, len(header)) for line in lines[start + 1 : end]]
        found.append(Table(start, end, header, rows, [line.strip() for line in lines[start + 1 : end]]))
    taken = {n for table in found for n in range(table.start, table.end)}
    n = 0
    while n < len(lines):
        table = None if n in taken else _one_cell_per_line(lines, n, year)
        if table is None:
            n += 1
            continue
        found.append(table)
        n = table.end
    return sorted(found)


def _one_cell_per_line(lines: list[str], at: int, year: int) -> Table | None:
    """A table pasted one cell per line starting at line ``at``, if one does."""
    first = lines[at].strip()
    if not first or _kind(first, year)[0] not in ("index", "label"):
        return None
    header: list[str] = []
    n = at
    while n < len(lines) and lines[n].strip() and len(lines[n].split()) <= 8:
        kind = _kind(lines[n].strip(), year)[0]
        if kind == "other" or (header and kind in ("index", "label") and len(header) > 1):
            break
        header.append(lines[n].strip())
        n += 1
    kinds = columns(header, year) if len(header) >= 3 else None
    if kinds is None or not any(kind == "label" for kind, _ in kinds):
        return None
    width = len(header)
    now_at = next(i for i, (kind, _) in enumerate(kinds) if kind in ("now", "estimated"))
    label_at = next(i for i, (kind, _) in enumerate(kinds) if kind == "label")
    rows: list[list[str]] = []
    said: list[str] = []
    while n + width <= len(lines):
        row = [line.strip() for line in lines[n : n + width]]
        index_ok = all(row[i].isdigit() or row[i] in "-" for i, (kind, _) in enumerate(kinds) if kind == "index")
        if not (index_ok and any(ch.isalpha() for ch in row[label_at]) and NUMBER.fullmatch(row[now_at])):
            break
        rows.append(row)
        said.append("\n".join(lines[n : n + width]).strip())
        n += width
    return Table(at, n, header, rows, said) if rows else None
