"""A catalog's places and names: one city across its years, every review's match, errors that name the review.

The catalog in tests/data/catalog is made up: Hòa Sơn (a town in 2022, a city in 2023, with
other English labels and other names), Tân Mỹ (a figure sharing a label, of another kind),
Tân Mĩ (a near-duplicate spelling), a JSON Schema and a notes file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chilinh_cli.answers.catalog import (
    Catalog,
    compare_reports,
    figure_series,
    find_figures,
    open_catalog,
    places,
    search,
)
from chilinh_cli.answers.checks import check_catalog
from chilinh_cli.answers.core import SeriesAnswer
from chilinh_cli.model.errors import DataFileError, NoComparisonError, NothingFoundError, UnknownFigureError
from chilinh_cli.model.text import fold, plain
from readers import REPO

CATALOG = REPO / "tests" / "data" / "catalog"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copied = tmp_path / "catalog"
    shutil.copytree(CATALOG, copied)
    return copied


def test_one_city_is_one_place_with_its_two_years_whatever_its_english_label() -> None:
    catalog = open_catalog(CATALOG)
    hoa_son = places(catalog, "hoa son")
    assert [(info.year, info.place_en) for info in hoa_son] == [
        (2023, "Hòa Sơn City"),
        (2022, "Hoa Son town, Binh Lam province"),
    ]
    assert {info.place_key for info in hoa_son} == {"hoa son|binh lam"}
    # found by any of its names, in either language
    assert places(catalog, "Thị xã Hòa Sơn") == hoa_son
    assert places(catalog, "Hòa Sơn City") == hoa_son
    assert len({info.place_key for info in catalog.infos}) == 3


def test_writing_the_english_name_in_one_year_only_does_not_split_a_city(folder: Path) -> None:
    path = folder / "hoa-son" / "2022.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["metadata"]["locality"]["en"]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    catalog = open_catalog(folder)
    assert [info.year for info in places(catalog, "hoa son")] == [2023, 2022]


def test_reviews_under_another_name_of_the_place_are_one_place(folder: Path) -> None:
    path = folder / "hoa-son" / "2022.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["metadata"]["locality"] = {"vi": "Huyện Sơn Cũ, tỉnh Bình Lâm", "en": "Son Cu district"}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert len(places(open_catalog(folder), "hoa son")) == 1  # a name nobody links: another place
    newer = folder / "hoa-son" / "2023.json"
    document = json.loads(newer.read_text(encoding="utf-8"))
    document["metadata"]["other_names"] = ["Huyện Sơn Cũ"]  # the name it had before
    newer.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    catalog = open_catalog(folder)
    assert [info.year for info in places(catalog, "hoa son")] == [2023, 2022]
    assert places(catalog, "son cu") == places(catalog, "hoa son")


def test_stray_json_files_are_skipped_and_named_and_a_broken_dataset_still_stops(folder: Path) -> None:
    catalog = open_catalog(folder)
    assert sorted(Path(path).name for path in catalog.skipped) == ["notes.json", "schema.json"]
    assert len(catalog.infos) == 4
    (folder / "broken.json").write_text('{"schema_version": 1}', encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        open_catalog(folder)
    assert raised.value.path.endswith("broken.json")


def test_a_name_finds_every_reviews_figure_however_each_review_names_it() -> None:
    catalog = open_catalog(CATALOG)
    found = find_figures(catalog, "revenue")
    # an alias in one review hides no label elsewhere; a review with the same id answers too
    assert [(f.where.place_key, f.where.year, f.figure.id, f.matched) for f in found if f.where] == [
        ("hoa son|binh lam", 2023, "budget-revenue", "alias"),
        ("hoa son|binh lam", 2022, "budget-revenue", "same_id"),
        ("tan my|binh lam", 2023, "revenue-share", "label"),
    ]
    words = find_figures(catalog, "thu ngan sach")  # the start of a label, in every review alike
    assert [(f.where.year, f.figure.id, f.matched) for f in words if f.where] == [
        (2023, "budget-revenue", "start"),
        (2022, "budget-revenue", "start"),
        (2023, "revenue-share", "start"),
    ]
    assert [f.matched for f in find_figures(catalog, "Budget-Revenue")] == ["id", "id"]


def test_a_series_never_mixes_an_amount_and_a_share_in_one_column() -> None:
    answer = figure_series(open_catalog(CATALOG), "revenue", None, None)
    assert isinstance(answer, SeriesAnswer)
    assert [(kind, [each.where.year for each in found if each.where]) for kind, found in answer.groups] == [
        ("vnd", [2023, 2022]),
        ("percent", [2023]),
    ]
    assert not answer.one_place
    ((newer, older),) = (answer.rows(found) for kind, found in answer.groups if kind == "vnd")
    assert older.change is None
    assert newer.change is not None  # from the stated +10.2 %: derived, with its interval
    assert newer.change.derived
    assert newer.change.low < 8_500_000_000 < newer.change.high


def test_every_error_names_the_review_it_looked_at() -> None:
    catalog = open_catalog(CATALOG)
    with pytest.raises(NoComparisonError) as raised:
        compare_reports(catalog, "tan my", None, None)
    assert "Tan My town, Binh Lam province, 2023" in str(raised.value)
    assert str(raised.value).endswith("tan-my-2023.json)")
    with pytest.raises(NoComparisonError) as raised:
        compare_reports(catalog, "hoa son", None, 2019)
    assert "years it has: 2022 (review: Hòa Sơn City, 2023, " in str(raised.value)
    with pytest.raises(UnknownFigureError) as missing:
        find_figures(catalog, "no such thing at all")
    assert "looked in 4 reviews" in str(missing.value)


def test_validate_lists_every_place_with_its_years_and_warns_of_the_near_duplicate(folder: Path) -> None:
    found = check_catalog(folder)
    assert sorted(Path(path).name for path in found.skipped) == ["notes.json", "schema.json"]
    assert [[info.year for info in place.reviews] for place in found.places] == [[2023, 2022], [2022], [2023]]
    assert [(near.first.place_key, near.second.place_key, near.why) for near in found.near] == [
        ("tan mi|binh lam", "tan my|binh lam", "spelling")
    ]
    other = json.loads((folder / "tan-mi-2022.json").read_text(encoding="utf-8"))
    other["metadata"].update(locality={"vi": "Thị xã Tân Mỹ, tỉnh Xa Lạ"}, year=2021)
    (folder / "tan-my-elsewhere.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    whys = {(n.first.place_key, n.second.place_key, n.why) for n in check_catalog(folder).near}
    assert ("tan my|binh lam", "tan my|xa la", "province") in whys


def test_search_keeps_the_diacritics_typed_and_says_the_review() -> None:
    embedded = open_catalog(None)
    marked = search(embedded, "đơn")
    assert marked.hits
    assert all("đơn" in hit.text.lower() for hit in marked.hits)  # never "đồng"
    assert any("đồng" in hit.text.lower() for hit in search(embedded, "don").hits)  # unmarked: any
    assert all("dự toán" in hit.text.lower() for hit in search(embedded, "dự toán").hits)
    with pytest.raises(NothingFoundError):
        search(embedded, "đờn")
    hits = search(open_catalog(CATALOG), "ngân sách").hits
    assert {(hit.where.place_key, hit.where.year) for hit in hits if hit.where} >= {
        ("hoa son|binh lam", 2023),
        ("tan my|binh lam", 2023),
    }


def test_the_catalog_from_python_in_a_fresh_interpreter() -> None:
    code = (
        f"import chilinh_cli, json; c = chilinh_cli.open_catalog({str(CATALOG)!r}); s = c.series('budget-revenue'); "
        "print(json.dumps([(e['review']['place']['vi'], e['review']['year'], e['value'], e['matched']) for e in s], "
        "ensure_ascii=False))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [
        ["Thành phố Hòa Sơn", 2023, 92000000000, "id"],
        ["Thị xã Hòa Sơn, tỉnh Bình Lâm", 2022, 83500000000, "id"],
    ]


def test_the_python_catalog_answers_as_the_cli_json() -> None:
    import chilinh_cli

    with chilinh_cli.open_catalog(CATALOG) as catalog:
        assert [(p["key"], [r["year"] for r in p["reviews"]]) for p in catalog.places()] == [
            ("hoa son|binh lam", [2023, 2022]),
            ("tan mi|binh lam", [2022]),
            ("tan my|binh lam", [2023]),
        ]
        assert len(catalog.reviews()) == 4
        one = catalog.figure("revenue", place="tan my")
        assert (one["value"], one["unit"], one["review"]["year"]) == (106.8, "percent", 2023)
        assert catalog.compare(place="hoa son")["review"]["year"] == 2023
        rows = catalog.series("revenue")
        assert [row["kind"] for row in rows] == ["vnd", "vnd", "percent"]
        assert all(isinstance(row, dict) for row in rows)  # pandas.DataFrame(rows) takes them


def test_a_year_no_review_states_is_a_derived_row_of_the_places_series(folder: Path) -> None:
    path = folder / "hoa-son" / "2022.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["metadata"]["year"] = 2021
    for figure in document["figures"]:
        figure["year"] = 2021
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    answer = figure_series(open_catalog(folder), "budget-revenue", "hoa son", None)
    assert isinstance(answer, SeriesAnswer)
    assert answer.one_place
    ((_, found),) = answer.groups
    rows = answer.rows(found)
    assert [(row.year, row.value.derived) for row in rows] == [(2023, False), (2022, True), (2021, False)]
    assert rows[1].value.low < 83_500_000_000 < rows[1].value.high  # implied by 2023's +10.2 %
    assert rows[1].answer.where is not None
    assert rows[1].answer.where.year == 2023  # the review it is derived from


def test_compare_lists_only_the_years_it_can_compare_with(folder: Path) -> None:
    path = folder / "tan-my-2023.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    # a comparison whose words are ambiguous is no comparison compare can make: not among its years
    document["figures"][0]["comparisons"] = [
        {
            **{"basis": "previous_year", "year": 2022, "kind": "percent_change", "value": 6.8, "ambiguous": True},
            "source": {"section": 1, "quote": "thu ngân sách đạt 106,8% dự toán"},
            "note": {"vi": "Không rõ so với năm nào.", "en": "Unclear what it is compared with."},
        }
    ]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(NoComparisonError) as raised:
        compare_reports(open_catalog(folder), "tan my", None, 2022)
    assert "years it has: none (review: Tan My town, Binh Lam province, 2023, " in str(raised.value)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ngân", "sách", "đơn", "đồng", "dự", "toán", "toàn", "ngan", "don", "du"]),
        min_size=1,
        max_size=3,
    )
)
def test_every_hit_holds_each_word_typed_with_its_diacritics(words: list[str]) -> None:
    text = " ".join(words)
    try:
        hits = search(_EMBEDDED(), text).hits
    except NothingFoundError:
        return
    for hit in hits:
        padded = f" {plain(hit.text)} "
        for n, word in enumerate(words):
            if word != fold(word):
                assert (f" {word} " if n < len(words) - 1 else f" {word}") in padded


def _EMBEDDED() -> Catalog:  # noqa: N802 - one catalog for every example
    global _embedded
    if _embedded is None:
        _embedded = open_catalog(None)
    return _embedded


_embedded: Catalog | None = None
