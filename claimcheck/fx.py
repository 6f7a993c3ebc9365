"""Exchange rates from the shipped daily tables: rates by date, conversions, implied-rate checks."""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from typing import Literal

from claimcheck.fx_tables import (
    Series,
    UnknownCurrencyError,
    currencies,
    fx_sources,
    pair_series,
)
from claimcheck.models import Result

__all__ = [
    "DEFAULT_TOLERANCE",
    "MAX_LOOKBACK_DAYS",
    "Conversion",
    "FxRate",
    "ImpliedRateCheck",
    "RateUnavailableError",
    "UnknownCurrencyError",
    "convert",
    "currencies",
    "fx_sources",
    "implied_rate_check",
    "rate",
]

# On a day without a quote, the latest earlier quote is used if it is at most this many days old
# (a long weekend plus a holiday is 4 days; a week covers any market closure in the tables).
MAX_LOOKBACK_DAYS = 7
# An article's conversion is plausible within ±3% of the day's reference rate: that covers rounding
# of the stated figures to two significant digits (85억 stands for 84.5억-85.5억, ±0.6%), the gap
# between the New York noon rate and a Seoul close (about ±0.5% on the same day) and the spread of
# bank cash rates (about ±1.75%), while a conversion at a rate from weeks away usually misses.
DEFAULT_TOLERANCE = 0.03

Method = Literal["exact", "earlier_quote", "nearest_end", "window_median", "identity"]


class RateUnavailableError(LookupError):
    """No quote close enough to the requested date."""


# --- rates ------------------------------------------------------------------------------


class FxRate(Result):
    """How many `quote` units one `base` unit bought, and how that rate was chosen."""

    base: str
    quote: str
    rate: float
    requested_date: dt.date | None
    date_used: dt.date | None  # None when no single day was used (unknown date: window median)
    method: Method
    low: float | None = None  # the window's range, for the unknown-date policy
    high: float | None = None
    source: str
    explanation_en: str
    explanation_ko: str


def rate(
    base: str,
    quote: str,
    on: dt.date | None,
    window: tuple[dt.date, dt.date] | None = None,
) -> FxRate:
    """The rate of `base` in `quote` on `on`.

    No quote that day: the latest earlier quote, at most MAX_LOOKBACK_DAYS back. A date outside the
    table: its nearest end. Unknown date (None): the median of the daily rates over `window` (the
    whole table by default), with their min-max range in low/high. USD/KRW comes from FRED; other
    pairs from the ECB table, crossed through the euro.
    """
    base, quote = base.strip().upper(), quote.strip().upper()
    if isinstance(on, dt.datetime):
        on = on.date()
    for code in (base, quote):
        if code not in currencies():
            raise UnknownCurrencyError(f"no rates for {code}; known: {', '.join(currencies())}")
    if base == quote:
        return FxRate(
            base=base,
            quote=quote,
            rate=1.0,
            requested_date=on,
            date_used=on,
            method="identity",
            source="identity",
            explanation_en=f"1 {base} = 1 {quote}.",
            explanation_ko=f"같은 통화({base})라 환산하지 않았다.",
        )
    series = pair_series(base, quote)
    if on is None:
        return _window_median(series, window)
    return _on_day(series, on)


def _source(series: Series) -> str:
    return series.table.cite + (", cross via EUR" if series.via_eur else "")


def _on_day(series: Series, on: dt.date) -> FxRate:
    quoted = [i for i, v in enumerate(series.values) if v is not None]
    first, last = series.dates[quoted[0]], series.dates[quoted[-1]]
    pair = f"1 {series.base} = {{}} {series.quote}"
    if on < first or on > last:
        index = quoted[0] if on < first else quoted[-1]
        used, value = series.dates[index], series.values[index]
        assert value is not None
        side_en = "before the table starts" if on < first else "after the table ends"
        side_ko = "이전이어서" if on < first else "이후여서"
        en = (
            f"{on} is {side_en} ({first} to {last}); used the nearest end, {used}: "
            f"{pair.format(_fmt(value))} ({_source(series)})."
        )
        ko = (
            f"{on}은 환율표 기간({first}~{last}) {side_ko} 가장 가까운 끝인 {used}의 환율"
            f"({pair.format(_fmt(value))})을 적용했다. 출처: {_source(series)}."
        )
        return _make(series, value, on, used, "nearest_end", en, ko)
    index = bisect.bisect_right(series.dates, on) - 1
    while index >= 0 and series.values[index] is None:
        index -= 1
    used = series.dates[index]
    value = series.values[index]
    if value is None or (on - used).days > MAX_LOOKBACK_DAYS:
        raise RateUnavailableError(
            f"no {series.base}/{series.quote} quote within {MAX_LOOKBACK_DAYS} days before {on}"
        )
    closure_en, closure_ko = _closure_note(series, on)
    if used == on:
        en = f"1 {series.base} = {_fmt(value)} {series.quote} on {on} ({_source(series)})."
        ko = f"{on} 기준 환율은 {pair.format(_fmt(value))}이다. 출처: {_source(series)}."
        return _make(series, value, on, used, "exact", en + closure_en, ko + closure_ko)
    why_en, why_ko = _why_no_quote(series, on)
    days = (on - used).days
    en = (
        f"No quote for {on} ({why_en}); used the latest earlier quote, {used} ({days} "
        f"day{'s' if days > 1 else ''} before): {pair.format(_fmt(value))} ({_source(series)})."
    )
    ko = (
        f"{on}에는 고시 환율이 없어({why_ko}) 직전 고시일인 {used}({days}일 전)의 환율"
        f"({pair.format(_fmt(value))})을 적용했다. 출처: {_source(series)}."
    )
    return _make(series, value, on, used, "earlier_quote", en + closure_en, ko + closure_ko)


def _why_no_quote(series: Series, on: dt.date) -> tuple[str, str]:
    if on in series.dates:  # a row with a blank cell: the publisher's holiday
        return "the table has no value that day: a holiday", "휴일이라 값이 비어 있음"
    if on.weekday() >= 5:
        return "a weekend", "주말"
    return "no rate published that day: a holiday", "휴일이라 고시되지 않음"


def _closure_note(series: Series, on: dt.date) -> tuple[str, str]:
    if "KRW" not in (series.base, series.quote):
        return "", ""
    for closure in fx_sources().closures:
        if closure.start <= on <= closure.end:
            return (
                f" The {closure.market} was closed that day ({closure.reason_en}); the rate "
                f"shown is the table's own quote for the day.",
                f" 이날 서울 외환시장은 {closure.reason_ko}로 휴장했으며, "
                f"위 환율은 환율표에 실린 그날 값이다.",
            )
    return "", ""


def _window_median(series: Series, window: tuple[dt.date, dt.date] | None) -> FxRate:
    start, end = window if window else (series.dates[0], series.dates[-1])
    values = [
        v
        for d, v in zip(series.dates, series.values, strict=True)
        if v is not None and start <= d <= end
    ]
    if not values:
        pair = f"{series.base}/{series.quote}"
        raise RateUnavailableError(f"no {pair} quotes between {start} and {end}")
    median, low, high = statistics.median(values), min(values), max(values)
    en = (
        f"The date is unknown, so the median of the {len(values)} daily rates from {start} to "
        f"{end} was used: 1 {series.base} = {_fmt(median)} {series.quote} (range {_fmt(low)} to "
        f"{_fmt(high)}; {_source(series)})."
    )
    ko = (
        f"날짜를 알 수 없어 {start}~{end} 일별 환율 {len(values)}개의 중앙값"
        f"(1 {series.base} = {_fmt(median)} {series.quote})을 적용했다. 이 기간 환율은 "
        f"{_fmt(low)}~{_fmt(high)} 사이였다. 출처: {_source(series)}."
    )
    return FxRate(
        base=series.base,
        quote=series.quote,
        rate=median,
        requested_date=None,
        date_used=None,
        method="window_median",
        low=low,
        high=high,
        source=_source(series),
        explanation_en=en,
        explanation_ko=ko,
    )


def _make(
    series: Series, value: float, on: dt.date, used: dt.date, method: Method, en: str, ko: str
) -> FxRate:
    return FxRate(
        base=series.base,
        quote=series.quote,
        rate=value,
        requested_date=on,
        date_used=used,
        method=method,
        source=_source(series),
        explanation_en=en,
        explanation_ko=ko,
    )


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.2f}"
    if value >= 1:
        return f"{value:,.4f}"
    return f"{value:.6g}"


# --- conversions and checks -------------------------------------------------------------


class Conversion(Result):
    amount: float
    from_currency: str
    to_currency: str
    result: float
    rate: FxRate


def convert(amount: float, from_: str, to: str, on: dt.date | None) -> Conversion:
    """`amount` of `from_` in `to`, at the rate `rate()` chooses for `on`."""
    used = rate(from_, to, on)
    return Conversion(
        amount=amount,
        from_currency=used.base,
        to_currency=used.quote,
        result=amount * used.rate,
        rate=used,
    )


class ImpliedRateCheck(Result):
    """Whether two figures said to be equal ("560만 달러(약 85억 원)") imply a plausible rate."""

    base: str  # oriented so that implied_rate >= 1 (KRW per USD, not USD per KRW)
    quote: str
    implied_rate: float
    reference: FxRate
    relative_difference: float  # implied / reference - 1 (for an unknown date: vs the median)
    tolerance: float
    criterion: Literal["day_rate", "window_range"]
    plausible: bool
    explanation_en: str
    explanation_ko: str


def implied_rate_check(
    amount_a: float,
    currency_a: str,
    amount_b: float,
    currency_b: str,
    on: dt.date | None,
    tolerance: float = DEFAULT_TOLERANCE,
    window: tuple[dt.date, dt.date] | None = None,
) -> ImpliedRateCheck:
    """Check the rate implied by two amounts said to be equal.

    With a date: plausible when within ±`tolerance` of that day's rate (see DEFAULT_TOLERANCE).
    Date unknown: plausible when within the min-max range of the daily rates over `window`
    (the whole table by default).
    """
    if amount_a <= 0 or amount_b <= 0:
        raise ValueError("amounts must be positive")
    base, quote, implied = currency_a.upper(), currency_b.upper(), amount_b / amount_a
    if implied < 1:
        base, quote, implied = quote, base, 1 / implied
    ref = rate(base, quote, on, window)
    diff = implied / ref.rate - 1
    shown = f"1 {base} = {_fmt(implied)} {quote}"
    if on is None:
        assert ref.low is not None and ref.high is not None
        plausible = ref.low <= implied <= ref.high
        verdict_en = "within" if plausible else "outside"
        verdict_ko = "안이므로 그럴듯하다" if plausible else "밖이므로 그럴듯하지 않다"
        en = (
            f"The figures imply {shown}. The date is unknown: that is {verdict_en} the range of "
            f"the daily rates ({_fmt(ref.low)} to {_fmt(ref.high)}), {diff:+.1%} from their "
            f"median {_fmt(ref.rate)}."
        )
        ko = (
            f"두 금액에서 나오는 환율은 {shown}이다. 날짜를 알 수 없어 일별 환율 범위"
            f"({_fmt(ref.low)}~{_fmt(ref.high)})와 비교했으며, 범위 {verdict_ko}(중앙값 "
            f"{_fmt(ref.rate)} 대비 {diff:+.1%})."
        )
        criterion: Literal["day_rate", "window_range"] = "window_range"
    else:
        plausible = abs(diff) <= tolerance
        verdict_en = "plausible" if plausible else "not plausible"
        verdict_ko = "안에 있어 그럴듯하다" if plausible else "밖이어서 그럴듯하지 않다"
        en = (
            f"The figures imply {shown}; the rate used for {on} is {_fmt(ref.rate)} {quote} "
            f"({ref.date_used}, {ref.source}), a difference of {diff:+.1%}: {verdict_en} "
            f"(tolerance ±{tolerance:.0%})."
        )
        ko = (
            f"두 금액에서 나오는 환율은 {shown}이다. {on} 기준 환율은 {_fmt(ref.rate)}"
            f"({ref.date_used}, {ref.source})이며, 차이는 {diff:+.1%}로 허용 범위 "
            f"±{tolerance:.0%} {verdict_ko}."
        )
        criterion = "day_rate"
    return ImpliedRateCheck(
        base=base,
        quote=quote,
        implied_rate=implied,
        reference=ref,
        relative_difference=diff,
        tolerance=tolerance,
        criterion=criterion,
        plausible=plausible,
        explanation_en=en,
        explanation_ko=ko,
    )
