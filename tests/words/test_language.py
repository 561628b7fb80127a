"""Which language a run speaks: --lang, CHILINH_LANG and the locale."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chilinh_cli.words.language import default_language, requested_language


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "vi_VN", "LANG": "en_US"}, "vi"),
        ({}, "en"),
    ],
)
def test_default_language_follows_the_locale(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str) -> None:
    monkeypatch.delenv("LANG", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert default_language() == lang


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (["list", "--lang", "vi"], {}, "vi"),
        (["list", "--lang=VI"], {}, "vi"),
        (["list", "-lvi"], {}, "vi"),
        (["-l", "vi", "list"], {}, "vi"),
        (["list", "-l", "vi", "--lang", "en"], {}, "en"),
        (["list", "--lang", "fr"], {"LANG": "vi_VN.UTF-8"}, "vi"),
        (["search", "--", "--lang", "vi"], {}, "en"),
        (["list", "--lang"], {}, "en"),
        (["list"], {"CHILINH_LANG": "vi", "LANG": "en_GB.UTF-8"}, "vi"),
        (["list"], {"CHILINH_LANG": "klingon", "LC_ALL": "vi_VN"}, "vi"),
        (["list"], {"LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
        (["list"], {"LC_MESSAGES": "vi_VN.UTF-8"}, "vi"),
        (["list"], {}, "en"),
    ],
)
def test_requested_language(args: list[str], environ: dict[str, str], expected: str) -> None:
    assert requested_language(args, environ) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["--lang", "-l", "vi", "en", "VI", "--", "-lvi", "--lang=en", "x", ""]) | st.text()))
def test_requested_language_is_always_one_we_speak(args: list[str]) -> None:
    chosen = requested_language(args, {})
    assert chosen in ("en", "vi")
    if "vi" not in "".join(args).lower():
        assert chosen == "en"


def test_default_language_reads_the_environment() -> None:
    assert default_language({}) == "en"
    assert default_language({"LANG": "vi_VN.UTF-8"}) == "vi"
    assert default_language({"CHILINH_LANG": " VI "}) == "vi"
