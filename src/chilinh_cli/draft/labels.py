"""The words that name a figure and the words that state it, in one sentence: where a label
begins (after the clause's mark, an opening phrase and a connective) and ends (before the
verb and the qualifier), and how far a noun phrase after a number reaches.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from . import lexicon

_WORD = re.compile(r"\s*([^\W\d_][\w-]*|\d[\d.,%/]*)")


def right_end(sentence: str, end: int, limit: int) -> int:
    """Where the noun phrase after a number ends: before punctuation, a stop word, a number or
    a capitalised name, and after at most ``limit`` words."""
    stops = _word_lists()["stops"]
    count = 0
    while count < limit:
        match = _WORD.match(sentence, end)
        if not match or match.group(1) in stops or not match.group(1)[0].isalpha():
            break
        if count and match.group(1)[0].isupper() and not match.group(1).isupper():
            break
        end, count = match.end(), count + 1
    return end


def left_start(sentence: str, boundary: int, start: int) -> int:
    """Where the words naming a number begin: after the last clause mark before it, skipping
    a short opening phrase ('Nam 2021,', 'Ket qua,') and leading connectives."""
    cut = max(boundary, *(sentence.rfind(mark, boundary, start) + 1 for mark in ";:()"))
    segment = sentence[cut:start]
    first_comma = segment.find(",")
    if first_comma != -1 and len(segment[:first_comma].split()) <= 4:
        cut += first_comma + 1
    leading = _word_lists()["leading"]
    text = sentence[cut:start]
    stripped = text.lstrip()
    for word in leading:
        if stripped.startswith(word + " "):
            stripped = stripped[len(word) + 1 :]
            break
    cut = start - len(stripped)
    words = sentence[cut:start].split()
    if len(words) > 16:  # a long clause: its last part names the number
        comma = sentence.rfind(",", cut, start)
        last_words = list(re.finditer(r"\S+", sentence[cut:start]))[-8:]
        cut = comma + 1 if comma != -1 else cut + last_words[0].start()
    return cut


def share_verb(sentence: str, start: int) -> bool:
    """Whether a percentage follows the verb that makes it a share of a whole ('chiem')."""
    return sentence[max(0, start - 16) : start].rstrip().endswith(" " + lexicon.words()["share_verb"])


def label_of(words: str) -> str:
    """The words that name a number, without the verb and qualifier that lead to it."""
    trailing, qualifiers = _word_lists()["trailing"], _word_lists()["qualifiers"]
    text = words.strip(" ,")
    changed = True
    while changed and text:
        changed = False
        for word in (*trailing, *qualifiers):
            if text.endswith(" " + word) or text == word:
                text = text[: -len(word)].rstrip(" ,")
                changed = True
                break
    return text


@functools.cache
def _word_lists() -> dict[str, Any]:
    """The label's word lists, longest first, made once."""
    words = lexicon.words()
    return {
        "stops": frozenset(words["stop_words"]),
        "leading": sorted(words["label_leading"], key=len, reverse=True),
        "trailing": sorted(words["label_trailing"], key=len, reverse=True),
        "qualifiers": sorted(words["qualifiers"], key=len, reverse=True),
    }
