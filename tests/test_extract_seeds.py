"""Claims from the seed articles, article by article, as a reader finds them in the texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.load import load_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def claims():
    articles = load_articles([SEEDS])
    return {a.id: (a, extract_claims(a)) for a in articles}


def find(claims, article, topic, text=None, **fields):
    """Claims of `topic` whose figure is written `text` (or any), with the given field values."""
    _, found = claims[article]
    out = []
    for c in found:
        if c.topic != topic or (
            text is not None and (c.quantity is None or c.quantity.text.strip() != text)
        ):
            continue
        if all(getattr(c, k) == v for k, v in fields.items()):
            out.append(c)
    return out


# (article, topic, figure as written, subject, value, unit, qualifier, stance)
FIGURES = [
    # 001: the explainer. H800 248개 and 약 560만 달러(약 85억 원), stated as fact.
    ("001_f7a9af24cacc642e", "gpu_count", "248개", "deepseek", 248, "count", "exact", "asserted"),
    (
        "001_f7a9af24cacc642e",
        "training_cost",
        "약 560만 달러",
        "deepseek",
        5_600_000,
        "USD",
        "approx",
        "asserted",
    ),
    (
        "001_f7a9af24cacc642e",
        "training_cost",
        "약 85억 원",
        "deepseek",
        8_500_000_000,
        "KRW",
        "approx",
        "asserted",
    ),
    # Meta's Llama costs are estimates (추정됩니다): other companies' spending, hedged.
    (
        "001_f7a9af24cacc642e",
        "peer_cost",
        "약 850억 원",
        "meta",
        85_000_000_000,
        "KRW",
        "approx",
        "hedged",
    ),
    ("001_f7a9af24cacc642e", "peer_cost", "수천억 원", "meta", None, "KRW", "range", "hedged"),
    (
        "001_f7a9af24cacc642e",
        "cost_ratio",
        "10분의 1 수준",  # about a tenth (issue 13: 수준 after a ratio is approximate)
        "deepseek",
        0.1,
        "ratio",
        "approx",
        "asserted",
    ),
    (
        "001_f7a9af24cacc642e",
        "stock_change",
        "5% 이상",
        "nvidia",
        5,
        "percent",
        "at_least",
        "asserted",
    ),
    # 002: the news page. DeepSeek claims (주장합니다) its cost; US companies are said (알려진) to spend more.
    (
        "002_0e2b5449ce5aef5f",
        "training_cost",
        "약 560만 달러",
        "deepseek",
        5_600_000,
        "USD",
        "approx",
        "attributed",
    ),
    (
        "002_0e2b5449ce5aef5f",
        "training_cost",
        "약 77억 원",
        "deepseek",
        7_700_000_000,
        "KRW",
        "approx",
        "attributed",
    ),
    (
        "002_0e2b5449ce5aef5f",
        "training_cost",
        "70억",
        "deepseek",
        7_000_000_000,
        "KRW",
        "exact",
        "asserted",
    ),
    (
        "002_0e2b5449ce5aef5f",
        "peer_cost",
        "1억 달러에서 10억 달러",
        None,
        None,
        "USD",
        "range",
        "attributed",
    ),
    (
        "002_0e2b5449ce5aef5f",
        "cost_ratio",
        "1/10 수준",
        "deepseek",
        0.1,
        "ratio",
        "approx",
        "asserted",
    ),
    (
        "002_0e2b5449ce5aef5f",
        "adoption",
        "5천 명이 넘는",
        "deepseek",
        5000,
        "count",
        "at_least",
        "asserted",
    ),
    # 003: the essay. Founded in 2023; Nvidia about 17% and Hynix about 10% down.
    ("003_c74ff3c273b5c269", "founding", "2023년", "deepseek", 2023, "year", "exact", "asserted"),
    (
        "003_c74ff3c273b5c269",
        "stock_change",
        "약 17%",
        "nvidia",
        17,
        "percent",
        "approx",
        "asserted",
    ),
    (
        "003_c74ff3c273b5c269",
        "stock_change",
        "약 10%",
        "sk-hynix",
        10,
        "percent",
        "approx",
        "asserted",
    ),
    # 004: the round-up. DeepSeek announced (발표했습니다) R1's compute cost and 2천여 대 chips.
    (
        "004_f05803455ba62a11",
        "training_cost",
        "560만 달러",
        "deepseek",
        5_600_000,
        "USD",
        None,
        "attributed",
    ),
    (
        "004_f05803455ba62a11",
        "training_cost",
        "약 81억 원",
        "deepseek",
        8_100_000_000,
        "KRW",
        "approx",
        "attributed",
    ),
    (
        "004_f05803455ba62a11",
        "cost_ratio",
        "5% 이하",
        "deepseek",
        5,
        "percent",
        "at_most",
        "asserted",
    ),
]


@pytest.mark.parametrize("case", FIGURES, ids=[f"{c[0][:3]}-{c[1]}-{c[2]}" for c in FIGURES])
def test_seed_figures(claims, case):
    article, topic, text, subject, value, unit, qualifier, stance = case
    found = find(claims, article, topic, text)
    assert found, f"no {topic} claim for {text!r}"
    claim = found[0]
    assert claim.subject == subject
    assert claim.quantity.value == value
    assert claim.quantity.unit == unit
    if qualifier:
        assert claim.quantity.qualifier == qualifier
    assert claim.stance == stance


def test_gpu_count_names_the_chip_and_the_model(claims):
    (h800,) = find(claims, "001_f7a9af24cacc642e", "gpu_count", "248개")
    assert h800.object == "nvidia-h800" and "model" not in h800.attributes
    (r1,) = [
        c for c in find(claims, "004_f05803455ba62a11", "gpu_count") if c.quantity.value == 2000
    ]
    # "가속을 위한 특수 칩": no chip model named; the model is R1
    assert r1.quantity.qualifier_word == "여" and r1.object is None
    assert r1.attributes["model"] == "deepseek-r1"
    assert r1.stance == "attributed" and r1.attributed_to == "deepseek"


def test_r1_cost_is_attributed_to_deepseek_for_r1(claims):
    (usd,) = find(claims, "004_f05803455ba62a11", "training_cost", "560만 달러")
    assert usd.object == "deepseek-r1"
    assert usd.frame.scope == "compute"  # "컴퓨팅 파워 관련 비용"


def test_headline_and_summary_claims_are_marked(claims):
    (headline,) = find(claims, "002_0e2b5449ce5aef5f", "training_cost", "70억")
    assert headline.section == "headline" and headline.line == 4
    (summary,) = find(claims, "002_0e2b5449ce5aef5f", "cost_ratio", "1/10 수준")
    assert summary.section == "summary" and summary.line == 12


def test_flashmla_interest_keeps_its_time_window(claims):
    (claim,) = find(claims, "002_0e2b5449ce5aef5f", "adoption")
    assert claim.object == "flashmla" and claim.attributes["within"] == "6시간"


def test_techniques_named_by_each_source(claims):
    named = {(a, c.object) for a, (_, cs) in claims.items() for c in cs if c.topic == "technique"}
    assert ("000_3b08953fffa97431", "chain-of-thought") in named
    assert ("000_3b08953fffa97431", "rlhf") in named
    assert ("000_3b08953fffa97431", "knowledge-distillation") in named
    assert ("001_f7a9af24cacc642e", "pure-rl") in named  # 순수 강화학습
    assert ("002_0e2b5449ce5aef5f", "ptx") in named
    for article in (
        "000_3b08953fffa97431",
        "001_f7a9af24cacc642e",
        "002_0e2b5449ce5aef5f",
        "004_f05803455ba62a11",
    ):
        assert (article, "mixture-of-experts") in named


def test_distillation_allegation_has_a_direction(claims):
    alleged = [
        c
        for c in find(claims, "004_f05803455ba62a11", "technique", object="knowledge-distillation")
        if c.stance == "alleged"
    ]
    assert alleged and alleged[0].attributes["distilled_from"] == "openai"
    assert alleged[0].attributes["distilled_into"] == "deepseek"
    assert find(claims, "004_f05803455ba62a11", "allegation", object="personal-data")


def test_hbm_essential_against_no_hbm(claims):
    (essential,) = find(claims, "000_3b08953fffa97431", "hardware", object="hbm")
    assert essential.attributes["polarity"] == "true"
    (without,) = find(claims, "003_c74ff3c273b5c269", "hardware", object="hbm")
    assert without.attributes["polarity"] == "false"  # "고대역폭 메모리를 사용하지 않고"


def test_low_spec_gpu_claim_is_disputed_in_the_blog(claims):
    disputed = find(
        claims, "000_3b08953fffa97431", "hardware", object="low-end-gpu", stance="disputed"
    )
    assert disputed
    assert any(c.attributes.get("disputed_by") == "kim-jung-ho" for c in disputed)


def test_named_quotes(claims):
    speakers = {c.subject for c in find(claims, "001_f7a9af24cacc642e", "quote")}
    assert {"marc-andreessen", "yann-lecun"} <= speakers


def test_nothing_from_furniture_or_the_other_story(claims):
    for article, found in claims.values():
        furniture = {b.line for b in article.blocks if b.kind == "boilerplate"}
        assert not [c for c in found if c.line in furniture], article.id
    article, found = claims["004_f05803455ba62a11"]
    cloud_story = {c.story for c in found if "클라우드" in c.quote}
    deepseek_story = {c.story for c in found if "딥시크" in c.quote}
    assert not (cloud_story & deepseek_story)


def test_spans_point_into_the_file(claims):
    for article, found in claims.values():
        for claim in found:
            assert article.text[claim.start : claim.end] == claim.quote
            if claim.quantity:
                assert (
                    article.text[claim.quantity.start : claim.quantity.end] == claim.quantity.text
                )
                assert claim.start <= claim.quantity.start <= claim.quantity.end <= claim.end


def test_ids_are_stable_and_unique(claims):
    again = {a.id: extract_claims(a) for a, _ in claims.values()}
    for article_id, (_, found) in claims.items():
        ids = [c.id for c in found]
        assert len(ids) == len(set(ids))
        assert ids == [c.id for c in again[article_id]]
