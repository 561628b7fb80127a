"""The catalogue of interface text: every entry in both languages, with the same placeholders."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from pathlib import Path

from chilinh_cli.words import click_words, data_messages, messages
from chilinh_cli.words.messages import Msg, same

SOURCE = Path(messages.__file__).parents[1]  # the package: every room's modules


def _entries(value: object, name: str) -> Iterator[tuple[str, Msg]]:
    if isinstance(value, Msg):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _entries(item, f"{name}[{key!r}]")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _entries(item, f"{name}[{index}]")


CATALOGUE = [
    entry
    for module in (messages, data_messages, click_words)
    for attribute, value in vars(module).items()
    if attribute.isupper()
    for entry in _entries(value, f"{module.__name__.rsplit('.', 1)[1]}.{attribute}")
]


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_catalogue_is_found() -> None:
    names = {name for name, _ in CATALOGUE}
    assert {"data_messages.NO_SUCH_FILE", "messages.HEADERS['figure']", "click_words.HELP[0]"} <= names
    assert len(CATALOGUE) > 250


def test_every_entry_has_both_languages_and_the_same_placeholders() -> None:
    empty = [name for name, msg in CATALOGUE if not msg.en.strip() or not msg.vi.strip()]
    assert not empty, f"entries without one of the languages: {empty}"
    # '{_kind}' names a part of Click's English that the Vietnamese leaves out on purpose
    differ = [
        name
        for name, msg in CATALOGUE
        if {field for field in _placeholders(msg.en) if not field.startswith("_")} != _placeholders(msg.vi)
    ]
    assert not differ, f"entries whose placeholders differ between the languages: {differ}"


def test_every_entry_of_ours_is_used() -> None:
    catalogues = ("messages.py", "data_messages.py")
    code = "\n".join(p.read_text(encoding="utf-8") for p in SOURCE.rglob("*.py") if p.name not in catalogues)
    unused = [
        f"{module.__name__}.{attribute}"
        for module in (messages, data_messages)
        for attribute, value in vars(module).items()
        if attribute.isupper() and isinstance(value, Msg | dict | tuple)
        if not re.search(rf"\b{module.__name__.rsplit('.', 1)[1]}\.{attribute}\b", code)
    ]
    assert not unused, f"catalogue entries nothing says: {unused}"


def test_format_puts_each_language_in_its_place() -> None:
    reason = Msg("permission denied", "không có quyền")
    said = data_messages.CANNOT_READ.format(reason=reason)
    assert said == Msg("cannot be read: permission denied", "không đọc được tệp: không có quyền")
    assert said.get("vi") == said.vi
    assert str(said) == said.en
    assert same("x.json") == Msg("x.json", "x.json")
