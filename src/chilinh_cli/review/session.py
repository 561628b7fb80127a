"""A draft's review as data: the records to look at in order, each decision kept in the document, undo, save.

No Textual here: the screen (``review.screen``) draws a ``Session`` and sends it keys' meanings;
tests may drive a session directly. The document is the draft's parsed JSON and stays so: a
decision sets a record's ``review`` (``{"status", "at"}``) and drops its legacy ``checked``
(the two must not disagree); saving validates the whole document and writes it whole, through
the one writer, or not at all.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..model.errors import ChilinhError, DataFileError
from ..words import messages
from ..words.messages import Msg

if TYPE_CHECKING:
    from ..model.records import Figure

Kind = Literal["figure", "event", "highlight", "metadata"]
Status = Literal["drafted", "accepted", "edited", "rejected"]
EDITABLE = ("value", "unit", "qualifier", "label.vi", "label.en", "noun.vi", "noun.en", "id", "link")
"""The fields ``e`` edits, as the reviewer names them."""
METADATA_EDITABLE = ("title", "title_en", "place.vi", "place.en")
"""The fields ``e`` edits of the review itself: its title and place. Not its year, which every
figure and comparison of a draft was dated by (draft the article again with ``--year``)."""
SHORT_QUOTE = 4
"""A quote of fewer words than this may state something else: it is looked at first."""
SHOWN_DECISIONS = 10
PLAUSIBLE_RATIO = Decimal(5)
"""A linked figure whose value is more than this many times last year's (or less than its
share) conflicts with the previous review: a unit misread, or a link to something else."""
Previous = Mapping[tuple[str, str], "Figure"]
"""The previous reviews' figures a draft links to, by the link's ``(file, id)``."""
"""How many of the last decisions the screen shows."""
Change = Callable[[dict[str, Any], dict[str, Any]], None]
"""A change to a record (the second argument) of a document (the first)."""


class Item(NamedTuple):
    """A record to review: where it is in the document and why it needs a look."""

    kind: Kind
    place: int
    """Its place in the document's ``figures``, ``events`` or ``highlights`` (0 for the metadata)."""
    reasons: tuple[Msg, ...]


class Decision(NamedTuple):
    """A decision made, and the document as it was before it (what undo restores)."""

    item: Item
    key: str
    status: Status
    before: dict[str, Any]
    position: int


def now() -> str:
    """The time of a decision: ISO 8601, UTC, to the second."""
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def status_of(record: dict[str, Any]) -> Status:
    """A record's review status as its document says it (``checked: false`` is drafted)."""
    review = record.get("review")
    if isinstance(review, dict) and review.get("status") in ("drafted", "accepted", "edited", "rejected"):
        status: Status = review["status"]
        return status
    return "drafted" if record.get("checked") is False else "accepted"


def record_of(document: dict[str, Any], item: Item) -> dict[str, Any]:
    """The record of ``document`` that ``item`` is."""
    if item.kind == "metadata":
        metadata: dict[str, Any] = document["metadata"]
        return metadata
    record: dict[str, Any] = document[{"figure": "figures", "event": "events", "highlight": "highlights"}[item.kind]][
        item.place
    ]
    return record


def editable(kind: Kind) -> tuple[str, ...]:
    """The fields ``e`` edits of a record of this kind (a noun and a link are a figure's only)."""
    if kind == "metadata":
        return METADATA_EDITABLE
    if kind == "figure":
        return EDITABLE
    return tuple(field for field in EDITABLE if not field.startswith(("noun.", "link")))


def conflicts(figure: dict[str, Any], previous: Figure) -> bool:
    """Whether a drafted figure disagrees with the previous review's figure it links to: another
    kind of unit, or a value beyond ``PLAUSIBLE_RATIO`` of last year's either way."""
    from ..draft.linking import unit_kind

    noun = figure.get("noun")
    drafted = unit_kind(str(figure.get("unit")), str(noun["vi"]) if isinstance(noun, dict) else None)
    if drafted != unit_kind(previous.unit, previous.noun.vi if previous.noun else None):
        return True
    new, old = Decimal(str(figure.get("value"))), Decimal(str(previous.value))
    if new <= 0 or old <= 0:
        return (new <= 0) != (old <= 0)
    return new > old * PLAUSIBLE_RATIO or old > new * PLAUSIBLE_RATIO


def _reasons(figure: dict[str, Any], linking: bool, previous: Previous) -> tuple[Msg, ...]:
    """Why a figure needs a look: unlinked (in a draft linked to last year), a short or
    ambiguous quote, a qualifier, a value read from words or relative to a basis, conflicting
    with the previous review's figure it links to."""
    found: list[Msg] = []
    link = figure.get("link")
    if linking and link is None:
        found.append(messages.REVIEW_WHY_UNLINKED)
    linked = previous.get((str(link.get("file")), str(link.get("id")))) if isinstance(link, dict) else None
    if linked is not None and conflicts(figure, linked):
        found.append(messages.REVIEW_WHY_CONFLICT)
    if len(str(figure.get("source", {}).get("quote", "")).split()) < SHORT_QUOTE:
        found.append(messages.REVIEW_WHY_SHORT)
    comparisons = figure.get("comparisons") or []
    if any(c.get("ambiguous") for c in comparisons):
        found.append(messages.REVIEW_WHY_AMBIGUOUS)
    if figure.get("qualifier", "exact") != "exact":
        found.append(messages.REVIEW_WHY_QUALIFIER)
    if figure.get("wording") is not None or any(
        c.get("kind") in ("percent_of", "multiple", "from_value") for c in comparisons
    ):
        found.append(messages.REVIEW_WHY_DERIVED)
    return tuple(found)


def review_order(document: dict[str, Any], previous: Previous | None = None) -> list[Item]:
    """Every record to review: figures first (those conflicting with last year's first, then those
    with most reasons for a look, else in the file's order), then events, then the section titles
    (highlights), then the review itself (its title, place and year: the metadata). ``previous``
    holds the linked figures of last year's review (``linked_figures``) where they could be read."""
    figures = document.get("figures") or []
    linking = any(figure.get("link") is not None for figure in figures)
    scored = [Item("figure", n, _reasons(figure, linking, previous or {})) for n, figure in enumerate(figures)]
    # a conflict with last year is the likeliest error: first, then the most reasons, then the file's order
    scored.sort(key=lambda item: (messages.REVIEW_WHY_CONFLICT not in item.reasons, -len(item.reasons), item.place))
    events = [Item("event", n, ()) for n in range(len(document.get("events") or []))]
    highlights = [Item("highlight", n, ()) for n in range(len(document.get("highlights") or []))]
    return [*scored, *events, *highlights, Item("metadata", 0, ())]


class Session:
    """A review in progress: the document, the records in order, the decisions made, where it is."""

    def __init__(
        self,
        path: Path,
        document: dict[str, Any],
        clock: Callable[[], str] = now,
        previous: Previous | None = None,
    ) -> None:
        self.path = path
        self.document: dict[str, Any] = _arrays(document, list)  # arrays a review may change in place
        self.items = review_order(document, previous)
        self.decisions: list[Decision] = []
        self.dirty = False
        self.clock = clock
        self.position = self.first_undecided()

    @classmethod
    def open(cls, path: Path, clock: Callable[[], str] = now) -> Session:
        """The review of the draft at ``path`` (which must load as a dataset)."""
        from ..reading.loader import name_of, parse_json, read_bytes, validate_document

        document = parse_json(read_bytes(path), name_of(path))
        validate_document(document, name_of(path))
        return cls(path, document, clock, linked_figures(document, path.parent))

    # ---- where the review is ------------------------------------------------------------

    def record(self, item: Item) -> dict[str, Any]:
        return record_of(self.document, item)

    def key(self, item: Item) -> str:
        if item.kind == "metadata":
            return "metadata"
        record = self.record(item)
        return str(record.get("slug") if item.kind == "highlight" else record.get("id"))

    def status(self, item: Item) -> Status:
        return status_of(self.record(item))

    def first_undecided(self, start: int = 0) -> int:
        """The first record from ``start`` (then from the top) still drafted; the count when none."""
        order = [*range(start, len(self.items)), *range(start)]
        for position in order:
            if self.status(self.items[position]) == "drafted":
                return int(position)
        return len(self.items)

    @property
    def current(self) -> Item | None:
        return self.items[self.position] if self.position < len(self.items) else None

    @property
    def done(self) -> int:
        return sum(self.status(item) != "drafted" for item in self.items)

    def last_decisions(self) -> list[Decision]:
        return self.decisions[-SHOWN_DECISIONS:]

    # ---- decisions --------------------------------------------------------------------------

    def _decide(self, status: Status, change: Change | None = None) -> None:
        item = self.current
        if item is None:
            return
        before = copy.deepcopy(self.document)
        record = self.record(item)
        if change is not None:
            change(self.document, record)
        if status == "accepted" and status_of(record) == "edited":
            status = "edited"  # accepting what a person changed keeps it edited
        record.pop("checked", None)  # legacy: the review says it now
        record["review"] = {"status": status, "at": self.clock()}
        self.decisions.append(Decision(item, self.key(item), status, before, self.position))
        self.dirty = True

    def accept(self) -> None:
        """Accept the record as it is and go to the next undecided one. A figure's suggested
        link is accepted with it: the figure takes the linked id (unless another figure has it)
        and the ``link`` goes (the decision is the record of it)."""
        item = self.current
        if item is None:
            return
        if item.kind == "figure" and self.record(item).get("link") is not None:
            self._decide("accepted", self._take_link)
        else:
            self._decide("accepted")
        self.position = self.first_undecided(self.position)

    @staticmethod
    def _take_link(document: dict[str, Any], figure: dict[str, Any]) -> None:
        link = figure.pop("link")
        wanted = str(link.get("id", ""))
        taken = {f.get("id") for f in document["figures"] if f is not figure}
        taken |= {alias for f in document["figures"] if f is not figure for alias in f.get("aliases", ())}
        if wanted and wanted != figure["id"] and wanted not in taken:
            _rename(document, figure, wanted)

    def reject(self) -> Msg | None:
        """Reject the record: it stays in the file, marked, and leaves every answer. The review
        itself (its metadata) is not rejected but edited: what is wrong instead (nothing done)."""
        item = self.current
        if item is not None and item.kind == "metadata":
            return messages.REVIEW_METADATA_NOT_REJECTED
        self._decide("rejected")
        self.position = self.first_undecided(self.position)
        return None

    def skip(self) -> None:
        """Leave the record undecided and look at the next one (undecided first)."""
        if self.items:
            nxt = self.first_undecided(self.position + 1)
            self.position = nxt if nxt < len(self.items) else (self.position + 1) % len(self.items)

    def undo(self) -> Decision | None:
        """Take the last decision back (as many as were made, saved or not)."""
        if not self.decisions:
            return None
        decision = self.decisions.pop()
        self.document = decision.before
        self.position = decision.position
        self.dirty = True  # past a save too: the file holds a decision the review no longer does
        return decision

    def edit(self, field: str, text: str) -> Msg | None:
        """Change one field of the current record (``EDITABLE``); the record is then edited. None
        when done, else what is wrong (and nothing changed)."""
        item = self.current
        if item is None:
            return messages.REVIEW_NOTHING_TO_EDIT
        if field not in editable(item.kind):
            return messages.REVIEW_EDIT_FIELDS.format(fields=", ".join(editable(item.kind)))
        try:
            change = _change(item.kind, field, text.strip())
        except (InvalidOperation, ValueError):
            return messages.REVIEW_EDIT_BAD.format(field=field, text=text)
        trial = copy.deepcopy(self.document)
        change(trial, record_of(trial, item))
        problem = _problem(trial)
        if problem is not None:
            return problem
        self._decide("edited", change)
        return None

    # ---- the file ---------------------------------------------------------------------------

    def save(self) -> None:
        """The document, valid, written whole at its path (a ``ChilinhError`` when it cannot be)."""
        from ..draft.compose import exact_json
        from ..files.writer import atomic_file

        problem = _problem(self.document)
        if problem is not None:
            raise ChilinhError(problem)
        text = exact_json(self.document)
        with atomic_file(self.path, force=True) as temporary:
            temporary.write_text(text, encoding="utf-8")
        self.dirty = False


def linked_figures(document: dict[str, Any], beside: Path) -> dict[tuple[str, str], Figure]:
    """The previous reviews' figures the draft's links name, by ``(file, id)``: each file read as
    its path was given (from here, else from ``beside``, the draft's folder); a file that is
    gone or is no dataset gives none (its links are then only unchecked)."""
    from ..reading.loader import read_dataset

    files = {str(f["link"]["file"]) for f in document.get("figures") or () if isinstance(f.get("link"), dict)}
    found: dict[tuple[str, str], Figure] = {}
    for file in sorted(files):
        for path in (Path(file), beside / file):
            try:
                dataset = read_dataset(path)
            except (ChilinhError, OSError):
                continue
            found.update({(file, figure.id): figure for figure in dataset.figures})
            break
    return found


def _rename(document: dict[str, Any], figure: dict[str, Any], new: str) -> None:
    """A figure's id changed, and every highlight's reference to it; its aliases lose the new id."""
    old = figure["id"]
    figure["id"] = new
    if "aliases" in figure:
        figure["aliases"] = [alias for alias in figure["aliases"] if alias != new]
    for highlight in document.get("highlights") or []:
        for field in ("figures", "headline"):
            highlight[field] = [new if ref == old else ref for ref in highlight.get(field, [])]


def _set(field: str, value: object) -> Change:
    return lambda document, record: record.__setitem__(field, value)


def _change(kind: Kind, field: str, text: str) -> Change:
    """How an edit changes a record (a ``ValueError`` when the text says no such change)."""
    if kind == "metadata":
        return _metadata_change(field, text)
    if field == "value":
        number = Decimal(text.replace(" ", "").replace(",", "."))
        whole = number == number.to_integral_value() and "." not in text and "," not in text
        return _set("value", int(number) if whole else number)
    if field in ("unit", "qualifier"):
        return _set(field, text)
    if field.startswith(("label.", "noun.")):
        language = field.split(".")[1]
        target = "title" if kind == "highlight" else field.split(".")[0]

        def label(document: dict[str, Any], record: dict[str, Any]) -> None:
            named = {key: value for key, value in {**record.get(target, {}), language: text}.items() if value}
            if named:
                record[target] = named
            else:  # a noun may be left out (a label may not: the format says so)
                record.pop(target, None)

        return label
    if field == "id":
        if kind == "highlight":
            return _set("slug", text)
        if kind == "event":
            return _set("id", text)
        return lambda document, record: _rename(document, record, text)
    # link: 'FILE ID', or '-' to drop it
    if text == "-":
        return lambda document, record: record.pop("link", None)
    file, _, link_id = text.rpartition(" ")
    if not file or not link_id:
        raise ValueError(text)
    return _set("link", {"file": file, "id": link_id})


def _metadata_change(field: str, text: str) -> Change:
    """How an edit changes the review's metadata: its title (either language) or place."""
    if field.startswith("place."):
        language = field.split(".")[1]

        def place(document: dict[str, Any], record: dict[str, Any]) -> None:
            named = {**record["locality"], language: text}
            record["locality"] = {key: value for key, value in named.items() if value}

        return place

    if not text and field == "title":  # the Vietnamese title is the review's name: never empty
        raise ValueError(field)

    def title(document: dict[str, Any], record: dict[str, Any]) -> None:
        if text:
            record[field] = text
        else:  # an English title may be left out
            record.pop(field, None)

    return title


def _arrays(value: Any, kind: type[list[Any]] | type[tuple[Any, ...]]) -> Any:
    """A copy of a JSON value with every array as ``kind``."""
    if isinstance(value, dict):
        return {key: _arrays(each, kind) for key, each in value.items()}
    if isinstance(value, list | tuple):
        return kind(_arrays(each, kind) for each in value)
    return value


def _problem(document: dict[str, Any]) -> Msg | None:
    """The first problem of a document, said as validate says it; None when it is valid."""
    from ..reading.loader import validate_document

    try:
        validate_document(_arrays(document, tuple), "review")  # arrays as the loader parses them
    except DataFileError as error:
        return error.said
    return None
