"""Text helpers: accent-insensitive matching keys and safe display of untrusted text."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_D_STROKE, _D_STROKE_CAPITAL = "\u0111", "\u0110"

# The two patterns of whole Unicode blocks below take half a millisecond to compile (a twentieth
# of Python's own start-up), and most runs need neither: each is compiled at its first use.


@functools.cache
def _combining() -> re.Pattern[str]:
    """Every block of combining marks: the marks NFD separates from their letters (one regex is
    far faster than a test per character, and folding every name of a large catalog is hot)."""
    return re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@functools.cache
def unsafe_chars() -> re.Pattern[str]:
    """C0/C1 controls, DEL, the bidirectional embedding/override/isolate marks (which can make a
    terminal show text in an order other than it is stored), and lone surrogates (undecodable
    bytes of a command-line argument), which no terminal can print. Each of them is unprintable
    (``str.isprintable``), so text that is printable has none, and needs no search."""
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@functools.cache
def slug_pattern() -> re.Pattern[str]:
    """A kebab-case slug, whole (``fullmatch``): an id, alias, slug or key of a dataset."""
    return re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def fold(text: str) -> str:
    """A matching key: lower case, no diacritics (d with a stroke becomes d), words separated by
    single spaces."""
    if text.isascii():  # nothing to decompose (most names typed): the same key, sooner
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    # The stroke of U+0111/U+0110 is not a combining mark, so NFD leaves it: replace it first.
    decomposed = unicodedata.normalize("NFD", text.replace(_D_STROKE, "d").replace(_D_STROKE_CAPITAL, "D"))
    return _NON_ALNUM.sub(" ", _combining().sub("", decomposed).casefold()).strip()


_NON_WORD = re.compile(r"[\W_]+")


def plain(text: str) -> str:
    """Lower case, diacritics kept (NFC), words separated by single spaces: how a search word
    typed with its marks is matched (``fold`` drops them)."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def safe(text: str) -> str:
    """Text from a data file, made safe to print: control and bidi characters become U+FFFD.

    Tabs and newlines become spaces so that one value stays on one line.
    """
    text = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return text if text.isprintable() else unsafe_chars().sub("\ufffd", text)


QUOTED_LENGTH = 200
"""How much of a text from a file or the command line a message quotes."""


def clip(text: str, limit: int = QUOTED_LENGTH) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: a message quotes what a user
    will recognise, not a 640 KB title on one line."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
