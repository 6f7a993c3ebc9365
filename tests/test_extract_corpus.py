"""The extractor on twelve articles it was not written against (tests/corpus/ko/articles).

Expectations were written by reading those articles. The bars below are quality floors: they fail
when a change makes extraction on unseen text worse. Current figures: `python benchmarks/extraction.py`.
"""

from __future__ import annotations

import pytest
from extraction_scoring import score_corpus


@pytest.fixture(scope="module")
def scored():
    return score_corpus()


def test_no_claim_comes_from_page_furniture_or_another_story(scored):
    total, _ = scored
    assert total.furniture == []


def test_most_expected_claims_are_found(scored):
    total, per_article = scored
    assert total.recall >= 0.83, "\n".join(total.missed)
    for name, score in per_article.items():
        assert score.recall >= 0.35, f"{name}: {score.found}/{score.expected}\n" + "\n".join(
            score.missed
        )


def test_found_claims_have_the_right_fields(scored):
    total, _ = scored
    assert total.rate("unit") >= 0.97
    assert total.rate("qualifier") >= 0.93
    assert total.rate("section") >= 0.93
    assert total.rate("stance") >= 0.83
    assert total.rate("subject") >= 0.91
