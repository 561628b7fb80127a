"""Results turned into what the renderers print: sheets of text for people, rows and
documents of raw values for scripts. Language choices live here; no terminal code."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from .core import ComparedFigure, CompareResult, SearchHit, derivation, figures_by_id
from .derive import Estimate
from .models import Comparison, Dataset, Event, Figure, Highlight, Source, Text
from .numfmt import format_money, format_number

Number = int | Decimal

WORDS: dict[str, dict[str, str]] = {
    "more_than": {"vi": "hơn", "en": "more than"},
    "nearly": {"vi": "gần", "en": "nearly"},
    "derived": {"vi": "suy ra", "en": "derived"},
    "up": {"vi": "↑ tăng", "en": "↑ up"},
    "down": {"vi": "↓ giảm", "en": "↓ down"},
    "unchanged": {"vi": "= không đổi", "en": "= unchanged"},
    "days": {"vi": "ngày", "en": "days"},
    "day": {"vi": "ngày", "en": "day"},
    "previous_year": {"vi": "so với năm {year}", "en": "against {year}"},
    "budget_estimate": {"vi": "so với dự toán", "en": "against the budget estimate"},
    "target": {"vi": "so với chỉ tiêu", "en": "against the target"},
    "baseline_previous_year": {"vi": "Giá trị năm {year}", "en": "{year} value"},
    "baseline_budget_estimate": {"vi": "Dự toán", "en": "Budget estimate"},
    "baseline_target": {"vi": "Chỉ tiêu", "en": "Target"},
    "ambiguous": {"vi": "cách hiểu không rõ", "en": "ambiguous wording"},
    "section": {"vi": "mục", "en": "section"},
    "early": {"vi": "đầu tháng", "en": "early"},
    "mid": {"vi": "giữa tháng", "en": "mid-"},
    "late": {"vi": "cuối tháng", "en": "late"},
    "inferred": {"vi": "năm suy ra từ ngữ cảnh", "en": "year inferred from context"},
}
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def word(key: str, lang: str, **values: object) -> str:
    return WORDS[key][lang].format(**values)


@dataclasses.dataclass(frozen=True, slots=True)
class Sheet:
    """A table of text for people: a title, column headers, rows and footnotes."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


# ---- values -----------------------------------------------------------------------------


def format_amount(value: Number, unit: str, lang: str, out_of: int | None = None) -> str:
    """A value in its unit, without qualifier: '967,3 tỷ đồng', '99.92%', '10/12', '34 days'."""
    if unit == "vnd":
        return format_money(value, lang)
    if unit == "percent":
        return format_number(value, lang) + "%"
    if unit == "share":
        return f"{format_number(value, lang)}/{format_number(out_of or 0, lang)}"
    if unit == "days":
        return f"{format_number(value, lang)} {word('day' if value == 1 else 'days', lang)}"
    return format_number(value, lang)


def with_qualifier(text: str, qualifier: str, lang: str) -> str:
    return text if qualifier == "exact" else f"{word(qualifier, lang)} {text}"


def format_figure_value(figure: Figure, lang: str) -> str:
    return with_qualifier(format_amount(figure.value, figure.unit, lang, figure.out_of), figure.qualifier, lang)


def format_estimate(estimate: Estimate, unit: str, qualifier: str, lang: str, *, signed: bool = False) -> str:
    """A stated or derived value; a derived one reads '… (derived)', with '≈' when it is rounded,
    and keeps the figure's qualifier."""
    text = format_amount(estimate.value, unit, lang)
    if signed and estimate.value > 0:
        text = "+" + text
    if not estimate.derived:
        return text
    rounded = not (estimate.low == estimate.value == estimate.high)
    return with_qualifier(f"{'≈ ' if rounded else ''}{text} ({word('derived', lang)})", qualifier, lang)


def format_change(comparison: Comparison, unit: str, lang: str) -> str:
    """The change as the article states it: '+22,4%', '-90'."""
    change_unit = "percent" if comparison.kind == "percent_change" else unit
    text = format_amount(comparison.value, change_unit, lang)
    return ("+" + text) if comparison.value > 0 else text


def format_source(source: Source, lang: str) -> str:
    return f"{word('section', lang)} {source.section}: \u201c{source.quote}\u201d"


def format_date(event: Event, lang: str) -> str:
    date = event.date
    if lang == "vi":
        if date.day is not None:
            text = f"{date.day}/{date.month}/{date.year}"
        elif date.period is not None:
            text = f"{word(date.period, lang)} {date.month}/{date.year}"
        else:
            text = f"{date.month}/{date.year}"
    else:
        month = _MONTHS_EN[date.month - 1]
        if date.day is not None:
            text = f"{date.day} {month} {date.year}"
        elif date.period == "mid":
            text = f"mid-{month} {date.year}"
        elif date.period is not None:
            text = f"{word(date.period, lang)} {month} {date.year}"
        else:
            text = f"{month} {date.year}"
    if date.year_inferred:
        text += f" ({word('inferred', lang)})"
    return text


def baseline_name(comparison: Comparison, lang: str) -> str:
    return word(f"baseline_{comparison.basis}", lang, year=comparison.year)


# ---- sheets (tables for people) ---------------------------------------------------------

HEADERS: dict[str, dict[str, str]] = {
    "rank": {"vi": "#", "en": "#"},
    "highlight": {"vi": "Dấu ấn", "en": "Highlight"},
    "headline": {"vi": "Số liệu chính", "en": "Headline figures"},
    "id": {"vi": "Mã", "en": "Id"},
    "figure": {"vi": "Chỉ tiêu", "en": "Figure"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "field": {"vi": "Mục", "en": "Field"},
    "year": {"vi": "Năm", "en": "Year"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "note": {"vi": "Ghi chú", "en": "Note"},
    "change": {"vi": "Thay đổi", "en": "Change"},
    "change_percent": {"vi": "Thay đổi %", "en": "Change %"},
    "direction": {"vi": "Xu hướng", "en": "Direction"},
    "comparison": {"vi": "So sánh", "en": "Comparison"},
    "title_vi": {"vi": "Tiêu đề (tiếng Việt)", "en": "Title (Vietnamese)"},
    "title_en": {"vi": "Tiêu đề (tiếng Anh)", "en": "Title (English)"},
    "summary": {"vi": "Tóm tắt", "en": "Summary"},
    "event": {"vi": "Sự kiện", "en": "Event"},
    "kind": {"vi": "Loại", "en": "Kind"},
    "matched": {"vi": "Khớp ở", "en": "Matched"},
    "text": {"vi": "Nội dung", "en": "Text"},
    "name": {"vi": "Tên", "en": "Name"},
}

KINDS = {
    "figure": {"vi": "số liệu", "en": "figure"},
    "highlight": {"vi": "dấu ấn", "en": "highlight"},
    "event": {"vi": "sự kiện", "en": "event"},
}


def header(key: str, lang: str) -> str:
    return HEADERS[key][lang]


def list_sheet(dataset: Dataset, lang: str) -> Sheet:
    figures = figures_by_id(dataset)
    events = {event.id: event for event in dataset.events}
    rows: list[tuple[str, ...]] = []
    for highlight in dataset.highlights:
        parts = [
            f"{figures[ref].label.get(lang)}: {format_figure_value(figures[ref], lang)}" for ref in highlight.headline
        ]
        if not parts:
            parts = [f"{format_date(events[ref], lang)}: {events[ref].label.get(lang)}" for ref in highlight.events]
        rows.append((str(highlight.rank), highlight.short_title.get(lang), "; ".join(parts) or "—"))
    title = dataset.metadata.title if lang == "vi" else dataset.metadata.title_en
    published = dataset.metadata.published
    if lang == "vi":  # the metadata's ISO date, as Vietnamese readers write dates: 11/01/2022
        published = "/".join(reversed(published.split("-")))
    source = f"{dataset.metadata.publisher}, {published}"
    note = {
        "vi": f"Nguồn: {source}. 'chilinh metric' liệt kê mọi số liệu.",
        "en": f"Source: {source}. 'chilinh metric' lists every figure.",
    }[lang]
    return Sheet(
        title,
        (header("rank", lang), header("highlight", lang), header("headline", lang)),
        tuple(rows),
        (note,),
    )


def figures_sheet(dataset: Dataset, lang: str) -> Sheet:
    rows = tuple(
        (figure.id, figure.label.get(lang), format_figure_value(figure, lang), str(figure.source.section))
        for figure in dataset.figures
    )
    title = {"vi": "Mọi số liệu", "en": "Every figure"}[lang]
    note = {
        "vi": "'chilinh metric MÃ' cho biết chi tiết và nguồn của một số liệu.",
        "en": "'chilinh metric ID' shows one figure in full, with its source.",
    }[lang]
    columns = (header("id", lang), header("figure", lang), header("value", lang), word("section", lang).capitalize())
    return Sheet(title, columns, rows, (note,))


def figure_sheet(figure: Figure, lang: str) -> Sheet:
    rows: list[tuple[str, str]] = [
        (header("figure", lang), figure.label.get(lang)),
        (header("id", lang), ", ".join((figure.id, *figure.aliases))),
        (header("value", lang), format_figure_value(figure, lang)),
        (header("year", lang), str(figure.year)),
        (header("source", lang), format_source(figure.source, lang)),
    ]
    notes: list[str] = []
    if figure.note is not None:
        rows.append((header("note", lang), figure.note.get(lang)))
    for comparison in figure.comparisons:
        against = word(comparison.basis, lang, year=comparison.year)
        stated = f"{format_change(comparison, figure.unit, lang)} {against}"
        if comparison.ambiguous:
            stated += f" ({word('ambiguous', lang)})"
        rows.append((header("comparison", lang), stated))
        rows.append((header("source", lang), format_source(comparison.source, lang)))
        derived = derivation(figure, comparison)
        if derived is not None:
            rows.append(
                (
                    baseline_name(comparison, lang),
                    format_estimate(derived.baseline, figure.unit, figure.qualifier, lang),
                )
            )
        if comparison.note is not None:
            rows.append((header("note", lang), comparison.note.get(lang)))
    if any(derivation(figure, c) is not None for c in figure.comparisons):
        notes.append(_derived_note(lang))
    return Sheet(figure.label.get(lang), (header("field", lang), header("value", lang)), tuple(rows), tuple(notes))


def highlight_sheet(dataset: Dataset, highlight: Highlight, lang: str) -> Sheet:
    """One highlight in full: both titles, the summary, each figure with its comparisons and source."""
    figures = figures_by_id(dataset)
    events = {event.id: event for event in dataset.events}
    rows: list[tuple[str, str]] = [
        (header("rank", lang), str(highlight.rank)),
        (header("title_vi", lang), highlight.title.vi),
        (header("title_en", lang), highlight.title.en),
        (header("summary", lang), highlight.summary.get(lang)),
    ]
    derived_shown = False
    for ref in highlight.figures:
        figure = figures[ref]
        parts = [format_figure_value(figure, lang)]
        for comparison in figure.comparisons:
            stated = (
                f"{format_change(comparison, figure.unit, lang)} {word(comparison.basis, lang, year=comparison.year)}"
            )
            derived = derivation(figure, comparison)
            if derived is not None:
                estimate = format_estimate(derived.baseline, figure.unit, figure.qualifier, lang)
                stated += f"; {baseline_name(comparison, lang)}: {estimate}"
                derived_shown = True
            if comparison.ambiguous:
                stated += f" ({word('ambiguous', lang)})"
            parts.append(stated)
        parts.append(format_source(figure.source, lang))
        rows.append((figure.label.get(lang), " — ".join(parts)))
    for ref in highlight.events:
        event = events[ref]
        rows.append((format_date(event, lang), f"{event.label.get(lang)} — {format_source(event.source, lang)}"))
    notes = (_derived_note(lang),) if derived_shown else ()
    title = f"{highlight.rank}. {highlight.short_title.get(lang)}"
    return Sheet(title, (header("field", lang), header("value", lang)), tuple(rows), notes)


def search_sheet(hits: list[SearchHit], text: str, lang: str) -> Sheet:
    rows = tuple(
        (KINDS[hit.kind][lang], hit.key, _hit_label(hit, lang), _matched_field(hit.field, lang), hit.text)
        for hit in hits
    )
    title = {"vi": f"Kết quả tìm \u201c{text}\u201d", "en": f"Results for \u201c{text}\u201d"}[lang]
    columns = (
        header("kind", lang),
        header("id", lang),
        header("name", lang),
        header("matched", lang),
        header("text", lang),
    )
    return Sheet(title, columns, rows)


_FIELDS_VI = {
    "id": "mã",
    "alias": "tên khác",
    "label": "nhãn",
    "title": "tiêu đề",
    "short_title": "tiêu đề ngắn",
    "summary": "tóm tắt",
    "quote": "trích dẫn",
}
_LANGUAGES_VI = {"vi": "tiếng Việt", "en": "tiếng Anh"}


def _matched_field(field: str, lang: str) -> str:
    """'label.en' as a Vietnamese reader says it: 'nhãn (tiếng Anh)'; English keeps the field's name."""
    if lang != "vi":
        return field
    name, _, language = field.partition(".")
    said = _FIELDS_VI.get(name, name)
    return f"{said} ({_LANGUAGES_VI[language]})" if language in _LANGUAGES_VI else said


def _hit_label(hit: SearchHit, lang: str) -> str:
    item = hit.item
    if isinstance(item, Figure):
        return f"{item.label.get(lang)}: {format_figure_value(item, lang)}"
    if isinstance(item, Highlight):
        return f"{item.rank}. {item.short_title.get(lang)}"
    return f"{format_date(item, lang)}: {item.label.get(lang)}"


def _derived_note(lang: str) -> str:
    return {
        "vi": "Giá trị \u201csuy ra\u201d do chilinh tính từ số liệu của bài viết (bài không nêu trực tiếp), "
        "làm tròn theo độ chính xác của số liệu gốc.",
        "en": "\u201cDerived\u201d values are computed by chilinh from the article's figures (the article does not "
        "state them), rounded to what the stated figures support.",
    }[lang]


def compare_sheet(result: CompareResult, current_year: int, lang: str) -> Sheet:
    rows: list[tuple[str, ...]] = []
    for row in result.rows:
        figure, derived = row.figure, row.derivation
        percent = derived.percent_change
        rows.append(
            (
                figure.label.get(lang),
                format_estimate(derived.baseline, figure.unit, figure.qualifier, lang),
                format_figure_value(figure, lang),
                format_estimate(derived.absolute_change, figure.unit, figure.qualifier, lang, signed=True),
                format_estimate(percent, "percent", "exact", lang, signed=True) if percent is not None else "—",
                word(row.direction, lang),
            )
        )
    omitted = len(result.omitted)
    notes = [_derived_note(lang)]
    if omitted:
        notes.append(
            {
                "vi": f"{omitted} số liệu khác không có so sánh với năm {result.year} trong bài viết "
                "nên không được đưa vào.",
                "en": f"{omitted} other figures have no comparison with {result.year} in the article and are left out.",
            }[lang]
        )
    title = {"vi": f"So sánh {current_year} với {result.year}", "en": f"{current_year} compared with {result.year}"}
    columns = (
        header("figure", lang),
        str(result.year),
        str(current_year),
        header("change", lang),
        header("change_percent", lang),
        header("direction", lang),
    )
    return Sheet(title[lang], columns, tuple(rows), tuple(notes))


@dataclasses.dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: its label, its length as a fraction of the longest, and its value."""

    label: str
    fraction: float
    text: str


@dataclasses.dataclass(frozen=True, slots=True)
class BarGroup:
    title: str
    bars: tuple[Bar, ...]
    change: Bar
    direction: str
    """'up', 'down' or 'unchanged': shown as a word and an arrow, never by colour alone."""


@dataclasses.dataclass(frozen=True, slots=True)
class Chart:
    title: str
    groups: tuple[BarGroup, ...]
    notes: tuple[str, ...] = ()


def compare_chart(result: CompareResult, current_year: int, lang: str) -> Chart:
    """Both years of each figure as bars on the figure's own scale, and its change in % on a
    scale shared by all figures (their units differ, their growth rates do not)."""
    percents = [abs(float(row.derivation.percent_change.value)) for row in result.rows if row.derivation.percent_change]
    widest = max(percents, default=0.0) or 1.0
    groups = []
    for row in result.rows:
        figure, derived = row.figure, row.derivation
        previous, current = float(derived.baseline.value), float(figure.value)
        top = max(abs(previous), abs(current)) or 1.0
        percent = derived.percent_change
        change_text = format_estimate(percent, "percent", "exact", lang, signed=True) if percent is not None else "—"
        groups.append(
            BarGroup(
                figure.label.get(lang),
                (
                    Bar(
                        str(result.year),
                        abs(previous) / top,
                        format_estimate(derived.baseline, figure.unit, figure.qualifier, lang),
                    ),
                    Bar(str(current_year), abs(current) / top, format_figure_value(figure, lang)),
                ),
                Bar(
                    header("change_percent", lang), abs(float(percent.value)) / widest if percent else 0.0, change_text
                ),
                row.direction,
            )
        )
    sheet = compare_sheet(result, current_year, lang)
    return Chart(sheet.title, tuple(groups), sheet.notes)


# ---- documents and rows (for scripts) -----------------------------------------------------


def json_number(value: Number) -> int | float | str:
    """A number for JSON without losing digits: ints as ints, decimals as the float that prints
    identically (all stated values have few digits); anything longer as a string."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


def text_json(text: Text | None) -> dict[str, str] | None:
    return None if text is None else {"vi": text.vi, "en": text.en}


def estimate_json(estimate: Estimate, qualifier: str) -> dict[str, Any]:
    document: dict[str, Any] = {"value": json_number(estimate.value), "derived": estimate.derived}
    if estimate.derived:
        document.update(
            low=json_number(estimate.low),
            high=json_number(estimate.high),
            qualifier=qualifier,
            formula=estimate.formula,
        )
    return document


def figure_json(figure: Figure) -> dict[str, Any]:
    comparisons = []
    for comparison in figure.comparisons:
        derived = derivation(figure, comparison)
        comparisons.append(
            {
                "basis": comparison.basis,
                "year": comparison.year,
                "kind": comparison.kind,
                "value": json_number(comparison.value),
                "ambiguous": comparison.ambiguous,
                "note": text_json(comparison.note),
                "source": {"section": comparison.source.section, "quote": comparison.source.quote},
                "baseline": None if derived is None else estimate_json(derived.baseline, figure.qualifier),
            }
        )
    return {
        "id": figure.id,
        "aliases": list(figure.aliases),
        "label": text_json(figure.label),
        "value": json_number(figure.value),
        "out_of": figure.out_of,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "year": figure.year,
        "source": {"section": figure.source.section, "quote": figure.source.quote},
        "note": text_json(figure.note),
        "comparisons": comparisons,
    }


def highlight_json(dataset: Dataset, highlight: Highlight) -> dict[str, Any]:
    figures = figures_by_id(dataset)
    events = {event.id: event for event in dataset.events}
    return {
        "rank": highlight.rank,
        "slug": highlight.slug,
        "title": text_json(highlight.title),
        "short_title": text_json(highlight.short_title),
        "summary": text_json(highlight.summary),
        "headline": list(highlight.headline),
        "figures": [figure_json(figures[ref]) for ref in highlight.figures],
        "events": [event_json(events[ref]) for ref in highlight.events],
    }


def search_json(hits: list[SearchHit], text: str) -> dict[str, Any]:
    return {
        "query": text,
        "results": [
            {"kind": hit.kind, "id": hit.key, "matched": hit.field, "text": hit.text, "score": hit.score}
            for hit in hits
        ],
    }


SEARCH_CSV_COLUMNS = ("kind", "id", "matched", "text", "score")


def search_csv_rows(hits: list[SearchHit]) -> list[tuple[object, ...]]:
    return [(hit.kind, hit.key, hit.field, hit.text, hit.score) for hit in hits]


def metadata_json(dataset: Dataset) -> dict[str, Any]:
    meta = dataset.metadata
    return {
        "title": meta.title,
        "title_en": meta.title_en,
        "publisher": meta.publisher,
        "published": meta.published,
        "locality": text_json(meta.locality),
        "year": meta.year,
        "language": meta.language,
    }


def list_json(dataset: Dataset) -> dict[str, Any]:
    figures = figures_by_id(dataset)
    events = {event.id: event for event in dataset.events}
    return {
        "dataset": metadata_json(dataset),
        "highlights": [
            {
                "rank": h.rank,
                "slug": h.slug,
                "title": text_json(h.title),
                "short_title": text_json(h.short_title),
                "summary": text_json(h.summary),
                "figures": list(h.figures),
                "headline": [figure_json(figures[ref]) for ref in h.headline],
                "events": [event_json(events[ref]) for ref in h.events],
            }
            for h in dataset.highlights
        ],
    }


def event_json(event: Event) -> dict[str, Any]:
    date = event.date
    return {
        "id": event.id,
        "label": text_json(event.label),
        "date": {
            "year": date.year,
            "month": date.month,
            "day": date.day,
            "period": date.period,
            "year_inferred": date.year_inferred,
        },
        "source": {"section": event.source.section, "quote": event.source.quote},
    }


def compare_row_json(row: ComparedFigure) -> dict[str, Any]:
    figure, derived = row.figure, row.derivation
    percent = derived.percent_change
    return {
        "id": figure.id,
        "label": text_json(figure.label),
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "previous": {"year": row.comparison.year, **estimate_json(derived.baseline, figure.qualifier)},
        "current": {"year": figure.year, "value": json_number(figure.value), "derived": False},
        "change": estimate_json(derived.absolute_change, figure.qualifier),
        "change_percent": None if percent is None else estimate_json(percent, "exact"),
        "direction": row.direction,
        "source": {"section": row.comparison.source.section, "quote": row.comparison.source.quote},
    }


def compare_json(result: CompareResult, current_year: int) -> dict[str, Any]:
    return {
        "year": result.year,
        "current_year": current_year,
        "rows": [compare_row_json(row) for row in result.rows],
        "omitted": list(result.omitted),
    }


FIGURE_CSV_COLUMNS = (
    "id",
    "label_vi",
    "label_en",
    "value",
    "out_of",
    "unit",
    "qualifier",
    "year",
    "section",
    "quote",
    "comparison_basis",
    "comparison_year",
    "comparison_kind",
    "comparison_value",
    "comparison_ambiguous",
    "baseline_value",
    "baseline_derived",
)


def figure_csv_rows(figure: Figure) -> list[tuple[object, ...]]:
    """One row per stated comparison (one row when there is none): a long table for pandas."""
    base = (
        figure.id,
        figure.label.vi,
        figure.label.en,
        figure.value,
        figure.out_of,
        figure.unit,
        figure.qualifier,
        figure.year,
        figure.source.section,
        figure.source.quote,
    )
    if not figure.comparisons:
        return [base + (None,) * 7]
    rows: list[tuple[object, ...]] = []
    for comparison in figure.comparisons:
        derived = derivation(figure, comparison)
        rows.append(
            (
                *base,
                comparison.basis,
                comparison.year,
                comparison.kind,
                comparison.value,
                comparison.ambiguous,
                None if derived is None else derived.baseline.value,
                None if derived is None else True,
            )
        )
    return rows


LIST_CSV_COLUMNS = (
    "rank",
    "slug",
    "title_vi",
    "title_en",
    "short_title_vi",
    "short_title_en",
    "headline_ids",
    "figure_ids",
)


def list_csv_rows(dataset: Dataset) -> list[tuple[object, ...]]:
    return [
        (
            h.rank,
            h.slug,
            h.title.vi,
            h.title.en,
            h.short_title.vi,
            h.short_title.en,
            ";".join(h.headline),
            ";".join(h.figures),
        )
        for h in dataset.highlights
    ]


COMPARE_CSV_COLUMNS = (
    "id",
    "label_vi",
    "label_en",
    "unit",
    "qualifier",
    "previous_year",
    "previous_value",
    "previous_derived",
    "previous_low",
    "previous_high",
    "current_year",
    "current_value",
    "change",
    "change_derived",
    "change_percent",
    "change_percent_derived",
    "direction",
)


def compare_csv_rows(result: CompareResult) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for row in result.rows:
        figure, derived = row.figure, row.derivation
        percent = derived.percent_change
        rows.append(
            (
                figure.id,
                figure.label.vi,
                figure.label.en,
                figure.unit,
                figure.qualifier,
                row.comparison.year,
                derived.baseline.value,
                derived.baseline.derived,
                derived.baseline.low,
                derived.baseline.high,
                figure.year,
                figure.value,
                derived.absolute_change.value,
                derived.absolute_change.derived,
                None if percent is None else percent.value,
                None if percent is None else percent.derived,
                row.direction,
            )
        )
    return rows
