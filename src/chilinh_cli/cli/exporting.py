"""The ``export`` commands: the dataset as tables for databases, scripts and spreadsheets."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..words.language import Lang

if TYPE_CHECKING:
    from ..model.records import Dataset

from .options import DataOption, ForceOption, LangOption, answering, given_path, settle_language

EXAMPLES = {
    "export": "chilinh export sqlite chilinh.db\n\n  chilinh export csv tables/ --force\n\n"
    "  chilinh export xlsx chilinh.xlsx",
    "export csv": "chilinh export csv tables/ && ls tables/\n\n  chilinh export csv --bom for-excel/",
}


export_app = typer.Typer(no_args_is_help=True, epilog="Examples:\n\n  " + EXAMPLES["export"])


@export_app.callback(
    help="Write every dataset as relational tables "
    "(datasets, units, highlights, sources, figures, figure_aliases, comparisons, events, derived_baselines)."
)
def _export(lang: LangOption = None) -> None:
    pass  # the --lang given here is read by the subcommand (see _language)


@export_app.command(
    "sqlite",
    epilog="Examples:\n\n  chilinh export sqlite chilinh.db\n\n"
    "  chilinh export sqlite --full-text chilinh.db && datasette chilinh.db",
)
def export_sqlite(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="The SQLite file to create.", show_default=False)],
    force: ForceOption = False,
    full_text: Annotated[
        bool,
        typer.Option(
            "--full-text",
            help="Add the full-text indexes 'datasette' searches (the SQLite reader of 'duckdb' cannot open them).",
        ),
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One SQLite file with every table, primary and foreign keys; written atomically."""
    said = settle_language(ctx, lang)
    with answering(said):
        from ..files.export import write_sqlite
        from ..present import render, sheets

        target = given_path(ctx, path, "path")
        written = write_sqlite(_datasets(ctx, data, said), target, force=force, full_text=full_text)
        render.say(sheets.wrote_sqlite(path, written), said, sys.stderr)


@export_app.command("csv", epilog="Examples:\n\n  " + EXAMPLES["export csv"])
def export_csv(
    ctx: typer.Context,
    directory: Annotated[str, typer.Argument(help="The directory for the CSV files (created if missing).")],
    force: ForceOption = False,
    bom: Annotated[
        bool, typer.Option("--bom", help="Start each file with a byte-order mark, so that Excel reads Vietnamese.")
    ] = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One CSV file per table, UTF-8 with a header row; all of them written, or none."""
    said = settle_language(ctx, lang)
    with answering(said):
        from ..files.export import write_csv_dir
        from ..present import render, sheets

        target = given_path(ctx, directory, "directory")
        written = write_csv_dir(_datasets(ctx, data, said), target, force=force, bom=bom)
        render.say(sheets.wrote_csv(directory, written), said, sys.stderr)


@export_app.command("xlsx", epilog="Examples:\n\n  chilinh export xlsx chilinh.xlsx --lang vi")
def export_xlsx(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="The Excel workbook to create.", show_default=False)],
    force: ForceOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """One Excel workbook, a sheet per table, numbers as numbers with their unit (needs openpyxl)."""
    said = settle_language(ctx, lang)
    with answering(said):
        from ..files.export import write_xlsx
        from ..present import render, sheets

        written = write_xlsx(_datasets(ctx, data, said), given_path(ctx, path, "path"), lang=said, force=force)
        render.say(sheets.wrote_xlsx(path, written), said, sys.stderr)


@export_app.command("json", epilog="Examples:\n\n  chilinh export json my-catalog/ && chilinh list --data my-catalog/")
def export_json(
    ctx: typer.Context,
    directory: Annotated[str, typer.Argument(help="The directory for the dataset files (created if missing).")],
    force: ForceOption = False,
    data: DataOption = None,
    lang: LangOption = None,
) -> None:
    """Every review as its dataset file (PLACE-PROVINCE-YEAR.json), to start a catalog of your own."""
    said = settle_language(ctx, lang)
    with answering(said):
        from ..answers.catalog import dataset_files, open_catalog
        from ..files.export import write_json_dir
        from ..present import render
        from ..words import messages

        target = given_path(ctx, directory, "directory")
        catalog = open_catalog(given_path(ctx, data, "data", stdin=True), progress=render.progress(said))
        try:
            files = dataset_files(catalog)
        finally:
            catalog.store.close()
        names = write_json_dir(files, target, force=force)
        render.say(messages.WROTE_CSV.format(path=directory, names=", ".join(names)), said, sys.stderr)


def _datasets(ctx: typer.Context, data: str | None, lang: Lang) -> list[tuple[str, Dataset]]:
    """Every dataset of the catalog ``--data`` names, with the path it was read from."""
    from ..answers.catalog import every_dataset, open_catalog
    from ..present import render

    catalog = open_catalog(given_path(ctx, data, "data", stdin=True), progress=render.progress(lang))
    try:
        return every_dataset(catalog)
    finally:
        catalog.store.close()
