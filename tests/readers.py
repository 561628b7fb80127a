"""Helpers only the tests need: reading numbers back as a person reads them, and the help
texts a command tree can print."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from typer._click import Command, Context

from chilinh_cli.click_bridge import walk
from chilinh_cli.language import Lang


def parse_number(text: str, lang: Lang) -> Decimal:
    """The inverse of ``numfmt.format_number``: '13.416,4' (vi) or '13,416.4' (en) as a Decimal."""
    thousands, decimal_mark = (".", ",") if lang == "vi" else (",", ".")
    cleaned = text.strip().replace(thousands, "").replace(decimal_mark, ".")
    return Decimal(cleaned)


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


def help_texts(command: Command) -> Iterator[str]:
    """Every help text a help page of this command tree can print."""
    for each in walk(command):
        context = Context(each)
        yield from (text for text in (each.help, each.epilog) if text)
        for param in each.get_params(context):
            text = getattr(param, "help", None)
            if text:
                yield text
