"""The commands that make and check a dataset: ``draft`` an article, ``validate`` a file or a
catalog folder, print the format's ``schema``.

Typer only, as ``app``: each command parses, asks ``draft`` or ``answers``, and hands what it
found to ``present``. ``register_dataset_commands`` adds them to the app, after the questions.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..words import messages
from .bridge import WholeNumbers
from .options import CheckFormat, LangOption, answering, examples, given_path, settle_language

if TYPE_CHECKING:
    from ..answers.checks import ArticleCheck
    from ..model.records import Dataset


def register_dataset_commands(app: typer.Typer) -> None:
    """Add the commands of this module to ``app``, in the order its help lists them."""
    app.command("validate", epilog=examples("validate"))(validate)
    app.command("draft", epilog=examples("draft"))(draft)
    app.command("review", epilog="Examples:\n\n  chilinh review my-city-2022.json --article my-city-2022.txt")(review)
    app.command("schema", epilog="Examples:\n\n  chilinh schema > highlights.schema.json")(schema)


def validate(
    ctx: typer.Context,
    path: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="The dataset file or catalog directory to check [default: CHILINH_DATA, else the embedded dataset].",
            show_default=False,
            envvar="CHILINH_DATA",
            show_envvar=False,
        ),
    ] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="text (one line for people) or json (every problem as data).", case_sensitive=False
        ),
    ] = "text",
    every: Annotated[
        bool, typer.Option("--all", help="List every problem of a file (text lists the first 50, then how many more).")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Count records not yet reviewed as an error (exit 1).")
    ] = False,
    article: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--article",
            metavar="<article>",
            help="Also check every quote, value, comparison, date, year and place of the file against this article "
            "(one file, not a folder) [default: the one the draft recorded, when it is still there].",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check a data file, or a catalog folder and its conflicts, and list every problem; exit 0 when all is well."""
    said = settle_language(ctx, lang)
    file = given_path(ctx, path, "path", stdin=True)
    source = given_path(ctx, article, "article")
    if source is not None and file is not None and file.is_dir():
        raise typer.BadParameter(messages.ARTICLE_NEEDS_FILE.format(path=str(file)).en, param_hint="'--article'")
    with answering(said):
        from ..answers.checks import CheckAnswer, Counts, check_and_keep, check_catalog, not_reviewed, review_todos
        from ..model.building import building
        from ..model.errors import DataFileError
        from ..present import checks, documents, render
        from ..reading import loader

        def unreviewed(answer: CheckAnswer) -> bool:
            """With --strict, say a file's records not yet reviewed as an error; True when any."""
            count = sum(len(keys) for keys in not_reviewed(answer.todos).values())
            if strict and count:
                render.say(checks.strict_line(answer.file, count), said, sys.stderr)
            return strict and count > 0

        if file is not None and file.is_dir():
            found = check_catalog(file, against=_against_recorded)
            if fmt == "json":
                render.render_json(documents.catalog_check_json(found), sys.stdout)
            else:
                render.say_all(checks.catalog_check(found), said)
            late = [unreviewed(each) for each in found.files]
            failed = found.conflicts or found.unreadable or any(each.problems for each in found.files) or any(late)
            differs = any(each.article is not None and each.article.fails for each in found.files)
            raise typer.Exit(1 if failed or differs else 0)
        where = loader.embedded_path() if file is None else file
        against = str(where) != "-" or source is not None  # standard input's draft names no article to find
        if fmt == "json":
            checked, dataset = check_and_keep(file)
            if dataset is not None and against:
                checked = checked._replace(article=_article_check(dataset, where, source))
            differs = checked.article is not None and checked.article.fails
            render.render_json(documents.check_json(checked), sys.stdout)
            raise typer.Exit(1 if checked.problems or differs or unreviewed(checked) else 0)
        raw = loader.read_bytes(where)
        name = loader.name_of(file)
        for note in loader.reading_notes(raw, name):
            render.say(note, said, sys.stdout)
        try:
            with building():
                dataset = loader.parse_and_validate(raw, name)
        except DataFileError as error:  # an invalid file is said as the error it is (every problem with --all)
            if every:
                error.said = error.listed()
            raise
        todos = review_todos(dataset)
        render.say(checks.valid(name, Counts.of(dataset)), said, sys.stdout)
        render.say_all([(line, False) for line in checks.todo_lines(todos)], said)
        compared = _article_check(dataset, where, source) if against else None
        if compared is not None:
            render.say_all(checks.article_lines(str(where), compared), said)
        differs = compared is not None and compared.fails
        if differs or unreviewed(CheckAnswer(name, Counts.of(dataset), (), todos)):
            raise typer.Exit(1)


def _article_check(dataset: Dataset, file: Path, given: Path | None, *, folder: bool = False) -> ArticleCheck | None:
    """``dataset`` (of ``file``) held against its article: ``given``, else the one its draft
    recorded; None when there is none to read. An article that cannot be read is the error it
    is, or, for a file of a folder, that file's problem (the other files are still checked)."""
    from ..answers.checks import ArticleCheck
    from ..draft import against
    from ..model.errors import ChilinhError

    found, gone = against.find_article(dataset, file, given)
    if gone is not None:
        return ArticleCheck(gone, missing=True)
    if found is None:
        return None
    try:
        text, text_sha256 = against.read_article(found)
    except ChilinhError as error:
        if not folder:
            raise
        return ArticleCheck(str(found), unreadable=error.said)
    recorded = dataset.metadata.document
    changed = recorded is not None and recorded.text_sha256 != text_sha256
    problems = tuple((each.record, each.id, each.reason) for each in against.disagreements(dataset, text))
    return ArticleCheck(str(found), changed, problems)


def _against_recorded(dataset: Dataset, file: str) -> ArticleCheck | None:
    """A file of a catalog held against the article its draft recorded (``check_catalog``'s ``against``)."""
    return _article_check(dataset, Path(file), None, folder=True)


def draft(
    ctx: typer.Context,
    article: Annotated[
        str,
        typer.Argument(
            help="The article: a text file (UTF-8), a saved web page (.html), a PDF, a Word file (.docx), "
            "or - for standard input."
        ),
    ],
    out: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output", "-o", metavar="<file>", help="Write the draft to this file instead of standard output."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")] = False,
    place: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--place", metavar="<place>", help="The place reviewed [default: the one the title names]."),
    ] = None,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--year",
            metavar="<year>",
            help="The year reviewed [default: the one the title names].",
            click_type=WholeNumbers(min=1900, max=2200),
        ),
    ] = None,
    title: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--title", metavar="<title>", help="The article's title [default: its first line naming a year]."),
    ] = None,
    save_text: Annotated[
        bool,
        typer.Option("--save-text", help="Also write the text that was read, beside the draft (<file>.txt)."),
    ] = False,
    like: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--like",
            metavar="<previous>",
            help="Link each figure to last year's: a dataset file, or a catalog folder (the same place's "
            "latest review before the article's year).",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Draft a dataset from a Vietnamese year-review article, every figure quoted, for a person to check."""
    said = settle_language(ctx, lang)
    source = given_path(ctx, article, "article", stdin=True)
    target = given_path(ctx, out, "out")
    if save_text and target is None:
        raise typer.BadParameter(messages.SAVE_TEXT_NEEDS_OUTPUT.en, param_hint="'--save-text'")
    with answering(said):
        from ..draft.compose import draft_file, write_draft
        from ..present import render

        progress = render.page_progress(said)
        drafted = draft_file(source, place=place or None, year=year, title=title or None, progress=progress, like=like)
        if target is None:
            sys.stdout.write(drafted.json())
        else:
            write_draft(drafted, target, source=source, force=force, save_text=save_text)
        render.say(drafted.summary(str(target) if target else None), said, sys.stderr)


def review(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="The draft to review (a dataset file); decisions are saved into it.")],
    article: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--article",
            metavar="<file>",
            help="The article the draft was read from [default: the one the draft names, when it is there].",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Review a draft in the terminal, one record at a time: a accept, x reject, e edit, u undo, s save."""
    said = settle_language(ctx, lang)
    draft_path = given_path(ctx, file, "file")
    article_path = given_path(ctx, article, "article")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from ..present import render
        from ..words import messages

        render.report(messages.REVIEW_NO_TERMINAL, said)
        raise typer.Exit(2)
    with answering(said):
        from ..review.screen import run_review  # Textual: only this command pays for it

        run_review(draft_path, article_path, said)


def schema(ctx: typer.Context, lang: LangOption = None) -> None:
    """Print the JSON Schema that every dataset file must satisfy."""
    with answering(settle_language(ctx, lang)):
        from ..present.render import render_json
        from ..reading.validation import json_schema

        render_json(json_schema(), sys.stdout)
