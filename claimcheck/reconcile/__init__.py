"""Reconcile claims across sources, within articles and against the reference table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import claimcheck.api as _api
from claimcheck.models import Article, ArticleMeta, Claim, Report

if TYPE_CHECKING:
    from claimcheck.reconcile.store import ReportStore

__all__ = ["build_report", "build_report_from_claims", "report_for_paths", "store_for_paths"]


def build_report(
    articles: Sequence[Article], claims_by_article: dict[str, list[Claim]], reference=None
) -> Report:
    """Every finding about these articles' claims (rejected claims are left out)."""
    claims = [c for a in articles for c in claims_by_article.get(a.id, [])]
    return build_report_from_claims(claims, {a.id: a.meta for a in articles}, reference)


def build_report_from_claims(
    claims: list[Claim], meta: dict[str, ArticleMeta], reference=None
) -> Report:
    """The same from claims alone (claim tables at a git revision, say) and articles' metadata.

    The report lists the articles in `meta` (or, with no metadata at all, every article with a
    claim); its claims come article by article, in id order."""
    from claimcheck.reconcile.store import ReportStore

    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    with ReportStore(reference) as store:
        for article_id in sorted(set(meta) | set(by_article)):
            listed = not meta or article_id in meta
            store.add_article(article_id, meta.get(article_id), by_article[article_id], listed)
        store.finish()
        return store.to_report()


def store_for_paths(
    paths: list[str] | None, tables_dir: str = "claims", jobs: int = 1, reference=None
) -> ReportStore:
    """Load, extract, apply the editor's overrides and reconcile, one article at a time, into a
    report store (the caller closes it): memory stays flat however many articles there are."""
    from pathlib import Path

    from claimcheck.pipeline import extract_paths
    from claimcheck.reconcile.store import ReportStore

    store = ReportStore(reference)
    try:
        for article in extract_paths(paths, Path(tables_dir), jobs):
            store.add_article(article.id, article.meta, article.claims)
        store.finish()
    except BaseException:
        store.close()
        raise
    return store


def report_for_paths(
    paths: list[str] | None, tables_dir: str = "claims", jobs: int = 1, reference=None
) -> Report:
    """The same, whole in memory."""
    with store_for_paths(paths, tables_dir, jobs, reference) as store:
        return store.to_report()


# `claimcheck.reconcile(...)` is the API function (claimcheck/api.py), imported or not.
_api.callable_package(__name__)
