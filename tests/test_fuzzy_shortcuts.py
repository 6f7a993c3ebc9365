"""The fuzzy look-up's shortcuts (particles by length, keys within reach of the cutoff) find
what the plain algorithm finds: every particle longest first, every fuzzy key."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process
from test_mentions_one_pass import SOURCES

from claimcheck.entities_data import alias_key
from claimcheck.extract.mentions import (
    _HANGUL_WORDS,
    _PARTICLES,
    _matcher,
    _strip_particle,
)


def _plain_strip(word: str) -> str:
    for particle in sorted(_PARTICLES, key=len, reverse=True):
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _words() -> list[str]:
    words = {m.group(0) for path in SOURCES for m in _HANGUL_WORDS.finditer(path.read_text())}
    matcher = _matcher()
    rng = random.Random(5)
    # misspelt aliases with particles: the words a fuzzy match is for
    for key in matcher.fuzzy_keys:
        for _ in range(3):
            chars = list(key)
            chars[rng.randrange(len(chars))] = rng.choice("가나다라마바사")
            words.add("".join(chars) + rng.choice(["", "는", "의", "에서", "으로"]))
    return sorted(words)


def test_particles_and_fuzzy_keys_as_the_plain_way():
    matcher = _matcher()
    cutoff = matcher.fuzzy.score_cutoff
    found = 0
    for words in _words():
        word = _strip_particle(words)
        assert word == _plain_strip(words), words
        key = alias_key(word)
        if len(key) < matcher.fuzzy.min_length:
            continue
        every = process.extractOne(key, matcher.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        expected = None if every is None else matcher.plain[every[0]]
        assert matcher._closest_uncached(words) == (word, expected), words
        found += expected is not None
    assert found > 10  # some misspelt aliases are found (the longer ones)
