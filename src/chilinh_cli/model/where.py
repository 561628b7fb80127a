"""Where an answer comes from in a catalog: the review's file, place and year (``DatasetInfo``)."""

from __future__ import annotations

from typing import NamedTuple


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
    """The English name of the place folded (lower case, no diacritics): how places are told apart."""
    place_key_vi: str
