"""Exchange rates by date (the user's files, FRED, the ECB since 1999), conversions, implied-rate
checks, and never a stale rate: past the data, "no rate for DATE (data ends DATE)"."""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

import datetime as dt
import functools
import statistics
from typing import Literal

from claimcheck.fx_tables import (
    DailyTable,
    UnknownCurrencyError,
    currencies,
    fx_sources,
    tables_for,
    tables_in_order,
)
from claimcheck.models import Result

__all__ = [
    "DEFAULT_TOLERANCE",
    "MAX_STALE_WEEKDAYS",
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

# A rate is used for a date only if at most this many weekdays lie after the rate's own day, up to
# and including the date; weekends are free. That allows the day before publication (an article
# written the evening before, or dated the morning after the last quote) and two holidays besides
# (25-26 December; Good Friday and Easter Monday), and nothing staler.
MAX_STALE_WEEKDAYS = 3
# An unknown date is checked against the range of the rates over the last year of the first table
# that prices the pair (the whole FRED table for USD/KRW): a wider window would make any
# conversion plausible.
UNKNOWN_DATE_WINDOW_DAYS = 365
# An article's conversion is plausible within ±3% of the day's reference rate: that covers rounding
# of the stated figures to two significant digits (85억 stands for 84.5억-85.5억, ±0.6%), the gap
# between the New York noon rate and a Seoul close (about ±0.5% on the same day) and the spread of
# bank cash rates (about ±1.75%), while a conversion at a rate from weeks away usually misses.
DEFAULT_TOLERANCE = 0.03

Method = Literal["exact", "earlier_quote", "window_median", "identity"]


class RateUnavailableError(LookupError):
    """No quote close enough to the requested date: the message says where the data ends, and
    `message_ko` says it in Korean."""

    def __init__(self, message: str, message_ko: str | None = None) -> None:
        super().__init__(message)
        self.message_ko = message_ko or message


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

    The tables are tried in order (the user's files, the FRED table for USD/KRW, the ECB history
    crossed through the euro); the first with a quote on `on`, or on an earlier day at most
    MAX_STALE_WEEKDAYS weekdays before, gives the rate. None has one: RateUnavailableError, whose
    message reads "no rate for DATE (data ends DATE)". Unknown date (None): the median of the
    first table's daily rates over `window` (by default its last UNKNOWN_DATE_WINDOW_DAYS days),
    with their min-max range in low/high.
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
    if on is None:
        first = next(tables_in_order(base, quote), None)
        span = None if window is None else (window[0], window[1])  # a key for the kept median
        return _window_median(first or tables_for(base, quote)[0], base, quote, span)
    for table in tables_in_order(base, quote):
        found = _on_day(table, base, quote, on)
        if found is not None:
            return found
    raise _no_rate(tables_for(base, quote), on)


def _no_rate(tables: list[DailyTable], on: dt.date) -> RateUnavailableError:
    start, end = min(t.start for t in tables), max(t.end for t in tables)
    if on < start:
        return RateUnavailableError(
            f"no rate for {on} (data starts {start})", f"{on}의 환율이 없다(자료는 {start}부터)"
        )
    if on > end:
        return RateUnavailableError(
            f"no rate for {on} (data ends {end})", f"{on}의 환율이 없다(자료는 {end}까지)"
        )
    return RateUnavailableError(
        f"no rate for {on} (no quote within {MAX_STALE_WEEKDAYS} weekdays before it)",
        f"{on}의 환율이 없다({MAX_STALE_WEEKDAYS}영업일 안에 고시된 환율 없음)",
    )


def weekdays_after(earlier: dt.date, later: dt.date) -> int:
    """Weekdays in (earlier, later]: how many business days a quote from `earlier` is behind."""
    days = (later - earlier).days
    weeks, rest = divmod(days, 7)
    extra = sum(1 for k in range(1, rest + 1) if (earlier + dt.timedelta(k)).weekday() < 5)
    return weeks * 5 + extra


def _source(table: DailyTable, base: str, quote: str) -> str:
    return table.cite + (f", cross via {table.base}" if table.crosses(base, quote) else "")


def _on_day(table: DailyTable, base: str, quote: str, on: dt.date) -> FxRate | None:
    """The table's quote on `on`, or its latest earlier one that is not stale; else None."""
    index = table.last_index_on_or_before(on)
    while index >= 0 and weekdays_after(table.day(index), on) <= MAX_STALE_WEEKDAYS:
        value = table.value(index, base, quote)
        if value is not None:
            return _quoted(table, base, quote, on, table.day(index), value)
        index -= 1
    return None


def _quoted(
    table: DailyTable, base: str, quote: str, on: dt.date, used: dt.date, value: float
) -> FxRate:
    source = _source(table, base, quote)
    pair = f"1 {base} = {format_rate(value)} {quote}"
    closure_en, closure_ko = _closure_note(base, quote, on)
    if used == on:
        en = f"{pair} on {on} ({source})."
        ko = f"{on} 기준 환율은 {pair}이다. 출처: {source}."
        return _make(
            base, quote, source, value, on, used, "exact", en + closure_en, ko + closure_ko
        )
    why_en, why_ko = _why_no_quote(table, on)
    days = (on - used).days
    en = (
        f"No quote for {on} ({why_en}); used the latest earlier quote, {used} ({days} "
        f"day{'s' if days > 1 else ''} before): {pair} ({source})."
    )
    ko = (
        f"{on}에는 고시 환율이 없어({why_ko}) 직전 고시일인 {used}({days}일 전)의 환율"
        f"({pair})을 적용했다. 출처: {source}."
    )
    return _make(
        base, quote, source, value, on, used, "earlier_quote", en + closure_en, ko + closure_ko
    )


def _why_no_quote(table: DailyTable, on: dt.date) -> tuple[str, str]:
    if table.has_row(on):  # a row with a blank cell: the publisher's holiday
        return "the table has no value that day: a holiday", "휴일이라 값이 비어 있음"
    if on.weekday() >= 5:
        return "a weekend", "주말"
    if on > table.end:
        return (
            f"after the table's last day, {table.end}, whose quote is at most "
            f"{MAX_STALE_WEEKDAYS} weekdays older",
            f"자료의 마지막 날({table.end}) 이후이나 그 환율이 {MAX_STALE_WEEKDAYS}영업일 이내",
        )
    return "no rate published that day: a holiday", "휴일이라 고시되지 않음"


def _closure_note(base: str, quote: str, on: dt.date) -> tuple[str, str]:
    if "KRW" not in (base, quote):
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


# An undated article's conversions all ask for the same window: its median is worked out once
# (the table is the key by identity, so a user's rate files make new entries, not stale ones).
@functools.lru_cache(maxsize=64)
def _window_median(
    table: DailyTable, base: str, quote: str, window: tuple[dt.date, dt.date] | None
) -> FxRate:
    if window is None:
        window = (table.end - dt.timedelta(days=UNKNOWN_DATE_WINDOW_DAYS), table.end)
    start, end = window
    start, end = max(start, table.start), min(end, table.end)
    values = [
        v
        for i in table.indexes_between(start, end)
        if (v := table.value(i, base, quote)) is not None
    ]
    if not values:
        raise RateUnavailableError(f"no {base}/{quote} quotes between {window[0]} and {window[1]}")
    median, low, high = statistics.median(values), min(values), max(values)
    source = _source(table, base, quote)
    en = (
        f"The date is unknown, so the median of the {len(values)} daily rates from {start} to "
        f"{end} was used: 1 {base} = {format_rate(median)} {quote} (range {format_rate(low)} to "
        f"{format_rate(high)}; {source})."
    )
    ko = (
        f"날짜를 알 수 없어 {start}~{end} 일별 환율 {len(values)}개의 중앙값"
        f"(1 {base} = {format_rate(median)} {quote})을 적용했다. 이 기간 환율은 "
        f"{format_rate(low)}~{format_rate(high)} 사이였다. 출처: {source}."
    )
    return FxRate(
        base=base,
        quote=quote,
        rate=median,
        requested_date=None,
        date_used=None,
        method="window_median",
        low=low,
        high=high,
        source=source,
        explanation_en=en,
        explanation_ko=ko,
    )


def _make(
    base: str,
    quote: str,
    source: str,
    value: float,
    on: dt.date,
    used: dt.date,
    method: Method,
    en: str,
    ko: str,
) -> FxRate:
    return FxRate(
        base=base,
        quote=quote,
        rate=value,
        requested_date=on,
        date_used=used,
        method=method,
        source=source,
        explanation_en=en,
        explanation_ko=ko,
    )


def format_rate(value: float) -> str:
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
    shown = f"1 {base} = {format_rate(implied)} {quote}"
    if on is None:
        assert ref.low is not None and ref.high is not None
        plausible = ref.low <= implied <= ref.high
        verdict_en = "within" if plausible else "outside"
        verdict_ko = "안이므로 그럴듯하다" if plausible else "밖이므로 그럴듯하지 않다"
        en = (
            f"The figures imply {shown}. The date is unknown: that is {verdict_en} the range of "
            f"the daily rates ({format_rate(ref.low)} to {format_rate(ref.high)}), {diff:+.1%} "
            f"from their median {format_rate(ref.rate)}."
        )
        ko = (
            f"두 금액에서 나오는 환율은 {shown}이다. 날짜를 알 수 없어 일별 환율 범위"
            f"({format_rate(ref.low)}~{format_rate(ref.high)})와 비교했으며, 범위 {verdict_ko}"
            f"(중앙값 {format_rate(ref.rate)} 대비 {diff:+.1%})."
        )
        criterion: Literal["day_rate", "window_range"] = "window_range"
    else:
        plausible = abs(diff) <= tolerance
        verdict_en = "plausible" if plausible else "not plausible"
        verdict_ko = "안에 있어 그럴듯하다" if plausible else "밖이어서 그럴듯하지 않다"
        en = (
            f"The figures imply {shown}; the rate used for {on} is {format_rate(ref.rate)} {quote} "
            f"({ref.date_used}, {ref.source}), a difference of {diff:+.1%}: {verdict_en} "
            f"(tolerance ±{tolerance:.0%})."
        )
        ko = (
            f"두 금액에서 나오는 환율은 {shown}이다. {on} 기준 환율은 {format_rate(ref.rate)}"
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
