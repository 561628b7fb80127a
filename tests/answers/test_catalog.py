"""catalog: a folder of reviews answered as one, places and years chosen, stated beats derived."""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers.catalog import compare_reports, open_catalog, places, report
from chilinh_cli.answers.core import compare
from chilinh_cli.model.errors import (
    AmbiguousPlaceError,
    DataFileError,
    DuplicateDatasetError,
    NoComparisonError,
    UnknownPlaceError,
)
from readers import REPO, dump, run

FICTIONAL = REPO / "tests" / "data" / "fictional-city.json"


def review_of_2020(document: dict[str, Any], industry: int, petitions: int) -> dict[str, Any]:
    """A made-up 2020 review of Chí Linh: the 2021 review's structure, two values of 2020."""
    earlier = copy.deepcopy(document)
    earlier["metadata"].update(year=2020, published="2021-01-12", title="2020 (made up for the tests)")
    for figure in earlier["figures"]:
        figure["year"] = 2020
        figure["comparisons"] = []
        figure.pop("as_of", None)
    values = {
        **{"industry-construction-output": industry, "petitions": petitions},
        # what the 2021 review implies for these, so that they agree
        **{"agriculture-output": 2_405_000_000_000, "retail-services-revenue": 3_490_000_000_000},
    }
    for figure in earlier["figures"]:
        if figure["id"] in values:
            figure["value"] = values[figure["id"]]
    return earlier


@pytest.fixture
def catalog_dir(tmp_path: Path, document: dict[str, Any]) -> Path:
    folder = tmp_path / "reviews"
    (folder / "chi-linh").mkdir(parents=True)
    (folder / "chi-linh" / "2021.json").write_text(dump(document), encoding="utf-8")
    # 10,960 billion agrees with the value derived from +22.4 %; 400 petitions do not with 317 + 90 = 407
    earlier = review_of_2020(document, 10_960_000_000_000, 400)
    (folder / "chi-linh" / "2020.json").write_text(dump(earlier), encoding="utf-8")
    shutil.copy(FICTIONAL, folder / "lotus-lake-2023.json")
    return folder


def test_a_folder_is_one_catalog_of_places_and_years(catalog_dir: Path) -> None:
    catalog = open_catalog(catalog_dir)
    years = [(info.place_en, info.year) for info in catalog.infos]
    assert years == [
        ("Chí Linh city, Hải Dương province", 2021),
        ("Chí Linh city, Hải Dương province", 2020),
        ("Lotus Lake City (fictional)", 2023),
    ]
    assert [info.year for info in places(catalog, "chi linh")] == [2021, 2020]
    assert [info.year for info in places(catalog, "HỒ SEN")] == [2023]  # the Vietnamese name, any case
    with pytest.raises(UnknownPlaceError):
        places(catalog, "Hà Nội")
    catalog.store.close()


def test_a_place_and_year_twice_is_an_error_naming_both(catalog_dir: Path) -> None:
    shutil.copy(catalog_dir / "chi-linh" / "2021.json", catalog_dir / "copy-2021.json")
    with pytest.raises(DuplicateDatasetError) as caught:
        open_catalog(catalog_dir)
    assert set(caught.value.files) == {str(catalog_dir / "chi-linh" / "2021.json"), str(catalog_dir / "copy-2021.json")}
    result = run("list", "--data", str(catalog_dir))
    assert result.exit_code == 1
    assert "a catalog holds one review of a place a year" in result.stderr


def test_commands_about_one_report_need_a_place_when_there_are_several(catalog_dir: Path) -> None:
    result = run("list", "--data", str(catalog_dir))
    assert result.exit_code == 1
    assert "the catalog holds several places" in result.stderr
    assert "--place" in result.stderr
    latest = run("list", "--data", str(catalog_dir), "--place", "chi linh")
    assert latest.exit_code == 0
    assert "Source: Báo điện tử Đảng Cộng sản Việt Nam, 2022-01-11" in latest.stderr  # the 2021 review, the latest
    earlier = run("list", "--data", str(catalog_dir), "--place", "chi linh", "--review", "2020")
    assert "2021-01-12" in earlier.stderr
    missing = run("list", "--data", str(catalog_dir), "--place", "chi linh", "--review", "2019")
    assert missing.exit_code == 1
    assert "years it has: 2020, 2021" in missing.stderr
    assert "matches several places" in run("list", "--data", str(catalog_dir), "--place", "city").stderr
    with pytest.raises(AmbiguousPlaceError):
        places(open_catalog(catalog_dir), "city")


def test_a_figure_across_the_catalog_is_a_series(catalog_dir: Path) -> None:
    result = run("metric", "petitions", "--data", str(catalog_dir), "-f", "json")
    assert result.exit_code == 0, result.stderr
    series = json.loads(result.stdout)["series"]
    assert [(each["review"]["year"], each["value"]) for each in series] == [(2021, 317), (2020, 400)]
    assert series[0]["review"]["file"].endswith("2021.json")
    one = json.loads(run("metric", "petitions", "--data", str(catalog_dir), "--review", "2020", "-f", "json").stdout)
    assert one["value"] == 400
    table = run("metric", "petitions", "--data", str(catalog_dir)).stdout.splitlines()
    # one place: a row per year, its change on the year before (as stated: 90 fewer) and its file
    assert table[0] == "Year\tValue\tChange\tFile"
    assert table[1].startswith("2021\t317 (stated)\t-90\t")
    assert table[1].endswith("2021.json")
    assert table[2].startswith("2020\t400 (stated)\t—\t")


def test_stated_beats_derived_and_a_conflict_is_said(catalog_dir: Path) -> None:
    result = run("compare", "--year", "2020", "--place", "chi linh", "--data", str(catalog_dir), "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)["rows"]}
    industry = rows["industry-construction-output"]["previous"]
    assert (industry["value"], industry["derived"], industry["conflict"]) == (10_960_000_000_000, False, False)
    assert industry["stated_in"]["file"].endswith("2020.json")
    assert industry["derived_value"]["value"] == 10_960_000_000_000
    petitions = rows["petitions"]["previous"]
    assert (petitions["value"], petitions["conflict"], petitions["derived_value"]["value"]) == (400, True, 407)
    assert rows["agriculture-output"]["previous"]["conflict"] is False
    table = run("compare", "--year", "2020", "--place", "chi linh", "--data", str(catalog_dir))
    assert "400 (stated) ≠ 407 (derived)" in table.stdout
    assert "differ by more than their rounding allows" in table.stderr


def test_validate_lists_every_conflict_in_a_catalog(catalog_dir: Path) -> None:
    result = run("validate", str(catalog_dir))
    assert result.exit_code == 1
    assert result.stdout.count(": valid (") == 3
    (conflict,) = [line for line in result.stderr.splitlines() if line.startswith("conflict: ")]
    assert "petitions: the 2020 review states 400" in conflict
    assert "the 2021 review implies 407 (derived)" in conflict
    assert "“giảm 90 đơn so với năm 2020”" in conflict
    document = json.loads(run("validate", str(catalog_dir), "-f", "json").stdout)
    assert [c["id"] for c in document["conflicts"]] == ["petitions"]
    assert document["conflicts"][0]["stated"]["value"] == 400


def test_a_catalog_without_conflicts_validates(catalog_dir: Path, document: dict[str, Any]) -> None:
    agreeing = review_of_2020(document, 10_960_000_000_000, 407)
    (catalog_dir / "chi-linh" / "2020.json").write_text(dump(agreeing), encoding="utf-8")
    assert run("validate", str(catalog_dir)).exit_code == 0


def test_the_catalog_follows_added_edited_renamed_and_removed_files(catalog_dir: Path) -> None:
    def years() -> list[int]:
        catalog = open_catalog(catalog_dir)
        found = [info.year for info in catalog.infos]
        # the store keeps exactly the files there are: nothing left of a renamed or removed one
        stored = sorted(path for (path,) in catalog.store.db.execute("SELECT path FROM datasets"))
        assert stored == sorted(str(p) for p in catalog_dir.rglob("*.json"))
        catalog.store.close()
        return found

    assert years() == [2021, 2020, 2023]
    (catalog_dir / "lotus-lake-2023.json").rename(catalog_dir / "lotus.json")  # renamed
    assert years() == [2021, 2020, 2023]
    edited = json.loads((catalog_dir / "lotus.json").read_text(encoding="utf-8"))
    edited["metadata"]["year"] = 2024
    for figure in edited["figures"]:
        figure["year"] = 2024
    (catalog_dir / "lotus.json").write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    assert years() == [2021, 2020, 2024]  # edited
    (catalog_dir / "chi-linh" / "2020.json").unlink()  # removed
    assert years() == [2021, 2024]
    shutil.copy(FICTIONAL, catalog_dir / "lotus-2023.json")  # added
    assert years() == [2021, 2024, 2023]


def test_search_in_a_catalog_names_the_review(catalog_dir: Path) -> None:
    document = json.loads(run("search", "petitions", "--data", str(catalog_dir), "-f", "json").stdout)
    years = {(hit["id"], hit["review"]["year"]) for hit in document["results"]}
    assert {("petitions", 2021), ("petitions", 2020)} <= years
    one_place = json.loads(run("search", "pupils", "--data", str(catalog_dir), "--place", "lotus", "-f", "json").stdout)
    assert {hit["review"]["place"]["en"] for hit in one_place["results"]} == {"Lotus Lake City (fictional)"}


def test_compare_reads_only_the_compared_figures_and_answers_as_the_whole_review_does(catalog_dir: Path) -> None:
    catalog = open_catalog(catalog_dir)
    _, dataset = report(catalog, "chi linh", 2021)
    earlier = report(catalog, "chi linh", 2020)
    from_store = compare_reports(catalog, "chi linh", None, 2020)
    assert from_store.where is not None
    assert from_store.where.year == 2021
    assert from_store._replace(where=None) == compare(dataset, 2020, earlier)
    shown = {row.figure.id for row in from_store.rows}
    assert from_store.omitted == tuple(figure.id for figure in dataset.figures if figure.id not in shown)
    assert {row.figure.id for row in from_store.rows if row.stated is not None and row.stated.conflict} == {"petitions"}
    with pytest.raises(NoComparisonError) as asked_store:
        compare_reports(catalog, "chi linh", None, 2015)
    with pytest.raises(NoComparisonError) as asked_dataset:
        compare(dataset, 2015)
    assert asked_store.value.available == asked_dataset.value.available == (2020,)


def _two_reviews(folder: Path, later: dict[str, Any], earlier: dict[str, Any]) -> Path:
    folder.mkdir()
    (folder / "2021.json").write_text(dump(later), encoding="utf-8")
    (folder / "2020.json").write_text(dump(earlier), encoding="utf-8")
    return folder


def test_a_place_spelled_without_its_marks_is_the_same_place(tmp_path: Path, document: dict[str, Any]) -> None:
    earlier = review_of_2020(document, 10_960_000_000_000, 400)
    earlier["metadata"]["locality"]["en"] = "Chi Linh city, Hai Duong province"
    folder = _two_reviews(tmp_path / "reviews", document, earlier)
    series = json.loads(run("metric", "petitions", "--place", "chi linh", "--data", str(folder), "-f", "json").stdout)
    assert [(row["review"]["year"], row["value"]) for row in series["series"]] == [(2021, 317), (2020, 400)]
    compared = run("compare", "--year", "2020", "--data", str(folder), "-f", "json")
    assert compared.exit_code == 0, compared.stderr
    rows = {row["id"]: row for row in json.loads(compared.stdout)["rows"]}
    assert rows["petitions"]["previous"]["conflict"] is True


def test_a_series_has_every_review_with_the_figure_whichever_name_asked(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    earlier = review_of_2020(document, 10_960_000_000_000, 400)
    for figure in earlier["figures"]:
        if figure["id"] == "petitions":
            figure["aliases"] = []  # the 2020 review does not know the name 'complaints'
    folder = _two_reviews(tmp_path / "reviews", document, earlier)
    series = json.loads(run("metric", "complaints", "--data", str(folder), "-f", "json").stdout)
    assert [(row["review"]["year"], row["value"]) for row in series["series"]] == [(2021, 317), (2020, 400)]


@pytest.mark.parametrize(
    ("qualifier", "value", "conflict"),
    [("more_than", 400, False), ("more_than", 410, True), ("nearly", 410, False), ("nearly", 400, True)],
)
def test_a_stated_bound_conflicts_only_when_no_value_fits_both(
    tmp_path: Path, document: dict[str, Any], qualifier: str, value: int, conflict: bool
) -> None:
    # the 2021 review implies 317 + 90 = 407 petitions in 2020
    earlier = review_of_2020(document, 10_960_000_000_000, value)
    for figure in earlier["figures"]:
        if figure["id"] == "petitions":
            figure["qualifier"] = qualifier
    folder = _two_reviews(tmp_path / "reviews", document, earlier)
    rows = json.loads(run("compare", "--year", "2020", "--data", str(folder), "-f", "json").stdout)["rows"]
    assert {row["id"]: row for row in rows}["petitions"]["previous"]["conflict"] is conflict


def test_a_figure_of_another_unit_or_as_of_publication_is_not_a_stated_value(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    earlier = review_of_2020(document, 10_960_000_000_000, 400)
    for figure in earlier["figures"]:
        if figure["id"] == "petitions":
            figure["as_of"] = "publication"
    folder = _two_reviews(tmp_path / "reviews", document, earlier)
    rows = json.loads(run("compare", "--year", "2020", "--data", str(folder), "-f", "json").stdout)["rows"]
    petitions = {row["id"]: row for row in rows}["petitions"]["previous"]
    assert (petitions["value"], petitions["derived"]) == (407, True)


def test_hidden_files_and_folders_are_not_reviews(catalog_dir: Path) -> None:
    (catalog_dir / ".#2020.json").write_text("not json", encoding="utf-8")  # an editor's lock file
    (catalog_dir / ".git").mkdir()
    (catalog_dir / ".git" / "config.json").write_text("{}", encoding="utf-8")
    assert [info.year for info in open_catalog(catalog_dir).infos] == [2021, 2020, 2023]


def test_the_progress_bar_is_told_the_end_even_when_a_file_is_bad(catalog_dir: Path) -> None:
    (catalog_dir / "zz-broken.json").write_text("{", encoding="utf-8")
    told: list[tuple[int, int, int]] = []
    with pytest.raises(DataFileError):
        open_catalog(catalog_dir, progress=lambda done, total, figures: told.append((done, total, figures)))
    assert told[-1][0] == told[-1][1] == 4


def test_the_csv_of_compare_carries_the_stated_value_and_the_conflict(catalog_dir: Path) -> None:
    result = run("compare", "--year", "2020", "--place", "chi linh", "--data", str(catalog_dir), "-f", "csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    petitions = rows["petitions"]
    assert (petitions["previous_value"], petitions["previous_derived"]) == ("407", "true")
    assert (petitions["stated_value"], petitions["conflict"]) == ("400", "true")
    assert petitions["stated_file"].endswith("2020.json")
    assert rows["industry-construction-output"]["conflict"] == "false"


def test_the_chart_of_compare_draws_the_stated_value_and_says_the_conflict(catalog_dir: Path) -> None:
    args = ("compare", "--year", "2020", "--place", "chi linh", "--data", str(catalog_dir), "--chart")
    result = run(*args, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    assert "400 (stated) ≠ 407 (derived)" in result.stdout


def test_validate_reads_the_folder_once_and_names_each_file(catalog_dir: Path) -> None:
    (catalog_dir / "broken.json").write_text("{", encoding="utf-8")
    result = run("validate", str(catalog_dir), "--format", "json")
    assert result.exit_code == 1
    files = {Path(each["file"]).name: each for each in json.loads(result.stdout)["files"]}
    assert files["broken.json"]["valid"] is False
    assert (files["2021.json"]["valid"], files["2021.json"]["figures"]) == (True, 37)
    assert files["lotus-lake-2023.json"]["valid"] is True


def test_beside_an_agreeing_stated_value_the_change_is_taken_from_it(catalog_dir: Path) -> None:
    # 2021 states 13,416.446 billion and +22.4 %; the 2020 review states 10,960 billion
    args = ("compare", "--year", "2020", "--place", "chi linh", "--data", str(catalog_dir))
    rows = {row["id"]: row for row in json.loads(run(*args, "-f", "json").stdout)["rows"]}
    industry = rows["industry-construction-output"]
    assert industry["change"]["value"] == 13_416_446_000_000 - 10_960_000_000_000
    assert (industry["change"]["derived"], industry["change"]["qualifier"]) == (True, "computed")
    assert industry["change_percent"] == {"value": 22.4, "derived": False}  # as the article states it
    petitions = rows["petitions"]  # in conflict: the change stays the article's own -90
    assert (petitions["change"]["value"], petitions["change"]["derived"]) == (-90, False)
    table = run(*args, "--format", "table", env={"COLUMNS": "160"}).stdout
    assert "+VND 2,456.446 billion" in table


def test_two_bounds_give_no_change_and_the_series_says_so(catalog_dir: Path) -> None:
    """'more than VND 967.3 billion' in 2021 and 'more than' the 2020 review's value: the change
    could be anything, so no number is printed, not even a bound."""
    table = run("metric", "budget-revenue", "--place", "Chi Linh", "--data", str(catalog_dir)).stdout.splitlines()
    assert table[0] == "Year\tValue\tChange\tFile"
    assert table[1].startswith("2021\tmore than VND 967.3 billion (stated)\tnone follows (both values are bounds")
    assert table[2].startswith("2020\tmore than VND 967.3 billion (stated)\t—\t")  # no year before it
    vietnamese = run("metric", "budget-revenue", "--place", "Chi Linh", "--data", str(catalog_dir), "-l", "vi")
    assert "không suy ra được (cả hai giá trị đều là giới hạn hoặc ước tính)" in vietnamese.stdout
    # an exact value beside a bound: no change either
    exact = run("metric", "petitions", "--data", str(catalog_dir)).stdout.splitlines()
    assert exact[1].startswith("2021\t317 (stated)\t-90\t")
