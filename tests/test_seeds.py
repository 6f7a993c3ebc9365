"""The bundled seed articles as a reader sees them: titles, dates, stories and page furniture.

Every expectation here was written by reading the five texts, line by line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.load import load_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return {article.id: article for article in load_articles([SEEDS])}


def lines_of(article, kind):
    return {block.line for block in article.blocks if block.kind == kind}


def story_of_line(article, line):
    (block,) = [b for b in article.blocks if b.line == line]
    return block.story


# (id, title, title line, published, boilerplate lines that must be marked, lines that must not be,
#  number of stories)
CASES = [
    (
        "000_3b08953fffa97431",
        "딥시크, 정말 혁신일까? – KAIST 김정호 교수의 냉철한 분석",
        1,
        None,
        # call to action, the video's credits, the owner's promo, hashtags, the blog's other posts
        {44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56},
        set(range(2, 43)),
        1,
    ),
    (
        "001_f7a9af24cacc642e",
        "DeepSeek: 인공지능의 새로운 게임 체인저인가? 전문가들의 시각",
        1,
        None,
        set(),  # an explainer with no page chrome at all
        set(range(1, 30)),
        1,
    ),
    (
        "002_0e2b5449ce5aef5f",
        "1조 들일 AI 훈련? 중국은 70억에 끝냈다…미국 AI 긴장",
        4,
        dt.date(2025, 4, 28),
        # greeting and section nav, counters, repeated title, summary label, logo, site section,
        # poll, vote count, poll question, comment counter, related/latest lists, feedback link
        {1, 2, 6, 7, 9, 40, 42, 44, 46, 48, 50, 52, 54, 56},
        {4, 11, 12, 13, 14, 16, 18, 20, 22, 24, 26, 28, 29, 30, 31, 33, 35, 37, 39},
        1,
    ),
    (
        "003_c74ff3c273b5c269",
        "딥시크의 의미",
        1,
        None,
        {3, 38, 42, 43},  # byline, image file name, tag label, link to the author's previous post
        {1, 5, 7, 10, 12, 14, 17, 20, 23, 25, 28, 30, 33, 36, 40},
        1,
    ),
    (
        "004_f05803455ba62a11",
        "[이번주 IT DAILY] 中 생성형 AI 기업 ‘딥시크’…효율성 혁신인가, 과장인가",
        1,
        dt.date(2025, 1, 31),
        {3, 7, 9, 11},  # the round-up's greeting, three related-article links
        {1, 4, 5, 6, 8, 10, 12, 13, 14, 15},
        2,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_seed_metadata_and_structure(seeds, case):
    article_id, title, title_line, published, furniture, story_lines, n_stories = case
    article = seeds[article_id]
    assert article.meta.title == title
    assert article.meta.published == published
    assert article.meta.source == "manifest"
    assert title_line in lines_of(article, "title")
    boilerplate = lines_of(article, "boilerplate")
    assert furniture <= boilerplate, f"not marked as furniture: {sorted(furniture - boilerplate)}"
    assert not (story_lines & boilerplate), (
        f"story marked as furniture: {sorted(story_lines & boilerplate)}"
    )
    assert len(article.stories) == n_stories
    for block in article.blocks:
        if block.kind == "boilerplate":
            assert block.reason, f"line {block.line} is furniture without a reason"


def test_every_nonblank_line_is_in_one_block(seeds):
    for article in seeds.values():
        lines = article.text.split("\n")
        covered = {}
        for block in article.blocks:
            assert article.text[block.start : block.end] == block.text
            for n in range(block.line, block.line + block.text.count("\n") + 1):
                assert n not in covered, f"{article.id} line {n} in two blocks"
                covered[n] = block
        nonblank = {i + 1 for i, line in enumerate(lines) if line.strip()}
        assert nonblank == set(covered), article.id


def test_sentences_point_into_the_file(seeds):
    for article in seeds.values():
        assert article.sentences
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert article.text.count("\n", 0, sentence.start) + 1 == sentence.line
            assert article.blocks[sentence.block].kind != "boilerplate"


def test_summary_bullets_of_the_news_page(seeds):
    article = seeds["002_0e2b5449ce5aef5f"]
    assert lines_of(article, "summary") == {11, 12, 13}
    summary = [s for s in article.sentences if s.section == "summary"]
    assert any("1/10" in s.text for s in summary)
    headline = [s for s in article.sentences if s.section == "headline"]
    assert any("70억에 끝냈다" in s.text for s in headline)
    # questions that head the sections are headings, not body paragraphs
    assert {16, 20, 24, 33, 37} <= lines_of(article, "heading")


def test_a_cost_sentence_stays_whole(seeds):
    article = seeds["002_0e2b5449ce5aef5f"]
    wanted = "딥시크는 최신 AI 모델 하나를 훈련하는 데 약 560만 달러(약 77억 원)밖에 안 들었다고 주장합니다."
    assert wanted in [s.text for s in article.sentences]


def test_round_up_items_are_separate_stories(seeds):
    article = seeds["004_f05803455ba62a11"]
    first, second = article.stories
    assert first.headline.startswith("◆ IT 업계 뒤흔든") or first.headline.startswith(
        "IT 업계 뒤흔든"
    )
    assert "국내 클라우드 시장 성숙기 진입" in second.headline
    assert {story_of_line(article, n) for n in (5, 6, 8, 10, 12)} == {first.index}
    assert {story_of_line(article, n) for n in (14, 15)} == {second.index}
    cost = [s for s in article.sentences if "560만 달러" in s.text]
    assert len(cost) == 1 and cost[0].story == first.index


def test_explainer_headings(seeds):
    article = seeds["001_f7a9af24cacc642e"]
    assert {2, 5, 8, 12, 15, 17, 20, 23, 26} <= lines_of(article, "heading")
