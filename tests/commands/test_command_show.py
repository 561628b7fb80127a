"""chilinh show: one highlight in full."""

from __future__ import annotations

import csv
import io
import json

from readers import run


def test_show_highlight_in_full() -> None:
    result = run("show", "4")
    assert result.exit_code == 0
    out = result.stdout
    assert "Title (Vietnamese)\tPHÁT TRIỂN KINH TẾ- XÃ HỘI NĂM 2021- THÀNH QUẢ TỪ NỖ LỰC VƯỢT KHÓ" in out
    assert "Title (English)\tSocio-economic development in 2021" in out
    assert "  2020 value\t≈ VND 10,960 billion (derived)" in out
    revenue = out[out.index("Figure\tTotal budget revenue") :]
    assert revenue.startswith("Figure\tTotal budget revenue\n  Value\tmore than VND 967.3 billion\n  Year\t2021\n")
    assert "  Source\tsection 4: “Tổng thu ngân sách đạt hơn 967,3 tỷ đồng”" in revenue
    # the notes and the comparisons' quotes are shown, as by 'metric'
    assert "  Comparison\t“tăng 198,92% so với dự toán pháp lệnh” (the wording allows two readings" in revenue
    assert "  Note\t" in revenue


def test_show_events_and_languages() -> None:
    smart_city = run("show", "smart-city", "--lang", "vi").stdout
    assert (
        "Sự kiện\tgiữa tháng 12/2021: Công bố quyết định thành lập Trung tâm điều hành đô thị thông minh (IOC)"
        in smart_city
    )
    covid = run("show", "covid-19").stdout
    assert "10 February 2021 (year inferred from context)" in covid


def test_show_json_and_csv() -> None:
    document = json.loads(run("show", "petitions", "-f", "json").stdout)
    assert document["slug"] == "petitions"
    assert [f["id"] for f in document["figures"]] == ["petitions", "petitions-forwarded", "petition-resolution-rate"]
    assert document["figures"][0]["comparisons"][0]["baseline"]["value"] == 407
    rows = list(csv.DictReader(io.StringIO(run("show", "petitions", "-f", "csv").stdout)))
    assert [row["id"] for row in rows] == ["petitions", "petitions-forwarded", "petition-resolution-rate"]


def test_show_errors() -> None:
    assert run("show", "nope").exit_code == 1
    assert run("show", "").exit_code == 2


def test_show_without_a_key_shows_every_highlight() -> None:
    result = run("show")
    assert result.exit_code == 0
    titles = [line for line in result.stdout.splitlines() if line.startswith("Highlight\t")]
    assert len(titles) == 10
    assert titles[3] == "Highlight\t4. The economy in 2021"
    document = json.loads(run("show", "-f", "json").stdout)
    assert [h["rank"] for h in document["highlights"]] == list(range(1, 11))
    nothing = run("show", "99", "-f", "json")
    assert (nothing.exit_code, json.loads(nothing.stdout)) == (1, {"highlights": []})


def test_every_figure_of_a_highlight_carries_its_notes_and_marks() -> None:
    elections = run("show", "village-elections").stdout
    assert "  Value\tmore than half" in elections  # the article's words, not 'more than 1/2'
    officials = run("show", "9", "-l", "vi").stdout
    assert "  Năm\t2021, tính đến khi đăng bài (11/01/2022)" in officials  # stated 'hiện nay'
    rows = list(csv.DictReader(io.StringIO(run("show", "5", "-f", "csv").stdout)))
    unanimous = next(row for row in rows if row["id"] == "village-heads-unanimous")
    assert (unanimous["value"], unanimous["unit"], unanimous["qualifier"]) == ("50", "percent", "more_than")
    assert (unanimous["wording_en"], unanimous["wording_vi"]) == ("more than half", "hơn một nửa")
    assert unanimous["note_en"].startswith('The article says "more than half"')
