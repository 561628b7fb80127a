"""`chilinh draft` on the four forms of the test documents (text, saved page, PDF, Word): each
finds what the text finds, quotes the article's words only, never a page's menus or footer,
reads every table row, and records the document it read and where each quote stands."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, cast

import pytest
from ratchet import as_figures
from scoring import score

from chilinh_cli.draft.compose import draft_file
from chilinh_cli.draft.readers import sniff
from chilinh_cli.draft.readers.located import Reading
from readers import run

DOCUMENTS = Path(__file__).parent.with_name("data") / "documents"
NAMES = ["city-events", "district-report", "provincial-feature", "portal-table"]
FORMS = ["html", "pdf", "docx"]
_PAGE_PARTS = ("menu", "topbar", "breadcrumb", "related", "mostread", "footer", "tags", "inline_related")


def _spaced(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _source(name: str) -> list[str]:
    return (DOCUMENTS / "sources" / f"{name}.src").read_text(encoding="utf-8").splitlines()


def _page_parts(name: str) -> list[str]:
    """The words of the saved page that are not the article's: menus, links, tags, footer."""
    parts = []
    for line in _source(name):
        key, _, value = line.partition(" ")
        if key.lstrip("@") in _PAGE_PARTS and line.startswith("@"):
            parts += [part.strip() for part in value.split(" | ") if len(part.strip()) > 12]
    return parts


def _table_rows(name: str) -> list[str]:
    """Each table row of the source, as a reader gives it: cells by tabs, an empty cell '-'."""
    rows = []
    for line in _source(name):
        if line.startswith("|"):
            cells = [cell.strip() or "-" for cell in line.strip().strip("|").split("|")]
            rows.append("\t".join(cells))
    return rows


def _reading(name: str, form: str) -> Reading:
    return sniff.read((DOCUMENTS / f"{name}.{form}").read_bytes(), f"{name}.{form}")


def _drafted(name: str, form: str) -> dict[str, Any]:
    document = draft_file(DOCUMENTS / f"{name}.{form}", place=None, year=None, title=None).document
    return cast(dict[str, Any], document)  # read here by any field name


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", NAMES)
def test_each_form_finds_what_the_text_finds_at_most_one_less(name: str, form: str) -> None:
    reading = as_figures(json.loads((DOCUMENTS / f"{name}.expected.json").read_text(encoding="utf-8")))
    text = score(reading, _drafted(name, "txt")["figures"])
    other = score(reading, _drafted(name, form)["figures"])
    assert other.found >= text.found - 1, (other.missed, text.missed)
    assert other.extra <= text.extra + 1, other.extras


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", NAMES)
def test_every_quote_is_the_articles_words(name: str, form: str) -> None:
    article = _spaced((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    document = _drafted(name, form)
    sources = [f["source"] for f in document["figures"]]
    sources += [c["source"] for f in document["figures"] for c in f.get("comparisons", ())]
    sources += [e["source"] for e in document["events"]]
    assert sources
    for source in sources:
        for cell in source["quote"].split("\t"):  # a table's row quotes its cells
            assert _spaced(cell) in article, source


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_read_from_a_pages_menus_links_or_footer(name: str) -> None:
    text = _spaced(_reading(name, "html").text)
    article = _spaced((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    parts = [part for part in _page_parts(name) if _spaced(part) not in article]  # a tag may be the title's words
    assert len(parts) >= 5
    for part in parts:
        assert _spaced(part) not in text, part
    for button in ("Chia sẻ", "Facebook", "Zalo", "In bài", "Gửi email", "Tin liên quan"):  # the share buttons
        assert button not in text


@pytest.mark.parametrize("name", NAMES)
def test_a_pdfs_running_headers_footers_and_page_numbers_are_left_out(name: str) -> None:
    pages = json.loads((DOCUMENTS / f"{name}.pdf.pages.json").read_text(encoding="utf-8"))
    text = _reading(name, "pdf").text
    for header in pages["header"]:
        assert header not in text
    footer = re.escape(pages["footer"]).replace(r"\{n\}", r"\d+").replace(r"\{nb\}", r"\d+")
    assert not re.search(rf"(?m)^{footer}$", text)
    assert not re.search(r"(?m)^\d{1,3}$", text)  # no page number left on a line of its own


@pytest.mark.parametrize("name", NAMES)
def test_a_pdfs_lines_are_joined_into_the_texts_paragraphs(name: str) -> None:
    read = {_spaced(line) for line in _reading(name, "pdf").text.split("\n")}
    paragraphs = [_spaced(line) for line in (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8").split("\n")]
    long = [p for p in paragraphs if len(p.split()) > 25 and "\t" not in p]
    assert long
    assert sum(p in read for p in long) >= len(long) - 1


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", [n for n in NAMES if any(line.startswith("|") for line in _source(n))])
def test_every_table_row_is_read_as_a_row(name: str, form: str) -> None:
    lines = _reading(name, form).text.split("\n")
    rows = _table_rows(name)
    assert rows
    for row in rows:
        assert row in lines, row


@pytest.mark.parametrize("form", ["txt", *FORMS])
def test_the_draft_records_the_document_it_read(form: str) -> None:
    import hashlib

    path = DOCUMENTS / f"portal-table.{form}"
    drafted = draft_file(path, place=None, year=None, title=None)
    document = drafted.document["metadata"]["document"]
    assert drafted.reading is not None
    assert document == {
        "path": str(path),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "text_sha256": hashlib.sha256(drafted.reading.text.encode()).hexdigest(),
        "reader": {"txt": "text"}.get(form, form),
    }


def test_a_pdfs_quotes_keep_their_page_and_the_others_their_paragraph_or_row() -> None:
    expected = json.loads((DOCUMENTS / "district-report.expected.json").read_text(encoding="utf-8"))
    pages = {f["quote"]: f["page"] for f in expected["figures"]}
    figures = _drafted("district-report", "pdf")["figures"]
    same = [f for f in figures if f["source"]["quote"] in pages]
    assert len(same) >= 10
    assert all(f["source"]["page"] == pages[f["source"]["quote"]] for f in same)
    assert {f["source"]["page"] for f in figures} == {1, 2, 3}
    for form in ("html", "docx", "txt"):
        for figure in _drafted("portal-table", form)["figures"]:
            assert ("paragraph" in figure["source"]) != ("row" in figure["source"]), figure["source"]
            assert "page" not in figure["source"]


def test_the_drafts_of_every_form_load_with_their_new_fields(tmp_path: Path) -> None:
    for form in ["txt", *FORMS]:
        target = tmp_path / f"draft-{form}.json"
        result = run("draft", str(DOCUMENTS / f"city-events.{form}"), "-o", str(target))
        assert result.exit_code == 0, result.stderr
        checked = run("validate", str(target))
        assert checked.exit_code == 0, checked.stdout + checked.stderr


def test_every_command_shows_where_a_drafted_quote_stands(tmp_path: Path) -> None:
    target = tmp_path / "portal.json"
    assert run("draft", str(DOCUMENTS / "portal-table.pdf"), "-o", str(target)).exit_code == 0
    figures = json.loads(target.read_text(encoding="utf-8"))["figures"]
    figure = next(f for f in figures if f["source"]["page"] == 2 and "row" not in f["source"])
    answer = run("metric", figure["id"], "--data", str(target), "-f", "json")
    assert answer.exit_code == 0, answer.stderr
    assert json.loads(answer.stdout)["source"] == figure["source"]  # through the store and back
    shown = run("metric", figure["id"], "--data", str(target), "--lang", "vi")
    assert f"mục {figure['source']['section']}, trang 2: \u201c" in shown.stdout


@pytest.mark.parametrize("name", NAMES)
def test_each_pdf_quote_begins_on_the_page_it_records(name: str) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(DOCUMENTS / f"{name}.pdf"))
    pages = [_spaced(document[n].get_textpage().get_text_range()).replace("\t", " ") for n in range(len(document))]
    document.close()
    drafted = _drafted(name, "pdf")
    sources = [f["source"] for f in drafted["figures"]] + [e["source"] for e in drafted["events"]]
    assert sources
    for source in sources:  # a quote may run on to the next page: its page is that of its first words
        words = _spaced(source["quote"].replace("\t", " ")).split()
        on_page = pages[source["page"] - 1]
        if "row" in source:  # a ruled table's text runs cell by cell: each cell of the row is on the page
            assert all(_spaced(cell) in on_page for cell in source["quote"].split("\t") if cell != "-"), source
            continue
        assert " ".join(words[:3]) in on_page or words[0] in on_page[-80:], source
