"""Validating datasets: each rule rejects its bad case with the field path, and the JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.model.errors import DataFileError
from chilinh_cli.reading.loader import parse_and_validate
from chilinh_cli.reading.validation import json_schema
from readers import Writer, english_problems

_DOCUMENT = {"path": "review.pdf", "sha256": "0" * 64, "text_sha256": "f" * 64, "reader": "pdf"}


def _figure(document: dict[str, Any], figure_id: str) -> dict[str, Any]:
    return next(f for f in document["figures"] if f["id"] == figure_id)


MUTATIONS: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("duplicate id", lambda d: d["figures"][1].update(id="voter-turnout"), "figures[1].id", "already the id"),
    (
        "alias taken",
        lambda d: _figure(d, "petitions")["aliases"].append("revenue"),
        "figures[34].aliases[2]",
        "revenue",
    ),
    ("alias twice", lambda d: _figure(d, "petitions")["aliases"].append("don-thu"), "figures[34].aliases[2]", "twice"),
    ("not kebab", lambda d: d["figures"][0].update(id="Voter Turnout"), "figures[0].id", "kebab-case"),
    ("a last newline", lambda d: d["figures"][0].update(id="turnout\n"), "figures[0].id", "kebab-case"),
    ("alias newline", lambda d: d["figures"][0]["aliases"].append("turnout\n"), "figures[0].aliases[2]", "kebab-case"),
    (
        "dangling figure",
        lambda d: d["highlights"][0]["figures"].append("nope"),
        "highlights[0].figures[3]",
        "no figure",
    ),
    (
        "headline outside",
        lambda d: d["highlights"][0]["headline"].append("petitions"),
        "highlights[0].headline[1]",
        "not one of",
    ),
    ("dangling event", lambda d: d["highlights"][0]["events"].append("nope"), "highlights[0].events[0]", "no event"),
    ("orphan figure", lambda d: d["highlights"][9]["figures"].pop(), "figures[36]", "belongs to no highlight"),
    ("orphan event", lambda d: d["highlights"][6]["events"].pop(), "events[3]", "belongs to no highlight"),
    (
        "figure twice",
        lambda d: d["highlights"][1]["figures"].append("voter-turnout"),
        "highlights[1].figures[3]",
        "already belongs",
    ),
    (
        "event twice",
        lambda d: d["highlights"][1]["events"].append("lockdown-lifted"),
        "highlights[2].events[1]",
        "already belongs",
    ),
    ("section mismatch", lambda d: d["figures"][0]["source"].update(section=2), "figures[0].source.section", "differs"),
    (
        "section 10001",
        lambda d: d["figures"][0]["source"].update(section=10001),
        "figures[0].source.section",
        "less than or equal to 10000",
    ),
    (
        "empty quote",
        lambda d: d["figures"][0]["source"].update(quote=""),
        "figures[0].source.quote",
        "at least 1 character",
    ),
    ("padded quote", lambda d: d["figures"][0]["source"].update(quote=" x"), "figures[0].source.quote", "white space"),
    ("unknown unit", lambda d: d["figures"][0].update(unit="furlongs"), "figures[0].unit", "Input should be"),
    (
        "unknown qualifier",
        lambda d: d["figures"][0].update(qualifier="about"),
        "figures[0].qualifier",
        "Input should be",
    ),
    ("unknown field", lambda d: d["figures"][0].update(colour="red"), "figures[0].colour", "Unknown field"),
    ("missing field", lambda d: d["figures"][0].pop("label"), "figures[0].label", "Field required"),
    ("string number", lambda d: d["figures"][0].update(value="99.92"), "figures[0].value", "number"),
    (
        "bool number",
        lambda d: d["figures"][0]["source"].update(section=True),
        "figures[0].source.section",
        "whole number",
    ),
    ("negative", lambda d: d["figures"][0].update(value=-1), "figures[0].value", "negative"),
    ("share without whole", lambda d: _figure(d, "socio-economic-targets").pop("out_of"), "figures[13]", "out_of"),
    ("fraction of money", lambda d: d["figures"][14].update(value=Decimal("1.5")), "figures[14].value", "whole number"),
    ("year missing", lambda d: d["figures"][14]["comparisons"][0].pop("year"), "figures[14].comparisons[0]", "year"),
    (
        "later year",
        lambda d: d["figures"][14]["comparisons"][0].update(year=2022),
        "figures[14].comparisons[0].year",
        "before",
    ),
    (
        "ambiguous, no note",
        lambda d: d["figures"][16]["comparisons"][0].pop("note"),
        "figures[16].comparisons[0]",
        "note",
    ),
    ("bad date", lambda d: d["metadata"].update(published="2022-13-45"), "metadata", "YYYY-MM-DD"),
    ("impossible day", lambda d: d["events"][0]["date"].update(day=31), "events[0].date", "2021-02-31 is not a date"),
    ("day and period", lambda d: d["events"][0]["date"].update(period="mid"), "events[0].date", "either"),
    ("rank twice", lambda d: d["highlights"][1].update(rank=1), "highlights[1].rank", "used twice"),
    ("slug twice", lambda d: d["highlights"][1].update(slug="elections"), "highlights[1].slug", "used twice"),
    ("event id", lambda d: d["events"][1].update(id="quarantine-return-home"), "events[1].id", "used twice"),
    ("bad slug", lambda d: d["highlights"][1].update(slug="-x-"), "highlights[1].slug", "kebab-case"),
    ("schema version", lambda d: d.update(schema_version=2), "schema_version", "Input should be 1"),
    ("wrong collection", lambda d: d.update(figures={}), "figures", "a list (a JSON array)"),
    ("too large", lambda d: d["figures"][14].update(value=10**18), "figures[14].value", "too large"),
    (
        "too precise",
        lambda d: d["figures"][0].update(value=Decimal("99.1234567")),
        "figures[0].value",
        "7 digits after",
    ),
    (
        "fall of 100 %",
        lambda d: d["figures"][14]["comparisons"][0].update(value=-100),
        "figures[14].comparisons[0].value",
        "above -100",
    ),
    ("share over whole", lambda d: d["figures"][13].update(value=13), "figures[13].value", "more than its whole"),
    ("page 0", lambda d: d["figures"][0]["source"].update(page=0), "figures[0].source.page", "greater than or equal"),
    ("row 0", lambda d: d["events"][0]["source"].update(row=0), "events[0].source.row", "greater than or equal"),
    (
        "hash in capitals",
        lambda d: d["metadata"].update(document={**_DOCUMENT, "sha256": "AB" * 32}),
        "metadata.document.sha256",
        "lower-case hexadecimal",
    ),
    (
        "short hash",
        lambda d: d["metadata"].update(document={**_DOCUMENT, "text_sha256": "ab"}),
        "metadata.document.text_sha256",
        "at least 64",
    ),
    (
        "unknown reader",
        lambda d: d["metadata"].update(document={**_DOCUMENT, "reader": "ocr"}),
        "metadata.document.reader",
        "'text', 'html', 'pdf' or 'docx'",
    ),
    (
        "rise over value",
        lambda d: d["figures"][31]["comparisons"][0].update(value=197),
        "figures[31]",
        "comparisons[0]: an increase of 197 is more than the value itself (196)",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "field", "reason"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_rule_rejects_its_bad_case(
    document: dict[str, Any],
    write_dataset: Writer,
    case: str,
    mutate: Callable[[dict[str, Any]], None],
    field: str,
    reason: str,
) -> None:
    mutate(document)
    problems = english_problems(write_dataset(document))
    assert any(path == field and reason in message for path, message in problems), problems


def test_where_a_quote_stands_and_the_document_read_load_and_are_kept(
    document: dict[str, Any], write_dataset: Writer
) -> None:
    from chilinh_cli.reading.loader import read_dataset
    from chilinh_cli.reading.rebuild import dataset_from_document

    document["metadata"]["document"] = _DOCUMENT
    document["figures"][0]["source"].update(page=3, paragraph=12)
    document["figures"][1]["source"].update(row=4)
    for dataset in (read_dataset(write_dataset(document)), dataset_from_document(document)):
        assert dataset.metadata.document is not None
        assert (dataset.metadata.document.reader, dataset.metadata.document.path) == ("pdf", "review.pdf")
        first, second = dataset.figures[0].source, dataset.figures[1].source
        assert (first.page, first.paragraph, first.row) == (3, 12, None)
        assert (second.page, second.paragraph, second.row) == (None, None, 4)
    assert dataset.figures[2].source.page is None


def test_every_problem_is_listed_not_only_the_first(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["unit"] = "furlongs"
    document["figures"][1]["qualifier"] = "about"
    problems = english_problems(write_dataset(document))
    assert {p for p, _ in problems} >= {"figures[0].unit", "figures[1].qualifier"}


# ---- the JSON Schema -----------------------------------------------------------------


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads((Path(__file__).resolve().parents[2] / "data" / "highlights.schema.json").read_text())
    hint = "data/highlights.schema.json is out of date: run 'chilinh schema > data/highlights.schema.json'"
    assert committed == json_schema(), hint


def test_data_file_satisfies_its_schema(document: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(json.dumps(document, default=float)), json_schema())
    document["figures"][0]["unit"] = "furlongs"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(document, default=float)), json_schema())


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1" * 4000, "111111111111… (4000 digits)"),
        ("2" * 5000, "222222222222… (5000 digits)"),
        ("1E999999999", "1E+999999999"),
        ("1" + "0" * 30, "100000000000… (31 digits)"),
    ],
)
def test_numbers_too_large_are_reported_at_their_field_and_shortened(
    written: str, shown: str, document: dict[str, Any]
) -> None:
    raw = json.dumps(document, ensure_ascii=False, default=float).replace('"value": 99.92', f'"value": {written}', 1)
    with pytest.raises(DataFileError) as caught:
        parse_and_validate(raw.encode(), "big.json")
    assert [field for field, _ in caught.value.problems] == ["figures[0].value"]
    ((_, reason),) = caught.value.problems
    assert reason.en == f"{shown} is too large (a number must be below 10^18)"
    assert reason.vi.startswith(shown.replace("digits", "chữ số"))
    assert len(caught.value.message("en")) < 200
    assert "sys." not in caught.value.message("en")
