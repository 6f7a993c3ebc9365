"""Separating the story from the page: title, summary, headings, furniture and stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from claimcheck.load import load_articles
from claimcheck.load.furniture import match_line
from claimcheck.load.rules import Boilerplate, boilerplate, sentence_data

FIXTURES = Path(__file__).parent / "fixtures" / "load"


def load(name: str):
    (article,) = load_articles([FIXTURES / name])
    return article


def by_line(article):
    return {block.line: block for block in article.blocks}


def rule_of(block) -> str | None:
    return block.reason.split(":", 1)[0] if block.reason else None


def write(tmp_path, text: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (article,) = load_articles([path])
    return article


# --- a news page with its chrome -----------------------------------------------------------


def test_news_page_chrome_is_furniture_with_the_rule_that_saw_it():
    blocks = by_line(load("news_page.txt"))
    expected = {
        1: "before_title",  # the site's name above the headline
        2: "breadcrumb",
        3: "ui_words",
        7: "counter",  # 입력 … | 수정 …
        8: "byline",
        9: "ui_words",  # share buttons
        10: "counter",
        15: "related_link",
        19: "byline",
        20: "copyright",
        22: "article_list_label",
        23: "list_item",
        24: "list_item",
        25: "article_list_label",
        26: "list_item",
        27: "list_item",
        28: "call_to_action",
    }
    for line, rule in expected.items():
        assert blocks[line].kind == "boilerplate", line
        assert rule_of(blocks[line]) == rule, (line, blocks[line].reason)
    assert blocks[5].kind == "title"
    assert blocks[16].kind == "heading"  # "하반기 전망은?"
    assert rule_of(blocks[16]) == "short_line"
    assert rule_of(blocks[5]) == "first_headline"  # no metadata: the first headline-like line
    assert {blocks[n].kind for n in (12, 13, 14, 17)} == {"body"}


def test_news_page_sentences_come_only_from_the_story():
    article = load("news_page.txt")
    texts = [s.text for s in article.sentences]
    assert "지난달 국내 반도체 수출액이 1년 전보다 8.2% 늘어난 112억 달러를 기록했다." in texts
    assert not any("무단전재" in t or "@" in t or "관련기사" in t for t in texts)
    assert article.meta.title == "국내 반도체 수출, 두 달 연속 증가세…AI 서버 수요가 견인"
    assert article.meta.source == "none"
    assert len(article.stories) == 1 and article.stories[0].line == 5


# --- a blog post --------------------------------------------------------------------------


def test_blog_post_footer():
    blocks = by_line(load("blog_post.txt"))
    expected = {
        2: "byline",
        5: "image_file",
        8: "counter",
        10: "promo_line",
        11: "hashtags",
        12: "tag_label",
        13: "article_list_label",
        14: "list_item",
        15: "list_item",
        16: "blog_post_list",
        17: "blog_post_list",
    }
    for line, rule in expected.items():
        assert rule_of(blocks[line]) == rule, (line, blocks[line].reason)
    assert blocks[1].kind == "title"
    assert blocks[6].kind == "heading"  # "결론: …"
    assert {blocks[n].kind for n in (3, 4, 7)} == {"body"}


# --- a round-up ---------------------------------------------------------------------------


def test_round_up_is_split_into_stories():
    article = load("roundup.txt")
    blocks = by_line(article)
    assert [s.headline for s in article.stories] == [
        "글로벌 클라우드 3사, 4월부터 요금 최대 15% 인상",
        "전기차 배터리 재활용 시장, 2030년 20조 원 규모",
    ]
    assert [s.line for s in article.stories] == [4, 8]
    assert rule_of(blocks[2]) == rule_of(blocks[3]) == "roundup_preamble"
    assert rule_of(blocks[6]) == "related_link"
    assert rule_of(blocks[10]) == "copyright"
    assert {blocks[n].story for n in (4, 5, 7)} == {0}
    assert {blocks[n].story for n in (8, 9)} == {1}
    # The page title names neither item, so it belongs to no story and yields no sentence.
    assert blocks[1].kind == "title" and blocks[1].story is None
    assert not [s for s in article.sentences if s.line == 1]
    money = [s for s in article.sentences if "20조 원" in s.text]
    assert {s.story for s in money} == {1}
    headlines = [s for s in article.sentences if s.section == "headline"]
    assert [s.line for s in headlines] == [4, 8]
    assert headlines[0].text == "글로벌 클라우드 3사, 4월부터 요금 최대 15% 인상"


def test_round_up_title_joins_the_story_it_repeats(tmp_path):
    article = write(
        tmp_path,
        "[주간 브리핑] 반도체 수출 석 달 연속 증가\n"
        "이번 주 소식입니다.\n"
        "◆ 반도체 수출 석 달 연속 증가\n수출이 늘었다.\n"
        "◆ 게임 업계 신작 경쟁\n신작이 쏟아졌다.\n",
    )
    assert article.blocks[0].story == 0
    assert article.sentences[0].section == "headline" and article.sentences[0].story == 0


def test_marked_section_headings_of_an_article_are_not_a_round_up(tmp_path):
    # Two ■ lines but nothing announces a collection of news: they head sections of one story.
    article = write(
        tmp_path,
        "전기료 인상의 속사정\n한국전력의 적자가 커졌다.\n■ 적자의 원인\n연료비가 올랐다.\n"
        "■ 남은 과제\n요금 체계를 바꿔야 한다.\n",
    )
    assert len(article.stories) == 1
    assert [b.kind for b in article.blocks] == [
        "title",
        "body",
        "heading",
        "body",
        "heading",
        "body",
    ]
    assert rule_of(article.blocks[2]) == "marker_heading"


def test_the_stated_kind_decides_a_round_up(tmp_path):
    items = "■ 첫 소식 제목\n첫 소식이다.\n■ 둘째 소식 제목\n둘째 소식이다.\n"
    (tmp_path / "news.md").write_text(
        "---\nkind: news\n---\n주간 소식 모음 제목\n\n" + items.replace("\n", "\n\n"),
        encoding="utf-8",
    )
    (tmp_path / "letter.md").write_text(
        "---\nkind: newsletter\n---\n전력 시장 동향\n\n" + items.replace("\n", "\n\n"),
        encoding="utf-8",
    )
    letter, news = load_articles([tmp_path])
    assert len(news.stories) == 1  # a cue word, but the metadata says it is one story
    assert len(letter.stories) == 2  # no cue word, but the metadata says it is a newsletter


def test_a_dateline_is_not_part_of_the_first_sentence(tmp_path):
    article = write(
        tmp_path,
        "미 증시 급락\n(뉴욕=한빛통신) 정다은 특파원 = 나스닥이 3% 내렸다. 반도체가 약했다.\n"
        "[한빛일보 김하늘 기자] 코스피도 1% 내렸다.\n",
    )
    texts = [s.text for s in article.sentences]
    assert texts == [
        "미 증시 급락",
        "나스닥이 3% 내렸다.",
        "반도체가 약했다.",
        "코스피도 1% 내렸다.",
    ]
    assert article.blocks[1].text.startswith("(뉴욕=한빛통신)")  # the block keeps the line whole


def test_a_single_marker_does_not_make_a_round_up(tmp_path):
    article = write(tmp_path, "제목 한 줄입니다\n◆ 소제목 하나\n본문은 여기에 있다.\n")
    assert len(article.stories) == 1
    assert article.blocks[1].kind == "heading"


# --- summary, title, headings -----------------------------------------------------------


def test_summary_bullets_follow_their_label(tmp_path):
    article = write(
        tmp_path,
        "클라우드 요금 인상 본격화\n세 줄 요약\n- 3사가 요금을 올린다.\n- 인상 폭은 최대 15%.\n"
        "- 스타트업 부담이 커진다.\n본문은 이렇게 시작한다.\n",
    )
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["title", "boilerplate", "summary", "summary", "summary", "body"]
    summary = [s.text for s in article.sentences if s.section == "summary"]
    assert summary == ["3사가 요금을 올린다.", "인상 폭은 최대 15%.", "스타트업 부담이 커진다."]


def test_deck_lines_under_the_title_are_the_summary(tmp_path):
    # the deck (부제) sums the story up like the title does: its figures are checked against
    # the body (issue 14), so it must not be read as body text
    article = write(
        tmp_path,
        "반도체주 일제히 급락…외국인 매도 폭탄\n- 삼성전자 4% 하락, 소부장주 동반 약세\n"
        "외국인 5000억 원 순매도\n\n입력 2025.02.03 15:40\n\n"
        "[시험일보 김하나 기자] 3일 삼성전자는 전 거래일보다 3.9% 내린 5만2000원에 마감했다.\n",
    )
    kinds = [(b.line, b.kind) for b in article.blocks]
    assert kinds[:3] == [(1, "title"), (2, "summary"), (3, "summary")]
    summary = [s.text for s in article.sentences if s.section == "summary"]
    assert summary == ["삼성전자 4% 하락, 소부장주 동반 약세", "외국인 5000억 원 순매도"]


def test_a_numbered_or_marked_line_under_the_title_opens_a_section_not_a_deck(tmp_path):
    article = write(
        tmp_path, "생성형 AI 시장 전망\n1. 시장 규모\n시장은 커지고 있다.\n◆ 소제목\n본문이다.\n"
    )
    assert [b.kind for b in article.blocks][:2] == ["title", "heading"]
    article = write(
        tmp_path, "생성형 AI 시장 전망 정리\n◆ 시장 규모 커진다\n시장은 커지고 있다.\n", "b.txt"
    )
    assert [b.kind for b in article.blocks][:2] == ["title", "heading"]


def test_a_sentence_under_the_title_is_body_not_a_deck(tmp_path):
    article = write(tmp_path, "전력 수요 사상 최대\n어제 전력 수요가 최대를 기록했다.\n")
    assert [b.kind for b in article.blocks] == ["title", "body"]


def test_title_shown_twice_wins_over_a_greeting(tmp_path):
    article = write(
        tmp_path,
        "어서 오세요\n전력 수요 사상 최대\n조회 1,024\n전력 수요 사상 최대\n"
        "어제 전력 수요가 최대를 기록했다.\n",
    )
    kinds = [(b.line, b.kind, rule_of(b)) for b in article.blocks]
    assert kinds[1] == (2, "title", "shown_twice_title")
    assert kinds[0] == (1, "boilerplate", "before_title")
    assert kinds[3] == (4, "boilerplate", "repeated_title")


def test_manifest_title_is_found_after_normalisation(tmp_path):
    (tmp_path / "a.md").write_text(
        '---\ntitle: "AI 투자 ５０％ 증가"\n---\n잡지 이름\n\nAI 투자 50% 증가\n\n투자가 늘었다.\n',
        encoding="utf-8",
    )
    (article,) = load_articles([tmp_path / "a.md"])
    title = [b for b in article.blocks if b.kind == "title"]
    assert [b.line for b in title] == [6]


def test_runs_of_short_lines_are_a_list_not_headings(tmp_path):
    article = write(
        tmp_path,
        "AI 반도체 3종 비교\n세 제품을 비교했다.\n제품 가격 전력\n"
        "A칩 300달러 200W\nB칩 250달러 180W\n가격은 B칩이 가장 쌌다.\n"
        "왜 싸졌나?\n공정이 바뀌었기 때문이다.\n",
    )
    kinds = {b.line: b.kind for b in article.blocks}
    assert [kinds[n] for n in (3, 4, 5)] == ["body"] * 3
    assert kinds[7] == "heading"


def test_numbered_and_labelled_headings(tmp_path):
    article = write(
        tmp_path,
        "생성형 AI 시장 전망\n1. 시장 규모\n시장은 커지고 있다.\n- 국내: 성장 둔화 우려\n"
        "국내는 더디다.\n결론: 기회와 위험이 함께 있다\n대비가 필요하다.\n",
    )
    kinds = {b.line: b.kind for b in article.blocks}
    assert [kinds[n] for n in (2, 4, 6)] == ["heading"] * 3
    rules = [rule_of(article.blocks[n - 1]) for n in (2, 4, 6)]
    assert rules == ["numbered_heading", "dash_subhead", "label_heading"]
    heading_sentences = [
        s.text for s in article.sentences if article.blocks[s.block].kind == "heading"
    ]
    assert heading_sentences == [
        "시장 규모",
        "국내: 성장 둔화 우려",
        "결론: 기회와 위험이 함께 있다",
    ]


def test_markdown_article(tmp_path):
    article = load("article.md")
    blocks = by_line(article)
    assert blocks[1].kind == "boilerplate" and rule_of(blocks[1]) == "front_matter"
    assert blocks[1].text.count("\n") == 7  # the whole front matter, lines 1-8
    assert blocks[10].kind == "title"
    assert blocks[15].kind == "heading"
    assert rule_of(blocks[22]) == "separator_row"
    assert rule_of(blocks[24]) == "hashtags"
    first = article.sentences[1]
    assert first.text == "국내 기업의 오픈소스 AI 모델 도입률이\n1년 만에 두 배로 늘었다."
    assert first.line == 12
    assert article.sentences[0].text == "오픈소스 모델, 기업 도입 1년 만에 두 배"  # without "# "


# --- invariants over every fixture ---------------------------------------------------------


@pytest.mark.parametrize("name", ["news_page.txt", "blog_post.txt", "roundup.txt", "article.md"])
def test_every_line_in_one_block_and_spans_exact(name):
    article = load(name)
    covered: dict[int, int] = {}
    for index, block in enumerate(article.blocks):
        assert article.text[block.start : block.end] == block.text
        assert article.text.count("\n", 0, block.start) + 1 == block.line
        for n in range(block.line, block.line + block.text.count("\n") + 1):
            assert n not in covered
            covered[n] = index
        if block.kind == "boilerplate":
            assert block.reason and block.story is None
    nonblank = {i + 1 for i, line in enumerate(article.text.split("\n")) if line.strip()}
    assert set(covered) == nonblank
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert article.blocks[sentence.block].kind != "boilerplate"
        assert article.blocks[sentence.block].story == sentence.story


def test_crlf_lines_keep_exact_spans(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("수출 늘어\r\n\r\n수출이 늘었다. 수입은 줄었다.\r\n".encode())
    (article,) = load_articles([path])
    assert [b.line for b in article.blocks] == [1, 3]
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert article.sentences[-1].text == "수입은 줄었다."


# --- the rules themselves ------------------------------------------------------------------

FURNITURE = [
    ("댓글 12 · 공유 3 · 조회수 1,204", "counter"),
    ("2025.03.02 14:05", "page_timestamp"),
    ("뉴스 > 경제 > 반도체", "breadcrumb"),
    ("공유하기 인쇄 글자크기", "ui_words"),
    ("박민수 기자 minsu@example.kr", "byline"),
    ("by 새벽산책", "byline"),
    ("Copyright © 2025 Example Media. All rights reserved.", "copyright"),
    ("무단 전재 및 재배포를 금지합니다.", "copyright"),
    ("#반도체 #수출 #AI", "hashtags"),
    ("photo_01.JPEG", "image_file"),
    ("사진=게티이미지", "photo_credit"),
    ("한빛일보 로고", "logo_alt"),
    ("찬반 투표", "poll"),
    ("총 투표수 1,203", "poll"),
    ("구독과 좋아요 부탁드립니다!", "call_to_action"),
    ("출처: 통계청 보도자료", "source_credit"),
    ("▶ 관련 기사: 반도체 업황 반등", "related_link"),
    ("많이 본 기사", "article_list_label"),
    ("이전글 겨울 여행 준비", "previous_next_post"),
    ("다이어트 식단 정리 (3) | 2024.11.02 |", "blog_post_list"),
    ("|---|---|", "separator_row"),
    ("★ ★ ★", "decoration"),
    ("2줄 요약", "summary_label"),
    ("키워드", "tag_label"),
    ("[함께 보면 좋은 기사] 배터리 값 3년 만에 최저", "related_link"),
    ("지난 호 보기: 제12호 · 제11호", "previous_next_post"),
    ("코스피 2,480.10 ▲12.3 | 코스닥 701.2 ▼3.1 | 환율 1,440.5", "market_ticker"),
    ("좋아요 12 · 슬퍼요 1 · 화나요 3", "reactions"),
    ("기자 구독 1,208", "counter"),
    ("이 기사를 추천합니다 👍 5", "call_to_action"),
    ("서해신문 | 사회 | 2025년 3월 4일 화요일 B2면", "print_page_line"),
    ("종합 | 2025.02.11 | 지면 A1", "print_page_line"),
]
PROSE = [
    "댓글 기능을 없앤 뒤 방문자가 30% 줄었다.",
    "기자회견에서 김 대표는 투자를 늘리겠다고 말했다.",
    "사진 한 장이 시장을 흔들었다는 분석이 나온다.",
    "관련 기업들의 주가는 일제히 올랐다.",
    "이전 모델보다 비용이 10분의 1로 줄었습니다.",
    "공유 경제 모델은 여전히 유효할까?",
    "미국의 대응 전략",
    "AI 학습 비용 560만 달러의 진실",
    "삼성전자 | 2025년 1분기 영업이익 6조6000억 원",  # a figure line with a pipe, no page
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE, ids=[f[0] for f in FURNITURE])
def test_furniture_lines(line, rule):
    found = match_line(line)
    assert found is not None and found.rule == rule


@pytest.mark.parametrize("line", PROSE)
def test_story_lines_are_not_furniture(line):
    assert match_line(line) is None


def test_data_files_are_valid():
    data = boilerplate()
    assert len({f.name for f in data.families}) == len(data.families)
    assert all(f.reason for f in data.families)
    assert "다" in sentence_data().final_syllables


def test_a_typo_in_the_data_fails_loudly():
    raw = boilerplate().model_dump()
    raw["families"][0]["reasn"] = "typo"
    with pytest.raises(ValidationError):
        Boilerplate.model_validate(raw)
    raw = boilerplate().model_dump()
    raw["families"].append(dict(raw["families"][0]))
    with pytest.raises(ValidationError, match="duplicate family"):
        Boilerplate.model_validate(raw)


_LINES = st.sampled_from(
    [
        "반도체 수출 증가",
        "수출이 8% 늘었다. 수입은 줄었다.",
        "댓글 3 · 공유 1",
        "◆ 첫째 소식",
        "■ 둘째 소식",
        "세 줄 요약",
        "• 1 요약 문장이다.",
        "#태그 #둘",
        "관련 기사",
        "짧은 줄",
        '그는 "좋다"고 말했다.',
        "ⓒ 2025 어느 신문",
        "",
        "   ",
        "１０％ 늘었다…",
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=14))
def test_any_page_keeps_every_line_and_exact_spans(tmp_path_factory, lines):
    text = "\n".join(lines)
    if not text.strip():
        return
    path = tmp_path_factory.mktemp("pages") / "page.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = load_articles([path])
    lines_in_blocks = sorted(b.line for b in article.blocks)
    nonblank = [i + 1 for i, line in enumerate(article.text.split("\n")) if line.strip()]
    assert lines_in_blocks == nonblank
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text
        assert (block.kind == "boilerplate") == (block.story is None) or block.kind == "title"
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert 0 <= sentence.story < len(article.stories)
        assert article.blocks[sentence.block].kind != "boilerplate"


def test_a_numbered_round_up_item_may_end_as_a_sentence_does(tmp_path):
    # "▶ 2. 반도체 수출, 석 달째 늘었다": a numbered item headline, though it ends in 다 without
    # a period; an unnumbered line that ends so stays prose.
    items = (
        "▶ 1. 새 모델 공개 소식\n\n첫 소식이다.\n\n▶ 2. 반도체 수출, 석 달째 늘었다\n\n"
        "둘째 소식이다.\n\n▶ 3. 다음 주 일정\n\n셋째 소식이다.\n"
    )
    (tmp_path / "letter.md").write_text(
        "---\nkind: newsletter\n---\n주간 레터\n\n" + items, encoding="utf-8"
    )
    (article,) = load_articles([tmp_path])
    assert len(article.stories) == 3
    assert article.stories[1].headline == "2. 반도체 수출, 석 달째 늘었다"


def test_a_paragraph_that_is_one_quotation_holds_several_sentences(tmp_path):
    # An interview's answer quoted whole is several sentences; a quotation closed inside a
    # sentence ('…했다"고 말했다') still does not end it.
    article = write(
        tmp_path,
        "인터뷰 제목\n―GPU는 몇 장인가.\n"
        '"H100 64장이다. 연말까지 128장으로 늘린다."\n'
        '김 대표는 "작게 시작했다. 그래도 충분하다"고 말했다.\n',
    )
    texts = [s.text for s in article.sentences]
    assert '"H100 64장이다.' in texts and '연말까지 128장으로 늘린다."' in texts
    assert '김 대표는 "작게 시작했다. 그래도 충분하다"고 말했다.' in texts


def test_a_numbered_label_does_not_end_a_sentence(tmp_path):
    # "오해 1." labels the line; "2025. 1." style dates and a sentence ending in a figure still
    # behave as before
    article = write(
        tmp_path, '팩트체크\n오해 1. "HBM 없이 만들었다"\n점유율은 12. 지난해보다 늘었다.\n'
    )
    texts = [s.text for s in article.sentences]
    assert '오해 1. "HBM 없이 만들었다"' in texts
    assert "점유율은 12." in texts and "지난해보다 늘었다." in texts
