"""Queries and derivations, on the embedded dataset and on made-up numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.core import compare, comparison_years, derivation, figure_names, find_figure
from chilinh_cli.derive import from_change, from_percent, half_unit, round_within
from chilinh_cli.errors import AmbiguousFigureError, NoComparisonError, UnknownFigureError
from chilinh_cli.models import Dataset


@pytest.mark.parametrize(
    ("name", "figure_id"),
    [
        ("revenue", "budget-revenue"),
        ("budget-revenue", "budget-revenue"),
        ("thu ngan sach", "budget-revenue"),
        ("Tổng thu ngân sách", "budget-revenue"),
        ("TONG THU NGAN SACH", "budget-revenue"),
        ("total budget revenue", "budget-revenue"),
        ("  Voter Turnout ", "voter-turnout"),
        ("đơn thư", "petitions"),
        ("don thu", "petitions"),
        ("ocop", "ocop-products"),
        ("F1", "f1-contacts-quarantined"),
    ],
)
def test_find_figure_by_id_alias_or_label(dataset: Dataset, name: str, figure_id: str) -> None:
    assert find_figure(dataset, name).id == figure_id


def test_misspelt_name_gets_suggestions(dataset: Dataset) -> None:
    with pytest.raises(UnknownFigureError) as caught:
        find_figure(dataset, "revnue")
    assert "revenue" in caught.value.suggestions or "budget-revenue" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_unknown_name_without_anything_close(dataset: Dataset) -> None:
    with pytest.raises(UnknownFigureError) as caught:
        find_figure(dataset, "zzzzqqq")
    assert caught.value.suggestions == ()
    with pytest.raises(UnknownFigureError):
        find_figure(dataset, "!!!")


def test_exact_alias_wins_over_partial_matches(dataset: Dataset) -> None:
    # 'turnout' is part of two labels, but it is the alias of one figure
    assert find_figure(dataset, "turnout").id == "voter-turnout"


def test_partial_name_matching_several_figures_is_ambiguous(dataset: Dataset) -> None:
    with pytest.raises(AmbiguousFigureError) as caught:
        find_figure(dataset, "petition")
    assert set(caught.value.candidates) == {"petitions", "petitions-forwarded", "petition-resolution-rate"}


def test_figure_names_include_ids_and_aliases(dataset: Dataset) -> None:
    names = figure_names(dataset)
    assert "budget-revenue" in names
    assert "revenue" in names
    assert len(names) == len(set(names))


def test_compare_2020_derives_baselines_from_stated_changes(dataset: Dataset) -> None:
    result = compare(dataset, 2020)
    rows = {row.figure.id: row for row in result.rows}
    assert list(rows) == ["industry-construction-output", "agriculture-output", "retail-services-revenue", "petitions"]
    assert len(result.omitted) == 33
    assert "budget-revenue" in result.omitted  # compared with an estimate, not with 2020
    assert rows["industry-construction-output"].derivation.baseline.value == 10_960_000_000_000
    assert rows["agriculture-output"].derivation.baseline.value == 2_405_000_000_000
    assert rows["retail-services-revenue"].derivation.baseline.value == 3_490_000_000_000
    petitions = rows["petitions"]
    assert petitions.derivation.baseline.value == 407
    assert petitions.derivation.absolute_change.value == -90
    assert not petitions.derivation.absolute_change.derived
    assert petitions.derivation.percent_change is not None
    assert petitions.derivation.percent_change.value == Decimal("-22.1")
    assert petitions.direction == "down"
    assert rows["industry-construction-output"].direction == "up"


def test_compare_with_a_year_the_data_lacks(dataset: Dataset) -> None:
    assert comparison_years(dataset) == [2020]
    with pytest.raises(NoComparisonError, match="years it has: 2020"):
        compare(dataset, 2019)


def test_ambiguous_comparison_derives_nothing(dataset: Dataset) -> None:
    revenue = find_figure(dataset, "revenue")
    assert derivation(revenue, revenue.comparisons[0]) is None


def test_target_is_derived_from_the_stated_excess(dataset: Dataset) -> None:
    members = find_figure(dataset, "party-members-admitted")
    derived = derivation(members, members.comparisons[0])
    assert derived is not None
    assert derived.baseline.value == 190
    assert derived.baseline.derived


# ---- derivation arithmetic ----------------------------------------------------------


def test_growth_baseline_is_exact_and_bounded() -> None:
    derived = from_percent(13_416_446_000_000, Decimal("22.4"))
    exact = Decimal(13_416_446_000_000) / Decimal("1.224")
    assert derived.baseline.low <= exact <= derived.baseline.high
    # 22.4 % means 22.35-22.45 %: the bounds are those of that interval
    assert derived.baseline.low == Decimal("10956672927725.6")
    assert derived.baseline.high == Decimal("10965628116060.5")
    assert derived.baseline.value == 10_960_000_000_000
    assert derived.absolute_change.value == 2_455_000_000_000
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
