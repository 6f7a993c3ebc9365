"""ClaimReview export: schema.org JSON-LD with the properties schema.org and Google require."""

from __future__ import annotations

import datetime as dt
import json

from render_report import CLUSTER, A, C, report

from claimcheck.models import Finding
from claimcheck.render import RenderOptions, render, select_findings

# Properties each type may carry (schema.org vocabulary, read from schema.org/ClaimReview,
# /Claim, /Rating, /CreativeWork, /Organization) and those required for a ClaimReview rich
# result (Google Search Central, "Fact check (ClaimReview) structured data").
ALLOWED = {
    "ClaimReview": {
        "@context",
        "@type",
        "url",
        "identifier",
        "claimReviewed",
        "reviewRating",
        "reviewBody",
        "inLanguage",
        "author",
        "itemReviewed",
        "citation",
        "datePublished",
    },
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName", "name"},
    "Claim": {"@type", "author", "datePublished", "appearance", "firstAppearance"},
    "CreativeWork": {
        "@type",
        "identifier",
        "headline",
        "name",
        "url",
        "datePublished",
        "publisher",
        "author",
        "text",
        "description",
    },
    "Organization": {"@type", "name", "url"},
    "Person": {"@type", "name", "url"},
}
REQUIRED = {
    "ClaimReview": {
        "@context",
        "@type",
        "claimReviewed",
        "reviewRating",
        "url",
        "itemReviewed",
        "author",
    },
    "Rating": {"@type", "alternateName"},
    "Claim": {"@type", "author", "appearance"},
    "Organization": {"@type", "name"},
}
RATED = {"ratingValue", "bestRating", "worstRating"}


def _check(node: dict, where: str = "review") -> None:
    kind = node["@type"]
    assert kind in ALLOWED, f"{where}: unexpected type {kind}"
    unknown = set(node) - ALLOWED[kind]
    assert not unknown, f"{where}: {kind} has no property {sorted(unknown)}"
    missing = REQUIRED.get(kind, set()) - set(node)
    assert not missing, f"{where}: {kind} lacks {sorted(missing)}"
    for key, value in node.items():
        for i, child in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(child, dict):
                _check(child, f"{where}.{key}[{i}]")


def _reviews(include_all: bool = False, lang: str = "en", **options) -> list[dict]:
    rep = report()
    out = render(
        "claimreview", rep, select_findings(rep, include_all), RenderOptions(lang=lang, **options)
    )
    return json.loads(out)


def test_output_is_json_with_one_review_per_reference_checked_claim():
    reviews = _reviews()
    # Not agreeing and checked against the reference: the R1 cost and the GPU count of the blog.
    assert sorted(r["identifier"] for r in reviews) == [f"{C}:gpu_count:1", f"{C}:training_cost:1"]
    assert {r["@type"] for r in reviews} == {"ClaimReview"}
    # With --all, the supported V3 cost joins; the cross-source and internal findings never do.
    assert len(_reviews(include_all=True)) == 3


def test_every_review_has_the_required_properties():
    for review in _reviews(include_all=True):
        assert review["@context"] == "https://schema.org"
        _check(review)
        assert review["claimReviewed"].strip()
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]


def test_rating_values_follow_the_scale():
    by_claim = {r["identifier"]: r["reviewRating"] for r in _reviews(include_all=True)}
    refuted = by_claim[f"{C}:gpu_count:1"]
    assert (refuted["ratingValue"], refuted["bestRating"], refuted["worstRating"]) == (1, 5, 1)
    assert refuted["alternateName"].startswith("False")
    assert by_claim[f"{C}:training_cost:1"]["ratingValue"] == 2  # misattributed: mostly false
    assert by_claim[f"{A}:training_cost:1"]["ratingValue"] == 5  # supported: true
    for rating in by_claim.values():
        assert set(rating) >= RATED | {"alternateName"}
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def test_claim_text_author_date_and_appearance():
    by_claim = {r["identifier"]: r for r in _reviews(include_all=True)}
    hanbit = by_claim[f"{A}:training_cost:1"]
    assert hanbit["claimReviewed"] == "약 560만 달러(약 81억 원)를 들였다"
    item = hanbit["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "한빛일보"}
    assert item["datePublished"] == "2025-01-28"
    assert item["appearance"][0]["headline"] == "딥시크 충격, 엔비디아 주가 급락"
    assert item["appearance"][0]["datePublished"] == "2025-01-28"


def test_unknown_date_is_left_out_not_guessed():
    by_claim = {r["identifier"]: r for r in _reviews()}
    blog = by_claim[f"{C}:gpu_count:1"]["itemReviewed"]
    assert "datePublished" not in blog
    assert "datePublished" not in blog["appearance"][0]
    assert blog["author"]["name"] == "outlet not stated"


def test_url_points_at_the_finding_in_the_html_export():
    by_claim = {r["identifier"]: r for r in _reviews(base_url="https://news.example/checks.html")}
    assert by_claim[f"{C}:gpu_count:1"]["url"] == "https://news.example/checks.html#R-gpu_count-1"


def test_citation_names_the_reference_source():
    by_claim = {r["identifier"]: r for r in _reviews()}
    (citation,) = by_claim[f"{C}:gpu_count:1"]["citation"]
    assert citation["name"] == CLUSTER.source_title
    assert citation["url"] == "https://arxiv.org/abs/2412.19437"
    (v3,) = by_claim[f"{C}:training_cost:1"]["citation"]
    assert "url" not in v3 and v3["description"] == "Table 1, p. 5"  # a locator, not an address


def test_script_in_a_quote_cannot_close_an_embedding_script_element():
    rep = report()
    text = render("claimreview", rep, select_findings(rep)).decode("utf-8")
    assert "</script>" not in text and "<script>" not in text
    blog = next(r for r in json.loads(text) if r["identifier"] == f"{C}:gpu_count:1")
    assert "<script>window.__pwned=1</script>" in blog["claimReviewed"]  # the data is intact


def test_korean_output_uses_the_snu_label():
    by_claim = {r["identifier"]: r for r in _reviews(lang="ko")}
    review = by_claim[f"{C}:gpu_count:1"]
    assert review["inLanguage"] == "ko"
    assert review["reviewRating"]["alternateName"].startswith("전혀 사실 아님")
    assert review["reviewBody"] == "H800 3천여 대는 V3 보고서의 2048대와 다르다."


def _reference(fid: str, verdict: str, claim: str) -> Finding:
    return Finding(
        id=fid,
        kind="reference",
        topic="gpu_count",
        subject="deepseek",
        object="nvidia-h800",
        verdict=verdict,
        articles=[C],
        claims=[claim],
        explanation=f"{verdict}.",
        explanation_ko=f"{verdict}.",
        reference=CLUSTER,
    )


def test_a_claim_checked_twice_gets_one_review_with_its_worst_rating():
    rep = report()
    claim = f"{C}:gpu_count:1"
    findings = [_reference("R-a", "mostly_supported", claim), _reference("R-b", "refuted", claim)]
    (review,) = json.loads(render("claimreview", rep, findings))
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["url"].endswith("#R-b")
    assert review["reviewBody"] == "mostly_supported. refuted."


def test_unverifiable_gets_a_text_rating_without_numbers():
    rep = report()
    (review,) = json.loads(
        render("claimreview", rep, [_reference("R-u", "unverifiable", f"{C}:gpu_count:1")])
    )
    _check(review)
    assert not RATED & set(review["reviewRating"])
    assert review["reviewRating"]["alternateName"]


def test_dates_are_iso():
    for review in _reviews(include_all=True):
        if "datePublished" in review["itemReviewed"]:
            dt.date.fromisoformat(review["itemReviewed"]["datePublished"])
