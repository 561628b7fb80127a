"""Answers as data for scripts: JSON documents and CSV rows, raw values in no language.

Like ``sheets``, it derives nothing: derived values come with the answer.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

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
    SeriesAnswer,
    kind_of,
)
from ..model.derive import Estimate, baseline_said, hedge, known_ends
from ..model.records import Event, Metadata, Source, Text, status_of
from ..model.where import DatasetInfo

if TYPE_CHECKING:
    from ..answers.checks import ArticleCheck, CatalogCheck, CheckAnswer

Number = int | Decimal
Rows = tuple[tuple[str, ...], list[tuple[object, ...]]]
"""Column names, then one tuple of raw values per row."""


def document(answer: Answer) -> dict[str, Any]:
    """The JSON document for ``answer``; an answer about one review of a catalog says which
    (``review``: place, year, file)."""
    said = _document(answer)
    where = getattr(answer, "where", None)
    if isinstance(where, DatasetInfo) and not isinstance(answer, FigureAnswer):
        said["review"] = _review_json(where)
    return said


def _document(answer: Answer) -> dict[str, Any]:
    if isinstance(answer, ListAnswer):
        return _list_json(answer)
    if isinstance(answer, FiguresAnswer):
        return {"figures": [figure_json(each) for each in answer.each()]}
    if isinstance(answer, FigureAnswer):
        return figure_json(answer)
    if isinstance(answer, HighlightAnswer):
        return _highlight_json(answer)
    if isinstance(answer, HighlightsAnswer):
        return {"highlights": [_highlight_json(each) for each in answer.highlights]}
    if isinstance(answer, CompareAnswer):
        return _compare_json(answer)
    if isinstance(answer, SeriesAnswer):
        groups = answer.groups
        said: dict[str, Any] = {"series": [figure_json(each) for each in answer.figures]}
        if len(groups) > 1:  # never one column of amounts and shares: the kinds, apart
            said["groups"] = [
                {"kind": kind, "reviews": [_review_json(each.where) for each in found if each.where is not None]}
                for kind, found in groups
            ]
        return said
    return _search_json(answer)


def rows(answer: Answer) -> Rows:
    """The CSV table for ``answer``: a long table, one row per fact, ready for pandas. An
    answer about one review of a catalog ends each row with its place, year and file."""
    columns, table = _rows(answer)
    where = getattr(answer, "where", None)
    if isinstance(where, DatasetInfo) and not isinstance(answer, FigureAnswer | SeriesAnswer):
        return (*columns, *REVIEW_CSV_COLUMNS), [(*row, *_review(where)) for row in table]
    return columns, table


def _rows(answer: Answer) -> Rows:
    if isinstance(answer, ListAnswer):
        return LIST_CSV_COLUMNS, _list_csv_rows(answer)
    if isinstance(answer, FiguresAnswer):
        return FIGURE_CSV_COLUMNS, [row for each in answer.each() for row in figure_csv_rows(each)]
    if isinstance(answer, FigureAnswer):
        if answer.where is not None:  # one review of a catalog: which, and how the name matched
            return SERIES_CSV_COLUMNS, [
                (*_review(answer.where), *row, answer.matched, kind_of(answer.figure))
                for row in figure_csv_rows(answer)
            ]
        return FIGURE_CSV_COLUMNS, figure_csv_rows(answer)
    if isinstance(answer, HighlightAnswer):
        return FIGURE_CSV_COLUMNS, [row for each in answer.figures for row in figure_csv_rows(each)]
    if isinstance(answer, HighlightsAnswer):
        figures = (each for highlight in answer.highlights for each in highlight.figures)
        return FIGURE_CSV_COLUMNS, [row for each in figures for row in figure_csv_rows(each)]
    if isinstance(answer, CompareAnswer):
        return COMPARE_CSV_COLUMNS, compare_csv_rows(answer)
    if isinstance(answer, SeriesAnswer):
        return SERIES_CSV_COLUMNS, [
            (*_review(each.where), *row, each.matched, kind_of(each.figure))
            for _, found in answer.groups
            for each in found
            for row in figure_csv_rows(each)
        ]
    if any(hit.where is not None for hit in answer.hits):
        return (*SEARCH_CSV_COLUMNS, *REVIEW_CSV_COLUMNS), [
            (*(hit.kind, hit.key, hit.field, hit.text, hit.score), *_marks(hit.item), *_review(hit.where))
            for hit in answer.hits
        ]
    return SEARCH_CSV_COLUMNS, [
        (hit.kind, hit.key, hit.field, hit.text, hit.score, *_marks(hit.item)) for hit in answer.hits
    ]


def _marks(item: Any) -> tuple[bool, str]:
    """The ``checked`` and ``review`` cells of a record."""
    return item.checked, status_of(item)


def records(columns: tuple[str, ...], table: list[tuple[object, ...]]) -> list[dict[str, object]]:
    """Rows as plain dicts keyed by column, ready for pandas.DataFrame."""
    return [dict(zip(columns, row, strict=True)) for row in table]


# ---- JSON ------------------------------------------------------------------------------------


def json_number(value: Number) -> int | float | str:
    """A number for JSON without losing digits: ints as ints, decimals as the float that prints
    identically (all stated values have few digits); anything longer as a string."""
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


def _text(text: Text | None) -> dict[str, str | None] | None:
    return None if text is None else {"vi": text.vi, "en": text.en}


def _source(source: Source) -> dict[str, Any]:
    """A source as the dataset writes it: where a draft recorded the quote stands, when it did."""
    written: dict[str, Any] = {"section": source.section, "quote": source.quote}
    for name in ("page", "paragraph", "row"):
        if getattr(source, name) is not None:
            written[name] = getattr(source, name)
    return written


def _estimate(estimate: Estimate, qualifier: str) -> dict[str, Any]:
    said: dict[str, Any] = {"value": json_number(estimate.value), "derived": estimate.derived}
    if estimate.derived:
        said.update(
            low=json_number(estimate.low),
            high=json_number(estimate.high),
            qualifier=hedge(estimate, qualifier),  # never 'exact': see derive.hedge
            formula=estimate.formula,
        )
    return said


def figure_json(answer: FigureAnswer) -> dict[str, Any]:
    figure = answer.figure
    comparisons = [
        {
            "basis": stated.comparison.basis,
            "year": stated.comparison.year,
            "kind": stated.comparison.kind,
            "value": json_number(stated.comparison.value),
            "ambiguous": stated.comparison.ambiguous,
            "note": _text(stated.comparison.note),
            "source": _source(stated.comparison.source),
            "baseline": None if stated.derivation is None else _estimate(stated.derivation.baseline, figure.qualifier),
            "high": None if stated.comparison.high is None else json_number(stated.comparison.high),
        }
        for stated in answer.comparisons
    ]
    return {
        "id": figure.id,
        "aliases": list(figure.aliases),
        "label": _text(figure.label),
        "value": json_number(figure.value),
        "high": None if figure.high is None else json_number(figure.high),
        "target": figure.target,
        "relative_to": figure.relative_to,
        "out_of": figure.out_of,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "year": figure.year,
        "source": _source(figure.source),
        "note": _text(figure.note),
        "wording": _text(figure.wording),
        "as_of": figure.as_of,
        "noun": _text(figure.noun),
        "checked": figure.checked,
        "review": status_of(figure),
        # a suggested link to last year's figure (draft --like), until a person accepts it
        **({"link": {"file": figure.link.file, "id": figure.link.id}} if figure.link is not None else {}),
        "published": answer.published,
        **({"review": _review_json(answer.where)} if answer.where is not None else {}),
        # in a catalog: how the name asked for matched it, and the kind of its values
        **({"matched": answer.matched, "kind": kind_of(figure)} if answer.where is not None else {}),
        "comparisons": comparisons,
    }


def _event_json(event: Event) -> dict[str, Any]:
    date = event.date
    return {
        "id": event.id,
        "label": _text(event.label),
        "date": {
            "year": date.year,
            "month": date.month,
            "day": date.day,
            "period": date.period,
            "year_inferred": date.year_inferred,
        },
        "source": _source(event.source),
        "checked": event.checked,
        "review": status_of(event),
    }


def _highlight_json(answer: HighlightAnswer) -> dict[str, Any]:
    highlight = answer.highlight
    return {
        "rank": highlight.rank,
        "slug": highlight.slug,
        "title": _text(highlight.title),
        "short_title": _text(highlight.short_title),
        "summary": _text(highlight.summary),
        "headline": list(highlight.headline),
        "figures": [figure_json(each) for each in answer.figures],
        "events": [_event_json(event) for event in answer.events],
        "checked": highlight.checked,
        "review": status_of(highlight),
    }


def _metadata_json(meta: Metadata) -> dict[str, Any]:
    return {
        "title": meta.title,
        "title_en": meta.title_en,
        "publisher": meta.publisher,
        "published": meta.published,
        "locality": _text(meta.locality),
        "year": meta.year,
        "language": meta.language,
        "checked": meta.checked,
        "review": status_of(meta),
    }


def _list_json(answer: ListAnswer) -> dict[str, Any]:
    return {
        "dataset": _metadata_json(answer.metadata),
        "highlights": [
            {
                "rank": listed.highlight.rank,
                "slug": listed.highlight.slug,
                "title": _text(listed.highlight.title),
                "short_title": _text(listed.highlight.short_title),
                "summary": _text(listed.highlight.summary),
                "figures": list(listed.highlight.figures),
                "headline": [figure_json(each) for each in listed.headline],
                "events": [_event_json(event) for event in listed.events],
                "checked": listed.highlight.checked,
                "review": status_of(listed.highlight),
            }
            for listed in answer.highlights
        ],
    }


def _compare_row_json(row: ComparedFigure) -> dict[str, Any]:
    figure, derived = row.figure, row.derivation
    percent = derived.percent_change
    return {
        "id": figure.id,
        "label": _text(figure.label),
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "previous": _previous_json(row),
        "current": {
            **{"year": figure.year, "value": json_number(figure.value), "derived": False},
            **({"high": json_number(figure.high)} if figure.high is not None else {}),
        },
        "change": _estimate(derived.absolute_change, figure.qualifier),
        "change_percent": None if percent is None else _estimate(percent, "exact"),
        "direction": row.direction,
        "source": _source(row.comparison.source),
        "comparison": {
            "basis": row.comparison.basis,
            "kind": row.comparison.kind,
            "value": json_number(row.comparison.value),
            **({"high": json_number(row.comparison.high)} if row.comparison.high is not None else {}),
        },
        "checked": figure.checked,
        "review": status_of(figure),
    }


def _previous_json(row: ComparedFigure) -> dict[str, Any]:
    """The value of the year compared with: derived from the later review, or, when the
    place's own review of that year states it, that stated value, with the derived one and
    whether they conflict beside it."""
    derived = _estimate(row.derivation.baseline, row.figure.qualifier)
    if row.stated is None:
        return {"year": row.comparison.year, **derived}
    stated = row.stated.figure
    return {
        **{"year": row.comparison.year, "value": json_number(stated.value), "derived": False},
        **{"qualifier": stated.qualifier, "stated_in": {**_review_json(row.stated.where), **_source(stated.source)}},
        **{"derived_value": derived, "conflict": row.stated.conflict},
    }


def _compare_json(answer: CompareAnswer) -> dict[str, Any]:
    return {
        "year": answer.year,
        "current_year": answer.current_year,
        "rows": [_compare_row_json(row) for row in answer.rows],
        "omitted": list(answer.omitted),
    }


def _search_json(answer: SearchAnswer) -> dict[str, Any]:
    return {
        "query": answer.query,
        "results": [
            {
                **{"kind": hit.kind, "id": hit.key, "matched": hit.field, "text": hit.text, "score": hit.score},
                "checked": hit.item.checked,
                "review": status_of(hit.item),
                **({"review": _review_json(hit.where)} if hit.where is not None else {}),
            }
            for hit in answer.hits
        ],
        "more": answer.more,
    }


def _review_json(where: DatasetInfo) -> dict[str, Any]:
    """Which review of a catalog something comes from."""
    return {"place": {"vi": where.place_vi, "en": where.place_en}, "year": where.year, "file": where.path}


def _review(where: DatasetInfo | None) -> tuple[object, ...]:
    return (None,) * 4 if where is None else (where.place_vi, where.place_en, where.year, where.path)


def check_json(answer: CheckAnswer) -> dict[str, Any]:
    """What ``validate --format json`` prints: the counts of a valid file, or every problem with
    its field path (null for the file as a whole) and its message in both languages."""
    from ..answers.checks import not_reviewed  # validate's: the answers of a query never need it

    counts = answer.counts
    return {
        "file": answer.file,
        "valid": not answer.problems,
        "highlights": None if counts is None else counts.highlights,
        "figures": None if counts is None else counts.figures,
        "events": None if counts is None else counts.events,
        "problems": [
            {"field": field or None, "message": {"en": said.en, "vi": said.vi}} for field, said in answer.problems
        ],
        # the records no person has reviewed yet, by collection, with their ids
        "not_reviewed": {kind: list(keys) for kind, keys in not_reviewed(answer.todos).items()},
        # what a reviewer still has to do in a valid file: records unchecked or without English
        "todo": [
            {"record": todo.record, "id": todo.key, "unchecked": todo.unchecked, "missing": list(todo.missing)}
            for todo in answer.todos
        ],
        # only when the file was held against its article (given, or recorded by its draft)
        **({} if answer.article is None else {"article": article_check_json(answer.article)}),
    }


def article_check_json(check: ArticleCheck) -> dict[str, Any]:
    """What ``validate --format json`` says of a dataset held against its article: which
    article, whether its text changed since the draft was made, whether every record agrees,
    and each disagreement; a missing article (``missing``: nothing was checked, ``changed``
    and ``agrees`` are null) or one that cannot be read (``error``: why; ``agrees`` false)."""
    checked = not check.missing
    return {
        "path": check.article,
        "missing": check.missing,
        "changed": check.changed if checked and check.unreadable is None else None,
        "agrees": not check.fails if checked else None,
        "error": None if check.unreadable is None else {"en": check.unreadable.en, "vi": check.unreadable.vi},
        "problems": [
            {"record": record, "id": key, "message": {"en": said.en, "vi": said.vi}}
            for record, key, said in check.disagreements
        ],
    }


def catalog_check_json(found: CatalogCheck) -> dict[str, Any]:
    """What ``validate DIR --format json`` prints: each file as ``check_json`` says it, and each
    conflict with both values and where each is stated."""
    return {
        "files": [check_json(each) for each in found.files],
        "conflicts": [
            {
                "place": {"vi": conflict.later.place_vi, "en": conflict.later.place_en},
                "year": conflict.row.comparison.year,
                "id": conflict.row.figure.id,
                "stated": {
                    "value": json_number(conflict.row.stated.figure.value),
                    "qualifier": conflict.row.stated.figure.qualifier,
                    "file": conflict.row.stated.where.path,
                    **_source(conflict.row.stated.figure.source),
                },
                "derived": {
                    **_estimate(conflict.row.derivation.baseline, conflict.row.figure.qualifier),
                    "file": conflict.later.path,
                    **_source(conflict.row.comparison.source),
                },
            }
            for conflict in found.conflicts
            if conflict.row.stated is not None
        ],
        "skipped": list(found.skipped),
        "places": [
            {
                "place": {"vi": place.reviews[0].place_vi, "en": place.reviews[0].place_en},
                "key": place.reviews[0].place_key,
                "reviews": [{"year": info.year, "file": info.path} for info in place.reviews],
            }
            for place in found.places
        ],
        "near_duplicates": [
            {"why": near.why, "places": [_review_json(near.first), _review_json(near.second)]} for near in found.near
        ],
    }


# ---- CSV -------------------------------------------------------------------------------------

# New columns go at the end: a script that reads columns by position keeps working.
SEARCH_CSV_COLUMNS = ("kind", "id", "matched", "text", "score", "checked", "review")
FIGURE_CSV_COLUMNS = (
    *("id", "label_vi", "label_en", "value", "out_of", "unit", "qualifier", "year", "section", "quote"),
    *("comparison_basis", "comparison_year", "comparison_kind", "comparison_value", "comparison_ambiguous"),
    *("baseline_value", "baseline_derived"),
    *("note_vi", "note_en", "wording_vi", "wording_en", "as_of"),
    *("comparison_quote", "comparison_note_vi", "comparison_note_en"),
    *("noun_vi", "noun_en"),
    *("high", "target", "relative_to", "comparison_high"),
    # the derived baseline's interval and the one hedge it supports (derive.hedge)
    *("baseline_low", "baseline_high", "baseline_hedge"),
    "checked",
    "review",
)
REVIEW_CSV_COLUMNS = ("place_vi", "place_en", "review_year", "file")
"""Which review of a catalog a row comes from."""
SERIES_CSV_COLUMNS = (*REVIEW_CSV_COLUMNS, *FIGURE_CSV_COLUMNS, "matched", "kind")
"""A figure's rows in each review: grouped by kind (``core.kind_of``), and how its name matched."""
LIST_CSV_COLUMNS = (
    *("rank", "slug", "title_vi", "title_en", "short_title_vi", "short_title_en", "headline_ids", "figure_ids"),
    *("checked", "review"),
)
COMPARE_CSV_COLUMNS = (
    *("id", "label_vi", "label_en", "unit", "qualifier"),
    *("previous_year", "previous_value", "previous_derived", "previous_low", "previous_high"),
    *("current_year", "current_value", "change", "change_derived", "change_percent", "change_percent_derived"),
    "direction",
    # the value the place's own review of previous_year states, when the catalog has it
    *("stated_value", "stated_qualifier", "stated_file", "stated_quote", "conflict"),
    *("comparison_kind", "comparison_value"),
    *("current_high", "comparison_high"),
    # each derived value's interval and the one hedge it supports (derive.hedge)
    *("previous_hedge", "change_low", "change_high", "change_hedge", "change_percent_low", "change_percent_high"),
    "checked",
    "review",
)


def figure_csv_rows(answer: FigureAnswer) -> list[tuple[object, ...]]:
    """One row per stated comparison (one row when there is none): a long table for pandas."""
    figure = answer.figure
    base = (
        *(figure.id, figure.label.vi, figure.label.en, figure.value, figure.out_of, figure.unit),
        *(figure.qualifier, figure.year, figure.source.section, figure.source.quote),
    )
    carried = (*_pair(figure.note), *_pair(figure.wording), figure.as_of)
    added = (*_pair(figure.noun), figure.high, figure.target, figure.relative_to)
    if not answer.comparisons:
        return [
            (
                *base,
                *(None,) * 7,
                *carried,
                None,
                None,
                None,
                *added,
                None,
                None,
                None,
                None,
                figure.checked,
                status_of(figure),
            )
        ]
    return [
        (
            *base,
            *(stated.comparison.basis, stated.comparison.year, stated.comparison.kind, stated.comparison.value),
            stated.comparison.ambiguous,
            None if stated.derivation is None else stated.derivation.baseline.value,
            None if stated.derivation is None else stated.derivation.baseline.derived,
            *carried,
            stated.comparison.source.quote,
            *_pair(stated.comparison.note),
            *added,
            stated.comparison.high,
            *_baseline_interval(None if stated.derivation is None else stated.derivation.baseline, figure.qualifier),
            figure.checked,
            status_of(figure),
        )
        for stated in answer.comparisons
    ]


def _interval(estimate: Estimate | None, qualifier: str) -> tuple[object, object, object]:
    """A derived value's low and high ends and its hedge; blanks for none or a stated value."""
    if estimate is None or not estimate.derived:
        return (None, None, None)
    return (estimate.low, estimate.high, hedge(estimate, qualifier))


def _baseline_interval(baseline: Estimate | None, qualifier: str) -> tuple[object, object, object]:
    """A derived baseline's known ends and its hedge; blanks for none or a stated value."""
    if baseline is None or not baseline.derived:
        return (None, None, None)
    return (*_baseline_ends(baseline, qualifier), hedge(baseline, qualifier))


def _baseline_ends(baseline: Estimate, qualifier: str) -> tuple[object, object]:
    """The ends a baseline is known to lie within (``derive.baseline_said``): a stated one's
    are its value, a derived one's those its figure's qualifier and the stated numbers allow."""
    return (
        known_ends(baseline, baseline_said(baseline, qualifier)) if baseline.derived else (baseline.low, baseline.high)
    )


def _pair(text: Text | None) -> tuple[str | None, str | None]:
    return (None, None) if text is None else (text.vi, text.en)


def _list_csv_rows(answer: ListAnswer) -> list[tuple[object, ...]]:
    return [
        (
            *(h.rank, h.slug, *_pair(h.title), *_pair(h.short_title)),
            *(";".join(h.headline), ";".join(h.figures), h.checked, status_of(h)),
        )
        for h in (listed.highlight for listed in answer.highlights)
    ]


def compare_csv_rows(answer: CompareAnswer) -> list[tuple[object, ...]]:
    table: list[tuple[object, ...]] = []
    for row in answer.rows:
        figure, derived = row.figure, row.derivation
        percent = derived.percent_change
        table.append(
            (
                *(figure.id, figure.label.vi, figure.label.en, figure.unit, figure.qualifier),
                *(row.comparison.year, derived.baseline.value, derived.baseline.derived),
                *_baseline_ends(derived.baseline, figure.qualifier),
                *(figure.year, figure.value),
                *(derived.absolute_change.value, derived.absolute_change.derived),
                *(None if percent is None else percent.value, None if percent is None else percent.derived),
                row.direction,
                *_stated_cells(row),
                *(row.comparison.kind, row.comparison.value),
                *(figure.high, row.comparison.high),
                _interval(derived.baseline, figure.qualifier)[2],
                *_interval(derived.absolute_change, figure.qualifier),
                *(_interval(percent, figure.qualifier)[:2] if percent is not None else (None, None)),
                figure.checked,
                status_of(figure),
            )
        )
    return table


def _stated_cells(row: ComparedFigure) -> tuple[object, ...]:
    if row.stated is None:
        return (None, None, None, None, None)
    stated = row.stated.figure
    return (stated.value, stated.qualifier, row.stated.where.path, stated.source.quote, row.stated.conflict)
