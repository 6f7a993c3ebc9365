"""HTML export without a browser: structure, self-containment, escaping and highlighting."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from render_report import IMG, SCRIPT, A, report

from claimcheck.models import Article, ArticleMeta, Block, Claim
from claimcheck.render import RenderOptions, render, select_findings


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside <mark> and <strong> elements."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self.strong: list[str] = []
        self.paragraphs: list[str] = []
        self._open: list[str] = []
        self._in_context = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self.marks.append("")
        if tag == "strong":
            self.strong.append("")
        if tag == "p" and dict(attrs).get("class") == "context":
            self.paragraphs.append("")
            self._in_context = True
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_context = False
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data):
        if "mark" in self._open:
            self.marks[-1] += data
        if "strong" in self._open:
            self.strong[-1] += data
        if self._in_context:
            self.paragraphs[-1] += data

    def having(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def _html(include_all: bool = False, **options) -> str:
    rep = report()
    return render("html", rep, select_findings(rep, include_all), RenderOptions(**options)).decode()


def test_is_one_page_with_viewport_and_a_csp_that_forbids_scripts():
    text = _html()
    assert text.startswith("<!DOCTYPE html>")
    page = Page(text)
    metas = page.having("meta")
    csp = next(m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "style-src 'unsafe-inline'" in csp
    assert "script-src" not in csp  # default-src 'none' covers scripts
    assert any(m.get("name") == "viewport" and "width=device-width" in m["content"] for m in metas)


def test_self_contained_no_scripts_no_external_assets():
    page = Page(_html(include_all=True))
    names = {name for name, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base"}
    for name, attrs in page.tags:
        assert "src" not in attrs, name
        assert not any(key.startswith("on") for key in attrs), (name, attrs)
        if "href" in attrs and name != "a":
            raise AssertionError(f"{name} loads {attrs['href']}")
    # The only links: anchors within the page, and the reference source's address.
    hrefs = [attrs["href"] for attrs in page.having("a")]
    assert all(h.startswith("#") or h == "https://arxiv.org/abs/2412.19437" for h in hrefs)


def test_every_chosen_finding_is_an_article_with_its_id():
    page = Page(_html())
    ids = [attrs["id"] for attrs in page.having("article")]
    assert ids == ["R-gpu_count-1", "R-training_cost-2", "X-training_cost-1"]
    assert len(Page(_html(include_all=True)).having("article")) == 5


def test_planted_markup_is_escaped_and_shown_as_text():
    text = _html()
    assert SCRIPT not in text and IMG not in text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text
    page = Page(text)
    assert any(SCRIPT in mark and IMG in mark for mark in page.marks)


def test_quote_is_marked_inside_its_sentence():
    page = Page(_html())
    # The claim's quote is a clause; the sentence around it is shown unmarked.
    assert "약 560만 달러(약 81억 원)를 들였다" in page.marks
    paragraph = next(p for p in page.paragraphs if "81억 원" in p)
    assert paragraph == "딥시크는 V3 모델 훈련에 약 560만 달러(약 81억 원)를 들였다고 밝혔다."


def test_the_figure_is_bold_inside_the_mark():
    page = Page(_html())
    assert "약 560만 달러" in page.strong
    assert "85억 원" in page.strong


def test_arithmetic_and_reference_with_source():
    page = Page(_html())
    text = _html()
    assert "<li>3000 &gt; 2048</li>" in text
    assert "DeepSeek-V3 was trained on a cluster of 2048 Nvidia H800 GPUs." in text
    assert "DeepSeek-V3 Technical Report (arXiv 2412.19437)" in text
    assert any(a["href"] == "https://arxiv.org/abs/2412.19437" for a in page.having("a"))


def test_quote_is_marked_inside_its_paragraph_when_the_article_is_given():
    rep = report()
    claim = next(c for c in rep.claims if c.article == A)
    before = "엔비디아 주가가 흔들렸다. "
    sentence = claim.sentence
    after = " 업계는 이 수치를 의심한다."
    paragraph = before + sentence + after
    title = "딥시크 충격\n\n"
    text = title + paragraph + "\n"
    start = len(title) + len(before) + sentence.index(claim.quote)
    moved = claim.model_copy(update={"start": start, "end": start + len(claim.quote)})
    blocks = [
        Block(kind="title", start=0, end=6, line=1, text="딥시크 충격", story=0),
        Block(
            kind="body",
            start=len(title),
            end=len(title) + len(paragraph),
            line=3,
            text=paragraph,
            story=0,
        ),
    ]
    article = Article(
        id=A,
        path=f"{A}.txt",
        format="txt",
        encoding="utf-8",
        meta=ArticleMeta(title="딥시크 충격", published=dt.date(2025, 1, 28)),
        text=text,
        blocks=blocks,
        stories=[],
        sentences=[],
    )
    rep = rep.model_copy(update={"claims": [moved if c.id == claim.id else c for c in rep.claims]})
    out = render("html", rep, select_findings(rep), RenderOptions(articles={A: article})).decode()
    page = Page(out)
    assert paragraph in page.paragraphs
    assert claim.quote in page.marks


def test_repeated_quote_marks_the_occurrence_at_the_claim():
    rep = report()
    claim: Claim = next(c for c in rep.claims if c.article == A)
    paragraph = f"{claim.quote}고 했다. 그러나 다시 {claim.quote}고 썼다."
    second = paragraph.rindex(claim.quote)
    moved = claim.model_copy(update={"start": second, "end": second + len(claim.quote)})
    article = Article(
        id=A,
        path=f"{A}.txt",
        format="txt",
        encoding="utf-8",
        meta=ArticleMeta(),
        text=paragraph,
        stories=[],
        sentences=[],
        blocks=[Block(kind="body", start=0, end=len(paragraph), line=1, text=paragraph, story=0)],
    )
    rep = rep.model_copy(update={"claims": [moved if c.id == claim.id else c for c in rep.claims]})
    out = render("html", rep, select_findings(rep), RenderOptions(articles={A: article})).decode()
    plain = out.replace("<strong>", "").replace("</strong>", "")
    # The quote has no characters html.escape changes, so it can be looked for as is.
    assert (
        f'<p class="context">{claim.quote}고 했다. 그러나 다시 <mark>{claim.quote}</mark>' in plain
    )


def test_korean_page():
    text = _html(lang="ko")
    assert '<html lang="ko">' in text
    assert "전혀 사실 아님 (출처와 다름)" in text
    assert "H800 3천여 대는 V3 보고서의 2048대와 다르다." in text
    assert "매체 미상" in text and "날짜 미상" in text


def test_deterministic():
    assert _html(include_all=True) == _html(include_all=True)


def test_no_findings_page():
    rep = report()
    text = render("html", rep, []).decode()
    assert "No findings to show." in text
    assert not Page(text).having("article")
