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


def right_end(sentence: str, end: int, limit: int, *, going_on: frozenset[str] = frozenset()) -> int:
    """Where the noun phrase after a number ends: before punctuation, a stop word (but those
    ``going_on``), a number or a capitalised name, and after at most ``limit`` words."""
    stops = _word_lists()["stops"] - going_on
    count = 0
    before_going_on = None  # a phrase never ends on a word it only went on past ('... chi tieu dat')
    while count < limit:
        match = _WORD.match(sentence, end)
        if not match or match.group(1) in stops or not match.group(1)[0].isalpha():
            break
        if count and match.group(1)[0].isupper() and not match.group(1).isupper():
            break
        before_going_on = end if match.group(1) in going_on else None
        end, count = match.end(), count + 1
    return before_going_on if before_going_on is not None else end


def left_start(sentence: str, boundary: int, start: int) -> int:
    """Where the words naming a number begin: after the last clause mark before it, skipping
    a short opening phrase ('Nam 2021,', 'Ket qua,') and leading connectives."""
    masked = _without_asides(sentence, boundary, start)  # '(gia so sanh nam 2010)' is part of the subject
    cut = max(boundary, *(masked.rfind(mark, boundary, start) + 1 for mark in ";:()"))
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


def _without_asides(sentence: str, boundary: int, start: int) -> str:
    """The sentence with each parenthesis closed before ``start`` blanked out (its marks too)."""
    chars = list(sentence)
    for match in re.finditer(r"\([^()]{0,80}\)", sentence[boundary:start]):
        for n in range(boundary + match.start(), boundary + match.end()):
            chars[n] = "x"
    return "".join(chars)


def clean(label: str) -> str:
    """A label naming the measured thing only: without a parenthesis naming a year ('(gia so sanh
    nam 2010)'), dates ('nam 2023', 'cuoi nam 2022'), a comparison ('so voi ...'), the place
    ('cua thanh pho', 'toan huyen'), what comes before 'voi' ('... voi tong von dau tu') or a verb at
    its end; the words as the text has them, or nothing when nothing else is left."""
    said = lexicon.words()
    text = re.sub(r"\s*\([^()]*\d{4}[^()]*\)", "", label)
    text = re.split(rf"(?i)(?<!\w){re.escape(said['compared_with'])}(?!\w)", text)[0]
    leads = "|".join(re.escape(w) for w in said["label_date_leads"])
    text = re.sub(rf"(?i)(?<!\w)(?:(?:{leads})\s+)?{said['year_word']}\s+\d{{4}}(?!\w)", "", text)
    text = _without_place(text)
    pieces = re.split(rf"(?<!\w){re.escape(said['label_with'])}\s+", text)
    if len(pieces) > 1 and len(pieces[-1].split()) >= 2:
        text = pieces[-1]
    text = " ".join(text.split()).strip(" ,;-")
    for particle in said["label_particles"]:  # 'da giai quyet' is what was settled
        if text.casefold().startswith(particle + " "):
            text = text[len(particle) + 1 :]
    verbs = sorted(said["label_verbs"], key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for verb in verbs:
            if text.endswith(" " + verb):
                text, changed = text[: -len(verb)].rstrip(" ,"), True
    return text if len(text) >= 2 else ""


def _without_place(text: str) -> str:
    """A label without the place it names ('cua thanh pho', 'toan huyen Dong Vinh')."""
    places = "|".join(re.escape(p) for p in sorted(lexicon.words()["label_places"], key=len, reverse=True))
    for found in list(re.finditer(rf"(?i)(?<!\w)(?:{places})(?!\w)", text))[::-1]:
        end = found.end()
        for name in re.finditer(r"\s+(\w+)", text[end:]):  # the place's name: capitalised words
            if not name.group(1)[0].isupper() or name.start() != end - found.end():
                break
            end = found.end() + name.end()
        text = text[: found.start()] + " " + text[end:]
    return text


def whole_words(sentence: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved out of any word they fall inside, and out of a fixed phrase
    they would cut ('it nhat', 'tren dia ban')."""
    while 0 < start < len(sentence) and sentence[start - 1].isalnum() and sentence[start].isalnum():
        start -= 1
    while 0 < end < len(sentence) and sentence[end - 1].isalnum() and sentence[end].isalnum():
        end += 1
    for phrase in lexicon.words()["fixed_phrases"]:
        for found in re.finditer(re.escape(phrase), sentence):
            if found.start() < start < found.end():
                start = found.start()
            if found.start() < end < found.end():
                end = found.end()
    return start, end


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
        "stops": frozenset(words["stop_words"]) | frozenset(words["label_stops"]),
        "leading": sorted(words["label_leading"], key=len, reverse=True),
        "trailing": sorted(words["label_trailing"], key=len, reverse=True),
        "qualifiers": sorted(words["qualifiers"], key=len, reverse=True),
    }
