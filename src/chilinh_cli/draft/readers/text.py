"""A text article (UTF-8, or UTF-16 with its mark) read as it is: each line where the text has it."""

from __future__ import annotations

from .. import article
from .located import Reading, Where


def read(raw: bytes, name: str) -> Reading:
    """The text of an article's bytes (``article.decode``'s rules), its lines numbered as paragraphs."""
    text = article.decode(raw, name)
    starts, wheres, at, paragraph = [], [], 0, 0
    for line in text.split("\n"):
        starts.append(at)
        at += len(line) + 1
        paragraph += bool(line.strip())
        wheres.append(Where(None, paragraph if line.strip() else None))
    return Reading(text, "text", tuple(starts), tuple(wheres))
