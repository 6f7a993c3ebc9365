"""Normalise text for matching while keeping a map back to the original characters.

Every later stage matches on the normalised string but reports spans in the original,
so a user can find a quote in the file exactly as it is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimcheck import regexcache as rx

# Spaces that news sites paste in (no-break, ideographic, thin…) become a plain space.
_SPACES = {0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)}
# Invisible characters that break word matching are dropped from the normalised text.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD}
_SINGLE_QUOTES = {0x2018, 0x2019, 0x201A, 0x201B, 0x2032}
_DOUBLE_QUOTES = {0x201C, 0x201D, 0x201E, 0x201F, 0x2033}
# Dashes between figures ("30–40%") read as ranges in Korean news; keep them one character.
_DASHES = {0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63}
_TILDES = {0x301C, 0x223C, 0xFF5E}


def is_hangul(ch: str) -> bool:
    """A precomposed Hangul syllable (가…힣): what Korean words and particles are made of."""
    return "\uac00" <= ch <= "\ud7a3"


def _map_char(ch: str) -> str:
    code = ord(ch)
    if code in _INVISIBLE:
        return ""
    if code in _SPACES or ch == "\t":
        return " "
    if code in _SINGLE_QUOTES:
        return "'"
    if code in _DOUBLE_QUOTES:
        return '"'
    if code in _TILDES:
        return "~"
    if code in _DASHES:
        return "-"
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII: ％ ０-９ ＄ …
        return chr(code - 0xFEE0)
    if code == 0xFFE6:  # full-width won sign
        return "₩"
    return ch


def _starts_chunk(ch: str) -> bool:
    # Combining marks and conjoining Hangul vowels/finals attach to the previous character.
    if unicodedata.combining(ch):
        return False
    return not (0x1160 <= ord(ch) <= 0x11FF or 0xD7B0 <= ord(ch) <= 0xD7FF)


@dataclass(frozen=True)
class NormalizedText:
    """`text`: the normalised string; `offsets[i]`: where its character i starts in `original`."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, index: int) -> int:
        """Map a normalised offset (0..len(text)) to an offset in the original string."""
        if index >= len(self.text):
            return len(self.original)
        return self.offsets[index]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span to the original span covering the same characters."""
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        last = self.offsets[end - 1]
        # The end is just past the last original character that produced text[end-1].
        stop = self.offsets[end] if end < len(self.text) else len(self.original)
        stop = max(stop, last + 1)
        # Dropped invisible characters between two spans belong to neither.
        while stop - 1 > last and ord(self.original[stop - 1]) in _INVISIBLE:
            stop -= 1
        return self.offsets[start], stop


# Every character _map_char changes; text without any (and already NFC) is its own normal form.
_CHANGED = rx.compile(
    "[\t"
    + "".join(
        re.escape(chr(c))
        for c in sorted(
            {*_SPACES, *_INVISIBLE, *_SINGLE_QUOTES, *_DOUBLE_QUOTES, *_DASHES, *_TILDES, 0xFFE6}
        )
    )
    + "\uff01-\uff5e]"
)


def normalize(original: str) -> NormalizedText:
    """NFC, half-width digits and signs, plain spaces and quotes; with the offset map."""
    if _CHANGED.search(original) is None and unicodedata.is_normalized("NFC", original):
        return NormalizedText(original, original, tuple(range(len(original))))
    out: list[str] = []
    offsets: list[int] = []
    needs_nfc = not unicodedata.is_normalized("NFC", original)
    n = len(original)
    if not needs_nfc:
        # Only the characters _CHANGED finds are mapped; the runs between them are copied whole.
        position = 0
        for found in _CHANGED.finditer(original):
            at = found.start()
            out.append(original[position:at])
            offsets.extend(range(position, at))
            for piece in _map_char(original[at]):
                out.append(piece)
                offsets.append(at)
            position = at + 1
        out.append(original[position:])
        offsets.extend(range(position, n))
        return NormalizedText(original=original, text="".join(out), offsets=tuple(offsets))
    i = 0
    while i < n:
        j = i + 1
        if needs_nfc:
            while j < n and not _starts_chunk(original[j]):
                j += 1
            chunk = unicodedata.normalize("NFC", original[i:j])
        else:
            chunk = original[i]
        for ch in chunk:
            mapped = _map_char(ch)
            for piece in mapped:
                out.append(piece)
                offsets.append(i)
        i = j
    return NormalizedText(original=original, text="".join(out), offsets=tuple(offsets))
