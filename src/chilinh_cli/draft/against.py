"""A dataset checked against the article it quotes: quotes, numbers, dates, year and place.

Every quote must stand in the article's text (both NFC, whitespace folded to one space); the
figure's value (and upper end) and every comparison's number must be written in its quote in
the article's notation ('1.118,6 ty', '93,5%'), read by the draft grammar's number reading and
compared exactly; a figure's year is the article's (a plan target aside) and the dataset's
place is named in the article.

An event (``model.records.Event``) holds no number but its date: a year, a month, and a day
or a part of the month (early, mid, late), and whether the year is inferred. So an event's
quote must stand in the article and its date be written in that quote, as the draft reads
dates ('10/2', '25/12/2021', '12/2021', 'ngay 25 thang 12 nam 2021', 'trung tuan thang 12'):
the day and month (or the month alone, for an event without a day), the part of the month
before it when the event gives one, and the year when the quote writes one. A quote that
writes no year dates the event in the article's year, as ``chilinh draft`` reads it, unless
the record says its year is inferred from the context (``year_inferred``), which the quote
cannot show. Each problem names the record and what differs.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ..model.records import Dataset, Event, Figure
from ..model.text import fold
from ..words import messages
from ..words.messages import Msg
from . import article, dated, lexicon


class Disagreement(NamedTuple):
    """One way a record differs from the article."""

    record: str
    """Where the record stands: 'figures[3]', 'figures[3].comparisons[0]', 'metadata'."""
    id: str
    reason: Msg


def _spaced(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def numbers_in(quote: str) -> set[Decimal]:
    """Every number the quote writes: as written ('967,3') and with its scale ('967,3 ty' is
    967 300 000 000), each share's parts and each range's ends. A scale the quote writes once
    counts for each of its numbers: the low end of 'tu 12 den 15 ty dong', and a table row
    whose unit is its own cell ('Thu ngan sach | Ty dong | 410 | 452,7')."""
    found: set[Decimal] = set()
    written_numbers: set[Decimal] = set()
    for pattern in (lexicon.NUMBER, lexicon.SHARE, lexicon.RANGE):
        for match in pattern.finditer(quote):
            groups = match.groups() or (match.group(0),)
            for at, written in enumerate(groups):
                if written is None:
                    continue
                start = match.start(at + 1) if match.groups() else match.start()
                end = start + len(written)
                try:
                    number = lexicon.read_number(written)
                    written_numbers.add(number)
                    found.add(number)
                    found.add(lexicon.amount_at(quote, start, end).value)
                except (ArithmeticError, ValueError, KeyError):
                    continue
    for scale in _scales_in(quote):
        found.update(number * scale for number in written_numbers)
    multiples: dict[str, str] = lexicon.words()["word_multiples"]  # 'gap doi': twice, said in a word
    for match in lexicon.patterns()["word_multiple"].finditer(quote):
        if (multiple := multiples.get(match.group(1).lower())) is not None:
            found.add(Decimal(multiple))
    return found


def _scales_in(quote: str) -> set[Decimal]:
    """The scale words a quote writes ('ty', 'trieu', 'nghin ty', a table's 'Tr.dong'), as
    their multipliers."""
    scales = _scale_words()
    return {scales[match.group(1).lower()] for match in _scale_pattern().finditer(quote)}


@functools.cache
def _scale_words() -> dict[str, Decimal]:
    """Each scale word, and each unit a table abbreviates ('tr.dong': trieu dong), with its multiplier."""
    scales: dict[str, int] = lexicon.words()["scales"]
    found = {word: Decimal(value) for word, value in scales.items()}
    for short, unit in lexicon.words()["table_units"].items():
        first = str(unit).split()[0].lower()
        if first in scales:
            found[short.lower()] = Decimal(scales[first])
    return found


@functools.cache
def _scale_pattern() -> re.Pattern[str]:
    known = "|".join(re.escape(word) for word in sorted(_scale_words(), key=len, reverse=True))
    return re.compile(rf"(?<!\w)({known})(?!\w)", re.IGNORECASE)


def article_year(text: str) -> int | None:
    """The year the article reviews, as ``chilinh draft`` reads it (the title's, else the text's)."""
    text = unicodedata.normalize("NFC", text)
    lines = [line.strip() for line in article.body(text.split("\n"))]
    return article.year_of(text, article.title_of(lines, article.title_line(lines)))


def _written(value: Decimal, quote: str) -> bool:
    return any(number == value for number in numbers_in(quote))


def _figure_problems(at: int, figure: Figure, text: str, year: int | None) -> list[Disagreement]:
    where = f"figures[{at}]"
    found: list[Disagreement] = []
    quote = _spaced(figure.source.quote)
    if quote not in text:
        found.append(Disagreement(where, figure.id, messages.ARTICLE_QUOTE_MISSING.format(quote=figure.source.quote)))
    elif figure.wording is None and numbers_in(quote):  # a value in words ('hon mot nua') is not a number
        for value in (figure.value, figure.high):
            if value is not None and not _written(Decimal(str(value)), quote):
                reason = messages.ARTICLE_VALUE_MISSING.format(value=str(value), quote=figure.source.quote)
                found.append(Disagreement(where, figure.id, reason))
    for n, comparison in enumerate(figure.comparisons):
        place = f"{where}.comparisons[{n}]"
        said = _spaced(comparison.source.quote)
        if said not in text:
            reason = messages.ARTICLE_QUOTE_MISSING.format(quote=comparison.source.quote)
            found.append(Disagreement(place, figure.id, reason))
            continue
        for value in (comparison.value, comparison.high):
            if value is not None and not _written(abs(Decimal(str(value))), said):
                reason = messages.ARTICLE_COMPARISON_MISSING.format(value=str(value), quote=comparison.source.quote)
                found.append(Disagreement(place, figure.id, reason))
    if year is not None and figure.year != year and not figure.target:
        reason = messages.ARTICLE_YEAR_DIFFERS.format(year=figure.year, article_year=year)
        found.append(Disagreement(where, figure.id, reason))
    return found


class Written(NamedTuple):
    """A date as a quote writes it: a day and month, or a month (with the part of it written
    before it); its year when the quote writes one."""

    day: int | None
    month: int
    year: int | None
    period: str | None


@functools.cache
def _date_in_words() -> re.Pattern[str]:
    """'ngay 25 thang 12 nam 2021', 'thang 12', 'thang 12 nam 2021' (not 'thang 12/2021': a month and year)."""
    words = lexicon.words()
    day, month = lexicon.alternation("dates", "day"), lexicon.alternation("dates", "month")
    return re.compile(
        rf"(?i)(?<!\w)(?:(?:{day})\s+(?P<day>\d{{1,2}})\s+)?(?:{month})\s+(?P<month>\d{{1,2}})(?![\w/])"
        rf"(?:\s+{words['year_word']}\s+(?P<year>\d{{4}}))?"
    )


def dates_in(quote: str) -> list[Written]:
    """Every date the quote writes, with slashes ('10/2', '25/12/2021', '12/2021') or in words."""
    found = [
        Written(int(day), int(month), int(year) if year else None, None)
        for day, month, year in (match.groups() for match in lexicon.DATE.finditer(quote))
    ]
    found += [
        Written(None, int(match[1]), int(match[2]), dated.period_before(quote, match.start()))
        for match in lexicon.MONTH_YEAR.finditer(quote)
    ]
    for match in _date_in_words().finditer(quote):
        day, year = match["day"], match["year"]
        period = None if day else dated.period_before(quote, match.start("month"))
        found.append(Written(int(day) if day else None, int(match["month"]), int(year) if year else None, period))
    return found


def _event_problems(event: Event, text: str, article_year: int | None) -> list[Msg]:
    """How an event differs from the article: its quote not in it, or its date not written in its quote."""
    quote = _spaced(event.source.quote)
    if quote not in text:
        return [messages.ARTICLE_QUOTE_MISSING.format(quote=event.source.quote)]
    date = event.date
    same = [each for each in dates_in(quote) if each.month == date.month and each.day == date.day]
    if not same:
        if date.day is None:
            return [messages.EVENT_MONTH_MISSING.format(month=date.month, quote=event.source.quote)]
        return [messages.EVENT_DAY_MISSING.format(day=date.day, month=date.month, quote=event.source.quote)]
    found: list[Msg] = []
    if date.period is not None and all(each.period != date.period for each in same):
        period = messages.MONTH_PARTS[date.period]
        found.append(messages.EVENT_PERIOD_MISSING.format(period=period, quote=event.source.quote))
    years = sorted({each.year for each in same if each.year is not None})
    if years and date.year not in years:
        written = ", ".join(str(year) for year in years)
        found.append(messages.EVENT_YEAR_WRITTEN.format(year=date.year, written=written, quote=event.source.quote))
    elif not years and not date.year_inferred and article_year is not None and date.year != article_year:
        found.append(messages.EVENT_YEAR_UNWRITTEN.format(year=date.year, article_year=article_year))
    return found


def _named(locality: str, folded_text: str) -> bool:
    name = fold(locality.split(",")[0]).split()
    return bool(name) and (" ".join(name) in folded_text or " ".join(name[-2:]) in folded_text)


def disagreements(dataset: Dataset, text: str) -> list[Disagreement]:
    """How ``dataset`` differs from the article whose text is ``text``, in the dataset's order."""
    spaced = _spaced(text)
    year = article_year(text)
    found: list[Disagreement] = []
    if year is not None and dataset.metadata.year != year:
        reason = messages.ARTICLE_YEAR_DIFFERS.format(year=dataset.metadata.year, article_year=year)
        found.append(Disagreement("metadata", "year", reason))
    if not _named(dataset.metadata.locality.vi, " ".join(fold(spaced).split())):
        reason = messages.ARTICLE_PLACE_DIFFERS.format(place=dataset.metadata.locality.vi)
        found.append(Disagreement("metadata", "locality", reason))
    for at, figure in enumerate(dataset.figures):
        found.extend(_figure_problems(at, figure, spaced, year))
    for at, event in enumerate(dataset.events):
        found.extend(Disagreement(f"events[{at}]", event.id, reason) for reason in _event_problems(event, spaced, year))
    return found


def find_article(dataset: Dataset, dataset_path: Path, given: Path | None) -> tuple[Path | None, str | None]:
    """The article to check ``dataset`` against: ``given``, else the one its metadata records
    (its path as given to `chilinh draft`, from here or beside the dataset) when it is still
    there; and the path it records when that article is gone (else None)."""
    if given is not None:
        return given, None
    document = dataset.metadata.document
    if document is None or document.path == "-":
        return None, None
    for candidate in (Path(document.path), dataset_path.parent / document.path):
        if candidate.is_file():
            return candidate, None
    return None, document.path


def read_article(path: Path) -> tuple[str, str]:
    """The text of the article at ``path`` as `chilinh draft` reads it, and its SHA-256."""
    from ..reading.loader import name_of, read_bytes
    from .readers import sniff

    reading = sniff.read(read_bytes(path), name_of(path))
    return reading.text, reading.text_sha256()
