"""The door of `chilinh draft`: a document's kind from its bytes, one message for what cannot
be read, the text that was read saved beside the draft, and no reader imported by other commands."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chilinh_cli.draft.readers import sniff
from chilinh_cli.draft.readers.located import Lines, Where
from chilinh_cli.model.errors import DataFileError
from readers import run

DOCUMENTS = Path(__file__).parent.with_name("data") / "documents"


def _zip(names: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in names.items():
            archive.writestr(name, text)
    return out.getvalue()


def _scanned_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")  # a page that is a picture: no text at all
    return bytes(pdf.output())


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Nam 2023")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    return bytes(pdf.output())


def _half(name: str) -> bytes:
    raw = (DOCUMENTS / name).read_bytes()
    return raw[: len(raw) // 2]


BAD = {
    "scan.pdf": (_scanned_pdf, "a PDF without text (a scan or images of pages); run OCR on it first"),
    "locked.pdf": (_encrypted_pdf, "an encrypted PDF (it needs a password); save an unlocked copy"),
    "cut.pdf": (lambda: _half("city-events.pdf"), "a damaged or incomplete PDF"),
    "cut.docx": (lambda: _half("city-events.docx"), "a damaged or incomplete Word file (.docx)"),
    "old.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000), "an old Word .doc file (not .docx)"),
    "archive.zip": (lambda: _zip({"notes.txt": "hello"}), "a zip archive, not a Word document (.docx)"),
    "nothing.html": (
        lambda: b"<!doctype html><html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>",
        "a web page without an article's text",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_document_that_cannot_be_read_gets_one_message_saying_what_to_do(name: str, tmp_path: Path) -> None:
    make, said = BAD[name]
    path = tmp_path / name
    path.write_bytes(make())
    result = run("draft", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"chilinh: error: {path}: {said}")
    assert result.stderr.count("\n") == 1  # one line, no traceback
    vietnamese = run("draft", str(path), "--lang", "vi")
    assert vietnamese.exit_code == 1
    assert vietnamese.stderr.count("\n") == 1
    assert "Traceback" not in vietnamese.stderr


def test_the_kind_comes_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    for form, kind in (("pdf", "pdf"), ("docx", "docx"), ("html", "html"), ("txt", "text")):
        disguised = tmp_path / f"article-{form}.txt"
        disguised.write_bytes((DOCUMENTS / f"city-events.{form}").read_bytes())
        assert sniff.kind_of(disguised.read_bytes()) == kind
        result = run("draft", str(disguised))
        assert result.exit_code == 0, result.stderr
        assert f'"reader": "{kind}"' in result.stdout
    assert sniff.kind_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "doc"
    assert sniff.kind_of(_zip({"word/document.xml": "<w/>"})) == "docx"
    assert sniff.kind_of(_zip({"a.txt": "x"})) == "zip"
    assert sniff.kind_of(b"\xef\xbb\xbf<!DOCTYPE html><html>") == "html"
    assert sniff.kind_of(b"<!-- saved from url=(0014)about:internet -->\n<HTML><BODY>") == "html"
    assert sniff.kind_of("Tổng kết năm 2023 <html>".encode()) == "text"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<!doctype html>", b"<html>"]))
def test_any_bytes_are_read_or_refused_with_a_message_never_a_traceback(raw: bytes, head: bytes) -> None:
    data = head + raw
    assert sniff.kind_of(data) in ("text", "html", "pdf", "docx", "doc", "zip")
    try:
        reading = sniff.read(data, "random.bin")
    except DataFileError as error:
        said = (error.message("en"), error.message("vi"))
        reading = None
    if reading is None:
        assert said[0].startswith("random.bin: ")
        assert said[1].startswith("random.bin: ")
    else:
        assert isinstance(reading.text, str)
        assert len(reading.starts) == len(reading.wheres)


def test_a_reading_says_where_each_piece_stands() -> None:
    lines = Lines("pdf")
    lines.pieces([("Thu ngân sách đạt", 1), ("500 tỷ đồng.", 2)])
    lines.table([["Chỉ tiêu", "Năm 2023"], ["Thu (tỷ đồng)", ""]], 2)
    reading = lines.reading()
    assert reading.text == "Thu ngân sách đạt 500 tỷ đồng.\n\nChỉ tiêu\tNăm 2023\nThu (tỷ đồng)\t-\n"
    assert reading.where(0) == Where(1, 1)
    assert reading.where(reading.text.index("500")) == Where(2, 1)
    assert reading.where(reading.text.index("Thu (")) == Where(2, None, 2)
    assert reading.located("500 tỷ") == (reading.text.index("500"), Where(2, 1))
    assert reading.located("absent") is None


def test_save_text_writes_the_text_read_beside_the_draft_and_never_over_another_file(tmp_path: Path) -> None:
    target = tmp_path / "portal.json"
    source = DOCUMENTS / "portal-table.pdf"
    result = run("draft", str(source), "-o", str(target), "--save-text")
    assert result.exit_code == 0, result.stderr
    saved = (tmp_path / "portal.json.txt").read_text(encoding="utf-8")
    assert "Tốc độ tăng trưởng GRDP\t%\t7,5\t6,92\t7,86" in saved
    assert '"reader": "pdf"' in target.read_text(encoding="utf-8")
    target.unlink()
    refused = run("draft", str(source), "-o", str(target), "--save-text")  # the text file is there
    assert refused.exit_code == 1
    assert "already exists" in refused.stderr
    assert not target.exists()
    assert run("draft", str(source), "-o", str(target), "--save-text", "--force").exit_code == 0
    stdout = run("draft", str(source), "--save-text")
    assert stdout.exit_code == 2
    assert "--save-text" in stdout.stderr


def test_save_text_never_writes_over_the_article(tmp_path: Path) -> None:
    article = tmp_path / "review.json.txt"
    article.write_bytes((DOCUMENTS / "city-events.txt").read_bytes())
    result = run("draft", str(article), "-o", str(tmp_path / "review.json"), "--save-text", "--force")
    assert result.exit_code == 1
    assert "is the article itself" in result.stderr
    assert article.read_bytes() == (DOCUMENTS / "city-events.txt").read_bytes()


def test_no_other_command_imports_a_reader() -> None:
    code = (
        "import sys; from chilinh_cli.cli import entry; sys.argv = ['chilinh', 'list']\n"
        "try:\n    entry.run()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'pypdfium2', 'docx', 'lxml')"
        " or m.startswith('chilinh_cli.draft')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_an_unruled_pdf_tables_columns_are_tabs_and_its_rows_figures(tmp_path: Path) -> None:
    from fpdf import FPDF

    fonts = "/usr/share/fonts/truetype/dejavu/"
    pdf = FPDF()
    pdf.add_font("DejaVu", "", fonts + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", fonts + "DejaVuSans-Bold.ttf")
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, "Báo cáo huyện Thử Nghiệm năm 2023", new_x="LMARGIN", new_y="NEXT")
    rows = (
        ("Chỉ tiêu", "Năm 2022", "Năm 2023", "So sánh (%)"),
        ("Thu ngân sách (tỷ đồng)", "1.085,6", "1.212,4", "111,7"),
        ("Sản lượng lúa (tấn)", "96.450", "98.120", "101,7"),
    )
    with pdf.table(col_widths=(70, 30, 30, 30), borders_layout="NONE") as table:
        for row in rows:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    path = tmp_path / "unruled.pdf"
    pdf.output(str(path))
    reading = sniff.read(path.read_bytes(), "unruled.pdf")
    assert ["\t".join(row) for row in rows] == reading.text.split("\n")[2:5]
    result = run("draft", str(path))
    assert result.exit_code == 0, result.stderr
    assert '"value": 1212400000000' in result.stdout
    assert '"row": 2' in result.stdout
    assert '"page": 1' in result.stdout


def test_a_word_files_numbered_headings_keep_the_numbers_word_draws(tmp_path: Path) -> None:
    import docx

    from chilinh_cli.draft.readers.numbering import _formatted

    document = docx.Document()
    document.add_paragraph("Tổng kết năm 2023 của huyện Thử Nghiệm")
    for heading in ("Về kinh tế", "Về xã hội"):
        document.add_paragraph(heading, style="List Number")  # numbered by Word, not in its text
        document.add_paragraph("Thu ngân sách đạt 500 tỷ đồng, tăng 5% so với năm 2022, vượt kế hoạch đề ra.")
        document.add_paragraph("Trồng mới 120 ha rừng", style="List Bullet")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    lines = sniff.read(path.read_bytes(), "numbered.docx").text.split("\n")
    assert [line for line in lines if line[:2] in ("1.", "2.", "- ")] == [
        "1. Về kinh tế",
        "- Trồng mới 120 ha rừng",
        "2. Về xã hội",
        "- Trồng mới 120 ha rừng",
    ]
    result = run("draft", str(path))
    assert result.exit_code == 0, result.stderr
    assert '"title": {\n        "vi": "Về xã hội"' in result.stdout
    assert [_formatted(n, f) for n, f in ((4, "upperRoman"), (2, "lowerLetter"), (27, "lowerLetter"))] == [
        "IV",
        "b",
        "aa",
    ]
    assert [_formatted(n, f) for n, f in ((14, "lowerRoman"), (3, "decimalZero"), (5, "ordinal"))] == ["xiv", "03", "5"]


PAGE = """<!doctype html><html><head><title>Huyện Thử Nghiệm năm 2023</title></head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/kt">Kinh tế</a> <a href="/xh">Xã hội</a></div>
<div class="share"><a href="#fb">Facebook</a> <a href="#zalo">Zalo</a> <a href="#print">In bài</a></div>
<h1>Tổng kết năm 2023 của huyện Thử Nghiệm</h1>
<div class="sapo">Năm 2023, huyện Thử Nghiệm hoàn thành 18/20 chỉ tiêu chủ yếu, kinh tế tiếp tục tăng trưởng khá.</div>
<div class="content">
<p>Tổng thu ngân sách trên địa bàn đạt 512,4 tỷ đồng, tăng 8,1% so với năm 2022, vượt dự toán tỉnh giao.</p>
<p>Toàn huyện trồng mới 1.240 ha rừng tập trung, tỷ lệ che phủ rừng đạt 41,5%, cao hơn năm trước.</p>
<table><tr><th>Chỉ tiêu</th><th>Năm 2022</th><th>Năm 2023</th><th>So sánh (%)</th></tr>
<tr><td>Sản lượng lương thực (tấn)</td><td>96.450</td><td>98.120</td><td>101,7</td></tr></table>
<p>Công tác an sinh xã hội được quan tâm, 312 hộ thoát nghèo trong năm, đời sống Nhân dân được nâng lên.</p>
</div>
<div class="related"><h3>Tin liên quan</h3><ul><li><a href="/a">Huyện Thử Nghiệm đón 95.000 lượt khách dịp Tết</a></li>
<li><a href="/b">Giải ngân 1.950 tỷ đồng vốn đầu tư công</a></li></ul></div>
<div class="footer-line">Lượt truy cập: 12.345.678 - Trong ngày: 4.321</div>
<div class="footer-line">Giấy phép số 78/GP-TTĐT do Cục Phát thanh cấp</div>
</body></html>"""


def test_a_saved_pages_lead_text_and_table_are_read_its_clutter_is_not(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    text = sniff.read(path.read_bytes(), "page.htm").text
    assert text.split("\n")[0] == "Tổng kết năm 2023 của huyện Thử Nghiệm"
    assert "hoàn thành 18/20 chỉ tiêu chủ yếu" in text  # the lead, a div of its own
    assert "Sản lượng lương thực (tấn)\t96.450\t98.120\t101,7" in text.split("\n")
    assert "312 hộ thoát nghèo" in text
    for clutter in ("Trang chủ", "Facebook", "In bài", "Tin liên quan", "95.000 lượt khách", "1.950 tỷ", "12.345.678"):
        assert clutter not in text, clutter
    result = run("draft", str(path))
    assert result.exit_code == 0, result.stderr
    drafted = __import__("json").loads(result.stdout)
    assert {str(f["value"]) for f in drafted["figures"]} >= {"18", "512400000000", "1240", "98120", "312"}


def test_a_pdfs_text_of_glyph_numbers_is_no_text() -> None:
    from chilinh_cli.draft.readers.pdf import readable

    assert readable("Tổng thu ngân sách đạt 512,4 tỷ đồng, tăng 8,1%.")
    assert not readable("\x03\x04\x05\x06 \x07\x08\x09")  # glyph ids without a character map
    assert not readable("\ufffd\ufffd\ufffd \ufffd\ufffd")
    assert not readable("\ue001\ue002\ue003 \ue004")  # private-use codes
    assert not readable("....  ----  ////")
    assert not readable("   ")
