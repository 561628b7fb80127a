"""files: the one decision about a path, and writing whole files and whole directories."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from chilinh_cli.files.writer import atomic_directory, atomic_file, destination
from chilinh_cli.model.errors import ExportError
from readers import ROOT, kind_of, make_node


def _needs(kind: str) -> None:
    if kind == "device" and not ROOT:
        pytest.skip("mknod needs root")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("absent", "new"),
        ("file", "file"),
        ("link-to-file", "file"),
        ("dangling-link", "new"),
        ("device", "through"),
    ],
)
def test_destination_of_each_writablemake_node(tmp_path: Path, kind: str, expected: str) -> None:
    _needs(kind)
    path = tmp_path / "out"
    if kind != "absent":
        make_node(kind, path)
    found = destination(path, force=True)
    assert found.kind == expected
    if kind.startswith("link") or kind == "dangling-link":
        assert found.path == (tmp_path / "out").resolve()  # the link's target, the link kept


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("directory", "is a directory"),
        ("fifo", "is a named pipe (FIFO)"),
        ("socket", "is a socket"),
        ("link-to-fifo", "is a named pipe (FIFO)"),
    ],
)
def test_destination_refuses_what_is_not_a_file(tmp_path: Path, kind: str, said: str) -> None:
    path = tmp_path / "out"
    make_node(kind, path)
    with pytest.raises(ExportError, match=r"out: ") as caught:
        destination(path, force=True)
    assert said in caught.value.message("en")
    assert caught.value.message("vi") != caught.value.message("en")


def test_destination_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("keep")
    with pytest.raises(ExportError, match="already exists; use --force"):
        destination(tmp_path / "out", force=False)


def test_devices_and_descriptors_are_written_through() -> None:
    assert destination(Path("/dev/null"), force=False).kind == "through"
    assert destination(Path(f"/dev/fd/{sys.stderr.fileno()}"), force=False).kind == "through"


def test_a_block_device_is_never_written() -> None:
    disks = [Path("/dev") / name for name in sorted(os.listdir("/dev")) if name.startswith(("loop", "sd", "vd"))]
    block = next((disk for disk in disks if stat.S_ISBLK(os.stat(disk).st_mode)), None)
    if block is None:
        pytest.skip("no block device here")
    with pytest.raises(ExportError, match="block device"):
        destination(block, force=True)


def test_atomic_file_writes_through_a_device_and_leaves_it_a_device(tmp_path: Path) -> None:
    _needs("device")
    device = tmp_path / "null"
    make_node("device", device)
    with atomic_file(device, force=True) as temporary:
        temporary.write_text("picture")
    assert kind_of(device) == "device"
    assert os.listdir(tmp_path) == ["null"]


def test_atomic_file_replaces_a_link_target_and_keeps_the_link(tmp_path: Path) -> None:
    make_node("link-to-file", tmp_path / "out")
    with atomic_file(tmp_path / "out", force=True) as temporary:
        temporary.write_text("new")
    assert (tmp_path / "out").is_symlink()
    assert (tmp_path / "out.target").read_text() == "new"
    assert sorted(os.listdir(tmp_path)) == ["out", "out.target"]


def _write(path: Path, failure: Exception | None = None) -> None:
    with atomic_file(path) as temporary:
        temporary.write_text("half")
        if failure is not None:
            raise failure


def _write_set(directory: Path, force: bool) -> None:
    with atomic_directory(directory, ["a.csv", "b.csv"], force=force) as staging:
        (staging / "a.csv").write_text("new")
        raise RuntimeError("the disk filled up")


def test_atomic_file_leaves_nothing_when_writing_fails(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("old")
    with pytest.raises(ExportError, match="disk full"):
        _write(tmp_path / "out", OSError(28, "No space left on device"))
    assert (tmp_path / "out").read_text() == "old"
    assert os.listdir(tmp_path) == ["out"]


def test_a_pipe_nobody_reads_is_refused_at_once() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        with pytest.raises(ExportError, match="no process is reading"):
            _write(Path(f"/dev/fd/{write_end}"))
    finally:
        os.close(write_end)


def test_atomic_directory_leaves_nothing_new_when_a_file_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        _write_set(tmp_path / "out", force=False)
    assert os.listdir(tmp_path) == []


def test_atomic_directory_keeps_an_old_export_when_a_new_one_fails(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.csv", "b.csv", "mine.txt"):
        (out / name).write_text("old " + name)
    with pytest.raises(RuntimeError):
        _write_set(out, force=True)
    assert {p.name: p.read_text() for p in out.iterdir()} == {n: "old " + n for n in ("a.csv", "b.csv", "mine.txt")}
    assert os.listdir(tmp_path) == ["out"]


def test_atomic_directory_swaps_in_a_complete_set_and_keeps_other_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.csv").write_text("old")
    (out / "mine.txt").write_text("mine")
    with atomic_directory(out, ["a.csv", "b.csv"], force=True) as staging:
        (staging / "a.csv").write_text("new a")
        (staging / "b.csv").write_text("new b")
    assert {p.name: p.read_text() for p in out.iterdir()} == {"a.csv": "new a", "b.csv": "new b", "mine.txt": "mine"}
    assert os.listdir(tmp_path) == ["out"]


def test_atomic_directory_refuses_a_table_name_that_is_not_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.csv")
    with pytest.raises(ExportError, match="FIFO"), atomic_directory(out, ["a.csv"], force=True):
        pass  # pragma: no cover - refused before
    assert kind_of(out / "a.csv") == "fifo"
