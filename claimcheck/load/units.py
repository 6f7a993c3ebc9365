"""Units: the paragraphs or lines of a page, with spans into the file, before classification."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Literal

from claimcheck import regexcache as rx

Hint = Literal["text", "title_tag", "h1", "heading", "item", "md_heading"]

_LINE = rx.compile(r"[^\r\n]+")
_BLANK = rx.compile(r"[^\S\r\n]*$")
_MD_RULE = rx.compile(r"\s*(-{3,}|\*{3,}|_{3,})\s*$")
_MD_BREAK = rx.compile(
    r"\s*(#{1,6}\s|[-*+]\s|[0-9]{1,2}[.)]\s|>\s?|```|\||(-{3,}|\*{3,}|_{3,})\s*$)"
)


@dataclass
class Unit:
    """A candidate block. `text` is what Block.text will hold."""

    start: int
    end: int
    line: int
    text: str
    hint: Hint = "text"
    # Set by the format when the unit is furniture whatever it says (front matter, an HTML <nav>).
    preset: tuple[str, str] | None = None
    # HTML only: the source span of each character of `text` (None where unknown).
    char_spans: list[tuple[int, int] | None] | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to a span of the file."""
        if self.char_spans is None:
            if self.text and self.end - self.start == len(self.text):
                return self.start + start, self.start + end
            return self.start, self.end
        first = next((s for s in self.char_spans[start:end] if s is not None), None)
        last = next((s for s in reversed(self.char_spans[start:end]) if s is not None), None)
        if first is None or last is None:
            return self.start, self.end
        return first[0], last[1]


def line_of(text: str, offset: int) -> int:
    """1-based line of `offset`; newline positions are found once per text, not once per call."""
    return bisect.bisect_left(_newlines(text), offset) + 1


@functools.lru_cache(maxsize=8)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def text_units(text: str, begin: int = 0) -> list[Unit]:
    """Every non-blank line of a web-saved .txt is its own unit."""
    units = []
    for match in _LINE.finditer(text, begin):
        start, end = _trimmed(text, match.start(), match.end())
        if end > start:
            units.append(Unit(start, end, line_of(text, start), text[start:end]))
    return units


def markdown_units(text: str, begin: int = 0) -> list[Unit]:
    """Blank-line separated paragraphs; headings, list items and quotes start units of their own."""
    units: list[Unit] = []
    para: list[tuple[int, int]] = []

    def flush() -> None:
        if para:
            start, end = _trimmed(text, para[0][0], para[-1][1])
            hint: Hint = "md_heading" if text.startswith("#", start) else "text"
            units.append(Unit(start, end, line_of(text, start), text[start:end], hint))
            para.clear()

    offset = begin
    for raw in text[begin:].splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        start, offset = offset, offset + len(raw)
        if _BLANK.match(line):
            flush()
            continue
        if _MD_BREAK.match(line) or (para and text.startswith("#", para[0][0])):
            flush()
        para.append((start, start + len(line)))
        if _MD_RULE.match(line):
            flush()
    flush()
    return units
