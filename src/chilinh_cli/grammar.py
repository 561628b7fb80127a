"""The Vietnamese figure grammar: the numbers a sentence states, with their units, qualifiers
and stated comparisons, and the exact span of words that states each.

Pure functions of text, with no other module of chilinh: ``draft`` turns what they find into
a dataset. The words are data (``figure_words.json``), so that the interface's Vietnamese
stays in the message catalogue (so the examples here are written without diacritics:
'ty' is the word for a billion). Every number is read exactly (``Decimal``): '.' groups
thousands and ',' marks decimals (``13.416.446``, ``967,3``); a scale word multiplies
(``967,3 ty``) and mixed scales add up (``13.416 ty 446 trieu dong``). See
``docs/drafting.md`` for the constructions and what is deliberately not read as a figure.
"""

from __future__ import annotations

import functools
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+|(?<=…)(?=\S)")
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# A number standing alone: not glued to letters (F1, 0h, COVID-19), to a code (06-NQ/TU,
# 1234/QD) or to another number (dates are read first).
NUMBER = re.compile(rf"(?<![\w.,/+\-–:])(?:{_NUMBER})(?![\w/]|[.,]\d|-[^\W\d_]|:\d)")
DATE = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\w/])")
MONTH_YEAR = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{4})(?![\w/])")
SHARE = re.compile(rf"(?<![\w/.,])({_NUMBER})/({_NUMBER})(?![\w/])")
RANGE = re.compile(rf"(?<![\w.,/])({_NUMBER})\s?[-–]\s?({_NUMBER})(?![\w/])")


@functools.cache
def words() -> dict[str, Any]:
    """The grammar's vocabulary, read once."""
    loaded: dict[str, Any] = json.loads(Path(__file__).with_name("figure_words.json").read_text("utf-8"))
    return loaded


@functools.cache
def _alternation(key: str, subkey: str | None = None) -> str:
    """A regex alternation of a word list (or of a mapping's keys), longest first."""
    entry = words()[key] if subkey is None else words()[key][subkey]
    items = list(entry) if isinstance(entry, dict | list) else [entry]
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


def read_number(written: str) -> Decimal:
    """'13.416.446' -> 13416446, '967,3' -> 967.3, '7,0' -> 7.0 (the written precision stays)."""
    return Decimal(written.replace(".", "").replace(",", "."))


def whole_or_decimal(value: Decimal) -> int | Decimal:
    """An integral value as ``int`` (money, counts), any other as its exact ``Decimal``."""
    return int(value) if value == value.to_integral_value() else value


class Amount(NamedTuple):
    """A number with its scale and unit, as written between ``start`` and ``end``."""

    value: Decimal
    unit: str
    """vnd, usd, percent, points, days, count, share or quantity."""
    noun: str | None
    start: int
    end: int
    out_of: int | None = None


class Change(NamedTuple):
    """A comparison the text states: 'tang 22,4% so voi nam 2020'."""

    basis: str
    kind: str
    value: Decimal
    year: int | None
    start: int
    end: int
    stated_basis: bool = True
    """False when the text gives no basis ('tang 12%') and the previous year is assumed."""


class Mention(NamedTuple):
    """One figure a sentence states."""

    amount: Amount
    qualifier: str
    changes: tuple[Change, ...]
    start: int
    """Where the words that state it begin (the qualifier, or the number)."""
    wording: str | None = None
    range_high: Decimal | None = None


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = words()
    return {
        "scale": re.compile(rf"\s*({_alternation('scales')})(?!\w)"),
        # money per something ('trieu dong/nguoi/nam') keeps its 'per' in the words that state it
        "money": re.compile(rf"\s*({_alternation('money')})(?!\w)(?:/[^\W\d_]+)*"),
        "percent": re.compile(rf"\s?({_alternation('percent_words')})(?!\w)"),
        "points": re.compile(rf"\s*{re.escape(w['points'])}(?!\w)"),
        "days": re.compile(rf"\s*({_alternation('day_words')})(?!\w)"),
        "measure": re.compile(rf"\s*({_alternation('measures')})(?![\w/])"),
        "noun": re.compile(rf"\s*({_alternation('nouns')})(?!\w)"),
        "word": re.compile(r"\s*([^\W\d_]+)"),
        "qualifier": re.compile(rf"(?:^|(?<=\W))({_alternation('qualifiers')})\s*$", re.IGNORECASE),
        "not_after": re.compile(rf"(?:^|(?<=\W))(?:{_alternation('not_after_words')})\s*$"),
        "not_before": re.compile(rf"\s*(?:{_alternation('not_before_words')})(?!\w)"),
        "years_before": re.compile(rf"(?:^|(?<=\W))(?:{_alternation('years_before')})\s*$", re.IGNORECASE),
        "basis": re.compile(rf"\s*(?:{re.escape(w['compared_with'])}\s+)?({_alternation('bases')})(?!\w)"),
        "year_basis": re.compile(
            rf"\s*{re.escape(w['compared_with'])}\s+(?:({_alternation('bases')})\s+)?{w['year_word']}\s+(\d{{4}})(?!\w)"
        ),
        "rise": re.compile(rf"({_alternation('rise')})\s+$"),
        "fall": re.compile(rf"({_alternation('fall')})\s+$"),
        "exceed": re.compile(rf"{re.escape(w['exceed'])}\s+$"),
        "of": re.compile(rf"({_alternation('of_words')})\s+$"),
        "times_lead": re.compile(rf"{re.escape(w['times']['lead'])}\s+$"),
        "times_tail": re.compile(rf"\s*{re.escape(w['times']['tail'])}(?!\w)"),
        "from": re.compile(rf"(?:^|(?<=\W)){re.escape(w['from'])}\s+$", re.IGNORECASE),
        "move": re.compile(rf"\s+(?:{_alternation('moves')})\s+"),
        "range_to": re.compile(rf"\s+(?:{_alternation('range_to')})\s+"),
        "share_of": re.compile(rf"\s+(?:{_alternation('share_of')})\s+({_NUMBER})(?!\w|[.,]\d)"),
        "half": re.compile(rf"(?:^|(?<=\W))((?:{_alternation('qualifiers')})\s+)?{re.escape(w['half'])}(?!\w)", re.I),
        "none": re.compile(rf"(?:^|(?<=\W)){re.escape(w['none'])}\s+"),
        "number_word": re.compile(
            rf"(?<!\w)(?:{_alternation('number_word_lead')})\s+({_alternation('number_words')})(?=\s+\w)"
        ),
    }


def _unit_after(sentence: str, end: int) -> tuple[str, str | None, int]:
    """The unit written after a number ending at ``end``: (unit, noun, new end)."""
    p = _patterns()
    noun = p["noun"].match(sentence, end)
    for name, unit in (("percent", "percent"), ("points", "points"), ("money", None), ("measure", "quantity")):
        match = p[name].match(sentence, end)
        if match and not (noun and noun.end() > match.end()):
            if unit is None:
                return words()["money"][match.group(1)], None, match.end()
            return unit, (match.group(1) if unit == "quantity" else None), match.end()
    days = p["days"].match(sentence, end)
    if days:
        return "days", None, days.end()
    if noun:
        return "count", noun.group(1), noun.end()
    word = p["word"].match(sentence, end)
    if word and word.group(1).islower() and word.group(1) not in words()["stop_words"]:
        return "count", word.group(1), word.end()
    return "count", None, end


def amount_at(sentence: str, start: int, end: int) -> Amount:
    """The amount whose first number is ``sentence[start:end]``: scales multiply, mixed scales
    add up ('13.416 ty 446 trieu dong', '3.691 ty dong 996 trieu dong'), then the unit."""
    p = _patterns()
    scales: dict[str, int] = words()["scales"]
    value = read_number(sentence[start:end])
    scale = p["scale"].match(sentence, end)
    if scale:
        value *= scales[scale.group(1)]
        end = scale.end()
        last = scales[scale.group(1)]
        while True:  # a smaller part: '446 trieu', possibly after the unit ('ty dong 996 trieu')
            skip = p["money"].match(sentence, end)
            at = skip.end() if skip else end
            part = re.compile(rf"\s+({_NUMBER})").match(sentence, at)
            smaller = part and p["scale"].match(sentence, part.end())
            if not (part and smaller and scales[smaller.group(1)] < last):
                break
            value += read_number(part.group(1)) * scales[smaller.group(1)]
            last = scales[smaller.group(1)]
            end = smaller.end()
    unit, noun, end = _unit_after(sentence, end)
    if unit == "count" and noun and value != value.to_integral_value():
        unit = "quantity"  # '91,27 diem': a measure, not a count
    return Amount(value, unit, noun, start, end)


def is_identifier(sentence: str, start: int, end: int) -> bool:
    """A number that names or orders rather than counts: a year, a code, an ordinal, a slogan
    ('nam 2021', 'Nghi quyet 36', 'lan thu 3', '3 sao', '5 ro', '18 tuoi')."""
    p = _patterns()
    before = sentence[max(0, start - 30) : start]
    if p["not_after"].search(before) or p["not_before"].match(sentence, end):
        return True
    name = re.search(r"(?<=\w)\s+([^\W\d_][\w]*)\s+$", before)
    if name and name.group(1)[0].isupper() and _unit_after(sentence, end)[0] == "count":
        return True  # 'cau Ha Vien 2', 'Quoc lo 18': part of a name
    written = sentence[start:end]
    if written.isdigit() and len(written) == 4 and 1900 <= int(written) <= 2100:
        follows = _unit_after(sentence, end)
        return bool(p["years_before"].search(before)) or (follows[0] == "count" and follows[1] not in words()["nouns"])
    return False


def qualifier_before(sentence: str, start: int) -> tuple[str, int]:
    """The qualifier just before a number ('hon', 'gan', 'uoc dat'), and where it begins."""
    match = _patterns()["qualifier"].search(sentence[max(0, start - 16) : start])
    if not match:
        return "exact", start
    qualifiers: dict[str, str] = words()["qualifiers"]
    return qualifiers[match.group(1).lower()], start - (len(sentence[max(0, start - 16) : start]) - match.start(1))


def _basis_after(sentence: str, end: int, year: int) -> tuple[str, int | None, int] | None:
    """The basis a comparison names after ``end``: (basis, year compared with, new end)."""
    p = _patterns()
    bases: dict[str, str] = words()["bases"]
    dated = p["year_basis"].match(sentence, end)
    if dated:
        return "previous_year", int(dated.group(2)), dated.end()
    named = p["basis"].match(sentence, end)
    if named:
        basis = bases[named.group(1)]
        return basis, (year - 1 if basis == "previous_year" else None), named.end()
    return None


def change_at(sentence: str, amount: Amount, year: int) -> Change | None:
    """A stated comparison whose number is ``amount``, read from the words around it."""
    p = _patterns()
    before = sentence[max(0, amount.start - 24) : amount.start]
    begin = amount.start - len(before)
    rise, fall = p["rise"].search(before), p["fall"].search(before)
    exceed, of = p["exceed"].search(before), p["of"].search(before)
    if amount.unit == "points":
        return _points(sentence, amount, year)
    times, tail = p["times_lead"].search(before), p["times_tail"].match(sentence, amount.end)
    if times and tail:
        basis = _basis_after(sentence, tail.end(), year)
        return _change(basis, "multiple", amount.value, begin + times.start(), tail.end(), year)
    basis = _basis_after(sentence, amount.end, year)
    if of and basis and amount.unit == "percent":  # 'dat 101,3% ke hoach', 'bang 112% so voi cung ky'
        return Change(basis[0], "percent_of", amount.value, basis[1], begin + of.start(), basis[2])
    if exceed and basis:
        kind = "percent_change" if amount.unit == "percent" else "absolute_change"
        return Change(basis[0], kind, amount.value, basis[1], begin + exceed.start(), basis[2])
    lead = rise or fall
    if lead:
        sign = -1 if fall else 1
        kind = "percent_change" if amount.unit == "percent" else "absolute_change"
        return _change(basis, kind, sign * amount.value, begin + lead.start(), amount.end, year)
    return None


def _points(sentence: str, amount: Amount, year: int) -> Change | None:
    """'cao hon nam truoc 1,4 diem phan tram': a change in percentage points, its basis named
    before the number or after it."""
    before = sentence[max(0, amount.start - 40) : amount.start]
    begin = amount.start - len(before)
    leads = list(
        re.finditer(rf"(?<!\w)(?:{_alternation('rise')}|{_alternation('fall')}|{_alternation('exceed')})", before)
    )
    if not leads:
        return None
    lead = leads[-1]
    sign = -1 if re.fullmatch(_alternation("fall"), lead.group(0)) else 1
    between = _basis_after(before, lead.end(), year) or _basis_after(
        f" {words()['compared_with']} " + before[lead.end() :], 0, year
    )
    basis = between or _basis_after(sentence, amount.end, year)
    end = amount.end if between or basis is None else basis[2]
    if basis is None:
        return Change("previous_year", "point_change", sign * amount.value, year - 1, begin + lead.start(), end, False)
    return Change(basis[0], "point_change", sign * amount.value, basis[1], begin + lead.start(), end)


def _change(
    basis: tuple[str, int | None, int] | None, kind: str, value: Decimal, start: int, end: int, year: int
) -> Change:
    if basis is None:
        return Change("previous_year", kind, value, year - 1, start, end, stated_basis=False)
    return Change(basis[0], kind, value, basis[1], start, basis[2])


def _dates_and_shares(sentence: str) -> tuple[list[tuple[int, int]], dict[int, re.Match[str]]]:
    """Day/month dates (claimed, never figures) and fractions such as '10/12 chi tieu'.
    A slash pair is a date when it has a year, follows 'ngay' or 'thang', or stands in
    parentheses; otherwise it is a share when the part is at most the whole."""
    dates: list[tuple[int, int]] = [m.span() for m in MONTH_YEAR.finditer(sentence)]
    shares: dict[int, re.Match[str]] = {}
    for match in DATE.finditer(sentence):
        clause_start = not sentence[: match.start()].strip() or sentence[match.end() : match.end() + 1] == ","
        if match.group(3) or _is_date_context(sentence, match.start()) or clause_start:
            dates.append(match.span())
    for match in SHARE.finditer(sentence):
        if not any(a <= match.start() < b for a, b in dates):
            shares[match.start()] = match
    return dates, shares


def mentions(sentence: str, year: int) -> list[Mention]:
    """The figures a sentence states, in order, each with the comparisons stated after it."""
    p = _patterns()
    found: list[Mention] = []
    dates, shares = _dates_and_shares(sentence)
    claimed = list(dates)
    ranges = {m.start(): m for m in RANGE.finditer(sentence)}
    numbers = {m.start(): m.end() for m in NUMBER.finditer(sentence)}
    for start in sorted(numbers.keys() | shares.keys()):
        end = numbers.get(start, start)
        if any(a <= start < b for a, b in claimed):
            continue
        if start in shares:
            found.append(_share(sentence, shares[start]))
            claimed.append((start, found[-1].amount.end))
            continue
        if is_identifier(sentence, start, end):
            continue
        if start in ranges:  # '13-14 tan', unless it is a period ('2021-2025')
            span = ranges[start]
            if not _looks_like_years(span.group(1), span.group(2)):
                found.append(_range(sentence, span.start(), span.span(1), span.span(2)))
            claimed.append((span.start(), max(span.end(), found[-1].amount.end if found else 0)))
            continue
        amount = amount_at(sentence, start, end)
        moved = _from_to(sentence, amount, end, year)
        if moved is not None:
            found.append(moved)
            claimed.append((moved.start, moved.amount.end))
            continue
        one_of = p["share_of"].match(sentence, amount.end) if amount.noun is None else None
        if one_of and amount.value == 1:  # '1 trong 3 chuc danh': which one, not how many
            claimed.append((start, one_of.end()))
            continue
        change = change_at(sentence, amount, year)
        if change is not None:
            claimed.append((change.start, change.end))
            _attach(found, change, amount)
            continue
        found.append(_figure(sentence, amount, one_of))
        claimed.append((found[-1].start, found[-1].amount.end))
    found += _word_quantities(sentence, claimed)
    found.sort(key=lambda mention: mention.start)
    # A number with no unit and nothing counted names or orders ('lop 9', 'muc 2', '2/9'):
    # Vietnamese counts with a noun after the number.
    return [m for m in found if m.amount.noun or m.amount.unit not in ("count", "share", "points")]


def _from_to(sentence: str, first: Amount, number_end: int, year: int) -> Mention | None:
    """'tu 2,84% xuong con 1,96%' (the figure is the second value, moved from the first, whose
    year may follow it) and 'tu 7,0% den 7,5%' (a range)."""
    p = _patterns()
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
            _, noun, end = _unit_after(sentence, of_whole.end())
            return Mention(Amount(amount.value, "share", noun, amount.start, end, int(whole)), qualifier, (), begin)
    return Mention(amount, qualifier, (), begin)


def _attach(found: list[Mention], change: Change, amount: Amount) -> None:
    """A comparison belongs to the figure before it in the sentence; with none, the rate of
    change is itself the figure the text states (its words name what changed)."""
    if found:
        found[-1] = found[-1]._replace(changes=(*found[-1].changes, change))
    else:  # a change in points without its figure is dropped with the bare numbers
        found.append(Mention(amount, "exact", (), change.start))


def _share(sentence: str, match: re.Match[str]) -> Mention:
    """'10/12 chi tieu', '155/155 nguoi': a part of a whole."""
    part, whole = read_number(match.group(1)), read_number(match.group(2))
    unit, noun, end = _unit_after(sentence, match.end())
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


def _word_quantities(sentence: str, claimed: list[tuple[int, int]]) -> list[Mention]:
    """Quantities said in words: 'hon mot nua', 'khong co … nao', 'them mot to chuc'."""
    p = _patterns()
    found: list[Mention] = []
    for match in p["half"].finditer(sentence):
        qualifier = words()["qualifiers"][match.group(1).strip().lower()] if match.group(1) else "exact"
        amount = Amount(Decimal(50), "percent", None, match.start(), match.end())
        found.append(Mention(amount, qualifier, (), match.start(), wording=match.group(0)))
    for match in p["none"].finditer(sentence):
        unit, noun, end = _unit_after(sentence, match.end() - 1)
        if noun is not None:  # 'khong co don thu ...': none of what is named
            amount = Amount(Decimal(0), unit, noun, match.start(), end)
            found.append(
                Mention(amount, "exact", (), match.start(), wording=sentence[match.start() : match.end()].strip())
            )
    for match in p["number_word"].finditer(sentence):
        value = Decimal(words()["number_words"][match.group(1)])
        unit, noun, end = _unit_after(sentence, match.end(1))
        amount = Amount(value, unit, noun, match.start(1), end)
        found.append(Mention(amount, "exact", (), match.start(1), wording=match.group(1)))
    return [m for m in found if not any(a <= m.start < b for a, b in claimed)]
