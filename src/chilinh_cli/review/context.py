"""The article's words around a quote: the sentence (and a little more) with the quote's place in it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

AROUND = 160
"""Characters of context shown on each side of a quote, at most (cut at a sentence's end)."""
_SPACE = re.compile(r"\s+")


class Context(NamedTuple):
    """A stretch of the article and where the quote is in it (``start``, ``end``)."""

    text: str
    start: int
    end: int


def folded(text: str) -> str:
    """NFC and every run of white space one space: how a quote is matched to the article."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_path(draft: Path, document: dict[str, Any], given: Path | None) -> Path | None:
    """The article: ``--article``, else the draft's ``metadata.document.path`` when that file is
    there (as given, then beside the draft); None when neither names one."""
    if given is not None:
        return given
    read = (document.get("metadata") or {}).get("document") or {}
    path = read.get("path") if isinstance(read, dict) else None
    if not isinstance(path, str) or not path:
        return None
    for candidate in (Path(path), draft.parent / path):
        if candidate.is_file():
            return candidate
    return None


def read_article(path: Path) -> str:
    """The article's text, folded (see ``folded``); a file that is no UTF-8 text is read leniently."""
    return folded(path.read_bytes().decode("utf-8-sig", errors="replace"))


def around(article: str, quote: str) -> Context | None:
    """The quote in its sentence and a little more; None when the article does not hold it."""
    wanted = folded(quote)
    at = article.find(wanted) if wanted else -1
    if at < 0:
        return None
    begin = max(0, at - AROUND)
    stop = min(len(article), at + len(wanted) + AROUND)
    before = article[begin:at]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    if cut >= 0:
        begin += cut + 2
    after = article[at + len(wanted) : stop]
    ends = [n for n in (after.find(". "), after.find("! "), after.find("? ")) if n >= 0]
    if ends:
        stop = at + len(wanted) + min(ends) + 1
    return Context(article[begin:stop], at - begin, at - begin + len(wanted))
