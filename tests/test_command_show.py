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
