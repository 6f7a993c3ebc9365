"""Markdown export: a table that pastes into a pull request or a wiki, with article text escaped."""

from __future__ import annotations

import re

from render_report import report

from claimcheck.render import RenderOptions, render, select_findings
from claimcheck.render.markdown import cell

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _export(include_all: bool = False, lang: str = "en", findings=None) -> str:
    rep = report()
    chosen = select_findings(rep, include_all) if findings is None else findings
    return render("markdown", rep, chosen, RenderOptions(lang=lang)).decode("utf-8")


def _table(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


def test_one_table_row_per_finding_with_six_cells():
    rows = _table(_export())
    header, separator, body = rows[0], rows[1], rows[2:]
    assert header == "| Finding | Verdict | Topic | Sources | Explanation | Reference |"
    assert separator == "|---|---|---|---|---|---|"
    assert len(body) == 3  # discrepancy, misattributed, refuted
    for row in body:
        # 6 cells: 7 unescaped pipes, whatever the article text held
        assert len(_UNESCAPED_PIPE.findall(row)) == 7, row


def test_gravest_first():
    body = _table(_export())[2:]
    assert [row.split("`")[1] for row in body] == [
        "R-gpu_count-1",
        "R-training_cost-2",
        "X-training_cost-1",
    ]


def test_all_adds_the_agreeing_findings():
    assert len(_table(_export(include_all=True))[2:]) == 5


def test_sources_are_listed_in_one_cell():
    row = next(r for r in _table(_export()) if "X-training_cost-1" in r)
    assert "한빛일보, 2025-01-28, line 7: “약 560만 달러(약 81억 원)를 들였다”" in row
    assert (
        "<br>매일경제신문, 2025-01-31, line 3: “개발비는 85억 원에 불과했다” → 8500000000 KRW"
        in row
    )


def test_planted_html_is_shown_as_text():
    text = _export()
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;" in text


def test_cell_escapes_pipes_tildes_and_newlines():
    assert cell("가|나") == "가\\|나"
    # Korean ranges: 1~2% must not turn into strikethrough on GitHub.
    assert cell("성장률 1~2%와 3~4%") == "성장률 1\\~2%와 3\\~4%"
    assert cell("첫 줄\n둘째 줄") == "첫 줄 둘째 줄"
    assert cell("[링크](http://evil.example)") == "\\[링크\\](http://evil.example)"
    assert cell("`코드`와 *강조*") == "\\`코드\\`와 \\*강조\\*"
    assert cell("$5.6M 대 $6M") == "\\$5.6M 대 \\$6M"


def test_pipe_in_a_quote_keeps_the_table_shape():
    rep = report()
    finding = rep.findings[0]
    source = finding.sources[0].model_copy(update={"quote": "A|B 그리고 C||D"})
    text = _export(findings=[finding.model_copy(update={"sources": [source]})])
    (row,) = _table(text)[2:]
    assert len(_UNESCAPED_PIPE.findall(row)) == 7


def test_korean_labels():
    text = _export(lang="ko")
    assert "| 판정 번호 | 판정 | 주제 | 출처 기사 | 설명 | 참조 사실 |" in text
    assert "전혀 사실 아님 (출처와 다름)" in text
    assert "매체 미상, 날짜 미상, 줄 9" in text


def test_no_findings_says_so():
    assert "No findings to show." in _export(findings=[])
    assert not _table(_export(findings=[]))
