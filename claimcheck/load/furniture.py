"""Match one line of a page against the boilerplate families of boilerplate.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimcheck import regexcache as rx
from claimcheck.load.rules import Family, any_of, boilerplate, compiled
from claimcheck.load.sentences import ends_like_sentence

# Figures, dates and times in a UI line ("2025.04.28 01:58", "1,234", "3분").
_FIGURES = rx.compile(r"\d[\d,.:]*")
# Separators, icons and emoji between UI words ("댓글 0 · 저장 0", "홈 | 뉴스", "추천 👍 37").
_SEPARATORS = rx.compile(r"[\W_]+")


@dataclass(frozen=True)
class Furniture:
    """A line found to be page furniture: the boilerplate family's rule and what it saw."""

    rule: str
    reason: str
    opens_list: bool = False

    @property
    def label(self) -> str:
        """What Block.reason holds: the rule's name, then what it saw."""
        return f"{self.rule}: {self.reason}"


@cache
def _words(family_name: str) -> frozenset[str]:
    data = boilerplate()
    (family,) = [f for f in data.families if f.name == family_name]
    return frozenset(w.casefold() for name in family.word_lists for w in data.words[name])


def _tokens(line: str) -> list[str]:
    return _SEPARATORS.sub(" ", _FIGURES.sub(" ", line)).casefold().split()


def _token_line(family: Family, line: str, tokens: list[str]) -> bool:
    if family.needs_number and not any(ch.isdigit() for ch in line):
        return False
    words = _words(family.name)
    return bool(tokens) and all(token in words for token in tokens)


@cache
def _families(prose: bool) -> tuple[tuple[Family, re.Pattern[str] | None], ...]:
    """The families a line is tried against (for a line that reads as a sentence, only those
    that match sentences), each with its patterns as one compiled regex, made once."""
    return tuple(
        (family, compiled(any_of(tuple(family.patterns))) if family.patterns else None)
        for family in boilerplate().families
        if family.matches_sentences or not prose
    )


def match_line(line: str) -> Furniture | None:
    """The first family that matches a normalised, trimmed line, or None for story text."""
    if not line:
        return None
    tokens = None
    for family, pattern in _families(ends_like_sentence(line)):
        if family.max_chars is not None and len(line) > family.max_chars:
            continue
        hit = pattern is not None and pattern.search(line) is not None
        if not hit and family.word_lists:
            if tokens is None:
                tokens = _tokens(line)  # the same for every family
            hit = _token_line(family, line, tokens)
        if hit:
            return Furniture(family.name, family.reason, family.opens_list)
    return None
