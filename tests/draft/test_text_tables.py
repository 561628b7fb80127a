"""Tables copied as text: a figure per row, its unit from the row's label."""

from __future__ import annotations

from decimal import Decimal

from chilinh_cli.draft import text_tables

HEADER = "Chỉ tiêu\tNăm 2023\tNăm 2024\tSo sánh (%)"


def test_a_row_gives_its_value_its_earlier_value_and_the_ratio() -> None:
    rows, unread = text_tables.read([HEADER, "Thu nội địa (tỷ đồng)\t742,3\t836,9\t112,7"], 2024)
    ((line, row),) = rows
    assert line.startswith("Thu nội địa")
    assert (row.label, row.value, row.unit, row.noun, row.qualifier) == (
        "Thu nội địa",
        Decimal("836.9") * 10**9,
        "vnd",
        None,
        "exact",
    )
    assert [(c.basis, c.kind, c.value, c.year) for c in row.comparisons] == [
        ("previous_year", "from_value", Decimal("742.3") * 10**9, 2023),
        ("previous_year", "percent_of", Decimal("112.7"), 2023),
    ]
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
    assert [(row.label, row.value, row.unit, row.noun, len(row.comparisons)) for _, row in rows] == [
        ("Doanh nghiệp thành lập mới", Decimal(71), "count", "doanh nghiệp", 1),
        ("Tỷ lệ hộ nghèo", Decimal("1.6"), "percent", None, 1),
    ]
    assert unread == 2


def test_a_table_without_the_year_reviewed_is_not_read_and_tables_are_found_among_lines() -> None:
    assert text_tables.read([HEADER, "Thu (tỷ đồng)\t1\t2\t200"], 2022) == ([], 1)
    lines = ["Đoạn văn.", HEADER, "Thu (tỷ đồng)\t1\t2\t200", "", "A\tB\tC"]
    assert text_tables.headed(lines) == [(1, 3)]


def test_a_plan_column_is_the_plan_and_a_change_column_is_not_read() -> None:
    # the plan and 'So KH (%)' columns are now read as the plan comparisons (issue 20); a
    # change in % ('Tang, giam') is still not read
    header = "Chỉ tiêu\tKế hoạch năm 2023\tThực hiện năm 2023\tTăng, giảm (%)\tSo KH (%)"
    ((_, row),), unread = text_tables.read([header, "Thu ngân sách (tỷ đồng)\t500\t550\t10\t110"], 2023)
    assert (row.value, unread) == (Decimal(550) * 10**9, 0)
    assert [(c.basis, c.kind, c.value) for c in row.comparisons] == [
        ("plan", "from_value", Decimal(500) * 10**9),
        ("plan", "percent_of", Decimal(110)),
    ]
