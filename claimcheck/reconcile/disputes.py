"""Disputes (issue 14): a third party's estimate of another scope does not refute a figure, it
disputes it. "한 분석업체는 서버 등 하드웨어 투자만 최소 10억 달러라고 추정했다" beside
DeepSeek's own final-training-run cost is shown as a dispute between sources, with both scopes
named."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from claimcheck import regexcache as rx
from claimcheck.extract.lexicon import stance_data
from claimcheck.models import Claim, Finding
from claimcheck.reconcile.common import Corpus, finding_id, money, round_sum, source_row
from claimcheck.reconcile.comparability import TRAINING_RUN, figure_in_sentence, what_of

# The figures a dispute can be about: what a model or a company spent, and the chips it used.
COST_TOPICS = frozenset({"training_cost", "peer_cost", "other"})
# Stages of a training run: an estimate of one is a part of the run's cost, not a dispute of it.
STAGES = frozenset({"pre-training", "post-training", "context extension", "reinforcement learning"})


def _estimate_cues() -> list[str]:
    # stance.yaml: the words of a stance cue that make a figure someone's estimate
    return stance_data().estimate_cues


def third_party(claim: Claim) -> str | None:
    """Who gives the figure when it is someone's estimate of another's quantity ("한 분석업체는 …
    추정했다"): the source it is attributed to, or the estimating words in quotes."""
    if claim.stance not in ("attributed", "hedged", "disputed") or _presupposed(claim):
        return None
    if claim.attributed_to and claim.attributed_to != claim.subject:
        if claim.stance == "attributed" and _relays_the_owner(claim):
            return None  # "회사 측은 딥시크가 V3 기술 보고서에서 …라고 소개했다": the owner's word
        return claim.attributed_to
    cue = claim.attributes.get("stance_cue", "")
    if any(word in cue for word in _estimate_cues()):
        return f"a source ('{cue}')"
    if cue in stance_data().claim_cues and _someone_else_speaks(claim):
        return f"a source ('{cue}')"
    if (
        claim.stance == "disputed"
        and not claim.attributes.get("retracted")
        and _someone_else_speaks(claim)
    ):
        # "분석업체는 … 실제 개발비는 최소 13억 달러라며 "557만 달러는 과장된 마케팅"이라고
        # 주장했다": the one who disputes the owner's figure gives a reckoning of its own (not
        # a figure a correction takes back; the owner's figure it quotes is left out where
        # estimates are set against it)
        return f"a source ('{cue}')"
    if claim.stance == "attributed" and _estimated_since_last_figure(claim):
        # "블룸버그는 조사업체의 분석을 인용해, 하이플라이어가 사들인 GPU 값만 13억 달러에
        # 이른다며 …라고 전했다": a reporter passes on someone's estimate of another's spending
        if _someone_else_speaks(claim):
            return f"a source ('{cue}')"
    return None


def _relays_the_owner(claim: Claim) -> bool:
    """Whether the figure is passed on from its owner's own document ("딥시크가 V3 기술
    보고서에서 … 287만8000시간 만에 학습을 끝냈다고 소개하며"): the owner's statement, not the
    speaker's estimate."""
    text, named = _owner_named_before(claim)
    return any(_own_document().match(text, m.end) for m in named)


def _owner_named_before(claim: Claim) -> tuple[str, list]:
    """The claim's sentence as the extractor read it, and the mentions of the figure's owner
    before the figure, in order."""
    from claimcheck.extract.mentions import find_mentions
    from claimcheck.textnorm import normalize

    text = normalize(claim.sentence).text
    at = claim.quantity.start - claim.start if claim.quantity else len(text)
    return text, [m for m in find_mentions(text) if m.entity == claim.subject and m.start < at]


@functools.cache
def _own_document():
    data = stance_data()
    documents = "|".join(map(re.escape, data.owner_documents))
    read_in = "|".join(map(re.escape, data.document_markers))
    return rx.compile(rf"(?:가|이|는|은|의)?\s*(?:\S+\s){{0,2}}?\S*(?:{documents})(?:{read_in})")


def told_by_another(claim: Claim) -> str | None:
    """Within an article, also a figure someone other than its owner tells of ("하버포인트증권은
    "딥시크가 … 20억 달러에 이른다"고 했다", "어떤 리서치 회사는 … 16억 달러라고 하더라고요"):
    set beside the owner's own figure of another scope, it is that source's reckoning. (Across
    articles such a relayed figure stays an ordinary claim: third_party alone decides there.)"""
    who = third_party(claim)
    if who is None and claim.stance == "attributed" and not _presupposed(claim):
        if _summed_before(claim) and _someone_else_speaks(claim):
            return f"a source ('{claim.attributes.get('stance_cue', '')}')"
    return who


def _summed_before(claim: Claim) -> bool:
    """ "서버까지 합치면 16억 달러": a sum the speaker adds up, the words before the figure."""
    from claimcheck.extract.frames import frame_data

    span = figure_in_sentence(claim)
    before = claim.sentence[: span[0]] if span else ""
    return any(word in before for word in frame_data().summing)


_DIGIT = rx.compile(r"\d")


def _estimated_since_last_figure(claim: Claim) -> bool:
    """An estimating word ("분석", "추정") between the previous figure of the sentence (or its
    start) and this one: the words that introduce this figure, not another's."""
    span = figure_in_sentence(claim)
    if span is None:
        return False
    before = claim.sentence[: span[0]]
    digits = list(_DIGIT.finditer(before))
    stretch = before[digits[-1].end() :] if digits else before
    return any(word in stretch for word in _estimate_cues())


# "딥시크가 H800 2048개만으로 R1을 만들었다는 점이 … 끌어올렸다고 본다": the figure stands in a
# clause the sentence takes as given (…다는 점, …라는 사실); the view is about something else
# (…or news passed on: "R1을 557만6000달러에 개발했다는 소식이 … 키웠다"고 분석했다)
_GIVEN = (
    *("다는 점", "라는 점", "는 사실", "다는 사실", "라는 사실"),
    *("다는 소식", "라는 소식", "다는 발표", "다는 보도"),
)


# "557만 달러라는 숫자가 … 가린다고 반박했다": the figure under discussion, named, not estimated
_NAMED_FIGURE = rx.compile(r"^['\"’”]?\s*(?:이)?라는\s*(?:숫자|수치|금액|액수|비용)")


def _cited_before(before: str) -> bool:
    from claimcheck.extract.frames import frame_data

    return any(word in before for word in frame_data().measures.generic.cited)


def _presupposed(claim: Claim) -> bool:
    span = figure_in_sentence(claim)
    if span is None:
        return False
    at, end = span
    if _NAMED_FIGURE.match(claim.sentence[end:]):
        return True
    if _cited_before(claim.sentence[max(0, at - 16) : at]):
        return True  # "흔히 인용되는 훈련비 557만6000달러는 빙산의 일각": the figure quoted
    return any(word in claim.sentence[at:] for word in _GIVEN)


def _someone_else_speaks(claim: Claim) -> bool:
    """ "왕 CEO는 … 딥시크가 H100 5만 개를 갖고 있다고 주장했다": a speaker marked with 은/는
    stands before the figure's owner, who is only the subject of what is reported."""
    # the owner named last before the figure ("딥시크는 …밝혔는데, 한 컨설팅사는 \"…딥시크가 …
    # 3억 달러 이상을 쓴다\"고 주장한다": the second 딥시크 is the one spoken of)
    text, named = _owner_named_before(claim)
    owner = named[-1] if named else None
    if owner is None:
        # the owner unnamed, someone named with 은/는 speaks of it ("미래노동연구원은 "…12억
        # 달러 수준"이라며 … 반박했다")
        return re.search(r"\S(?:은|는)\s", text) is not None
    if text[owner.end : owner.end + 1] in ("은", "는"):
        return False
    return re.search(r"\S(?:은|는)\s", text[: owner.start]) is not None


def _family(claim: Claim) -> str | None:
    q = claim.quantity
    if q is None:
        return None
    if claim.topic in COST_TOPICS and money(q.unit) and "/" not in (q.unit or ""):
        return "money"
    if claim.topic == "gpu_count":
        return "chips"
    return None


def apart_by(estimate: Claim, own: Claim) -> str | None:
    """What makes an estimate another quantity than a source's own figure: its scope (the
    hardware, not the training run), or another chip or model; None when it is the same."""
    scope_e = estimate.frame.scope if estimate.frame else None
    scope_o = own.frame.scope if own.frame else None
    family_e = "training run" if scope_e in TRAINING_RUN else scope_e
    family_o = "training run" if scope_o in TRAINING_RUN or scope_o is None else scope_o
    if family_e in STAGES:
        return None  # a stage of the run is a part of it, not a rival figure for it
    if family_e and family_e != family_o:
        return f"scope: {scope_e} vs {scope_o or 'training run'}"
    # another chip: a fleet ("H100 5만 개"), not the cluster the model was trained on; another
    # model is no dispute but a misattribution, which the reference check finds
    chip_e, chip_o = what_of(estimate).get("chip"), what_of(own).get("chip")
    if chip_e and chip_o and chip_e != chip_o and estimate.frame is not None:
        if estimate.frame.subject_basis == "named":
            return f"chip: {chip_e} vs {chip_o}"
    return None


def _own(claim: Claim) -> bool:
    """A figure the article gives as its subject's own (stated, or attributed to the subject)."""
    if third_party(claim) is not None or claim.stance in ("disputed", "alleged"):
        return False
    if "epithet" in claim.attributes:
        return False  # "'81억 원짜리 AI'": a nickname; the body's own figure is disputed
    return claim.frame is None or claim.frame.measure in (None, "level")


def _same_sum(a: Claim, b: Claim) -> bool:
    """ "557만 달러라는 숫자가 … 가린다고 반박했다": the disputed figure itself, quoted, is no rival
    estimate of it."""
    from claimcheck.reconcile.intervals import interval_of

    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.unit != qb.unit:
        return False
    if {qa.qualifier, qb.qualifier} - {"exact", "approx"}:
        return False  # a bound ("2천 개 남짓") holds many sums: not the same one
    return interval_of(qa).overlaps(interval_of(qb))


def _one_house(a: str, b: str | None) -> bool:
    """The same company, or a company and its parent ("딥시크 모회사 하이플라이어의 서버")."""
    from claimcheck.extract.mentions import entity_parent

    return b is not None and (a == b or entity_parent(a) == b or entity_parent(b) == a)


def _a_whole(claim: Claim) -> bool:
    """A level, total or yearly sum, not a part of a list, pay, a plan or a move."""
    return claim.frame is None or claim.frame.measure not in ("part", "salary", "plan", "change")


def _vague(claim: Claim) -> bool:
    """ "수십억 원": no figure to set an estimate against when a stated one is at hand."""
    q = claim.quantity
    return q is not None and q.value is None and "vague" in q.rule


def _stage(claim: Claim) -> str | None:
    scope = claim.frame.scope if claim.frame else None
    return scope if scope in STAGES else None


def _of_a_model(claim: Claim) -> bool:
    """A sum of one of the owner's own models ("V3 기술보고서에 적은 557만6000달러"), not of a
    rival's ("오픈AI o1은 … 60달러")."""
    from claimcheck.extract.mentions import entity_parent, entity_type

    if not claim.object or entity_type(claim.object) != "model":
        return False
    maker: str | None = claim.object
    for _ in range(4):  # a model's family, then its maker
        maker = entity_parent(maker) if maker else None
        if maker is None or maker == claim.subject:
            return maker is not None
    return False


# an exact figure, then a rounded one ("557만6000달러" before "약 560만 달러"), then a bound
_QUALIFIER_ORDER = {"exact": 0, "approx": 1}


def _own_order(claim: Claim) -> tuple[bool | int, ...]:
    q = claim.quantity
    qualifier = _QUALIFIER_ORDER.get(q.qualifier, 2) if q is not None else 0
    return (
        _stage(claim) is not None,
        _vague(claim),
        qualifier == 2,  # a bound ("600만 달러도 안 되는") holds many sums: any stated one first
        claim.topic == "other",
        claim.section != "body",
        qualifier,
        round_sum(claim),  # "557만6000달러" before the round "600만 달러" of a catchphrase
    )


def _dispute(
    corpus: Corpus, kind: str, estimate: Claim, own: Claim, why: str, who: str | None = None
) -> Finding:
    who = who or third_party(estimate) or "a third party"
    q_e, q_o = estimate.quantity, own.quantity
    assert q_e is not None and q_o is not None
    en = (
        f"Disputed: {who} estimates {q_e.text} ({why.split(': ', 1)[-1].split(' vs ')[0]}), "
        f"against {q_o.text} ({own.article}, line {own.line}). They measure different things "
        f"({why}): neither refutes the other."
    )
    ko = (
        f"논쟁 중: {who}의 추정치 {q_e.text}는 {q_o.text}({own.article} {own.line}행)와 "
        f"다른 대상을 잰 수치다({why}). 어느 쪽도 다른 쪽을 반박하지 않는다."
    )
    return Finding(
        id=finding_id(kind, "dispute", estimate.id, own.id),
        kind=kind,  # type: ignore[arg-type]
        topic=own.topic,
        subject=own.subject,
        object=own.object,
        verdict="disputed",
        articles=sorted({estimate.article, own.article}),
        claims=[estimate.id, own.id],
        sources=[source_row(corpus, estimate), source_row(corpus, own)],
        explanation=en,
        explanation_ko=ko,
        arithmetic=[f"{q_e.text} vs {q_o.text}: {why}"],
    )


def disputes_within(corpus: Corpus) -> list[Finding]:
    """In each article, a third party's estimate of another scope (or chip, or model) beside the
    article's own figure of the same kind for the same subject: one finding per estimate."""
    from claimcheck.reconcile.common import conversion_pairs

    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        if _family(claim):
            by_article[claim.article].append(claim)
    # "16억 달러(약 2조1700억 원)": the conversion is the same estimate, disputed once
    converted = {second.id for _, second in conversion_pairs(corpus)}
    findings = []
    for _article, claims in sorted(by_article.items()):
        for estimate in claims:
            told = told_by_another(estimate)
            if told is None or not _a_whole(estimate) or estimate.id in converted:
                continue
            if any(_same_sum(estimate, own) for own in claims if own is not estimate and _own(own)):
                continue  # "557만 달러는 과장된 마케팅": the owner's figure quoted, no estimate
            # the article's own figure for the whole run before one of its stages
            # a stated cost or count before an unclassified sum, the run's total before a stage
            # and of those, the one the body states exactly (not a headline's, not a bound)
            # the figure the estimate's own sentence sets it against first ("딥시크가 최종
            # 훈련비로 밝힌 557만6000달러는 …"), then by _own_order
            owns = sorted(claims, key=lambda c: (c.sentence != estimate.sentence, *_own_order(c)))
            for own in owns:
                if own is estimate or not _own(own) or _family(own) != _family(estimate):
                    continue
                if estimate.subject is None or not _one_house(estimate.subject, own.subject):
                    continue  # an estimate of a group's or nobody's quantity disputes no one's
                if own.subject is None or (own.topic == "other" and not _of_a_model(own)):
                    # the article's own figure must be a claimed cost or chip count: a sum of
                    # a named model ("V3 기술보고서에 적은 557만6000달러") is one
                    continue
                why = apart_by(estimate, own)
                if why and not _same_sum(estimate, own):
                    findings.append(_dispute(corpus, "internal", estimate, own, why, told))
                    break
    return findings
