"""values: one value in a language; the hedges and the words of a stated change."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chilinh_cli.model.derive import Estimate
from chilinh_cli.model.records import Comparison, Source
from chilinh_cli.present.values import format_change, format_comparison, format_estimate

SOURCE = Source(section=1, quote="x")


@pytest.mark.parametrize(
    ("estimate", "qualifier", "english"),
    [
        (Estimate(3490, Decimal("3487.9"), Decimal("3491.2"), derived=True), "nearly", "≈ 3,490 (derived)"),
        (Estimate(407, 407, 407, derived=True), "exact", "407 (derived)"),
        (Estimate(2800, 2800, 2800, derived=True), "nearly", "nearly 2,800 (derived)"),
        (Estimate(1000, 1000, 1000, derived=True), "more_than", "more than 1,000 (derived)"),
        (
            Estimate(10950, Decimal("10956.6"), Decimal("10965.6"), derived=True),
            "more_than",
            "more than 10,950 (derived)",
        ),
    ],
)
def test_a_derived_value_has_one_hedge(estimate: Estimate, qualifier: str, english: str) -> None:
    assert format_estimate(estimate, "count", qualifier, "en") == english


@pytest.mark.parametrize(
    ("comparison", "english", "vietnamese"),
    [
        (
            Comparison("previous_year", "absolute_change", -90, SOURCE, 2020),
            "down 90 from 2020",
            "giảm 90 so với năm 2020",
        ),
        (
            Comparison("previous_year", "percent_change", Decimal("22.4"), SOURCE, 2020),
            "up 22.4% from 2020",
            "tăng 22,4% so với năm 2020",
        ),
        (Comparison("target", "absolute_change", 6, SOURCE), "6 above the target", "vượt 6 so với chỉ tiêu"),
        (
            Comparison("previous_year", "point_change", Decimal("1.3"), SOURCE, 2020),
            "up 1.3 percentage points from 2020",
            "tăng 1,3 điểm phần trăm so với năm 2020",
        ),
    ],
)
def test_a_stated_change_in_words(comparison: Comparison, english: str, vietnamese: str) -> None:
    assert format_comparison(comparison, "count", "en") == english
    assert format_comparison(comparison, "count", "vi") == vietnamese


def test_a_change_in_points_is_not_a_percentage() -> None:
    half_a_point = Comparison("previous_year", "point_change", Decimal("0.5"), SOURCE, 2020)
    assert format_change(half_a_point, "percent", "en") == "+0.5 percentage points"
    assert format_change(half_a_point, "percent", "vi") == "+0,5 điểm phần trăm"
