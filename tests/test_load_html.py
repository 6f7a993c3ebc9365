"""HTML pages: the article text is extracted, furniture kept aside, spans point into the source."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.load import load_articles
from claimcheck.load.html import html_units

FIXTURE = Path(__file__).parent / "fixtures" / "load" / "page.html"


def page():
    (article,) = load_articles([FIXTURE])
    return article


def visible(source_piece: str) -> str:
    """What a reader sees of a piece of HTML source, without spaces (to compare with extracts)."""
    no_tags = re.sub(r"<[^>]*>", "", source_piece)
    return "".join(htmllib.unescape(no_tags).split())


def test_title_from_h1_and_title_element_kept_aside():
    article = page()
    assert article.format == "html"
    assert article.meta.title == "엔비디아 주가 하루 만에 17% 급락"
    (title,) = [b for b in article.blocks if b.kind == "title"]
    assert title.line == 15  # the <h1>, not the <title> in the head
    tab = [b for b in article.blocks if b.reason and b.reason.startswith("html_title")]
    assert [b.text for b in tab] == ["엔비디아 주가 하루 만에 17% 급락 - 테크뉴스"]


def test_page_furniture_is_kept_with_reasons():
    article = page()
    reasons = {b.reason.split(":")[0] for b in article.blocks if b.kind == "boilerplate"}
    assert {
        "html_header",
        "html_nav",
        "html_aside",
        "html_footer",
        "html_script",
        "byline",
    } <= reasons
    aside = [b for b in article.blocks if b.reason and b.reason.startswith("html_aside")]
    assert article.text[aside[0].start : aside[0].end].startswith("<aside>")


def test_scripts_never_reach_the_claim_stream():
    article = page()
    story_text = " ".join(b.text for b in article.blocks if b.kind != "boilerplate")
    story_text += " ".join(s.text for s in article.sentences)
    assert "스크립트" not in story_text and "광고 문구" not in story_text
    assert "숨은 글자" not in story_text  # text inside a <style>


def test_sentences_are_extracted_text_with_source_spans():
    article = page()
    texts = [s.text for s in article.sentences]
    assert "브로드컴은 17.4% & 마벨은 19.1% 내렸다." in texts  # &amp; decoded
    assert '분석가들은 "과도한 반응"이라고 평가했다.' in texts
    assert "회사 측은 “수요는 여전히 강하다”고 밝혔다." in texts  # &ldquo; &rdquo;
    assert "다음 실적 발표는 2월 26일이다." in texts  # after a <br>
    # A sentence that wraps across source lines is one sentence, with whitespace collapsed.
    assert "미국 반도체 기업 엔비디아의 주가가 27일(현지시간) 하루 만에 17% 떨어졌다." in texts
    for sentence in article.sentences:
        assert visible(article.text[sentence.start : sentence.end]) == "".join(
            sentence.text.split()
        )
        assert article.text.count("\n", 0, sentence.start) + 1 == sentence.line


def test_list_items_and_headings():
    article = page()
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["왜 떨어졌나"] == "heading"
    assert kinds["나스닥 지수는 3.1% 하락했다."] == "body"


def test_page_without_article_element_and_text_split_by_br(tmp_path):
    path = tmp_path / "plain.html"
    path.write_text(
        "<html><head><title>배터리 값 하락</title></head><body>"
        "<div id='content'>배터리 값이 20% 내렸다.<br><br>업계는 반겼다.<br>"
        "<span>수요는 늘 전망이다.</span></div></body></html>",
        encoding="utf-8",
    )
    (article,) = load_articles([path])
    assert [b.kind for b in article.blocks] == ["title", "body", "body", "body"]
    assert [s.text for s in article.sentences[1:]] == [
        "배터리 값이 20% 내렸다.",
        "업계는 반겼다.",
        "수요는 늘 전망이다.",
    ]


def test_og_title_when_there_is_no_title_element(tmp_path):
    path = tmp_path / "og.html"
    path.write_text(
        '<html><head><meta property="og:title" content="반도체 수출 반등"></head>'
        "<body><p>수출이 늘었다.</p></body></html>",
        encoding="utf-8",
    )
    (article,) = load_articles([path])
    assert article.meta.title == "반도체 수출 반등"
    title = [b for b in article.blocks if b.kind == "title"][0]
    assert "og:title" in article.text[title.start : title.end]


def test_text_outside_the_article_element_is_furniture(tmp_path):
    path = tmp_path / "region.html"
    path.write_text(
        "<body><div>오늘의 날씨 맑음</div><article><h1>환율 급등</h1>"
        "<p>환율이 1,450원을 넘었다.</p></article><div>구독 문의 02-000-0000</div></body>",
        encoding="utf-8",
    )
    (article,) = load_articles([path])
    outside = [
        b.text for b in article.blocks if b.reason and b.reason.startswith("outside_article")
    ]
    assert outside == ["오늘의 날씨 맑음", "구독 문의 02-000-0000"]
    assert [s.text for s in article.sentences] == ["환율 급등", "환율이 1,450원을 넘었다."]


def test_malformed_html_still_loads(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<p>닫히지 않은 <b>굵은 글씨 <p>다음 문단이다. &bogus; 끝<", encoding="utf-8")
    (article,) = load_articles([path])
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.text)
    assert any("다음 문단이다." in s.text for s in article.sentences)


_HTML_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<script>",
        "</script>",
        "<nav>",
        "</nav>",
        "&amp;",
        "&lt;",
        "&#51060;",
        "수출이 늘었다.",
        " ",
        "\n",
        "<h2>",
        "</h2>",
        "<li>",
        "AI",
        "<!--",
        "-->",
        "<",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_HTML_BITS, max_size=25).map("".join))
def test_extraction_never_crashes_and_spans_stay_in_the_source(source):
    for unit in html_units(source):
        assert 0 <= unit.start <= unit.end <= len(source)
        if unit.char_spans is not None:
            assert len(unit.char_spans) == len(unit.text)


# --- what a page says about itself in its <head> ------------------------------------------------

WITH_META = Path(__file__).parent / "fixtures" / "load" / "page_with_meta.html"


def test_metadata_from_the_pages_own_meta_tags():
    (article,) = load_articles([WITH_META])
    meta = article.meta
    assert meta.source == "html_meta"
    assert meta.outlet == "한빛경제" and meta.author == "김서연 기자"
    # 01:40 on the 18th in Seoul: the page's own date, not the UTC one (the 17th).
    assert meta.published.isoformat() == "2025-02-18"
    assert meta.url == "https://news.example.kr/article/20250217-0001?from=rss"  # canonical first
    assert meta.language == "ko"
    assert set(meta.unknown) == {"kind"}


def test_meta_tags_that_say_nothing_usable_are_left_unknown(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        '<html><head><meta property="article:author" content="https://x.example/u/7">'
        '<meta name="date" content="어제 오후"><link rel="canonical" href="/a/1"></head>'
        "<body><article><h1>제목</h1><p>본문 문장이다.</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = load_articles([page])
    assert article.meta.author is None and article.meta.published is None
    assert article.meta.url is None
    assert {"author", "published", "url"} <= set(article.meta.unknown)


def test_a_manifest_entry_wins_over_the_pages_meta_tags(tmp_path):
    import shutil

    shutil.copy(WITH_META, tmp_path / "page_with_meta.html")
    (tmp_path / "manifest.yaml").write_text(
        "articles:\n"
        "  - id: page_with_meta\n"
        "    file: page_with_meta.html\n"
        '    title: {value: "딥시크 앱 다운로드 중단", line: 6}\n'
        '    outlet: {value: "한빛경제 온라인", line: 7}\n'
        '    author: {value: null, reason: "checked by hand: a desk byline"}\n'
        '    published: {value: "2025-02-17", line: 10}\n'
        '    kind: {value: news, reason: "a news report"}\n'
        '    language: {value: ko, reason: "Korean"}\n',
        encoding="utf-8",
    )
    (article,) = load_articles([tmp_path])
    assert article.meta.source == "manifest"
    assert article.meta.outlet == "한빛경제 온라인" and article.meta.author is None
    assert article.meta.published.isoformat() == "2025-02-17"


def test_meta_tags_in_the_body_speak_for_something_else(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="한빛경제"></head><body><article>'
        "<h1>제목</h1><p>본문 문장이다.</p></article><aside><div itemscope>"
        '<meta itemprop="datePublished" content="2019-03-01"><meta name="author" content="다른 기자">'
        "<a href='/old'>예전 기사</a></div></aside></body></html>",
        encoding="utf-8",
    )
    (article,) = load_articles([page])
    assert article.meta.outlet == "한빛경제"
    assert article.meta.published is None and article.meta.author is None
