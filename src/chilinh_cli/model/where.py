"""Where an answer comes from in a catalog: the review's file, place and year (``DatasetInfo``), and a place's key.

A place is identified by its Vietnamese name with its province, folded (case, diacritics and
spacing ignored: ``model.text.fold``), never by its English label: ``place_key``. The name
is the locality's text before its first comma, without the word for its kind ("thanh pho",
"thi xa", "huyen"... folded: a town that became a city stays one place); the province is the
metadata's ``province``, else the locality's text after that comma when it names one
("tinh ..." or "thanh pho ..." folded), else none. Each of the metadata's ``other_names`` (an
earlier name, the name after a reorganisation; optionally with a comma and its province) gives another
key of the same place: reviews under any of them are one place (``answers.catalog``).
"""

from typing import NamedTuple

from .text import fold

# The words for a place's kind (city, town, district, ward, commune, province...), folded:
# stripped from the front of a name or a province.
_KINDS = ("thanh pho", "thi xa", "thi tran", "huyen", "quan", "phuong", "xa", "tinh", "thu do")
_PROVINCE_KINDS = ("tinh", "thanh pho")


def _bare(folded: str) -> str:
    for kind in _KINDS:
        if folded.startswith(kind + " ") and len(folded) > len(kind) + 1:
            return folded[len(kind) + 1 :]
    return folded


def place_parts(name: str, province: str | None = None) -> tuple[str, str]:
    """(folded name, folded province) of a place written ``name`` ("Thanh pho X, tinh Y"),
    its province ``province`` when given, else the one its text names after a comma."""
    head, comma, rest = name.partition(",")
    folded_rest = fold(rest)
    if province is not None:
        found = fold(province)
    elif comma and any(folded_rest.startswith(kind + " ") for kind in _PROVINCE_KINDS):
        found = folded_rest
    else:
        found = ""
    return _bare(fold(head)), _bare(found)


def place_key(name: str, province: str | None = None) -> str:
    """The key of a place: its folded name and folded province, as 'name|province'."""
    bare, found = place_parts(name, province)
    return f"{bare}|{found}"


def other_keys(other_names: tuple[str, ...], province: str | None, locality: str) -> tuple[str, ...]:
    """The keys of a place's other names: each with its own province, else the place's."""
    own = place_parts(locality, province)[1]
    keys = []
    for other in other_names:
        bare, found = place_parts(other)
        keys.append(f"{bare}|{found or own}")
    return tuple(keys)


class DatasetInfo(NamedTuple):
    """What a stored dataset is: its id in the store, file, place and year."""

    id: int
    path: str
    place_vi: str
    place_en: str
    """The English name of the place, or its Vietnamese one when the file gives none."""
    year: int
    published: str | None
    place_key: str
    """The place's key (``place_key``): how places are told apart; in a catalog, the key its
    group of names shares (the first in order of the keys of the reviews under one place)."""
    place_key_vi: str
    """The Vietnamese name of the place folded, as written (for finding it by name)."""
    other_keys: tuple[str, ...] = ()
    """The keys of its other names (``other_keys``)."""
    place_key_en: str = ""
    """Its English name folded ('' when not known: then folded when asked)."""

    @property
    def label(self) -> str:
        """'place year (file)': which review something comes from, for a message."""
        return f"{self.place_en} {self.year} ({self.path})"
