"""How written figures become intervals, and when two are too far apart to be one quantity."""

from __future__ import annotations

from claimcheck.models import Quantity
from claimcheck.reconcile.intervals import Interval, interval_of, magnitude_apart, relation


def _exact(text: str, value: float, unit: str = "USD") -> Quantity:
    return Quantity(
        text=text, start=0, end=len(text), value=value, low=value, high=value, unit=unit,
        qualifier="exact", rule="test",
    )  # fmt: skip


def _point(value: float) -> Interval:
    return Interval(value, value, value, False)


def test_a_figure_may_be_cut_off_as_well_as_rounded():
    # "557만 달러" for 557만6000달러: written to the 만, cut off, not rounded up
    written = interval_of(_exact("557만 달러", 5_570_000))
    assert relation(written, _point(5_576_000)) == "agree"
    # but not a whole step below what it says: 556만 is not 557만
    assert relation(written, _point(5_560_000)) != "agree"
    # a fall written "16.9%" for 16.97%: away from zero is down for a negative figure
    fall = interval_of(_exact("16.9%", -16.9, "percent"))
    assert relation(fall, _point(-16.97)) == "agree"
    assert relation(fall, _point(-16.86)) == "agree"  # half a step toward zero: rounding
    assert relation(fall, _point(-16.83)) != "agree"  # -16.83 is written 16.8%
    assert relation(fall, _point(-16.7)) != "agree"


def test_figures_hundreds_of_times_apart_are_two_quantities_unless_a_digit_slipped():
    assert magnitude_apart(_point(1_600_000_000), _point(5_576_000))  # a company's spending
    assert magnitude_apart(_point(2), _point(5_576_000))  # the price of one GPU-hour
    assert magnitude_apart(_point(20480), _point(2048)) is None  # a zero added
    assert magnitude_apart(_point(248), _point(2048)) is None  # a digit dropped
    assert magnitude_apart(_point(27_880_000), _point(2_788_000)) is None  # 2788만 for 278만8000
    assert magnitude_apart(_point(1000), _point(2048)) is None  # merely wrong, not far
    assert magnitude_apart(_point(-0.5), _point(-17.0)) is None  # moves: size is not the test


def test_a_fraction_rounds_its_denominator():
    # "27분의 1" stands for 1/26.5–1/27.5: 2.19 dollars against 60 (1/27.4) is one
    fraction = interval_of(_exact("27분의 1", 1 / 27, "ratio"))
    assert relation(fraction, _point(2.19 / 60)) == "agree"
    assert relation(fraction, _point(1 / 30)) != "agree"


def test_a_move_written_to_the_hundredth_is_precise_a_tenth_is_not():
    assert interval_of(_exact("0.87%", -0.87, "percent")).precise
    assert not interval_of(_exact("0.8%", -0.8, "percent")).precise
