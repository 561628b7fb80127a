"""A dataset draft from the text of a Vietnamese year-review article.

The article's lines become sections (``article``), each section's tables are read by
``text_tables`` and its sentences by ``grammar``, and every figure, stated comparison and dated
event becomes a record quoting the article's exact words. Nothing is derived and nothing is
translated: every record says ``checked: false`` until a person has read it against the
text, and English texts are left for that person. The draft is loaded exactly as ``--data``
loads a file before it is returned: a comparison, figure or event the format cannot hold as
read is left out (and counted) rather than guessed, so what is returned loads; a problem of
the metadata (a year or place the format refuses) is the error it is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ..model.errors import DataFileError
from ..model.text import clip, fold
from ..words import data_messages
from ..words.messages import Msg
from . import article, dated, grammar, labels, lexicon, stated, text_tables


class Draft(NamedTuple):
    """A drafted dataset (the JSON document) and what it holds."""

    document: dict[str, Any]
    figures: int
    events: int
    sections: int
    left_out: int
    """Figures, comparisons and events read but not drafted: stated in a way the format cannot
    hold as read (an upper bound, a range of mixed scales, a change larger than its figure or
    without one), or refused when the draft was loaded."""

    def json(self) -> str:
        return exact_json(self.document)

    def summary(self, path: str | None) -> Msg:
        """What was drafted and what the reviewer does next, for standard error."""
        if not self.figures and not self.events:
            return data_messages.DRAFT_EMPTY.format(sections=self.sections)
        parts = [data_messages.DRAFTED.format(figures=self.figures, events=self.events, sections=self.sections)]
        if self.left_out:
            parts.append(data_messages.DRAFT_LEFT_OUT.format(count=self.left_out))
        parts.append(data_messages.DRAFT_NEXT.format(path=path or "FILE"))
        return Msg("".join(part.en for part in parts), "".join(part.vi for part in parts))


def draft_file(source: Path, *, place: str | None, year: int | None, title: str | None) -> Draft:
    """The draft of the article at ``source`` ('-' for standard input)."""
    from ..reading.loader import STDIN, name_of, read_bytes

    name = name_of(source)
    if str(source) != STDIN and source.is_file():
        article.refuse_size(source.stat().st_size, name)  # before reading a huge file at all
    text = article.decode(read_bytes(source), name)
    return draft(text, name, place=place, year=year, title=title)


def write_draft(drafted: Draft, target: Path, *, source: Path, force: bool) -> None:
    """The draft at ``target``, whole or not at all; an existing file only with ``force``, and
    never the article it was drafted from."""
    import os

    from ..files.writer import atomic_file
    from ..model.errors import ExportError

    if os.path.exists(target) and os.path.exists(source) and os.path.samefile(target, source):
        raise ExportError(data_messages.DRAFT_OVER_ARTICLE.format(path=str(target)))
    with atomic_file(target, force=force) as temporary:
        temporary.write_text(drafted.json(), encoding="utf-8")


_DECIMAL = "\x00decimal:"
_DECIMAL_WRITTEN = re.compile(r'"\\u0000decimal:([-+0-9.eE]+)"')


def exact_json(document: dict[str, Any]) -> str:
    """The document as JSON, each Decimal written as the text says it ('7,0' stays 7.0,
    '12,50' stays 12.50: the precision a derived interval is computed from). The article
    cannot hold the marker used on the way: a NUL byte is refused when it is read."""

    def marked(value: object) -> str:
        assert isinstance(value, Decimal)
        return f"{_DECIMAL}{value}"

    text = json.dumps(document, ensure_ascii=False, indent=2, default=marked)
    return _DECIMAL_WRITTEN.sub(lambda match: match.group(1), text) + "\n"


def _number(value: Decimal, unit: str) -> int | Decimal:
    """A value as written; money, counts, shares and days as whole numbers (that is what they are)."""
    return lexicon.whole_or_decimal(value) if unit in ("vnd", "usd", "count", "share", "days") else value


class _Names:
    """Kebab-case ids made from Vietnamese words, unique within the draft."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}

    def make(self, words: str, fallback: str) -> str:
        base = "-".join(fold(words).split()[:6])[:60].strip("-") or fallback
        name, n = base, self.next.get(base, 1)
        while name in self.used:  # each base keeps its next number: thousands of one label stay linear
            n += 1
            name = f"{base}-{n}"
        self.next[base] = n
        self.used.add(name)
        return name


def _text(vi: str) -> dict[str, str]:
    return {"vi": vi}


def _said(message: Msg) -> dict[str, str]:
    return {"vi": message.vi, "en": message.en}


class _Reader:
    """Reads the sections of one article into the records of a dataset."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.left_out = 0
        """Figures and comparisons read but not drafted (``grammar.Reading.unread``)."""
        self.names = _Names()
        self.event_names = _Names()
        self.figures: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def section(self, rank: int, heading: str, lines: list[str]) -> tuple[list[str], list[str]]:
        figure_ids: list[str] = []
        event_ids: list[str] = []
        planned = article.later_year(heading, self.year)
        lines = list(lines)
        for start, end in text_tables.headed(lines):  # tables first, then the prose around them
            rows, unread = text_tables.read(lines[start:end], self.year)
            if not rows:  # not a table of the year reviewed: its lines are prose
                continue
            self.left_out += unread
            for line, row in rows:
                figure = self._row(rank, line, row)
                self.figures.append(figure)
                figure_ids.append(figure["id"])
            lines[start:end] = [""] * (end - start)  # the prose around it stays apart
        for sentence in article.sentences(lines):
            boundary = 0
            year = planned or article.later_year(sentence, self.year)
            reading = grammar.read(sentence, self.year)
            self.left_out += reading.unread
            starts = [mention.start for mention in reading.figures[1:]] + [len(sentence)] * bool(reading.figures)
            for mention, next_start in zip(reading.figures, starts, strict=True):
                figure = self._figure(rank, sentence, mention, boundary, year)
                quote = figure["source"]["quote"]
                said = sentence.find(quote, boundary) + len(quote)
                # the next figure's words begin after this one's, but never after the next figure
                boundary = min(max([said, mention.amount.end, *(c.end for c in mention.changes)]), next_start)
                self.figures.append(figure)
                figure_ids.append(figure["id"])
            for event in dated.events_in(sentence, reading.dates, rank, self.year, self.event_names):
                self.events.append(event)
                event_ids.append(event["id"])
        return figure_ids, event_ids

    def _figure(
        self, rank: int, sentence: str, mention: grammar.Mention, boundary: int, planned: int | None
    ) -> dict[str, Any]:
        amount = mention.amount
        left = labels.left_start(sentence, boundary, mention.start)
        named_left = labels.label_of(sentence[left : mention.start])
        if not named_left and sentence[boundary:left].rstrip().endswith(":"):  # 'Thu ngan sach: 500 ty dong'
            colon = sentence.rindex(":", boundary, left)
            left = labels.left_start(sentence, boundary, colon)
            named_left = labels.label_of(sentence[left:colon])
        noun_at = sentence.find(amount.noun, mention.start) if amount.noun else -1
        after = labels.right_end(sentence, amount.end, 6)
        if amount.unit in ("count", "share") and noun_at != -1:
            label = sentence[noun_at : labels.right_end(sentence, noun_at + len(amount.noun or ""), 5)]
            quote = sentence[mention.start : max(amount.end, noun_at + len(label))]
            if len(label.split()) <= 1 and len(named_left.split()) >= 2:  # 'dan gia cam xap xi 62 nghin con'
                label = f"{named_left} ({label.strip()})"
        elif amount.unit == "percent" and named_left and labels.share_verb(sentence, mention.start):
            label = named_left  # 'X chiem 37,1% tong thu': X is what the share is of
            quote = sentence[left:after]
        elif (amount.unit in ("percent", "days") and after > amount.end) or not named_left:
            label = sentence[amount.end : after]
            quote = sentence[mention.start : after]
        else:
            label = named_left
            quote = sentence[left : amount.end]
        label, quote = label.strip(" ,"), quote.strip(" ,")
        if not label:
            label = quote
        figure: dict[str, Any] = {
            "id": self.names.make(label, "figure"),
            "label": _text(label),
            "value": _number(amount.value, amount.unit),
            "unit": amount.unit,
            "qualifier": mention.qualifier,
            "year": planned or self.year,
            "source": {"section": rank, "quote": quote},
            "checked": False,
        }
        if amount.out_of is not None:
            figure["out_of"] = amount.out_of
        if amount.noun and amount.unit in ("count", "share", "quantity"):
            figure["noun"] = _text(amount.noun)
        if mention.wording:
            figure["wording"] = _text(mention.wording)
        if mention.range_high is not None:
            figure["note"] = _said(data_messages.DRAFT_RANGE.format(words=quote))
        elif planned:
            figure["note"] = _said(data_messages.DRAFT_TARGET.format(year=planned))
        if any(sentence.lstrip().startswith(word) for word in lexicon.words()["now"]):
            figure["as_of"] = "publication"
        held = [change for change in mention.changes if _holds(change, figure)]
        self.left_out += len(mention.changes) - len(held)
        comparisons = [self._comparison(rank, sentence, change, amount.unit) for change in held]
        if comparisons:
            figure["comparisons"] = comparisons
        return figure

    def _row(self, rank: int, line: str, row: text_tables.Row) -> dict[str, Any]:
        """A figure of a table's row, quoting the whole row (the only words that state it)."""
        quote = {"section": rank, "quote": line.strip()}
        figure: dict[str, Any] = {
            "id": self.names.make(row.label, "figure"),
            "label": _text(row.label),
            "value": _number(row.value, row.unit),
            "unit": row.unit,
            "qualifier": "exact",
            "year": self.year,
            "source": quote,
            "checked": False,
        }
        if row.noun:
            figure["noun"] = _text(row.noun)
        earlier_year = row.earlier[0] if row.earlier else self.year - 1
        comparisons = []
        if row.earlier is not None:
            value = _number(row.earlier[1], row.unit)
            comparisons.append({"basis": "previous_year", "kind": "from_value", "value": value, "year": earlier_year})
        if row.percent_of_earlier is not None:
            value = _number(row.percent_of_earlier, "percent")
            comparisons.append({"basis": "previous_year", "kind": "percent_of", "value": value, "year": earlier_year})
        if comparisons:
            figure["comparisons"] = [{**c, "source": dict(quote)} for c in comparisons]
        return figure

    def _comparison(self, rank: int, sentence: str, change: stated.Change, unit: str) -> dict[str, Any]:
        compared: dict[str, Any] = {
            "basis": change.basis,
            "kind": change.kind,
            "value": _number(change.value, unit if change.kind == "absolute_change" else "percent"),
            "source": {"section": rank, "quote": sentence[change.start : change.end].strip(" ,")},
        }
        if change.year is not None:
            compared["year"] = change.year
        if not change.stated_basis:
            compared["ambiguous"] = True
            compared["note"] = _said(data_messages.DRAFT_BASIS_NOT_STATED)
        elif change.hedged:
            compared["ambiguous"] = True
            compared["note"] = _said(data_messages.DRAFT_HEDGED_CHANGE)
        elif change.kind == "percent_change" and change.basis != "previous_year" and change.value >= 100:
            compared["ambiguous"] = True
            compared["note"] = _said(data_messages.DRAFT_OF_OR_ABOVE)
        return compared


def _said_again(figure: dict[str, Any]) -> tuple[object, ...]:
    """What makes a figure of the lead the same as one a section states: value, unit and what
    it counts (12 communes are not 12 schools; 'uoc dat 9,8%' in the lead is the 9,8% below)."""
    noun = figure.get("noun", {}).get("vi")
    return figure["value"], figure["unit"], noun


def _holds(change: stated.Change, figure: dict[str, Any]) -> bool:
    """Whether the format holds a comparison as read: of an earlier year, and a change in the
    figure's unit no larger than the figure (the earlier value would be negative)."""
    if change.year is not None and change.year >= figure["year"]:
        return False
    return change.kind not in ("absolute_change", "point_change") or change.value <= figure["value"]


def draft(
    text: str, name: str, *, place: str | None = None, year: int | None = None, title: str | None = None
) -> Draft:
    """The draft of an article's text; ``place``, ``year`` and ``title`` replace what the text
    says. A DataFileError when the text names no year or no place and none is given."""
    text = unicodedata.normalize("NFC", text)
    raw = article.body(text.split("\n"))
    lines = [line.strip() for line in raw]
    title_at = article.title_line(lines)
    title = title or article.title_of(lines, title_at)
    if not title.strip():
        raise DataFileError(name, [("", data_messages.ARTICLE_EMPTY)])
    lead, found = article.sections_of(lines, title_at + 1, raw)
    if not found[0].title:  # no headings: the first paragraph is the lead
        lead, rest = article.first_paragraph(found[0].lines)
        found = [found[0]._replace(lines=rest)]
    year = year or article.year_of(text, title)
    if year is None:
        raise DataFileError(name, [("", data_messages.DRAFT_NO_YEAR)])
    place = place or article.place_of(title, text) or article.place_of(text, text)
    if place is None:
        raise DataFileError(name, [("", data_messages.DRAFT_NO_PLACE.format(title=clip(title)))])
    reader = _Reader(year)
    slugs = _Names()
    highlights: list[dict[str, Any]] = []
    # The lead (before the first heading) opens the first section, but often sums up figures
    # that follow: those a section states again are drafted once, where the section states them.
    opening = reader.section(1, "", lead) if lead else ([], [])
    in_lead = list(reader.figures)
    for rank, section in enumerate(found, start=1):
        figure_ids, event_ids = reader.section(rank, section.title, section.lines)
        if rank == 1:
            figure_ids, event_ids = opening[0] + figure_ids, opening[1] + event_ids
        highlights.append(
            {
                "rank": rank,
                "slug": slugs.make(section.title, f"section-{rank}"),
                "title": _text(section.title or title),
                "figures": figure_ids,
                "headline": figure_ids[:1],
                "events": event_ids,
                "checked": False,
            }
        )
    stated_later = {_said_again(f) for f in reader.figures[len(in_lead) :]}
    repeated = {f["id"] for f in in_lead if _said_again(f) in stated_later}
    reader.figures[:] = [f for f in reader.figures if f["id"] not in repeated]
    if highlights:
        highlights[0]["figures"] = [ref for ref in highlights[0]["figures"] if ref not in repeated]
        highlights[0]["headline"] = highlights[0]["figures"][:1]
    metadata: dict[str, Any] = {"title": title, "locality": _text(place), "year": year, "language": "vi"}
    published = article.published_on([line.strip() for line in raw[:title_at] + lead])
    if published:
        metadata["published"] = published
    metadata["checked"] = False
    document: dict[str, Any] = {
        "schema_version": 1,
        "metadata": metadata,
        "highlights": highlights,
        "figures": reader.figures,
        "events": reader.events,
    }
    left_out = _keep_what_loads(document, name) + reader.left_out
    return Draft(document, len(document["figures"]), len(document["events"]), len(highlights), left_out)


def _keep_what_loads(document: dict[str, Any], name: str) -> int:
    """Leave out the comparisons, figures and events the format refuses as read, until the draft
    loads as ``--data`` loads it (each round leaves out at least one, so it ends). A problem
    elsewhere (the metadata) is the error it is."""
    from ..reading.loader import parse_and_validate

    left_out = 0
    while True:
        try:
            parse_and_validate(exact_json(document).encode(), name)
            for highlight in document["highlights"]:  # a headline left out gives way to the next figure
                highlight["headline"] = highlight["headline"] or highlight["figures"][:1]
            return left_out
        except DataFileError as error:
            bad = {record for problem in error.problems if (record := _refused_record(problem.location))}
            if not bad:
                raise
            gone: set[str] = set()
            for collection, index, comparison in sorted(bad, key=lambda b: (b[0], b[1], b[2]), reverse=True):
                left_out += 1
                if comparison >= 0:  # a comparison the format refuses: the figure stays without it
                    del document[collection][index]["comparisons"][comparison]
                else:
                    gone.add(document[collection].pop(index)["id"])
            for highlight in document["highlights"]:  # one pass, however many records were left out
                for key in ("figures", "headline", "events"):
                    highlight[key] = [ref for ref in highlight[key] if ref not in gone]


def _refused_record(location: tuple[str | int, ...]) -> tuple[str, int, int] | None:
    """The figure or event (and comparison, else -1) a problem's location is in, if any."""
    match location:
        case ("figures", int(index), "comparisons", int(comparison), *_):
            return "figures", index, comparison
        case ("figures" | "events" as collection, int(index), *_):
            return collection, index, -1
    return None
