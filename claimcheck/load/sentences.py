"""Split Korean paragraphs into sentences with spans; tell a sentence ending from a heading."""

from __future__ import annotations

import bisect
import re
from functools import cache

from claimcheck import regexcache as rx
from claimcheck.load.rules import SentenceData, sentence_data
from claimcheck.textnorm import is_hangul, normalize

_LATIN_WORD = rx.compile(r"([A-Za-z][A-Za-z.]*)$")
_HAS_WORD = rx.compile(r"\w")
_DOTTED_DATE = rx.compile(r"\d{4}\.\s?\d{1,2}\.\s?\d{1,2}$")
# Quotation marks and brackets that hide sentence stops inside them when they are balanced.
_PAIRS = {"(": ")", "[": "]", "「": "」", "『": "』", "《": "》", "〈": "〉"}
_BRACKET = rx.compile("[" + re.escape("".join(_PAIRS) + "".join(_PAIRS.values())) + "]")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold().rstrip(".") for a in sentence_data().abbreviations)


def ends_like_sentence(text: str) -> bool:
    """True when a line ends as Korean prose does (했다. 합니다 해요!), not as a heading does."""
    data = sentence_data()
    stripped = text.rstrip().rstrip(data.closers).rstrip()
    for ellipsis in data.ellipses:
        if stripped.endswith(ellipsis):
            return False
    if not stripped:
        return False
    if stripped[-1] in ".!。！":
        return True
    # A declarative or polite ending without its period still closes a sentence.
    return stripped[-1] in "다요죠"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of `text` (offsets into `text`), whitespace trimmed."""
    data = sentence_data()
    norm = normalize(text)
    t = norm.text
    hidden = _hidden_ranges(t)
    cuts: list[int] = []
    n = len(t)
    next_stop = _stop_or_ellipsis().search
    found = next_stop(t)
    while found is not None:
        i = found.start()
        j = i
        while j < n and (t[j] in data.stops or t[j] == "…"):
            j += 1
        k = j
        while k < n and t[k] in data.closers:
            k += 1
        if not _inside(hidden, i, j) and _is_boundary(t, i, j, k, data):
            cuts.append(k)
        found = next_stop(t, k)
    spans: list[tuple[int, int]] = []
    begin = 0
    for cut in [*cuts, n]:
        piece = t[begin:cut]
        lead = len(piece) - len(piece.lstrip())
        trimmed = piece.strip()
        if trimmed and _HAS_WORD.search(trimmed):
            start = begin + lead
            spans.append(norm.span_to_original(start, start + len(trimmed)))
        begin = cut
    return spans


@cache
def _stop_or_ellipsis() -> re.Pattern[str]:
    """Where a stop character or an ellipsis begins: the places a sentence may end (found by
    the regex engine rather than by looking at every character in Python)."""
    data = sentence_data()
    stops = [re.escape(ch) for ch in data.stops]
    return rx.compile("|".join([*stops, *(re.escape(e) for e in data.ellipses)]))


def _is_boundary(t: str, i: int, j: int, k: int, data: SentenceData) -> bool:
    """Does the stop run t[i:j], with closing quotes/brackets up to k, end a sentence?"""
    run = t[i:j]
    before = t[i - 1] if i > 0 else ""
    after_final = before in data.final_syllables
    ellipsis = "…" in run or run.startswith("..")
    if run == "." and not after_final:
        word = _LATIN_WORD.search(
            t[max(0, i - 64) : i]
        )  # a bounded look-back keeps long lines linear
        if word and (word.group(1).casefold() in _abbreviations() or len(word.group(1)) == 1):
            return False  # U.S. / Dr. / an initial
    if k >= len(t):
        return True
    nxt = t[k]
    if nxt.isspace():
        if ellipsis:
            return after_final
        # "2025. 1. 31." and "제 1. 2항": a period between figures is part of a date or number.
        if run == "." and before.isdigit() and t[k:].lstrip()[:1].isdigit():
            return False
        if run == "." and _DOTTED_DATE.search(t, max(0, i - 16), i):
            return False  # the period that closes "2025. 1. 31."
        if run == "." and before.isdigit() and _NUMBERED_LABEL.fullmatch(t, 0, i):
            return False  # "오해 3. \"…\"", "1. …": a numbered label opens the line
        return True
    if k > j and is_hangul(nxt):
        # '…했다"고 말했다': a quote closed after the stop and continued by a particle.
        return not any(t.startswith(p, k) for p in data.quote_continuations)
    # No space after the stop: 5.6, U.S.A, a URL, or "했다.그리고" from sloppy spacing.
    return not ellipsis and after_final and is_hangul(nxt)


# a short label and its number at the start of a line ("오해 1", "Q3"), not a clause ("점유율은 12")
_NUMBERED_LABEL = rx.compile(r"\W*(?:[\uac00-\ud7a3A-Za-z]{0,2}[^\W\d은는이가을를도의]\s*)?\d{1,2}")


class _Hidden:
    """Hidden spans sorted by start, with the furthest end so far, for logarithmic look-ups."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [start for start, _ in ranges]
        self.reach: list[int] = []
        furthest = -1
        for _, end in ranges:
            furthest = max(furthest, end)
            self.reach.append(furthest)


def _hidden_ranges(t: str) -> _Hidden:
    return _Hidden(_spans(t))


def _spans(t: str) -> list[tuple[int, int]]:
    """Spans inside balanced double quotes or brackets, where a stop does not end the sentence."""
    ranges: list[tuple[int, int]] = []
    quotes = [m.start() for m in re.finditer('"', t)]
    if quotes and len(quotes) % 2 == 0:
        ranges += [(quotes[a], quotes[a + 1]) for a in range(0, len(quotes), 2)]
        if len(quotes) == 2 and not t[: quotes[0]].strip() and not t[quotes[1] + 1 :].strip():
            # a paragraph that is one quotation (an interview's answer) holds several sentences
            ranges.pop()
    stack: list[tuple[str, int]] = []
    closing = {v: k for k, v in _PAIRS.items()}
    for found in _BRACKET.finditer(t):  # only the brackets, not every character
        pos, ch = found.start(), found.group()
        if ch in _PAIRS:
            stack.append((ch, pos))
        elif ch in closing and stack and stack[-1][0] == closing[ch]:
            _, start = stack.pop()
            ranges.append((start, pos))
    return ranges


def _inside(hidden: _Hidden, first: int, past: int) -> bool:
    # A stop just before the closing quote ('…했다."') is the quote's own end, not hidden.
    count = bisect.bisect_left(hidden.starts, first)  # spans starting before the stop
    return count > 0 and hidden.reach[count - 1] > past
