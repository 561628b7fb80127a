"""compare --chart and --export-svg."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from typer.testing import CliRunner

from chilinh_cli import sheets
from chilinh_cli.cli import app
from chilinh_cli.core import compare
from chilinh_cli.models import Dataset
from chilinh_cli.render import render_chart

runner = CliRunner()


def test_chart_scales_and_words(dataset: Dataset) -> None:
    chart = sheets.chart(compare(dataset, 2020), "en")
    groups = {group.title: group for group in chart.groups}
    industry = groups["Industrial and construction output"]
    assert industry.bars[1].fraction == 1.0  # 2021 is the larger year
    assert round(industry.bars[0].fraction, 3) == round(10_960 / 13_416.446, 3)
    assert industry.change.fraction == 1.0  # the largest growth in % sets the shared scale
    assert industry.direction == "up"
    petitions = groups["Petitions received and handled"]
    assert petitions.direction == "down"
    assert petitions.bars[0].text == "407 (derived)"


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


def test_chart_is_not_for_json() -> None:
    assert runner.invoke(app, ["compare", "--chart", "-f", "json"]).exit_code == 2


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
