"""Records rebuilt from a document validated before (the text the store keeps).

Reading one back needs no Pydantic, only the records' own constructors, which still check
every one-record rule; the rules across records held when the document was validated.
"""

from __future__ import annotations

from typing import Any

from .models import Comparison, Dataset, Event, EventDate, Figure, Highlight, Metadata, Source, Text


def _text(document: Any) -> Text | None:
    return None if document is None else Text(document["vi"], document["en"])


def _source(document: Any) -> Source:
    return Source(document["section"], document["quote"])


def figure_from_document(document: Any) -> Figure:
    """A figure from its validated JSON object."""
    return Figure(
        id=document["id"],
        label=Text(document["label"]["vi"], document["label"]["en"]),
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
            )
            for c in document.get("comparisons", ())
        ),
        note=_text(document.get("note")),
        wording=_text(document.get("wording")),
        as_of=document.get("as_of", "year"),
    )


def dataset_from_document(document: Any) -> Dataset:
    """A dataset from its validated JSON document (the cross-record rules held when it was validated)."""
    meta = document["metadata"]
    return Dataset(
        schema_version=document["schema_version"],
        metadata=Metadata(
            meta["title"],
            meta["title_en"],
            meta["publisher"],
            meta["published"],
            Text(meta["locality"]["vi"], meta["locality"]["en"]),
            meta["year"],
            meta["language"],
        ),
        highlights=tuple(
            Highlight(
                rank=h["rank"],
                slug=h["slug"],
                title=Text(h["title"]["vi"], h["title"]["en"]),
                short_title=Text(h["short_title"]["vi"], h["short_title"]["en"]),
                summary=Text(h["summary"]["vi"], h["summary"]["en"]),
                figures=tuple(h["figures"]),
                headline=tuple(h["headline"]),
                events=tuple(h.get("events", ())),
            )
            for h in document["highlights"]
        ),
        figures=tuple(figure_from_document(f) for f in document["figures"]),
        events=tuple(
            Event(
                id=e["id"],
                label=Text(e["label"]["vi"], e["label"]["en"]),
                date=EventDate(
                    e["date"]["year"],
                    e["date"]["month"],
                    e["date"]["year_inferred"],
                    e["date"].get("day"),
                    e["date"].get("period"),
                ),
                source=_source(e["source"]),
            )
            for e in document.get("events", ())
        ),
    )
