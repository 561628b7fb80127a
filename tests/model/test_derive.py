"""Derivation arithmetic: baselines from stated changes, with their bounds and rounding."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.model.derive import from_change, from_percent, half_unit, round_within


def test_growth_baseline_is_exact_and_bounded() -> None:
    derived = from_percent(13_416_446_000_000, Decimal("22.4"))
    exact = Decimal(13_416_446_000_000) / Decimal("1.224")
    assert derived.baseline.low <= exact <= derived.baseline.high
    # 22.4 % means 22.35-22.45 %: the bounds are those of that interval
    assert derived.baseline.low == Decimal("10956672927725.6")
    assert derived.baseline.high == Decimal("10965628116060.5")
    assert derived.baseline.value == 10_960_000_000_000
    assert derived.absolute_change.value == 2_456_000_000_000  # from the shown baseline, 10,960
    assert not derived.percent_change.derived  # type: ignore[union-attr]
    assert derived.baseline.formula == "13416446000000 / (1 + 22.4/100)"


def test_half_unit_of_last_stated_digit() -> None:
    assert half_unit(Decimal("22.4")) == Decimal("0.05")
    assert half_unit(Decimal("198.92")) == Decimal("0.005")
    assert half_unit(90) == Decimal("0.5")


def test_round_within() -> None:
    assert round_within(Decimal("10961.15"), Decimal("10956.7"), Decimal("10965.6"), Decimal("0.1")) == 10960
    assert round_within(Decimal("2.4449"), Decimal("2.444"), Decimal("2.446"), Decimal("0.1")) == Decimal("2.445")
    assert round_within(Decimal(407), Decimal(407), Decimal(407), Decimal("0.1")) == 407
    assert round_within(Decimal("-22.113"), Decimal("-22.113"), Decimal("-22.113"), Decimal("0.1")) == Decimal("-22.1")


def test_change_from_zero_has_no_percentage() -> None:
    derived = from_change(90, 90)
    assert derived.baseline.value == 0
    assert derived.percent_change is None


@given(
    current=st.integers(min_value=1, max_value=10**15),
    percent=st.decimals(min_value=Decimal("-90"), max_value=Decimal("900"), places=2),
)
def test_growth_baseline_rounding_stays_inside_its_interval(current: int, percent: Decimal) -> None:
    derived = from_percent(current, percent)
    baseline = derived.baseline
    assert Decimal(baseline.low) <= Decimal(baseline.value) <= Decimal(baseline.high) or (
        # bounds are rounded to 15 significant digits for JSON; allow that last digit
        abs(Decimal(baseline.value) - Decimal(baseline.low)) <= Decimal(baseline.low).copy_abs() * Decimal("1e-14")
    )
    exact = Decimal(current) / (1 + percent / 100)
    assert Decimal(baseline.low) * (1 - Decimal("1e-14")) <= exact <= Decimal(baseline.high) * (1 + Decimal("1e-14"))


@given(
    current=st.integers(min_value=-(10**12), max_value=10**12),
    change=st.integers(min_value=-(10**12), max_value=10**12),
)
def test_absolute_change_baseline_is_exact(current: int, change: int) -> None:
    derived = from_change(current, change)
    assert derived.baseline.value + change == current
    assert isinstance(derived.baseline.value, int)


# ---- hedges: a printed bound is a bound of the exact interval ---------------------------------------

_PRECISION = 40


def _exact_lows(current: Decimal, percent: Decimal) -> tuple[Decimal, Decimal]:
    """For 'more than ``current``, up ``percent`` %' (the rate rounded to its last digit): the
    exact lower ends of the earlier value and of the rise, computed here, not by the code."""
    import decimal

    with decimal.localcontext() as context:
        context.prec = _PRECISION
        spread = half_unit(percent)
        baseline = current / (1 + (percent + spread) / 100)
        rate = percent - spread
        rise = current * rate / (100 + rate)
    return baseline, rise


@given(
    current=st.integers(min_value=1, max_value=10**15),
    percent=st.decimals(min_value=Decimal("0.1"), max_value=Decimal("500"), places=2, allow_nan=False),
    qualifier=st.sampled_from(["more_than", "at_least"]),
)
def test_a_bound_is_printed_only_where_the_exact_interval_supports_it(
    current: int, percent: Decimal, qualifier: Literal["more_than", "at_least"]
) -> None:
    from chilinh_cli.model.derive import derivation, hedge
    from chilinh_cli.model.records import Comparison, Figure, Source, Text

    source = Source(1, "q")
    comparison = Comparison("previous_year", "percent_change", percent, source, year=2020)
    figure = Figure("x", Text("x"), current, "vnd", qualifier, 2021, source, comparisons=(comparison,))
    derived = derivation(figure, comparison)
    assert derived is not None
    baseline_low, rise_low = _exact_lows(Decimal(current), percent)
    for estimate, low in ((derived.baseline, baseline_low), (derived.absolute_change, rise_low)):
        said = hedge(estimate, qualifier)
        assert said in (qualifier, "approximate")
        if said == qualifier:  # 'more than V': V is at or below every value the inputs allow
            assert Decimal(estimate.value) <= low, (estimate, low)
    assert hedge(derived.absolute_change, qualifier) == qualifier  # a rise on a bound is a bound


@given(
    current=st.integers(min_value=1, max_value=10**15),
    percent=st.decimals(min_value=Decimal("-99"), max_value=Decimal("500"), places=1, allow_nan=False),
)
def test_a_rounded_rate_gives_a_value_inside_its_exact_interval(current: int, percent: Decimal) -> None:
    import decimal

    from chilinh_cli.model.derive import hedge

    derived = from_percent(current, percent)
    spread = half_unit(percent)
    with decimal.localcontext() as context:
        context.prec = _PRECISION
        ends = sorted(Decimal(current) / (1 + (percent + sign * spread) / 100) for sign in (-1, 1))
    baseline = derived.baseline
    assert hedge(baseline, "exact") == "approximate"
    # the shown value lies in the interval the rate allows (bounds kept to 15 digits)
    assert ends[0] * (1 - Decimal("1e-14")) <= Decimal(baseline.value) <= ends[1] * (1 + Decimal("1e-14"))


def test_the_rise_of_more_than_a_value_is_more_than_the_low_end_not_the_centre() -> None:
    """The issue's case: a rise printed 'more than +89.4' where the exact interval starts at 89.14."""
    from chilinh_cli.model.derive import derivation, hedge
    from chilinh_cli.model.records import Comparison, Figure, Source, Text

    source = Source(1, "q")
    comparison = Comparison("previous_year", "percent_change", Decimal("10.2"), source, year=2020)
    figure = Figure("x", Text("x"), 965, "count", "more_than", 2021, source, comparisons=(comparison,))
    derived = derivation(figure, comparison)
    assert derived is not None
    rise = derived.absolute_change
    assert Decimal(rise.low) < Decimal("89.4") <= Decimal(rise.high)
    assert hedge(rise, "more_than") == "more_than"
    assert Decimal(rise.value) <= Decimal(rise.low)
    assert rise.value == 88  # 965 × 10.15 / 110.15 = 88.92…: more than 88, at the precision shown


@given(
    current=st.integers(min_value=1, max_value=10**15),
    low_rate=st.decimals(min_value=Decimal("0.1"), max_value=Decimal("300"), places=1, allow_nan=False),
    spread=st.integers(min_value=1, max_value=50),
    qualifier=st.sampled_from(["more_than", "at_least"]),
)
def test_a_range_of_rates_on_a_bound_is_a_bound_below_every_value_the_inputs_allow(
    current: int, low_rate: Decimal, spread: int, qualifier: Literal["more_than", "at_least"]
) -> None:
    """'More than 1,000 billion, up 8-9 %': last year was more than 1,000 / 1.09 billion, with no
    upper end; the span of the two rates is centred between them, which no bound may say."""
    from chilinh_cli.model.derive import derivation, hedge
    from chilinh_cli.model.records import Comparison, Figure, Source, Text

    source = Source(1, "q")
    high_rate = low_rate + spread
    comparison = Comparison("previous_year", "percent_change", low_rate, source, year=2020, high=high_rate)
    figure = Figure("x", Text("x"), current, "vnd", qualifier, 2021, source, comparisons=(comparison,))
    derived = derivation(figure, comparison)
    assert derived is not None
    baseline_low = _exact_lows(Decimal(current), high_rate)[0]  # the fastest rise: the smallest baseline
    rise_low = _exact_lows(Decimal(current), low_rate)[1]  # the slowest rise: the smallest rise
    for estimate, low in ((derived.baseline, baseline_low), (derived.absolute_change, rise_low)):
        assert hedge(estimate, qualifier) == qualifier
        assert Decimal(estimate.value) <= low, (estimate, low)
