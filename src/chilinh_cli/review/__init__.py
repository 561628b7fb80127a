"""A draft reviewed by a person, one record at a time: the session (``session``), the article's
words around a quote (``context``) and the full-screen review (``screen``, Textual)."""
