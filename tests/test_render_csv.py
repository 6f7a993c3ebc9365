"""CSV export: BOM for Excel, one row per finding and source, formula cells neutralised."""

from __future__ import annotations

import csv
import io

import pytest
from render_report import A, B, C, report

from claimcheck.models import Finding, SourceValue
from claimcheck.render import RenderOptions, render, select_findings
from claimcheck.render.csv_writer import COLUMNS, neutralise


def _rows(data: bytes) -> list[list[str]]:
    # utf-8-sig drops the BOM, as Excel does; newline="" keeps a \r inside a quoted cell.
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _export(include_all: bool = False, lang: str = "en") -> bytes:
    rep = report()
    return render("csv", rep, select_findings(rep, include_all), RenderOptions(lang=lang))


def test_starts_with_utf8_bom():
    assert _export().startswith(b"\xef\xbb\xbf")


def test_one_row_per_finding_and_source():
    # Not agreeing: the discrepancy (two sources), the misattribution and the refutation (one each).
    rows = _export()
    body = _rows(rows)[1:]
    assert len(body) == 4
    assert sorted(row[0] for row in body) == sorted(
        ["X-training_cost-1", "X-training_cost-1", "R-training_cost-2", "R-gpu_count-1"]
    )
    # --all adds the supported reference check and the consistent conversion (one source each).
    assert len(_rows(_export(include_all=True))[1:]) == 6


def test_header_names_every_column():
    header = _rows(_export())[0]
    assert len(header) == len(COLUMNS)
    assert header[0] == "Finding" and "Quote" in header and "Reference" in header


def test_korean_round_trips_through_the_csv_module():
    body = _rows(_export())[1:]
    by_article = {row[COLUMNS.index("article")]: row for row in body}
    maeil = by_article[B]
    assert maeil[COLUMNS.index("quote")] == "개발비는 85억 원에 불과했다"
    assert maeil[COLUMNS.index("outlet")] == "매일경제신문"
    assert maeil[COLUMNS.index("date")] == "2025-01-31"
    assert maeil[COLUMNS.index("value")] == "8500000000 KRW"
    assert by_article[A][COLUMNS.index("quote")] == "약 560만 달러(약 81억 원)를 들였다"


def test_planted_markup_is_kept_as_text():
    body = _rows(_export())[1:]
    gpu = next(row for row in body if row[0] == "R-gpu_count-1")
    assert "<script>window.__pwned=1</script>" in gpu[COLUMNS.index("quote")]


def test_unknown_outlet_and_date_are_empty_cells():
    body = _rows(_export())[1:]
    blog = next(row for row in body if row[COLUMNS.index("article")] == C)
    assert blog[COLUMNS.index("outlet")] == ""
    assert blog[COLUMNS.index("date")] == ""


def test_reference_column_cites_the_source():
    body = _rows(_export())[1:]
    misattributed = next(row for row in body if row[0] == "R-training_cost-2")
    ref = misattributed[COLUMNS.index("reference")]
    assert "DeepSeek-V3 Technical Report (arXiv 2412.19437)" in ref
    assert "Table 1, p. 5" in ref


def test_korean_headers_labels_and_explanations():
    rows = _rows(_export(lang="ko"))
    assert rows[0][0] == "판정 번호"
    refuted = next(row for row in rows[1:] if row[0] == "R-gpu_count-1")
    assert refuted[COLUMNS.index("verdict")].startswith("전혀 사실 아님")
    assert refuted[COLUMNS.index("explanation")] == "H800 3천여 대는 V3 보고서의 2048대와 다르다."


@pytest.mark.parametrize(
    "quote",
    [
        '=HYPERLINK("http://evil.example","딥시크")',
        "+82-2-123-4567 로 문의",
        "-17% 폭락한 엔비디아",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1 탭으로 시작",
        "\r=1+1 캐리지 리턴으로 시작",
    ],
)
def test_formula_cells_are_neutralised(quote):
    rep = report()
    finding = rep.findings[0]
    source = finding.sources[0].model_copy(update={"quote": quote})
    hostile = finding.model_copy(update={"sources": [source], "explanation": quote})
    body = _rows(render("csv", rep, [hostile]))[1:]
    (row,) = body
    assert row[COLUMNS.index("quote")] == "'" + quote
    assert row[COLUMNS.index("explanation")] == "'" + quote


def test_plain_cells_and_numbers_are_left_alone():
    assert neutralise("딥시크 = 혁신?") == "딥시크 = 혁신?"
    body = _rows(_export())[1:]
    hanbit = next(row for row in body if row[COLUMNS.index("article")] == A)
    assert hanbit[COLUMNS.index("line")] == "7"
    assert float(hanbit[COLUMNS.index("value_usd")]) == 5_600_000


def test_finding_without_sources_still_gets_a_row_from_its_claims():
    rep = report()
    bare = Finding(
        id="X-bare",
        kind="cross_source",
        topic="gpu_count",
        subject="deepseek",
        object=None,
        verdict="single_source",
        articles=[C],
        claims=[f"{C}:gpu_count:1"],
        explanation="Only one article says this.",
        explanation_ko="한 기사만 이렇게 쓴다.",
    )
    (row,) = _rows(render("csv", rep, [bare]))[1:]
    assert row[COLUMNS.index("claim")] == f"{C}:gpu_count:1"
    assert row[COLUMNS.index("line")] == "9"
    assert row[COLUMNS.index("value")] == "3000 count (at_least: 3000–4000)"


def test_source_value_defaults_do_not_leak_none():
    rep = report()
    finding = rep.findings[0]
    plain = SourceValue(
        claim="x",
        article=A,
        outlet=None,
        published=None,
        section="body",
        line=1,
        quote="인용",
        stance="asserted",
        value="",
    )
    (row,) = _rows(render("csv", rep, [finding.model_copy(update={"sources": [plain]})]))[1:]
    assert "None" not in row
