"""Links a draft's figures to last year's review: which earlier figure each one measures again.

A drafted figure and a figure of the previous review measure the same thing when their units
are of one kind (money, percentages, counts, days, a measured amount of one noun) and their
words agree: the words of the label, the quote and the clause around the quote (weighed by how
rare each word is among the previous review's figures, single syllables and pairs of them), the
previous figure's aliases written in the draft's words, and the section titles; a word and
its opposite ('thu' and 'chi': revenue and spending) halve the score. Each pair that
scores well enough is a candidate; the best pairs are taken first, and neither figure of a
pair taken is taken again, so no two drafted figures get one id. A linked figure gets the
previous figure's id, aliases and both labels, and says where they came from in ``link``
until a person accepts it; the other figures keep their fresh ids.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple, cast

from ..model.records import Dataset, Figure
from ..model.text import fold
from .drafted import Document, Text
from .drafted import Figure as Drafted

THRESHOLD = 0.34
"""The score a pair needs to be linked at all (0 to about 1.3)."""

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.;!?\n]")
_STOP = frozenset(
    [
        "dat",
        "nam",
        "ty",
        "trieu",
        "dong",
        "nghin",
        "van",
        "hon",
        "gan",
        "khoang",
        "tren",
        "duoi",
        "duoc",
        "cho",
        "va",
        "cua",
        "co",
        "la",
        "voi",
        "so",
        "cac",
        "nhung",
        "the",
        "uoc",
        "tang",
        "giam",
        "bang",
        "con",
        "den",
        "nay",
        "qua",
        "da",
    ]
)
"""Words (folded) that say how much or when, never what is measured."""
_OPPOSITES = (("thu", "chi"), ("xu\u1ea5t", "nh\u1eadp"))
"""Words (as written, lower case) that turn a measure into its opposite: revenue and spending
('thu' and 'chi' ngan sach), export and import."""
OPPOSED = 0.5
"""What a pair's score is multiplied by when one says a word and the other its opposite."""


def _opposed(one: set[str], other: set[str]) -> bool:
    return any(
        (a in one and b in other and a not in other and b not in one)
        or (b in one and a in other and b not in other and a not in one)
        for a, b in _OPPOSITES
    )


class Link(NamedTuple):
    """One drafted figure (by its index in the draft) linked to a previous figure, with its score."""

    at: int
    """The figure's index in the draft's figures."""
    previous: Figure
    score: float


def unit_kind(unit: str, noun: str | None) -> str:
    """What a unit measures, for linking: counts and shares alike, a quantity by its noun."""
    if unit in ("count", "share"):
        return "count"
    if unit == "quantity":
        return f"quantity:{fold(noun or '')}"
    return unit


def _words(text: str, place: frozenset[str]) -> list[str]:
    found = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return [word for word in found if word not in place and fold(word) not in _STOP]


def _bag(pieces: Iterable[tuple[str, float]], place: frozenset[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Single words and pairs of neighbouring words, each weighed by the piece it is in."""
    single: dict[str, float] = {}
    pairs: dict[str, float] = {}
    for text, weight in pieces:
        words = _words(text, place)
        for word in set(words):
            single[word] = max(single.get(word, 0.0), weight)
        for pair in {f"{a} {b}" for a, b in itertools.pairwise(words)}:
            pairs[pair] = max(pairs.get(pair, 0.0), weight)
    return single, pairs


def _cosine(a: dict[str, float], b: dict[str, float], idf: dict[str, float], default: float) -> float:
    shared = sum(a[t] * b[t] * idf.get(t, default) ** 2 for t in a.keys() & b.keys())
    if not shared:
        return 0.0
    norm_a = math.sqrt(sum((w * idf.get(t, default)) ** 2 for t, w in a.items()))
    norm_b = math.sqrt(sum((w * idf.get(t, default)) ** 2 for t, w in b.items()))
    return shared / (norm_a * norm_b)


def clause(text: str, quote: str) -> str:
    """The clause of ``text`` around ``quote`` (between stops or semicolons), or the quote."""
    at = text.find(quote)
    if at < 0:
        return quote
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    end_match = _CLAUSE_END.search(text, at + len(quote))
    return text[start : end_match.start() if end_match else len(text)]


class _Side(NamedTuple):
    kind: str
    single: dict[str, float]
    pairs: dict[str, float]
    section: dict[str, float]


def _place_words(*names: str) -> frozenset[str]:
    return frozenset(word for name in names for word in _WORD.findall(unicodedata.normalize("NFC", name).lower()))


def suggest(document: Document, previous: Dataset, text: str) -> list[Link]:
    """The links of the draft ``document`` (drafted from ``text``) to ``previous``: one-to-one,
    best score first, each at least ``THRESHOLD``."""
    place = _place_words(document["metadata"]["locality"]["vi"], previous.metadata.locality.vi)
    old_titles = {h.rank: h.title.vi for h in previous.highlights}
    old_rank = {ref: h.rank for h in previous.highlights for ref in h.figures}
    new_titles = {h["rank"]: h["title"]["vi"] for h in document["highlights"]}
    olds: list[tuple[Figure, _Side]] = []
    said: dict[str, set[str]] = {}
    for figure in previous.figures:
        single, pairs = _bag([(figure.label.vi, 1.0), (figure.source.quote, 0.8)], place)
        said[figure.id] = set(_words(f"{figure.label.vi} {figure.source.quote}", place))
        section, _ = _bag([(old_titles.get(old_rank.get(figure.id, 0), ""), 1.0)], place)
        noun = figure.noun.vi if figure.noun else None
        olds.append((figure, _Side(unit_kind(figure.unit, noun), single, pairs, section)))
    documents = len(olds) or 1
    df_single: Counter[str] = Counter(t for _, side in olds for t in side.single)
    df_pairs: Counter[str] = Counter(t for _, side in olds for t in side.pairs)
    idf = {t: math.log(1 + documents / n) for t, n in {**df_single, **df_pairs}.items()}
    rare = math.log(1 + documents)
    candidates: list[Link] = []
    for index, drafted in enumerate(document["figures"]):
        quote = drafted["source"]["quote"]
        around = clause(text, quote)
        single, pairs = _bag([(drafted["label"]["vi"], 1.0), (quote, 1.0), (around, 0.5)], place)
        section, _ = _bag([(new_titles.get(drafted["source"]["section"], ""), 1.0)], place)
        noun = drafted["noun"]["vi"] if "noun" in drafted else None
        own = set(_words(f"{drafted['label']['vi']} {quote}", place))
        folded = " " + " ".join(fold(w) for w in _words(f"{drafted['label']['vi']} {quote}", place)) + " "
        for figure, side in olds:
            if side.kind != unit_kind(drafted["unit"], noun) or figure.target != drafted.get("target", False):
                continue
            score = 0.5 * _cosine(single, side.single, idf, rare) + 0.5 * _cosine(pairs, side.pairs, idf, rare)
            if any(f" {alias.replace('-', ' ')} " in folded for alias in figure.aliases if "-" in alias):
                score += 0.25  # a name given to last year's figure, in this figure's own words
            score += 0.1 * _cosine(section, side.section, idf, rare)
            if _opposed(own, said[figure.id]):
                score *= OPPOSED
            if score >= THRESHOLD:
                candidates.append(Link(index, figure, score))
    taken_new: set[int] = set()
    taken_old: set[str] = set()
    links: list[Link] = []
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.at, c.previous.id)):
        if candidate.at in taken_new or candidate.previous.id in taken_old:
            continue
        taken_new.add(candidate.at)
        taken_old.add(candidate.previous.id)
        links.append(candidate)
    return sorted(links, key=lambda link: link.at)


def apply(document: Document, links: list[Link], file: str) -> None:
    """Each linked figure of ``document`` with its previous figure's id, aliases and labels, and
    ``link`` naming ``file`` and that id; highlights follow the new ids. An alias that another
    figure of the draft is already called is left out, so every name stays one figure's."""
    figures = document["figures"]
    renamed: dict[str, str] = {}
    linked = {link.at for link in links}
    keep = {f["id"] for i, f in enumerate(figures) if i not in linked}
    for link in links:
        keep.add(link.previous.id)
    for link in links:
        figure = figures[link.at]
        old = link.previous
        new_id = old.id
        if new_id in {f["id"] for i, f in enumerate(figures) if i not in linked}:
            # an unlinked figure drafted under that very id gives it up: it keeps a fresh one
            for i, other in enumerate(figures):
                if i not in linked and other["id"] == new_id:
                    other["id"] = _fresh(f"{new_id}-new", keep)
                    renamed[new_id] = other["id"]
        renamed_from = figure["id"]
        aliases = [alias for alias in old.aliases if alias not in keep]
        label: Text = {"vi": old.label.vi}
        if old.label.en is not None:
            label["en"] = old.label.en
        updated: dict[str, object] = {}  # the figure's fields in its order, aliases after its id
        for key, value in figure.items():
            if key == "id":
                updated["id"] = new_id
                if aliases:
                    updated["aliases"] = aliases
            elif key == "label":
                updated["label"] = label
            elif key != "aliases":
                updated[key] = value
        updated["link"] = {"file": file, "id": old.id}
        figures[link.at] = cast(Drafted, updated)  # each field as typed above, or the figure's own
        renamed[renamed_from] = new_id
    for highlight in document["highlights"]:
        for field in ("figures", "headline"):
            highlight[field] = [renamed.get(ref, ref) for ref in highlight[field]]


def _fresh(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _place_key(locality: str) -> str:
    return fold(locality.split(",")[0]).strip()


def previous_review(given: Path, locality: str, year: int) -> tuple[Dataset, Path] | None:
    """The dataset to link to: the file ``given``, or in the catalog folder ``given`` the same
    place's latest review before ``year`` (None when it holds none). Files of the folder that
    are not datasets are passed over; a file given by name is read as the error it may be."""
    from ..model.errors import DataFileError
    from ..reading.loader import read_dataset

    if not given.is_dir():
        return read_dataset(given), given
    best: tuple[Dataset, Path] | None = None
    for path in sorted(given.rglob("*.json")):
        try:
            dataset = read_dataset(path)
        except DataFileError:
            continue
        meta = dataset.metadata
        if _place_key(meta.locality.vi) != _place_key(locality) or meta.year >= year:
            continue
        if best is None or meta.year > best[0].metadata.year:
            best = dataset, path
    return best
