"""The words and shapes of the Vietnamese figure grammar: its vocabulary (``figure_words.json``,
kept as data so that the interface's Vietnamese stays in the message catalogue; the examples
here are written without diacritics), its compiled patterns, and numbers and amounts as
written: '.' groups thousands and ',' marks decimals (``13.416.446``, ``967,3``), a scale word
multiplies (``967,3 ty``) and mixed scales add up (``13.416 ty 446 trieu dong``), every
number exact (``Decimal``).

``stated`` reads the comparisons a sentence states and ``grammar`` the figures; see
``docs/drafting.md`` for the constructions and what is deliberately not read as a figure.
"""

from __future__ import annotations

import functools
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

# A sentence ends at its mark and a space, or at a blank line; a single line break inside a
# paragraph is a wrapped line ('article.paragraphs'), not an end.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n|(?<=…)(?=\S)")
# Bounded: a figure has at most 18 digits before its comma and 10 after (the format's limit is
# 10^18); a longer run of digits is text, and a bounded pattern reads it in linear time.
_NUMBER = r"\d{1,3}(?:\.\d{3}){1,5}(?:,\d{1,10})?|\d{1,18}(?:,\d{1,10})?"
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
def alternation(key: str, subkey: str | None = None) -> str:
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


@functools.cache
def patterns() -> dict[str, re.Pattern[str]]:
    w = words()
    # number words (each followed by a space or a word's end, so the lists may simply be joined)
    firsts = alternation("spelled_numbers")
    strong = "|".join((alternation("spelled_tens"), alternation("scales")))
    spoken = "|".join((firsts, strong))
    plan = alternation("plan_marks")
    return {
        "scale": re.compile(rf"\s*({alternation('scales')})(?!\w)"),
        # money per something ('trieu dong/nguoi/nam') keeps its 'per' in the words that state it
        "money": re.compile(rf"\s*({alternation('money')})(?!\w)(?:/(?!{plan}(?!\w))[^\W\d_]+)*"),
        # '101,5%KH': a percentage glued to the plan it is of
        "percent": re.compile(rf"\s?({alternation('percent_words')})(?:(?!\w)|(?={plan}(?!\w)))"),
        "points": re.compile(rf"\s*(?:{alternation('points')})(?!\w)"),
        "days": re.compile(rf"\s*({alternation('day_words')})(?!\w)"),
        # a measure or a noun 'per' something keeps it: 'giuong/van dan', 'tan/ha', 'luot/ngay'
        "measure": re.compile(
            rf"\s*((?:{alternation('measures')})(?!\w)(?:/(?!{plan}(?!\w))(?:{alternation('per_scales')}\s)?[^\W\d_]+)*)"
            rf"(?![\w]|/(?!{plan}(?!\w)))"
        ),
        "noun": re.compile(
            rf"\s*((?:{alternation('nouns')})(?!\w)(?:/(?!{plan}(?!\w))(?:{alternation('per_scales')}\s)?[^\W\d_]+)*)"
            rf"(?![\w]|/(?!{plan}(?!\w)))"
        ),
        # '1.031.200con': a number glued to the noun or measure it counts
        "glued": re.compile(
            rf"(?<![\w.,/+\-\u2013:])({_NUMBER})(?=(?:{alternation('nouns')}|{alternation('measures')})(?!\w))"
        ),
        # '/KH 8,5-9%', '/KH 95.000 tan': the plan of the figure before it
        # ... or in parentheses: '(KH: 8,5-9%)', '(ke hoach 95.000 tan)'
        # ... or said with 'la' after it: ', vuot ke hoach de ra la 7,5%' (a plan's value, not a
        # change: 'vuot ke hoach 0,3 diem' has no 'la' and is read as the change it is)
        "plan_after": re.compile(
            rf"\s*(?:/\s*(?:{plan})|\(\s*(?:{alternation('plan_in_parentheses')})\s*:?"
            rf"|,?\s*(?:{alternation('plan_stated', 'leads')})\s+(?:{alternation('plan_stated', 'plans')})"
            rf"(?:\s+(?:{alternation('plan_stated', 'set')}))?\s+(?:{alternation('plan_stated', 'is')})(?!\w))"
            rf"\s*({_NUMBER})(?:\s?[-\u2013]\s?({_NUMBER}))?"
        ),
        # '20 chi tieu/21 chi tieu': 20 of 21, the noun said with both numbers
        "noun_share": re.compile(rf"(?<![\w.,/])({_NUMBER})\s+({alternation('nouns')})\s*/\s*({_NUMBER})\s+\2(?!\w)"),
        "remains": re.compile(rf"^\s*,?\s*(?:{alternation('remains')})\s*$"),
        "spelled_count": re.compile(
            rf"(?<!\w)(?:{alternation('spelled_count_leads')})\s+({alternation('spelled_count_words')})\s+"
            rf"(?=(?:{alternation('spelled_count_nouns')})(?!\w))"
        ),
        "word": re.compile(r"\s*([^\W\d_]+)"),
        "not_qualifier": re.compile(rf"(?i)(?<!\w)(?:{alternation('not_qualifiers')})\s*$"),
        "joined": re.compile(rf"\s+{re.escape(w['and'])}\s+"),
        "word_multiple": re.compile(
            rf"(?i)(?<!\w){re.escape(w['times_word'])}\s+({alternation('word_multiples')})(?!\w)"
        ),
        "per_one": re.compile(rf"(?<!\w){re.escape(w['per_word'])}\s+$"),
        "counted_before": re.compile(
            rf"(?i)(?<!\w){w['counted_before']['lead']}\s+({alternation('nouns')})(?:\s+[^\W\d_]+){{0,5}}\s+"
            rf"(?:{alternation('counted_before', 'verbs')})\s*$"
        ),
        # two or more number words with a ten, a hundred or a scale among them: 'hai nghin'
        # 'hai nghin', 'muoi lam', 'ba muoi hai': a digit or a ten first, then more number words,
        # among them a ten, a hundred or a scale; 'ty le' (a rate) starts with no digit: none
        "spelled": re.compile(
            # at most a few words each side: a number said in words is short, and the bound keeps a
            # long run of number words ('mot hai mot hai ...') from being scanned again and again
            rf"(?i)(?<!\w)((?:{firsts})(?:\s+(?:{spoken})){{0,4}}?\s+(?:{strong})(?:\s+(?:{spoken})){{0,6}}"
            rf"|{re.escape(w['spelled_first_ten'])}(?:\s+(?:{spoken})){{1,6}})(?!\w)"
        ),
        "qualifier_after": re.compile(rf"\s+({alternation('qualifiers_after')})(?!\w)"),
        "qualifier": re.compile(rf"(?:^|(?<=\W))({alternation('qualifiers')})\s*$", re.IGNORECASE),
        "not_after": re.compile(rf"(?:^|(?<=\W))(?:{alternation('not_after_words')})\s*$"),
        "not_before": re.compile(rf"\s*(?:{alternation('not_before_words')})(?!\w)"),
        "years_before": re.compile(rf"(?:^|(?<=\W))(?:{alternation('years_before')})\s*$", re.IGNORECASE),
        "basis": re.compile(rf"\s*(?:{re.escape(w['compared_with'])}\s+)?({alternation('bases')})(?!\w)"),
        "year_basis": re.compile(
            rf"\s*{re.escape(w['compared_with'])}\s+(?:({alternation('bases')})\s+)?{w['year_word']}\s+(\d{{4}})(?!\w)"
        ),
        "rise": re.compile(rf"(?:^|(?<=\W))({alternation('rise')})\s+$", re.IGNORECASE),
        "fall": re.compile(rf"(?:^|(?<=\W))({alternation('fall')})\s+$", re.IGNORECASE),
        "exceed": re.compile(rf"(?:^|(?<=\W)){re.escape(w['exceed'])}\s+$", re.IGNORECASE),
        "of": re.compile(rf"(?:^|(?<=\W))({alternation('of_words')})\s+$", re.IGNORECASE),
        "times_lead": re.compile(rf"(?:^|(?<=\W))(?:{alternation('times', 'lead')})\s+$", re.IGNORECASE),
        "rank_of": re.compile(rf"\s*(?:/|{alternation('rank_of')}\s)\s*(?:{_NUMBER})(?!\w)"),
        "joins": re.compile(rf"[,;(]|(?<!\w)(?:{alternation('joins')})(?!\w)", re.IGNORECASE),
        "date_lead": re.compile(rf"(?:{alternation('dates', 'day')}|{alternation('dates', 'month')})\s*$|\(\s*$"),
        "part": re.compile(rf"\s+({_NUMBER})"),
        "bare_year": re.compile(rf"\s*{w['year_word']}\s+(\d{{4}})(?!\w)"),
        "basis_before": re.compile(
            rf"{re.escape(w['compared_with'])}\s+(?:({alternation('bases')})|{w['year_word']}\s+(\d{{4}}))\s*,?\s*$"
        ),
        "times_tail": re.compile(rf"\s*{re.escape(w['times']['tail'])}(?!\w)"),
        "from": re.compile(rf"(?:^|(?<=\W)){re.escape(w['from'])}\s+$", re.IGNORECASE),
        "move": re.compile(rf"\s+(?:{alternation('moves')})\s+"),
        "range_to": re.compile(rf"\s+(?:{alternation('range_to')})\s+"),
        "share_of": re.compile(rf"\s+(?:{alternation('share_of')})\s+({_NUMBER})(?!\w|[.,]\d)"),
        "half": re.compile(rf"(?:^|(?<=\W))((?:{alternation('qualifiers')})\s+)?{re.escape(w['half'])}(?!\w)", re.I),
        "none": re.compile(rf"(?:^|(?<=\W))(?:{alternation('none')})\s+", re.IGNORECASE),
        "none_end": re.compile(rf"[^.;:()]{{0,80}}?\s(?:{alternation('none_end')})(?!\w)"),
        "number_word": re.compile(
            rf"(?<!\w)(?:{alternation('number_word_lead')})\s+({alternation('number_words')})(?=\s+\w)"
        ),
    }


def unit_after(sentence: str, end: int) -> tuple[str, str | None, int]:
    """The unit written after a number ending at ``end``: (unit, noun, new end)."""
    p = patterns()
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
    # An unknown noun: most Vietnamese nouns are one or two syllables ('doi tuong', 'thanh nien')
    syllables = []
    for _ in range(2):
        word = p["word"].match(sentence, end)
        if not (word and word.group(1).islower() and word.group(1) not in _stops()):
            break
        syllables.append(word.group(1))
        end = word.end()
    return "count", " ".join(syllables) or None, end


@functools.cache
def _stops() -> frozenset[str]:
    """Words that end a noun phrase: function words, and the first words of qualifiers."""
    qualifiers = (word.split()[0] for word in words()["qualifiers"])
    return frozenset(words()["stop_words"]) | frozenset(qualifiers)


def amount_at(sentence: str, start: int, end: int) -> Amount:
    """The amount whose first number is ``sentence[start:end]``: scales multiply, mixed scales
    add up ('13.416 ty 446 trieu dong', '3.691 ty dong 996 trieu dong'), then the unit."""
    p = patterns()
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
            part = p["part"].match(sentence, at)
            smaller = part and p["scale"].match(sentence, part.end())
            if not (part and smaller and scales[smaller.group(1)] < last):
                break
            value += read_number(part.group(1)) * scales[smaller.group(1)]
            last = scales[smaller.group(1)]
            end = smaller.end()
    unit, noun, end = unit_after(sentence, end)
    if unit == "count" and noun and value != value.to_integral_value():
        unit = "quantity"  # '91,27 diem': a measure, not a count
    if unit == "count" and noun is None and scale and scales[scale.group(1)] >= 10**9:
        unit = "vnd"  # 'thu ngan sach dat 1.250 ty': billions alone are of dong (millions may be people)
    return Amount(value, unit, noun, start, end)


def is_identifier(sentence: str, start: int, end: int) -> bool:
    """A number that names or orders rather than counts: a year, a code, an ordinal, a slogan
    ('nam 2021', 'Nghi quyet 36', 'lan thu 3', '3 sao', '5 ro', '18 tuoi')."""
    p = patterns()
    before = sentence[max(0, start - 30) : start]
    if p["not_after"].search(before) or p["not_before"].match(sentence, end):
        return True
    if sentence[start:end] == "1" and p["per_one"].search(before):  # 'tren 1 ha': per hectare
        return True
    name = re.search(r"(?<=\w)\s+([^\W\d_][\w]*)\s+$", before)
    if name and name.group(1)[0].isupper() and unit_after(sentence, end)[0] == "count":
        return True  # 'cau Ha Vien 2', 'Quoc lo 18': part of a name
    written = sentence[start:end]
    if written.isdigit() and len(written) == 4 and 1900 <= int(written) <= 2100:
        follows = unit_after(sentence, end)
        return bool(p["years_before"].search(before)) or (follows[0] == "count" and follows[1] not in words()["nouns"])
    return False


def qualifier_before(sentence: str, start: int) -> tuple[str, int]:
    """The qualifier just before a number ('hon', 'gan', 'uoc dat'), and where it begins."""
    match = patterns()["qualifier"].search(sentence[max(0, start - 16) : start])
    if not match or patterns()["not_qualifier"].search(sentence[max(0, start - 30) : start]):
        return "exact", start  # 'ngan sach cap tren 7,49 ty': 'tren' there is the level above
    qualifier = words()["qualifiers"].get(match.group(1).lower())
    if qualifier is None:  # matched only through case folding ('ı' for 'i'): not one of ours
        return "exact", start
    return qualifier, start - (len(sentence[max(0, start - 16) : start]) - match.start(1))
