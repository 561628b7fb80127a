"""chilinh search: figures, highlights and events matching a text."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from chilinh_cli.cli.app import app
from readers import run, runner


def test_search_output_formats() -> None:
    plain = run("search", "bau cu").stdout.splitlines()
    assert plain[0] == "Kind\tId\tName\tMatched\tText"
    assert plain[1].startswith("figure\tvoter-turnout\tVoter turnout: 99.92%")
    document = json.loads(run("search", "revenue", "-f", "json").stdout)
    assert document["query"] == "revenue"
    assert document["results"][0]["id"] == "budget-revenue"
    rows = list(csv.DictReader(io.StringIO(run("search", "revenue", "-f", "csv").stdout)))
    assert rows[0]["id"] == "budget-revenue"


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_search_any_text_answers_or_says_nothing_matched(text: str) -> None:
    result = runner.invoke(app, ["search", text])
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_nothing_found_is_still_a_document_for_scripts() -> None:
    result = run("search", "zzzz", "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"query": "zzzz", "results": [], "more": 0}
    assert "nothing matches 'zzzz'" in result.stderr
    table = run("search", "zzzz", "-f", "csv")
    assert (table.exit_code, table.stdout) == (1, "kind,id,matched,text,score,checked,review\n")


def test_the_matched_field_is_said_in_words_in_english_too() -> None:
    result = run("search", "bau cu")
    matched = {line.split("\t")[3] for line in result.stdout.splitlines()[1:]}
    assert "label (Vietnamese)" in matched
    assert not any("." in field for field in matched)
    data = json.loads(run("search", "bau cu", "-f", "json").stdout)
    assert "label.vi" in {hit["matched"] for hit in data["results"]}  # scripts keep the field name
