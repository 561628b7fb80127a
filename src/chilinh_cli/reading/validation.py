"""Validation of a parsed data file: Pydantic for the shape, then the rules across records.

This is the only module that imports Pydantic; it is loaded only when a data file
has to be validated (or the JSON Schema printed).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..model.errors import Problem
from ..model.records import Dataset, RuleError, Source, declare_constraints, event_homes, figure_homes
from ..model.text import slug_pattern
from ..words import data_messages
from ..words.messages import Msg

Found = tuple[str, Msg]
"""A problem as a rule finds it: the field path and the reason (a ``Problem`` once returned)."""


@cache
def _adapter() -> TypeAdapter[Dataset]:
    declare_constraints()
    return TypeAdapter(Dataset)


def validate(document: Any) -> tuple[Dataset | None, list[Problem]]:
    """Validate a parsed JSON document; return the dataset, or None and every problem found."""
    try:
        dataset = _adapter().validate_python(document)
    except ValidationError as error:
        found = [*_pydantic_problems(error), *(_review_problems(document) if isinstance(document, dict) else ())]
        return None, [Problem(*each) for each in found]
    problems = [Problem(*found) for found in (*_review_problems(document), *cross_record_problems(dataset))]
    return (None if problems else dataset), problems


def _review_problems(document: Any) -> Iterator[Found]:
    """A record that says ``checked: true`` and a drafted ``review`` disagrees (the records can
    not tell a ``checked`` given from its default; the other way round they say it)."""
    places = [("metadata", document.get("metadata"))]
    for collection in ("highlights", "figures", "events"):
        records = document.get(collection)
        if isinstance(records, (list, tuple)):  # a broken file's other shapes are Pydantic's to explain
            places += [(f"{collection}[{n}]", record) for n, record in enumerate(records)]
    for path, record in places:
        if not isinstance(record, dict) or record.get("checked") is not True:
            continue
        review = record.get("review")
        if isinstance(review, dict) and review.get("status") == "drafted":
            yield f"{path}.review", data_messages.REVIEW_CHECKED_DRAFTED


def _pydantic_problems(error: ValidationError) -> list[Found]:
    problems: dict[str, list[Msg]] = {}
    for item in error.errors(include_url=False, include_input=False):
        location = list(item["loc"])
        # A number field is 'int | Decimal': report one problem, not one per branch.
        if location and location[-1] in ("int", "decimal"):
            location.pop()
            reason = data_messages.PYDANTIC_TYPES["number"]
        else:
            context = item.get("ctx") or {}
            reason = _reason(item["type"], context, item["msg"])
            rule = context.get("error")
            if isinstance(rule, RuleError) and rule.field is not None:
                location.append(rule.field)  # the record's rule is about one of its fields
        path = format_path(location)
        if reason not in problems.setdefault(path, []):
            problems[path].append(reason)
    return [(path, reason) for path, reasons in problems.items() for reason in reasons]


def _reason(kind: str, context: dict[str, Any], message: str) -> Msg:
    """Pydantic's error, said in English and Vietnamese from its type and context."""
    if kind in data_messages.PYDANTIC_TYPES:
        return data_messages.PYDANTIC_TYPES[kind]
    if kind == "value_error" and isinstance(context.get("error"), RuleError):
        rule: RuleError = context["error"]
        return rule.said
    if kind in ("dataclass_type", "dataclass_exact_type", "model_type", "dict_type"):
        name = str(context.get("class_name", ""))
        return data_messages.NOT_A_RECORD.format(record=data_messages.RECORDS.get(name, Msg(name, name)))
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        return data_messages.NOT_ONE_OF.format(
            expected=Msg(expected, expected.replace(data_messages.OR.en, data_messages.OR.vi))
        )
    if kind in data_messages.PYDANTIC_LIMITS:
        key, words = data_messages.PYDANTIC_LIMITS[kind]
        return Msg(message, words.vi.format(context.get(key)))
    # A type of error the models cannot raise today; say so in Vietnamese, with its code.
    return Msg(message.removeprefix("Value error, "), data_messages.PYDANTIC_OTHER.vi.format(kind=kind))


def format_path(location: list[int | str]) -> str:
    """('figures', 3, 'source', 'quote') -> 'figures[3].source.quote'."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def cross_record_problems(dataset: Dataset) -> Iterator[Found]:
    """The rules no single field can check: identifiers, references and sources."""
    yield from _name_problems(dataset)
    yield from _reference_problems(dataset)
    yield from _source_problems(dataset)


def _name_problems(dataset: Dataset) -> Iterator[Found]:
    yield from _figure_name_problems(dataset)
    yield from _unique_keys("highlights", "slug", [highlight.slug for highlight in dataset.highlights])
    yield from _unique_keys("events", "id", [event.id for event in dataset.events])
    ranks: set[int] = set()
    for index, highlight in enumerate(dataset.highlights):
        if highlight.rank in ranks:
            yield f"highlights[{index}].rank", data_messages.RANK_TWICE.format(rank=highlight.rank)
        ranks.add(highlight.rank)


def _figure_name_problems(dataset: Dataset) -> Iterator[Found]:
    """Every figure id and alias in kebab case, and each a name of one figure only."""
    kebab = slug_pattern().fullmatch  # not match with '$', which lets a last newline through
    names = [name for figure in dataset.figures for name in (figure.id, *figure.aliases)]
    if all(map(kebab, names)) and len(set(names)) == len(names):
        return  # a province's file has 165,000 good names: looked at one by one only when one is not
    owner: dict[str, int] = {}
    for index, figure in enumerate(dataset.figures):
        for n, name in enumerate((figure.id, *figure.aliases)):
            if kebab(name) and name not in owner:
                owner[name] = index
                continue
            path = f"figures[{index}].id" if n == 0 else f"figures[{index}].aliases[{n - 1}]"
            if not kebab(name):
                yield path, _not_kebab(name)
            elif owner[name] != index:
                other = dataset.figures[owner[name]].id
                yield path, data_messages.NAME_TAKEN.format(name=repr(name), index=owner[name], other=repr(other))
            else:
                yield path, data_messages.NAME_TWICE.format(name=repr(name))


def _not_kebab(name: str) -> Msg:
    return data_messages.NOT_KEBAB.format(name=repr(name))


def _unique_keys(collection: str, field: str, keys: list[str]) -> Iterator[Found]:
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if not slug_pattern().fullmatch(key):
            yield f"{collection}[{index}].{field}", _not_kebab(key)
        elif key in seen:
            yield f"{collection}[{index}].{field}", data_messages.KEY_TWICE.format(key=repr(key))
        seen.add(key)


def _reference_problems(dataset: Dataset) -> Iterator[Found]:
    figure_ids = {figure.id for figure in dataset.figures}
    event_ids = {event.id for event in dataset.events}
    figure_home: dict[str, int] = {}
    event_home: dict[str, int] = {}
    for index, highlight in enumerate(dataset.highlights):
        refs = highlight.figures
        if figure_ids.issuperset(refs) and figure_home.keys().isdisjoint(refs) and len(set(refs)) == len(refs):
            figure_home.update(dict.fromkeys(refs, highlight.rank))  # a province's 100,000: no ref to look at alone
            refs = ()
        for n, ref in enumerate(refs):
            if ref not in figure_ids:
                yield f"highlights[{index}].figures[{n}]", data_messages.NO_FIGURE_ID.format(ref=repr(ref))
            elif ref in figure_home:
                yield (
                    f"highlights[{index}].figures[{n}]",
                    data_messages.FIGURE_HOMED.format(ref=repr(ref), rank=figure_home[ref]),
                )
            else:
                figure_home[ref] = highlight.rank
        for n, ref in enumerate(highlight.headline):
            if ref not in highlight.figures:
                yield f"highlights[{index}].headline[{n}]", data_messages.NOT_HIGHLIGHT_FIGURE.format(ref=repr(ref))
        for n, ref in enumerate(highlight.events):
            if ref not in event_ids:
                yield f"highlights[{index}].events[{n}]", data_messages.NO_EVENT_ID.format(ref=repr(ref))
            elif ref in event_home:
                yield (
                    f"highlights[{index}].events[{n}]",
                    data_messages.EVENT_HOMED.format(ref=repr(ref), rank=event_home[ref]),
                )
            else:
                event_home[ref] = highlight.rank
    if not figure_ids.issubset(figure_home):
        for index, figure in enumerate(dataset.figures):
            if figure.id not in figure_home:
                yield f"figures[{index}]", data_messages.FIGURE_HOMELESS.format(id=repr(figure.id))
    for index, event in enumerate(dataset.events):
        if event.id not in event_home:
            yield f"events[{index}]", data_messages.EVENT_HOMELESS.format(id=repr(event.id))
    for index, figure in enumerate(dataset.figures):
        for n, comparison in enumerate(figure.comparisons):
            if comparison.year is not None and comparison.year >= figure.year:
                yield f"figures[{index}].comparisons[{n}].year", data_messages.YEAR_NOT_BEFORE.format(year=figure.year)


def _source_problems(dataset: Dataset) -> Iterator[Found]:
    rank_of_figure = figure_homes(dataset)
    rank_of_event = event_homes(dataset)
    for index, figure in enumerate(dataset.figures):
        home = rank_of_figure.get(figure.id)
        yield from _problems_of_source(figure.source, home, "figures[{}].source", index)
        for n, comparison in enumerate(figure.comparisons):
            yield from _problems_of_source(comparison.source, home, "figures[{}].comparisons[{}].source", index, n)
    for index, event in enumerate(dataset.events):
        yield from _problems_of_source(event.source, rank_of_event.get(event.id), "events[{}].source", index)


def _problems_of_source(source: Source, home: int | None, path: str, *indexes: int) -> Iterator[Found]:
    """A source's problems, at ``path`` filled with ``indexes`` (written only for a source that
    has a problem: a province's file has 100,000 good ones)."""
    quote = source.quote
    if (home is None or source.section == home) and quote == quote.strip() and unicodedata.is_normalized("NFC", quote):
        return
    at = path.format(*indexes)
    if home is not None and source.section != home:
        yield f"{at}.section", data_messages.SECTION_NOT_RANK.format(section=source.section, rank=home)
    if quote != quote.strip():
        yield f"{at}.quote", data_messages.QUOTE_SPACE
    elif not unicodedata.is_normalized("NFC", quote):
        yield f"{at}.quote", data_messages.QUOTE_NOT_NFC


class _DataJsonSchema(GenerateJsonSchema):
    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        # The file holds numbers; Decimal is how the loader reads them exactly.
        return {"type": "number"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file, generated from the models."""
    schema = _adapter().json_schema(schema_generator=_DataJsonSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
