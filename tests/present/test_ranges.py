"""Ranges, later-year targets and shares of a plan (issue 20): every view shows '58–60', what is
derived from a range spans it, and a target never answers as a result."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chilinh_cli.answers.core import compared_figures, figure_answer
from chilinh_cli.model.derive import derivation
from chilinh_cli.model.records import Comparison, Figure, RuleError, Source, Text
from chilinh_cli.present.documents import figure_csv_rows, figure_json
from chilinh_cli.present.values import format_change, format_comparison, format_figure_value

SOURCE = Source(section=1, quote="x")


def figure(**fields: object) -> Figure:
    given: dict[str, object] = {
        "id": "nang-suat-lua",
        "label": Text("Năng suất lúa", "Rice yield"),
        "value": 58,
        "unit": "quantity",
        "qualifier": "exact",
        "year": 2023,
        "source": SOURCE,
        "noun": Text("tạ/ha", "quintals/ha"),
    }
    given.update(fields)
    return Figure(**given)  # type: ignore[arg-type]


def test_a_range_reads_low_to_high_in_every_language_and_format() -> None:
    yields = figure(high=60)
    assert format_figure_value(yields, "en") == "58–60 quintals/ha"
    assert format_figure_value(yields, "vi") == "58–60 tạ/ha"
    answer = figure_answer(yields, None)
    assert (figure_json(answer)["value"], figure_json(answer)["high"]) == (58, 60)
    assert 60 in figure_csv_rows(answer)[0]


def test_a_range_of_change_reads_low_to_high() -> None:
    change = Comparison("previous_year", "percent_change", Decimal(8), SOURCE, 2022, high=Decimal(9))
    assert format_change(change, "vnd", "en") == "+8–9%"
    assert format_comparison(change, "vnd", "en") == "up 8–9% from 2022"


def test_what_a_range_implies_is_an_interval_spanning_both_ends() -> None:
    sales = figure(value=5326, unit="count", noun=None)
    change = Comparison("previous_year", "percent_change", Decimal(8), SOURCE, 2022, high=Decimal(9))
    derived = derivation(sales, change)
    assert derived is not None
    low, high = Decimal(derived.baseline.low), Decimal(derived.baseline.high)
    assert low < Decimal(5326) / Decimal("1.09") < Decimal(5326) / Decimal("1.08") < high
    assert low <= Decimal(derived.baseline.value) <= high
    assert derived.baseline.derived


def test_a_target_is_marked_and_never_compared_as_a_result() -> None:
    change = Comparison("previous_year", "percent_change", Decimal(5), SOURCE, 2023)
    aim = figure(year=2024, target=True, comparisons=(change,))
    assert format_figure_value(aim, "en").endswith("(target for 2024, not a result)")
    assert compared_figures([aim], 2023, {}, None) == ()


def test_a_share_of_the_estimate_says_so() -> None:
    spent = figure(value=Decimal("97.2"), unit="percent", noun=None, relative_to="budget_estimate")
    assert format_figure_value(spent, "en") == "97.2% of the budget estimate"


@pytest.mark.parametrize(
    "fields",
    [{"high": 58}, {"high": 50}, {"unit": "count", "noun": None, "high": Decimal("60.5")}, {"relative_to": "plan"}],
)
def test_a_range_must_rise_and_a_share_of_a_plan_is_a_percentage(fields: dict[str, object]) -> None:
    with pytest.raises(RuleError):
        figure(**fields)


def test_compare_shows_a_range_of_change_as_stated() -> None:
    from chilinh_cli.present.sheets import _change_percent

    change = Comparison("previous_year", "percent_change", Decimal(8), SOURCE, 2022, high=Decimal(9))
    sales = figure(value=5326, unit="count", noun=None, comparisons=(change,))
    (row,) = compared_figures([sales], 2022, {}, None)
    assert _change_percent(row, "en") == "+8–9%"
    assert Decimal(row.derivation.baseline.low) < 4886 < 4932 < Decimal(row.derivation.baseline.high)
