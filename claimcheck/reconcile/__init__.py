"""Reconcile claims across sources, within articles and against the reference table."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.models import Article, Claim, Report, ReportArticle

__all__ = ["build_report", "report_for_paths"]


def build_report(articles: Sequence[Article], claims_by_article: dict[str, list[Claim]], reference=None) -> Report:
    """Every finding about these articles' claims (rejected claims are left out)."""
    from claimcheck.reconcile.common import Corpus
    from claimcheck.reconcile.cross import cross_source
    from claimcheck.reconcile.internal import internal
    from claimcheck.reconcile.refcheck import reference_findings
    from claimcheck.reference import load_reference

    live = [c for a in articles for c in claims_by_article.get(a.id, []) if c.review != "rejected"]
    corpus = Corpus({a.id: a for a in articles}, live)
    table = reference if reference is not None else load_reference()
    findings = internal(corpus) + cross_source(corpus) + reference_findings(corpus, table)
    order = {"internal": 0, "cross_source": 1, "reference": 2}
    findings.sort(key=lambda f: (order[f.kind], f.topic, f.subject or "", f.id))
    summaries = [
        ReportArticle(
            id=a.id, title=a.meta.title, outlet=a.meta.outlet, published=a.meta.published,
            kind=a.meta.kind, claims=len(claims_by_article.get(a.id, [])),
        )
        for a in articles
    ]
    all_claims = [c for a in articles for c in claims_by_article.get(a.id, [])]
    return Report(articles=summaries, claims=all_claims, findings=findings)


def report_for_paths(paths: list[str] | None, tables_dir: str = "claims", jobs: int = 1) -> Report:
    """Load, extract, apply the editor's overrides and reconcile."""
    from pathlib import Path

    from claimcheck.load import load_articles
    from claimcheck.pipeline import claims_with_overrides, extract_many

    articles = load_articles(paths)
    claims = claims_with_overrides(extract_many(articles, jobs), Path(tables_dir))
    return build_report(articles, claims)
