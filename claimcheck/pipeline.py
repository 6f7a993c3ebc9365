"""The pipeline from paths to claims: load → extract → apply overrides, shared by every command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from claimcheck.models import Article, Claim

Progress = Callable[[int], None]


def extract_many(
    articles: Sequence[Article], jobs: int = 1, progress: Progress | None = None
) -> dict[str, list[Claim]]:
    """Claims per article id, extracted in `jobs` processes; results in article order."""
    from claimcheck.extract import extract_claims

    results: dict[str, list[Claim]] = {}
    if jobs <= 1 or len(articles) < 2:
        for article in articles:
            results[article.id] = extract_claims(article)
            if progress:
                progress(1)
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(articles) // (jobs * 8))
        for article, claims in zip(articles, pool.map(extract_claims, articles, chunksize=chunk)):
            results[article.id] = claims
            if progress:
                progress(1)
    return results


def claims_with_overrides(
    claims_by_article: dict[str, list[Claim]], tables_dir: Path
) -> dict[str, list[Claim]]:
    """Apply `tables_dir/overrides.yaml` across all articles (an unmatched override is an error)."""
    from claimcheck.tables import OVERRIDES, apply_overrides, load_overrides

    overrides = load_overrides(tables_dir)
    if not overrides.overrides:
        return claims_by_article
    flat = [c for claims in claims_by_article.values() for c in claims]
    applied = {c.id: c for c in apply_overrides(flat, overrides, tables_dir / OVERRIDES)}
    return {aid: [applied[c.id] for c in claims] for aid, claims in claims_by_article.items()}
