"""The dated events a sentence of an article reports: a day and month, or a month (with its
early, middle or late part), followed by what happened then. A date that dates a document,
the page or a count ('Quyet dinh so 12/QD-UBND ngay 10/01/2022', 'Ngay dang: ...', 'tinh
den ngay ...') is no event.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from typing import Protocol

from . import lexicon
from .drafted import Event, When


class Names(Protocol):
    """What makes the events' ids (``draft``'s unique kebab-case names)."""

    def make(self, words: str, fallback: str) -> str: ...


def events_in(
    sentence: str, dates: list[tuple[int, int]], rank: int, year_reviewed: int, names: Names
) -> Iterator[Event]:
    """The events a sentence reports at its ``dates`` (``grammar.Reading.dates``): a day and
    month (or a month) with what happened then; a date without a year is in ``year_reviewed``."""
    for start, end in dates:
        parts = [int(part) for part in sentence[start:end].split("/")]
        day: int | None
        year: int | None
        if len(parts) == 3:
            day, month, year = parts
        elif parts[1] > 31:  # month/year
            day, (month, year) = None, parts
        else:
            (day, month), year = parts, None
        when: When = {"year": year or year_reviewed, "month": month, "year_inferred": year is None}
        period = period_before(sentence, start)
        if day is not None:
            when["day"] = day
        elif period:
            when["period"] = period
        if not _is_date(when) or _dates_a_document(sentence, start):
            continue
        lead = _date_lead(sentence, start)
        clause = max(0, *(sentence.rfind(mark, 0, start) + 1 for mark in ";."))
        if (
            len(sentence[clause:lead].split()) >= 3
        ):  # 'Khoi cong cau Song Cau 2 ngay 19/5/2022': what happened comes first
            lead = clause + len(sentence[clause:lead]) - len(sentence[clause:lead].lstrip())
        stop = _clause_end(sentence, end)
        quote = sentence[lead:stop].strip(" ,")
        action = sentence[lead:stop].replace(sentence[start:end], " ")
        if len([w for w in action.split() if w[0].isalpha()]) < 4:
            continue
        yield {
            "id": names.make(sentence[end:stop] or quote, "event"),
            "label": {"vi": quote},
            "date": when,
            "source": {"section": rank, "quote": quote},
            "checked": False,
        }


def period_before(sentence: str, start: int) -> str | None:
    """The part of the month written before a date: 'Trung tuan (thang) 12/2021'."""
    match = _patterns()["period"].search(sentence[max(0, start - 30) : start])
    return lexicon.words()["periods"][match.group(1)] if match else None


def _dates_a_document(sentence: str, start: int) -> bool:
    """A date that dates a document, the page or a count, not an event: 'Quyet dinh so
    123/QD-UBND ngay 10/01/2022', 'Ngay dang: 30/12/2022', 'tinh den ngay 30/11/2023'."""
    return bool(_patterns()["document"].search(sentence[max(0, start - 40) : start]))


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words = lexicon.words()
    months = "|".join(re.escape(word) for word in words["dates"]["month"])
    periods = "|".join(re.escape(word) for word in sorted(words["periods"], key=len, reverse=True))
    documents = "|".join(re.escape(word) for word in words["document_words"] + words["as_of_words"])
    leads = "|".join(re.escape(w) for w in [*words["periods"], *words["dates"]["day"], *words["dates"]["month"]])
    return {
        "period": re.compile(rf"({periods})(?:\s+(?:{months}))?\s*$"),
        "document": re.compile(rf"(?i):\s*$|(?<!\w)(?:{documents})(?!\w)[^,;.]*$"),
        "lead": re.compile(rf"(?:{leads})(?:\s+(?:{leads}))?\s*\(?\s*$"),
    }


def _is_date(when: When) -> bool:
    try:
        datetime.date(when["year"], when["month"], when.get("day", 1))
    except ValueError:
        return False
    return bool(1900 <= when["year"] <= 2200)


def _date_lead(sentence: str, start: int) -> int:
    """Where the words of a date begin: its day or month word, or a part of the month before it."""
    before = sentence[max(0, start - 30) : start]
    match = _patterns()["lead"].search(before)
    if match is None:
        return max(0, start - 200, *(sentence.rfind(mark, max(0, start - 200), start) + 1 for mark in ";.(,"))
    return start - len(before) + match.start()


def _clause_end(sentence: str, end: int) -> int:
    """Where the clause after a date ends: at ';' or at a full stop (not the '.' of '2.468')."""
    mark = _CLAUSE_END.search(sentence, end, end + 400)
    stop = mark.start() if mark else min(len(sentence), end + 400)
    words = list(re.finditer(r"\S+", sentence[end:stop]))
    if len(words) > 25:
        stop = end + words[24].end()
    return stop


_CLAUSE_END = re.compile(r";|\.(?!\d)")
