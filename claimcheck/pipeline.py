"""The pipeline from paths to claims: load → extract → apply overrides, one article at a time.

No article's text outlives its own extraction, so memory stays flat however many articles a
run reads: later stages get each article's metadata and claims (`Extracted`), in id order.
With several processes, each worker does all of one article's work (load, extract, overrides,
claim table) and only a few articles are in flight at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.models import ArticleMeta, Claim, ManifestEntry, Override

Progress = Callable[[int, int], None]  # (articles done, articles in all)
# Batches handed to each worker ahead of the one being collected: enough to keep it busy,
# few enough that finished results never pile up in memory.
_AHEAD_PER_WORKER = 4
_BATCH = 8  # articles handed to a worker at once (see _in_processes)


@dataclass(frozen=True)
class Extracted:
    """What later stages keep of one article (it renders as a claim table, as an Article does)."""

    id: str
    path: str
    meta: ArticleMeta
    claims: list[Claim]  # empty when only the tables were asked for (see `extract_paths`)
    table: str | None = None  # its claim table, when asked for
    overrides_used: set[str] = field(default_factory=set)
    claim_count: int = 0  # how many claims the article has, whether or not they are kept


@dataclass(frozen=True)
class _Job:
    """One article to load and extract, with the overrides and options it is extracted with."""

    path: Path
    entry: ManifestEntry | None
    overrides: dict[str, Override]
    overrides_path: Path
    render: bool
    keep_claims: bool = True


def _process(job: _Job) -> Extracted:
    from claimcheck.api import extract
    from claimcheck.load import load_article
    from claimcheck.tables import apply_overrides, render_table

    article = load_article(job.path, job.entry)
    claims, used = apply_overrides(extract(article), job.overrides, job.overrides_path)
    table = render_table(article, claims) if job.render else None
    kept = claims if job.keep_claims else []
    return Extracted(article.id, article.path, article.meta, kept, table, used, len(claims))


def extract_paths(
    paths: Sequence[str | Path] | None,
    tables_dir: Path,
    jobs: int = 1,
    progress: Progress | None = None,
    render: bool = False,
    claims: bool = True,
) -> Iterator[Extracted]:
    """Each article's claims with the editor's overrides (`tables_dir/overrides.yaml`) applied,
    and with `render` its claim table. With `claims` False only the table and the number of
    claims come back (a worker process then sends no claim records to be unpickled).

    Articles are processed in `jobs` processes. An override that matched no claim is an error
    raised after the last article, before a caller has committed anything.
    """
    from claimcheck.load import article_jobs
    from claimcheck.tables import OverrideBook

    book = OverrideBook(tables_dir)  # a bad overrides file fails before any article is read
    files = article_jobs(paths)
    # Each job is made when it is handed out, so only the jobs in flight are held, not one
    # per article of the run (about 200 bytes each, 20 MB at 100,000 articles).
    work = (
        _Job(path, entry, book.for_article(path.stem), book.path, render, claims)
        for path, entry in files
    )
    if jobs <= 1 or len(files) < 2:
        # a generator, not map(): a StopIteration escaping from _process (a bug) must fail the
        # run (PEP 479 makes it a RuntimeError), not end it quietly as if no article were left
        results: Iterator[Extracted] = (_process(job) for job in work)
    else:
        results = _in_processes(work, jobs, len(files))
    for done, extracted in enumerate(results, start=1):
        book.mark_used(extracted.overrides_used)
        yield extracted
        if progress:
            progress(done, len(files))
    book.check_all_used()


def _process_batch(batch: list[_Job]) -> list[Extracted]:
    return [_process(job) for job in batch]


def _batches(work: Iterator[_Job], size: int) -> Iterator[list[_Job]]:
    batch: list[_Job] = []
    for job in work:
        batch.append(job)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_processes(work: Iterator[_Job], jobs: int, count: int) -> Iterator[Extracted]:
    """`_process` over the `count` jobs of `work` in `jobs` processes, results in order, a
    bounded number ahead.

    Jobs go to the workers in batches of up to `_BATCH` articles: each hand-over (pickling,
    two pipes, a future) costs about as much CPU as a tenth of an article, and a batch pays it
    once. Smaller runs get smaller batches, so that every worker still has several.
    """
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(_BATCH, count // (jobs * _AHEAD_PER_WORKER * 2)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        queued = _batches(work, size)
        for batch in queued:
            pending.append(pool.submit(_process_batch, batch))
            if len(pending) >= jobs * _AHEAD_PER_WORKER:
                break
        while pending:
            done = pending.popleft().result()
            following = next(queued, None)
            if following is not None:
                pending.append(pool.submit(_process_batch, following))
            yield from done
