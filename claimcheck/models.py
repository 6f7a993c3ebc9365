"""Pydantic models: the single definition of every record claimcheck reads or writes.

YAML, JSON, tables and exports are renderings of these; `claimcheck schema` prints them.
"""

# No `from __future__ import annotations` here: pydantic would evaluate every field's annotation
# from its string (an eval each) when the class is made, a third of making the 23 models at
# every start; a method's own class is named in quotes.

import datetime as dt
import functools
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticUndefined

from claimcheck.verdicts import Verdict

# defer_build: a model's validator and serializer are built when first used, not at import (a
# report uses 30 of the 88 models; importing this module took twice as long without it).
# ser_json_inf_nan: model_dump_json writes a non-finite float as json.dumps does (Infinity, NaN),
# not as null, so the report store (which writes records with it) reads back what it wrote.


class Strict(BaseModel):
    """Input records: an unknown key is an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid", defer_build=True, ser_json_inf_nan="constants")


class Result(BaseModel):
    """Output records: immutable once built."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, ser_json_inf_nan="constants"
    )


R = TypeVar("R", bound=Result)


@functools.cache
def _fields_of(model: type[BaseModel]) -> dict[str, Any]:
    return dict(model.model_fields)  # a property of the class in newer pydantic: read it once


def from_checked_parts(model: type[R], given: dict[str, object]) -> R:
    """A record built by claimcheck's own code from values already of their declared types,
    without validating them again (never for what a user's file says: that is validated).

    Validating took a quarter of the normaliser's time and more than building a claim;
    pydantic's `model_construct` is slower still. Fields not given take their defaults. Tests
    check that validating such records gives them back unchanged
    (tests/test_quantities_properties.py, tests/test_pipeline_identity.py).
    """
    record = _new(model)
    fields = _fields_of(model)
    if given.keys() == fields.keys():
        values = given
    elif given.keys() <= fields.keys():
        # the defaults laid out once per model, the given values put over them (in C, where a
        # loop over the fields was a tenth of building a claim)
        shared, fresh = _defaults_of(model)
        values = {**shared, **given}
        for name in fresh:
            if name not in given:
                values[name] = fields[name].get_default(call_default_factory=True)
    else:
        values = {
            name: given[name] if name in given else field.get_default(call_default_factory=True)
            for name, field in fields.items()
        }
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", set(given))
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


# looked up once: from_checked_parts runs for every figure and claim
_new = object.__new__
_set = object.__setattr__
# Defaults that get_default hands out as they are (it copies any other kind).
_SHARED_DEFAULT_TYPES = (type(None), bool, int, float, str)


@functools.cache
def _defaults_of(model: type[BaseModel]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Every field of `model` in order with its default where one value can serve every record
    (what get_default gives: the value itself, or pydantic's marker of a required field), and
    the fields whose default get_default makes anew for each record (a factory, a list)."""
    shared: dict[str, Any] = {}
    fresh = []
    for name, field in _fields_of(model).items():
        default = field.default
        if field.default_factory is None and (
            default is PydanticUndefined or type(default) in _SHARED_DEFAULT_TYPES
        ):
            shared[name] = default
        else:
            shared[name] = None  # made for each record
            fresh.append(name)
    return shared, tuple(fresh)


def copied_with(record: R, **changes: object) -> R:
    """`record.model_copy(update=changes)` (a shallow copy, the changes not validated), without
    the general path pydantic takes for it: the extractor moves every figure's span into the
    file this way. Only for records of claimcheck's own models (no extra fields or private
    attributes)."""
    copy = object.__new__(type(record))
    object.__setattr__(copy, "__dict__", {**record.__dict__, **changes})
    object.__setattr__(
        copy, "__pydantic_fields_set__", record.__pydantic_fields_set__ | changes.keys()
    )
    object.__setattr__(copy, "__pydantic_extra__", None)
    object.__setattr__(copy, "__pydantic_private__", None)
    return copy


# --- article metadata -------------------------------------------------------------------

ArticleKind = Literal[
    "news", "blog", "newsletter", "video summary", "essay", "explainer", "round-up", "unknown"
]


class SourcedValue(Strict):
    """A metadata value with where the text states it, or null with the reason it is unknown."""

    value: str | None
    line: int | None = None
    quote: str | None = None
    reason: str | None = None

    @model_validator(mode="after")
    def _evidence_or_reason(self) -> "SourcedValue":
        if self.value is None and not self.reason:
            raise ValueError("a null value needs a reason")
        if self.value is not None and self.line is None and not self.reason:
            raise ValueError("a value needs the line it comes from (or a reason)")
        return self


class ManifestEntry(Strict):
    """One article of `seeds/manifest.yaml`."""

    id: str
    file: str
    title: SourcedValue
    outlet: SourcedValue
    author: SourcedValue
    published: SourcedValue
    kind: SourcedValue
    language: SourcedValue
    url: SourcedValue | None = None

    @model_validator(mode="after")
    def _published_is_iso(self) -> "ManifestEntry":
        if self.published.value is not None:
            _parse_iso_date(self.published.value)
        return self


class Manifest(Strict):
    articles: list[ManifestEntry]


class ArticleMeta(Result):
    """Resolved metadata of an article, whatever it came from."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    kind: str | None = None
    language: str | None = None
    source: Literal["manifest", "front_matter", "html_meta", "none"] = "none"
    # Why a field is unknown, by field name (from the manifest's reasons).
    unknown: dict[str, str] = {}


class FrontMatter(Strict):
    """The YAML block an article may start with (`---` … `---`)."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | dt.datetime | str | None = None
    url: str | None = None
    kind: str | None = None
    language: str | None = None

    @model_validator(mode="after")
    def _published_is_iso(self) -> "FrontMatter":
        if isinstance(self.published, str):
            _parse_iso_date(self.published)
        return self


def _parse_iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from None


# --- article structure ------------------------------------------------------------------

BlockKind = Literal["title", "summary", "heading", "body", "boilerplate"]
Section = Literal["headline", "summary", "body"]


class Block(Result):
    """A line (or paragraph) of the article, classified. Spans point into the original text."""

    kind: BlockKind
    start: int
    end: int
    line: int  # 1-based line of `start` in the original file
    text: str
    story: int | None = None  # index into Article.stories; None for page furniture
    reason: str | None = None  # the rule that classified the block: '<rule>: <what it saw>'


class Story(Result):
    """One story of a page; a round-up page carries several."""

    index: int
    headline: str
    start: int
    end: int
    line: int


class Sentence(Result):
    text: str
    start: int
    end: int
    line: int
    section: Section
    story: int
    block: int  # index into Article.blocks (to tell a heading from a paragraph)


class Article(Result):
    id: str
    path: str
    format: Literal["txt", "md", "html"]
    encoding: str
    meta: ArticleMeta
    text: str  # the decoded file, exactly as the user sees it
    blocks: list[Block]
    stories: list[Story]
    sentences: list[Sentence]


# --- quantities -------------------------------------------------------------------------

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
Emphasis = Literal["only", "as_many_as"]


class Quantity(Result):
    """A figure found in text, with the interval it really denotes."""

    text: str
    start: int  # offsets into the string the normaliser was given
    end: int
    value: int | float | None  # point estimate; None for a vague magnitude without one
    low: int | float | None
    high: int | float | None
    # ISO 4217 code, percent, percentage_point, ratio, count, hour, day, week, month, year,
    # years_of_age, rank, score, GW, parameters, a rate CURRENCY/PER (KRW/USD: an exchange rate)
    unit: str | None
    counter: str | None = None  # the Korean counter word as written (개, 대, 명 …)
    qualifier: Qualifier = "exact"
    qualifier_word: str | None = None  # the word that made the qualifier (약, 여, 이상 …)
    inclusive: bool = True  # whether the bound itself is included (이상 yes, 초과 no)
    # A word that stresses a figure and bounds nothing: 불과, 밖에 (only); 무려 (as_many_as)
    emphasis: Emphasis | None = None
    rule: str  # the name of the rule that matched

    @model_validator(mode="after")
    def _bound_has_its_edge(self) -> "Quantity":
        # A claim table corrected by hand must still say where a bound lies ("5% 이상": 5).
        if self.qualifier == "at_least" and self.low is None and self.value is None:
            raise ValueError("an at_least quantity needs a low or a value")
        if self.qualifier == "at_most" and self.high is None and self.value is None:
            raise ValueError("an at_most quantity needs a high or a value")
        return self


# --- claims -----------------------------------------------------------------------------

# What a figure measures: a level (an amount, a price, a count at a time), a change (a rise or a
# fall, a value lost), a per-unit figure, a part of a total, pay, a plan or target, or a generic
# figure that nobody in particular claims.
Measure = Literal["level", "change", "per_unit", "part", "salary", "plan", "generic"]
Moment = Literal["intraday", "close", "after_hours"]


class Frame(Result):
    """Of what a figure is a value (issue 14): two figures are compared only when their frames
    match. A slot the text does not settle stays null; it is never guessed. The figure's owner
    is the claim's `subject`; `subject_basis` says how it was settled."""

    measure: Measure | None = None
    # YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-W4 (a week of a month: "1월 넷째 주"), resolved against
    # the publication date ("전날", "지난달 30일")
    as_of: str | None = None
    # the words that date the figure only against an event or a window ("발표 이후", "최근")
    since: str | None = None
    moment: Moment | None = None  # of a market figure: during the session, or the close
    scope: str | None = None  # what a cost covers: final training run, compute, hardware…
    # named: the figure's owner is written with it; story: the story's subject, no other owner
    # in sight; none: nobody's (a generic figure) or unsettled
    subject_basis: Literal["named", "story", "none"] = "none"


Stance = Literal["asserted", "attributed", "disputed", "alleged", "hedged"]


class Claim(Result):
    id: str
    article: str
    story: int
    topic: str
    subject: str | None
    object: str | None
    quantity: Quantity | None  # offsets inside are relative to the file, like start/end
    stance: Stance
    attributed_to: str | None
    section: Section
    quote: str
    start: int
    end: int
    line: int
    sentence: str
    frame: Frame | None = None  # figures only: of what the figure is a value
    attributes: dict[str, str] = {}  # topic-specific: scope, direction, baseline, date, polarity…
    review: Literal["confirmed", "corrected", "rejected"] | None = (
        None  # from claims/overrides.yaml
    )
    review_note: str | None = None


OverrideAction = Literal["confirm", "correct", "reject"]


class Override(Strict):
    """An editor's decision about one claim, kept in claims/overrides.yaml across re-extraction."""

    claim: str
    action: OverrideAction
    set: dict[str, object] = {}  # with `correct`: the fields to change (subject, object, topic, …)
    note: str | None = None
    by: str | None = None

    @model_validator(mode="after")
    def _set_only_with_correct(self) -> "Override":
        if self.action == "correct" and not self.set:
            raise ValueError("a 'correct' override needs `set` with the corrected fields")
        if self.action != "correct" and self.set:
            raise ValueError(f"`set` only goes with 'correct', not {self.action!r}")
        return self


class Overrides(Strict):
    overrides: list[Override] = []


# --- findings ---------------------------------------------------------------------------

FindingKind = Literal["cross_source", "internal", "reference"]
Diagnosis = Literal[
    "wrong_rate",
    "no_rate",  # no exchange rate near the article's date: the conversion is unverifiable
    "rounded",
    "digit_dropped",
    "digit_added",
    "unit_slip",
    "wrong_model",
    "understating_bound",
    "scope_omitted",
    "reworded",
    "stance_conflict",
    "different_baseline",
]


class SourceValue(Result):
    """One claim as a finding shows it: who said it, where, and its normalised value."""

    claim: str
    article: str
    outlet: str | None
    published: dt.date | None
    section: Section
    line: int
    quote: str
    stance: Stance
    value: str  # the normalised value as text ("5600000 USD (approx: 5320000–5880000)")
    value_usd: float | None = None  # money converted at the article's date, for comparison


class ReferenceCitation(Result):
    fact: str
    statement: str
    source_title: str
    source_locator: str
    quote: str


class FindingLabels(Result):
    """A finding's slugs in words, English and Korean, for readers of the JSON (the slugs stay
    what scripts match on)."""

    verdict: str
    verdict_ko: str  # the SNU FactCheck label with the Korean one: 전혀 사실 아님 (출처와 다름)
    topic: str
    topic_ko: str
    about: str  # subject / object by name
    about_ko: str
    diagnosis: str | None = None
    diagnosis_ko: str | None = None


class Finding(Result):
    id: str
    kind: FindingKind
    topic: str
    subject: str | None
    object: str | None
    verdict: Verdict
    articles: list[str]
    claims: list[str]
    explanation: str
    explanation_ko: str
    diagnosis: Diagnosis | None = None
    reference: ReferenceCitation | None = None
    sources: list[SourceValue] = []
    arithmetic: list[str] = []  # each step of the arithmetic, in English
    labels: FindingLabels | None = None  # filled where a report is written for readers
    # figures of these sources that were not compared, and the frame slot that kept them apart
    # (issue 14: only the same quantity is compared); `report --explain-skips` shows them
    skipped: list[str] = []
    # the claims whose figures conflict, when a cross-source group holds more than them: the
    # verdict is about these; the other sources are context (shown after them)
    at_issue: list[str] = []


class ReportArticle(Result):
    id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    kind: str | None
    url: str | None = None
    author: str | None = None
    claims: int


class ReportSummary(Result):
    articles: int
    claims: int
    findings: int
    no_rate: int  # checks that lacked an exchange rate near the article's date (unverifiable)


class Report(Result):
    articles: list[ReportArticle]
    claims: list[Claim]
    findings: list[Finding]
    summary: ReportSummary | None = None  # None in reports written before it was added
