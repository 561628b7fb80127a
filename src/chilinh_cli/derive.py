"""Values the article implies but does not state, computed exactly.

A derived value is an ``Estimate``: the exact interval the stated inputs allow, and
a central value rounded to the coarsest power of ten that still lies inside that
interval, so that no digit is shown that the inputs cannot support. A growth rate
stated as 22,4 % could be anything from 22.35 % to 22.45 %; that half-unit of the
last stated digit is what makes the interval.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import NamedTuple

Number = int | Decimal

# How finely to round a result whose inputs are all exact (a zero-width interval).
EXACT_PERCENT_STEP = Decimal("0.1")


class Estimate(NamedTuple):
    """A value with the interval it comes from; ``derived`` is False for stated values."""

    value: Number
    low: Number
    high: Number
    derived: bool
    formula: str = ""


def stated(value: Number) -> Estimate:
    return Estimate(value, value, value, derived=False)


def half_unit(value: Number) -> Decimal:
    """Half a unit of the last digit written: 22.4 -> 0.05, 90 -> 0.5."""
    if isinstance(value, int):
        return Decimal("0.5")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by validation
    return Decimal(5).scaleb(exponent - 1)


def round_within(central: Decimal, low: Decimal, high: Decimal, exact_step: Decimal) -> Number:
    """``central`` rounded to the coarsest power of ten whose rounding stays in [low, high]."""
    if low == high:
        if central == central.to_integral_value():
            return int(central)
        return central.quantize(exact_step, rounding=ROUND_HALF_EVEN)
    step = Decimal(1).scaleb((high - low).adjusted() + 1)
    while True:
        rounded = (central / step).quantize(Decimal(1), rounding=ROUND_HALF_EVEN) * step
        if low <= rounded <= high:
            return int(rounded) if step >= 1 else rounded.quantize(step)
        step = step.scaleb(-1)


class Derivation(NamedTuple):
    """What a stated change implies: the value compared with, and the change in the other form."""

    baseline: Estimate
    absolute_change: Estimate
    percent_change: Estimate | None
    """None when the baseline is 0 and a percentage is undefined."""


def from_percent(current: Number, percent: Number) -> Derivation:
    """current grew by ``percent`` %: baseline = current / (1 + percent/100)."""
    now, rate, spread = Decimal(current), Decimal(percent), half_unit(percent)
    central = now / (1 + rate / 100)
    low = now / (1 + (rate + spread) / 100)
    high = now / (1 + (rate - spread) / 100)
    baseline = Estimate(
        round_within(central, low, high, EXACT_PERCENT_STEP),
        _tidy(low),
        _tidy(high),
        derived=True,
        formula=f"{current} / (1 + {percent}/100)",
    )
    change = Estimate(
        round_within(now - central, now - high, now - low, EXACT_PERCENT_STEP),
        _tidy(now - high),
        _tidy(now - low),
        derived=True,
        formula=f"{current} - {current} / (1 + {percent}/100)",
    )
    return Derivation(baseline, change, stated(percent))


def from_change(current: Number, change: Number, *, bounded: bool = False) -> Derivation:
    """current changed by ``change``: baseline = current - change (exact for whole numbers).

    ``bounded`` says that ``current`` is only a bound ('more than 1,200'): the baseline is
    then a bound too, but the change in % is not even that (200 on more than 1,000 is
    less than 20 %), so none is given.
    """
    value = current - change
    baseline = Estimate(value, value, value, derived=True, formula=f"{current} - ({change})")
    percent: Estimate | None = None
    if value != 0 and not bounded:
        central = Decimal(change) / Decimal(value) * 100
        percent = Estimate(
            round_within(central, central, central, EXACT_PERCENT_STEP),
            _tidy(central),
            _tidy(central),
            derived=True,
            formula=f"{change} / ({value}) * 100",
        )
    return Derivation(baseline, stated(change), percent)


def _tidy(value: Decimal) -> Decimal:
    """Interval bounds to 15 significant digits, so JSON can carry them exactly as numbers."""
    if value == 0:
        return value
    return value.quantize(Decimal(1).scaleb(value.adjusted() - 14)).normalize()
