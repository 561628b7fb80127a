"""draft --like: a 2022 review's figures linked to the embedded 2021 review's ids."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chilinh_cli.draft import linking
from chilinh_cli.draft.compose import draft_file, exact_json
from chilinh_cli.reading.loader import embedded_path, read_dataset
from readers import run

CORPUS = Path(__file__).parent.parent / "data" / "linking"
ARTICLES = ("news-2022", "report-2022", "brief-2022", "feature-2022")


def _drafted(name: str) -> dict[str, Any]:
    drafted = draft_file(CORPUS / f"{name}.txt", place=None, year=None, title=None, like=str(embedded_path()))
    document = cast(dict[str, Any], drafted.document)  # read here by any field name
    return document


def _figure(document: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    found: list[dict[str, Any]] = [
        f
        for f in document["figures"]
        if expected["quote"] in f["source"]["quote"] and Decimal(str(f["value"])) == Decimal(str(expected["value"]))
    ]
    assert len(found) == 1, expected
    assert found[0]["unit"] == expected["unit"]
    return found[0]


@pytest.mark.parametrize("name", ARTICLES)
def test_the_figures_2021_also_has_take_its_ids_and_new_ones_do_not(name: str) -> None:
    document = _drafted(name)
    reading = json.loads((CORPUS / f"{name}.links.json").read_text(encoding="utf-8"))
    previous = {f.id: f for f in read_dataset(embedded_path()).figures}
    known = [row for row in reading if row["expected"]]
    new = [row for row in reading if not row["expected"]]
    assert len(known) >= 11
    assert len(new) >= 6
    right = [row for row in known if _figure(document, row)["id"] == row["expected"]]
    wrongly = [row for row in new if "link" in _figure(document, row)]
    assert len(right) >= len(known) - 1, [r["quote"] for r in known if r not in right]
    assert len(wrongly) <= 1, wrongly
    for row in right:
        figure = _figure(document, row)
        old = previous[row["expected"]]
        assert figure["link"] == {"file": str(embedded_path()), "id": old.id}
        assert figure["label"] == {"vi": old.label.vi, "en": old.label.en}
    ids = [f["id"] for f in document["figures"]]
    assert len(ids) == len(set(ids))  # one id, one figure
    refs = {ref for h in document["highlights"] for ref in h["figures"]}
    assert refs == set(ids)


def test_a_figure_never_takes_an_id_another_took() -> None:
    text = (
        "Chí Linh năm 2022\n\nNăm 2022, thành phố phát triển.\n\n1. KINH TẾ\n\n"
        "Tổng thu ngân sách đạt 1.000 tỷ đồng. Tổng thu ngân sách trên địa bàn đạt 990 tỷ đồng.\n"
    )
    from chilinh_cli.draft.compose import draft

    document = draft(text, "t.txt", place="Thành phố Chí Linh", year=2022).document
    links = linking.suggest(document, read_dataset(embedded_path()), text)
    assert [link.previous.id for link in links] == ["budget-revenue"]


def test_a_folder_links_to_the_same_places_latest_review_and_answers_one_series(tmp_path: Path) -> None:
    shutil.copy(embedded_path(), tmp_path / "chi-linh-2021.json")
    made = run(
        "draft", str(CORPUS / "news-2022.txt"), "--like", str(tmp_path), "-o", str(tmp_path / "chi-linh-2022.json")
    )
    assert made.exit_code == 0, made.output
    drafted = json.loads((tmp_path / "chi-linh-2022.json").read_text(encoding="utf-8"))
    revenue = next(f for f in drafted["figures"] if f["id"] == "budget-revenue")
    assert revenue["link"] == {"file": str(tmp_path / "chi-linh-2021.json"), "id": "budget-revenue"}
    answer = run("metric", "budget-revenue", "--data", str(tmp_path), "--format", "json")
    assert answer.exit_code == 0, answer.output
    years = [row["year"] for row in json.loads(answer.stdout)["series"]]
    assert sorted(years) == [2021, 2022]


def test_a_folder_without_an_earlier_review_of_the_place_is_an_error(tmp_path: Path) -> None:
    made = run("draft", str(CORPUS / "brief-2022.txt"), "--like", str(tmp_path))
    assert made.exit_code == 1
    assert "no review of" in made.output
    assert "Traceback" not in made.output


def test_a_link_is_validated_and_kept(tmp_path: Path) -> None:
    document = _drafted("brief-2022")
    path = tmp_path / "d.json"
    path.write_text(exact_json(document), encoding="utf-8")
    figure = next(f for f in read_dataset(path).figures if f.id == "petitions")
    assert figure.link is not None
    assert figure.link.id == "petitions"
    del document["figures"][0]["link"]["id"]
    path.write_text(exact_json(document), encoding="utf-8")
    checked = run("validate", str(path))
    assert checked.exit_code == 1
    assert "link.id" in checked.output


def test_a_link_survives_the_store(tmp_path: Path) -> None:
    from chilinh_cli.store import reads
    from chilinh_cli.store.store import memory_store

    path = tmp_path / "d.json"
    path.write_text(exact_json(_drafted("report-2022")), encoding="utf-8")
    dataset = read_dataset(path)
    store = memory_store()
    number = store.add(dataset, str(path), path.read_text(encoding="utf-8"))
    [figure] = reads.figures(store, [(number, "petitions")])
    assert figure.link is not None
    assert (figure.link.file, figure.link.id) == (str(embedded_path()), "petitions")
    [fresh] = reads.figures(store, [(number, "tong-chi-ngan-sach")])
    assert fresh.link is None


def test_a_figures_json_shows_its_link(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(exact_json(_drafted("news-2022")), encoding="utf-8")
    shown = run("metric", "petitions", "--data", str(path), "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["link"] == {"file": str(embedded_path()), "id": "petitions"}


def test_budget_spending_alone_is_not_last_years_revenue() -> None:
    from chilinh_cli.draft.compose import draft

    text = (
        "Chí Linh năm 2022\n\nNăm 2022, thành phố phát triển.\n\n1. KINH TẾ\n\nTổng chi ngân sách đạt 905,2 tỷ đồng.\n"
    )
    document = draft(text, "t.txt", place="Thành phố Chí Linh", year=2022).document
    assert linking.suggest(document, read_dataset(embedded_path()), text) == []


_NEWS = CORPUS / "news-2022.txt"


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_links_are_one_to_one_whatever_figures_a_draft_holds(data: st.DataObject) -> None:
    from chilinh_cli.draft.compose import draft

    text = _NEWS.read_text(encoding="utf-8")
    document = draft(text, "news.txt").document
    figures = data.draw(st.permutations(document["figures"]))
    kept = figures[: data.draw(st.integers(min_value=0, max_value=len(figures)))]
    doubled = [*kept, *data.draw(st.lists(st.sampled_from(figures), max_size=3))] if figures else kept
    links = linking.suggest({**document, "figures": doubled}, read_dataset(embedded_path()), text)
    assert len({link.at for link in links}) == len(links)
    assert len({link.previous.id for link in links}) == len(links)
    assert all(link.score >= linking.THRESHOLD for link in links)
