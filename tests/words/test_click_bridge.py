"""Click's words and help texts in Vietnamese: the translations, and usage errors without a command."""

from __future__ import annotations

import pytest
from typer._click.exceptions import BadParameter, MissingParameter, UsageError
from typer.main import get_command

from chilinh_cli.cli.app import app
from chilinh_cli.cli.bridge import usage_error_text
from chilinh_cli.words.click_words import HELP, help_vi, message_vi
from readers import help_texts


def test_every_help_text_has_its_vietnamese() -> None:
    missing = [text for text in help_texts(get_command(app)) if help_vi(text) == text]
    assert not missing, "add these to click_words.HELP: " + repr(missing)
    unused = {msg.en for msg in HELP} - set(help_texts(get_command(app))) - {"Show this message and exit.", "Examples:"}
    assert not unused, "these Vietnamese texts translate nothing: " + repr(unused)


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("File 'a b' is a file.", "'a b' là một tệp, không phải thư mục."),
        ("Path 'x' is not readable.", "không đọc được 'x'."),
        ("Directory 'x' is not writable.", "không ghi được vào 'x'."),
        ("File 'x' does not exist.", "không có 'x'."),
        ("Option '--year' requires an argument.", "tuỳ chọn '--year' cần một giá trị."),
    ],
)
def test_clicks_path_messages(english: str, vietnamese: str) -> None:
    assert message_vi(english) == vietnamese


def test_unknown_messages_stay_as_they_are() -> None:
    assert message_vi("something Click may say one day") == "something Click may say one day"
    assert help_vi("An option nobody translated.  [default: 3]") == "An option nobody translated.  [default: 3]"
    assert help_vi("[required]") == "[bắt buộc]"
    assert help_vi("Replace files that already exist.  [env var: X; required]") == (
        "Ghi đè các tệp đã có.  [biến môi trường: X; bắt buộc]"
    )


@pytest.mark.parametrize(
    ("error", "vietnamese"),
    [
        (BadParameter("it is empty"), "Lỗi: giá trị không hợp lệ: giá trị rỗng\n"),
        (
            BadParameter("it is empty", param_hint=["--a", "-b"]),
            "Lỗi: giá trị không hợp lệ cho '--a' / '-b': giá trị rỗng\n",
        ),
        (MissingParameter(param_type="option"), "Lỗi: thiếu tuỳ chọn.\n"),
        (MissingParameter(param_hint="'--x'", param_type="parameter"), "Lỗi: thiếu tham số '--x'.\n"),
        (UsageError("Missing command."), "Lỗi: thiếu lệnh.\n"),
    ],
)
def test_usage_errors_without_a_command(error: UsageError, vietnamese: str) -> None:
    assert usage_error_text(error, "vi") == vietnamese
    assert usage_error_text(error, "en").startswith("Error: ")
