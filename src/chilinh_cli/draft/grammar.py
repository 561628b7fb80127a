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
from .stated import Change, basis_after, change_at, make_change


class Mention(NamedTuple):
    """One figure a sentence states."""

    amount: Amount
    qualifier: str
    changes: tuple[Change, ...]
    start: int
    """Where the words that state it begin (the qualifier, or the number)."""
    wording: str | None = None
    rate: bool = False
    """A rate of change stated with no figure of its own ('chi so IIP uoc tang 9,4%'): the
    figure is the rate, named by the words before its verb."""
    range_high: Decimal | None = None
    """The upper end of a range ('58-60 ta/ha'): ``amount`` is its low end."""
    relative_to: str | None = None
    """The basis a percentage stated alone is a share of ('bang 97,2% du toan')."""


_AFTER_ANY_END = float("inf")


class _Claims:
    """The spans of a sentence already read, asked 'is this position inside one?'.

    The dates are known first, and looked up by bisection. Every other span is claimed while
    the numbers are visited in order, and starts at or before the number it was claimed for,
    so any later position lies inside one of them exactly when it lies before the farthest end
    claimed so far: one comparison, however many numbers the sentence holds."""

    def __init__(self, dates: list[tuple[int, int]]) -> None:
        self.dates = sorted(dates)
        self.date_reach = list(itertools.accumulate((end for _, end in self.dates), max))
        self.reach = 0
        self.spans: list[tuple[int, int]] = []
        self._sorted: list[tuple[int, int]] | None = None
        self._sorted_reach: list[int] = []

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        self.reach = max(self.reach, end)

    def __contains__(self, position: int) -> bool:
        """For positions visited in order (the loop over numbers)."""
        return position < self.reach or self._in_a_date(position)

    def covers(self, position: int) -> bool:
        """For any position, once the numbers have all been visited."""
        if self._sorted is None:
            self._sorted = sorted(self.spans)
            self._sorted_reach = list(itertools.accumulate((end for _, end in self._sorted), max))
        before = bisect.bisect_right(self._sorted, (position, _AFTER_ANY_END))
        return (before > 0 and self._sorted_reach[before - 1] > position) or self._in_a_date(position)

    def _in_a_date(self, position: int) -> bool:
        before = bisect.bisect_right(self.dates, (position, _AFTER_ANY_END))
        return before > 0 and self.date_reach[before - 1] > position


def dates_and_shares(sentence: str) -> tuple[list[tuple[int, int]], dict[int, re.Match[str]]]:
    """Day/month dates (claimed, never figures) and fractions such as '10/12 chi tieu'.
    A slash pair is a date when it has a year, follows 'ngay' or 'thang', stands in
    parentheses, or opens a clause as a valid day and month ('Ngay 10/2, ...'); otherwise it
    may be a share."""
    dates: list[tuple[int, int]] = [m.span() for m in MONTH_YEAR.finditer(sentence)]
    shares: dict[int, re.Match[str]] = {}
    for match in DATE.finditer(sentence):
        # '10/2, cac doan xe ...' opens a clause with a date; '3/3 truong hoc' counts schools
        opens = sentence[match.end() : match.end() + 1] == ","
        day_and_month = 1 <= int(match.group(1)) <= 31 and 1 <= int(match.group(2)) <= 12
        if match.group(3) or _is_date_context(sentence, match.start()) or (opens and day_and_month):
            dates.append(match.span())
    taken = _Claims(dates)
    for match in SHARE.finditer(sentence):
        if not taken.covers(match.start()):
            shares[match.start()] = match
    return dates, shares


class Reading(NamedTuple):
    """What one sentence states."""

    figures: list[Mention]
    """Its figures, in order, each with the comparisons stated with it."""
    unread: int
    """Figures and comparisons it states in a way the dataset format cannot hold as read: an
    upper bound ('duoi 1,5%'), a range of mixed scales, a change whose figure it does not give."""
    dates: list[tuple[int, int]]
    """The spans of its dates (never figures; ``dated`` reads the events among them)."""


def read(sentence: str, year: int) -> Reading:
    """The figures a sentence states (``year`` is the year the article reviews)."""
    p = patterns()
    found: list[Mention] = []
    unread = 0
    dates, shares = dates_and_shares(sentence)
    claimed = _Claims(dates)
    last_change: Change | None = None
    ranges = {m.start(): m for m in RANGE.finditer(sentence)}
    numbers = {m.start(): m.end() for m in NUMBER.finditer(sentence)}
    numbers.update({m.start(): m.end() for m in p["glued"].finditer(sentence)})
    plans = _plans(sentence, year)
    noun_shares = {m.start(): m for m in p["noun_share"].finditer(sentence)}
    planned = {n for change in plans for n in numbers if change.start <= n < change.end}
    pending: list[tuple[Change, Amount]] = []  # changes waiting for their figure ('giam 214 ho, con 1.087 ho')
    for start in sorted(numbers.keys() | shares.keys()):
        end = numbers[start] if start in numbers else shares[start].end()
        if start in claimed or start in planned:
            continue
        if is_identifier(sentence, start, end):
            ranked = p["rank_of"].match(sentence, end)  # 'thu 12 tren 63 tinh': the 63 is no figure either
            # 'nhiem ky 2021 - 2026': the period's end is no figure either
            claimed.add(start, ranked.end() if ranked else ranges[start].end() if start in ranges else end)
            continue
        if start in noun_shares:  # '20 chi tieu/21 chi tieu'
            said = noun_shares[start]
            part, whole = read_number(said.group(1)), read_number(said.group(3))
            if part <= whole and whole == whole.to_integral_value() and whole > 0:
                qualifier, begin = qualifier_before(sentence, start)
                amount = Amount(part, "share", said.group(2), start, said.end(), int(whole))
                found.append(Mention(amount, qualifier, (), begin))
                claimed.add(start, said.end())
                continue
        if start in shares:
            share = _share(sentence, shares[start])
            claimed.add(start, share.amount.end if share else shares[start].end())
            found += [share] if share else []
            continue
        if start in ranges:  # '13-14 tan', unless it is a period ('2021-2025') or an age ('18-20 tuoi')
            span = ranges[start]
            if not _looks_like_years(*span.groups()) and not is_identifier(sentence, *span.span(2)):
                spread = _range(sentence, start, span.span(1), span.span(2))
                change = _range_change(sentence, spread, year) if spread else None
                if change is not None and spread is not None:  # 'tang 8-9% so voi nam 2022'
                    claimed.add(change.start, max(change.end, span.end()))
                    unread += not _attach(sentence, found, change, spread.amount)
                    continue
                found += [spread] if spread else []
                unread += spread is None
            claimed.add(start, max(span.end(), amount_at(sentence, *span.span(2)).end))
            continue
        amount = amount_at(sentence, start, end)
        moved, moved_to = _from_to(sentence, amount, end, year)
        if moved_to:
            found += [moved] if moved else []
            unread += moved is None
            claimed.add(moved.start if moved else start, moved_to)
            continue
        one_of = p["share_of"].match(sentence, amount.end) if amount.noun is None else None
        if one_of and amount.value == 1:  # '1 trong 3 chuc danh': which one, not how many
            claimed.add(start, one_of.end())
            continue
        change = change_at(sentence, amount, year) or _continued(sentence, last_change, amount, year)
        if change is not None:
            claimed.add(change.start, change.end)
            if change.kind == "absolute_change" and not _attach(sentence, found, change, amount, alone=False):
                pending.append((change, amount))  # its figure may follow: '..., con 1.087 ho'
            elif change.kind != "absolute_change":
                unread += not _attach(sentence, found, change, amount)
            last_change = change
            continue
        figure = _figure(sentence, amount, one_of)
        remained = [n for n, (c, a) in enumerate(pending) if _remains(sentence, c, a, figure)]
        if remained:  # 'giam 214 ho, con 1.087 ho': the change is of the figure it leaves
            change, _ = pending.pop(remained[-1])
            figure = figure._replace(changes=(*figure.changes, change), start=min(figure.start, change.start))
        claimed.add(figure.start, figure.amount.end)
        counted = p["counted_before"].search(sentence[max(0, start - 80) : start])
        if figure.amount.unit == "count" and figure.amount.noun is None and counted:
            # 'so doanh nghiep dang hoat dong la 3.860': the noun counted stands before the number
            figure = figure._replace(amount=figure.amount._replace(noun=counted.group(1)))
        # A number with no unit and nothing counted names or orders ('lop 9', 'muc 2'):
        # Vietnamese counts with a noun after the number.
        if figure.amount.noun or figure.amount.unit not in ("count", "share", "points"):
            found.append(figure)
    unread += len(pending)
    found += _word_quantities(sentence, claimed)
    found.sort(key=lambda mention: mention.start)
    starts = [m.start for m in found]
    for change in plans:  # '96.450 tan/KH 95.000 tan': the plan of the figure before it
        at = bisect.bisect_left(starts, change.start) - 1
        if at >= 0:  # in the order the text states them
            found[at] = found[at]._replace(changes=tuple(sorted((*found[at].changes, change), key=lambda c: c.start)))
        else:
            unread += 1
    for change in _word_multiples(sentence, year):  # 'gap doi nam 2023'
        at = bisect.bisect_left(starts, change.start) - 1  # the figure before it
        if at >= 0 and _next_to(sentence, found[at], change):
            found[at] = found[at]._replace(changes=(*found[at].changes, change))
        else:
            unread += 1
    bounded = [m for m in found if m.qualifier == "less_than"]  # the format holds no upper bound
    return Reading([m for m in found if m.qualifier != "less_than"], unread + len(bounded), dates)


def _from_to(sentence: str, first: Amount, number_end: int, year: int) -> tuple[Mention | None, int]:
    """'tu 2,84% xuong con 1,96%' (the figure is the second value, moved from the first, whose
    year may follow it) and 'tu 7,0% den 7,5%' (a range): the figure, or None for a range that
    cannot be read, and where its words end (0 when the number starts no such phrase)."""
    p = patterns()
    window = sentence[max(0, first.start - 8) : first.start]
    lead = p["from"].search(window)
    if lead is None:
        return None, 0
    begin = first.start - len(window) + lead.start()
    aside = _aside().match(sentence, first.end)
    after = aside.end() if aside else first.end
    dated = re.search(rf"(?<!\w){words()['year_word']}\s+(\d{{4}})", aside.group(0)) if aside else None
    for name in ("move", "range_to"):
        link = p[name].match(sentence, after)
        second = NUMBER.match(sentence, link.end()) if link else None
        if second is None:
            continue
        then = amount_at(sentence, second.start(), second.end())
        if name == "range_to":
            return _range(sentence, begin, (first.start, number_end), second.span()), then.end
        qualifier, _ = qualifier_before(sentence, second.start())
        since = int(dated.group(1)) if dated else year - 1
        change = Change("previous_year", "from_value", first.value, since, begin, then.end, dated is not None)
        return Mention(then, qualifier, (change,), begin), then.end
    return None, 0


@functools.cache
def _aside() -> re.Pattern[str]:
    """What may stand between the two values of 'tu A ... xuong con B': a parenthesis, or when A was."""
    return re.compile(rf"\s*\(([^()]{{0,40}})\)|\s+(?:[^\W\d_]+\s+){{0,2}}{words()['year_word']}\s+\d{{4}}")


def _figure(sentence: str, amount: Amount, of_whole: re.Match[str] | None) -> Mention:
    """A figure at ``amount``, with the qualifier before it, or after it ('8% tro len': at
    least 8 %); '14 trong tong so 19 xa' is a share."""
    qualifier, begin = qualifier_before(sentence, amount.start)
    after = patterns()["qualifier_after"].match(sentence, amount.end)
    if after and qualifier == "exact":
        qualifier = words()["qualifiers_after"][after.group(1)]
        amount = amount._replace(end=after.end())
    if of_whole and amount.unit == "count":
        whole = read_number(of_whole.group(1))
        if amount.value <= whole and whole == whole.to_integral_value():
            _, noun, end = unit_after(sentence, of_whole.end())
            return Mention(Amount(amount.value, "share", noun, amount.start, end, int(whole)), qualifier, (), begin)
    return Mention(amount, qualifier, (), begin)


def _attach(sentence: str, found: list[Mention], change: Change, amount: Amount, *, alone: bool = True) -> bool:
    """Give a comparison to the figure it is stated with; False when the format cannot hold it.

    A change in a counted noun belongs to the latest figure counting the same ('xay ra 21 vu
    ... so voi nam 2022 giam 4 vu'). Any other belongs to the latest figure it fits (a change
    in points, a percentage) when it continues what was said just before it ('dat 500 ty
    dong, tang 12%'), not after a new subject ('..., chi ngan sach tang 10%').
    With no such figure a rate of change stated alone is the figure (its words name what
    changed); any other comparison without its figure is not drafted."""
    # a comparison is stated near its figure: look back over the last few figures only
    fitting = [n for n in range(max(0, len(found) - 12), len(found)) if _fits(found[n].amount, change, amount)]
    counted = [n for n in fitting if amount.noun and found[n].amount.noun == amount.noun]
    # '... lam chet 9 nguoi, bi thuong 15 nguoi; giam 4 vu va 3 nguoi chet': the word after the
    # noun ('chet') tells which of the figures counting people it is
    said = re.match(r"\s+([^\W\d_]+)", sentence[amount.end : amount.end + 20])
    named = [n for n in counted if said and said.group(1) in sentence[max(0, found[n].start - 12) : found[n].start]]
    if change.kind == "absolute_change" and (named or counted):
        at: int | None = (named or counted)[-1]
    elif fitting and _next_to(sentence, found[-1], change):  # '1,18% (21 ho), giam 0,92 diem phan tram'
        at = fitting[-1]
    else:
        at = None
    if at is not None:
        found[at] = found[at]._replace(changes=(*found[at].changes, change))
        return True
    if not alone:
        return False
    if change.kind in ("percent_change", "percent_of") and not change.hedged:  # 'hoan thanh 100% chi tieu'
        # 'chi so IIP uoc tang 9,4%': a rate whose verb has a qualifier before it keeps it
        qualifier, begin = qualifier_before(sentence, change.start)
        if qualifier == "less_than":
            qualifier, begin = "exact", change.start
        # 'bang 97,2% du toan' with no amount: a share of the estimate, never a change on last year
        relative = change.basis if change.kind == "percent_of" and change.basis != "previous_year" else None
        value = amount._replace(end=change.end)
        found.append(Mention(value, qualifier, (), begin, rate=change.kind == "percent_change", relative_to=relative))
        return True
    return False


def _remains(sentence: str, change: Change, amount: Amount, figure: Mention) -> bool:
    """Whether a change waiting for its figure is of ``figure``: the same unit and noun, and only
    'con' (what is left) between them ('giam 214 ho, con 1.087 ho')."""
    if change.end > figure.start or not patterns()["remains"].match(sentence[change.end : figure.amount.start]):
        return False
    return amount.unit == figure.amount.unit and _same_noun(figure.amount.noun, amount.noun)


def _plans(sentence: str, year: int) -> list[Change]:
    """The plans stated after a figure with '/KH' ('dat 24,8%/KH 24,5-25,5%'): each a plan's
    value moved from (a range keeps its high end)."""
    found = []
    for match in patterns()["plan_after"].finditer(sentence):
        low = amount_at(sentence, *match.span(1))
        value, high = low.value, None
        end = low.end
        if match.group(2):
            top = amount_at(sentence, *match.span(2))
            scale = top.value / read_number(match.group(2)) if read_number(match.group(2)) else Decimal(1)
            value, high, end = read_number(match.group(1)) * scale, top.value, top.end
            if high <= value:
                continue
        found.append(Change("plan", "from_value", value, None, match.start(), end, high=high))
    return found


def _range_change(sentence: str, spread: Mention, year: int) -> Change | None:
    """A range stated as a change ('tang 8-9% so voi nam 2022'): the change, low to high."""
    change = change_at(sentence, spread.amount._replace(start=spread.start), year)
    if change is None or change.kind not in ("percent_change", "absolute_change") or spread.range_high is None:
        return None
    ends = sorted((change.value, spread.range_high if change.value >= 0 else -spread.range_high))
    return change._replace(value=ends[0], high=ends[1])


def _continued(sentence: str, last: Change | None, amount: Amount, year: int) -> Change | None:
    """'giam 3 vu va 2 nguoi so voi nam 2021': an amount joined to a change is changed the same
    way, against the basis named after it, or else the first change's."""
    if last is None or last.kind not in ("absolute_change", "percent_change") or last.end > amount.start:
        return None
    if not patterns()["joined"].fullmatch(sentence[last.end : amount.start]):
        return None
    kind = "percent_change" if amount.unit == "percent" else "absolute_change"
    value = -amount.value if last.value < 0 else amount.value
    basis = basis_after(sentence, amount.end, year)
    if basis is None and last.stated_basis:
        basis = (last.basis, last.year, amount.end)
    return make_change(basis, kind, value, amount.start, amount.end, year)


def _word_multiples(sentence: str, year: int) -> list[Change]:
    """'gap doi nam 2023': a multiple said in words."""
    found = []
    for match in patterns()["word_multiple"].finditer(sentence):
        written = words()["word_multiples"].get(match.group(1).lower())
        if written is None:  # matched only through case folding
            continue
        value = Decimal(written)
        bare = patterns()["bare_year"].match(sentence, match.end())
        basis = ("previous_year", int(bare.group(1)), bare.end()) if bare else basis_after(sentence, match.end(), year)
        found.append(make_change(basis, "multiple", value, match.start(), match.end(), year))
    return found


def _next_to(sentence: str, figure: Mention, change: Change) -> bool:
    """Whether a comparison continues what is said of the figure before it: right after it or
    its last comparison, or after a comma or a joining word ('va', 'tuong duong') with nothing
    else before the comparison's verb, or after at most three words of no other clause."""
    said = max([figure.amount.end, *(c.end for c in figure.changes)])
    pieces = patterns()["joins"].split(sentence[said : change.start])
    return not pieces[-1].strip() if len(pieces) > 1 else len(pieces[0].split()) <= 3


def _fits(figure: Amount, change: Change, amount: Amount) -> bool:
    """A change in points fits a percentage; an amount, a figure of the same unit and noun
    (a count fits a share of the same thing: 58/64 truong, tang 3 truong)."""
    if change.kind == "point_change":
        return figure.unit == "percent"
    if change.kind == "absolute_change":
        units = {figure.unit, amount.unit}
        return (len(units) == 1 or units == {"share", "count"}) and _same_noun(figure.noun, amount.noun)
    return True


def _same_noun(figure: str | None, change: str | None) -> bool:
    """'don' and 'don thu' count the same; a change without a noun fits any."""
    return change is None or (figure is not None and (figure.startswith(change) or change.startswith(figure)))


def _share(sentence: str, match: re.Match[str]) -> Mention | None:
    """'10/12 chi tieu', '155/155 nguoi': a part of a whole, counting a noun (None for a pair
    that is no share: '12/10 ho', '2/9')."""
    part, whole = read_number(match.group(1)), read_number(match.group(2))
    unit, noun, end = unit_after(sentence, match.end())
    if part > whole or unit != "count" or noun is None or whole != whole.to_integral_value() or whole == 0:
        return None
    qualifier, begin = qualifier_before(sentence, match.start())
    return Mention(Amount(part, "share", noun, match.start(), end, int(whole)), qualifier, (), begin)


def _range(sentence: str, begin: int, low: tuple[int, int], high: tuple[int, int]) -> Mention | None:
    """'13-14 tan', 'tu 7,0% den 7,5%': at least the low end, up to the high end. When only the
    high end has a scale word ('1,2-1,5 ty dong'), the low end shares it; a range whose ends
    cannot be read alike ('1,2-1,5 ty 300 trieu'), or whose low end is above its high end, is
    not drafted (None)."""
    top = amount_at(sentence, *high)
    bottom = amount_at(sentence, *low)
    written_high = read_number(sentence[high[0] : high[1]])
    if bottom.end == low[1]:  # a bare low number: the high end's one scale word applies
        scale = patterns()["scale"].match(sentence, high[1])
        factor = Decimal(words()["scales"][scale.group(1)]) if scale else Decimal(1)
        if top.value != written_high * factor:
            return None
        value = read_number(sentence[low[0] : low[1]]) * factor
    elif bottom.unit == top.unit:
        value = bottom.value
    else:
        return None
    if value >= top.value or top.value == 0:
        return None
    qualifier, lead = qualifier_before(sentence, begin)
    return Mention(top._replace(value=value, start=low[0]), qualifier, (), lead, range_high=top.value)


def _looks_like_years(first: str, second: str) -> bool:
    return first.isdigit() and second.isdigit() and len(first) == 4 and (len(second) in (2, 4))


def _is_date_context(sentence: str, start: int) -> bool:
    return bool(patterns()["date_lead"].search(sentence[max(0, start - 12) : start]))


def _word_quantities(sentence: str, claimed: _Claims) -> list[Mention]:
    """Quantities said in words: 'hon mot nua', 'khong co … nao', 'them mot to chuc'."""
    p = patterns()
    found: list[Mention] = []
    for match in p["half"].finditer(sentence):
        if p["rise"].search(sentence[max(0, match.start() - 12) : match.start()]) or p["fall"].search(
            sentence[max(0, match.start() - 12) : match.start()]
        ):
            continue  # 'so vu giam mot nua': a change by half, not a share of a half
        qualifier = words()["qualifiers"].get(match.group(1).strip().lower(), "exact") if match.group(1) else "exact"
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
        if noun not in words()["nouns"] and unit != "days":  # 'them mot so ho', 'cung mot luc': no count
            continue
        amount = Amount(value, unit, noun, match.start(1), end)
        found.append(_in_words(sentence, amount, match))
    for match in p["spelled_count"].finditer(sentence):  # 'vuot ke hoach nam chi tieu': five targets
        value = Decimal(words()["spelled_count_words"][match.group(1)])
        unit, noun, end = unit_after(sentence, match.end(1))
        amount = Amount(value, unit, noun, match.start(1), end)
        found.append(_in_words(sentence, amount, match))
    for match in p["spelled"].finditer(sentence):  # 'hai nghin bo den', 'Muoi lam tram y te'
        spelled = _spelled_value(match.group(1).lower().split())
        unit, noun, end = unit_after(sentence, match.end(1))
        if spelled and noun is not None:
            amount = Amount(Decimal(spelled), unit, noun, match.start(1), end)
            found.append(_in_words(sentence, amount, match))
    return [m for m in found if not claimed.covers(m.start)]


def _in_words(sentence: str, amount: Amount, match: re.Match[str]) -> Mention:
    """A number said in words, with the qualifier written before it, as a number in digits has
    it ('khoang hai nghin doanh nghiep': about 2,000)."""
    qualifier, _ = qualifier_before(sentence, match.start(1))
    return Mention(amount, qualifier, (), match.start(1), wording=match.group(1))


def _spelled_value(spoken: list[str]) -> int | None:
    """The number words say: 'hai nghin' 2000, 'muoi lam' 15, 'ba muoi hai' 32, 'hai tram
    nam muoi' 250; None when they say no number (one word alone is left to the digits' rules)."""
    digits: dict[str, int] = words()["spelled_numbers"]
    tens: dict[str, str] = words()["spelled_tens"]
    scales: dict[str, int] = words()["scales"]
    total = small = last = 0
    for word in spoken:
        if word in digits:
            last = digits[word]
            small += last
        elif tens.get(word) == "ten":
            small += 10
        elif tens.get(word) == "tens":
            small += last * 9  # the digit said before counted once already: now ten times
        elif tens.get(word) == "hundreds":
            small *= 100
        elif word in scales:
            total, small = total + max(small, 1) * scales[word], 0
        else:
            return None
    return total + small or None
