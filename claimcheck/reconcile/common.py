"""What the reconcilers share: article metadata lookups, conversions, finding ids and source rows."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from claimcheck.models import Article, Claim, SourceValue
from claimcheck.reconcile.values import comparable

_CONVERSION_GAP = re.compile(r"^\s*\(\s*(?:한화|원화|우리 돈|약)?\s*$")


@dataclass(frozen=True)
class Corpus:
    """The articles and their live (not rejected) claims."""

    articles: dict[str, Article]
    claims: list[Claim]

    def published(self, article_id: str):
        return self.articles[article_id].meta.published

    def outlet(self, article_id: str) -> str | None:
        return self.articles[article_id].meta.outlet


def finding_id(kind: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{kind}:{digest}"


def source_row(corpus: Corpus, claim: Claim) -> SourceValue:
    value = comparable(claim, corpus.published(claim.article)) if claim.quantity else None
    shown = value.shown if value else _qualitative(claim)
    usd = None
    if value is not None and value.unit == "USD" and value.interval.point is not None:
        usd = round(value.interval.point, 2)
    return SourceValue(
        claim=claim.id,
        article=claim.article,
        outlet=corpus.outlet(claim.article),
        published=corpus.published(claim.article),
        section=claim.section,
        line=claim.line,
        quote=claim.quote,
        stance=claim.stance,
        value=shown,
        value_usd=usd,
    )


def _qualitative(claim: Claim) -> str:
    polarity = claim.attributes.get("polarity")
    what = claim.object or claim.subject or claim.topic
    if polarity == "false":
        return f"not {what}"
    extra = ", ".join(f"{k}: {v}" for k, v in claim.attributes.items() if k not in ("polarity", "stance_cue"))
    return f"{what}" + (f" ({extra})" if extra else "")


def conversion_pairs(corpus: Corpus) -> list[tuple[Claim, Claim]]:
    """(figure, its conversion) where an article writes one currency and then another in brackets:
    "560만 달러(약 85억 원)"."""
    pairs = []
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for claim in corpus.claims:
        if claim.quantity is not None and claim.quantity.unit in {"KRW", "USD", "CNY", "JPY", "EUR", "GBP"}:
            by_sentence.setdefault((claim.article, claim.start), []).append(claim)
    for (article_id, _), claims in by_sentence.items():
        text = corpus.articles[article_id].text
        ordered = sorted(claims, key=lambda c: c.quantity.start)
        for first, second in zip(ordered, ordered[1:]):
            if first.quantity.unit == second.quantity.unit:
                continue
            gap = text[first.quantity.end : second.quantity.start]
            if _CONVERSION_GAP.match(gap):
                pairs.append((first, second))
    return pairs
