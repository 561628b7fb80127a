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
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model.errors import DataFileError
from ..model.text import clip, fold
from ..words import data_messages, messages
from ..words.messages import Msg
from . import article, dated, grammar, labels, lexicon, stated, text_tables
from .drafted import Comparison, Document, Event, Figure, Highlight, Metadata, Number, Source, Text

if TYPE_CHECKING:
    from .readers.located import Reading


class Draft(NamedTuple):
    """A drafted dataset (its typed records, written as JSON by ``exact_json``) and what it holds."""

    document: Document
    figures: int
    events: int
    sections: int
    left_out: int
    """Figures, comparisons and events read but not drafted: stated in a way the format cannot
    hold as read (an upper bound, a range of mixed scales, a change larger than its figure or
    without one), or refused when the draft was loaded."""
    reading: Reading | None = None
    """The document's text as it was read, and where each piece of it stands (``draft_file``)."""
    linked: int = 0
    """Figures given a previous review's id (``--like``)."""
    like: str | None = None
    """The previous review linked to, as its path was given."""

    def json(self) -> str:
        return exact_json(self.document)

    def summary(self, path: str | None) -> Msg:
        """What was drafted and what the reviewer does next, for standard error."""
        if not self.figures and not self.events:
            parts = [data_messages.DRAFT_EMPTY.format(sections=self.sections)]
        else:
            parts = [data_messages.DRAFTED.format(figures=self.figures, events=self.events, sections=self.sections)]
            if self.left_out:
                parts.append(data_messages.DRAFT_LEFT_OUT.format(count=self.left_out))
            if self.like is not None:
                parts.append(messages.DRAFT_LINKED.format(linked=self.linked, figures=self.figures, path=self.like))
            parts.append(data_messages.DRAFT_NEXT.format(path=path or "FILE"))
        if self.document["metadata"]["locality"]["vi"] == data_messages.DRAFT_PLACE_UNKNOWN.vi:
            parts.append(data_messages.DRAFT_NO_PLACE.format(title=clip(self.document["metadata"]["title"])))
        return Msg("".join(part.en for part in parts), "".join(part.vi for part in parts))


def draft_file(
    source: Path,
    *,
    place: str | None,
    year: int | None,
    title: str | None,
    progress: Callable[[int, int], None] | None = None,
    like: str | None = None,
) -> Draft:
    """The draft of the document at ``source`` ('-' for standard input): a text, a saved web
    page, a PDF or a Word file, recognised from its bytes (``readers.sniff``). Each source
    records where it stands (the PDF's page, the paragraph or the table's row), and the
    metadata the document read (its path, the SHA-256 of its bytes and of its text, the reader)."""
    import hashlib

    from ..reading.loader import STDIN, name_of, read_bytes
    from .readers import sniff

    name = name_of(source)
    if str(source) != STDIN and source.is_file():
        sniff.refuse_size(source.stat().st_size, name)  # before reading a huge file at all
    raw = read_bytes(source)
    reading = sniff.read(raw, name, progress)
    # a page's date, when its text gives none
    drafted = draft(reading.text, name, place=place, year=year, title=title, published=reading.published)
    _locate(drafted.document, reading)
    drafted.document["metadata"]["document"] = {
        "path": str(source),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "text_sha256": reading.text_sha256(),
        "reader": reading.reader,
    }
    if like is not None:
        drafted = _linked(drafted, like, unicodedata.normalize("NFC", reading.text))
    return drafted._replace(reading=reading)


def _linked(drafted: Draft, like: str, text: str) -> Draft:
    """The draft with its figures linked to the review ``like`` names (``linking``)."""
    from ..reading.loader import parse_and_validate
    from . import linking

    metadata = drafted.document["metadata"]
    found = linking.previous_review(Path(like), metadata["locality"]["vi"], metadata["year"])
    if found is None:
        raise DataFileError(
            like,
            [
                (
                    "",
                    messages.DRAFT_NO_PREVIOUS.format(
                        path=like, place=metadata["locality"]["vi"], year=metadata["year"]
                    ),
                )
            ],
        )
    links = linking.suggest(drafted.document, found[0], text)
    linking.apply(drafted.document, links, str(found[1]))
    parse_and_validate(exact_json(drafted.document).encode(), metadata["title"])  # what is linked still loads
    return drafted._replace(linked=len(links), like=str(found[1]))


def _locate(document: Document, reading: Reading) -> None:
    """Each figure's, comparison's and event's source with where its quote stands in the
    document: ``page`` for a PDF, else ``paragraph``, and ``row`` for a table's row. Figures
    are looked for in their order, each from where the one before was found; a comparison
    near its figure (it may come first: 'so voi nam 2022 giam 4 vu'); events in their order."""
    after = 0
    for figure in document["figures"]:
        at = _place(figure["source"], reading, after)
        after = at if at is not None else after
        for comparison in figure.get("comparisons", ()):
            _place(comparison["source"], reading, max(0, after - 400))
    after = 0
    for event in document.get("events", ()):
        at = _place(event["source"], reading, after)
        after = at if at is not None else after


def _place(source: Source, reading: Reading, after: int) -> int | None:
    """Where the quote of ``source`` stands, written into it; its offset in the text, if found."""
    found = reading.located(source["quote"], after)
    if found is None:
        return None
    at, where = found
    if where.page is not None:
        source["page"] = where.page
    elif where.paragraph is not None:
        source["paragraph"] = where.paragraph
    if where.row is not None:
        source["row"] = where.row
    return at


def write_draft(drafted: Draft, target: Path, *, source: Path, force: bool, save_text: bool = False) -> None:
    """The draft at ``target``, whole or not at all; an existing file only with ``force``, and
    never the article it was drafted from. With ``save_text``, the text that was read is
    written beside it, at ``text_path(target)``, by the same rules (before the draft: a text
    that cannot be written leaves no draft either)."""
    import os

    from ..files.writer import atomic_file
    from ..model.errors import ExportError

    targets = [text_path(target), target] if save_text else [target]
    for path in targets:
        if os.path.exists(path) and os.path.exists(source) and os.path.samefile(path, source):
            raise ExportError(data_messages.DRAFT_OVER_ARTICLE.format(path=str(path)))
    if save_text:
        from ..files.writer import refuse_to_overwrite

        refuse_to_overwrite(targets, force)
        with atomic_file(text_path(target), force=force) as temporary:
            temporary.write_text(drafted.reading.text if drafted.reading else "", encoding="utf-8")
    with atomic_file(target, force=force) as temporary:
        temporary.write_text(drafted.json(), encoding="utf-8")


def text_path(target: Path) -> Path:
    """Where ``--save-text`` writes the text read for the draft at ``target``: the draft's
    path with '.txt' added ('town-2023.json' -> 'town-2023.json.txt')."""
    return target.with_name(target.name + ".txt")


_DECIMAL = "\x00decimal:"
_DECIMAL_WRITTEN = re.compile(r'"\\u0000decimal:([-+0-9.eE]+)"')


def exact_json(document: Document | dict[str, Any]) -> str:
    """The document as JSON, each Decimal written as the text says it ('7,0' stays 7.0,
    '12,50' stays 12.50: the precision a derived interval is computed from). The article
    cannot hold the marker used on the way: a NUL byte is refused when it is read. The one
    serialiser of a draft (and of a reviewed draft, ``review.session``)."""

    def marked(value: object) -> str:
        assert isinstance(value, Decimal)
        return f"{_DECIMAL}{value}"

    text = json.dumps(document, ensure_ascii=False, indent=2, default=marked)
    return _DECIMAL_WRITTEN.sub(lambda match: match.group(1), text) + "\n"


def _number(value: Decimal, unit: str) -> Number:
    """A value as written; money, counts, shares and days as whole numbers (that is what they are)."""
    return lexicon.whole_or_decimal(value) if unit in ("vnd", "usd", "count", "share", "days") else value


class _Names:
    """Kebab-case ids made from Vietnamese words, unique within the draft."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}

    def make(self, words: str, fallback: str) -> str:
        # a slug of the label's words: never of a number, never a word twice ('luot-khach-luot-khach')
        kept = dict.fromkeys(word for word in fold(words).split() if not any(ch.isdigit() for ch in word))
        base = "-".join(list(kept)[:6])[:60].strip("-") or fallback
        name, n = base, self.next.get(base, 1)
        while name in self.used:  # each base keeps its next number: thousands of one label stay linear
            n += 1
            name = f"{base}-{n}"
        self.next[base] = n
        self.used.add(name)
        return name


def _text(vi: str) -> Text:
    return {"vi": vi}


def _said(message: Msg) -> Text:
    return {"vi": message.vi, "en": message.en}


class _Reader:
    """Reads the sections of one article into the records of a dataset."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.left_out = 0
        """Figures and comparisons read but not drafted (``grammar.Reading.unread``)."""
        self.names = _Names()
        self.labels: dict[str, tuple[Figure, str]] = {}
        """The figure labels given so far, each with its first figure and that figure's subject: a
        noun said again ('luot khach') is told apart by the subjects."""
        self.event_names = _Names()
        self.figures: list[Figure] = []
        self.events: list[Event] = []

    def section(self, rank: int, heading: str, lines: list[str]) -> tuple[list[str], list[str]]:
        figure_ids: list[str] = []
        event_ids: list[str] = []
        planned = article.later_year(heading, self.year)
        lines = list(lines)
        for table in text_tables.tables(lines, self.year):  # tables first, then the prose around them
            rows, unread = text_tables.read_cells(table.header, table.rows, self.year, table.said)
            if not rows:  # not a table of the year reviewed: its lines are prose
                continue
            self.left_out += unread
            for row_words, row in rows:
                figure = self._row(rank, table.header, row_words, row, planned)
                self.figures.append(figure)
                figure_ids.append(figure["id"])
            lines[table.start : table.end] = [""] * (table.end - table.start)  # the prose around it stays apart
        for sentence in article.sentences(lines):
            boundary = 0
            later = None if planned else article.later_year_from(sentence, self.year)
            reading = grammar.read(sentence, self.year)
            self.left_out += reading.unread
            starts = [mention.start for mention in reading.figures[1:]] + [len(sentence)] * bool(reading.figures)
            for mention, next_start in zip(reading.figures, starts, strict=True):
                year = planned or (later[0] if later and mention.start >= later[1] else None)
                before = self.figures[-1] if self.figures and boundary else None  # this sentence's last figure
                figure = self._figure(rank, sentence, mention, boundary, year, before)
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
        self,
        rank: int,
        sentence: str,
        mention: grammar.Mention,
        boundary: int,
        planned: int | None,
        before: Figure | None = None,
    ) -> Figure:
        amount = mention.amount
        left = labels.left_start(sentence, boundary, mention.start)
        named_left = labels.label_of(sentence[left : mention.start])
        if not named_left and sentence[boundary:left].rstrip().endswith(":"):  # 'Thu ngan sach: 500 ty dong'
            colon = sentence.rindex(":", boundary, left)
            left = labels.left_start(sentence, boundary, colon)
            named_left = labels.label_of(sentence[left:colon])
        noun_at = sentence.find(amount.noun, mention.start) if amount.noun else -1
        after = labels.right_end(sentence, amount.end, 6)
        # the quote holds the figure's subject: it starts where the words naming it do
        begin = left if named_left else mention.start
        if amount.unit in ("count", "share") and noun_at != -1:
            # '52/61 truong dat chuan quoc gia': what a share counts goes on past 'dat'
            going_on = frozenset(lexicon.words()["share_goes_on"]) if amount.unit == "share" else frozenset()
            label = sentence[
                noun_at : labels.right_end(sentence, noun_at + len(amount.noun or ""), 5, going_on=going_on)
            ]
            quote_end = max(amount.end, noun_at + len(label))
            subject = labels.clean(named_left)
            if len(label.split()) <= 1 and len(subject.split()) >= 2:  # 'dan gia cam xap xi 62 nghin con'
                label = subject if label.strip() in subject.split() else f"{subject} ({label.strip()})"
        elif amount.unit == "percent" and named_left and labels.share_verb(sentence, mention.start):
            label = named_left  # 'X chiem 37,1% tong thu': X is what the share is of
            quote_end = after
        elif (amount.unit in ("percent", "days") and after > amount.end) or not named_left:
            label = sentence[amount.end : after]
            quote_end = after
        else:
            label = named_left
            quote_end = amount.end
        if not named_left:  # ', dat 93,9%': the verb that states it goes with the number
            verbs = "|".join(re.escape(w) for w in (*lexicon.words()["of_words"], lexicon.words()["share_verb"]))
            verb = re.search(rf"(?<!\w)(?:{verbs})\s+$", sentence[boundary:begin])
            begin = boundary + verb.start() if verb else begin
        begin, quote_end = labels.whole_words(sentence, begin, quote_end)
        label, quote = labels.clean(label.strip(" ,")) or label.strip(" ,"), sentence[begin:quote_end].strip(" ,")
        if not any(ch.isalpha() for ch in label):  # '231/246 don, dat 93,9%': the rate of what went before
            named = before["label"]["vi"] if before is not None else ""
            rate = f"{lexicon.words()['rate_word']} {named}" if named and amount.unit == "percent" else named
            label = labels.clean(named_left) or amount.noun or rate or quote
        subject = labels.clean(named_left) if named_left else ""
        first = self.labels.get(label.casefold())
        if first is not None and subject and subject.casefold() not in label.casefold():
            said, its_subject = first  # 'luot khach' again: whose visits? The first says too
            if its_subject and said["label"]["vi"] == label:
                said["label"] = _text(f"{label} ({its_subject})")
            label = f"{label} ({subject})"
        figure: Figure = {
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
        self.labels.setdefault(label.casefold(), (figure, subject))
        if mention.range_high is not None:
            figure["high"] = _number(mention.range_high, amount.unit)
        if planned:
            figure["target"] = True
            figure["note"] = _said(data_messages.DRAFT_TARGET.format(year=planned))
        if mention.relative_to is not None:
            figure["relative_to"] = mention.relative_to
        if any(sentence.lstrip().startswith(word) for word in lexicon.words()["now"]):
            figure["as_of"] = "publication"
        held = [change for change in mention.changes if _holds(change, figure)]
        self.left_out += len(mention.changes) - len(held)
        comparisons = [self._comparison(rank, sentence, change, amount.unit) for change in held]
        if comparisons:
            figure["comparisons"] = comparisons
        return figure

    def _row(self, rank: int, header: list[str], said: str, row: text_tables.Row, planned: int | None) -> Figure:
        """A figure of a table's row, quoting the row as the text has it (the only words that
        state it); its note names the header's cells, which say what each number is."""
        quote: Source = {"section": rank, "quote": said}
        figure: Figure = {
            "id": self.names.make(row.label, "figure"),
            "label": _text(row.label),
            "value": _number(row.value, row.unit),
            "unit": row.unit,
            "qualifier": row.qualifier,
            "year": planned or self.year,
            "source": quote,
            "checked": False,
            "note": _said(data_messages.DRAFT_TABLE_ROW.format(header=" | ".join(header))),
        }
        if planned:
            figure["target"] = True
        if row.noun:
            figure["noun"] = _text(row.noun)
        comparisons: list[Comparison] = []
        for compared in row.comparisons:
            unit = row.unit if compared.kind == "from_value" else "percent"
            comparison: Comparison = {
                "basis": compared.basis,
                "kind": compared.kind,
                "value": _number(compared.value, unit),
                "source": quote.copy(),  # the row: a cell alone ('6') says nothing of what it is
            }
            if compared.year is not None:
                comparison["year"] = compared.year
            comparisons.append(comparison)
        if comparisons:
            figure["comparisons"] = comparisons
        return figure

    def _comparison(self, rank: int, sentence: str, change: stated.Change, unit: str) -> Comparison:
        compared: Comparison = {
            "basis": change.basis,
            "kind": change.kind,
            "value": _number(change.value, unit if change.kind in ("absolute_change", "from_value") else "percent"),
            "source": {"section": rank, "quote": sentence[change.start : change.end].strip(" ,/(")},
        }
        if change.high is not None:
            compared["high"] = _number(
                change.high, unit if change.kind in ("absolute_change", "from_value") else "percent"
            )
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
        elif change.kind == "percent_change" and change.basis != "previous_year" and unit == "percent":
            # 'ty le ... dat 70,4%, vuot 1,4% so voi chi tieu': 1.4 points above, or 1.4 % above?
            compared["ambiguous"] = True
            compared["note"] = _said(data_messages.DRAFT_POINTS_OR_RELATIVE)
        return compared


def _said_again(figure: Figure) -> tuple[object, ...]:
    """What makes a figure of the lead the same as one a section states: value, unit and what
    it counts (12 communes are not 12 schools; 'uoc dat 9,8%' in the lead is the 9,8% below)."""
    noun = figure["noun"]["vi"] if "noun" in figure else None
    return figure["value"], figure["unit"], noun


def _holds(change: stated.Change, figure: Figure) -> bool:
    """Whether the format holds a comparison as read: of an earlier year, and a change in the
    figure's unit no larger than the figure (the earlier value would be negative)."""
    if change.year is not None and change.year >= figure["year"]:
        return False
    return change.kind not in ("absolute_change", "point_change") or change.value <= figure["value"]


def draft(
    text: str,
    name: str,
    *,
    place: str | None = None,
    year: int | None = None,
    title: str | None = None,
    published: str | None = None,
) -> Draft:
    """The draft of an article's text; ``place``, ``year`` and ``title`` replace what the text
    says, ``published`` is the date when the text gives none. A DataFileError when the text
    names no year or no place and none is given."""
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
    # no place named: never refused; the reviewer is asked for it in the draft itself
    reader = _Reader(year)
    slugs = _Names()
    highlights: list[Highlight] = []
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
    locality = _text(place) if place else _said(data_messages.DRAFT_PLACE_UNKNOWN)
    published = article.published_on([line.strip() for line in raw[:title_at] + lead]) or published
    metadata: Metadata = (  # ``published`` written before ``checked``, as the format's files have it
        {"title": title, "locality": locality, "year": year, "language": "vi", "published": published, "checked": False}
        if published
        else {"title": title, "locality": locality, "year": year, "language": "vi", "checked": False}
    )
    document: Document = {
        "schema_version": 1,
        "metadata": metadata,
        "highlights": highlights,
        "figures": reader.figures,
        "events": reader.events,
    }
    left_out = _keep_what_loads(document, name) + reader.left_out
    return Draft(document, len(document["figures"]), len(document["events"]), len(highlights), left_out)


def _keep_what_loads(document: Document, name: str) -> int:
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
                if collection == "events":
                    gone.add(document["events"].pop(index)["id"])
                elif comparison >= 0:  # a comparison the format refuses: the figure stays without it
                    del document["figures"][index]["comparisons"][comparison]
                else:
                    gone.add(document["figures"].pop(index)["id"])
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
