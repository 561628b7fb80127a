"""The records compare, hash and show themselves as the dataclass decorator would."""

from __future__ import annotations

import dataclasses

from chilinh_cli.model.records import Source, Text


@dataclasses.dataclass(frozen=True)
class GeneratedSource:
    """The same fields as Source, with the decorator's own methods, to compare against."""

    section: int
    quote: str
    page: int | None = None
    paragraph: int | None = None
    row: int | None = None


def test_equal_records_are_equal_and_hash_alike() -> None:
    one, same = Source(section=2, quote="so"), Source(section=2, quote="so")
    assert one == same
    assert hash(one) == hash(same) == hash((2, "so", None, None, None))
    assert one != Source(section=2, quote="so", page=3)
    assert {one, same} == {one}


def test_records_of_other_classes_are_never_equal() -> None:
    source = Source(section=2, quote="so")
    generated = GeneratedSource(section=2, quote="so")
    assert source.__eq__(generated) is NotImplemented
    assert source != generated
    assert Text(vi="a", en="b") != ("a", "b")


def test_repr_is_the_dataclass_repr() -> None:
    source = Source(section=2, quote="'so'", row=4)
    generated = GeneratedSource(section=2, quote="'so'", row=4)
    assert repr(source) == repr(generated).replace("GeneratedSource", "Source")
    assert repr(Text(vi="a", en="b")) == "Text(vi='a', en='b')"
    assert dataclasses.replace(source, row=None) == Source(section=2, quote="'so'")
