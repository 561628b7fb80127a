"""The README's walk-through ("From an article to a catalog, step by step") run as a new user types it.

Every ```` ```sh ```` block of that section is read from README.md itself and run, in order, in
one empty folder: ``cat > FILE <<'EOF'`` writes the article the README embeds, ``mkdir``
makes the folder, and each ``chilinh …`` runs in this process through the console script's
entry (``readers.run_main``, as ``test_readme.py`` runs the examples; the output here is a
pipe). What the README says of a command is checked against what it did:

- a comment line of its own under a command (``# drafted: …``) is what the command prints:
  one of its lines is exactly that, or starts with it when the comment ends with ``...``;
- a comment after a command on its line (``# 3 figures, 2 sections``) is a claim in words:
  ``CLAIMS`` holds the check of each, by its exact words, so that a claim no test checks
  (a new one, or one reworded) fails here until its check is written;
- every command must succeed unless its claim expects otherwise.

``chilinh review`` needs a terminal, and the README offers no way to run it without one: the
command is run as written (and must say so and exit 2, as the README says), then the keys
its claim names are pressed on a ``review.session.Session`` of the same file, the session
API the screen drives (``tests/review/test_session.py``), key for key as ``review.screen``
maps them. Any other command in the walk-through fails the test: it would go unchecked.

The prose around the blocks states more (which figures step 3 links, the message of a value
not written in its quote, the edits of step 2 taken over by next year's draft): each is
checked after the walk, on its files.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chilinh_cli.review.session import Session
from readers import REPO, run_main

README = REPO / "README.md"
SECTION = "### From an article to a catalog, step by step"
WIDTH = "100"

_FENCE = re.compile(r"^```(\S*)\s*$")
_HEREDOC = re.compile(r"^cat > (\S+) <<'(\w+)'$")
_COMMENTED = re.compile(r"^(.*?)\s+# (.*)$")
_HEADING = re.compile(r"^#{1,6} ")


@dataclass
class Step:
    """One command of the walk-through, as the README writes it."""

    line: int
    """Its line in README.md, counted from 1."""
    words: list[str]
    """The command split as a shell splits it; for a heredoc, ``["cat", FILE]``."""
    body: str = ""
    """What a heredoc writes."""
    claim: str | None = None
    """The comment after the command on its line."""
    shown: list[str] = field(default_factory=list)
    """The comment lines under it: what it prints."""

    @property
    def text(self) -> str:
        return shlex.join(self.words)


def walkthrough(text: str) -> list[Step]:
    """Every command of the walk-through's sh blocks, in order."""
    lines = text.splitlines()
    steps: list[Step] = []
    fenced, inside, index = False, False, lines.index(SECTION) + 1
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence:
            fenced, inside = not fenced, not fenced and fence.group(1) == "sh"
        elif not fenced and _HEADING.match(line):
            break  # the next section
        elif inside and line.strip():
            heredoc = _HEREDOC.match(line)
            if heredoc:
                stop = lines.index(heredoc.group(2), index + 1)
                body = "".join(each + "\n" for each in lines[index + 1 : stop])
                steps.append(Step(index + 1, ["cat", heredoc.group(1)], body))
                index = stop
            elif line.startswith("# "):
                assert steps, f"README.md line {index + 1}: output shown under no command"
                steps[-1].shown.append(line[2:])
            else:
                commented = _COMMENTED.match(line)
                command, claim = (commented.group(1), commented.group(2)) if commented else (line, None)
                steps.append(Step(index + 1, shlex.split(command), claim=claim))
        index += 1
    return steps


@dataclass
class Ran:
    """What a command did."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line.rstrip() for line in (self.out + self.err).splitlines()]


Check = Callable[[Ran], None]


def _draft_2023(ran: Ran) -> None:
    assert ran.code == 0
    assert "drafted: figures 3, events 0, sections 2;" in ran.err


def _validate_2023(ran: Ran) -> None:
    assert ran.code == 0
    assert ran.lines[0].startswith("catalog/ho-sen-2023.json: valid (2 highlights, 3 figures, 0 events)")
    assert any(line.startswith("not yet reviewed: ") for line in ran.lines)
    assert ran.lines[-1] == (
        "catalog/ho-sen-2023.json: every quote, value, comparison, date, year and place agrees with the "
        "article ho-sen-2023.txt"
    )


def _review_2023(ran: Ran) -> None:
    # here standard input and output are no terminal: the command says so and exits 2
    assert ran.code == 2
    assert "needs a terminal" in ran.err
    # so the keys are pressed on the session the screen would drive
    session = Session.open(Path("catalog/ho-sen-2023.json"))
    assert [item.kind for item in session.items] == ["figure"] * 3 + ["highlight"] * 2 + ["metadata"]
    for key in ["a"] * 6 + ["s", "q"]:
        press(session, key)
    assert session.current is None
    assert {session.status(item) for item in session.items} == {"accepted"}


def _strict_2023(ran: Ran) -> None:
    assert ran.code == 0, ran.err
    assert not [line for line in ran.lines if line.startswith("not yet reviewed")]
    assert "still to review:" in ran.lines  # the English texts a reviewer may still add
    assert "  figures[1] (san-pham-ocop): label.en missing; noun.en missing" in ran.lines


def _validate_catalog(ran: Ran) -> None:
    assert ran.code == 0  # no file has a problem, none disagrees with its article, no conflict
    for year in (2023, 2024):
        assert any(line.startswith(f"catalog/ho-sen-{year}.json: valid (") for line in ran.lines)
        assert (
            f"catalog/ho-sen-{year}.json: every quote, value, comparison, date, year and place agrees with the "
            f"article ho-sen-{year}.txt"
        ) in ran.lines
    assert not [line for line in ran.lines if "conflict" in line.lower()]
    assert "place: Thị xã Hồ Sen, tỉnh Đồng Gió: 2024 (catalog/ho-sen-2024.json), 2023 (catalog/ho-sen-2023.json)" in (
        ran.lines
    )


def _series(ran: Ran) -> None:
    assert ran.code == 0
    rows = [line.split("\t") for line in ran.out.splitlines()]
    assert rows[0] == ["Year", "Value", "Change", "File"]
    assert [row[0] for row in rows[1:]] == ["2024", "2023"]
    assert rows[1][1].startswith("VND 455.8 billion")
    assert rows[1][2].startswith("≈ +VND 43.3 billion (derived)")
    assert rows[2][1].startswith("VND 412.5 billion")
    assert rows[2][2] == "—"


CLAIMS: dict[str, Check] = {
    "3 figures, 2 sections": _draft_2023,
    "valid, what is left to review, and the article check": _validate_2023,
    "a six times (3 figures, 2 section titles, the metadata), s to save, q to quit": _review_2023,
    "exit 0: every record reviewed; English texts still to add are listed": _strict_2023,
    "every file, each against its article, and conflicts": _validate_catalog,
    "2024 and 2023, the change derived": _series,
}
"""The check of each claim the walk-through makes after a command, by its words."""


def said(words: str) -> bool:
    """Whether the README says ``words``, however its lines are broken."""
    return " ".join(words.split()) in " ".join(README.read_text(encoding="utf-8").split())


def press(session: Session, key: str) -> None:
    """A key of the review screen, as ``review.screen`` maps it onto the session."""
    if key == "a":
        session.accept()
    elif key == "x":
        session.reject()
    elif key == "space":
        session.skip()
    elif key == "s":
        session.save()
    else:
        assert key == "q", f"a key this test does not press: {key!r}"
        assert not session.dirty, "the screen would ask before quitting"


def run_step(step: Step, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Ran | None:
    """Do what the shell would do with ``step``; what a ``chilinh`` command did."""
    where = f"README.md line {step.line}: `{step.text}`"
    if step.words[0] == "cat":
        Path(step.words[1]).write_text(step.body, encoding="utf-8")
        return None
    if step.words[0] == "mkdir":
        for folder in step.words[1:]:
            Path(folder).mkdir()
        return None
    assert step.words[0] == "chilinh", f"{where}: a command this test does not know how to run"
    return Ran(*run_main(monkeypatch, capsys, *step.words[1:]))


def check_step(step: Step, ran: Ran) -> None:
    where = f"README.md line {step.line}: `{step.text}`"
    for shown in step.shown:
        cut = shown.removesuffix("...").removesuffix(" ").removesuffix(";")
        fits = [line for line in ran.lines if (line.startswith(cut) if cut != shown else line == shown)]
        assert fits, f"{where} prints no line '{shown}':\n" + "\n".join(ran.lines)
    if step.claim is not None:
        assert step.claim in CLAIMS, f"{where}: the claim '{step.claim}' is checked by no test: add it to CLAIMS"
        try:
            CLAIMS[step.claim](ran)
        except AssertionError as error:
            raise AssertionError(f"{where}: not '{step.claim}' (exit {ran.code}):\n" + "\n".join(ran.lines)) from error
    else:
        assert ran.code == 0, f"{where} fails (exit {ran.code}):\n" + "\n".join(ran.lines)


@pytest.fixture
def _new_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", WIDTH)
    monkeypatch.chdir(tmp_path)


def walk(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    review: Callable[[], None] | None = None,
    last: Callable[[Step], bool] = lambda step: False,
) -> list[Step]:
    """The walk-through's commands run in order, to the end or to the step ``last`` picks; with
    ``review``, that is done instead of the review step's keys."""
    steps = walkthrough(README.read_text(encoding="utf-8"))
    for step in steps:
        if review is not None and step.words[:2] == ["chilinh", "review"]:
            review()
        else:
            ran = run_step(step, monkeypatch, capsys)
            if ran is not None:
                check_step(step, ran)
        if last(step):
            break
    return steps


@pytest.mark.usefixtures("_new_folder")
def test_the_walkthrough_does_what_the_readme_says(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = walk(monkeypatch, capsys)
    assert [step.words[:2] for step in steps if step.words[0] == "chilinh"] == [
        ["chilinh", "draft"],
        ["chilinh", "validate"],
        ["chilinh", "review"],
        ["chilinh", "validate"],
        ["chilinh", "draft"],
        ["chilinh", "validate"],
        ["chilinh", "validate"],
        ["chilinh", "metric"],
    ], "the walk-through's steps changed: check that this test still follows them"

    # step 3: revenue, OCOP products and party members linked; spending new, with a fresh id
    assert said("Budget revenue, OCOP products and party members admitted are linked")
    this, last = (json.loads(Path(f"catalog/ho-sen-{year}.json").read_text("utf-8")) for year in (2024, 2023))
    last_ids = {figure["id"] for figure in last["figures"]}
    links = {figure["id"]: figure.get("link") for figure in this["figures"]}
    assert links == {
        "tong-thu-ngan-sach-tren-dia": {"file": "catalog/ho-sen-2023.json", "id": "tong-thu-ngan-sach-tren-dia"},
        "san-pham-ocop": {"file": "catalog/ho-sen-2023.json", "id": "san-pham-ocop"},
        "tong-chi-ngan-sach": None,
        "dang-vien-moi": {"file": "catalog/ho-sen-2023.json", "id": "dang-vien-moi"},
    }
    assert "tong-chi-ngan-sach" not in last_ids

    # step 5: one series, each review matched by the id
    code, out, _ = run_main(
        monkeypatch, capsys, "metric", "tong-thu-ngan-sach-tren-dia", "--data", "catalog", "-f", "json"
    )
    assert code == 0
    series = json.loads(out)["series"]
    assert [(row["review"]["year"], row["matched"], row["value"]) for row in series] == [
        (2024, "id", 455_800_000_000),
        (2023, "id", 412_500_000_000),
    ]

    # step 2: the review's own metadata was reviewed on the screen too
    assert said("they are accepted or edited, never rejected")
    assert last["metadata"]["review"]["status"] == "accepted"
    assert "checked" not in last["metadata"]

    # step 4: a value not written in its quote, said as the README says it
    quoted = "figures[1] (san-pham-ocop): the value 12 is not written in its quote “Thị xã có thêm 11 sản phẩm OCOP”"
    assert said(f"`{quoted}`")
    this["figures"][1]["value"] = 12
    Path("wrong.json").write_text(json.dumps(this, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_main(monkeypatch, capsys, "validate", "wrong.json", "--article", "ho-sen-2024.txt")
    assert code == 1
    assert "  " + quoted in err.splitlines()


@pytest.mark.usefixtures("_new_folder")
def test_the_edits_step_2_suggests_are_taken_over_by_next_years_draft(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edits = ["label.en Total budget revenue", "id budget-revenue"]
    assert said("(`label.en Total budget revenue`, `id budget-revenue`), then `a`: next year's draft takes them over")

    def review_with_edits() -> None:
        session = Session.open(Path("catalog/ho-sen-2023.json"))
        assert session.key(session.items[0]) == "tong-thu-ngan-sach-tren-dia"
        for edit in edits:
            assert session.edit(*edit.split(" ", 1)) is None  # `e`, then the field and its value
        for _ in session.items:
            session.accept()
        session.save()

    # steps 1 to 3, with the edits in step 2
    walk(monkeypatch, capsys, review_with_edits, last=lambda step: "--like" in step.words)
    revenue = json.loads(Path("catalog/ho-sen-2024.json").read_text("utf-8"))["figures"][0]
    assert (revenue["id"], revenue["label"]["en"]) == ("budget-revenue", "Total budget revenue")
    assert revenue["link"] == {"file": "catalog/ho-sen-2023.json", "id": "budget-revenue"}
    code, out, _ = run_main(monkeypatch, capsys, "metric", "budget-revenue", "--data", "catalog", "-f", "json")
    assert code == 0
    assert [(row["review"]["year"], row["matched"]) for row in json.loads(out)["series"]] == [
        (2024, "id"),
        (2023, "id"),
    ]


def test_the_walkthrough_is_read_as_a_shell_reads_it() -> None:
    text = "\n".join(
        [
            SECTION,
            "",
            "```sh",
            "cat > a.txt <<'EOF'",
            "# not a comment",
            "EOF",
            "mkdir out",
            'chilinh draft a.txt -o "out/a b.json"   # 3 figures, 2 sections',
            "# printed; ...",
            "```",
            "",
            "```",
            "chilinh list",
            "```",
            "",
            "### The next section",
            "",
            "```sh",
            "chilinh list",
            "```",
        ]
    )
    steps = walkthrough(text)
    assert [(s.line, s.words, s.body, s.claim, s.shown) for s in steps] == [
        (4, ["cat", "a.txt"], "# not a comment\n", None, []),
        (7, ["mkdir", "out"], "", None, []),
        (8, ["chilinh", "draft", "a.txt", "-o", "out/a b.json"], "", "3 figures, 2 sections", ["printed; ..."]),
    ]
    assert steps[2].text == "chilinh draft a.txt -o 'out/a b.json'"
    check_step(steps[2], Ran(0, "", "printed; and more\ndrafted: figures 3, events 0, sections 2; …\n"))
    with pytest.raises(AssertionError, match="prints no line"):
        check_step(Step(1, ["chilinh", "list"], shown=["exactly this"]), Ran(0, "exactly this and more\n", ""))
    with pytest.raises(AssertionError, match="checked by no test"):
        check_step(Step(1, ["chilinh", "list"], claim="a claim"), Ran(0, "", ""))
    with pytest.raises(AssertionError, match="fails"):
        check_step(Step(1, ["chilinh", "list"]), Ran(1, "", "oops\n"))
