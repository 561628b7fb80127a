"""The store's schema: the export tables (``tables``) plus the indexes that answer queries.

Kept apart from the store so that its shape is read in one place; ``STORE_FORMAT`` names it
and goes into the store's key, so a store of another shape is never opened as this one.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.records import Dataset

STORE_FORMAT = 16  # 2: dataset ids are never reused (AUTOINCREMENT); 3: drafts (checked, noun, English optional)
# 4: a place is its Vietnamese name and province (place_key), with its other names (other_keys);
# 5: the indexes by figure id (and by folded name) hold the dataset too: one plan for any catalog shape;
# 6: STRICT tables, value REAL (value_exact keeps the number as written);
# 7: where a draft found each quote (sources.page, paragraph, table_row);
# 8: ranges (high, high_exact), targets and shares of a plan (relative_to);
# 9: a place's English name folded (place_key_en);
# 10: the validated text last in its row (reading a row's other columns never reads it);
# 11: covering indexes of datasets for the questions that read every row;
# 12: review state (review, reviewed_at); a rejected figure or event has no row;
# 13: a figure's suggested link to last year's (link_file, link_id);
# 14: search rows laid out at a dataset's first search (search_ready), not with its other rows;
# 15: a folder's JSON files that are no dataset, by their stat (strays): not read again unchanged
# 16: the full-text name index filled at a dataset's first partial name (names_ready), not when it is stored

_INDEXES = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
    "CREATE TABLE figure_names (dataset_id INTEGER NOT NULL, figure_id TEXT NOT NULL, folded TEXT NOT NULL) STRICT",
    "CREATE INDEX figure_names_by_name ON figure_names (folded, dataset_id)",
    "CREATE INDEX figure_names_by_dataset ON figure_names (dataset_id)",
    # A datasets row holds its file's validated text, most of a page: the questions that read
    # every row (which files changed; the catalog's places) read these indexes instead.
    "CREATE INDEX datasets_by_path ON datasets (path, id, size, mtime_ns, inode, sha256)",
    "CREATE INDEX datasets_by_place ON datasets "
    "(place_key, year DESC, path, id, place_vi, place_en, published, place_key_vi, other_keys, place_key_en)",
    "CREATE INDEX figures_by_id ON figures (id)",
    "CREATE INDEX aliases_by_alias ON figure_aliases (alias)",
    "CREATE INDEX comparisons_by_figure ON comparisons (figure_id, dataset_id)",
    "CREATE INDEX aliases_by_figure ON figure_aliases (figure_id, dataset_id)",
    "CREATE INDEX comparisons_by_year ON comparisons (dataset_id, basis, year)",
    "CREATE TABLE search_rows (dataset_id INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, "
    "field TEXT NOT NULL, text TEXT NOT NULL, folded TEXT NOT NULL) STRICT",
    "CREATE INDEX search_rows_by_dataset ON search_rows (dataset_id)",
    # The datasets whose search rows are laid out: a dataset gets them at the first search.
    "CREATE TABLE search_ready (dataset_id INTEGER PRIMARY KEY) STRICT",
    # The datasets whose names the full-text name index holds: a dataset's are added the first
    # time a name matches none of the catalog's whole (``reads.named_from``).
    "CREATE TABLE names_ready (dataset_id INTEGER PRIMARY KEY) STRICT",
    # A folder's JSON files that are no dataset (a schema, notes), as they were when read: a
    # warm run names them again without reading them (a home folder may hold thousands).
    "CREATE TABLE strays (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, "
    "inode INTEGER NOT NULL) STRICT",
)
# Full-text indexes over the folded words of search_rows and figure_names (their content lives
# there); a SQLite built without FTS5 searches by scanning. Search asks for words, not phrases,
# so its index keeps no positions (detail=none): a third of the size, and faster to build.
_FULL_TEXT = (
    "CREATE VIRTUAL TABLE search_index USING fts5(folded, content='search_rows', tokenize='unicode61', detail=none)",
    "CREATE VIRTUAL TABLE name_index USING fts5(folded, content='figure_names', tokenize='unicode61')",
)
INDEXED = (("search_index", "search_rows", "search_ready"), ("name_index", "figure_names", "names_ready"))
"""Each full-text index, the table whose rows it indexes, and the table of the datasets it holds."""
# The tables of a dataset, each before those its rows refer to (so that deleting keeps every key).
OWN_TABLES = (
    "comparisons",
    "figure_aliases",
    "events",
    "figures",
    "sources",
    "highlights",
    "figure_names",
    "search_rows",
    "search_ready",
    "names_ready",
)


def create(connection: sqlite3.Connection) -> None:
    """The store's tables laid out in an empty database (the relational tables are read from
    ``tables``, imported here: a store that exists never needs them)."""
    from ..reading.tables import tables

    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is None:
            for table in tables(_nothing()):
                ddl = table.ddl()
                if table.name == "datasets":  # the store never gives an id twice (an export need not care)
                    ddl = ddl.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
                    assert "AUTOINCREMENT" in ddl
                connection.execute(ddl)
            for statement in _INDEXES:
                connection.execute(statement)
            with contextlib.suppress(sqlite3.OperationalError):
                for statement in _FULL_TEXT:
                    connection.execute(statement)
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (str(STORE_FORMAT),))
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _nothing() -> Dataset:
    """A dataset with nothing in it: its tables are the store's schema."""
    from ..reading.rebuild import dataset_from_document

    return dataset_from_document(
        {
            "schema_version": 1,
            "metadata": {
                **{"title": "-", "title_en": "-", "publisher": "-", "published": "2000-01-01"},
                **{"locality": {"vi": "-", "en": "-"}, "year": 2000, "language": "vi"},
            },
            "highlights": [],
            "figures": [],
        }
    )
