"""The loader's language data refuses a bad regular expression by name, and each family's
patterns are compiled once, as the alternation the loader searches lines with."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from claimcheck.load import rules
from claimcheck.load.furniture import match_line
from claimcheck.load.rules import Family, any_of, boilerplate


def _family(*patterns: str) -> Family:
    return Family(name="test", reason="a test family", patterns=list(patterns))


def test_a_bad_pattern_is_named():
    with pytest.raises(ValidationError) as caught:
        _family("^구독\\s*하기$", "(기자|특파원")
    message = str(caught.value)
    assert "bad regular expression '(기자|특파원'" in message


def test_patterns_good_alone_but_not_together_are_refused_at_load_time():
    # A global flag is allowed at the start of a pattern, not in the middle of an alternation.
    with pytest.raises(ValidationError) as caught:
        _family("뉴스", "(?i)newsletter")
    assert "together" in str(caught.value)


def test_a_family_alternation_is_the_compiled_pattern_the_loader_uses():
    family = _family("^구독하기$", "^좋아요\\s*\\d+$")
    pattern = rules.compiled(any_of(tuple(family.patterns)))
    assert pattern.search("좋아요 12") and pattern.search("구독하기")
    assert not pattern.search("구독하기를 권했다")


def test_every_bundled_family_is_compiled_by_validation_not_by_the_first_line():
    rules.compiled.cache_clear()
    rules.boilerplate.cache_clear()
    families = [f for f in boilerplate().families if f.patterns]
    before = rules.compiled.cache_info()
    match_line("딥시크는 엔비디아 H800 칩 2,048개를 썼다고 밝혔다.")
    match_line("구독하기")
    after = rules.compiled.cache_info()
    assert families and after.misses == before.misses
