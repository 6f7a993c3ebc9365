"""The alias matcher walks the aliases' trie in one pass over a sentence. It must find exactly what
the plain algorithm finds: one regex with every alias key as an alternative, longest first, each
with an optional space or hyphen between its characters (kept here as the reference), and what
the trie written as one regex finds."""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path

import pytest

from claimcheck.entities_data import load_entity_table
from claimcheck.extract.mentions import AliasScanner, _Matcher, alias_trie_pattern
from claimcheck.load import load_article
from claimcheck.textnorm import normalize

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "corpus" / "ko" / "articles").glob("*.txt")
)


def _reference_regex(keys: set[str]) -> re.Pattern[str]:
    """One alternative per alias key, longest first: tried in turn at every position."""
    ordered = sorted(keys, key=lambda k: (-len(k), k))
    pattern = "|".join("[ -]?".join(re.escape(ch) for ch in key) for key in ordered)
    return re.compile(f"(?<![A-Za-z0-9])(?:{pattern})", re.IGNORECASE)


class _ReferenceMatcher(_Matcher):
    """The matcher with the reference regex in place of the trie walk, and no memo."""

    def __init__(self, table) -> None:
        super().__init__(table)
        keys = {*self.plain, *self.conditional}
        self.reference = _reference_regex(keys)
        self.trie_regex = re.compile(f"(?<![A-Za-z0-9]){alias_trie_pattern(keys)}", re.IGNORECASE)
        self._closest = self._closest_uncached

    def alias_spans(self, text: str):
        return ((m.start(), m.end()) for m in self.reference.finditer(text))


@pytest.fixture(scope="module")
def matchers() -> tuple[_Matcher, _ReferenceMatcher]:
    table = load_entity_table()
    return _Matcher(table), _ReferenceMatcher(table)


def _same(matchers, text: str) -> None:
    one_pass, reference = matchers
    expected = list(reference.alias_spans(text))
    assert list(one_pass.alias_spans(text)) == expected, text
    assert [(m.start(), m.end()) for m in reference.trie_regex.finditer(text)] == expected, text
    assert one_pass.find(text) == reference.find(text), text


def _sentences(path: Path) -> list[str]:
    article = load_article(path)
    return [normalize(s.text).text for s in article.sentences]


def test_small_trie_prefers_the_longer_alias_and_skips_separators():
    text = "ab-c ab x a d a--b Xab AB-C"
    # "X" is itself a key; the "ab" after it sits inside the Latin word "Xab" and is not one.
    expected = ["ab-c", "ab", "x", "a d", "X", "AB-C"]
    scanner = AliasScanner({"ab", "abc", "ad", "x"})
    assert [text[start:end] for start, end in scanner.spans(text)] == expected
    pattern = re.compile(
        f"(?<![A-Za-z0-9]){alias_trie_pattern({'ab', 'abc', 'ad', 'x'})}", re.IGNORECASE
    )
    assert [m.group(0) for m in pattern.finditer(text)] == expected


def test_same_matches_on_the_seeds_and_the_test_corpus(matchers):
    sentences = [s for path in SOURCES for s in _sentences(path)]
    assert len(sentences) > 300
    hits = 0
    for sentence in sentences:
        _same(matchers, sentence)
        hits += bool(matchers[0].find(sentence))
    assert hits > 100  # the corpora do name entities: the comparison is not vacuous


def test_same_matches_on_generated_articles(matchers, tmp_path):
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec and spec.loader
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    scale.generate(tmp_path, 60)
    for path in sorted(tmp_path.glob("*.txt")):
        for sentence in _sentences(path):
            _same(matchers, sentence)


def test_same_matches_on_aliases_spelt_every_which_way(matchers):
    # Aliases glued together, split by spaces or hyphens, in other cases, cut short, with
    # particles and Latin letters around them: where a trie and a list could part ways.
    one_pass, _ = matchers
    table = load_entity_table()
    forms = sorted({form for entity in table.entities for form in entity.surface_forms()})
    glue = ["", " ", "-", "는 ", "의", "社 ", "X", "3", "버스 ", ", ", "·", "  "]
    rng = random.Random(12)
    for _ in range(3000):
        pieces = []
        for _ in range(rng.randint(1, 4)):
            form = rng.choice(forms)
            if rng.random() < 0.3:
                at = rng.randrange(len(form) + 1)
                form = form[:at] + rng.choice([" ", "-", ""]) + form[at:]
            if rng.random() < 0.3:
                form = form.swapcase() if rng.random() < 0.5 else form.upper()
            if rng.random() < 0.2:
                form = form[: rng.randint(1, len(form))]
            pieces.append(form + rng.choice(glue))
        _same(matchers, normalize("".join(pieces)).text)
