"""Numbers written the way each language's readers expect.

Vietnamese groups thousands with '.' and writes the decimal mark as ','
(13.416,446 tỷ đồng); English does the reverse (VND 13,416.446 billion).
All arithmetic is on ``Decimal`` so that money never drifts.
"""

from __future__ import annotations

import re
from decimal import Decimal

_BILLION = Decimal(10) ** 9
_MILLION = Decimal(10) ** 6


def format_number(value: int | Decimal, lang: str) -> str:
    """``value`` with thousands grouped, written exactly (no rounding, no trailing zeros)."""
    number = Decimal(value)
    number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, decimal_mark = (".", ",") if lang == "vi" else (",", ".")
    text = thousands.join(groups)
    if fraction:
        text += decimal_mark + fraction
    return sign + text


def parse_number(text: str, lang: str) -> Decimal:
    """The inverse of ``format_number``: '13.416,4' (vi) or '13,416.4' (en) as a Decimal."""
    thousands, decimal_mark = (".", ",") if lang == "vi" else (",", ".")
    cleaned = text.strip().replace(thousands, "").replace(decimal_mark, ".")
    return Decimal(cleaned)


def format_money(dong: int | Decimal, lang: str) -> str:
    """An amount of đồng in the largest unit that keeps it readable: tỷ/billion, triệu/million."""
    amount = Decimal(dong)
    if abs(amount) >= _BILLION:
        scaled, vi_unit, en_unit = amount / _BILLION, "tỷ đồng", "billion"
    elif abs(amount) >= _MILLION:
        scaled, vi_unit, en_unit = amount / _MILLION, "triệu đồng", "million"
    else:
        return f"{format_number(amount, lang)} đồng" if lang == "vi" else f"VND {format_number(amount, lang)}"
    number = format_number(scaled, lang)
    return f"{number} {vi_unit}" if lang == "vi" else f"VND {number} {en_unit}"


_VI_MULTIPLIERS = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
_VI_AMOUNT = re.compile(r"(?<![\w/])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(?![\w/])\s*(tỷ|triệu|nghìn|ngàn)?")


def parse_vi_amount(text: str) -> Decimal:
    """The quantity a Vietnamese phrase writes, adding mixed units up.

    '13.416 tỷ 446 triệu đồng' -> 13416446000000; '967,3 tỷ đồng' -> 967300000000;
    'gần 7 nghìn người' -> 7000; '99,92%' -> 99.92. Raises ValueError when the
    phrase holds no number written in digits.
    """
    total = Decimal(0)
    found = False
    for whole, fraction, unit in _VI_AMOUNT.findall(text):
        found = True
        total += parse_number(whole + fraction, "vi") * _VI_MULTIPLIERS.get(unit, 1)
    if not found:
        raise ValueError(f"no number written in digits in {text!r}")
    return total
