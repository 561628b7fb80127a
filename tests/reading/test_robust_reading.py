"""Whatever a folder or a file holds: pipes never block, quiet edits are seen, files saved as
people save them (UTF-16, UTF-32, NFD) are read, a legacy encoding is named, big trees are bounded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli.model.errors import DataFileError
from chilinh_cli.reading import finding
from chilinh_cli.reading.finding import catalog_files
from chilinh_cli.reading.intake import prepare
from chilinh_cli.reading.loader import file_status
from chilinh_cli.words import data_messages
from readers import PRISTINE, dump, run

HANG_GUARD = 60  # seconds: a pipe that blocked would never end; the checks are on what is said


def _chilinh(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CHILINH_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "chilinh_cli", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=HANG_GUARD, check=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_as_data_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    done = _chilinh("list", "--data", str(fifo), cache=tmp_path / "c")
    assert done.returncode == 1
    assert done.stderr == f"chilinh: error: {fifo}: is a named pipe (FIFO), not a data file\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_in_a_folder_is_skipped_with_one_warning(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "2021.json").write_text(dump(PRISTINE), encoding="utf-8")
    os.mkfifo(folder / "pipe.json")
    done = _chilinh("metric", "revenue", "--data", str(folder), "-f", "json", cache=tmp_path / "c")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["value"] == 967_300_000_000
    warnings = [line for line in done.stderr.splitlines() if "pipe.json" in line]
    assert warnings == [f"warning: {folder / 'pipe.json'}: is a named pipe (FIFO), not a data file; skipped"]
    checked = _chilinh("validate", str(folder), cache=tmp_path / "c")
    assert "pipe.json: is a named pipe (FIFO)" in checked.stderr


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "a.json").write_text("{}", encoding="utf-8")
    (folder / "inner" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "again").symlink_to(folder / "inner", target_is_directory=True)
    found = catalog_files(folder)
    assert found.files == [str(folder / "inner" / "a.json")]
    assert found.passed == []
    assert found.unreadable == []
    assert found.limit is None


def test_the_walk_stops_at_its_limit_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(30):
        (folder / f"{n:02}.json").write_text("{}", encoding="utf-8")
    assert len(catalog_files(folder).files) == 30
    found = catalog_files(folder, limit=7)
    assert (len(found.files), found.limit) == (7, 7)
    monkeypatch.setenv("CHILINH_MAX_FILES", "4")
    assert catalog_files(folder).limit == 4
    assert finding.MAX_FILES == 100_000  # the documented default


def test_max_files_on_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    for year in (2019, 2020, 2021):
        (folder / f"{year}.json").write_text(dump({**PRISTINE, "metadata": {**PRISTINE["metadata"], "year": year}}))
    done = run("--max-files", "2", "list", "--data", str(folder))
    assert f"warning: {folder}: stopped after 2 data files; --max-files N reads more" in done.stderr


def test_an_unreadable_sub_folder_is_named_and_fails_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reviews"
    (folder / "locked").mkdir(parents=True)
    (folder / "2021.json").write_text(dump(PRISTINE), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if os.fspath(path) == str(folder / "locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = catalog_files(folder)
    assert found.files == [str(folder / "2021.json")]
    assert [path for path, _ in found.unreadable] == [str(folder / "locked")]
    checked = run("validate", str(folder))
    assert checked.exit_code == 1
    assert f"warning: {folder / 'locked'}: this folder cannot be read (permission denied)" in checked.stderr
    answered = run("metric", "revenue", "--data", str(folder))
    assert answered.exit_code == 0
    assert "this folder cannot be read" in answered.stderr


def test_an_unreadable_folder_says_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()

    def scandir(path: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(DataFileError, match="permission denied"):
        catalog_files(folder)


def test_a_file_removed_during_a_run_is_left_out_not_a_failure(tmp_path: Path) -> None:
    gone = prepare(str(tmp_path / "gone.json"), "", lenient=True)
    assert gone.gone
    assert gone.problems == ()
    alone = prepare(str(tmp_path / "gone.json"), "", lenient=False)  # a --data file that is missing: an error
    assert not alone.gone
    assert alone.problems


def _quiet_edit(path: Path, old: str, new: str) -> None:
    """Rewrite ``path`` with the same size and its modification time put back (rsync -t, cp -p)."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old) == len(new)
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_a_same_size_same_mtime_edit_is_served(tmp_path: Path) -> None:
    path = tmp_path / "2021.json"
    path.write_text(dump(PRISTINE), encoding="utf-8")
    status = file_status(path)
    first = run("metric", "petitions", "--data", str(path), "-f", "json")
    assert json.loads(first.stdout)["value"] == 317
    _quiet_edit(path, '"value": 317', '"value": 318')
    assert file_status(path) != status  # the change time moved: no user can set it back
    again = run("metric", "petitions", "--data", str(path), "-f", "json")
    assert json.loads(again.stdout)["value"] == 318


def test_validate_folder_agrees_with_validate_file_after_a_quiet_edit(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    path = folder / "2021.json"
    path.write_text(dump(PRISTINE), encoding="utf-8")
    assert run("validate", str(folder)).exit_code == 0
    _quiet_edit(path, '"unit": "vnd"', '"unit": "xyz"')
    assert run("validate", str(path)).exit_code == 1
    folder_check = run("validate", str(folder))
    assert folder_check.exit_code == 1
    assert "xyz" in folder_check.stderr or "unit" in folder_check.stderr


def _revenue(path: Path | None) -> dict[str, Any]:
    args = ["metric", "revenue", "-f", "json", *(["--data", str(path)] if path else [])]
    done = run(*args)
    assert done.exit_code == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf-16-bom", lambda text: b"\xff\xfe" + text.encode("utf-16-le")),
        ("utf-16-be-bom", lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
        ("utf-32-bom", lambda text: text.encode("utf-32")),
        ("nfd", lambda text: unicodedata.normalize("NFD", text).encode("utf-8")),
        ("utf-8-bom", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
    ],
)
def test_files_as_people_save_them_answer_as_the_original(tmp_path: Path, name: str, encode: Any) -> None:
    path = tmp_path / f"{name}.json"
    path.write_bytes(encode(dump(PRISTINE)))
    assert _revenue(path) == _revenue(None)


def test_nfd_is_a_note_in_validate_not_a_refusal(tmp_path: Path) -> None:
    path = tmp_path / "mac.json"
    path.write_text(unicodedata.normalize("NFD", dump(PRISTINE)), encoding="utf-8")
    checked = run("validate", str(path))
    assert checked.exit_code == 0
    assert checked.stdout.splitlines()[0] == f"note: {path}: text not in NFC (as some macOS tools save it); read as NFC"


def test_a_legacy_vietnamese_encoding_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.json"
    path.write_bytes(dump(PRISTINE).encode("cp1258", errors="replace"))
    done = run("list", "--data", str(path))
    assert done.exit_code == 1
    assert "a legacy Vietnamese encoding (CP1258, VNI or TCVN3)" in done.stderr
    vietnamese = run("list", "--data", str(path), "-l", "vi")
    assert "bảng mã tiếng Việt cũ (CP1258" in vietnamese.stderr


def test_a_folder_of_5000_other_json_files_and_one_dataset(tmp_path: Path) -> None:
    folder = tmp_path / "home"
    (folder / "notes").mkdir(parents=True)
    for n in range(5000):
        (folder / "notes" / f"n{n}.json").write_text(f'{{"n": {n}}}', encoding="utf-8")
    (folder / "2021.json").write_text(dump(PRISTINE), encoding="utf-8")
    done = _chilinh("metric", "revenue", "--data", str(folder), "-f", "json", cache=tmp_path / "c")
    assert done.returncode == 0, done.stderr[-500:]
    assert json.loads(done.stdout)["value"] == 967_300_000_000
    warnings = done.stderr.splitlines()
    first = ", ".join(str(folder / "notes" / name) for name in ("n0.json", "n1.json", "n10.json"))
    assert warnings == [  # one summary line, naming the first three in order
        "warning: 5000 files skipped, not datasets (no schema_version or metadata): " + first + " and 4997 more"
    ]


def test_the_walk_names_every_json_entry_it_cannot_read_and_keeps_going(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reviews"
    (folder / "real").mkdir(parents=True)
    (folder / "2021.json").write_text("{}", encoding="utf-8")
    (folder / "folder.json").symlink_to(folder / "real", target_is_directory=True)  # not followed
    (folder / "gone.json").symlink_to(folder / "nowhere.json")
    (folder / "loop.json").symlink_to(folder / "loop.json")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    found = catalog_files(folder)
    assert found.files == [str(folder / "2021.json")]
    said = {Path(path).name: reason.en for path, reason in found.passed}
    assert said["gone.json"] == data_messages.NO_SUCH_FILE.en
    assert set(said) == {"gone.json", "loop.json"}
    assert said["loop.json"] == data_messages.CANNOT_READ.format(reason="Too many levels of symbolic links").en


def test_a_limit_that_is_no_number_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHILINH_MAX_FILES", "lots")
    assert finding.max_files() == finding.MAX_FILES
    monkeypatch.setenv("CHILINH_MAX_FILES", "0")
    assert finding.max_files() == 1
