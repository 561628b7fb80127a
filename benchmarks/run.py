"""Time chilinh as a user meets it: whole processes, against `python -c pass`.

    python benchmarks/run.py                 # the embedded dataset
    python benchmarks/run.py --figures 100000 # also a generated dataset of that many figures

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
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


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


def _time(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of one run, and its peak memory (KiB) where the platform reports it."""
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    except ImportError:  # pragma: no cover - Windows
        peak = 0
    return elapsed, peak


def measure(label: str, command: list[str], runs: int, env: dict[str, str]) -> tuple[str, float, float, float]:
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # warm cache
    floor, times = [], []
    for _ in range(runs):
        floor.append(_time([sys.executable, "-c", "pass"], env)[0])
        times.append(_time(command, env)[0])
    return (
        label,
        statistics.median(times),
        statistics.median(floor),
        statistics.median(times) / statistics.median(floor),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--figures", type=int, nargs="*", default=[], help="also time generated datasets of N figures")
    options = parser.parse_args()

    chilinh = shutil.which("chilinh")
    base = [chilinh] if chilinh else [sys.executable, "-m", "chilinh_cli"]
    work = Path(tempfile.mkdtemp(prefix="chilinh-bench-"))
    env = {**os.environ, "CHILINH_CACHE_DIR": str(work / "cache")}
    env.pop("CHILINH_DATA", None)

    rows = [
        measure("chilinh metric revenue", [*base, "metric", "revenue"], options.runs, env),
        measure("chilinh list", [*base, "list"], options.runs, env),
        measure("chilinh compare --year 2020", [*base, "compare", "--year", "2020"], options.runs, env),
        measure("chilinh --help", [*base, "--help"], options.runs, env),
        measure(
            "completion of 'metric re<Tab>'",
            [*base],
            options.runs,
            {**env, "_CHILINH_COMPLETE": "complete_bash", "COMP_WORDS": "chilinh metric re", "COMP_CWORD": "2"},
        ),
    ]
    for count in options.figures:
        path, last_id = generate(count, work)
        big = {**env, "CHILINH_DATA": str(path)}
        rows.append(measure(f"metric NAME, {count:,} figures", [*base, "metric", last_id], options.runs, big))
        rows.append(measure(f"compare --year 2020, {count:,} figures", [*base, "compare"], options.runs, big))
        first = _time([*base, "metric", "revenue"], {**big, "CHILINH_NO_CACHE": "1"})[0]
        rows.append((f"first run (validation), {count:,} figures", first, float("nan"), float("nan")))

    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; medians of {options.runs} runs")
    print(f"{'command':44} {'median':>10} {'python -c pass':>15} {'ratio':>7}")
    for label, median, floor, ratio in rows:
        print(f"{label:44} {median * 1000:8.1f}ms {floor * 1000:13.1f}ms {ratio:6.2f}x")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
