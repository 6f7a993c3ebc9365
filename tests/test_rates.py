"""Exchange rates after the FRED table: the ECB history, 'no rate' past every source, user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import fx
from claimcheck.reconcile import report_for_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reconcile"


@pytest.fixture(scope="module")
def after_2025(tmp_path_factory):
    tables = tmp_path_factory.mktemp("tables")
    return report_for_paths([str(FIXTURES / "rates_after_2025")], str(tables))


def _conversion(report, article):
    (found,) = [
        f for f in report.findings if f.kind == "internal" and f.articles == [article]
    ]
    return found


def test_a_september_2025_conversion_is_checked_against_that_days_ecb_rate(after_2025):
    # 300억 달러(약 42조원) implies 1,400 won a dollar; the ECB's 2025-09-24 row gives
    # 1644.99 KRW / 1.1756 USD per euro = 1,399.28.
    f = _conversion(after_2025, "sep_300")
    assert f.verdict == "consistent" and f.diagnosis is None
    assert "1,400.00" in f.explanation and "1,399.28" in f.explanation
    assert "2025-09-24" in f.explanation and "ECB euro reference rates" in f.explanation
    assert "1,399.28" in f.explanation_ko


def test_an_october_2025_conversion_is_consistent_too(after_2025):
    # 80억달러(약 11조4000억원): 1,425 won a dollar; ECB 2025-10-29: 1655.74 / 1.1636 = 1,422.95.
    f = _conversion(after_2025, "oct_80")
    assert f.verdict == "consistent"
    assert "1,425.00" in f.explanation and "1,422.95" in f.explanation
    assert "(2025-10-29, ECB euro reference rates, cross via EUR)" in f.explanation


def test_a_conversion_past_every_source_has_no_rate_and_is_unverifiable(after_2025):
    end = fx.tables_for("USD", "KRW")[-1].end
    f = _conversion(after_2025, "later_12")
    assert (f.verdict, f.diagnosis) == ("unverifiable", "no_rate")
    assert f"no rate for 2030-03-04 (data ends {end})" in f.explanation
    assert "2030-03-04의 환율이 없다" in f.explanation_ko and f"{end}까지" in f.explanation_ko
    assert after_2025.summary is not None and after_2025.summary.no_rate == 1
