"""Find mentions of known entities (companies, models, chips, techniques, people…) in a sentence.

Exact aliases first (longest match wins), then rapidfuzz for spelling variants of longer names.
Matching is on normalised text; callers map spans back to the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck import regexcache as rx
from claimcheck.entities_data import (
    ContextRule,
    Entity,
    EntityTable,
    alias_key,
    load_entity_table,
)
from claimcheck.textnorm import is_hangul

# Korean particles and suffixes that may follow a name without a space ("딥시크는", "엔비디아의",
# "딥시크발"); any other Hangul right after an alias means it is part of a longer word ("메타버스").
_PARTICLES = (
    "은 는 이 가 을 를 의 에 에서 에게 와 과 도 로 으로 만 까지 부터 처럼 보다 라는 이라는 "
    "이란 란 발 측 사 社 판 이나 나 랑 이랑 마저 조차 께서 에도 에는 과의 와의 로서 로써 에선 엔 "
    "것 같은 등 뿐 만큼 다 야 였 이었 이며 며 식 형 급 "
    # verb endings after a noun used as a verb ("증류했다", "증류한", "차단해")
    "하 했 해 한 된 되"
).split()

_PARTICLE_AT = rx.compile("|".join(map(re.escape, _PARTICLES)))
# By length, longest first: a word ends in at most one particle of each length.
_PARTICLES_BY_LENGTH = [
    (n, {p for p in _PARTICLES if len(p) == n})
    for n in sorted({len(p) for p in _PARTICLES}, reverse=True)
]
# Spaces and hyphens inside a name are optional ("오픈 AI" = "오픈AI", "Open-AI").
_OPTIONAL_SEPARATOR = "[ -]?"
_SURFACES_REMEMBERED = 4096  # distinct alias spellings met: a few hundred in practice


def alias_trie_pattern(keys: set[str]) -> str:
    """One regex for all alias keys, shaped as their trie, with an optional space or hyphen
    between characters. It matches what the alternation of the keys, longest first, matches:
    the keys contain no spaces or hyphens, so at most one branch can go on at each step, and
    a longer key is always tried before the key that ends where it goes on."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}  # a key ends here

    def branches(node: dict) -> str:
        alternatives = []
        for ch in sorted(c for c in node if c):
            child = node[ch]
            rest = branches(child) if child.keys() - {""} else ""
            if rest:
                rest = _OPTIONAL_SEPARATOR + rest
                if "" in child:
                    rest = f"(?:{rest})?"  # greedy: go on to a longer key if one matches
            alternatives.append(re.escape(ch) + rest)
        return "(?:" + "|".join(alternatives) + ")"

    return branches(trie)


# One or two Hangul words ("샘 울트먼"): what a fuzzy match is tried on, less a trailing particle.
_HANGUL_WORDS = rx.compile(r"[\uac00-\ud7a3]{2,}(?: [\uac00-\ud7a3]{2,})?")
# A Latin alias must not sit inside a longer Latin word ("AI" in "OpenAI"); compiled with the
# same flag as the aliases, so it sees letters as they do.
_LATIN_BEFORE = rx.compile("[A-Za-z0-9]", re.IGNORECASE)


@functools.cache
def _literal(ch: str) -> re.Pattern[str]:
    # compiled once, and kept between runs (regexcache): re.fullmatch parsed each in every run
    return rx.compile(re.escape(ch), re.IGNORECASE)


class AliasScanner:
    """Every alias key in a text, in one left-to-right pass over the aliases' trie: the spans
    `re.finditer` gives for `(?<![A-Za-z0-9])` followed by the alternation of the keys, longest
    first, each with an optional space or hyphen between its characters, case-insensitive
    (`alias_trie_pattern` writes that regex; the tests hold the two to the same spans).

    At each place where an alias may begin (one regex search for a first character), the walk
    follows the one branch of the trie that the text opens instead of trying every alias in
    turn. The trie is walked in Python rather than compiled: Python's regex compiler is slower
    than linear in the size of one alternation, and compiling the trie (0.05-0.1 s) was a good
    part of a cold start, for a walk only a few microseconds per sentence slower.
    """

    def __init__(self, keys: set[str]) -> None:
        self._root: dict = {}
        for key in keys:
            node = self._root
            for ch in key:
                node = node.setdefault(ch, {})
            node[""] = {}  # a key ends here
        self._key_chars = sorted({ch for key in keys for ch in key})
        self._by_lower: dict[str, list[str]] = {}
        for ch in self._key_chars:
            self._by_lower.setdefault(ch.lower(), []).append(ch)
        # Where an alias may begin: a first character of some key, then (after an optional space
        # or hyphen) a second character of some key. Keys have two characters or more, so every
        # match of the trie starts at such a place, and most first characters in running text
        # are not followed by a second (a regex search skips them instead of a walk in Python).
        firsts = "".join(re.escape(ch) for ch in sorted(self._root))
        second_chars = {ch for node in self._root.values() for ch in node if ch}
        seconds = "".join(re.escape(ch) for ch in sorted(second_chars))
        if "" in self._root or any("" in node for node in self._root.values()):
            self._candidate = rx.compile(f"[{firsts}]", re.IGNORECASE)  # a one-character key
        else:
            self._candidate = rx.compile(f"[{firsts}](?=[ -]?[{seconds}])", re.IGNORECASE)
        self._same: dict[str, tuple[str, ...]] = {}

    def _matching(self, ch: str) -> tuple[str, ...]:
        """The key characters that `ch` matches as the regex engine would, ignoring case."""
        found = self._same.get(ch)
        if found is None:
            # Keys are casefolded, so for Hangul, digits and ASCII only the key characters with
            # the same lower case can match; any other character is tried against all.
            tried = (
                self._by_lower.get(ch.lower(), [])
                if ch.isascii() or is_hangul(ch)
                else self._key_chars
            )
            found = tuple(k for k in tried if _literal(k).fullmatch(ch))
            self._same[ch] = found
        return found

    def _walk(self, node: dict, text: str, i: int) -> int | None:
        """Where the longest key along this branch ends: `_walk_each`, in a loop while the text
        leaves one way on. Keys hold no space or hyphen (so after one only the next character
        can go on), and a character matches one key character but for a few outside ASCII and
        Hangul; where it matches several, `_walk_each` tries them in turn."""
        n = len(text)
        same = self._same
        end = None
        while True:
            if "" in node:
                end = i  # a key ends here: the answer unless a longer one goes on
                if len(node) == 1:
                    return end
            at = i + 1 if i < n and text[i] in " -" else i
            if at >= n:
                return end
            ch = text[at]
            matching = same.get(ch)
            if matching is None:
                matching = self._matching(ch)
            if len(matching) != 1:
                if not matching:
                    return end
                deeper = self._walk_each(node, text, i)
                return end if deeper is None else deeper
            node = node.get(matching[0])  # type: ignore[assignment]
            if node is None:
                return end
            i = at + 1

    def _walk_each(self, node: dict, text: str, i: int) -> int | None:
        """Where the longest key along this branch ends, trying what the regex would try first:
        a space or hyphen and then a character, the character alone, then ending here."""
        if len(node) > ("" in node):
            n = len(text)
            goes_on = (i + 1, i) if i < n and text[i] in " -" else (i,)
            same = self._same
            for at in goes_on:
                if at < n:
                    ch = text[at]
                    matching = same.get(ch)
                    if matching is None:
                        matching = self._matching(ch)
                    for key_ch in matching:
                        child = node.get(key_ch)
                        if child is not None:
                            end = self._walk_each(child, text, at + 1)
                            if end is not None:
                                return end
        return i if "" in node else None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        search = self._candidate.search
        same = self._same
        position = 0
        while (candidate := search(text, position)) is not None:
            at = candidate.start()
            end = None
            if not (at and _LATIN_BEFORE.match(text, at - 1)):
                first = text[at]
                matching = same.get(first)  # (what _matching remembers, read without a call)
                if matching is None:
                    matching = self._matching(first)
                for ch in matching:
                    child = self._root.get(ch)
                    if child is not None:
                        end = self._walk(child, text, at + 1)
                        if end is not None:
                            break
            if end is None:
                position = at + 1
            else:
                yield at, end
                position = end


@dataclass(frozen=True)
class Mention:
    """An entity named in a sentence: by which alias, where, and whether by a fuzzy match."""

    entity: str
    type: str
    start: int
    end: int
    alias: str
    parent: str | None = None
    fuzzy: bool = False
    rule: ContextRule | None = None  # set for aliases that need their context confirmed


class _Matcher:
    def __init__(self, table: EntityTable) -> None:
        self.by_id = {e.id: e for e in table.entities}
        self.plain: dict[str, str] = {}  # alias key -> entity id
        self.conditional: dict[str, tuple[str, ContextRule]] = {}
        for entity in table.entities:
            for form in entity.plain_forms():
                self.plain.setdefault(alias_key(form), entity.id)
            for rule in entity.context_required:
                self.conditional.setdefault(alias_key(rule.alias), (entity.id, rule))
        self.aliases = AliasScanner({*self.plain, *self.conditional})
        self.fuzzy = table.fuzzy
        # Fuzzy candidates: Hangul names long enough not to be confused with ordinary words.
        self.fuzzy_keys = [
            k for k in self.plain if len(k) >= table.fuzzy.min_length and is_hangul(k[0])
        ]
        self._reach: dict[int, list[str]] = {}  # fuzzy keys by the length they can match
        self._fuzzy_chars = frozenset("".join(self.fuzzy_keys))
        # News repeats its words: each distinct word is looked up once (bounded memory).
        self._closest = functools.lru_cache(maxsize=1 << 16)(self._closest_uncached)
        # Aliases as written ("오픈 AI", "딥시크"): their keys are worked out once (alias_key
        # normalises the text again).
        self._by_surface: dict[str, tuple[Entity, ContextRule | None]] = {}

    def _named_by(self, surface: str) -> tuple[Entity, ContextRule | None]:
        """The entity an alias as written names, and the rule confirming it (None: plain)."""
        named = self._by_surface.get(surface)
        if named is None:
            key = alias_key(surface)
            if key in self.plain:
                named = (self.by_id[self.plain[key]], None)
            else:
                entity_id, rule = self.conditional[key]
                named = (self.by_id[entity_id], rule)
            if len(self._by_surface) >= _SURFACES_REMEMBERED:
                self._by_surface.clear()
            self._by_surface[surface] = named
        return named

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        for start, end in self.alias_spans(text):
            surface = text[start:end]
            if not _bounded(text, start, end, surface):
                continue
            entity, rule = self._named_by(surface)
            found.append(
                Mention(entity.id, entity.type, start, end, surface, entity.parent, False, rule)
            )
        found.extend(self._fuzzy(text, found))
        found.sort(key=lambda m: m.start)
        return _drop_brand_prefixes(found)

    def alias_spans(self, text: str) -> Iterator[tuple[int, int]]:
        return self.aliases.spans(text)

    def _closest_uncached(self, words: str) -> tuple[str, str | None]:
        """`words` without a trailing particle, and the entity it spells closely enough."""
        word = _strip_particle(words)
        # Hangul syllables and plain spaces (what _HANGUL_WORDS finds) are already in normal
        # form and have no case: their key is the word without its spaces, and normalising
        # each word again was a third of the look-ups (tests/test_fuzzy_bound.py checks it).
        key = word.replace(" ", "") if _HANGUL_WORDS.fullmatch(word) else alias_key(word)
        if len(key) < self.fuzzy.min_length or self._beyond_reach(key):
            return word, None
        from rapidfuzz import fuzz, process

        best = process.extractOne(
            key,
            self._within_reach(len(key)),
            scorer=fuzz.ratio,
            score_cutoff=self.fuzzy.score_cutoff,
        )
        return word, (None if best is None else self.plain[best[0]])

    def _beyond_reach(self, key: str) -> bool:
        """Whether no fuzzy key can reach the cutoff against `key`, by a bound: fuzz.ratio is
        100 * 2 * LCS / (sum of lengths), and a character of `key` found in no fuzzy key is in no
        common subsequence, so with m such characters the ratio is at most 100 * 2 * (n - m) /
        (n + length of the other), highest against a key of n - m characters (n = len(key)).
        One point of margin for rounding, as below. Most words of a text fail (548 of the 747
        looked up in the bundled corpus), and extractOne is spared them."""
        chars = self._fuzzy_chars
        missing = sum(1 for ch in key if ch not in chars)
        if not missing:
            return False
        found = len(key) - missing
        return 200 * found / (len(key) + found) < self.fuzzy.score_cutoff - 1

    def _within_reach(self, length: int) -> list[str]:
        """The fuzzy keys whose length lets fuzz.ratio reach the cutoff against a key of
        `length` (at best the longer key's extra characters are all it lacks: a ratio of
        100 * (1 - difference / sum of lengths)), in table order, so that extractOne picks what
        it picks among all of them; one point of margin for rounding."""
        keys = self._reach.get(length)
        if keys is None:
            cutoff = self.fuzzy.score_cutoff - 1
            keys = [
                k
                for k in self.fuzzy_keys
                if 100 * (1 - abs(len(k) - length) / (len(k) + length)) >= cutoff
            ]
            self._reach[length] = keys
        return keys

    def _fuzzy(self, text: str, exact: list[Mention]) -> list[Mention]:
        taken = [(m.start, m.end) for m in exact]
        out = []
        closest = self._closest
        for match in _HANGUL_WORDS.finditer(text):
            # The (remembered) look-up first: nearly every word spells no entity, and then
            # whether it overlaps an exact mention does not matter.
            word, entity_id = closest(match.group(0))
            if entity_id is None:
                continue
            start, end = match.span()
            if taken and any(s < end and start < e for s, e in taken):
                continue
            entity = self.by_id[entity_id]
            out.append(
                Mention(entity.id, entity.type, start, start + len(word), word, entity.parent, True)
            )
            taken.append((start, start + len(word)))
        return out


def _bounded(text: str, start: int, end: int, surface: str) -> bool:
    """A Hangul alias is a whole word or a word plus a particle; a Latin one is a whole token."""
    if start > 0 and is_hangul(text[start - 1]) and is_hangul(surface[0]):
        return False
    if end < len(text):
        nxt = text[end]
        if is_hangul(nxt) and is_hangul(surface[-1]):
            return _PARTICLE_AT.match(text, end) is not None
        if nxt.isascii() and nxt.isalnum() and not is_hangul(surface[-1]):
            return False  # "V3" inside "V30"
    return True


def _strip_particle(word: str) -> str:
    """`word` less the longest particle it ends in that leaves two characters or more."""
    for n, particles in _PARTICLES_BY_LENGTH:
        if len(word) - n >= 2 and word[-n:] in particles:
            return word[:-n]
    return word


def _drop_brand_prefixes(mentions: list[Mention]) -> list[Mention]:
    """A brand name that only qualifies the product right after it is not a mention of the company
    ("엔비디아 H800": the chip, not Nvidia)."""
    kept = []
    for i, mention in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            following is not None
            and following.parent == mention.entity
            and following.start - mention.end <= 1
        ):
            continue
        kept.append(mention)
    return kept


def confirmed(
    mentions: list[Mention], sentence: str, story_ids: set[str], story_text: str
) -> list[Mention]:
    """Keep conditional aliases only where their context rule is met ("R1" near 딥시크)."""
    sentence_ids = {m.entity for m in mentions if m.rule is None}
    kept = []
    for mention in mentions:
        rule = mention.rule
        if rule is not None:
            ids = sentence_ids if rule.within == "sentence" else story_ids
            scope = sentence if rule.within == "sentence" else story_text
            if not (set(rule.near) & ids or any(w in scope for w in rule.words)):
                continue
        kept.append(mention)
    return kept


@functools.cache
def _matcher() -> _Matcher:
    return _Matcher(load_entity_table())


def find_mentions(text: str) -> list[Mention]:
    """Entity mentions in normalised `text`, sorted by position, non-overlapping."""
    return _matcher().find(text)


def entity_type(entity_id: str) -> str | None:
    entity = _matcher().by_id.get(entity_id)
    return entity.type if entity else None


def entity_listed(entity_id: str) -> bool:
    """Whether shares of the entity are traded (entities.yaml `listed`; unknown names may be)."""
    entity = _matcher().by_id.get(entity_id)
    return entity.listed if entity else True


def entity_parent(entity_id: str) -> str | None:
    entity = _matcher().by_id.get(entity_id)
    return entity.parent if entity else None
