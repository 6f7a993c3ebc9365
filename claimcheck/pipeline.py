"""The pipeline from paths to claims: load → extract → apply overrides, one article at a time.

No article's text outlives its own extraction, so memory stays flat however many articles a
run reads: later stages get each article's metadata and claims (`Extracted`), in id order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from claimcheck.models import ArticleMeta, Claim, ManifestEntry

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Extracted:
    """What later stages keep of one article (it renders as a claim table, as an Article does)."""

    id: str
    path: str
    meta: ArticleMeta
    claims: list[Claim]


def _load_and_extract(job: tuple[Path, ManifestEntry | None]) -> Extracted:
    from claimcheck.extract import extract_claims
    from claimcheck.load import load_article

    article = load_article(*job)
    return Extracted(article.id, article.path, article.meta, extract_claims(article))


def extract_paths(
    paths: Sequence[str | Path] | None,
    tables_dir: Path,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Iterator[Extracted]:
    """Each article's claims with the editor's overrides (`tables_dir/overrides.yaml`) applied.

    Articles are loaded and extracted in `jobs` processes. An override that matched no claim is
    an error raised after the last article, before a caller has committed anything.
    """
    from claimcheck.load import article_jobs
    from claimcheck.tables import OverrideBook

    book = OverrideBook(tables_dir)  # a bad overrides file fails before any article is read
    work = article_jobs(paths)
    if jobs <= 1 or len(work) < 2:
        results: Iterator[Extracted] = map(_load_and_extract, work)
        yield from _applied(results, book, progress)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, min(16, len(work) // (jobs * 8)))
            yield from _applied(pool.map(_load_and_extract, work, chunksize=chunk), book, progress)
    book.check_all_used()


def _applied(results: Iterator[Extracted], book, progress: Progress | None) -> Iterator[Extracted]:
    for extracted in results:
        yield replace(extracted, claims=book.apply(extracted.claims))
        if progress:
            progress(1)
