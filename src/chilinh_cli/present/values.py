"""Single values as people read them, in a language: amounts, estimates, changes, sources, dates.

Everything here formats what it is given; nothing is computed but the writing.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.derive import Estimate, hedge
from ..model.records import Comparison, Event, Figure, Source, Text, status_of
from ..words import messages
from ..words.language import Lang
from ..words.numfmt import format_money, format_number

Number = int | Decimal


def format_amount(value: Number, unit: str, lang: Lang, out_of: int | None = None, noun: Text | None = None) -> str:
    """A value in its unit, without qualifier: 'VND 967.3 billion', '99.92%', '10/12', '34 days',
    'USD 1,200,000'; a count, share or quantity with its noun after it: '7,000 people'."""
    if noun is not None:
        return f"{format_amount(value, unit, lang, out_of)} {noun.said(lang)}"
    if unit == "vnd":
        return format_money(value, lang)
    if unit == "usd":
        return messages.MONEY_USD.get(lang).format(format_number(value, lang))
    if unit == "percent":
        return format_number(value, lang) + "%"
    if unit == "share":
        return f"{format_number(value, lang)}/{format_number(out_of or 0, lang)}"
    if unit == "days":
        return (messages.ONE_DAY if value == 1 else messages.DAYS).get(lang).format(format_number(value, lang))
    if unit == "points":  # a difference of two percentages
        return (messages.ONE_POINT if abs(value) == 1 else messages.POINTS).get(lang).format(format_number(value, lang))
    return format_number(value, lang)


def format_range(low: Number, high: Number, unit: str, lang: Lang, noun: Text | None = None) -> str:
    """A range as the article states it, low and high with an en dash: '58–60 ta/ha', '8–9%',
    'VND 5 billion–VND 6 billion' (money names its unit at each end, as each end is an amount)."""
    if unit in ("vnd", "usd", "days"):
        text = f"{format_amount(low, unit, lang)}–{format_amount(high, unit, lang)}"
    else:
        text = f"{format_number(low, lang)}–{format_amount(high, unit, lang)}"
    return f"{text} {noun.said(lang)}" if noun is not None else text


def with_qualifier(text: str, qualifier: str, lang: Lang) -> str:
    return text if qualifier == "exact" else messages.QUALIFIERS[qualifier].get(lang).format(text)


def review_mark(record: object, lang: Lang) -> str:
    """The mark of a record a person has not accepted as it is: ' (unchecked)' for a draft,
    ' (edited)' for one a person changed; nothing for an accepted one."""
    status = status_of(record)
    if status == "drafted":
        return messages.UNCHECKED.get(lang)
    return messages.REVIEW_MARKS[status].get(lang) if status in messages.REVIEW_MARKS else ""


def format_figure_value(figure: Figure, lang: Lang) -> str:
    """The value as the article gives it: its words when it gives words ('more than half'),
    else the number in its unit with its qualifier ('more than VND 967.3 billion'); marked
    when no person has checked it yet."""
    if figure.wording is not None:
        text = figure.wording.get(lang)
    else:
        amount = (
            format_range(figure.value, figure.high, figure.unit, lang, figure.noun)
            if figure.high is not None
            else format_amount(figure.value, figure.unit, lang, figure.out_of, figure.noun)
        )
        text = with_qualifier(amount, figure.qualifier, lang)
    if figure.relative_to is not None:
        text += messages.RELATIVE_TO_MARK[figure.relative_to].get(lang)
    if figure.target:
        text += messages.TARGET_MARK.get(lang).format(year=figure.year)
    return text + review_mark(figure, lang)


def format_year(figure: Figure, published: str | None, lang: Lang) -> str:
    """'2021', or '2021, as of publication (11 January 2022)' for a figure stated as of then."""
    if figure.as_of == "year":
        return str(figure.year)
    if published is None:
        return messages.AS_OF_UNDATED.get(lang).format(year=figure.year)
    return messages.AS_OF_PUBLICATION.get(lang).format(year=figure.year, published=format_published(published, lang))


def format_estimate(
    estimate: Estimate, unit: str, qualifier: str, lang: Lang, *, signed: bool = False, noun: Text | None = None
) -> str:
    """A stated or derived value; a derived one reads '… (derived)' with the one hedge that is
    true of it (``derive.hedge``): '≈ VND 3,490 billion (derived)', never 'nearly ≈'."""
    text = format_amount(estimate.value, unit, lang, noun=noun)
    if signed and estimate.value > 0:
        text = "+" + text
    if not estimate.derived:
        return text
    said = hedge(estimate, qualifier)
    if said == "approximate":
        text = "≈ " + text
    elif said != "computed":
        text = with_qualifier(text, said, lang)
    return messages.DERIVED_VALUE.get(lang).format(text)


def format_change(comparison: Comparison, unit: str, lang: Lang) -> str:
    """The change as a signed amount: '+22,4%', '-90', '+0.5 percentage points', '+8–9%'."""
    if comparison.high is not None and comparison.kind in ("percent_change", "absolute_change"):
        text = format_range(comparison.value, comparison.high, _unit_of(comparison.kind, unit), lang)
        return ("+" + text) if comparison.value > 0 else text
    text = _change_amount(comparison.value, comparison.kind, unit, lang)
    return ("+" + text) if comparison.value > 0 else text


def _unit_of(kind: str, unit: str) -> str:
    return "percent" if kind in ("percent_change", "percent_of") else unit


def _change_amount(value: Number, kind: str, unit: str, lang: Lang) -> str:
    if kind == "point_change":
        return (messages.ONE_POINT if abs(value) == 1 else messages.POINTS).get(lang).format(format_number(value, lang))
    return format_amount(value, "percent" if kind == "percent_change" else unit, lang)


def format_comparison(comparison: Comparison, unit: str, lang: Lang, out_of: int | None = None) -> str:
    """A stated comparison in words: 'down 90 from 2020', '6 above the target', '101.3% of
    the plan', '1.5 times the 2022 value', 'from 2.84% in 2022'. One whose wording allows two
    readings is given in the article's own words, with a warning."""
    if comparison.ambiguous:
        return f"\u201c{comparison.source.quote}\u201d{messages.AMBIGUOUS.get(lang)}"
    if comparison.kind in messages.RELATIONS:
        value = comparison.value
        ranged = comparison.high is not None and comparison.kind != "multiple"
        amount = (
            format_range(value, comparison.high, _unit_of(comparison.kind, unit), lang)  # type: ignore[arg-type]
            if ranged
            else format_number(value, lang) + "%"
            if comparison.kind == "percent_of"
            else format_number(value, lang)
            if comparison.kind == "multiple"
            else format_amount(value, unit, lang, out_of)
        )
        relation = messages.RELATIONS[comparison.kind][comparison.basis]
        return relation.get(lang).format(amount=amount, year=comparison.year)
    direction = "up" if comparison.value > 0 else "down" if comparison.value < 0 else "unchanged"
    size = -comparison.value if comparison.value < 0 else comparison.value
    amount = _change_amount(size, comparison.kind, unit, lang)
    if comparison.high is not None and comparison.kind != "point_change":
        top = -comparison.high if comparison.high < 0 else comparison.high
        amount = format_range(min(size, top), max(size, top), _unit_of(comparison.kind, unit), lang)
    return messages.CHANGES[comparison.basis][direction].get(lang).format(amount=amount, year=comparison.year)


def baseline_name(comparison: Comparison, lang: Lang) -> str:
    """The name of the value compared with: '2020 value', 'Budget estimate'."""
    return messages.BASELINE[comparison.basis].get(lang).format(year=comparison.year)


def format_source(source: Source, lang: Lang) -> str:
    """'section 4: "..."', with where the quote stands in the document when a draft recorded it
    ('section 4, page 3, row 2: "..."')."""
    places = [
        said.get(lang).format(number=number)
        for said, number in (
            (messages.SOURCE_PAGE, source.page),
            (messages.SOURCE_PARAGRAPH, source.paragraph),
            (messages.SOURCE_ROW, source.row),
        )
        if number is not None
    ]
    section = ", ".join([str(source.section), *places])
    return messages.SOURCE.get(lang).format(section=section, quote=source.quote)


def format_date(event: Event, lang: Lang) -> str:
    date = event.date
    month = messages.MONTHS[date.month - 1].get(lang)
    if date.day is not None:
        text = messages.DATE_DAY.get(lang).format(day=date.day, month=month, year=date.year)
    elif date.period is not None:
        text = messages.DATE_PERIODS[date.period].get(lang).format(month=month, year=date.year)
    else:
        text = messages.DATE_MONTH.get(lang).format(month=month, year=date.year)
    if date.year_inferred:
        text += messages.YEAR_INFERRED.get(lang)
    return text


def format_published(iso_date: str, lang: Lang) -> str:
    """The metadata's ISO date as each language's readers write it: 2022-01-11, 11/01/2022."""
    return "/".join(reversed(iso_date.split("-"))) if lang == "vi" else iso_date
