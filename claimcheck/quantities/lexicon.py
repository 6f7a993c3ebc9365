"""The Korean numeral, unit and qualifier tables: YAML package data validated by pydantic."""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

import functools
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimcheck.yamlsafe import load_bundled

_DATA_PACKAGE = "claimcheck.data"
DATA_FILES = ("ko/numerals.yaml", "ko/units.yaml", "ko/qualifiers.yaml")


class _Table(BaseModel):
    # A typo in a data file must fail loudly, never be ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LatinScale(_Table):
    word: str
    power: int
    glued: bool = False


class WordQuantity(_Table):
    word: str
    value: float
    unit: str
    rule: str
    # the word counts only when one of these follows it ("하루 만에"; not "하루 평균")
    cues: list[str] = []


class Signs(_Table):
    """How a figure says it is below zero: -4.21%, △3.2%, 마이너스 3%."""

    glued: list[str] = Field(min_length=1)  # signs written straight before the digits
    words: list[str] = Field(min_length=1)  # words before the figure, glued or after a space


class SpokenNumerals(_Table):
    """Numerals read aloud: 삼점사 (3.4), 영 (0), 수개월 (several months)."""

    point: str  # the decimal point read aloud: 삼점사
    zero_words: list[str]  # zero, read only as a whole text ("영", "공")
    # single syllables glued to a currency that are words, not sums (사원 employee, 구원 rescue)
    glued_currency_words: list[str]
    vague_counters: list[str]  # 수 alone before these is "several": 수개월, 수년
    vague_low: int = Field(ge=1)
    vague_high: int
    # currencies a single numeral syllable may be glued to (십원, 구파운드; not 일엔 "on work")
    glued_currencies: list[str]


class NumeralTable(_Table):
    sino_digits: dict[str, int]
    small_powers: dict[str, int]
    myriad_powers: dict[str, int]
    standalone_powers: list[str]
    standalone_power_words: list[str]
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
    signs: Signs
    spoken: SpokenNumerals

    @model_validator(mode="after")
    def _consistent(self) -> "NumeralTable":
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
    minor_words: list[str] = []  # a hundredth of the currency: 센트


class UnitWords(_Table):
    words: list[str] = Field(min_length=1)
    unit: str
    rule: str
    counter: bool = False
    cues: list[str] = []
    max_value: int | None = None
    min_value: int | None = None
    not_before: list[str] = []  # this reading only: not when one of these follows (주간)
    glued_needs_follower: bool = False
    factor: float = 1.0  # the value in `unit` of one of these (메가와트: 0.001 GW)


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
    list_labels: list[str] = []
    # a price list whose rate is said once before it ("출력 토큰 100만 개 기준 가격은 R1이
    # 2.19달러, o1이 60달러다"): the basis words by what they are per, and the price nouns after
    list_bases: dict[str, list[str]] = {}
    list_nouns: list[str] = []


class RateWords(_Table):
    per: str = Field(pattern=r"^[a-z_]+$")
    words: list[str] = Field(min_length=1)
    # the same words read per something else when the text speaks of it (주당: per week)
    otherwise: OtherReading | None = None


class Throughput(_Table):
    """A size after "초당" is an amount per second: its unit becomes the per-second one."""

    words: list[str] = Field(min_length=1)
    units: dict[str, str] = Field(min_length=1)  # size unit -> its per-second unit


class ExchangeRates(_Table):
    """A figure in won that is a rate of exchange: "1달러=1,450원", "원·달러 환율 1,450원"."""

    equals: list[str] = Field(min_length=1)  # 1달러=1,450원
    cues: list[str] = Field(min_length=1)  # 환율: a won figure after it (same sentence) is a rate
    reach: int = Field(gt=0)  # how far back a cue may stand
    max_value: int = Field(gt=0)  # a won figure this large is a sum, not a rate
    # the currency a rate is per, named before the figure (원·달러, 원/엔); the first found wins
    pairs: dict[str, str]
    default_pair: str = Field(pattern=r"^[A-Z]{3}$")
    per_hundred: list[str] = []  # quoted per 100 units (원·엔 환율 900원: 100엔당): divided by 100
    per_words: dict[str, str]  # 달러당 1,450원: won per dollar


class ModelSizes(_Table):
    """32B, 1.2B: a Latin scale glued to a number next to a model is a count of parameters."""

    unit: str
    scales: list[str] = Field(min_length=1)
    words_after: list[str] = Field(min_length=1)  # 32B 모델, 1.2B parameters


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
    rate_particles: list[str] = []
    rate_continuations: RateContinuations
    rates: list[RateWords]
    throughput: Throughput
    exchange_rates: ExchangeRates
    model_sizes: ModelSizes
    # a bare figure with a myriad power in brackets right after a sum in another currency is
    # this currency: "1200억달러(약 172조)" is 172조 won
    bracket_currency: str = Field(pattern=r"^[A-Z]{3}$")


Family = Literal["approx", "at_least", "at_most", "only", "as_many_as"]
EMPHASIS = ("only", "as_many_as")  # families that stress a figure and bound nothing


class QualifierWords(_Table):
    words: list[str] = Field(min_length=1)
    family: Family
    inclusive: bool = True
    weak: bool = False
    particles: list[str] = []
    units: list[str] = []  # the word qualifies only figures in these units (수준: ratio)
    # …and in these units only figures written without decimals ("4% 수준" is about 4%, "41.6%
    # 수준" is the level reached)
    whole_units: list[str] = []
    verb: bool = False  # a verb stem: it may go on ("선이 무너" in 무너졌다, 무너지며)


class RangeWords(_Table):
    between: list[str]
    from_words: list[str]
    to_words: list[str]
    change_endings: list[str]


class QualifierTable(_Table):
    approx_tolerance: float = Field(gt=0, lt=1)
    prefix: list[QualifierWords]
    suffix: list[QualifierWords]
    degree_words: list[str] = Field(min_length=1)
    more_than_infix: str
    band_suffix: str
    ranges: RangeWords


class Lexicon(_Table):
    numerals: NumeralTable
    units: UnitTable
    qualifiers: QualifierTable


def _text(name: str) -> str:
    from claimcheck.packaged import packaged

    return packaged(_DATA_PACKAGE, *name.split("/")).read_text(encoding="utf-8")


def read_yaml(name: str) -> object:
    """Parse one data file of the package (`ko/units.yaml` …)."""
    return load_bundled(_text(name), f"claimcheck/data/{name}", "language data")


@functools.cache
def lexicon() -> Lexicon:
    """The validated tables, read once per process (or kept: claimcheck/keptmodels.py)."""
    from claimcheck.keptmodels import kept_model

    texts = [_text(name) for name in DATA_FILES]

    def build() -> Lexicon:
        numerals, units, qualifiers = (
            load_bundled(text, f"claimcheck/data/{name}", "language data")
            for name, text in zip(DATA_FILES, texts, strict=True)
        )
        return Lexicon(
            numerals=NumeralTable.model_validate(numerals),
            units=UnitTable.model_validate(units),
            qualifiers=QualifierTable.model_validate(qualifiers),
        )

    return kept_model(Lexicon, "\0".join(texts), "claimcheck/data/ko/lexicon", build)
