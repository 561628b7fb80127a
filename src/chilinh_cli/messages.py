"""Every text the tool says to people, in English and in Vietnamese: the one catalogue.

An entry is a ``Msg``: both languages side by side, so that neither can be forgotten
(a test fails when one is empty or when their ``{placeholders}`` differ). Code names an
entry (``messages.NO_SUCH_FILE``) and fills it (``.format(path=...)``); a value that is itself a
``Msg`` is put in the same language. Help texts are entries too: Typer receives their
English, and Click's help pages are put in Vietnamese by looking the English up here.

The dataset's own bilingual texts (labels, titles, notes) are data, not entries here.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from .language import Lang


class Msg(NamedTuple):
    """A text in English and in Vietnamese."""

    en: str
    vi: str

    def get(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def format(self, **values: object) -> Msg:
        """Both texts with their placeholders filled; a ``Msg`` value fills each in its language."""
        return Msg(
            self.en.format(**{k: v.en if isinstance(v, Msg) else v for k, v in values.items()}),
            self.vi.format(**{k: v.vi if isinstance(v, Msg) else v for k, v in values.items()}),
        )

    def __str__(self) -> str:
        return self.en


def same(text: str) -> Msg:
    """A text said alike in both languages (a number, a name, a path)."""
    return Msg(text, text)


# ---- rules of the data format (raised by the records, reported by validation) ------------------

RULE_YEAR_FOR_PREVIOUS_YEAR: Final = Msg(
    "'year' is required for a previous_year comparison and allowed only there",
    "cần 'year' cho một so sánh previous_year, và chỉ ở đó",
)
RULE_AMBIGUOUS_NEEDS_NOTE: Final = Msg(
    "an ambiguous comparison needs a note saying why", "một so sánh mơ hồ cần 'note' giải thích vì sao"
)
RULE_PERCENT_ABOVE_MINUS_100: Final = Msg(
    "a percentage change must be above -100 (nothing can fall by 100 % or more and remain)",
    "mức thay đổi phần trăm phải lớn hơn -100 (không gì giảm từ 100 % trở lên mà vẫn còn)",
)
RULE_OUT_OF_FOR_SHARE: Final = Msg(
    "'out_of' is required for unit 'share' and allowed only there", "cần 'out_of' cho đơn vị 'share', và chỉ ở đó"
)
RULE_WHOLE_NUMBER: Final = Msg(
    "a value in unit {unit} must be a whole number", "giá trị có đơn vị {unit} phải là số nguyên"
)
RULE_NOT_NEGATIVE: Final = Msg("a stated value cannot be negative", "giá trị được nêu không thể là số âm")
RULE_SHARE_ABOVE_WHOLE: Final = Msg(
    "a share cannot be more than its whole ({value} out of {whole})",
    "một phần không thể lớn hơn tổng ({value} trên {whole})",
)
RULE_RISE_ABOVE_VALUE: Final = Msg(
    "comparisons[{n}]: an increase of {change} is more than the value itself ({value}), "
    "so the earlier value would be negative",
    "comparisons[{n}]: mức tăng {change} lớn hơn chính giá trị ({value}), nên giá trị trước đó sẽ là số âm",
)
RULE_POINTS_FOR_PERCENT: Final = Msg(
    "comparisons[{n}]: a change in percentage points is for a figure in unit 'percent'",
    "comparisons[{n}]: thay đổi tính bằng điểm phần trăm chỉ dành cho số liệu có đơn vị 'percent'",
)
RULE_DAY_OR_PERIOD: Final = Msg("give either 'day' or 'period', not both", "chỉ cho 'day' hoặc 'period', không cả hai")
RULE_NOT_A_DATE: Final = Msg("{year}-{month:02}-{day:02} is not a date", "ngày {day}/{month}/{year} không tồn tại")
RULE_PUBLISHED_DATE: Final = Msg(
    "'published' must be a date written YYYY-MM-DD", "'published' phải là một ngày viết YYYY-MM-DD"
)
RULE_TOO_LARGE: Final = Msg(
    "{value} is too large (a number must be below 10^18)", "{value} quá lớn (một số phải nhỏ hơn 10^18)"
)
LONG_NUMBER: Final = Msg("{start}… ({digits} digits)", "{start}… ({digits} chữ số)")
RULE_TOO_MANY_DECIMALS: Final = Msg(
    "{value} has {digits} digits after the decimal point; at most {most} are allowed",
    "{value} có {digits} chữ số sau dấu thập phân; tối đa là {most}",
)

# ---- what the operating system says (its own English; our Vietnamese) -----------------------

OS_ENOENT: Final = Msg("No such file or directory", "không có thư mục hay tệp này")
OS_EACCES: Final = Msg("Permission denied", "không có quyền")
OS_ENOSPC: Final = Msg("No space left on device", "hết chỗ trống trên đĩa")
OS_EROFS: Final = Msg("Read-only file system", "ổ đĩa chỉ cho đọc")
OS_EISDIR: Final = Msg("Is a directory", "là một thư mục")
OS_ENOTDIR: Final = Msg("Not a directory", "một phần của đường dẫn không phải là thư mục")
OS_ENAMETOOLONG: Final = Msg("File name too long", "tên quá dài")
OS_EDQUOT: Final = Msg("Disk quota exceeded", "vượt hạn mức dung lượng")
OS_EIO: Final = Msg("Input/output error", "lỗi đọc ghi của thiết bị")
OS_OTHER: Final = Msg("operating system error {number}", "lỗi hệ điều hành số {number}")

# ---- errors a user can cause ------------------------------------------------------------------

FILE_PROBLEM: Final = Msg("{path}: {reason}", "{path}: {reason}")
INVALID_DATASET_ONE: Final = Msg(
    "{path}: invalid dataset ({count} problem)", "{path}: tập dữ liệu không hợp lệ ({count} lỗi)"
)
INVALID_DATASET: Final = Msg(
    "{path}: invalid dataset ({count} problems)", "{path}: tập dữ liệu không hợp lệ ({count} lỗi)"
)
FIELD_PROBLEM: Final = Msg("  {field}: {reason}", "  {field}: {reason}")
WHOLE_FILE: Final = Msg("(file)", "(tệp)")
NONE: Final = Msg("none", "không có")
DID_YOU_MEAN: Final = Msg("; did you mean {names}?", "; có phải bạn muốn tìm {names}?")
AND_MORE: Final = Msg("{listed} and {more} more", "{listed} và {more} mã khác")
NO_SUCH_FIGURE: Final = Msg(
    "no figure named {name}{guess} ('chilinh metric' lists every figure)",
    "không có số liệu nào tên {name}{guess} ('chilinh metric' liệt kê mọi số liệu)",
)
AMBIGUOUS_FIGURE: Final = Msg(
    "{name} matches several figures: {listed}; give one of these ids",
    "{name} khớp với nhiều số liệu: {listed}; hãy dùng một trong các mã này",
)
NO_COMPARISON: Final = Msg(
    "the dataset has no comparison with {year}; years it has: {years}",
    "dữ liệu không có so sánh với năm {year}; các năm có: {years}",
)
NO_SUCH_HIGHLIGHT: Final = Msg(
    "no highlight {key}; give a rank (1-{count}) or a slug{guess}",
    "không có dấu ấn {key}; hãy cho thứ tự (1-{count}) hoặc mã{guess}",
)
NOTHING_FOUND: Final = Msg(
    "nothing matches {text}; try fewer or shorter words, or 'chilinh metric' for every figure",
    "không tìm thấy gì cho {text}; hãy thử ít từ hơn hoặc từ ngắn hơn, hoặc 'chilinh metric' để xem mọi số liệu",
)

# ---- reading a data file ----------------------------------------------------------------------

IS_A_DIRECTORY: Final = Msg("is a directory, not a data file", "là một thư mục, không phải tệp dữ liệu")
FILE_TOO_LARGE: Final = Msg(
    "is {size} bytes; a data file may be at most {limit} MiB",
    "có {size} byte; một tệp dữ liệu chỉ được tối đa {limit} MiB",
)
FILE_GREW_TOO_LARGE: Final = Msg("is larger than {limit} MiB", "lớn hơn {limit} MiB")
NO_SUCH_FILE: Final = Msg("no such file", "không có tệp này")
NOT_READABLE: Final = Msg("it is closed or not readable", "đã đóng hoặc không đọc được")
PERMISSION_DENIED: Final = Msg("permission denied", "không có quyền đọc tệp")
CANNOT_READ: Final = Msg("cannot be read: {reason}", "không đọc được tệp: {reason}")
NOT_UTF8: Final = Msg(
    "is not UTF-8 text (invalid byte at offset {offset})", "không phải văn bản UTF-8 (byte sai ở vị trí {offset})"
)
EMPTY_FILE: Final = Msg("is empty", "là tệp rỗng")
NOT_JSON: Final = Msg(
    "is not valid JSON: {detail} (line {line}, column {column})",
    "không phải JSON hợp lệ: {detail} (dòng {line}, cột {column})",
)
TOO_DEEP: Final = Msg("is nested too deeply to be a dataset", "lồng nhau quá sâu, không thể là một tập dữ liệu")
UNUSABLE_JSON: Final = Msg("is not a usable JSON document: {detail}", "không phải tài liệu JSON dùng được: {detail}")
DUPLICATE_KEY: Final = Msg(
    "the key {key} appears twice in one object", "khoá {key} xuất hiện hai lần trong một đối tượng"
)
NOT_A_DATASET_NUMBER: Final = Msg(
    "{name} is not a number a dataset may contain", "{name} không phải là số mà tập dữ liệu được chứa"
)
TOP_LEVEL_NOT_OBJECT: Final = Msg(
    "the top level must be a JSON object, not {kind}", "cấp ngoài cùng phải là một đối tượng JSON, không phải {kind}"
)
JSON_ARRAY: Final = Msg("an array", "một mảng")
JSON_STRING: Final = Msg("a string", "một chuỗi")
JSON_NUMBER: Final = Msg("a number", "một số")
JSON_BOOL: Final = Msg("true or false", "true hay false")
JSON_VALUE: Final = Msg("value", "giá trị")
# Python's json module's messages (matched by their start), and their Vietnamese.
JSON_SYNTAX: Final = (
    Msg("Expecting value", "thiếu một giá trị"),
    Msg("Expecting ',' delimiter", "thiếu dấu phẩy ','"),
    Msg("Expecting ':' delimiter", "thiếu dấu hai chấm ':'"),
    Msg("Expecting property name enclosed in double quotes", "thiếu tên khoá trong ngoặc kép"),
    Msg("Unterminated string", "chuỗi không được đóng"),
    Msg("Invalid control character", "ký tự điều khiển không hợp lệ trong chuỗi"),
    Msg("Invalid \\uXXXX escape", "mã \\uXXXX không hợp lệ"),
    Msg("Invalid \\escape", "chuỗi thoát \\ không hợp lệ"),
    Msg("Extra data", "còn dữ liệu thừa sau tài liệu JSON"),
    Msg("Illegal trailing comma", "dấu phẩy thừa trước dấu đóng"),
)
JSON_SYNTAX_OTHER: Final = Msg("syntax error", "cú pháp sai")

# ---- validating a dataset ----------------------------------------------------------------------

PYDANTIC_TYPES: Final = {
    "number": Msg("Input should be a number", "phải là một số"),
    "missing": Msg("Field required", "thiếu trường bắt buộc này"),
    "unexpected_keyword_argument": Msg(
        "Unknown field (the format has no such field)", "trường lạ (định dạng không có trường này)"
    ),
    "int_type": Msg("Input should be a whole number", "phải là một số nguyên"),
    "string_type": Msg("Input should be a string", "phải là một chuỗi"),
    "bool_type": Msg("Input should be true or false", "phải là true hoặc false"),
    "tuple_type": Msg("Input should be a list (a JSON array)", "phải là một danh sách (mảng JSON)"),
    "string_unicode": Msg(
        "Input should be valid Unicode text (no lone surrogate escapes)",
        "phải là văn bản Unicode hợp lệ (không có mã \\uD800-\\uDFFF đứng lẻ)",
    ),
}
# Errors about a limit: the context key that holds it, and the words around it (Pydantic's own English is kept).
PYDANTIC_LIMITS: Final = {
    "greater_than_equal": ("ge", Msg("Input should be greater than or equal to {}", "phải lớn hơn hoặc bằng {}")),
    "less_than_equal": ("le", Msg("Input should be less than or equal to {}", "phải nhỏ hơn hoặc bằng {}")),
    "greater_than": ("gt", Msg("Input should be greater than {}", "phải lớn hơn {}")),
    "less_than": ("lt", Msg("Input should be less than {}", "phải nhỏ hơn {}")),
    "string_too_short": ("min_length", Msg("String should have at least {} characters", "phải có ít nhất {} ký tự")),
    "string_too_long": (
        "max_length",
        Msg("String should have at most {} characters", "chỉ được có nhiều nhất {} ký tự"),
    ),
    "too_short": ("min_length", Msg("List should have at least {} items", "phải có ít nhất {} phần tử")),
    "too_long": ("max_length", Msg("List should have at most {} items", "chỉ được có nhiều nhất {} phần tử")),
}
PYDANTIC_OTHER: Final = Msg("invalid value ({kind})", "giá trị không hợp lệ (lỗi {kind})")
# What each record is called in messages (the class names are the code's, not the reader's).
RECORDS: Final = {
    "Dataset": Msg("a dataset", "một tập dữ liệu"),
    "Metadata": Msg("the metadata", "thông tin chung"),
    "Text": Msg("a text with 'vi' and 'en'", "một văn bản có 'vi' và 'en'"),
    "Source": Msg("a source", "một nguồn"),
    "Comparison": Msg("a comparison", "một so sánh"),
    "Figure": Msg("a figure", "một số liệu"),
    "EventDate": Msg("a date", "một ngày"),
    "Event": Msg("an event", "một sự kiện"),
    "Highlight": Msg("a highlight", "một dấu ấn"),
}
NOT_A_RECORD: Final = Msg("Input should be a JSON object ({record})", "phải là một đối tượng JSON ({record})")
OR: Final = Msg(" or ", " hoặc ")
NOT_ONE_OF: Final = Msg("Input should be {expected}", "phải là {expected}")
NAME_TAKEN: Final = Msg(
    "{name} is already the id or an alias of figure {index} ({other})",
    "{name} đã là mã hoặc tên khác của số liệu {index} ({other})",
)
NAME_TWICE: Final = Msg("{name} is given twice for the same figure", "{name} được cho hai lần cho cùng một số liệu")
RANK_TWICE: Final = Msg("rank {rank} is used twice", "thứ tự {rank} được dùng hai lần")
NOT_KEBAB: Final = Msg(
    "{name} is not kebab-case (a-z, 0-9 and single hyphens)",
    "{name} không đúng dạng mã: chỉ gồm a-z, 0-9 và dấu gạch nối đơn",
)
KEY_TWICE: Final = Msg("{key} is used twice", "{key} được dùng hai lần")
NO_FIGURE_ID: Final = Msg("no figure has the id {ref}", "không có số liệu nào có mã {ref}")
FIGURE_HOMED: Final = Msg("figure {ref} already belongs to highlight {rank}", "số liệu {ref} đã thuộc dấu ấn {rank}")
NOT_HIGHLIGHT_FIGURE: Final = Msg(
    "{ref} is not one of this highlight's figures", "{ref} không phải số liệu của dấu ấn này"
)
NO_EVENT_ID: Final = Msg("no event has the id {ref}", "không có sự kiện nào có mã {ref}")
EVENT_HOMED: Final = Msg("event {ref} already belongs to highlight {rank}", "sự kiện {ref} đã thuộc dấu ấn {rank}")
FIGURE_HOMELESS: Final = Msg("figure {id} belongs to no highlight", "số liệu {id} không thuộc dấu ấn nào")
EVENT_HOMELESS: Final = Msg("event {id} belongs to no highlight", "sự kiện {id} không thuộc dấu ấn nào")
YEAR_NOT_BEFORE: Final = Msg(
    "a previous-year comparison must be with a year before {year}",
    "so sánh với năm trước phải là với một năm trước {year}",
)
SECTION_NOT_RANK: Final = Msg(
    "section {section} differs from the rank of its highlight ({rank})",
    "mục {section} khác thứ tự của dấu ấn chứa nó ({rank})",
)
QUOTE_SPACE: Final = Msg("the quote has leading or trailing white space", "trích dẫn có khoảng trắng ở đầu hoặc cuối")
QUOTE_NOT_NFC: Final = Msg("the quote is not NFC-normalised", "trích dẫn chưa được chuẩn hoá NFC")

# ---- numbers and values --------------------------------------------------------------------------

MONEY: Final = Msg("VND {}", "{} đồng")
MONEY_MILLION: Final = Msg("VND {} million", "{} triệu đồng")
MONEY_BILLION: Final = Msg("VND {} billion", "{} tỷ đồng")
DAYS: Final = Msg("{} days", "{} ngày")
ONE_DAY: Final = Msg("{} day", "{} ngày")
QUALIFIERS: Final = {"more_than": Msg("more than {}", "hơn {}"), "nearly": Msg("nearly {}", "gần {}")}
DERIVED_VALUE: Final = Msg("{} (derived)", "{} (suy ra)")
AGAINST: Final = {
    "previous_year": Msg("against {year}", "so với năm {year}"),
    "budget_estimate": Msg("against the budget estimate", "so với dự toán"),
    "target": Msg("against the target", "so với chỉ tiêu"),
}
BASELINE: Final = {
    "previous_year": Msg("{year} value", "Giá trị năm {year}"),
    "budget_estimate": Msg("Budget estimate", "Dự toán"),
    "target": Msg("Target", "Chỉ tiêu"),
}
AMBIGUOUS: Final = Msg(" (ambiguous wording)", " (cách hiểu không rõ)")
SOURCE: Final = Msg("section {section}: \u201c{quote}\u201d", "mục {section}: \u201c{quote}\u201d")
MONTHS: Final = tuple(
    Msg(name, str(number))
    for number, name in enumerate(
        (
            *("January", "February", "March", "April", "May", "June"),
            *("July", "August", "September", "October", "November", "December"),
        ),
        start=1,
    )
)
DATE_DAY: Final = Msg("{day} {month} {year}", "{day}/{month}/{year}")
DATE_MONTH: Final = Msg("{month} {year}", "{month}/{year}")
DATE_PERIODS: Final = {
    "early": Msg("early {month} {year}", "đầu tháng {month}/{year}"),
    "mid": Msg("mid-{month} {year}", "giữa tháng {month}/{year}"),
    "late": Msg("late {month} {year}", "cuối tháng {month}/{year}"),
}
YEAR_INFERRED: Final = Msg(" (year inferred from context)", " (năm suy ra từ ngữ cảnh)")

# ---- sheets: titles, headers, words and footnotes ----------------------------------------------

HEADERS: Final = {
    "rank": Msg("#", "#"),
    "highlight": Msg("Highlight", "Dấu ấn"),
    "headline": Msg("Headline figures", "Số liệu chính"),
    "id": Msg("Id", "Mã"),
    "figure": Msg("Figure", "Chỉ tiêu"),
    "value": Msg("Value", "Giá trị"),
    "field": Msg("Field", "Mục"),
    "section": Msg("Section", "Mục"),
    "year": Msg("Year", "Năm"),
    "source": Msg("Source", "Nguồn"),
    "note": Msg("Note", "Ghi chú"),
    "change": Msg("Change", "Thay đổi"),
    "change_percent": Msg("Change %", "Thay đổi %"),
    "direction": Msg("Direction", "Xu hướng"),
    "comparison": Msg("Comparison", "So sánh"),
    "title_vi": Msg("Title (Vietnamese)", "Tiêu đề (tiếng Việt)"),
    "title_en": Msg("Title (English)", "Tiêu đề (tiếng Anh)"),
    "summary": Msg("Summary", "Tóm tắt"),
    "kind": Msg("Kind", "Loại"),
    "matched": Msg("Matched", "Khớp ở"),
    "text": Msg("Text", "Nội dung"),
    "name": Msg("Name", "Tên"),
}
KINDS: Final = {
    "figure": Msg("figure", "số liệu"),
    "highlight": Msg("highlight", "dấu ấn"),
    "event": Msg("event", "sự kiện"),
}
DIRECTIONS: Final = {
    "up": Msg("↑ up", "↑ tăng"),
    "down": Msg("↓ down", "↓ giảm"),
    "unchanged": Msg("= unchanged", "= không đổi"),
}
FIELD_NAMES: Final = {
    "id": Msg("id", "mã"),
    "alias": Msg("alias", "tên khác"),
    "label": Msg("label", "nhãn"),
    "title": Msg("title", "tiêu đề"),
    "short_title": Msg("short_title", "tiêu đề ngắn"),
    "summary": Msg("summary", "tóm tắt"),
    "quote": Msg("quote", "trích dẫn"),
}
LANGUAGE_NAMES: Final = {"vi": Msg("vi", "tiếng Việt"), "en": Msg("en", "tiếng Anh")}
FIELD_IN_LANGUAGE: Final = Msg("{field}.{language}", "{field} ({language})")
LIST_NOTE: Final = Msg(
    "Source: {publisher}, {published}. 'chilinh metric' lists every figure.",
    "Nguồn: {publisher}, {published}. 'chilinh metric' liệt kê mọi số liệu.",
)
EVERY_FIGURE: Final = Msg("Every figure", "Mọi số liệu")
FIGURES_NOTE: Final = Msg(
    "'chilinh metric ID' shows one figure in full, with its source.",
    "'chilinh metric MÃ' cho biết chi tiết và nguồn của một số liệu.",
)
SEARCH_TITLE: Final = Msg("Results for \u201c{text}\u201d", "Kết quả tìm \u201c{text}\u201d")
DERIVED_NOTE: Final = Msg(
    "\u201cDerived\u201d values are computed by chilinh from the article's figures (the article does not "
    "state them), rounded to what the stated figures support.",
    "Giá trị \u201csuy ra\u201d do chilinh tính từ số liệu của bài viết (bài không nêu trực tiếp), "
    "làm tròn theo độ chính xác của số liệu gốc.",
)
OMITTED_NOTE: Final = Msg(
    "{count} other figures have no comparison with {year} in the article and are left out.",
    "{count} số liệu khác không có so sánh với năm {year} trong bài viết nên không được đưa vào.",
)
COMPARE_TITLE: Final = Msg("{current} compared with {year}", "So sánh {current} với {year}")

# ---- writing files ---------------------------------------------------------------------------------

ALREADY_EXISTS: Final = Msg("{paths} already exists; use --force to replace", "{paths} đã có; dùng --force để ghi đè")
ALREADY_EXIST: Final = Msg("{paths} already exist; use --force to replace", "{paths} đã có; dùng --force để ghi đè")
CANNOT_WRITE: Final = Msg("{path}: cannot write here: {reason}", "{path}: không ghi được vào đây: {reason}")
IS_A_DIRECTORY_PATH: Final = Msg("{path}: is a directory", "{path}: là một thư mục")
NOT_A_DIRECTORY: Final = Msg("{path}: is not a directory", "{path}: không phải là thư mục")
SQLITE_CANNOT_WRITE: Final = Msg(
    "{path}: SQLite could not write the file: {error}",
    "{path}: SQLite không ghi được tệp (đĩa đầy, chỉ cho đọc hoặc lỗi đọc ghi; SQLite báo: {error})",
)
XLSX_NEEDS_OPENPYXL: Final = Msg(
    "export xlsx needs openpyxl: pip install 'chilinh[xlsx]'", "export xlsx cần openpyxl: pip install 'chilinh[xlsx]'"
)
WROTE_XLSX: Final = Msg("wrote {path}: {tables} sheets, {rows} rows", "đã ghi {path}: {tables} trang tính, {rows} dòng")
# Excel number-format suffixes (quoted text) that show a value's unit beside it.
XLSX_UNIT_SUFFIXES: Final = {"vnd": Msg(' "VND"', ' "đồng"'), "days": Msg(' "days"', ' "ngày"')}
UNIT_NAMES: Final = {
    "vnd": Msg("Vietnamese đồng", "đồng"),
    "percent": Msg("per cent", "phần trăm"),
    "count": Msg("count", "số lượng"),
    "days": Msg("days", "ngày"),
    "share": Msg("share: value out of out_of", "tỷ lệ: giá trị trên tổng"),
}

# ---- the command line and the process ----------------------------------------------------------

ERROR_PREFIX: Final = Msg("chilinh: error: ", "chilinh: lỗi: ")
INTERRUPTED: Final = Msg("chilinh: interrupted", "chilinh: đã dừng")
ABORTED: Final = Msg("chilinh: aborted", "chilinh: đã huỷ")
CANNOT_WRITE_OUTPUT: Final = Msg("cannot write the output: {reason}", "không ghi được kết quả: {reason}")
INTERNAL_ERROR: Final = Msg(
    "internal error in chilinh {version}; please report it with the command you ran "
    "(run again with --debug for the traceback)",
    "lỗi nội bộ của chilinh {version}; xin hãy báo lỗi kèm lệnh bạn đã chạy (chạy lại với --debug để xem chi tiết)",
)
VALID: Final = Msg(
    "{path}: valid ({highlights}, {figures}, {events})", "{path}: hợp lệ ({highlights}, {figures}, {events})"
)
HIGHLIGHTS: Final = (Msg("{n} highlight", "{n} dấu ấn"), Msg("{n} highlights", "{n} dấu ấn"))
FIGURES: Final = (Msg("{n} figure", "{n} số liệu"), Msg("{n} figures", "{n} số liệu"))
EVENTS: Final = (Msg("{n} event", "{n} sự kiện"), Msg("{n} events", "{n} sự kiện"))
WROTE_SQLITE: Final = Msg("wrote {path}: {tables} tables, {rows} rows", "đã ghi {path}: {tables} bảng, {rows} dòng")
WROTE_CSV: Final = Msg("wrote {path}: {names}", "đã ghi {path}: {names}")
EMPTY_NAME: Final = Msg("it is empty", "giá trị rỗng")
EMPTY_PATH: Final = Msg("an empty path names no file", "đường dẫn rỗng không chỉ tới tệp nào")
DASH_PATH: Final = Msg(
    "'-' names no file here; give a file name", "'-' không chỉ tới tệp nào ở đây; hãy cho một tên tệp"
)
LONG_NAME: Final = Msg("it has more than {n} characters", "dài hơn {n} ký tự")
CHART_NEEDS_TABLE: Final = Msg(
    "--chart draws bars for people; use it with --format table",
    "--chart vẽ biểu đồ cho người đọc; hãy dùng nó với --format table",
)
REFUSE_FIFO: Final = Msg(
    "{path}: is a named pipe (FIFO); chilinh writes only files and devices such as /dev/null",
    "{path}: là một ống có tên (FIFO); chilinh chỉ ghi vào tệp và thiết bị như /dev/null",
)
REFUSE_SOCKET: Final = Msg("{path}: is a socket, not a file", "{path}: là một socket, không phải tệp")
REFUSE_BLOCK_DEVICE: Final = Msg(
    "{path}: is a block device (a disk); chilinh never writes to one",
    "{path}: là một thiết bị khối (ổ đĩa); chilinh không bao giờ ghi vào đó",
)
REFUSE_NOT_REGULAR: Final = Msg(
    "{path}: is not a regular file, so it is not replaced", "{path}: không phải tệp thông thường nên không bị ghi đè"
)
REFUSE_CHANGED: Final = Msg(
    "{path}: something other than a file appeared there while writing; it is left alone",
    "{path}: trong lúc ghi, ở đó xuất hiện một thứ không phải tệp; chilinh để nguyên",
)
NO_READER: Final = Msg("{path}: no process is reading this pipe", "{path}: không có tiến trình nào đọc ống này")
