"""Answers for people and scripts: values, sheets, documents and the renderers (the only importer of Rich)."""
