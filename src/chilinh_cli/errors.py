"""The tool's own error types: every failure a user can cause is one of these."""

from __future__ import annotations

from collections.abc import Sequence


class ChilinhError(Exception):
    """A request that could not be answered; the CLI prints it and exits with ``exit_code``."""

    exit_code = 1


class DataFileError(ChilinhError):
    """A data file that cannot be used: missing, unreadable, not JSON or invalid.

    ``problems`` holds (field path, reason) pairs; the path is empty for problems
    with the file as a whole.
    """

    def __init__(self, path: str, problems: Sequence[tuple[str, str]]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        if len(self.problems) == 1 and not self.problems[0][0]:
            return f"{self.path}: {self.problems[0][1]}"
        count = len(self.problems)
        lines = [f"{self.path}: invalid dataset ({count} problem{'s' if count != 1 else ''})"]
        lines += [f"  {field or '(file)'}: {reason}" for field, reason in self.problems]
        return "\n".join(lines)


class UnknownFigureError(ChilinhError):
    """No figure answers to the name the user gave."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        message = f"no figure named {name!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        message += " ('chilinh metric' lists every figure)"
        super().__init__(message)


class AmbiguousFigureError(ChilinhError):
    """The name the user gave matches several figures."""

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(f"{name!r} matches several figures: " + ", ".join(self.candidates) + "; give one of these ids")


class NoComparisonError(ChilinhError):
    """The dataset has no comparison with the year the user asked for."""

    def __init__(self, year: int, available: Sequence[int]) -> None:
        self.year = year
        self.available = tuple(available)
        years = ", ".join(str(y) for y in self.available) or "none"
        super().__init__(f"the dataset has no comparison with {year}; years it has: {years}")


class UnknownHighlightError(ChilinhError):
    """No highlight has the rank or slug the user gave."""

    def __init__(self, key: str, suggestions: Sequence[str], count: int) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no highlight {key!r}; give a rank (1-{count}) or a slug"
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        super().__init__(message)


class NothingFoundError(ChilinhError):
    """A search that matched nothing."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(f"nothing matches {text!r}; try fewer or shorter words, or 'chilinh metric' for every figure")
