"""The Korean numeral, unit and qualifier tables: YAML package data validated by pydantic."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimcheck.yamlsafe import safe_load

_DATA_PACKAGE = "claimcheck.data"
DATA_FILES = ("ko/numerals.yaml", "ko/units.yaml", "ko/qualifiers.yaml")


class _Table(BaseModel):
    # A typo in a data file must fail loudly, never be ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class LatinScale(_Table):
    word: str
    power: int
    glued: bool = False


class WordQuantity(_Table):
    word: str
    value: float
    unit: str
    rule: str


class NumeralTable(_Table):
    sino_digits: dict[str, int]
    small_powers: dict[str, int]
    myriad_powers: dict[str, int]
    standalone_powers: list[str]
    min_bare_syllables: int = Field(ge=2)
    particle_digits: list[str]
    vague_prefixes: list[str]
    native_ones: dict[str, int]
    native_tens: dict[str, int]
    native_tens_alone: list[str]
    native_glued_counters: list[str]
    native_glued_exceptions: list[str]
    glued_prefixes: list[str]
    latin_scales: list[LatinScale]
    words: list[WordQuantity]
    fraction_marker: str

    @model_validator(mode="after")
    def _consistent(self) -> NumeralTable:
        syllables = [*self.sino_digits, *self.small_powers, *self.myriad_powers]
        if any(len(s) != 1 for s in syllables):
            raise ValueError("sino digits and powers must be single syllables")
        if len(set(syllables)) != len(syllables):
            raise ValueError("a syllable is both a digit and a power")
        for word in [*self.standalone_powers]:
            if word not in self.small_powers and word not in self.myriad_powers:
                raise ValueError(f"standalone power {word!r} is not a power")
        for word in self.particle_digits:
            if word not in self.sino_digits:
                raise ValueError(f"particle digit {word!r} is not a digit")
        for word in self.native_tens_alone:
            if word not in self.native_tens:
                raise ValueError(f"{word!r} is not a native tens word")
        return self


class Currency(_Table):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    words: list[str]
    symbols: list[str]
    codes: list[str]


class UnitWords(_Table):
    words: list[str] = Field(min_length=1)
    unit: str
    rule: str
    counter: bool = False
    cues: list[str] = []
    max_value: int | None = None
    glued_needs_follower: bool = False


class Calendar(_Table):
    year: str
    month: str
    day: str
    hour: str
    minute: str


class OtherReading(_Table):
    per: str = Field(pattern=r"^[a-z_]+$")
    cues: list[str] = Field(min_length=1)
    unless: list[str] = []


class RateContinuations(_Table):
    between: list[str] = Field(min_length=1)
    after: list[str] = Field(min_length=1)


class RateWords(_Table):
    per: str = Field(pattern=r"^[a-z_]+$")
    words: list[str] = Field(min_length=1)
    # the same words read per something else when the text speaks of it (주당: per week)
    otherwise: OtherReading | None = None


class UnitTable(_Table):
    currencies: list[Currency]
    units: list[UnitWords]
    point_rate_cues: list[str]
    point_cue_window: int = Field(gt=0)
    followers: list[str]
    glued_ambiguous_counters: list[str]
    not_before: dict[str, list[str]]
    address_endings: list[str]
    band_steps: dict[str, int]
    calendar: Calendar
    rate_fillers: list[str]
    rate_continuations: RateContinuations
    rates: list[RateWords]


Family = Literal["approx", "at_least", "at_most"]


class QualifierWords(_Table):
    words: list[str] = Field(min_length=1)
    family: Family
    inclusive: bool = True
    weak: bool = False
    particles: list[str] = []


class RangeWords(_Table):
    between: list[str]
    from_words: list[str]
    to_words: list[str]
    change_endings: list[str]


class QualifierTable(_Table):
    approx_tolerance: float = Field(gt=0, lt=1)
    prefix: list[QualifierWords]
    suffix: list[QualifierWords]
    more_than_infix: str
    band_suffix: str
    ranges: RangeWords


class Lexicon(_Table):
    numerals: NumeralTable
    units: UnitTable
    qualifiers: QualifierTable


def read_yaml(name: str) -> object:
    """Parse one data file of the package (`ko/units.yaml` …)."""
    text = resources.files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return safe_load(text, f"claimcheck/data/{name}", "language data")


@functools.cache
def lexicon() -> Lexicon:
    """The validated tables, read once per process."""
    numerals, units, qualifiers = (read_yaml(name) for name in DATA_FILES)
    return Lexicon(
        numerals=NumeralTable.model_validate(numerals),
        units=UnitTable.model_validate(units),
        qualifiers=QualifierTable.model_validate(qualifiers),
    )
