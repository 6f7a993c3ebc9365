"""Reconcile claims across sources, within articles and against the reference table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimcheck.models import Article, ArticleMeta, Claim, Report, ReportArticle

__all__ = ["build_report", "build_report_from_claims", "report_for_paths"]


def build_report(
    articles: Sequence[Article], claims_by_article: dict[str, list[Claim]], reference=None
) -> Report:
    """Every finding about these articles' claims (rejected claims are left out)."""
    claims = [c for a in articles for c in claims_by_article.get(a.id, [])]
    return build_report_from_claims(claims, {a.id: a.meta for a in articles}, reference)


def build_report_from_claims(
    claims: list[Claim], meta: dict[str, ArticleMeta], reference=None
) -> Report:
    """The same from claims alone (claim tables at a git revision, say) and articles' metadata."""
    from claimcheck.reconcile.common import Corpus
    from claimcheck.reconcile.cross import cross_source
    from claimcheck.reconcile.internal import internal
    from claimcheck.reconcile.refcheck import reference_findings
    from claimcheck.reference import load_reference

    live = [c for c in claims if c.review != "rejected"]
    corpus = Corpus(meta, live)
    table = reference if reference is not None else load_reference()
    findings = internal(corpus) + cross_source(corpus) + reference_findings(corpus, table)
    order = {"internal": 0, "cross_source": 1, "reference": 2}
    findings.sort(key=lambda f: (order[f.kind], f.topic, f.subject or "", f.id))
    ids = sorted(meta) if meta else sorted({c.article for c in claims})
    counts = Counter(c.article for c in claims)
    summaries = [
        ReportArticle(
            id=aid,
            title=m.title,
            outlet=m.outlet,
            published=m.published,
            kind=m.kind,
            url=m.url,
            author=m.author,
            claims=counts[aid],
        )
        for aid in ids
        for m in [meta.get(aid) or ArticleMeta()]
    ]
    return Report(articles=summaries, claims=claims, findings=findings)


def report_for_paths(paths: list[str] | None, tables_dir: str = "claims", jobs: int = 1) -> Report:
    """Load, extract, apply the editor's overrides and reconcile, one article at a time."""
    from pathlib import Path

    from claimcheck.pipeline import extract_paths

    meta: dict[str, ArticleMeta] = {}
    claims: list[Claim] = []
    for article in extract_paths(paths, Path(tables_dir), jobs):
        meta[article.id] = article.meta
        claims.extend(article.claims)
    return build_report_from_claims(claims, meta)
