"""Figure claims: every quantity stated as fact becomes a claim with a topic, subject and object."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from claimcheck import regexcache as rx
from claimcheck.extract.context import SentenceContext
from claimcheck.extract.dates import result_period
from claimcheck.extract.frames import (
    CARD_SIGN,
    MARKET_TOPICS,
    NOUN_CLAUSE_END,
    SUBJECT_ENDINGS,
    VALUE_NOUNS,
    Figure,
    bracket_owner,
    build_frame,
    conversion_pattern,
    entity_before,
    event_day,
    event_of_its_owner,
    frame_data,
    gloss_after,
    moves_only,
    opening_name,
    over_days,
    place_named_before,
    summed_group_before,
    told_as_one_day,
    word_before,
)
from claimcheck.extract.lexicon import FigureTopic, topic_data
from claimcheck.extract.mentions import Mention, entity_listed, entity_parent, entity_type
from claimcheck.models import Frame, Quantity, copied_with
from claimcheck.quantities.units import per_token

TIME_UNITS = {"year", "month", "week", "day", "hour", "minute"}
# A company mention followed by one of these is the grammatical subject or owner of what follows
# ("엔비디아의 주가", "하이닉스가"); followed by a noun such as 발표 it is only context.
_SUBJECT_PARTICLES = (
    "은",
    "는",
    "이",
    "가",
    "의",
    *(f" {n}" for n in VALUE_NOUNS),
    "측",
    "도",
    "와",
    "과",
)


@dataclass
class Draft:
    """A claim before ids and spans are fixed."""

    topic: str
    subject: str | None
    object: str | None
    quantity: Quantity | None
    span: tuple[int, int]  # normalised span of the figure or mention inside the sentence
    attributes: dict[str, str] = field(default_factory=dict)
    frame: Frame | None = None


def figure_drafts(ctx: SentenceContext) -> list[Draft]:
    data = topic_data()
    drafts: list[Draft] = []
    attributes_for_all: dict[str, str] = {}
    figures = []
    for quantity, start, end in ctx.quantities:
        attribute = _as_attribute(ctx, quantity, start, end)
        if attribute:
            attributes_for_all[attribute] = quantity.text
        else:
            figures.append((quantity, start, end))
    published = ctx.article.meta.published
    dates = ctx.dates()
    # the figures a frame is read between: not the dates themselves ("15일 60만 명에서")
    in_frame = [
        Figure(q, s, e)
        for q, s, e in figures
        if not any(d.start < e and s < d.end for d in dates) and q.unit not in TIME_UNITS
    ]
    previous_end = 0
    for quantity, start, end in figures:
        stretch_start, previous_end = previous_end, end
        if quantity.unit == "count" and quantity.value == 1:
            continue  # "H800 한 개를 한 시간 빌리는 값", "훈련 1회": an article, not a figure
        if quantity.unit is None and quantity.value is None:
            continue  # a bare range with nothing to say what it counts ("27~30일" read as days)
        if quantity.unit is None and any(d.start <= start and end <= d.end for d in dates):
            continue  # a number inside a date ("27~30일 연휴로"): the day, no figure
        quantity = _implied_count(ctx, _parameters_as_count(quantity), start)
        quantity = _gpu_hours(ctx, _implied_currency(ctx, quantity, start), start)
        quantity = _hourly_price(ctx, quantity, start)
        topic, subject, obj, attributes = _classify(ctx, quantity, start, end)
        if topic is None:
            continue
        attributes.update(attributes_for_all)
        # (the side may stand inside a rate's span: "100만 토큰 기준 입력 0.55달러")
        core = start + _last_number(ctx.text[start:end])
        side = token_side(ctx.text, stretch_start, core, end) if per_token(quantity.unit) else None
        if side:
            attributes["tokens"] = side
            cache = _token_cache(ctx.text[stretch_start:core])
            if cache:
                attributes["cache"] = cache  # a hit's price is not a miss's
        if per_token(quantity.unit) and _discounted(ctx.text[:core]):
            attributes["pricing"] = "discount"  # the night rate is not the list price
        figure = next((f for f in in_frame if f.start == start), Figure(quantity, start, end))
        if figure.quantity.unit != quantity.unit:  # read as GPU-hours or an hourly price
            figure = Figure(quantity, figure.start, figure.end)
            in_frame = [figure if f.start == start else f for f in in_frame]
        event = event_day(ctx.text, start) if topic in MARKET_TOPICS else None
        if (
            event is None
            and topic in MARKET_TOPICS
            and attributes.get("direction") == "down"
            and not dates
            # (a month the paragraph named with the event, in this sentence or the one before,
            # holds the event's day: "1월 말의 '딥시크 쇼크'를 기억하는 이가 많을 것이다")
            and (not ctx.inherited_date or len(ctx.inherited_date) == 7 and _event_near(ctx))
        ):
            # "딥시크 쇼크 … 엔비디아 시가총액이 하루 만에 1000억 달러 넘게 날아갔다": the event's
            # session, for the company it is remembered by
            causes = {m.entity for m in ctx.mentions}
            event = event_of_its_owner(ctx.text, start, subject, ctx.named_events, causes)
            if event and published is not None and event > published.isoformat():
                event = None
            if event and ctx.inherited_date and not event.startswith(ctx.inherited_date):
                event = None  # the paragraph's month is another
        frame = build_frame(
            ctx.text,
            figure,
            in_frame,
            topic,
            published,
            dates,
            # (a named event's day before the paragraph's: "딥시크 쇼크 때 … 하루 만에")
            event or ctx.inherited_date or (ctx.session_date if topic in MARKET_TOPICS else None),
            attributes.pop("scope", None),
            _subject_basis(ctx, subject),
        )
        told_day = _day_of_its_move(ctx, topic, subject, attributes, frame, event, dates, start)
        if told_day is not None:
            # "27일 16.97% 폭락했고 … 엔비디아 시총이 하루에 2000억 달러 이상 날아간 충격": the
            # day the story dated that owner's move, not the session it reports
            frame = frame.model_copy(update={"as_of": told_day, "moment": "close"})
        if event and frame.as_of and len(frame.as_of) == 7 and event.startswith(frame.as_of):
            # "1월 말 딥시크 쇼크 때 하루 5% 넘게": the event's day within the month written
            frame = frame.model_copy(update={"as_of": event})
        if quantity.unit in data.chip_specs and frame.measure == "per_unit":
            # "한 장당 8GB의 HBM3": a chip's spec is per chip by nature, the chip's own level
            frame = frame.model_copy(update={"measure": "level"})
        if topic == "earnings":
            # a result holds for its period ("지난해 4분기"), never for the day it was announced;
            # one compared back ("1년 전 같은 분기 영업이익") is of an earlier period, unsaid
            period = attributes.pop("period", None)
            after = ctx.text[end:]
            if _forecast_after(after):
                # "1분기 영업이익이 7조 원 안팎으로 줄어들 것으로 내다본다": a forecast, no result
                # (not "시장 예상을 웃돌았다": a result against the forecast)
                frame = frame.model_copy(update={"measure": "plan"})
            before = ctx.text[max(0, start - 20) : start]
            back = next((w for w in topic_data().earnings_lookback if w in before), None)
            frame = frame.model_copy(update={"as_of": period, "since": None if period else back})
        live = ctx.recent_market_frame
        if topic in MARKET_TOPICS and ctx.live_entry and frame.moment != "after_hours":
            # a live blog's entry during the session: its moves are not yet closes
            frame = frame.model_copy(update={"moment": "intraday"})
        elif (
            topic in MARKET_TOPICS
            and not dates
            and live is not None
            and live.moment == "intraday"
            # (not "종가 기준으로 사라진 시가총액은": a figure that names its own moment keeps it)
            and frame.moment is None
        ):
            # "SK하이닉스는 이 시각 2.1% 오른 … 거래되고 있다. 삼성전자(-0.4%)는 약보합이다": a live
            # report goes on at its moment, not at the paragraph's look-back date
            frame = frame.model_copy(update={"moment": "intraday", "as_of": live.as_of})
        elif (
            topic in MARKET_TOPICS
            and not dates
            and frame.moment is None
            and ctx.recent_close is not None
            and frame.as_of is not None
            and frame.as_of == ctx.recent_close.as_of
        ):
            # "…8.96% 내린 19만9200원에 마감했다. 삼성전자도 2.42% 하락했다": the paragraph's
            # session told on, at its close (not a value the sentence recalls from before it,
            # left undated: "3조5000억 달러에 육박하던 시가총액")
            frame = frame.model_copy(update={"moment": "close"})
        elif topic in MARKET_TOPICS and frame.moment is None and ctx.close_labelled:
            frame = frame.model_copy(update={"moment": "close"})
        elif topic in MARKET_TOPICS and frame.moment is None and ctx.closing_report:
            session = ctx.session_date
            # (not a move over days: "나스닥지수는 한 주간 1.64%" in a weekly wrap)
            if (frame.as_of is None or frame.as_of == session) and not over_days(
                ctx.text, figure, in_frame
            ):
                # a closing report's moves of its session are closes ("[마감시황] … 한결(-14.2%)")
                frame = frame.model_copy(
                    update={"moment": "close", "as_of": frame.as_of or session}
                )
        if topic == "adoption":
            from claimcheck.extract.frames import counted_kind, market_of

            kind = counted_kind(ctx.text, start, end) or _users_of_a_week(quantity, frame)
            if kind:
                attributes["counted"] = kind
            market = market_of(ctx.text, start)
            if market:
                attributes["market"] = market
        if frame.measure == "generic":
            subject = None  # "통상 수백억 원대로 알려진 개발비": nobody's figure
        if frame.measure == "salary" and topic in ("training_cost", "peer_cost"):
            topic = "other"  # pay is no training cost, whatever the story is about
        if frame.measure == "salary" and topic == "other":
            # which pay ("초봉 5800만 원" over "평균 초봉은 5100만 원"): a headline's and the body's
            # starting pay are one figure; a starting and an average salary are not
            pay = _pay_word(ctx.text, start)
            if pay:
                attributes["metric"] = pay
        attributes.pop("date", None)  # the frame's as_of says when
        drafts.append(Draft(topic, subject, obj, quantity, (start, end), attributes, frame))
    del data
    drafts = _range_ends_follow(ctx.text, drafts)
    return _series_follow(ctx.text, _conversions_follow(ctx.text, drafts))


def _day_of_its_move(
    ctx: SentenceContext,
    topic: str,
    subject: str | None,
    attributes: dict[str, str],
    frame: Frame,
    event: str | None,
    dates: list,
    start: int,
) -> str | None:
    """The day of a one-day market move written with no day of its own ("하루에 2000억 달러 이상
    날아간"), in a paragraph that names none, when the story dated one move of the same owner in
    the same direction on another day; else None."""
    direction = attributes.get("direction")
    if topic not in MARKET_TOPICS or subject is None or direction is None or event or dates:
        return None
    if frame.measure != "change" or ctx.inherited_date or frame.as_of != ctx.session_date:
        return None
    if not told_as_one_day(ctx.text, start):
        return None
    days = ctx.move_days.get((subject, direction), set())
    if len(days) != 1:
        return None  # none, or several: which is unsaid
    (day,) = days
    return day if day != frame.as_of else None


def _machines_counted_so(ctx: SentenceContext, start: int, machines: tuple[str, ...]) -> bool:
    """Whether a count in 대 comes after the sentence has counted machines in 대 ("서버 1대당",
    "노드 한 대에") and is not written right after a chip: then 대 counts machines here."""
    text = ctx.text
    if not text.startswith("대", _figure_digits_end(text, start)):
        return False
    chips = _before(ctx, start, {"chip", "hardware"})
    if chips and not text[chips[-1].end : start].strip():
        return False  # "서버 한 대에 GPU 8대": the chips, named right before
    return _machines_in_dae(machines).search(text, 0, start) is not None


@functools.cache
def _machines_in_dae(machines: tuple[str, ...]) -> re.Pattern[str]:
    nouns = rx.alternation(machines)
    return rx.compile(rf"(?:{nouns})\s*(?:\d+|한)\s*대")


def _figure_digits_end(text: str, start: int) -> int:
    m = _DIGITS.match(text, start)
    return m.end() if m else start


_DIGITS = rx.compile(r"[\d,.]+(?:\s*[만천백억])*\s*")
_BRACKET_AFTER = rx.compile(r"\s?\([^()]{1,30}\)")


def _token_cache(stretch: str) -> str | None:
    """'hit' or 'miss': which input price the words before a token price name, if any."""
    named = [c for c, words in topic_data().token_cache.items() if any(w in stretch for w in words)]
    return named[0] if len(named) == 1 else None


@functools.cache
def _facility() -> re.Pattern[str]:
    nouns = rx.alternation(frame_data().facility_nouns)
    return rx.compile(rf"(?:{nouns})(?:에는|에선|에서는|엔|에)\s")


def _in_a_facility(text: str, start: int) -> bool:
    """Whether a place is named, with its locative particle, in the figure's clause before it."""
    return _facility().search(text, _clause_start(text, start), start) is not None


def _discounted(before: str) -> bool:
    """Whether the words before a token price say it is a discount or a price of certain hours
    ("오전 0시 30분~8시 30분에는 … 0.55달러")."""
    data = topic_data()
    return any(w in before for w in data.token_discount) or bool(
        rx.compile(data.token_discount_hours).search(before)
    )


_NUMBER = rx.compile(r"\d[\d.,]*")


def _last_number(figure: str) -> int:
    """Where the last number of a figure's text starts (after a rate word's own numbers)."""
    found = [m.start() for m in _NUMBER.finditer(figure)]
    return found[-1] if found else 0


def _subject_basis(ctx: SentenceContext, subject: str | None) -> str:
    """'named' when the figure's owner is written in the sentence, 'story' when it is only the
    story's subject, 'none' when nobody owns it."""
    if subject is None:
        return "none"
    if subject == ctx.story_subject and not any(
        m.entity == subject or m.parent == subject for m in ctx.mentions
    ):
        return "story"
    return "named"


_MONEY = {"KRW", "USD", "CNY", "JPY", "EUR", "GBP"}


def in_money(unit: str | None) -> bool:
    """Whether a unit is a sum of money, per something or not ("KRW", "KRW/share")."""
    return (unit or "").partition("/")[0] in _MONEY


def _forecast_after(after: str) -> bool:
    """Whether the words after a result make it a forecast ("7조 원 안팎으로 줄어들 것으로
    내다본다"), not a result held against one ("시장 예상치를 크게 웃돌았다")."""
    data = topic_data()
    beaten = data.figure_topics["earnings"].vetoes_unless
    for word in data.earnings_forecast:
        at = after.find(word)
        if at >= 0 and not any(verb in after[at : at + 20] for verb in beaten):
            return True
    return False


def _series_follow(text: str, drafts: list[Draft]) -> list[Draft]:
    """ "정답률은 70%에서 87.5%로 뛰었다": the figure a quantity moved to is the same quantity as
    the one it moved from (what the sentence names stands before them), whatever the verb after
    it suggests; only its time differs, which its frame keeps."""
    joins = topic_data().series
    for first, second in zip(drafts, drafts[1:], strict=False):
        if first.quantity is None or second.quantity is None or first.topic == second.topic:
            continue
        if first.quantity.unit != second.quantity.unit:
            continue
        gap = text[first.span[1] : second.span[0]]
        if not gap.startswith(tuple(joins.between)) or len(gap) > joins.reach:
            continue
        if not text[second.span[1] :].startswith(tuple(joins.after)):
            continue
        second.topic, second.subject, second.object = first.topic, first.subject, first.object
        second.attributes = {**first.attributes, **second.attributes}
        if first.frame is not None and second.frame is not None:
            # the owner taken over is named (or not) as the first figure's is
            basis = first.frame.subject_basis
            second.frame = second.frame.model_copy(update={"subject_basis": basis})
    return drafts


def _range_ends_follow(text: str, drafts: list[Draft]) -> list[Draft]:
    """ "5890억~5930억 달러로 조금씩 다른데, 낮은 쪽인 5890억 달러를 …": a figure named as one end
    of the range before it is the same quantity as that range (its topic, owner and frame)."""
    ends = tuple(topic_data().range_end_words)
    for index, second in enumerate(drafts):
        if second.quantity is None or not text[: second.span[0]].rstrip().endswith(ends):
            continue
        ranges = [
            d
            for d in drafts[:index]
            if d.quantity is not None
            and d.quantity.unit == second.quantity.unit
            and d.quantity.low is not None
            and d.quantity.high is not None
            and d.quantity.low != d.quantity.high
        ]
        if ranges:
            first = ranges[-1]
            second.topic, second.subject, second.object = first.topic, first.subject, first.object
            second.attributes = {**first.attributes, **second.attributes}
            second.frame = first.frame
    return drafts


def _conversions_follow(text: str, drafts: list[Draft]) -> list[Draft]:
    """ "5890억 달러(약 590조 원)": the bracketed figure is the same sum in another currency, so it
    is a claim about the same thing (topic, subject, object) as the figure it converts."""
    for first, second in zip(drafts, drafts[1:], strict=False):
        if first.quantity is None or second.quantity is None:
            continue
        (cur_a, _, per_a), (cur_b, _, per_b) = (
            (first.quantity.unit or "").partition("/"),
            (second.quantity.unit or "").partition("/"),
        )
        if not (cur_a in _MONEY and cur_b in _MONEY) or cur_a == cur_b:
            continue
        # what stands between a sum and its conversion: "(", ", 우리 돈 약 ", "를 이날 환율로
        # 옮기면 " (the reconciler reads the same gaps)
        gap = text[first.span[1] : second.span[0]]
        if not any(conversion_pattern(kind).match(gap) for kind in ("bracketed", "said")):
            continue
        if per_a and not per_b:  # "1시간 임차료 2달러(약 2900원)": the won price is per hour too
            second.quantity = second.quantity.model_copy(update={"unit": f"{cur_b}/{per_a}"})
        second.topic, second.subject, second.object = first.topic, first.subject, first.object
        second.attributes = {**first.attributes, **second.attributes}
        second.frame = first.frame  # the same sum in another currency
    return drafts


def token_side(text: str, since: int, start: int, end: int | None = None) -> str | None:
    """'input' or 'output': the side of the token price at `text[start:end]`, named in brackets
    right after it, or else by a side word before it (back to `since`, the end of the previous
    figure) that a price word or the figure itself follows; None when it is not said, when both
    sides are named, or when it is said for a list of figures ("각각")."""
    data = topic_data()
    if end is not None:
        label = re.match(r"\s*\(\s*(\S+?)\s*\)", text[end : end + 12])
        if label:
            for side, words in data.token_sides.items():
                if label.group(1) in words:
                    return side
    stretch = text[since:start]
    if any(word in stretch for word in data.token_side_each):
        return None
    mentioned = {s for s, words in data.token_sides.items() if any(w in stretch for w in words)}
    if len(mentioned) > 1:
        return None  # both sides named ("입력과 출력 토큰 가격은")
    followers = tuple(data.token_side_followers)
    particles = data.token_side_particles
    for side in mentioned:
        for word in data.token_sides[side]:
            at = stretch.find(word)
            while at >= 0:
                rest = stretch[at + len(word) :].lstrip()
                # "출력은 100만 토큰당 2.19달러": the side as the clause's topic
                rest = rest.removeprefix(next((p for p in particles if rest.startswith(p)), ""))
                if not rest.strip() or rest.lstrip().startswith(followers):
                    return side  # a price word, or the figure, follows it
                if rest[:1].isdigit() and rest.split(maxsplit=1)[-1].startswith(followers):
                    return side  # the rate's own count: "출력 100만 토큰 0.55달러"
                at = stretch.find(word, at + 1)
    return None


def _as_attribute(ctx: SentenceContext, quantity: Quantity, start: int, end: int) -> str | None:
    if quantity.unit == "hour" and _gpu_hours(ctx, quantity, start).unit == "gpu_hour":
        return None  # "GPU 287만8000시간 만에 학습을 끝냈다": compute, not how long it took
    for rule in topic_data().attribute_figures:
        if quantity.unit == rule.unit:
            after = ctx.text[end : end + 4].lstrip()
            if any(after.startswith(word) for word in rule.after):
                return rule.attribute
    return None


_CHIP_TO_HOURS = rx.compile(r"\s*(?:으로|로|에서)?\s*")
# ("GPU 사용 시간도 100만 시간이 넘는": the GPUs' time of use)
_GPU_HOURS_DEFINED = rx.compile(r"GPU\s?(?:사용\s?)?시간")
_GPU_HOURS_NAMED = rx.compile(
    # ("GPU 시간만 따져도 100만 시간이 넘는다")
    r"GPU\s?(?:사용\s?)?시간\s*(?:으로|으론|기준(?:으로)?|로|은|는|이|도|만\s?해도|만으로도|만도|만"
    r"|만\s?따져도|만\s?쳐도|만\s?봐도|으로\s?따지면|으로\s?치면)\s*$"
)


_HOURLY = rx.compile(
    r"(?:1|한)\s*시간(?:당)?\s*(?:\S+\s+)?(?:임차료|임대료|대여료|사용료|가격|값|비용|요금)\S*\s*$"
    # "GPU 한 개를 한 시간 빌리는 데 2달러가 든다"
    r"|(?:1|한)\s*시간(?:을|씩)?\s*(?:빌리|쓰|사용하|돌리)는\s*데(?:에)?\s*(?:약\s*)?$"
    # "임차료를 GPU 한 시간에 2달러로 잡아"
    r"|(?:1|한)\s*시간에\s*(?:약\s*)?$"
)


def _hourly_price(ctx: SentenceContext, quantity: Quantity, start: int) -> Quantity:
    """ "GPU 1시간당 임차료 3달러", "한 시간 빌리는 값을 2달러로": a price per hour."""
    if quantity.unit not in _MONEY or not _HOURLY.search(ctx.text[max(0, start - 24) : start]):
        return quantity
    return quantity.model_copy(
        update={"unit": f"{quantity.unit}/hour", "rule": f"{quantity.rule}+hourly_before"}
    )


def _gpu_hours(ctx: SentenceContext, quantity: Quantity, start: int) -> Quantity:
    """ "H800 GPU 2664만 시간": hours written right after GPU or a chip's name, or after "GPU
    시간으로/은", are GPU-hours (compute), like "2664만 GPU시간"."""
    if quantity.unit != "hour":
        return quantity
    before = ctx.text[max(0, start - 14) : start].rstrip().upper()
    # also "GPU 시간으로 178만8000시간", "GPU시간 기준 278만 시간", "GPU 시간만 해도 50만 시간":
    # the measure named just before
    chip_right_before = any(
        m.type == "chip" and m.end <= start and _CHIP_TO_HOURS.fullmatch(ctx.text[m.end : start])
        for m in ctx.mentions
    )  # "H800 278만8000시간", "H800으로 278만8000시간을 써"
    # "사전학습 266만4000시간, 사후학습 5만 시간": a training stage's hours beyond a year of clock
    # time are compute
    many = quantity.value is not None and quantity.value >= _STAGE_HOURS
    stage = many and _stage_before(before)
    # "H100 GPU를 100만 시간 이상 돌렸고": more hours than a year of clock time that the chips
    # named right before were run for are compute
    on_chips = many and any(
        m.type == "chip" and m.end <= start and _CHIPS_RUN.fullmatch(ctx.text, m.end, start)
        for m in ctx.mentions
    )
    # a number card ("③ 278만8000시간 = 추론 모델 R1을 만드는 데 쓴 H800 GPU 시간"): what the hours
    # are is said after the sign
    card = CARD_SIGN.match(ctx.text, start + len(quantity.text))
    defined = card is not None and _GPU_HOURS_DEFINED.search(ctx.text, card.end()) is not None
    if not (
        before.endswith("GPU")
        or _GPU_HOURS_NAMED.search(before)
        or chip_right_before
        or stage
        or on_chips
        or defined
    ):
        return quantity
    return quantity.model_copy(update={"unit": "gpu_hour", "rule": f"{quantity.rule}+gpu_before"})


_STAGE_HOURS = 10_000  # hours: more than a year of clock time
# "H100 GPU를 ", the chips as the object ("H800 GPU를 모두 287만8000시간": a word of all between)
_CHIPS_RUN = rx.compile(r"\s*(?:GPU\s*)?(?:를|을)\s*(?:(?:모두|총|전부|통틀어|합쳐)\s*)?")


def _stage_before(before: str) -> bool:
    """Whether a training stage is named just before ("사전학습 ", "문맥 길이 확장 ", "사후학습에는
    ")."""
    return _STAGE_PARTICLE.sub("", before.rstrip()).endswith(_stage_words())


# (or a list's colon or dash: "- 사전학습: 266만4000시간")
_STAGE_PARTICLE = rx.compile(r"(?:에는|에서는|에|은|는|이|가|으로|로|엔|\s*[:：=—–-])$")


@functools.cache
def _stage_words() -> tuple[str, ...]:
    stages = ("pre-training", "post-training", "context extension")
    rules = topic_data().cost_scopes
    return tuple(cue.upper() for rule in rules if rule.scope in stages for cue in rule.cues)


_PARAMETERS_AS_COUNT = "+parameters_as_count"


def _parameters_as_count(quantity: Quantity) -> Quantity:
    """'6170억 파라미터': a model's parameters written as the unit are a count of them, compared
    like '파라미터는 6710억 개' (the spec is read from the rule this adds)."""
    if quantity.unit != "parameters":
        return quantity
    return copied_with(quantity, unit="count", rule=f"{quantity.rule}{_PARAMETERS_AS_COUNT}")


def _implied_count(ctx: SentenceContext, quantity: Quantity, start: int) -> Quantity:
    """'이용자 150만': a bare number right after a noun of things counted counts them."""
    if quantity.unit is not None or quantity.value is None:
        return quantity
    before = ctx.text[max(0, start - 8) : start].rstrip()
    if not before.endswith(tuple(topic_data().implied_count_after)):
        return quantity
    return quantity.model_copy(update={"unit": "count", "rule": f"{quantity.rule}+implied_count"})


def _implied_currency(ctx: SentenceContext, quantity: Quantity, start: int) -> Quantity:
    rule = topic_data().implied_currency
    if quantity.unit is not None or quantity.value is None and quantity.low is None:
        return quantity
    size = quantity.value if quantity.value is not None else quantity.low
    if size is None or size < rule.min_value:
        return quantity
    if not any(cue in ctx.text for cue in rule.cues):
        return quantity
    if _followed_by_noun(ctx.text, quantity, start):
        return quantity  # "100만 토큰당": the figure counts something else
    return quantity.model_copy(
        update={"unit": rule.unit, "rule": f"{quantity.rule}+implied_{rule.unit}"}
    )


def _followed_by_noun(text: str, quantity: Quantity, start: int) -> bool:
    """'100만 토큰당', '100만 tokens': the figure counts a thing named after it, not money."""
    end = start + len(quantity.text)
    rest = text[end:].lstrip()
    word = rest.split(" ", 1)[0] if rest else ""
    if not word:
        return False
    if word[0].isascii() and word[0].isalpha():
        return True
    if word.startswith(_model_spec_words()):
        return True  # "14조8000억 토큰으로": tokens counted, not won
    return word.rstrip(".,").endswith(("당", "씩", "개", "명", "건", "회", "번"))


@functools.cache
def _model_spec_words() -> tuple[str, ...]:
    """The nouns a model's count is of ("토큰", "매개변수")."""
    return tuple(n for group in topic_data().model_spec_nouns.values() for n in group)


@dataclass(frozen=True)
class _TopicWords:
    """A figure topic's words as `_score` reads them, worked out once per topic."""

    requires: tuple[tuple[str, ...], ...]  # each required word split at "+"
    cues: tuple[str, ...]
    scored: tuple[str, ...]  # cues and single required words, in sorted order
    any_part: re.Pattern[str]  # any part of any required word: without one, none is met


# Keyed by id; the topic is held beside its words, so its id cannot be reused meanwhile.
_TOPIC_WORDS: dict[int, tuple[FigureTopic, _TopicWords]] = {}


def _topic_words(topic: FigureTopic) -> _TopicWords:
    held = _TOPIC_WORDS.get(id(topic))
    if held is None or held[0] is not topic:
        # What a topic requires points to it as much as its cues do.
        words = set(topic.cues) | {w for w in topic.requires if "+" not in w}
        split = tuple(tuple(word.split("+")) for word in topic.requires)
        parts = rx.alternation(sorted({part for group in split for part in group}))
        held = (
            topic,
            _TopicWords(split, tuple(topic.cues), tuple(sorted(words)), rx.compile(parts)),
        )
        _TOPIC_WORDS[id(topic)] = held
    return held[1]


def _score(
    ctx: SentenceContext, topic: FigureTopic, start: int, end: int, compute: bool = False
) -> float:
    text = ctx.text
    words = _topic_words(topic)
    # Plain loops rather than any()/all() over generators: this runs for every topic of every
    # figure, and the generators cost more than the tests they make. GPU-hours (`compute`) say
    # what they are themselves ("H800 GPU 278만8000시간을 썼다고 적었다"): nothing more required.
    priced = _named_by_price(ctx, end, topic)
    if not (compute or priced or words.any_part.search(text)):
        return 0.0  # no required word is met (one search, where most topics are refused)
    for parts in () if compute or priced else words.requires:
        for part in parts:
            if part not in text:
                break
        else:
            break
    else:
        if not compute and not priced:
            return 0.0
    # a bracket right after the figure holds its conversion or gloss, not what it is of: the
    # window starts after it ("1050억 원(약 7600만 달러) 규모의 시리즈B 투자를 유치")
    gloss = _BRACKET_AFTER.match(text, end)
    since = gloss.end() if gloss else end
    # (not past a headline's ellipsis, which opens another clause: "영업익 231억 '깜짝 실적'…
    # 목표가 줄상향")
    after = text[since : since + topic_data().veto_window].split("…", 1)[0]
    for word in topic.vetoes:
        at = after.find(word)
        compared = text[since + at : since + at + 20]  # "예상치를 크게 웃돌았다"
        if at >= 0 and not any(verb in compared for verb in topic.vetoes_unless):
            return 0.0  # "400억 원 규모의 시리즈B 투자를 유치": money raised, not this topic
    window_start = max(0, start - topic_data().veto_window)
    before = text[window_start:start]
    for word in topic.vetoes_before:
        at = before.rfind(word)
        # (unless a company is named after it: "원·달러 환율이 오르면서 삼성전자는 2.4% 내렸다")
        if at >= 0 and not _entity_named_between(ctx, window_start + at + len(word), start):
            return 0.0  # "원·달러 환율은 1431.3원": an exchange rate, not a share price
    if (
        topic.vetoes_right_before
        and word_before(text, start).lstrip("([") in topic.vetoes_right_before
    ):
        return 0.0  # "연 2.563%": a rate per annum
    if topic.vetoes_subject and _clause_headed_by(
        ctx, start, _noun_subject(tuple(topic.vetoes_subject))
    ):
        return 0.0  # "국고채 3년물 금리는 … 연 2.563%에 마감했다": a yield, not a share
    # (the noun may carry a gloss in brackets: "연산 유닛(SM) 132개")
    noun_before = _GLOSS_AT_END.sub("", before.rstrip())
    if topic.vetoes_noun and noun_before.endswith(tuple(topic.vetoes_noun)):
        return 0.0  # "서버 256대짜리": servers counted, not chips
    if topic.vetoes_noun and _machines_counted_so(ctx, start, tuple(topic.vetoes_noun)):
        return 0.0  # "서버 1대당 GPU 8장씩, 모두 1250대": the 대 is the servers' counter
    score = 2.0 if priced else 0.0
    # The noun a figure modifies says most ("5% 이하의 비용", "248개의 GPU").
    head = text[end : end + 8].lstrip()
    head = head[1:].lstrip() if head.startswith("의") else head
    if topic.vetoes_head and head.startswith(tuple(topic.vetoes_head)):
        return 0.0  # "최대 278대의 노드": servers counted, not chips
    if head.startswith(words.cues):
        score += 2.0
    for cue in words.scored:
        at = text.find(cue)
        while at >= 0:
            distance = start - (at + len(cue)) if at < start else at - end
            score += 1.0 / (1.0 + max(distance, 0) / 8.0)
            at = text.find(cue, at + 1)
    return score


# a short gloss in brackets closing a noun ("연산 유닛(SM)")
_GLOSS_AT_END = re.compile(r"\s?\([^()]{1,20}\)$")


@functools.cache
def _price_tag() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The joiner between a sum and the noun it names by price (topics.yaml price_tag_joiners),
    and what may end the nickname: a closing quote, a particle, punctuation."""
    data = topic_data()
    joiners = rx.alternation(data.price_tag_joiners) or "(?!)"
    particles = rx.alternation(data.price_tag_particles) or "(?!)"
    return (
        rx.compile(rf"(?:{joiners})?\s?"),
        rx.compile(rf"(?:['\"’”」』)]|(?:{particles})?(?:[\s,.…·]|$))"),
    )


def _named_by_price(ctx: SentenceContext, end: int, topic: FigureTopic) -> bool:
    """Whether the sum ending at `end` names a thing by its price ("'600만 달러 AI' 딥시크",
    "600만 달러짜리 모델"): a noun of the topic's `named_by_price` right after it that ends the
    phrase, or stands before a name ("600만 달러 AI 딥시크"), not before another noun it
    modifies ("5000억 달러 AI 인프라 사업": money for AI)."""
    if not topic.named_by_price:
        return False
    text = ctx.text
    joined, ending = _price_tag()
    at = joined.match(text, end).end()  # type: ignore[union-attr]
    for noun in topic.named_by_price:
        if not text.startswith(noun, at):
            continue
        after = at + len(noun)
        if text.startswith(" ", after) and any(m.start == after + 1 for m in ctx.mentions):
            return True
        ended = ending.match(text, after)
        if ended is not None and not (
            ended.group(0).isspace() and text[after + 1 : after + 2].isalnum()
        ):
            return True
    return False


def _classify(
    ctx: SentenceContext, quantity: Quantity, start: int, end: int
) -> tuple[str | None, str | None, str | None, dict[str, str]]:
    data = topic_data()
    scored = []
    size = quantity.value if quantity.value is not None else quantity.low
    if quantity.unit in data.chip_specs:
        return _chip_spec(ctx, quantity.unit, start, end)
    spec = _model_spec(ctx.text, start, end) if quantity.unit in ("count", None) else None
    if quantity.rule.endswith(_PARAMETERS_AS_COUNT):
        spec = "parameters"  # "6170억 파라미터": the count its unit names
    for name, topic in data.figure_topics.items():
        if spec is not None:
            break  # a model's tokens or parameters are of no topic's own figures
        if quantity.unit not in topic.units:
            continue
        if quantity.counter and quantity.counter in topic.vetoes_counter:
            continue  # "수백 차례의 실험": times counted, not chips
        if (
            topic.calendar_years
            and quantity.unit == "year"
            and size is not None
            and abs(size) < 1000
        ):
            continue  # "1년 전보다 69% 늘었다": a span of years, not the year of a release
        if topic.max_money and quantity.unit in _MONEY and size and abs(size) >= topic.max_money:
            continue
        if topic.min_money and quantity.unit in _MONEY and size and abs(size) < topic.min_money:
            continue  # "주가는 … 140달러 선을 회복했고 시가총액은 …": a price, no value
        score = _score(ctx, topic, start, end, quantity.unit == "gpu_hour")
        if score > 0:
            scored.append((-score, topic.priority, name))
    attributes: dict[str, str] = {}
    # a result needs its metric said before it ("매출은 …", "영업이익"): a cost in a sentence
    # that also names revenue ("하루 GPU 임대 비용은 8만7072달러인데 … 하루 매출이") is not one
    scored = [s for s in scored if s[2] != "earnings" or _earnings_metric(ctx.text, start)]
    if not scored:
        if quantity.unit in TIME_UNITS or _skipped(quantity):
            return None, None, None, attributes
        if quantity.unit is None and quantity.counter is None and spec is None:
            return None, None, None, attributes  # a bare number with nothing to say what it counts
        priced = _priced_with_its_move(ctx, quantity, start, end)
        if priced is not None:
            return "stock_change", priced, None, {}  # "삼성전자 5만2400원(-2.42%)": a share price
        listed = _bracketed_move(ctx, quantity, start)
        if listed is not None:
            moved = {"direction": listed[1]}
            if _depositary(ctx, start, listed[0]):
                moved["listing"] = "ADR"  # "TSMC ADR -13.3%"
            return "stock_change", listed[0], None, moved
        # the nearest company that is no partner of the sentence's subject; when all are its
        # partners ("트럼프 대통령은 오픈AI·소프트뱅크와 함께 … 5000억 달러"), theirs is the sum
        companies = _before(ctx, start, {"company"})
        acting = [m for m in companies if not _partner(ctx, m)] or companies
        subject = acting[-1].entity if acting else ctx.story_subject
        if subject is None:
            # an answer in an interview with someone of no known company: "딥시크 V3의 …",
            # "V3는 파라미터가 …" are the model maker's figures
            subject = _owner_of_model(ctx, start)
        technique = _nearest_entity(ctx, start, {"technique"}) if data.technique_figures else None
        rate = _a_models_rate(ctx, quantity, start)
        # (a model's own make-up, of a model the clause names, is its spec: "총 매개변수 6170억 개
        # 가운데 … 활성화하는 딥시크-V3 같은 MoE 모델")
        spec_of_a_model = spec is not None and _model_in_clause(ctx, start)
        # (the parameters each token switches on, told of a technique named in the sentence, are
        # that technique's figure: "…전문가 혼합(MoE) 구조에 토큰마다 370억 개만 활성화")
        activated = _activated_per_token(ctx.text, start, _figure_end(ctx, start))
        counted_by_a_technique = (
            quantity.counter is None or quantity.counter in data.technique_counters
        )
        if (
            technique is not None
            and spec != "tokens"
            and not rate
            and counted_by_a_technique
            and (not spec_of_a_model or activated)
        ):
            # (not a margin or a token price: "오픈소스 주간 … '이론상 이익률 454%'" is the model's)
            # (of the company a sentence pointed back to names: "이 모델은 파라미터 2350억 개")
            return "technique", _owner(ctx, start, subject), technique, {"polarity": "true"}
        what = _nearest_entity(ctx, start, {"model", "product", "chip", "hardware"})
        if what is not None and entity_type(what) == "hardware":
            # "엔비디아 H800 GPU 임차료는 GPU 시간당 2달러": of the chip named, not of GPUs at large
            chips = [m.entity for m in ctx.mentions if m.type == "chip" and m.end <= start]
            what = chips[-1] if chips else what
        if rate:
            # "R1 API 가격표를 봤다. 출력은 100만 토큰당 2.19달러", "원가 대비 이익률이 454%": a
            # model's service; of the story company's model just named when the sentence names
            # none (a rival's, "오픈AI o1의 60달러보다 … 중국 내 요금표로는", is no guide)
            what = _nearest_entity(ctx, start, {"model", "product"})
            recent = ctx.recent_model
            if what is None and recent and _maker_of(recent) == ctx.story_subject:
                # (not another company's price: "스타트업 모아AI는 자체 모델 API를 … 1.2달러에")
                if _owner(ctx, start, subject) in (None, ctx.story_subject):
                    what = recent
        if spec is not None:
            # "1조4800억 개 토큰", "매개변수 6710억 개": what a model was trained on or is made
            # of, never a chip's count; the model named nearest, else the one just written of
            what = _nearest_entity(ctx, start, {"model"})
            recent = ctx.recent_model
            if (
                what is None
                and recent
                and _maker_of(recent) == _owner(ctx, start, subject)
                and not _QUOTED_NAME.search(ctx.text, 0, start)
            ):
                # not another maker's ("모아랩스는 … 토큰 1조2000억 개" after V3), nor a model the
                # table does not know, named in quotes ("'미니맥스-01'은 전체 파라미터 4560억 개")
                what = recent
            if what is not None and not acting and _owner_of_model(ctx, start):
                # "딥시크 V3의 매개변수는 …" in an answer of another company's head: a model's
                # make-up is its maker's, whoever speaks
                subject = _maker_of(what) or subject
            attributes["spec"] = spec  # checked only against a fact counting the same
        if quantity.unit in _MONEY:
            attributes.update(_cost_scope(ctx, start, subject))
        rate_named = _rate_named(ctx.text, start) if quantity.unit == "percent" else None
        benchmark = _benchmark_named(ctx, start) if quantity.unit in ("percent", None) else None
        if benchmark or rate_named:
            # "생성형 AI 이용률은 74.6%였다": that rate; "MATH-500에서는 97.3%": that benchmark's
            # (a rate named right before the figure before a benchmark named earlier)
            attributes["metric"] = rate_named or benchmark
        return "other", _owner(ctx, start, subject), what, attributes
    scored.sort()
    name = scored[0][2]
    topic = data.figure_topics[name]
    if _named_by_price(ctx, end, topic):
        # "'600만 달러 AI'": the story's shorthand for a figure its body states; the body's
        # figure speaks for the article to other sources
        attributes["epithet"] = "price"
    subject = _subject(ctx, start, set(topic.subject))
    named_subject = subject is not None
    if name in ("training_cost", "peer_cost"):
        name = _cost_kind(ctx, subject, start)
        owner = _owner_of_model(ctx, start)
        if owner is not None and ctx.story_subject is not None and owner != ctx.story_subject:
            name, subject = "peer_cost", owner  # "GPT-4 훈련에 1억 달러": OpenAI's spending
        if name == "training_cost" and subject is None:
            subject = ctx.story_subject or owner
            recent = ctx.recent_model
            if subject is None and recent and ctx.stance.stance in ("hedged", "attributed"):
                # someone's estimate, in an answer of someone whose company is unknown: of the
                # model just named ("딥시크 V3의 557만6000달러는 …. 가람증권은 … 실제 개발비를
                # 최소 13억 달러로 추정하더라"); the speaker's own figures stay unowned
                subject = _maker_of(recent)
        attributes.update(_cost_scope(ctx, start, subject))
    elif subject is None and name in MARKET_TOPICS:
        # whose share price or value: the nearest company or index before it, else the story's,
        # unless a whole market or group is named ("미국 기술주 전체에서 사라진 시가총액")
        subject = _nearest(ctx, start, set(topic.subject))
        card = CARD_SIGN.match(ctx.text, end)
        if subject is None and card is not None:
            # "2000억 달러 이상 = … 엔비디아 시가총액에서 사라진 돈": a card names it after the sign
            named = [m for m in ctx.mentions if m.start >= card.end() and m.type in topic.subject]
            subject = named[0].entity if named else None
        if subject is None and not _group_owns(ctx, start):
            recent = ctx.recent_market_owner
            if recent and entity_type(recent) == "market_index" and _a_price_in_money(ctx):
                # "…나스닥지수는 3.07% 하락했다. 이튿날인 28일에는 8.93% 오른 128.99달러로
                # 마감하며": an index has no price in money, so not the index named before
                recent = None
            subject = recent or ctx.story_subject
    elif name == "earnings":
        # a result is the company's named with it; with none named in the sentence, the story's
        subject = subject or _nearest(ctx, start, {"company"})
        published = ctx.article.meta.published
        earlier = ctx.previous
        # "TSMC는 지난 17일 1분기 실적을 내놨다. 매출은 8392억 대만달러로 …": the results the
        # previous sentence announced, of its company and its period
        announced = earlier is not None and _announces_results(earlier.text)
        if subject is None and not any(m.type == "company" for m in ctx.mentions):
            subject = (ctx.previous_owner() if announced else None) or ctx.story_subject
        metric = _earnings_metric(ctx.text, start)
        attributes["metric"] = metric or ""
        period = result_period(ctx.text, start, published)
        if period is None and announced:
            period = result_period(earlier.text, len(earlier.text), published)
        if period:
            attributes["period"] = period
    elif subject is None and name == "funding":
        # a round is the company's the sentence opens with, known to the alias table or not
        # ("한결은 지난 1월 240억 원 규모의 시리즈B를 마무리했다")
        subject = opening_name(ctx.text) or ctx.story_subject
    elif subject is None and name != "gpu_count":
        subject = ctx.story_subject
    obj = _nearest_entity(ctx, start, set(topic.object)) if topic.object else None
    if (
        obj is not None
        and name in ("training_cost", "peer_cost")
        and _quoted_apart(ctx, obj, start)
    ):
        obj = None  # "R1 API는 … 싸다"며 "딥시크가 밝힌 훈련비도 600만 달러가 채 안 된다니"
    if name == "adoption" and obj and subject == ctx.story_subject and not named_subject:
        maker = _maker_of(obj)
        if maker is not None and maker != subject and _nearest(ctx, start, _THINGS) == obj:
            subject = maker  # "챗GPT의 하루 이용자 108만 명" in a DeepSeek story: OpenAI's app
    if (
        name == "gpu_count"
        and subject is None
        and (
            _peer_before(ctx, start)
            or _group_owns(ctx, start)
            # "과기정통부 집계로 대학·출연연이 돌리는 GPU는 약 2600장": a public body's count or
            # plan, not the story company's chips; a place's too ("인근 나래군은 … GPU 2천 장")
            or _before(ctx, start, {"government", "organisation"})
            or place_named_before(ctx.text, start)
        )
    ):
        subject = None  # "미국 빅테크들이 수만 대의 GPU를": someone else's chips
    elif name == "gpu_count" and subject is None:
        # the maker of the model trained on them ("딥시크 R1은 H800 2048장으로"), else the story's,
        # unless a facility nobody named holds them ("단지 데이터센터에는 H100 256장이")
        subject = _owner_of_model(ctx, start) or (
            None
            if _in_a_facility(ctx.text, start) and not _before(ctx, start, {"company"})
            else ctx.story_subject
        )
    if name == "gpu_count":
        # the object is the chip counted; the model trained on it is an attribute
        # the chip written right before the count ("H800 1만 개, H20 3만 개"), else the nearest
        # one up to a little after it ("2048개의 H800")
        adjacent = [m for m in _before(ctx, start, {"chip"}) if not ctx.text[m.end : start].strip()]
        obj = adjacent[-1].entity if adjacent else _nearest_entity(ctx, end + 20, {"chip"})
        if obj:
            from claimcheck.extract.mentions import entity_parent

            if subject is not None and subject == entity_parent(obj):
                # the chip's maker is not who used the chips; nor is a story about the maker
                subject = ctx.story_subject if ctx.story_subject != subject else None
        attributes.update(_chip_scope(ctx, start, end))
        model = _nearest_entity(ctx, start, {"model"})
        if model:
            attributes["model"] = model
            if subject is None:
                # "R1 훈련에는 H800 2048개가": the chips of the model's maker
                subject = _maker_of(model)
        elif subject is None and attributes.get("scope") == "training" and ctx.recent_model:
            # "…딥시크가 공개한 V3 기술 보고서 … 보고서에 따르면 훈련에 쓰인 H800은 2만480개": the
            # chips that trained the model the story told of last, its maker's
            subject = _maker_of(ctx.recent_model)
    if name == "founding":
        founded = rx.compile(data.founded_object).match(ctx.text, end)
        if founded and not any(m.start <= founded.start(1) < m.end for m in ctx.mentions):
            # "2022년 누리브레인을 창업했다": a company the alias table does not know, founded by
            # someone the story quotes, not the story's company
            subject = founded.group(1)
    if name in MARKET_TOPICS:
        if _depositary(ctx, start, subject):
            attributes["listing"] = "ADR"  # "ASML ADR은 5.75%": not the home listing's move
        direction = direction_after(ctx, end) or _direction_noun_before(ctx, start)
        if direction is None and _below_zero(quantity):
            direction = "down"  # "(-5.6%)", "△3.2%": the sign says it fell
        if direction:
            attributes["direction"] = direction
    if name == "funding":
        raised_in = _funding_round(ctx.text, start, end)
        if raised_in is None and _THIS_ROUND.search(ctx.text[max(0, start - 15) : start]):
            # "코어스택은 이번 라운드에서 250억 원을 조달했으며": the round the story named before
            earlier = ctx.article.text[: ctx.sentence.start]
            named = list(_rounds().finditer(earlier))
            raised_in = _round_name(named[-1]) if named else None
        if raised_in:
            attributes["round"] = raised_in
    if name == "performance_parity" and quantity.unit in ("percent", None):
        # (a score on AIME 2024 is none on AIME 2025: "AIME 2024에서 79.8%")
        benchmark = _benchmark_named(ctx, start)
        if benchmark:
            attributes["metric"] = benchmark
    if name == "performance_parity" and quantity.unit == "percent" and "metric" not in attributes:
        rate_named = _rate_named(ctx.text, start)
        if rate_named:
            attributes["metric"] = rate_named  # a market share is no benchmark's accuracy
    if name == "cost_ratio":
        baseline = _baseline(ctx, start, subject)
        if baseline:
            attributes["baseline"] = baseline
        after = ctx.text[end : end + 6].lstrip()
        if quantity.unit == "percent" and after.startswith(tuple(frame_data().cheaper_by)):
            # "o1보다 95% 넘게 싼": how much cheaper, the rest of the baseline is the price
            attributes["cheaper_by"] = "true"
    owner = _owner(ctx, start, subject)
    if name == "founding":
        verb = rx.compile(data.founded_after).match(ctx.text, end)
        described = [
            m
            for m in ctx.mentions
            if verb is not None and m.type == "company" and verb.end() <= m.start <= verb.end() + 12
        ]
        if described:
            # "2015년 공동 창업한 퀀트펀드 환팡량화": the company the verb describes, whoever the
            # sentence is about
            owner = described[0].entity
    if name == "stock_change" and owner is not None and _a_funds_move(ctx, start):
        owner = None  # "엔비디아 … 2배를 따르는 ETF는 … 34% 가까이": the fund's, unnamed
    if (
        name == "stock_change"
        and owner == ctx.story_subject
        and not any(m.type in ("company", "market_index") for m in ctx.mentions)
    ):
        said = ctx.text[max(0, start - 16) : start]
        if _SHARES_WITHOUT_OWNER.search(said):
            # "1위 애플 — 약 3조4600억 달러. 이날 주가는 3.2% 올랐다": shares no name of their
            # sentence owns are those of the company the paragraph's sentence before was about
            owner = ctx.previous_owner() or owner
        elif _INDEX_WITHOUT_NAME.search(said) and ctx.previous is not None:
            # "이날 코스피 종가. 지수는 … 1.77% 내린 채": the index the sentence before named
            indexes = {m.entity for m in ctx.previous.mentions if m.type == "market_index"}
            owner = indexes.pop() if len(indexes) == 1 else None
    if name == "stock_change" and owner is not None and not entity_listed(owner):
        owner = None  # a move left to a company whose shares are not traded (딥시크) is nobody's
    return name, owner, _object_of_owner(obj, owner, subject), attributes


_FUND_AS_SUBJECT = rx.compile(r"(?:ETF|ETN|펀드|상품)(?:은|는|이|가|도)\s")


def _a_funds_move(ctx: SentenceContext, start: int) -> bool:
    """Whether a fund is what the figure's clause is about, the company named only in what
    describes it ("엔비디아 하루 수익률의 2배를 따르는 ETF는 27일 하루에만 34% 가까이")."""
    funds = list(_FUND_AS_SUBJECT.finditer(ctx.text, 0, start))
    if not funds:
        return False
    said = funds[-1].end()
    return not any(said <= m.start < start and m.type == "company" for m in ctx.mentions)


_SHARES_WITHOUT_OWNER = rx.compile(r"(?:^|\s)(?:주가|주식)(?:는|은|가|이|도)\s")
_INDEX_WITHOUT_NAME = rx.compile(r"(?:^|\s)지수(?:는|가|도)\s")


def _object_of_owner(obj: str | None, owner: str | None, subject: str | None) -> str | None:
    """A figure whose owner is written with it ("뤼튼(236만 명)", "딥시크(74만 명)") is not of the
    thing named earlier in the sentence ("챗GPT에 이어"): it is of the owner itself when the owner
    is such a thing, of nothing said otherwise."""
    if obj is None or owner is None or owner == subject or obj == owner:
        return obj
    from claimcheck.extract.mentions import entity_parent, entity_type

    if entity_parent(obj) == owner:
        return obj  # "딥시크 앱": the owner's own product
    return owner if entity_type(owner) in ("product", "model") else None


def _activated_per_token(text: str, start: int, end: int) -> bool:
    """Whether a count is said per token and switched on ("토큰당 370억 개만 활성화")."""
    data = topic_data()
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    if rx.compile(data.model_spec_activated_before).search(text[max(0, start - 20) : start]):
        return True  # "토큰당 활성 파라미터 37억 개"
    per_token = before.rstrip().endswith(tuple(f"토큰{w}" for w in data.model_spec_per))
    return per_token and any(w in after for w in data.model_spec_activated)


@functools.cache
def _spec_counted() -> re.Pattern[str]:
    nouns = rx.alternation(_model_spec_words())
    counts = rx.alternation(topic_data().model_spec_count_words) or "(?!)"
    return rx.compile(rf"({nouns})\s?(?:의\s)?(?:{counts})(?![가-힣])")


def _model_spec(text: str, start: int, end: int) -> str | None:
    """What of a model a count counts ("tokens", "parameters") when the noun stands right after
    it ("1조4800억 개 토큰", "6710억 개의 매개변수") or right before it ("매개변수는 6710억 개"),
    or None ("토큰마다 370억 개": per token, not a count of tokens)."""
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    data = topic_data()
    if after.startswith(tuple(data.model_spec_per)):
        return None  # "토큰 1조 개당 18만 GPU시간": a basis, per that many, not a count
    if _activated_per_token(text, start, end):
        return "parameters"  # "토큰당 370억 개만 활성화한다": the parameters each token uses
    for spec, (noun_after, noun_before) in _model_spec_patterns().items():
        if noun_after.match(after) or noun_before.search(before):
            return spec
    if gloss_after(text, end):
        # a fact box's gloss names what the count counts ("▲1조 개 이상: 딥시크 V3가 사전학습에
        # 쓴 토큰 수")
        counted = _spec_counted().search(text, end)
        if counted is not None:
            nouns = data.model_spec_nouns.items()
            return next(spec for spec, words in nouns if counted.group(1) in words)
    return None


def _chip_spec(
    ctx: SentenceContext, unit: str, start: int, end: int
) -> tuple[str | None, str | None, str | None, dict[str, str]]:
    """A size or a throughput in bytes is a chip's spec ("H800의 NVLink 대역폭은 초당 400GB"):
    what it measures by the noun nearest before it (else right after: "80GB HBM3"), of the chip
    named nearest. Without both it is no claim: an unknown spec is never guessed."""
    data = topic_data()
    text = ctx.text
    before = text[max(0, start - data.chip_spec_reach) : start]
    throughput = _product_throughput(ctx, unit, start)
    if throughput is not None:
        return throughput
    after = text[end : end + 12].lstrip()
    after = after[1:].lstrip() if after.startswith("의") else after  # "8GB의 HBM3"
    spec, nearest = None, -1
    for name, nouns in data.chip_specs[unit].items():
        for noun in nouns:
            at = before.rfind(noun)
            if at > nearest:
                spec, nearest = name, at
    if spec is None:
        specs = data.chip_specs[unit].items()
        spec = next((name for name, nouns in specs if after.startswith(tuple(nouns))), None)
    if spec is None and ctx.previous is not None:
        # the one spec the paragraph's sentence before named ("차이는 … NVLink다. H100은 초당
        # 900GB인데 H800은 초당 400GB로 묶였다"); none when it named two
        named = {
            n
            for n, nouns in data.chip_specs[unit].items()
            if any(w in ctx.previous.text for w in nouns)
        }
        spec = named.pop() if len(named) == 1 else None
    chip = _nearest_entity(ctx, start, {"chip"})
    cut = _cut_to().match(text, end)
    if cut is not None:
        # "H100의 … 대역폭을 초당 400GB로 낮춘 H800", "H800은 … 600GB/s로 낮춘 제품"
        chips = [m for m in ctx.mentions if m.type == "chip"]
        right_after = [m for m in chips if cut.end() <= m.start <= cut.end() + 2]
        # (or "…대역폭을 H800에서는 40GB/s로 깎았다": the chip it was cut for)
        about = [
            m for m in chips if m.end <= start and text.startswith(("은", "는", "에서는"), m.end)
        ]
        chip = (right_after or about or [None])[0]
        chip = chip.entity if chip is not None else None
    if spec is None or chip is None:
        return None, None, None, {}
    if unit != "byte" and any(word in text for word in data.chip_spec_measured):
        spec += " measured"  # a test's throughput, not the rating: only a test's record counts
    return "other", _owner(ctx, start, ctx.story_subject), chip, {"spec": spec}


def _product_throughput(
    ctx: SentenceContext, unit: str, start: int
) -> tuple[str | None, str | None, str | None, dict[str, str]] | None:
    """A software's benchmark throughput ("FlashMLA는 … 메모리 바운드 기준 최대 3000GB/s"): of the
    product the sentence names, else the paragraph's sentence before ("▶ Day 1 FlashMLA — … 최대
    300GB/s"); None when no such word or no product is there."""
    if unit != "byte_per_second":
        return None
    data = topic_data()
    before = ctx.text[max(0, start - data.chip_spec_reach) : start]
    kinds = data.product_throughputs.items()
    kind = next((k for k, words in kinds if any(w in before for w in words)), None)
    mentions = list(ctx.mentions)
    if kind is None:
        # a chip's memory bandwidth said of a product the clause is about ("FlashMLA는 H800에서
        # 메모리 대역폭 최대 300GB/s를 낸다"): that product's throughput, never the chip's rating
        memory = data.chip_specs.get(unit, {}).get("memory bandwidth", [])
        if not any(w in before for w in memory):
            return None
        kind = "memory-bound"
        mentions = [
            m for m in mentions if m.end <= start and ctx.text.startswith(SUBJECT_ENDINGS, m.end)
        ]
    elif ctx.previous is not None:
        mentions = mentions + list(ctx.previous.mentions)
    product = next((m.entity for m in mentions if m.type == "product"), None)
    if product is None:
        return None
    return "other", entity_parent(product) or ctx.story_subject, product, {"throughput": kind}


@functools.cache
def _cut_to() -> re.Pattern[str]:
    verbs = rx.alternation(topic_data().chip_spec_cut)
    return rx.compile(rf"\s*(?:으로|로)\s*(?:{verbs})\s*")


@functools.cache
def _model_spec_patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """For each kind of spec: its noun right after a count (not "per" it), and right before it
    with a particle."""
    data = topic_data()
    per = rx.alternation(data.model_spec_per)
    whole = rx.alternation(data.model_spec_whole)
    out = {}
    for spec, nouns in data.model_spec_nouns.items():
        noun = rx.alternation(nouns)
        out[spec] = (
            rx.compile(rf"\s*(?:의\s*)?(?:{noun})(?!\s*(?:{per}))"),
            # (a word for all of them between: "파라미터는 모두 6710억 개"; "토큰만 14조8000억 개",
            # "토큰 수는")
            rx.compile(rf"(?:{noun})(?:\s?수)?(?:은|는|이|가|를|을|만|도)?\s*(?:(?:{whole})\s*)?$"),
        )
    return out


def _figure_end(ctx: SentenceContext, start: int) -> int:
    """Where the figure starting at `start` ends in the normalised sentence."""
    for _quantity, s, e in ctx.quantities:
        if s == start:
            return e
    return start


# What a figure can be of (an app's users, a model's cost), as against who owns it.
_THINGS = {"model", "product"}
# Entities that can own a figure (the others are what a figure is of: a model, a chip).
_OWNER_TYPES = {"company", "organisation", "government", "market_index", "currency_pair", "place"}


def _event_near(ctx: SentenceContext) -> bool:
    """Whether the sentence or the paragraph's sentence before it names a market event."""
    from claimcheck.extract.frames import story_events

    texts = [ctx.text] + ([ctx.previous.text] if ctx.previous is not None else [])
    return bool(story_events(texts))


def _owner(ctx: SentenceContext, start: int, subject: str | None) -> str | None:
    """A name right before the bracket holding the figure owns it ("원익IPS(-7.1%)"), known to the
    alias table or not; an unknown company or index named with a subject particle nearer the
    figure than any known one owns it too ("리노공업은 4.3%"), rather than the story's subject."""
    from claimcheck.extract.frames import anaphoric, described_name, described_noun

    named = described_name(ctx.text, _figure_end(ctx, start), ctx.mentions)
    if named is not None:
        return named  # "7.9% 급락했던 필라델피아 반도체지수도"
    described = described_noun(ctx.text, _figure_end(ctx, start))
    if described is not None:
        at, noun = described
        owner = next((m for m in ctx.mentions if m.start == at and m.type in _OWNER_TYPES), None)
        if owner is not None:
            return owner.entity  # "5% 넘게 떨어진 엔비디아는"
        if noun in ctx.introduced_names and not _of_a_thing(ctx, at):
            return noun  # "320억 원 규모 시리즈B 투자를 유치한 모아랩스는"
        if anaphoric(noun):
            # "2% 가까이 밀렸던 지수는": the index named elsewhere, not guessed, unless the
            # paragraph's market figures have just named whose ("…134.81달러로 마감했다. …
            # 하루 5% 넘게 빠졌던 주가가")
            recent = ctx.recent_market_owner
            shares = frame_data().share_pointers
            if recent is not None and noun in shares and entity_type(recent) == "company":
                return recent
            return None
    word = bracket_owner(ctx.text, start)
    if word is not None:
        paren = ctx.text.rfind("(", 0, start)
        for mention in ctx.mentions:
            if mention.end == paren or (mention.start <= paren - 1 < mention.end):
                return mention.entity
        if not any(m.start < paren and paren <= m.end + 1 for m in ctx.mentions):
            return word
    figure = next((q for q, at, _ in ctx.quantities if at == start), None)
    listed = _listed_name_before(ctx, figure, start) if figure is not None else None
    if listed is not None:
        return listed  # "비스트라 -28%, 컨스텔레이션 에너지 -21%": a list's unknown name
    # (a chip's or model's name is no company: "H100이 1200장")
    unknown = entity_before([e for e in ctx.entities() if not _of_a_thing(ctx, e[0])], start)
    if unknown is not None and _a_source_of(ctx, *unknown):
        # "코어브릿지리서치의 한동민 연구위원은 "…7억 달러는 들었을 것"": who says it, not whose
        unknown = None
    if unknown is not None:
        at, word = unknown
        known = [m for m in ctx.mentions if at < m.end <= start and m.type in _OWNER_TYPES]
        if not known and not any(m.start <= at < m.end for m in ctx.mentions):
            return word
    if summed_group_before(ctx.text, start):
        return None  # "네 곳을 합치면 올해 투자액은 3200억 달러": the group's, no one company's
    if _a_class_owns(ctx, start):
        return None  # "전력기기 업체 주가도 20% 넘게": a class of companies', no named one's
    product = _pointing_topic(ctx.text, start, products=True)
    if product is not None and not any(product <= m.start < start for m in ctx.mentions):
        return None  # "이 상품은 … 30% 넘게 빠졌다": a fund's move, not the company it tracks
    if subject is not None and subject == ctx.story_subject and _an_institution_owns(ctx, start):
        return None  # "학교가 … 예산 12억 원을 겨우 확보했다": the school's, not the story's
    if (
        subject is not None
        and subject == ctx.story_subject
        and _only_a_baseline(ctx, subject, start)
    ):
        # "2.5달러로 치면 약 61만 달러로, 딥시크 V3 훈련비의 9분의 1 수준이다": measured against
        # the story company's figure, so not its own; the company the sentence before named
        earlier = ctx.previous_owner()
        return earlier if earlier != subject else None
    if (
        subject is not None
        and subject == ctx.story_subject
        and not any(m.type in _OWNER_TYPES for m in ctx.mentions)
        and not ctx.entities()
    ):
        # a sentence that names no one goes on with the company its paragraph's sentence before
        # was about ("노바브레인은 … 모델을 만들었다. 최종 학습에는 … 약 30억 원이 들었다")
        topic = ctx.previous_topic()
        if topic is not None and topic != subject:
            return topic
    pointing = _pointing_topic(ctx.text, start)
    # (one that estimates or says something, "이 업체는 … 최소 13억 달러가 들어갔다고 봤다", is a
    # source, not whose the figure is)
    pointed = ctx.previous_owner() if pointing is not None else None
    if pointed is not None and ctx.stance.stance == "asserted":
        if not any(pointing <= m.start < start and m.type in _OWNER_TYPES for m in ctx.mentions):
            # "틔움 최다인 대표의 말입니다. 이 회사는 … 약 20억 원을 썼습니다": the company the
            # sentence before named, not the story's
            return pointed
    return subject


@functools.cache
def _pointing_pattern(products: bool) -> re.Pattern[str]:
    from claimcheck.extract.frames import frame_data

    data = frame_data()
    if products:
        words = data.product_pointers
    else:
        words = [w for w in data.anaphoric_owners if w.startswith(_pointing_words())]
        words += data.model_pointers
    alternatives = rx.alternation(words)
    return rx.compile(rf"(?:^|\s)(?:{alternatives})(?:은|는|이|가)\s")


def _pointing_topic(text: str, start: int, products: bool = False) -> int | None:
    """Where a topic that points back ("이 회사는"; with `products`, "이 상품은") ends before the
    figure, or None."""
    found = list(_pointing_pattern(products).finditer(text, 0, start))
    return found[-1].end() if found else None


_THIS_ROUND = rx.compile(r"이번\s?(?:라운드|투자|시리즈)")


def _funding_round(text: str, start: int, end: int) -> str | None:
    """The round written right by the sum ("400억 원 규모의 시리즈B", "시리즈 B 400억 원"), as
    시리즈B; None for none, and for a sum added up over rounds ("누적 650억")."""
    if "누적" in text[max(0, start - 8) : start]:
        return None
    near = [
        m
        for m in _rounds().finditer(text, max(0, start - 15), end + 15)
        if m.end() <= start or m.start() >= end
    ]
    if not near:
        return None
    return _round_name(min(near, key=lambda m: min(abs(m.end() - start), abs(m.start() - end))))


def _round_name(found: re.Match[str]) -> str:
    """ "시리즈 B", "Series B", "Pre-A" as one name: 시리즈B, 프리A."""
    return re.sub(r"[\s-]", "", found.group()).replace("Series", "시리즈").replace("Pre", "프리")


@functools.cache
def _rounds() -> re.Pattern[str]:
    return rx.compile(topic_data().funding_rounds)


def _of_a_thing(ctx: SentenceContext, at: int) -> bool:
    return any(m.start <= at < m.end and m.type not in _OWNER_TYPES for m in ctx.mentions)


def _a_source_of(ctx: SentenceContext, at: int, word: str) -> bool:
    """A name that introduces who reports or estimates ("X의 한동민 연구위원은 …라고 추정했다"):
    the figure's source, not its owner."""
    if ctx.stance.stance not in ("hedged", "attributed", "disputed"):
        return False
    if word.endswith(tuple(frame_data().source_suffixes)):
        return True  # "가람증권은 … 실제 개발비를 최소 13억 달러로 추정했다": an analyst's estimate
    return ctx.text.startswith("의", at + len(word))


def _skipped(quantity: Quantity) -> bool:
    return quantity.qualifier == "exact" and any(
        quantity.unit == skip.unit and quantity.value == skip.value
        for skip in topic_data().other_skip
    )


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding `start` begins: after the last clause mark before it."""
    from claimcheck.extract.frames import CLAUSE_BREAKS

    breaks = list(CLAUSE_BREAKS.finditer(text, 0, start))
    return breaks[-1].end() if breaks else 0


@functools.cache
def _pointing_words() -> tuple[str, ...]:
    """frames.yaml `pointing_words`, each with the space after it ("이 ", "해당 ")."""
    return tuple(f"{word} " for word in frame_data().pointing_words)


_TOPIC_PARTICLES = "(?:은|는|이|가|도)"


@functools.cache
def _class_subject() -> re.Pattern[str]:
    data = frame_data()
    classes = rx.alternation(data.company_classes)
    sectors = rx.alternation(data.company_classes + data.class_sectors)
    wholes = rx.alternation(data.class_wholes)
    return rx.compile(
        rf"(?:(?<![가-힣])(?:{classes})\s?(?:주가|주식)|[가-힣]{{1,6}}주){_TOPIC_PARTICLES}\s"
        # the whole class as one: "기술주 전반에서", "반도체 업종 전체의"
        rf"|(?:[가-힣]{{1,6}}주|(?<![가-힣])(?:{sectors}))\s?(?:{wholes})(?:에서|의|이|가|은|는|도)?\s"
    )


@functools.cache
def _noun_subject(nouns: tuple[str, ...]) -> re.Pattern[str]:
    return rx.compile(rf"(?:{rx.alternation(nouns)}){_TOPIC_PARTICLES}")


def _clause_headed_by(ctx: SentenceContext, start: int, subject: re.Pattern[str]):
    """The last match of `subject` (a noun with its subject particle) in the clause before the
    figure at `start`, when no company or index is named between it and the figure; else None."""
    found = list(subject.finditer(ctx.text, _clause_start(ctx.text, start), start))
    if not found or _entity_named_between(ctx, found[-1].end(), start):
        return None
    return found[-1]


def _a_class_owns(ctx: SentenceContext, start: int) -> bool:
    """Whether a class of companies' shares or of stocks heads the figure's clause, nearer the
    figure than any named company ("미국 발전사와 전력기기 업체 주가도 20% 넘게", "원전주도
    일제히 5% 넘게"), not one company's own share class ("삼성전자 우선주는")."""
    m = _clause_headed_by(ctx, start, _class_subject())
    if m is None:
        return False
    word = m.group(0).rstrip()
    if word.rstrip("은는이가도").endswith(tuple(frame_data().stock_class_not)):
        return False
    text = ctx.text
    if text[max(0, m.start() - 4) : m.start()].endswith(_pointing_words()):
        return False  # "이 업체는 … 봤다": one company pointed back to, not a class
    companies = [x for x in ctx.mentions if x.type == "company"]
    # "삼성전자 우선주는": the named company's shares
    return not any(abs(x.end - m.start()) <= 1 for x in companies)


@functools.cache
def _institution_subject() -> re.Pattern[str]:
    nouns = rx.alternation(frame_data().institution_nouns)
    return rx.compile(rf"(?<![가-힣])(?:{nouns})(?:은|는|이|가|도|에서는|측은)\s")


def _an_institution_owns(ctx: SentenceContext, start: int) -> bool:
    """Whether a common institution is the subject before the figure (frames.yaml
    `institution_nouns`: "학교가", "병원이") and neither the story company nor any other company
    is named in the sentence before the figure."""
    found = list(_institution_subject().finditer(ctx.text, 0, start))
    if not found:
        return False
    return not any(m.start < start and m.type in _OWNER_TYPES for m in ctx.mentions)


# a name in quotes written with a digit or a Latin letter: a model or product by its name
_QUOTED_NAME = rx.compile(r"['‘\"“][^'’\"”\s]*[0-9A-Za-z][^'’\"”]{0,20}['’\"”]")
_NEXT_QUOTE = rx.compile(r"[\"”]\S{0,4}\s+[\"“]")


def _quoted_apart(ctx: SentenceContext, entity: str, start: int) -> bool:
    """Whether the entity is named only in an earlier quotation of the sentence than the figure's
    ("…R1 API는 … 싸다"며 "…훈련비도 600만 달러"): the second quote says nothing of it."""
    named = [m for m in ctx.mentions if m.entity == entity and m.end <= start]
    return bool(named) and _NEXT_QUOTE.search(ctx.text, named[-1].end, start) is not None


def _entity_named_between(ctx: SentenceContext, begin: int, end: int) -> bool:
    """Whether a company or an index is named between `begin` and `end`."""
    return any(
        begin <= m.start < end for m in ctx.mentions if m.type in ("company", "market_index")
    )


def _before(ctx: SentenceContext, position: int, types: set[str]) -> list[Mention]:
    return [
        m
        for m in ctx.mentions
        if m.end <= position and m.type in types and not _names_an_event(ctx.text, m)
    ]


def _names_an_event(text: str, mention: Mention) -> bool:
    """Whether a company's name only names an event ("딥시크 충격이 덮친", "딥시크발 쇼크")."""
    if mention.type != "company":
        return False
    after = text[mention.end : mention.end + 6].lstrip()
    return after.startswith(_event_nouns())


@functools.cache
def _event_nouns() -> tuple[str, ...]:
    # (asked for every company mention before every figure: the tuple is built once)
    return tuple(frame_data().event_nouns)


def _nearest(ctx: SentenceContext, position: int, types: set[str]) -> str | None:
    candidates = _before(ctx, position, types)
    return candidates[-1].entity if candidates else None


def _nearest_entity(ctx: SentenceContext, position: int, types: set[str]) -> str | None:
    """The mention of one of `types` nearest before `position`, else the first after it; a name
    the sentence denies ("R1이 아니라 V3의") is not the one."""
    from claimcheck.extract.frames import clause_after, negated

    # (nor one the figure is measured against: "V3(6710억 개)보다 작지만, … 459억 개로")
    before = [
        m
        for m in _before(ctx, position, types)
        if not negated(ctx.text, m.end) and not _compared_with(ctx.text, m.end, position)
    ]
    if before:
        return before[-1].entity
    # after it, only in its own clause ("130만 명 돌파…챗GPT 턱밑까지": another clause's name)
    clause_end = position + len(clause_after(ctx.text, position, len(ctx.text)))
    after = [
        m
        for m in ctx.mentions
        if position <= m.start < clause_end
        and m.type in types
        and not negated(ctx.text, m.end)
        and not _compared_with(ctx.text, m.end)
    ]
    return after[0].entity if after else None


# "278만8000 GPU시간은 라마 3.1 405B(3084만 시간)의 11분의 1": a name after the figure that the
# figure is measured against (its version, a bracket between) is the baseline, not its object
_BRACKETED = rx.compile(r"\([^)]*\)")


@functools.cache
def _against() -> re.Pattern[str]:
    words = "|".join(f"(?:{p})" for p in frame_data().measured_against)
    return rx.compile(rf"^[\w.\- ]{{0,14}}?(?:{words})")


@functools.cache
def _against_near() -> re.Pattern[str]:
    words = "|".join(f"(?:{p})" for p in frame_data().measured_against)
    return rx.compile(rf"^\s?(?:[\w.\-]+\s?)?(?:{words})")


def _compared_with(text: str, end: int, until: int | None = None) -> bool:
    """Whether the name ending at `end` is what a figure is measured against. With `until` (a
    figure after the name), said right after the name, before the figure: "V3(6710억 개)보다
    작지만 … 459억 개", not "H100의 초당 900GB보다" (H100's own) nor "R1 서비스의 이론상 원가
    대비 이익률" (a ratio's own words)."""
    if until is None:
        return _against().match(_BRACKETED.sub("", text[end : end + 40])) is not None
    return _against_near().match(_BRACKETED.sub("", text[end:until])) is not None


def _a_price_in_money(ctx: SentenceContext) -> bool:
    """Whether the sentence writes a price in a currency (a share's, never an index's level)."""
    return any(in_money(q.unit) for q, _, _ in ctx.quantities)


def _model_in_clause(ctx: SentenceContext, start: int) -> bool:
    """Whether the clause of the figure at `start` names a model."""
    from claimcheck.extract.frames import CLAUSE_BREAKS, clause_after

    breaks = list(CLAUSE_BREAKS.finditer(ctx.text, 0, start))
    opening = breaks[-1].end() if breaks else 0
    closing = start + len(clause_after(ctx.text, start, len(ctx.text)))
    return any(m.type == "model" and opening <= m.start and m.end <= closing for m in ctx.mentions)


def _only_a_baseline(ctx: SentenceContext, entity: str, start: int) -> bool:
    """Whether the sentence names `entity` (or its model) only as what the figure at `start` is
    measured against ("… 61만 달러로, 딥시크 V3 훈련비의 9분의 1"; "딥시크 V3(6710억 개)보다
    작지만, … 520억 개로")."""
    named = [m for m in ctx.mentions if entity in (m.entity, m.parent)]
    return bool(named) and all(
        not ctx.text.startswith(("은", "는", "이", "가", "도"), m.end)  # "딥시크는": its subject
        and _compared_with(ctx.text, m.end, start if m.end <= start else None)
        for m in named
    )


def _subject(ctx: SentenceContext, position: int, types: set[str]) -> str | None:
    candidates = _before(ctx, position, types)
    # A name right before the figure owns it ("나스닥 3.1%↓", "브로드컴 17.4%·TSMC 13.3%").
    if candidates and not ctx.text[candidates[-1].end : position].strip(" ·,"):
        return candidates[-1].entity
    for mention in reversed(candidates):
        # "TSMC 미국예탁증권(ADR)은 13.3%": a share class between the name and its particle
        share_class = _SHARE_CLASS.match(ctx.text, mention.end)  # matches at least ""
        end = share_class.end() if share_class else mention.end
        if _partner(ctx, mention):
            continue  # "오픈AI는 소프트뱅크·오라클과 함께 … 5000억 달러": a partner, not whose
        if ctx.text.startswith(_SUBJECT_PARTICLES, end):
            return mention.entity
    return None


def _partner(ctx: SentenceContext, mention: Mention) -> bool:
    """Whether a name is one of the partners the sentence's subject acts with ("소프트뱅크·
    오라클과 함께", "MS와 손잡고"), listed before the companion particle or ending with it."""
    at = mention.end
    for other in ctx.mentions:
        if _COMPANION.match(ctx.text, at):
            return True
        joined = _LIST_JOINER.match(ctx.text, at)
        if joined is None or other.start != joined.end():
            continue
        at = other.end
    return _COMPANION.match(ctx.text, at) is not None


_LIST_JOINER = rx.compile(r"\s*[·,]\s*")
_COMPANION = rx.compile(r"(?:와|과)\s*(?:함께|손잡고|손을 잡고|공동으로|더불어|협력해)")


def _depositary(ctx: SentenceContext, start: int, owner: str | None) -> bool:
    """Whether the owner's name before the figure is followed by a depositary receipt's ("TSMC
    미국예탁증권(ADR)은 13.3%"): a listing abroad, whose moves differ from the home listing's."""
    named = [m for m in _before(ctx, start, _OWNER_TYPES) if m.entity == owner]
    share_class = _SHARE_CLASS.match(ctx.text, named[-1].end) if named else None
    return share_class is not None and any(w in share_class.group() for w in ("ADR", "예탁"))


_SHARE_CLASS = rx.compile(
    # ("TSMC 미국 주식예탁증서(ADR)도": the country and 주식 may be written apart)
    r"(?:의?\s*(?:미국\s*)?(?:주식\s*)?(?:예탁증권|예탁증서|ADR|보통주|우선주))?"
    r"(?:\s*\(\s*ADR\s*\))?"
)


def _maker_of(model: str) -> str | None:
    """The company that makes a model (deepseek-r1 → deepseek)."""
    from claimcheck.extract.mentions import entity_parent, entity_type

    entity: str | None = model
    for _ in range(4):
        entity = entity_parent(entity) if entity else None
        if entity is None or entity_type(entity) == "company":
            return entity
    return None


def _owner_of_model(ctx: SentenceContext, position: int) -> str | None:
    """The company that makes the model named before a figure (llama-3 → llama → meta)."""
    from claimcheck.extract.frames import negated
    from claimcheck.extract.mentions import entity_parent, entity_type

    models = [m for m in _before(ctx, position, {"model"}) if not negated(ctx.text, m.end)]
    entity: str | None = models[-1].entity if models else None
    for _ in range(4):
        entity = entity_parent(entity) if entity else None
        if entity is None or entity_type(entity) == "company":
            return entity
    return None


def _cost_kind(ctx: SentenceContext, subject: str | None, start: int) -> str:
    if subject is not None and ctx.story_subject is not None:
        return "training_cost" if subject == ctx.story_subject else "peer_cost"
    data = topic_data()
    if _peer_before(ctx, start):
        return "peer_cost"
    peer = _first_after(ctx.text, start, data.peer_cues.after)
    own = _first_after(ctx.text, start, data.own_cost_cues)
    if peer is not None and (own is None or peer < own):
        return "peer_cost"
    return "training_cost"


def _group_owns(ctx: SentenceContext, start: int) -> bool:
    """A plural group is the subject before the figure, and no company is named after it."""
    text = ctx.text[:start]
    at = max((text.rfind(word) for word in topic_data().peer_cues.groups), default=-1)
    return at >= 0 and not any(
        m.type == "company" and m.start > at for m in _before(ctx, start, {"company"})
    )


def _peer_before(ctx: SentenceContext, start: int) -> bool:
    before = ctx.text[max(0, start - 40) : start]
    return any(cue in before for cue in topic_data().peer_cues.before)


def _first_after(text: str, position: int, cues: list[str], reach: int = 30) -> int | None:
    """Distance to the first of `cues` after `position`, within `reach` characters."""
    window = text[position : position + reach]
    found = [window.find(cue) for cue in cues if cue in window]
    return min(found) if found else None


def _cost_scope(ctx: SentenceContext, start: int, owner: str | None) -> dict[str, str]:
    if any(word in ctx.text for word in topic_data().funding_words):
        return {}  # money raised covers no cost ("라운드 투자액은 … 1000억 원을 넘긴")
    rules = topic_data().cost_scopes
    scope = _scope_before(ctx, start, rules)
    if scope is not None:
        return {"scope": scope}
    # else a cue anywhere in the sentence, but for a part it names after the figure ("278만8000
    # 시간에 … 곱한 값으로, 이 가운데 사전학습이 266만4000시간": the stage is the part's, not the
    # whole's)
    text = ctx.text[: min(_others_clause(ctx, start, owner), _next_figures_clause(ctx, start))]
    # (nor the clause a "…했다는" clause is embedded in: "R1을 557만6000달러에 개발했다는 소식이 AI
    # 인프라 투자 사이클 …": the news's words, not the cost's)
    embedding = NOUN_CLAUSE_END.search(text, start)
    if embedding is not None:
        text = text[: embedding.end()]
    part = _part_after().search(text, start)
    if part is not None:
        text = text[: part.start()]
    for rule in rules:
        if any(cue in text for cue in rule.cues):
            return {"scope": rule.scope}
    return {}


@functools.cache
def _part_after() -> re.Pattern[str]:
    """Where a part's clause opens (frames.yaml `part_openers`, or 가운데 after the whole: "전체
    278만8000 GPU시간 가운데 사전학습에만 266만4000시간")."""
    openers = rx.alternation(frame_data().measures.part_openers)
    return rx.compile(rf"(?:{openers})(?=\s|$|에)|\s가운데 ")


def _next_figures_clause(ctx: SentenceContext, start: int) -> int:
    """Where the figure's own clause ends when a later clause has a sum of its own ("557만
    6000달러에 훈련했다는 숫자에 놀랐는데, … 인력 비용까지 합친 실제 개발비가 최소 5억 달러":
    what that clause adds up is its sum's), else the sentence's end."""
    from claimcheck.extract.frames import CLAUSE_BREAKS

    cut = CLAUSE_BREAKS.search(ctx.text, start)
    unit = next((q.unit for q, s, _ in ctx.quantities if s == start), None)
    if cut is not None and any(s >= cut.end() and q.unit == unit for q, s, _ in ctx.quantities):
        return cut.start()
    return len(ctx.text)


def _others_clause(ctx: SentenceContext, start: int, owner: str | None) -> int:
    """Where a later clause about another company or model begins ("라마 3.1 405B는 … 3840만
    시간을 썼고, 라마 3(8B·70B)의 사전학습에도 …": the stage is Llama 3's), else the end."""
    from claimcheck.extract.frames import CLAUSE_BREAKS

    model = _nearest(ctx, start, {"model"})
    breaks = list(CLAUSE_BREAKS.finditer(ctx.text, start))
    ends = [b.start() for b in breaks[1:]] + [len(ctx.text)] * bool(breaks)
    for this, until in zip(breaks, ends, strict=True):
        if any(
            this.end() <= m.start < until
            and m.type in ("company", "model")
            and m.entity not in (owner, model)
            for m in ctx.mentions
        ):
            return this.start()
    return len(ctx.text)


def _scope_before(ctx: SentenceContext, start: int, rules) -> str | None:
    """The scope whose cue stands nearest before the figure, back to the previous figure (the
    longer of two cues ending together: "사전학습" before "학습")."""
    since = max((e for _, s, e in ctx.quantities if e <= start), default=0)
    best: tuple[int, int, str] | None = None
    for rule in rules:
        for cue in rule.cues:
            at = ctx.text.rfind(cue, since, start)
            if at >= 0 and (best is None or (at + len(cue), len(cue)) > best[:2]):
                best = (at + len(cue), len(cue), rule.scope)
    return best[2] if best is not None else None


def _chip_scope(ctx: SentenceContext, start: int, end: int) -> dict[str, str]:
    """Fleet or training run for a chip count: the cue nearest before it (back to the previous
    figure), else the first one after it in its own clause ("2048개로 훈련했다"), never a cue of
    another clause ("…훈련했다고 밝혔는데, 빅테크가 굴리는 클러스터")."""
    from claimcheck.extract.frames import clause_after

    rules = topic_data().chip_scopes
    scope = _scope_before(ctx, start, rules)
    if scope is not None:
        return {"scope": scope}
    after = clause_after(ctx.text, end, min(len(ctx.text), end + 30))
    found = [(after.find(cue), rule.scope) for rule in rules for cue in rule.cues if cue in after]
    return {"scope": min(found)[1]} if found else {}


def _a_models_rate(ctx: SentenceContext, quantity: Quantity, start: int) -> bool:
    """A price per token, or a margin ("원가 대비 이익률이 454%"): what a model's service earns or
    costs, of the model the story has just named when the sentence names none."""
    if per_token(quantity.unit):
        return True
    if quantity.unit != "percent":
        return False
    before = ctx.text[max(0, start - 16) : start]
    return any(word in before for word in topic_data().model_margin_words)


@functools.cache
def _rate_named_pattern() -> re.Pattern[str]:
    nouns = rx.alternation(topic_data().rate_nouns)
    return rx.compile(
        rf"((?:[0-9A-Za-z\uac00-\ud7a3]+\s)?[\uac00-\ud7a3]*(?:률|율|{nouns}))"
        # (a word or two between: "정확도가 이전 버전 70%에서")
        r"(?:은|는|이|가|도)\s*(?:[^\d\s,.]+\s){0,2}(?:약\s*)?$"
    )


@functools.cache
def _benchmark_pattern() -> re.Pattern[str]:
    names = sorted(topic_data().benchmarks, key=len, reverse=True)
    alternatives = rx.alternation(names)
    # (the year or version written after it: "AIME 2024", "AIME'25")
    return rx.compile(
        rf"(?<![0-9A-Za-z])({alternatives})(?:\s?['’]?(\d{{2,4}}))?(?![A-Za-z])", re.IGNORECASE
    )


def _benchmark_named(ctx: SentenceContext, start: int) -> str | None:
    """The benchmark named last before the figure in its sentence ("AIME 2024에서 79.8%로": "AIME
    2024"; "…79.8%로, o1의 79.2%를": the same one, both scores of one test), or None."""
    found = list(_benchmark_pattern().finditer(ctx.text, 0, start))
    if not found:
        return None
    name, version = found[-1].group(1), found[-1].group(2)
    canonical = next(n for n in topic_data().benchmarks if n.lower() == name.lower())
    return f"{canonical} {version}" if version else canonical


def _rate_named(text: str, start: int) -> str | None:
    """The rate a percentage is said to be, named before it with its particle ("생성형 AI
    이용률은 74.6%였다": "AI 이용률"; "AIME 2025 정확도가 이전 버전 70%에서"), or None."""
    m = _rate_named_pattern().search(text[max(0, start - 30) : start])
    if m is None or m.group(1).endswith(tuple(topic_data().rate_not_metrics)):
        return None
    return m.group(1)


def _pay_word(text: str, start: int) -> str | None:
    """The pay word nearest before a salary figure (frames.yaml measures.salary.before)."""
    before = text[max(0, start - 14) : start]
    found = [(before.rfind(w), w) for w in frame_data().measures.salary.before if w in before]
    return max(found)[1].removesuffix("으로").removesuffix("을") if found else None


def _announces_results(text: str) -> bool:
    """Whether a sentence announces a company's results ("1분기 실적을 내놨다")."""
    return any(word in text for word in topic_data().earnings_announced)


def _earnings_metric(text: str, start: int) -> str | None:
    """What a result measures: the metric word nearest before the figure in its clause
    ("4분기 매출은", "영업이익이"), with the segment written before it ("데이터센터 매출":
    revenue:데이터센터), or None when none is said."""
    data = topic_data()
    before = text[max(0, start - 24) : start]
    best: tuple[int, str, int] | None = None
    for metric, words in data.earnings_metrics.items():
        for word in words:
            at = before.rfind(word)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, metric, at)
    if best is None:
        return None
    at, metric = best[0], best[1]
    if re.search(r"[,.]", before[at:]):
        return None  # the word belongs to an earlier clause
    segment = re.search(r"([0-9A-Za-z\uac00-\ud7a3]+)\s*$", before[:at])
    if segment and segment.group(1) in data.earnings_segment_nouns:
        # "데이터센터 부문 매출": the segment is named before its noun
        segment = re.search(r"([0-9A-Za-z\uac00-\ud7a3]+)\s*$", before[: segment.start()])
    if segment:
        word = segment.group(1)
        whole = any(w in word for w in data.earnings_whole_words) or re.search(r"\d", word)
        particle = word[-1] in "의은는이가도를을"
        if not whole and not particle and len(word) >= 2:
            return f"{metric}:{word}"
    return metric


def _users_of_a_week(quantity: Quantity, frame) -> str | None:
    """People counted over one week ("1월 27일부터 2월 2일까지 한 주 동안 … 이용자는 121만 명",
    "2월 첫째 주 81만 명") are that week's users, whether or not the text says 주간 이용자."""
    from claimcheck.extract.frames import counter_class

    if quantity.unit != "count" or counter_class(quantity.counter) != "people":
        return None
    when = frame.as_of or ""
    if "-W" in when:
        return "weekly_users"
    if "/" in when:
        first, last = (dt.date.fromisoformat(day) for day in when.split("/"))
        if 6 <= (last - first).days <= 7:
            return "weekly_users"
    return None


_MARKET_OWNERS = {"company", "market_index"}


def _bracketed_move(ctx: SentenceContext, quantity: Quantity, start: int):
    """(owner, direction) of a signed percentage in brackets right after a listed company or an
    index ("- 나스닥(-3.07%) 19,341.83", "브로드컴(-17.4%)"), or right after it in a list's line
    ("- TSMC ADR -13.3%"): a ticker list gives each name its move without a verb. None otherwise."""
    if quantity.unit != "percent" or quantity.value is None:
        return None
    sign = ctx.text[start : start + 1]
    if not (quantity.value < 0 or sign in "+▲△▼"):
        return None
    paren = ctx.text.rfind("(", 0, start)
    if paren >= 0 and not ctx.text[paren + 1 : start].strip():
        owner = next((m for m in ctx.mentions if m.end == paren and m.type in _MARKET_OWNERS), None)
        price = next((q for q, s, e in ctx.quantities if e == paren and q.unit in _MONEY), None)
        if owner is None and price is not None:
            # "삼성전자 5만2400원(-2.42%)": the move of the price written right after the name;
            # "3위 엔비디아 — 약 2조9000억 달러(-17.69%)": a ranking line's value and its move
            price_start = next(s for q, s, e in ctx.quantities if q is price)
            owner = next(
                (
                    m
                    for m in ctx.mentions
                    if _written_right_before(ctx, m, price_start)
                    or (
                        m.type == "company"
                        and m.end <= price_start
                        and _LINE_LABEL.fullmatch(ctx.text, m.end, price_start)
                    )
                ),
                None,
            )
    else:
        # a list's line without brackets: "- TSMC ADR -13.3%", "브로드컴 -17.4%"
        owner = next((m for m in ctx.mentions if _written_right_before(ctx, m, start)), None)
    down = quantity.value < 0 or sign == "▼"
    if owner is None:
        # one the alias table does not know, in such a list ("비스트라 -28%, 컨스텔레이션
        # 에너지 -21%"): the word written right before the sign, not the story's company
        word = _listed_name_before(ctx, quantity, start)
        return (word, "down" if down else "up") if word else None
    return owner.entity, "down" if down else "up"


# between a ranking line's name and its value: "3위 엔비디아 — 약 2조9000억 달러"
_LINE_LABEL = rx.compile(r"\s*[—–:\-]\s*(?:약\s*)?")
_NAME_BEFORE_SIGN = rx.compile(r"(?:^|[\s,·(])([0-9A-Za-z\uac00-\ud7a3&.]{2,})\s$")
_LIST_ITEM_END = rx.compile(r"\s*(?:[,·.)]|$)")


def _listed_name_before(ctx: SentenceContext, quantity: Quantity, start: int) -> str | None:
    """The word right before a signed figure that ends a list's item ("비스트라 -28%,"): a name
    the alias table does not know, unless it is a word that owns nothing ("주가 -3%,") or one a
    particle ends ("지수는 -2%")."""
    if ctx.text[start : start + 1] not in "-+▲△▼" or not _LIST_ITEM_END.match(
        ctx.text, start + len(quantity.text)
    ):
        return None
    found = _NAME_BEFORE_SIGN.search(ctx.text, max(0, start - 40), start)
    if found is None or any(m.start <= found.start(1) < m.end for m in ctx.mentions):
        return None
    word = found.group(1)
    if word in frame_data().not_owners or word.endswith(("은", "는", "이", "가", "도", "을", "를")):
        return None
    return word


_SIGNED_MOVE = rx.compile(r"\(\s*[-+▲△▼]\s?\d[\d.,]*\s?%\s*\)")


def _priced_with_its_move(ctx: SentenceContext, quantity: Quantity, start: int, end: int):
    """The listed company or index whose price this is, when the price stands right after its
    name with its signed move in brackets ("삼성전자 5만2400원(-2.42%)", "코스피 2517.37(-0.77%)"
    is an index level, no money): else None."""
    if quantity.unit not in _MONEY or not _SIGNED_MOVE.match(ctx.text, end):
        return None
    owner = next((m for m in ctx.mentions if _written_right_before(ctx, m, start)), None)
    return owner.entity if owner is not None else None


def _written_right_before(ctx: SentenceContext, mention: Mention, start: int) -> bool:
    """A market's name (with its share class) and nothing else before a signed figure."""
    if mention.type not in _MARKET_OWNERS or mention.end > start:
        return False
    share_class = _SHARE_CLASS.match(ctx.text, mention.end)
    end = share_class.end() if share_class else mention.end
    return end <= start and not ctx.text[end:start].strip()


def _below_zero(quantity: Quantity) -> bool:
    """A figure written with a minus sign (its value, or the high end of a range, below zero)."""
    edge = quantity.value if quantity.value is not None else quantity.high
    return edge is not None and edge < 0


def _direction_noun_before(ctx: SentenceContext, start: int) -> str | None:
    """'down' for "낙폭이 18%", 'up' for "상승폭은 5%": the noun just before the figure."""
    before = ctx.text[max(0, start - 8) : start]
    for direction, words in topic_data().direction_nouns.items():
        if any(word in before for word in words):
            return direction
    return None


def direction_after(ctx: SentenceContext, end: int) -> str | None:
    """'up' or 'down' from the first movement verb after a position."""
    found = _first_direction(ctx.text[end : end + 25])
    if found is not None:
        return found[1]
    # "마벨은 19.1%, TSMC는 13.3% 떨어졌다": figures listed with commas share the verb after the
    # last of them, if no clause ends in between
    wider = ctx.text[end : end + 70]
    found = _first_direction(wider)
    if found is None:
        return None
    between = wider[: found[0]]
    listed = between.lstrip().startswith(",") and re.search(r"\d", between)
    return found[1] if listed and not _CLAUSE_END.search(between) else None


_CLAUSE_END = rx.compile(r"(?:고|며|면서|지만|으나|는데|다)(?:\s|,|\.)")


def _first_direction(window: str) -> tuple[int, str] | None:
    window = moves_only(window)
    best = None
    for direction, words in topic_data().directions.items():
        for word in words:
            at = window.find(word)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, direction)
    return best


def _baseline(ctx: SentenceContext, start: int, subject: str | None) -> str | None:
    for mention in reversed(_before(ctx, start, {"model", "company", "product"})):
        if mention.entity != subject:
            return mention.entity
    # "이 비용의 10분의 1": the noun phrase before 의
    head = ctx.text[:start].rstrip()
    if head.endswith("의"):
        words = head[:-1].split()
        return " ".join(words[-2:]) if words else None
    return None
