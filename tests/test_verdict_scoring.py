"""The verdict scorer itself, on a hand-made report over two small articles: what counts as a true
positive, a false positive, a miss and a violation."""

from __future__ import annotations

import pytest
from verdict_scoring import Flag, Trap, score

FRONT = (
    "---\ntitle: 시험 기사\noutlet: 시험일보\npublished: 2025-02-03\n"
    "kind: news\nlanguage: ko\n---\n"
)
A = FRONT + "시험 기사\n\nSK하이닉스는 7.86% 내린 채 마감했다. 한미반도체(-5.9%)도 내렸다.\n"
B = FRONT + "시험 기사\n\nSK하이닉스는 9.86% 내린 19만9200원에 마감했다. 환팡의 GPU는 1만 개다.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path


def _claim(article, text, snippet, with_quantity=True):
    start = text.index(snippet)
    quantity = {"text": snippet, "start": start, "end": start + len(snippet)}
    return {
        "id": f"{article}:{snippet}",
        "article": article,
        "quote": snippet,
        "start": start - 5,  # the quote is wider than its figure
        "end": start + len(snippet) + 5,
        "quantity": quantity if with_quantity else None,
    }


def _finding(verdict, *claims, kind="reference"):
    ids = [c["id"] for c in claims]
    return {
        "kind": kind,
        "topic": "stock_change",
        "verdict": verdict,
        "articles": sorted({c["article"] for c in claims}),
        "claims": ids,
        "sources": [{"claim": c["id"], "article": c["article"]} for c in claims],
    }


def _entries(folder):
    a = folder / "a.txt"
    return [
        (
            a,
            Flag.model_validate(
                {"figure": "7.86%", "verdicts": ["refuted"], "class": "x", "why": "."}
            ),
        ),
        (
            a,
            Flag.model_validate(
                {
                    "figure": "7.86% 내린 채",
                    "verdicts": ["contradiction"],
                    "class": "contradiction",
                    "why": ".",
                    "with": ["b.txt: 9.86% 내린"],
                }
            ),
        ),
        (a, Trap.model_validate({"figure": "한미반도체(-5.9%)", "class": "whose", "why": "."})),
        (folder / "b.txt", Trap.model_validate({"figure": "1만 개", "class": "scope", "why": "."})),
    ]


def test_a_finding_on_the_flag_with_an_accepted_verdict_is_a_true_positive(folder):
    wrong = _claim("a", A, "7.86%")
    right = _claim("b", B, "9.86%")
    report = {
        "claims": [wrong, right],
        "findings": [_finding("refuted", wrong), _finding("contradiction", wrong, right)],
    }
    result = score(report, _entries(folder), folder)
    assert (result.problems, result.true_positives, result.flags, result.found) == (2, 2, 2, 2)
    assert result.precision == 1.0 and result.recall == 1.0 and not result.violations


def test_a_cross_source_finding_without_the_with_figure_is_a_false_positive(folder):
    wrong = _claim("a", A, "7.86%")
    other = _claim("b", B, "1만 개")
    finding = _finding("contradiction", wrong, other, kind="cross_source")
    report = {"claims": [wrong, other], "findings": [finding]}
    result = score(report, _entries(folder), folder)
    assert (result.true_positives, result.found) == (0, 0)
    assert len(result.false_positives) == 1 and "contradiction" in result.false_positives[0]
    assert len(result.misses) == 2


def test_a_finding_against_the_reference_needs_no_with_figure(folder):
    # "with" names the other side of a cross-source or internal finding (the format README); a
    # finding against the reference has no other side in the articles.
    wrong = _claim("a", A, "7.86%")
    entries = [
        (
            folder / "a.txt",
            Flag.model_validate(
                {
                    "figure": "7.86% 내린 채",
                    "verdicts": ["contradiction", "refuted"],
                    "class": "headline_body",
                    "why": ".",
                    "with": ["b.txt: 9.86% 내린"],
                }
            ),
        )
    ]
    report = {"claims": [wrong], "findings": [_finding("refuted", wrong)]}
    result = score(report, entries, folder)
    assert (result.true_positives, result.found) == (1, 1)


def test_a_verdict_not_in_the_flags_list_does_not_count(folder):
    wrong = _claim("a", A, "7.86%")
    report = {"claims": [wrong], "findings": [_finding("misleading", wrong)]}
    result = score(report, _entries(folder), folder)
    assert (result.problems, result.true_positives) == (1, 0)


def test_agreements_are_not_scored(folder):
    wrong = _claim("a", A, "7.86%")
    report = {"claims": [wrong], "findings": [_finding("supported", wrong)]}
    result = score(report, _entries(folder), folder)
    assert result.problems == 0 and result.found == 0


def test_a_problem_on_a_trap_is_a_violation_of_its_class(folder):
    trap = _claim("a", A, "-5.9%")  # the figure lies inside the trap's snippet
    report = {"claims": [trap], "findings": [_finding("refuted", trap)]}
    result = score(report, _entries(folder), folder)
    assert len(result.false_positives) == 1
    assert list(result.violations) == ["whose"]


def test_a_claim_without_a_figure_is_placed_by_its_quote(folder):
    # Its quote (5 characters either side of "-5.9%") overlaps the trap's snippet.
    trap = _claim("a", A, "-5.9%", with_quantity=False)
    report = {"claims": [trap], "findings": [_finding("refuted", trap)]}
    assert list(score(report, _entries(folder), folder).violations) == ["whose"]


def test_a_scope_figure_may_be_disputed_but_not_refuted(folder):
    fleet = _claim("b", B, "1만 개")
    report = {
        "claims": [fleet],
        "findings": [_finding("disputed", fleet, kind="internal"), _finding("refuted", fleet)],
    }
    result = score(report, _entries(folder), folder)
    # the dispute is what the corpus spec allows another scope ("at most disputed"): neither a
    # hit nor a false alarm; the refutation is a false alarm and a violation
    assert result.problems == 2 and len(result.false_positives) == 1
    assert len(result.allowed) == 1 and result.true_positives == 0 and result.precision == 0.0
    [violation] = result.violations["scope"]
    assert ": refuted (reference" in violation


def test_findings_on_other_articles_are_ignored(folder):
    elsewhere = {"id": "c:1", "article": "c", "quote": "x", "start": 0, "end": 1, "quantity": None}
    report = {"claims": [elsewhere], "findings": [_finding("refuted", elsewhere)]}
    assert score(report, _entries(folder), folder).problems == 0


def test_a_snippet_that_is_not_unique_is_an_error(folder):
    entries = [
        (folder / "a.txt", Trap.model_validate({"figure": "시험", "class": "whose", "why": "."}))
    ]
    with pytest.raises(ValueError, match="occurs"):
        score({"claims": [], "findings": []}, entries, folder)


def test_an_article_of_the_run_without_expectations_still_counts_its_false_alarms(folder):
    elsewhere = {"id": "c:1", "article": "c", "quote": "x", "start": 0, "end": 1, "quantity": None}
    report = {"claims": [elsewhere], "findings": [_finding("refuted", elsewhere)]}
    result = score(report, _entries(folder), folder, articles={"a", "b", "c"})
    assert (result.problems, len(result.false_positives)) == (1, 1)
