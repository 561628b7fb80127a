"""Answers as sheets and charts for people, in a language. It derives nothing: every
value it shows comes with the answer (``core``); it only chooses words and layout."""

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, NamedTuple

from ..answers.core import (
    Answer,
    CompareAnswer,
    ComparedFigure,
    FigureAnswer,
    FiguresAnswer,
    HighlightAnswer,
    HighlightsAnswer,
    ListAnswer,
    SearchAnswer,
    SearchHit,
    SeriesAnswer,
)
from ..model.derive import Estimate
from ..model.records import Event, Figure, Highlight
from ..words import messages
from ..words.language import Lang
from ..words.messages import Msg
from ..words.numfmt import format_number
from .values import (
    baseline_name,
    format_amount,
    format_change,
    format_comparison,
    format_date,
    format_estimate,
    format_figure_value,
    format_published,
    format_source,
    format_year,
    review_mark,
)

if TYPE_CHECKING:
    from ..model.where import DatasetInfo
    from ..reading.tables import Table


class Sheet(NamedTuple):
    """A table of text for people: a title, column headers, rows and footnotes."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


class Bar(NamedTuple):
    """One bar of a chart: its label, its length as a fraction of the longest, and its value."""

    label: str
    fraction: float
    text: str
    derived: bool = False
    """Drawn in a lighter glyph: a value chilinh computed, not one the article states."""


class BarGroup(NamedTuple):
    title: str
    scale: str
    """What the value bars are measured against: 0 to this figure's larger value."""
    bars: tuple[Bar, ...]
    change: Bar | None
    """None for a series: each year's change is said beside its bar."""
    direction: str
    """'up', 'down' or 'unchanged': shown as a word (in ``change.text``) and an arrow, never by colour alone."""


class Chart(NamedTuple):
    title: str
    legend: str
    """What the glyphs mean, and how the change bars are scaled."""
    groups: tuple[BarGroup, ...]
    notes: tuple[str, ...] = ()


def sheet(answer: Answer, lang: Lang) -> Sheet:
    """The sheet a terminal, a pipe or a Markdown report shows for ``answer``; an answer about
    one review of a catalog says its place and year in the title, and its file in a note."""
    shown = _sheet(answer, lang)
    where = getattr(answer, "where", None)
    if where is None or isinstance(answer, SeriesAnswer | SearchAnswer):
        return shown
    assert not isinstance(where, str)
    place = _place(where, lang)
    title = f"{shown.title} ({place}, {where.year})"
    # The note says the place and year too: a pipe's plain lines have no title to say them.
    note = messages.REVIEW_FILE.get(lang).format(place=place, year=where.year, file=where.path)
    return shown._replace(title=title, notes=(*shown.notes, note))


def _sheet(answer: Answer, lang: Lang) -> Sheet:
    if isinstance(answer, ListAnswer):
        return _list_sheet(answer, lang)
    if isinstance(answer, FiguresAnswer):
        return _figures_sheet(answer, lang)
    if isinstance(answer, FigureAnswer):
        return _figure_sheet(answer, lang)
    if isinstance(answer, HighlightAnswer):
        return _highlight_sheet(answer, lang)
    if isinstance(answer, HighlightsAnswer):
        return _highlights_sheet(answer, lang)
    if isinstance(answer, CompareAnswer):
        return _compare_sheet(answer, lang)
    if isinstance(answer, SeriesAnswer):
        return _series_sheet(answer, lang)
    return _search_sheet(answer, lang)


def _h(key: str, lang: Lang) -> str:
    return messages.HEADERS[key].get(lang)


def _list_sheet(answer: ListAnswer, lang: Lang) -> Sheet:
    rows: list[tuple[str, ...]] = []
    for listed in answer.highlights:
        parts = [f"{a.figure.label.get(lang)}: {format_figure_value(a.figure, lang)}" for a in listed.headline]
        if not parts:
            parts = [_event(event, lang) for event in listed.events]
        rows.append((str(listed.highlight.rank), _short_title(listed.highlight, lang), "; ".join(parts) or "—"))
    meta = answer.metadata
    published = format_published(meta.published, lang) if meta.published else None
    if meta.publisher:  # 'Source: a newspaper, 2022-01-11'; a draft may know only the date, or nothing
        note = messages.LIST_NOTE.get(lang).format(source=", ".join(p for p in (meta.publisher, published) if p))
    elif published:
        note = messages.LIST_NOTE_PUBLISHED.get(lang).format(published=published)
    else:
        note = messages.LIST_NOTE_UNSOURCED.get(lang)
    columns = (_h("rank", lang), _h("highlight", lang), _h("headline", lang))
    title = meta.title if lang == "vi" or meta.title_en is None else meta.title_en
    if lang == "en" and meta.title_en is None:
        title += messages.UNTRANSLATED.get(lang)
    return Sheet(title, columns, tuple(rows), (note,))


def _short_title(highlight: Highlight, lang: Lang) -> str:
    """A highlight's short title (its title when it has none), marked when no person has checked it."""
    text = highlight.shown_title.get(lang)
    return text + review_mark(highlight, lang)


def _event(event: Event, lang: Lang) -> str:
    """'early May 2021: what happened', marked when no person has checked it."""
    text = f"{format_date(event, lang)}: {event.label.get(lang)}"
    return text + review_mark(event, lang)


def _figures_sheet(answer: FiguresAnswer, lang: Lang) -> Sheet:
    rows = tuple(
        (figure.id, figure.label.get(lang), format_figure_value(figure, lang), str(figure.source.section))
        for figure in answer.figures
    )
    columns = (_h("id", lang), _h("figure", lang), _h("value", lang), _h("section", lang))
    return Sheet(messages.EVERY_FIGURE.get(lang), columns, rows, (messages.FIGURES_NOTE.get(lang),))


def story(answer: FigureAnswer, lang: Lang) -> list[tuple[str, str]]:
    """Everything a figure carries, as (field, text) rows: its value as stated, its year (and
    'as of publication'), its source, its note, and each stated comparison with its words,
    its source, the value derived from it and its note. Every screen of a figure shows these."""
    figure = answer.figure
    rows = [
        (_h("value", lang), format_figure_value(figure, lang)),
        (_h("year", lang), format_year(figure, answer.published, lang)),
        (_h("source", lang), format_source(figure.source, lang)),
    ]
    if figure.note is not None:
        rows.append((_h("note", lang), figure.note.get(lang)))
    for stated in answer.comparisons:
        comparison = stated.comparison
        rows.append((_h("comparison", lang), format_comparison(comparison, figure.unit, lang, figure.out_of)))
        rows.append((_h("source", lang), format_source(comparison.source, lang)))
        if stated.derivation is not None:
            baseline = _estimate(stated.derivation.baseline, figure, lang)
            rows.append((baseline_name(comparison, lang), baseline))
        if comparison.note is not None:
            rows.append((_h("note", lang), comparison.note.get(lang)))
    return rows


def _figure_sheet(answer: FigureAnswer, lang: Lang) -> Sheet:
    figure = answer.figure
    rows = [
        (_h("figure", lang), figure.label.get(lang)),
        (_h("id", lang), ", ".join((figure.id, *figure.aliases))),
        *story(answer, lang),
    ]
    notes: tuple[str, ...] = (messages.DERIVED_NOTE.get(lang),) if answer.derives else ()
    if answer.where is not None and answer.matched != "id":
        notes += (_matched(answer, lang),)
    return Sheet(figure.label.get(lang), (_h("field", lang), _h("value", lang)), tuple(rows), notes)


def _matched(answer: FigureAnswer, lang: Lang) -> str:
    """'Place 2021: matched by its label': how the name asked for found a review's figure."""
    assert answer.where is not None
    field = _matched_field(answer.matched, lang)
    return messages.MATCHED_BY.get(lang).format(place=_place(answer.where, lang), year=answer.where.year, field=field)


def _highlight_sheet(answer: HighlightAnswer, lang: Lang) -> Sheet:
    """One highlight in full: both titles, the summary, each figure's whole story, each event."""
    highlight = answer.highlight
    rows: list[tuple[str, str]] = [
        (_h("rank", lang), str(highlight.rank)),
        (_h("title_vi", lang), highlight.title.vi),
        (_h("title_en", lang), highlight.title.get("en")),
        *(((_h("summary", lang), highlight.summary.get(lang)),) if highlight.summary is not None else ()),
    ]
    for figure_answer in answer.figures:
        rows.append((_h("figure", lang), figure_answer.figure.label.get(lang)))
        rows += [(f"  {field}", text) for field, text in story(figure_answer, lang)]
    for event in answer.events:
        rows.append((_h("event", lang), _event(event, lang)))
        rows.append((f"  {_h('source', lang)}", format_source(event.source, lang)))
    notes = (messages.DERIVED_NOTE.get(lang),) if any(a.derives for a in answer.figures) else ()
    title = f"{highlight.rank}. {_short_title(highlight, lang)}"
    return Sheet(title, (_h("field", lang), _h("value", lang)), tuple(rows), notes)


def _highlights_sheet(answer: HighlightsAnswer, lang: Lang) -> Sheet:
    """Every highlight in full, one after another, each introduced by its rank and title."""
    rows: list[tuple[str, ...]] = []
    notes: tuple[str, ...] = ()
    for highlight in answer.highlights:
        one = _highlight_sheet(highlight, lang)
        rows.append((_h("highlight", lang), one.title))
        rows += [(f"  {field}", text) for field, text in one.rows[1:]]
        notes = notes or one.notes
    return Sheet(messages.EVERY_HIGHLIGHT.get(lang), (_h("field", lang), _h("value", lang)), tuple(rows), notes)


def _series_sheet(answer: SeriesAnswer, lang: Lang) -> Sheet:
    """One figure across a catalog, a group per kind of value (never an amount beside a share
    in one column): of one place, a row per year with its change on the year before and its
    file; of several, a row per place and year, newest first."""
    groups = answer.groups
    many = len(groups) > 1
    rows: list[tuple[str, ...]] = []
    for kind, found in groups:
        group = (_kind_name(kind, lang),) if many else ()
        if answer.one_place:
            for row in answer.rows(found):
                each = row.answer
                change = "—" if row.change is None else _series_change(row.change, each.figure, lang)
                if row.unbounded:
                    change = messages.NO_CHANGE_FROM_BOUNDS.get(lang)
                if row.value.derived:  # a year no review states, implied by the later one
                    year, value = str(row.year), _estimate(row.value, each.figure, lang)
                else:
                    year = format_year(each.figure, each.published, lang)
                    value = format_figure_value(each.figure, lang) + messages.STATED_MARK.get(lang)
                rows.append((*group, year, value, change, each.where.path if each.where is not None else ""))
        else:
            rows += [
                (
                    *group,
                    _place(each.where, lang),
                    format_year(each.figure, each.published, lang),
                    format_figure_value(each.figure, lang),
                    format_source(each.figure.source, lang),
                )
                for each in found
            ]
    keys = ("year", "value", "change", "file") if answer.one_place else ("place", "year", "value", "source")
    columns = (*((_h("group", lang),) if many else ()), *(_h(key, lang) for key in keys))
    notes: list[str] = []
    if answer.one_place:
        notes.append(messages.DERIVED_NOTE.get(lang))
    if many:
        kinds = ", ".join(_kind_name(kind, lang) for kind, _ in groups)
        notes.append(messages.SERIES_KINDS.get(lang).format(count=len(groups), kinds=kinds))
    notes += [_matched(each, lang) for each in answer.figures if each.where is not None and each.matched != "id"]
    first = answer.figures[0]
    title = first.figure.label.get(lang)
    if answer.one_place and first.where is not None:
        title += f" ({_place(first.where, lang)})"
    return Sheet(title, columns, tuple(rows), tuple(notes))


def _whole(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value.normalize()


def _kind_name(kind: str, lang: Lang) -> str:
    unit, _, basis = kind.partition(":")
    name = messages.UNIT_NAMES[unit].get(lang) if unit in messages.UNIT_NAMES else unit
    return f"{name} ({basis})" if basis else name


def _series_change(change: Estimate, figure: Figure, lang: Lang, *, interval: bool = True) -> str:
    """A change on the year before, derived, with its interval when it has one (and ``interval``)."""
    unit = "points" if figure.unit == "percent" else figure.unit
    text = format_estimate(change, unit, figure.qualifier, lang, signed=True, noun=figure.noun)
    if interval and change.low != change.high:
        # the ends written to a tenth of the interval's width, rounded outwards: still holding it
        step = Decimal(1).scaleb((Decimal(change.high) - Decimal(change.low)).adjusted() - 1)
        ends = (
            (Decimal(change.low) / step).to_integral_value(ROUND_FLOOR) * step,
            (Decimal(change.high) / step).to_integral_value(ROUND_CEILING) * step,
        )
        low, high = (format_amount(_whole(end), unit, lang, noun=figure.noun) for end in ends)
        text += " " + messages.INTERVAL.get(lang).format(low=low, high=high)
    return text


def _place(where: "DatasetInfo | None", lang: Lang) -> str:
    return "" if where is None else (where.place_vi if lang == "vi" else where.place_en)


def _search_sheet(answer: SearchAnswer, lang: Lang) -> Sheet:
    places = any(hit.where is not None for hit in answer.hits)
    rows = tuple(
        (
            *((f"{_place(hit.where, lang)} {hit.where.year if hit.where else ''}",) if places else ()),
            *(messages.KINDS[hit.kind].get(lang), hit.key, _hit_label(hit, lang)),
            *(_matched_field(hit.field, lang), hit.text),
        )
        for hit in answer.hits
    )
    keys = (*(("place",) if places else ()), "kind", "id", "name", "matched", "text")
    notes = (messages.MORE_HITS.get(lang).format(more=answer.more),) if answer.more else ()
    title = messages.SEARCH_TITLE.get(lang).format(text=answer.query)
    return Sheet(title, tuple(_h(key, lang) for key in keys), rows, notes)


def _matched_field(field: str, lang: Lang) -> str:
    """'label.en' as a reader says it, 'label (English)' in the run's language (JSON and CSV keep the field's name)."""
    name, _, language = field.partition(".")
    said = messages.FIELD_NAMES[name].get(lang) if name in messages.FIELD_NAMES else name
    return (
        messages.FIELD_IN_LANGUAGE.get(lang).format(field=said, language=messages.LANGUAGE_NAMES[language].get(lang))
        if language
        else said
    )


def _hit_label(hit: SearchHit, lang: Lang) -> str:
    item = hit.item
    if isinstance(item, Figure):
        return f"{item.label.get(lang)}: {format_figure_value(item, lang)}"
    if isinstance(item, Highlight):
        return f"{item.rank}. {_short_title(item, lang)}"
    return _event(item, lang)


def _compare_sheet(answer: CompareAnswer, lang: Lang) -> Sheet:
    rows: list[tuple[str, ...]] = []
    for row in answer.rows:
        figure = row.figure
        rows.append(
            (
                figure.label.get(lang),
                _previous(row, lang),
                format_figure_value(figure, lang),
                _change(row, lang),
                _change_percent(row, lang),
                messages.DIRECTIONS[row.direction].get(lang),
            )
        )
    notes = [messages.DERIVED_NOTE.get(lang)]
    if any(row.stated is not None for row in answer.rows):
        notes.append(messages.STATED_NOTE.get(lang).format(year=answer.year))
    if any(row.stated is not None and row.stated.conflict for row in answer.rows):
        notes.append(messages.CONFLICT_NOTE.get(lang))
    if answer.omitted:
        notes.append(messages.OMITTED_NOTE.get(lang).format(count=len(answer.omitted), year=answer.year))
    columns = (
        _h("figure", lang),
        str(answer.year),
        str(answer.current_year),
        _h("change", lang),
        _h("change_percent", lang),
        _h("direction", lang),
    )
    title = messages.COMPARE_TITLE.get(lang).format(current=answer.current_year, year=answer.year)
    return Sheet(title, columns, tuple(rows), tuple(notes))


def _estimate(estimate: Estimate, figure: Figure, lang: Lang, *, signed: bool = False) -> str:
    """A value stated or derived for ``figure``, in its unit and with its noun."""
    return format_estimate(estimate, figure.unit, figure.qualifier, lang, signed=signed, noun=figure.noun)


def _change(row: ComparedFigure, lang: Lang) -> str:
    """The change in the figure's unit; a change stated in percentage points says so ('+1.4
    percentage points'), never '+1.4%', which would read as a relative change."""
    figure = row.figure
    if row.comparison.kind == "point_change":
        return format_change(row.comparison, figure.unit, lang)
    if figure.unit == "percent":  # the difference of two percentages is in points
        return format_estimate(row.derivation.absolute_change, "points", figure.qualifier, lang, signed=True)
    return _estimate(row.derivation.absolute_change, figure, lang, signed=True)


def _change_percent(row: ComparedFigure, lang: Lang) -> str:
    """The change in %; a comparison stated as a ratio ('1.5 times the 2022 value') in its own words."""
    if row.comparison.kind in messages.RELATIONS and row.comparison.kind != "from_value":
        return format_comparison(row.comparison, row.figure.unit, lang)
    if row.comparison.kind == "percent_change" and row.comparison.high is not None:
        return format_change(row.comparison, "percent", lang)  # stated as a range: '+8–9%'
    percent = row.derivation.percent_change
    return format_estimate(percent, "percent", "exact", lang, signed=True) if percent is not None else "—"


def _previous(row: ComparedFigure, lang: Lang) -> str:
    """The value of the year compared with: stated by that year's review when the catalog has
    it (and, when it conflicts with the derived one, both), else derived."""
    figure = row.figure
    derived = _estimate(row.derivation.baseline, figure, lang)
    if row.stated is None:
        return derived
    stated = messages.STATED_VALUE.get(lang).format(value=format_figure_value(row.stated.figure, lang))
    return messages.CONFLICTING.get(lang).format(stated=stated, derived=derived) if row.stated.conflict else stated


def chart(answer: CompareAnswer, lang: Lang) -> Chart:
    """Both years of each figure as bars on the figure's own scale, and its change in % on a
    scale shared by all figures (their units differ, their growth rates do not)."""
    percents = [abs(float(row.derivation.percent_change.value)) for row in answer.rows if row.derivation.percent_change]
    widest = max(percents, default=0.0) or 1.0
    groups = []
    for row in answer.rows:
        figure, derived = row.figure, row.derivation
        # the year compared with as the table shows it: the stated value when its review is in
        # the catalog (a solid bar), else the derived one
        shown = row.stated.figure.value if row.stated is not None else derived.baseline.value
        previous, current = float(shown), float(figure.value)
        larger = shown if abs(previous) > abs(current) else figure.value
        top = max(abs(previous), abs(current)) or 1.0
        percent = derived.percent_change
        change_text = _change_percent(row, lang)
        direction = messages.DIRECTIONS[row.direction].get(lang)
        top_text = format_amount(larger, figure.unit, lang, figure.out_of, figure.noun)
        scale = messages.CHART_SCALE.get(lang).format(top=top_text)
        groups.append(
            BarGroup(
                figure.label.get(lang),
                scale,
                (
                    Bar(
                        str(answer.year),
                        abs(previous) / top,
                        _previous(row, lang),
                        row.stated is None and derived.baseline.derived,
                    ),
                    Bar(str(answer.current_year), abs(current) / top, format_figure_value(figure, lang)),
                ),
                Bar(
                    _h("change_percent", lang),
                    abs(float(percent.value)) / widest if percent else 0.0,
                    f"{change_text} ({direction})",
                    percent is not None and percent.derived,
                ),
                row.direction,
            )
        )
    table = sheet(answer, lang)  # its title names the review of a catalog
    legend = messages.CHART_LEGEND.get(lang).format(widest=format_number(Decimal(str(widest)), lang) + "%")
    return Chart(table.title, legend, tuple(groups), table.notes)


def series_chart(answer: SeriesAnswer, lang: Lang) -> Chart:
    """A figure's series as bars, a group per kind of value: of one place a bar per year (its
    change on the year before beside it), of several a bar per place and year."""
    table = _series_sheet(answer, lang)
    groups = []
    for kind, found in answer.groups:
        top = max((abs(float(each.figure.value)) for each in found), default=0.0) or 1.0
        bars: list[Bar] = []
        if answer.one_place:
            for row in answer.rows(found):
                figure = row.answer.figure
                top = max(top, abs(float(row.value.value)))
                text = _estimate(row.value, figure, lang) if row.value.derived else format_figure_value(figure, lang)
                if row.change is not None:
                    text += f"; {_series_change(row.change, figure, lang, interval=False)}"
                bars.append(Bar(str(row.year), abs(float(row.value.value)), text, row.value.derived))
        else:
            for each in found:
                label = f"{_place(each.where, lang)} {each.where.year if each.where else ''}"
                bars.append(Bar(label, abs(float(each.figure.value)), format_figure_value(each.figure, lang)))
        scaled = tuple(bar._replace(fraction=bar.fraction / top) for bar in bars)
        first = found[0].figure
        top_text = format_amount(Decimal(str(top)), first.unit, lang, first.out_of, first.noun)
        scale = messages.CHART_SCALE.get(lang).format(top=top_text)
        groups.append(BarGroup(_kind_name(kind, lang), scale, scaled, None, "unchanged"))
    return Chart(table.title, messages.SERIES_LEGEND.get(lang), tuple(groups), table.notes)


# ---- one-line reports of export ---------------------------------------------------------------


def wrote_sqlite(path: str, written: "list[Table]") -> Msg:
    rows = sum(len(table.rows) for table in written)
    return messages.WROTE_SQLITE.format(path=path, tables=len(written), rows=rows)


def wrote_xlsx(path: str, written: "list[Table]") -> Msg:
    rows = sum(len(table.rows) for table in written)
    return messages.WROTE_XLSX.format(path=path, tables=len(written), rows=rows)


def wrote_csv(directory: str, written: "list[Table]") -> Msg:
    return messages.WROTE_CSV.format(path=directory, names=", ".join(f"{table.name}.csv" for table in written))
