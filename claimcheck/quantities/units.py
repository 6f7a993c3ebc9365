"""Unit words around a numeral: currencies, percent, counters, durations, scale words, word ends."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from claimcheck import regexcache as rx
from claimcheck.quantities.lexicon import NumeralTable, QualifierTable, UnitTable, lexicon
from claimcheck.textnorm import is_hangul

RULE_MONEY = "money"
RULE_POINT_RATE = "percentage_point_by_context"  # 포인트 after a rate word: 지지율 5포인트
RULE_LATIN_SCALE = "latin_scale"  # $5.6M, 5.6 billion
_CENT = Decimal("0.01")


@dataclass(slots=True)  # built per unit word; not frozen, which is slow to build
class UnitHit:
    """A unit word found after a figure (or a currency before it), with the rule that read it."""

    end: int
    unit: str
    rule: str
    word: str
    counter: str | None = None
    spaced: bool = False
    currency: bool = False
    factor: Decimal = Decimal(1)  # the value in `unit` of one of the words (메가와트: 0.001 GW)


@dataclass(frozen=True)
class _Entry:
    """What one unit word of units.yaml means, and when it may be read as that unit."""

    unit: str
    rule: str
    counter: bool
    cues: tuple[str, ...]
    glued_needs_follower: bool
    currency: bool
    max_value: int | None = None
    min_value: int | None = None
    factor: Decimal = Decimal(1)
    not_before: tuple[str, ...] = ()


class UnitMatcher:
    """Finds the unit word after a figure and the currency sign or code before it."""

    def __init__(self, table: UnitTable, numerals: NumeralTable, quals: QualifierTable) -> None:
        self.table = table
        self.band = quals.band_suffix
        self.glued = (quals.band_suffix, quals.more_than_infix)
        # A word may have several readings told apart by the value (주: weeks to 52, else shares).
        self.entries: dict[str, list[_Entry]] = {}
        for cur in table.currencies:
            # "10$", "20€", "10₩": a sign written after the digits, as Duckling's corpus does
            for word in [*cur.words, *cur.codes, *cur.symbols]:
                self.entries.setdefault(word, []).append(
                    _Entry(cur.code, RULE_MONEY, False, (), False, True, None)
                )
            for word in cur.minor_words:
                self.entries.setdefault(word, []).append(
                    _Entry(cur.code, "minor_unit", False, (), False, True, None, None, _CENT)
                )
        for group in table.units:
            for word in group.words:
                self.entries.setdefault(word, []).append(
                    _Entry(
                        group.unit,
                        group.rule,
                        group.counter,
                        tuple(group.cues),
                        group.glued_needs_follower or word in table.glued_ambiguous_counters,
                        False,
                        group.max_value,
                        group.min_value,
                        Decimal(str(group.factor)),
                        tuple(group.not_before),
                    ),
                )
        self.by_first: dict[str, list[tuple[str, _Entry]]] = {}
        for word in sorted(self.entries, key=len, reverse=True):
            for entry in self.entries[word]:
                self.by_first.setdefault(word[0], []).append((word, entry))
        # Signs and codes before the figure, glued or with a space: $5, US$ 2.5, USD 100.
        signs = [(x, cur.code) for cur in table.currencies for x in [*cur.symbols, *cur.codes]]
        prefixes = signs + [(x + " ", code) for x, code in signs]
        # By last character, and for "USD 100" by the character before the space (most figures
        # follow a space: only the signs that end in that character need checking).
        self.prefixes: dict[str, list[tuple[str, str]]] = {}
        for text, code in sorted(prefixes, key=lambda p: len(p[0]), reverse=True):
            key = text[-2:] if text.endswith(" ") else text[-1]
            self.prefixes.setdefault(key, []).append((text, code))
        followers = sorted(table.followers, key=len, reverse=True)
        self.follower_re = rx.compile(rx.alternation(followers))
        self.not_before = table.not_before
        self.blocked = {word: tuple(ends) for word, ends in table.not_before.items()}
        glued = [s for s in numerals.latin_scales if s.glued]
        words = [s for s in numerals.latin_scales if not s.glued]
        self.glued_scale_re = rx.compile(
            "("
            + rx.alternation(s.word for s in sorted(glued, key=lambda s: -len(s.word)))
            + ")(?![A-Za-z])"
        )
        self.word_scale_re = rx.compile(
            r" ?(" + rx.alternation(s.word for s in words) + r")(?![A-Za-z])", re.IGNORECASE
        )
        self.scale_power = {
            s.word.lower() if not s.glued else s.word: s.power for s in numerals.latin_scales
        }
        cues = [re.escape(c) for c in table.point_rate_cues]
        self.rate_cue_re = rx.compile("|".join(cues))

    def word_ends(self, s: str, pos: int, word: str = "") -> bool:
        """True where a word may end at pos: a space, a sign, or a particle that follows."""
        if pos >= len(s) or not is_hangul(s[pos]):
            return True
        blocked = self.blocked.get(word)
        if blocked and s.startswith(blocked, pos):
            return False
        return self.follower_re.match(s, pos) is not None

    def follower_at(self, s: str, pos: int) -> bool:
        return pos < len(s) and is_hangul(s[pos]) and self.follower_re.match(s, pos) is not None

    def unit_after(
        self, s: str, pos: int, allow_space: bool = True, value: Decimal | None = None
    ) -> UnitHit | None:
        """The unit word at pos (after at most one space), if the word really ends there."""
        spaced = False
        j = pos
        if allow_space and s.startswith(" ", j):
            j, spaced = j + 1, True
        if j >= len(s):
            return None
        for word, entry in self.by_first.get(s[j], ()):
            if not s.startswith(word, j):
                continue
            end = j + len(word)
            if (
                word.isascii()
                and word[-1].isalnum()
                and end < len(s)
                and s[end].isascii()
                and s[end].isalnum()
            ):
                continue  # "USDT", "KRW1" are not codes standing alone; 10GWh is no GW
            blocked = self.blocked.get(word)
            if blocked and s.startswith(blocked, end):
                continue  # 불과, 세대: the word goes on as another word
            if entry.not_before and s.startswith(entry.not_before, end):
                continue  # 주간 is weekly, never shares
            if not self.word_ends(s, end, word) and not any(
                s.startswith(x, end) and self.word_ends(s, end + len(x)) for x in self.glued
            ):
                continue  # "원칙" is not won; "원대" is a band of won, "시간여" over hours
            if entry.cues and not any(s.startswith(cue, end) for cue in entry.cues):
                continue
            if entry.max_value is not None and value is not None and value > entry.max_value:
                continue
            if entry.min_value is not None and value is not None and value < entry.min_value:
                continue
            if (
                entry.glued_needs_follower
                and not spaced
                and not (
                    self.follower_at(s, end)
                    or (end < len(s) and s[end] not in " " and not is_hangul(s[end]))
                    or end >= len(s)
                )
            ):
                continue
            # (positional: keywords cost half as much again, and this runs for every figure)
            return UnitHit(
                end,
                entry.unit,
                entry.rule,
                word,
                word if entry.counter else None,
                spaced,
                entry.currency,
                entry.factor,
            )
        return None

    def currency_before(self, s: str, pos: int) -> tuple[str, int] | None:
        """A currency sign or code just before pos ("$5.6M", "USD 100"): (code, start)."""
        if pos == 0:
            return None
        key = s[pos - 2 : pos] if s[pos - 1] == " " else s[pos - 1]
        for text, code in self.prefixes.get(key, ()):
            start = pos - len(text)
            if start >= 0 and s.startswith(text, start):
                if text[0].isalpha() and start > 0 and s[start - 1].isalpha():
                    continue
                return code, start
        return None

    def scale_after(self, s: str, pos: int, money: bool) -> tuple[int, int] | None:
        """An English scale word after a figure: (power of ten, end)."""
        m = self.word_scale_re.match(s, pos)
        if m:
            return self.scale_power[m.group(1).lower()], m.end()
        if money:
            m = self.glued_scale_re.match(s, pos)
            if m:
                return self.scale_power[m.group(1)], m.end()
        return None

    def glued_scale_then_currency(self, s: str, pos: int) -> bool:
        """'5.6M 달러', '5B USD': a glued scale is money only with a currency after it."""
        m = self.glued_scale_re.match(s, pos)
        if not m:
            return False
        hit = self.unit_after(s, m.end())
        return hit is not None and hit.currency

    def rate_cue_before(self, s: str, pos: int) -> bool:
        window = s[max(0, pos - self.table.point_cue_window) : pos]
        # The cue must sit in the same clause: stop at the last sentence end.
        for stop in (". ", "\n"):
            cut = window.rfind(stop)
            if cut >= 0:
                window = window[cut + len(stop) :]
        return self.rate_cue_re.search(window) is not None


@functools.cache
def matcher() -> UnitMatcher:
    lex = lexicon()
    return UnitMatcher(lex.units, lex.numerals, lex.qualifiers)


def per_token(unit: str | None) -> bool:
    """A price per token, per thousand or per million tokens ("USD/million_tokens")."""
    return (unit or "").partition("/")[2].endswith(("token", "tokens"))
