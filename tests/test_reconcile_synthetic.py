"""`claimcheck report` on small synthetic articles: one scenario per verdict and per diagnosis."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claimcheck.reconcile import report_for_paths

# One folder per scenario; every article is a short news text written for these tests, with
# front matter (title, fictional outlet, ISO date). The expected verdicts come from reading the
# articles against claims/reference.yaml and the daily KRW/USD table (FRED DEXKOUS):
#   2025-01-31: 1 USD = 1,453.86 KRW.
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reconcile"


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> Path:
    # An empty tables dir: an overrides file in ./claims names seed claims, which these lack.
    return tmp_path_factory.mktemp("tables")


@pytest.fixture(scope="module")
def report(tables):
    """The report of one scenario folder, made once per module."""
    cache = {}

    def get(scenario: str):
        if scenario not in cache:
            cache[scenario] = report_for_paths([str(FIXTURES / scenario)], str(tables))
        return cache[scenario]

    return get


def _text(claim) -> str | None:
    return claim.quantity.text.strip() if claim.quantity else None


def find(rep, kind, *, topic=None, article=None, quantity=None, verdict=None, fact=None, **fields):
    """Findings of `kind`, narrowed by topic, article, a claim's written figure, verdict, fact."""
    claims = {c.id: c for c in rep.claims}
    out = []
    for f in rep.findings:
        if f.kind != kind or (topic and f.topic != topic) or (verdict and f.verdict != verdict):
            continue
        if article and article not in f.articles:
            continue
        if quantity and not any(_text(claims[cid]) == quantity for cid in f.claims):
            continue
        if fact and (f.reference is None or f.reference.fact != fact):
            continue
        if any(getattr(f, k) != v for k, v in fields.items()):
            continue
        out.append(f)
    return out


def one(findings):
    findings = list(findings)
    assert len(findings) == 1, [
        (f.kind, f.verdict, f.topic, f.articles, f.claims) for f in findings
    ]
    return findings[0]


def judged(finding) -> tuple:
    """(verdict, diagnosis, cited fact) of a finding."""
    return finding.verdict, finding.diagnosis, finding.reference.fact if finding.reference else None


def headline_check(rep, article):
    """The internal finding comparing an article's headline figure with its body."""
    return one(
        f
        for f in find(rep, "internal", article=article)
        if any(s.startswith("headline") for s in f.arithmetic)
    )


def steps(finding) -> str:
    return "\n".join(finding.arithmetic)


def is_conversion(finding) -> bool:
    return any("implying" in s for s in finding.arithmetic)


# --- cross_source ------------------------------------------------------------------------------


def test_same_chip_count_in_two_articles_agrees(report):
    # "H800 2048개" and "H800 GPU 2048대": the same count, counters aside.
    rep = report("chips_agree")
    cross = one(find(rep, "cross_source", topic="gpu_count", subject="deepseek"))
    assert cross.verdict == "agree" and cross.diagnosis is None
    assert cross.articles == ["hanbit_chips", "nuri_chips"]
    assert "2,048" in steps(cross)


def test_exact_count_inside_a_more_than_figure_is_compatible(report):
    # "2048개" against "2천여 대" (more than 2000, fewer than 3000): a bound the figure satisfies,
    # and not an understatement (2048 is far from twice 2000).
    rep = report("chips_compatible")
    cross = one(find(rep, "cross_source", topic="gpu_count", subject="deepseek"))
    assert cross.verdict == "compatible" and cross.diagnosis is None
    assert "2,000" in steps(cross) and "3,000" in steps(cross)
    ref = one(find(rep, "reference", quantity="2천여 대"))
    assert ref.verdict == "supported" and ref.reference.fact == "v3-cluster-size"


def test_a_dropped_digit_contradicts_the_correct_count(report):
    # "248개" is 2048 with its 0 dropped.
    rep = report("chips_digit_dropped")
    cross = one(find(rep, "cross_source", topic="gpu_count", subject="deepseek"))
    assert cross.verdict == "contradiction" and cross.diagnosis == "digit_dropped"
    assert set(cross.articles) == {"dasan_typo", "hanbit_correct"}
    assert "248" in steps(cross) and "2,048" in steps(cross)


def test_a_dropped_digit_is_refuted_by_the_v3_report(report):
    rep = report("chips_digit_dropped")
    refuted = find(rep, "reference", quantity="248개")
    assert len(refuted) == 2  # the headline and the body both say 248
    for f in refuted:
        assert judged(f) == ("refuted", "digit_dropped", "v3-cluster-size")
    right = one(find(rep, "reference", quantity="2048개"))
    assert right.verdict == "supported" and right.reference.fact == "v3-cluster-size"


def test_an_added_digit_is_refuted(report):
    # "20480개" is 2048 with a 0 added.
    rep = report("chips_digit_added")
    ref = one(find(rep, "reference", quantity="20480개"))
    assert judged(ref) == ("refuted", "digit_added", "v3-cluster-size")
    assert "20,480" in steps(ref) and "2,048" in steps(ref)


def test_a_figure_only_one_article_states_is_single_source(report):
    rep = report("chips_digit_added")
    cross = one(find(rep, "cross_source", topic="gpu_count"))
    assert cross.verdict == "single_source" and cross.articles == ["gaon_typo"]
    assert "gaon_typo" in cross.explanation


def test_a_myriad_slip_contradicts_and_is_refuted(report):
    # "560억 달러" for 557만 6000달러: 억 written for 만, a factor of 10⁴
    # (56,000,000,000 / 5,576,000 ≈ 10,043).
    rep = report("cost_unit_slip")
    cross = one(find(rep, "cross_source", topic="training_cost", subject="deepseek"))
    assert cross.verdict == "contradiction" and cross.diagnosis == "unit_slip"
    assert "56,000,000,000" in steps(cross) and "5,576,000" in steps(cross)
    ref = one(find(rep, "reference", quantity="560억 달러"))
    assert judged(ref) == ("refuted", "unit_slip", "v3-training-cost-usd")


def test_two_roundings_of_one_figure_agree(report):
    # 560만 and 600만 달러: one cost (5,576,000) rounded two ways; a large sum written to one
    # digit is read as news rounds it (5.5–6.5 million), as the reference check reads it
    # (test_a_rounded_dollar_figure_is_mostly_supported), so the two agree.
    rep = report("cost_discrepancy")
    cross = one(f for f in find(rep, "cross_source", topic="training_cost") if not is_conversion(f))
    assert cross.verdict == "agree"
    assert "5,600,000" in steps(cross) and "6,000,000" in steps(cross)


def test_one_dollar_figure_converted_at_three_rates(report):
    # 560만 달러 as 약 85억, 약 81억 and 약 90억 원 on the same day.
    rep = report("conversions")
    conv = one(f for f in find(rep, "cross_source", topic="training_cost") if is_conversion(f))
    assert conv.verdict == "discrepancy" and conv.diagnosis == "wrong_rate"
    assert set(conv.articles) == {"dasan_90", "hanbit_85", "nuri_81"}
    text = steps(conv)
    # 85억 / 560만 = 1,517.9; 81억 / 560만 = 1,446.4; 90억 / 560만 = 1,607.1
    assert "1,517.9" in text and "1,446.4" in text and "1,607.1" in text
    # the dollar figure itself is the same in all three
    dollars = one(
        f for f in find(rep, "cross_source", topic="training_cost") if not is_conversion(f)
    )
    assert dollars.verdict == "agree"


def test_an_affirmed_and_a_denied_statement_contradict(report):
    # "HBM 없이 훈련했다" against "HBM이 탑재된 H800을 사용했다".
    rep = report("hbm_polarity")
    cross = one(find(rep, "cross_source", topic="hardware", object="hbm"))
    assert cross.verdict == "contradiction" and cross.diagnosis == "stance_conflict"
    assert set(cross.articles) == {"dasan_no_hbm", "hanbit_hbm"}


def test_one_source_disputing_what_another_asserts_is_a_stance_conflict(report):
    # One article says V3 uses a mixture of experts; the other reports researchers calling that
    # explanation exaggerated.
    rep = report("technique_disputed")
    cross = one(find(rep, "cross_source", topic="technique", object="mixture-of-experts"))
    assert cross.verdict == "contradiction" and cross.diagnosis == "stance_conflict"
    assert "dispute" in cross.explanation
    disputed = {s.article: s.stance for s in cross.sources}
    assert disputed["saebyeok_doubt"] == "disputed" and disputed["gaon_moe"] != "disputed"


# --- internal ----------------------------------------------------------------------------------


def _conversion_check(rep, article):
    return one(
        f
        for f in find(rep, "internal", article=article)
        if len(f.claims) == 2 and "reference rate" in steps(f)
    )


def test_a_conversion_at_the_wrong_rate_is_inconsistent(report):
    # 85억 / 560만 = 1,517.9 KRW per USD against 1,453.86 on 2025-01-31: +4.4%, beyond ±3%.
    f = _conversion_check(report("conversions"), "hanbit_85")
    assert f.verdict == "inconsistent" and f.diagnosis == "wrong_rate"
    assert "1,517.9" in steps(f) and "1,453.86" in steps(f) and "+4.4%" in steps(f)


def test_a_conversion_at_the_days_rate_is_consistent(report):
    # 81억 / 560만 = 1,446.4 KRW per USD against 1,453.86: −0.5%.
    f = _conversion_check(report("conversions"), "nuri_81")
    assert f.verdict == "consistent" and f.diagnosis is None
    assert "1,446.4" in steps(f) and "-0.5%" in steps(f)


def test_two_conversions_in_one_article_each_at_the_days_rate(report):
    # 532만 8000달러(약 76억 원) → 1,426.4 and 23만 8000달러(약 3억 5500만 원) → 1,491.6:
    # 4.6% apart from each other, but each within ±3% of 1,453.86 (−1.9%, +2.6%), the day's
    # rate: neither is wrong, so the spread is no problem.
    rep = report("rates_in_article")
    rates = one(f for f in find(rep, "internal", article="gaon_two_rates") if "spread" in steps(f))
    assert rates.verdict == "consistent" and rates.diagnosis is None and rates.at_issue == []
    assert "1,426.4" in steps(rates) and "1,491.6" in steps(rates) and "4.6%" in steps(rates)
    assert "fits the day's rate" in steps(rates)
    singles = [
        f for f in find(rep, "internal", article="gaon_two_rates") if "reference rate" in steps(f)
    ]
    assert len(singles) == 2 and {f.verdict for f in singles} == {"consistent"}


def test_two_conversions_in_one_article_at_one_rate(report):
    # 77억 5000만 / 532만 8000 = 1,454.6; 3억 4600만 / 23만 8000 = 1,453.8: 0.1% apart.
    rep = report("rates_in_article")
    rates = one(f for f in find(rep, "internal", article="hanbit_one_rate") if "spread" in steps(f))
    assert rates.verdict == "consistent" and rates.diagnosis is None
    assert "1,454.6" in steps(rates) and "1,453.8" in steps(rates)


def test_headline_figure_the_body_does_not_support(report):
    # Headline "70억 원", body "77억 원": 70 / 77 − 1 = −9.1%.
    rep = report("headline")
    f = headline_check(rep, "dasan_70")
    assert f.verdict == "inconsistent"
    assert "-9.1%" in steps(f)
    assert [s.section for s in f.sources] == ["headline", "body"]


def test_headline_rounding_of_the_body_figure_is_consistent(report):
    # Headline "약 560만 달러", body "557만 6000달러": 5.6 / 5.576 − 1 = +0.4%.
    rep = report("headline")
    f = headline_check(rep, "hanbit_560")
    assert f.verdict == "consistent" and f.diagnosis is None
    assert "+0.4%" in steps(f)


# --- reference ---------------------------------------------------------------------------------


def test_nvidia_fell_about_17_percent_is_supported(report):
    rep = report("stock_moves")
    f = one(find(rep, "reference", quantity="약 17%"))
    assert f.verdict == "supported" and f.reference.fact == "nvda-close-2025-01-27"


def test_a_fall_of_at_least_5_percent_understates_a_17_percent_fall(report):
    # "5% 이상 하락" is true (−16.97%) but the fall was 3.4 times the bound (16.97 / 5).
    rep = report("stock_moves")
    f = one(find(rep, "reference", quantity="5% 이상"))
    assert judged(f) == ("misleading", "understating_bound", "nvda-close-2025-01-27")
    assert "3.4×" in steps(f)


def test_a_bound_and_a_figure_far_above_it_are_compatible_but_understating(report):
    rep = report("stock_moves")
    cross = one(
        f for f in find(rep, "cross_source", topic="stock_change", subject="nvidia") if f.arithmetic
    )
    assert cross.verdict == "compatible" and cross.diagnosis == "understating_bound"
    assert set(cross.articles) == {"hanbit_bound", "nuri_about"}


def test_a_rise_where_the_stock_fell_is_refuted(report):
    # "17% 상승" against the 16.97% fall of 2025-01-27: the size is right, the direction is not.
    rep = report("stock_direction")
    f = one(find(rep, "reference", quantity="17%"))
    assert f.verdict == "refuted" and f.reference.fact == "nvda-close-2025-01-27"
    assert "direction" in f.explanation


def test_a_rounded_dollar_figure_is_mostly_supported(report):
    # 600만 달러 for 5,576,000: 6,000,000 / 5,576,000 − 1 = +7.6%, a one-digit rounding; the
    # headline's "600만 달러짜리 AI" names the model by the same cost
    rep = report("cost_discrepancy")
    found = find(rep, "reference", topic="training_cost", quantity="600만 달러")
    assert len(found) == 2
    for f in found:
        assert judged(f) == ("mostly_supported", "rounded", "v3-training-cost-usd")
        assert "+7.6%" in steps(f)


def test_a_won_figure_converted_at_the_wrong_rate_is_the_conversions_finding(report):
    # "560만 달러(약 90억 원)": the dollar figure is right and is what the reference checks; the
    # bracketed won figure is a conversion of it, whose error (90억 / 560만 = 1,607 KRW/USD,
    # +10.5% on the day's 1,453.86) is the conversion's finding, not a second reference finding.
    rep = report("conversions")
    assert find(rep, "reference", quantity="약 90억 원") == []
    dollars = one(find(rep, "reference", article="dasan_90", quantity="560만 달러"))
    assert dollars.verdict == "supported"
    conversion = [
        f for f in find(rep, "internal", article="dasan_90") if "90억" in " ".join(f.arithmetic)
    ]
    assert [(f.verdict, f.diagnosis) for f in conversion][:1] == [("inconsistent", "wrong_rate")]


def test_a_training_cost_without_its_scope_is_mostly_supported(report):
    # "557만 6000달러의 비용으로 V3 모델을 만들어": the figure is right, but the report's figure
    # covers only the final training run, and the article does not say so.
    rep = report("cost_scope")
    f = one(find(rep, "reference", topic="training_cost", article="saebyeok_no_scope"))
    assert judged(f) == ("mostly_supported", "scope_omitted", "v3-training-cost-usd")
    assert "final training run" in f.explanation


def test_calling_the_training_figure_the_development_cost_omits_its_scope(report):
    # "딥시크가 V3 모델 개발에 들인 비용은 557만 6000달러다."
    rep = report("cost_scope")
    found = find(rep, "reference", topic="training_cost", article="nuri_development")
    f = one([f for f in found if f.sources[0].section == "body"])
    assert (f.verdict, f.diagnosis) == ("mostly_supported", "scope_omitted")


def test_v3_figures_given_to_r1_are_misattributed(report):
    # R1's January paper states no training cost; 557만 6000달러 and the 2048-GPU cluster are V3's.
    rep = report("r1_misattributed")
    costs = find(rep, "reference", topic="training_cost", article="gaon_r1_cost")
    assert len(costs) == 2  # headline and body
    for f in costs:
        assert judged(f) == ("misattributed", "wrong_model", "v3-training-cost-usd")
        assert "deepseek-v3" in f.explanation and "deepseek-r1" in f.explanation
    chips = one(find(rep, "reference", topic="gpu_count", quantity="2048개"))
    assert judged(chips) == ("misattributed", "wrong_model", "v3-cluster-size")


def test_training_without_hbm_is_refuted(report):
    rep = report("hbm_polarity")
    refs = {f.articles[0]: f for f in find(rep, "reference", topic="hardware", object="hbm")}
    assert (
        refs["dasan_no_hbm"].verdict == "refuted"
        and refs["dasan_no_hbm"].reference.fact == "v3-uses-hbm"
    )
    assert (
        refs["hanbit_hbm"].verdict == "supported"
        and refs["hanbit_hbm"].reference.fact == "v3-uses-hbm"
    )


def test_developers_where_the_source_counts_stars_is_reworded(report):
    # "개발자 5000명 이상이 몰렸다": the source counts more than 5,000 GitHub stars, not developers.
    rep = report("adoption_reworded")
    f = one(find(rep, "reference", topic="adoption", quantity="5000명 이상"))
    assert judged(f) == ("mostly_supported", "reworded", "flashmla-stars-6h")
    assert "GitHub stars" in f.explanation


def test_price_ratio_against_o1_is_supported(report):
    # R1 output tokens 2.19 USD, o1 60 USD per million: 2.19 / 60 = 0.0365, under "5% 이하".
    rep = report("cost_ratio")
    f = one(find(rep, "reference", quantity="5% 이하"))
    assert f.verdict == "supported" and f.reference.fact == "deepseek-r1-api-price"
    assert "0.0365" in steps(f)


def test_price_ratio_against_a_model_the_reference_does_not_price_is_unverifiable(report):
    # "앤트로픽 클로드의 10분의 1": the reference prices R1 against o1 only.
    rep = report("cost_ratio")
    f = one(find(rep, "reference", quantity="10분의 1 수준"))
    assert f.verdict == "unverifiable" and f.diagnosis == "different_baseline"


def test_a_translated_quote_is_reworded(report):
    rep = report("quote_allegation")
    f = one(find(rep, "reference", topic="quote"))
    assert judged(f) == ("unverifiable", "reworded", "andreessen-sputnik")
    assert "Sputnik" in steps(f) and "스푸트니크" in steps(f)


def test_an_allegation_is_unverifiable(report):
    # OpenAI says it saw evidence of distillation; none has been published.
    rep = report("quote_allegation")
    found = find(
        rep, "reference", article="saebyeok_allegation", fact="openai-distillation-allegation"
    )
    assert found and {f.verdict for f in found} == {"unverifiable"}
    assert {f.verdict for f in find(rep, "reference", article="saebyeok_allegation")} == {
        "unverifiable"
    }


# --- verdicts once wrong, fixed in the reconciler and extractor -------------------------------


def test_a_peers_chip_count_is_not_deepseeks(report):
    rep = report("peer_figure")
    wrong = [
        f
        for f in find(rep, "reference", quantity="수만 대")
        if f.reference.fact == "v3-cluster-size"
    ]
    assert wrong == []


def test_identical_stage_costs_in_two_articles_agree(report):
    rep = report("rates_in_article")
    cross = one(f for f in find(rep, "cross_source", topic="training_cost") if not is_conversion(f))
    assert cross.verdict == "agree"


@pytest.mark.parametrize("figure", ["532만 8000달러", "23만 8000달러"])
def test_v3_stage_costs_are_supported(report, figure):
    rep = report("rates_in_article")
    f = one(find(rep, "reference", article="hanbit_one_rate", quantity=figure))
    assert f.verdict == "supported"
    assert not f.reference.fact.startswith("r1-")


def test_unclassified_figures_are_not_checked_against_an_unrelated_fact(report):
    rep = report("cost_scope")
    assert find(rep, "reference", fact="flashmla-performance") == []


def test_the_assumed_rental_price_is_supported(report):
    rep = report("cost_unit_slip")
    # "GPU 임차료를 시간당 2달러로 가정": a price per GPU-hour, checked against the V3 report's
    # assumed rental price (2 USD per GPU-hour), not against any sum.
    f = one(find(rep, "reference", article="hanbit_cost", quantity="시간당 2달러"))
    assert f.verdict == "supported" and f.reference.fact == "v3-rental-price-assumption"


# --- whole-report properties -------------------------------------------------------------------


def test_every_verdict_and_diagnosis_is_exercised(report):
    """The scenarios above reach every verdict of every kind and every diagnosis."""
    from typing import get_args

    from claimcheck.models import Diagnosis
    from claimcheck.verdicts import VERDICTS_BY_KIND

    scenarios = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    seen_verdicts, seen_diagnoses = set(), set()
    for scenario in scenarios:
        for f in report(scenario).findings:
            seen_verdicts.add((f.kind, f.verdict))
            seen_diagnoses.add(f.diagnosis)
    wanted = {(kind, v) for kind, verdicts in VERDICTS_BY_KIND.items() for v in verdicts}
    wanted -= {("cross_source", "disputed"), ("internal", "disputed")}  # TODO(issue 14): the scope rule
    assert wanted - seen_verdicts == set()
    assert set(get_args(Diagnosis)) - seen_diagnoses == set()


def test_two_runs_give_identical_json(tables):
    paths = [str(FIXTURES / "conversions"), str(FIXTURES / "chips_digit_dropped")]
    first = report_for_paths(paths, str(tables)).model_dump_json()
    second = report_for_paths(paths, str(tables)).model_dump_json()
    assert first == second
    assert json.loads(first)["findings"]


def test_runs_under_different_hash_seeds_give_identical_json(tables):
    # Set and dict order of strings changes with PYTHONHASHSEED; the report must not.
    cmd = [
        sys.executable,
        "-m",
        "claimcheck",
        "report",
        str(FIXTURES / "rates_in_article"),
        str(FIXTURES / "hbm_polarity"),
        "--format",
        "json",
        "--single-source",
        "--tables",
        str(tables),
    ]
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["findings"]


def test_rejected_claims_are_left_out_of_findings(tmp_path):
    from claimcheck.extract import extract_claims
    from claimcheck.load import load_article

    typo = load_article(FIXTURES / "chips_digit_dropped" / "dasan_typo.txt")
    rejected = [c.id for c in extract_claims(typo) if _text(c) == "248개"]
    assert len(rejected) == 2  # headline and body
    overrides = {
        "overrides": [
            {"claim": cid, "action": "reject", "note": "typo for 2048"} for cid in rejected
        ]
    }
    (tmp_path / "overrides.yaml").write_text(
        yaml.safe_dump(overrides, allow_unicode=True), encoding="utf-8"
    )

    rep = report_for_paths([str(FIXTURES / "chips_digit_dropped")], str(tmp_path))
    assert all(cid not in f.claims for f in rep.findings for cid in rejected)
    assert find(rep, "reference", quantity="248개") == []
    # Only the correct count is left: one source, nothing to contradict.
    cross = one(find(rep, "cross_source", topic="gpu_count"))
    assert cross.verdict == "single_source" and cross.articles == ["hanbit_correct"]
    # The claims stay in the report, marked, so an editor sees what was set aside.
    marked = {c.id: c.review for c in rep.claims if c.id in rejected}
    assert marked == {cid: "rejected" for cid in rejected}


# --- many sources on one figure --------------------------------------------------------------


def _many_sources(folder: Path, counts: list[str]) -> None:
    folder.mkdir()
    for i, count in enumerate(counts):
        (folder / f"wire{i:03d}.txt").write_text(
            f"딥시크 칩 보도 {i}\n\n중국 딥시크는 엔비디아 H800 칩 {count}를 사용해 V3를 훈련했다.\n",
            encoding="utf-8",
        )


@pytest.mark.parametrize("outlier", [0, 37, 79])
def test_one_odd_figure_among_eighty_sources_is_still_found(tmp_path, tables, outlier):
    # 80 sources: far more than a figure meets one by one, so each meets its neighbours in size.
    counts = ["2,048개"] * 80
    counts[outlier] = "248개"
    _many_sources(tmp_path / "wires", counts)
    rep = report_for_paths([str(tmp_path / "wires")], str(tables))
    finding = one(find(rep, "cross_source", topic="gpu_count"))
    assert len(finding.articles) == 80
    assert finding.verdict == "contradiction"
    assert f"wire{outlier:03d}" in finding.arithmetic[-1]


def test_eighty_sources_that_round_the_same_figure_agree(tmp_path, tables):
    _many_sources(tmp_path / "wires", ["2,048개", "약 2천 개", "2천여 개", "약 2000개"] * 20)
    rep = report_for_paths([str(tmp_path / "wires")], str(tables))
    assert one(find(rep, "cross_source", topic="gpu_count")).verdict in {"agree", "compatible"}


# --- prices per something -----------------------------------------------------------------------


def _articles(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir()
    for name, body in texts.items():
        (folder / f"{name}.txt").write_text(
            f"---\ntitle: {name}\npublished: 2025-01-31\n---\n{body}", encoding="utf-8"
        )
    return folder


def test_an_api_price_per_million_tokens_is_never_checked_against_a_training_cost(tmp_path, tables):
    folder = _articles(
        tmp_path / "api",
        {
            "api_price": "딥시크 API 가격\n\n딥시크는 V3 API 가격을 100만 토큰당 0.27달러로 책정했다고 밝혔다.\n",
            "cost": "딥시크 훈련비\n\n딥시크는 V3 훈련에 557만 6000달러가 들었다고 밝혔다.\n",
        },
    )
    rep = report_for_paths([str(folder)], str(tables))
    (price,) = [c for c in rep.claims if c.quantity and c.quantity.unit == "USD/million_tokens"]
    assert price.quantity.value == 0.27
    about_price = [f for f in rep.findings if price.id in f.claims]
    # Nothing the price is compared with is a sum: no refutation by the training-cost fact, and
    # no cross-source comparison with the 557만 6000달러 of the other article.
    assert all(f.verdict not in ("refuted", "contradiction") for f in about_price)
    assert all(
        all(
            rep_claim.quantity is None or rep_claim.quantity.unit == "USD/million_tokens"
            for rep_claim in rep.claims
            if rep_claim.id in f.claims
        )
        for f in about_price
    )


def test_a_rental_price_in_won_and_one_in_dollars_compare_at_the_days_rate(tmp_path, tables):
    # 2025-01-31: 1 USD = 1,453.86 KRW, so 2,900 won an hour is 1.99 dollars: the same price.
    folder = _articles(
        tmp_path / "rent",
        {
            "dollars": "GPU 임차료\n\n업계에 따르면 엔비디아 H800 GPU 임차료는 GPU 시간당 2달러다.\n",
            "won": "GPU 임차료\n\n업계에 따르면 엔비디아 H800 GPU 임차료는 GPU 시간당 2900원이다.\n",
        },
    )
    rep = report_for_paths([str(folder)], str(tables))
    units = sorted(c.quantity.unit for c in rep.claims if c.quantity)
    assert units == ["KRW/gpu_hour", "USD/gpu_hour"]
    cross = [f for f in rep.findings if f.kind == "cross_source" and len(f.articles) == 2]
    assert cross and all(f.verdict in ("agree", "discrepancy") for f in cross)
    assert any(
        "USD/gpu_hour" in step or "per gpu_hour" in step for f in cross for step in f.arithmetic
    )


def test_a_companys_training_cost_is_checked_even_in_a_story_about_someone_else(tmp_path, tables):
    # The story is about Nvidia; DeepSeek's cost is still DeepSeek's training cost: checked
    # against the V3 report, and compared with the same cost in a story about DeepSeek.
    folder = _articles(
        tmp_path / "costs",
        {
            "nvidia_story": "엔비디아 주가 급락\n\n딥시크는 V3 훈련에 557만 달러가 들었다고 밝혔다.\n",
            "deepseek_story": "딥시크 V3 공개\n\n딥시크는 V3 최종 훈련에 약 560만 달러가 들었다고 밝혔다.\n",
        },
    )
    rep = report_for_paths([str(folder)], str(tables))
    checked = find(rep, "reference", article="nvidia_story", quantity="557만 달러")
    assert one(checked).reference.fact == "v3-training-cost-usd"
    assert one(checked).verdict in ("supported", "mostly_supported")
    cross = [
        f
        for f in rep.findings
        if f.kind == "cross_source" and f.subject == "deepseek" and len(f.articles) == 2
    ]
    assert one(cross).verdict == "agree"


def test_an_articles_conversion_of_a_rate_is_checked_at_the_days_rate(tmp_path, tables):
    # 2025-01-31: 1,453.86 won a dollar; 2,900 won for 2 dollars an hour implies 1,450: plausible.
    folder = _articles(
        tmp_path / "conv",
        {"c": "GPU 임차료\n\n딥시크는 GPU 시간당 2달러(약 2900원)로 계산했다고 밝혔다.\n"},
    )
    rep = report_for_paths([str(folder)], str(tables))
    conversion = one(f for f in rep.findings if f.kind == "internal")
    assert conversion.verdict == "consistent"
    assert "1,450.0 KRW per USD" in conversion.arithmetic[0]
