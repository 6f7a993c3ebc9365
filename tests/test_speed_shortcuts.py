"""Shortcuts taken for speed (issue 12) give what the longer way gives. Each test compares the
shortcut with the way it replaced, on the bundled texts and on made-up ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import models
from claimcheck.extract import stance
from claimcheck.extract.figures import _topic_words
from claimcheck.extract.lexicon import topic_data
from claimcheck.extract.mentions import AliasScanner, alias_trie_pattern, find_mentions
from claimcheck.load import load_article
from claimcheck.quantities.recognise import Recogniser, recogniser
from claimcheck.textnorm import normalize

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "corpus" / "ko" / "articles").glob("*.txt")
)


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = [s.text for path in SOURCES for s in load_article(path).sentences]
    assert len(found) > 300
    return found


# --- the normaliser: a run of digits is one candidate ------------------------------------------


@pytest.fixture(scope="module")
def per_digit() -> Recogniser:
    """The recogniser as it was: every digit a candidate of its own."""
    old = Recogniser()
    pattern = old.candidate_re.pattern
    assert pattern.startswith(r"\d+|")
    old.candidate_re = re.compile(r"\d|" + pattern[len(r"\d+|") :])
    return old


def test_digit_runs_scan_as_single_digits_did_on_the_bundled_texts(per_digit, sentences):
    figures = 0
    for text in sentences:
        assert recogniser().scan(text) == per_digit.scan(text), text
        figures += len(per_digit.scan(text))
    assert figures > 150


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789,.-:/ 년월일시분억만천%원달러a@#()~제", max_size=40))
def test_digit_runs_scan_as_single_digits_did_on_digit_soup(per_digit, text):
    assert recogniser().scan(text) == per_digit.scan(text)


# --- stance: one search per family before its cues are found -----------------------------------


def test_stance_reads_the_same_with_and_without_the_family_search(sentences, monkeypatch):
    texts = [normalize(s).text for s in sentences]
    mentions = [find_mentions(t) for t in texts]
    fast = []
    previous = None
    for text, found in zip(texts, mentions, strict=True):
        previous = stance.read_stance(text, found, previous)
        fast.append(previous)
    everything = re.compile("")  # a family search that never refuses: the cue loop alone
    monkeypatch.setattr(stance, "_family_cue", lambda family: everything)
    slow = []
    previous = None
    for text, found in zip(texts, mentions, strict=True):
        previous = stance.read_stance(text, found, previous)
        slow.append(previous)
    assert fast == slow
    assert sum(r.stance != "asserted" for r in fast) > 20  # not vacuous


# --- figure topics: no required part, no required word -----------------------------------------


def test_a_topic_search_finds_a_required_part_exactly_where_one_occurs(sentences):
    topics = list(topic_data().figure_topics.values())
    assert topics
    texts = [normalize(s).text for s in sentences]
    met = 0
    for topic in topics:
        words = _topic_words(topic)
        parts = {part for group in words.requires for part in group}
        for text in texts:
            found = words.any_part.search(text) is not None
            assert found == any(part in text for part in parts), (topic, text)
            met += found
    assert met > 100


# --- alias matching: the walk in a loop ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "KS ks Ks-s ſk K ſ kß kss ks-s-s",  # Kelvin sign and long s match k and s ignoring case
        "abc ab-c a b c ABC ab--c abcabc",
        "σς Σ ςσ",
    ],
)
def test_the_walk_finds_what_the_trie_regex_finds_where_a_character_matches_several(text):
    keys = {"ks", "kss", "sk", "abc", "ab", "σς", "ςσ", "σ"}
    scanner = AliasScanner(keys)
    pattern = re.compile(f"(?<![A-Za-z0-9]){alias_trie_pattern(keys)}", re.IGNORECASE)
    assert list(scanner.spans(text)) == [m.span() for m in pattern.finditer(text)]


# --- records built from checked parts: the defaults laid out once ------------------------------


def _reference_values(model, given: dict) -> dict:
    """What from_checked_parts laid out before: every field in order, a default where not given."""
    return {
        name: given[name] if name in given else field.get_default(call_default_factory=True)
        for name, field in model.model_fields.items()
    }


def _claim_parts() -> dict:
    quantity = models.Quantity(
        text="5%", start=0, end=2, value=5, low=5, high=5, unit="percent", rule="arabic"
    )
    return {
        "id": "a:b:c",
        "article": "a",
        "story": 0,
        "topic": "market_move",
        "subject": "nvidia",
        "object": None,
        "quantity": quantity,
        "stance": "asserted",
        "attributed_to": None,
        "section": "body",
        "quote": "5%",
        "start": 0,
        "end": 2,
        "line": 1,
        "sentence": "5%",
    }


@pytest.mark.parametrize("model", [models.Claim, models.Frame, models.Quantity])
def test_partial_records_have_the_defaults_pydantic_gives(model):
    given = {
        models.Claim: _claim_parts(),
        models.Frame: {"measure": "level", "as_of": "2025-01-27"},
        models.Quantity: {
            k: v
            for k, v in _claim_parts()["quantity"].__dict__.items()
            if k not in ("counter", "emphasis")
        },
    }[model]
    assert given.keys() < model.model_fields.keys()  # some fields left to their defaults
    record = models.from_checked_parts(model, dict(given))
    expected = _reference_values(model, given)
    assert list(record.__dict__) == list(expected)  # the fields' order too
    assert record.__dict__ == expected
    assert record.__pydantic_fields_set__ == set(given)


def test_defaults_made_per_record_are_not_shared():
    parts = _claim_parts()
    first = models.from_checked_parts(models.Claim, dict(parts))
    second = models.from_checked_parts(models.Claim, dict(parts))
    assert "attributes" in models._defaults_of(models.Claim)[1]
    assert first.attributes == second.attributes
    assert first.attributes is not second.attributes


def test_a_key_outside_the_model_is_still_left_out():
    record = models.from_checked_parts(models.Frame, {"measure": "level", "no_such_field": 1})
    assert "no_such_field" not in record.__dict__
    assert record.__dict__ == _reference_values(models.Frame, {"measure": "level"})
