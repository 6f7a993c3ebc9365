"""ClaimReview export: schema.org JSON-LD, one review per claim checked against the reference.

Only `reference` findings are reviews: a claim compared with a sourced fact. Agreement or
disagreement among reports is not a verdict on the truth, so cross-source and internal findings
are left out. A claim checked against several facts gets one review carrying its worst rating
(a claim is as good as its worst check; see claimcheck.ratings), with every explanation in it.

itemReviewed.author is the article's outlet: what is reviewed is the article's statement (its
figure, its conversion), even when the article attributes it to someone. A date or address the
article does not state is left out, never guessed.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck.models import Claim, Finding, Report, ReportArticle, SourceValue
from claimcheck.render import labels
from claimcheck.render.common import RenderOptions, claims_by_id, sources_of

CONTEXT = "https://schema.org"
# JSON-LD is pasted into pages inside <script type="application/ld+json">; an article quote
# holding "</script>" would end that element early, so markup characters are written as
# JSON escapes (the parsed JSON is unchanged).
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def write(report: Report, findings: list[Finding], options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    reviews = [_review(report, claim_id, group, options) for claim_id, group in _by_claim(findings)]
    return json.dumps(reviews, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE) + "\n"


def _by_claim(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.kind != "reference":
            continue
        for claim_id in finding.claims:
            groups.setdefault(claim_id, []).append(finding)
    return sorted(
        (claim_id, sorted(group, key=lambda f: f.id)) for claim_id, group in groups.items()
    )


def _headline(group: list[Finding]) -> Finding:
    from claimcheck.ratings import load_ratings

    pair = load_ratings().headline([(f.kind, f.verdict) for f in group])
    return next(f for f in group if (f.kind, f.verdict) == pair)


def _review(
    report: Report, claim_id: str, group: list[Finding], options: RenderOptions
) -> dict[str, Any]:
    finding = _headline(group)
    claim = claims_by_id(report).get(claim_id)
    source = next((s for f in group for s in sources_of(report, f) if s.claim == claim_id), None)
    article_id = claim.article if claim else (source.article if source else None)
    article = next((a for a in report.articles if a.id == article_id), None)
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"{options.base_url}#{finding.id}",
        "identifier": claim_id,
        "claimReviewed": _claim_text(claim, source),
        "reviewRating": _rating(finding, options.lang),
        "reviewBody": " ".join(labels.explanation(f, options.lang) for f in group),
        "inLanguage": options.lang,
        "author": {"@type": "Organization", "name": options.publisher},
        "itemReviewed": _item(article, source, options.lang),
    }
    citations = [_citation(f) for f in group if f.reference is not None]
    if citations:
        review["citation"] = citations
    return review


def _rating(finding: Finding, lang: str) -> dict[str, Any]:
    from claimcheck.ratings import load_ratings

    rating = load_ratings().claimreview(finding.kind, finding.verdict)
    if lang == "ko":
        # Korean readers see the SNU FactCheck label as the rating's text.
        rating["alternateName"] = labels.verdict(finding, lang)
    return rating


def _claim_text(claim: Claim | None, source: SourceValue | None) -> str:
    if claim is not None:
        return claim.quote
    return source.quote if source is not None else ""


def _item(article: ReportArticle | None, source: SourceValue | None, lang: str) -> dict[str, Any]:
    outlet = (article.outlet if article else None) or (source.outlet if source else None)
    published = (article.published if article else None) or (source.published if source else None)
    author = {"@type": "Organization", "name": outlet or labels.word("unknown_outlet", lang)}
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if article is not None:
        appearance["identifier"] = article.id
        if article.title:
            appearance["headline"] = article.title
    # ReportArticle may carry the article's address (and author); older reports do not.
    url = getattr(article, "url", None)
    if url:
        appearance["url"] = url
    if published:
        appearance["datePublished"] = published.isoformat()
    if outlet:
        appearance["publisher"] = {"@type": "Organization", "name": outlet}
    item: dict[str, Any] = {"@type": "Claim", "author": author}
    if published:
        item["datePublished"] = published.isoformat()
    item["appearance"] = [appearance]
    return item


def _citation(finding: Finding) -> dict[str, Any]:
    ref = finding.reference
    assert ref is not None
    out: dict[str, Any] = {"@type": "CreativeWork", "name": ref.source_title, "text": ref.quote}
    if ref.source_locator.startswith(("https://", "http://")):
        out["url"] = ref.source_locator
    else:
        out["description"] = ref.source_locator
    return out
