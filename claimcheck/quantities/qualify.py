"""Qualifier words around a figure (약, 이상, 여, 밖에 …) and the intervals they denote."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from claimcheck import regexcache as rx
from claimcheck.quantities.lexicon import QualifierTable, QualifierWords, lexicon
from claimcheck.quantities.units import matcher
from claimcheck.textnorm import is_hangul

RULE_PREFIX = "qualifier_prefix"
RULE_SUFFIX = "qualifier_suffix"
RULE_PAREN = "qualifier_after_parenthesis"  # "560만 달러(약 81억 원)에 불과"
RULE_MORE_THAN = "more_than_infix"  # 2천여 대


@dataclass(slots=True)  # built per qualifier word; not frozen, which is slow to build
class QualifierHit:
    """A qualifier word found beside a figure (about, at least, at most…) and where it is."""

    family: str  # approx | at_least | at_most
    word: str
    inclusive: bool
    weak: bool
    start: int
    end: int
    units: tuple[str, ...] = ()  # qualifies only figures in these units
    whole_units: tuple[str, ...] = ()  # …and in these only figures written without decimals


def strength(family: str, weak: bool = False) -> int:
    """Which qualifier wins when several apply: a bound beats a hedge beats mere emphasis."""
    if family == "range":
        return 4
    if family in ("at_least", "at_most"):
        return 1 if weak else 3
    if family == "approx":
        return 2
    return 0


class QualifierMatcher:
    def __init__(self, table: QualifierTable) -> None:
        self.table = table
        self.prefixes: dict[str, list[tuple[str, QualifierWords]]] = {}  # by last syllable
        pairs = [(word, entry) for entry in table.prefix for word in entry.words]
        for word, entry in sorted(pairs, key=lambda p: len(p[0]), reverse=True):
            self.prefixes.setdefault(word[-1], []).append((word, entry))
        self.suffixes: list[tuple[re.Pattern[str], QualifierWords]] = []
        plain: list[str] = []
        degree = rx.alternation(table.degree_words)
        for q in table.suffix:
            words = rx.alternation(sorted(q.words, key=len, reverse=True))
            if q.particles:
                particles = rx.alternation(q.particles)
                # a degree word may stand before the verb ("5억 달러를 훨씬 넘는다")
                pattern = rf"(?:(?:{particles}) | ?)(?:(?:{degree}) )?(?P<w>{words})"
            else:
                pattern = rf" ?(?P<w>{words})"
            self.suffixes.append((rx.compile(pattern), q))
            plain.append(pattern.replace("(?P<w>", "(?:"))
        # Most figures have no suffix: one match of all the words at once settles that.
        self.maybe_suffix = rx.compile("|".join(plain))
        self.tolerance = Decimal(str(table.approx_tolerance))

    def prefix_before(self, s: str, pos: int) -> QualifierHit | None:
        """A qualifier word ending just before pos (after at most one space)."""
        j = pos - 1 if pos > 0 and s[pos - 1] == " " else pos
        if j == 0:
            return None
        for word, q in self.prefixes.get(s[j - 1], ()):
            start = j - len(word)
            if start < 0 or not s.startswith(word, start):
                continue
            if start > 0 and is_hangul(s[start - 1]):
                continue  # 약 ends 절약, 단 ends 수단: not words of their own
            return QualifierHit(
                q.family, word, q.inclusive, q.weak, start, j, tuple(q.units), tuple(q.whole_units)
            )
        return None

    def suffix_after(self, s: str, pos: int) -> QualifierHit | None:
        """A qualifier word after the figure and its unit, ending where a word may end."""
        if self.maybe_suffix.match(s, pos) is None:
            return None
        units = matcher()
        for pattern, q in self.suffixes:
            m = pattern.match(s, pos)
            if m is None:
                continue
            end = m.end()
            # Nouns (이상, 가량) must end as words: "이상한" is "strange"; verbs may go on.
            if not q.particles and not q.verb and not units.word_ends(s, end):
                continue
            return QualifierHit(
                q.family,
                m.group("w"),
                q.inclusive,
                q.weak,
                pos,
                end,
                tuple(q.units),
                tuple(q.whole_units),
            )
        return None

    def interval(
        self, value: Decimal, family: str, more_than_step: Decimal | None = None
    ) -> tuple[Decimal | None, Decimal | None]:
        """The interval a qualified point value denotes."""
        if family == "approx":
            ends = value * (1 - self.tolerance), value * (1 + self.tolerance)
            return min(ends), max(ends)  # a figure below zero: -3 ± 5% is [-3.15, -2.85]
        if family == "at_least":
            return value, (value + more_than_step) if more_than_step is not None else None
        if family == "at_most":
            return None, value
        return value, value


@functools.cache
def qualifiers() -> QualifierMatcher:
    return QualifierMatcher(lexicon().qualifiers)
