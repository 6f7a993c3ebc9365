"""Where digits are not figures: dates, times, phones, stock codes, URLs, names, list marks."""

from __future__ import annotations

import bisect
import functools
import re

from claimcheck import regexcache as rx
from claimcheck.quantities.lexicon import lexicon

# Named patterns of text that contains digits but states no quantity. They are skipped
# whole, so "2025.04.28" yields neither 2025 nor 0.28.
_FIXED = {
    "url": r"(?:https?://|www\.)\S+",
    "hashtag": r"#[^\s#]+",
    "phone": r"(?<![\d-])(?:\+?82-?)?0\d{1,2}-\d{3,4}-\d{4}(?![\d-])",
    "service_number": r"(?<![\d-])1[5-9]\d\d-\d{4}(?![\d-])",  # 1588-1234
    "stock_code": r"\(\s*(?:[A-Z]{2,6}:?\s*)?\d{6}(?:\.[A-Z]{2})?\s*\)",
    "numeric_date": r"(?<!\d)\d{4}[./-] ?\d{1,2}[./-] ?\d{1,2}(?!\d)\.?",
    "clock_time": r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)",
    "dotted_section": r"(?<![\d.])\d+(?:\.\d+){2,}",
}


@functools.cache
def _mask_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cal = lexicon().units.calendar
    y, mo, d, h, mi = (re.escape(w) for w in (cal.year, cal.month, cal.day, cal.hour, cal.minute))
    korean = {
        # 2025년 1월 27일, 1월 31일, 오후 3시 30분
        "korean_date": rf"\d{{2,4}}{y} ?\d{{1,2}}{mo}(?: ?\d{{1,2}}{d})?",
        "korean_month_day": rf"\d{{1,2}}{mo} ?\d{{1,2}}{d}",
        "korean_time": rf"\d{{1,2}}{h} ?\d{{1,2}}{mi}",
    }
    parts = {**_FIXED, **korean}
    # Every mask contains one of these (a digit and a sign or calendar word, "://", "www.",
    # "#", "@", "(" before a code, a dot before letters): a text without any needs no scan.
    triggers = rx.compile(rf"\d(?:[-./:]|{mo}|{h})|://|www\.|[#@]|\(\s*[A-Z\d]|\.[A-Za-z]")
    # Every pattern starts with a digit or one of these signs: test that first, it is cheap.
    alternatives = "|".join(f"(?P<{n}>{p})" for n, p in parts.items())
    return triggers, rx.compile(r"(?=[\dhw#(+])(?:" + alternatives + ")")


# File names and e-mail addresses are found from their one fixed part, then widened to
# the whole word: scanning every word for a possible file name is slow.
_FILE_EXT = rx.compile(
    r"\.(?i:png|jpe?g|gif|webp|svg|bmp|pdf|hwp|docx?|xlsx?|pptx?|zip|txt|csv|mp[34])\b"
)
_EMAIL_AT = rx.compile(r"(?<=[\w.+-])@[\w-]+\.[\w.]+")
_WORD_BACK = rx.compile(r"[\w.+-]*$")


class Masks:
    """Spans of one text where no quantity may start."""

    def __init__(self, s: str) -> None:
        self.s = s
        self.starts: list[int] | None = None  # found on the first question: most texts ask none
        self.ends: list[int] = []

    def _find(self) -> None:
        s = self.s
        triggers, masks = _mask_re()
        if not triggers.search(s):
            self.starts = []
            return
        spans = [(m.start(), m.end()) for m in masks.finditer(s)]
        for pattern, sign in ((_FILE_EXT, "."), (_EMAIL_AT, "@")):
            if sign in s:
                for m in pattern.finditer(s):
                    word = _WORD_BACK.search(s, max(0, m.start() - 64), m.start())
                    spans.append((word.start() if word else m.start(), m.end()))
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def covers(self, pos: int) -> bool:
        if self.starts is None:
            self._find()
            assert self.starts is not None
        if not self.starts:
            return False  # most texts: nothing masked
        k = bisect.bisect_right(self.starts, pos) - 1
        # Spans may nest (a file name inside a URL): any span reaching pos covers it.
        return any(pos < self.ends[j] for j in range(k, max(-1, k - 3), -1))


_LEAD_MAX = 16  # a list mark sits within this many characters of the line start
_BULLETS = "-*•·◦▪■□◆◇▶►○●※"
_LATIN_NAME_BEFORE = rx.compile(r"[A-Za-z][A-Za-z0-9]*[ -]?$")


def label_before(s: str, i: int, glued_prefixes: list[str]) -> str | None:
    """Why the digits at i are part of a name or an ordinal, or None.

    H800, V3, GPT-4 and B2B carry letters; 코로나19 is a name; 제3조 is an article of a law.
    """
    if i == 0:
        return None
    prev = s[i - 1]
    if prev == " ":
        return None  # most figures: none of the tests below holds after a space
    if prev.isdigit() or (prev == "," and i >= 2 and s[i - 2].isdigit()):
        return "inside_number"  # the rest of a number already read (or refused)
    if "가" <= prev <= "힣" and prev != "제":
        for word in glued_prefixes:
            start = i - len(word)
            if s.startswith(word, start) and (start == 0 or not "가" <= s[start - 1] <= "힣"):
                return None  # 총2천억, 약5%
        return "name"
    if prev.isascii() and prev.isalpha():
        return "model_name"
    if prev in "-./" and i >= 2 and s[i - 2].isascii() and s[i - 2].isalpha():
        return "model_name"
    if prev in "./" and i >= 2 and s[i - 2].isdigit():
        return "date_or_version"
    if prev == "제":
        return "ordinal"
    if prev in "#@":
        return "tag"
    return None


def version_label(s: str, i: int) -> bool:
    """A bare number right after a Latin word is a version or model label (Claude 3.5)."""
    return _LATIN_NAME_BEFORE.search(s, max(0, i - 16), i) is not None


def street_number(s: str, i: int, road_endings: list[str]) -> bool:
    """A bare number after a road name is a street address ("세종대로 124")."""
    if i < 3 or s[i - 1] != " ":
        return False
    word = s[s.rfind(" ", max(0, i - 24), i - 1) + 1 : i - 1]
    return len(word) >= 2 and "가" <= word[0] <= "힣" and word.endswith(tuple(road_endings))


def list_mark(s: str, i: int, end: int) -> bool:
    """A small whole number opening a line or bullet ("1. 서론", "• 2 오픈소스") is a list mark."""
    if not s[i:end].isdigit() or end - i > 2 or end >= len(s) or s[end] not in ".) ":
        return False
    line_start = s.rfind("\n", max(0, i - _LEAD_MAX), i) + 1
    if line_start == 0 and i > _LEAD_MAX:
        return False  # far from the line start: not its first token
    lead = s[line_start:i]
    if lead.strip(" \t" + _BULLETS):
        return False
    # "1. 서론", "2) 방법"; a number and a space is a mark only after a bullet sign.
    return s[end] != " " or bool(lead.strip())
