"""A small report written by hand for the export tests: Korean quotes, won and dollar figures,
a reference citation, an article with unknown outlet and date, and a planted script in a quote."""

from __future__ import annotations

import datetime as dt

from claimcheck.models import (
    Claim,
    Finding,
    Quantity,
    ReferenceCitation,
    Report,
    ReportArticle,
    SourceValue,
)

A, B, C = "hanbit_0128", "maeil_0131", "blog_0201"
JAN28, JAN31 = dt.date(2025, 1, 28), dt.date(2025, 1, 31)

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'


def _q(text, value, unit, qualifier="exact", low=None, high=None, counter=None):
    return Quantity(
        text=text,
        start=0,
        end=len(text),
        value=value,
        low=value if low is None else low,
        high=value if high is None else high,
        unit=unit,
        counter=counter,
        qualifier=qualifier,
        rule="test",
    )


def _claim(
    cid,
    article,
    topic,
    quote,
    sentence,
    quantity,
    line,
    subject="deepseek",
    obj=None,
    stance="asserted",
):
    start = 100 * line
    return Claim(
        id=cid,
        article=article,
        story=0,
        topic=topic,
        subject=subject,
        object=obj,
        quantity=quantity,
        stance=stance,
        attributed_to="deepseek" if stance == "attributed" else None,
        section="body",
        quote=quote,
        start=start,
        end=start + len(quote),
        line=line,
        sentence=sentence,
    )


CLAIMS = [
    _claim(
        f"{A}:training_cost:1",
        A,
        "training_cost",
        "약 560만 달러(약 81억 원)를 들였다",
        "딥시크는 V3 모델 훈련에 약 560만 달러(약 81억 원)를 들였다고 밝혔다.",
        _q("약 560만 달러", 5_600_000, "USD", "approx", 5_320_000, 5_880_000),
        7,
        obj="deepseek-v3",
        stance="attributed",
    ),
    _claim(
        f"{B}:training_cost:1",
        B,
        "training_cost",
        "개발비는 85억 원에 불과했다",
        "업계에 따르면 개발비는 85억 원에 불과했다.",
        _q("85억 원", 8_500_000_000, "KRW"),
        3,
        obj="deepseek-v3",
    ),
    _claim(
        f"{C}:training_cost:1",
        C,
        "training_cost",
        "R1은 단 560만 달러로 만들어졌다",
        "놀랍게도 R1은 단 560만 달러로 만들어졌다.",
        _q("560만 달러", 5_600_000, "USD"),
        4,
        obj="deepseek-r1",
    ),
    _claim(
        f"{C}:gpu_count:1",
        C,
        "gpu_count",
        f"H800 칩 3천여 대{SCRIPT}{IMG}를 썼다",
        f"학습에는 엔비디아 H800 칩 3천여 대{SCRIPT}{IMG}를 썼다.",
        _q("3천여 대", 3000, "count", "at_least", 3000, 4000, counter="대"),
        9,
        obj="nvidia-h800",
    ),
]
BY_ID = {c.id: c for c in CLAIMS}


def _source(cid, outlet, published, value, value_usd=None):
    claim = BY_ID[cid]
    return SourceValue(
        claim=cid,
        article=claim.article,
        outlet=outlet,
        published=published,
        section=claim.section,
        line=claim.line,
        quote=claim.quote,
        stance=claim.stance,
        value=value,
        value_usd=value_usd,
    )


V3_COST = ReferenceCitation(
    fact="v3-training-cost",
    statement="DeepSeek-V3's official training cost is 5.576 million USD (at 2 USD a GPU-hour).",
    source_title="DeepSeek-V3 Technical Report (arXiv 2412.19437)",
    source_locator="Table 1, p. 5",
    quote="Total training costs ... $5.576M",
)
CLUSTER = ReferenceCitation(
    fact="v3-cluster",
    statement="DeepSeek-V3 was trained on a cluster of 2048 Nvidia H800 GPUs.",
    source_title="DeepSeek-V3 Technical Report (arXiv 2412.19437)",
    source_locator="https://arxiv.org/abs/2412.19437",
    quote="DeepSeek-V3 is trained on a cluster equipped with 2048 NVIDIA H800 GPUs.",
)

FINDINGS = [
    Finding(
        id="X-training_cost-1",
        kind="cross_source",
        topic="training_cost",
        subject="deepseek",
        object="deepseek-v3",
        verdict="discrepancy",
        articles=[A, B],
        claims=[f"{A}:training_cost:1", f"{B}:training_cost:1"],
        explanation="8.1 and 8.5 billion won convert to 5.55 and 5.82 million USD: 4.9% apart.",
        explanation_ko="81억 원과 85억 원은 각각 555만, 582만 달러로 4.9% 차이가 난다.",
        sources=[
            _source(
                f"{A}:training_cost:1",
                "한빛일보",
                JAN28,
                "5600000 USD (approx: 5320000–5880000)",
                5_600_000.0,
            ),
            _source(f"{B}:training_cost:1", "매일경제신문", JAN31, "8500000000 KRW", 5_824_000.0),
        ],
        arithmetic=[
            "8500000000 KRW / 1459.5 KRW per USD = 5824000 USD",
            "5824000 / 5549000 - 1 = 4.9%",
        ],
    ),
    Finding(
        id="R-training_cost-1",
        kind="reference",
        topic="training_cost",
        subject="deepseek",
        object="deepseek-v3",
        verdict="supported",
        articles=[A],
        claims=[f"{A}:training_cost:1"],
        explanation="About 5.6 million USD matches the 5.576 million USD of the V3 report.",
        explanation_ko="약 560만 달러는 V3 보고서의 557만 6000달러와 일치한다.",
        reference=V3_COST,
        sources=[
            _source(
                f"{A}:training_cost:1", "한빛일보", JAN28, "5600000 USD (approx: 5320000–5880000)"
            )
        ],
    ),
    Finding(
        id="R-training_cost-2",
        kind="reference",
        topic="training_cost",
        subject="deepseek",
        object="deepseek-r1",
        verdict="misattributed",
        articles=[C],
        claims=[f"{C}:training_cost:1"],
        explanation="5.6 million USD is the V3 training cost; no cost was published for R1.",
        explanation_ko="560만 달러는 V3의 훈련 비용이며 R1의 비용은 공개되지 않았다.",
        reference=V3_COST,
        sources=[_source(f"{C}:training_cost:1", None, None, "5600000 USD")],
    ),
    Finding(
        id="R-gpu_count-1",
        kind="reference",
        topic="gpu_count",
        subject="deepseek",
        object="nvidia-h800",
        verdict="refuted",
        articles=[C],
        claims=[f"{C}:gpu_count:1"],
        explanation="At least 3000 H800 chips contradicts the 2048 of the V3 report.",
        explanation_ko="H800 3천여 대는 V3 보고서의 2048대와 다르다.",
        reference=CLUSTER,
        sources=[_source(f"{C}:gpu_count:1", None, None, "3000 count (at_least: 3000–4000)")],
        arithmetic=["3000 > 2048"],
    ),
    Finding(
        id="I-training_cost-1",
        kind="internal",
        topic="training_cost",
        subject="deepseek",
        object="deepseek-v3",
        verdict="consistent",
        articles=[A],
        claims=[f"{A}:training_cost:1"],
        explanation="8.1 billion won / 5.6 million USD = 1446.4 KRW per USD, near the day's rate.",
        explanation_ko="81억 원 / 560만 달러 = 1446.4원으로 당일 환율과 3% 이내로 맞는다.",
        sources=[
            _source(
                f"{A}:training_cost:1", "한빛일보", JAN28, "5600000 USD (approx: 5320000–5880000)"
            )
        ],
    ),
]

ARTICLES = [
    ReportArticle(
        id=A,
        title="딥시크 충격, 엔비디아 주가 급락",
        outlet="한빛일보",
        published=JAN28,
        kind="news",
        claims=1,
    ),
    ReportArticle(
        id=B,
        title="딥시크 개발비 논란",
        outlet="매일경제신문",
        published=JAN31,
        kind="news",
        claims=1,
    ),
    ReportArticle(id=C, title="딥시크 R1 정리", outlet=None, published=None, kind="blog", claims=2),
]


def report() -> Report:
    return Report(articles=ARTICLES, claims=CLAIMS, findings=FINDINGS)
