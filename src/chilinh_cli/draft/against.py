"""A dataset checked against the article it quotes: quotes, numbers, year and place.

Every quote must stand in the article's text (both NFC, whitespace folded to one space); the
figure's value (and upper end) and every comparison's number must be written in its quote in
the article's notation ('1.118,6 ty', '93,5%'), read by the draft grammar's number reading and
compared exactly; a figure's year is the article's (a plan target aside) and the dataset's
place is named in the article. Each problem names the record and what differs.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ..model.records import Dataset, Figure
from ..model.text import fold
from ..words import messages
from ..words.messages import Msg
from . import article, lexicon


class Disagreement(NamedTuple):
    """One way a record differs from the article."""

    record: str
    """Where the record stands: 'figures[3]', 'figures[3].comparisons[0]', 'metadata'."""
    id: str
    reason: Msg


def _spaced(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def numbers_in(quote: str) -> set[Decimal]:
    """Every number the quote writes: as written ('967,3') and with its scale ('967,3 ty' is
    967 300 000 000), each share's parts and each range's ends."""
    found: set[Decimal] = set()
    for pattern in (lexicon.NUMBER, lexicon.SHARE, lexicon.RANGE):
        for match in pattern.finditer(quote):
            groups = match.groups() or (match.group(0),)
            for at, written in enumerate(groups):
                if written is None:
                    continue
                start = match.start(at + 1) if match.groups() else match.start()
                end = start + len(written)
                try:
                    found.add(lexicon.read_number(written))
                    found.add(lexicon.amount_at(quote, start, end).value)
                except (ArithmeticError, ValueError, KeyError):
                    continue
    return found


def article_year(text: str) -> int | None:
    """The year the article reviews, as ``chilinh draft`` reads it (the title's, else the text's)."""
    text = unicodedata.normalize("NFC", text)
    lines = [line.strip() for line in article.body(text.split("\n"))]
    return article.year_of(text, article.title_of(lines, article.title_line(lines)))


def _written(value: Decimal, quote: str) -> bool:
    return any(number == value for number in numbers_in(quote))


def _figure_problems(at: int, figure: Figure, text: str, year: int | None) -> list[Disagreement]:
    where = f"figures[{at}]"
    found: list[Disagreement] = []
    quote = _spaced(figure.source.quote)
    if quote not in text:
        found.append(Disagreement(where, figure.id, messages.ARTICLE_QUOTE_MISSING.format(quote=figure.source.quote)))
    elif figure.wording is None and numbers_in(quote):  # a value in words ('hon mot nua') is not a number
        for value in (figure.value, figure.high):
            if value is not None and not _written(Decimal(str(value)), quote):
                reason = messages.ARTICLE_VALUE_MISSING.format(value=str(value), quote=figure.source.quote)
                found.append(Disagreement(where, figure.id, reason))
    for n, comparison in enumerate(figure.comparisons):
        place = f"{where}.comparisons[{n}]"
        said = _spaced(comparison.source.quote)
        if said not in text:
            reason = messages.ARTICLE_QUOTE_MISSING.format(quote=comparison.source.quote)
            found.append(Disagreement(place, figure.id, reason))
            continue
        for value in (comparison.value, comparison.high):
            if value is not None and not _written(abs(Decimal(str(value))), said):
                reason = messages.ARTICLE_COMPARISON_MISSING.format(value=str(value), quote=comparison.source.quote)
                found.append(Disagreement(place, figure.id, reason))
    if year is not None and figure.year != year and not figure.target:
        reason = messages.ARTICLE_YEAR_DIFFERS.format(year=figure.year, article_year=year)
        found.append(Disagreement(where, figure.id, reason))
    return found


def _named(locality: str, folded_text: str) -> bool:
    name = fold(locality.split(",")[0]).split()
    return bool(name) and (" ".join(name) in folded_text or " ".join(name[-2:]) in folded_text)


def disagreements(dataset: Dataset, text: str) -> list[Disagreement]:
    """How ``dataset`` differs from the article whose text is ``text``, in the dataset's order."""
    spaced = _spaced(text)
    year = article_year(text)
    found: list[Disagreement] = []
    if year is not None and dataset.metadata.year != year:
        reason = messages.ARTICLE_YEAR_DIFFERS.format(year=dataset.metadata.year, article_year=year)
        found.append(Disagreement("metadata", "year", reason))
    if not _named(dataset.metadata.locality.vi, " ".join(fold(spaced).split())):
        reason = messages.ARTICLE_PLACE_DIFFERS.format(place=dataset.metadata.locality.vi)
        found.append(Disagreement("metadata", "locality", reason))
    for at, figure in enumerate(dataset.figures):
        found.extend(_figure_problems(at, figure, spaced, year))
    for at, event in enumerate(dataset.events):
        if _spaced(event.source.quote) not in spaced:
            reason = messages.ARTICLE_QUOTE_MISSING.format(quote=event.source.quote)
            found.append(Disagreement(f"events[{at}]", event.id, reason))
    return found


def find_article(dataset: Dataset, dataset_path: Path, given: Path | None) -> tuple[Path | None, Msg | None]:
    """The article to check ``dataset`` against: ``given``, else the one its metadata records
    (its path as given to `chilinh draft`, from here or beside the dataset) when it is still
    there; with a note when it is recorded but gone."""
    if given is not None:
        return given, None
    document = dataset.metadata.document
    if document is None or document.path == "-":
        return None, None
    for candidate in (Path(document.path), dataset_path.parent / document.path):
        if candidate.is_file():
            return candidate, None
    return None, messages.ARTICLE_GONE.format(path=str(dataset_path), article=document.path)


def read_article(path: Path) -> tuple[str, str]:
    """The text of the article at ``path`` as `chilinh draft` reads it, and its SHA-256."""
    from ..reading.loader import name_of, read_bytes
    from .readers import sniff

    reading = sniff.read(read_bytes(path), name_of(path))
    return reading.text, reading.text_sha256()
