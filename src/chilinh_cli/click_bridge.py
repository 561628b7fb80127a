"""Typer's vendored Click, in one place: running the command tree, and Click's words in Vietnamese.

Typer 0.28 vendors Click as the private package ``typer._click``, and Click prints help
pages and usage errors itself. To say them in Vietnamese we subclass its help formatter
and context, translate its metavars and match its messages; to print usage errors in
the requested language we run the tree with ``standalone_mode=False`` and catch its
``UsageError``. None of this is in Typer's public API, so this is the only module that
imports ``typer._click``. An upgrade of Typer (pinned ``<0.29`` in pyproject.toml for
start-up time) must re-check: the module path ``typer._click``, the classes imported
below, ``HelpFormatter.write_usage/write_heading/write_dl``, ``Parameter.make_metavar``,
and the wording of the messages in ``CLICK_MESSAGES`` (the tests pin each one).

Our help texts are written in English beside the options they describe (``cli``); their
Vietnamese is here as catalogue messages, looked up by the English as gettext would.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from typer._click import Command, Context, Parameter
from typer._click.exceptions import BadParameter, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer._click.formatting import HelpFormatter
from typer._click.types import IntRange
from typer.core import TyperGroup

from . import messages
from .language import Lang
from .messages import Msg

# ---- our help texts -------------------------------------------------------------------------------

HELP: Final = (
    Msg(
        "Chí Linh city's 2021 in numbers: every figure of the year-in-review, with its source.",
        "Năm 2021 của thành phố Chí Linh qua các con số: mọi số liệu của bài tổng kết năm, kèm nguồn.",
    ),
    Msg("Print the version and exit.", "In số phiên bản rồi thoát."),
    Msg("Show the full traceback of an internal error.", "Hiện đầy đủ chi tiết kỹ thuật khi có lỗi nội bộ."),
    Msg(
        "Language of labels, numbers and messages, for every command.",
        "Ngôn ngữ của nhãn, số và thông báo, cho mọi lệnh.",
    ),
    Msg("Install completion for the current shell.", "Cài tính năng tự hoàn thành lệnh cho shell đang dùng."),
    Msg(
        "Show completion for the current shell, to copy it or customize the installation.",
        "In mã tự hoàn thành lệnh cho shell đang dùng, để sao chép hoặc tự cài theo ý mình.",
    ),
    Msg("Show this message and exit.", "Hiện hướng dẫn này rồi thoát."),
    Msg("The ten highlights of the year, with their headline figures.", "Mười dấu ấn của năm, kèm các số liệu chính."),
    Msg(
        "table (drawn; the default on a terminal), tsv (tab-separated lines; the default when piped), "
        "json, csv or markdown (GitHub tables).",
        "table (bảng kẻ khung; mặc định trên cửa sổ dòng lệnh), tsv (các dòng cách nhau bằng tab; mặc định "
        "khi chuyển qua ống), json, csv hoặc markdown (bảng kiểu GitHub).",
    ),
    Msg(
        "Language of labels, numbers and messages [default: CHILINH_LANG, else vi if the locale "
        "(LC_ALL, LC_MESSAGES or LANG) is vi*, else en].",
        "Ngôn ngữ của nhãn, số và thông báo [mặc định: CHILINH_LANG, không có thì vi nếu biến ngôn ngữ "
        "(LC_ALL, LC_MESSAGES hoặc LANG) là vi*, còn lại en].",
    ),
    Msg(
        "Use this dataset file instead of the embedded one ('-' reads it from standard input).",
        "Dùng tệp dữ liệu này thay cho bộ dữ liệu có sẵn ('-' đọc nó từ đầu vào chuẩn).",
    ),
    Msg(
        "No colour in tables (also NO_COLOR=1 or TERM=dumb; piped output never has any).",
        "Không tô màu bảng (cũng như NO_COLOR=1 hoặc TERM=dumb; đầu ra qua ống không bao giờ có màu).",
    ),
    Msg(
        "Also save what a terminal shows as an SVG picture at this path.",
        "Lưu thêm những gì cửa sổ dòng lệnh hiển thị thành ảnh SVG tại đường dẫn này.",
    ),
    Msg(
        "One highlight in full: titles in both languages, summary, figures with comparisons and sources.",
        "Toàn bộ một dấu ấn: tiêu đề bằng hai thứ tiếng, tóm tắt, các số liệu kèm so sánh và nguồn.",
    ),
    Msg(
        "The highlight's rank (1-10) or slug. Omit it to show every highlight.",
        "Thứ tự (1-10) hoặc mã của dấu ấn. Bỏ trống để xem mọi dấu ấn.",
    ),
    Msg(
        "One figure in full: value, qualifier, comparisons, derived baselines and source quote.",
        "Toàn bộ một số liệu: giá trị, mức độ (hơn, gần), các so sánh, giá trị năm trước suy ra và trích dẫn nguồn.",
    ),
    Msg(
        "Figure id, alias or label; case and Vietnamese diacritics are ignored. Omit it to list every figure.",
        "Mã, tên khác hoặc nhãn của số liệu; không phân biệt chữ hoa, chữ thường và dấu. "
        "Bỏ trống để liệt kê mọi số liệu.",
    ),
    Msg(
        "Every figure the article compares with another year: both values, the change and its direction.",
        "Mọi số liệu mà bài viết so sánh với một năm khác: giá trị hai năm, mức thay đổi và chiều thay đổi.",
    ),
    Msg(
        "The year to compare with [default: the year before the report's].",
        "Năm để so sánh [mặc định: năm trước năm của báo cáo].",
    ),
    Msg(
        "Draw both years and the change of each figure as bars.",
        "Vẽ giá trị hai năm và mức thay đổi của từng số liệu thành các thanh.",
    ),
    Msg(
        "Search titles, summaries, figure labels, aliases and quotes in both languages, best match first.",
        "Tìm trong tiêu đề, tóm tắt, nhãn số liệu, tên khác và trích dẫn bằng cả hai thứ tiếng; "
        "kết quả khớp nhất đứng trước.",
    ),
    Msg(
        "Words to look for; case and Vietnamese diacritics are ignored.",
        "Từ cần tìm; không phân biệt chữ hoa, chữ thường và dấu.",
    ),
    Msg(
        "The dataset file or catalog directory to check [default: CHILINH_DATA, else the embedded dataset].",
        "Tệp dữ liệu hoặc thư mục danh mục cần kiểm tra [mặc định: CHILINH_DATA, không có thì bộ dữ liệu có sẵn].",
    ),
    Msg(
        "Check a data file, or a catalog folder and its conflicts, and list every problem; exit 0 when all is well.",
        "Kiểm tra một tệp dữ liệu, hoặc một thư mục danh mục và các chỗ mâu thuẫn của nó, và liệt kê mọi lỗi; "
        "thoát với mã 0 khi mọi thứ ổn.",
    ),
    Msg(
        "Print the JSON Schema that every dataset file must satisfy.",
        "In JSON Schema mà mọi tệp dữ liệu phải tuân theo.",
    ),
    Msg(
        "Write every dataset as relational tables "
        "(datasets, units, highlights, sources, figures, figure_aliases, comparisons, events).",
        "Ghi mọi bộ dữ liệu thành các bảng quan hệ "
        "(datasets, units, highlights, sources, figures, figure_aliases, comparisons, events).",
    ),
    Msg(
        "One SQLite file with every table, primary and foreign keys; written atomically.",
        "Một tệp SQLite chứa mọi bảng, có khoá chính và khoá ngoại; ghi trọn vẹn hoặc không ghi gì.",
    ),
    Msg("The SQLite file to create.", "Tệp SQLite cần tạo."),
    Msg(
        "text (one line for people) or json (every problem as data).",
        "text (một dòng cho người đọc) hoặc json (mọi lỗi dưới dạng dữ liệu).",
    ),
    Msg("Replace files that already exist.", "Ghi đè các tệp đã có."),
    Msg(
        "In a catalog of several places, the place to answer about (any part of its name, "
        "case and diacritics ignored).",
        "Trong danh mục có nhiều nơi, nơi cần hỏi (một phần tên bất kỳ, không phân biệt chữ hoa, chữ thường và dấu).",
    ),
    Msg(
        "In a catalog, the year whose review to answer from [default: the place's latest].",
        "Trong danh mục, năm của bài tổng kết dùng để trả lời [mặc định: bài mới nhất của nơi đó].",
    ),
    Msg(
        "One CSV file per table, UTF-8 with a header row; all of them written, or none.",
        "Mỗi bảng một tệp CSV, mã UTF-8, có dòng tiêu đề; ghi đủ mọi tệp, hoặc không ghi tệp nào.",
    ),
    Msg(
        "Start each file with a byte-order mark, so that Excel reads Vietnamese.",
        "Mở đầu mỗi tệp bằng dấu thứ tự byte (BOM), để Excel đọc đúng tiếng Việt.",
    ),
    Msg(
        "One Excel workbook, a sheet per table, numbers as numbers with their unit (needs openpyxl).",
        "Một tệp Excel, mỗi bảng một trang tính, số giữ dạng số kèm đơn vị (cần openpyxl).",
    ),
    Msg("The Excel workbook to create.", "Tệp Excel cần tạo."),
    Msg("The directory for the CSV files (created if missing).", "Thư mục chứa các tệp CSV (tạo mới nếu chưa có)."),
    Msg(
        "Draft a dataset from a Vietnamese year-review article, every figure quoted, for a person to check.",
        "Lập bản nháp tập dữ liệu từ một bài tổng kết năm bằng tiếng Việt, mọi số liệu kèm trích dẫn, để người "
        "đọc kiểm tra.",
    ),
    Msg(
        "The article: a UTF-8 text file, or - for standard input.",
        "Bài viết: một tệp văn bản UTF-8, hoặc - để đọc từ đầu vào chuẩn.",
    ),
    Msg(
        "Write the draft to this file instead of standard output.", "Ghi bản nháp vào tệp này thay vì ra đầu ra chuẩn."
    ),
    Msg("Replace the output file if it exists.", "Ghi đè tệp kết quả nếu đã có."),
    Msg(
        "The place reviewed [default: the one the title names].",
        "Địa phương được tổng kết [mặc định: nơi tiêu đề nêu].",
    ),
    Msg("The year reviewed [default: the one the title names].", "Năm được tổng kết [mặc định: năm tiêu đề nêu]."),
    Msg(
        "The article's title [default: its first line naming a year].",
        "Tiêu đề bài viết [mặc định: dòng đầu tiên có nêu năm].",
    ),
    Msg("Examples:", "Ví dụ:"),
)

# ---- Click's own words ------------------------------------------------------------------------------

HEADINGS: Final = (Msg("Options", "Tuỳ chọn"), Msg("Arguments", "Đối số"), Msg("Commands", "Lệnh"))
USAGE: Final = Msg("Usage: ", "Cách dùng: ")
OPTIONS_METAVAR: Final = Msg("[OPTIONS]", "[TUỲ-CHỌN]")
COMMAND_METAVAR: Final = Msg("COMMAND [ARGS]...", "LỆNH [ĐỐI-SỐ]...")
SEE_HELP: Final = Msg("Try '{command} {option}' for help.", "Xem '{command} {option}' để biết cách dùng.")
ERROR: Final = Msg("Error: {problem}", "Lỗi: {problem}")
METAVARS: Final = (
    *(Msg("<path>", "<đường-dẫn>"), Msg("<file>", "<tệp>"), Msg("<year>", "<năm>"), Msg("highlight", "dấu-ấn")),
    *(Msg("name", "tên"), Msg("text", "từ-khoá"), Msg("path", "đường-dẫn"), Msg("directory", "thư-mục")),
    *(Msg("article", "bài-viết"), Msg("<place>", "<địa-phương>"), Msg("<title>", "<tiêu-đề>")),
)
EXTRAS: Final = (Msg("default: ", "mặc định: "), Msg("env var: ", "biến môi trường: "), Msg("required", "bắt buộc"))
NO_SUCH_OPTION: Final = Msg("No such option: {option}", "không có tuỳ chọn {option}")
POSSIBLY: Final = Msg(" (Possible options: {options})", " (có thể bạn muốn: {options})")
MISSING: Final = Msg("Missing {kind} {hint}.", "thiếu {kind} {hint}.")
MISSING_BARE: Final = Msg("Missing {kind}.", "thiếu {kind}.")
PARAMETER_KINDS: Final = {
    "argument": Msg("argument", "đối số"),
    "option": Msg("option", "tuỳ chọn"),
    "": Msg("parameter", "tham số"),
}
INVALID_VALUE: Final = Msg("Invalid value: {message}", "giá trị không hợp lệ: {message}")
INVALID_VALUE_FOR: Final = Msg("Invalid value for {hint}: {message}", "giá trị không hợp lệ cho {hint}: {message}")
# Click's messages, and our own usage messages. The English is a template of the message as
# Click words it; ``{_name}`` matches a part that the Vietnamese leaves out.
CLICK_MESSAGES: Final = (
    Msg("{v} is not one of {c}.", "{v} không phải là một trong {c}."),
    Msg("{v} is not a valid whole number.", "{v} không phải là số nguyên."),
    Msg("{v} is not in the range {r}.", "{v} nằm ngoài khoảng {r}."),
    Msg("Option {o} requires an argument.", "tuỳ chọn {o} cần một giá trị."),
    Msg("Option {o} does not take a value.", "tuỳ chọn {o} không nhận giá trị."),
    Msg("Got unexpected extra argument ({a})", "thừa đối số ({a})."),
    Msg("Got unexpected extra arguments ({a})", "thừa đối số ({a})."),
    Msg("Got unexpected extra argument(s) ({a})", "thừa đối số ({a})."),
    Msg("No such command {c}. Did you mean {s}?", "không có lệnh {c}. Có phải bạn muốn {s}?"),
    Msg("No such command {c}.", "không có lệnh {c}."),
    Msg("Missing command.", "thiếu lệnh."),
    Msg("{_kind} {p} is a directory.", "{p} là một thư mục."),
    Msg("{_kind} {p} is a file.", "{p} là một tệp, không phải thư mục."),
    Msg("{_kind} {p} is not readable.", "không đọc được {p}."),
    Msg("{_kind} {p} is not writable.", "không ghi được vào {p}."),
    Msg("{_kind} {p} does not exist.", "không có {p}."),
    *(messages.EMPTY_NAME, messages.LONG_NAME, messages.CHART_NEEDS_TABLE, messages.EMPTY_PATH, messages.DASH_PATH),
)


@cache
def _help_vi() -> dict[str, str]:
    return {msg.en: msg.vi for msg in HELP}


def help_vi(text: str) -> str:
    """The Vietnamese of a help text, with Click's bracketed extras ([default: …]) translated."""
    examples = HELP[-1]
    if text.startswith(examples.en):
        return examples.vi + text.removeprefix(examples.en)
    known = _help_vi()
    if text in known:
        return known[text]
    match = re.match(r"^(?P<text>.*?)(?:\s*(?P<extras>\[[^\[\]]*\]))?$", text, re.DOTALL)
    if match is None or match["extras"] is None:
        return text
    main, extras = match["text"], match["extras"]
    if main and main not in known:
        return text
    for extra in EXTRAS:
        extras = extras.replace(extra.en, extra.vi)
    return f"{known[main]}  {extras}" if main else extras


class VietnameseHelpFormatter(HelpFormatter):
    """Click's help layout with Vietnamese headings, usage prefix and option help."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE.vi)

    def write_heading(self, heading: str) -> None:
        super().write_heading(next((h.vi for h in HEADINGS if h.en == heading), heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, help_vi(text)) for term, text in rows], col_max, col_spacing)


class VietnameseContext(Context):
    formatter_class = VietnameseHelpFormatter


def walk(command: Command) -> Iterator[Command]:
    """The command and every command under it."""
    yield command
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            yield from walk(sub)


def to_vietnamese(command: Command) -> None:
    """Make this command tree print its help and usage lines in Vietnamese."""
    for each in walk(command):
        each.context_class = VietnameseContext
        each.help = help_vi(each.help) if each.help else each.help
        each.epilog = help_vi(each.epilog) if each.epilog else each.epilog
        each.options_metavar = OPTIONS_METAVAR.vi
        if isinstance(each, TyperGroup):
            each.subcommand_metavar = COMMAND_METAVAR.vi
        context = Context(each)
        for param in each.params:
            _translate_metavar(param, context)


def _translate_metavar(param: Parameter, context: Context) -> None:
    if param.param_type_name == "argument":
        shown = param.metavar or param.name or ""
    elif getattr(param, "is_flag", False):
        return
    else:
        shown = param.make_metavar(context)
    said = next((metavar.vi for metavar in METAVARS if metavar.en == shown), None)
    if said is not None:
        param.metavar = said


class WholeNumbers(IntRange):
    """Click's integer range, named so that a value like '2020.0' gets a plain message
    ("is not a valid whole number") instead of Click's "is not a valid int range"."""

    name = "whole number"


# ---- usage errors -----------------------------------------------------------------------------------


def _pattern(template: str) -> re.Pattern[str]:
    """An English template as the pattern of the messages it makes."""
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile(
        "".join(
            re.escape(part) if n % 2 == 0 else (f"(?P<{part}>.*)" if not part.startswith("_") else "(?:.*?)")
            for n, part in enumerate(parts)
        ),
        re.DOTALL,
    )


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The English templates as patterns, compiled only when a usage error is said in Vietnamese."""
    return tuple((_pattern(msg.en), msg.vi) for msg in CLICK_MESSAGES)


def message_vi(message: str) -> str:
    """The Vietnamese of one of Click's (or our) usage messages; unknown ones stay as they are."""
    for pattern, template in _patterns():
        match = pattern.fullmatch(message)
        if match:
            return template.format(**match.groupdict())
    return message


def usage_error_text(error: UsageError, lang: Lang) -> str:
    """What to print for a usage error: the usage line, where to get help, and the problem."""
    if lang != "vi" or isinstance(error, NoArgsIsHelpError):
        shown = io.StringIO()
        error.show(shown)
        return shown.getvalue()
    lines = []
    context = error.ctx
    if context is not None:
        lines.append(context.get_usage())
        if context.command.get_help_option(context) is not None:
            lines.append(SEE_HELP.vi.format(command=context.command_path, option=context.help_option_names[0]))
        lines.append("")
    lines.append(ERROR.vi.format(problem=_problem_vi(error)))
    return "\n".join(lines) + "\n"


def _problem_vi(error: UsageError) -> str:
    if isinstance(error, NoSuchOption):
        text = NO_SUCH_OPTION.vi.format(option=error.option_name)
        if error.possibilities:
            text += POSSIBLY.vi.format(options=", ".join(sorted(error.possibilities)))
        return text
    if isinstance(error, BadParameter):
        hint = error.param_hint
        if hint is None and error.param is not None and error.ctx is not None:
            hint = error.param.get_error_hint(error.ctx)
        if not isinstance(hint, str) and hint is not None:
            hint = " / ".join(repr(each) for each in hint)
        if hint is not None:
            for extra in EXTRAS:
                hint = hint.replace(extra.en, extra.vi)
        if isinstance(error, MissingParameter):
            kind = error.param_type or (error.param.param_type_name if error.param else "")
            said = PARAMETER_KINDS.get(kind, PARAMETER_KINDS[""]).vi
            return (MISSING if hint else MISSING_BARE).vi.format(kind=said, hint=hint)
        if hint is None:
            return INVALID_VALUE.vi.format(message=message_vi(error.message))
        return INVALID_VALUE_FOR.vi.format(hint=hint, message=message_vi(error.message))
    return message_vi(error.message)


# ---- running the command tree ---------------------------------------------------------------------


def run(command: Command, lang: Lang) -> int:
    """Run the command line in ``lang``; usage errors are printed here, in that language."""
    import sys

    from typer.exceptions import Abort

    if lang == "vi":
        to_vietnamese(command)
    try:
        # Not standalone: Click would print its usage errors in English and exit itself.
        result = command.main(standalone_mode=False)
    except UsageError as error:
        sys.stderr.write(usage_error_text(error, lang))
        return error.exit_code
    except Abort:
        sys.stderr.write(messages.ABORTED.get(lang) + "\n")
        return 1
    return result if isinstance(result, int) else 0
