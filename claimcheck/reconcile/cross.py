"""Cross-source findings: the same thing (topic, subject, object) as different articles state it."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, TypedDict

from claimcheck.models import Claim, Diagnosis, Finding, FindingKind, Frame, SourceValue
from claimcheck.quantities.units import per_token
from claimcheck.reconcile.common import (
    Corpus,
    amount,
    day_rate_fit,
    finding_id,
    quantity_of,
    round_sum,
    source_row,
)
from claimcheck.reconcile.comparability import Gate, counted_unknown, gate, same_thing, what_of
from claimcheck.reconcile.disputes import third_party
from claimcheck.reconcile.intervals import (
    UNDERSTATES,
    Relation,
    as_headline,
    digit_slip,
    magnitude_apart,
    relation,
)
from claimcheck.reconcile.values import comparable
from claimcheck.verdicts import Verdict

_SEVERITY = {"agree": 0, "compatible": 1, "discrepancy": 2, "contradiction": 3}
_CONFLICTS = ("discrepancy", "contradiction")  # the relations that are problems
# Figures whose object (the model) is often left unsaid: group by topic and subject, and say when
# two sources name different objects.
_LOOSE_OBJECT = {
    "training_cost",
    "gpu_count",
    "stock_change",
    "market_value",
    "founding",
    "cost_ratio",
}
# Figures of a topic keyed on its object that often leave it unsaid: one that names none joins
# the group of its subject's one named object (reconcile.store)
UNSAID_OBJECT_JOINS = frozenset({"adoption"})
_KO = {
    "agree": "일치",
    "compatible": "양립 가능",
    "discrepancy": "불일치(같은 수치의 반올림·환산 차이)",
    "contradiction": "모순",
    "single_source": "단일 출처",
}


def group_key(claim: Claim) -> tuple[str, str, str]:
    topic = claim.topic
    obj = "" if topic in _LOOSE_OBJECT else (claim.object or "")
    if claim.topic == "cost_ratio":
        obj = claim.attributes.get("baseline", "")
    return topic, claim.subject or "", obj


def _priced(claim: Claim) -> bool:
    """A price per something ("H800 시간당 2달러") of a named thing: comparable across sources
    even where no topic claims the sentence; not of a kind of thing ("GPU 한 장에 시간당 2.5달러":
    what an hour of a GPU costs depends on who rents out which)."""
    from claimcheck.extract.mentions import entity_type

    unit = claim.quantity.unit if claim.quantity else None
    return bool(unit and "/" in unit and claim.object) and entity_type(claim.object) != "hardware"


def group_key_of(claim: Claim, converted: set[str]) -> tuple[str, str, str] | None:
    """The cross-source group of a live claim, or None for one compared with no other source:
    a conversion already checked with the figure it converts, or an unclassified figure (unless
    it is a price of something named). `converted` holds the ids of its article's conversions."""
    if (
        claim.id in converted
        or (claim.topic == "other" and not (_priced(claim) or _a_named_rate(claim)))
        or "epithet" in claim.attributes  # "'81억 원 AI'": its body's figure, by a nickname
    ):
        return None
    return group_key(claim)


def _a_named_rate(claim: Claim) -> bool:
    """A rate a named owner is said to have ("미래교육연구원 … 생성형 AI 이용률은 74.6%"); not pay,
    which also names what it is ("초봉"), but whose kinds (top, average, starting) differ."""
    q = claim.quantity
    return (
        q is not None
        and q.unit == "percent"
        and bool(claim.attributes.get("metric"))
        and claim.frame is not None
        and claim.frame.subject_basis == "named"
    )


class _Base(TypedDict):
    """The fields every finding of a group shares."""

    id: str
    kind: FindingKind
    topic: str
    subject: str | None
    object: str | None
    articles: list[str]
    claims: list[str]
    sources: list[SourceValue]


@dataclass(frozen=True)
class _Member:
    """What a group keeps of each claim once its source row is made: a group can hold thousands
    of claims, and their sentences need not stay in memory."""

    id: str
    article: str
    object: str | None
    stance: str
    polarity: str
    value: Any  # its comparable value (values.comparable), None for a statement or a vague figure
    figure: bool
    side: str  # of a token price: "input", "output" or "" (never compared across sides)
    frame: Frame | None = None
    third_party: str | None = None  # who estimated it, when not the figure's owner
    what: tuple[tuple[str, str | None], ...] = ()  # comparability.what_of, as items
    headline: bool = False  # a headline rounds ("600만 달러 AI"): compared as one digit


def group_finding(
    corpus: Corpus,
    key: tuple[str, str, str],
    claims: Iterable[Claim],
    keep_source: Callable[[SourceValue], None] | None = None,
    supported_by: Callable[[str], str | None] | None = None,
    disputed_at_home: Callable[[str], bool] | None = None,
) -> Finding:
    """What the sources of one group say, claims in the order their articles came. The claims
    are read once; with `keep_source`, each source row goes there (to disk, say) and the finding
    comes without them, so a group's size costs little memory."""
    topic, subject, obj = key
    members: list[_Member] = []
    sources: list[SourceValue] = []
    for claim in claims:
        value = comparable(claim, corpus.published(claim.article)) if claim.quantity else None
        row = source_row(corpus, claim, value)
        if keep_source is None:
            sources.append(row)
        else:
            keep_source(row)
        polarity = claim.attributes.get("polarity", "true")
        members.append(
            _Member(
                claim.id,
                claim.article,
                claim.object,
                claim.stance,
                polarity,
                value,
                claim.quantity is not None,
                # the side, and for input the cache tier ("input/hit"), when the text says it
                "/".join(
                    filter(None, (claim.attributes.get(k) for k in ("tokens", "cache", "pricing")))
                ),
                claim.frame,
                third_party(claim),
                tuple(what_of(claim).items()) if claim.quantity is not None else (),
                claim.section == "headline" or round_sum(claim),
            )
        )
    articles = sorted({m.article for m in members})
    base = _Base(
        id=finding_id("cross_source", topic, subject, obj),
        kind="cross_source",
        topic=topic,
        subject=subject or None,
        object=obj or None,
        articles=articles,
        claims=[m.id for m in members],
        sources=sources,
    )
    if len(articles) == 1:
        count = len(members)
        en = f"Only {articles[0]} states this ({count} claim{'s' if count > 1 else ''})."
        ko = f"{articles[0]}만 이 내용을 다룬다."
        return Finding(**base, verdict="single_source", explanation=en, explanation_ko=ko)
    # a figure an article names in order to reject it ("…다는 건 오해") is no claim of its own
    figures = [m for m in members if m.figure and m.stance != "disputed"]
    held: list[str] = []  # pairs compared for agreement only that did not agree, and why
    compared = (
        _compare_figures(corpus, base, figures, held, supported_by, disputed_at_home)
        if figures
        else None
    )
    if compared is not None:
        return compared
    # the figures no two sources compare, and why (issue 14: --explain-skips, the JSON)
    skipped = sorted(set(_apart(topic, [m for m in figures if m.value is not None]) + held))
    statements = [m for m in members if not m.figure]
    if len({m.article for m in statements}) > 1:
        judged = _compare_statements(base, statements)
        return judged.model_copy(update={"skipped": skipped}) if skipped else judged
    # e.g. one source's input-token price and another's output-token price
    en = "No two sources state a figure or a statement that can be compared."
    ko = "출처끼리 비교할 수 있는 수치가 없다(단위나 기준이 다르다)."
    return Finding(
        **base, verdict="single_source", explanation=en, explanation_ko=ko, skipped=skipped
    )


def _disputes(
    base: _Base,
    figures: list[_Member],
    disputed_at_home: Callable[[str], bool] | None = None,
) -> Finding | None:
    """Figures kept apart only by scope, one of them a third party's estimate: a dispute between
    sources, with both scopes named, never a refutation. An estimate that already disputes a
    figure of its own article (`disputed_at_home`, whatever topic that figure was read as) is
    shown there only."""
    topic = base["topic"]
    for a in figures:
        for b in figures:
            if a.article >= b.article or a.value is None or b.value is None:
                continue
            if a.value.unit != b.value.unit:
                continue  # GPU-hours dispute no sum of money, nor the other way round
            passage = _gate(topic, a, b)
            if passage.slot != "scope" or passage.comparable:
                continue
            if not (a.third_party or b.third_party):
                continue
            estimate, claimed = (a, b) if a.third_party else (b, a)
            if any(m.article == estimate.article and not m.third_party for m in figures):
                continue  # the estimate disputes its own article's figure: shown there, once
            if disputed_at_home is not None and disputed_at_home(estimate.id):
                continue
            scope_e = estimate.frame.scope if estimate.frame else None
            scope_c = claimed.frame.scope if claimed.frame else None
            en = (
                f"Disputed: {estimate.article} gives {estimate.third_party}'s estimate of "
                f"{scope_e} ({estimate.value.shown}); {claimed.article} states {scope_c} "
                f"({claimed.value.shown}). Different scopes: neither refutes the other."
            )
            ko = (
                f"논쟁 중: {estimate.article}는 {estimate.third_party}의 {scope_e} 추정치"
                f"({estimate.value.shown})를, {claimed.article}는 {scope_c} 수치"
                f"({claimed.value.shown})를 전한다. 범위가 달라 어느 쪽도 반박하지 않는다."
            )
            return Finding(
                **base,
                verdict="disputed",
                explanation=en,
                explanation_ko=ko,
                arithmetic=[f"{passage.why}"],
                at_issue=_at_issue(base, [(estimate, claimed)]),
            )
    return None


def _compare_figures(
    corpus: Corpus,
    base: _Base,
    figures: list[_Member],
    held: list[str],
    supported_by: Callable[[str], str | None] | None = None,
    disputed_at_home: Callable[[str], bool] | None = None,
) -> Finding | None:
    """The worst relation between each figure and its closest comparable one in another source;
    None when no two sources give figures that are the same quantity."""
    valued = list({m.id: m for m in figures if m.value is not None}.values())
    worst: Relation = "agree"
    worst_pair = None
    topic = base["topic"]
    steps = [
        f"{m.article} ({corpus.published(m.article) or 'date unknown'}): {m.value.shown}"
        + _side_words(m.side)
        for m in valued
    ]
    # Each figure is compared with the closest figure another source gives for the same thing:
    # two articles that both list a pre-training and a context-extension cost agree pairwise,
    # not across stages.
    skipped = _apart(topic, valued)
    pairs = _closest_pairs(valued, topic)
    allowed = []
    for a, b, passage in pairs:
        read_a, read_b = _read(a, b), _read(b, a)
        rel = relation(read_a, read_b, one_unit=_one_unit(a, b))
        apart = magnitude_apart(read_a, read_b) if rel != "agree" else None
        if apart:
            skipped.append(f"{a.article} {a.value.shown} vs {b.article} {b.value.shown}: {apart}")
            continue
        if not passage.allows(rel):
            skipped.append(
                f"{a.article} {a.value.shown} vs {b.article} {b.value.shown}: "
                f"would be {rel}, but {passage.why}"
            )
            continue
        fact = _both_supported(a, b, supported_by) if rel in _CONFLICTS else None
        if fact:
            # two sources' figures that both fit the cited fact ("5890억 달러" and "5930억 달러" of
            # a loss reported as 589 to 594 billion) measure it differently, neither wrongly
            skipped.append(
                f"{a.article} {a.value.shown} vs {b.article} {b.value.shown}: would be {rel}, "
                f"but both fit the reference fact {fact}"
            )
            rel = "agree"
        allowed.append((a, b, rel, passage))
    if not allowed:
        disputed = _disputes(base, valued, disputed_at_home)
        if disputed is not None:
            return disputed.model_copy(update={"skipped": sorted(set(skipped))})
        held.extend(skipped)
        return None
    compared_on = ""
    estimates = False
    for a, b, rel, passage in allowed:
        if _SEVERITY[rel] > _SEVERITY[worst]:
            worst, worst_pair = rel, (a, b)
            estimates = bool(a.third_party and b.third_party)
            compared_on = (
                f"comparable: {passage.why}"
                if passage.settled
                else f"compared for agreement only: {passage.why}"
            )
    diagnosis: Diagnosis | None = None
    note = ""
    if worst_pair is not None:
        a, b = worst_pair
        va, vb = a.value, b.value
        if compared_on:
            steps.append(compared_on)
        read_a, read_b = _read(a, b), _read(b, a)
        steps.append(f"{a.article} {read_a.describe()} vs {b.article} {read_b.describe()}: {worst}")
        # every other pair in conflict, so that none hides behind the worst one
        shown = {frozenset((a.id, b.id))}
        for x, y, rel, _ in allowed:
            if rel in _CONFLICTS and frozenset((x.id, y.id)) not in shown:
                shown.add(frozenset((x.id, y.id)))
                steps.append(
                    f"{x.article} {_read(x, y).describe()} vs {y.article} "
                    f"{_read(y, x).describe()}: {rel}"
                )
        if worst == "contradiction" and read_a.point and read_b.point:
            diagnosis = digit_slip(abs(read_a.point), abs(read_b.point)) or digit_slip(
                abs(read_b.point), abs(read_a.point)
            )
        if worst == "compatible":
            diagnosis = _understating(va, vb)
        if per_token(va.unit) and "" in (a.side, b.side):
            note = (
                " A price does not say whether it is for input or output tokens,"
                " which are priced apart."
            )
    objects = sorted({c.object for c in figures if c.object})
    if len(objects) > 1:
        note = f" Sources name different objects: {', '.join(objects)}." + note
    if estimates and worst in ("discrepancy", "contradiction"):
        # two third parties' estimates that differ: a dispute between sources, not an error
        a, b = worst_pair  # type: ignore[misc]
        en = (
            f"Disputed: {a.third_party} ({a.article}) and {b.third_party} ({b.article}) give "
            f"different estimates: {a.value.shown} against {b.value.shown}." + note
        )
        ko = f"논쟁 중: 출처마다 추정치가 다르다({a.value.shown} 대 {b.value.shown})."
        return Finding(
            **base,
            verdict="disputed",
            explanation=en,
            explanation_ko=ko,
            arithmetic=steps,
            skipped=sorted(set(skipped)),
            at_issue=_at_issue(base, [(a, b)]),
        )
    if worst == "agree":
        en = f"{len(base['articles'])} sources state figures that agree within rounding." + note
    elif worst == "compatible":
        en = "The figures are compatible: one is a bound or range that the other satisfies." + note
    elif worst == "discrepancy":
        en = (
            "The figures differ by less than 15%: "
            "the same figure, rounded or converted differently." + note
        )
    else:
        en = "The figures cannot both be true: their intervals do not overlap." + note
    ko = f"{len(base['articles'])}개 출처의 수치 비교 결과: {_KO[worst]}."
    return Finding(
        **base,
        verdict=worst,
        explanation=en,
        explanation_ko=ko,
        diagnosis=diagnosis,
        arithmetic=steps,
        skipped=sorted(set(skipped)),
        at_issue=(
            _at_issue(base, [(a, b) for a, b, rel, _ in allowed if rel in _CONFLICTS])
            if worst in _CONFLICTS
            else []
        ),
    )


def _both_supported(
    a: _Member, b: _Member, supported_by: Callable[[str], str | None] | None
) -> str | None:
    """The reference fact that supports both figures, if one does."""
    if supported_by is None:
        return None
    fact = supported_by(a.id)
    return fact if fact is not None and supported_by(b.id) == fact else None


def _at_issue(base: _Base, pairs: list[tuple[_Member, _Member]]) -> list[str]:
    """The claims of the pairs a problem verdict is about, in the group's order; empty when
    they are the whole group (nothing to single out)."""
    named = {m.id for pair in pairs for m in pair}
    if len(named) >= len(base["claims"]):
        return []
    return [claim for claim in base["claims"] if claim in named]


def _one_unit(a: _Member, b: _Member) -> bool:
    """Whether two figures are written in one unit (no conversion between them)."""
    va, vb = a.value, b.value
    if va.native is not None or vb.native is not None:
        return va.native_unit is not None and va.native_unit == vb.native_unit
    return va.unit == vb.unit


def _read(member: _Member, other: _Member):
    """A member's interval as compared with another's: a headline's round figure as headlines
    round, a move of unsaid direction with the other's sign, and two sums written in one
    currency in that currency (two days' rates would set 19만9200원 and 20만 원 apart)."""
    mine, theirs = member.value, other.value
    if mine.native is not None and mine.native_unit == theirs.native_unit:
        mine = replace(mine, interval=mine.native)
        interval = mine.facing(theirs.native)
    else:
        interval = mine.facing(theirs.interval)
    return as_headline(interval) if member.headline else interval


# How many of a group's figures are paired to say what was not compared: a group of thousands
# (a large corpus) would otherwise cost millions of comparisons for a list nobody reads whole.
_APART_SAMPLE = 64


def _apart(topic: str, items: list[_Member]) -> list[str]:
    """Pairs of sources' figures that the gate keeps apart, with the slot that does (among the
    group's first figures, at most 50 lines)."""
    lines = []
    sample = items[:_APART_SAMPLE]
    gates = _Gates(topic, sample)
    for i, a in enumerate(sample):
        for k in range(i + 1, len(sample)):
            b = sample[k]
            if a.article == b.article:
                continue
            passage = gates.passage(i, k)
            if not passage.comparable:
                lines.append(
                    f"{a.article} {a.value.shown} vs {b.article} {b.value.shown}: "
                    f"not compared ({passage.why})"
                )
            if len(lines) >= 50:
                return lines  # a huge group: enough to show why
    return lines


# How many figures on each side, in order of size, are candidates for the closest one; figures
# with an open end ("10억 달러 미만") are always candidates too, as they may be closest to any.
# A group of up to 17 figures is compared exhaustively; in one of thousands (a corpus of thousands
# of articles) each meets its neighbours, so the comparison stays linear.
_NEIGHBOURS = 16


def _closest_pairs(items: list[_Member], topic: str = "") -> list[tuple[_Member, _Member, Gate]]:
    """Each figure with the closest figure of another article in the same unit (first wins ties),
    and the gate's passage between them."""
    pairs: list[tuple[int, tuple[_Member, _Member, Gate]]] = []
    gates = _Gates(topic, items)
    by_unit: dict[str, list[int]] = defaultdict(list)
    for index, member in enumerate(items):
        by_unit[member.value.unit].append(index)
    for indexes in by_unit.values():
        ordered = sorted(
            indexes, key=lambda i: (items[i].value.interval.low, items[i].value.interval.high, i)
        )
        open_ended = [
            i
            for i in ordered
            if math.isinf(items[i].value.interval.low) or math.isinf(items[i].value.interval.high)
        ]
        for rank, i in enumerate(ordered):
            a = items[i]
            candidates: dict[int, Gate] = {}
            for k in open_ended:
                passage = gates.pairing(i, k)
                if passage is not None:
                    candidates[k] = passage
            for step in (-1, 1):
                j, found = rank + step, 0
                while 0 <= j < len(ordered) and found < _NEIGHBOURS:
                    passage = gates.pairing(i, ordered[j])
                    if passage is not None:
                        candidates[ordered[j]] = passage
                        found += 1
                    j += step
            if candidates:
                # a figure whose every slot matches is the one to compare with, however close an
                # unsettled one is: a closer figure of unknown date must not hide a contradiction;
                # nor must a bound ("3% 넘게") that any figure beyond it satisfies hide a point
                settled = [k for k, passage in candidates.items() if passage.settled]
                best = min(
                    sorted(settled or candidates),
                    key=lambda k: (
                        items[k].value.interval.bound and not a.value.interval.bound,
                        _gap(a.value.interval, items[k].value.interval),
                    ),
                )
                pairs.append((i, (a, items[best], candidates[best])))
    return [pair for _, pair in sorted(pairs, key=lambda p: p[0])]


def _side_words(side: str) -> str:
    """ " (input tokens, cache hit)" for the side "input/hit"; "" for no side."""
    tokens, _, cache = side.partition("/")
    return f" ({tokens} tokens{', cache ' + cache if cache else ''})" if tokens else ""


_FRAME_SLOTS = tuple(Frame.model_fields)


class _Gates:
    """The gate's passages between the figures of one list, by their indexes, each worked out
    once per kind of pair: the gate reads only the topic, each figure's frame, what it counts
    (`what`) and whether its unit is a rate, and a group's figures share a few dozen of those
    among hundreds or thousands of figures."""

    def __init__(self, topic: str, items: list[_Member]) -> None:
        self.topic = topic
        self.items = items
        self.kinds = [
            (
                m.what,
                None if m.frame is None else tuple(getattr(m.frame, s) for s in _FRAME_SLOTS),
                "/" in (m.value.unit if m.value else ""),
            )
            for m in items
        ]
        self.known: dict[tuple, Gate] = {}

    def pairing(self, i: int, k: int) -> Gate | None:
        """The passage between figures of two articles that are the same quantity, or None:
        another article is required, and an input-token price is never paired with an
        output-token one (a price whose side is not said may be either)."""
        a, b = self.items[i], self.items[k]
        if a.article == b.article or (a.side and b.side and a.side != b.side):
            return None
        passage = self.passage(i, k)
        if not passage.comparable:
            return None
        if passage.settled and a.value and per_token(a.value.unit) and "" in (a.side, b.side):
            # the side left unsaid is an unknown slot: the prices may agree, never conflict
            return Gate(True, False, False, "measure", "which tokens a price is for is not said")
        return passage

    def passage(self, i: int, k: int) -> Gate:
        """`_gate` between figures i and k."""
        kind = (self.kinds[i], self.kinds[k])
        passage = self.known.get(kind)
        if passage is None:
            passage = self.known[kind] = _gate(self.topic, self.items[i], self.items[k])
        return passage


def _gate(topic: str, a: _Member, b: _Member) -> Gate:
    apart = same_thing(dict(a.what), dict(b.what))
    if apart:
        return Gate(False, False, False, "measure", apart)
    passage = gate(topic, a.frame, b.frame, rate="/" in (a.value.unit if a.value else ""))
    if passage.settled and counted_unknown(topic, dict(a.what), dict(b.what)):
        return Gate(True, False, False, "measure", "what is counted is not said")
    if passage.settled and a.frame and a.frame.moment == "intraday":
        # "오후 1시 40분 현재 10.4%" in one article, "장중 한때 11.4%" in another: two times of
        # one session (a headline and its own body's figure share the report's moment)
        return Gate(True, False, False, "moment", "two articles' times within one session")
    return passage


def _gap(a, b) -> float:
    """How far apart two intervals are, relative to their size (0 when they overlap)."""
    if a.overlaps(b):
        return 0.0
    gap = max(a.low - b.high, b.low - a.high)
    size = max(
        (abs(x) for x in (a.low, a.high, b.low, b.high) if x not in (float("inf"), float("-inf"))),
        default=1.0,
    )
    return gap / size if size else gap


def _understating(va, vb) -> Diagnosis | None:
    """A lower bound far below what another source states ('5% 이상' against '약 17%')."""
    for bound, other in ((va, vb), (vb, va)):
        if bound.interval.bound and other.interval.point is not None:
            edge = (
                bound.interval.high
                if bound.interval.high != float("inf") and other.interval.point < 0
                else bound.interval.low
            )
            far = abs(other.interval.point) >= UNDERSTATES * abs(edge)
            if edge and edge != float("-inf") and far:
                return "understating_bound"
    return None


def _compare_statements(base: _Base, members: list[_Member]) -> Finding:
    polarities = {m.polarity for m in members}
    stances = {m.stance for m in members}
    doubted = stances & {"disputed"}
    if len(polarities) > 1:
        en = "Sources contradict each other: some affirm it, others deny it."
        ko = "출처끼리 모순된다: 어떤 출처는 긍정하고 어떤 출처는 부정한다."
        return Finding(
            **base,
            verdict="contradiction",
            explanation=en,
            explanation_ko=ko,
            diagnosis="stance_conflict",
        )
    if doubted and stances - {"disputed"}:
        en = (
            "Sources disagree: one reports this in order to dispute it, "
            "another states or reports it."
        )
        ko = "출처 간 입장이 다르다: 한 출처는 이를 반박하고 다른 출처는 사실로 전한다."
        return Finding(
            **base,
            verdict="contradiction",
            explanation=en,
            explanation_ko=ko,
            diagnosis="stance_conflict",
        )
    en = f"{len(base['articles'])} sources say the same."
    ko = f"{len(base['articles'])}개 출처가 같은 내용을 전한다."
    return Finding(**base, verdict="agree", explanation=en, explanation_ko=ko)


def conversion_key(first: Claim) -> tuple[str, str, str, float] | None:
    """What a conversion converts ("560만 달러" of DeepSeek's training cost), to find other
    sources converting the same figure; None for a figure without an amount."""
    q = quantity_of(first)
    value = amount(q)
    if value is None:
        return None
    return (first.topic, first.subject or "", q.unit or "", value)


def conversion_finding(
    corpus: Corpus, key: tuple[str, str, str, float], pairs: list[tuple[Claim, Claim]]
) -> Finding:
    """The same foreign figure converted to won by several sources: do the won figures agree?
    Converted on different days they may differ; they disagree only when one is off its own
    day's rate."""
    topic, subject, _unit, value = key
    articles = sorted({p[0].article for p in pairs})
    converted = {(q.value, q.low, q.high) for q in (quantity_of(second) for _, second in pairs)}
    steps = []
    for first, second in pairs:
        qa, qb = quantity_of(first), quantity_of(second)
        a, b = amount(qa), amount(qb)
        implied = (
            f", implying {b / a:,.1f} {qb.unit} per {qa.unit}"
            if a and b  # a range converts at the rate of its lower ends
            else ""
        )
        when = corpus.published(first.article) or "date unknown"
        steps.append(f"{first.article} ({when}): {qa.text} → {qb.text}{implied}")
    off_rate = [second for first, second in pairs if day_rate_fit(corpus, first, second) is False]
    implausible = [second.article for second in off_rate]
    # Converted on different days, the same sum gives different won figures: only a conversion
    # off its own day's rate makes the figures disagree.
    verdict: Verdict = "agree" if len(converted) == 1 or not implausible else "discrepancy"
    off = ", ".join(sorted(set(implausible)))
    en = (
        f"The same {quantity_of(pairs[0][0]).text} appears as {len(converted)} "
        "different converted figures; "
        f"the implied exchange rates differ. Off its own day's rate: {off}."
        if verdict == "discrepancy"
        else "Every source converts it the same way."
    )
    ko = (
        f"같은 금액을 출처마다 다른 환율로 환산했다. 그날 환율에서 벗어난 환산: {off}."
        if verdict == "discrepancy"
        else "출처들의 환산이 같다."
    )
    return Finding(
        id=finding_id("cross_source", "conversion", topic, subject, str(value)),
        kind="cross_source",
        topic=topic,
        subject=subject or None,
        object=None,
        verdict=verdict,
        articles=articles,
        claims=[c.id for p in pairs for c in p],
        sources=[source_row(corpus, c) for p in pairs for c in p],
        explanation=en,
        explanation_ko=ko,
        diagnosis="wrong_rate" if verdict == "discrepancy" else None,
        arithmetic=steps,
        # the conversions off their own day's rate are what the discrepancy is about
        at_issue=[second.id for second in off_rate] if verdict == "discrepancy" else [],
    )
