"""Frozen records whose methods are written once: the dataclass decorator's work, without its compilations.

The dataclass decorator compiles an ``__init__``, a ``__setattr__`` and a ``__delattr__`` for
each frozen class (and an ``__eq__``, a ``__hash__`` and a ``__repr__`` unless told not to):
for the twelve classes of a dataset that was about 5 ms of every run's start, almost half of
Python's own, although a question makes records of three or four. ``record`` compiles
nothing: it collects the fields (which Pydantic and ``dataclasses.fields`` read); ``Frozen``
refuses assignment for every class, compares and shows records, and compiles a class's
``__init__`` when its first record is made. Pydantic makes its records without ``__init__``
(it sets their attributes itself).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform


class Frozen:
    """Base of a ``record`` class: frozen, compared and shown as a frozen dataclass is."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The first record of its class made: the class gets the __init__ the dataclass
        # decorator would have written, compiled now (``record``), and every later one calls it.
        cls = self.__class__
        init = _compiled_init(cls)
        cls.__init__ = init  # type: ignore[method-assign]
        init(self, *args, **kwargs)

    if not TYPE_CHECKING:  # mypy knows the classes frozen (``record``), and lets no other name be set

        def __setattr__(self, name: str, value: object) -> None:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

        def __delattr__(self, name: str) -> None:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    # Equality, hash and repr as the dataclass decorator would write them (compare the
    # fields in order, between records of the same class), written once here so that
    # importing the module does not compile three more methods for every class.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _values(self) == _values(other)

    def __hash__(self) -> int:
        return hash(_values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(self))
        return f"{self.__class__.__qualname__}({shown})"


class _Signature:
    """``inspect.signature`` of a record class: its fields, as the dataclass decorator's
    ``__init__`` takes them, before the class's first record compiles that ``__init__``."""

    def __get__(self, instance: object, owner: type[Frozen]) -> Any:
        import inspect

        init = inspect.signature(_compiled_init(owner))
        return init.replace(parameters=list(init.parameters.values())[1:])


Frozen.__signature__ = _Signature()  # type: ignore[attr-defined]

_FrozenClass = TypeVar("_FrozenClass", bound=type[Frozen])


@dataclass_transform(frozen_default=True, eq_default=False)
def record(cls: _FrozenClass) -> _FrozenClass:
    """A record class: a frozen dataclass whose methods are ``Frozen``'s (see the module)."""
    dataclasses.dataclass(init=False, eq=False, repr=False)(cls)  # the class itself, its fields collected
    # Each class its own __init__, compiled from its own fields: a subclass made after its base
    # must not inherit the base's compiled one.
    cls.__init__ = Frozen.__init__  # type: ignore[method-assign]
    return cls


def _compiled_init(cls: type[Frozen]) -> Any:
    """The ``__init__`` the dataclass decorator writes for a frozen class: each field a
    parameter in order (with its default), set past the frozen ``__setattr__``, then
    ``__post_init__`` when the class has one."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    defaults = {field.name: field.default for field in fields if field.default is not dataclasses.MISSING}
    parameters = ", ".join(f"{f.name}=_defaults[{f.name!r}]" if f.name in defaults else f.name for f in fields)
    lines = [f"    _set(self, {field.name!r}, {field.name})" for field in fields]
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_defaults": defaults}
    exec(f"def __init__(self, {parameters}):\n" + "\n".join(lines or ["    pass"]), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{field.name: field.type for field in fields}, "return": None}
    return init


def _names(record: Frozen) -> Iterator[str]:
    """The names of a record's fields, in order."""
    return iter(record.__dataclass_fields__)  # type: ignore[attr-defined]


def _values(record: Frozen) -> tuple[object, ...]:
    """A record's field values, in order: what equality and the hash compare."""
    return tuple([getattr(record, name) for name in _names(record)])
