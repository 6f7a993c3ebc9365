"""The extractor's language data (topics and stance cues), loaded once into pydantic models."""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

import functools
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from claimcheck.textnorm import normalize
from claimcheck.yamlsafe import load_bundled


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


D = TypeVar("D", bound=BaseModel)


class FigureTopic(_Data):
    units: list[str | None]
    requires: list[str]
    cues: list[str]
    vetoes: list[str] = []
    # a veto word followed by one of these compares the figure with it ("예상치를 웃돌았다": a
    # result that beat the forecast), which vetoes nothing
    vetoes_unless: list[str] = []
    vetoes_before: list[str] = []  # the same, in the words just before the figure
    vetoes_head: list[str] = []  # the noun the figure counts, right after it ("278대의 노드")
    vetoes_noun: list[str] = []  # the same, right before it ("서버 256대짜리")
    vetoes_counter: list[str] = []  # counters of what the topic never counts ("수백 차례")
    # the clause's subject, with its particle, before the figure and with no entity between
    # ("국고채 3년물 금리는 … 연 2.563%에 마감했다": a yield closes, it is no share)
    vetoes_subject: list[str] = []
    vetoes_right_before: list[str] = []  # the word right before the figure ("연 2.563%": per annum)
    # nouns a sum names by its price, right after it ("'600만 달러 AI'", "600만 달러짜리 모델"):
    # the sum is this topic's without any required word
    named_by_price: list[str] = []
    # a year figure of this topic is the year something happened ("2021년 공개"), never a span of
    # years ("향후 4년간", "1년 전보다 69% 늘었다")
    calendar_years: bool = False
    max_money: float | None = None  # money figures this large or larger are not this topic
    min_money: float | None = None  # nor money figures this small
    subject: list[str]
    object: list[str]
    priority: int


class StatementTopic(_Data):
    entity_types: list[str]
    cues: list[str]
    requires_subject_mention: bool = False
    requires_quote_marks: bool = False
    # a rank just after one of these is a place on another list ("인기 검색어 1위")
    ranked_elsewhere: list[str] = []


class ImpliedCurrency(_Data):
    unit: str
    min_value: int
    cues: list[str]


class HourlyMachines(_Data):
    words: list[str]
    one_gpu: str  # a regular expression: the price is still of one GPU's hour


class AttributeFigure(_Data):
    unit: str
    after: list[str]
    attribute: str


class CostScope(_Data):
    scope: str
    cues: list[str]


class SkipFigure(_Data):
    unit: str | None
    value: float


class PeerCues(_Data):
    before: list[str]
    after: list[str]
    groups: list[str] = []


class SeriesJoins(_Data):
    between: list[str]  # what follows the figure moved from ("에서")
    after: list[str]  # what follows the figure moved to ("로", "으로")
    reach: int  # the longest gap between them (a day may stand there: "에서 16일 ")


class TopicData(_Data):
    veto_window: int
    figure_topics: dict[str, FigureTopic]
    statement_topics: dict[str, StatementTopic]
    implied_currency: ImpliedCurrency
    implied_count_after: list[str]
    publisher_desks: list[str]
    hourly_machines: HourlyMachines
    attribute_figures: list[AttributeFigure]
    directions: dict[str, list[str]]
    not_directions: list[str] = []  # words that hold a direction word but move nothing
    direction_nouns: dict[str, list[str]]
    token_sides: dict[str, list[str]]
    token_side_followers: list[str]
    token_side_each: list[str]
    token_side_particles: list[str]
    model_margin_words: list[str]
    founded_object: str
    founded_after: str
    earnings_metrics: dict[str, list[str]]
    earnings_whole_words: list[str]
    earnings_lookback: list[str]
    earnings_announced: list[str]
    rate_not_metrics: list[str]
    rate_nouns: list[str]
    price_tag_joiners: list[str] = []  # "600만 달러짜리 모델"
    plan_tiers: list[str] = []  # "챗GPT 플러스": the plan of a product a price is of
    price_tag_particles: list[str] = []  # "'600만 달러 AI'의"
    # what an unclassified figure measures, by the noun written just before it ("매출 27%↑",
    # "영업익 412억"): a headline's figure and the body's of the same label are one figure
    figure_labels: dict[str, list[str]] = {}
    benchmarks: list[str]
    model_spec_whole: list[str]
    model_spec_activated: list[str]
    model_spec_activated_before: str  # a regular expression on the words before the count
    earnings_segment_nouns: list[str]
    range_end_words: list[str]
    earnings_quarter: str
    earnings_year: str
    earnings_forecast: list[str]
    earnings_months: str
    cost_scopes: list[CostScope]
    funding_words: list[str]
    funding_rounds: str  # a regular expression: the round a sum raised belongs to
    chip_scopes: list[CostScope]
    peer_cues: PeerCues
    own_cost_cues: list[str]
    technique_specialisations: dict[str, list[str]]
    technique_figures: bool
    technique_counters: list[str]
    model_spec_nouns: dict[str, list[str]]
    model_spec_per: list[str]
    # a chip's spec in bytes: unit -> spec -> nouns (in order), and the words of a measured one
    chip_specs: dict[str, dict[str, list[str]]]
    product_throughputs: dict[str, list[str]] = {}
    model_spec_count_words: list[str] = []
    chip_spec_measured: list[str]
    chip_spec_reach: int
    chip_spec_cut: list[str]
    series: SeriesJoins
    token_cache: dict[str, list[str]]
    token_discount: list[str]
    token_discount_hours: str
    other_skip: list[SkipFigure]


class Corrections(_Data):
    markers: list[str]
    retracted: list[str]
    corrected_to: list[str]
    own_outlet: list[str]
    own_reports: list[str]


class Interviews(_Data):
    markers: list[str]
    answer_openers: list[str]
    titles: list[str]


class StanceData(_Data):
    order: list[str]
    families: dict[str, list[str]]
    evidential: list[str]
    quotatives: list[str]
    continuations: list[str]
    generic_sources: list[str]
    speaker_particles: list[str]
    negations: list[str]
    double_negations: list[str]
    contrasts: list[str]
    corrections: Corrections
    interviews: Interviews
    questions: list[str]
    question_endings: list[str]
    question_words: list[str]
    myth_labels: list[str]
    forecast_beaten: list[str]
    forecast_nouns: list[str] = []  # "예상치(180억 원)": a forecast's own figure
    estimate_cues: list[str]
    claim_cues: list[str]
    owner_documents: list[str]
    document_markers: list[str]


def _text(name: str) -> str:
    from claimcheck.packaged import packaged

    return packaged("claimcheck.data", "ko", name).read_text(encoding="utf-8")


def _parsed(text: str, name: str) -> object:
    # Cue words are matched on normalised text, so the data is normalised the same way.
    return load_bundled(normalize(text).text, f"claimcheck/data/ko/{name}", "language data")


def validated(model: type[D], name: str) -> D:
    """The data file `name` of claimcheck/data/ko, validated into `model` (or, once it has been,
    the record kept from then: claimcheck/keptmodels.py)."""
    from claimcheck.keptmodels import kept_model

    text = _text(name)
    path = f"claimcheck/data/ko/{name}"
    return kept_model(model, text, path, lambda: model.model_validate(_parsed(text, name)))


@functools.cache
def topic_data() -> TopicData:
    return validated(TopicData, "topics.yaml")


@functools.cache
def stance_data() -> StanceData:
    return validated(StanceData, "stance.yaml")


def topic_names() -> list[str]:
    """Every claim topic, in the order tables group them: figure topics, statement topics, other."""
    data = topic_data()
    names = list(data.figure_topics)
    names += [name for name in data.statement_topics if name not in names]
    return names + ["other"]
