"""Rendering answers: Rich tables and charts, colour, narrow terminals, hostile text, markdown and SVG."""

from __future__ import annotations

import csv
import io
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.answers import core
from chilinh_cli.answers.catalog import catalog_of, load_dataset, search
from chilinh_cli.answers.core import compare
from chilinh_cli.cli.app import app
from chilinh_cli.model.records import Dataset
from chilinh_cli.present import sheets
from chilinh_cli.present.render import render_chart, render_table
from chilinh_cli.words import messages
from readers import Writer, dump, run, runner


def test_rich_table_for_a_terminal(dataset: Dataset) -> None:
    out = io.StringIO()
    sheet = sheets.sheet(core.compare(dataset, 2020), "en")
    render_table(sheet, out, color=False, width=250)
    text = out.getvalue()
    assert "2021 compared with 2020" in text
    assert "≈ VND 10,960 billion (derived)" in text
    assert "\x1b" not in text
    coloured = io.StringIO()
    render_table(sheets.sheet(core.list_answer(dataset), "vi"), coloured, color=True, width=120)
    assert "\x1b[" in coloured.getvalue()
    assert "hơn 967,3 tỷ đồng" in coloured.getvalue()


def test_rich_markup_in_data_is_not_interpreted(document: dict[str, Any], write_dataset: Writer) -> None:
    from chilinh_cli.answers.catalog import load_dataset

    document["highlights"][0]["short_title"]["en"] = "[link=http://x]click[/link] [bold]b"
    out = io.StringIO()
    render_table(
        sheets.sheet(core.list_answer(load_dataset(write_dataset(document))), "en"), out, color=True, width=200
    )
    assert "[link=http://x]click[/link] [bold]b" in out.getvalue()


def test_table_is_used_on_a_terminal(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from chilinh_cli.present.render import Output, show

    captured = io.StringIO()
    monkeypatch.setattr(sys, "stdout", captured)
    monkeypatch.setattr(captured, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    show(core.compare(dataset, 2020), Output())
    assert "┃" in captured.getvalue() or "│" in captured.getvalue()
    assert "\x1b[" not in captured.getvalue()
    assert "computed by chilinh" in captured.getvalue()  # the footnote, below the table


@pytest.mark.parametrize("width", [20, 40])
def test_narrow_terminal(dataset: Dataset, width: int) -> None:
    out = io.StringIO()
    render_table(
        sheets.sheet(core.compare(dataset, 2020), "vi"),
        out,
        color=False,
        width=width,
    )
    lines = out.getvalue().splitlines()
    assert lines
    assert all(len(line) <= width for line in lines)


def _figure(dataset: Dataset, figure_id: str) -> core.FigureAnswer:
    """One figure's answer, as 'metric ID' gives it."""
    figure = next(figure for figure in dataset.figures if figure.id == figure_id)
    return core.figure_answer(figure, dataset.metadata.published)


@pytest.mark.parametrize(
    ("env", "flag", "coloured"),
    [({}, False, True), ({"NO_COLOR": "1"}, False, False), ({"TERM": "dumb"}, False, False), ({}, True, False)],
)
def test_colour_switches(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], flag: bool, coloured: bool
) -> None:
    from chilinh_cli.present.render import Output, show

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stdout", captured)
    monkeypatch.setattr(captured, "isatty", lambda: True, raising=False)
    show(_figure(dataset, "budget-revenue"), Output(no_color=flag))
    assert ("\x1b[" in captured.getvalue()) == coloured


def test_no_color_flag_is_accepted_by_every_query_command() -> None:
    for args in (["list"], ["metric", "revenue"], ["metric"], ["compare"]):
        assert runner.invoke(app, [*args, "--no-color"]).exit_code == 0


# ---- hostile data -------------------------------------------------------------------------


def test_hostile_text_is_printed_literally(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["label"]["en"] = "[bold red]x[/] \x1b[31mred\u202e =1+1"
    path = write_dataset(document)
    plain = run("metric", "voter-turnout", "--data", str(path)).stdout
    assert "[bold red]x[/]" in plain
    assert "\x1b" not in plain
    assert "\u202e" not in plain
    as_json = run("metric", "voter-turnout", "--data", str(path), "-f", "json").stdout
    assert "\x1b" not in as_json
    assert "\u202e" not in as_json
    assert json.loads(as_json)["label"]["en"] == "[bold red]x[/] \x1b[31mred\u202e =1+1"
    document["figures"][0]["label"]["vi"] = "=HYPERLINK(1)"
    rows = list(
        csv.reader(
            io.StringIO(run("metric", "voter-turnout", "--data", str(write_dataset(document)), "-f", "csv").stdout)
        )
    )
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_very_long_strings_stay_usable(document: dict[str, Any], tmp_path: Path) -> None:
    document["figures"][0]["label"]["en"] = "x" * 100_000
    path = tmp_path / "long.json"
    path.write_text(dump(document), encoding="utf-8")
    result = runner.invoke(app, ["metric", "voter-turnout", "--data", str(path)])
    assert result.exit_code == 0
    assert "x" * 100_000 in result.stdout


def test_control_characters_in_every_format(document: dict[str, Any], tmp_path: Path) -> None:
    hostile = "A\x1b]8;;http://evil\x07B\x00C\x9bD\u202eE\r\nF"
    document["figures"][0]["label"]["en"] = hostile
    document["highlights"][0]["short_title"]["en"] = hostile
    path = tmp_path / "hostile.json"
    path.write_text(dump(document), encoding="utf-8")
    for args in (["list"], ["metric", "voter-turnout"], ["metric"], ["list", "-f", "csv"], ["metric", "-f", "csv"]):
        output = runner.invoke(app, [*args, "--data", str(path)]).stdout
        assert not any(ch in output for ch in "\x1b\x07\x00\x9b\u202e\r"), args
    listed = runner.invoke(app, ["list", "-f", "json", "--data", str(path)]).stdout
    shown = runner.invoke(app, ["metric", "voter-turnout", "-f", "json", "--data", str(path)]).stdout
    for output in (listed, shown):
        assert not any(ch in output for ch in "\x1b\x07\x00\x9b\u202e\r")
    # escaped, not lost: the JSON still holds the exact text
    assert json.loads(listed)["highlights"][0]["short_title"]["en"] == hostile
    assert json.loads(shown)["label"]["en"] == hostile


def test_bytes_that_were_not_utf8_show_as_replacement_characters() -> None:
    shown = runner.invoke(app, ["metric", "\udcff\udcfe"]).stderr
    assert shown == "chilinh: error: no figure named '\ufffd\ufffd' ('chilinh metric' lists every figure)\n"


# ---- markdown -----------------------------------------------------------------------------


def test_markdown_tables() -> None:
    out = run("compare", "-f", "markdown").stdout
    assert out.startswith(
        "### 2021 compared with 2020\n\n| Figure | 2020 | 2021 | Change | Change % | Direction |\n|---|"
    )
    assert "| Petitions received and handled | 407 (derived) | 317 | -90 | ≈ -22.1% (derived) | ↓ down |" in out
    for args in (["list"], ["metric"], ["metric", "revenue"], ["show", "1"], ["search", "covid"]):
        assert run(*args, "--format", "markdown").stdout.startswith("### "), args


def test_markdown_escapes_pipes(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["label"]["en"] = "a | b `c`"
    out = run("metric", "voter-turnout", "-f", "markdown", "--data", str(write_dataset(document))).stdout
    assert "a \\| b \\`c\\`" in out


# ---- charts and SVG -----------------------------------------------------------------------


def test_chart_output_shows_direction_in_words(dataset: Dataset) -> None:
    out = io.StringIO()
    render_chart(sheets.chart(compare(dataset, 2020), "vi"), out, color=False, width=100)
    text = out.getvalue()
    assert "▲" in text
    assert "↑ tăng" in text
    assert "▼" in text
    assert "↓ giảm" in text
    assert "≈ 10.960 tỷ đồng (suy ra)" in text
    result = runner.invoke(app, ["compare", "--chart"])
    assert result.exit_code == 0
    assert "█" in result.stdout


def _svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    return " ".join("".join(node.itertext()) for node in root.iter()).replace("\xa0", " ")


def test_export_svg_of_a_table_and_a_chart(tmp_path: Path) -> None:
    table = tmp_path / "compare.svg"
    result = runner.invoke(app, ["compare", "--export-svg", str(table)])
    assert result.exit_code == 0
    assert "Petitions received and handled" in result.stdout  # the answer is printed as usual
    assert "Petitions" in _svg_text(table)
    chart = tmp_path / "chart.svg"
    assert runner.invoke(app, ["compare", "--chart", "--export-svg", str(chart)]).exit_code == 0
    assert "Change" in _svg_text(chart)


def test_export_svg_of_other_formats(tmp_path: Path) -> None:
    for args in (["list", "-f", "json"], ["metric", "revenue", "-f", "markdown"], ["search", "ocop", "-f", "csv"]):
        path = tmp_path / f"{args[0]}.svg"
        result = runner.invoke(app, [*args, "--export-svg", str(path)])
        assert result.exit_code == 0, args
        assert result.stdout
        ET.parse(path)


def test_export_svg_to_an_impossible_place(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["list", "--export-svg", str(blocker / "x.svg")])
    assert result.exit_code == 1
    assert "cannot write here" in result.stderr


def test_svg_goes_only_where_a_directory_exists(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.svg"
    result = runner.invoke(app, ["list", "--export-svg", str(target), "-l", "vi"])
    assert result.exit_code == 1
    assert result.stderr.endswith(f"chilinh: lỗi: {target}: không ghi được vào đây: không có thư mục hay tệp này\n")
    assert not (tmp_path / "missing").exists()


# ---- text from data stays text in Markdown; odd widths ----------------------------------------------


def _rendered_text(markdown: str) -> list[str]:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    assert not any(tag in html for tag in ("<img", "<a ", "<em>", "<code>"))
    root = ET.fromstring(f"<root>{html}</root>")
    return ["".join(cell.itertext()) for cell in root.iter() if cell.tag in ("td", "th", "h3", "p")]


HOSTILE = ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "a|b *c* _d_ `e` &amp; ~~f~~ \\"]


@pytest.mark.parametrize("label", HOSTILE)
def test_markdown_shows_text_from_data_as_text(
    label: str, document: dict[str, object], write_dataset: Callable[[object], Path]
) -> None:
    figures = document["figures"]
    assert isinstance(figures, list)
    figures[0]["label"]["en"] = label
    result = runner.invoke(app, ["metric", "voter-turnout", "-f", "markdown", "--data", str(write_dataset(document))])
    assert result.exit_code == 0
    assert label in _rendered_text(result.stdout)


@pytest.mark.parametrize("columns", ["0", "-3", "junk"])
def test_odd_column_counts_count_as_unset(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    from chilinh_cli.present.render import Output, show

    monkeypatch.setenv("COLUMNS", columns)
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stdout", captured)
    monkeypatch.setattr(captured, "isatty", lambda: True, raising=False)
    from chilinh_cli.answers.catalog import load_dataset

    show(_figure(load_dataset(), "budget-revenue"), Output(no_color=True))
    assert "Total budget revenue" in captured.getvalue()


def test_a_picture_fetches_nothing_when_opened(tmp_path: Path) -> None:
    picture = tmp_path / "list.svg"
    assert runner.invoke(app, ["list", "--export-svg", str(picture)]).exit_code == 0
    svg = picture.read_text(encoding="utf-8")
    assert "cdnjs" not in svg
    assert 'url("http' not in svg
    assert 'src: local("FiraCode-Regular");' in svg


def test_a_table_is_drawn_in_a_pipe_when_asked_and_tsv_is_named() -> None:
    drawn = run("metric", "revenue", "--format", "table")
    assert "┃" in drawn.stdout or "│" in drawn.stdout
    assert "\x1b[" not in drawn.stdout
    assert run("metric", "revenue", "--format", "tsv").stdout == run("metric", "revenue").stdout
    assert run("metric", "revenue", "-f", "tsv").stdout.startswith("Field\tValue\n")


def test_a_chart_draws_derived_values_lighter_and_wraps_long_labels(dataset: Dataset) -> None:
    out = io.StringIO()
    render_chart(sheets.chart(compare(dataset, 2020), "en"), out, color=False, width=80)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("      2020 ░░░") and line.endswith("407 (derived)") for line in lines)
    assert any(line.startswith("      2021 ███") and line.endswith(" 317") for line in lines)
    assert any("▽▽▽" in line and "(derived)" in line for line in lines)
    wrapped = lines.index("Total retail sales of goods and revenue from services (bars from 0 to VND")
    assert lines[wrapped + 1].startswith("    3,691.996 billion)")  # wrapped with an indent, whole numbers
    assert all(len(line) <= 80 for line in lines)


def _ask(args: list[str], dataset: Dataset) -> core.Answer:
    if args[0] == "list":
        return core.list_answer(dataset)
    if args[0] == "metric":
        return _figure(dataset, "budget-revenue") if len(args) > 1 else core.every_figure(dataset)
    if args[0] == "show":
        return core.highlight_answer(dataset, args[1])
    if args[0] == "compare":
        return core.compare(dataset)
    return search(catalog_of([dataset]), args[1])


SCREENS = [["list"], ["metric"], ["metric", "revenue"], ["show", "4"], ["compare"], ["search", "bau cu"]]


@pytest.mark.parametrize("width", [80, 60, 45])
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("args", SCREENS, ids=lambda a: " ".join(a))
def test_no_screen_splits_a_word_or_a_number(args: list[str], lang: str, width: int) -> None:
    from chilinh_cli.words.language import Lang

    assert lang in ("en", "vi")
    said: Lang = "vi" if lang == "vi" else "en"
    answer = _ask(args, load_dataset())
    sheet = sheets.sheet(answer, said)
    out = io.StringIO()
    render_table(sheet, out, color=False, width=width)
    text = out.getvalue()
    assert all(len(line) <= width for line in text.splitlines())
    flat = " ".join(text.split())
    for row in sheet.rows:
        for cell in row:
            for token in cell.split():
                assert token in flat, (token, width)


def test_a_narrow_terminal_gets_one_block_per_row(dataset: Dataset) -> None:
    out = io.StringIO()
    render_table(sheets.sheet(core.compare(dataset, 2020), "en"), out, color=False, width=50)
    text = out.getvalue()
    assert "┃" not in text
    assert "│" not in text
    assert "Petitions received and handled\n  2020: 407 (derived)\n  2021: 317\n" in text


def test_a_short_column_is_whole_beside_a_long_one_at_80_columns() -> None:
    result = run("metric", "revenue", "--lang", "vi", "--format", "table", env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for label in ("Thông tin", "Số liệu", "Giá trị", "So sánh", "Ghi chú"):
        assert any(label in line for line in lines), label  # on one line, not split at its space


def test_the_progress_bar_says_files_figures_and_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import time

    from chilinh_cli.present import render

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = render._BuildProgress("vi")
    bar.started = time.monotonic() - 2  # a build that has taken more than a second
    bar(1, 4, 1_000)
    bar(4, 4, 4_000)
    drawn = err.getvalue()
    assert "Đang đọc các tệp dữ liệu" in drawn
    assert "4.000 số liệu" in drawn
    assert "tệp/giây" in drawn
    assert "4/4" in drawn


def test_the_page_bar_counts_a_documents_pages_and_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import time

    from chilinh_cli.present import render

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert render.page_progress("en") is None  # a pipe: no bar
    bar = render._StepProgress("vi", messages.READING_PAGES)
    bar(1, 100)  # too soon for a bar
    assert err.getvalue() == ""
    bar.started = time.monotonic() - 1  # reading has taken more than half a second
    bar(2, 100)
    bar(100, 100)
    drawn = err.getvalue()
    assert "Đang đọc các trang tài liệu" in drawn
    assert "100/100" in drawn


def test_a_first_search_shows_a_bar_while_it_indexes_the_reviews(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io
    import time

    from chilinh_cli.answers.catalog import open_catalog
    from chilinh_cli.present import render

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert render.indexing("en") is None  # a pipe: no bar
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    steps: list[tuple[int, int]] = []
    catalog = open_catalog(None)
    try:
        search(catalog, "thu ngan sach", indexing=lambda done, total: steps.append((done, total)))
        assert steps == [(1, 1)]  # the embedded review, indexed at its first search
        steps.clear()
        search(catalog, "thu ngan sach", indexing=lambda done, total: steps.append((done, total)))
        assert steps == []  # indexed once: nothing to tell
    finally:
        catalog.store.close()
    bar = render._StepProgress("en", messages.INDEXING_REVIEWS)
    bar.started = time.monotonic() - 1
    bar(3, 10)
    bar(10, 10)
    assert "Indexing the reviews for their first search" in err.getvalue()
