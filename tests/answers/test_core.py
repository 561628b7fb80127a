"""Queries on the embedded dataset: finding figures and highlights, comparing years, searching."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chilinh_cli.answers.catalog import Catalog, figure_names, find_figures, search
from chilinh_cli.answers.core import compare, comparison_years, find_highlight
from chilinh_cli.model.derive import derivation
from chilinh_cli.model.errors import (
    AmbiguousFigureError,
    NoComparisonError,
    NothingFoundError,
    UnknownFigureError,
    UnknownHighlightError,
)
from chilinh_cli.model.records import Dataset
from readers import run


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
def test_find_figure_by_id_alias_or_label(catalog: Catalog, name: str, figure_id: str) -> None:
    assert find_figures(catalog, name)[0].figure.id == figure_id


def test_misspelt_name_gets_suggestions(catalog: Catalog) -> None:
    with pytest.raises(UnknownFigureError) as caught:
        find_figures(catalog, "revnue")
    assert "revenue" in caught.value.suggestions or "budget-revenue" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_unknown_name_without_anything_close(catalog: Catalog) -> None:
    with pytest.raises(UnknownFigureError) as caught:
        find_figures(catalog, "zzzzqqq")
    assert caught.value.suggestions == ()
    with pytest.raises(UnknownFigureError):
        find_figures(catalog, "!!!")


def test_exact_alias_wins_over_partial_matches(catalog: Catalog) -> None:
    # 'turnout' is part of two labels, but it is the alias of one figure
    assert find_figures(catalog, "turnout")[0].figure.id == "voter-turnout"


def test_partial_name_matching_several_figures_is_ambiguous(catalog: Catalog) -> None:
    with pytest.raises(AmbiguousFigureError) as caught:
        find_figures(catalog, "petition")
    assert set(caught.value.candidates) == {"petitions", "petitions-forwarded", "petition-resolution-rate"}


def test_figure_names_include_ids_and_aliases(catalog: Catalog) -> None:
    names = figure_names(catalog)
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


def test_ambiguous_comparison_derives_nothing(catalog: Catalog) -> None:
    revenue = find_figures(catalog, "revenue")[0].figure
    assert derivation(revenue, revenue.comparisons[0]) is None


def test_target_is_derived_from_the_stated_excess(catalog: Catalog) -> None:
    members = find_figures(catalog, "party-members-admitted")[0].figure
    derived = derivation(members, members.comparisons[0])
    assert derived is not None
    assert derived.baseline.value == 190
    assert derived.baseline.derived


@pytest.mark.parametrize("key", ["4", "economy", "ECONOMY", " 4 "])
def test_find_highlight_by_rank_or_slug(dataset: Dataset, key: str) -> None:
    assert find_highlight(dataset, key).rank == 4


def test_unknown_highlight_suggests(dataset: Dataset) -> None:
    with pytest.raises(UnknownHighlightError, match="did you mean economy"):
        find_highlight(dataset, "econmy")
    with pytest.raises(UnknownHighlightError, match=r"rank \(1-10\)"):
        find_highlight(dataset, "11")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("bau cu", "voter-turnout"),
        ("bầu cử", "voter-turnout"),
        ("BẦU CỬ", "voter-turnout"),
        ("revenue", "budget-revenue"),
        ("thu ngan sach", "budget-revenue"),
        ("don thu", "petitions"),
        ("đơn thư", "petitions"),
        ("ocop", "ocop-products"),
        ("quarantine", "quarantine-centres"),
        ("cách ly", "quarantine-centres"),
    ],
)
def test_search_ranks_the_best_match_first(catalog: Catalog, text: str, first: str) -> None:
    assert search(catalog, text).hits[0].key == first


def test_search_finds_quotes_and_summaries(catalog: Catalog) -> None:
    hits = {hit.key: hit for hit in search(catalog, "du toan phap lenh").hits}
    assert hits["budget-revenue"].field == "quote"
    assert "highlight" in {hit.kind for hit in search(catalog, "digital transformation").hits}


def test_search_whole_words_except_the_last(catalog: Catalog) -> None:
    keys = {hit.key for hit in search(catalog, "don thu").hits}
    assert "village-heads-party-secretaries" not in keys  # 'dong thoi … bi thu' is not 'don thu'
    assert {hit.key for hit in search(catalog, "petit").hits} >= {"petitions", "petition-resolution-rate"}


def test_search_without_results(catalog: Catalog) -> None:
    with pytest.raises(NothingFoundError):
        search(catalog, "zzzz")
    with pytest.raises(NothingFoundError):
        search(catalog, "!!!")
    result = run("search", "zzzz")
    assert result.exit_code == 1
    assert "nothing matches" in result.stderr
