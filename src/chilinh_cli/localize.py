"""Vietnamese for what Typer and Click print themselves: help pages and usage errors.

The help texts are written in English beside the options they describe (``cli``);
their Vietnamese is here, keyed by the English text as gettext would key it. A test
walks every command and fails when a text has no Vietnamese.

Typer 0.28 vendors Click as ``typer._click`` and prints these texts itself; the
version is pinned in pyproject.toml, and the tests pin the wording.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence

from typer._click import Command, Context, Parameter
from typer._click.exceptions import BadParameter, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperGroup

# ---- help pages -------------------------------------------------------------------------

HELP_VI: dict[str, str] = {
    "Chí Linh city's 2021 in numbers: every figure of the year-in-review, with its source.": (
        "Năm 2021 của thành phố Chí Linh qua các con số: mọi số liệu của bài tổng kết năm, kèm nguồn."
    ),
    "Print the version and exit.": "In số phiên bản rồi thoát.",
    "Show the full traceback of an internal error.": "Hiện đầy đủ chi tiết kỹ thuật khi có lỗi nội bộ.",
    "Language of labels, numbers and messages, for every command.": (
        "Ngôn ngữ của nhãn, số và thông báo, cho mọi lệnh."
    ),
    "Install completion for the current shell.": "Cài tính năng tự hoàn thành lệnh cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "In mã tự hoàn thành lệnh cho shell đang dùng, để sao chép hoặc tự cài theo ý mình."
    ),
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "The ten highlights of the year, with their headline figures.": "Mười dấu ấn của năm, kèm các số liệu chính.",
    "table (tab-separated plain text when piped), json, csv or markdown (GitHub tables).": (
        "table (văn bản thuần, cột cách nhau bằng tab khi chuyển qua ống), json, csv hoặc markdown (bảng kiểu GitHub)."
    ),
    "Language of labels, numbers and messages [default: CHILINH_LANG, else vi if the locale "
    "(LC_ALL, LC_MESSAGES or LANG) is vi*, else en].": (
        "Ngôn ngữ của nhãn, số và thông báo [mặc định: CHILINH_LANG, không có thì vi nếu biến ngôn ngữ "
        "(LC_ALL, LC_MESSAGES hoặc LANG) là vi*, còn lại en]."
    ),
    "Use this dataset file instead of the embedded one.": "Dùng tệp dữ liệu này thay cho bộ dữ liệu có sẵn.",
    "No colour in tables (also NO_COLOR=1 or TERM=dumb; piped output never has any).": (
        "Không tô màu bảng (cũng như NO_COLOR=1 hoặc TERM=dumb; đầu ra qua ống không bao giờ có màu)."
    ),
    "Also save what a terminal shows as an SVG picture at this path.": (
        "Lưu thêm những gì cửa sổ dòng lệnh hiển thị thành ảnh SVG tại đường dẫn này."
    ),
    "One highlight in full: titles in both languages, summary, figures with comparisons and sources.": (
        "Toàn bộ một dấu ấn: tiêu đề bằng hai thứ tiếng, tóm tắt, các số liệu kèm so sánh và nguồn."
    ),
    "The highlight's rank (1-10) or slug.": "Thứ tự (1-10) hoặc mã của dấu ấn.",
    "One figure in full: value, qualifier, comparisons, derived baselines and source quote.": (
        "Toàn bộ một số liệu: giá trị, mức độ (hơn, gần), các so sánh, giá trị năm trước suy ra và trích dẫn nguồn."
    ),
    "Figure id, alias or label; case and Vietnamese diacritics are ignored. Omit it to list every figure.": (
        "Mã, tên khác hoặc nhãn của số liệu; không phân biệt chữ hoa, chữ thường và dấu. "
        "Bỏ trống để liệt kê mọi số liệu."
    ),
    "Every figure the article compares with another year: both values, the change and its direction.": (
        "Mọi số liệu mà bài viết so sánh với một năm khác: giá trị hai năm, mức thay đổi và chiều thay đổi."
    ),
    "The year to compare with [default: the year before the report's].": (
        "Năm để so sánh [mặc định: năm trước năm của báo cáo]."
    ),
    "Draw both years and the change of each figure as bars.": (
        "Vẽ giá trị hai năm và mức thay đổi của từng số liệu thành các thanh."
    ),
    "Search titles, summaries, figure labels, aliases and quotes in both languages, best match first.": (
        "Tìm trong tiêu đề, tóm tắt, nhãn số liệu, tên khác và trích dẫn bằng cả hai thứ tiếng; "
        "kết quả khớp nhất đứng trước."
    ),
    "Words to look for; case and Vietnamese diacritics are ignored.": (
        "Từ cần tìm; không phân biệt chữ hoa, chữ thường và dấu."
    ),
    "Check a dataset file and list every problem with its field path; exit 0 when it is valid.": (
        "Kiểm tra một tệp dữ liệu và liệt kê mọi lỗi kèm đường dẫn của trường; thoát với mã 0 khi tệp hợp lệ."
    ),
    "The dataset file to check [default: CHILINH_DATA, else the embedded dataset].": (
        "Tệp dữ liệu cần kiểm tra [mặc định: CHILINH_DATA, không có thì bộ dữ liệu có sẵn]."
    ),
    "Print the JSON Schema that every dataset file must satisfy.": "In JSON Schema mà mọi tệp dữ liệu phải tuân theo.",
    "Write the dataset as relational tables "
    "(units, highlights, sources, figures, figure_aliases, comparisons, events).": (
        "Ghi bộ dữ liệu thành các bảng quan hệ "
        "(units, highlights, sources, figures, figure_aliases, comparisons, events)."
    ),
    "One SQLite file with every table, primary and foreign keys; written atomically.": (
        "Một tệp SQLite chứa mọi bảng, có khoá chính và khoá ngoại; ghi trọn vẹn hoặc không ghi gì."
    ),
    "The SQLite file to create.": "Tệp SQLite cần tạo.",
    "Replace files that already exist.": "Ghi đè các tệp đã có.",
    "One CSV file per table, UTF-8 with a header row; each file written atomically.": (
        "Mỗi bảng một tệp CSV, mã UTF-8, có dòng tiêu đề; mỗi tệp ghi trọn vẹn hoặc không ghi gì."
    ),
    "The directory for the CSV files (created if missing).": "Thư mục chứa các tệp CSV (tạo mới nếu chưa có).",
}

_EXAMPLES = ("Examples:", "Ví dụ:")
_HEADINGS_VI = {"Options": "Tuỳ chọn", "Arguments": "Đối số", "Commands": "Lệnh"}
_METAVARS_VI = {
    "<path>": "<đường-dẫn>",
    "<file>": "<tệp>",
    "<year>": "<năm>",
    "highlight": "dấu-ấn",
    "name": "tên",
    "text": "từ-khoá",
    "path": "đường-dẫn",
    "directory": "thư-mục",
}
_EXTRAS_VI = (("default: ", "mặc định: "), ("env var: ", "biến môi trường: "), ("required", "bắt buộc"))
_EXTRAS = r"^(?P<text>.*?)(?:\s*(?P<extras>\[[^\[\]]*\]))?$"


def help_vi(text: str) -> str:
    """The Vietnamese of a help text, with Click's bracketed extras ([default: …]) translated."""
    if text.startswith(_EXAMPLES[0]):
        return _EXAMPLES[1] + text.removeprefix(_EXAMPLES[0])
    if text in HELP_VI:
        return HELP_VI[text]
    match = re.match(_EXTRAS, text, re.DOTALL)
    if match is None or match["extras"] is None:
        return text
    main, extras = match["text"], match["extras"]
    if main and main not in HELP_VI:
        return text
    for english, vietnamese in _EXTRAS_VI:
        extras = extras.replace(english, vietnamese)
    return f"{HELP_VI[main]}  {extras}" if main else extras


class VietnameseHelpFormatter(HelpFormatter):
    """Click's help layout with Vietnamese headings, usage prefix and option help."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Cách dùng: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS_VI.get(heading, heading))

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


def help_texts(command: Command) -> Iterator[str]:
    """Every help text a help page of this command tree can print (for the tests)."""
    for each in walk(command):
        context = Context(each)
        yield from (text for text in (each.help, each.epilog) if text)
        for param in each.get_params(context):
            text = getattr(param, "help", None)
            if text:
                yield text


def to_vietnamese(command: Command) -> None:
    """Make this command tree print its help and usage lines in Vietnamese."""
    for each in walk(command):
        each.context_class = VietnameseContext
        each.help = help_vi(each.help) if each.help else each.help
        each.epilog = help_vi(each.epilog) if each.epilog else each.epilog
        each.options_metavar = "[TUỲ-CHỌN]"
        if isinstance(each, TyperGroup):
            each.subcommand_metavar = "LỆNH [ĐỐI-SỐ]..."
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
    if shown in _METAVARS_VI:
        param.metavar = _METAVARS_VI[shown]


# ---- usage errors -----------------------------------------------------------------------

# Click's messages (and our own usage messages) as patterns; compiled only when a usage
# error has to be said in Vietnamese, since every run imports this module.
_MESSAGES_VI: tuple[tuple[str, str], ...] = (
    (r"(?P<v>'.*') is not one of (?P<c>.*)\.", "{v} không phải là một trong {c}."),
    (r"(?P<v>'.*') is not a valid (?:integer|int range)\.", "{v} không phải là số nguyên."),
    (r"(?P<v>.*) is not in the range (?P<r>.*)\.", "{v} nằm ngoài khoảng {r}."),
    (r"Option (?P<o>'.*') requires an argument\.", "tuỳ chọn {o} cần một giá trị."),
    (r"Option (?P<o>'.*') does not take a value\.", "tuỳ chọn {o} không nhận giá trị."),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<a>.*)\)", "thừa đối số ({a})."),
    (r"No such command (?P<c>'.*')\. Did you mean (?P<s>.*)\?", "không có lệnh {c}. Có phải bạn muốn {s}?"),
    (r"No such command (?P<c>'.*')\.", "không có lệnh {c}."),
    (r"Missing command\.", "thiếu lệnh."),
    (r"(?:File|Directory|Path) (?P<p>'.*') is a directory\.", "{p} là một thư mục."),
    (r"(?:File|Directory|Path) (?P<p>'.*') is a file\.", "{p} là một tệp, không phải thư mục."),
    (r"(?:File|Directory|Path) (?P<p>'.*') is not readable\.", "không đọc được {p}."),
    (r"(?:File|Directory|Path) (?P<p>'.*') is not writable\.", "không ghi được vào {p}."),
    (r"(?:File|Directory|Path) (?P<p>'.*') does not exist\.", "không có {p}."),
    (r"it is empty", "giá trị rỗng"),
    (r"it has more than (?P<n>\d+) characters", "dài hơn {n} ký tự"),
    (
        r"--chart draws bars for people; use it with --format table",
        "--chart vẽ biểu đồ cho người đọc; hãy dùng nó với --format table",
    ),
)


def message_vi(message: str) -> str:
    """The Vietnamese of one of Click's (or our) usage messages; unknown ones stay as they are."""
    for pattern, template in _MESSAGES_VI:
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match:
            return template.format(**match.groupdict())
    return message


def usage_error_text(error: UsageError, lang: str) -> str:
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
            lines.append(f"Xem '{context.command_path} {context.help_option_names[0]}' để biết cách dùng.")
        lines.append("")
    lines.append(f"Lỗi: {_problem_vi(error)}")
    return "\n".join(lines) + "\n"


def _problem_vi(error: UsageError) -> str:
    if isinstance(error, NoSuchOption):
        text = f"không có tuỳ chọn {error.option_name}"
        if error.possibilities:
            text += f" (có thể bạn muốn: {', '.join(sorted(error.possibilities))})"
        return text
    if isinstance(error, BadParameter):
        hint = error.param_hint
        if hint is None and error.param is not None and error.ctx is not None:
            hint = error.param.get_error_hint(error.ctx)
        if not isinstance(hint, str) and hint is not None:
            hint = " / ".join(repr(each) for each in hint)
        if isinstance(error, MissingParameter):
            kind = {"argument": "đối số", "option": "tuỳ chọn"}.get(
                error.param_type or (error.param.param_type_name if error.param else ""), "tham số"
            )
            return f"thiếu {kind} {hint}." if hint else f"thiếu {kind}."
        if hint is None:
            return f"giá trị không hợp lệ: {message_vi(error.message)}"
        return f"giá trị không hợp lệ cho {hint}: {message_vi(error.message)}"
    return message_vi(error.message)
