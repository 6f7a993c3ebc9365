"""Internal findings: an article against itself (its conversions, its headline against its body)."""

from __future__ import annotations

from collections import defaultdict

from claimcheck import regexcache as rx
from claimcheck.models import Claim, Diagnosis, Finding, Frame
from claimcheck.reconcile.common import (
    Corpus,
    amount,
    conversion_pairs,
    day_rate_fit,
    finding_id,
    money,
    quantity_of,
    rounding_covers,
    source_row,
    stated_top,
)
from claimcheck.reconcile.comparability import (
    MARKET,
    counted_unknown,
    gate,
    label_of,
    same_thing,
    top_pay,
    what_of,
)
from claimcheck.reconcile.cross import group_key
from claimcheck.reconcile.disputes import STAGES, disputes_within
from claimcheck.reconcile.intervals import as_headline, digit_slip, magnitude_apart
from claimcheck.reconcile.values import comparable
from claimcheck.verdicts import Verdict

# A headline figure more than this far from the body's is a different figure, not a rounding.
HEADLINE_TOLERANCE = 0.05
_DECIMAL = rx.compile(r"\d\.\d")


def internal(corpus: Corpus) -> list[Finding]:
    findings = [
        _conversion(corpus, first, second)
        for first, second in conversion_pairs(corpus)
        # a vague "수천억 원" implies no rate; a loss converted ("-5억 달러(약 -7000억 원)") is
        # checked by its size, and a sum whose sign the conversion drops implies none
        if (_amount(first) or 0) * (_amount(second) or 0) > 0
    ]
    # "3800억 위안(약 520억 달러, 약 95조 원)": in a chain of conversions, a figure that converts
    # its source right is no party to the next conversion's error; the later one is at issue
    converted_right = {
        f.claims[1] for f in findings if f.verdict == "consistent" and len(f.claims) == 2
    }
    findings = [
        f.model_copy(update={"at_issue": [f.claims[1]]})
        if f.verdict == "inconsistent" and f.claims[0] in converted_right
        else f
        for f in findings
    ]
    findings.extend(_rates_within_article(corpus, converted_right))
    findings.extend(_headline_vs_body(corpus))
    findings.extend(disputes_within(corpus))
    return findings


def _amount(claim: Claim) -> float | None:
    return amount(quantity_of(claim))


def _conversion(corpus: Corpus, first: Claim, second: Claim) -> Finding:
    from claimcheck import fx

    published = corpus.published(first.article)
    a, b = quantity_of(first), quantity_of(second)
    money_a, money_b = money(a.unit), money(b.unit)
    amount_a, amount_b = abs(_amount(first) or 0), abs(_amount(second) or 0)
    # conversion_pairs pairs money figures; internal() passes only those with amounts of a sign.
    assert money_a and money_b and amount_a and amount_b
    try:
        check = fx.implied_rate_check(amount_a, money_a[0], amount_b, money_b[0], published)
    except fx.RateUnavailableError as missing:
        return _without_rate(corpus, first, second, missing)
    verdict: Verdict = "consistent" if check.plausible else "inconsistent"
    steps = [
        f"{b.text} / {a.text} = {check.implied_rate:,.1f} {check.quote} per {check.base}",
        f"reference rate: {check.reference.rate:,.2f} ({check.reference.explanation_en})",
        f"difference: {check.relative_difference:+.1%}",
    ]
    covered = rounding_covers(a, b, check)
    if not check.plausible and covered:
        verdict = "consistent"  # "200만 달러(약 29억 원)": 29억 is 28.5억–29.5억 as written
        steps.append(covered)
    return _conversion_finding(
        corpus,
        first,
        second,
        verdict=verdict,
        explanation=check.explanation_en,
        explanation_ko=check.explanation_ko,
        diagnosis=None if verdict == "consistent" else "wrong_rate",
        arithmetic=steps,
    )


def _without_rate(corpus: Corpus, first: Claim, second: Claim, missing) -> Finding:
    """No rate near the article's date: the conversion cannot be checked, never 'inconsistent'."""
    a, b = quantity_of(first), quantity_of(second)
    return _conversion_finding(
        corpus,
        first,
        second,
        verdict="unverifiable",
        explanation=f"{a.text} = {b.text} cannot be checked: {missing}.",
        explanation_ko=f"{a.text} = {b.text} 환산은 확인할 수 없다: {missing.message_ko}.",
        diagnosis="no_rate",
        arithmetic=[f"reference rate: none, {missing}"],
    )


def _conversion_finding(corpus: Corpus, first: Claim, second: Claim, **judged) -> Finding:
    """The finding on a figure and its bracketed conversion, with what was judged of it."""
    return Finding(
        id=finding_id("internal", "conversion", first.id, second.id),
        kind="internal",
        topic=first.topic,
        subject=first.subject,
        object=first.object,
        articles=[first.article],
        claims=[first.id, second.id],
        sources=[source_row(corpus, first), source_row(corpus, second)],
        **judged,
    )


def _rates_within_article(corpus: Corpus, converted_right: set[str]) -> list[Finding]:
    """Two conversions in one article that imply different rates (`converted_right`: figures
    that convert their own source right, no party to a later conversion's error)."""
    by_article: dict[str, list[tuple[Claim, Claim]]] = defaultdict(list)
    for pair in conversion_pairs(corpus):
        by_article[pair[0].article].append(pair)
    findings = []
    for article_id, pairs in sorted(by_article.items()):
        rates = []
        for first, second in pairs:
            qa, qb = quantity_of(first), quantity_of(second)
            currencies = ((money(qa.unit) or ("",))[0], (money(qb.unit) or ("",))[0])
            amount_a, amount_b = _amount(first), _amount(second)
            if currencies == ("USD", "KRW") and amount_a and amount_b and amount_a * amount_b > 0:
                rates.append((amount_b / amount_a, first, second))
        if len(rates) < 2:
            continue
        low, high = min(r[0] for r in rates), max(r[0] for r in rates)
        spread = high / low - 1
        verdict: Verdict = "consistent" if spread <= 0.03 else "inconsistent"
        steps = [
            f"{quantity_of(f).text} → {quantity_of(s).text}: {r:,.1f} KRW/USD" for r, f, s in rates
        ]
        steps.append(f"spread between the implied rates: {spread:.1%}")
        # Where the day's rate is known, rates apart are a problem only through a conversion
        # off that rate, and those are what is at issue; rounded small sums ("약 3200원") that
        # each fit the day are not at odds with each other.
        # (With no date, only the spread tells that one of them is off.)
        fits = [(day_rate_fit(corpus, f, s), f, s) for _, f, s in rates]
        off_rate = [
            c.id
            for fit, f, s in fits
            if fit is False
            for c in (f, s)
            if c is s or c.id not in converted_right
        ]
        dated = corpus.published(article_id) is not None
        en = f"The article's conversions imply rates {spread:.1%} apart."
        ko = f"기사 안의 환산들이 서로 {spread:.1%} 다른 환율을 쓴다."
        if verdict == "inconsistent" and dated and all(fit for fit, _, _ in fits):
            verdict = "consistent"
            steps.append("each conversion fits the day's rate")
            en = en[:-1] + ", each within the day's rate as rounded."
            ko = (
                f"기사 안의 환산들이 서로 {spread:.1%} 다른 환율을 쓰지만, "
                "모두 그날 환율의 반올림 범위 안이다."
            )
        findings.append(
            Finding(
                id=finding_id("internal", "rates", article_id),
                kind="internal",
                topic="training_cost"
                if all(f.topic == "training_cost" for _, f, _ in rates)
                else rates[0][1].topic,
                subject=None,
                object=None,
                verdict=verdict,
                articles=[article_id],
                claims=[c.id for _, f, s in rates for c in (f, s)],
                at_issue=off_rate if verdict == "inconsistent" else [],
                explanation=en,
                explanation_ko=ko,
                diagnosis=None if verdict == "consistent" else "wrong_rate",
                arithmetic=steps,
            )
        )
    return findings


def _headline_vs_body(corpus: Corpus) -> list[Finding]:
    """A figure in the headline or summary against the body's on the same topic and subject."""
    findings = []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        if claim.quantity is not None:
            by_article[claim.article].append(claim)
    for article_id, claims in sorted(by_article.items()):
        published = corpus.published(article_id)
        tops = [c for c in claims if c.section in ("headline", "summary")]
        body = [c for c in claims if c.section == "body"]
        for top in tops:
            mine = comparable(_stated_top(top), published)
            if mine is None:
                continue
            owner = _abridged_owner(top, body)
            # each body figure's passage to the headline's, worked out once
            passage_of = {
                c.id: gate(top.topic, *_story_time(*_pair_frames(top, c), published, top.topic))
                for c in body
                if c.topic == top.topic and c.subject == owner and c.story == top.story
            }
            peers = [
                (c, comparable(_stated_top(c), published))
                for c in body
                if c.id in passage_of
                and _same_object(top, c)
                and not same_thing(_abridged_what(top, c), what_of(c))
                and not (
                    top.topic == "funding" and counted_unknown(top.topic, what_of(top), what_of(c))
                )
                and passage_of[c.id].comparable
                and not _past_intraday(top, c, published)
                and not _opposite_moves(top, c)
                and not _other_side(top, c)
                # a result compared back ("1년 전 같은 분기") is of another period
                and not (top.topic == "earnings" and c.frame is not None and c.frame.since)
            ]
            # the body's own figures, not a forecast it beat ("시장 예상치(180억 원)를 웃돌았다")
            stated = [(c, v) for c, v in peers if c.stance != "hedged"]
            if stated and top.stance != "hedged":
                peers = stated
            # a body figure hundreds of times the headline's is another quantity it names
            peers = [
                (c, v)
                for c, v in peers
                if v is not None
                and v.unit == mine.unit
                and not magnitude_apart(mine.interval, v.interval, rounded_slips=True)
            ]
            # a headline that names no stage abridges the whole run, not one of its stages, when
            # the body gives the whole ("GPU 2780만 시간" over 278만8000 and its 266만4000 of
            # pre-training)
            whole = [(c, v) for c, v in peers if not _a_stage(c)]
            if whole and not _a_stage(top):
                peers = whole
            if not peers:
                continue
            finding = _compare_top(corpus, top, mine, peers)
            passages = [passage_of[c.id] for c, _ in peers]
            if all(p.allows(finding.verdict) for p in passages):
                findings.append(finding)
                continue
            # a body figure of an unsettled owner or time ("16.97% 폭락한 뒤", the story's
            # company by default) cannot make the headline wrong; those that are settled still can
            settled = [pair for pair, p in zip(peers, passages, strict=True) if p.settled]
            if settled and len(settled) < len(peers):
                finding = _compare_top(corpus, top, mine, settled)
                if finding.verdict != "consistent":
                    findings.append(finding)
    return findings


def _abridged_owner(top: Claim, body: list[Claim]) -> str | None:
    """Whose a headline's market figure is: its own owner, unless the headline leaves it to the
    story's company or names one whose shares are not traded ("'딥시크 월요일' 시총 6890억 달러
    증발"); then the one listed company whose figures of that topic the body gives, if only one."""
    from claimcheck.extract.mentions import entity_listed

    if top.topic not in MARKET or top.frame is None:
        return top.subject
    if top.subject is not None and entity_listed(top.subject):
        if top.frame.subject_basis != "story":
            return top.subject
    owners = {c.subject for c in body if c.topic == top.topic and c.subject}
    listed = {o for o in owners if entity_listed(o)}
    return listed.pop() if len(listed) == 1 else top.subject


def _past_intraday(top: Claim, body: Claim, published) -> bool:
    """A headline that names no moment reports a past session's result, its close: the body's
    intraday low of that session ("장중 한때 11.4% 빠졌다가 …에 장을 마쳤다") is not what it
    abridges. Only a live report (the session is the day of publication) heads its intraday
    figure ("SK하이닉스 12% 급락" over "오후 1시 40분 현재 10.4% 내린")."""
    if top.frame is None or body.frame is None or top.frame.moment is not None:
        return False
    if body.frame.moment != "intraday":
        return False
    day = body.frame.as_of
    return published is not None and day is not None and day < published.isoformat()


def _opposite_moves(top: Claim, body: Claim) -> bool:
    """A headline's fall is not the body's rise ("9.68% 급락 딛고 반등" over "이번 주 5.2% 오르며"):
    a move said to go the other way is another move, which the body tells beside it."""
    ours, theirs = top.attributes.get("direction"), body.attributes.get("direction")
    return ours is not None and theirs is not None and ours != theirs


def _other_side(top: Claim, body: Claim) -> bool:
    """A token price of one side is not the other side's ("출력 100만 토큰 0.55달러" over "입력 …
    0.55달러, 출력 … 2.19달러"): the output price is compared with the output price only."""
    ours, theirs = top.attributes.get("tokens"), body.attributes.get("tokens")
    return ours is not None and theirs is not None and ours != theirs


def _same_object(top: Claim, body: Claim) -> bool:
    """Where the topic keys on what a figure is of (as across sources, cross.group_key), a
    headline's figure of one thing is not the body's of another ("챗GPT는 하루 이용자 100만 명"
    against DeepSeek's users); a figure that names nothing is of the owner's own thing."""
    a, b = group_key(top)[2], group_key(body)[2]
    if top.topic == "other" and not (a and a == b):
        # an unclassified figure is the same thing only when both name it, or are one unowned
        # figure told twice
        return not (a or b) and _told_twice(top, body)
    if a and b:
        return a == b
    named = a or b
    if not named:
        return True
    from claimcheck.extract.mentions import entity_parent

    # one names nothing: the story's own thing, so the other must be the owner's, not a rival's
    return named == top.subject or entity_parent(named) in (None, top.subject)


def _story_time(top: Frame | None, body: Frame | None, published, topic: str = "") -> tuple:
    """A headline and a body figure that neither dates hold at the story's own time: an article
    tells of its day unless it says otherwise ("코스피 1.2% 하락 마감" over "0.77% 내린 채"). A
    result the body gives without its period is of the period the headline names ("1분기 영업익
    4조7405억" over "영업이익 7조4405억 원")."""
    if top is None or body is None or published is None:
        return top, body
    if topic == "earnings" and top.as_of and not body.as_of and not body.since:
        return top, body.model_copy(update={"as_of": top.as_of})
    if top.as_of or top.since or body.as_of or body.since:
        return top, body
    day = published.isoformat()
    return top.model_copy(update={"as_of": day}), body.model_copy(update={"as_of": day})


def _a_stage(claim: Claim) -> bool:
    return claim.frame is not None and claim.frame.scope in STAGES


def _abridged_what(top: Claim, body: Claim) -> dict[str, str | None]:
    """What a headline figure is of, with the listing it leaves unsaid taken from the body's
    ("TSMC 13.3% 하락" over "TSMC의 미국예탁증권(ADR)은 13.3%")."""
    what = what_of(top)
    if "listing" not in top.attributes and "market" not in top.attributes:
        what["market"] = what_of(body)["market"]
    return what


def _abridged(top: Claim, body: Claim):
    """A headline's frame with what it leaves unsaid taken from the body figure it abridges: a
    headline or deck repeats the story's figure without its date or session ("SK하이닉스 12%
    급락"); it does not introduce another day."""
    if top.frame is None or body.frame is None:
        return top.frame
    filled = {
        slot: getattr(body.frame, slot)
        for slot in ("as_of", "since", "moment", "scope")
        if getattr(top.frame, slot) is None
    }
    if top.frame.subject_basis == "none":
        filled["subject_basis"] = body.frame.subject_basis
    return top.frame.model_copy(update=filled)


def _one_unowned_figure(top: Claim, body: Claim) -> bool:
    """A headline's and a body's figure that name no owner but the same pay or rate ("초봉
    5800만 원" over "평균 초봉은 5100만 원"): one article's own figure, told twice. (Owned pay is
    left out: a company's top pay and its recruits' pay, "연봉 최고 150만 위안" and "신입 박사급도
    연봉 90만 위안", are two figures.)"""
    metric = top.attributes.get("metric")
    unowned = top.subject is None and body.subject is None
    return bool(metric) and unowned and metric == body.attributes.get("metric")


# charges by the period ("월 3만3000원 요금제" over "월 요금은 2만3000원")
_PERIODIC = ("/month", "/week")


def _one_charge(top: Claim, body: Claim) -> bool:
    """A headline's and a body's charge by the period, of one owner or of none: the story's plan
    or subscription, told twice (the owner is matched by the caller)."""
    qa, qb = top.quantity, body.quantity
    return bool(qa and qb and qa.unit == qb.unit and qa.unit and qa.unit.endswith(_PERIODIC))


def _stated_top(claim: Claim) -> Claim:
    """A top of a pay offer ("연봉 최대 120만 위안") as the top it states: two offers' tops are
    compared as figures, not as ranges below them that always overlap."""
    q = claim.quantity
    if q is None or q.qualifier != "at_most" or q.high is None or not top_pay(claim):
        return claim
    return claim.model_copy(update={"quantity": stated_top(q)})


def _one_top_pay(top: Claim, body: Claim) -> bool:
    """A headline's and a body's top of one owner's pay offer of one kind ("신입 연봉 최대 150만
    위안" over "연봉 최대 120만 위안"): one figure told twice (the owner is matched by the caller;
    not a top and a recruit's pay, "연봉 최고 150만 위안" and "신입도 연봉 90만 위안")."""
    metric = top.attributes.get("metric")
    return (
        bool(metric) and metric == body.attributes.get("metric") and top_pay(top) and top_pay(body)
    )


def _one_label(top: Claim, body: Claim) -> bool:
    """A headline's and a body's unclassified figure of one label ("매출 27%↑" over "매출이 1년
    전보다 72% 늘어난"): one figure told twice (the owner is matched by the caller)."""
    label = label_of(top)
    return label is not None and label == label_of(body)


def _told_twice(top: Claim, body: Claim) -> bool:
    """Whether a headline's unclassified figure and a body's are one figure told twice: the same
    unowned pay or rate, charge by the period, label, or top of a pay offer."""
    return (
        _one_unowned_figure(top, body)
        or _one_charge(top, body)
        or _one_label(top, body)
        or _one_top_pay(top, body)
    )


def _pair_frames(top: Claim, body: Claim) -> tuple[Frame | None, Frame | None]:
    """The headline's frame as it abridges the body figure, and the body figure's; both owned by
    the story when they name no owner and are one figure told twice (_told_twice)."""
    ours, theirs = _abridged(top, body), body.frame
    if ours is None or theirs is None:
        return ours, theirs
    if not (top.subject is None and body.subject is None and _told_twice(top, body)):
        return ours, theirs
    story = {"subject_basis": "story"}
    return ours.model_copy(update=story), theirs.model_copy(update=story)


def _compare_top(corpus: Corpus, top: Claim, mine, peers) -> Finding:
    steps = [f"{top.section}: {mine.shown}"] + [f"body line {c.line}: {v.shown}" for c, v in peers]
    verdict: Verdict = "inconsistent"
    diagnosis: Diagnosis | None = None
    # a headline written to a decimal place says that place ("9.68% 급락" over the body's 9.86%:
    # two digits swapped, not a rounding)
    to_the_decimal = _DECIMAL.search(top.quantity.text) if top.quantity else None
    slipped = by_a_point = False  # a body point figure that lacks its decimal; one that agrees
    agreeing: set[str] = set()  # the body figures the headline's agrees with or lies within
    for claim, value in peers:
        # a move whose direction one side leaves unsaid takes the other's ("도담 11% 뚝")
        theirs = value.facing(mine.interval)
        ours = mine.facing(theirs)
        if ours.point is not None and theirs.point is not None:
            diff = ours.point / theirs.point - 1
            steps.append(f"{top.section} vs body: {diff:+.1%}")
            reciprocal = value.unit == "ratio" and ours.point > 0 < theirs.point
            if to_the_decimal and not ours.overlaps(theirs):
                diagnosis = digit_slip(abs(ours.point), abs(theirs.point))
                slipped = True
                continue
            if abs(diff) <= HEADLINE_TOLERANCE:
                verdict = "consistent"
            elif reciprocal and abs(ours.point * theirs.point - 1) <= 0.1:
                verdict = (
                    "consistent"  # "4분의 1" against "4배": the same ratio seen from each side
                )
                steps.append(f"{top.section} and body give the same ratio from either side")
            elif top.section == "headline" and as_headline(ours).overlaps(theirs):
                verdict = "consistent"  # "600만 달러 AI" for 557만6000달러: headlines round
                steps.append(f"the headline rounds to one digit: {as_headline(ours).describe()}")
            else:
                diagnosis = digit_slip(abs(ours.point), abs(theirs.point))
                continue
            by_a_point = by_a_point or verdict == "consistent"
            agreeing.add(claim.id)
        elif ours.overlaps(theirs):
            verdict = "consistent"
            agreeing.add(claim.id)
    if verdict == "consistent" and slipped and not by_a_point:
        # "SK하이닉스 19.86% 폭락" over "9.86% 내린 19만9200원" and "장중 11% 넘게": a bound the
        # figure lies within does not confirm a decimal figure the body's own point figure denies
        verdict = "inconsistent"
        steps.append(f"only a bound of the body holds the {top.section}'s figure")
    if verdict == "consistent":
        diagnosis = None
        en = f"The {top.section} figure agrees with the body."
        ko = (
            "제목·요약의 수치가 본문과 맞는다."
            if top.section == "headline"
            else "요약의 수치가 본문과 맞는다."
        )
    else:
        en = f"The {top.section} states a figure the body does not support."
        ko = "제목·요약의 수치가 본문의 수치와 다르다."
    return Finding(
        id=finding_id("internal", "headline", top.id),
        kind="internal",
        topic=top.topic,
        subject=top.subject,
        object=top.object,
        verdict=verdict,
        articles=[top.article],
        claims=[top.id] + [c.id for c, _ in peers],
        sources=[source_row(corpus, top)] + [source_row(corpus, c) for c, _ in peers],
        explanation=en,
        explanation_ko=ko,
        diagnosis=diagnosis,
        arithmetic=steps,
        at_issue=_headline_at_issue(top, peers, agreeing) if verdict == "inconsistent" else [],
    )


def _headline_at_issue(top: Claim, peers, agreeing: set[str]) -> list[str]:
    """What a wrong headline figure is wrong against: not a body bound it lies within ("장중 11%
    넘게"), nor, when the body gives the day's close, a move within the session ("SK하이닉스 6.86%
    급락한 날" over "9.86% 내린 … 마감" and "오전 10시 20분께에는 11.3% 내린"); the finding shows
    them as context. Empty when every body figure is at issue."""
    against = [c for c, _ in peers if c.id not in agreeing]
    closes = [c for c in against if c.frame is not None and c.frame.moment == "close"]
    told_in_session = top.frame is not None and top.frame.moment == "intraday"
    if closes and not told_in_session:
        against = [c for c in against if c.frame is None or c.frame.moment != "intraday"]
    if len(against) == len(peers):
        return []
    return [top.id] + [c.id for c in against]
