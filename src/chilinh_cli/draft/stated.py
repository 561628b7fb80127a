"""The comparisons a Vietnamese sentence states beside a figure: a change on a year, a plan,
an estimate or a target ('tang 22,4% so voi nam 2020', 'vuot 6 dang vien so voi chi tieu'),
a percentage of one ('dat 101,3% ke hoach'), a multiple ('gap 1,5 lan') or a change in
percentage points, each with the exact span of words that states it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from .lexicon import Amount, alternation, patterns, qualifier_before, words


class Change(NamedTuple):
    """A comparison the text states: 'tang 22,4% so voi nam 2020'."""

    basis: str
    kind: str
    value: Decimal
    year: int | None
    start: int
    end: int
    stated_basis: bool = True
    """False when the text gives no basis ('tang 12%') and the previous year is assumed."""
    hedged: bool = False
    """True when the text qualifies the comparison itself ('gap hon 2 lan'): not exact."""
    high: Decimal | None = None
    """The upper end of a range the comparison states ('tang 8-9%', 'KH 24,5-25,5%')."""


def basis_after(sentence: str, end: int, year: int) -> tuple[str, int | None, int] | None:
    """The basis a comparison names after ``end``: (basis, year compared with, new end)."""
    p = patterns()
    bases: dict[str, str] = words()["bases"]
    dated = p["year_basis"].match(sentence, end)
    if dated:
        return "previous_year", int(dated.group(2)), dated.end()
    named = p["basis"].match(sentence, end)
    if named:
        basis = bases[named.group(1)]
        return basis, (year - 1 if basis == "previous_year" else None), named.end()
    return None


def change_at(sentence: str, amount: Amount, year: int) -> Change | None:
    """A stated comparison whose number is ``amount``, read from the words around it. A
    qualifier between the verb and the number ('tang gan 15%', 'gap hon 2 lan') makes it
    hedged: not exact, so nothing is derived from it."""
    p = patterns()
    if amount.unit == "points":
        return _points(sentence, amount, year)
    qualifier, lead_end = qualifier_before(sentence, amount.start)
    before = sentence[max(0, lead_end - 24) : lead_end]
    begin = lead_end - len(before)
    hedged = qualifier != "exact"
    rise, fall = p["rise"].search(before), p["fall"].search(before)
    exceed, of = p["exceed"].search(before), p["of"].search(before)
    times, tail = p["times_lead"].search(before), p["times_tail"].match(sentence, amount.end)
    if times and tail:  # 'gap 1,5 lan (so voi) nam 2021', 'tang 2,3 lan'
        bare = p["bare_year"].match(sentence, tail.end())
        basis = ("previous_year", int(bare.group(1)), bare.end()) if bare else basis_after(sentence, tail.end(), year)
        change = make_change(basis, "multiple", amount.value, begin + times.start(), tail.end(), year)
        return change._replace(hedged=hedged)
    basis = basis_after(sentence, amount.end, year)
    if of and basis and amount.unit == "percent" and _a_ratio(of.group(1), basis[0], amount.value):
        change = Change(basis[0], "percent_of", amount.value, basis[1], begin + of.start(), basis[2])
        return change._replace(hedged=hedged)
    if exceed and basis:
        kind = "percent_change" if amount.unit == "percent" else "absolute_change"
        change = Change(basis[0], kind, amount.value, basis[1], begin + exceed.start(), basis[2])
        return change._replace(hedged=hedged)
    lead = rise or fall
    if lead:
        sign = -1 if fall else 1
        kind = "percent_change" if amount.unit == "percent" else "absolute_change"
        start = begin + lead.start()
        if basis is None and (earlier := _basis_before(sentence, start, year)):
            basis, start = earlier[:3], earlier[3]
        return make_change(basis, kind, sign * amount.value, start, amount.end, year)._replace(hedged=hedged)
    return None


def _a_ratio(verb: str, basis: str, value: Decimal) -> bool:
    """'dat/bang X% ke hoach' is X % of the plan; of the previous year, 'bang X%' is, and 'dat
    X%' only from 100 up: 'toc do tang truong dat 8,5% so voi nam 2020' states a growth rate."""
    return basis != "previous_year" or verb.lower() in words()["ratio_words"] or value >= 100


def _points(sentence: str, amount: Amount, year: int) -> Change | None:
    """'cao hon nam truoc 1,4 diem phan tram': a change in percentage points, its basis named
    before the number or after it."""
    before = sentence[max(0, amount.start - 40) : amount.start]
    begin = amount.start - len(before)
    leads = list(
        re.finditer(rf"(?<!\w)(?:{alternation('rise')}|{alternation('fall')}|{alternation('exceed')})", before)
    )
    if not leads:
        return None
    lead = leads[-1]
    sign = -1 if re.fullmatch(alternation("fall"), lead.group(0)) else 1
    between = basis_after(before, lead.end(), year) or basis_after(
        f" {words()['compared_with']} " + before[lead.end() :], 0, year
    )
    basis = between or basis_after(sentence, amount.end, year)
    end = amount.end if between or basis is None else basis[2]
    if basis is None:
        return Change("previous_year", "point_change", sign * amount.value, year - 1, begin + lead.start(), end, False)
    return Change(basis[0], "point_change", sign * amount.value, basis[1], begin + lead.start(), end)


def _basis_before(sentence: str, start: int, year: int) -> tuple[str, int | None, int, int] | None:
    """A basis named just before the change ('so voi nam 2022 giam 4 vu'): (basis, year, where
    the change ends, -1 for where it did; where its words begin)."""
    window = sentence[max(0, start - 40) : start]
    named = patterns()["basis_before"].search(window)
    if named is None:
        return None
    begins = start - len(window) + named.start()
    if named.group(2):
        return "previous_year", int(named.group(2)), -1, begins
    basis = words()["bases"][named.group(1)]
    return basis, (year - 1 if basis == "previous_year" else None), -1, begins


def make_change(
    basis: tuple[str, int | None, int] | None, kind: str, value: Decimal, start: int, end: int, year: int
) -> Change:
    if basis is None:
        return Change("previous_year", kind, value, year - 1, start, end, stated_basis=False)
    return Change(basis[0], kind, value, basis[1], start, max(end, basis[2]))
