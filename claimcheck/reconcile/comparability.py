"""The comparability gate (issue 14): two figures are compared only when they are the same
quantity — whose it is, what it measures, when, and of what scope.

Each slot of the two frames (claimcheck.models.Frame) either matches, keeps the figures apart, or
is unknown on one side. Figures kept apart get no finding between them. An unknown slot allows
agreement but never a problem verdict; a figure dated only against an event ("발표 이후") may also
be found to understate a figure of a day inside that window, but not to contradict it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from claimcheck.models import Frame

# Topics whose figures are values at a time: two of them are the same quantity only on the same
# day (or in windows that contain one another). A model's training cost or chip count is a fact
# about one training run and is not dated this way.
TIME_VARYING = frozenset({"stock_change", "market_value", "adoption", "ban", "other", "earnings"})
MARKET = frozenset({"stock_change", "market_value"})
# A plain training cost is read as the training run (how DeepSeek and the press use it); these
# scopes are the same family, the others (development, hardware) are other quantities.
TRAINING_RUN = frozenset({"final training run", "training", "compute"})

# Verdicts allowed with every slot settled, and with a slot unknown or only windowed.
AGREEING = frozenset(
    {"agree", "compatible", "supported", "mostly_supported", "consistent", "single_source"}
)
WINDOWED = AGREEING | {"misleading"}


@dataclass(frozen=True)
class Gate:
    """Whether two figures may be compared, and which verdicts the comparison may reach."""

    comparable: bool  # the figures may be compared at all
    settled: bool  # every slot matched: any verdict is allowed
    windowed: bool  # time settled only as a window that contains the other's date
    slot: str | None  # the slot that kept the figures apart or left them unsettled
    why: str  # in words, for explanations and --explain-skips

    def allows(self, verdict: str) -> bool:
        if not self.comparable:
            return False
        if self.settled:
            return True
        return verdict in (WINDOWED if self.windowed else AGREEING)


def _scope_family(scope: str | None) -> str | None:
    if scope is None:
        return None
    return "training run" if scope in TRAINING_RUN else scope


def contains(a: str, b: str) -> bool:
    """Whether date or period `a` contains `b` ("2025-01" contains "2025-01-27")."""
    if "/" in a:
        start, _, end = a.partition("/")
        return (not start or start[: len(b)] <= b) and (not end or b[: len(end)] <= end)
    return b.startswith(a)


def gate(
    topic: str,
    a: Frame | None,
    b: Frame | None,
    reference: bool = False,
    rate: bool = False,
    timeless: bool = False,
) -> Gate:
    """Whether two figures of `topic` with these frames are the same quantity. Against a
    reference fact (`reference`), another scope leaves the figures comparable but unsettled: the
    same figure under another name ("개발비 560만 달러") is mostly right, and a third party's
    estimate of another scope is never refuted by it. A price per something (`rate`) is compared
    whatever its date: list prices are not a value of one day; nor is a fact that holds at no
    particular time (`timeless`: a model's parameter count)."""
    if a is None or b is None:
        return Gate(True, False, False, "frame", "one figure has no frame")
    unsettled: list[str] = []
    # whose: a generic figure is nobody's
    if "generic" in (a.measure, b.measure):
        return Gate(False, False, False, "subject", "a generic figure is nobody's claim")
    # what is measured
    if a.measure is None or b.measure is None:
        unsettled.append("measure")
    elif a.measure != b.measure:
        return Gate(False, False, False, "measure", f"measure: {a.measure} vs {b.measure}")
    elif a.measure == "per_unit" and not reference:
        # per what is not kept ("랙 하나에 GPU 72개", "서버 한 대에 GPU 8장"): two figures per a
        # unit may agree, never conflict
        unsettled.append("measure")
    # of what scope
    sa, sb = _scope_family(a.scope), _scope_family(b.scope)
    if sa and sb and sa != sb:
        if not reference:
            return Gate(False, False, False, "scope", f"scope: {a.scope} vs {b.scope}")
        unsettled.append("scope")
    if (sa or sb) and not (sa and sb) and (sa or sb) != "training run":
        unsettled.append("scope")
    windowed = False
    if topic == "earnings" and a.as_of and b.as_of:
        # a year's result is not its quarter's: periods are equal or apart
        if not same_period(a.as_of, b.as_of):
            return Gate(False, False, False, "as_of", f"period: {a.as_of} vs {b.as_of}")
        timeless = True  # one period, however each article writes it
    # the chips a company holds (its fleet) grow: a count of them is one of its day, not a
    # fact of one training run ("H100 800장을 확보" in February, "1300장" in June)
    held = topic == "gpu_count" and "fleet" in (a.scope, b.scope)
    if (topic in TIME_VARYING or held) and not rate and not timeless:
        if a.as_of and b.as_of:
            if not (contains(a.as_of, b.as_of) or contains(b.as_of, a.as_of)):
                return Gate(False, False, False, "as_of", f"time: {a.as_of} vs {b.as_of}")
            # a move in a month that holds the other's day: maybe that day's, maybe another's
            # ("1월에 하루 12.97% 빠졌다" is not the 28th's rebound); a level of the month is
            # the month's
            windowed = a.as_of != b.as_of and a.measure == "change"
        elif (a.since and b.as_of) or (b.since and a.as_of) or (a.since and b.since):
            windowed = True
        else:
            unsettled.append("as_of")
        if topic in MARKET:
            if a.moment and b.moment and a.moment != b.moment:
                return Gate(False, False, False, "moment", f"moment: {a.moment} vs {b.moment}")
            if not (a.moment and b.moment):
                unsettled.append("moment")
    if "none" in (a.subject_basis, b.subject_basis):
        unsettled.append("subject")
    if a.measure == "plan" and not (a.as_of and b.as_of and a.as_of == b.as_of):
        # "올해 안에 1만 장" and "2030년까지 5만 장": two plans are one only for one target time
        unsettled.append("as_of")
    if unsettled:
        slot = unsettled[0]
        return Gate(True, False, windowed and unsettled == ["moment"], slot, f"{slot} unknown")
    if windowed:
        return Gate(True, False, True, "as_of", "time: a window that contains the date")
    return Gate(True, True, False, None, _matched(topic, a, b))


def same_period(a: str, b: str) -> bool:
    """Whether two periods of a result are one: equal, or a quarter and the three months that
    make up a fiscal quarter of that number ("4분기" of 2024, "2024-Q4", and Nvidia's "4분기(2024년
    11월~2025년 1월)": a quarter ending in the calendar quarter's last month or the month after)."""
    if a == b:
        return True
    quarter, span = (a, b) if "-Q" in a else (b, a)
    if "-Q" not in quarter or "/" not in span:
        return False
    first, _, last = span.partition("/")
    if len(first) != 7 or len(last) != 7:
        return False
    if _month_index(last) - _month_index(first) != 2:
        return False  # not three months
    year, number = int(quarter[:4]), int(quarter[-1])
    return _month_index(last) - (year * 12 + number * 3) in (0, 1)


def _month_index(year_month: str) -> int:
    return int(year_month[:4]) * 12 + int(year_month[5:7])


def _matched(topic: str, a: Frame, b: Frame) -> str:
    parts = [f"measure ({a.measure})"]
    if topic in TIME_VARYING and a.as_of:
        parts.append(f"time ({a.as_of if len(a.as_of) >= len(b.as_of or '') else b.as_of})")
    if topic in MARKET and a.moment:
        parts.append(f"moment ({a.moment})")
    if a.scope or b.scope:
        parts.append(f"scope ({a.scope or b.scope})")
    return "same " + ", ".join(parts)


def same_thing(a_what: dict[str, str | None], b_what: dict[str, str | None]) -> str | None:
    """The first of the things two figures count or name that both state and that differ (the
    model, the chip, the counter class, what an adoption figure counts), or None."""
    keys = ("model", "chip", "counter", "counted", "market", "metric", "round", "label", "plan")
    for key in keys:
        va, vb = a_what.get(key), b_what.get(key)
        if va and vb and va != vb:
            return f"{key}: {va} vs {vb}"
    return None


def counted_unknown(
    topic: str, a_what: dict[str, str | None], b_what: dict[str, str | None]
) -> bool:
    """An adoption figure that does not say what it counts (users, DAU, downloads), or a sum
    raised that names no round, leaves the measure unsettled."""
    if topic == "funding":
        return not (a_what.get("round") and b_what.get("round"))  # which round, unsaid
    if topic == "technique" and (a_what.get("sized") or b_what.get("sized")):
        # "320억 개짜리 증류 모델" and "가장 작은 15억 개짜리": a size naming a model the
        # sentence does not name is not one model's
        return not (a_what.get("model") and b_what.get("model"))
    return topic == "adoption" and not (a_what.get("counted") and b_what.get("counted"))


def _listing(claim) -> str | None:
    if claim.topic not in MARKET:
        return None
    return claim.attributes.get("listing", "home listing")


def what_of(claim) -> dict[str, str | None]:
    """What a claim's figure is of, for same_thing: from its object, attributes and counter."""
    from claimcheck.extract.frames import counter_class
    from claimcheck.extract.mentions import entity_type

    obj = claim.object
    kind = entity_type(obj) if obj else None
    model = claim.attributes.get("model") or (obj if kind == "model" else None)
    chip = obj if kind == "chip" else None
    q = claim.quantity
    return {
        "model": model,
        "chip": chip,
        "counter": counter_class(q.counter) if q is not None and q.unit == "count" else None,
        "counted": claim.attributes.get("counted"),
        # an app's store market; a share's listing (a depositary receipt abroad is no home share)
        "market": claim.attributes.get("market") or _listing(claim),
        "metric": claim.attributes.get("metric"),  # revenue is no operating profit
        "round": claim.attributes.get("round"),  # a Series B is no Series A
        # an unclassified figure's label: revenue is no operating profit ("매출", "영업이익")
        "label": label_of(claim) if claim.topic == "other" else None,
        # the plan of a product a price is of ("챗GPT 플러스" and "챗GPT 프로")
        "plan": _plan_of(claim) if q is not None and q.unit and q.unit != "count" else None,
        # a count that names a thing by its size ("15억 개짜리"), not one stated of a thing
        "sized": "sized" if q is not None and q.unit == "count" and _sized(claim) else None,
    }


def _plan_of(claim) -> str | None:
    """The plan word nearest before the figure, within a few words ("챗GPT 프로로, 월 200달러")."""
    span = figure_in_sentence(claim)
    if span is None:
        return None
    before = claim.sentence[max(0, span[0] - 16) : span[0]]
    found = list(_plan_pattern().finditer(before))
    return found[-1].group(1) if found else None


@functools.cache
def _plan_pattern():
    from claimcheck import regexcache as rx
    from claimcheck.extract.lexicon import topic_data

    tiers = rx.alternation(sorted(topic_data().plan_tiers, key=len, reverse=True)) or "(?!)"
    # a word of its own, or with a particle ("프로로", "플러스는"); not "프로그램", "프로젝트"
    return rx.compile(
        rf"(?<![0-9A-Za-z\uac00-\ud7a3])({tiers})(?=[\s,.·)]|(?:은|는|이|가|로|의|도|를|와|과)[\s,])"
    )


def _sized(claim) -> bool:
    """Whether the figure is joined to a noun it names by its size ("15억 개짜리"; the joiners
    of a nickname by price, topics.yaml price_tag_joiners)."""
    from claimcheck.extract.lexicon import topic_data

    span = figure_in_sentence(claim)
    joiners = tuple(topic_data().price_tag_joiners)
    return span is not None and bool(joiners) and claim.sentence.startswith(joiners, span[1])


def figure_in_sentence(claim) -> tuple[int, int] | None:
    """Where a claim's figure stands in its sentence (its first occurrence), or None."""
    q = claim.quantity
    at = claim.sentence.find(q.text) if q is not None else -1
    return (at, at + len(q.text)) if at >= 0 else None


def label_of(claim) -> str | None:
    """What an unclassified figure measures, by the noun written beside it (frames.figure_label)."""
    from claimcheck.extract.frames import figure_label

    span = figure_in_sentence(claim)
    return figure_label(claim.sentence, *span) if span else None


def top_pay(claim) -> bool:
    """Whether a pay figure is the top of an offer (frames.top_of_offer)."""
    from claimcheck.extract.frames import top_of_offer

    span = figure_in_sentence(claim)
    frame = claim.frame
    return bool(span and frame and frame.measure == "salary") and top_of_offer(
        claim.sentence, *span
    )
