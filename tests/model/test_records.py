"""The records are made, compare, hash and show themselves as the dataclass decorator would."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.model.frozen import record
from chilinh_cli.model.records import Record, Review, RuleError, Source, Text
from chilinh_cli.words.messages import Msg


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


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((), {}),
        ((2,), {}),
        ((2, "so", 1, 2, 3, 4), {}),
        ((2,), {"quote": "so", "chapter": 1}),
        ((2, "so"), {"section": 3}),
    ],
)
def test_a_wrong_call_fails_as_the_decorator_s_init_fails(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    with pytest.raises(TypeError) as ours:
        Source(*args, **kwargs)
    with pytest.raises(TypeError) as theirs:
        GeneratedSource(*args, **kwargs)
    assert str(ours.value) == str(theirs.value).replace("GeneratedSource", "Source")


def test_made_by_position_or_by_name_with_the_defaults() -> None:
    assert Source(2, "so", 1, None, 4) == Source(section=2, quote="so", page=1, row=4)
    assert dataclasses.astuple(Source(2, "so")) == dataclasses.astuple(GeneratedSource(2, "so"))


@record
class _Counted(Record):
    """A class of its own, so that no other test has made any of its records."""

    a: int
    b: str = "b"


def test_a_class_s_first_records_are_bound_and_the_rest_made_by_its_compiled_init() -> None:
    from chilinh_cli.model.frozen import COMPILE_AFTER, Frozen

    made = [_Counted(n) for n in range(COMPILE_AFTER)]
    assert _Counted.__init__ is Frozen.__init__
    assert made[-1] == _Counted(a=COMPILE_AFTER - 1, b="b")  # the COMPILE_AFTER + 1st: compiled now
    assert _Counted.__init__.__qualname__ == "_Counted.__init__"
    assert _Counted(1, "c") == made[1].__class__(a=1, b="c")


def test_records_are_frozen() -> None:
    source = Source(section=2, quote="so")
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.section = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del source.quote
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.chapter = 1  # type: ignore[attr-defined]
    assert source == Source(section=2, quote="so")


def test_a_record_keeps_its_rules_when_made_in_code() -> None:
    with pytest.raises(RuleError) as error:
        Review(status="accepted", at="yesterday")
    assert error.value.field == "at"
    assert Review(status="accepted", at="2026-12-07T12:30:00Z").status == "accepted"


@record
class _Base(Record):
    a: int


@record
class _Child(_Base):
    b: int = 0


def test_a_subclass_made_after_its_base_has_its_own_fields() -> None:
    assert _Base(1).a == 1
    child = _Child(1, 2)
    assert (child.a, child.b) == (1, 2)
    assert _Base(3) != _Child(3)


def test_a_record_class_shows_its_fields_as_its_signature() -> None:
    import inspect

    def shape(cls: type) -> list[tuple[str, object]]:
        return [(each.name, each.default) for each in inspect.signature(cls).parameters.values()]

    assert shape(Source) == shape(GeneratedSource)
    assert inspect.signature(Source).parameters["quote"].annotation == "NonEmptyStr"
    assert str(inspect.signature(_Child)) == "(a: 'int', b: 'int' = 0) -> None"


@record
class _Checked(Record):
    first: int
    second: str
    third: int | None = None
    fourth: str = "4"

    def __post_init__(self) -> None:
        if self.first < 0:
            raise RuleError(Msg("negative", "âm"), "first")


_NAMES = ("first", "second", "third", "fourth", "fifth")


def _outcome(make: Any, args: tuple[int, ...], keywords: dict[str, int]) -> tuple[str, object]:
    record: Any = object.__new__(_Checked)
    try:
        result = make(record, args, keywords)
    except TypeError:
        return "refused", vars(record)
    except RuleError as error:
        return "broken", (error.field, error.said)
    return ("refused", vars(record)) if result is False else ("made", record)


@given(
    args=st.lists(st.integers(min_value=-2, max_value=9), max_size=5).map(tuple),
    keywords=st.dictionaries(st.sampled_from(_NAMES), st.integers(min_value=-2, max_value=9), max_size=5),
)
def test_binding_a_call_does_what_the_compiled_init_does(args: tuple[int, ...], keywords: dict[str, int]) -> None:
    """Binding refuses (setting nothing) every call the compiled ``__init__`` refuses, and makes
    the same record of every other: ``Frozen`` gives a refused call to the compiled one."""
    from chilinh_cli.model.frozen import _compiled_init, _layout

    init = _compiled_init(_Checked)
    compiled = _outcome(lambda record, a, k: init(record, *a, **k), args, keywords)
    bound = _outcome(_layout(_Checked).bind, args, keywords)
    if compiled[0] == "refused":
        assert bound == ("refused", {})
    else:
        assert bound == compiled
