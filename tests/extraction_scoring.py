"""Score extracted claims against the expectations written for the test articles (shared by tests
and benchmarks/extraction.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent / "corpus" / "ko" / "articles"


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, checked]
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.found += other.found
        for key, (right, checked) in other.fields.items():
            mine = self.fields.setdefault(key, [0, 0])
            mine[0] += right
            mine[1] += checked
        self.missed += other.missed
        self.wrong += other.wrong
        self.furniture += other.furniture

    def rate(self, key: str) -> float:
        right, checked = self.fields.get(key, [0, 0])
        return right / checked if checked else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-3)


def _matches(expected: dict, claim) -> bool:
    if expected["quote_contains"] not in claim.quote or expected["topic"] != claim.topic:
        return False
    quantity = expected.get("quantity")
    if quantity is None:
        return claim.quantity is None and (
            expected.get("object") in (None, claim.object) or claim.object is None
        )
    if claim.quantity is None:
        return False
    value = quantity.get("value")
    if value is None:
        return _same_number(quantity.get("low"), claim.quantity.low) and _same_number(
            quantity.get("high"), claim.quantity.high
        )
    return _same_number(value, claim.quantity.value)


def score_article(path: Path, claims) -> Score:
    expectations = yaml.safe_load(
        path.with_suffix("").with_suffix(".expected.yaml").read_text(encoding="utf-8")
    )
    score = Score()
    used: set[str] = set()
    for expected in expectations.get("claims") or []:
        score.expected += 1
        candidates = [c for c in claims if c.id not in used and _matches(expected, c)]
        label = f"{path.name}: {expected['topic']} «{expected['quote_contains']}»"
        if not candidates:
            score.missed.append(label)
            continue
        claim = candidates[0]
        used.add(claim.id)
        score.found += 1
        checks = {
            "subject": (expected.get("subject"), claim.subject),
            "stance": (expected.get("stance"), claim.stance),
            "section": (expected.get("section"), claim.section),
        }
        if expected.get("quantity"):
            checks["unit"] = (expected["quantity"].get("unit"), claim.quantity.unit)
            checks["qualifier"] = (expected["quantity"].get("qualifier"), claim.quantity.qualifier)
        if expected.get("object") is not None:
            checks["object"] = (expected.get("object"), claim.object)
        for key, (want, got) in checks.items():
            pair = score.fields.setdefault(key, [0, 0])
            pair[1] += 1
            if want == got:
                pair[0] += 1
            else:
                score.wrong.append(f"{label}: {key} {got!r} != {want!r}")
    for text in expectations.get("absent") or []:
        for claim in claims:
            if text in claim.quote:
                score.furniture.append(f"{path.name}: claim {claim.topic} quotes «{text}»")
    return score


def score_corpus() -> tuple[Score, dict[str, Score]]:
    from claimcheck.extract import extract_claims
    from claimcheck.load import load_articles

    total = Score()
    per_article = {}
    paths = sorted(CORPUS.glob("*.txt"))
    for path, article in zip(paths, load_articles(paths), strict=True):
        score = score_article(path, extract_claims(article))
        per_article[path.name] = score
        total.add(score)
    return total, per_article
