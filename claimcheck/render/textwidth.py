"""Text measured in terminal columns: Hangul and other wide characters take two.

The compact view keeps each line within the screen's width, so a line is never wrapped by the
terminal into two (the line counts the view promises are counts of screen lines).
"""

from __future__ import annotations

import functools
import unicodedata

ELLIPSIS = "…"


@functools.lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def clip(text: str, cols: int) -> str:
    """`text` cut to `cols` columns, with an ellipsis when something was cut."""
    if width(text) <= cols:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > cols - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def clip_left(text: str, cols: int) -> str:
    """`text` cut from the left to `cols` columns, with a leading ellipsis."""
    if width(text) <= cols:
        return text
    out, used = [], 0
    for ch in reversed(text):
        w = char_width(ch)
        if used + w > cols - 1:
            break
        out.append(ch)
        used += w
    return ELLIPSIS + "".join(reversed(out))


def around(text: str, start: int, end: int, cols: int) -> tuple[str, str, str]:
    """The words around text[start:end] within about `cols` columns: (before, marked, after),
    cut at spaces where possible, each cut shown by an ellipsis. The marked part is kept whole
    (clipped only if it alone is wider than `cols`)."""
    marked = text[start:end]
    room = cols - width(marked)
    if room <= 2:
        return "", clip(marked, cols), ""
    before, after = text[:start], text[end:]
    # Give the words before the figure a third of the room, the rest to what follows (a Korean
    # sentence says what the figure is about after it); hand unused room to the other side.
    left = min(width(before), room // 3)
    right = min(width(after), room - left)
    left = min(width(before), room - right)
    return _cut_left(before, left), marked, _cut_right(after, right)


def _cut_left(text: str, cols: int) -> str:
    if width(text) <= cols:
        return text
    kept = clip_left(text, cols)[1:]
    space = kept.find(" ")
    if 0 <= space < len(kept) // 2:
        kept = kept[space + 1 :]
    return ELLIPSIS + kept


def _cut_right(text: str, cols: int) -> str:
    if width(text) <= cols:
        return text
    kept = clip(text, cols)[:-1]
    space = kept.rfind(" ")
    if space > len(kept) // 2:
        kept = kept[:space]
    return kept + ELLIPSIS


def wrap(
    text: str, cols: int, indent: str = "", max_lines: int = 3, whole_words: bool = False
) -> list[str]:
    """`text` broken at spaces into lines of at most `cols` columns; lines after the first start
    with `indent`. More than `max_lines` lines: the last is clipped with an ellipsis. A word
    wider than a line is clipped too, unless `whole_words` (then the line is left long: an
    address must not lose its end)."""
    lines: list[str] = []
    line, used = "", 0  # the line so far and its width, prefix included
    for word in text.split(" "):
        prefix = indent if lines else ""
        w = width(word)
        if not line:
            line, used = word, width(prefix) + w
            continue
        if used + 1 + w <= cols:
            line, used = f"{line} {word}", used + 1 + w
            continue
        lines.append(prefix + line)
        line, used = word, width(indent) + w
    if line or not lines:
        lines.append((indent if lines else "") + line)
    if not whole_words:
        lines = [clip(item, cols) for item in lines]
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        if width(last) > cols - 2:
            last = clip(last, cols - 2).removesuffix(ELLIPSIS)
        lines = [*lines[: max_lines - 1], f"{last} {ELLIPSIS}"]
    return lines
