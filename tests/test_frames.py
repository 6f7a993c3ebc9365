"""The frame of each figure (subject, measure, as_of, moment, scope) on sentences of our own.

Cases live in tests/corpus/ko/frames.yaml; each names the figure as written, and the test finds
the claim whose figure lies inside it. Slots a case leaves out are not checked; a slot given as
null must stay unknown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.extract import extract_claims
from claimcheck.load import load_articles

CASES = yaml.safe_load(
    (Path(__file__).parent / "corpus" / "ko" / "frames.yaml").read_text(encoding="utf-8")
)["cases"]
FRONT = (
    "---\ntitle: 시장 소식\noutlet: 테스트일보\npublished: {published}\nkind: news\n---\n"
    "시장 소식\n"
)


def _claim_of(tmp_path, case):
    path = tmp_path / "article.txt"
    text = FRONT.format(published=case["published"]) + case["text"] + "\n"
    path.write_text(text, encoding="utf-8")
    (article,) = load_articles([path])
    at = article.text.index(case["text"]) + case["text"].index(case["figure"])
    span = (at, at + len(case["figure"]))
    found = [
        c
        for c in extract_claims(article)
        if c.quantity is not None and c.quantity.start < span[1] and span[0] < c.quantity.end
    ]
    assert found, f"no claim for {case['figure']!r}"
    return found[0]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['figure']}|{c['text'][:24]}" for c in CASES])
def test_frame_of_a_figure(tmp_path, case):
    claim = _claim_of(tmp_path, case)
    if "subject" in case:
        assert claim.subject == case["subject"]
    if "object" in case:
        assert claim.object == case["object"]
    for name, expected in case.get("attributes", {}).items():
        assert claim.attributes.get(name) == expected, name
    for slot, expected in case.get("frame", {}).items():
        assert claim.frame is not None
        assert getattr(claim.frame, slot) == expected, slot
