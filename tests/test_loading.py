"""Loading and validating data files: each rule rejects its bad case with the field path."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chilinh_cli import loader
from chilinh_cli.errors import DataFileError
from chilinh_cli.loader import load_dataset, parse_and_validate
from chilinh_cli.messages import Msg
from chilinh_cli.validation import json_schema

Writer = Callable[[Any], Path]


def _said(path: Path) -> list[tuple[str, Msg]]:
    with pytest.raises(DataFileError) as caught:
        load_dataset(path, use_cache=False)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    return list(caught.value.problems)


def _problems(path: Path) -> list[tuple[str, str]]:
    """Each problem's field path and its English."""
    return [(field, reason.en) for field, reason in _said(path)]


def _figure(document: dict[str, Any], figure_id: str) -> dict[str, Any]:
    return next(f for f in document["figures"] if f["id"] == figure_id)


def test_embedded_dataset_loads(document: dict[str, Any], write_dataset: Writer) -> None:
    dataset = load_dataset(write_dataset(document), use_cache=False)
    assert len(dataset.figures) == 37


def test_public_api_is_importable_lazily() -> None:
    import chilinh_cli

    assert chilinh_cli.load_dataset(use_cache=False) == load_dataset(use_cache=False)
    with pytest.raises(AttributeError):
        _ = chilinh_cli.no_such_name  # type: ignore[attr-defined]


MUTATIONS: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("duplicate id", lambda d: d["figures"][1].update(id="voter-turnout"), "figures[1].id", "already the id"),
    (
        "alias taken",
        lambda d: _figure(d, "petitions")["aliases"].append("revenue"),
        "figures[34].aliases[2]",
        "revenue",
    ),
    ("alias twice", lambda d: _figure(d, "petitions")["aliases"].append("don-thu"), "figures[34].aliases[2]", "twice"),
    ("not kebab", lambda d: d["figures"][0].update(id="Voter Turnout"), "figures[0].id", "kebab-case"),
    (
        "dangling figure",
        lambda d: d["highlights"][0]["figures"].append("nope"),
        "highlights[0].figures[3]",
        "no figure",
    ),
    (
        "headline outside",
        lambda d: d["highlights"][0]["headline"].append("petitions"),
        "highlights[0].headline[1]",
        "not one of",
    ),
    ("dangling event", lambda d: d["highlights"][0]["events"].append("nope"), "highlights[0].events[0]", "no event"),
    ("orphan figure", lambda d: d["highlights"][9]["figures"].pop(), "figures[36]", "belongs to no highlight"),
    ("orphan event", lambda d: d["highlights"][6]["events"].pop(), "events[3]", "belongs to no highlight"),
    (
        "figure twice",
        lambda d: d["highlights"][1]["figures"].append("voter-turnout"),
        "highlights[1].figures[3]",
        "already belongs",
    ),
    (
        "event twice",
        lambda d: d["highlights"][1]["events"].append("lockdown-lifted"),
        "highlights[2].events[1]",
        "already belongs",
    ),
    ("section mismatch", lambda d: d["figures"][0]["source"].update(section=2), "figures[0].source.section", "differs"),
    (
        "section 11",
        lambda d: d["figures"][0]["source"].update(section=11),
        "figures[0].source.section",
        "less than or equal to 10",
    ),
    (
        "empty quote",
        lambda d: d["figures"][0]["source"].update(quote=""),
        "figures[0].source.quote",
        "at least 1 character",
    ),
    ("padded quote", lambda d: d["figures"][0]["source"].update(quote=" x"), "figures[0].source.quote", "white space"),
    ("NFD quote", lambda d: d["figures"][0]["source"].update(quote="ti\u0300"), "figures[0].source.quote", "NFC"),
    ("unknown unit", lambda d: d["figures"][0].update(unit="furlongs"), "figures[0].unit", "Input should be"),
    (
        "unknown qualifier",
        lambda d: d["figures"][0].update(qualifier="about"),
        "figures[0].qualifier",
        "Input should be",
    ),
    ("unknown field", lambda d: d["figures"][0].update(colour="red"), "figures[0].colour", "Unknown field"),
    ("missing field", lambda d: d["figures"][0].pop("label"), "figures[0].label", "Field required"),
    ("string number", lambda d: d["figures"][0].update(value="99.92"), "figures[0].value", "number"),
    (
        "bool number",
        lambda d: d["figures"][0]["source"].update(section=True),
        "figures[0].source.section",
        "whole number",
    ),
    ("negative", lambda d: d["figures"][0].update(value=-1), "figures[0]", "negative"),
    ("share without whole", lambda d: _figure(d, "socio-economic-targets").pop("out_of"), "figures[13]", "out_of"),
    ("fraction of money", lambda d: d["figures"][14].update(value=Decimal("1.5")), "figures[14]", "whole number"),
    ("year missing", lambda d: d["figures"][14]["comparisons"][0].pop("year"), "figures[14].comparisons[0]", "year"),
    (
        "later year",
        lambda d: d["figures"][14]["comparisons"][0].update(year=2022),
        "figures[14].comparisons[0].year",
        "before",
    ),
    (
        "ambiguous, no note",
        lambda d: d["figures"][16]["comparisons"][0].pop("note"),
        "figures[16].comparisons[0]",
        "note",
    ),
    ("bad date", lambda d: d["metadata"].update(published="2022-13-45"), "metadata", "YYYY-MM-DD"),
    ("impossible day", lambda d: d["events"][0]["date"].update(day=31), "events[0].date", "2021-02-31 is not a date"),
    ("day and period", lambda d: d["events"][0]["date"].update(period="mid"), "events[0].date", "either"),
    ("rank twice", lambda d: d["highlights"][1].update(rank=1), "highlights[1].rank", "used twice"),
    ("slug twice", lambda d: d["highlights"][1].update(slug="elections"), "highlights[1].slug", "used twice"),
    ("event id", lambda d: d["events"][1].update(id="quarantine-return-home"), "events[1].id", "used twice"),
    ("bad slug", lambda d: d["highlights"][1].update(slug="-x-"), "highlights[1].slug", "kebab-case"),
    ("schema version", lambda d: d.update(schema_version=2), "schema_version", "Input should be 1"),
    ("wrong collection", lambda d: d.update(figures={}), "figures", "a list (a JSON array)"),
    ("too large", lambda d: d["figures"][14].update(value=10**18), "figures[14]", "too large"),
    ("too precise", lambda d: d["figures"][0].update(value=Decimal("99.1234567")), "figures[0]", "7 digits after"),
    (
        "fall of 100 %",
        lambda d: d["figures"][14]["comparisons"][0].update(value=-100),
        "figures[14].comparisons[0]",
        "above -100",
    ),
    ("share over whole", lambda d: d["figures"][13].update(value=13), "figures[13]", "more than its whole"),
    (
        "rise over value",
        lambda d: d["figures"][31]["comparisons"][0].update(value=197),
        "figures[31]",
        "comparisons[0]: an increase of 197 is more than the value itself (196)",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "field", "reason"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_rule_rejects_its_bad_case(
    document: dict[str, Any],
    write_dataset: Writer,
    case: str,
    mutate: Callable[[dict[str, Any]], None],
    field: str,
    reason: str,
) -> None:
    mutate(document)
    problems = _problems(write_dataset(document))
    assert any(path == field and reason in message for path, message in problems), problems


def test_every_problem_is_listed_not_only_the_first(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["unit"] = "furlongs"
    document["figures"][1]["qualifier"] = "about"
    problems = _problems(write_dataset(document))
    assert {p for p, _ in problems} >= {"figures[0].unit", "figures[1].qualifier"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b'{"schema_version": 1,', "not valid JSON"),
        (b"[1, 2]", "must be a JSON object, not an array"),
        (b'"text"', "must be a JSON object, not a string"),
        (b'{"a": NaN}', "NaN is not a number"),
        (b'{"a": -Infinity}', "-Infinity is not a number"),
        (b'{"a": 1, "a": 2}', "appears twice"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": ' + b"9" * 5000 + b"}", "not a usable JSON document"),
    ],
)
def test_broken_files_get_one_clear_message(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    (problem,) = _problems(path)
    assert problem[0] == ""
    assert reason in problem[1]


def test_byte_order_mark_is_accepted(document: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document, default=float, ensure_ascii=False).encode())
    assert load_dataset(path, use_cache=False).metadata.year == 2021


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _problems(tmp_path / "absent.json") == [("", "no such file")]
    assert _problems(tmp_path) == [("", "is a directory, not a data file")]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.json"
    path.write_text("{}")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError

    monkeypatch.setattr(Path, "open", refuse)
    assert _problems(path) == [("", "permission denied")]

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", fail)
    assert _problems(path) == [("", "cannot be read: Input/output error")]


def test_file_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.json"
    path.write_text("{" + " " * 2000 + "}")
    ((_, reason),) = _said(path)
    assert "2,002 bytes" in reason.en
    assert "at most" in reason.en
    assert reason.vi == "có 2.002 byte; một tệp dữ liệu chỉ được tối đa 0 MiB"


def test_file_growing_while_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """stat may see a small file that has grown by the time it is read: the read is capped too."""
    path = tmp_path / "grows.json"
    path.write_text("{" + " " * 20 + "}")
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    real_stat = Path.stat

    def small_stat(self: Path, **kwargs: bool) -> os.stat_result:
        result = real_stat(self, **kwargs)
        return os.stat_result((result.st_mode, *result[1:6], 5, *result[7:]))

    monkeypatch.setattr(Path, "stat", small_stat)
    assert _problems(path) == [("", "is larger than 0 MiB")]


def test_error_message_lists_each_field(document: dict[str, Any], write_dataset: Writer) -> None:
    document["figures"][0]["unit"] = "furlongs"
    path = write_dataset(document)
    with pytest.raises(DataFileError) as caught:
        load_dataset(path, use_cache=False)
    message = str(caught.value)
    assert message.startswith(f"{path}: invalid dataset (1 problem)")
    assert "  figures[0].unit: Input should be" in message


def test_parse_and_validate_names_the_source() -> None:
    with pytest.raises(DataFileError, match=r"^memory: is empty$"):
        parse_and_validate(b"", "memory")


# ---- the cache of validated datasets -------------------------------------------------


def test_cache_is_written_and_used(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    first = load_dataset(path)
    assert len(list((tmp_path / "c").glob("*.pickle"))) == 1
    import chilinh_cli.validation as validation

    monkeypatch.setattr(validation, "validate", lambda document: pytest.fail("validated again"))
    assert load_dataset(path) == first


def test_changed_file_is_validated_again(document: dict[str, Any], write_dataset: Writer) -> None:
    path = write_dataset(document)
    load_dataset(path)
    document["figures"][0]["unit"] = "furlongs"
    path.write_text(json.dumps(document, default=float, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"figures\[0\]\.unit"):
        load_dataset(path)


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05N."])
def test_corrupt_cache_is_ignored(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, garbage: bytes
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    load_dataset(path)
    (entry,) = (tmp_path / "c").glob("*.pickle")
    entry.write_bytes(garbage)
    assert load_dataset(path).metadata.year == 2021


def test_cache_of_another_version_is_ignored(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    path = write_dataset(document)
    load_dataset(path)
    (entry,) = (tmp_path / "c").glob("*.pickle")
    key, dataset = pickle.loads(entry.read_bytes())
    entry.write_bytes(pickle.dumps(((0, "0.0.0", "old", key[3]), dataset)))
    assert load_dataset(path) == dataset
    assert pickle.loads(entry.read_bytes())[0] == key  # rewritten with the current key


def test_unwritable_cache_only_costs_speed(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(blocker / "cache"))
    assert load_dataset(write_dataset(document)).metadata.year == 2021


def test_cache_can_be_disabled(
    document: dict[str, Any], write_dataset: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHILINH_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("CHILINH_NO_CACHE", "1")
    load_dataset(write_dataset(document))
    assert not (tmp_path / "c").exists()


def test_cache_location_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHILINH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert loader._cache_dir() == tmp_path / "chilinh"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert loader._cache_dir() == tmp_path / "chilinh" / "cache"
    monkeypatch.delenv("LOCALAPPDATA")
    assert loader._cache_dir() is None


# ---- the JSON Schema -----------------------------------------------------------------


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads((Path(__file__).resolve().parents[1] / "data" / "highlights.schema.json").read_text())
    hint = "data/highlights.schema.json is out of date: run 'chilinh schema > data/highlights.schema.json'"
    assert committed == json_schema(), hint


def test_data_file_satisfies_its_schema(document: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(json.dumps(document, default=float)), json_schema())
    document["figures"][0]["unit"] = "furlongs"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(document, default=float)), json_schema())


def test_loading_restores_the_garbage_collector(document: dict[str, Any], write_dataset: Writer) -> None:
    import gc

    path = write_dataset(document)
    assert gc.isenabled()
    load_dataset(path)  # validates and writes the cache
    load_dataset(path)  # reads the cache
    assert gc.isenabled()
    gc.disable()
    try:
        load_dataset(path)
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()
