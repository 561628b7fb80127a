"""The store: every data file validated once and kept in SQLite; the only code that talks SQL to it."""
