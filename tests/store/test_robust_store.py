"""The store under a full disk, a damaged page and an interrupted build; concurrent use stays safe."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chilinh_cli.store.store import open_store
from readers import PRISTINE, dump

HANG_GUARD = 120  # seconds: only against a hang; the checks are on what happens


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "CHILINH_CACHE_DIR": str(cache)}


def _catalog(folder: Path, count: int) -> Path:
    """``count`` reviews of fictional communes, thirty years each."""
    folder.mkdir()
    for n in range(count):
        metadata = {
            **PRISTINE["metadata"],
            "year": 1990 + n % 30,
            "locality": {"vi": f"X\u00e3 Th\u1eed {n // 30}", "en": f"Thu commune {n // 30}"},
        }
        (folder / f"r{n:03}.json").write_text(dump({**PRISTINE, "metadata": metadata}), encoding="utf-8")
    return folder


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "chilinh_cli", *args]


def test_a_file_size_limit_answers_from_memory(tmp_path: Path) -> None:
    folder = _catalog(tmp_path / "reviews", 200)

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    done = subprocess.run(
        _command("metric", "revenue", "--data", str(folder), "--place", "Thu commune 3", "-f", "json"),
        env=_env(tmp_path / "c"),
        preexec_fn=limited,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert "internal error" not in done.stderr
    assert "967300000000" in done.stdout.replace(" ", "")
    json.loads(done.stdout)


def test_a_store_with_a_damaged_page_is_rebuilt(tmp_path: Path) -> None:
    folder = _catalog(tmp_path / "reviews", 40)
    command = _command("metric", "revenue", "--data", str(folder), "--place", "Thu commune 1", "-f", "json")
    first = subprocess.run(command, env=_env(tmp_path / "c"), capture_output=True, timeout=HANG_GUARD, check=True)
    (store,) = (tmp_path / "c").glob("catalog-*.sqlite")
    damaged = bytearray(store.read_bytes())
    page = 4096
    for number in range(2, len(damaged) // page, 2):  # every other page: the tables and their indexes
        damaged[number * page : number * page + 64] = b"\xde\xad" * 32
    store.write_bytes(bytes(damaged))
    connection = sqlite3.connect(store)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="malformed"):
            connection.execute("SELECT count(*), sum(length(document)) FROM datasets").fetchall()
    finally:
        connection.close()
    again = subprocess.run(command, env=_env(tmp_path / "c"), capture_output=True, timeout=HANG_GUARD, check=False)
    assert again.returncode == 0, again.stderr[-800:]
    assert again.stdout == first.stdout


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a build uses worker processes only with two cores or more")
@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_workers_end_with_their_parent(tmp_path: Path, ending: signal.Signals) -> None:
    folder = _catalog(tmp_path / "reviews", 300)
    process = subprocess.Popen(
        _command("list", "--data", str(folder)),
        env=_env(tmp_path / "c"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + HANG_GUARD
    workers: set[int] = set()
    while not workers and process.poll() is None and time.monotonic() < deadline:
        workers = _children(process.pid)
        time.sleep(0.02)
    if not workers:
        process.wait(HANG_GUARD)
        pytest.skip("the build ended before its workers could be seen")
    process.send_signal(ending)
    process.wait(HANG_GUARD)
    time.sleep(3)
    assert _alive(workers) == set()


def test_concurrent_edits_while_querying_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    path = folder / "2021.json"
    path.write_text(dump(PRISTINE), encoding="utf-8")
    command = _command("metric", "petitions", "--data", str(folder), "-f", "json")
    querier = [
        subprocess.Popen(command, env=_env(tmp_path / "c"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    for value in range(318, 338):  # an editor saving whole files (a temporary renamed into place)
        document = {
            **PRISTINE,
            "figures": [{**f, "value": value} if f["id"] == "petitions" else f for f in PRISTINE["figures"]],
        }
        temporary = folder / ".2021.json.tmp"
        temporary.write_text(dump(document), encoding="utf-8")
        os.replace(temporary, path)
    results = [run.communicate(timeout=HANG_GUARD) for run in querier]
    assert all(run.returncode == 0 for run in querier), [err for _, err in results]
    assert all(317 <= json.loads(out)["value"] <= 337 for out, _ in results)
    final = subprocess.run(command, env=_env(tmp_path / "c"), capture_output=True, timeout=HANG_GUARD, check=True)
    assert json.loads(final.stdout)["value"] == 337
    assert [p.name for p in (tmp_path / "c").iterdir() if p.suffix == ".sqlite"] != []
    assert len(list((tmp_path / "c").glob("catalog-*.sqlite"))) == 1
    assert not [p for p in (tmp_path / "c").iterdir() if p.name.startswith(".tmp")]


@pytest.mark.parametrize(
    ("error", "then"),
    [("database or disk is full", "memory"), ("database disk image is malformed", "file")],
)
def test_a_store_that_breaks_while_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: str, then: str
) -> None:
    """Full: this run answers from memory, the store is left to other runs; damaged: built again."""
    from chilinh_cli.answers import catalog as catalogs

    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    calls: list[Path | None] = []

    def sync(store: object) -> list[int]:
        calls.append(getattr(store, "path", None))
        if len(calls) == 1:
            raise sqlite3.OperationalError(error)
        return [1]

    store, ids = catalogs.synced(sync)
    store.close()
    assert ids == [1]
    assert len(calls) == 2
    assert calls[0] is not None
    assert (calls[1] is None) == (then == "memory")
    assert open_store().path is not None


def test_a_pool_is_ended_at_once_when_a_build_fails(tmp_path: Path) -> None:
    """Many files go through the pool in order, a bad one in its place; when the build is
    interrupted (an error, Ctrl-C, a signal), the pool's workers are terminated, not waited for."""
    from concurrent.futures import ProcessPoolExecutor

    from chilinh_cli.reading import intake
    from readers import PRISTINE

    good = json.dumps(PRISTINE)
    files: list[tuple[int, Path | str, str]] = []
    for n in range(20):
        path = tmp_path / f"r{n:02}.json"
        path.write_text(good if n != 3 else "{broken", encoding="utf-8")
        files.append((n, str(path), ""))
    results = list(intake.prepare_all(files))
    assert [place for place, _ in results] == list(range(20))
    assert results[3][1].problems  # the broken one, in its place
    assert not results[4][1].problems
    building = intake.prepare_all(files)
    next(building)
    with pytest.raises(KeyboardInterrupt):
        building.throw(KeyboardInterrupt)
    pool = ProcessPoolExecutor(max_workers=1, initializer=intake.tied_to_parent)
    pool.submit(sum, [1, 2]).result()
    workers = list((pool._processes or {}).values())
    pipe = pool._result_queue
    intake.end_pool(pool)
    # a worker ended mid-result must not leave the pool's thread waiting for the rest for ever
    # (seen under load: the interpreter's exit hung joining it): our end of the pipe is closed
    assert pipe._writer.closed  # type: ignore[attr-defined]
    # The pool's own thread reaps the workers too: a join here can lose that race (ECHILD) and
    # report a dead worker alive, so wait for its exit code to be known, from either side.
    deadline = time.monotonic() + 10
    while any(worker.exitcode is None for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [worker.exitcode is not None for worker in workers] == [True]
