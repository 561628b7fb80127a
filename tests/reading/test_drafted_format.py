"""The format as drafts write it: new qualifiers, units and comparisons, English and publication
details left out, sections past 10, and the marks of records nobody has checked yet.

tests/data/drafted-town.json is a made-up town that uses every one of them."""

from __future__ import annotations

import copy
import csv
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers import catalog as catalogs
from chilinh_cli.answers.checks import review_todos
from chilinh_cli.answers.core import compare, direction, disagrees
from chilinh_cli.model.derive import Estimate, as_lower_bound, derivation, from_percent, hedge, multiple, percent_of
from chilinh_cli.model.errors import DataFileError
from chilinh_cli.model.records import Comparison, Dataset, Figure, Source, Text
from chilinh_cli.present.values import (
    format_amount,
    format_comparison,
    format_estimate,
    format_figure_value,
    format_year,
)
from chilinh_cli.reading.loader import parse_and_validate, read_dataset
from readers import Writer, english_words, run

DRAFTED = Path(__file__).parents[1] / "data" / "drafted-town.json"
DOCUMENT: dict[str, Any] = json.loads(DRAFTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def town() -> Dataset:
    return read_dataset(DRAFTED)


def _figure(town: Dataset, figure_id: str) -> Figure:
    return next(figure for figure in town.figures if figure.id == figure_id)


def _problems(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every problem of a document as (field, English, Vietnamese); none for a valid one."""
    raw = json.dumps(document, ensure_ascii=False).encode()
    try:
        parse_and_validate(raw, "draft.json")
    except DataFileError as error:
        return [(field, said.en, said.vi) for field, said in error.problems]
    return []


# ---- the records --------------------------------------------------------------------------------


def test_the_drafted_town_is_valid_and_holds_what_drafts_write(town: Dataset) -> None:
    meta = town.metadata
    assert (meta.title_en, meta.publisher, meta.published, meta.checked) == (None, None, None, False)
    assert [h.rank for h in town.highlights] == [1, 12]
    farming = town.highlights[0]
    assert (farming.short_title, farming.summary, farming.title.en, farming.checked) == (None, None, None, False)
    assert farming.shown_title == farming.title
    rice = _figure(town, "rice-output")
    assert (rice.unit, rice.value, rice.noun, rice.checked) == (
        "quantity",
        Decimal("12540.5"),
        Text("tấn", "tonnes"),
        False,
    )
    assert {f.qualifier for f in town.figures} >= {"approximately", "estimated", "at_least"}
    kinds = {(c.basis, c.kind) for f in town.figures for c in f.comparisons}
    assert {("plan", "percent_of"), ("previous_year", "multiple"), ("previous_year", "from_value")} <= kinds
    assert town.events[0].checked is False
    assert all(f.checked for f in town.figures if f.id != "rice-output")


def test_a_text_without_english_says_so_in_english_only() -> None:
    text = Text("Sản lượng lúa")
    assert text.get("vi") == "Sản lượng lúa"
    assert text.get("en") == "Sản lượng lúa [untranslated]"
    assert text.said("en") == "Sản lượng lúa"  # a name or a noun is shown as it is
    assert Text("hộ", "households").said("en") == "households"


def _with_figure(**changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    document["figures"][0].update(changes)
    return document


@pytest.mark.parametrize(
    ("changes", "field", "english", "vietnamese"),
    [
        ({"noun": None}, "figures[0].noun", "'noun' is required for unit 'quantity'", "cần 'noun'"),
        (
            {"unit": "vnd", "value": 5},
            "figures[0].noun",
            "'noun' is allowed only for units 'count', 'share' and 'quantity', not 'vnd'",
            "không dùng cho 'vnd'",
        ),
        ({"unit": "days", "value": 5}, "figures[0].noun", "not 'days'", "'noun' chỉ dùng"),
        ({"unit": "percent"}, "figures[0].noun", "not 'percent'", "'noun' chỉ dùng"),
        (
            {"unit": "usd", "noun": None},
            "figures[0].value",
            "a value in unit 'usd' must be a whole number",
            "số nguyên",
        ),
    ],
)
def test_the_noun_and_the_whole_number_rules(
    changes: dict[str, Any], field: str, english: str, vietnamese: str
) -> None:
    document = _with_figure(**changes)
    if document["figures"][0]["noun"] is None:
        del document["figures"][0]["noun"]
    [(path, en, vi)] = _problems(document)
    assert path == field
    assert english in en
    assert vietnamese in vi


def test_a_noun_is_allowed_for_counts_and_shares_and_a_quantity_may_have_decimals() -> None:
    assert _problems(_with_figure(unit="count", value=12540)) == []
    assert _problems(_with_figure(unit="share", value=3, out_of=4)) == []
    assert _problems(_with_figure(unit="quantity", value=0.125)) == []
    assert _problems(_with_figure(unit="count", value=12540.5))[0][0] == "figures[0].value"


def _with_comparison(figure: int, **changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    document["figures"][figure]["comparisons"][0].update(changes)
    return document


@pytest.mark.parametrize(
    ("figure", "changes", "english"),
    [
        (4, {"value": 0}, "a comparison of kind 'percent_of' must be above 0"),
        (3, {"value": -1.5}, "a comparison of kind 'multiple' must be above 0"),
        (5, {"value": -2.84}, "a stated value cannot be negative"),
        (4, {"year": 2022}, "'year' is required for a previous_year comparison and allowed only there"),
        (3, {"basis": "plan"}, "'year' is required for a previous_year comparison"),
        (2, {"value": 30001}, "is more than the value itself"),
        (6, {"value": 98}, "is more than the value itself"),
    ],
)
def test_the_rules_of_the_new_comparisons(figure: int, changes: dict[str, Any], english: str) -> None:
    problems = _problems(_with_comparison(figure, **changes))
    assert problems, changes
    assert any(english in en for _, en, _ in problems), problems
    for _, _, vi in problems:
        assert not english_words(vi), vi


def test_a_value_moved_from_may_be_larger_than_the_figure_and_a_ratio_smaller() -> None:
    assert _problems(_with_comparison(5, value=250)) == []  # from 250 % down to 1.96 %: a fall
    assert _problems(_with_comparison(3, value=0.5)) == []  # half the 2022 value
    assert _problems(_with_comparison(4, value=87.5)) == []  # 87.5 % of the plan


def test_sections_and_ranks_go_past_ten_but_not_without_end() -> None:
    document = copy.deepcopy(DOCUMENT)
    assert document["highlights"][1]["rank"] == 12
    document["highlights"][1]["rank"] = 10001
    fields = {field for field, _, _ in _problems(document)}
    assert "highlights[1].rank" in fields


def test_publication_details_may_be_left_out_but_a_given_date_is_still_a_date() -> None:
    document = copy.deepcopy(DOCUMENT)
    document["metadata"]["published"] = "2024-02-30"
    [(field, english, _)] = _problems(document)
    assert (field, english) == ("metadata", "'published' must be a date written YYYY-MM-DD")
    document["metadata"].update(published="2024-01-20", publisher="A made-up paper", title_en="Ben May in 2023")
    assert _problems(document) == []


# ---- values in words ----------------------------------------------------------------------------


def test_new_units_and_qualifiers_in_both_languages(town: Dataset) -> None:
    said = {f.id: (format_figure_value(f, "en"), format_figure_value(f, "vi")) for f in town.figures}
    assert said["rice-output"] == ("12,540.5 tonnes (unchecked)", "12.540,5 tấn (chưa kiểm tra)")
    assert said["households-farming"] == ("about 1,200 hộ", "khoảng 1.200 hộ")
    assert said["visitors"] == ("at least 30,000 visits", "ít nhất 30.000 lượt")
    assert said["export-value"] == ("an estimated USD 1,250,000", "ước 1.250.000 USD")
    assert format_amount(7000, "count", "en", noun=Text("người")) == "7,000 người"
    assert format_amount(7000, "count", "vi", noun=Text("người", "people")) == "7.000 người"
    assert format_amount(3, "share", "en", 4, Text("xã", "communes")) == "3/4 communes"


def test_as_of_publication_without_a_date(town: Dataset) -> None:
    households = _figure(town, "households-farming")
    assert format_year(households, None, "en") == "2023, as of publication"
    assert format_year(households, None, "vi") == "2023, tính đến khi đăng bài"


def _comparison(kind: str, value: Any, basis: str = "previous_year") -> Comparison:
    year = 2022 if basis == "previous_year" else None
    return Comparison(basis, kind, Decimal(str(value)), Source(1, "q"), year)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("comparison", "unit", "english", "vietnamese"),
    [
        (_comparison("percent_of", "101.3", "plan"), "vnd", "101.3% of the plan", "đạt 101,3% kế hoạch"),
        (_comparison("percent_of", "95", "target"), "vnd", "95% of the target", "đạt 95% chỉ tiêu"),
        (_comparison("percent_of", "98", "budget_estimate"), "vnd", "98% of the budget estimate", "đạt 98% dự toán"),
        (_comparison("percent_of", "90"), "count", "90% of the 2022 value", "bằng 90% năm 2022"),
        (_comparison("multiple", "1.5"), "usd", "1.5 times the 2022 value", "gấp 1,5 lần năm 2022"),
        (_comparison("multiple", "2", "plan"), "count", "2 times the plan", "gấp 2 lần kế hoạch"),
        (_comparison("multiple", "3", "target"), "count", "3 times the target", "gấp 3 lần chỉ tiêu"),
        (_comparison("multiple", "2", "budget_estimate"), "vnd", "2 times the budget estimate", "gấp 2 lần dự toán"),
        (_comparison("from_value", "2.84"), "percent", "from 2.84% in 2022", "từ 2,84% năm 2022"),
        (_comparison("from_value", "12", "plan"), "count", "from 12 in the plan", "từ 12 theo kế hoạch"),
        (_comparison("from_value", "12", "target"), "days", "from a target of 12 days", "từ chỉ tiêu 12 ngày"),
        (
            _comparison("from_value", "5000000000", "budget_estimate"),
            "vnd",
            "from VND 5 billion in the budget estimate",
            "từ 5 tỷ đồng theo dự toán",
        ),
        (_comparison("percent_change", "6", "plan"), "vnd", "up 6% on the plan", "tăng 6% so với kế hoạch"),
        (_comparison("absolute_change", "-6", "plan"), "count", "down 6 on the plan", "giảm 6 so với kế hoạch"),
        (_comparison("percent_change", "0", "plan"), "count", "equal to the plan", "bằng kế hoạch"),
    ],
)
def test_every_new_comparison_in_words(comparison: Comparison, unit: str, english: str, vietnamese: str) -> None:
    assert format_comparison(comparison, unit, "en") == english
    assert format_comparison(comparison, unit, "vi") == vietnamese


# ---- what the comparisons imply ------------------------------------------------------------------


def test_percent_of_the_plan_derives_the_plan_and_keeps_the_comparison_as_stated(town: Dataset) -> None:
    revenue = _figure(town, "budget-revenue")
    derived = derivation(revenue, revenue.comparisons[0])
    assert derived is not None
    assert derived.percent_change is None  # never a derived +1.3 %
    assert derived.baseline.value == 45_000_000_000
    assert derived.baseline.low < Decimal("45014807502") < derived.baseline.high
    assert derived.baseline.formula == "45600000000 / (101.3/100)"
    assert format_estimate(derived.baseline, "vnd", "exact", "vi") == "≈ 45 tỷ đồng (suy ra)"
    assert percent_of(200, 50).baseline.value == 400
    assert direction(revenue, revenue.comparisons[0]) == "up"


def test_a_multiple_derives_the_earlier_value_from_the_stated_digits(town: Dataset) -> None:
    exports = _figure(town, "export-value")
    derived = derivation(exports, exports.comparisons[0])
    assert derived is not None
    assert derived.percent_change is None
    # 1.5 could be 1.45 to 1.55: 1,250,000 / 1.55 to 1,250,000 / 1.45
    assert (round(derived.baseline.low), round(derived.baseline.high)) == (806452, 862069)
    assert derived.baseline.value == 830_000
    assert hedge(derived.baseline, exports.qualifier) == "approximate"
    assert multiple(100, 2).baseline.value == 50
    assert multiple(100, 2).baseline.formula == "100 / 2"
    assert direction(exports, _comparison("multiple", "0.5")) == "down"
    assert direction(exports, _comparison("multiple", "1")) == "unchanged"


def test_a_value_moved_from_is_stated_and_the_change_computed(town: Dataset) -> None:
    poverty = _figure(town, "poverty-rate")
    derived = derivation(poverty, poverty.comparisons[0])
    assert derived is not None
    assert derived.baseline == Estimate(Decimal("2.84"), Decimal("2.84"), Decimal("2.84"), derived=False)
    assert derived.absolute_change.value == Decimal("-0.88")
    assert derived.absolute_change.derived
    assert derived.percent_change is None  # a percentage's change in % would read as another percentage
    assert direction(poverty, poverty.comparisons[0]) == "down"
    count = Figure("x", Text("x"), 150, "count", "exact", 2023, Source(1, "q"))
    moved = derivation(count, _comparison("from_value", "120"))
    assert moved is not None
    assert moved.percent_change is not None
    assert moved.percent_change.value == 25
    assert derivation(count, _comparison("from_value", "0")).percent_change is None  # type: ignore[union-attr]


def test_at_least_is_a_lower_bound_and_approximate_values_are_hedged_either_way(town: Dataset) -> None:
    visitors = _figure(town, "visitors")
    derived = derivation(visitors, visitors.comparisons[0])
    assert derived is not None
    assert format_estimate(derived.baseline, "count", "at_least", "en") == "at least 25,000 (derived)"
    grown = from_percent(30000, Decimal("12.5"))
    bounded = derivation(visitors, _comparison("percent_change", "12.5"))
    assert bounded is not None
    assert bounded.baseline == as_lower_bound(grown.baseline)
    assert bounded.baseline.value <= grown.baseline.low
    exact = Estimate(5, 5, 5, derived=True)
    assert hedge(exact, "approximately") == "approximate"
    assert hedge(exact, "estimated") == "approximate"
    assert hedge(exact, "at_least") == "at_least"
    assert format_estimate(exact, "count", "approximately", "en") == "≈ 5 (derived)"


def test_approximate_values_never_conflict_and_at_least_is_open_upwards(town: Dataset) -> None:
    before = _figure(town, "visitors")  # at least 30,000
    low = Estimate(10, 9, 11, derived=True)
    high = Estimate(90000, 89000, 91000, derived=True)
    assert disagrees(before, low, "exact")  # 9 to 11 cannot be at least 30,000
    assert not disagrees(before, high, "exact")  # open upwards
    assert disagrees(_as(before, "exact"), high, "exact")
    assert not disagrees(_as(before, "exact"), low, "at_least")  # a derived lower bound: also open upwards
    assert not disagrees(_as(before, "approximately"), high, "exact")
    assert not disagrees(_as(before, "estimated"), low, "exact")
    assert not disagrees(_as(before, "exact"), high, "estimated")
    assert not disagrees(_as(before, "exact"), low, "approximately")


def _as(figure: Figure, qualifier: str) -> Figure:
    import dataclasses

    return dataclasses.replace(figure, qualifier=qualifier)  # type: ignore[arg-type]


# ---- the commands ----------------------------------------------------------------------------------


def test_compare_shows_the_new_comparisons_and_their_baselines() -> None:
    english = run("compare", "--data", str(DRAFTED)).stdout.splitlines()
    assert english[4] == (
        "Export value\t≈ USD 830,000 (derived)\tan estimated USD 1,250,000\t≈ +USD 400,000 (derived)"
        "\t1.5 times the 2022 value\t↑ up"
    )
    assert english[5] == "Poor households\t2.84%\t1.96%\t-0.88 percentage points (derived)\t—\t↓ down"
    # a change stated in points reads as points, never as a relative '+1.5%'
    assert english[6] == "Households with clean water\t96% (derived)\t97.5%\t+1.5 percentage points\t—\t↑ up"
    assert english[1].startswith("Sản lượng lúa [untranslated]\t≈ 12,000 tonnes (derived)\t12,540.5 tonnes (unchecked)")
    vietnamese = run("compare", "--data", str(DRAFTED), "-l", "vi").stdout.splitlines()
    assert (
        vietnamese[3]
        == "Lượt khách tham quan\tít nhất 25.000 lượt (suy ra)\tít nhất 30.000 lượt\t+5.000 lượt\t—\t↑ tăng"
    )
    assert "gấp 1,5 lần năm 2022" in vietnamese[4]


def test_compare_as_data_carries_the_stated_comparison_and_the_checked_mark() -> None:
    rows = json.loads(run("compare", "--data", str(DRAFTED), "-f", "json").stdout)["rows"]
    exports = next(row for row in rows if row["id"] == "export-value")
    assert exports["comparison"] == {"basis": "previous_year", "kind": "multiple", "value": 1.5}
    assert exports["change_percent"] is None
    assert exports["previous"]["formula"] == "1250000 / 1.5"
    assert [row["checked"] for row in rows][:2] == [False, True]
    table = list(csv.reader(io.StringIO(run("compare", "--data", str(DRAFTED), "-f", "csv").stdout)))
    assert table[0][-2:] == ["checked", "review"]
    first = dict(zip(table[0], table[1], strict=True))
    assert (first["comparison_kind"], first["comparison_value"], first["checked"]) == ("percent_change", "4.5", "false")
    assert (first["conflict"], first["current_high"], first["comparison_high"]) == ("", "", "")
    assert first["review"] == "drafted"


def test_the_plan_and_a_ratio_in_the_story_of_a_figure() -> None:
    said = run("metric", "budget-revenue", "--data", str(DRAFTED), "-l", "vi").stdout
    assert "So sánh\tđạt 101,3% kế hoạch\n" in said
    assert "Kế hoạch\t≈ 45 tỷ đồng (suy ra)\n" in said
    english = run("metric", "budget-revenue", "--data", str(DRAFTED)).stdout
    assert "Comparison\t101.3% of the plan\n" in english
    assert "Plan\t≈ VND 45 billion (derived)\n" in english


def test_every_view_marks_what_nobody_has_checked() -> None:
    data = ("--data", str(DRAFTED))
    listed = run("list", *data)
    assert listed.stdout.splitlines()[1] == (
        "1\tNông nghiệp được mùa [untranslated] (unchecked)\tSản lượng lúa [untranslated]: 12,540.5 tonnes (unchecked)"
    )
    assert listed.stderr == "'chilinh metric' lists every figure.\n"  # no publisher, no date
    assert run("list", *data, "-l", "vi").stdout.splitlines()[2] == (
        "12\tNgân sách\tKim ngạch xuất khẩu: ước 1.250.000 USD; Tỷ lệ hộ nghèo: 1,96%"
    )
    shown = run("show", "farming", *data).stdout
    assert "Title (English)\tNông nghiệp được mùa [untranslated]\n" in shown
    assert "Summary" not in shown
    assert "Event\tlate October 2023: Hội chợ mùa gặt [untranslated] (unchecked)\n" in shown
    assert "Year\t2023, as of publication\n" in shown
    figures = json.loads(run("metric", *data, "-f", "json").stdout)["figures"]
    assert [(f["id"], f["checked"]) for f in figures][:2] == [("rice-output", False), ("households-farming", True)]
    assert figures[0]["label"] == {"vi": "Sản lượng lúa", "en": None}
    assert figures[1]["noun"] == {"vi": "hộ", "en": None}
    assert figures[1]["published"] is None
    table = list(csv.reader(io.StringIO(run("metric", *data, "-f", "csv").stdout)))
    assert table[0][-2:] == ["checked", "review"]
    first = dict(zip(table[0], table[1], strict=True))
    assert (first["noun_vi"], first["noun_en"], first["checked"]) == ("tấn", "tonnes", "false")
    assert (first["high"], first["target"], first["relative_to"]) == ("", "false", "")
    assert first["review"] == "drafted"
    assert table[1][2] == ""  # no English label
    listed_json = json.loads(run("list", *data, "-f", "json").stdout)
    assert listed_json["dataset"]["checked"] is False
    assert listed_json["dataset"]["publisher"] is None
    assert listed_json["highlights"][0]["short_title"] is None
    assert listed_json["highlights"][0]["events"][0]["checked"] is False
    highlight = json.loads(run("show", "12", *data, "-f", "json").stdout)
    assert highlight["checked"] is True
    listed_csv = list(csv.reader(io.StringIO(run("list", *data, "-f", "csv").stdout)))
    assert listed_csv[0][-2:] == ["checked", "review"]
    assert listed_csv[1][3:6] == ["", "", ""]  # no English title, no short title


def test_search_finds_a_highlight_without_a_short_title_and_skips_missing_english() -> None:
    result = run("search", "nong nghiep", "--data", str(DRAFTED))
    assert "highlight\tfarming\t1. Nông nghiệp được mùa [untranslated] (unchecked)\ttitle (Vietnamese)" in result.stdout
    found = json.loads(run("search", "san luong", "--data", str(DRAFTED), "-f", "json").stdout)["results"]
    assert {hit["matched"] for hit in found} <= {"label.vi", "quote"}
    assert found[0]["checked"] is False
    events = run("search", "hoi cho", "--data", str(DRAFTED)).stdout
    assert "late October 2023: Hội chợ mùa gặt [untranslated] (unchecked)" in events
    table = list(csv.reader(io.StringIO(run("search", "hoi cho", "--data", str(DRAFTED), "-f", "csv").stdout)))
    assert table[0][-2:] == ["checked", "review"]
    assert table[1][-2:] == ["false", "drafted"]


# ---- validate: what a reviewer still has to do ----------------------------------------------------------

TODO = [
    "not yet reviewed: the metadata (metadata); 1 section title (farming); 1 figure (rice-output); "
    "1 event (harvest-fair)",
    "still to review:",
    "  metadata: unchecked; title_en missing",
    "  highlights[0] (farming): unchecked; title.en missing",
    "  figures[0] (rice-output): unchecked; label.en missing",
    "  figures[1] (households-farming): noun.en missing",
    "  events[0] (harvest-fair): unchecked; label.en missing",
    "5 records to review",
]


def test_validate_says_valid_and_lists_what_a_reviewer_still_has_to_do() -> None:
    result = run("validate", str(DRAFTED))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"{DRAFTED}: valid (2 highlights, 7 figures, 1 event)", *TODO]
    vietnamese = run("validate", str(DRAFTED), "-l", "vi").stdout.splitlines()
    assert vietnamese[5] == "  figures[0] (rice-output): chưa kiểm tra; thiếu label.en"
    assert vietnamese[-1] == "5 mục cần rà soát"
    data = json.loads(run("validate", str(DRAFTED), "-f", "json").stdout)
    assert data["valid"] is True
    assert data["todo"][2] == {"record": "figures[0]", "id": "rice-output", "unchecked": True, "missing": ["label.en"]}
    assert data["todo"][0] == {"record": "metadata", "id": None, "unchecked": True, "missing": ["title_en"]}


def test_one_record_to_review_is_said_in_the_singular(write_dataset: Writer) -> None:
    document = copy.deepcopy(DOCUMENT)
    document["metadata"].update(checked=True, title_en="Ben May in 2023")
    document["highlights"][0].update(checked=True, title={"vi": "Nông nghiệp", "en": "Farming"})
    document["figures"][0].update(checked=True, label={"vi": "Sản lượng lúa", "en": "Rice"})
    document["figures"][1]["noun"]["en"] = "households"
    document["events"][0].update(checked=True, label={"vi": "Hội chợ", "en": "Fair"})
    path = write_dataset(document)
    assert run("validate", str(path)).stdout.splitlines()[1:] == []
    document["figures"][2]["checked"] = False
    lines = run("validate", str(write_dataset(document))).stdout.splitlines()
    assert lines[1:] == [
        "not yet reviewed: 1 figure (visitors)",
        "still to review:",
        "  figures[2] (visitors): unchecked",
        "1 record to review",
    ]


# Every text a draft may leave without English, and the to-do validate DIR finds for it.
UNTRANSLATED = [
    (("metadata", "locality"), "  metadata: locality.en missing"),
    (("highlights", 1, "title"), "  highlights[1] (trade-and-budget): title.en missing"),
    (("highlights", 1, "short_title"), "  highlights[1] (trade-and-budget): short_title.en missing"),
    (("highlights", 1, "summary"), "  highlights[1] (trade-and-budget): summary.en missing"),
    (("figures", 2, "label"), "  figures[2] (visitors): label.en missing"),
    (("figures", 2, "noun"), "  figures[2] (visitors): noun.en missing"),
    (("figures", 2, "note"), "  figures[2] (visitors): note.en missing"),
    (("figures", 2, "wording"), "  figures[2] (visitors): wording.en missing"),
    (("figures", 2, "comparisons", 0, "note"), "  figures[2] (visitors): comparisons[0].note.en missing"),
    (("events", 0, "label"), "  events[0] (harvest-fair): label.en missing"),
    (("metadata", "title_en"), "  metadata: title_en missing"),
    (("metadata", "checked"), "  metadata: unchecked"),
    (("highlights", 1, "checked"), "  highlights[1] (trade-and-budget): unchecked"),
    (("events", 0, "checked"), "  events[0] (harvest-fair): unchecked"),
]


def _reviewed() -> dict[str, Any]:
    """The drafted town with every record checked and every text translated."""
    document = copy.deepcopy(DOCUMENT)
    document["metadata"].update(checked=True, title_en="Ben May in 2023")
    document["highlights"][0].update(checked=True, title={"vi": "Nông nghiệp", "en": "Farming"})
    document["figures"][0].update(checked=True, label={"vi": "Sản lượng lúa", "en": "Rice"})
    document["figures"][1]["noun"]["en"] = "households"
    document["events"][0].update(checked=True, label={"vi": "Hội chợ", "en": "Fair"})
    return document


@pytest.mark.parametrize(("path", "line"), UNTRANSLATED, ids=[line.strip() for _, line in UNTRANSLATED])
def test_validate_dir_finds_every_kind_of_thing_to_review(tmp_path: Path, path: tuple[Any, ...], line: str) -> None:
    document = _reviewed()
    visitors = document["figures"][2]
    visitors["note"] = {"vi": "ghi chú", "en": "a note"}
    visitors["wording"] = {"vi": "ít nhất ba vạn", "en": "at least thirty thousand"}
    visitors["comparisons"][0]["note"] = {"vi": "ghi chú", "en": "a note"}
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "town.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    if path[-1] == "checked":
        parent["checked"] = False
    elif path[-1] == "title_en":
        del parent["title_en"]
    else:
        del parent[path[-1]]["en"]
    drafted = tmp_path / "drafted"
    drafted.mkdir()
    (drafted / "town.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    single = run("validate", str(drafted / "town.json")).stdout.splitlines()
    assert single[-3:] == ["still to review:", line, "1 record to review"]
    assert len(single) == (5 if line.endswith("unchecked") else 4)  # the not-yet-reviewed line for a draft
    folder = run("validate", str(drafted))
    assert folder.exit_code == 0, folder.output
    assert folder.stdout.splitlines() == [
        f"{drafted / 'town.json'}: valid (2 highlights, 7 figures, 1 event)",
        *single[1:],
    ]
    reviewed = run("validate", str(clean))
    assert reviewed.stdout.splitlines() == [f"{clean / 'town.json'}: valid (2 highlights, 7 figures, 1 event)"]


def test_validate_dir_as_data_carries_the_to_dos(tmp_path: Path) -> None:
    (tmp_path / "town.json").write_bytes(DRAFTED.read_bytes())
    result = run("validate", str(tmp_path), "-f", "json")
    assert result.exit_code == 0
    [file] = json.loads(result.stdout)["files"]
    assert [todo["record"] for todo in file["todo"]] == [
        "metadata",
        "highlights[0]",
        "figures[0]",
        "figures[1]",
        "events[0]",
    ]
    assert review_todos(read_dataset(DRAFTED))[3].missing == ("noun.en",)


# ---- the store and the exports --------------------------------------------------------------------


def test_the_store_and_the_exports_carry_the_new_fields(tmp_path: Path, town: Dataset) -> None:
    opened = catalogs.open_catalog(DRAFTED)
    try:
        answer = catalogs.compare_reports(opened, None, None, None)
    finally:
        opened.store.close()
    assert answer == compare(town)  # rebuilt from the store's rows, the same as from the file
    result = run("export", "sqlite", str(tmp_path / "t.sqlite"), "--data", str(DRAFTED))
    assert result.exit_code == 0, result.output
    connection = sqlite3.connect(tmp_path / "t.sqlite")
    try:
        rows = connection.execute(
            "SELECT id, noun_vi, noun_en, checked, label_en FROM figures ORDER BY rowid"
        ).fetchall()
        assert rows[:2] == [
            ("rice-output", "tấn", "tonnes", 0, None),
            ("households-farming", "hộ", None, 1, "Households growing rice"),
        ]
        meta = connection.execute("SELECT title_en, publisher, published, checked, place_en FROM datasets").fetchone()
        assert meta == (None, None, None, 0, "Ben May Town (fictional)")
        assert connection.execute("SELECT rank, short_title_vi, checked FROM highlights").fetchall() == [
            (1, None, 0),
            (12, "Ngân sách", 1),
        ]
        assert connection.execute("SELECT checked FROM events").fetchall() == [(0,)]
        units = dict(connection.execute("SELECT code, label_en FROM units").fetchall())
        assert units["usd"] == "US dollars"
        assert units["quantity"].startswith("quantity")
    finally:
        connection.close()


def test_the_workbook_shows_dollars_and_quantities(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    result = run("export", "xlsx", str(tmp_path / "t.xlsx"), "--data", str(DRAFTED))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["figures"]
    header = [cell.value for cell in sheet[1]]
    value, unit = header.index("value") + 1, header.index("unit") + 1
    formats = {sheet.cell(row, unit).value: sheet.cell(row, value).number_format for row in range(2, sheet.max_row + 1)}
    assert formats["usd"] == '#,##0 "USD"'
    assert formats["quantity"] == "#,##0.0##"
    # the range, target, share-of-plan and review columns come after them (new columns go at the end)
    assert header.index("noun_en") < header.index("checked") < header.index("high") < header.index("review")
    assert {"high_exact", "target", "relative_to", "reviewed_at"} <= set(header)
    assert {"link_file", "link_id"} <= set(header)


def test_a_place_without_an_english_name_is_called_by_its_vietnamese_one(write_dataset: Writer) -> None:
    document = copy.deepcopy(DOCUMENT)
    del document["metadata"]["locality"]["en"]
    path = write_dataset(document)
    result = run("metric", "rice-output", "--data", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    opened = catalogs.open_catalog(path)
    try:
        assert opened.infos[0].place_en == "Thị trấn Bến Mây (hư cấu)"
    finally:
        opened.store.close()


def test_validate_dir_says_a_bad_file_on_standard_error_and_a_drafts_to_dos_on_standard_output(tmp_path: Path) -> None:
    (tmp_path / "town.json").write_bytes(DRAFTED.read_bytes())
    (tmp_path / "broken.json").write_text('{"schema_version": 1}', encoding="utf-8")  # a dataset, broken
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'broken.json'}: invalid dataset")
    assert result.stdout.splitlines()[1:] == TODO
