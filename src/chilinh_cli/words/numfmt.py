"""Numbers written the way each language's readers expect.

Vietnamese groups thousands with '.' and writes the decimal mark as ','
(13.416,446 in Vietnamese); English does the reverse (VND 13,416.446 billion).
All arithmetic is on ``Decimal`` so that money never drifts.
"""

from __future__ import annotations

from decimal import Decimal

from . import messages
from .language import Lang

_BILLION = Decimal(10) ** 9
_MILLION = Decimal(10) ** 6


def format_number(value: int | Decimal, lang: Lang) -> str:
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


def format_money(dong: int | Decimal, lang: Lang) -> str:
    """An amount of dong in the largest unit that keeps it readable: billion or million."""
    amount = Decimal(dong)
    if abs(amount) >= _BILLION:
        scaled, unit = amount / _BILLION, messages.MONEY_BILLION
    elif abs(amount) >= _MILLION:
        scaled, unit = amount / _MILLION, messages.MONEY_MILLION
    else:
        scaled, unit = amount, messages.MONEY
    return unit.get(lang).format(format_number(scaled, lang))
