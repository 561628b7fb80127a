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

from .errors import Reason
from .models import Dataset, RuleError, declare_constraints

_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Problem = tuple[str, Reason]


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
    problems: dict[str, list[Reason]] = {}
    for item in error.errors(include_url=False, include_input=False):
        location = list(item["loc"])
        # A number field is 'int | Decimal': report one problem, not one per branch.
        if location and location[-1] in ("int", "decimal"):
            location.pop()
            reason = _NUMBER
        else:
            reason = _reason(item["type"], item.get("ctx") or {}, item["msg"])
        path = format_path(location)
        if reason not in problems.setdefault(path, []):
            problems[path].append(reason)
    return [(path, reason) for path, reasons in problems.items() for reason in reasons]


_NUMBER = Reason("Input should be a number", "phải là một số")
_FIXED_REASONS = {
    "missing": Reason("Field required", "thiếu trường bắt buộc này"),
    "unexpected_keyword_argument": Reason(
        "Unknown field (the format has no such field)", "trường lạ (định dạng không có trường này)"
    ),
    "int_type": Reason("Input should be a whole number", "phải là một số nguyên"),
    "string_type": Reason("Input should be a string", "phải là một chuỗi"),
    "bool_type": Reason("Input should be true or false", "phải là true hoặc false"),
    "tuple_type": Reason("Input should be a list (a JSON array)", "phải là một danh sách (mảng JSON)"),
    "string_unicode": Reason(
        "Input should be valid Unicode text (no lone surrogate escapes)",
        "phải là văn bản Unicode hợp lệ (không có mã \\uD800-\\uDFFF đứng lẻ)",
    ),
}

# What each record is called in messages (the class names are the code's, not the reader's).
_RECORDS = {
    "Dataset": ("a dataset", "một tập dữ liệu"),
    "Metadata": ("the metadata", "thông tin chung"),
    "Text": ("a text with 'vi' and 'en'", "một văn bản có 'vi' và 'en'"),
    "Source": ("a source", "một nguồn"),
    "Comparison": ("a comparison", "một so sánh"),
    "Figure": ("a figure", "một số liệu"),
    "EventDate": ("a date", "một ngày"),
    "Event": ("an event", "một sự kiện"),
    "Highlight": ("a highlight", "một dấu ấn"),
}

# Errors about a limit: the context key that holds the limit, and the Vietnamese around it.
_LIMITS_VI = {
    "greater_than_equal": ("ge", "phải lớn hơn hoặc bằng {}"),
    "less_than_equal": ("le", "phải nhỏ hơn hoặc bằng {}"),
    "greater_than": ("gt", "phải lớn hơn {}"),
    "less_than": ("lt", "phải nhỏ hơn {}"),
    "string_too_short": ("min_length", "phải có ít nhất {} ký tự"),
    "string_too_long": ("max_length", "chỉ được có nhiều nhất {} ký tự"),
    "too_short": ("min_length", "phải có ít nhất {} phần tử"),
    "too_long": ("max_length", "chỉ được có nhiều nhất {} phần tử"),
}


def _reason(kind: str, context: dict[str, Any], message: str) -> Reason:
    """Pydantic's error, said in English and Vietnamese from its type and context."""
    if kind in _FIXED_REASONS:
        return _FIXED_REASONS[kind]
    if kind == "value_error" and isinstance(context.get("error"), RuleError):
        rule: RuleError = context["error"]
        return Reason(str(rule), rule.vi)
    if kind in ("dataclass_type", "dataclass_exact_type", "model_type", "dict_type"):
        name = str(context.get("class_name", ""))
        en, vi = _RECORDS.get(name, (name, name))
        return Reason(f"Input should be a JSON object ({en})", f"phải là một đối tượng JSON ({vi})")
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        return Reason(f"Input should be {expected}", f"phải là {expected.replace(' or ', ' hoặc ')}")
    if kind in _LIMITS_VI:
        key, words = _LIMITS_VI[kind]
        return Reason(message, words.format(context.get(key)))
    # A type of error the models cannot raise today; say so in Vietnamese, with its code.
    return Reason(message.removeprefix("Value error, "), f"giá trị không hợp lệ (lỗi {kind})")


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
                yield path, _not_kebab(name)
            elif name in owner and owner[name] != index:
                other = dataset.figures[owner[name]].id
                yield (
                    path,
                    Reason(
                        f"{name!r} is already the id or an alias of figure {owner[name]} ({other!r})",
                        f"{name!r} đã là mã hoặc tên khác của số liệu {owner[name]} ({other!r})",
                    ),
                )
            elif name in owner:
                yield (
                    path,
                    Reason(
                        f"{name!r} is given twice for the same figure",
                        f"{name!r} được cho hai lần cho cùng một số liệu",
                    ),
                )
            else:
                owner[name] = index
    yield from _unique_keys("highlights", "slug", [highlight.slug for highlight in dataset.highlights])
    yield from _unique_keys("events", "id", [event.id for event in dataset.events])
    ranks: set[int] = set()
    for index, highlight in enumerate(dataset.highlights):
        if highlight.rank in ranks:
            yield (
                f"highlights[{index}].rank",
                Reason(f"rank {highlight.rank} is used twice", f"thứ tự {highlight.rank} được dùng hai lần"),
            )
        ranks.add(highlight.rank)


def _not_kebab(name: str) -> Reason:
    return Reason(
        f"{name!r} is not kebab-case (a-z, 0-9 and single hyphens)",
        f"{name!r} không đúng dạng mã: chỉ gồm a-z, 0-9 và dấu gạch nối đơn",
    )


def _unique_keys(collection: str, field: str, keys: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if not _KEBAB.match(key):
            yield f"{collection}[{index}].{field}", _not_kebab(key)
        elif key in seen:
            yield f"{collection}[{index}].{field}", Reason(f"{key!r} is used twice", f"{key!r} được dùng hai lần")
        seen.add(key)


def _reference_problems(dataset: Dataset) -> Iterator[Problem]:
    figure_ids = {figure.id for figure in dataset.figures}
    event_ids = {event.id for event in dataset.events}
    figure_home: dict[str, int] = {}
    event_home: dict[str, int] = {}
    for index, highlight in enumerate(dataset.highlights):
        for n, ref in enumerate(highlight.figures):
            if ref not in figure_ids:
                yield (
                    f"highlights[{index}].figures[{n}]",
                    Reason(f"no figure has the id {ref!r}", f"không có số liệu nào có mã {ref!r}"),
                )
            elif ref in figure_home:
                yield (
                    f"highlights[{index}].figures[{n}]",
                    Reason(
                        f"figure {ref!r} already belongs to highlight {figure_home[ref]}",
                        f"số liệu {ref!r} đã thuộc dấu ấn {figure_home[ref]}",
                    ),
                )
            else:
                figure_home[ref] = highlight.rank
        for n, ref in enumerate(highlight.headline):
            if ref not in highlight.figures:
                yield (
                    f"highlights[{index}].headline[{n}]",
                    Reason(
                        f"{ref!r} is not one of this highlight's figures", f"{ref!r} không phải số liệu của dấu ấn này"
                    ),
                )
        for n, ref in enumerate(highlight.events):
            if ref not in event_ids:
                yield (
                    f"highlights[{index}].events[{n}]",
                    Reason(f"no event has the id {ref!r}", f"không có sự kiện nào có mã {ref!r}"),
                )
            elif ref in event_home:
                yield (
                    f"highlights[{index}].events[{n}]",
                    Reason(
                        f"event {ref!r} already belongs to highlight {event_home[ref]}",
                        f"sự kiện {ref!r} đã thuộc dấu ấn {event_home[ref]}",
                    ),
                )
            else:
                event_home[ref] = highlight.rank
    for index, figure in enumerate(dataset.figures):
        if figure.id not in figure_home:
            yield (
                f"figures[{index}]",
                Reason(
                    f"figure {figure.id!r} belongs to no highlight", f"số liệu {figure.id!r} không thuộc dấu ấn nào"
                ),
            )
    for index, event in enumerate(dataset.events):
        if event.id not in event_home:
            yield (
                f"events[{index}]",
                Reason(f"event {event.id!r} belongs to no highlight", f"sự kiện {event.id!r} không thuộc dấu ấn nào"),
            )
    for index, figure in enumerate(dataset.figures):
        for n, comparison in enumerate(figure.comparisons):
            if comparison.year is not None and comparison.year >= figure.year:
                yield (
                    f"figures[{index}].comparisons[{n}].year",
                    Reason(
                        f"a previous-year comparison must be with a year before {figure.year}",
                        f"so sánh với năm trước phải là với một năm trước {figure.year}",
                    ),
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
            yield (
                f"{path}.section",
                Reason(
                    f"section {source.section} differs from the rank of its highlight ({home})",
                    f"mục {source.section} khác thứ tự của dấu ấn chứa nó ({home})",
                ),
            )
        if source.quote != source.quote.strip():
            yield (
                f"{path}.quote",
                Reason("the quote has leading or trailing white space", "trích dẫn có khoảng trắng ở đầu hoặc cuối"),
            )
        elif unicodedata.normalize("NFC", source.quote) != source.quote:
            yield f"{path}.quote", Reason("the quote is not NFC-normalised", "trích dẫn chưa được chuẩn hoá NFC")


class _DataJsonSchema(GenerateJsonSchema):
    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        # The file holds numbers; Decimal is how the loader reads them exactly.
        return {"type": "number"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file, generated from the models."""
    schema = _adapter().json_schema(schema_generator=_DataJsonSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
