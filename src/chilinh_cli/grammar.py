"""The Vietnamese figure grammar: the figures a sentence states, with their units,
qualifiers and stated comparisons, and the exact span of words that states each.

Pure functions of text: ``draft`` turns what they find into a dataset. The words and
number shapes are ``lexicon``'s, the comparisons ``stated``'s; this module decides what is a
figure: shares ('10/12 chi tieu'), ranges, values moved from one to another, quantities in
words, and not dates, codes or ordinals.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from decimal import Decimal
from typing import NamedTuple

from .lexicon import (
    DATE,
    MONTH_YEAR,
    NUMBER,
    RANGE,
    SHARE,
    Amount,
    amount_at,
    is_identifier,
    patterns,
    qualifier_before,
    read_number,
    unit_after,
    words,
)
from .stated import Change, change_at


class Mention(NamedTuple):
    """One figure a sentence states."""

    amount: Amount
    qualifier: str
    changes: tuple[Change, ...]
    start: int
    """Where the words that state it begin (the qualifier, or the number)."""
    wording: str | None = None
    range_high: Decimal | None = None


_AFTER_ANY_END = float("inf")


class _Claims:
    """The spans of a sentence already read, asked 'is this position inside one?' in log time
    (a sentence may hold thousands of numbers). Spans arrive mostly in order of their start."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.reach = list(itertools.accumulate((end for _, end in self.spans), max))

    def add(self, start: int, end: int) -> None:
        if self.spans and start < self.spans[-1][0]:
            bisect.insort(self.spans, (start, end))
            self.reach = list(itertools.accumulate((end for _, end in self.spans), max))
        else:
            self.spans.append((start, end))
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def __contains__(self, position: int) -> bool:
        before = bisect.bisect_right(self.spans, (position, _AFTER_ANY_END))
        return before > 0 and self.reach[before - 1] > position


def dates_and_shares(sentence: str) -> tuple[list[tuple[int, int]], dict[int, re.Match[str]]]:
    """Day/month dates (claimed, never figures) and fractions such as '10/12 chi tieu'.
    A slash pair is a date when it has a year, follows 'ngay' or 'thang', or stands in
    parentheses; otherwise it is a share when the part is at most the whole."""
    dates: list[tuple[int, int]] = [m.span() for m in MONTH_YEAR.finditer(sentence)]
    shares: dict[int, re.Match[str]] = {}
    first = len(sentence) - len(sentence.lstrip())
    for match in DATE.finditer(sentence):
        clause_start = match.start() == first or sentence[match.end() : match.end() + 1] == ","
        if match.group(3) or _is_date_context(sentence, match.start()) or clause_start:
            dates.append(match.span())
    taken = _Claims(dates)
    for match in SHARE.finditer(sentence):
        if match.start() not in taken:
            shares[match.start()] = match
    return dates, shares


def mentions(sentence: str, year: int) -> list[Mention]:
    """The figures a sentence states, in order, each with the comparisons stated after it."""
    p = patterns()
    found: list[Mention] = []
    dates, shares = dates_and_shares(sentence)
    claimed = _Claims(dates)
    ranges = {m.start(): m for m in RANGE.finditer(sentence)}
    numbers = {m.start(): m.end() for m in NUMBER.finditer(sentence)}
    for start in sorted(numbers.keys() | shares.keys()):
        end = numbers.get(start, start)
        if start in claimed:
            continue
        if start in shares and not patterns()["not_after"].search(sentence[max(0, start - 30) : start]):
            found.append(_share(sentence, shares[start]))
            claimed.add(start, found[-1].amount.end)
            continue
        if is_identifier(sentence, start, end):
            continue
        if start in ranges:  # '13-14 tan', unless it is a period ('2021-2025')
            span = ranges[start]
            if not _looks_like_years(span.group(1), span.group(2)):
                found.append(_range(sentence, span.start(), span.span(1), span.span(2)))
            claimed.add(span.start(), max(span.end(), found[-1].amount.end if found else 0))
            continue
        amount = amount_at(sentence, start, end)
        moved = _from_to(sentence, amount, end, year)
        if moved is not None:
            found.append(moved)
            claimed.add(moved.start, moved.amount.end)
            continue
        one_of = p["share_of"].match(sentence, amount.end) if amount.noun is None else None
        if one_of and amount.value == 1:  # '1 trong 3 chuc danh': which one, not how many
            claimed.add(start, one_of.end())
            continue
        change = change_at(sentence, amount, year)
        if change is not None:
            claimed.add(change.start, change.end)
            _attach(found, change, amount)
            continue
        found.append(_figure(sentence, amount, one_of))
        claimed.add(found[-1].start, found[-1].amount.end)
    found += _word_quantities(sentence, claimed)
    found.sort(key=lambda mention: mention.start)
    # A number with no unit and nothing counted names or orders ('lop 9', 'muc 2', '2/9'):
    # Vietnamese counts with a noun after the number.
    return [m for m in found if m.amount.noun or m.amount.unit not in ("count", "share", "points")]


def _from_to(sentence: str, first: Amount, number_end: int, year: int) -> Mention | None:
    """'tu 2,84% xuong con 1,96%' (the figure is the second value, moved from the first, whose
    year may follow it) and 'tu 7,0% den 7,5%' (a range)."""
    p = patterns()
    window = sentence[max(0, first.start - 8) : first.start]
    lead = p["from"].search(window)
    if lead is None:
        return None
    begin = first.start - len(window) + lead.start()
    aside = _aside().match(sentence, first.end)
    after = aside.end() if aside else first.end
    dated = re.search(rf"(?<!\w){words()['year_word']}\s+(\d{{4}})", aside.group(0)) if aside else None
    for name in ("move", "range_to"):
        link = p[name].match(sentence, after)
        second = NUMBER.match(sentence, link.end()) if link else None
        if second is None:
            continue
        if name == "range_to":
            return _range(sentence, begin, (first.start, number_end), second.span())
        then = amount_at(sentence, second.start(), second.end())
        qualifier, _ = qualifier_before(sentence, second.start())
        since = int(dated.group(1)) if dated else year - 1
        change = Change("previous_year", "from_value", first.value, since, begin, then.end, dated is not None)
        return Mention(then, qualifier, (change,), begin)
    return None


@functools.cache
def _aside() -> re.Pattern[str]:
    """What may stand between the two values of 'tu A ... xuong con B': a parenthesis, or when A was."""
    return re.compile(rf"\s*\(([^()]{{0,40}})\)|\s+(?:[^\W\d_]+\s+){{0,2}}{words()['year_word']}\s+\d{{4}}")


def _figure(sentence: str, amount: Amount, of_whole: re.Match[str] | None) -> Mention:
    """A figure at ``amount``, with the qualifier before it; '14 trong tong so 19 xa' is a share."""
    qualifier, begin = qualifier_before(sentence, amount.start)
    if of_whole and amount.unit == "count":
        whole = read_number(of_whole.group(1))
        if amount.value <= whole and whole == whole.to_integral_value():
            _, noun, end = unit_after(sentence, of_whole.end())
            return Mention(Amount(amount.value, "share", noun, amount.start, end, int(whole)), qualifier, (), begin)
    return Mention(amount, qualifier, (), begin)


def _attach(found: list[Mention], change: Change, amount: Amount) -> None:
    """A comparison belongs to the figure before it in the sentence; with none, the rate of
    change is itself the figure the text states (its words name what changed)."""
    if found:  # a change in a counted noun belongs to the latest figure counting the same
        same = [n for n, m in enumerate(found) if m.amount.noun == amount.noun and m.amount.unit == amount.unit]
        at = same[-1] if change.kind == "absolute_change" and amount.noun and same else len(found) - 1
        found[at] = found[at]._replace(changes=(*found[at].changes, change))
    else:  # the rate stated alone is the figure; a change in points alone is dropped with bare numbers
        found.append(Mention(amount._replace(end=change.end), "exact", (), change.start))


def _share(sentence: str, match: re.Match[str]) -> Mention:
    """'10/12 chi tieu', '155/155 nguoi': a part of a whole."""
    part, whole = read_number(match.group(1)), read_number(match.group(2))
    unit, noun, end = unit_after(sentence, match.end())
    qualifier, begin = qualifier_before(sentence, match.start())
    if part > whole or unit != "count" or whole != whole.to_integral_value() or whole == 0:
        return Mention(Amount(part, "count", noun, match.start(), end), qualifier, (), begin)
    return Mention(Amount(part, "share", noun, match.start(), end, int(whole)), qualifier, (), begin)


def _range(sentence: str, begin: int, low: tuple[int, int], high: tuple[int, int]) -> Mention:
    """'13-14 tan', 'tu 7,0% den 7,5%': at least the low end, up to the high end. When only the
    high end has a scale or unit ('1,2-1,5 ty dong'), the low end shares them."""
    top = amount_at(sentence, *high)
    bottom = amount_at(sentence, *low)
    if bottom.end == low[1]:  # a bare number: the high end's scale applies
        value = read_number(sentence[low[0] : low[1]]) * (top.value / read_number(sentence[high[0] : high[1]]))
    else:
        value = bottom.value
    return Mention(top._replace(value=value, start=low[0]), "at_least", (), begin, range_high=top.value)


def _looks_like_years(first: str, second: str) -> bool:
    return first.isdigit() and second.isdigit() and len(first) == 4 and (len(second) in (2, 4))


def _is_date_context(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 12) : start]
    dates = words()["dates"]
    return bool(re.search(rf"(?:{'|'.join(dates['day'] + dates['month'])})\s*$|\(\s*$", before))


def _word_quantities(sentence: str, claimed: _Claims) -> list[Mention]:
    """Quantities said in words: 'hon mot nua', 'khong co … nao', 'them mot to chuc'."""
    p = patterns()
    found: list[Mention] = []
    for match in p["half"].finditer(sentence):
        qualifier = words()["qualifiers"][match.group(1).strip().lower()] if match.group(1) else "exact"
        amount = Amount(Decimal(50), "percent", None, match.start(), match.end())
        found.append(Mention(amount, qualifier, (), match.start(), wording=match.group(0)))
    for match in p["none"].finditer(sentence):
        unit, noun, end = unit_after(sentence, match.end() - 1)
        # 'khong co don thu', 'khong co truong nao ...': none of a thing counted; not 'khong co
        # luong huu' (without a pension), which describes rather than counts
        if noun in words()["nouns"] or (noun and p["none_end"].match(sentence, match.end())):
            amount = Amount(Decimal(0), unit, noun, match.start(), end)
            found.append(
                Mention(amount, "exact", (), match.start(), wording=sentence[match.start() : match.end()].strip())
            )
    for match in p["number_word"].finditer(sentence):
        value = Decimal(words()["number_words"][match.group(1)])
        unit, noun, end = unit_after(sentence, match.end(1))
        amount = Amount(value, unit, noun, match.start(1), end)
        found.append(Mention(amount, "exact", (), match.start(1), wording=match.group(1)))
    return [m for m in found if m.start not in claimed]
