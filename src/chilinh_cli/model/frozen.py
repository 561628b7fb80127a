"""Frozen records whose methods are written once: the dataclass decorator's work, without its compilations.

The dataclass decorator compiles an ``__init__``, a ``__setattr__`` and a ``__delattr__`` for
each frozen class (and an ``__eq__``, a ``__hash__`` and a ``__repr__`` unless told not to):
for the twelve classes of a dataset that was about 5 ms of every run's start, almost half of
Python's own, although a question makes records of three or four. ``record`` compiles
nothing: it collects the fields (which Pydantic and ``dataclasses.fields`` read); ``Frozen``
refuses assignment for every class, compares and shows records, and binds the fields of a
class's first records itself, compiling the class's ``__init__`` only once it has made
``COMPILE_AFTER`` of them. Pydantic makes its records without ``__init__`` (it sets their
attributes itself).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform


class Frozen:
    """Base of a ``record`` class: frozen, compared and shown as a frozen dataclass is."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # A class's first COMPILE_AFTER records are made by binding their fields here; from
        # the next one on (or at a call that binding cannot take), the class gets the
        # __init__ the dataclass decorator would have written, compiled now (``record``), and
        # every later record calls it. A question makes a few dozen records of a class, and
        # compiling costs as much as binding some fifty (0.9 ms for ``list``'s nine classes);
        # a large file makes hundreds of thousands, which the compiled one makes faster.
        cls = self.__class__
        fields = _layout(cls)
        if fields.made < COMPILE_AFTER and fields.bind(self, args, kwargs):
            fields.made += 1
            return
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
    ``__init__`` takes them, whether or not that ``__init__`` is compiled yet."""

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


COMPILE_AFTER = 64
"""How many records of a class are made by binding before its ``__init__`` is compiled."""


class _Layout:
    """A record class's fields as its ``__init__`` takes them, and how many records it made."""

    __slots__ = ("defaults", "made", "names", "positions", "post_init")

    def __init__(self, cls: type[Frozen]) -> None:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        self.names = tuple(field.name for field in fields)
        self.positions = {name: n for n, name in enumerate(self.names)}
        self.defaults = {field.name: field.default for field in fields if field.default is not dataclasses.MISSING}
        self.post_init = hasattr(cls, "__post_init__")
        self.made = 0

    def bind(self, record: Frozen, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        """Set the fields of ``record`` from a call, as the compiled ``__init__`` would; False,
        with nothing set, for a call it would refuse (it then refuses it, in its own words)."""
        names, given = self.names, len(args)
        if given > len(names):
            return False
        for name in kwargs:
            if self.positions.get(name, -1) < given:  # unknown, or given by position too
                return False
        rest = names[given:]
        defaults = self.defaults
        if len(kwargs) < len(rest) and any(name not in kwargs and name not in defaults for name in rest):
            return False  # a field without a default not given
        assign = object.__setattr__
        for name, value in zip(names, args, strict=False):
            assign(record, name, value)
        for name in rest:
            assign(record, name, kwargs[name] if name in kwargs else defaults[name])
        if self.post_init:
            record.__post_init__()  # type: ignore[attr-defined]
        return True


_LAYOUTS: dict[type, _Layout] = {}


def _layout(cls: type[Frozen]) -> _Layout:
    found = _LAYOUTS.get(cls)
    if found is None:
        found = _LAYOUTS[cls] = _Layout(cls)
    return found


def _compiled_init(cls: type[Frozen]) -> Any:
    """The ``__init__`` the dataclass decorator writes for a frozen class: each field a
    parameter in order (with its default), set past the frozen ``__setattr__``, then
    ``__post_init__`` when the class has one."""
    layout = _layout(cls)
    names, defaults = layout.names, layout.defaults
    parameters = ", ".join(f"{name}=_defaults[{name!r}]" if name in defaults else name for name in names)
    lines = [f"    _set(self, {name!r}, {name})" for name in names]
    if layout.post_init:
        lines.append("    self.__post_init__()")
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_defaults": defaults}
    exec(f"def __init__(self, {parameters}):\n" + "\n".join(lines or ["    pass"]), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    init.__annotations__ = {**{field.name: field.type for field in fields}, "return": None}
    return init


def _names(record: Frozen) -> Iterator[str]:
    """The names of a record's fields, in order."""
    return iter(record.__dataclass_fields__)  # type: ignore[attr-defined]


def _values(record: Frozen) -> tuple[object, ...]:
    """A record's field values, in order: what equality and the hash compare."""
    return tuple([getattr(record, name) for name in _names(record)])
