"""What ``validate`` says to people, line by line: a file valid or its problems, the conflicts
of a catalog, and what a reviewer still has to do in a valid file. (``documents`` says the
same as JSON.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..answers.checks import ArticleCheck, CheckAnswer, Counts, Todo, not_reviewed
from ..model.errors import DataFileError
from ..words import messages
from ..words.language import Lang
from ..words.messages import Msg
from .values import format_estimate, format_figure_value

if TYPE_CHECKING:
    from ..answers.checks import CatalogCheck, Conflict, NearPlaces, PlaceYears


def valid(path: str, counts: Counts) -> Msg:
    """'PATH: valid (10 highlights, 37 figures, 7 events)'."""
    said = {
        "highlights": _counted(messages.HIGHLIGHTS, counts.highlights),
        "figures": _counted(messages.FIGURES, counts.figures),
        "events": _counted(messages.EVENTS, counts.events),
    }
    return messages.VALID.format(path=path, **said)


def _counted(forms: tuple[Msg, Msg], n: int, **fields: object) -> Msg:
    return forms[0 if n == 1 else 1].format(n=n, **fields)


def strict_line(path: str, n: int) -> Msg:
    """What ``validate --strict`` says of a file with ``n`` records not yet reviewed."""
    return _counted(messages.STRICT_NOT_REVIEWED, n, path=path)


def checked_file(answer: CheckAnswer) -> list[tuple[Msg, bool]]:
    """What ``validate FILE`` says (True: a problem): valid, then what a reviewer still has to
    do; or its problems."""
    if answer.counts is None:
        return [(DataFileError(answer.file, answer.problems).said, True)]
    return [(valid(answer.file, answer.counts), False), *((line, False) for line in todo_lines(answer.todos))]


FIRST_IDS = 5
"""How many ids of the records not yet reviewed ``validate`` names."""


def unreviewed_line(todos: Sequence[Todo]) -> Msg | None:
    """'not yet reviewed: 34 figures (a, b, c, d, e, ...), 2 events (...)': the records no
    person has reviewed, apart from the problems; None when every record is reviewed."""
    found = not_reviewed(tuple(todos))
    if not found:
        return None
    parts: list[Msg] = []
    for kind, keys in found.items():
        first = ", ".join(keys[:FIRST_IDS]) + (", ..." if len(keys) > FIRST_IDS else "")
        parts.append(
            messages.NOT_REVIEWED_PART.format(things=_counted(messages.REVIEW_KINDS[kind], len(keys)), first=first)
        )
    return messages.NOT_REVIEWED.format(
        parts=Msg("; ".join(part.en for part in parts), "; ".join(part.vi for part in parts))
    )


def todo_lines(todos: Sequence[Todo]) -> list[Msg]:
    """One line per record a reviewer still has to look at ('figures[3] (rice-output):
    unchecked; label.en missing'), then how many; nothing when there is nothing to do."""
    if not todos:
        return []
    summary = unreviewed_line(todos)
    lines = [summary] if summary is not None else []
    lines.append(messages.TODO_HEADING)
    for todo in todos:
        said = [messages.TODO_UNCHECKED] if todo.unchecked else []
        said += [messages.TODO_MISSING.format(field=field) for field in todo.missing]
        record = todo.record if todo.key is None else f"{todo.record} ({todo.key})"
        things = Msg("; ".join(m.en for m in said), "; ".join(m.vi for m in said))
        lines.append(messages.TODO_LINE.format(record=record, things=things))
    lines.append(_counted(messages.TODO_COUNT, len(todos)))
    return lines


def article_lines(path: str, check: ArticleCheck, *, folder: bool = False) -> list[tuple[Msg, bool]]:
    """What ``validate`` says of a dataset held against its article (True: on standard error):
    the article gone (nothing checked) or unreadable, changed since the draft was made, then
    that every record agrees, or each disagreement ('  figures[1] (ocop): the value ...')."""
    if check.missing:
        gone = messages.ARTICLE_GONE_IN_FOLDER if folder else messages.ARTICLE_GONE
        return [(gone.format(path=path, article=check.article), True)]
    if check.unreadable is not None:
        return [(messages.ARTICLE_UNREADABLE.format(path=path, reason=check.unreadable), True)]
    lines = [(messages.ARTICLE_CHANGED.format(path=path, article=check.article), True)] if check.changed else []
    if not check.disagreements:
        return [*lines, (messages.ARTICLE_CHECKED.format(path=path, article=check.article), False)]
    count = len(check.disagreements)
    lines.append((messages.ARTICLE_PROBLEMS.format(path=path, count=count, article=check.article), True))
    for record, key, reason in check.disagreements:
        lines.append((messages.ARTICLE_PROBLEM.format(record=record, id=key, reason=reason), True))
    return lines


def catalog_check(found: CatalogCheck) -> list[tuple[Msg, bool]]:
    """What ``validate DIR`` says, line by line: each file as ``checked_file`` says it (True: a
    problem) and as it agrees with the article it records, then each conflict between a
    stated value and a later review's derived one."""
    lines = [(line, False) for line in passed_over(found.skipped)]
    lines += [(line, True) for line in found.warnings]  # pipes, unreadable folders: on standard error
    for each in found.files:
        lines += checked_file(each)
        if each.article is not None:
            lines += article_lines(each.file, each.article, folder=True)
    lines += [(_conflict(conflict), True) for conflict in found.conflicts]
    lines += [(_near(near), False) for near in found.near]
    if sum(len(place.reviews) for place in found.places) > 1:  # a catalog: every place with its years
        lines += [(_place_years(place), False) for place in found.places]
    return lines


SHOWN_SKIPPED = 3
"""A folder's files that are no dataset named one line each up to this many; more are one
summary line naming this many of them."""


def passed_over(skipped: Sequence[str], warnings: Sequence[Msg] = ()) -> list[Msg]:
    """The warnings of a catalog folder: a line for each of a few files that are no dataset,
    or one summary line for more (a home folder may hold thousands), then what its walk
    passed over."""
    if len(skipped) <= SHOWN_SKIPPED:
        lines = [messages.SKIPPED_FILE.format(path=path) for path in skipped]
    else:
        first = ", ".join(skipped[:SHOWN_SKIPPED])
        lines = [messages.MANY_SKIPPED.format(count=len(skipped), first=first, rest=len(skipped) - SHOWN_SKIPPED)]
    return lines + list(warnings)


def _near(near: NearPlaces) -> Msg:
    """'warning: A (2023, a.json) and B (2022, b.json) may be one place (...)'."""
    first, second = (f"{info.place_vi} ({info.path})" for info in (near.first, near.second))
    why = messages.NEAR_SAME_NAME if near.why == "province" else messages.NEAR_SPELLING
    return messages.NEAR_PLACES.format(first=first, second=second, why=why)


def _place_years(place: PlaceYears) -> Msg:
    """'place: Thanh pho X: 2023 (a.json), 2022 (b.json)'."""
    years = ", ".join(f"{info.year} ({info.path})" for info in place.reviews)
    return messages.PLACE_YEARS.format(place=place.reviews[0].place_vi, years=years)


def _conflict(conflict: Conflict) -> Msg:
    row, stated = conflict.row, conflict.row.stated
    assert stated is not None  # a conflict has a stated value
    figure = row.figure
    return messages.CONFLICT.format(
        place=Msg(conflict.later.place_en, conflict.later.place_vi),
        year=row.comparison.year,
        id=figure.id,
        stated=_both(lambda lang: format_figure_value(stated.figure, lang)),
        stated_in=stated.where.path,
        stated_quote=stated.figure.source.quote,
        derived=_both(lambda lang: format_estimate(row.derivation.baseline, figure.unit, figure.qualifier, lang)),
        later=conflict.later.year,
        later_in=conflict.later.path,
        later_quote=row.comparison.source.quote,
    )


def _both(say: Callable[[Lang], str]) -> Msg:
    return Msg(say("en"), say("vi"))
