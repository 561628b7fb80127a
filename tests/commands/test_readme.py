"""The README's examples are the tool's own output: each one is run here and compared, exactly.

An example is a fenced block of output in README.md together with the command that made it:

- a heading ``### `chilinh …` `` (with " (piped)" or ``| cat`` for a pipe) and the first fenced
  block below it;
- a fenced block right after a paragraph that ends with ``(`chilinh …`):``;
- a fenced block of ``$ chilinh …`` lines, each followed by what that command prints: these
  are failures, whose messages are the same on a terminal and in a pipe.

Commands run in this process through the console script's entry (``readers.run_main``), at
``COLUMNS=100`` and in English unless they say ``--lang``; standard output comes first, then
standard error. An example not piped shows a terminal: it runs with ``--format table`` unless
it names a format (the output of this process is a pipe, and a pipe never has colour). Lines
are compared without the white space at their ends, and blank lines at the end are dropped.

``CHILINH_UPDATE_README=1`` rewrites every stale example from the tool's output instead of
failing. Blocks of commands to type (```` ```sh ````) are not examples (those of the walk-through,
"From an article to a catalog, step by step", are run by ``test_readme_walkthrough.py``); the
```` ```python ```` block is run by ``tests/answers/test_api.py``.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from readers import PRISTINE, REPO, run_main

README = REPO / "README.md"
UPDATE = "CHILINH_UPDATE_README"
HOW_TO_UPDATE = f"{UPDATE}=1 python -m pytest tests/commands/test_readme.py --no-cov"
WIDTH = "100"
NOT_EXAMPLES = {"sh", "python", "sql"}  # sql: run by tests/files/test_export.py
"""Fenced blocks of these languages are not output: commands to type, and the Python API example."""

_FENCE = re.compile(r"^```(\S*)\s*$")
_HEADING = re.compile(r"^### `(chilinh [^`]*)`( \(piped\))?\s*$")
_INTRODUCED = re.compile(r"\(`(chilinh [^`]*)`\):$")
_ANY_HEADING = re.compile(r"^#{1,6} ")


@dataclass(frozen=True)
class Example:
    """A fenced block of output in the README and the commands that make it."""

    name: str
    """How the failure names it: the command, or the section of a block of ``$ chilinh`` lines."""
    line: int
    """The line of the opening fence, counted from 1."""
    body: tuple[str, ...]
    """The lines between the fences."""
    commands: tuple[str, ...]
    """Each command as the README writes it, from ``chilinh`` on."""
    piped: bool = False
    session: bool = False
    """A block of ``$ chilinh …`` lines, each followed by its output."""


def find_examples(text: str) -> tuple[list[Example], list[str]]:
    """Every example of a README, in order, and every block or heading that shows output
    without saying how it was made (or names a command and shows no output)."""
    examples: list[Example] = []
    problems: list[str] = []
    lines = text.splitlines()
    heading, heading_line, heading_title, heading_shown = None, 0, "", True
    paragraph: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if _ANY_HEADING.match(line):
            if not heading_shown:
                problems.append(f"line {heading_line}: '{heading}' is followed by no block of its output")
            found = _HEADING.match(line)
            heading, heading_line, heading_shown = line, index + 1, not found
            heading_title = line.lstrip("#").strip()
            paragraph = []
        elif not fence:  # the last paragraph: a blank line ends it, the next text line starts another
            if line.strip():
                paragraph = [*paragraph, line.strip()] if index and lines[index - 1].strip() else [line.strip()]
        else:
            end = next((n for n in range(index + 1, len(lines)) if lines[n].rstrip() == "```"), len(lines))
            body = tuple(lines[index + 1 : end])
            introduced = _INTRODUCED.search(" ".join(paragraph))
            if fence.group(1) in NOT_EXAMPLES:
                pass
            elif body and body[0].startswith("$ "):
                commands = tuple(each[2:] for each in body if each.startswith("$ "))
                examples.append(Example(heading_title, index + 1, body, commands, session=True))
            elif introduced:
                command, piped = _pipe(introduced.group(1))
                examples.append(Example(introduced.group(1), index + 1, body, (command,), piped))
            elif not heading_shown and (found := _HEADING.match(heading or "")):
                command, piped = _pipe(found.group(1))
                examples.append(Example(found.group(1), index + 1, body, (command,), piped or bool(found.group(2))))
                heading_shown = True
            else:
                problems.append(f"line {index + 1}: a block of output that names no command")
            index, paragraph = end, []
        index += 1
    if not heading_shown:
        problems.append(f"line {heading_line}: '{heading}' is followed by no block of its output")
    return examples, problems


def _pipe(command: str) -> tuple[str, bool]:
    """``chilinh … | cat`` is ``chilinh …`` into a pipe."""
    head, bar, tail = command.rpartition(" | ")
    return (head, True) if bar and tail.strip() == "cat" else (command, False)


def tidy(lines: list[str] | tuple[str, ...]) -> list[str]:
    """Lines without white space at their ends, and without blank lines at the end."""
    kept = [line.rstrip() for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    return kept


def rewritten(text: str, example: Example, body: list[str]) -> str:
    """The README with the lines of ``example``'s block replaced by ``body``."""
    lines = text.splitlines()
    start = example.line  # the opening fence is line example.line, so the body starts at this index
    lines[start : start + len(example.body)] = body
    return "\n".join(lines) + "\n"


def write_example_files(directory: Path) -> None:
    """The files the examples name: broken.json is the embedded dataset with an unknown unit
    in its first figure and no label in its second."""
    broken = copy.deepcopy(PRISTINE)
    broken["figures"][0]["unit"] = "furlongs"
    del broken["figures"][1]["label"]
    (directory / "broken.json").write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")


def _printed(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[str]]:
    """The exit code of ``chilinh ARGS`` and what it prints: standard output, then standard error."""
    code, out, err = run_main(monkeypatch, capsys, *args)
    return code, tidy((out + err).splitlines())


def _args(command: str) -> list[str]:
    words = shlex.split(command)
    assert words[0] == "chilinh", f"README.md: not a chilinh command: {command}"
    return words[1:]


def produced(example: Example, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The block ``example`` must hold, made by the tool now."""
    if not example.session:
        args = _args(example.commands[0])
        if not example.piped and not {"--format", "-f"} & set(args):
            args += ["--format", "table"]  # what a terminal shows; the output here is a pipe
        code, lines = _printed(args, monkeypatch, capsys)
        assert code == 0, f"README.md line {example.line}: `{example.name}` fails (exit {code}): {lines}"
        return lines
    lines = []
    for command in example.commands:
        # a block of `$ chilinh` lines shows failures: messages, the same on a terminal and in a pipe
        code, printed = _printed(_args(command), monkeypatch, capsys)
        assert code != 0, f"README.md line {example.line}: `{command}` succeeds; show its output under a heading"
        lines += [f"$ {command}", *printed]
    return lines


EXAMPLES, PROBLEMS = find_examples(README.read_text(encoding="utf-8"))


@pytest.fixture
def _example_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", WIDTH)
    write_example_files(tmp_path)
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("_example_setting")
@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[example.name for example in EXAMPLES])
def test_the_readme_example_is_what_the_tool_prints(
    index: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = README.read_text(encoding="utf-8")  # again: an earlier example may have been rewritten
    example = find_examples(text)[0][index]
    assert example.name == EXAMPLES[index].name, "README.md changed while the tests ran"
    wanted = produced(example, monkeypatch, capsys)
    if tidy(example.body) == wanted:
        return
    if os.environ.get(UPDATE):
        README.write_text(rewritten(text, example, wanted), encoding="utf-8")
        return
    diff = "\n".join(difflib.unified_diff(tidy(example.body), wanted, "README.md", "the tool", lineterm=""))
    pytest.fail(
        f"README.md line {example.line}: the example `{example.name}` is not what the tool prints now.\n"
        f"Update the README's examples with: {HOW_TO_UPDATE}\n{diff}",
        pytrace=False,
    )


def test_every_block_of_output_in_the_readme_says_how_it_was_made() -> None:
    assert not PROBLEMS, "README.md: " + "; ".join(PROBLEMS)
    assert len(EXAMPLES) >= 10, [example.name for example in EXAMPLES]  # the README's form is still understood


def test_examples_are_found_in_every_form_and_stale_ones_rewritten() -> None:
    text = "\n".join(
        [
            "### `chilinh list` (piped)",
            "",
            "Some prose with `code`.",
            "",
            "```",
            "old",
            "```",
            "",
            "The same as JSON (`chilinh list --format json`):",
            "",
            "```json",
            "{}",
            "```",
            "",
            "### Errors",
            "",
            "```",
            "$ chilinh metric revnue",
            "chilinh: error: …",
            "$ chilinh compare --year 2019",
            "```",
            "",
            "```sh",
            "chilinh list | head",
            "```",
            "",
            "```",
            "output nobody made",
            "```",
            "",
            "### `chilinh show economy | cat`",
            "",
            "### `chilinh compare`",
            "",
            "```markdown",
            "### 2021 compared with 2020",
            "```",
        ]
    )
    examples, problems = find_examples(text)
    assert [(e.name, e.line, e.commands, e.piped, e.session) for e in examples] == [
        ("chilinh list", 5, ("chilinh list",), True, False),
        ("chilinh list --format json", 11, ("chilinh list --format json",), False, False),
        ("Errors", 17, ("chilinh metric revnue", "chilinh compare --year 2019"), False, True),
        ("chilinh compare", 35, ("chilinh compare",), False, False),
    ]
    assert problems == [
        "line 27: a block of output that names no command",
        "line 31: '### `chilinh show economy | cat`' is followed by no block of its output",
    ]
    assert _pipe("chilinh show economy | cat") == ("chilinh show economy", True)
    updated = rewritten(text, examples[0], ["new", "lines"])
    assert find_examples(updated)[0][0].body == ("new", "lines")
    assert find_examples(updated)[0][1:] == [
        Example(e.name, e.line + 1, e.body, e.commands, e.piped, e.session) for e in examples[1:]
    ]
    assert tidy(["a  ", "b\t", "", " "]) == ["a", "b"]
