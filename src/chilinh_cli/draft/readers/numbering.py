"""The numbers Word draws before its numbered paragraphs ('1.', 'a)', 'II.'), which are not in
a paragraph's text: read from the document's numbering part, counted as Word counts them."""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN: tuple[tuple[int, str], ...] = (
    *((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")),
    *((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")),
)


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letter(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _formatted(number: int, fmt: str) -> str:
    """A counter in a level's format (decimal, letters, Roman numerals)."""
    formats = {
        "decimal": str(number),
        "decimalZero": f"{number:02d}",
        "lowerLetter": _letter(number),
        "upperLetter": _letter(number).upper(),
        "lowerRoman": _roman(number).lower(),
        "upperRoman": _roman(number),
    }
    return formats.get(fmt, str(number))


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    found = element.find(_W + tag) if element is not None else None
    return found.get(_W + "val", default) if found is not None else default


class Numbering:
    """The labels of a document's numbered paragraphs, in the order they are read."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        """For each list (numId): each level's start, format and text ('%1.')."""
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        abstract = {
            each.get(_W + "abstractNumId"): {
                int(level.get(_W + "ilvl", "0")): (
                    int(_val(level, "start", "1") or "1"),
                    _val(level, "numFmt", "decimal") or "decimal",
                    _val(level, "lvlText", "") or "",
                )
                for level in each.iter(_W + "lvl")
            }
            for each in root.iter(_W + "abstractNum")
        }
        for num in root.iter(_W + "num"):
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.iter(_W + "lvlOverride"):
                level = int(override.get(_W + "ilvl", "0"))
                start = _val(override, "startOverride")
                if start is not None and level in levels:
                    levels[level] = (int(start), *levels[level][1:])
            self.levels[num.get(_W + "numId", "")] = levels

    def label(self, paragraph: Any) -> str:
        """The number Word draws before ``paragraph`` ('2. ', 'b) '), '- ' for a bullet, else ''."""
        found = _numbered(paragraph)
        if found is None or found[0] not in self.levels:
            return ""
        num, level = found
        levels = self.levels[num]
        if level not in levels:
            return ""
        counters = self.counters.setdefault(num, {})
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [each for each in counters if each > level]:
            del counters[deeper]
        _, fmt, text = levels[level]
        if fmt == "bullet":
            return "- "
        if fmt == "none" or not text:
            return ""
        for shown in range(level + 1):
            number = counters.get(shown, levels.get(shown, (1, "decimal", ""))[0])
            text = text.replace(f"%{shown + 1}", _formatted(number, levels.get(shown, (1, fmt, ""))[1]))
        return text + " "


def _numbered(paragraph: Any) -> tuple[str, int] | None:
    """The list (numId) and level a paragraph is numbered in, by itself or by its style."""
    properties = paragraph._p.pPr
    numbered = properties.numPr if properties is not None else None
    style = paragraph.style
    while numbered is None and style is not None:  # a heading's style may number it
        style_properties = style.element.pPr
        numbered = style_properties.numPr if style_properties is not None else None
        style = style.base_style
    if numbered is None or numbered.numId is None:
        return None
    level = numbered.ilvl.val if numbered.ilvl is not None else 0
    return str(numbered.numId.val), int(level)
