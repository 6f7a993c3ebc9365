"""`claimcheck report` on the seeds: the findings a reader of the five texts and the primary
sources expects (which sources agree on the dollar figure, what each won figure implies, the chip
counts, the stock moves, the techniques)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.reconcile import report_for_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
A000, A001, A002, A003, A004 = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return report_for_paths([str(SEEDS)], str(tmp_path_factory.mktemp("tables")))


def findings(report, kind, topic=None, **fields):
    return [
        f
        for f in report.findings
        if f.kind == kind
        and (topic is None or f.topic == topic)
        and all(getattr(f, k) == v for k, v in fields.items())
    ]


def by_quote(report, kind, text):
    claims = {c.id: c for c in report.claims}
    return [
        f
        for f in report.findings
        if f.kind == kind
        and any(
            claims[cid].quantity and claims[cid].quantity.text.strip() == text for cid in f.claims
        )
    ]


def test_the_same_dollar_figure_converted_at_three_rates(report):
    (conv,) = [
        f for f in findings(report, "cross_source", "training_cost") if f.diagnosis == "wrong_rate"
    ]
    assert conv.verdict == "discrepancy"
    assert set(conv.articles) == {A001, A002, A004}
    text = "\n".join(conv.arithmetic)
    # 85억 / 560만 = 1517.9; 77억 / 560만 = 1375.0; 81억 / 560만 = 1446.4
    assert "1,517.9" in text and "1,375.0" in text and "1,446.4" in text


def test_each_conversion_checked_against_the_days_rate(report):
    verdicts = {
        f.articles[0]: f
        for f in findings(report, "internal", "training_cost")
        if f.claims and len(f.claims) == 2
    }
    # 81억 on 2025-01-31: FRED 1453.86, implied 1446.4 (−0.5%): plausible
    assert verdicts[A004].verdict == "consistent"
    # 77억 on 2025-04-28: FRED 1436.31, implied 1375.0 (−4.3%): not plausible
    assert verdicts[A002].verdict == "inconsistent" and verdicts[A002].diagnosis == "wrong_rate"
    # 85억 with no date: 1517.9 is above every daily rate of the table (max 1477.97)
    assert verdicts[A001].verdict == "inconsistent"
    assert "date is unknown" in verdicts[A001].explanation


def test_headline_70억_against_body_77억(report):
    (headline,) = [
        f
        for f in findings(report, "internal", "training_cost")
        if any("headline" in s for s in f.arithmetic)
    ]
    assert headline.articles == [A002] and headline.verdict == "inconsistent"
    assert "-9.1%" in "\n".join(headline.arithmetic)  # 70억 / 77억 − 1


def test_chip_counts_contradict_and_248_drops_a_digit(report):
    (cross,) = findings(report, "cross_source", "gpu_count")
    assert cross.verdict == "contradiction" and set(cross.articles) == {A001, A004}
    (h248,) = by_quote(report, "reference", "248개")
    assert h248.verdict == "refuted" and h248.diagnosis == "digit_dropped"
    assert h248.reference.fact == "v3-cluster-size"
    (h2000,) = [f for f in findings(report, "reference", "gpu_count") if f.articles == [A004]]
    # 2048 lies in 2천여 (2000–3000), but the report counts V3's cluster, and 004 names R1
    assert h2000.verdict == "misattributed" and h2000.diagnosis == "wrong_model"


def test_dollar_figure_against_the_v3_report(report):
    refs = {f.articles[0]: f for f in by_quote(report, "reference", "약 560만 달러")}
    assert refs[A002].verdict == "supported" and refs[A002].reference.fact == "v3-training-cost-usd"
    assert refs[A001].verdict == "mostly_supported" and refs[A001].diagnosis == "scope_omitted"
    (r1,) = by_quote(report, "reference", "560만 달러")
    assert (
        r1.verdict == "misattributed" and r1.diagnosis == "wrong_model"
    )  # 004 gives V3's figure to R1


def test_nvidia_moves(report):
    (cross,) = findings(report, "cross_source", "stock_change", subject="nvidia")
    assert cross.verdict == "compatible" and cross.diagnosis == "understating_bound"
    five = by_quote(report, "reference", "5% 이상")
    assert five and {f.verdict for f in five} == {"misleading"}
    assert "3.4×" in "\n".join(five[0].arithmetic)  # 16.97 / 5
    (seventeen,) = by_quote(report, "reference", "약 17%")
    assert seventeen.verdict == "supported" and seventeen.reference.fact == "nvda-close-2025-01-27"
    (hynix,) = by_quote(report, "reference", "약 10%")
    assert hynix.verdict == "supported" and hynix.reference.fact == "skhynix-2025-01-31"


def test_hbm_no_hbm_contradiction(report):
    (cross,) = findings(report, "cross_source", "hardware", object="hbm")
    assert cross.verdict == "contradiction" and set(cross.articles) == {A000, A003}
    refs = {
        f.articles[0]: f.verdict for f in findings(report, "reference", "hardware", object="hbm")
    }
    assert refs == {A000: "supported", A003: "refuted"}


def test_techniques(report):
    (moe,) = findings(report, "cross_source", "technique", object="mixture-of-experts")
    assert moe.verdict == "agree" and set(moe.articles) == {A000, A001, A002, A004}
    refs = {
        (f.articles[0], f.object): f.verdict for f in findings(report, "reference", "technique")
    }
    assert refs[(A002, "ptx")] == "supported"
    assert refs[(A001, "pure-rl")] == "mostly_supported"  # R1-Zero, not R1, skipped SFT
    alleged = [
        f
        for f in findings(report, "reference", "technique", object="knowledge-distillation")
        if f.reference.fact == "openai-distillation-allegation"
    ]
    assert alleged and alleged[0].verdict == "unverifiable"


def test_cost_ratio_against_api_prices(report):
    (ratio,) = by_quote(report, "reference", "5% 이하")
    assert ratio.verdict == "supported" and "0.0365" in "\n".join(ratio.arithmetic)  # 2.19 / 60


def test_every_finding_explains_itself_in_both_languages(report):
    for f in report.findings:
        assert f.explanation and f.explanation_ko
        if f.kind == "reference":
            assert f.reference and f.reference.source_title and f.reference.quote


def test_report_json_shape_and_determinism():
    runner = CliRunner()
    first = runner.invoke(main, ["report", "--format", "json"])
    second = runner.invoke(main, ["report", "--format", "json"])
    assert first.exit_code == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert {"articles", "claims", "findings"} <= set(data)
    keys = {
        "id",
        "kind",
        "topic",
        "subject",
        "object",
        "verdict",
        "articles",
        "claims",
        "explanation",
        "diagnosis",
        "reference",
    }
    assert keys <= set(data["findings"][0])


def test_fail_on_and_filters():
    runner = CliRunner()
    failing = runner.invoke(main, ["report", "--fail-on", "contradiction"])
    assert failing.exit_code == 1 and "matched --fail-on" in failing.stderr
    quiet = runner.invoke(main, ["report", "--topic", "founding", "--fail-on", "contradiction"])
    assert quiet.exit_code == 0
    refuted = json.loads(
        runner.invoke(main, ["report", "--verdict", "refuted", "--format", "json"]).stdout
    )
    assert refuted["findings"] and {f["verdict"] for f in refuted["findings"]} == {"refuted"}


def test_korean_report_uses_the_snu_scale():
    result = CliRunner().invoke(main, ["report", "--lang", "ko", "--topic", "gpu_count"])
    assert result.exit_code == 0
    assert "전혀 사실 아님" in result.output and "보도 간 비교" in result.output


def test_markdown_table():
    result = CliRunner().invoke(
        main, ["report", "--format", "markdown", "--verdict", "contradiction"]
    )
    lines = result.stdout.splitlines()
    assert lines[2].startswith("| Finding | Verdict |") and all(
        line.startswith("| `cross_source:") for line in lines[4:] if line
    )


def test_the_cross_source_conversion_names_the_conversions_off_their_days_rate(report):
    # 77억 (A002, 2025-04-28) and 85억 (A001, undated) are off; 81억 (A004) fits 31 January
    (conv,) = [
        f for f in findings(report, "cross_source", "training_cost") if f.diagnosis == "wrong_rate"
    ]
    named = conv.explanation.split("Off its own day's rate: ")[1]
    assert A002 in named and A001 in named and A004 not in named
