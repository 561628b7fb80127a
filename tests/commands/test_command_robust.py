"""Nothing floods: long texts are cut in messages, problems are counted past the first few;
an SVG title holds no control character; the --debug hint works after the command."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chilinh_cli.model.errors import SHOWN_PROBLEMS, DataFileError
from chilinh_cli.model.text import clip
from chilinh_cli.words.messages import same
from readers import PRISTINE, dump, run, run_main


def test_clip_cuts_with_an_ellipsis() -> None:
    assert clip("short") == "short"
    cut = clip("x" * 10_000)
    assert len(cut) == 200
    assert cut.endswith("\u2026")


def test_a_640_kb_title_without_a_place_gives_a_short_message(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text("B\u00e1o c\u00e1o t\u1ed5ng k\u1ebft n\u0103m 2023 " + "ch\u1eef " * 160_000, encoding="utf-8")
    assert article.stat().st_size > 640_000
    done = run("draft", str(article))
    assert done.exit_code == 0  # no place is never refused: the draft asks the reviewer for it
    assert "no place" in done.stderr
    assert len(done.stderr) < 2000
    assert "\u2026" in done.stderr


def _many_problems(tmp_path: Path, count: int) -> Path:
    document = copy.deepcopy(PRISTINE)
    figure = document["figures"][0]
    document["figures"] = [{**figure, "id": f"x{n}", "unit": "bogus"} for n in range(count)]
    path = tmp_path / "many.json"
    path.write_text(dump(document), encoding="utf-8")
    return path


def test_100000_problems_print_at_most_200_lines_ending_with_the_rest(tmp_path: Path) -> None:
    path = _many_problems(tmp_path, 100_000)
    for args in (["list", "--data", str(path)], ["validate", str(path)]):
        done = run(*args)
        assert done.exit_code == 1
        lines = done.stderr.splitlines()
        assert len(lines) <= 200
        problems = int(lines[0].rpartition("(")[2].split()[0])
        assert problems >= 100_000
        assert lines[-1] == (
            f"  \u2026 and {problems - SHOWN_PROBLEMS} more problems (--all or --format json lists every one)"
        )


def test_validate_all_and_json_list_every_problem(tmp_path: Path) -> None:
    path = _many_problems(tmp_path, 300)
    every = run("validate", str(path), "--all")
    assert every.exit_code == 1
    assert "more problems" not in every.stderr
    assert sum("unit" in line for line in every.stderr.splitlines()) == 300
    as_json = run("validate", str(path), "-f", "json")
    assert len([p for p in json.loads(as_json.stdout)["problems"] if p["field"].endswith(".unit")]) == 300


def test_a_problem_quoting_a_long_text_is_cut() -> None:
    error = DataFileError("x.json", [("figures[0].label.vi", same("y" * 100_000)), ("a", same("b"))])
    assert len(error.said.en) < 1000


def test_an_svg_of_a_label_with_esc_and_bel_parses_as_xml(tmp_path: Path) -> None:
    document = copy.deepcopy(PRISTINE)
    document["figures"][0]["label"]["en"] = "Reve\x1b[31mnue\x07 bell"
    data = tmp_path / "esc.json"
    data.write_text(dump(document), encoding="utf-8")
    picture = tmp_path / "esc.svg"
    done = run("metric", document["figures"][0]["id"], "--data", str(data), "--export-svg", str(picture))
    assert done.exit_code == 0, done.stderr
    svg = picture.read_text(encoding="utf-8")
    ET.fromstring(svg)  # valid XML
    assert "\x1b" not in svg
    assert "\x07" not in svg


@pytest.mark.parametrize("args", [["list", "--debug"], ["--debug", "list"], ["list", "-f", "json", "--debug"]])
def test_debug_works_after_the_command(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys, *args)
    assert code == 0, err
    assert "Usage" not in err
    assert out
