"""Every question the store answers in SQL: figures, names, search rows and reviews, read through its indexes.

The questions (``answers``) ask these functions and never write SQL themselves; each reads
only the rows its answer needs, so that a query costs what its answer holds, not what the
catalog holds. Records are rebuilt from their rows (``reading.rebuild``), without Pydantic.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model.building import building
from ..model.records import Dataset, Event, EventDate, Figure, Highlight, Review, Source, Text, answerable
from ..model.where import DatasetInfo
from ..reading.rebuild import dataset_from_text, figure_from_document

if TYPE_CHECKING:
    from .store import Store

Item = Figure | Highlight | Event
ItemKey = tuple[int, str, str]
"""(dataset id, kind, key): a figure, highlight or event of one stored dataset."""
SearchRow = tuple[int, int, str, str, str, str, str]
"""(row id, dataset id, kind, key, field, text, folded text): one text a search looks in."""


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" for _ in values)


# ---- reviews ---------------------------------------------------------------------------------------------


def infos(store: Store, ids: Sequence[int]) -> list[DatasetInfo]:
    """What each of the datasets ``ids`` is, by place, newest year first."""
    wanted = set(ids)
    rows = store.db.execute(
        "SELECT id, path, place_vi, coalesce(place_en, place_vi), year, published, place_key, place_key_vi, "
        "other_keys, place_key_en FROM datasets "
        "ORDER BY place_key, year DESC, path"  # BINARY order of UTF-8: the order of Python's strings
    )
    return [
        DatasetInfo(
            number, path, vi, en, year, published, key, key_vi, tuple(others.split("\n")) if others else (), key_en
        )
        for number, path, vi, en, year, published, key, key_vi, others, key_en in rows
        if number in wanted
    ]


def dataset(store: Store, number: int, *, answered: bool = True) -> Dataset:
    """The dataset with this id, rebuilt from its validated text (no Pydantic needed), as the
    questions see it: without its rejected figures and events (``records.answerable``); with
    ``answered=False``, every record as its file holds it (a record's place in the file kept)."""
    (text,) = store.db.execute("SELECT document FROM datasets WHERE id = ?", (number,)).fetchone()
    whole = dataset_from_text(text)
    return answerable(whole) if answered else whole


def drafted(store: Store, ids: Sequence[int]) -> set[int]:
    """The datasets among ``ids`` that record the document they were drafted from
    (``metadata.document``): only those are rebuilt to hold them against their article."""
    wanted = set(ids)
    rows = store.db.execute(
        "SELECT id FROM datasets WHERE instr(document, '\"document\"') > 0 "
        "AND json_extract(document, '$.metadata.document.path') IS NOT NULL"
    )
    return {number for (number,) in rows if number in wanted}


def document_text(store: Store, number: int) -> str:
    """The validated text of a dataset, as its file had it."""
    (text,) = store.db.execute("SELECT document FROM datasets WHERE id = ?", (number,)).fetchone()
    return str(text)


def counts(store: Store, ids: Sequence[int]) -> dict[int, tuple[int, int, int]]:
    """Highlights, figures and events of each dataset, counted through their keys."""
    wanted = set(ids)
    rows = store.db.execute(
        "SELECT d.id, (SELECT count(*) FROM highlights WHERE dataset_id = d.id), "
        "(SELECT count(*) FROM figures WHERE dataset_id = d.id), "
        "(SELECT count(*) FROM events WHERE dataset_id = d.id) FROM datasets d"
    )
    return {row[0]: row[1:] for row in rows if row[0] in wanted}


def unreviewed(store: Store, ids: Sequence[int]) -> set[int]:
    """The datasets among ``ids`` that hold a record a reviewer still has to look at (unchecked,
    or a text without its English): only those are rebuilt to say which (``answers.checking``)."""
    wanted = set(ids)

    def untranslated(*names: str) -> str:
        return " OR ".join(f"({name}_vi IS NOT NULL AND {name}_en IS NULL)" for name in names)

    rows = store.db.execute(
        "SELECT id FROM datasets d WHERE checked = 0 OR title_en IS NULL OR place_en IS NULL "
        "OR EXISTS (SELECT 1 FROM figures WHERE dataset_id = d.id AND (checked = 0 OR "
        f"{untranslated('label', 'note', 'wording', 'noun')})) "
        f"OR EXISTS (SELECT 1 FROM comparisons WHERE dataset_id = d.id AND ({untranslated('note')})) "
        "OR EXISTS (SELECT 1 FROM highlights WHERE dataset_id = d.id AND (checked = 0 OR "
        f"{untranslated('title', 'short_title', 'summary')})) "
        "OR EXISTS (SELECT 1 FROM events WHERE dataset_id = d.id AND (checked = 0 OR label_en IS NULL))"
    )
    return {number for (number,) in rows if number in wanted}


# ---- figures by name ------------------------------------------------------------------------------------


def named(store: Store, name: str, ids: Sequence[int]) -> list[tuple[int, str, int]]:
    """(dataset id, figure id, 0 for its id or 1 for an alias) of the figures of ``ids`` whose id
    or an alias is exactly ``name``."""
    marks = _marks(ids)
    return store.db.execute(
        f"SELECT dataset_id, id, 0 FROM figures WHERE id = ? AND dataset_id IN ({marks}) UNION "
        f"SELECT dataset_id, figure_id, 1 FROM figure_aliases WHERE alias = ? AND dataset_id IN ({marks})",
        (name, *ids, name, *ids),
    ).fetchall()


def with_ids(store: Store, figure_ids: Sequence[str], ids: Sequence[int]) -> list[tuple[int, str]]:
    """(dataset id, figure id) of the datasets among ``ids`` that have a figure with one of these ids."""
    query = f"SELECT dataset_id, id FROM figures WHERE id IN ({_marks(figure_ids)}) AND dataset_id IN ({_marks(ids)})"
    return store.db.execute(query, (*figure_ids, *ids)).fetchall()


def named_folded(store: Store, key: str, ids: Sequence[int]) -> list[tuple[int, str]]:
    """(dataset id, figure id) of the figures one of whose names, folded, is ``key``."""
    return store.db.execute(
        f"SELECT dataset_id, figure_id FROM figure_names WHERE folded = ? AND dataset_id IN ({_marks(ids)})",
        (key, *ids),
    ).fetchall()


def named_from(store: Store, key: str, ids: Sequence[int], *, indexed: bool) -> list[tuple[int, str]]:
    """(dataset id, figure id) of the figures one of whose folded names holds the words of ``key``
    from the start of a word (the last word may be the start of one). ``indexed``: the full-text
    name index holds every dataset of ``ids`` (``Store.nameable``); else their names are read."""
    marks = _marks(ids)
    if indexed:
        words = key.split()
        query = " + ".join(f'"{word}"' for word in words) + "*"
        return store.db.execute(  # the full-text index first, as in matching_rows
            "SELECT n.dataset_id, n.figure_id FROM name_index CROSS JOIN figure_names n "
            f"ON n.rowid = name_index.rowid WHERE name_index MATCH ? AND +n.dataset_id IN ({marks})",
            (query, *ids),
        ).fetchall()
    rows = store.db.execute(
        f"SELECT dataset_id, figure_id, folded FROM figure_names WHERE dataset_id IN ({marks})", ids
    )
    return [(number, figure_id) for number, figure_id, folded in rows if f" {key}" in f" {folded}"]


def having(store: Store, figure_id: str, ids: Sequence[int]) -> set[int]:
    """The datasets among ``ids`` that have a figure with this id."""
    query = f"SELECT dataset_id FROM figures WHERE id = ? AND dataset_id IN ({_marks(ids)})"
    return {number for (number,) in store.db.execute(query, (figure_id, *ids))}


def spelled_like(store: Store, key: str, ids: Sequence[int]) -> dict[str, str]:
    """Folded names that start with the letter ``key`` starts with, and their figure ids (for
    suggestions: the error path reads at most 50,000 names)."""
    rows = store.db.execute(
        "SELECT folded, figure_id FROM figure_names WHERE folded >= ? AND folded < ? "
        f"AND +dataset_id IN ({_marks(ids)}) LIMIT 50000",  # by the names' index: read at most 50,000
        (key[0], chr(ord(key[0]) + 1), *ids),
    ).fetchall()
    return dict(rows)


def names(store: Store, ids: Sequence[int]) -> list[str]:
    """Every figure id and alias of the datasets ``ids`` (shell completion)."""
    marks = _marks(ids)
    query = (
        f"SELECT id FROM figures WHERE dataset_id IN ({marks}) UNION "
        f"SELECT alias FROM figure_aliases WHERE dataset_id IN ({marks})"
    )
    return [name for (name,) in store.db.execute(query, (*ids, *ids))]


def slugs(store: Store, ids: Sequence[int]) -> list[str]:
    """Every highlight slug of the datasets ``ids`` (shell completion)."""
    query = f"SELECT slug FROM highlights WHERE dataset_id IN ({_marks(ids)})"
    return [slug for (slug,) in store.db.execute(query, tuple(ids))]


# ---- figures rebuilt -----------------------------------------------------------------------------------


def figures(store: Store, pairs: Sequence[tuple[int, str]]) -> list[Figure]:
    """The figures (dataset id, figure id), rebuilt from their rows: a query reads only them,
    three statements for each figure id however many datasets have it."""
    with building():
        found: dict[tuple[int, str], Figure] = {}
        for figure_id in dict.fromkeys(figure_id for _, figure_id in pairs):
            wanted = {number for number, each in pairs if each == figure_id}
            found.update(_figures_with_id(store, figure_id, wanted))
        return [found[pair] for pair in pairs]


def _figures_with_id(store: Store, figure_id: str, wanted: set[int]) -> dict[tuple[int, str], Figure]:
    # A few datasets are read by their keys; many, by the figure's id (one pass over its rows).
    if len(wanted) > 500:
        every = _read_figures(store, "{id} = ?", (figure_id,))
        return {key: figure for key, figure in every.items() if key[0] in wanted}
    marks = ",".join("?" * len(wanted))
    return _read_figures(store, f"{{id}} = ? AND {{t}}.dataset_id IN ({marks})", (figure_id, *wanted))


def compared_figures(store: Store, number: int, year: int, *, of: int | None = None) -> list[Figure]:
    """The figures of dataset ``number`` whose id dataset ``of`` (default: the same) compares
    with ``year`` in words that are not ambiguous: what ``compare`` needs, read from the
    comparisons table instead of the whole dataset; in the dataset's order."""
    compared = (
        "{t}.dataset_id = ? AND {id} IN (SELECT figure_id FROM comparisons WHERE dataset_id = ? "
        "AND basis = 'previous_year' AND year = ? AND ambiguous = 0)"
    )
    with building():
        return list(_read_figures(store, compared, (number, number if of is None else of, year)).values())


def figure_ids(store: Store, number: int) -> list[str]:
    """Every figure id of a dataset, in its order."""
    query = "SELECT id FROM figures WHERE dataset_id = ? ORDER BY rowid"
    return [figure_id for (figure_id,) in store.db.execute(query, (number,))]


def comparison_years(store: Store, number: int) -> list[int]:
    """The years a dataset compares figures with, in words ``compare`` can use (with the
    previous year, not ambiguous)."""
    query = (
        "SELECT DISTINCT year FROM comparisons WHERE dataset_id = ? AND year IS NOT NULL "
        "AND basis = 'previous_year' AND ambiguous = 0 ORDER BY year"
    )
    return [year for (year,) in store.db.execute(query, (number,))]


def _read_figures(store: Store, where: str, values: tuple[object, ...]) -> dict[tuple[int, str], Figure]:
    """The figures whose rows match ``where`` (written for any of the three tables: ``{t}``
    is the table, ``{id}`` its figure id column), rebuilt from their rows in the order of
    the figures table: three statements however many figures."""
    rows = store.db.execute(
        "SELECT f.dataset_id, f.id, f.label_vi, f.label_en, f.value_exact, f.out_of, f.unit, f.qualifier, f.year, "
        "s.section, s.quote, f.note_vi, f.note_en, f.wording_vi, f.wording_en, f.as_of, f.noun_vi, f.noun_en, "
        "f.checked, s.page, s.paragraph, s.table_row, f.high_exact, f.target, f.relative_to, f.link_file, f.link_id, "
        "f.review, f.reviewed_at "
        "FROM figures f "
        "JOIN sources s ON s.dataset_id = f.dataset_id AND s.id = f.source_id WHERE "
        + where.format(t="f", id="f.id")
        + " ORDER BY +f.rowid",  # + : the order never chooses the index (the figure id does)
        values,
    ).fetchall()
    aliases: dict[tuple[int, str], list[str]] = {}
    for number, figure_id, alias in store.db.execute(
        "SELECT a.dataset_id, a.figure_id, a.alias FROM figure_aliases a WHERE "
        + where.format(t="a", id="a.figure_id")
        + " ORDER BY +a.rowid",
        values,
    ):
        aliases.setdefault((number, figure_id), []).append(alias)
    comparisons: dict[tuple[int, str], list[dict[str, object]]] = {}
    for c in store.db.execute(
        "SELECT c.dataset_id, c.figure_id, c.basis, c.year, c.kind, c.value_exact, c.ambiguous, s.section, "
        "s.quote, c.note_vi, c.note_en, s.page, s.paragraph, s.table_row, c.high_exact FROM comparisons c "
        "JOIN sources s ON s.dataset_id = c.dataset_id AND s.id = c.source_id WHERE "
        + where.format(t="c", id="c.figure_id")
        + " ORDER BY +c.id",
        values,
    ):
        comparisons.setdefault((c[0], c[1]), []).append(
            {
                **{"basis": c[2], "year": c[3], "kind": c[4], "value": _number(c[5]), "ambiguous": bool(c[6])},
                **{"source": _source(c[7], c[8], c[11:14]), "note": _pair(c[9], c[10])},
                "high": None if c[14] is None else _number(c[14]),
            }
        )
    return {
        (key := (row[0], row[1])): figure_from_document(
            {
                **{"id": row[1], "label": _pair(row[2], row[3]), "value": _number(row[4])},
                **{"out_of": row[5], "unit": row[6], "qualifier": row[7], "year": row[8]},
                **{"source": _source(row[9], row[10], row[19:22]), "note": _pair(row[11], row[12])},
                **{"wording": _pair(row[13], row[14]), "as_of": row[15], "noun": _pair(row[16], row[17])},
                "checked": bool(row[18]),
                **{"high": None if row[22] is None else _number(row[22]), "target": bool(row[23])},
                "relative_to": row[24],
                "link": None if row[25] is None else {"file": row[25], "id": row[26]},
                "review": _review(row[27], row[28]),
                **{"aliases": aliases.get(key, []), "comparisons": comparisons.get(key, [])},
            }
        )
        for row in rows
    }


def _source(section: int, quote: str, where: tuple[int | None, ...]) -> dict[str, object]:
    """A source's document from its row: where a draft found the quote, when it did."""
    source: dict[str, object] = {"section": section, "quote": quote}
    for name, number in zip(("page", "paragraph", "row"), where, strict=True):
        if number is not None:
            source[name] = number
    return source


def _review(status: str, at: str | None) -> dict[str, str] | None:
    """A record's review as its document says it, from its two columns (no time: no review given)."""
    return None if at is None else {"status": status, "at": at}


def _given_review(status: str, at: str | None) -> Review | None:
    return None if at is None else Review(status, at)  # type: ignore[arg-type]  # a status the file had


def _number(exact: str) -> int | Decimal:
    """A number as the file wrote it (``*_exact``): a whole number an int, else a Decimal."""
    return int(exact) if exact.lstrip("-").isdigit() else Decimal(exact)


def _pair(vi: str | None, en: str | None) -> dict[str, str | None] | None:
    """A text's columns as its JSON object (no English: null); None when it has none."""
    return None if vi is None else {"vi": vi, "en": en}


# ---- search -------------------------------------------------------------------------------------------------


def matching_rows(store: Store, words: list[str], ids: Sequence[int]) -> list[SearchRow]:
    """The search rows of the datasets ``ids`` that hold every folded word of ``words`` (the last
    as the start of a word), through the full-text index; without FTS5, every row of them."""
    marks = _marks(ids)
    columns = "r.rowid, r.dataset_id, r.kind, r.key, r.field, r.text, r.folded"
    if store.full_text:
        query = " ".join(f'"{word}"' for word in words[:-1]) + f' "{words[-1]}"*'
        # The full-text index first, whatever SQLite's planner estimates: its matches are few
        # next to a dataset's rows (CROSS JOIN keeps the order; + keeps the dataset's index out).
        return store.db.execute(
            f"SELECT {columns} FROM search_index CROSS JOIN search_rows r ON r.rowid = search_index.rowid "
            f"WHERE search_index MATCH ? AND +r.dataset_id IN ({marks})",
            (query, *ids),
        ).fetchall()
    return store.db.execute(
        f"SELECT {columns} FROM search_rows r WHERE r.dataset_id IN ({marks})", tuple(ids)
    ).fetchall()


def items(store: Store, keys: list[ItemKey]) -> dict[ItemKey, Item]:
    """The figures, highlights and events of ``keys``, rebuilt from their rows."""
    figure_keys = [(number, key) for number, kind, key in keys if kind == "figure"]
    found: dict[ItemKey, Item] = {
        (number, "figure", key): figure
        for (number, key), figure in zip(figure_keys, figures(store, figure_keys), strict=True)
    }
    for number, kind, key in keys:
        if kind == "highlight":
            found[(number, kind, key)] = _highlight(store, number, key)
        elif kind == "event":
            found[(number, kind, key)] = _event(store, number, key)
    return found


def _highlight(store: Store, number: int, slug: str) -> Highlight:
    """A highlight's titles and summary (without its figures: search shows only its words)."""
    row = store.db.execute(
        "SELECT rank, title_vi, title_en, short_title_vi, short_title_en, summary_vi, summary_en, checked, "
        "review, reviewed_at "
        "FROM highlights WHERE dataset_id = ? AND slug = ?",
        (number, slug),
    ).fetchone()
    title, short_title, summary = (None if row[n] is None else Text(row[n], row[n + 1]) for n in (1, 3, 5))
    assert title is not None  # every highlight has a title
    return Highlight(
        row[0],
        slug,
        title,
        (),
        (),
        short_title=short_title,
        summary=summary,
        checked=bool(row[7]),
        review=_given_review(row[8], row[9]),
    )


def _event(store: Store, number: int, event_id: str) -> Event:
    row = store.db.execute(
        "SELECT e.label_vi, e.label_en, e.year, e.month, e.year_inferred, e.day, e.period, s.section, s.quote, "
        "e.checked, s.page, s.paragraph, s.table_row, e.review, e.reviewed_at "
        "FROM events e JOIN sources s ON s.dataset_id = e.dataset_id AND s.id = e.source_id "
        "WHERE e.dataset_id = ? AND e.id = ?",
        (number, event_id),
    ).fetchone()
    date = EventDate(row[2], row[3], bool(row[4]), row[5], row[6])
    source = Source(row[7], row[8], *row[10:13])
    return Event(event_id, Text(row[0], row[1]), date, source, bool(row[9]), _given_review(row[13], row[14]))
