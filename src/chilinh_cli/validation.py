"""Validation of a parsed data file: Pydantic for the shape, then the rules across records.

This is the only module that imports Pydantic; it is loaded only when a data file
has to be validated (or the JSON Schema printed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .models import Dataset, declare_constraints

_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Problem = tuple[str, str]


@cache
def _adapter() -> TypeAdapter[Dataset]:
    declare_constraints()
    return TypeAdapter(Dataset)


def validate(document: Any) -> tuple[Dataset | None, list[Problem]]:
    """Validate a parsed JSON document; return the dataset, or None and every problem found."""
    try:
        dataset = _adapter().validate_python(document)
    except ValidationError as error:
        return None, _pydantic_problems(error)
    problems = list(cross_record_problems(dataset))
    return (None if problems else dataset), problems


def _pydantic_problems(error: ValidationError) -> list[Problem]:
    problems: dict[str, list[str]] = {}
    for item in error.errors(include_url=False, include_input=False):
        location = list(item["loc"])
        message = item["msg"]
        # A number field is 'int | Decimal': report one problem, not one per branch.
        if location and location[-1] in ("int", "decimal"):
            location.pop()
            message = "Input should be a number"
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        path = format_path(location)
        if message not in problems.setdefault(path, []):
            problems[path].append(message)
    return [(path, message) for path, messages in problems.items() for message in messages]


def format_path(location: list[int | str]) -> str:
    """('figures', 3, 'source', 'quote') -> 'figures[3].source.quote'."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def cross_record_problems(dataset: Dataset) -> Iterator[Problem]:
    """The rules no single field can check: identifiers, references and sources."""
    yield from _name_problems(dataset)
    yield from _reference_problems(dataset)
    yield from _source_problems(dataset)


def _name_problems(dataset: Dataset) -> Iterator[Problem]:
    owner: dict[str, int] = {}
    for index, figure in enumerate(dataset.figures):
        names = [(f"figures[{index}].id", figure.id)]
        names += [(f"figures[{index}].aliases[{n}]", alias) for n, alias in enumerate(figure.aliases)]
        for path, name in names:
            if not _KEBAB.match(name):
                yield path, f"{name!r} is not kebab-case (a-z, 0-9 and single hyphens)"
            elif name in owner and owner[name] != index:
                other = dataset.figures[owner[name]].id
                yield path, f"{name!r} is already the id or an alias of figure {owner[name]} ({other!r})"
            elif name in owner:
                yield path, f"{name!r} is given twice for the same figure"
            else:
                owner[name] = index
    yield from _unique_keys("highlights", "slug", [highlight.slug for highlight in dataset.highlights])
    yield from _unique_keys("events", "id", [event.id for event in dataset.events])
    ranks: set[int] = set()
    for index, highlight in enumerate(dataset.highlights):
        if highlight.rank in ranks:
            yield f"highlights[{index}].rank", f"rank {highlight.rank} is used twice"
        ranks.add(highlight.rank)


def _unique_keys(collection: str, field: str, keys: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if not _KEBAB.match(key):
            yield f"{collection}[{index}].{field}", f"{key!r} is not kebab-case (a-z, 0-9 and single hyphens)"
        elif key in seen:
            yield f"{collection}[{index}].{field}", f"{key!r} is used twice"
        seen.add(key)


def _reference_problems(dataset: Dataset) -> Iterator[Problem]:
    figure_ids = {figure.id for figure in dataset.figures}
    event_ids = {event.id for event in dataset.events}
    figure_home: dict[str, int] = {}
    event_home: dict[str, int] = {}
    for index, highlight in enumerate(dataset.highlights):
        for n, ref in enumerate(highlight.figures):
            if ref not in figure_ids:
                yield f"highlights[{index}].figures[{n}]", f"no figure has the id {ref!r}"
            elif ref in figure_home:
                yield (
                    f"highlights[{index}].figures[{n}]",
                    f"figure {ref!r} already belongs to highlight {figure_home[ref]}",
                )
            else:
                figure_home[ref] = highlight.rank
        for n, ref in enumerate(highlight.headline):
            if ref not in highlight.figures:
                yield f"highlights[{index}].headline[{n}]", f"{ref!r} is not one of this highlight's figures"
        for n, ref in enumerate(highlight.events):
            if ref not in event_ids:
                yield f"highlights[{index}].events[{n}]", f"no event has the id {ref!r}"
            elif ref in event_home:
                yield (
                    f"highlights[{index}].events[{n}]",
                    f"event {ref!r} already belongs to highlight {event_home[ref]}",
                )
            else:
                event_home[ref] = highlight.rank
    for index, figure in enumerate(dataset.figures):
        if figure.id not in figure_home:
            yield f"figures[{index}]", f"figure {figure.id!r} belongs to no highlight"
    for index, event in enumerate(dataset.events):
        if event.id not in event_home:
            yield f"events[{index}]", f"event {event.id!r} belongs to no highlight"
    for index, figure in enumerate(dataset.figures):
        for n, comparison in enumerate(figure.comparisons):
            if comparison.year is not None and comparison.year >= figure.year:
                yield (
                    f"figures[{index}].comparisons[{n}].year",
                    f"a previous-year comparison must be with a year before {figure.year}",
                )


def _source_problems(dataset: Dataset) -> Iterator[Problem]:
    rank_of_figure = {ref: h.rank for h in dataset.highlights for ref in h.figures}
    rank_of_event = {ref: h.rank for h in dataset.highlights for ref in h.events}
    sources: list[tuple[str, int | None, Any]] = []
    for index, figure in enumerate(dataset.figures):
        home = rank_of_figure.get(figure.id)
        sources.append((f"figures[{index}].source", home, figure.source))
        sources += [
            (f"figures[{index}].comparisons[{n}].source", home, c.source) for n, c in enumerate(figure.comparisons)
        ]
    for index, event in enumerate(dataset.events):
        sources.append((f"events[{index}].source", rank_of_event.get(event.id), event.source))
    for path, home, source in sources:
        if home is not None and source.section != home:
            yield f"{path}.section", f"section {source.section} differs from the rank of its highlight ({home})"
        if source.quote != source.quote.strip():
            yield f"{path}.quote", "the quote has leading or trailing white space"
        elif unicodedata.normalize("NFC", source.quote) != source.quote:
            yield f"{path}.quote", "the quote is not NFC-normalised"


class _DataJsonSchema(GenerateJsonSchema):
    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        # The file holds numbers; Decimal is how the loader reads them exactly.
        return {"type": "number"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file, generated from the models."""
    schema = _adapter().json_schema(schema_generator=_DataJsonSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
