"""The tool's own error types: every failure a user can cause is one of these.

Each error keeps its facts and says itself through a catalogue message (``said``), in
the language asked for (``message(lang)``); its ``str`` is the English.
"""

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..words import messages
from ..words.language import Lang
from ..words.messages import Msg, same

_PART = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


class Problem(NamedTuple):
    """What is wrong in a data file, and where: a field path, as people read it, and the reason."""

    field: str
    """'figures[3].source.quote'; empty for the file as a whole."""
    reason: Msg

    @property
    def location(self) -> tuple[str | int, ...]:
        """The field path as data: ('figures', 3, 'source', 'quote'), for code that mends a
        document (the draft leaves out the records the format refuses)."""
        return tuple(int(index) if index else name for index, name in _PART.findall(self.field))


class ChilinhError(Exception):
    """A request that could not be answered; the CLI prints it and exits with ``exit_code``."""

    exit_code = 1

    def __init__(self, said: Msg) -> None:
        self.said = said
        super().__init__(said.en)

    def message(self, lang: Lang = "en") -> str:
        return self.said.get(lang)

    def looked_at(self, place: str, year: int, file: str) -> "ChilinhError":
        """The error, saying which review (place, year, file) it looked at."""
        self.said = messages.LOOKED_AT.format(said=self.said, place=place, year=year, file=file)
        self.args = (self.said.en,)
        return self

    def looked_in(self, reviews: Sequence[str]) -> "ChilinhError":
        """The error, saying which reviews it looked in (the first few of many)."""
        shown = "; ".join(reviews[:3]) + ("; ..." if len(reviews) > 3 else "")
        self.said = messages.LOOKED_IN.format(said=self.said, count=len(reviews), reviews=shown)
        self.args = (self.said.en,)
        return self


def os_reason(error: OSError) -> Msg:
    """What the operating system said: its own English words, and their Vietnamese."""
    import errno

    english = error.strerror or str(error)
    vietnamese = {
        errno.ENOENT: messages.OS_ENOENT,
        errno.EACCES: messages.OS_EACCES,
        errno.EPERM: messages.OS_EACCES,
        errno.ENOSPC: messages.OS_ENOSPC,
        errno.EROFS: messages.OS_EROFS,
        errno.EISDIR: messages.OS_EISDIR,
        errno.ENOTDIR: messages.OS_ENOTDIR,
        errno.ENAMETOOLONG: messages.OS_ENAMETOOLONG,
        errno.EDQUOT: messages.OS_EDQUOT,
        errno.EIO: messages.OS_EIO,
    }.get(error.errno or 0, messages.OS_OTHER.format(number=error.errno))
    return Msg(english, vietnamese.vi)


def quoted(text: str) -> str:
    """``text`` in quotes as Python writes it (control characters escaped), with bytes that
    were not UTF-8 on the command line (lone surrogates) shown as U+FFFD."""
    from .text import clip

    return repr("".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in clip(text)))


SHOWN_PROBLEMS = 50
"""A file's problems listed in a message before one line counts the rest."""


class DataFileError(ChilinhError):
    """A data file that cannot be used: missing, unreadable, not JSON or invalid."""

    def __init__(self, path: str, problems: Sequence[tuple[str, Msg]]) -> None:
        self.path = path
        self.problems = tuple(Problem(*problem) for problem in problems)
        super().__init__(self._said())

    def _said(self) -> Msg:
        if len(self.problems) == 1 and not self.problems[0][0]:
            return messages.FILE_PROBLEM.format(path=self.path, reason=self.problems[0][1])
        return self.listed(SHOWN_PROBLEMS)

    def listed(self, most: int | None = None) -> Msg:
        """The file and its problems, one a line: the first ``most`` and a line counting the
        rest (a file may hold 100,000 problems), or every one for None (``validate --all``)."""
        from .text import clip

        count = len(self.problems)
        lines = [
            (messages.INVALID_DATASET_ONE if count == 1 else messages.INVALID_DATASET).format(
                path=self.path, count=count
            )
        ]
        shown = self.problems if most is None else self.problems[:most]
        lines += [
            messages.FIELD_PROBLEM.format(
                field=clip(field) or messages.WHOLE_FILE, reason=Msg(clip(reason.en, 400), clip(reason.vi, 400))
            )
            for field, reason in shown
        ]
        if len(shown) < count:
            lines.append(messages.MORE_PROBLEMS.format(count=count - len(shown)))
        return Msg("\n".join(line.en for line in lines), "\n".join(line.vi for line in lines))


class ExportError(ChilinhError):
    """A file that would replace another, or could not be written."""


class NoMatchError(ChilinhError):
    """A question with no answer in the data: no such figure or highlight, no comparison with
    that year, no search hit. A script asking for JSON or CSV still gets an (empty) document."""


class UnknownFigureError(NoMatchError):
    """No figure answers to the name the user gave."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        guess = messages.DID_YOU_MEAN.format(names=", ".join(self.suggestions)) if self.suggestions else same("")
        super().__init__(messages.NO_SUCH_FIGURE.format(name=quoted(name), guess=guess))


class AmbiguousFigureError(NoMatchError):
    """The name the user gave matches several figures."""

    def __init__(self, name: str, candidates: Sequence[str], total: int | None = None) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        self.total = len(self.candidates) if total is None else total
        more = self.total - len(self.candidates)
        listed = (
            messages.AND_MORE.format(listed=", ".join(self.candidates), more=more)
            if more > 0
            else same(", ".join(self.candidates))
        )
        super().__init__(messages.AMBIGUOUS_FIGURE.format(name=quoted(name), listed=listed))


class NoComparisonError(NoMatchError):
    """The dataset has no comparison with the year the user asked for."""

    def __init__(self, year: int, available: Sequence[int]) -> None:
        self.year = year
        self.available = tuple(available)
        years = same(", ".join(str(y) for y in self.available)) if self.available else messages.NONE
        super().__init__(messages.NO_COMPARISON.format(year=year, years=years))


class UnknownHighlightError(NoMatchError):
    """No highlight has the rank or slug the user gave."""

    def __init__(self, key: str, suggestions: Sequence[str], count: int) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        self.count = count
        guess = messages.DID_YOU_MEAN.format(names=", ".join(self.suggestions)) if self.suggestions else same("")
        super().__init__(messages.NO_SUCH_HIGHLIGHT.format(key=quoted(key), count=count, guess=guess))


class NothingFoundError(NoMatchError):
    """A search that matched nothing."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(messages.NOTHING_FOUND.format(text=quoted(text)))


class DuplicateDatasetError(ChilinhError):
    """Two files of a catalog are the same place in the same year."""

    def __init__(self, place: str, year: int, first: str, second: str) -> None:
        self.files = (first, second)
        super().__init__(messages.DUPLICATE_DATASET.format(place=place, year=year, first=first, second=second))


class EmptyCatalogError(ChilinhError):
    """A directory given as a catalog holds no data file."""

    def __init__(self, directory: str) -> None:
        super().__init__(messages.EMPTY_CATALOG.format(directory=directory))


class UnknownPlaceError(NoMatchError):
    """No place of the catalog answers to the name given."""

    def __init__(self, place: str, known: Sequence[str]) -> None:
        super().__init__(messages.NO_SUCH_PLACE.format(place=quoted(place), places="; ".join(known)))


class AmbiguousPlaceError(NoMatchError):
    """The catalog has several places (and years) where one is needed; None when no --place was given."""

    def __init__(self, place: str | None, candidates: Sequence[str]) -> None:
        self.candidates = tuple(candidates)
        listed = "; ".join(candidates)  # place names hold commas themselves
        said = messages.WHICH_PLACE if place is None else messages.AMBIGUOUS_PLACE
        super().__init__(said.format(place=quoted(place or ""), places=listed))


class NoReportError(NoMatchError):
    """The place has no review of the year asked for."""

    def __init__(self, place: str, year: int, years: Sequence[int]) -> None:
        listed = ", ".join(str(y) for y in years)
        super().__init__(messages.NO_REPORT.format(place=place, year=year, years=listed))
