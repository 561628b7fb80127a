"""Text helpers: accent-insensitive matching keys and safe display of untrusted text."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_D_STROKE, _D_STROKE_CAPITAL = "\u0111", "\u0110"
# C0/C1 controls, DEL, the bidirectional embedding/override/isolate marks (which can
# make a terminal show text in an order other than it is stored), and lone surrogates
# (undecodable bytes of a command-line argument), which no terminal can print.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def fold(text: str) -> str:
    """A matching key: lower case, no diacritics (d with a stroke becomes d), words separated by
    single spaces."""
    # The stroke of U+0111/U+0110 is not a combining mark, so NFD leaves it: replace it first.
    decomposed = unicodedata.normalize("NFD", text.replace(_D_STROKE, "d").replace(_D_STROKE_CAPITAL, "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()


def safe(text: str) -> str:
    """Text from a data file, made safe to print: control and bidi characters become U+FFFD.

    Tabs and newlines become spaces so that one value stays on one line.
    """
    return UNSAFE_CHARS.sub("\ufffd", text.replace("\t", " ").replace("\n", " ").replace("\r", " "))


VIETNAMESE_SAMPLE = "\u1ebf\u0111≈↑“"
"""Characters that a stream able to show chilinh's output must encode."""

_ASCII_STAND_INS = {
    "≈": "~",
    "█": "#",
    "▲": "^",
    "▼": "v",
    "↑": "^",
    "↓": "v",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "—": "-",
    "–": "-",
    "…": "...",
    "\ufffd": "?",
    _D_STROKE: "d",
    _D_STROKE_CAPITAL: "D",
}


def transliterate(text: str, encoding: str) -> str:
    """``text`` made writable in ``encoding``: Vietnamese letters lose their marks (an o with
    circumflex and hook becomes o), typographic signs get ASCII stand-ins, anything else '?'."""
    out = []
    for ch in text:
        ch = _ASCII_STAND_INS.get(ch, ch)
        for candidate in (ch, "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))):
            try:
                candidate.encode(encoding)
            except (UnicodeEncodeError, LookupError):
                continue
            out.append(candidate)
            break
        else:
            out.append("?")
    return "".join(out)


def degrade_on_encode_error(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: see ``transliterate``. Registered as 'chilinh-degrade'."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return transliterate(error.object[error.start : error.end], error.encoding), error.end
