"""Records rebuilt from a document validated before (the text the store keeps).

Reading one back needs no Pydantic, only the records' own constructors, which still check
every one-record rule; the rules across records held when the document was validated.
"""

from __future__ import annotations

from typing import Any

from ..model.records import (
    Comparison,
    Dataset,
    Document,
    Event,
    EventDate,
    Figure,
    Highlight,
    Link,
    Metadata,
    Review,
    Source,
    Text,
)


def _text(document: Any) -> Text | None:
    return None if document is None else _given(document)


def _given(document: Any) -> Text:
    return Text(document["vi"], document.get("en"))


def _review(document: Any) -> Review | None:
    return None if document is None else Review(document["status"], document["at"])


def _source(document: Any) -> Source:
    return Source(
        document["section"], document["quote"], document.get("page"), document.get("paragraph"), document.get("row")
    )


def _document(document: Any) -> Document | None:
    if document is None:
        return None
    return Document(document["path"], document["sha256"], document["text_sha256"], document["reader"])


def figure_from_document(document: Any) -> Figure:
    """A figure from its validated JSON object."""
    return Figure(
        id=document["id"],
        label=_given(document["label"]),
        value=document["value"],
        unit=document["unit"],
        qualifier=document["qualifier"],
        year=document["year"],
        source=_source(document["source"]),
        aliases=tuple(document.get("aliases", ())),
        out_of=document.get("out_of"),
        comparisons=tuple(
            Comparison(
                basis=c["basis"],
                kind=c["kind"],
                value=c["value"],
                source=_source(c["source"]),
                year=c.get("year"),
                ambiguous=c.get("ambiguous", False),
                note=_text(c.get("note")),
                high=c.get("high"),
            )
            for c in document.get("comparisons", ())
        ),
        note=_text(document.get("note")),
        wording=_text(document.get("wording")),
        as_of=document.get("as_of", "year"),
        noun=_text(document.get("noun")),
        checked=document.get("checked", True),
        high=document.get("high"),
        target=document.get("target", False),
        relative_to=document.get("relative_to"),
        review=_review(document.get("review")),
        link=None if document.get("link") is None else Link(document["link"]["file"], document["link"]["id"]),
    )


def dataset_from_text(text: str) -> Dataset:
    """A dataset from the validated text the store keeps. Validated when stored: no duplicate
    keys or constants to watch for, so the plain parser (decimals still exact) does it in half
    the time of the checking one; the garbage collector waits while it is built."""
    import json
    from decimal import Decimal

    from ..model.building import building

    with building():
        return dataset_from_document(json.loads(text, parse_float=Decimal))


def dataset_from_document(document: Any) -> Dataset:
    """A dataset from its validated JSON document (the cross-record rules held when it was validated)."""
    meta = document["metadata"]
    return Dataset(
        schema_version=document["schema_version"],
        metadata=Metadata(
            title=meta["title"],
            locality=_given(meta["locality"]),
            year=meta["year"],
            language=meta["language"],
            title_en=meta.get("title_en"),
            publisher=meta.get("publisher"),
            published=meta.get("published"),
            checked=meta.get("checked", True),
            review=_review(meta.get("review")),
            province=meta.get("province"),
            other_names=tuple(meta.get("other_names", ())),
            document=_document(meta.get("document")),
        ),
        highlights=tuple(
            Highlight(
                rank=h["rank"],
                slug=h["slug"],
                title=_given(h["title"]),
                figures=tuple(h["figures"]),
                headline=tuple(h["headline"]),
                short_title=_text(h.get("short_title")),
                summary=_text(h.get("summary")),
                events=tuple(h.get("events", ())),
                checked=h.get("checked", True),
                review=_review(h.get("review")),
            )
            for h in document["highlights"]
        ),
        figures=tuple(figure_from_document(f) for f in document["figures"]),
        events=tuple(
            Event(
                id=e["id"],
                label=_given(e["label"]),
                date=EventDate(
                    e["date"]["year"],
                    e["date"]["month"],
                    e["date"]["year_inferred"],
                    e["date"].get("day"),
                    e["date"].get("period"),
                ),
                source=_source(e["source"]),
                checked=e.get("checked", True),
                review=_review(e.get("review")),
            )
            for e in document.get("events", ())
        ),
    )
