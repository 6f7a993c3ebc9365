"""The report store: findings built one article at a time, kept on disk, read back in order."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from claimcheck.models import ArticleMeta
from claimcheck.pipeline import extract_paths
from claimcheck.reconcile import build_report_from_claims, store_for_paths
from claimcheck.reconcile.store import ReportStore

# Three short articles of my own: two give DeepSeek's chip count (2,048 and 248: they cannot
# both be true), the third converts a cost to won twice at two different rates.
ARTICLES = {
    "alpha": "딥시크 칩 보도\n\n중국 딥시크는 엔비디아 H800 칩 2048개로 V3를 훈련했다.\n",
    "bravo": "딥시크 칩 재보도\n\n딥시크는 엔비디아 H800 칩 248개를 사용해 V3를 훈련했다.\n",
    "delta": (
        "환율 보도\n\n딥시크는 훈련비로 560만 달러(약 80억 원)를 썼다.\n"
        "메타는 라마 훈련에 6000만 달러(약 600억 원)를 썼다.\n"
    ),
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for name, text in ARTICLES.items():
        (news / f"{name}.txt").write_text(text, encoding="utf-8")
    return news


def _extracted(folder: Path, tmp_path: Path):
    return list(extract_paths([str(folder)], tmp_path / "tables"))


def test_counts_and_cross_source_groups_span_articles_added_one_by_one(folder, tmp_path):
    with store_for_paths([str(folder)], str(tmp_path / "tables")) as store:
        assert store.article_count == 3
        report = store.to_report()
        assert store.claim_count == len(report.claims) == sum(a.claims for a in report.articles)
        chips = [f for f in store.findings(topics=["gpu_count"]) if f.kind == "cross_source"]
        assert len(chips) == 1
        assert chips[0].verdict == "contradiction"
        assert chips[0].articles == ["alpha", "bravo"]
        # The two conversions in "delta" imply 1,429 and 1,000 won to the dollar.
        internal = [f for f in store.findings() if f.kind == "internal"]
        assert {f.articles[0] for f in internal} == {"delta"}
        apart = [f for f in internal if len(f.claims) == 4]
        assert len(apart) == 1 and apart[0].diagnosis == "wrong_rate"
        counts = store.verdict_counts()
        assert sum(counts.values()) == store.finding_count == len(report.findings)
        assert counts["cross_source", "gpu_count", "contradiction"] == 1


def test_findings_come_in_report_order_and_filters_apply(folder, tmp_path):
    with store_for_paths([str(folder)], str(tmp_path / "tables")) as store:
        every = list(store.findings())
        order = {"internal": 0, "cross_source": 1, "reference": 2}
        keys = [(order[f.kind], f.topic, f.subject or "", f.id) for f in every]
        assert keys == sorted(keys)
        assert all(f.topic == "gpu_count" for f in store.findings(topics=["gpu_count"]))
        hidden = list(store.findings(single_source=False))
        assert "single_source" not in {f.verdict for f in hidden}
        assert len(hidden) == len([f for f in every if f.verdict != "single_source"])
        # Asking for a verdict shows it even when single-source findings are otherwise hidden.
        asked = list(store.findings(verdicts=["single_source"], single_source=False))
        assert asked == [f for f in every if f.verdict == "single_source"]


def test_the_store_keeps_no_claim_in_memory_once_an_article_is_added(folder, tmp_path):
    extracted = _extracted(folder, tmp_path)
    probes = [weakref.ref(c) for a in extracted for c in a.claims]
    assert probes
    with ReportStore() as store:
        for article in extracted:
            store.add_article(article.id, article.meta, article.claims)
        del extracted, article
        gc.collect()
        assert all(probe() is None for probe in probes)
        store.finish()
        assert store.claim_count == len(probes)


def test_rejected_claims_are_listed_but_not_reconciled(folder, tmp_path):
    extracted = {a.id: a for a in _extracted(folder, tmp_path)}
    bravo = extracted["bravo"]
    rejected = [c.model_copy(update={"review": "rejected"}) for c in bravo.claims]
    with ReportStore() as store:
        store.add_article("alpha", extracted["alpha"].meta, extracted["alpha"].claims)
        store.add_article("bravo", bravo.meta, rejected)
        store.finish()
        report = store.to_report()
    assert {c.id for c in rejected} <= {c.id for c in report.claims}
    assert all("bravo" not in f.articles for f in report.findings)


def test_claims_without_metadata_list_their_articles_only_when_no_metadata_is_given(
    folder, tmp_path
):
    claims = [c for a in _extracted(folder, tmp_path) for c in a.claims]
    bare = build_report_from_claims(claims, {})
    assert [a.id for a in bare.articles] == ["alpha", "bravo", "delta"]
    some = build_report_from_claims(claims, {"alpha": ArticleMeta(title="딥시크 칩 보도")})
    assert [a.id for a in some.articles] == ["alpha"]
    assert some.articles[0].title == "딥시크 칩 보도"
    # The unlisted articles' claims are still reconciled: the chip contradiction remains.
    chips = [f for f in some.findings if f.kind == "cross_source" and f.topic == "gpu_count"]
    assert chips and chips[0].verdict == "contradiction"


def test_findings_are_not_read_before_the_cross_source_groups_are_made(folder, tmp_path):
    with ReportStore() as store:
        for article in _extracted(folder, tmp_path):
            store.add_article(article.id, article.meta, article.claims)
        with pytest.raises(RuntimeError):
            list(store.findings())


def test_a_groups_sources_are_kept_on_disk_and_read_back_in_order(folder, tmp_path):
    with store_for_paths([str(folder)], str(tmp_path / "tables")) as store:
        rows = [r for r in store.finding_rows(topics=["gpu_count"]) if r["kind"] == "cross_source"]
        assert len(rows) == 1
        sources = rows[0]["sources"]
        assert not isinstance(sources, list)  # an iterator over stored rows, not a list in memory
        assert [s["article"] for s in sources] == ["alpha", "bravo"]
        finding = next(f for f in store.findings(topics=["gpu_count"]) if f.kind == "cross_source")
        assert [s.claim for s in finding.sources] == finding.claims
        assert [s.value.split(" = ")[0] for s in finding.sources] == ["2048개", "248개"]


def test_a_vague_won_conversion_implies_no_rate_and_does_not_break_the_report(tmp_path):
    # "약 수천억 원" is a magnitude (1000억–1조): no exchange rate can be read from it, and a second
    # conversion in the same article must not divide by its missing value.
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(
        "딥시크 비용 논란\n\n딥시크는 훈련비로 560만 달러(약 수천억 원)를 썼다고 했다.\n"
        "메타는 라마 훈련에 6000만 달러(약 870억 원)를 들였다.\n",
        encoding="utf-8",
    )
    with store_for_paths([str(news)], str(tmp_path / "tables")) as store:
        internal = [f for f in store.findings() if f.kind == "internal"]
    assert all("수천억" not in " ".join(s.quote for s in f.sources) for f in internal)
    assert len(internal) == 1 and "870억" in internal[0].sources[1].quote


def test_a_figure_and_a_statement_from_two_sources_are_not_called_agreement(tmp_path):
    # One source only says V3 is a mixture of experts; the other only gives a figure about it.
    # Nothing was compared, so the group must not read "agree".
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(
        "딥시크 구조\n\n딥시크 V3는 전문가 혼합(MoE) 방식을 채택했다.\n", encoding="utf-8"
    )
    (news / "b.txt").write_text(
        "딥시크 규모\n\n딥시크의 전문가 혼합 모델은 매개변수 6710억 개다.\n", encoding="utf-8"
    )
    extracted = {a.id: a for a in extract_paths([str(news)], tmp_path / "tables")}
    statement = [c for c in extracted["a"].claims if c.topic == "technique" and not c.quantity]
    figure = [c for c in extracted["b"].claims if c.topic == "technique" and c.quantity]
    assert statement and figure
    with ReportStore() as store:
        store.add_article("a", extracted["a"].meta, statement)
        store.add_article("b", extracted["b"].meta, figure)
        store.finish()
        (finding,) = [f for f in store.findings() if f.kind == "cross_source"]
    assert finding.articles == ["a", "b"]
    assert finding.verdict == "single_source"


@pytest.mark.parametrize("value_usd", [5_600_000.0, 1e16, 1.5e-7, float("inf"), float("nan"), None])
def test_a_stored_record_reads_back_as_the_python_json_writer_gave_it(value_usd):
    # The store writes records with pydantic's JSON writer; read back, each must be what
    # json.dumps(model_dump(mode="json")) gave before, non-finite floats included.
    import datetime as dt
    import json

    from claimcheck.models import SourceValue
    from claimcheck.reconcile.store import _dump

    source = SourceValue(
        claim="a:training_cost:1",
        article="a",
        outlet="한국일보",
        published=dt.date(2025, 1, 27),
        section="body",
        line=3,
        quote='약 560만 달러 "V3"\u2028\t끝',
        stance="asserted",
        value="5600000 USD",
        value_usd=value_usd,
    )
    before = json.dumps(source.model_dump(mode="json"), ensure_ascii=False)
    assert json.dumps(json.loads(_dump(source)), ensure_ascii=False) == before
