"""Click's words and our help texts in Vietnamese: the second catalogue, of what Click prints.

Our help texts are written in English beside the options they describe (``cli``); their
Vietnamese is here as catalogue messages, looked up by the English as gettext would. Click's
own headings, metavars and usage messages are here too, with the patterns that recognise
them; ``cli.bridge`` puts them into Click's help pages and usage errors.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from . import messages
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
        "Read at most this many data files of a folder (default 100000).",
        "Chỉ đọc tối đa chừng này tệp dữ liệu của một thư mục (mặc định 100000).",
    ),
    Msg(
        "List every problem of a file (text lists the first 50, then how many more).",
        "Liệt kê mọi lỗi của tệp (dạng văn bản chỉ liệt kê 50 lỗi đầu, rồi cho biết còn bao nhiêu).",
    ),
    Msg(
        "Language of labels, numbers and messages, for every command.",
        "Ngôn ngữ của nhãn, số và thông báo, cho mọi lệnh.",
    ),
    Msg("Install completion for the current shell.", "Cài tính năng tự hoàn thành lệnh cho shell đang dùng."),
    Msg(
        "Show completion for the current shell, to copy it or customize the installation.",
        "In mã tự hoàn thành lệnh cho shell đang dùng, để sao chép hoặc tự cài theo ý mình.",
    ),
    Msg(
        "The directory for the dataset files (created if missing).",
        "Thư mục cho các tệp dữ liệu (tạo mới nếu chưa có).",
    ),
    Msg(
        "Every review as its dataset file (PLACE-PROVINCE-YEAR.json), to start a catalog of your own.",
        "Mỗi bài tổng kết thành một tệp dữ liệu (NƠI-TỈNH-NĂM.json), để bắt đầu danh mục của riêng bạn.",
    ),
    Msg(
        "Draw the figure's series across a catalog as bars, a bar per year.",
        "Vẽ chuỗi số liệu qua các bài tổng kết của danh mục thành biểu đồ thanh, mỗi năm một thanh.",
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
        "Use this dataset file, or this folder of them (a catalog of places and years), instead of the embedded "
        "one ('-' reads a file from standard input).",
        "Dùng tệp dữ liệu này, hoặc thư mục chứa các tệp đó (danh mục nhiều nơi, nhiều năm), thay cho bộ dữ liệu "
        "có sẵn ('-' đọc một tệp từ đầu vào chuẩn).",
    ),
    Msg(
        "The dataset file or folder every command reads (as each command's --data).",
        "Tệp hoặc thư mục dữ liệu mà mọi lệnh đọc (như --data của từng lệnh).",
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
        "The highlight's rank (1-10), slug or words of its title. Omit it to show every highlight.",
        "Thứ tự (1-10), mã hoặc vài chữ trong tiêu đề của dấu ấn. Bỏ trống để xem mọi dấu ấn.",
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
        "(datasets, units, highlights, sources, figures, figure_aliases, comparisons, events, derived_baselines).",
        "Ghi mọi bộ dữ liệu thành các bảng quan hệ "
        "(datasets, units, highlights, sources, figures, figure_aliases, comparisons, events, derived_baselines).",
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
        "Add the full-text indexes 'datasette' searches (the SQLite reader of 'duckdb' cannot open them).",
        "Thêm chỉ mục toàn văn cho 'datasette' tìm kiếm (trình đọc SQLite của 'duckdb' không mở được).",
    ),
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
        "Also check every quote, value, comparison, date, year and place of the file against this article "
        "(one file, not a folder) [default: the one the draft recorded, when it is still there].",
        "Đối chiếu thêm mọi trích dẫn, giá trị, so sánh, ngày tháng, năm và địa phương của tệp với bài viết này "
        "(một tệp, không phải thư mục) [mặc định: bài mà bản nháp đã ghi, nếu tệp vẫn còn].",
    ),
    Msg(
        "Link each figure to last year's: a dataset file, or a catalog folder (the same place's "
        "latest review before the article's year).",
        "Nối mỗi số liệu với số liệu năm trước: một tệp dữ liệu, hoặc một thư mục danh mục (bản tổng kết "
        "gần nhất của cùng địa phương trước năm của bài viết).",
    ),
    Msg(
        "Draft a dataset from a Vietnamese year-review article, every figure quoted, for a person to check.",
        "Lập bản nháp tập dữ liệu từ một bài tổng kết năm bằng tiếng Việt, mọi số liệu kèm trích dẫn, để người "
        "đọc kiểm tra.",
    ),
    Msg(
        "The article: a text file (UTF-8), a saved web page (.html), a PDF, a Word file (.docx), "
        "or - for standard input.",
        "Bài viết: một tệp văn bản (UTF-8), một trang web đã lưu (.html), một tệp PDF, một tệp Word (.docx), "
        "hoặc - để đọc từ đầu vào chuẩn.",
    ),
    Msg(
        "Also write the text that was read, beside the draft (<file>.txt).",
        "Ghi thêm văn bản đã đọc, bên cạnh bản nháp (<file>.txt).",
    ),
    Msg(
        "Write the draft to this file instead of standard output.", "Ghi bản nháp vào tệp này thay vì ra đầu ra chuẩn."
    ),
    Msg("Replace the output file if it exists.", "Ghi đè tệp kết quả nếu đã có."),
    Msg(
        "The draft to review (a dataset file); decisions are saved into it.",
        "Bản nháp cần rà soát (một tệp dữ liệu); các quyết định được lưu vào đó.",
    ),
    Msg(
        "The article the draft was read from [default: the one the draft names, when it is there].",
        "Bài viết mà bản nháp được đọc từ đó [mặc định: bài bản nháp ghi, nếu tệp còn đó].",
    ),
    Msg(
        "Review a draft in the terminal, one record at a time: a accept, x reject, e edit, u undo, s save.",
        "Rà soát một bản nháp trong cửa sổ dòng lệnh, từng mục một: a chấp nhận, x loại, e sửa, u hoàn tác, s lưu.",
    ),
    Msg(
        "Count records not yet reviewed as an error (exit 1).",
        "Coi các mục chưa rà soát là lỗi (mã thoát 1).",
    ),
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
    messages.SAVE_TEXT_NEEDS_OUTPUT,
    messages.ARTICLE_NEEDS_FILE,
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
