"""A figure found in the normalised text while the recogniser reads it (before it is a Quantity)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claimcheck.quantities.numerals import Numeral
from claimcheck.quantities.qualify import QualifierHit


@dataclass(slots=True)
class Mention:
    """A figure found in the normalised text, before it becomes a Quantity."""

    start: int  # including a prefix qualifier
    end: int  # including a suffix qualifier
    core_start: int  # the figure (with a currency sign) without qualifier words
    core_end: int
    value: Decimal | None
    unit: str | None
    rule: list[str]
    counter: str | None = None
    qualifier: str = "exact"
    qualifier_word: str | None = None
    inclusive: bool = True
    strength: int = 0
    low: Decimal | None = None
    high: Decimal | None = None
    step: Decimal | None = None  # 여: the bound above ("2천여" < 3000)
    numeral: Numeral | None = None
    scale: int = 0  # power of ten from a Latin scale word
    factor: Decimal = Decimal(1)  # the unit word's, applied to value (800메가와트 = 0.8 GW)
    provisional: bool = False  # a small bare number kept only to join a range (1~2%)
    prefix: QualifierHit | None = None
    suffix: QualifierHit | None = None
    fixed_interval: bool = False  # low/high set by the rule (vague, band, range)
    emphasis: str | None = None  # only | as_many_as
