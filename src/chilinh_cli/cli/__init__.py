"""The command line: Typer commands and options, Typer's private Click, and the process entry."""
