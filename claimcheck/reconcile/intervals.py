"""Quantities as intervals, and how two relate (agree, compatible, discrepancy, contradiction)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from claimcheck.models import Diagnosis, Quantity

Relation = Literal["agree", "compatible", "discrepancy", "contradiction"]

# Two figures whose intervals miss each other by less than this share of their size are the
# same underlying figure, differently rounded or converted (a discrepancy, not a contradiction).
NEAR_MISS = 0.15
# A lower bound that the true figure exceeds by this factor is true but misleads: "5% 넘게" for
# 9.86%, "10% 넘게" for 16.97% (a writer names the largest round figure below the truth).
UNDERSTATES = 1.5
# ... unless both are precise figures that miss by more than this share: two different figures.
PRECISE_MISS = 0.01
PRECISE_DIGITS = 3


def significant_digits(value: float) -> int:
    """Digits a figure is written with, trailing zeros not counted: 2878000 → 4, 16.97 → 4."""
    if value == 0:
        return 1
    return len(Decimal(str(abs(value))).normalize().as_tuple().digits)


def decimals(value: float) -> int:
    """Decimal places a figure is written with: 0.87 → 2, 2.5 → 1."""
    return max(0, -int(Decimal(str(abs(value))).normalize().as_tuple().exponent))


@dataclass(frozen=True)
class Interval:
    """The values a figure may stand for, as a closed interval, and how it was written."""

    low: float  # -inf when unbounded
    high: float  # +inf when unbounded
    point: float | None
    bound: bool  # a one-sided bound or a range rather than a point figure
    # an exact figure written to three or more significant digits, as it stands (not
    # converted): a miss beyond its rounding is no rounding difference ("287만8000" for 278만8000)
    precise: bool = False

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def describe(self) -> str:
        if self.low == self.high:
            return _fmt(self.low)
        lo = "−∞" if math.isinf(self.low) else _fmt(self.low)
        hi = "∞" if math.isinf(self.high) else _fmt(self.high)
        return f"{lo}–{hi}"


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"


def rounding_step(value: float) -> float:
    """The precision a written figure implies: 560만 → 10만, 2048 → 1, 9.86 → 0.01.

    Trailing zeros may be rounding ("560만" for 557만6000) but a round figure keeps at least two
    significant digits: "10%" means 10, not "somewhere from 5 to 15".
    """
    if value == 0:
        return 1.0
    exponent = int(Decimal(str(abs(value))).normalize().as_tuple().exponent)
    magnitude = math.floor(math.log10(abs(value)))
    return float(Decimal(1).scaleb(min(exponent, magnitude - 1)))


def as_headline(interval: Interval) -> Interval:
    """A headline's round figure read as headlines round: to one significant digit ("600만 달러
    AI" for 557만6000달러). Bounds and ranges are left as they are."""
    point = interval.point
    if point is None or interval.bound or point == 0:
        return interval
    magnitude = math.floor(math.log10(abs(point)))
    step = 10.0**magnitude
    if abs(point) % step:
        return interval  # not round to one digit: "557만 달러" keeps its own precision
    half = step / 2
    return Interval(min(interval.low, point - half), max(interval.high, point + half), point, False)


def interval_of(quantity: Quantity, scale: float = 1.0) -> Interval:
    """The interval a quantity denotes, widened by the rounding its written precision implies."""
    value = quantity.value
    low = quantity.low
    high = quantity.high
    if quantity.qualifier == "at_least":
        edge = low if low is not None else value
        assert edge is not None  # a lower bound states its low end or a value
        lo = float(edge)
        hi = float(high) if high is not None else math.inf
        return Interval(lo * scale, hi * scale, None, True)
    if quantity.qualifier == "at_most":
        edge = high if high is not None else value
        assert edge is not None  # an upper bound states its high end or a value
        hi = float(edge)
        # no lower end: zero for a size, unbounded for a figure below zero ("-3% 미만")
        lo = float(low) if low is not None else (0.0 if hi >= 0 else -math.inf)
        return Interval(lo * scale, hi * scale, None, True)
    if quantity.qualifier == "range" or value is None:
        lo = float(low) if low is not None else -math.inf
        hi = float(high) if high is not None else math.inf
        return Interval(lo * scale, hi * scale, None, True)
    step = rounding_step(float(value))
    # Written figures are rounded or cut off: "557만 달러" for 557만6000달러, "16.9%" for 16.97%.
    # So half a step toward zero, a whole step away from it.
    toward, away = step / 2, step
    if _one_digit(quantity):
        # "about" one digit is that digit rounded: "4% 수준" for 3.65% (2.19 of 60 dollars), 3.5
        # to 4.5, wider than 5% either side
        toward = away = 0.5
    below, above = (toward, away) if value >= 0 else (away, toward)
    lo = min(float(low if low is not None else value), float(value) - below)
    hi = max(float(high if high is not None else value), float(value) + above)
    if quantity.unit == "ratio" and 0 < float(value) < 1:
        # "27분의 1": the denominator is what is rounded (26.5–27.5), not the fraction's digits
        denominator = 1 / float(value)
        if abs(denominator - round(denominator)) < 1e-6 and round(denominator) >= 2:
            lo = min(lo, 1 / (round(denominator) + 0.5))
            hi = max(hi, 1 / (round(denominator) - 0.5))
    precise = (
        quantity.qualifier == "exact"
        and scale == 1.0
        and (
            significant_digits(float(value)) >= PRECISE_DIGITS
            # "0.87%": a move written to the hundredth of a point is as stated, not rounded
            or (quantity.unit == "percent" and decimals(float(value)) >= 2)
        )
    )
    return Interval(lo * scale, hi * scale, float(value) * scale, False, precise)


_COUNTED = frozenset({"count", "year", "month", "week", "day", "hour", "rank", "years_of_age"})


def _one_digit(quantity: Quantity) -> bool:
    """An approximate measure written as one digit alone ("약 4%", "4% 수준", "7배 가량"), not
    "4.0%" nor "4만"; nor a count of things or of time units ("7종", "4년"), which is exact. (A
    bare "4%" keeps a tenth: a wrong digit is more often a slip than a rounding.)"""
    value = quantity.value
    if value is None or not (1 <= abs(float(value)) < 10) or not float(value).is_integer():
        return False
    if quantity.qualifier != "approx" or quantity.unit is None or quantity.unit in _COUNTED:
        return False
    digits = [ch for ch in quantity.text if ch.isdigit()]
    return len(digits) == 1 and "." not in quantity.text


def relation(a: Interval, b: Interval, one_unit: bool = False) -> Relation:
    """agree | compatible | discrepancy | contradiction for two intervals of the same unit.
    `one_unit`: both were written in that unit, with no rate between them."""
    if a.overlaps(b):
        if a.bound or b.bound:
            if a.point is not None and b.point is not None:
                return "agree"
            return "compatible"
        return "agree"
    gap = max(a.low - b.high, b.low - a.high)
    size = max(abs(x) for x in (a.low, a.high, b.low, b.high) if not math.isinf(x))
    if size and gap / size <= NEAR_MISS and not (a.bound or b.bound):
        if a.precise and b.precise and _apart_by(a, b) > PRECISE_MISS:
            return "contradiction"
        if one_unit and beyond_rounding(a, b):
            # "7조4405억 원" against "7조4050억 원": figures written to five digits in one unit
            # miss each other by more than any rounding, and no rate stands between them
            return "contradiction"
        return "discrepancy"
    return "contradiction"


# Figures written with at least this many significant digits are not rounded apart: they name
# the digit they differ in
EXACT_DIGITS = 4


def beyond_rounding(a: Interval, b: Interval) -> bool:
    """Whether two precise figures that miss each other are each written to EXACT_DIGITS
    significant digits or more ("7조4405억" and "7조4050억"; not "16.9%" against "16.97%", one cut
    short): read from how narrow their intervals are (the step of the last digit written), not from
    the digits of a computed value ("68분의 6")."""
    return a.precise and b.precise and not a.overlaps(b) and all(_written_fine(x) for x in (a, b))


def _written_fine(interval: Interval) -> bool:
    point = interval.point
    if point is None:
        return False
    # an interval spans one and a half steps of the last digit written (see interval_of)
    finest = 1.5 * 10 ** (1 - EXACT_DIGITS)
    return interval.high - interval.low < finest * abs(point)


def _apart_by(a: Interval, b: Interval) -> float:
    """How far two point figures are apart, as a share of the larger (as the reference check
    measures a difference): 16.79 and 16.97 are 1.06% apart."""
    if a.point is None or b.point is None:
        return 0.0
    larger = max(abs(a.point), abs(b.point))
    return abs(a.point - b.point) / larger if larger else 0.0


def digit_slip(claimed: float, reference: float) -> Diagnosis | None:
    """'digit_dropped' / 'digit_added' when one figure is the other with one digit removed or added
    (2048 → 248), 'unit_slip' when they differ by a Korean myriad step (만 ↔ 억: ×10⁴)."""
    if claimed <= 0 or reference <= 0:
        return None
    if float(claimed).is_integer() and float(reference).is_integer():
        c, r = str(int(claimed)), str(int(reference))
        if len(c) + 1 == len(r) and any(r[:i] + r[i + 1 :] == c for i in range(len(r))):
            return "digit_dropped"
        if len(r) + 1 == len(c) and any(c[:i] + c[i + 1 :] == r for i in range(len(c))):
            return "digit_added"
    ratio = claimed / reference
    for step in (1e4, 1e8, 1e-4, 1e-8):
        if abs(ratio / step - 1) < 0.02:
            return "unit_slip"
    return None


# Two figures this many times apart are not one quantity misstated but two quantities (a
# company's whole spending against one training run, the price of an hour against the bill),
# unless one is the other with a digit or a myriad step slipped.
APART = 20.0


def _one_digit_rounding(value: float) -> float:
    """How far a figure of one significant digit may be from what it rounds ("60억": 55억 to
    65억, 8.3%), at most 10%; 0 for a figure of more digits."""
    exponent = math.floor(math.log10(value))
    leading = value / 10**exponent
    if abs(leading - round(leading)) > 1e-9:
        return 0.0
    return min(0.1, 0.5 / round(leading))


def magnitude_apart(a: Interval, b: Interval, rounded_slips: bool = False) -> str | None:
    """Why two figures of the same sign are too far apart to be the same quantity ("287× apart"),
    or None when they may be (close enough, or one a digit slip of the other). With
    `rounded_slips`, a figure of one significant digit may also be the other rounded with its
    zeros misplaced (a headline's "훈련비 60억 달러" over the body's 557만6000달러)."""
    low, high = (a, b) if a.high <= b.low else (b, a) if b.high <= a.low else (None, None)
    if low is None or high is None:
        return None  # they overlap
    small, large = abs(low.high), abs(high.low)
    if low.high < 0 < high.low or low.high <= 0 or math.isinf(large):
        return None  # of other signs, or unbounded: not a matter of size
    ratio = large / small
    if ratio < APART:
        return None
    points = (a.point, b.point)
    if all(p is not None and p > 0 for p in points):
        slip = digit_slip(points[0], points[1]) or digit_slip(points[1], points[0])  # type: ignore[arg-type]
        if slip:
            return None
    if any(abs(ratio / 10**k - 1) < 0.02 for k in range(1, 9)):
        return None  # a misplaced decimal point or zeros
    if rounded_slips and all(p is not None and p > 0 for p in points):
        tolerance = max(_one_digit_rounding(p) for p in points)  # type: ignore[arg-type]
        if any(abs(ratio / 10**k - 1) <= tolerance for k in range(1, 9)):
            return None
    return f"magnitude: {ratio:,.0f}× apart, another quantity rather than a misstatement of it"
