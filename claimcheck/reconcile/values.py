"""Claims as comparable values: money in dollars at the article's date, moves signed, text shown."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimcheck.models import Claim, Quantity
from claimcheck.reconcile.intervals import Interval, interval_of

CURRENCIES = {"KRW", "USD", "CNY", "JPY", "EUR", "GBP"}
# "불과 560만 달러", "77억 원밖에": the word stresses how small the figure is; the figure is meant.
# The normaliser records these as Quantity.emphasis now; this reads claim tables written before.
EMPHASIS_ONLY = {"불과", "밖에", "에 불과", "뿐"}


@dataclass(frozen=True)
class Value:
    """A figure as compared: its interval in a comparable unit and how it was read."""

    interval: Interval
    unit: str  # the comparable unit: USD for money, else the quantity's unit
    shown: str  # the figure as written, with what it was taken to mean
    rate_note: str | None = None  # how money was converted
    # a move whose direction the text does not say ("4.10% 밀린" before the verb was known): its
    # sign is unknown, so it is read with the sign of the figure it is compared with
    unsigned: bool = False
    # money converted to dollars: its interval in the currency it was written in, so that two
    # sums in won are compared in won, not through two days' exchange rates
    native: Interval | None = None
    native_unit: str | None = None

    def facing(self, other: Interval) -> Interval:
        """This value's interval as compared with `other`: an unsigned move takes other's sign."""
        mine = self.interval
        if self.unsigned and other.high < 0 <= mine.low:
            point = -mine.point if mine.point is not None else None
            return Interval(-mine.high, -mine.low, point, mine.bound, mine.precise)
        return mine


def comparable(claim: Claim, published: dt.date | None) -> Value | None:
    quantity = claim.quantity
    if quantity is None:
        return None
    quantity = _meant(quantity)
    sign = _sign(claim, quantity)  # a fall is negative, never negated twice
    currency, per = _money_per(claim)
    if currency in CURRENCIES and currency != "USD":
        from claimcheck import fx

        try:
            used = fx.rate(currency, "USD", published)
        except LookupError:
            return None
        interval = interval_of(quantity, used.rate)
        note = used.explanation_en
        shown = f"{quantity.text} ≈ {_usd(interval)}" + (f" per {per}" if per else "")
        native_unit = f"{currency}/{per}" if per else currency
        native = interval_of(quantity)
        return Value(
            interval, f"USD/{per}" if per else "USD", shown, note, False, native, native_unit
        )
    if per:
        interval = interval_of(quantity)
        return Value(interval, f"{currency}/{per}", f"{quantity.text} = {describe(quantity, 1.0)}")
    interval = interval_of(quantity)
    if sign < 0:
        interval = Interval(
            -interval.high,
            -interval.low,
            -interval.point if interval.point is not None else None,
            interval.bound,
            interval.precise,
        )
    unit = quantity.unit or "number"
    unsigned = (
        claim.topic in ("stock_change", "market_value")
        and claim.frame is not None
        and claim.frame.measure == "change"
        and "direction" not in claim.attributes
        and not _signed(quantity)
    )
    shown = f"{quantity.text} = {describe(quantity, sign)}" + (
        " (direction not said)" if unsigned else ""
    )
    return Value(interval, unit, shown, unsigned=unsigned)


def _sign(claim: Claim, quantity: Quantity) -> float:
    """A fall is negative ("17% 하락" is -17%), unless written with its sign already ("-17%") or
    a level reached after it ("0.77% 내려 2517선", "19만9200원에 마감": no fall itself)."""
    down = claim.attributes.get("direction") == "down"
    level = claim.frame is not None and claim.frame.measure not in (None, "change")
    return -1.0 if down and not _signed(quantity) and not level else 1.0


def native_value(claim: Claim, value: Value) -> Value | None:
    """A sum converted to dollars, as it was written (in won, say), with the sign a move down
    takes ("2만1800원 내린" is -21,800 won); None for any other value."""
    native = value.native
    if native is None or value.native_unit is None or claim.quantity is None:
        return None
    if _sign(claim, claim.quantity) < 0:
        point = -native.point if native.point is not None else None
        native = Interval(-native.high, -native.low, point, native.bound, native.precise)
    return Value(native, value.native_unit, claim.quantity.text)


def rate_unit(claim: Claim) -> str | None:
    """The comparable unit of a price per something ("USD/gpu_hour"), or None for any other
    figure; what `comparable` gives such a claim, without converting anything."""
    currency, per = _money_per(claim)
    if not per or currency not in CURRENCIES:
        return None
    return f"USD/{per}"


def _money_per(claim: Claim) -> tuple[str, str]:
    currency, _, per = ((claim.quantity.unit if claim.quantity else None) or "").partition("/")
    if per == "hour" and _about_gpus(claim):
        per = "gpu_hour"  # "GPU 임차료를 시간당 2달러로": an hour of one GPU
    return currency, per


def _about_gpus(claim: Claim) -> bool:
    """Whether an hourly price is of one GPU: "GPU 임차료를 시간당 2달러로", not "GPU 8장짜리
    인스턴스를 시간당 약 20달러에" (a machine of several, unless "GPU 1시간" says otherwise)."""
    from claimcheck.extract.lexicon import topic_data
    from claimcheck.extract.mentions import entity_type

    about = "GPU" in claim.sentence.upper() or (
        claim.object is not None and entity_type(claim.object) == "chip"
    )
    machines = topic_data().hourly_machines
    if about and any(word in claim.sentence for word in machines.words):
        return re.search(machines.one_gpu, claim.sentence) is not None
    return about


def _signed(quantity: Quantity) -> bool:
    return any(v is not None and v < 0 for v in (quantity.value, quantity.low, quantity.high))


def _meant(quantity: Quantity) -> Quantity:
    if (
        quantity.qualifier == "at_most"
        and quantity.qualifier_word in EMPHASIS_ONLY
        and quantity.value is not None
    ):
        return quantity.model_copy(
            update={"qualifier": "exact", "low": quantity.value, "high": quantity.value}
        )
    return quantity


def _usd(interval: Interval) -> str:
    if interval.point is not None and not interval.bound:
        return f"{interval.point:,.0f} USD (±rounding: {interval.describe()})"
    return f"{interval.describe()} USD"


def describe(quantity: Quantity, sign: float = 1.0) -> str:
    unit = {"percent": "%", "percentage_point": "%p"}.get(
        quantity.unit or "", f" {quantity.unit}" if quantity.unit else ""
    )
    if quantity.counter and quantity.unit == "count":
        unit = f" ({quantity.counter})"

    def num(v):  # noqa: E306
        v = v * sign if sign < 0 else v
        return f"{v:,.4g}" if isinstance(v, float) and not float(v).is_integer() else f"{int(v):,}"

    q = quantity.qualifier
    if q == "exact" and quantity.value is not None:
        return f"{num(quantity.value)}{unit}"
    if q == "approx" and quantity.value is not None:
        return f"about {num(quantity.value)}{unit} ({num(quantity.low)}–{num(quantity.high)})"
    if q == "at_least":
        top = f", below {num(quantity.high)}" if quantity.high is not None else ""
        low = quantity.low if quantity.low is not None else quantity.value
        return f"at least {num(low)}{unit}{top}"
    if q == "at_most":
        return (
            f"at most {num(quantity.high if quantity.high is not None else quantity.value)}{unit}"
        )
    lo = num(quantity.low) if quantity.low is not None else "?"
    hi = num(quantity.high) if quantity.high is not None else "?"
    return f"{lo}–{hi}{unit}"
