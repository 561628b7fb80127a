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
DUPLICATE_DATASET: Final = Msg(
    "{first} and {second} are both {place} in {year}; a catalog holds one review of a place a year",
    "{first} và {second} đều là {place} năm {year}; mỗi nơi mỗi năm chỉ có một bài tổng kết",
)
EMPTY_CATALOG: Final = Msg("{directory}: holds no data file (*.json)", "{directory}: không có tệp dữ liệu nào (*.json)")
NO_SUCH_PLACE: Final = Msg(
    "no place named {place}; the catalog has: {places}", "không có nơi nào tên {place}; có: {places}"
)
AMBIGUOUS_PLACE: Final = Msg(
    "{place} matches several places: {places}; give more of the name",
    "{place} khớp với nhiều nơi: {places}; hãy ghi rõ tên hơn",
)
WHICH_PLACE: Final = Msg(
    "the catalog holds several places: {places}; choose one with --place",
    "danh mục có nhiều nơi: {places}; hãy chọn một nơi bằng --place",
)
NO_REPORT: Final = Msg(
    "the catalog has no review of {place} for {year}; years it has: {years}",
    "danh mục không có bài tổng kết của {place} năm {year}; các năm có: {years}",
)
LOOKED_AT: Final = Msg("{said} (review: {place}, {year}, {file})", "{said} (bài tổng kết: {place}, {year}, {file})")
LOOKED_IN: Final = Msg(
    "{said} (looked in {count} reviews: {reviews})", "{said} (đã tìm trong {count} bài tổng kết: {reviews})"
)
LOOKING_FOR_FILES: Final = Msg(
    "looking for data files: {count} found\u2026", "đang tìm tệp dữ liệu: đã thấy {count}\u2026"
)
PASSED_OVER: Final = Msg("warning: {path}: {reason}; skipped", "cảnh báo: {path}: {reason}; bỏ qua")
FOLDER_NOT_READ: Final = Msg(
    "warning: {path}: this folder cannot be read ({reason}); its reviews are left out",
    "cảnh báo: {path}: không đọc được thư mục này ({reason}); các báo cáo trong đó bị bỏ qua",
)
STOPPED_AT: Final = Msg(
    "warning: {path}: stopped after {limit} data files; --max-files N reads more",
    "cảnh báo: {path}: dừng sau {limit} tệp dữ liệu; dùng --max-files N để đọc thêm",
)
MANY_SKIPPED: Final = Msg(
    "warning: {count} files skipped, not datasets (no schema_version or metadata): {first} and {rest} more",
    "cảnh báo: {count} tệp bị bỏ qua, không phải tệp dữ liệu (không có schema_version hay metadata): "
    "{first} và {rest} tệp khác",
)
MORE_PROBLEMS: Final = Msg(
    "  … and {count} more problems (--all or --format json lists every one)",
    "  … và {count} lỗi khác (--all hoặc --format json liệt kê tất cả)",
)
NORMALISED_NFC: Final = Msg(
    "note: {path}: text not in NFC (as some macOS tools save it); read as NFC",
    "ghi chú: {path}: văn bản chưa ở dạng NFC (như một số công cụ macOS lưu); đã đọc theo NFC",
)
SKIPPED_FILE: Final = Msg(
    "warning: {path}: skipped, not a dataset (no schema_version or metadata)",
    "cảnh báo: {path}: bỏ qua, không phải tệp dữ liệu (không có schema_version hay metadata)",
)
NEAR_PLACES: Final = Msg(
    "warning: {first} and {second} may be one place ({why}); correct the spelling, or give the province "
    "or other_names in the metadata",
    "cảnh báo: {first} và {second} có thể là một nơi ({why}); hãy sửa chính tả, hoặc ghi province "
    "hay other_names trong metadata",
)
NEAR_SAME_NAME: Final = Msg("same name, another province", "cùng tên, khác tỉnh")
NEAR_SPELLING: Final = Msg("names one letter apart", "tên khác nhau một chữ")
PLACE_YEARS: Final = Msg("place: {place}: {years}", "nơi: {place}: {years}")
SERIES_KINDS: Final = Msg(
    "the figures found are of {count} kinds (units), shown as separate groups: {kinds}",
    "các số liệu tìm thấy thuộc {count} loại (đơn vị), được xếp thành nhóm riêng: {kinds}",
)
REVIEW_FILE: Final = Msg(
    "From the review of {place}, {year}: the file {file}.", "Từ bài tổng kết của {place}, năm {year}: tệp {file}."
)
STATED_MARK: Final = Msg(" (stated)", " (nêu trong bài)")
NO_CHANGE_FROM_BOUNDS: Final = Msg(
    "none follows (both values are bounds or estimates)",
    "không suy ra được (cả hai giá trị đều là giới hạn hoặc ước tính)",
)
INTERVAL: Final = Msg("[{low} to {high}]", "[{low} đến {high}]")
MATCHED_BY: Final = Msg("{place} {year}: matched by its {field}", "{place} {year}: khớp theo {field}")
NOTHING_FOUND: Final = Msg(
    "nothing matches {text}; try fewer or shorter words, or 'chilinh metric' for every figure",
    "không tìm thấy gì cho {text}; hãy thử ít từ hơn hoặc từ ngắn hơn, hoặc 'chilinh metric' để xem mọi số liệu",
)

# ---- numbers and values --------------------------------------------------------------------------

MONEY: Final = Msg("VND {}", "{} đồng")
MONEY_MILLION: Final = Msg("VND {} million", "{} triệu đồng")
MONEY_BILLION: Final = Msg("VND {} billion", "{} tỷ đồng")
DAYS: Final = Msg("{} days", "{} ngày")
ONE_DAY: Final = Msg("{} day", "{} ngày")
MONEY_USD: Final = Msg("USD {}", "{} USD")
QUALIFIERS: Final = {
    "more_than": Msg("more than {}", "hơn {}"),
    "nearly": Msg("nearly {}", "gần {}"),
    "approximately": Msg("about {}", "khoảng {}"),
    "estimated": Msg("an estimated {}", "ước {}"),
    "at_least": Msg("at least {}", "ít nhất {}"),
}
# A text nobody has translated yet, shown in English as the Vietnamese and this marker.
UNTRANSLATED: Final = Msg(" [untranslated]", " [chưa dịch]")
# A record drafted by 'chilinh draft' that no person has checked yet, marked wherever shown.
UNCHECKED: Final = Msg(" (unchecked)", " (chưa kiểm tra)")
TARGET_MARK: Final = Msg(" (target for {year}, not a result)", " (chỉ tiêu phấn đấu năm {year}, không phải kết quả)")
RELATIVE_TO_MARK: Final = {
    "previous_year": Msg(" of the previous year", " so với năm trước"),
    "budget_estimate": Msg(" of the budget estimate", " dự toán"),
    "target": Msg(" of the target", " chỉ tiêu"),
    "plan": Msg(" of the plan", " kế hoạch"),
}
# A record a person reviewed but did not accept as drafted (a rejected one is never shown).
REVIEW_MARKS: Final = {"edited": Msg(" (edited)", " (đã sửa)"), "rejected": Msg(" (rejected)", " (đã loại)")}
DERIVED_VALUE: Final = Msg("{} (derived)", "{} (suy ra)")
# A stated change in words: by basis, then direction ('down 90 from 2020', 'vượt 6 so với chỉ tiêu').
CHANGES: Final = {
    "previous_year": {
        "up": Msg("up {amount} from {year}", "tăng {amount} so với năm {year}"),
        "down": Msg("down {amount} from {year}", "giảm {amount} so với năm {year}"),
        "unchanged": Msg("unchanged from {year}", "không đổi so với năm {year}"),
    },
    "budget_estimate": {
        "up": Msg("up {amount} on the budget estimate", "tăng {amount} so với dự toán"),
        "down": Msg("down {amount} on the budget estimate", "giảm {amount} so với dự toán"),
        "unchanged": Msg("equal to the budget estimate", "bằng dự toán"),
    },
    "target": {
        "up": Msg("{amount} above the target", "vượt {amount} so với chỉ tiêu"),
        "down": Msg("{amount} below the target", "thấp hơn chỉ tiêu {amount}"),
        "unchanged": Msg("exactly the target", "đúng bằng chỉ tiêu"),
    },
    "plan": {
        "up": Msg("up {amount} on the plan", "tăng {amount} so với kế hoạch"),
        "down": Msg("down {amount} on the plan", "giảm {amount} so với kế hoạch"),
        "unchanged": Msg("equal to the plan", "bằng kế hoạch"),
    },
}
# A comparison stated as a ratio or as the value moved from: by kind, then basis
# ('101.3% of the plan', 'gấp 1,5 lần năm 2022', 'from 2.84% in 2022'); shown as stated, never as a change.
RELATIONS: Final = {
    "percent_of": {
        "previous_year": Msg("{amount} of the {year} value", "bằng {amount} năm {year}"),
        "budget_estimate": Msg("{amount} of the budget estimate", "đạt {amount} dự toán"),
        "target": Msg("{amount} of the target", "đạt {amount} chỉ tiêu"),
        "plan": Msg("{amount} of the plan", "đạt {amount} kế hoạch"),
    },
    "multiple": {
        "previous_year": Msg("{amount} times the {year} value", "gấp {amount} lần năm {year}"),
        "budget_estimate": Msg("{amount} times the budget estimate", "gấp {amount} lần dự toán"),
        "target": Msg("{amount} times the target", "gấp {amount} lần chỉ tiêu"),
        "plan": Msg("{amount} times the plan", "gấp {amount} lần kế hoạch"),
    },
    "from_value": {
        "previous_year": Msg("from {amount} in {year}", "từ {amount} năm {year}"),
        "budget_estimate": Msg("from {amount} in the budget estimate", "từ {amount} theo dự toán"),
        "target": Msg("from a target of {amount}", "từ chỉ tiêu {amount}"),
        "plan": Msg("from {amount} in the plan", "từ {amount} theo kế hoạch"),
    },
}
POINTS: Final = Msg("{} percentage points", "{} điểm phần trăm")
ONE_POINT: Final = Msg("{} percentage point", "{} điểm phần trăm")
AS_OF_PUBLICATION: Final = Msg("{year}, as of publication ({published})", "{year}, tính đến khi đăng bài ({published})")
AS_OF_UNDATED: Final = Msg("{year}, as of publication", "{year}, tính đến khi đăng bài")
BASELINE: Final = {
    "previous_year": Msg("{year} value", "Giá trị năm {year}"),
    "budget_estimate": Msg("Budget estimate", "Dự toán"),
    "target": Msg("Target", "Chỉ tiêu đề ra"),
    "plan": Msg("Plan", "Kế hoạch"),
}
AMBIGUOUS: Final = Msg(
    " (the wording allows two readings; nothing is derived from it)",
    " (câu chữ cho phép hai cách hiểu; không suy ra gì từ đó)",
)
SOURCE: Final = Msg("section {section}: \u201c{quote}\u201d", "mục {section}: \u201c{quote}\u201d")
SOURCE_PAGE: Final = Msg("page {number}", "trang {number}")
SOURCE_PARAGRAPH: Final = Msg("paragraph {number}", "đoạn {number}")
SOURCE_ROW: Final = Msg("row {number}", "dòng {number}")
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
    "figure": Msg("Figure", "Số liệu"),
    "value": Msg("Value", "Giá trị"),
    "field": Msg("Field", "Thông tin"),
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
    "event": Msg("Event", "Sự kiện"),
    "matched": Msg("Matched", "Khớp ở"),
    "text": Msg("Text", "Nội dung"),
    "name": Msg("Name", "Tên"),
    "place": Msg("Place", "Nơi"),
    "file": Msg("File", "Tệp"),
    "group": Msg("Group", "Nhóm"),
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
    "start": Msg("name's first words", "những chữ đầu của tên"),
    "same_id": Msg(
        "id (that of the figure the name matched in another review)",
        "mã (mã của số liệu mà tên này khớp trong bài tổng kết khác)",
    ),
}
LANGUAGE_NAMES: Final = {"vi": Msg("Vietnamese", "tiếng Việt"), "en": Msg("English", "tiếng Anh")}
FIELD_IN_LANGUAGE: Final = Msg("{field} ({language})", "{field} ({language})")
LIST_NOTE: Final = Msg(
    "Source: {source}. 'chilinh metric' lists every figure.",
    "Nguồn: {source}. 'chilinh metric' liệt kê mọi số liệu.",
)
LIST_NOTE_PUBLISHED: Final = Msg(
    "Published {published}. 'chilinh metric' lists every figure.",
    "Đăng ngày {published}. 'chilinh metric' liệt kê mọi số liệu.",
)
LIST_NOTE_UNSOURCED: Final = Msg("'chilinh metric' lists every figure.", "'chilinh metric' liệt kê mọi số liệu.")
EVERY_FIGURE: Final = Msg("Every figure", "Mọi số liệu")
EVERY_HIGHLIGHT: Final = Msg("Every highlight in full", "Toàn bộ các dấu ấn")
FIGURES_NOTE: Final = Msg(
    "'chilinh metric ID' shows one figure in full, with its source.",
    "'chilinh metric MÃ' cho biết chi tiết và nguồn của một số liệu.",
)
MORE_HITS: Final = Msg(
    "{more} more match; give more words to narrow the search.", "còn {more} kết quả khác; hãy thêm từ để tìm hẹp hơn."
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
STATED_VALUE: Final = Msg("{value} (stated)", "{value} (được nêu)")
CONFLICTING: Final = Msg("{stated} ≠ {derived}", "{stated} ≠ {derived}")
STATED_NOTE: Final = Msg(
    "“Stated” values of {year} come from the place's own review of {year} in the catalog.",
    "Giá trị “được nêu” của năm {year} lấy từ bài tổng kết năm {year} của chính nơi đó trong danh mục.",
)
CONFLICT_NOTE: Final = Msg(
    "≠: the stated value and the one derived from the later review differ by more than their rounding allows.",
    "≠: giá trị được nêu và giá trị suy ra từ bài tổng kết sau chênh nhau nhiều hơn mức làm tròn cho phép.",
)
CONFLICT: Final = Msg(
    "conflict: {place} {year}, {id}: the {year} review states {stated} ({stated_in}: “{stated_quote}”), "
    "the {later} review implies {derived} ({later_in}: “{later_quote}”)",
    "mâu thuẫn: {place} năm {year}, {id}: bài tổng kết năm {year} nêu {stated} ({stated_in}: “{stated_quote}”), "
    "bài năm {later} suy ra {derived} ({later_in}: “{later_quote}”)",
)
COMPARE_TITLE: Final = Msg("{current} compared with {year}", "So sánh {current} với {year}")

# ---- writing files ---------------------------------------------------------------------------------

ALREADY_EXISTS: Final = Msg("{paths} already exists; use --force to replace", "{paths} đã có; dùng --force để ghi đè")
ALREADY_EXIST: Final = Msg("{paths} already exist; use --force to replace", "{paths} đã có; dùng --force để ghi đè")
CANNOT_WRITE: Final = Msg("{path}: cannot write here: {reason}", "{path}: không ghi được vào đây: {reason}")
IS_A_DIRECTORY_PATH: Final = Msg("{path}: is a directory", "{path}: là một thư mục")
NOT_A_DIRECTORY: Final = Msg("{path}: is not a directory", "{path}: không phải là thư mục")
DISK_FULL: Final = Msg(
    "{path}: disk full (or over a file-size limit or quota); nothing was written",
    "{path}: đĩa đầy (hoặc vượt giới hạn kích thước tệp hay hạn mức); không có gì được ghi",
)
SQLITE_CANNOT_WRITE: Final = Msg(
    "{path}: SQLite could not write the file: {error}",
    "{path}: SQLite không ghi được tệp (đĩa đầy, chỉ cho đọc hoặc lỗi đọc ghi; SQLite báo: {error})",
)
XLSX_NEEDS_OPENPYXL: Final = Msg(
    "export xlsx needs openpyxl: pip install 'chilinh[xlsx]'", "export xlsx cần openpyxl: pip install 'chilinh[xlsx]'"
)
WROTE_XLSX: Final = Msg("wrote {path}: {tables} sheets, {rows} rows", "đã ghi {path}: {tables} trang tính, {rows} dòng")
# Excel number-format suffixes (quoted text) that show a value's unit beside it.
XLSX_UNIT_SUFFIXES: Final = {
    "vnd": Msg(' "VND"', ' "đồng"'),
    "usd": Msg(' "USD"', ' "USD"'),
    "days": Msg(' "days"', ' "ngày"'),
}
UNIT_NAMES: Final = {
    "vnd": Msg("Vietnamese đồng", "đồng"),
    "percent": Msg("per cent", "phần trăm"),
    "count": Msg("count", "số lượng"),
    "days": Msg("days", "ngày"),
    "share": Msg("share: value out of out_of", "tỷ lệ: giá trị trên tổng"),
    "usd": Msg("US dollars", "đô la Mỹ"),
    "quantity": Msg("quantity: an amount of noun", "lượng: số đo theo đơn vị noun"),
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
NOT_REVIEWED: Final = Msg("not yet reviewed: {parts}", "chưa rà soát: {parts}")
NOT_REVIEWED_PART: Final = Msg("{things} ({first})", "{things} ({first})")
REVIEW_KINDS: Final = {
    "figures": (Msg("{n} figure", "{n} số liệu"), Msg("{n} figures", "{n} số liệu")),
    "events": (Msg("{n} event", "{n} sự kiện"), Msg("{n} events", "{n} sự kiện")),
    "highlights": (Msg("{n} section title", "{n} tiêu đề mục"), Msg("{n} section titles", "{n} tiêu đề mục")),
    "metadata": (Msg("the metadata", "thông tin chung"), Msg("the metadata", "thông tin chung")),
}
STRICT_NOT_REVIEWED: Final = (
    Msg(
        "{path}: {n} record not yet reviewed (--strict makes it an error; review it with 'chilinh review')",
        "{path}: {n} mục chưa rà soát (--strict coi đó là lỗi; hãy rà soát bằng 'chilinh review')",
    ),
    Msg(
        "{path}: {n} records not yet reviewed (--strict makes them an error; review them with 'chilinh review')",
        "{path}: {n} mục chưa rà soát (--strict coi đó là lỗi; hãy rà soát bằng 'chilinh review')",
    ),
)
TODO_HEADING: Final = Msg("still to review:", "còn cần rà soát:")
TODO_LINE: Final = Msg("  {record}: {things}", "  {record}: {things}")
TODO_UNCHECKED: Final = Msg("unchecked", "chưa kiểm tra")
TODO_MISSING: Final = Msg("{field} missing", "thiếu {field}")
TODO_COUNT: Final = (
    Msg("{n} record to review", "{n} mục cần rà soát"),
    Msg("{n} records to review", "{n} mục cần rà soát"),
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
READING_FILES: Final = Msg("Reading data files", "Đang đọc các tệp dữ liệu")
READING_PAGES: Final = Msg("Reading the document's pages", "Đang đọc các trang tài liệu")
INDEXING_REVIEWS: Final = Msg(
    "Indexing the reviews for their first search", "Đang lập chỉ mục cho lần tìm kiếm đầu tiên"
)
SAVE_TEXT_NEEDS_OUTPUT: Final = Msg(
    "--save-text writes the text beside the draft: give the draft's file with --output",
    "--save-text ghi văn bản bên cạnh bản nháp: hãy cho biết tệp bản nháp bằng --output",
)
READ_SO_FAR: Final = Msg("{figures} figures, {rate} files/s", "{figures} số liệu, {rate} tệp/giây")
SERIES_LEGEND: Final = Msg(
    "█ stated by a review   ░ derived by chilinh from a later review; each group's bars have their own scale",
    "█ bài tổng kết nêu   ░ chilinh suy ra từ bài tổng kết năm sau; mỗi nhóm thanh có thang riêng",
)
CHART_SCALE: Final = Msg("bars from 0 to {top}", "thanh từ 0 đến {top}")
CHART_LEGEND: Final = Msg(
    "█ stated by the article   ░ derived by chilinh   ▲▼ stated change %   △▽ derived change %; "
    "each figure's bars have their own scale, the change % bars one scale for all (0 to {widest})",
    "█ bài viết nêu   ░ chilinh suy ra   ▲▼ % thay đổi bài viết nêu   △▽ % thay đổi suy ra; "
    "thanh của mỗi số liệu có thang riêng, thanh % thay đổi chung một thang (0 đến {widest})",
)


# ---- chilinh review: the full-screen review of a draft ------------------------------------------

REVIEW_NO_TERMINAL: Final = Msg(
    "chilinh review needs a terminal: run it in one (standard input and output are not a terminal here)",
    "chilinh review cần một cửa sổ dòng lệnh: hãy chạy trong đó (đầu vào và đầu ra chuẩn ở đây không phải là nó)",
)
REVIEW_TITLE: Final = Msg("chilinh review: {file}", "chilinh review: {file}")
REVIEW_PROGRESS: Final = Msg(
    "{kind} {i} / {n}  ·  {done} of {n} decided  ·  {status}",
    "{kind} {i} / {n}  ·  đã quyết {done} trên {n}  ·  {status}",
)
REVIEW_UNSAVED: Final = Msg("  ·  not saved", "  ·  chưa lưu")
REVIEW_KIND_NAMES: Final = {
    "figure": Msg("figure", "số liệu"),
    "event": Msg("event", "sự kiện"),
    "highlight": Msg("section title", "tiêu đề mục"),
    "metadata": Msg("the review's title, place and year", "tiêu đề, địa danh và năm của bản tổng kết"),
}
REVIEW_METADATA_NOT_REJECTED: Final = Msg(
    "the review's title, place and year are not rejected: accept them (a), or edit them (e)",
    "không thể loại tiêu đề, địa danh và năm của bản tổng kết: hãy chấp nhận (a) hoặc sửa (e)",
)
REVIEW_STATUS_NAMES: Final = {
    "drafted": Msg("drafted", "bản nháp"),
    "accepted": Msg("accepted", "đã chấp nhận"),
    "edited": Msg("edited", "đã sửa"),
    "rejected": Msg("rejected", "đã loại"),
}
REVIEW_KEYS: Final = Msg(
    "a accept   x reject   space skip   e edit   u/backspace undo   s save   q quit",
    "a chấp nhận   x loại   space bỏ qua   e sửa   u/backspace hoàn tác   s lưu   q thoát",
)
REVIEW_ALL_DECIDED: Final = Msg(
    "Every record is decided: s to save, u to undo, q to quit.",
    "Mọi mục đã được quyết: s để lưu, u để hoàn tác, q để thoát.",
)
REVIEW_FIELD: Final = Msg("{name}: {value}", "{name}: {value}")
REVIEW_FIELD_NAMES: Final = {
    "id": Msg("id", "mã"),
    "value": Msg("value", "giá trị"),
    "unit": Msg("unit", "đơn vị"),
    "qualifier": Msg("qualifier", "mức chính xác"),
    "label_vi": Msg("label (vi)", "nhãn (vi)"),
    "label_en": Msg("label (en)", "nhãn (en)"),
    "comparisons": Msg("comparisons", "so sánh"),
    "link": Msg("suggested link", "liên kết gợi ý"),
    "date": Msg("date", "ngày"),
    "noun": Msg("counted in", "đơn vị đếm"),
    "title": Msg("title", "tiêu đề"),
    "title_en": Msg("title (en)", "tiêu đề (en)"),
    "place_vi": Msg("place (vi)", "địa danh (vi)"),
    "place_en": Msg("place (en)", "địa danh (en)"),
    "year": Msg("year", "năm"),
    "published": Msg("published", "ngày đăng"),
    "why": Msg("look at", "cần xem"),
}
REVIEW_NONE: Final = Msg("none", "không có")
REVIEW_NO_ARTICLE: Final = Msg(
    "(no article: give --article to see the quote in its sentence)",
    "(không có bài viết: hãy cho --article để xem trích dẫn trong câu của nó)",
)
REVIEW_QUOTE_NOT_FOUND: Final = Msg(
    "(the article does not hold this quote) {quote}", "(bài viết không có trích dẫn này) {quote}"
)
REVIEW_LAST: Final = Msg("last decisions:", "các quyết định gần nhất:")
REVIEW_DECISION: Final = Msg("  {status}: {kind} {key}", "  {status}: {kind} {key}")
REVIEW_EDIT_PROMPT: Final = Msg(
    "edit: FIELD VALUE ({fields}); link FILE ID, or link - to drop it; Enter to apply, Escape to cancel",
    "sửa: TRƯỜNG GIÁ-TRỊ ({fields}); link TỆP MÃ, hoặc link - để bỏ; Enter để áp dụng, Escape để huỷ",
)
REVIEW_EDIT_PROMPT_PLAIN: Final = Msg(
    "edit: FIELD VALUE ({fields}); Enter to apply, Escape to cancel",
    "sửa: TRƯỜNG GIÁ-TRỊ ({fields}); Enter để áp dụng, Escape để huỷ",
)
REVIEW_EDIT_FIELDS: Final = Msg("a field to edit is one of: {fields}", "trường sửa được là một trong: {fields}")
REVIEW_EDIT_BAD: Final = Msg("{field} cannot be '{text}'", "{field} không thể là '{text}'")
REVIEW_NOTHING_TO_EDIT: Final = Msg("nothing to edit: every record is decided", "không có gì để sửa: mọi mục đã quyết")
REVIEW_SAVED: Final = Msg("saved {file}", "đã lưu {file}")
REVIEW_NOTHING_TO_UNDO: Final = Msg("nothing to undo", "không có gì để hoàn tác")
REVIEW_QUIT_UNSAVED: Final = Msg(
    "Decisions not saved. s: save and quit   q: quit without saving   any other key: go on reviewing",
    "Các quyết định chưa được lưu. s: lưu rồi thoát   q: thoát không lưu   phím khác: tiếp tục rà soát",
)
REVIEW_WHY_UNLINKED: Final = Msg("no link to last year", "không liên kết với năm trước")
REVIEW_WHY_SHORT: Final = Msg("short quote", "trích dẫn ngắn")
REVIEW_WHY_AMBIGUOUS: Final = Msg("ambiguous comparison", "so sánh có thể hiểu nhiều cách")
REVIEW_WHY_QUALIFIER: Final = Msg("qualifier", "mức chính xác")
REVIEW_WHY_DERIVED: Final = Msg("read from words or relative to a basis", "đọc từ chữ hoặc so với một mốc")
REVIEW_WHY_CONFLICT: Final = Msg(
    "conflicts with last year's figure (another unit, or a value far from it)",
    "mâu thuẫn với số liệu năm trước (khác đơn vị, hoặc giá trị chênh lệch quá xa)",
)
# Drafts linked to last year's review (draft --like) and datasets checked against their article
DRAFT_LINKED: Final = Msg(
    "; linked {linked} of {figures} figures to {path} (each carries 'link' until you accept it)",
    "; đã nối {linked}/{figures} số liệu với {path} (mỗi số liệu mang 'link' cho đến khi bạn chấp nhận)",
)
DRAFT_NO_PREVIOUS: Final = Msg(
    "{path}: no review of {place} before {year} to link to",
    "{path}: không có bản tổng kết nào của {place} trước năm {year} để nối",
)
ARTICLE_CHECKED: Final = Msg(
    "{path}: every quote, value, comparison, date, year and place agrees with the article {article}",
    "{path}: mọi trích dẫn, giá trị, so sánh, ngày tháng, năm và địa phương đều khớp với bài viết {article}",
)
ARTICLE_PROBLEMS: Final = Msg(
    "{path}: {count} disagreement(s) with the article {article}",
    "{path}: {count} chỗ không khớp với bài viết {article}",
)
ARTICLE_PROBLEM: Final = Msg("  {record} ({id}): {reason}", "  {record} ({id}): {reason}")
ARTICLE_QUOTE_MISSING: Final = Msg(
    "the quote \u201c{quote}\u201d is not in the article", "trích dẫn \u201c{quote}\u201d không có trong bài viết"
)
ARTICLE_VALUE_MISSING: Final = Msg(
    "the value {value} is not written in its quote \u201c{quote}\u201d",
    "giá trị {value} không được viết trong trích dẫn \u201c{quote}\u201d",
)
ARTICLE_COMPARISON_MISSING: Final = Msg(
    "the comparison's number {value} is not written in its quote \u201c{quote}\u201d",
    "số của phép so sánh {value} không được viết trong trích dẫn \u201c{quote}\u201d",
)
ARTICLE_YEAR_DIFFERS: Final = Msg(
    "the year {year} is not the article's year {article_year}",
    "năm {year} không phải năm của bài viết {article_year}",
)
ARTICLE_PLACE_DIFFERS: Final = Msg(
    "the place \u201c{place}\u201d is not named in the article",
    "địa phương \u201c{place}\u201d không được nêu trong bài viết",
)
EVENT_DAY_MISSING: Final = Msg(
    "the date {day}/{month} is not written in its quote \u201c{quote}\u201d",
    "ngày {day}/{month} không được viết trong trích dẫn \u201c{quote}\u201d",
)
EVENT_MONTH_MISSING: Final = Msg(
    "the month {month} is not written in its quote \u201c{quote}\u201d",
    "tháng {month} không được viết trong trích dẫn \u201c{quote}\u201d",
)
EVENT_PERIOD_MISSING: Final = Msg(
    "the part of the month ({period}) is not written before its month in its quote \u201c{quote}\u201d",
    "thời điểm trong tháng ({period}) không được viết trước tháng trong trích dẫn \u201c{quote}\u201d",
)
MONTH_PARTS: Final = {
    "early": Msg("early", "đầu tháng"),
    "mid": Msg("mid", "giữa tháng"),
    "late": Msg("late", "cuối tháng"),
}
EVENT_YEAR_WRITTEN: Final = Msg(
    "the year {year} is not the year {written} its quote \u201c{quote}\u201d writes",
    "năm {year} không phải năm {written} mà trích dẫn \u201c{quote}\u201d viết",
)
EVENT_YEAR_UNWRITTEN: Final = Msg(
    "the year {year} is not written in its quote, and is not the article's year {article_year} "
    "(set 'year_inferred' to 'true' when the article gives it elsewhere)",
    "năm {year} không được viết trong trích dẫn và không phải năm của bài viết {article_year} "
    "(đặt 'year_inferred' thành 'true' khi bài viết nêu năm ở chỗ khác)",
)
ARTICLE_CHANGED: Final = Msg(
    "{path}: {article} has changed since the draft was made (its text's SHA-256 differs): "
    "the quotes are checked against it as it is now",
    "{path}: {article} đã thay đổi từ khi lập nháp (SHA-256 của văn bản khác): "
    "các trích dẫn được đối chiếu với bản hiện tại",
)
ARTICLE_GONE: Final = Msg(
    "{path} was drafted from {article}, which is no longer there: give the article with --article",
    "{path} được lập nháp từ {article}, tệp này không còn: hãy chỉ ra bài viết bằng --article",
)
ARTICLE_GONE_IN_FOLDER: Final = Msg(
    "{path} was drafted from {article}, which is no longer there: its quotes are not checked "
    "('chilinh validate {path} --article ARTICLE' checks them)",
    "{path} được lập nháp từ {article}, tệp này không còn: chưa đối chiếu các trích dẫn "
    "('chilinh validate {path} --article BÀI-VIẾT' đối chiếu chúng)",
)
ARTICLE_UNREADABLE: Final = Msg(
    "{path}: the article it was drafted from cannot be read, so nothing was checked against it: {reason}",
    "{path}: không đọc được bài viết đã dùng để lập nháp nên chưa đối chiếu được gì: {reason}",
)
ARTICLE_NEEDS_FILE: Final = Msg(
    "it checks one dataset file against one article, and {path} is a folder: give one of its files, "
    "or leave --article out (each file of a folder is checked against the article it records)",
    "tuỳ chọn này đối chiếu một tệp dữ liệu với một bài viết, mà {path} là một thư mục: hãy cho một tệp trong đó, "
    "hoặc bỏ --article (mỗi tệp trong thư mục được đối chiếu với bài viết mà nó ghi lại)",
)
