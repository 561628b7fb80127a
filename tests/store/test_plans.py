"""The store's query plans: each question reads through an index, and a full-text query starts
from its index, whatever the catalog's shape (many small files, or one large file).

SQLite chooses a plan from the indexes and the query's shape, not from the data (the store
keeps no statistics), so a plan seen here is the plan of a catalog of any size. A search that
ran the full-text index once per row of a dataset took 414 s on a 100,000-figure file.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers import catalog as questions
from chilinh_cli.answers.catalog import Catalog
from chilinh_cli.model.errors import ChilinhError
from readers import PRISTINE, REPO

# A dataset's highlights are at most its ranks.
BOUNDED = ("SEARCH highlights USING INDEX sqlite_autoindex_highlights_1 (dataset_id=?)",)
# compare says which of a dataset's figures it left out: it reads their ids (the answer holds them).
LEFT_OUT = "SEARCH figures USING COVERING INDEX sqlite_autoindex_figures_1 (dataset_id=?)"
# Tables a question may read whole: one row per data file, and FTS5's own configuration.
WHOLE = ("SCAN datasets", "SCAN d", "SCAN main.search_index_config", "SCAN main.name_index_config")


def one_large_file(folder: Path, figures: int) -> Path:
    """The embedded review with ``figures`` figures (copies under new ids)."""
    document: dict[str, Any] = copy.deepcopy(PRISTINE)
    originals = document["figures"]
    home = {ref: h for h in document["highlights"] for ref in h["figures"]}
    for n in range(len(originals), figures):
        figure = copy.deepcopy(originals[n % len(originals)])
        figure["id"] = f"{figure['id']}-{n}"
        figure["aliases"] = [f"{alias}-{n}" for alias in figure["aliases"]]
        home[originals[n % len(originals)]["id"]]["figures"].append(figure["id"])
        originals.append(figure)
    path = folder / "large.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def many_small_files(folder: Path) -> Path:
    shutil.copytree(REPO / "tests" / "data" / "catalog", folder / "catalog")
    for year in range(2010, 2021):  # one place over many years: the embedded review, year by year
        document = copy.deepcopy(PRISTINE)
        document["metadata"]["year"] = year
        for figure in document["figures"]:
            figure["year"] = year
            figure["comparisons"] = [c for c in figure.get("comparisons", []) if c.get("year") == year - 1]
        (folder / "catalog" / f"chi-linh-{year}.json").write_text(json.dumps(document, ensure_ascii=False))
    return folder / "catalog"


QUESTIONS: list[tuple[str, Callable[[Catalog], object]]] = [
    ("a figure by id", lambda c: questions.find_figures(c, "budget-revenue")),
    ("a figure by alias", lambda c: questions.find_figures(c, "thu-ngan-sach")),
    ("a figure by label", lambda c: questions.find_figures(c, "tong thu ngan sach")),
    ("a figure by the start of a name", lambda c: questions.find_figures(c, "thu ngan")),
    ("an unknown figure", lambda c: questions.find_figures(c, "budgte-revenue")),
    ("search", lambda c: questions.search(c, "thu ngan sach")),
    ("search, one word", lambda c: questions.search(c, "OCOP")),
    ("a series", lambda c: questions.figure_series(c, "budget-revenue", None, None)),
    ("a report", lambda c: questions.report(c, "Chi Linh", None)),
    ("compare", lambda c: questions.compare_reports(c, "Chi Linh", None, None)),
    ("completion of names", questions.figure_names),
    ("completion of highlights", questions.highlight_slugs),
]


@pytest.fixture(params=["many small files", "one large file"])
def shaped(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Catalog]:
    data = many_small_files(tmp_path) if request.param == "many small files" else one_large_file(tmp_path, 3000)
    catalog = questions.open_catalog(data)
    yield catalog
    catalog.store.close()


def plans(catalog: Catalog, question: Callable[[Catalog], object]) -> dict[str, list[str]]:
    """Each SELECT the question ran, with the steps of its plan."""
    ran: list[str] = []
    catalog.store.db.set_trace_callback(ran.append)
    try:
        question(catalog)
    except ChilinhError:
        pass  # an unknown or ambiguous name is an answer too, and has its plan
    finally:
        catalog.store.db.set_trace_callback(None)
    selects = [sql for sql in dict.fromkeys(ran) if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    return {sql: [row[3] for row in catalog.store.db.execute(f"EXPLAIN QUERY PLAN {sql}")] for sql in selects}


@pytest.mark.parametrize(("name", "question"), QUESTIONS, ids=[name for name, _ in QUESTIONS])
def test_every_question_reads_through_an_index(
    shaped: Catalog, name: str, question: Callable[[Catalog], object]
) -> None:
    found = plans(shaped, question)
    assert found, name
    for sql, steps in found.items():
        scans = [step for step in steps if step.startswith("SCAN") and not step.startswith(WHOLE)]
        full_text = [step for step in scans if "VIRTUAL TABLE" in step]
        assert scans == full_text, (name, sql, steps)
        if not name.startswith("completion"):  # only completion's answer is every name of a dataset
            whole_dataset = [step for step in steps if step.endswith("(dataset_id=?)") and step not in BOUNDED]
            if name == "compare":
                whole_dataset = [step for step in whole_dataset if step != LEFT_OUT]
            assert whole_dataset == [], (name, sql, steps)
        if " MATCH " in sql:  # the full-text index first, then the rows it found by their keys
            assert "VIRTUAL TABLE" in steps[0], (name, sql, steps)
            assert all("USING INTEGER PRIMARY KEY" in step for step in steps[1:2]), (name, sql, steps)


def test_the_shapes_hold_what_they_say(tmp_path: Path) -> None:
    (tmp_path / "large").mkdir()
    large = questions.open_catalog(one_large_file(tmp_path / "large", 3000))
    try:
        assert len(large.infos) == 1
        assert len(questions.figure_names(large)) >= 3000
    finally:
        large.store.close()
    small = questions.open_catalog(many_small_files(tmp_path / "small"))
    try:
        assert len(small.infos) >= 14
    finally:
        small.store.close()
