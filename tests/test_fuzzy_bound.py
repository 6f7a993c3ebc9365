"""The fuzzy alias look-up skips rapidfuzz for a word no fuzzy key can reach (a bound on
fuzz.ratio from the word's characters found in no key): it must never skip a word that
extractOne would match, so the look-up gives what it gave without the bound."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from claimcheck.entities_data import alias_key, load_entity_table
from claimcheck.extract.mentions import _HANGUL_WORDS, _Matcher
from claimcheck.load import load_article

ROOT = Path(__file__).resolve().parent.parent
MATCHER = _Matcher(load_entity_table())


class _Unbounded(_Matcher):
    def _beyond_reach(self, key: str) -> bool:
        return False


def _best(key: str) -> str | None:
    best = process.extractOne(
        key, MATCHER.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=MATCHER.fuzzy.score_cutoff
    )
    return None if best is None else best[0]


# Words made from fuzzy keys by a few edits (the cases near the cutoff), and from other syllables.
_EDIT = st.tuples(
    st.sampled_from(["insert", "delete", "replace"]),
    st.integers(min_value=0, max_value=30),
    st.sampled_from(["가", "나", "딥", "크", "엔", "트", "x", "7", "의", "는"]),
)


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(MATCHER.fuzzy_keys), st.lists(_EDIT, max_size=4))
def test_a_word_beyond_reach_matches_no_fuzzy_key(key, edits):
    word = list(key)
    for kind, at, ch in edits:
        at = at % (len(word) + 1)
        if kind == "insert":
            word.insert(at, ch)
        elif word and at < len(word):
            word[at : at + 1] = [] if kind == "delete" else [ch]
    word = "".join(word)
    if len(word) >= MATCHER.fuzzy.min_length and MATCHER._beyond_reach(word):
        assert _best(word) is None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.integers(min_value=0xAC00, max_value=0xD7A3), min_size=2, max_size=8),
    st.lists(st.integers(min_value=0xAC00, max_value=0xD7A3), min_size=2, max_size=8),
)
def test_the_key_of_hangul_words_is_the_words_without_spaces(first, second):
    for words in (
        "".join(map(chr, first)),
        " ".join(["".join(map(chr, first)), "".join(map(chr, second))]),
    ):
        assert alias_key(words) == words.replace(" ", "")


def test_the_bound_changes_no_look_up_on_the_corpus():
    unbounded = _Unbounded(load_entity_table())
    words = set()
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "corpus" / "ko" / "articles").glob("*.txt")
    ):
        article = load_article(path)
        for line in article.text.splitlines():
            words.update(match.group(0) for match in _HANGUL_WORDS.finditer(line))
    skipped = 0
    for words_of in sorted(words):
        skipped += MATCHER._beyond_reach(alias_key(words_of))
        assert MATCHER._closest_uncached(words_of) == unbounded._closest_uncached(words_of)
    assert skipped > 100  # the bound does skip words
