"""The pieces of the terminal view on inputs of our own: widths, clauses, Korean values and
arithmetic, the limits of a compact block, the story, and the pager."""

from __future__ import annotations

import io
import sys

import pytest

from claimcheck.models import Claim, Finding, Quantity, SourceValue
from claimcheck.render import words
from claimcheck.render.textwidth import around, clip, width, wrap
from claimcheck.render.view import BLOCK_LINES, ViewData, compact, short_labels, story_items

# --- widths ----------------------------------------------------------------------------------


def test_hangul_takes_two_columns():
    assert width("딥시크 248개") == 12
    assert width("abc") == 3


def test_clip_keeps_within_columns_and_says_so():
    text = "엔비디아 H800 칩 248개와 약 560만 달러"
    cut = clip(text, 15)
    assert width(cut) <= 15 and cut.endswith("…")
    assert clip("짧다", 10) == "짧다"


def test_around_keeps_the_figure_whole_and_cuts_at_spaces():
    sentence = (
        "특히 회사는 작년에 엔비디아 H800 칩 248개와 약 560만 달러의 비용으로 모델을 훈련했다고 "
        "밝혔다."
    )
    start = sentence.index("248개")
    before, marked, after = around(sentence, start, start + len("248개"), 40)
    assert marked == "248개"
    assert width(before + marked + after) <= 40
    assert before.startswith("…") and after.endswith("…")
    # cut at a space: no half word next to the ellipsis
    assert before[1:] == sentence[sentence.index(before[1:]) : start]
    assert sentence[start + len(marked) :].startswith(after[:-1])


def test_wrap_breaks_at_spaces_and_limits_lines():
    text = " ".join(["가나다라"] * 30)
    lines = wrap(text, 20, max_lines=3)
    assert len(lines) == 3 and all(width(line) <= 20 for line in lines)
    assert lines[-1].endswith("…")
    whole = wrap("see https://example.org/" + "x" * 80, 20, max_lines=10, whole_words=True)
    assert whole[-1].endswith("x" * 80)  # an address is never cut


# --- a statement in its own words ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "clause"),
    [
        # a connective ending closes the clause (않고)
        (
            "값비싼 고대역폭 메모리를 쓰지 않고 만든 모델이 화제가 됐다.",
            "고대역폭 메모리",
            "값비싼 고대역폭 메모리를 쓰지 않고",
        ),
        # a comma and 지만 close it too
        (
            "회사는 저사양 GPU로 학습했다고 밝혔지만, 전문가들은 이를 믿지 않는다.",
            "저사양 GPU",
            "회사는 저사양 GPU로 학습했다고 밝혔지만",
        ),
        # quote marks
        (
            '한 분석가는 "저사양 GPU로도 충분히 학습할 수 있다"고 말했다.',
            "저사양 GPU",
            "저사양 GPU로도 충분히 학습할 수 있다",
        ),
        # a clause too short to say anything: the whole sentence
        ("HBM, 그것이 문제다.", "HBM", "HBM, 그것이 문제다."),
        # 최고 is a noun, not a connective: no break after it
        (
            "업계 최고 수준의 고대역폭 메모리를 썼다.",
            "고대역폭 메모리",
            "업계 최고 수준의 고대역폭 메모리를 썼다.",
        ),
    ],
)
def test_clause_around_a_name(sentence, name, clause):
    start = sentence.index(name)
    assert words.clause(sentence, start, start + len(name)) == clause


def _claim(quote, topic="hardware", obj="hbm", quantity=None, article="a1", line=3, **extra):
    return Claim(
        id=f"{article}:{topic}:{abs(hash(quote)) % 10**10:010d}",
        article=article,
        story=0,
        topic=topic,
        subject="deepseek",
        object=obj,
        quantity=quantity,
        stance=extra.pop("stance", "asserted"),
        attributed_to=None,
        section="body",
        quote=quote,
        start=0,
        end=len(quote),
        line=line,
        sentence=quote,
        attributes=extra.pop("attributes", {}),
    )


def test_a_statement_claim_is_its_clause_and_a_figure_claim_its_figure():
    statement = _claim("그들은 고대역폭 메모리를 사용하지 않고 만든 모델을 내놓았다.")
    assert words.claim_words(statement) == "그들은 고대역폭 메모리를 사용하지 않고"
    text = "칩 2천여 대를 썼다."
    figure = Quantity(
        text="2천여 대", start=2, end=7, value=2000, low=2000, high=3000, unit="count",
        counter="대", qualifier="at_least", qualifier_word="여", rule="test",
    )  # fmt: skip
    assert words.claim_words(_claim(text, topic="gpu_count", obj=None, quantity=figure)) == (
        "2천여 대"
    )
    assert words.quantity(figure, "ko") == "2,000대 이상, 3,000대 미만"


def test_korean_values_and_units():
    approx = Quantity(
        text="약 560만 달러", start=0, end=9, value=5_600_000, low=5_320_000, high=5_880_000,
        unit="USD", qualifier="approx", qualifier_word="약", rule="test",
    )  # fmt: skip
    assert words.quantity(approx, "ko") == "약 5,600,000달러 (5,320,000~5,880,000)"
    assert words.unit("USD/million_tokens", "ko") == "달러/100만 토큰"
    assert words.number(0.0365) == "0.0365" and words.number(2048.0) == "2,048"


@pytest.mark.parametrize(
    ("step", "korean"),
    [
        ("claim: 5% 이상 = at least -5%", "주장: 5% 이상 = -5% 이상"),
        ("difference: +2.1%", "차이: +2.1%"),
        ("약 3억 원 / 약 20만 달러 = 1,500.0 KRW per USD",
         "약 3억 원 / 약 20만 달러 = 1달러당 1,500.0원"),
        ("headline vs body: -9.1%", "제목 대 본문: -9.1%"),
        ("conversion: 1 KRW = 0.0007 USD on 2025-03-03 (X)",
         "환산: 1원 = 0.0007달러 (2025-03-03 기준) (X)"),
    ],
)  # fmt: skip
def test_arithmetic_in_korean(step, korean):
    assert words.arithmetic(step, "reference", "ko", {}) == korean
    assert words.arithmetic(step, "reference", "en", {}) == step


def test_a_step_ending_in_a_verdict_names_it_in_korean():
    step = "a1 10–20 vs b2 30–40: contradiction"
    korean = "a1 10–20 대 b2 30–40: 다른 보도와 상충"
    assert words.arithmetic(step, "cross_source", "ko", {}) == korean


# --- a compact block keeps its limits -------------------------------------------------------------


def _source(claim: Claim) -> SourceValue:
    return SourceValue(
        claim=claim.id, article=claim.article, outlet=None, published=None, section="body",
        line=claim.line, quote=claim.quote, stance=claim.stance, value="hbm",
    )  # fmt: skip


def _many_sources_finding(n: int) -> tuple[Finding, dict[str, Claim]]:
    quote = "기자 {}명은 고대역폭 메모리를 쓰지 않고 만든 모델이라고 썼다."
    claims = [_claim(quote.format(i), article=f"a{i:03d}") for i in range(n)]
    finding = Finding(
        id="cross_source:many",
        kind="cross_source",
        topic="hardware",
        subject="deepseek",
        object="hbm",
        verdict="contradiction",
        articles=[c.article for c in claims],
        claims=[c.id for c in claims],
        explanation="Sources contradict each other. " * 8,
        explanation_ko="출처끼리 모순된다. " * 8,
        diagnosis="stance_conflict",
        sources=[_source(c) for c in claims],
        arithmetic=["step one is long " * 5, "step two", "result: contradiction"],
    )
    return finding, {c.id: c for c in claims}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("cols", [60, 100])
def test_a_block_with_thirty_sources_stays_within_its_lines_and_columns(lang, cols):
    finding, claims = _many_sources_finding(30)
    data = ViewData(lang=lang, width=cols, articles={c.article: {} for c in claims.values()},
                    claims=claims)  # fmt: skip
    lines = compact(finding, data)
    text = ["".join(t for t, _ in line) for line in lines]
    assert len(text) <= BLOCK_LINES
    assert all(width(line) <= cols for line in text)
    assert text[-1].endswith("cross_source:many")
    assert any("claimcheck explain cross_source:many" in line for line in text)
    # the arithmetic's last step (its result) is kept whole on its one line
    assert any(line.startswith("  = ") and "result: " in line for line in text) or lang == "ko"


def test_short_labels_are_unique_prefixes_to_a_word_boundary():
    labels = short_labels(["001_abc", "002_abc", "hankyung-0128", "hankyung-0131", "x", "03_b"])
    assert labels["001_abc"] == "001" and labels["002_abc"] == "002" and labels["03_b"] == "03"
    assert labels["hankyung-0128"] == "hankyung-0128" and labels["x"] == "x"
    assert len(set(labels.values())) == len(labels)


def _finding(fid, verdict, topic, kind="reference"):
    return Finding(
        id=fid, kind=kind, topic=topic, subject="deepseek", object=None, verdict=verdict,
        articles=[], claims=[], explanation=f"{fid} explained.", explanation_ko=f"{fid} 설명.",
    )  # fmt: skip


def test_story_tells_three_to_seven_stories_worst_first():
    topics = ["training_cost", "gpu_count", "ban", "founding", "adoption", "technique",
              "hardware", "quote", "allegation"]  # fmt: skip
    problems = [_finding(f"reference:{i}", "misleading", t) for i, t in enumerate(topics)]
    problems.append(_finding("reference:worst", "refuted", "adoption"))
    items = story_items(problems, ViewData())
    assert len(items) == 7
    assert items[0][0].id == "reference:worst"
    # two findings: still three sentences are not invented; each finding tells its own
    assert len(story_items(problems[:2], ViewData())) == 2


# --- the pager ------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _page(monkeypatch, tmp_path, text, enabled=True, rows=10):
    from claimcheck.cli import report_view

    paged_to = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged_to}'")
    monkeypatch.setenv("LINES", str(rows))
    monkeypatch.setenv("COLUMNS", "100")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    with report_view.paged(enabled):
        sys.stdout.write(text)
    return screen.getvalue(), (paged_to.read_text() if paged_to.exists() else None)


def test_longer_than_the_screen_goes_to_the_pager(monkeypatch, tmp_path):
    text = "".join(f"line {i}\n" for i in range(50))
    screen, paged = _page(monkeypatch, tmp_path, text)
    assert paged == text and screen == ""


def test_shorter_than_the_screen_is_printed(monkeypatch, tmp_path):
    screen, paged = _page(monkeypatch, tmp_path, "one\ntwo\n")
    assert screen == "one\ntwo\n" and paged is None


def test_no_pager_prints_everything(monkeypatch, tmp_path):
    text = "".join(f"line {i}\n" for i in range(50))
    screen, paged = _page(monkeypatch, tmp_path, text, enabled=False)
    assert screen == text and paged is None


def test_never_paged_when_piped(monkeypatch, tmp_path):
    from claimcheck.cli import report_view

    paged_to = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged_to}'")
    monkeypatch.setenv("LINES", "5")
    pipe = io.StringIO()  # isatty() is False
    monkeypatch.setattr(sys, "stdout", pipe)
    with report_view.paged(True):
        sys.stdout.write("x\n" * 50)
    assert pipe.getvalue() == "x\n" * 50 and not paged_to.exists()


def test_a_missing_pager_prints_instead(monkeypatch, tmp_path):
    from claimcheck.cli import report_view

    monkeypatch.setenv("PAGER", "no-such-pager-anywhere")
    monkeypatch.setenv("LINES", "5")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    with report_view.paged(True):
        sys.stdout.write("x\n" * 50)
    assert screen.getvalue() == "x\n" * 50


def test_a_disputed_finding_is_a_problem_the_default_view_draws():
    from claimcheck.render.view import default_view

    disputed = _finding("internal:scope", "disputed", "training_cost", kind="internal")
    agreeing = _finding("reference:fine", "supported", "founding")
    lines = default_view(
        [agreeing, disputed], {("reference", "supported"): 1}, (1, 2, 2), ViewData()
    )
    text = "\n".join("".join(t for t, _ in line) for line in lines)
    assert "id: internal:scope" in text and "id: reference:fine" not in text
    assert "⚖ Disputed" in text
    assert "Supported 1" in text  # counted in the tally
    ko = default_view([disputed], {}, (1, 1, 1), ViewData(lang="ko"))
    assert "논쟁 중" in "\n".join("".join(t for t, _ in line) for line in ko)


def test_a_statement_value_in_korean_is_its_own_words():
    claim = _claim("그들은 고대역폭 메모리를 사용하지 않고 만든 모델을 내놓았다.")
    source = _source(claim).model_copy(update={"value": "not hbm"})
    assert words.source_value(source, claim, "ko") == "“그들은 고대역폭 메모리를 사용하지 않고”"
    assert words.source_value(source, claim, "en") == "not hbm"


def test_no_problems_says_so_and_tells_no_story():
    from claimcheck.render.view import default_view

    fine = _finding("reference:fine", "supported", "founding")
    lines = default_view([fine], {("reference", "supported"): 1}, (1, 1, 1), ViewData())
    text = "\n".join("".join(t for t, _ in line) for line in lines)
    assert "No problems found." in text and "What stands out" not in text
    assert "id: reference:fine" not in text and "Supported 1" in text
