"""The tool's own error types: every failure a user can cause is one of these.

Each error keeps its facts and can say itself in English or Vietnamese (``message``).
"""

from __future__ import annotations

from collections.abc import Sequence


class ChilinhError(Exception):
    """A request that could not be answered; the CLI prints it and exits with ``exit_code``."""

    exit_code = 1

    def message(self, lang: str = "en") -> str:
        return str(self)


class Reason(str):
    """Why a data file is rejected: the English text, with its Vietnamese twin in ``vi``.

    A ``str`` (the English) so that scripts and tests matching the English keep working.
    """

    vi: str

    def __new__(cls, en: str, vi: str) -> Reason:
        reason = super().__new__(cls, en)
        reason.vi = vi
        return reason


def os_reason(error: OSError) -> Reason:
    """What the operating system said, in English (its own words) and in Vietnamese."""
    import errno

    said = {
        errno.ENOENT: "không có thư mục hay tệp này",
        errno.EACCES: "không có quyền",
        errno.EPERM: "không có quyền",
        errno.ENOSPC: "hết chỗ trống trên đĩa",
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.EISDIR: "là một thư mục",
        errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
        errno.ENAMETOOLONG: "tên quá dài",
        errno.EDQUOT: "vượt hạn mức dung lượng",
        errno.EIO: "lỗi đọc ghi của thiết bị",
    }
    english = error.strerror or str(error)
    return Reason(english, said.get(error.errno or 0, f"lỗi hệ điều hành số {error.errno}"))


class DataFileError(ChilinhError):
    """A data file that cannot be used: missing, unreadable, not JSON or invalid.

    ``problems`` holds (field path, reason) pairs; the path is empty for problems
    with the file as a whole.
    """

    def __init__(self, path: str, problems: Sequence[tuple[str, Reason]]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        def said(reason: Reason) -> str:
            return reason.vi if lang == "vi" else str(reason)

        if len(self.problems) == 1 and not self.problems[0][0]:
            return f"{self.path}: {said(self.problems[0][1])}"
        count = len(self.problems)
        if lang == "vi":
            lines = [f"{self.path}: tập dữ liệu không hợp lệ ({count} lỗi)"]
        else:
            lines = [f"{self.path}: invalid dataset ({count} problem{'s' if count != 1 else ''})"]
        whole = "(tệp)" if lang == "vi" else "(file)"
        lines += [f"  {field or whole}: {said(reason)}" for field, reason in self.problems]
        return "\n".join(lines)


def quoted(text: str) -> str:
    """``text`` in quotes as Python writes it (control characters escaped), with bytes that
    were not UTF-8 on the command line (lone surrogates) shown as U+FFFD."""
    return repr("".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text))


class UnknownFigureError(ChilinhError):
    """No figure answers to the name the user gave."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        listed = ", ".join(self.suggestions)
        if lang == "vi":
            text = f"không có số liệu nào tên {quoted(self.name)}"
            if self.suggestions:
                text += f"; có phải bạn muốn tìm {listed}?"
            return text + " ('chilinh metric' liệt kê mọi số liệu)"
        text = f"no figure named {quoted(self.name)}"
        if self.suggestions:
            text += f"; did you mean {listed}?"
        return text + " ('chilinh metric' lists every figure)"


class AmbiguousFigureError(ChilinhError):
    """The name the user gave matches several figures."""

    def __init__(self, name: str, candidates: Sequence[str], total: int | None = None) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        self.total = len(self.candidates) if total is None else total
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        listed = ", ".join(self.candidates)
        more = self.total - len(self.candidates)
        if more > 0:
            listed += f" và {more} mã khác" if lang == "vi" else f" and {more} more"
        if lang == "vi":
            return f"{quoted(self.name)} khớp với nhiều số liệu: {listed}; hãy dùng một trong các mã này"
        return f"{quoted(self.name)} matches several figures: {listed}; give one of these ids"


class NoComparisonError(ChilinhError):
    """The dataset has no comparison with the year the user asked for."""

    def __init__(self, year: int, available: Sequence[int]) -> None:
        self.year = year
        self.available = tuple(available)
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        years = ", ".join(str(y) for y in self.available)
        if lang == "vi":
            return f"dữ liệu không có so sánh với năm {self.year}; các năm có: {years or 'không có'}"
        return f"the dataset has no comparison with {self.year}; years it has: {years or 'none'}"


class UnknownHighlightError(ChilinhError):
    """No highlight has the rank or slug the user gave."""

    def __init__(self, key: str, suggestions: Sequence[str], count: int) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        self.count = count
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        listed = ", ".join(self.suggestions)
        if lang == "vi":
            text = f"không có dấu ấn {quoted(self.key)}; hãy cho thứ tự (1-{self.count}) hoặc mã"
            return text + (f"; có phải bạn muốn tìm {listed}?" if self.suggestions else "")
        text = f"no highlight {quoted(self.key)}; give a rank (1-{self.count}) or a slug"
        return text + (f"; did you mean {listed}?" if self.suggestions else "")


class NothingFoundError(ChilinhError):
    """A search that matched nothing."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        if lang == "vi":
            return (
                f"không tìm thấy gì cho {quoted(self.text)}; hãy thử ít từ hơn hoặc từ ngắn hơn, "
                "hoặc 'chilinh metric' để xem mọi số liệu"
            )
        return f"nothing matches {quoted(self.text)}; try fewer or shorter words, or 'chilinh metric' for every figure"
