"""A review session without a screen: one key per figure of a right draft, links, edits, order."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from chilinh_cli.model.records import status_of
from chilinh_cli.reading.loader import embedded_path, parse_json, read_dataset
from chilinh_cli.review.session import Session, _arrays

PRISTINE: dict[str, Any] = _arrays(parse_json(embedded_path().read_bytes(), "embedded"), list)
"""The embedded review parsed exactly (decimals as Decimal), arrays as lists."""


def _drafted(figures: int = 40) -> dict[str, Any]:
    """The embedded review as a draft of ``figures`` figures (copies of its figures, renamed)."""
    document: dict[str, Any] = copy.deepcopy(PRISTINE)
    base = document["figures"]
    made = []
    for n in range(figures):
        figure = copy.deepcopy(base[n % len(base)])
        figure["id"] = f"{figure['id']}-{n}" if n >= len(base) else figure["id"]
        figure.pop("aliases", None)
        figure["checked"] = False
        made.append(figure)
    document["figures"] = made
    for highlight in document["highlights"]:
        highlight["figures"] = [f["id"] for f in made if f["source"]["section"] == highlight["rank"]]
        highlight["headline"] = [ref for ref in highlight["headline"] if ref in highlight["figures"]]
    return document


def test_a_right_draft_of_40_figures_needs_one_key_per_figure(tmp_path: Path) -> None:
    document = _drafted(40)
    session = Session(tmp_path / "d.json", document)
    for _ in range(40):
        session.accept()  # the key 'a'
    assert [session.status(item) for item in session.items if item.kind == "figure"] == ["accepted"] * 40
    session.save()
    dataset = read_dataset(tmp_path / "d.json")
    assert all(status_of(figure) == "accepted" for figure in dataset.figures)


def test_accepting_a_link_takes_the_linked_id_and_drops_the_link(tmp_path: Path) -> None:
    document = _drafted(len(PRISTINE["figures"]))
    figure = document["figures"][0]
    old = figure["id"]
    figure["id"] = "drafted-name"
    for highlight in document["highlights"]:
        highlight["figures"] = ["drafted-name" if ref == old else ref for ref in highlight["figures"]]
        highlight["headline"] = ["drafted-name" if ref == old else ref for ref in highlight["headline"]]
    figure["link"] = {"file": "data/highlights.json", "id": old}
    session = Session(tmp_path / "d.json", document)
    while session.current is not None and session.key(session.current) != "drafted-name":
        session.skip()
    session.accept()
    taken = session.document["figures"][0]
    assert "link" not in taken
    assert taken["id"] == old
    assert any(old in h["figures"] for h in session.document["highlights"])
    session.save()
    session.undo()
    assert session.document["figures"][0]["id"] == "drafted-name"


def test_an_edit_that_breaks_a_rule_changes_nothing(tmp_path: Path) -> None:
    session = Session(tmp_path / "d.json", _drafted(5))
    assert session.edit("unit", "litres") is not None
    assert session.edit("value", "abc") is not None
    assert session.edit("colour", "red") is not None
    assert not session.decisions
    assert session.edit("label.en", "Revenue") is None
    assert session.status(session.items[session.position]) == "edited"


def _at_metadata(tmp_path: Path) -> Session:
    """A session of a draft whose every record but its metadata is decided: the metadata is current."""
    document = _drafted(3)
    document["metadata"]["checked"] = False
    session = Session(tmp_path / "d.json", document)
    while session.current is not None and session.current.kind != "metadata":
        session.accept()
    assert session.current is not None
    assert session.key(session.current) == "metadata"
    return session


def test_the_reviews_own_metadata_is_reviewed_last_and_then_counts_as_reviewed(tmp_path: Path) -> None:
    session = _at_metadata(tmp_path)
    assert [item.kind for item in session.items][-1] == "metadata"
    session.accept()
    assert session.current is None
    session.save()
    saved = read_dataset(tmp_path / "d.json")
    assert status_of(saved.metadata) == "accepted"
    assert "checked" not in parse_json((tmp_path / "d.json").read_bytes(), "d.json")["metadata"]


def test_the_metadata_is_edited_not_rejected(tmp_path: Path) -> None:
    session = _at_metadata(tmp_path)
    decided = len(session.decisions)
    said = session.reject()
    assert said is not None
    assert said.en.startswith("the review's title, place and year are not rejected")
    assert len(session.decisions) == decided
    assert session.edit("value", "3") is not None  # a figure's field: not the metadata's
    # the year dates every figure and comparison of the draft: drafted again, not edited here
    assert session.edit("year", "2022") is not None
    assert session.edit("noun.en", "households") is not None  # a figure's field too
    assert session.edit("title", " ") is not None  # the Vietnamese title cannot be emptied
    assert len(session.decisions) == decided
    assert session.edit("place.en", "Chi Linh City") is None
    assert session.edit("title_en", "Chi Linh in 2021") is None
    assert session.edit("title_en", "") is None  # the English title may be left out
    metadata = session.document["metadata"]
    assert (metadata["locality"]["en"], metadata["year"], "title_en" in metadata) == ("Chi Linh City", 2021, False)
    assert metadata["review"]["status"] == "edited"
    session.undo()
    assert session.document["metadata"]["title_en"] == "Chi Linh in 2021"


def test_a_figures_noun_is_edited_in_either_language(tmp_path: Path) -> None:
    document = _drafted(3)
    document["figures"][0].update({"unit": "count", "value": 1087, "noun": {"vi": "hộ"}})
    session = Session(tmp_path / "d.json", document)
    assert session.key(session.items[session.position]) == document["figures"][0]["id"]
    assert session.edit("noun.en", "households") is None
    assert session.document["figures"][0]["noun"] == {"vi": "hộ", "en": "households"}
    assert session.edit("noun.vi", "") is not None  # a noun in English alone breaks a rule: nothing changes
    assert session.document["figures"][0]["noun"] == {"vi": "hộ", "en": "households"}


def test_a_section_title_takes_no_noun_and_no_link(tmp_path: Path) -> None:
    document = _drafted(3)
    document["highlights"][0]["checked"] = False
    session = Session(tmp_path / "d.json", document)
    while session.current is not None and session.current.kind != "highlight":
        session.accept()
    title = dict(session.document["highlights"][0]["title"])
    assert session.edit("noun.en", "Oops") is not None
    assert session.edit("link", "a.json x") is not None
    assert session.document["highlights"][0]["title"] == title
    assert session.edit("label.en", "The economy") is None
    assert session.document["highlights"][0]["title"]["en"] == "The economy"
