"""Answers laid out for people: the bars of a comparison chart."""

from __future__ import annotations

from chilinh_cli.answers.core import compare
from chilinh_cli.model.records import Dataset
from chilinh_cli.present import sheets


def test_chart_scales_and_words(dataset: Dataset) -> None:
    chart = sheets.chart(compare(dataset, 2020), "en")
    groups = {group.title: group for group in chart.groups}
    industry = groups["Industrial and construction output"]
    assert industry.bars[1].fraction == 1.0  # 2021 is the larger year
    assert round(industry.bars[0].fraction, 3) == round(10_960 / 13_416.446, 3)
    assert industry.change is not None
    assert industry.change.fraction == 1.0  # the largest growth in % sets the shared scale
    assert industry.direction == "up"
    petitions = groups["Petitions received and handled"]
    assert petitions.direction == "down"
    assert petitions.bars[0].text == "407 (derived)"


def test_a_chart_marks_derived_values_and_says_its_scales(dataset: Dataset) -> None:
    drawn = sheets.chart(compare(dataset, 2020), "en")
    petitions = drawn.groups[-1]
    assert petitions.scale == "bars from 0 to 407"
    assert [bar.derived for bar in petitions.bars] == [True, False]  # 407 is derived, 317 stated
    assert petitions.change is not None
    assert petitions.change.derived  # -22.1 % is computed by chilinh
    assert drawn.groups[0].change is not None
    assert drawn.groups[0].change.derived is False  # +22.4 % is the article's
    assert "░ derived by chilinh" in drawn.legend
    assert "(0 to 22.4%)" in drawn.legend
