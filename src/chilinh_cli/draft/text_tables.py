"""Figures a report states in a table copied as text: rows of cells separated by tabs (or by
' | '), under a header row that names the years of its columns.

A row 'Tong thu ngan sach (ty dong) <tab> 1.085,6 <tab> 1.212,4 <tab> 111,7' under
'Chi tieu <tab> Nam 2023 <tab> Nam 2024 <tab> So sanh (%)' states, for a review of 2024, a
figure of VND 1,212.4 billion, its 2023 value (1,085.6 billion, a value moved from) and
the one as a percentage of the other (111.7 %). The unit is the one the row's label gives
in parentheses; a row without one, or a cell that is not a number, is not read.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from .lexicon import NUMBER, amount_at, read_number, words

_SEPARATOR = re.compile(r"\t+| \| ")
_UNIT = re.compile(r"\(([^()]{1,30})\)\s*$")


class Row(NamedTuple):
    """One figure of a table's row, with the comparisons its other columns state."""

    label: str
    value: Decimal
    unit: str
    noun: str | None
    earlier: tuple[int, Decimal] | None
    """The year of an earlier column and the row's value there."""
    percent_of_earlier: Decimal | None


def is_row(line: str) -> bool:
    return len(_SEPARATOR.split(line.strip())) >= 3


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in _SEPARATOR.split(line.strip())]


def read(lines: list[str], year: int) -> tuple[list[tuple[str, Row]], int]:
    """The rows of a table (its header first) as figures of ``year``: (the row's line, its
    figure) for each row read, and how many rows were not."""
    header = cells(lines[0])
    planned = tuple(words()["plan_columns"])  # 'Ke hoach nam 2023' names the plan, not the result
    years = {
        n: int(found.group(0))
        for n, cell in enumerate(header)
        if (found := re.search(r"\d{4}", cell)) and "%" not in cell and not cell.casefold().startswith(planned)
    }
    now = max((n for n, seen in years.items() if seen == year), default=None)
    if now is None:
        return [], len(lines) - 1
    before = max((n for n, seen in years.items() if seen < year), default=None, key=lambda n: years[n])
    # only a percentage of the earlier column is read ('So sanh (%)', '2024/2023 (%)'); a change
    # in % or a percentage of a plan would need its own reading
    ratio = next((n for n, cell in enumerate(header) if "%" in cell and not _other_ratio(cell)), None)
    read_rows: list[tuple[str, Row]] = []
    for line in lines[1:]:
        row = _row(cells(line), now, before, ratio, years)
        if row is not None:
            read_rows.append((line, row))
    return read_rows, len(lines) - 1 - len(read_rows)


def _row(row: list[str], now: int, before: int | None, ratio: int | None, years: dict[int, int]) -> Row | None:
    unit = _UNIT.search(row[0])
    value = _cell_number(row, now)
    if unit is None or value is None:
        return None
    scale = amount_at(f"1 {unit.group(1)}", 0, 1)  # '(ty dong)': a billion dong; '(%)': per cent
    if scale.unit == "count" and scale.noun is None:
        return None
    label = row[0][: unit.start()].strip()
    earlier_value = _cell_number(row, before) if before is not None else None
    earlier = (years[before], earlier_value * scale.value) if before is not None and earlier_value is not None else None
    percent = _cell_number(row, ratio) if ratio is not None else None
    return Row(label, value * scale.value, scale.unit, scale.noun, earlier, percent)


def _other_ratio(cell: str) -> bool:
    folded = cell.casefold()
    return any(word in folded for word in words()["plan_columns"] + words()["change_columns"])


def _cell_number(row: list[str], column: int) -> Decimal | None:
    if column >= len(row) or not NUMBER.fullmatch(row[column]):
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
