"""What chilinh says about a data file, in English and in Vietnamese: reading it, validating
it, and the rules of the format. The other half of the catalogue of ``messages`` (see there
for how entries are written, filled and tested).
"""

from __future__ import annotations

from typing import Final

from .messages import Msg

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
RULE_RATIO_POSITIVE: Final = Msg(
    "a comparison of kind {kind} must be above 0 (the figure is that many per cent or times the basis)",
    "so sánh loại {kind} phải lớn hơn 0 (số liệu bằng bấy nhiêu phần trăm hay bấy nhiêu lần giá trị so sánh)",
)
RULE_NOUN_FOR_QUANTITY: Final = Msg(
    "'noun' is required for unit 'quantity' (what is measured: tấn, ha)",
    "cần 'noun' cho đơn vị 'quantity' (đo cái gì: tấn, ha)",
)
RULE_NOUN_NOT_HERE: Final = Msg(
    "'noun' is allowed only for units 'count', 'share' and 'quantity', not {unit}",
    "'noun' chỉ dùng cho đơn vị 'count', 'share' và 'quantity', không dùng cho {unit}",
)
RULE_OUT_OF_FOR_SHARE: Final = Msg(
    "'out_of' is required for unit 'share' and allowed only there", "cần 'out_of' cho đơn vị 'share', và chỉ ở đó"
)
RULE_WHOLE_NUMBER: Final = Msg(
    "a value in unit {unit} must be a whole number", "giá trị có đơn vị {unit} phải là số nguyên"
)
RULE_HIGH_ABOVE_VALUE: Final = Msg(
    "'high' ({high}) is the upper end of a range and must be above 'value' ({value})",
    "'high' ({high}) là cận trên của khoảng và phải lớn hơn 'value' ({value})",
)
RULE_RELATIVE_TO_PERCENT: Final = Msg(
    "'relative_to' is allowed only for unit 'percent' (a share of a plan or estimate)",
    "chỉ dùng 'relative_to' cho đơn vị 'percent' (tỷ lệ so với kế hoạch hoặc dự toán)",
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
RULE_REVIEW_TIME: Final = Msg(
    "'at' must be an ISO 8601 timestamp in UTC (2026-12-07T12:30:00Z)",
    "'at' phải là một thời điểm ISO 8601 theo giờ UTC (2026-12-07T12:30:00Z)",
)
RULE_REVIEW_DISAGREES: Final = Msg(
    "'checked' is false (drafted) but 'review' says {status}: keep one of them",
    "'checked' là false (bản nháp) nhưng 'review' ghi {status}: hãy giữ một trong hai",
)
REVIEW_CHECKED_DRAFTED: Final = Msg(
    "'checked' is true but 'review' says 'drafted': keep one of them",
    "'checked' là true nhưng 'review' ghi 'drafted': hãy giữ một trong hai",
)
RULE_TOO_LARGE: Final = Msg(
    "{value} is too large (a number must be below 10^18)", "{value} quá lớn (một số phải nhỏ hơn 10^18)"
)
LONG_NUMBER: Final = Msg("{start}… ({digits} digits)", "{start}… ({digits} chữ số)")
RULE_TOO_MANY_DECIMALS: Final = Msg(
    "{value} has {digits} digits after the decimal point; at most {most} are allowed",
    "{value} có {digits} chữ số sau dấu thập phân; tối đa là {most}",
)

# ---- reading a data file ----------------------------------------------------------------------

IS_A_DIRECTORY: Final = Msg("is a directory, not a data file", "là một thư mục, không phải tệp dữ liệu")
IS_A_FIFO: Final = Msg(
    "is a named pipe (FIFO), not a data file",
    "là một ống có tên (FIFO), không phải tệp dữ liệu",
)
IS_A_SOCKET: Final = Msg("is a socket, not a data file", "là một socket, không phải tệp dữ liệu")
IS_A_DEVICE: Final = Msg("is a device, not a data file", "là một thiết bị, không phải tệp dữ liệu")
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
NOT_UTF8_LEGACY: Final = Msg(
    "is not UTF-8 text (invalid byte at offset {offset}); it looks like a legacy Vietnamese encoding "
    "(CP1258, VNI or TCVN3): save it as UTF-8",
    "không phải văn bản UTF-8 (byte sai ở vị trí {offset}); có vẻ là một bảng mã tiếng Việt cũ "
    "(CP1258, VNI hay TCVN3): hãy lưu lại dạng UTF-8",
)
NOT_UNICODE: Final = Msg(
    "is not {encoding} text, as its byte-order mark says (invalid bytes at offset {{offset}})",
    "không phải văn bản {encoding} như dấu thứ tự byte của tệp cho biết (byte sai ở vị trí {{offset}})",
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
    "Review": Msg("a review decision", "một quyết định rà soát"),
    "Link": Msg("a link", "một liên kết"),
    "Document": Msg("a document", "một tài liệu"),
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

# ---- drafting a dataset from an article (``draft``) ------------------------------------------

ARTICLE_TOO_LARGE: Final = Msg(
    "the file has {size} MiB; a review article is far smaller, and draft reads at most {most} MiB",
    "tệp có {size} MiB; một bài tổng kết nhỏ hơn nhiều, và draft chỉ đọc tối đa {most} MiB",
)
ARTICLE_BINARY: Final = Msg(
    "not a text file (it holds NUL bytes); give the article as UTF-8 text",
    "không phải tệp văn bản (có byte NUL); hãy đưa bài viết dạng văn bản UTF-8",
)
ARTICLE_NOT_UTF8: Final = Msg(
    "not UTF-8 text (the byte at offset {offset} cannot be read); save the article as UTF-8",
    "không phải văn bản UTF-8 (không đọc được byte ở vị trí {offset}); hãy lưu bài viết dạng UTF-8",
)
ARTICLE_EMPTY: Final = Msg(
    "the file is empty: there is no article to draft from", "tệp rỗng: không có bài viết để lập bản nháp"
)
DRAFT_NO_YEAR: Final = Msg(
    "the text names no year (such as 'năm 2023'); give the year with --year",
    "bài viết không nêu năm nào (chẳng hạn 'năm 2023'); hãy cho biết năm bằng --year",
)
DRAFT_PLACE_UNKNOWN: Final = Msg(
    "(place not found in the text: the reviewer fills it in)",
    "(chưa tìm thấy địa phương trong bài: người duyệt điền vào)",
)
"""The locality of a draft whose text names no place: a placeholder in both languages, in a
record marked unchecked, that ``chilinh check`` lists until a person replaces it."""
DRAFT_NO_PLACE: Final = Msg(
    ". The title \u201c{title}\u201d names no place: set metadata.locality (or draft again with --place).",
    ". Tiêu đề \u201c{title}\u201d không nêu địa phương: hãy điền metadata.locality (hoặc soạn lại với --place).",
)
DRAFT_POINTS_OR_RELATIVE: Final = Msg(
    "The text gives a percentage above or below a plan for a figure that is itself a percentage: it may be "
    "percentage points or a relative change. Check which, then set 'kind' and remove 'ambiguous'.",
    "Văn bản nêu mức vượt (hoặc thấp hơn) kế hoạch bằng phần trăm cho một chỉ tiêu vốn là tỷ lệ: có thể là "
    "điểm phần trăm hoặc mức thay đổi tương đối. Hãy kiểm tra, rồi sửa 'kind' và bỏ 'ambiguous'.",
)
DRAFT_TABLE_ROW: Final = Msg(
    "A row of a table whose columns are: {header}.",
    "Một dòng của bảng có các cột: {header}.",
)
DRAFT_BASIS_NOT_STATED: Final = Msg(
    "the text does not say what this is compared with; drafted as compared with the previous year, "
    "so nothing is derived from it",
    "bài viết không nói so với gì; bản nháp ghi là so với năm trước nên không suy ra gì từ đó",
)
DRAFT_OF_OR_ABOVE: Final = Msg(
    "'up X % on' a plan or estimate may mean X % of it or X % above it; the text does not say which",
    "'tăng X% so với' kế hoạch hay dự toán có thể là bằng X% hoặc vượt X%; bài viết không nói rõ",
)
DRAFTED: Final = Msg(
    "drafted: figures {figures}, events {events}, sections {sections}",
    "đã lập nháp: {figures} số liệu, {events} sự kiện, {sections} mục",
)
DRAFT_LEFT_OUT: Final = Msg(
    " ({count} more read but left out: the format cannot hold them as read)",
    " (thêm {count} số liệu đọc được nhưng bị bỏ: định dạng không ghi được như đã đọc)",
)
DRAFT_NEXT: Final = Msg(
    "; every record is unchecked: read each against the article, add English labels, "
    "then run 'chilinh validate {path}'",
    "; mọi bản ghi đều chưa kiểm tra: hãy đối chiếu từng bản ghi với bài viết, thêm nhãn tiếng Anh, rồi chạy "
    "'chilinh validate {path}'",
)
DRAFT_EMPTY: Final = Msg(
    "the text states no figure and no dated event: the draft holds its sections only ({sections})",
    "bài viết không nêu số liệu hay sự kiện có ngày nào: bản nháp chỉ có các mục ({sections})",
)
DRAFT_TARGET: Final = Msg(
    "the text states this as a target for {year}, not as a result",
    "bài viết nêu đây là mục tiêu năm {year}, chưa phải kết quả",
)
DRAFT_HEDGED_CHANGE: Final = Msg(
    "the text qualifies this comparison ('hơn', 'gần'): it is not exact, so nothing is derived from it",
    "bài viết dùng từ hạn định cho so sánh này ('hơn', 'gần'): không chính xác nên không suy ra gì từ đó",
)
ARTICLE_PDF: Final = Msg(
    "a PDF file, not text; copy the article's text into a .txt file (UTF-8)",
    "đây là tệp PDF, không phải văn bản; hãy chép nội dung bài viết vào một tệp .txt (UTF-8)",
)
ARTICLE_UTF16_NO_BOM: Final = Msg(
    "looks like UTF-16 text without a byte-order mark; save the article as UTF-8",
    "có vẻ là văn bản UTF-16 không có dấu thứ tự byte; hãy lưu bài viết dạng UTF-8",
)
DRAFT_OVER_ARTICLE: Final = Msg(
    "{path} is the article itself; write the draft to another file",
    "{path} chính là bài viết; hãy ghi bản nháp ra tệp khác",
)

# ---- documents `chilinh draft` reads (draft/readers) ----------------------------------------------------------
RULE_DOCUMENT_HASH: Final = Msg(
    "a document's hash must be written in lower-case hexadecimal (64 digits)",
    "mã băm của tài liệu phải viết bằng chữ số thập lục phân thường (64 chữ số)",
)
DOCUMENT_TOO_LARGE: Final = Msg(
    "the document is {size} MiB, more than the {most} MiB a report needs; give the article's own pages or text",
    "tài liệu nặng {size} MiB, lớn hơn {most} MiB một báo cáo cần; hãy đưa riêng các trang hoặc văn bản của bài viết",
)
DOCUMENT_PDF_NO_TEXT: Final = Msg(
    "a PDF without text (a scan or images of pages); run OCR on it first (for example `ocrmypdf IN.pdf OUT.pdf`), "
    "or copy its text into a .txt file",
    "tệp PDF không có chữ (bản quét hoặc ảnh chụp trang); hãy nhận dạng chữ (OCR) trước "
    "(ví dụ `ocrmypdf IN.pdf OUT.pdf`), hoặc chép nội dung vào một tệp .txt",
)
DOCUMENT_PDF_GARBLED: Final = Msg(
    "a PDF whose text cannot be read (its fonts give no letters, only shapes); run OCR on it "
    "(for example `ocrmypdf --force-ocr IN.pdf OUT.pdf`), or copy its text into a .txt file",
    "tệp PDF có chữ không đọc được (phông chữ chỉ cho hình nét, không cho ký tự); hãy nhận dạng chữ (OCR) "
    "(ví dụ `ocrmypdf --force-ocr IN.pdf OUT.pdf`), hoặc chép nội dung vào một tệp .txt",
)
DOCUMENT_PDF_ENCRYPTED: Final = Msg(
    "an encrypted PDF (it needs a password); save an unlocked copy (open it and print to PDF) and draft that",
    "tệp PDF đã mã hóa (cần mật khẩu); hãy lưu một bản không khóa (mở tệp rồi in ra PDF) và lập nháp từ bản đó",
)
DOCUMENT_PDF_BROKEN: Final = Msg(
    "a damaged or incomplete PDF (perhaps a download cut short); download or save it again",
    "tệp PDF bị hỏng hoặc không trọn vẹn (có thể tải về bị ngắt giữa chừng); hãy tải hoặc lưu lại tệp",
)
DOCUMENT_DOC_LEGACY: Final = Msg(
    "an old Word .doc file (not .docx); open it in Word or LibreOffice, save it as .docx and draft that",
    "tệp Word .doc kiểu cũ (không phải .docx); hãy mở bằng Word hoặc LibreOffice, lưu thành .docx rồi lập nháp",
)
DOCUMENT_DOCX_BROKEN: Final = Msg(
    "a damaged or incomplete Word file (.docx); save it again from Word or LibreOffice",
    "tệp Word (.docx) bị hỏng hoặc không trọn vẹn; hãy lưu lại tệp từ Word hoặc LibreOffice",
)
DOCUMENT_ZIP_NOT_DOCX: Final = Msg(
    "a zip archive, not a Word document (.docx); unpack it and draft the article inside",
    "tệp nén zip, không phải tài liệu Word (.docx); hãy giải nén rồi lập nháp từ bài viết bên trong",
)
DOCUMENT_HTML_NO_ARTICLE: Final = Msg(
    "a web page without an article's text; save the article's page itself (File > Save page), "
    "or copy its text into a .txt file",
    "trang web không có nội dung bài viết; hãy lưu chính trang bài viết (Tệp > Lưu trang), "
    "hoặc chép nội dung vào một tệp .txt",
)
DOCUMENT_NO_TEXT: Final = Msg(
    "the document holds no text to draft from; check that it is the article",
    "tài liệu không có chữ để lập nháp; hãy kiểm tra đó đúng là bài viết",
)
