"""The Korean quantity corpus (tests/corpus/ko/quantities*.yaml), run as one parametrised test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.quantities import find_quantities

CORPUS = Path(__file__).parent / "corpus" / "ko"
FIELDS = ("value", "low", "high")


def _cases() -> list[Any]:
    cases = []
    for path in sorted(CORPUS.glob("quantities*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        name = path.stem
        for k, entry in enumerate(data.get("quantities", [])):
            for j, form in enumerate(entry["forms"]):
                cases.append(pytest.param(form, [entry["expect"]], id=f"{name}-q{k}-{j}-{form}"))
        for k, entry in enumerate(data.get("sentences", [])):
            cases.append(pytest.param(entry["text"], entry["expect"], id=f"{name}-s{k}"))
        for k, text in enumerate(data.get("negatives", [])):
            cases.append(pytest.param(text, [], id=f"{name}-n{k}-{text[:20]}"))
    return cases


def _mismatches(expect: dict[str, Any], got: dict[str, Any]) -> list[str]:
    wrong = []
    for key, want in expect.items():
        have = got[key]
        if key in FIELDS and want is not None and have is not None:
            ok = have == pytest.approx(want, rel=1e-6)
        else:
            ok = have == want
        if not ok:
            wrong.append(f"{key}: expected {want!r}, got {have!r}")
    return wrong


@pytest.mark.parametrize(("text", "expected"), _cases())
def test_corpus_case(text: str, expected: list[dict[str, Any]]) -> None:
    found = find_quantities(text)
    got = [q.model_dump() for q in found]
    summary = [(q.text, q.value, q.unit, q.qualifier) for q in found]
    assert len(got) == len(expected), (
        f"{text!r}: expected {len(expected)} quantities, got {summary}"
    )
    for want, have in zip(expected, got, strict=True):
        wrong = _mismatches(want, have)
        assert not wrong, f"{text!r} → {have['text']!r}: " + "; ".join(wrong)
    for q in found:
        assert text[q.start : q.end] == q.text
