"""An article's text: decoded, cleared of a page's clutter, and read for its structure: the
title, the year, the place, the dateline, the lead and the sections, then paragraphs and
sentences.

What the sentences state is ``grammar``'s to read, and ``draft``'s to make into records.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from ..model.errors import DataFileError
from ..words import data_messages
from . import lexicon

MAX_SECTIONS = 1000
"""Sections drafted at most; a review has a few dozen (the format holds up to 10,000)."""
MAX_BYTES = 5 * 1024 * 1024
"""The largest article read: a review is a few thousand words, far below this."""

# '1.', '01.', 'I.', '2)', 'II-', 'A.' (a report's parts, above its Roman or numbered items)
_NUMBERED = re.compile(r"^(?:\d{1,2}|[IVX]{1,5}|[A-H\u0110])\s?[.):/\-–]\s+(\S.*)$")
_ROMAN = re.compile(r"^[IVX]{1,5}\s?[.):/\-–]\s")
_LETTERED = re.compile(r"^[A-H\u0110]\s?[.):/\-–]\s")
_DATELINE = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19\d\d|2[01]\d\d|2200)(?!\d)")  # the years a dataset may hold


def refuse_size(size: int, name: str) -> None:
    """A DataFileError for an article larger than ``MAX_BYTES``."""
    if size > MAX_BYTES:
        said = data_messages.ARTICLE_TOO_LARGE.format(size=f"{size / 2**20:.1f}", most=str(MAX_BYTES // 2**20))
        raise DataFileError(name, [("", said)])


def decode(raw: bytes, name: str) -> str:
    """The article's text (NFC, with newlines for line ends), or a DataFileError saying why not."""
    refuse_size(len(raw), name)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif raw.startswith(b"%PDF"):
        raise DataFileError(name, [("", data_messages.ARTICLE_PDF)])
    elif b"\x00" in raw:
        pairs = raw[: 2 * 512]
        utf16 = pairs[1::2].count(0) > len(pairs) // 4 or pairs[0::2].count(0) > len(pairs) // 4
        raise DataFileError(name, [("", data_messages.ARTICLE_UTF16_NO_BOM if utf16 else data_messages.ARTICLE_BINARY)])
    else:
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise DataFileError(name, [("", data_messages.ARTICLE_NOT_UTF8.format(offset=error.start))]) from None
    if "\x00" in text:  # UTF-16 text holding NUL: binary, whatever its byte-order mark says
        raise DataFileError(name, [("", data_messages.ARTICLE_BINARY)])
    if not text.strip():
        raise DataFileError(name, [("", data_messages.ARTICLE_EMPTY)])
    return unicodedata.normalize("NFC", spaced(text.replace("\r\n", "\n").replace("\r", "\n")))


_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_ENDS = re.compile("[\u2028\u0085\u000b\u000c]")


def spaced(text: str) -> str:
    """Spaces and line ends as the grammar reads them, in a text that writes all its spaces
    otherwise: line and paragraph separators (U+2028, U+2029) as newlines; no-break and other
    Unicode spaces, or tabs, as spaces when the text has hardly any plain space (a few no-break
    spaces stay, for quotes to be verbatim; elsewhere a tab separates a table's cells)."""
    text = _LINE_ENDS.sub("\n", text).replace("\u2029", "\n\n")
    spaces = text.count(" ")
    if len(_SPACES.findall(text)) > 4 * spaces:
        text = _SPACES.sub(" ", text)
    return text.replace("\t", " ") if text.count("\t") > 4 * spaces else text


class Section(NamedTuple):
    title: str
    lines: list[str]


def sections_of(lines: list[str], after: int, raw: list[str]) -> tuple[list[str], list[Section]]:
    """The lead (lines before the first heading) and the sections, from the first kind of
    heading the article uses twice or more: a report's parts ('A.'), Roman numerals (under
    them, '1.' numbers a list), numbers, numbered words ('Dau an thu nhat: ...'), paragraphs
    that number themselves ('Thu nhat, ...'), lines in capitals, labels with a colon ('Ve kinh
    te:'), short lines that each stand before a paragraph. A numbered line as long as a
    paragraph is an item of a list.
    ``lines`` are stripped, to see the headings; the sections hold the same lines of ``raw``,
    as the text has them, for quotes to be verbatim."""
    span = range(after, len(lines))
    numbered = [i for i in span if _NUMBERED.match(lines[i]) and _is_heading(lines[i])]
    roman = [i for i in numbered if _ROMAN.match(lines[i])]
    lettered = [i for i in numbered if _LETTERED.match(lines[i])]
    numbered = [i for i in numbered if not _LETTERED.match(lines[i])]
    ordinal = [i for i in span if _ordinal().match(lines[i])]
    # 'Thu nhat, kinh te ...': a paragraph that numbers itself is a section, and its own first line
    opening = [i for i in span if _ordinal_paragraph().match(lines[i])]
    capitals = [i for i in span if _in_capitals(lines[i])]
    labelled = [i for i in span if _labels_a_list(lines, i)]  # 'Ve kinh te:' above its items
    if any(_INLINE_LABEL.match(lines[i]) for i in span):  # 'Ve kinh te: Tong gia tri ...' inside paragraphs:
        labelled = []  # the labels name parts of the text, not its sections
    short = [i for i in span if _stands_before_a_paragraph(lines, i)]
    kinds = (lettered, roman, numbered, ordinal, opening, capitals, labelled, short)
    starts = next((kind for kind in kinds if len(kind) >= 2), capitals)
    numbered_paragraphs = starts is opening
    starts = starts[:MAX_SECTIONS]  # beyond that, what follows is the last section's
    if not starts:
        return [], [Section("", raw[after:])]
    headings = set(lettered) | set(numbered) | set(ordinal)
    found = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        if numbered_paragraphs:  # the paragraph's first clause is its title
            title = re.split(r"(?<=[.;:])\s", _ordinal_paragraph().match(lines[start]).group(1))[0]  # type: ignore[union-attr]
            found.append(Section(" ".join(title.split()[:15]).rstrip(".;:"), raw[start:end]))
            continue
        match = _NUMBERED.match(lines[start]) or _ordinal().match(lines[start])
        title = match.group(1) if match and start in headings else _unmarked(lines[start]).rstrip(":")
        found.append(Section(title.strip(), raw[start + 1 : end]))
    return raw[after : starts[0]], found


def _ordinal_words() -> str:
    """'thu nhat', 'thu hai', ...: an ordinal in words, as a regex."""
    return rf"{lexicon.words()['ordinal_lead']}\s+(?:{lexicon.alternation('ordinals')})"


@functools.cache
def _ordinal() -> re.Pattern[str]:
    """'Dau an thu nhat: Kinh te tang truong': a heading numbered in words, its title after the mark."""
    return re.compile(rf"(?i)^(?:[^\W\d_]+\s+){{0,3}}{_ordinal_words()}\s*[:.\-–]\s*(\S.*)$")


@functools.cache
def _ordinal_paragraph() -> re.Pattern[str]:
    """'Thu nhat, kinh te ...': a paragraph that numbers itself, its text after the comma."""
    return re.compile(rf"(?i)^{_ordinal_words()}\s*,\s*(\S.*)$")


def _unmarked(line: str) -> str:
    """A line without the marks of bold or a heading a page copied as text ('**Kinh te**', '## ...')."""
    return line.strip().strip("*#_").strip()


_INLINE_LABEL = re.compile(r"^[^\W\d_][^:.;]{2,40}:\s+\S.{80,}$")


def _labels_a_list(lines: list[str], at: int) -> bool:
    """A short line ending with a colon ('Ve kinh te:'), then the items or paragraph it heads."""
    line = _unmarked(lines[at])
    if not (2 <= len(line.split()) <= 10 and line.endswith(":") and line[0].isupper()):
        return False
    following = next((other for other in lines[at + 1 : at + 3] if other.strip()), "")
    return bool(_BULLET.match(following)) or len(following.split()) > 20


def _stands_before_a_paragraph(lines: list[str], at: int) -> bool:
    """A short line that is no sentence ('Kinh te tang truong on dinh'), then a paragraph."""
    line = _unmarked(lines[at])
    if not line:
        return False
    words = len(line.split())
    if not 2 <= words <= 15 or line.rstrip().endswith((".", ";", ":", ",", "!", "?")) or not line[0].isupper():
        return False
    if _DATELINE.search(line) or re.search(r"\d:\d\d", line):  # 'Cap nhat luc 15:40, ngay 28/12/2023'
        return False
    following = next((other for other in lines[at + 1 : at + 3] if other.strip()), "")
    return len(following.split()) > 20 and "\t" not in following  # a table's row is no paragraph


def _is_heading(line: str) -> bool:
    """A numbered line is a heading when it is in capitals, or short and not a sentence; a
    numbered sentence ('1. Thu ngan sach dat 967,3 ty dong.') is an item of a list."""
    words = len(line.split())
    sentence = words > 40 or line.rstrip().endswith((".", ";"))
    return words >= 2 and (_in_capitals(line) or not sentence)


def _in_capitals(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 8 and len(line.split()) >= 2 and all(ch.isupper() for ch in letters)


def title_line(lines: list[str]) -> int:
    """The title: of the first lines before the first heading, those short enough to be a title
    and not a date line, the first that names a year (a site's name or an office's header may
    come first), else the first of them. A paragraph is never the title, nor a heading."""
    filled = [i for i, line in enumerate(lines) if line.strip()][:10]
    # a numbered heading anywhere makes the article's own headings numbered: then a line in
    # capitals near the top ('BAO CAO', a letterhead) is no heading
    numbered = next((i for i, line in enumerate(lines) if _NUMBERED.match(line) or _ordinal().match(line)), None)
    candidates = [
        i
        for i in filled
        if (numbered is None or i < numbered)
        and len(lines[i].split()) <= 30
        and not _letterhead(lines[i])
        and not _a_table_cell(lines[i])
    ]
    # a title may break over two lines ('... tinh Thanh Lac' / 'nam 2023', as a PDF sets it)
    dated = [i for i in candidates if _YEAR.search(title_of(lines, i)) and not _dated(lines[i])]
    # a title in lower case naming a year first; then one in capitals ('BAN TIN TONG KET NAM
    # 2022'), which may also be a heading in capitals of an article whose title names no year
    for i in [*(i for i in dated if not _in_capitals(lines[i])), *dated]:
        return i
    return candidates[0] if candidates else (filled[0] if filled else 0)


def _a_table_cell(line: str) -> bool:
    """A table's row ('Chi tieu | DVT | ...') or one of its cells pasted on a line ('Chi tieu',
    'DVT', a number): never a title."""
    from . import text_tables

    cell = line.strip()
    if text_tables.is_row(line) or lexicon.NUMBER.fullmatch(cell):
        return True
    return len(cell.split()) <= 4 and text_tables.header_kind(cell) != "other"


def _dated(line: str) -> bool:
    return bool(_DATELINE.search(line) or _written_date().search(line))


def _letterhead(line: str) -> bool:
    """An office's letterhead: a line that starts as one ('UBND HUYEN ...', 'So: ...') or holds
    the country's motto ('CONG HOA XA HOI CHU NGHIA VIET NAM'); a title may name the UBND."""
    folded = line.casefold().strip()
    words = lexicon.words()
    return folded.startswith(tuple(words["letterhead_starts"])) or any(m in folded for m in words["letterhead_mottos"])


@functools.cache
def _written_date() -> re.Pattern[str]:
    """A date in words, as an office dates a report: 'ngay 20 thang 12 nam 2022'."""
    words = lexicon.words()
    day = "|".join(re.escape(w) for w in words["dates"]["day"])
    month = "|".join(re.escape(w) for w in words["dates"]["month"])
    return re.compile(rf"(?i)(?:{day})\s+(\d{{1,2}})\s+(?:{month})\s+(\d{{1,2}})\s+{words['year_word']}\s+(\d{{4}})")


def first_paragraph(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines of the first paragraph (up to the first blank line after some text), and the rest."""
    started = False
    for n, line in enumerate(lines):
        if line.strip():
            started = True
        elif started:
            return lines[:n], lines[n:]
    return [], lines


def title_of(lines: list[str], at: int) -> str:
    """The title at line ``at``, with the line it runs on to when it breaks after a comma or a dash,
    or when that line goes on in lower case."""
    title = lines[at] if at < len(lines) else ""
    following = next((line for line in lines[at + 1 : at + 3] if line.strip()), "")
    broken = title.rstrip().endswith((",", "-", "–")) or following.strip()[:1].islower()
    ended = title.rstrip().endswith((".", ":", ";", "!", "?"))
    if broken and not ended and following and len(following.split()) <= 15:
        title = f"{title.rstrip()} {following.strip()}"
    return title


def year_of(text: str, title: str) -> int | None:
    """The year the title names, else the one most often written as 'nam YYYY' in the text."""
    written = re.compile(rf"(?i)(?<!\w){lexicon.words()['year_word']}\s+({_YEAR.pattern})")
    base = re.compile(rf"(?i)(?:{'|'.join(re.escape(w) for w in lexicon.words()['price_base'])})\s+$")
    in_title = next(
        (m for m in written.finditer(title) if not base.search(title[max(0, m.start() - 16) : m.start()])), None
    )
    if in_title:
        return int(in_title.group(1))
    # 'so voi nam 2022' names the year compared with, not the year reviewed; 'gia so sanh nam 2010'
    # the base of constant prices
    bases = "|".join(re.escape(w) for w in (lexicon.words()["compared_with"], *lexicon.words()["price_base"]))
    compared = re.compile(rf"(?i)(?:{bases})\s+(?:\w+\s+){{0,2}}$")
    counts = Counter(
        int(m.group(1)) for m in written.finditer(text) if not compared.search(text[max(0, m.start() - 30) : m.start()])
    )
    if counts:
        return counts.most_common(1)[0][0]
    found = _YEAR.search(title)
    return int(found.group(0)) if found else None


def place_of(title: str, text: str) -> str | None:
    """The place a title names ('Thanh pho X', 'huyen Y'): a kind of place followed by a
    capitalised name ('kinh te - xa hoi' names none), with its province when the text gives
    it right after the place's name."""
    places = sorted(lexicon.words()["places"], key=len, reverse=True)
    kinds = "|".join(re.escape(p) for p in places)
    year_word = lexicon.words()["year_word"]
    not_places = tuple(lexicon.words()["not_places"])
    folded = title.casefold()  # once: a whole text may be searched for its place
    for match in re.finditer(rf"(?i)(?<!\w)({kinds})(?=((?:\s+[^\W\d_]\w*){{1,6}}))", title):
        if folded.startswith(not_places, match.start()):  # 'xa hoi' is society
            continue
        tokens = itertools.takewhile(lambda token: token.casefold() != year_word, match.group(2).split())
        # 'HUYEN TIEN HAI  Doc lap ...': after a kind in capitals, the name is in capitals too
        named = str.isupper if match.group(1).isupper() else _capitalised
        names = list(itertools.takewhile(named, tokens))
        if names:
            names = _as_the_text_names_it(names, text.replace(title, "", 1))
            kind, name = match.group(1), " ".join(names)
            kind = lexicon.words()["place_abbreviations"].get(kind, kind)
            if name.isupper():  # a title in capitals: 'HUYEN TAN LAP' is Huyen Tan Lap
                kind, name = kind.lower(), name.title()
            return f"{kind[0].upper()}{kind[1:]} {name}" + _province_after(name, text)
    return None


def _as_the_text_names_it(names: list[str], text: str) -> list[str]:
    """A place's name without the capitalised words that follow it in a title ('huyen Phu Yen
    Ha Tran Van Binh', the chairman): the longest start of it the text writes on its own, before
    a lower-case word or a mark, else all of it."""
    for size in range(len(names), 1, -1):
        for found in re.finditer(re.escape(" ".join(names[:size])), text):
            following = text[found.end() : found.end() + 3].lstrip()
            if not following or not following[0].isalpha() or following[0].islower():
                return names[:size]
    return names


def _capitalised(token: str) -> bool:
    return token[0].isupper()


def _province_after(name: str, text: str) -> str:
    """', tinh X' when the text writes the place's name followed by its province."""
    provinces = "|".join(re.escape(p) for p in lexicon.words()["province"])
    written = rf"{re.escape(name)}\s*[(,]\s*((?:{provinces})(?:\s+[^\W\d_]\w*){{1,4}})\s*[),.]"
    province = re.search(written, text)
    if province and all(token[0].isupper() for token in province.group(1).split()[1:]):
        return ", " + province.group(1).strip()
    return ""


def published_on(lead: list[str]) -> str | None:
    """The publication date of a dateline ('Thu Ba, 11/01/2022 17:57') before the first section."""
    for line in lead:
        match = _DATELINE.search(line) or _written_date().search(line)
        if match and len(line) <= 80:
            day, month, year = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def later_year_from(text: str, year: int) -> tuple[int, int] | None:
    """The later year a sentence sets targets for, and where its first target word stands: the
    figures after that word are targets ('... dai 14,6 km, du kien hoan thanh nam 2027' states a
    road's length, not a target)."""
    later = later_year(text, year)
    if later is None:
        return None
    folded = text.casefold()
    # a plan named as a basis ('vuot ke hoach', 'bang 105% chi tieu') sets no target; the later
    # year itself, or a word that aims ('phan dau', 'du kien'), does
    bases = {basis.casefold() for basis in lexicon.words()["bases"]}
    aims = [at for w in lexicon.words()["target_words"] if w not in bases and (at := folded.find(w)) != -1]
    named = re.search(rf"(?<!\w){lexicon.words()['year_word']}\s+{later}(?!\d)", folded)
    return later, min([*aims, *([named.start()] if named else [])], default=0)


def later_year(text: str, year: int) -> int | None:
    """The later year a heading or sentence sets targets for: it names a year after the one
    reviewed and says it sets targets ('phan dau', 'phuong huong'); 'huong toi nam 2024' alone
    does not."""
    word = lexicon.words()["year_word"]
    later = [int(y) for y in re.findall(rf"(?i)(?<!\w){word}\s+(\d{{4}})(?!\d)", text) if year < int(y) <= year + 10]
    if not later or not any(w in text.casefold() for w in lexicon.words()["target_words"]):
        return None
    return min(later)


def body(lines: list[str]) -> list[str]:
    """The article's lines up to where the page goes on to other things ('Tin lien quan',
    'Binh luan'), and without photo captions ('Anh: Minh Anh')."""
    ends = tuple(lexicon.words()["end_markers"])
    read_a_paragraph = False  # the page's other things come after the article, not before it
    end = None
    for i, line in enumerate(lines):
        if read_a_paragraph and line.strip().casefold().startswith(ends) and len(line.split()) <= 6:
            end = i
            break
        read_a_paragraph = read_a_paragraph or len(line.split()) > 20
    questions = tuple(lexicon.words()["question_marks"])  # an interviewer's questions state no figure of the place
    buttons = tuple(lexicon.words()["page_buttons"])  # 'Chia se', 'In bai': a page's buttons, never a heading
    return [
        ""
        if (_caption().search(line) and len(line.split()) <= 40)
        or _asks(line, questions)
        or (line.strip().casefold().startswith(buttons) and len(line.split()) <= 5)
        else line
        for line in lines[:end]
    ]


def _asks(line: str, questions: tuple[str, ...]) -> bool:
    """An interviewer's question ('PV: Thua ong, ...?'); a newsreader's 'PV:' that reports is read."""
    return line.strip().casefold().startswith(questions) and "?" in line


@functools.cache
def _caption() -> re.Pattern[str]:
    marks = "|".join(re.escape(mark) for mark in lexicon.words()["caption_marks"])
    return re.compile(rf"(?:{marks})")


def paragraphs(lines: list[str]) -> Iterator[str]:
    """The paragraphs of some lines, a list's bullet ('- ', '+ ') left out. Text copied from a
    PDF breaks its lines inside sentences: a long line that ends without a sentence's mark
    goes on in the next line, joined by the line break itself, so that quotes stay verbatim."""
    paragraph = ""
    for line in lines:
        if paragraph and line.strip() and _wrapped(paragraph) and not _BULLET.match(line):
            paragraph += "\n" + line  # the text's own characters, spaces and all
            continue
        if paragraph.strip():
            yield paragraph
        paragraph = line.lstrip("-+•*– \t")
    if paragraph.strip():
        yield paragraph


_BULLET = re.compile(r"\s*[-+•*–]\s")  # a list's item starts a paragraph of its own


def _wrapped(paragraph: str) -> bool:
    last = paragraph.rsplit("\n", 1)[-1]
    return len(last) >= 50 and not last.rstrip().endswith((".", "!", "?", "…", ":", ";", '"', "\u201d"))


def sentences(lines: list[str]) -> Iterator[str]:
    """The sentences of some lines, in their paragraphs."""
    for paragraph in paragraphs(lines):
        for sentence in lexicon.SENTENCE_END.split(paragraph):
            if sentence.strip():
                yield sentence
