"""The frame of a figure: what it measures, when it holds, which moment of a market day, and an
owner the alias table does not know. Words in claimcheck/data/ko/frames.yaml."""

from __future__ import annotations

import datetime as dt
import functools
import math
import operator
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from claimcheck import regexcache as rx
from claimcheck.models import Frame, Quantity

if TYPE_CHECKING:
    from claimcheck.extract.dates import DateMention

MARKET_TOPICS = {"stock_change", "market_value"}
_CONVERSION_NEXT = rx.compile(r"^\s*(?:\(|,\s*(?:우리 돈|한화|원화)(?:로)?\s*)")
# (not the comma inside a number: "2,517.37에 거래를 마쳤다")
CLAUSE_BREAKS = rx.compile(r"(?<!\d),(?!\d)|;|…|⋯|다가|지만|으나|는데|면서|반면")
# a clause joined by a comma that opens with its own topic ("…밀렸고, 시가총액은 …")
_NEW_SUBJECT_CLAUSE = rx.compile(r"(?:고|며|지만|는데|면서|으나),\s+[^\s,]+(?:은|는)\s")


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class _Before(_Data):
    window: int
    before: list[str] = []
    # the top of what is offered, before the figure ("연봉 최대 150만 위안") or right after it
    # ("300만 위안까지")
    top_before: list[str] = []
    top_after: list[str] = []
    patterns: list[str] = []
    after_patterns: list[str] = []
    unit_priced: list[str] = []
    clause_patterns: list[str] = []
    basis_between: str = ""
    # words that only say a figure varies by who reports it ("매체마다 5890억~5930억 달러로")
    varies_by: list[str] = []


class _Generic(_Before):
    sentence_end: list[str]
    sentence_start: list[str]
    cited: list[str] = []
    cited_after: list[str] = []
    usual_as_baseline: list[str] = []  # "평소의 3배": what is usual, the baseline of a figure
    class_threshold: str = "(?!)"
    supposed_before: str = "(?!)"


class _After(_Data):
    window: int
    after: list[str]
    sentence_final: list[str] = []
    # nouns that make a plan after any verb in its future form ("늘릴 계획", "세울 예정")
    after_future: list[str] = []
    # words before the figure, in its clause, that make it a target ("목표주가를 175달러로")
    before: list[str] = []


class _Measures(_Data):
    salary: _Before
    generic: _Generic
    per_unit: _Before
    plan: _After
    total_before: list[str]
    part_after: list[str]
    part_openers: list[str]
    share_after: list[str]
    level_particles: list[str]
    change_before: list[str]


class Weekdays(_Data):
    names: dict[str, int]
    last_week: list[str]
    last: list[str]
    this_week: list[str]


class DaysLater(_Data):
    counts: dict[str, int]
    after: list[str]


class DaysAgo(_Data):
    before: list[str]
    week_counts: dict[str, int]
    spread: int
    week_spread: int


class FrameData(_Data):
    measures: _Measures
    days: dict[str, list[str]]
    days_later: DaysLater
    days_ago: DaysAgo
    weekdays: Weekdays
    months: dict[str, list[str]]
    weeks: dict[str, list[str]]
    years: dict[str, list[str]]
    windows: list[str]
    event_nouns: list[str]
    facility_nouns: list[str]
    spans: list[str]
    spans_right_before: list[str]
    moments: dict[str, list[str]]
    live_reports: list[str]
    entity_suffixes: list[str]
    appositive_nouns: list[str]
    listings: list[str]
    introducing_titles: list[str]
    person_surnames: list[str]
    source_nouns: list[str]
    source_suffixes: list[str]
    trade_verbs: list[str]
    nationality_words: list[str]
    nationality_populations: list[str]
    anaphoric_owners: list[str]
    product_pointers: list[str]
    share_pointers: list[str]
    pointing_words: list[str]
    model_pointers: list[str]
    company_classes: list[str]
    stock_class_not: list[str]
    class_wholes: list[str]
    institution_nouns: list[str]
    class_sectors: list[str]
    not_owners: list[str]
    baseline_after: list[str]
    measured_against: list[str]
    date_span_joiners: list[str]
    counter_classes: dict[str, list[str]]
    counted: dict[str, list[str]]
    markets: dict[str, list[str]]
    stores: dict[str, list[str]]
    negated_after: list[str]
    update_tags: list[str]
    conversions: dict[str, str]
    public_bodies: dict[str, list[str]]
    group_sums: dict[str, list[str]]
    market_events: dict[str, list[str]]
    market_event_owners: dict[str, list[str]] = {}
    market_event_causes: dict[str, list[str]] = {}
    cheaper_by: list[str]
    summing: list[str]
    peak_words: list[str] = []
    worth_words: list[str] = []
    one_day: list[str]
    day_move_before: list[str]


@functools.cache
def frame_data() -> FrameData:
    from claimcheck.extract.lexicon import validated

    return validated(FrameData, "frames.yaml")


@functools.cache
def _update_tag() -> re.Pattern[str]:
    words = "|".join(frame_data().update_tags)
    return rx.compile(rf"^\s*[\[【<〈]\s*[^\]】>〉]{{0,40}}?(?:{words})[^\]】>〉]{{0,40}}[\]】>〉]")


def update_tag_end(text: str) -> int:
    """Where a wire update's tag ends ("[2보·28일 오전 2시 30분]", "【종합】"), 0 when the sentence
    opens with none: the tag says when the report was filed, not when the figures hold."""
    if not text or text.lstrip()[:1] not in "[【<〈":
        return 0
    m = _update_tag().match(text)
    return m.end() if m else 0


@functools.cache
def _per_unit() -> re.Pattern[str]:
    return rx.compile("|".join(f"(?:{p})" for p in frame_data().measures.per_unit.patterns))


@functools.cache
def _per_unit_clause() -> re.Pattern[str]:
    patterns = frame_data().measures.per_unit.clause_patterns or ["(?!)"]
    return rx.compile("|".join(f"(?:{p})" for p in patterns))


@functools.cache
def _basis_between() -> re.Pattern[str]:
    return rx.compile(frame_data().measures.per_unit.basis_between)


def _round_basis(figure: Figure, figures: list[Figure], text: str) -> bool:
    """A round count done for a figure ("토큰 1조 개를 학습하는 데 18만 GPU시간"): the count is
    the basis, and the figure right after it is per that much, not a total."""
    between = frame_data().measures.per_unit.basis_between
    if not between:
        return False
    before = [f for f in figures if f.end <= figure.start]
    after = [f for f in figures if f.start >= figure.end]
    pairs = []
    if before:
        pairs.append((max(before, key=lambda f: f.end), figure))
    if after:
        pairs.append((figure, min(after, key=lambda f: f.start)))
    for basis, per in pairs:
        value = basis.quantity.value
        if value is None or value <= 0 or basis.quantity.qualifier != "exact":
            continue
        if 10 ** round(math.log10(value)) != value:
            continue  # a basis is one, ten, a million, a trillion…
        if _basis_between().match(text[basis.end : per.start]):
            return True
    return False


@functools.cache
def _per_unit_after() -> re.Pattern[str]:
    patterns = frame_data().measures.per_unit.after_patterns
    return rx.compile("|".join(f"(?:{p})" for p in patterns))


# --- the frame ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure of the sentence, in normalised offsets."""

    quantity: Quantity
    start: int
    end: int


def build_frame(
    text: str,
    figure: Figure,
    figures: list[Figure],
    topic: str,
    published: dt.date | None,
    dates: list[DateMention],
    inherited_date: str | None,
    scope: str | None,
    subject_basis: str,
) -> Frame:
    measure = measure_of(text, figure, figures, topic)
    target = _TARGET_YEAR.search(text[_previous_end(figure, figures) : figure.start])
    if measure in ("level", "change") and target:
        # "2030년까지 GPU 3만 장으로", "2026년까지 GPU 1000장으로 확대": a year still to come
        this_year = published.year if published is not None else 2029
        if int(target.group(1)) > this_year:
            measure = "plan"
    as_of, since = _as_of(text, figure, figures, dates, inherited_date)
    if published is not None and _now_said(text, figure, figures, dates):
        as_of, since = published.isoformat(), None
    if _recalled(text, figure, figures, dates):
        as_of, since = None, None  # "3조5000억 달러에 육박하던 시가총액이": before the day told
    moment = _moment(text, figure, figures) if topic in MARKET_TOPICS else None
    if moment == "intraday" and as_of is None and since is None and published is not None:
        as_of = published.isoformat()  # "오후 1시 40분 현재": a live report of its own day
    if moment is None and topic in MARKET_TOPICS and as_of and published and len(as_of) == 10:
        if as_of < published.isoformat():
            moment = "close"  # a past session's move, reported after it ended, is its close
    if (
        measure == "level"
        and subject_basis != "named"
        and figure.quantity.value is None
        and "vague" in figure.quantity.rule
    ):
        measure = "generic"  # "수백억 원대 개발비는 드문 일이 아니다": nobody's figure
    return Frame(
        measure=measure,  # type: ignore[arg-type]
        as_of=as_of,
        since=since,
        moment=moment,  # type: ignore[arg-type]
        scope=scope,
        subject_basis="none" if measure == "generic" else subject_basis,  # type: ignore[arg-type]
    )


def _listed_with_others(text: str, word: str) -> bool:
    """Whether `word` stands in a list of things: after 과/와 or a middle dot, or before a comma,
    과/와 or a middle dot ("GPU 구입과 인건비, 전력에"; not "업계에 따르면, 연봉 …")."""
    at = re.escape(word)
    return re.search(rf"(?:과|와|·)\s*{at}|{at}\s*(?:과|와|,|·)", text) is not None


def _recalled(text: str, figure: Figure, figures: list[Figure], dates: list[DateMention]) -> bool:
    """A figure in a clause that looks back (closed by -던: "3조5000억 달러에 육박하던 시가총액이
    하루 새 … 줄었다") with no day written before it in the sentence: a value from before the
    day the paragraph tells of, of a time left unsaid."""
    from claimcheck.extract.dates import RETROSPECTIVE, looks_back

    if any(d.end <= figure.start for d in dates):
        return False
    following = [f.start for f in figures if f.start >= figure.end]
    limit = min(following, default=len(text))
    if not looks_back(text, figure.end, limit):
        return False
    # "5% 넘게 빠졌던 1월 27일에도": the clause describes the day it names, the figure's own
    ending = RETROSPECTIVE.search(text, figure.end, limit)
    if ending is not None and text.startswith(_described_day_nouns(), ending.end()):
        return False  # "하루에 5% 넘게 빠졌던 그날": the day described, the figure's own
    # ("5% 넘게 밀렸던 지난달 27일은": its month word between)
    return ending is None or not any(
        d.start == ending.end() or _described_day().match(text, figure.end, d.start) for d in dates
    )


@functools.cache
def _described_day_nouns() -> tuple[str, ...]:
    return tuple(frame_data().days.get("described_day_nouns", []))


@functools.cache
def _supposing() -> re.Pattern[str]:
    return rx.compile("|".join(f"(?:{p})" for p in frame_data().measures.generic.after_patterns))


@functools.cache
def _class_threshold() -> re.Pattern[str]:
    return rx.compile(frame_data().measures.generic.class_threshold)


def _illustration(text: str, figure: Figure) -> bool:
    """A worked example, not a claim: "GPU 1000장을 열 시간 돌리면 1만 GPU 시간이 되는 식이다",
    "H100 가격을 3만 달러로 가정하면"."""
    generic = frame_data().measures.generic
    ending = text.rstrip().rstrip(".!").rstrip()
    if any(ending.endswith(word) for word in generic.sentence_end):
        return True
    if text.lstrip(" \"'“‘").startswith(tuple(generic.sentence_start)):
        return True
    if _supposed_before().search(text, 0, figure.start):
        return True
    return bool(_supposing().search(text[figure.end : figure.end + 30]))


@functools.cache
def _supposed_before() -> re.Pattern[str]:
    return rx.compile(frame_data().measures.generic.supposed_before)


def _previous_end(figure: Figure, figures: list[Figure]) -> int:
    ends = [f.end for f in figures if f.end <= figure.start]
    return max(ends, default=0)


def clause_after(text: str, end: int, limit: int) -> str:
    window = text[end:limit]
    cut = CLAUSE_BREAKS.search(window)
    return window[: cut.start()] if cut else window


def measure_of(text: str, figure: Figure, figures: list[Figure], topic: str) -> str:
    data = frame_data().measures
    before_all = text[_previous_end(figure, figures) : figure.start]
    # (each window is cut once, not once for each of its words)
    before_generic = before_all[-data.generic.window :]
    for baseline in data.generic.usual_as_baseline:
        # "평소의 3배", "평소보다 40% 많은": the usual is what the figure is measured against
        before_generic = before_generic.replace(baseline, " " * len(baseline))
    cue = max((before_generic.rfind(w) for w in data.generic.before), default=-1)
    # ("흔히 인용되는 훈련비 557만6000달러": the one figure everybody quotes, no typical one)
    # ("흔히 \"R1은 557만6000달러로 만든 모델\"이라고들 한다": what people say, a claim repeated)
    said_after = text[figure.end : figure.end + 40]
    if (
        cue >= 0
        and not any(w in before_generic[cue:] for w in data.generic.cited)
        and not any(w in said_after for w in data.generic.cited_after)
    ):
        return "generic"
    if _illustration(text, figure):
        return "generic"
    if _class_threshold().match(text, figure.start, min(len(text), figure.end + 30)):
        return "generic"  # "1조 달러를 넘는 초대형주는": a class of companies, no one's value
    before_salary = before_all[-data.salary.window :]
    pay = [w for w in data.salary.before if w in before_salary]
    if (
        pay
        # "GPU 구매와 … 인건비까지 합쳐 최소 13억 달러": pay summed with other costs is a total
        and not any(word in before_salary for word in frame_data().summing)
        # …as is pay listed with other costs ("GPU 구입과 인건비, 전력에 쓴 돈이 16억 달러")
        and not any(_listed_with_others(before_all[-2 * data.salary.window :], w) for w in pay)
    ):
        return "salary"
    rate = "/" in (figure.quantity.unit or "")  # a price per token already says per what
    window = text[max(0, figure.start - data.per_unit.window) : figure.start]
    # only the figure's own clause ("딥시크 하나에 미국 증시가 출렁였다… 시총 6900억 달러": the
    # "하나에" of another clause is no unit of this figure)
    breaks = list(CLAUSE_BREAKS.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    varies = any(w in window for w in data.per_unit.varies_by)
    if (
        not rate
        and not varies
        and (
            _per_unit().search(window)
            or _per_unit_after().search(text[figure.end : figure.end + 16])
        )
    ):
        return "per_unit"
    from claimcheck.extract.lexicon import topic_data

    # ("전체 6710억 개", "총 …": topics.yaml model_spec_whole)
    whole = before_all.rstrip().endswith(tuple(topic_data().model_spec_whole))
    # (a count of one is the unit itself, not a figure that closes the clause before: "이미지 한
    # 장을 만드는 데 외주로는 30만 원")
    ones = [f for f in figures if f.end <= figure.start and f.quantity.value == 1]
    unit_clause = text[_previous_end(ones[-1], figures) : figure.start] if ones else before_all
    if not rate and not whole and _per_unit_clause().search(unit_clause):
        return "per_unit"  # "토큰 하나를 처리할 때 실제로 쓰는 매개변수는 370억 개"
    if _round_basis(figure, figures, text):
        return "per_unit"  # "토큰 1조 개를 학습하는 데 18만 GPU시간": the basis and its figure
    priced = text[figure.end :].lstrip().removeprefix("당").lstrip()
    if figure.quantity.value == 1 and priced.startswith(tuple(data.per_unit.unit_priced)):
        # "GPU 1시간(당) 임차료를 2달러로": the hour priced, not a count of hours
        return "per_unit"
    after = clause_after(text, figure.end, min(len(text), figure.end + data.plan.window))
    if any(w in after for w in data.plan.after) or _future_plan(after, data.plan.after_future):
        return "plan"
    if any(w in text[_previous_end(figure, figures) : figure.start] for w in data.plan.before):
        return "plan"  # "목표주가를 평균 175달러로 제시했다": a target, not a price paid
    # "GPU 1만 장을 확보해 … 공급할 계획이다": the sentence's plan verb, unless a clause in
    # between has already happened ("1000장을 들였고 … 늘릴 계획이다")
    rest = text[figure.end :]
    done = _DONE.search(rest)
    until_done = rest[: done.start() if done else None]
    if any(w in until_done for w in data.plan.sentence_final):
        return "plan"
    unit = figure.quantity.unit
    same_unit = [f for f in figures if f.quantity.unit == unit and f is not figure]
    # listed before a total: "A100 1만 장, H800 2만 장 등 3만 장"
    for other in same_unit:
        if other.start > figure.end:
            between = text[figure.end : other.start]
            words = between.split()
            if words and words[-1] in data.total_before and "," not in between[-6:]:
                return "part"
    # "H100 1만 개, H800 1만 개, H20 3만 개 등이다": the items of a list that ends in 등 are parts
    if _listed_before_deung(text, figure, same_unit + [figure]):
        return "part"
    # "엔비디아가 60%를 차지했다": a share of a whole, not a move
    if text[figure.end : figure.end + 8].lstrip().startswith(tuple(data.share_after)):
        return "part"
    # "연구원 140명 가운데 박사 60명": a part is no larger than its whole
    for other in same_unit:
        if other.end <= figure.start and _no_larger(figure, other):
            between = text[other.end : figure.start]
            if any(f" {w} " in f" {between} " for w in data.part_after):
                return "part"
    # "증류 모델 6종(큐원 기반 4종, 라마 기반 2종)": the figures a bracket after a whole of the
    # same unit breaks it into, each no larger than it
    for other in same_unit:
        if other.end <= figure.start and _no_larger(figure, other):
            opened = text.rfind("(", other.end, figure.start)
            if (
                opened >= 0
                and not text[other.end : opened].strip()
                and ")" not in text[opened : figure.start]
            ):
                return "part"
    # "이 가운데 안드로이드 사용자가 94만 명이다": a part of the whole the sentence before gave
    if not any(f.start < figure.start for f in same_unit) and _part_opening().match(text):
        return "part"
    if _is_change(text, figure, figures, topic):
        return "change"
    return "level"


@functools.cache
def _part_opening() -> re.Pattern[str]:
    words = rx.alternation(frame_data().measures.part_openers)
    return rx.compile(rf"^\s*(?:{words})(?:에서|에)?[\s,]")


def _no_larger(part: Figure, whole: Figure) -> bool:
    a, b = part.quantity.value, whole.quantity.value
    return a is None or b is None or abs(a) <= abs(b)


@functools.cache
def _lost_before() -> re.Pattern[str]:
    return rx.compile("|".join(f"(?:{p})" for p in frame_data().measures.change_before))


# a clause that has already happened ends in a past tense
_DONE = rx.compile(r"(?:했|됐|였|었|았|웠|렸|켰|쳤)(?:고|으며|며|다|지만|는데)")


def _future_plan(clause: str, nouns: list[str]) -> bool:
    """A verb in its future form before a plan noun: "1000장까지 늘릴 계획", "도입할 예정" (the
    syllable before the space ends in ㄹ)."""
    for noun in nouns:
        at = clause.find(" " + noun)
        while at > 0:
            code = ord(clause[at - 1]) - 0xAC00
            if 0 <= code < 11172 and code % 28 == 8:  # final consonant ㄹ
                return True
            at = clause.find(" " + noun, at + 1)
    return False


# a year the figure is to be reached by: "2030년까지", "2027년엔" (a plan when still to come)
_TARGET_YEAR = rx.compile(r"(20\d\d)년\s*(?:까지|에는|엔)")


def _listed_before_deung(text: str, figure: Figure, same_unit: list[Figure]) -> bool:
    """Whether the figure is one of two or more figures listed with commas whose list ends in 등
    ("A 1만 개, B 1만 개, C 3만 개 등")."""
    chain = sorted(same_unit, key=lambda f: f.start)
    at = chain.index(figure)
    first = last = at
    while first > 0 and _listed(text[chain[first - 1].end : chain[first].start]):
        first -= 1
    while last + 1 < len(chain) and _listed(text[chain[last].end : chain[last + 1].start]):
        last += 1
    if first == last:
        return False
    return text[chain[last].end :].lstrip().startswith("등")


def _listed(between: str) -> bool:
    return "," in between and len(between) <= 24 and "." not in between


def held_beside(holder: list, sources: tuple, make):
    """What `make()` derives from the loaded data `sources`, made once and held beside them in
    `holder` (a one-item list), so that reloaded data is never mistaken for the old: for words
    read per figure or per sentence."""
    if holder:
        held, made = holder[0]
        # map(operator.is_): the same test as a generator over pairs, without one per call
        if len(held) == len(sources) and all(map(operator.is_, held, sources)):
            return made
        if len(held) != len(sources):
            raise ValueError("held_beside: not the same sources")
    holder[:] = [(sources, make())]
    return holder[0][1]


# The level particles and the direction verbs _is_change reads (it runs for every figure).
_CHANGE_WORDS: list = []


def _change_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from claimcheck.extract.lexicon import topic_data

    frames, topics = frame_data(), topic_data()
    return held_beside(
        _CHANGE_WORDS,
        (frames, topics),
        lambda: (
            tuple(sorted(frames.measures.level_particles, key=len, reverse=True)),
            tuple(w for ws in topics.directions.values() for w in ws),
        ),
    )


NOUN_CLAUSE_END = rx.compile(r"(?:다는|라는|다던)\s")
# a number card's sign between its figure and what the figure is ("278만8000시간 = … GPU 시간")
CARD_SIGN = rx.compile(r"\s*=\s*")


def _is_change(text: str, figure: Figure, figures: list[Figure], topic: str) -> bool:
    q = figure.quantity
    if q.unit == "percentage_point":
        return True
    window_start = max(0, figure.start - 30)
    lost = _lost_before().search(text[window_start : figure.start])
    if lost is not None and not _lost_by_the_figure_before(
        text, window_start + lost.start(), figures
    ):
        return True  # "하루 새 사라진 엔비디아 시가총액은 5890억 달러로": the value lost
    card = CARD_SIGN.match(text, figure.end)
    if card is not None:
        # a number card says what its figure is after the sign ("2000억 달러 이상 = … 시가총액에서
        # 사라진 돈"): a move when that says one
        return any(word in text[card.end() :] for word in _change_words()[1])
    # "5890억 달러(약 856조 원)가 … 사라졌다", "5890억 달러, 우리 돈 약 850조 원이 증발했다": the
    # conversion is the same sum; the clause reads on after it
    following = [f for f in figures if f.start >= figure.end]
    base = figure.end
    if following and _CONVERSION_NEXT.match(text[figure.end : following[0].start]):
        base = following[0].end
        following = following[1:]
    after = clause_after(text, base, min(len(text), base + 40))
    after = re.sub(r"^\s*\)", "", after)
    nxt = following[0].start if following else len(text)
    after = after[: max(0, nxt - base)] if nxt < len(text) else after
    stripped = after.lstrip(" )")
    particles, words = _change_words()
    if stripped.startswith(particles) and not stripped.startswith("로 마감"):
        return False  # "2조9000억 달러로 줄었다": the level reached
    if after.startswith(")") and text[: figure.start].rstrip().endswith("("):
        pass  # "2만1800원(9.86%) 내린": the bracket shares the verb after it
    head = moves_only(stripped[:20])
    # a clause made a noun ("…쓰지 않았다는 사실이 1월 급락의"): what follows is another clause's
    quoted = NOUN_CLAUSE_END.search(head)
    head = head[: quoted.start()] if quoted else head
    if any(w in head for w in words):
        # the verb belongs to the next figure when one stands between ("9.86% 내린 19만9200원에")
        return True
    if q.unit == "percent" and topic in MARKET_TOPICS:
        return True  # a market figure in percent is a move
    return False


_SUBJECT_PARTICLE = rx.compile(r"\s*\)?\s*(?:가|이|이나)\s+$")


_DESCRIBED_TOPIC = rx.compile(
    r"\s*\)?\s*(?:가|이|을|를|이나)\s+(\S+)\s+(?:\S+\s+){0,2}?(\S+?)(?:은|는)\s+"
)


def _heads_its_clause(text: str, earlier: Figure, figure: Figure) -> bool:
    """Whether the figure `earlier` stands in a clause that describes the noun `figure` is said
    of ("5890억 달러가 증발한 시가총액은 2조8500억 달러": a verb in -ㄴ after the earlier figure,
    then the noun with its topic particle, right before the figure)."""
    m = _DESCRIBED_TOPIC.fullmatch(text, earlier.end, figure.start)
    # (a value's noun: "…가 사라진 엔비디아는 17% 급락했다" may tell of the same day)
    return m is not None and _ends_in_n(m.group(1)) and m.group(2) in VALUE_NOUNS


def _ends_in_n(word: str) -> bool:
    """Whether a Hangul word's last syllable closes in ㄴ (증발한, 빠진: a noun's modifier)."""
    last = word[-1] if word else ""
    return "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 == 4


def _lost_by_the_figure_before(text: str, verb_at: int, figures: list[Figure]) -> bool:
    """Whether the verb of loss at `verb_at` has the figure right before it as its subject
    ("5890억 달러가 증발한 시가총액은 2조8500억 달러 수준": the loss is the first figure; the
    second is the value left)."""
    before = [f for f in figures if f.end <= verb_at]
    return bool(before) and _SUBJECT_PARTICLE.fullmatch(text, before[-1].end, verb_at) is not None


def over_days(text: str, figure: Figure, figures: list[Figure]) -> bool:
    """Whether the figure's clause says it is a sum of several days ("한 주간 1.64%", "사흘간")."""
    clause = text[_previous_end(figure, figures) : figure.start]
    data = frame_data()
    return any(word in clause for word in data.spans) or clause.rstrip().endswith(
        tuple(data.spans_right_before)
    )


def _day_words(key: str) -> str:
    """frames.yaml `days[key]` as one alternation of literal words."""
    return rx.alternation(frame_data().days[key])


@functools.cache
def _now_word() -> re.Pattern[str]:
    words, nots = _day_words("now"), _day_words("now_not_before")
    # (with its particle: "지금은 3조5000억 달러 안팎으로 몸값을 되찾았다")
    return rx.compile(rf"(?<![가-힣])(?:{words})(?!\s*(?:{nots}))(?:은|는|도|의)?(?![가-힣])")


def _now_said(text: str, figure: Figure, figures: list[Figure], dates: list[DateMention]) -> bool:
    """Whether the figure's own clause says it holds at the time of writing ("지금 엔비디아 시총은
    2조7000억 달러 선"), with no day written in it."""
    start = _previous_end(figure, figures)
    clause = text[start : figure.start]
    if any(start <= d.start < figure.start for d in dates):
        return False
    return _now_word().search(clause) is not None


def _as_of(
    text: str,
    figure: Figure,
    figures: list[Figure],
    dates: list[DateMention],
    inherited: str | None,
) -> tuple[str | None, str | None]:
    as_of, since = _as_of_written(text, figure, figures, dates, inherited)
    spanned = over_days(text, figure, figures)
    if spanned and (as_of and "/" not in as_of or since and not as_of):
        # "27일 … 주간으로는 15.8%": a figure over several days is no one day's value; its span
        # is left unknown unless written as one ("1월 27일~2월 2일 한 주 동안"); so is one over
        # weeks after an event ("딥시크 쇼크 이후 한 달 동안 10% 넘게"), not even a bound of a day's
        return None, None
    return as_of, since


def _as_of_written(
    text: str,
    figure: Figure,
    figures: list[Figure],
    dates: list[DateMention],
    inherited: str | None,
) -> tuple[str | None, str | None]:
    others = [f for f in figures if f is not figure]
    clause = text[_previous_end(figure, figures) : figure.start]
    from claimcheck.extract.dates import looks_back

    # not a record's baseline ("2020년 3월 이후 최대 낙폭"), nor a day a -던 clause between
    # recalls ("당일(1월 27일) 시가총액이 … 날아갔던 엔비디아가 … 연초 대비 30% 가까이")
    dates = [
        d
        for d in dates
        if not _record_baseline().match(text, d.end)
        and not (d.end <= figure.start and looks_back(text, d.end, figure.start))
    ]
    # the date written right before the figure, with no other figure between them
    before = [d for d in dates if d.end <= figure.start]
    for d in reversed(before):
        if not any(d.end <= f.start and f.end <= figure.start for f in others):
            first = _span_start(text, d, before)
            return (f"{first}/{d.value}" if first and d.value else d.value), None
        break
    # "180만 명(12일 기준)", "3000만 건(12일 기준)": a date right after it; "5% 넘게 밀렸던
    # 지난달 27일은": the day a past clause ending in 던 describes
    after = [
        d
        for d in dates
        if d.start >= figure.end
        and (d.start - figure.end <= 4 or _described_day().match(text[figure.end : d.start]))
    ]
    if after:
        return after[0].value, None
    # "■ 97만4000명 — … 2월 3~9일 국내 주간 이용자 수": a fact box glosses its figure
    if gloss_after(text, figure.end):
        glossed = [d for d in dates if d.start >= figure.end and d.value and len(d.value) >= 10]
        if glossed:
            return glossed[0].value, None
    # a window said after the previous figure ("16.97% 폭락했지만 이후 … 최근 시가총액이") holds
    # before the sentence's one date, which belongs to the earlier figure
    windows = frame_data().windows
    # (not the baseline of a record: "1월 27일 이후 한 달 만의 최대 낙폭으로, 하루 새 …")
    clause = _record_baseline().sub(lambda m: " " * len(m.group(0)), clause)
    for word in windows:
        at = clause.find(word)
        if at >= 0:
            # the window word with the whole word before it ("발표 이후"), or alone ("최근")
            words_before = clause[:at].split()
            spaced = clause[:at].endswith(" ")
            return None, f"{words_before[-1]} {word}" if words_before and spaced else word
    if len(dates) == 1:  # the sentence's one date; a series gives each figure its own
        only = dates[0]
        if any(only.end <= f.start and _heads_its_clause(text, f, figure) for f in others):
            # "지난달 27일 하루 5890억 달러가 증발한 시가총액은 2조8500억 달러 수준": the day is
            # the clause's that describes the noun; the figure said of the noun is unsaid
            return inherited, None
        starts = [f for f in others if _dates_the_start(text, only, f, figure)]
        if starts:
            # "전 거래일 종가 22만1000원에서 9.86% 내린": the day of the price the move starts
            # from, not of the move
            return _since_a_close(text, only, starts[0], inherited), None
        if only.start >= figure.end and _DAYS_A_BASELINE_PRICE.match(text, only.end):
            # "2.84% 내린 116.66달러에 마감해 … 당일 종가(118.42달러)보다도 낮아졌다": the later
            # day dates the price compared with
            return inherited, None
        if only.start >= figure.end and CLAUSE_BREAKS.search(text[figure.end : only.start]):
            # "시가총액이 약 2600억 달러 불어났지만 전날 잃은 몫": a later clause's day
            return inherited, None
        return only.value, None
    # "27일 16.97% 급락하며 시가총액 3890억 달러가 사라졌고, 28일엔 …": a figure in the same
    # clause as the one before it, no date between, is of that figure's day
    earlier = [f for f in others if f.end <= figure.start]
    if earlier and dates and not CLAUSE_BREAKS.search(clause):
        previous = max(earlier, key=lambda f: f.end)
        own = [d for d in dates if d.end <= previous.start]
        if own and not any(own[-1].end <= f.start and f.end <= previous.start for f in others):
            if _dates_the_start(text, own[-1], previous, figure):
                # "…1월 27일 종가(118.42달러)와 비교하면 30% 넘게"
                return _since_a_close(text, own[-1], previous, inherited), None
            return own[-1].value, None
    if not dates:
        return inherited, None
    return None, None


@functools.cache
def _record_baseline() -> re.Pattern[str]:
    since, record = _day_words("record_since"), _day_words("record_words")
    # (a few words between: "1월 27일 이후 한 달 만의 최대 낙폭")
    return rx.compile(rf"\s*(?:{since})\s*(?:\S+\s+){{0,3}}(?:{record})")


_FROM = rx.compile(r"\s*에서\s")


def _since_a_close(text: str, day: DateMention, start: Figure, inherited: str | None):
    """The day of a move measured from the close of `day`: the session's own (`inherited`) when
    the move starts from the previous session ("전 거래일 종가 22만1000원에서"); none when it is
    compared with an earlier close ("지난주 금요일 종가(142.62달러)보다 18% 넘게"), a change over
    the days since, no one session's move."""
    days = frame_data().days
    looking_back = text[day.start : day.end] in (*days["yesterday"], *days["previous_trading_day"])
    if _COMPARED_WITH.match(text, start.end) is not None and not looking_back:
        return None
    return inherited


# a day's close with its price, compared with ("당일 종가(118.42달러)보다도")
_DAYS_A_BASELINE_PRICE = rx.compile(
    r"\s*종가\s*\([^)]{1,20}\)\s*(?:보다|와 비교|과 비교|대비|에 비해)"
)
# a price the move is measured against ("지난주 금요일 종가(142.62달러)보다 18% 넘게")
_COMPARED_WITH = rx.compile(
    r"\s*\)?\s*(?:보다|와 비교하면|과 비교하면|와 비교해|과 비교해|대비|에 비해)"
)


@functools.cache
def _described_day() -> re.Pattern[str]:
    """A past clause ending in 던 between a figure and the day it describes, with the day's month
    or year word ("5% 넘게 밀렸던 지난달 27일"), or said of it ("…날아갔던 게 딱 3주 전")."""
    data = frame_data()
    words = [w for ws in (data.months["this"], data.months["last"]) for w in ws]
    words += [w for key in ("this", "last") for w in data.years[key]]
    named = rx.alternation(sorted(words, key=len, reverse=True))
    # (or the clause made a noun that the day is said of: "날아갔던 게 딱 3주 전")
    said_of = r"(?:게|것이|것은|때가|때는|날이|날은)\s+(?:딱|꼭|바로|불과|벌써|이미|정확히)?"
    return rx.compile(rf"\s*\S{{1,6}}던\s+(?:{named}|\d{{1,2}}월|{said_of})?\s*$")


def _dates_the_start(text: str, day: DateMention, start: Figure, figure: Figure) -> bool:
    """Whether `day` dates only `start`, a figure the move at `figure` starts from: a day that
    looks back written right before it, or the day of a close named between ("전 거래일 종가
    22만1000원에서 9.86% 내린"; not "27일 142.62달러에서 118.42달러로 16.97% 급락", where 27일
    is the move's day)."""
    if not (day.end <= start.start and start.end <= figure.start):
        return False
    if _FROM.match(text, start.end) is None and _COMPARED_WITH.match(text, start.end) is None:
        return False
    between = text[day.end : start.start].strip().rstrip("(").strip()
    days = frame_data().days
    looking_back = text[day.start : day.end] in (*days["yesterday"], *days["previous_trading_day"])
    closes = frame_data().moments["close"]
    return (looking_back and not between) or (bool(between) and between in closes)


@functools.cache
def _date_span() -> re.Pattern[str]:
    """Between the two days of a span, perhaps the second's month word ("27일부터 이달 2일")."""
    joiners = rx.alternation(frame_data().date_span_joiners)
    return rx.compile(rf"\s*(?:{joiners})\s*(?:\S{{1,3}}\s+)?")


def _span_start(text: str, last: DateMention, before: list[DateMention]) -> str | None:
    """The first day of a written span that ends at `last` ("1월 27일~2월 2일"), or None."""
    earlier = [d for d in before if d.end <= last.start]
    if not earlier or not earlier[-1].value or len(earlier[-1].value) != 10:
        return None
    first = earlier[-1]
    if _date_span().fullmatch(text[first.end : last.start]) and first.value < (last.value or ""):
        return first.value
    return None


_CONTRAST_TURN = rx.compile(r"(?:지만|으나|는데|다가)[,\s]")


def _moment(text: str, figure: Figure, figures: list[Figure]) -> str | None:
    data = frame_data().moments
    tag = update_tag_end(text)  # "[종합·28일 오전 6시 20분]": when the update was filed
    start = max(_previous_end(figure, figures), tag)
    before = text[start : figure.start]
    # "…오후 들어 조금 올라왔지만, 결국 5% 넘게 하락한 …에 장을 마쳤다": a moment before a
    # contrast is the other clause's
    turns = list(_CONTRAST_TURN.finditer(before))
    if turns:
        before = before[turns[-1].end() :]
    if _a_days_move(before):
        return "close"  # "하루 5% 넘게 빠졌던": a whole day's move
    best: tuple[int, str] | None = None
    for moment, words in data.items():
        for word in words:
            at = before.rfind(word)
            if at >= 0:
                distance = len(before) - at
                if best is None or distance < best[0]:
                    best = (distance, moment)
    if best is not None:
        return best[1]
    after = clause_after(text, figure.end, min(len(text), figure.end + 40))
    for moment, words in data.items():
        for word in words:
            at = after.find(word)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, moment)
    if best is not None:
        return best[1]
    # "장중 한때 116달러대까지 밀리며 낙폭이 18%를 넘기도 했다": the moment said earlier in the
    # sentence holds until another is said, within the clause that says it ("장중 한때 17% 넘게
    # 밀렸고, 시가총액은 하루 만에 …": a new clause with its own subject reports the day)
    earlier = text[tag : figure.start]
    turns = list(_NEW_SUBJECT_CLAUSE.finditer(earlier))
    if turns:
        earlier = earlier[turns[-1].end() :]
    for moment, words in data.items():
        for word in words:
            at = earlier.rfind(word)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, moment)
    return best[1] if best else None


# --- owners the alias table does not know -------------------------------------------------------

_WORD_BEFORE_BRACKET = rx.compile(r"([0-9A-Za-z\uac00-\ud7a3&.·]+)\(\s*[-+△▲▼]?\s*$")
# (a gloss in brackets may stand before the particle: "서버 조립업체 폭스콘(훙하이)은")
_SUBJECT_WORD = rx.compile(
    r"([0-9A-Za-z\uac00-\ud7a3&]+?)(?:\([^()\d]{1,20}\))?(?:은|는|이|가|의|도)\s"
)


_NUMBER_END = rx.compile(r"[\d억만조천]\s*$")


def bracket_owner(text: str, start: int) -> str | None:
    """The word right before the bracket that opens just before a figure ("리노공업(-4.3%)"), or
    None when there is no such bracket or the word is a label or a figure."""
    m = _WORD_BEFORE_BRACKET.search(text[max(0, start - 30) : start])
    if not m:
        return None
    word = m.group(1)
    if word[-1].isdigit() or re.search(r"\d", word) and not re.search(r"[A-Za-z]{2}", word):
        return None  # "2만1800원(9.86%)": a figure and its share
    if _NUMBER_END.search(text, 0, max(0, start - 30) + m.start(1)):
        return None  # "약 2조9000억 달러(-17.69%)": the unit of a figure, no name
    if word in frame_data().not_owners or len(word) < 2:
        return None
    return word


def entity_before(entities: list[tuple[int, str, int]], start: int) -> tuple[int, str] | None:
    """Of a sentence's unknown_entities, the last one before `start`: (its start, the word).
    Such a word names a company or index and carries a subject particle: by its ending
    ("리노공업은", "다우지수는"), by Latin letters in a Hangul name ("란징AI는"), in
    apposition to a noun such as 업체 or 모회사 ("모회사 환팡이"), with its head in brackets
    ("노바브레인(대표 이서준)은"), or as one of the names the story made entities elsewhere
    ("노바브레인은" after "스타트업 노바브레인은")."""
    found = None
    for at, word, end in entities:
        if end > start + 1 or at >= start:
            break
        found = (at, word)
    return found


@functools.cache
def _listings() -> tuple[str, ...]:
    return tuple(frame_data().listings)


def unknown_entities(
    text: str, introduced: frozenset[str] = frozenset()
) -> list[tuple[int, str, int]]:
    """Every word of `text` that names a company or index the alias table may not know and
    carries a subject particle (see entity_before): (its start, the word, the end of
    the word with its particle)."""
    words = _entity_words()
    found = [(m.start(1), m.group(1), m.end()) for m in _headed_name().finditer(text)]
    for m in _speakers_company().finditer(text):
        group = 1 if m.group(1) else 2
        if _a_company_between(m.group(group), words):
            found.append((m.start(group), m.group(group), m.end()))
    defined = _defined_name().match(text)
    if defined and _a_name(defined.group(1), words):
        found.append((defined.start(1), defined.group(1), defined.end(1) + 2))
    for m in _SUBJECT_WORD.finditer(text):
        word = m.group(1)
        if word in words.suffixes:
            # "발전사 콘스텔레이션 에너지가": a two-word name whose second word is the ending, in
            # apposition to what it is
            first = word_before(text, m.start(1))
            at = m.start(1) - len(first) - 1
            if first and at > 0 and word_before(text, at).endswith(words.appositive_nouns):
                found.append((at, f"{first} {word}", m.end()))
                continue
        if len(word) < 2 or _owns_nothing(word, words):
            continue
        before = word_before(text, m.start(1))
        if before.endswith(words.sources):
            continue  # "리서치업체 하이드라리서치는 … 추정했다": who estimates, not whose
        if (
            word in introduced
            # a name with the ending, not the ending alone ("연구원은": a researcher)
            or (word.endswith(words.suffixes) and word not in words.suffixes)
            or (_LATIN_LETTER.search(word) and _HANGUL_SYLLABLE.search(word))  # mixed
            or _LISTED_NAME.fullmatch(word)  # "ASML은", "AMD는": a listed name
        ):
            found.append((m.start(1), word, m.end()))
            continue
        # "전력 설비주인 비스트라는": named in apposition to what it is (a stock, a maker…)
        if (
            before.endswith(words.described)
            or before.endswith(words.appositive_nouns)
            or (before in words.trade_verbs and _a_name(word, words))
            or (
                before in words.nationalities
                and _a_name(word, words)
                and not word.endswith(words.populations)
            )
        ):
            found.append((m.start(1), word, m.end()))
    # an introduced name written bare before its figure, as headlines do ("…하람 21% 치솟아",
    # "스타트업 하늬, 1050억 원 유치")
    for word in introduced:
        at = text.find(word)
        while at >= 0:
            bare = _BARE_BEFORE_FIGURE.match(text, at + len(word))
            if bare and (at == 0 or not _NAME_CHARACTER.match(text[at - 1])):
                found.append((at, word, bare.end()))
            at = text.find(word, at + len(word))
    return sorted(set(found))


def word_before(text: str, position: int) -> str:
    """The whitespace-separated word that ends before `position` (read without copying the
    text before it: this runs for every subject particle of every sentence)."""
    end = position
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return text[text.rfind(" ", 0, end) + 1 : end]


_OPENING_NAME = rx.compile(r"^[\W\d]*([0-9A-Za-z\uac00-\ud7a3&]{2,12}?)(?:은|는)\s")


def opening_name(text: str) -> str | None:
    """The name a sentence opens with as its topic ("한결은 지난 1월 240억 원 규모의 시리즈B를
    마무리한 뒤"), when it is a name, not a common noun or a pointer ("회사는", "이곳은")."""
    m = _OPENING_NAME.match(text)
    return m.group(1) if m is not None and _a_name(m.group(1), _entity_words()) else None


def _owns_nothing(word: str, words: _EntityWords) -> bool:
    """A word that owns no figure: a label ("종가", "AI"), a listing of shares ("미국예탁증권")."""
    return word in words.not_owners or word.endswith(_listings())


def _a_name(word: str, words: _EntityWords) -> bool:
    """Not a common noun that says what something is ("회사는 … 스타트업이다"), a pronoun
    ("이곳은") or a word that owns nothing."""
    return not (
        _owns_nothing(word, words)
        or word.endswith(words.appositive_nouns)
        or anaphoric(word)
        or (len(word) == 2 and word.startswith(("이", "그", "저")))
    )


def _a_company_between(word: str, words: _EntityWords) -> bool:
    """A word between a person's name and title names the company ("이해솔 이음 대표"): a short
    name such as 이음 is no pronoun there, but a common noun or a post is no company."""
    return not (
        word in words.not_owners
        or word.endswith(words.appositive_nouns)
        or anaphoric(word)
        or word.endswith(("는", "던"))  # a verb's adnominal form: "모임을 이끄는 한서진 회장"
    )


_NAME_CHARACTER = rx.compile(r"[0-9A-Za-z\uac00-\ud7a3&]")
_BARE_BEFORE_FIGURE = rx.compile(r",?\s(?=[-+△▲▼]?\d)")


@functools.cache
def _defined_name() -> re.Pattern[str]:
    """A sentence that says what its subject is, a company ("온결은 2020년 … 세운 NPU 설계
    회사다"): the subject is an entity of that kind."""
    nouns = rx.alternation(frame_data().appositive_nouns)
    return rx.compile(
        rf"^\W*([0-9A-Za-z\uac00-\ud7a3&]{{2,}})(?:은|는)\s[^.]*?(?:{nouns})"
        rf"(?:다|이다|입니다|예요|이에요)[.!]?\s*$"
    )


@functools.cache
def _headed_name() -> re.Pattern[str]:
    """A name with its head in brackets after it ("노바브레인(대표 이서준)은"), as news writing
    introduces a company on first mention."""
    titles = rx.alternation(frame_data().introducing_titles)
    return rx.compile(
        rf"(?<![0-9A-Za-z\uac00-\ud7a3&])([0-9A-Za-z\uac00-\ud7a3&]{{2,}})"
        rf"\((?:{titles})[ ·][^()]{{1,20}}\)(?:은|는|이|가|의|도)?\s"
    )


@functools.cache
def _titled_person(after: str) -> re.Pattern[str]:
    """A person's full name and title with the company between or before them ("박세훈 모아랩스
    대표", "모아랩스 박세훈 대표"): the company in group 1 or 2, then `after`."""
    data = frame_data()
    titles = rx.alternation(data.introducing_titles)
    name = r"[0-9A-Za-z\uac00-\ud7a3&]{2,}"
    # (not a verb's adnominal form that opens with a surname's syllable: "모임을 이끄는 한서진
    # 회장" is 한서진, not a company of that name)
    person = rf"[{''.join(data.person_surnames)}][\uac00-\ud7a3]{{2}}(?<![는던])"
    return rx.compile(
        rf"(?<![0-9A-Za-z\uac00-\ud7a3&])(?:{person}\s({name})|({name})\s{person})"
        rf"\s(?:{titles}){after}"
    )


def _speakers_company() -> re.Pattern[str]:
    """The company of a person who speaks ("박세훈 모아랩스 대표는", "틔움 최다인 대표의 말",
    a headline's "정하윤 모아랩스 대표 \"GPU 3000장 확보…\"")."""
    return _titled_person(r"(?:(?:은|는|이|가|의)\s|\s?[\"“'‘])")


def heads_company(head: str) -> str | None:
    """The company of the person a heading names with a title, unknown to the alias table or
    not: "정하윤 모아랩스 대표", "모아랩스 정하윤 대표 인터뷰"."""
    for found in _titled_person(r"(?![0-9A-Za-z\uac00-\ud7a3])").finditer(head):
        company = found.group(1) or found.group(2)
        if _a_company_between(company, _entity_words()):
            return company
    return None


_LATIN_LETTER = rx.compile(r"[A-Za-z]")
_HANGUL_SYLLABLE = rx.compile(r"[\uac00-\ud7a3]")
_LISTED_NAME = rx.compile(r"[A-Z][A-Z0-9&.]+")


@dataclass(frozen=True)
class _EntityWords:
    """frames.yaml's words for unknown_entities, as it tests them."""

    suffixes: tuple[str, ...]
    not_owners: frozenset[str]
    appositive_nouns: tuple[str, ...]  # ends of the word before ("설계업체 하람은")
    described: tuple[str, ...]  # each appositive noun + 인 ("설비주인")
    sources: tuple[str, ...]  # each source noun, and with 인 ("연구기관인")
    trade_verbs: frozenset[str]
    nationalities: frozenset[str]  # "중국 미니맥스는": a company named with its country
    populations: tuple[str, ...]  # …not its people ("국내 이용자는", "미국인들은")


_ENTITY_WORDS: list = []


def _entity_words() -> _EntityWords:
    data = frame_data()
    return held_beside(
        _ENTITY_WORDS,
        (data,),
        lambda: _EntityWords(
            tuple(data.entity_suffixes),
            frozenset(data.not_owners),
            tuple(data.appositive_nouns),
            tuple(f"{noun}인" for noun in data.appositive_nouns),
            tuple(data.source_nouns) + tuple(f"{noun}인" for noun in data.source_nouns),
            frozenset(data.trade_verbs),
            frozenset(data.nationality_words),
            tuple(data.nationality_populations),
        ),
    )


_STORE_WORDS: list = []


def store_words() -> tuple[str, ...]:
    """Every word that names an app store ("앱스토어", "구글플레이")."""
    data = frame_data()
    return held_beside(
        _STORE_WORDS, (data,), lambda: tuple(w for ws in data.stores.values() for w in ws)
    )


def counter_class(counter: str | None) -> str | None:
    """The class of a count's counter word (people, events, things), or the word itself."""
    if counter is None:
        return None
    for name, words in frame_data().counter_classes.items():
        if counter in words:
            return name
    return counter


# The endings that make a name the clause's topic or subject ("FlashMLA는", "R1이")
SUBJECT_ENDINGS = ("은 ", "는 ", "이 ", "가 ")
_GLOSS = rx.compile(r"\s*(?:[—–:]|\s-)\s")  # the dash may be normalised to a hyphen


@functools.cache
def conversion_pattern(kind: str) -> re.Pattern[str]:
    """How a conversion is written (frames.yaml `conversions`): "bracketed" after the sum, "said"
    in words, a sentence that "opens" by converting, the exchange rate written before a sum."""
    return rx.compile(frame_data().conversions[kind])


def gloss_after(text: str, end: int) -> bool:
    """Whether a dash or colon right after the figure opens a gloss of it, as fact boxes and card
    news write ("■ 6710억 개 — V3의 전체 파라미터")."""
    return _GLOSS.match(text, end) is not None


def counted_kind(text: str, start: int, end: int) -> str | None:
    """What an adoption figure counts (daily_users, downloads…): the cue nearest before the
    figure within its clause, else one right after it, or in the gloss a fact box gives it."""
    if gloss_after(text, end):
        for kind, words in frame_data().counted.items():
            if any(word in text[end:] for word in words):
                return kind
    before = text[
        :start
    ]  # the nearest cue before, anywhere in the sentence ("MAU는 … 딥시크(121만 명)")
    best: tuple[int, str] | None = None
    for kind, words in frame_data().counted.items():
        for word in words:
            at = before.rfind(word)
            if at >= 0 and (best is None or len(before) - at < best[0]):
                best = (len(before) - at, kind)
    if best is not None:
        return best[1]
    after = clause_after(text, end, min(len(text), end + 12))
    for kind, words in frame_data().counted.items():
        if any(word in after for word in words):
            return kind
    return None


def market_of(text: str, start: int) -> str | None:
    """Where an adoption figure counts (korea, china, global…): the cue nearest before it."""
    best: tuple[int, str] | None = None
    for market, words in frame_data().markets.items():
        for word in words:
            at = text.rfind(word, 0, start)
            if at >= 0 and (best is None or at + len(word) > best[0]):
                best = (at + len(word), market)
    return best[1] if best else None


def store_of(text: str) -> str | None:
    """The app store a rank is in (app_store, google_play), when the text names one."""
    for store, words in frame_data().stores.items():
        if any(word in text for word in words):
            return store
    return None


def negated(text: str, end: int) -> bool:
    """Whether the name ending at `end` is denied ("R1이 아니라 V3의 최종 훈련비") or only
    likened to ("V3급 모델", "딥시크처럼")."""
    rest = text[end : end + 6]
    return any(rest.startswith(word) for word in frame_data().negated_after)


# A company's share or value written after its name ("엔비디아 주가가", "엔비디아 시가총액이"): the
# name with one of these and a particle is the subject, as the name with the particle alone is.
VALUE_NOUNS = ("주가", "주식", "시가총액", "시총")
_VALUE_NOUN = "|".join(VALUE_NOUNS)

# "2% 가까이 밀렸던 지수는", "8% 넘게 급락했던 엔비디아 주가가": the noun, perhaps with its
# share price or value after it
_ADNOMINAL_ENDINGS = "던|진|된|한|린|른|간|온|운|인|받은|얻은|잃은|거둔|낸|쓴"
_RELATIVE = rx.compile(
    rf"^[^,.()]{{0,24}}?(?:{_ADNOMINAL_ENDINGS})\s+([0-9A-Za-z\uac00-\ud7a3]+?)"
    rf"(?:\s*(?:{_VALUE_NOUN}))?(?:은|는|이|가)\s"
)
# the same clause's end, for a name of several words the alias table knows ("7.9% 급락했던
# 필라델피아 반도체지수도")
_ADNOMINAL = rx.compile(rf"^[^,.()]{{0,14}}?(?:{_ADNOMINAL_ENDINGS})\s+")
_NAME_PARTICLE = rx.compile(rf"^(?:\s*(?:{_VALUE_NOUN}))?(?:은|는|이|가|도)\s")


def described_name(text: str, end: int, mentions) -> str | None:
    """The known name a relative clause ending after the figure describes, or None."""
    m = _ADNOMINAL.match(text[end : end + 30])
    if m is None:
        return None
    at = end + m.end()
    for mention in mentions:
        if mention.start == at and _NAME_PARTICLE.match(text[mention.end : mention.end + 8]):
            return mention.entity if mention.type in _NAMED_OWNER_TYPES else None
    return None


_NAMED_OWNER_TYPES = {"company", "market_index"}


def described_noun(text: str, end: int) -> tuple[int, str] | None:
    """The noun a relative clause ending after the figure describes ("2% 가까이 밀렸던 지수는"):
    (its start, the noun), or None."""
    m = _RELATIVE.match(text[end : end + 40])
    return (end + m.start(1), m.group(1)) if m else None


def anaphoric(noun: str) -> bool:
    return noun in frame_data().anaphoric_owners


@functools.cache
def _group_sum() -> re.Pattern[str]:
    data = frame_data().group_sums
    counters = "|".join(re.escape(w).replace(r"\ ", r"\s?") for w in data["counters"])
    verbs = rx.alternation(data["verbs"])
    return rx.compile(
        rf"(?:\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?:{counters})"
        rf"(?:을|를|의|이|가|은|는|도)?\s*(?:모두\s*|다\s*|전부\s*)?(?:{verbs})"
    )


def _a_days_move(before: str) -> bool:
    """Whether the figure after `before` is written right after 하루 ("하루 5% 넘게 빠졌던")."""
    return before.rstrip().endswith(tuple(frame_data().day_move_before))


def told_as_one_day(text: str, position: int) -> bool:
    """Whether the words before `position` say the move took one day ("하루 만에", "하루 5%")."""
    before = text[:position]
    return any(word in before for word in frame_data().one_day) or _a_days_move(before)


def event_day(text: str, position: int) -> str | None:
    """The session a named market event stands for, when the words before `position` name it and
    say the move took one day ("딥시크 쇼크 때 … 하루 만에"); else None."""
    data = frame_data()
    before = text[:position]
    if not told_as_one_day(text, position):
        return None
    from claimcheck.extract.dates import looks_back

    for day, names in sorted(data.market_events.items()):
        named = [before.rfind(name) + len(name) for name in names if name in before]
        if not named:
            continue
        if _a_baseline(before[max(named) :]):
            return None  # the event is what the move is measured from, not its day
        if looks_back(text, max(named), position):
            return None  # "딥시크 쇼크 당일 … 날아갔던 엔비디아가 … 30%": a day recalled
        return day
    return None


def _a_baseline(words: str) -> bool:
    """Whether `words` measure a move from a day rather than date it: a comparison ("딥시크 쇼크
    당일 종가와 비교하면 30% 넘게") or a record counted from it ("1월 27일 이후 최대 낙폭")."""
    if any(word in words for word in (*frame_data().baseline_after, "비교")):
        return True
    return _record_baseline().search(words) is not None


def story_events(texts: list[str]) -> frozenset[str]:
    """The days of the market events a story names anywhere (frames.yaml market_events)."""
    events = frame_data().market_events
    return frozenset(
        day for day, names in events.items() if any(n in t for t in texts for n in names)
    )


def event_of_its_owner(
    text: str, position: int, owner: str | None, named: frozenset[str], causes: set[str]
) -> str | None:
    """The session of a market event for a one-day fall of the company the event is remembered by,
    told with no day of its own (frames.yaml market_event_owners), when the story names the event
    (`named`) or the sentence names its cause (`causes`: the entities it mentions); else None."""
    data = frame_data()
    if owner is None or not told_as_one_day(text, position):
        return None
    if _a_baseline(text[:position]):
        return None  # a baseline, no day of the move
    for day, owners in sorted(data.market_event_owners.items()):
        if owner not in owners:
            continue
        if day in named or causes & set(data.market_event_causes.get(day, ())):
            return day
    return None


def summed_group_before(text: str, position: int) -> bool:
    """Whether a count of companies summed stands before `position` ("네 곳을 합치면 올해
    투자액은 3200억 달러"): the figure is the group's total."""
    return _group_sum().search(text, 0, position) is not None


@functools.cache
def _public_body_subject() -> re.Pattern[str]:
    data = frame_data().public_bodies
    nouns = rx.alternation(data["nouns"])
    suffixes = rx.alternation(data["suffixes"])
    officials = rx.alternation(data["officials"])
    return rx.compile(
        rf"^\W*(?:(?P<name>[\uac00-\ud7a3]{{2,5}}?)(?:{suffixes})|(?:{nouns}))"
        rf"(?:\s*(?:{officials}))?(?:은|는|이|가)\s"
    )


def public_body_speaks(text: str) -> bool:
    """Whether a sentence opens with a public or local body as its subject ("시는 … GPU 3천 장을
    들여놓겠다고 밝혔다", "가온시가 …", "시 관계자는 …"): what it counts is that body's, never the
    story company's by default."""
    m = _public_body_subject().match(text)
    return m is not None and m.group("name") not in frame_data().public_bodies["not_names"]


@functools.cache
def _place_name() -> re.Pattern[str]:
    suffixes = rx.alternation(frame_data().public_bodies["suffixes"])
    return rx.compile(
        rf"(?<![\uac00-\ud7a3])(?P<name>[\uac00-\ud7a3]{{2,5}}?)(?:{suffixes})"
        r"(?=[\s,은는이가의에도])"
    )


def place_named_before(text: str, position: int) -> bool:
    """Whether a place's name ("가온시", "인근 나래군은") stands in the sentence before
    `position`: a count beside it is that place's (a city's data centre), not the story's."""
    not_names = frame_data().public_bodies["not_names"]
    return any(m.group("name") not in not_names for m in _place_name().finditer(text, 0, position))


@functools.cache
def _figure_label_words() -> tuple[tuple[str, str], ...]:
    from claimcheck.extract.lexicon import topic_data

    labels = topic_data().figure_labels
    pairs = [(word, label) for label, words in labels.items() for word in words]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


# how far before a figure its label may stand ("매출이 1년 전보다 72%")
_LABEL_REACH = 20


def figure_label(text: str, start: int, end: int) -> str | None:
    """What an unclassified figure measures (topics.yaml figure_labels): the label noun written
    right after it ("3조3636억 원의 영업이익", "55억 달러 비용"), else the one written last
    before it within its clause ("매출이 1년 전보다 72% 늘어난": revenue); None when neither is
    written."""
    after = text[end : end + 10].lstrip()
    # (the label right after the figure, with 의 or without, after a word of worth: "3조3636억
    # 원의 영업이익", "55억 달러 비용 반영", "160억 달러어치 주문")
    for word in frame_data().worth_words:
        after = after.removeprefix(word)
    after = after.lstrip()
    after = after[1:].lstrip() if after.startswith("의") else after
    words = _figure_label_words()
    if after:
        for word, label in words:
            if after.startswith(word):
                return label
    window = text[max(0, start - _LABEL_REACH) : start]
    breaks = list(CLAUSE_BREAKS.finditer(window))  # the figure's own clause only
    window = window[breaks[-1].end() :] if breaks else window
    best: tuple[int, str] | None = None
    for word, label in words:
        at = window.rfind(word)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, label)
    return best[1] if best else None


def top_of_offer(text: str, start: int, end: int) -> bool:
    """Whether a pay figure is the top of what is offered ("연봉 최대 150만 위안", "최고 145만
    위안", "300만 위안까지"): frames.yaml measures.salary top_before / top_after."""
    salary = frame_data().measures.salary
    before = text[max(0, start - salary.window) : start]
    figure = text[start:end]
    return any(w in before or figure.startswith(w) for w in salary.top_before) or text.startswith(
        tuple(salary.top_after), end
    )


def moves_only(text: str) -> str:
    """`text` with the words that hold a direction word but move nothing blanked out
    (topics.yaml not_directions: "내려받을 수 있게" is to download)."""
    from claimcheck.extract.lexicon import topic_data

    for word in topic_data().not_directions:
        if word in text:
            text = text.replace(word, " " * len(word))
    return text
