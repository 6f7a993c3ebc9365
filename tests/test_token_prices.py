"""Prices per token: input and output tokens are priced apart and are never compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.extract.figures import token_side
from claimcheck.quantities import find_quantities
from claimcheck.reconcile import report_for_paths


@pytest.mark.parametrize(
    ("sentence", "figure", "side"),
    [
        (
            "R1 가격은 입력 토큰 100만 개당 0.55달러, 출력 토큰 100만 개당 2.19달러다.",
            "0.55",
            "input",
        ),
        (
            "R1 가격은 입력 토큰 100만 개당 0.55달러, 출력 토큰 100만 개당 2.19달러다.",
            "2.19",
            "output",
        ),
        ("R1의 API 이용료는 출력 100만 토큰당 2.19달러다.", "2.19", "output"),
        ("프롬프트 토큰은 100만 토큰당 3달러를 받는다.", "3달러", "input"),
        ("아웃풋 기준으로 100만 토큰당 12달러다.", "12달러", "output"),
        # a label in brackets right after the figure names its side
        ("100만 토큰당 0.55달러(입력)와 100만 토큰당 2.19달러(출력)다.", "0.55", "input"),
        ("100만 토큰당 0.55달러(입력)와 100만 토큰당 2.19달러(출력)다.", "2.19", "output"),
        # both sides named, or a list ("각각"): nothing said of one figure's side
        ("입력과 출력 토큰 가격은 모두 100만 토큰당 1달러다.", "1달러", None),
        ("R1의 입력, 출력 토큰 가격은 각각 100만 토큰당 0.55달러, 2.19달러다.", "0.55", None),
        # a side word that no price word follows says nothing: 출력 품질 is output quality
        ("출력 품질을 높이면서도 100만 토큰당 0.14달러를 받는다.", "0.14", None),
        # 생성형 AI is not an output price
        ("생성형 AI API 가격은 100만 토큰당 1달러로 내렸다.", "1달러", None),
        ("API 이용료는 100만 토큰당 0.14달러에 불과하다.", "0.14", None),
    ],
)
def test_the_side_is_named_after_the_figure_or_before_it_by_a_price_word(sentence, figure, side):
    # the figures as the extractor sees them: a rate word belongs to its figure's span
    figures = [(q.start, q.end) for q in find_quantities(sentence) if q.unit]
    index = next(i for i, (start, end) in enumerate(figures) if figure in sentence[start:end])
    since = figures[index - 1][1] if index else 0
    assert token_side(sentence, since, *figures[index]) == side


ONE = (
    "딥시크 API 가격\n\n딥시크는 R1 API 가격을 입력 토큰 100만 개당 0.55달러, "
    "출력 토큰 100만 개당 2.19달러로 정했다고 밝혔다.\n"
)


def _report(tmp_path: Path, **articles: str):
    news = tmp_path / "news"
    news.mkdir(parents=True)
    for name, text in articles.items():
        (news / f"{name}.txt").write_text(text, encoding="utf-8")
    return report_for_paths([str(news)], str(tmp_path / "tables"))


def _reference(report, figure: str):
    by_id = {c.id: c for c in report.claims}
    return next(
        f
        for f in report.findings
        if f.kind == "reference" and figure in by_id[f.claims[0]].quantity.text
    )


def test_each_price_is_checked_against_the_reference_price_of_its_side(tmp_path):
    report = _report(tmp_path, a=ONE)
    sides = {c.quantity.text: c.attributes.get("tokens") for c in report.claims if c.quantity}
    assert sides == {"토큰 100만 개당 0.55달러": "input", "토큰 100만 개당 2.19달러": "output"}
    input_price, output_price = _reference(report, "0.55"), _reference(report, "2.19")
    assert (input_price.verdict, input_price.reference.fact) == (
        "supported",
        "deepseek-r1-api-price-input",
    )
    assert (output_price.verdict, output_price.reference.fact) == (
        "supported",
        "deepseek-r1-api-price",
    )


def test_an_output_price_given_as_an_input_price_is_refuted(tmp_path):
    swapped = "딥시크 API 가격\n\n딥시크 R1의 입력 토큰 가격은 100만 토큰당 2.19달러다.\n"
    finding = _reference(_report(tmp_path, a=swapped), "2.19")
    assert finding.verdict == "refuted"
    assert finding.reference.fact.startswith("deepseek-r1-api-price-input")


def test_a_price_that_does_not_say_its_side_is_checked_against_every_price(tmp_path):
    cheap = "딥시크 저가 공세\n\n딥시크 R1의 API 이용료는 100만 토큰당 0.14달러에 불과하다.\n"
    finding = _reference(_report(tmp_path, a=cheap), "0.14")
    assert (finding.verdict, finding.reference.fact) == (
        "supported",
        "deepseek-r1-api-price-input-cached",
    )


def test_an_input_price_and_an_output_price_in_two_sources_do_not_contradict(tmp_path):
    inputs = "딥시크 요금\n\n딥시크 R1의 입력 토큰 가격은 100만 토큰당 0.55달러다.\n"
    outputs = "딥시크 요금 비교\n\n딥시크 R1의 출력 토큰 가격은 100만 토큰당 2.19달러다.\n"
    report = _report(tmp_path, a=inputs, b=outputs)
    (cross,) = [f for f in report.findings if f.kind == "cross_source"]
    # nothing comparable: a single-source finding, which the report lists only when asked
    assert cross.verdict == "single_source" and cross.explanation.startswith("No two sources")
    again = _report(tmp_path / "again", a=inputs, b=outputs, c=inputs.replace("0.55", "0.28"))
    (finding,) = [f for f in again.findings if f.kind == "cross_source"]
    assert finding.verdict == "contradiction"
    assert finding.arithmetic[-1].startswith(("a ", "c ")) and " b " not in finding.arithmetic[-1]


def test_an_unsided_price_against_a_sided_one_is_no_conflict_and_says_why(tmp_path):
    sided = "딥시크 요금\n\n딥시크 R1의 입력 토큰 가격은 100만 토큰당 0.55달러다.\n"
    unsided = "딥시크 저가 공세\n\n딥시크 R1의 API 이용료는 100만 토큰당 0.14달러에 불과하다.\n"
    report = _report(tmp_path, a=sided, b=unsided)
    # the side left unsaid is an unknown slot (0.14달러 is in fact the cached input price): the
    # prices may agree, never conflict, and the report says why they were not set against
    # each other
    (finding,) = [f for f in report.findings if f.kind == "cross_source"]
    assert finding.verdict not in ("contradiction", "discrepancy")
    assert any("which tokens a price is for is not said" in line for line in finding.skipped)


def test_a_price_list_goes_on_in_its_rate_with_its_sides_and_cache_tiers(tmp_path):
    body = (
        "딥시크 요금\n\n딥시크 R1 요금은 100만 토큰 기준 입력 0.55달러(약 750원), 입력 캐시 적중 시 "
        "0.41달러, 출력 2.19달러(약 3000원)다.\n"
    )
    report = _report(tmp_path, a=body)
    prices = {
        c.quantity.text: (c.quantity.unit, c.attributes.get("tokens"), c.attributes.get("cache"))
        for c in report.claims
        if c.quantity
    }
    assert prices["0.41달러"] == ("USD/million_tokens", "input", "hit")
    assert prices["2.19달러"] == ("USD/million_tokens", "output", None)
    (wrong,) = [f for f in report.findings if f.verdict == "refuted"]
    assert wrong.reference.fact == "deepseek-r1-api-price-input-cached"  # 0.14, not 0.55
