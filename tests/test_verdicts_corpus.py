"""The verdict-trust corpus (tests/corpus/ko/verdicts): well formed, and the report's problem
verdicts on it and on the seeds above the floors. The held-out corpora
(tests/corpus/ko/verdicts_holdout to verdicts_holdout10, verdict_scoring.HOLDOUTS) are checked for
form only: they have no floors, they measure.

Expectations were written by reading the articles, never from the report. Current figures:
`python benchmarks/verdicts.py --verbose`.
"""

from __future__ import annotations

from collections import Counter
from typing import get_args

import pytest
from verdict_scoring import (
    CORPUS,
    HOLDOUTS,
    SEEDS,
    SEEDS_EXPECTED,
    Trap,
    TrapClass,
    article_files,
    article_text,
    corpus_entries,
    expectation_files,
    expected_path,
    occurrences,
    read_expected,
    score_corpus,
    score_seeds,
)

# raised by the lead once the verdict rules land
FLOORS = {
    # just below the figures measured after the fifth pass of issue 14's rules (corpus 98.4%
    # and 92.6%, seeds 86.7% and 78.6%); the target is 0.9 for both on the corpus (met);
    # the held-out sets say how far that generalises (README: Verdicts you can trust)
    "corpus_precision": 0.98,
    "corpus_recall": 0.92,
    "seeds_precision": 0.85,
    "seeds_recall": 0.75,
}
MIN_ARTICLES = 15
MIN_PER_TRAP_CLASS = 3
HOLDOUT_MIN_ARTICLES = 8
HOLDOUT_MIN_PER_TRAP_CLASS = 2
# the registers the corpora are written in (front matter `kind`; the tool reads only round-up and
# newsletter from it)
ARTICLE_KINDS = {
    "news",
    "blog",
    "newsletter",
    "explainer",
    "round-up",
    "essay",
    "analysis",
    "oped",
    "contribution",
    "feature",
    # the kinds the fourth pass's writers were offered
    "market",
    "roundup",
    "interview",
}


# the held-out sets in the order they were written (verdict_scoring.HOLDOUTS)
HELD_OUT = list(HOLDOUTS.values())
ALL_ARTICLES = [path for folder in [CORPUS, *HELD_OUT] for path in article_files(folder)]


def _id(path):
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=_id)
def test_article_loads_with_its_front_matter(path):
    from claimcheck.load import load_article

    meta = load_article(path).meta
    assert meta.source == "front_matter"
    assert meta.title and meta.outlet and meta.author
    assert meta.kind in ARTICLE_KINDS
    assert meta.language == "ko"
    assert meta.published is not None
    # (the window of the stories, within the rate table: the last half-year review is of 30 June)
    assert "2025-01-20" <= meta.published.isoformat() <= "2025-06-30"


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=_id)
def test_article_has_expectations_with_figures_that_occur_once(path):
    expected_file = expected_path(path)
    assert expected_file.exists(), f"{path.name} has no {expected_file.name}"
    expected = read_expected(expected_file)
    assert expected.flags or expected.not_flagged, f"{expected_file.name} expects nothing"
    text = article_text(path)
    for entry in [*expected.flags, *expected.not_flagged]:
        assert entry.article is None, f"{expected_file.name}: `article:` is for seeds only"
        count = len(occurrences(text, entry.figure))
        assert count == 1, f"{path.name}: «{entry.figure}» occurs {count} times"
    for flag in expected.flags:
        for reference in flag.with_:
            file_name, sep, snippet = reference.partition(": ")
            # a `with` names an article of the same folder (each folder is reported in its own run)
            other = path.parent / file_name
            assert sep and other.exists(), f"{path.name}: bad `with` {reference!r}"
            count = len(occurrences(article_text(other), snippet))
            assert count == 1, f"{path.name}: with «{snippet}» occurs {count} times in {file_name}"


@pytest.mark.parametrize("folder", [CORPUS, *HELD_OUT], ids=lambda f: f.name)
def test_every_expectation_file_has_its_article(folder):
    for path in expectation_files(folder):
        if path.name == SEEDS_EXPECTED.name:
            continue
        assert path.with_suffix("").with_suffix(".txt").exists(), f"{path.name} has no article"


def test_every_trap_class_is_planted_several_times():
    classes = Counter(e.cls for _, e in corpus_entries() if isinstance(e, Trap))
    thin = {c: classes[c] for c in get_args(TrapClass) if classes[c] < MIN_PER_TRAP_CLASS}
    assert not thin, f"trap classes planted fewer than {MIN_PER_TRAP_CLASS} times: {thin}"


def test_corpus_has_enough_articles():
    assert len(article_files()) >= MIN_ARTICLES


@pytest.mark.parametrize("folder", HELD_OUT, ids=lambda f: f.name)
def test_holdout_has_enough_articles_and_every_trap_class_twice(folder):
    assert len(article_files(folder)) >= HOLDOUT_MIN_ARTICLES
    classes = Counter(e.cls for _, e in corpus_entries(folder) if isinstance(e, Trap))
    thin = {c: classes[c] for c in get_args(TrapClass) if classes[c] < HOLDOUT_MIN_PER_TRAP_CLASS}
    assert not thin, f"{folder.name} trap classes planted fewer than twice: {thin}"


@pytest.mark.parametrize("folder", HELD_OUT, ids=lambda f: f.name)
def test_holdout_articles_are_not_articles_of_an_earlier_corpus(folder):
    # a held-out article copied from a corpus written before it would no longer be held out
    corpora = [CORPUS, *HELD_OUT]
    earlier = corpora[: corpora.index(folder)]
    texts = {article_text(path): f.name for f in earlier for path in article_files(f)}
    for path in article_files(folder):
        text = article_text(path)
        assert text not in texts, f"{path.name} is also in {texts.get(text)}"


# From the third held-out set on, no line of an earlier set's articles (sets written at the same
# time, neither seeing the other, are still checked against each other)
_FURNITURE = ("※", "ⓒ", "©", "Copyright")


def _furniture(line: str) -> bool:
    """A disclaimer, a copyright line or a byline with its e-mail address: page furniture."""
    return line.startswith(_FURNITURE) or "@" in line


@pytest.mark.parametrize(
    "folder, earlier",
    [(folder, [CORPUS, *HELD_OUT[:i]]) for i, folder in enumerate(HELD_OUT) if i >= 2],
    ids=lambda value: value.name if hasattr(value, "name") else "",
)
def test_later_holdout_shares_no_sentence_with_an_earlier_corpus(folder, earlier):
    # stricter than whole-text equality: no line of prose (30 characters or more) may be reused;
    # page furniture ("※ 외부 필자의 기고는 …", "ⓒ …", a byline's e-mail) repeats across pages
    seen = {
        line.strip()
        for f in earlier
        for path in article_files(f)
        for line in article_text(path).splitlines()
        if len(line.strip()) >= 30 and not _furniture(line.strip())
    }
    for path in article_files(folder):
        reused = [line for line in article_text(path).splitlines() if line.strip() in seen]
        assert not reused, f"{path.name} reuses {reused[0]!r}"


# the sets from the second on were asked for every kind of planted problem
@pytest.mark.parametrize("folder", HELD_OUT[1:], ids=lambda f: f.name)
def test_holdout_plants_the_real_problems_the_brief_asked_for(folder):
    # The later holdouts measure recall on each kind of planted problem: at least one flag of each.
    flag_classes = Counter(e.cls for _, e in corpus_entries(folder) if not isinstance(e, Trap))
    wanted = {
        "wrong_conversion",
        "wrong_model",
        "wrong_figure",
        "understating",
        "headline_body",
        "contradiction",
        "scope_dispute",
    }
    assert not wanted - set(flag_classes), f"missing flag classes: {wanted - set(flag_classes)}"


@pytest.mark.skipif(not SEEDS_EXPECTED.exists(), reason="seeds.expected.yaml comes from i14corpusB")
def test_seed_expectations_name_seed_files_and_occur_once():
    expected = read_expected(SEEDS_EXPECTED)
    for entry in [*expected.flags, *expected.not_flagged]:
        assert entry.article and (SEEDS / entry.article).exists(), f"bad article {entry.article!r}"
        count = len(occurrences(article_text(SEEDS / entry.article), entry.figure))
        assert count == 1, f"{entry.article}: «{entry.figure}» occurs {count} times"


@pytest.fixture(scope="module")
def corpus_score():
    return score_corpus()


def test_corpus_precision_and_recall_are_above_the_floors(corpus_score):
    assert corpus_score.precision >= FLOORS["corpus_precision"], "\n".join(
        corpus_score.false_positives
    )
    assert corpus_score.recall >= FLOORS["corpus_recall"], "\n".join(corpus_score.misses)


def test_corpus_flags_are_counted(corpus_score):
    # The scorer saw every flag of every article (a flag lost in scoring would inflate recall).
    flags = sum(len(read_expected(expected_path(p)).flags) for p in article_files())
    assert corpus_score.flags == flags > 0
    judged = corpus_score.true_positives + len(corpus_score.false_positives)
    assert judged + len(corpus_score.allowed) == corpus_score.problems


@pytest.mark.skipif(not SEEDS_EXPECTED.exists(), reason="seeds.expected.yaml comes from i14corpusB")
def test_seed_precision_and_recall_are_above_the_floors():
    seeds = score_seeds()
    assert seeds.precision >= FLOORS["seeds_precision"], "\n".join(seeds.false_positives)
    assert seeds.recall >= FLOORS["seeds_recall"], "\n".join(seeds.misses)


def test_a_false_alarm_on_a_planted_error_is_counted_apart_and_still_a_false_alarm(tmp_path):
    """A 'contradiction' between a planted wrong figure (whose flag asks for 'refuted') and another
    article's figure is a false positive, and one of those on a planted error; a contradiction
    between two unflagged figures is a false positive of the other kind."""
    from verdict_scoring import Flag, score

    body = "---\ntitle: t\n---\n엔비디아는 시가총액 4890억 달러를 잃었다. 코스피는 0.77% 내렸다.\n"
    (tmp_path / "01_a.txt").write_text(body, encoding="utf-8")
    text = (tmp_path / "01_a.txt").read_text(encoding="utf-8")
    wrong, kospi = text.index("4890억 달러"), text.index("0.77%")
    flag = Flag.model_validate(
        {"figure": "4890억 달러", "verdicts": ["refuted"], "class": "wrong_figure", "why": "w"}
    )

    def claim(cid, at, length):
        quantity = {"start": at, "end": at + length, "text": text[at : at + length]}
        return {"id": cid, "article": "01_a", "quantity": quantity}

    def finding(*ids):
        return {
            "verdict": "contradiction",
            "kind": "cross_source",
            "articles": ["01_a"],
            "claims": list(ids),
            "at_issue": list(ids),
            "topic": "t",
        }

    report = {
        "claims": [claim("w", wrong, 8), claim("k", kospi, 5), claim("o", 0, 3)],
        "findings": [finding("w", "o"), finding("k", "o")],
    }
    scored = score(report, [(tmp_path / "01_a.txt", flag)], tmp_path)
    assert scored.false_positive_count == 2
    assert scored.on_a_flag == 1
    assert scored.true_positives == 0
