"""The review looks first at figures that conflict with the previous review they link to."""

from __future__ import annotations

import copy
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.draft.compose import exact_json
from chilinh_cli.reading.loader import embedded_path, parse_json, read_dataset
from chilinh_cli.review.session import PLAUSIBLE_RATIO, Session, _arrays, conflicts, linked_figures, review_order
from chilinh_cli.words import messages

PRISTINE: dict[str, Any] = _arrays(parse_json(embedded_path().read_bytes(), "embedded"), list)

PREVIOUS = {figure.id: figure for figure in read_dataset(embedded_path()).figures}
FILE = "last-year.json"


def _linked(document: dict[str, Any], file: str = FILE) -> dict[str, Any]:
    """Every figure of ``document`` linked to the embedded figure of its own id, in ``file``."""
    document = copy.deepcopy(document)
    for figure in document["figures"]:
        figure["link"] = {"file": file, "id": figure["id"]}
        figure["checked"] = False
    return document


def _figure(figure_id: str, **changes: Any) -> dict[str, Any]:
    figure: dict[str, Any] = copy.deepcopy(next(f for f in PRISTINE["figures"] if f["id"] == figure_id))
    figure.update(changes)
    return figure


def test_the_same_figure_does_not_conflict() -> None:
    assert not conflicts(_figure("quarantine-centres"), PREVIOUS["quarantine-centres"])  # 33 and 33
    assert not conflicts(_figure("constituencies-rerun"), PREVIOUS["constituencies-rerun"])  # 0 and 0


def test_another_kind_of_unit_conflicts() -> None:
    assert conflicts(_figure("quarantine-centres", unit="percent"), PREVIOUS["quarantine-centres"])
    assert conflicts(_figure("lockdown-days", unit="count"), PREVIOUS["lockdown-days"])


def test_a_share_and_a_count_are_one_kind_and_a_quantity_is_told_by_its_noun() -> None:
    share = _figure("quarantine-centres", unit="share", out_of=40)
    assert not conflicts(share, PREVIOUS["quarantine-centres"])
    tonnes = _figure("quarantine-centres", unit="quantity", noun={"vi": "t\u1ea5n"})
    assert conflicts(tonnes, PREVIOUS["quarantine-centres"])


def test_a_value_beyond_the_plausible_ratio_either_way_conflicts() -> None:
    old = PREVIOUS["quarantine-centres"]  # 33
    assert not conflicts(_figure("quarantine-centres", value=33 * 5), old)
    assert conflicts(_figure("quarantine-centres", value=33 * 5 + 1), old)
    assert not conflicts(_figure("quarantine-centres", value=Decimal("6.6")), old)
    assert conflicts(_figure("quarantine-centres", value=6), old)


def test_nothing_against_something_conflicts() -> None:
    assert conflicts(_figure("constituencies-rerun", value=4), PREVIOUS["constituencies-rerun"])  # was 0
    assert conflicts(_figure("quarantine-centres", value=0), PREVIOUS["quarantine-centres"])  # was 33


@given(st.integers(1, 10**12), st.integers(1, 10**12))
def test_conflict_by_value_is_symmetric_and_matches_the_ratio(new: int, old: int) -> None:
    figure, previous = _figure("meals-per-day", value=new), PREVIOUS["meals-per-day"]
    previous = type(previous)(**{**previous.__dict__, "value": old})
    far = max(new, old) > min(new, old) * PLAUSIBLE_RATIO
    assert conflicts(figure, previous) is far
    back, forth = _figure("meals-per-day", value=old), type(previous)(**{**previous.__dict__, "value": new})
    assert conflicts(back, forth) is far


def test_a_conflicting_figure_is_looked_at_first_and_says_why() -> None:
    document = _linked(PRISTINE)
    last = len(document["figures"]) - 1
    document["figures"][last]["value"] = Decimal(document["figures"][last]["value"]) * 1000
    order = review_order(document, {(FILE, f.id): f for f in PREVIOUS.values()})
    assert order[0].place == last
    assert messages.REVIEW_WHY_CONFLICT in order[0].reasons
    assert all(messages.REVIEW_WHY_CONFLICT not in item.reasons for item in order[1:])


def test_without_the_previous_review_no_figure_conflicts() -> None:
    document = _linked(PRISTINE)
    document["figures"][-1]["unit"] = "days"
    assert all(messages.REVIEW_WHY_CONFLICT not in item.reasons for item in review_order(document))


def _write(path: Path, document: dict[str, Any]) -> None:
    path.write_text(exact_json(document), encoding="utf-8")


def test_opening_a_draft_reads_the_linked_file_beside_it(tmp_path: Path) -> None:
    _write(tmp_path / FILE, PRISTINE)
    document = _linked(PRISTINE)
    document["figures"][-1]["unit"] = "days" if document["figures"][-1]["unit"] != "days" else "count"
    _write(tmp_path / "draft.json", document)
    session = Session.open(tmp_path / "draft.json")
    first = session.items[0]
    assert (first.kind, first.place) == ("figure", len(document["figures"]) - 1)
    assert messages.REVIEW_WHY_CONFLICT in first.reasons


def test_a_link_as_given_from_the_working_folder_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "drafts").mkdir()
    _write(tmp_path / "data" / FILE, PRISTINE)
    monkeypatch.chdir(tmp_path)
    found = linked_figures(_linked(PRISTINE, os.path.join("data", FILE)), tmp_path / "drafts")
    assert set(found) == {(os.path.join("data", FILE), figure_id) for figure_id in PREVIOUS}


def test_a_linked_file_gone_or_not_a_dataset_gives_no_figures(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text(json.dumps({"metadata": {}}), encoding="utf-8")
    document = _linked(PRISTINE, "broken.json")
    document["figures"][0]["link"] = {"file": "gone.json", "id": "x"}
    assert linked_figures(document, tmp_path) == {}
