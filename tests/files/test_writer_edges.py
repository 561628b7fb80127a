"""files.writer at its edges: parents that cannot be made, a path that changes while it is
written, a pipe nobody reads, and a directory swap that fails half way and puts everything back."""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.files import writer
from chilinh_cli.files.writer import atomic_directory, atomic_file, destination
from chilinh_cli.model.errors import ExportError


def _refuse_mkdir(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(self: Path, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)


def test_a_new_file_whose_folders_cannot_be_made_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_mkdir(monkeypatch)
    wanted = tmp_path / "a" / "b" / "out.db"
    with pytest.raises(ExportError, match="cannot write here") as refused:
        destination(wanted, force=True, make_parents=True)
    assert str(wanted) in str(refused.value)
    assert not (tmp_path / "a").exists()


def test_a_path_under_a_file_is_refused_naming_it(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write here"):
        destination(tmp_path / "plain" / "out.db", force=True)
    with (
        pytest.raises(ExportError, match="cannot write here"),
        atomic_directory(tmp_path / "plain" / "tables", ["a.csv"], force=True),
    ):
        pass  # pragma: no cover - refused before the block
    assert (tmp_path / "plain").read_text(encoding="utf-8") == "mine"


def test_an_export_folder_that_cannot_be_made_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse_mkdir(monkeypatch)
    with (
        pytest.raises(ExportError, match="cannot write here"),
        atomic_directory(tmp_path / "a" / "tables", ["a.csv"], force=True),
    ):
        pass  # pragma: no cover - refused before the block


def test_a_block_device_is_refused_by_its_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    disk = tmp_path / "disk"
    disk.write_bytes(b"")
    real_stat = os.stat

    def as_block_device(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)
        if Path(path) != disk:
            return found
        fields = list(found)
        fields[0] = stat.S_IFBLK | 0o660
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", as_block_device)
    with pytest.raises(ExportError, match="block device"):
        destination(disk, force=True)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        with pytest.raises(ExportError, match="socket"):
            destination(path, force=True)


def test_something_else_appearing_while_writing_is_left_alone(tmp_path: Path) -> None:
    wanted = tmp_path / "out.db"

    def write_while_a_folder_appears() -> None:
        with atomic_file(wanted) as temporary:
            temporary.write_text("new", encoding="utf-8")
            wanted.mkdir()  # another program put a folder there meanwhile

    with pytest.raises(ExportError, match="appeared there while writing"):
        write_while_a_folder_appears()
    assert wanted.is_dir()
    assert [path.name for path in tmp_path.iterdir()] == ["out.db"]  # no temporary file left


def test_writing_through_a_pipe_nobody_reads_or_a_missing_device(tmp_path: Path) -> None:
    source = tmp_path / "bytes"
    source.write_bytes(b"abc")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="no process is reading this pipe"):
        writer._write_through(source, pipe)
    with pytest.raises(FileNotFoundError):
        writer._write_through(source, tmp_path / "gone" / "device")


def test_a_name_in_the_folder_that_is_a_device_is_not_replaced(tmp_path: Path) -> None:
    home = tmp_path / "tables"
    home.mkdir()
    (home / "a.csv").symlink_to("/dev/null")
    with pytest.raises(ExportError, match="not a regular file"), atomic_directory(home, ["a.csv"], force=True):
        pass  # pragma: no cover - refused before the block
    assert (home / "a.csv").is_symlink()


def test_no_room_for_the_staging_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def full(*args: Any, **kwargs: Any) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkdtemp", full)
    with pytest.raises(ExportError) as refused, atomic_directory(tmp_path / "tables", ["a.csv"], force=True):
        pass  # pragma: no cover - refused before the block
    assert str(tmp_path / "tables") in str(refused.value)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(ExportError) as refused, atomic_file(tmp_path / "out.db"):
        pass  # pragma: no cover - refused before the block
    assert str(tmp_path / "out.db") in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_loop_of_links_is_not_taken_for_a_descriptor(tmp_path: Path) -> None:
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    assert writer._through_descriptor(tmp_path / "one") is False


def test_a_swap_that_fails_half_way_puts_the_old_files_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "tables"
    home.mkdir()
    (home / "a.csv").write_text("old a", encoding="utf-8")
    (home / "b.csv").write_text("old b", encoding="utf-8")
    (home / "notes.txt").write_text("not ours", encoding="utf-8")
    real_replace = os.replace
    placed: list[str] = []

    def fails_on_b(source: Any, target: Any) -> None:
        if Path(target) == home / "b.csv" and Path(source).parent.name != ".replaced":
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)
        placed.append(Path(target).name)

    monkeypatch.setattr(os, "replace", fails_on_b)

    def export_both() -> None:
        with atomic_directory(home, ["a.csv", "b.csv"], force=True) as staging:
            (staging / "a.csv").write_text("new a", encoding="utf-8")
            (staging / "b.csv").write_text("new b", encoding="utf-8")

    with pytest.raises(ExportError, match="cannot write here"):
        export_both()
    assert "a.csv" in placed  # a was swapped in before b failed, then put back
    assert {path.name: path.read_text(encoding="utf-8") for path in home.iterdir()} == {
        "a.csv": "old a",
        "b.csv": "old b",
        "notes.txt": "not ours",
    }
    assert sorted(path.name for path in tmp_path.iterdir()) == ["tables"]  # no staging folder left
