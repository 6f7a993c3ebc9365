"""A report kept on disk while it is built and read: memory does not grow with the corpus.

Articles arrive one at a time. Each article's own findings (internal and reference) are made at
once; its claims are written to a temporary SQLite database with the key of their cross-source
group. `finish` then reads the claims back sorted by that key (SQLite sorts on disk), so only one
group is ever in memory. Readers stream articles, claims and findings back in report order, and
counts come from queries. SQLite is in the standard library and made for exactly this.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from claimcheck.models import (
    ArticleMeta,
    Claim,
    Finding,
    Report,
    ReportArticle,
    ReportSummary,
    SourceValue,
)

_KIND_ORDER = {"internal": 0, "cross_source": 1, "reference": 2}
# Article metadata looked up while cross-source groups are judged (dates, outlets), kept this
# many at a time: a group's claims come article by article, so a small cache serves each
# article's claims (4,096 entries held 7 MB at 10,000 articles for 5% less time).
_META_CACHE = 256

_SCHEMA = """
CREATE TABLE articles (id TEXT PRIMARY KEY, listed INTEGER, meta TEXT, summary TEXT);
CREATE TABLE claims (
    seq INTEGER PRIMARY KEY, article TEXT, body TEXT, topic TEXT, subject TEXT, object TEXT
);
CREATE TABLE conversions (
    seq INTEGER PRIMARY KEY, topic TEXT, subject TEXT, unit TEXT, value REAL,
    article TEXT, first TEXT, second TEXT
);
CREATE TABLE findings (
    seq INTEGER PRIMARY KEY, kind_order INTEGER, topic TEXT, subject TEXT, id TEXT,
    kind TEXT, verdict TEXT, body TEXT, sources_group INTEGER
);
CREATE TABLE group_sources (grp INTEGER, body TEXT);
CREATE TABLE supported (claim TEXT PRIMARY KEY, fact TEXT);
CREATE TABLE disputed_at_home (claim TEXT PRIMARY KEY);
CREATE INDEX group_sources_by_group ON group_sources (grp);
"""
# Source rows of a cross-source group are written in batches of this many.
_SOURCE_BATCH = 512


# The fields of an article's summary that come from its metadata (all but its id and claim count).
_SUMMARY_FIELDS = [name for name in ReportArticle.model_fields if name not in ("id", "claims")]


def _dump(model: Any) -> str:
    # pydantic's own JSON writer: the same data as json.dumps(model_dump(mode="json")) once read
    # back (every body is), in a third of the time.
    return model.model_dump_json()


class _MetaLookup(Mapping):
    """Article metadata by id, read from the store as the reconcilers ask for it."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self._get = lru_cache(maxsize=_META_CACHE)(self._read)

    def _read(self, article_id: str) -> ArticleMeta | None:
        row = self._db.execute("SELECT meta FROM articles WHERE id = ?", (article_id,)).fetchone()
        return ArticleMeta.model_validate_json(row[0]) if row and row[0] else None

    def __getitem__(self, article_id: str) -> ArticleMeta:
        meta = self._get(article_id)
        if meta is None:
            raise KeyError(article_id)
        return meta

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY id"))

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]


class ReportStore:
    """Findings about articles added one at a time; read back once `finish` has run."""

    def __init__(self, reference=None):
        from claimcheck.reference import load_reference

        # An empty name is SQLite's private temporary database: on disk, gone when closed.
        self._db = sqlite3.connect("")
        self._db.executescript(_SCHEMA)
        self._table = reference if reference is not None else load_reference()
        self._finished = False
        self._no_rate = 0  # findings whose check lacked an exchange rate

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # --- building -------------------------------------------------------------------------

    def add_article(
        self,
        article_id: str,
        meta: ArticleMeta | None,
        claims: Sequence[Claim],
        listed: bool = True,
    ) -> None:
        """One article's claims (rejected ones are kept but not reconciled) and its own findings.
        An unlisted article's claims count, but it has no row among the report's articles."""
        from claimcheck.reconcile.common import Corpus, conversion_pairs
        from claimcheck.reconcile.cross import conversion_key, group_key_of
        from claimcheck.reconcile.internal import internal
        from claimcheck.reconcile.refcheck import reference_findings

        db = self._db
        shown = meta or ArticleMeta()
        # the summary repeats the metadata fields it shares with ArticleMeta
        shared = {name: getattr(shown, name) for name in _SUMMARY_FIELDS}
        summary = ReportArticle(id=article_id, claims=len(claims), **shared)
        db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?)",
            (article_id, int(listed), _dump(meta) if meta else None, _dump(summary)),
        )
        live = [c for c in claims if c.review != "rejected"]
        corpus = Corpus({article_id: meta} if meta else {}, live)
        pairs = conversion_pairs(corpus)
        converted = {second.id for _, second in pairs}
        bodies = {claim.id: _dump(claim) for claim in claims}
        rows = []
        for claim in claims:
            live_claim = claim.review != "rejected"
            key = group_key_of(claim, converted) if live_claim else None
            rows.append((claim.article, bodies[claim.id], *(key or (None, None, None))))
        db.executemany(
            "INSERT INTO claims (article, body, topic, subject, object) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        db.executemany(
            "INSERT INTO conversions (topic, subject, unit, value, article, first, second)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (*key, first.article, bodies[first.id], bodies[second.id])
                for first, second in pairs
                for key in [conversion_key(first)]
                if key is not None
            ],
        )
        checked = reference_findings(corpus, self._table)
        # the claims a reference fact supports: two of them that both fit the fact are no conflict
        # between their sources ("5890억 달러" and "5930억 달러" of a loss reported as 589-594bn)
        db.executemany(
            "INSERT OR IGNORE INTO supported VALUES (?, ?)",
            [
                (claim_id, finding.reference.fact)
                for finding in checked
                if finding.verdict == "supported" and finding.reference is not None
                for claim_id in finding.claims
            ],
        )
        within = internal(corpus)
        # an estimate that disputes its own article's figure is shown there, once: not again
        # against another article's figure of the same scope
        db.executemany(
            "INSERT OR IGNORE INTO disputed_at_home VALUES (?)",
            [
                (claim_id,)
                for finding in within
                if finding.verdict == "disputed"
                for claim_id in (finding.at_issue or finding.claims)
            ],
        )
        self._add_findings(within + checked)

    def finish(self) -> None:
        """The cross-source findings, one group at a time in the order of its key."""
        from claimcheck.reconcile.common import Corpus
        from claimcheck.reconcile.cross import conversion_finding, group_finding

        meta = _MetaLookup(self._db)
        from claimcheck.reconcile.cross import UNSAID_OBJECT_JOINS

        # A figure that leaves its object unsaid ("딥시크 국내 이용자 102만 명") is of the one
        # thing its subject's other figures name (the app), when they name only one.
        for topic in sorted(UNSAID_OBJECT_JOINS):
            only = self._db.execute(
                "SELECT subject, MIN(object) FROM claims WHERE topic = ? AND subject != ''"
                " AND object != '' GROUP BY subject HAVING COUNT(DISTINCT object) = 1",
                (topic,),
            ).fetchall()
            self._db.executemany(
                "UPDATE claims SET object = ? WHERE topic = ? AND subject = ? AND object = ''"
                " AND json_extract(body, '$.quantity') IS NOT NULL",  # figures, not statements
                [(obj, topic, subject) for subject, obj in only],
            )
        rows = self._db.execute(
            "SELECT topic, subject, object, body FROM claims WHERE topic IS NOT NULL"
            " ORDER BY topic, subject, object, seq"
        )
        # A group is read once, claim by claim; its source rows go to disk as they are made, so
        # one group of thousands of sources (a story every outlet covers) costs little memory.
        for number, (key, group) in enumerate(itertools.groupby(rows, key=lambda row: row[:3])):
            claims = (Claim.model_validate_json(row[3]) for row in group)
            batch: list[tuple[int, str]] = []

            def keep(source: SourceValue, number: int = number, batch: list = batch) -> None:
                batch.append((number, _dump(source)))
                if len(batch) >= _SOURCE_BATCH:
                    self._flush_sources(batch)

            finding = group_finding(
                Corpus(meta, []),
                key,
                claims,
                keep_source=keep,
                supported_by=self._supported_by,
                disputed_at_home=self._disputed_at_home,
            )
            self._flush_sources(batch)
            self._add_findings([finding], sources_group=number)
        rows = self._db.execute(
            "SELECT topic, subject, unit, value, article, first, second FROM conversions"
            " ORDER BY topic, subject, unit, value, seq"
        )
        for key, group in itertools.groupby(rows, key=lambda row: row[:4]):
            members = list(group)
            if len({row[4] for row in members}) < 2:
                continue  # one article's own conversions: an internal check, not a cross-source one
            pairs = [
                (Claim.model_validate_json(row[5]), Claim.model_validate_json(row[6]))
                for row in members
            ]
            self._add_findings([conversion_finding(Corpus(meta, []), key, pairs)])
        self._finished = True

    def _disputed_at_home(self, claim_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM disputed_at_home WHERE claim = ?", (claim_id,))
        return row.fetchone() is not None

    def _supported_by(self, claim_id: str) -> str | None:
        row = self._db.execute("SELECT fact FROM supported WHERE claim = ?", (claim_id,)).fetchone()
        return row[0] if row else None

    def _flush_sources(self, batch: list[tuple[int, str]]) -> None:
        self._db.executemany("INSERT INTO group_sources VALUES (?, ?)", batch)
        batch.clear()

    def _add_findings(self, findings: list[Finding], sources_group: int | None = None) -> None:
        """Store findings; with `sources_group`, their sources are that group's stored rows."""
        self._no_rate += sum(f.diagnosis == "no_rate" for f in findings)
        self._db.executemany(
            "INSERT INTO findings (kind_order, topic, subject, id, kind, verdict, body,"
            " sources_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    _KIND_ORDER[f.kind],
                    f.topic,
                    f.subject or "",
                    f.id,
                    f.kind,
                    f.verdict,
                    _dump(f),
                    sources_group,
                )
                for f in findings
            ],
        )

    # --- reading --------------------------------------------------------------------------

    def _count(self, query: str, *args: Any) -> int:
        return self._db.execute(query, args).fetchone()[0]

    @property
    def article_count(self) -> int:
        return self._count("SELECT count(*) FROM articles WHERE listed")

    @property
    def claim_count(self) -> int:
        return self._count("SELECT count(*) FROM claims")

    @property
    def finding_count(self) -> int:
        return self._count("SELECT count(*) FROM findings")

    @property
    def no_rate_count(self) -> int:
        """Checks that lacked an exchange rate near the article's date."""
        return self._no_rate

    def summary(self) -> ReportSummary:
        return ReportSummary(
            articles=self.article_count,
            claims=self.claim_count,
            findings=self.finding_count,
            no_rate=self.no_rate_count,
        )

    def verdict_counts(self, topics: Sequence[str] = ()) -> Counter:
        """Findings by (kind, topic, verdict), of these topics or all."""
        counts: Counter = Counter()
        for kind, topic, verdict, n in self._db.execute(
            "SELECT kind, topic, verdict, count(*) FROM findings GROUP BY kind, topic, verdict"
        ):
            if not topics or topic in topics:
                counts[kind, topic, verdict] += n
        return counts

    def article_rows(self) -> Iterator[dict]:
        """The report's articles as JSON objects, by id."""
        query = "SELECT summary FROM articles WHERE listed ORDER BY id"
        return (json.loads(row[0]) for row in self._db.execute(query))

    def claim_rows(self) -> Iterator[dict]:
        """Every claim as a JSON object, in the order the articles came."""
        return (
            json.loads(row[0]) for row in self._db.execute("SELECT body FROM claims ORDER BY seq")
        )

    def finding_rows(
        self, topics: Sequence[str] = (), verdicts: Sequence[str] = (), single_source: bool = True
    ) -> Iterator[dict]:
        """Findings as JSON objects, in report order: by kind, topic, subject and id.
        `single_source=False` leaves out single-source findings unless `verdicts` asks for them.
        A cross-source finding's "sources" is an iterator over rows read from disk as it goes
        (`cli.common.write_json_list` writes such an object without holding it whole)."""
        self._require_finished()
        rows = self._db.execute(
            "SELECT topic, verdict, body, sources_group FROM findings"
            " ORDER BY kind_order, topic, subject, id, seq"
        )
        for topic, verdict, body, group in rows:
            if topics and topic not in topics:
                continue
            if verdicts and verdict not in verdicts:
                continue
            if not (single_source or verdicts) and verdict == "single_source":
                continue
            finding = json.loads(body)
            if group is not None:
                finding["sources"] = self._group_sources(group)
            yield finding

    def _group_sources(self, group: int) -> Iterator[dict]:
        query = "SELECT body FROM group_sources WHERE grp = ? ORDER BY rowid"
        return (json.loads(row[0]) for row in self._db.execute(query, (group,)))

    def findings(self, **filters: Any) -> Iterator[Finding]:
        """The same as models, one at a time (each whole, with its sources)."""
        for row in self.finding_rows(**filters):
            row["sources"] = list(row["sources"])
            yield Finding.model_validate(row)

    def to_report(self) -> Report:
        """The whole report in memory, for callers that need it all at once."""
        return Report(
            articles=[ReportArticle.model_validate(row) for row in self.article_rows()],
            claims=[Claim.model_validate(row) for row in self.claim_rows()],
            findings=list(self.findings()),
            summary=self.summary(),
        )

    def _require_finished(self) -> None:
        if not self._finished:
            raise RuntimeError("ReportStore.finish() has not run")
