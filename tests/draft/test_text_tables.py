"""Tables copied as text: a figure per row, its unit from the row's label."""

from __future__ import annotations

from decimal import Decimal

from chilinh_cli.draft import text_tables

HEADER = "Chỉ tiêu\tNăm 2023\tNăm 2024\tSo sánh (%)"


def test_a_row_gives_its_value_its_earlier_value_and_the_ratio() -> None:
    rows, unread = text_tables.read([HEADER, "Thu nội địa (tỷ đồng)\t742,3\t836,9\t112,7"], 2024)
    ((line, row),) = rows
    assert line.startswith("Thu nội địa")
    assert row == text_tables.Row(
        "Thu nội địa", Decimal("836.9") * 10**9, "vnd", None, (2023, Decimal("742.3") * 10**9), Decimal("112.7")
    )
    assert unread == 0


def test_rows_without_a_unit_or_a_number_are_not_read() -> None:
    lines = [
        "Chỉ tiêu | 2023 | 2024",
        "Doanh nghiệp thành lập mới (doanh nghiệp) | 64 | 71",
        "Tỷ lệ hộ nghèo (%) | 2,1 | 1,6",
        "Ghi chú | — | —",
        "Số xã đạt chuẩn | 10 | 12",
    ]
    rows, unread = text_tables.read(lines, 2024)
    assert [(row.label, row.value, row.unit, row.noun, row.percent_of_earlier) for _, row in rows] == [
        ("Doanh nghiệp thành lập mới", Decimal(71), "count", "doanh nghiệp", None),
        ("Tỷ lệ hộ nghèo", Decimal("1.6"), "percent", None, None),
    ]
    assert unread == 2


def test_a_table_without_the_year_reviewed_is_not_read_and_tables_are_found_among_lines() -> None:
    assert text_tables.read([HEADER, "Thu (tỷ đồng)\t1\t2\t200"], 2022) == ([], 1)
    lines = ["Đoạn văn.", HEADER, "Thu (tỷ đồng)\t1\t2\t200", "", "A\tB\tC"]
    assert text_tables.headed(lines) == [(1, 3)]


def test_a_plan_column_is_not_the_result_and_other_percentages_are_not_read() -> None:
    header = "Chỉ tiêu\tKế hoạch năm 2023\tThực hiện năm 2023\tTăng, giảm (%)\tSo KH (%)"
    ((_, row),), unread = text_tables.read([header, "Thu ngân sách (tỷ đồng)\t500\t550\t10\t110"], 2023)
    assert (row.value, row.earlier, row.percent_of_earlier, unread) == (Decimal(550) * 10**9, None, None, 0)
