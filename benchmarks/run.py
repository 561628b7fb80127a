"""Time chilinh as a user meets it: whole processes, against `python -c pass`.

    python benchmarks/run.py                 # the embedded dataset
    python benchmarks/run.py --figures 100000 # also a generated dataset of that many figures
    python benchmarks/run.py --draft-words 10000 # also `chilinh draft` on an article that long
    python benchmarks/run.py --draft-chars 12000 # also `chilinh draft` on an article of that many characters
    python benchmarks/run.py --draft-pdf-pages 100 # also `chilinh draft` on a PDF report of that many pages
                                                 # (written with fpdf2, the test extra, and DejaVu fonts)
    python benchmarks/run.py --instructions    # also the start-up commands' instruction counts (valgrind)
    python benchmarks/run.py --robust          # also hostile input: a FIFO as --data and in a folder,
                                                 # 5,000 stray JSON files, numbers too long to be figures

Each command is run --runs times, alternating with `python -c pass` of the same
interpreter so that both see the same machine load; the table gives the medians and
their ratio. A generated dataset copies the real figures under new ids (and hangs them
on the real highlights), so it is valid and exercises the same code.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STARTUP = [
    ("chilinh metric revenue", ["metric", "revenue"]),
    ("chilinh list", ["list"]),
    ("chilinh compare --year 2020", ["compare", "--year", "2020"]),
    ("chilinh --help", ["--help"]),
]
"""The commands whose start-up the issues hold to a ratio of ``python -c pass``."""


def generate(figures: int, destination: Path) -> tuple[Path, str]:
    """A valid dataset with ``figures`` figures, made from the embedded one, and its last figure's id."""
    document: dict[str, Any] = json.loads((REPO / "data" / "highlights.json").read_text(encoding="utf-8"))
    originals = document["figures"]
    home = {ref: h for h in document["highlights"] for ref in h["figures"]}
    generated = []
    for n in range(figures):
        figure = copy.deepcopy(originals[n % len(originals)])
        if n >= len(originals):
            figure["id"] = f"{figure['id']}-{n}"
            figure["aliases"] = [f"{alias}-{n}" for alias in figure["aliases"]]
            home[originals[n % len(originals)]["id"]]["figures"].append(figure["id"])
        generated.append(figure)
    document["figures"] = generated
    path = destination / f"generated-{figures}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path, generated[-1]["id"]


def generate_article(words: int, destination: Path) -> Path:
    """An article of about ``words`` words: the test articles' sections, one after another and
    numbered on, under one title, until it is that long."""
    bodies = [path.read_text(encoding="utf-8") for path in sorted((REPO / "tests" / "data" / "articles").glob("*.txt"))]
    lines = ["Tổng kết năm 2023 của huyện Thử Nghiệm", ""]
    section = 0
    while sum(len(line.split()) for line in lines) < words:
        for line in bodies[section % len(bodies)].splitlines()[2:]:
            heading = line.split(". ", 1)
            if heading[0].isdigit() and len(heading) == 2:
                section += 1
                line = f"{section}. {heading[1]}"
            lines.append(line)
    path = destination / f"article-{words}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def generate_article_chars(chars: int, destination: Path) -> Path:
    """An article of ``chars`` characters: the test articles' sections numbered on, cut at a line."""
    path = generate_article(max(chars // 5, 100), destination)
    text = path.read_text(encoding="utf-8")
    cut = text.rfind("\n", 0, chars)
    path = destination / f"article-{chars}-chars.txt"
    path.write_text(text[: cut if cut > 0 else chars], encoding="utf-8")
    return path


FONTS = Path("/usr/share/fonts/truetype/dejavu")


def generate_pdf(pages: int, destination: Path) -> Path:
    """A PDF report of ``pages`` pages: a running header and page numbers on each, the test
    documents' paragraphs wrapped on its lines, and a ruled table of indicators every few pages."""
    from fpdf import FPDF

    paragraphs = [
        line
        for name in ("district-report", "city-events", "provincial-feature")
        for line in (REPO / "tests" / "data" / "documents" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 12 and "\t" not in line
    ]

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=9)
            self.cell(0, 6, "UBND HUY\u1ec6N TH\u1eec NGHI\u1ec6M - B\u00e1o c\u00e1o n\u0103m 2023", align="R")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("DejaVu", size=9)
            self.cell(0, 10, f"Trang {self.page_no()}/{{nb}}", align="C")

    pdf = Report()
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("DejaVu", size=14)
    pdf.multi_cell(
        0,
        8,
        "B\u00e1o c\u00e1o kinh t\u1ebf - x\u00e3 h\u1ed9i huy\u1ec7n Th\u1eed Nghi\u1ec7m n\u0103m 2023",
    )
    section = 0
    while pdf.page_no() < pages:
        section += 1
        pdf.set_font("DejaVu", size=12)
        pdf.ln(3)
        pdf.multi_cell(0, 7, f"{section}. Ph\u1ea7n {section}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=11)
        for paragraph in paragraphs[section % len(paragraphs) :][:6]:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        if section % 3 == 0:
            with pdf.table(col_widths=(70, 30, 30, 30)) as table:
                for row in (
                    ("Ch\u1ec9 ti\u00eau", "N\u0103m 2022", "N\u0103m 2023", "So s\u00e1nh (%)"),
                    ("Thu ng\u00e2n s\u00e1ch (t\u1ef7 \u0111\u1ed3ng)", "1.085,6", "1.212,4", "111,7"),
                    ("S\u1ea3n l\u01b0\u1ee3ng l\u00faa (t\u1ea5n)", "96.450", "98.120", "101,7"),
                ):
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
    path = destination / f"report-{pages}-pages.pdf"
    pdf.output(str(path))
    return path


def generate_catalog(files: int, per_file: int, destination: Path) -> Path:
    """A catalog of ``files`` reviews (one place each, in 2021) of ``per_file`` figures each."""
    folder = destination / f"catalog-{files}"
    folder.mkdir()
    per_highlight = max(per_file // 10, 1)
    for n in range(files):
        figures = [
            {
                "id": f"figure-{k}",
                "label": {"vi": f"Chi tieu so {k} cua noi {n}", "en": f"Figure {k} of place {n}"},
                "value": 1000 + n + k,
                "unit": "count",
                "qualifier": "exact",
                "year": 2021,
                "source": {"section": k // per_highlight + 1, "quote": f"dat {1000 + n + k} don vi"},
                "comparisons": [
                    {
                        "basis": "previous_year",
                        "year": 2020,
                        "kind": "percent_change",
                        "value": 5.5,
                        "source": {"section": k // per_highlight + 1, "quote": "tang 5,5% so voi nam 2020"},
                    }
                ]
                if k % 10 == 0
                else [],
            }
            for k in range(per_highlight * 10)
        ]
        highlights = [
            {
                "rank": rank,
                "slug": f"highlight-{rank}",
                "title": {"vi": f"Dau an {rank}", "en": f"Highlight {rank}"},
                "short_title": {"vi": f"Dau an {rank}", "en": f"Highlight {rank}"},
                "summary": {"vi": f"Tom tat {rank}", "en": f"Summary {rank}"},
                "figures": [f"figure-{k}" for k in range((rank - 1) * per_highlight, rank * per_highlight)],
                "headline": [f"figure-{(rank - 1) * per_highlight}"],
            }
            for rank in range(1, 11)
        ]
        document = {
            "schema_version": 1,
            "metadata": {
                "title": f"Noi {n} nam 2021",
                "title_en": f"Place {n} in 2021",
                "publisher": "benchmark",
                "published": "2022-01-10",
                "locality": {"vi": f"Noi {n}", "en": f"Place {n}"},
                "year": 2021,
                "language": "vi",
            },
            "highlights": highlights,
            "figures": figures,
        }
        (folder / f"place-{n:05}.json").write_text(json.dumps(document), encoding="utf-8")
    return folder


def catalog_rows(files: int, per_file: int, runs: int, base: list[str], env: dict[str, str], work: Path) -> list[Row]:
    """The catalog targets: a first run, warm queries, and a query after one file changed."""
    folder = generate_catalog(files, per_file, work)
    data = ["--data", str(folder)]
    place = ["--place", f"Place {files // 2}"]
    nan = float("nan")
    cold_env = {**env, "CHILINH_CACHE_DIR": str(work / "catalog-cache")}
    first_run = [*base, "list", *data, *place]
    started = time.perf_counter()
    subprocess.run(first_run, env=cold_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    first = time.perf_counter() - started
    label = f"{files:,} files, {files * per_file:,} figures"
    rows: list[Row] = [(f"first run (builds the store), {label}", first, nan, nan, nan)]
    queries = {
        "one figure of one place": [*base, "metric", "figure-50", *data, *place],
        "that figure across the catalog (JSON)": [*base, "metric", "figure-50", *data, "-f", "json"],
        "search": [*base, "search", "figure 50 of place 12", *data],
        "list one place": [*base, "list", *data, *place],
    }
    for name, command in queries.items():
        rows.append(measure(f"{name}, {label}", command, runs, cold_env))
    edited = folder / f"place-{files // 2:05}.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace('"publisher": "benchmark"', '"publisher": "edited"'))
    started = time.perf_counter()
    again = queries["one figure of one place"]
    subprocess.run(again, env=cold_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    rows.append((f"one file edited, then the same query, {label}", time.perf_counter() - started, nan, nan, nan))
    return rows


def robust_rows(runs: int, base: list[str], env: dict[str, str], work: Path) -> list[Row]:
    """Hostile input, each a whole run: a FIFO no one writes to, as ``--data`` and inside a
    folder; a folder of 5,000 JSON files that are no dataset beside one that is (its first
    run, then warm); articles with a 5,000-digit number and with 350,000 dotted digit groups."""
    nan = float("nan")
    pipe = work / "pipe.json"
    os.mkfifo(pipe)
    beside = work / "with-a-pipe"
    beside.mkdir()
    shutil.copy(REPO / "data" / "highlights.json", beside / "2021.json")
    os.mkfifo(beside / "pipe.json")
    stray = work / "stray"
    (stray / "notes").mkdir(parents=True)
    for n in range(5000):
        (stray / "notes" / f"n{n}.json").write_text(f'{{"n": {n}}}', encoding="utf-8")
    shutil.copy(REPO / "data" / "highlights.json", stray / "2021.json")
    head = "Tổng kết năm 2024 của huyện Mây Trắng\n\n1. Kinh tế\n\nTổng thu ngân sách đạt "
    digits = work / "digits.txt"
    digits.write_text(head + "9" * 5000 + " tỷ đồng.\n", encoding="utf-8")
    groups = work / "groups.txt"
    groups.write_text(head + "1" + ".234" * 350_000 + " đồng.\n", encoding="utf-8")
    rows: list[Row] = []
    for label, command in (
        ("a FIFO as --data (refused)", [*base, "metric", "revenue", "--data", str(pipe)]),
        ("a FIFO in a folder (skipped), first run", [*base, "metric", "revenue", "--data", str(beside)]),
        ("5,000 stray JSON + 1 dataset, first run", [*base, "metric", "revenue", "--data", str(stray)]),
        ("draft, a 5,000-digit number", [*base, "draft", str(digits)]),
        ("draft, 350,000 dotted digit groups", [*base, "draft", str(groups)]),
    ):
        rows.append((label, _time(command, env, timeout=60), nan, nan, nan))
    rows.append(
        measure("5,000 stray JSON + 1 dataset, warm", [*base, "metric", "revenue", "--data", str(stray)], runs, env)
    )
    return rows


_PEAK = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _time(command: list[str], env: dict[str, str], timeout: float | None = None) -> float:
    """Wall time of one run; infinite when it is still running after ``timeout`` seconds (then killed)."""
    start = time.perf_counter()
    try:
        subprocess.run(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.perf_counter() - start


def peak_memory_mib(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one run, measured by a parent that runs nothing else (Linux: KiB)."""
    if sys.platform == "win32":  # pragma: no cover - no getrusage
        return float("nan")
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], env=env, capture_output=True, text=True, check=False)
    kib = int(out.stdout.strip() or 0)
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


Row = tuple[str, float, float, float, float]


def instructions(command: list[str], env: dict[str, str]) -> int:
    """The instructions one run executes, counted by valgrind's callgrind: unlike wall time, the
    same from one run to the next (within 0.1 %), whatever else the machine does, so a change of
    a few per cent in start-up can be seen. ``PYTHONHASHSEED`` is fixed for the count."""
    counted = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env={**env, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", counted.stderr)
    if found is None:
        raise SystemExit(f"valgrind counted nothing: {counted.stderr.strip()[-300:]}")
    return int(found.group(1))


def measure(label: str, command: list[str], runs: int, env: dict[str, str]) -> Row:
    """Median wall time of ``command``, of ``python -c pass`` run alternately, their ratio, and peak memory."""
    _time(command, env)  # warm the cache of validated datasets
    floor, times = [], []
    for _ in range(runs):
        floor.append(_time([sys.executable, "-c", "pass"], env))
        times.append(_time(command, env))
    median, base = statistics.median(times), statistics.median(floor)
    return label, median, base, median / base, peak_memory_mib(command, env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--figures", type=int, nargs="*", default=[], help="also time generated datasets of N figures")
    parser.add_argument("--catalog", type=int, default=0, help="also time a generated catalog of N files")
    parser.add_argument("--per-file", type=int, default=100, help="figures in each file of the catalog")
    parser.add_argument(
        "--draft-words", type=int, nargs="*", default=[], help="also time drafting an article of N words"
    )
    parser.add_argument(
        "--draft-chars", type=int, nargs="*", default=[], help="also time drafting an article of N characters"
    )
    parser.add_argument(
        "--draft-pdf-pages", type=int, nargs="*", default=[], help="also time drafting a PDF report of N pages"
    )
    parser.add_argument(
        "--robust", action="store_true", help="also time hostile input (FIFOs, stray files, long numbers)"
    )
    parser.add_argument(
        "--instructions", action="store_true", help="also count the start-up commands' instructions (needs valgrind)"
    )
    options = parser.parse_args()

    # The script beside this interpreter first: a `chilinh` found on PATH may be another install, or a
    # shell shim (pyenv's) that costs more than the program it starts.
    beside = Path(sys.executable).with_name("chilinh")
    chilinh = str(beside) if beside.is_file() else shutil.which("chilinh")
    base = [chilinh] if chilinh else [sys.executable, "-m", "chilinh_cli"]
    work = Path(tempfile.mkdtemp(prefix="chilinh-bench-"))
    env = {**os.environ, "CHILINH_CACHE_DIR": str(work / "cache")}
    env.pop("CHILINH_DATA", None)

    rows = [
        *(measure(label, [*base, *words], options.runs, env) for label, words in STARTUP),
        measure("chilinh --lang vi --help", [*base, "--lang", "vi", "--help"], options.runs, env),
        measure("chilinh metric revenue --lang vi", [*base, "metric", "revenue", "--lang", "vi"], options.runs, env),
        measure(
            "completion of 'metric re<Tab>'",
            [*base],
            options.runs,
            {**env, "_CHILINH_COMPLETE": "complete_bash", "COMP_WORDS": "chilinh metric re", "COMP_CWORD": "2"},
        ),
    ]
    counts: list[tuple[str, int]] = []
    if options.instructions:
        commands = [("python -c pass", [sys.executable, "-c", "pass"])]
        commands.append(("python -c 'import typer' (the floor)", [sys.executable, "-c", "import typer"]))
        commands += [(label, [*base, *words]) for label, words in STARTUP]
        for label, command in commands:
            _time(command, env)  # the store warm
            counts.append((label, instructions(command, env)))

    for count in options.figures:
        path, last_id = generate(count, work)
        big = {**env, "CHILINH_DATA": str(path)}
        rows.append(measure(f"metric NAME, {count:,} figures", [*base, "metric", last_id], options.runs, big))
        rows.append(measure(f"compare --year 2020, {count:,} figures", [*base, "compare"], options.runs, big))
        cold = {**big, "CHILINH_NO_CACHE": "1"}
        first = _time([*base, "metric", last_id], cold)
        nan = float("nan")
        rows.append(
            (
                f"first run (validation), {count:,} figures",
                first,
                nan,
                nan,
                peak_memory_mib([*base, "metric", last_id], cold),
            )
        )

    for words in options.draft_words:
        article = generate_article(words, work)
        rows.append(measure(f"draft, {words:,}-word article", [*base, "draft", str(article)], options.runs, env))

    for chars in options.draft_chars:
        article = generate_article_chars(chars, work)
        rows.append(measure(f"draft, {chars:,}-character article", [*base, "draft", str(article)], options.runs, env))

    for pages in options.draft_pdf_pages:
        report = generate_pdf(pages, work)
        rows.append(measure(f"draft, {pages}-page PDF report", [*base, "draft", str(report)], options.runs, env))

    if options.robust:
        rows += robust_rows(options.runs, base, env, work)

    if options.catalog:
        rows += catalog_rows(options.catalog, options.per_file, options.runs, base, env, work)

    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; medians of {options.runs} runs")
    print(f"| {'command':42} | {'median':>10} | {'python -c pass':>14} | {'ratio':>7} | {'peak memory':>11} |")
    print(f"|{'-' * 44}|{'-' * 12}:|{'-' * 15}:|{'-' * 8}:|{'-' * 12}:|")
    for label, median, floor, ratio, peak in rows:
        floor_text = "" if floor != floor else f"{floor * 1000:.1f} ms"
        ratio_text = "" if ratio != ratio else f"{ratio:.2f}x"
        peak_text = "" if peak != peak else f"{peak:.1f} MiB"
        print(f"| {label:42} | {median * 1000:7.1f} ms | {floor_text:>14} | {ratio_text:>7} | {peak_text:>11} |")
    if counts:
        floor = counts[0][1]
        print(f"\n| {'command':42} | {'instructions':>14} | {'ratio':>7} |")
        print(f"|{'-' * 44}|{'-' * 15}:|{'-' * 8}:|")
        for label, count in counts:
            print(f"| {label:42} | {count / 1e6:12.1f} M | {count / floor:6.2f}x |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
