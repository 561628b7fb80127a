"""Values the article implies but does not state, computed exactly.

A derived value is an ``Estimate``: the exact interval the stated inputs allow, and
a central value rounded to the coarsest power of ten that still lies inside that
interval, so that no digit is shown that the inputs cannot support. A growth rate
stated as 22,4 % could be anything from 22.35 % to 22.45 %; that half-unit of the
last stated digit is what makes the interval.

``derivation`` is what one figure's stated comparison implies: the one function that
``compare``, ``metric``, ``show`` and the exports call (``answers.core`` asks it for the
questions, ``reading.tables`` for the exports' ``derived_baselines``).
"""

from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Literal, NamedTuple

from .records import LOWER_BOUNDS, Comparison, Figure

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


def from_percent(current: Number, percent: Number, *, spread: Decimal | None = None, divisor: str = "") -> Derivation:
    """current grew by ``percent`` %: baseline = current / (1 + percent/100). ``spread`` is how
    far the stated rate may be off (default: half a unit of its last digit); ``divisor`` says
    the division as the article states it ('1.5' for 1.5 times, '(101.3/100)' for 101.3 %)."""
    now, rate = Decimal(current), Decimal(percent)
    spread = half_unit(percent) if spread is None else spread
    divisor = divisor or f"(1 + {percent}/100)"
    central = now / (1 + rate / 100)
    low = now / (1 + (rate + spread) / 100)
    high = now / (1 + (rate - spread) / 100)
    baseline = Estimate(
        round_within(central, low, high, EXACT_PERCENT_STEP),
        _tidy(low),
        _tidy(high),
        derived=True,
        formula=f"{current} / {divisor}",
    )
    # The change is taken from the baseline as shown, so that the two shown values add up to
    # the stated one (10,960 + 2,456 = 13,416.446 rounded), within the interval either way.
    shown_change = now - Decimal(baseline.value)
    change = Estimate(
        round_within(shown_change, now - high, now - low, EXACT_PERCENT_STEP),
        _tidy(now - high),
        _tidy(now - low),
        derived=True,
        formula=f"{current} - {current} / {divisor}",
    )
    return Derivation(baseline, change, stated(percent))


def percent_of(current: Number, percent: Number) -> Derivation:
    """current is ``percent`` % of the baseline: baseline = current / (percent/100). The
    comparison is kept as stated: no change in % is derived from it."""
    derived = from_percent(current, percent - 100, divisor=f"({percent}/100)")
    return derived._replace(percent_change=None)


def multiple(current: Number, times: Number) -> Derivation:
    """current is ``times`` times the baseline: baseline = current / times (stated as
    written: no change in % is derived from it)."""
    derived = from_percent(current, (times - 1) * 100, spread=half_unit(times) * 100, divisor=str(times))
    return derived._replace(percent_change=None)


def from_value(current: Number, earlier: Number, *, relative: bool) -> Derivation:
    """current moved from ``earlier``, both stated: the baseline is stated, the change
    between them computed (exact, and derived); the change in % too when ``relative``."""
    change = change_between(current, earlier)
    percent: Estimate | None = None
    if relative and earlier != 0:
        central = Decimal(change.value) / Decimal(earlier) * 100
        rounded = round_within(central, central, central, EXACT_PERCENT_STEP)
        formula = f"({change.formula}) / {earlier} * 100"
        percent = Estimate(rounded, _tidy(central), _tidy(central), derived=True, formula=formula)
    return Derivation(stated(earlier), change, percent)


def change_between(current: Number, earlier: Number) -> Estimate:
    """The change from one stated value to another: exact arithmetic, yet derived (neither
    article states the difference)."""
    difference = Decimal(current) - Decimal(earlier)
    value: Number = int(difference) if difference == difference.to_integral_value() else difference.normalize()
    return Estimate(value, value, value, derived=True, formula=f"{current} - {earlier}")


def from_change(current: Number, change: Number, *, bounded: bool = False, relative: bool = True) -> Derivation:
    """current changed by ``change``: baseline = current - change (exact for whole numbers).

    ``bounded`` says that ``current`` is only a bound ('more than 1,200'): the baseline is
    then a bound too, but the change in % is not even that (200 on more than 1,000 is
    less than 20 %), so none is given. ``relative`` is False for a change in percentage
    points, whose change in % would read as a second, different percentage.
    """
    value = current - change
    baseline = Estimate(value, value, value, derived=True, formula=f"{current} - ({change})")
    percent: Estimate | None = None
    if value != 0 and not bounded and relative:
        central = Decimal(change) / Decimal(value) * 100
        percent = Estimate(
            round_within(central, central, central, EXACT_PERCENT_STEP),
            _tidy(central),
            _tidy(central),
            derived=True,
            formula=f"{change} / ({value}) * 100",
        )
    return Derivation(baseline, stated(change), percent)


Hedge = Literal["more_than", "at_least", "approximate", "nearly", "computed"]


def hedge(estimate: Estimate, qualifier: str) -> Hedge:
    """The one hedge that is true of a derived value: 'more than' or 'at least' for a bound;
    'approximate' (≈) for a value rounded from an interval, or computed from an approximate
    figure ('about', 'an estimated'); 'nearly' when a 'nearly' figure is moved by an exact
    amount; 'computed' when exact arithmetic on exact figures gives it."""
    if qualifier in ("more_than", "at_least"):
        # Only a value at or below the low end of its interval is a bound of it: 'more than +89.4'
        # of a change that may be 89.14 would say what the inputs do not.
        if estimate.value <= estimate.low:
            return "more_than" if qualifier == "more_than" else "at_least"
        return "approximate"
    if qualifier in ("approximately", "estimated") or not estimate.low == estimate.value == estimate.high:
        return "approximate"
    return "nearly" if qualifier == "nearly" else "computed"


def as_lower_bound(estimate: Estimate) -> Estimate:
    """A derived value of a figure that is only a lower bound ('more than'): the low end of its
    interval, rounded down to the precision the estimate is shown with, so that 'more than'
    stays true of it."""
    written = Decimal(estimate.value).normalize()
    exponent = written.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) and estimate.low != estimate.high else 0)
    floor = (Decimal(estimate.low) / step).to_integral_value(rounding=ROUND_FLOOR) * step
    value: Number = int(floor) if floor == floor.to_integral_value() else floor
    return estimate._replace(value=min(value, estimate.value))


def _tidy(value: Decimal) -> Decimal:
    """Interval bounds to 15 significant digits, so JSON can carry them exactly as numbers."""
    if value == 0:
        return value
    return value.quantize(Decimal(1).scaleb(value.adjusted() - 14)).normalize()


# ---- what a figure's stated comparison implies (compare, metric, the exports) -------------------


def derivation(figure: Figure, comparison: Comparison) -> Derivation | None:
    """What a stated comparison implies, or None when its wording is ambiguous. A range (of
    the figure, '58-60', or of the change, 'tang 8-9%') is an interval: what is derived from it
    spans what every end implies."""
    if comparison.ambiguous:
        return None
    if figure.high is None and comparison.high is None:
        return _derivation(figure, comparison, figure.value, comparison.value)
    ends = [
        _derivation(figure, comparison, now, change)
        for now in (figure.value, figure.high if figure.high is not None else figure.value)
        for change in (comparison.value, comparison.high if comparison.high is not None else comparison.value)
    ]
    found = [end for end in ends if end is not None]
    if len(found) != len(ends):
        return None
    # A range's span is centred between its ends: a bound's is a bound again, of its low end.
    spanning = spanned(found)
    return _as_bound(spanning) if figure.qualifier in LOWER_BOUNDS and comparison.kind != "from_value" else spanning


def _derivation(figure: Figure, comparison: Comparison, now: Number, value: Number) -> Derivation | None:
    kind = comparison.kind
    if kind == "from_value":  # the earlier value is stated: only the change is computed
        return from_value(now, value, relative=figure.unit != "percent" and figure.qualifier == "exact")
    if kind in ("absolute_change", "point_change"):
        relative = kind != "point_change"
        return from_change(now, value, bounded=figure.qualifier != "exact", relative=relative)
    ratios = {"percent_change": from_percent, "percent_of": percent_of, "multiple": multiple}
    derived = ratios[kind](now, value)
    return _as_bound(derived) if figure.qualifier in LOWER_BOUNDS else derived


def _as_bound(derived: Derivation) -> Derivation:
    """What a ratio implies of a figure that is a lower bound: a bound stays a bound, and says so once."""
    change = derived.absolute_change
    # A rise on more than X is more than the rise on X: its low end, at the precision shown.
    # (A fall on a bound has no lower bound: ``hedge`` says none.)
    rise = as_lower_bound(change) if change.derived and change.value >= 0 else change
    return derived._replace(baseline=as_lower_bound(derived.baseline), absolute_change=rise)


def spanned(ends: list[Derivation]) -> Derivation:
    """One derivation spanning those of each end of a range: the lowest low to the highest
    high, its central value rounded within them (never finer than the inputs allow)."""

    def span(estimates: list[Estimate]) -> Estimate:
        low = min(Decimal(e.low) for e in estimates)
        high = max(Decimal(e.high) for e in estimates)
        central = round_within((low + high) / 2, low, high, EXACT_PERCENT_STEP)
        formula = " .. ".join(dict.fromkeys(e.formula for e in estimates if e.formula))
        return Estimate(central, _whole(low), _whole(high), derived=True, formula=formula)

    percents = [end.percent_change for end in ends]
    present = [p for p in percents if p is not None]
    return Derivation(
        span([end.baseline for end in ends]),
        span([end.absolute_change for end in ends]),
        span(present) if len(present) == len(percents) else None,
    )


def _whole(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else value


def baseline_said(baseline: Estimate, qualifier: str) -> str:
    """What the known ends of a derived baseline are read by (``known_ends``), its figure stated
    with ``qualifier``: a figure that is a bound bounds its baseline on that side only, even where
    a range of rates re-centres the hedge on 'approximate', so that no end is claimed that nobody
    knows (of "nearly 3,692 billion, up 5.8 %" only the upper end is known); else the hedge."""
    return qualifier if qualifier in (*LOWER_BOUNDS, "nearly") else hedge(baseline, qualifier)


def known_ends(estimate: Estimate, said: str) -> tuple[Number | None, Number | None]:
    """The low and high ends of what a value is known to lie within, as the exports write
    them (None for an end nobody knows). ``said`` is a stated value's qualifier, or a derived
    value's ``hedge``: a bound keeps its known end only ('more than', 'at least': the low;
    'nearly': the high); a stated 'about' or 'an estimated' states no end at all; an exact
    value, a range, and a derived value that is approximate or computed have both (for a
    derived one, the exact interval the stated inputs allow)."""
    if said in ("more_than", "at_least"):
        return estimate.low, None
    if said == "nearly":
        return None, estimate.high
    if said in ("approximately", "estimated"):
        return None, None
    return estimate.low, estimate.high
