"""Derivation arithmetic: baselines from stated changes, with their bounds and rounding."""

from __future__ import annotations

from decimal import Decimal

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
