"""The normaliser copies unchanged runs whole and maps only the characters it changes: the result
must be what mapping every character one by one gives (text and offsets)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.textnorm import _map_char, normalize

PIECES = [
    "가",
    "A",
    "1",
    " ",
    "\t",
    "\u00a0",
    "\u200b",
    "“",
    "”",
    "‘",
    "’",
    "–",
    "−",
    "～",
    "５",
    "％",
    "￦",
    ".",
]


def _one_by_one(text: str) -> tuple[str, tuple[int, ...]]:
    pieces = [(i, _map_char(ch)) for i, ch in enumerate(text)]
    return "".join(p for _, p in pieces), tuple(i for i, p in pieces for _ in p)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=30).map("".join))
def test_runs_copied_whole_give_the_same_text_and_offsets(text):
    if not unicodedata.is_normalized("NFC", text):
        return  # the NFC path maps chunk by chunk and is not the one under test
    result = normalize(text)
    assert (result.text, tuple(result.offsets)) == _one_by_one(text)


def test_a_sentence_with_quotes_full_width_figures_and_odd_spaces():
    text = "엔비디아는 “５６０만 달러”라고\u00a0밝혔다\u200b."
    result = normalize(text)
    assert result.text == '엔비디아는 "560만 달러"라고 밝혔다.'
    # every character of the result points back at the character it came from
    for out_index, original_index in enumerate(result.offsets):
        assert _map_char(text[original_index]).startswith(result.text[out_index]) or (
            result.text[out_index] in _map_char(text[original_index])
        )
