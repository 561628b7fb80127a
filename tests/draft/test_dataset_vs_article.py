"""The embedded dataset, read against the article it comes from."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pytest

from chilinh_cli.model.records import Dataset, Source
from readers import parse_vi_amount


def _sections(article: str) -> dict[int, str]:
    starts = [(m.start(), int(m.group(1))) for m in re.finditer(r"^(\d{1,2})\. \w", article, re.MULTILINE)]
    bounds = [*starts, (len(article), 0)]
    return {number: article[start : bounds[i + 1][0]] for i, (start, number) in enumerate(starts)}


def _all_sources(dataset: Dataset) -> list[tuple[str, Source]]:
    sources = [(f.id, f.source) for f in dataset.figures]
    sources += [(f"{f.id} comparison", c.source) for f in dataset.figures for c in f.comparisons]
    sources += [(e.id, e.source) for e in dataset.events]
    return sources


def test_article_has_ten_numbered_sections(article: str) -> None:
    assert sorted(_sections(article)) == list(range(1, 11))


def test_every_quote_is_verbatim_in_its_section_and_unique(dataset: Dataset, article: str) -> None:
    sections = _sections(article)
    for name, source in _all_sources(dataset):
        assert unicodedata.normalize("NFC", source.quote) == source.quote, name
        assert sections[source.section].count(source.quote) == 1, f"{name}: {source.quote!r} not once in section"
        assert article.count(source.quote) == 1, f"{name}: quote is not unique in the article"


def test_highlight_titles_are_the_published_headings(dataset: Dataset, article: str) -> None:
    sections = _sections(article)
    for highlight in dataset.highlights:
        heading = sections[highlight.rank].splitlines()[0]
        assert heading == f"{highlight.rank}. {highlight.title.vi}"


def test_metadata_matches_the_article(dataset: Dataset, article: str) -> None:
    meta = dataset.metadata
    assert meta.title in article
    assert meta.publisher is not None
    assert "Đảng Cộng sản Việt Nam" in meta.publisher
    assert meta.published == "2022-01-11"
    assert "11/01/2022" in article
    assert meta.year == 2021


def test_every_value_written_in_digits_is_the_number_its_quote_writes(dataset: Dataset) -> None:
    checked = 0
    for figure in dataset.figures:
        if figure.unit == "share" or figure.wording is not None or not re.search(r"\d", figure.source.quote):
            continue
        assert parse_vi_amount(figure.source.quote) == Decimal(figure.value), figure.id
        checked += 1
    assert checked >= 28


def test_shares_are_the_fractions_their_quotes_write(dataset: Dataset) -> None:
    shares = {f.id: (f.value, f.out_of) for f in dataset.figures if f.unit == "share"}
    assert shares == {
        "socio-economic-targets": (10, 12),
        "village-heads-elected": (155, 155),
        "communes-with-nonlocal-leader": (14, 19),
    }


def test_qualifiers_follow_the_words_of_the_quote(dataset: Dataset) -> None:
    for figure in dataset.figures:
        quote = figure.source.quote.lower()
        more = bool(re.search(r"\b(hơn|trên) ", quote))
        nearly = "gần " in quote
        expected = "more_than" if more else "nearly" if nearly else "exact"
        assert figure.qualifier == expected, figure.id


def test_comparison_values_are_the_numbers_their_quotes_write(dataset: Dataset) -> None:
    for figure in dataset.figures:
        for comparison in figure.comparisons:
            magnitude = parse_vi_amount(comparison.source.quote.split("so với")[0])
            sign = -1 if comparison.source.quote.startswith("giảm") else 1
            assert Decimal(comparison.value) == sign * magnitude, figure.id


@pytest.mark.parametrize(
    ("figure_id", "value", "qualifier"),
    [
        ("budget-revenue", 967_300_000_000, "more_than"),
        ("industry-construction-output", 13_416_446_000_000, "exact"),
        ("agriculture-output", 2_556_619_000_000, "exact"),
        ("retail-services-revenue", 3_691_996_000_000, "nearly"),
        ("voter-turnout", Decimal("99.92"), "exact"),
        ("household-turnout", Decimal("98.51"), "exact"),
        ("petitions", 317, "exact"),
        ("party-members-admitted", 196, "exact"),
        ("constituencies-rerun", 0, "exact"),
        ("village-election-days", 1, "exact"),
        ("new-party-organisations", 1, "exact"),
        ("f1-contacts-quarantined", 7000, "nearly"),
        ("meals-per-day", 30000, "more_than"),
        ("village-heads-unanimous", 50, "more_than"),
    ],
)
def test_key_figures(dataset: Dataset, figure_id: str, value: int | Decimal, qualifier: str) -> None:
    figure = next(f for f in dataset.figures if f.id == figure_id)
    assert figure.value == value
    assert isinstance(figure.value, int) == isinstance(value, int)
    assert figure.qualifier == qualifier
    assert figure.year == 2021


def test_revenue_comparison_is_kept_as_stated_and_marked_ambiguous(dataset: Dataset) -> None:
    revenue = next(f for f in dataset.figures if "revenue" in f.aliases)
    (comparison,) = revenue.comparisons
    assert (comparison.basis, comparison.kind, comparison.value) == (
        "budget_estimate",
        "percent_change",
        Decimal("198.92"),
    )
    assert comparison.ambiguous
    assert comparison.note is not None


def test_dataset_shape(dataset: Dataset) -> None:
    assert [h.rank for h in dataset.highlights] == list(range(1, 11))
    assert len(dataset.figures) == 37
    dates = {e.id: (e.date.year, e.date.month, e.date.day, e.date.year_inferred) for e in dataset.events}
    assert dates["quarantine-return-home"] == (2021, 2, 10, True)
    assert dates["lockdown-lifted"] == (2021, 3, 3, False)
    assert dates["village-elections"] == (2021, 12, 25, False)
    assert dates["ioc-established"] == (2021, 12, None, False)
