"""Review state in every answer: rejected figures leave them, validate counts what is not reviewed."""

from __future__ import annotations

import copy
import json
from typing import Any

from readers import PRISTINE, Writer, run

AT = "2026-12-07T12:00:00Z"


def _reviewed(statuses: dict[int, str]) -> dict[str, Any]:
    document: dict[str, Any] = copy.deepcopy(PRISTINE)
    for index, status in statuses.items():
        document["figures"][index]["review"] = {"status": status, "at": AT}
    return document


def test_a_rejected_figure_leaves_every_answer_but_stays_valid(write_dataset: Writer) -> None:
    rejected = PRISTINE["figures"][0]["id"]
    path = write_dataset(_reviewed({0: "rejected", 1: "edited", 2: "drafted"}))
    checked = run("validate", str(path))
    assert checked.exit_code == 0, checked.output
    assert run("metric", rejected, "--data", str(path)).exit_code == 1
    listed = json.loads(run("metric", "--data", str(path), "--format", "json").stdout)
    ids = [figure["id"] for figure in listed["figures"]] if isinstance(listed, dict) else [f["id"] for f in listed]
    assert rejected not in ids
    assert len(ids) == len(PRISTINE["figures"]) - 1
    csv = run("metric", "--data", str(path), "--format", "csv").stdout.splitlines()
    assert csv[0].split(",")[-1] == "review"
    assert {line.rsplit(",", 1)[-1] for line in csv[1:]} == {"accepted", "edited", "drafted"}
    search = run("search", PRISTINE["figures"][0]["source"]["quote"], "--data", str(path), "--format", "json")
    assert rejected not in search.stdout


def test_validate_counts_what_is_not_yet_reviewed_and_strict_fails(write_dataset: Writer) -> None:
    path = write_dataset(_reviewed({0: "drafted", 3: "drafted", 4: "accepted"}))
    said = run("validate", str(path))
    assert said.exit_code == 0
    first, fourth = PRISTINE["figures"][0]["id"], PRISTINE["figures"][3]["id"]
    assert f"not yet reviewed: 2 figures ({first}, {fourth})" in said.stdout
    strict = run("validate", str(path), "--strict")
    assert strict.exit_code == 1
    assert "2 records not yet reviewed" in strict.stderr
    data = json.loads(run("validate", str(path), "--format", "json").stdout)
    assert data["not_reviewed"] == {"figures": [first, fourth]}


def test_the_embedded_dataset_counts_as_reviewed() -> None:
    assert run("validate", "--strict").exit_code == 0


def test_checked_and_review_must_agree(write_dataset: Writer) -> None:
    document = _reviewed({0: "accepted", 1: "drafted"})
    document["figures"][0]["checked"] = False
    document["figures"][1]["checked"] = True
    said = run("validate", str(write_dataset(document)))
    assert said.exit_code == 1
    assert "figures[0].review" in said.stderr
    assert "figures[1].review" in said.stderr


def test_review_without_a_terminal_says_so_and_exits_2() -> None:
    from readers import REPO

    said = run("review", str(REPO / "tests" / "data" / "review" / "lam-suong-2025.json"))
    assert said.exit_code == 2
    assert "needs a terminal" in said.stderr
    vietnamese = run("review", str(REPO / "tests" / "data" / "review" / "lam-suong-2025.json"), "--lang", "vi")
    assert vietnamese.exit_code == 2
    assert "cửa sổ dòng lệnh" in vietnamese.stderr
