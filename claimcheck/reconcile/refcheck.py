"""Reference findings: each claim against the cited reference facts."""

from __future__ import annotations

import math
from collections import defaultdict

from claimcheck import regexcache as rx
from claimcheck.models import Claim, Finding, ReferenceCitation
from claimcheck.reconcile.common import Corpus, finding_id, source_row, stated_top
from claimcheck.reconcile.intervals import (
    PRECISE_DIGITS,
    PRECISE_MISS,
    UNDERSTATES,
    Interval,
    decimals,
    digit_slip,
    magnitude_apart,
    significant_digits,
)
from claimcheck.reconcile.values import comparable, native_value, rate_unit
from claimcheck.reference import ReferenceFact, ReferenceTable, RefQuantity

_KO = {
    "supported": "사실",
    "mostly_supported": "대체로 사실",
    "misleading": "오해의 소지",
    "refuted": "사실 아님",
    "misattributed": "다른 대상의 수치",
    "unverifiable": "판단 유보",
}
TRAINING_SCOPES = {"final training run", "training", "compute"}
NEAR = 0.15


def reference_findings(corpus: Corpus, table: ReferenceTable) -> list[Finding]:
    from claimcheck.reconcile.common import conversion_pairs

    converted = {second.id for _, second in conversion_pairs(corpus)}
    moves: dict[str, list[Claim]] = defaultdict(list)  # each article's dated market figures
    for claim in corpus.claims:
        if claim.section == "body" and claim.topic in _MARKET and claim.frame and claim.frame.as_of:
            moves[claim.article].append(claim)
    findings = []
    for claim in corpus.claims:
        if claim.id in converted:
            continue  # "(약 81억 원)": its figure is checked; a wrong rate is the conversion's
        claim = _dated_as_its_body(claim, moves.get(claim.article, ()))
        candidates = _known_by(_candidates(table, claim), corpus.published(claim.article))
        if not candidates:
            continue
        verdict, fact, steps, diagnosis, note = _judge(corpus, claim, candidates, table)
        if fact is None:
            continue  # no fact of the claim's day and place
        if verdict in ("refuted", "misattributed") and claim.quantity is not None:
            from claimcheck.reconcile.disputes import third_party

            who = third_party(claim)
            # (a model's published make-up, stated as fact by whoever says it, "…학습에 쓰인 토큰만
            # 148조 개"라고 주장했다, is no estimate of another scope: it is checked)
            stated_spec = bool(claim.attributes.get("spec")) and claim.stance == "attributed"
            # (nor is a session's close said as fact: "코스피는 … 31일 1.77% 내린 2517.37에
            # 마감했고"라고 말했다, a record everyone reads alike)
            stated_record = (
                claim.topic in _MARKET
                and claim.stance == "attributed"
                and claim.frame is not None
                and claim.frame.moment == "close"
            )
            if who is not None and not (stated_spec or stated_record):
                # an estimate of another's quantity disputes the record at most; it is no
                # error of the article's (issue 14)
                steps.append(f"would be {verdict}, but it is an estimate by {who}")
                verdict, diagnosis, note = "unverifiable", None, f"an estimate by {who}"
        if verdict == "refuted" and claim.quantity is None and claim.stance == "hedged":
            # "HBM 없이도 만들 수 있다면 …": a premise or a guess is not the article's assertion
            steps.append("would be refuted, but the article puts it as a premise or a guess")
            verdict, diagnosis, note = "unverifiable", None, "put as a premise or a guess"
        rejected = claim.stance == "disputed"
        if verdict in ("refuted", "misattributed", "mostly_supported") and rejected:
            # "…다는 건 오해", "오해 3. \"…\"": the article names the claim to reject it; no
            # error of its own
            steps.append(f"would be {verdict}, but the article disputes the claim itself")
            verdict, diagnosis, note = "unverifiable", None, "the article disputes this claim"
        if diagnosis == "wrong_rate" and claim.id not in converted:
            diagnosis = "rounded"  # a won figure of its own, not a conversion of a stated one
        findings.append(_finding(corpus, claim, verdict, fact, steps, diagnosis, note))
    return findings


_MARKET = ("stock_change", "market_value")


def _dated_as_its_body(claim: Claim, body_moves) -> Claim:
    """A headline's market move with no day of its own abridges the body's of the same company
    and session ("SK하이닉스 5% 넘게 밀려" over "31일 … 9.86% 내린"): it is of the day the body's
    moves of that company are, when they are all of one day."""
    frame = claim.frame
    if claim.section == "body" or claim.topic not in _MARKET:
        return claim
    if frame is None or frame.as_of or frame.since:
        return claim
    bodies = {
        (c.frame.as_of, c.frame.moment)
        for c in body_moves
        if c.topic == claim.topic
        and c.subject == claim.subject
        and c.frame is not None
        and c.frame.measure == frame.measure
        and (frame.moment is None or c.frame.moment in (None, frame.moment))
    }
    if len(bodies) != 1:
        return claim
    ((day, moment),) = bodies  # the session's day, and its moment when the headline says none
    dated = frame.model_copy(update={"as_of": day, "moment": frame.moment or moment})
    return claim.model_copy(update={"frame": dated})


def _known_by(facts: list[ReferenceFact], published) -> list[ReferenceFact]:
    """The facts that were on record when the article was written: a figure first disclosed in
    September (R1's cost in Nature) neither supports nor refutes what an April article says
    was claimed. A fact dated only by year or month, or an article of unknown date, keeps all."""
    if published is None:
        return facts
    day = published.isoformat()
    return [f for f in facts if len(f.as_of) < 10 or f.as_of[:10] <= day]


def _family(entity: str | None) -> set[str]:
    if entity is None:
        return set()
    from claimcheck.extract.mentions import entity_parent

    family = {entity}
    parent = entity_parent(entity)
    if parent:
        family.add(parent)
    if entity == "deepseek":
        family.add("deepseek-app")
    return family


def _is_hardware(entity: str | None) -> bool:
    """A chip or generic hardware (a GPU's rental price is about the chips the fact names)."""
    from claimcheck.extract.mentions import entity_type

    return entity is not None and entity_type(entity) in ("chip", "hardware")


def _counts_a_spec(fact: ReferenceFact) -> bool:
    """Whether a fact counts a model's parameters or tokens (its `counted` says so)."""
    from claimcheck.extract.lexicon import topic_data

    counted = str(fact.attributes.get("counted", ""))
    return any(spec in counted for spec in topic_data().model_spec_nouns)


def _candidates(table: ReferenceTable, claim: Claim) -> list[ReferenceFact]:
    spec = claim.attributes.get("spec")
    if spec and claim.quantity is not None and claim.object:
        # a model's parameters or tokens: the facts that count the same of that model, whatever
        # topic they are filed under ("V3는 전체 매개변수가 6170억 개" against the MoE record)
        return [
            fact
            for fact in table.facts
            if fact.quantity is not None
            and spec in str(fact.attributes.get("counted", ""))
            and (
                claim.object in (fact.object, fact.attributes.get("model"))
                or _applies_also_to(fact, claim.object)
            )
        ]
    topics = {claim.topic}
    if claim.topic in ("training_cost", "peer_cost"):
        # whose cost it is decides, not whether the story is about them (the subject is matched
        # strictly below for a peer's cost)
        topics |= {"training_cost", "peer_cost"}
    if claim.topic == "technique" and claim.stance == "alleged":
        topics.add("allegation")
    facts = [f for t in topics for f in table.find(topic=t)]
    rate = rate_unit(claim)
    if rate is not None:
        # A price per something (USD/gpu_hour) is checked against facts in the same rate,
        # whatever topic the sentence around it was given, and never against plain sums.
        facts = [f for f in table.facts if f.quantity and f.quantity.unit == rate]
        side = claim.attributes.get("tokens")
        if side:
            # an input-token price is checked against input prices only, an output one likewise
            facts = [f for f in facts if f.attributes.get("tokens") in (None, side)]
            cache = claim.attributes.get("cache")
            if cache:
                facts = [f for f in facts if f.attributes.get("cache") in (None, cache)]
        # a discount or a price of certain hours is checked only against such a price
        pricing = claim.attributes.get("pricing")
        facts = [f for f in facts if f.attributes.get("pricing") == pricing]
    subjects = _family(claim.subject)
    if not subjects or (claim.topic == "performance_parity" and claim.object is None):
        return []  # nothing says whom the claim is about: any match would be a guess
    # whose figure it is decides for a technique's figure ("Qwen3의 파라미터 2350억 개" is no
    # check of DeepSeek's MoE record); a statement about a technique may cite a fact naming it
    strict_subject = (claim.topic == "technique" and claim.quantity is not None) or claim.topic in (
        "hardware",
        "stock_change",
        "market_value",
        "peer_cost",
        # whose price is a fraction of the baseline's ("라온-R … o1의 40분의 1"), not the model
        # the sentence also names
        "cost_ratio",
    )
    out = []
    for fact in facts:
        if claim.topic == "ban":
            if claim.subject and fact.subject not in _family(claim.subject):
                continue
        elif fact.subject not in subjects and (
            strict_subject or not (claim.object and fact.mentions(claim.object))
        ):
            continue
        if claim.topic in (
            "other",
            "technique",
            "hardware",
            "model_release",
            "performance_parity",
            "adoption",
            "allegation",
        ):
            priced_hardware = (
                rate is not None and _is_hardware(claim.object) and "chip" in fact.attributes
            )
            if (
                claim.object
                and not priced_hardware
                and not (fact.object == claim.object or fact.mentions(claim.object))
            ):
                continue
        if claim.topic == "quote" and fact.subject != claim.subject:
            continue
        if claim.topic == "other" and claim.object is None:
            continue  # a figure no topic claims says too little to pick a fact for it
        if claim.topic == "other" and _counts_a_spec(fact):
            # a count of a model's parameters or tokens is checked only against a figure that
            # says it counts them (the spec path above): "작은 조절 나사가 6710억 개나 있는데"
            # names no parameters, and "그중 370억 개" is no checkpoint's size
            continue
        out.append(fact)
    # Facts about exactly the claim's object first: they are the ones to cite.
    return sorted(out, key=lambda fact: fact.object != claim.object)


def _judge(corpus: Corpus, claim: Claim, facts: list[ReferenceFact], table: ReferenceTable):
    if "rank" in claim.attributes:
        return _judge_rank(claim, facts, [], corpus.published(claim.article))
    if claim.topic == "founding" and claim.quantity is not None:
        value = claim.quantity.value
        plan = claim.frame is not None and claim.frame.measure in ("plan", "generic")
        if plan or value is None or not 1800 <= value <= 2200:
            # "2030년까지 … 목표", "설립 1년 반": a target or an age, not the year it was founded
            why = "a target year" if plan else "a duration, not a year"
            return "unverifiable", facts[0], [f"not a founding year: {why}"], None, why
        return _judge_year(claim, facts)
    if claim.quantity is not None:
        return _judge_figure(corpus, claim, facts)
    return _judge_statement(claim, facts)


def _fact_interval(fact: ReferenceFact) -> Interval | None:
    q = fact.quantity
    if q is None:
        return None
    low = q.low if q.low is not None else (q.value if q.qualifier != "at_most" else -math.inf)
    high = q.high if q.high is not None else (q.value if q.qualifier != "at_least" else math.inf)
    if low is None or high is None:
        return None
    return Interval(
        float(low),
        float(high),
        float(q.value) if q.value is not None else None,
        q.qualifier != "exact",
    )


def _fact_model(fact: ReferenceFact) -> str | None:
    if fact.topic == "gpu_count":
        return fact.attributes.get("model")
    return (
        fact.object
        if fact.object and fact.object.startswith("deepseek") or (fact.object or "").count("-")
        else fact.object
    )


def fact_gate(claim: Claim, fact: ReferenceFact):
    """Whether a claim's figure and a fact's are the same quantity (comparability.gate); a fact
    with no date in its frame is not dated, so time never keeps it from a claim."""
    from claimcheck.reconcile.comparability import Gate, gate

    chip = fact.attributes.get("chip")
    if claim.topic == "gpu_count" and chip and claim.object and claim.object != chip:
        return Gate(False, False, False, "measure", f"chip: {claim.object} vs {chip}")
    if chip and _is_hardware(claim.object) and claim.object not in (chip, "gpu"):
        # "H100 한 장을 빌리는 데 시간당 3달러": another chip's price, not the H800's
        return Gate(False, False, False, "measure", f"chip: {claim.object} vs {chip}")
    q = claim.quantity
    if (
        q is not None
        and q.unit == "count"
        and q.counter in ("명", "인")
        and claim.topic != "adoption"
    ):
        # a count of people is checked only against a fact that counts people or users (an
        # adoption figure may reword one: "개발자 5000명" for 5,000 stars)
        counted = " ".join(fact.attributes.values()) + " " + fact.statement_en
        if not any(word in counted for word in ("user", "people", "employee", "staff", "subscri")):
            return Gate(False, False, False, "measure", "a count of people vs another count")
    kinds = (claim.attributes.get("counted"), _counted_kind(fact))
    if claim.topic == "adoption" and None not in kinds and kinds[0] != kinds[1]:
        # weekly users are no GitHub stars, downloads no daily users (frames.yaml counted)
        return Gate(False, False, False, "measure", f"counted: {kinds[0]} vs {kinds[1]}")
    rate = "/" in ((claim.quantity.unit if claim.quantity else None) or "")
    timeless = fact.frame is not None and fact.frame.as_of is None
    fact_frame = fact.frame
    unsaid_measure = (
        claim.frame is not None
        and fact_frame is not None
        and claim.frame.measure == "level"
        and fact_frame.measure in ("per_unit", "part")
    )
    if unsaid_measure:
        # "level" is what a figure is read as when no cue says otherwise: the article may mean
        # the record's per-unit figure without saying "per token". Agreement, never a problem.
        fact_frame = fact_frame.model_copy(update={"measure": "level"})
    passage = gate(
        claim.topic, claim.frame, fact_frame, reference=True, rate=rate, timeless=timeless
    )
    if unsaid_measure and passage.comparable:
        why = f"measure: the article does not say the figure is {fact.frame.measure}"
        return Gate(True, False, False, "measure", why)
    return passage


def _named_for_another_model(claim: Claim, fact: ReferenceFact, passage):
    """A model's figure given to another model as its development cost ("R1을 557만6000달러에
    개발했다": V3's final run) is misattributed whatever the wider name: the gate with the scope
    read as the fact's, when the article calls the cost development and asserts it (an estimate
    is never more than a dispute)."""
    frame = claim.frame
    if (
        passage.slot != "scope"
        or frame is None
        or frame.scope != "development"
        or fact.frame is None
        or claim.stance not in ("asserted", "attributed")
    ):
        return passage
    from claimcheck.reconcile.comparability import Gate

    scoped = frame.model_copy(update={"scope": fact.frame.scope})
    if not fact_gate(claim.model_copy(update={"frame": scoped}), fact).settled:
        return passage
    why = f"scope: the article's {frame.scope} names the fact's {fact.frame.scope}"
    return Gate(True, True, False, "scope", why)


def _missing_rate(claim: Claim, published) -> str | None:
    """Why a sum of money in another currency has no dollar value: "no rate for DATE (...)"."""
    from claimcheck import fx
    from claimcheck.reconcile.values import CURRENCIES

    currency = ((claim.quantity.unit if claim.quantity else None) or "").partition("/")[0]
    if currency not in CURRENCIES or currency == "USD" or published is None:
        return None
    try:
        fx.rate(currency, "USD", published)
    except fx.RateUnavailableError as missing:
        return str(missing)
    except (LookupError, ValueError):
        return None
    return None


def _judge_figure(corpus: Corpus, claim: Claim, facts: list[ReferenceFact]):
    verdict, fact, steps, diagnosis, note = _judge_figure_ungated(corpus, claim, facts)
    if verdict == "unverifiable" or fact is None:
        return verdict, fact, steps, diagnosis, note
    passage = fact_gate(claim, fact)
    if verdict == "misattributed" and not passage.allows(verdict):
        passage = _named_for_another_model(claim, fact, passage)
    if passage.allows(verdict):
        if passage.settled and verdict not in ("supported",):
            # said before the comparison, whose outcome stays the last step (views show it)
            steps.insert(min(1, len(steps)), f"comparable: {passage.why}")
        return verdict, fact, steps, diagnosis, note
    steps.append(f"would be {verdict}, but {passage.why}: no problem verdict on an unsettled slot")
    return "unverifiable", fact, steps, None, f"the article does not settle the {passage.slot}"


def _closing_price(claim: Claim, fact: ReferenceFact) -> ReferenceFact:
    """A session's fact read for the price it closed at ("118.42달러에 마감"), when the claim is a
    share price in the currency the fact gives it in (attributes close_usd, close_krw); the fact
    itself otherwise."""
    from claimcheck.extract.mentions import entity_type

    q = claim.quantity
    unit = q.unit if q else None
    if claim.topic != "stock_change" or q is None or claim.frame is None:
        return fact
    if fact.frame is None or fact.frame.measure != "change":
        return fact
    if unit in ("USD", "KRW"):
        close_key, change_key = f"close_{unit.lower()}", f"change_{unit.lower()}"
        level_unit = moved_unit = unit
    elif unit in (None, "point") and entity_type(claim.subject or "") == "market_index":
        # an index's level ("2,517.37로 장을 마쳤다", a bare number) and its move in points
        # ("19.43포인트 내린")
        close_key, change_key = "close_points", "change_points"
        level_unit, moved_unit = "number", "point"
    else:
        return fact
    measure = claim.frame.measure
    if measure == "change":
        # "2만1800원(9.86%) 내린": the move in money, when the fact gives it (change_krw)
        moved = fact.attributes.get(change_key)
        if moved is None:
            return fact
        amount = float(moved)
        return fact.model_copy(
            update={"quantity": RefQuantity(value=amount, low=amount, high=amount, unit=moved_unit)}
        )
    close = fact.attributes.get(close_key)
    if measure != "level" or close is None or not _says_a_close(claim):
        return fact  # a price the sentence does not say closed a session: a holding, a quote
    price = float(close)
    return fact.model_copy(
        update={
            "quantity": RefQuantity(value=price, low=price, high=price, unit=level_unit),
            "frame": fact.frame.model_copy(update={"measure": "level"}),
        }
    )


def _says_a_close(claim: Claim) -> bool:
    """Whether the price's sentence says a session closed at it ("118.42달러에 마감했다", "종가는
    199200원"), or moved to it from another price ("142.62달러에서 사흘 뒤 128.42달러까지"); not
    the price a move started from, which may be of any earlier day."""
    from claimcheck.extract.frames import frame_data

    q = claim.quantity
    if q is None or claim.sentence[q.end - claim.start :].lstrip().startswith("에서"):
        return False
    if any(word in claim.sentence for word in frame_data().moments["close"]):
        return True
    return _FROM_PRICE.search(claim.sentence[: q.start - claim.start]) is not None


_FROM_PRICE = rx.compile(r"\d\s*(?:달러|원)\s*에서\s")


def _peaks(claim: Claim, facts: list[ReferenceFact]) -> tuple[Claim, list[ReferenceFact]]:
    """A peak claimed against peaks of the record ("FlashMLA … 최대 300GB/s" against "up to 3000
    GB/s"; frames.yaml `peak_words`): both are read as the peak they state, so a lower peak is a
    misstatement of the record's, not a figure within it."""
    from claimcheck.extract.frames import frame_data

    q = claim.quantity
    if q is None or q.qualifier != "at_most" or q.qualifier_word not in frame_data().peak_words:
        return claim, facts
    peaked = [
        f.model_copy(update={"quantity": stated_top(f.quantity)})
        if f.quantity is not None and f.quantity.qualifier == "at_most" and f.quantity.high
        else f
        for f in facts
    ]
    if peaked == facts:
        return claim, facts
    return claim.model_copy(update={"quantity": stated_top(q)}), peaked


def _judge_figure_ungated(corpus: Corpus, claim: Claim, facts: list[ReferenceFact]):
    claim, facts = _peaks(claim, facts)
    facts = [_closing_price(claim, fact) for fact in facts]
    value = comparable(claim, corpus.published(claim.article))
    if value is None:
        missing = _missing_rate(claim, corpus.published(claim.article))
        return (
            "unverifiable",
            facts[0],
            [f"conversion: {missing}"] if missing else [],
            "no_rate" if missing else None,
            missing or "the figure could not be put in a comparable unit",
        )
    native = native_value(claim, value)
    if native is not None and any(
        f.quantity is not None and f.quantity.unit == native.unit for f in facts
    ):
        # a sum in won against a fact in won ("19만9200원에 마감"): compared as written, not
        # through a day's exchange rate
        value = native
    steps = [f"claim: {value.shown}"]
    if value.rate_note:
        steps.append(f"conversion: {value.rate_note}")
    usable = []
    gates = {}
    for fact in facts:
        passage = fact_gate(claim, fact)
        if not passage.comparable:
            steps.append(f"not compared with {fact.id}: {passage.why}")
            continue
        gates[fact.id] = passage
        interval = _fact_interval(fact)
        if value.unit == "USD" and fact.attributes.get("cost_usd"):
            # a GPU-hour fact that also states what those hours cost (a training stage's cost)
            cost = float(fact.attributes["cost_usd"])
            interval = Interval(cost, cost, cost, False)
        elif interval is None or (fact.quantity and fact.quantity.unit != value.unit):
            continue
        if claim.topic == "cost_ratio" and claim.attributes.get("baseline") != fact.attributes.get(
            "compared_with"
        ):
            continue
        usable.append((fact, interval))
    if claim.topic == "cost_ratio":
        return _judge_ratio(claim, value, facts, steps)
    if claim.topic == "market_value" and "rank" in claim.attributes:
        return _judge_rank(claim, facts, steps)
    if not usable:
        fact = facts[0]
        shown = (
            f"{fact.quantity.value} {fact.quantity.unit}" if fact.quantity else fact.statement_en
        )
        steps.append(f"reference ({fact.id}): {shown}")
        return (
            "unverifiable",
            fact,
            steps,
            None,
            "the reference states this in another unit or not at all",
        )
    mine = value.interval
    if value.unsigned and all(ref.high < 0 for _, ref in usable):
        mine = value.facing(usable[0][1])  # a move of unsaid direction, against falls on record
    # Prefer a fact about the same model; a match only with another model's fact is misattribution.
    model = claim.attributes.get("model") if claim.topic == "gpu_count" else claim.object
    if "/" in value.unit and _is_hardware(model):
        model = None  # a price per GPU-hour names the hardware priced, not a model
    spec = bool(claim.attributes.get("spec"))  # a model's parameters: the facts' model counts
    same_model = [
        (f, i)
        for f, i in usable
        if model is None or _same_model(_model_of(f, spec), model) or _applies_also_to(f, model)
    ]
    other_model = [(f, i) for f, i in usable if (f, i) not in same_model]
    for pool, wrong_model in ((same_model, False), (other_model, True)):
        # of the facts the claim fits, the one nearest its figure is the one it states; a bound
        # fits several ("100만 GPU시간 이상"): one of its own stage and time first
        def order(pair, mine=mine):
            settled, near = gates[pair[0].id].settled, _distance(mine, pair[1])
            return (not settled, near) if mine.bound and mine.overlaps(pair[1]) else (near, 0)

        for fact, ref in sorted(pool, key=order):
            if mine.overlaps(ref):
                steps.append(
                    f"reference ({fact.id}): {ref.describe()} {value.unit}"
                    f" — inside the claim's interval {mine.describe()}"
                )
                if wrong_model:
                    return (
                        "misattributed",
                        fact,
                        steps,
                        "wrong_model",
                        (f"the figure is {_model_of(fact, spec)}'s, not {model}'s"),
                    )
                return _within(claim, mine, ref, fact, steps)
    # A figure a whisker from another model's fact, and far from every fact of its own model, is
    # that model's figure rounded ("R1 훈련에 560만 달러 남짓": V3's 557만6000달러).
    near_other = [(f, i) for f, i in other_model if _distance(mine, i) <= math.log(1 + NEAR)]
    if near_other and all(_distance(mine, i) > math.log(1 + NEAR) for _, i in same_model):
        fact, ref = min(near_other, key=lambda pair: _distance(mine, pair[1]))
        steps.append(
            f"reference ({fact.id}): {ref.describe()} {value.unit} — within {NEAR:.0%} of the"
            f" claim's interval {mine.describe()}"
        )
        return (
            "misattributed",
            fact,
            steps,
            "wrong_model",
            f"the figure is {_model_of(fact, spec)}'s, not {model}'s",
        )
    # The nearest reference figure is the one the claim most plausibly means.
    # of the facts none of which it fits, one of the claim's own frame (its stage, its day) first
    pool = same_model or other_model
    # a fact hundreds of times the claim's figure is of another quantity: never its refutation
    near = [(f, i) for f, i in pool if not magnitude_apart(mine, i)]
    if not near:
        fact, ref = min(pool, key=lambda pair: _distance(mine, pair[1]))
        steps.append(f"not compared with {fact.id}: {magnitude_apart(mine, ref)}")
        return "unverifiable", fact, steps, None, "another quantity than the record's"
    pool = [(f, i) for f, i in near if gates[f.id].settled] or near
    fact, ref = min(pool, key=lambda pair: _distance(mine, pair[1]))
    steps.append(
        f"reference ({fact.id}): {ref.describe()} {value.unit}"
        f" — outside the claim's interval {mine.describe()}"
    )
    if mine.point is not None and ref.point is not None:
        slip = digit_slip(abs(mine.point), abs(ref.point))
        if slip:
            return "refuted", fact, steps, slip, None
        if (mine.point < 0) != (ref.point < 0):
            return "refuted", fact, steps, None, "the direction is wrong"
        diff = mine.point / ref.point - 1
        steps.append(f"difference: {diff:+.1%}")
        if mine.precise and abs(diff) > PRECISE_MISS:
            # "287만8000 GPU시간" for 278만8000: written to the last digit, so not a rounding
            digits = significant_digits(mine.point)
            places = decimals(mine.point)
            written = (
                f"{digits} significant digits" if digits >= PRECISE_DIGITS else f"{places} decimals"
            )
            steps.append(f"stated to {written}: no rounding explains it")
            return "refuted", fact, steps, None, "a precise figure that differs from the record"
        if abs(diff) <= NEAR:
            diagnosis = "wrong_rate" if value.rate_note else "rounded"
            return "mostly_supported", fact, steps, diagnosis, None
    return "refuted", fact, steps, None, None


def _distance(mine: Interval, ref: Interval) -> float:
    # a bound is as far from a fact as its finite, non-zero edge ("600만 달러가 채 안": 600만)
    a = (
        mine.point
        if mine.point is not None
        else (mine.low if not math.isinf(mine.low) and mine.low else mine.high)
    )
    b = ref.point if ref.point is not None else (ref.low if not math.isinf(ref.low) else ref.high)
    if not a or not b or (a < 0) != (b < 0):
        return math.inf
    return abs(math.log(abs(a) / abs(b)))


def _judge_year(claim: Claim, facts):
    assert claim.quantity is not None  # _judge sends only figures here
    year = str(claim.quantity.value)
    for fact in facts:
        if fact.attributes.get("year") or fact.attributes.get("date"):
            stated = fact.attributes.get("year") or fact.attributes["date"][:4]
            steps = [
                f"claim: {year}",
                f"reference ({fact.id}): {fact.attributes.get('date', stated)}",
            ]
            return ("supported" if stated == year else "refuted"), fact, steps, None, None
    return "unverifiable", facts[0], [], None, None


def _model_of(fact: ReferenceFact, by_model: bool = False) -> str | None:
    """The model a fact's figure is of: its object, or for a chip count (and a model's spec filed
    under a technique, `by_model`) the model it names."""
    if fact.topic == "gpu_count":
        return fact.attributes.get("model")
    if by_model:
        return fact.attributes.get("model") or fact.object
    return fact.object


def _within(claim: Claim, mine: Interval, ref: Interval, fact: ReferenceFact, steps):
    # only a stated bound ("5% 이상", "1000억 개를 넘는") can understate; a vague magnitude
    # ("수천억 달러") or a range says as much as it claims
    stated_bound = claim.quantity is not None and claim.quantity.qualifier in (
        "at_least",
        "at_most",
    )
    if mine.bound and stated_bound and ref.point is not None:
        edge = mine.high if ref.point < 0 else mine.low
        if edge not in (0, math.inf, -math.inf) and abs(ref.point) >= UNDERSTATES * abs(edge):
            steps.append(f"the true figure is {abs(ref.point) / abs(edge):.1f}× the stated bound")
            return (
                "misleading",
                fact,
                steps,
                "understating_bound",
                "true as a bound, but it understates",
            )
    scope = fact.attributes.get("scope", "")
    # A training-run figure called a development cost (or given no scope) leaves out what the
    # source says it excludes.
    claimed_scope = claim.frame.scope if claim.frame else None
    if claim.topic == "training_cost" and scope and claimed_scope not in TRAINING_SCOPES:
        return (
            "mostly_supported",
            fact,
            steps,
            "scope_omitted",
            f"the source's figure covers only: {scope}",
        )
    counted = fact.attributes.get("counted")
    # (the same kind counted, stars for stars, is no rewording)
    if (
        counted
        and claim.topic == "adoption"
        and claim.attributes.get("counted") != _counted_kind(fact)
    ):
        return "mostly_supported", fact, steps, "reworded", f"the source counts {counted}"
    return "supported", fact, steps, None, None


def _judge_ratio(claim: Claim, value, facts, steps):
    from claimcheck.reference import load_reference

    assert claim.quantity is not None  # `value` is its comparable value
    unit = claim.quantity.unit
    table = load_reference()
    for fact in facts:
        baseline_id = fact.attributes.get("baseline_fact")
        if not baseline_id or fact.attributes.get("compared_with") != claim.attributes.get(
            "baseline"
        ):
            continue
        base = table.get(baseline_id)
        if fact.quantity is None or base.quantity is None or not base.quantity.value:
            continue
        ratio = float(fact.quantity.value) / float(base.quantity.value)
        shown = ratio * 100 if unit == "percent" else ratio
        steps.append(
            f"{fact.id} / {base.id} = {fact.quantity.value} / {base.quantity.value} = {ratio:.4f}"
        )
        if unit == "percent" and claim.attributes.get("cheaper_by") == "true":
            # "o1보다 95% 넘게 싼": the claim says how much is saved, the rest is the price
            shown = 100 - shown
            steps.append(f"cheaper by: 100% - {ratio * 100:.2f}% = {shown:.2f}%")
        if (
            unit == "ratio"
            and ratio
            and (ratio < 1 < value.interval.low or value.interval.high < 1 < ratio)
        ):
            # "o1보다 27배 싸다", "27배 남짓 차이가 난다": the baseline is so many times the
            # price; the claim counts the times from the other side
            shown = 1 / ratio
            steps.append(f"read from the baseline's side: 1 / {ratio:.4f} = {shown:.2f}")
        if value.interval.contains(shown):
            return (
                "supported",
                fact,
                steps,
                None,
                f"by {fact.attributes.get('measure', 'the reference price')}",
            )
        return "refuted", fact, steps, None, None
    steps.append("no reference figure with the same baseline")
    return (
        "unverifiable",
        facts[0],
        steps,
        "different_baseline",
        "the reference compares against another baseline",
    )


def _judge_rank(claim: Claim, facts, steps, published=None):
    from claimcheck.extract.dates import date_mentions
    from claimcheck.extract.frames import market_of, store_of
    from claimcheck.textnorm import normalize

    rank = claim.attributes["rank"]
    # a rank holds on a day in one store: another day's or another store's rank is no check
    day = claim.attributes.get("date") or (claim.frame.as_of if claim.frame else None)
    if day is None:
        from claimcheck.extract.dates import told_of

        said = normalize(claim.sentence).text
        told = told_of(said, date_mentions(said, published), said.find(f"{rank}위"))
        days = {d.value for d in told}
        day = days.pop() if len(days) == 1 else None
    store = store_of(claim.sentence)
    # and in one country: a Korean store's rank is no check of the US store's
    text = normalize(claim.sentence).text
    market = market_of(text, text.find(f"{rank}위") if f"{rank}위" in text else len(text))
    facts = [
        f
        for f in facts
        if (store is None or store_of(f.attributes.get("store", "")) in (None, store))
        and (day is None or f.attributes.get("date", f.as_of)[: len(day)] == day[:10])
        and (market is None or market_of(f.attributes.get("store", ""), 99) in (None, market))
    ]
    if not facts:
        return "unverifiable", None, steps, None, "no fact gives a rank for that day and store"
    if day is None:
        matching = [f for f in facts if f.attributes.get("rank") == rank]
        if not matching:
            steps.append("the article does not say on which day: a rank is not checked undated")
            return "unverifiable", facts[0], steps, None, "the article does not settle the day"
    for fact in facts:
        if fact.attributes.get("rank") == rank or (
            fact.quantity and fact.quantity.unit == "rank" and str(fact.quantity.value) == rank
        ):
            steps.append(
                f"reference ({fact.id}): rank {rank} ({fact.attributes.get('date', fact.as_of)})"
            )
            return "supported", fact, steps, None, None
    steps.append(f"no reference fact gives rank {rank}")
    return "refuted", facts[0], steps, None, None


def _applies_also_to(fact: ReferenceFact, model: str) -> bool:
    """Whether the fact says it holds for `model` too (attribute `also_applies_to`: the margin of
    the V3/R1 service is V3's as much as R1's)."""
    also = str(fact.attributes.get("also_applies_to", ""))
    return model in (m.strip() for m in also.split(","))


def _same_model(of_fact: str | None, claimed: str) -> bool:
    """Whether a fact's model is the claim's: the same, or a version of the family the claim
    names ("메타 라마의 3084만 GPU시간" against Llama 3.1's record)."""
    if of_fact in (None, claimed):
        return True
    from claimcheck.extract.mentions import entity_parent

    return entity_parent(of_fact) == claimed


_MAKING = ("만들", "만든", "생산", "제조", "설계", "개발")


def _about_making(fact: ReferenceFact) -> bool:
    role = str(fact.attributes.get("role", ""))
    return "makes" in role or "designs" in role


def _says_it_makes(claim: Claim) -> bool:
    """Whether the sentence names the claim's subject as the maker ("엔비디아가 HBM을 만든다"):
    the subject with its particle, then a making verb within a few words, no other subject
    between."""
    from claimcheck.extract.mentions import find_mentions
    from claimcheck.textnorm import normalize

    text = normalize(claim.sentence).text
    mentions = find_mentions(text)
    objects = [m for m in mentions if m.entity == claim.object]
    for mention in mentions:
        if mention.entity != claim.subject:
            continue
        after = text[mention.end : mention.end + 40]
        m = _MAKER_CLAUSE.match(after)
        if m and any(verb in m.group(1) for verb in _MAKING):
            return True  # "엔비디아가 HBM을 만든다"
        if _MAKER_BEFORE.search(text[max(0, mention.start - 12) : mention.start]):
            return True  # "HBM을 만드는 엔비디아"
        if any(0 <= o.start - mention.end <= 2 for o in objects):
            return True  # "엔비디아(의) HBM": the subject's own
    return False


_MAKER_BEFORE = rx.compile(r"(?:만드는|만든|생산하는|생산한|제조하는|설계하는|개발한|개발하는)\s*$")
_MAKER_CLAUSE = rx.compile(
    r"(?:가|이|는|은|도)\s+((?:[^\s,.]+\s+){0,4}?[^\s,.]*(?:만들|만든|생산|제조|설계|개발))"
)


def _judge_statement(claim: Claim, facts: list[ReferenceFact]):
    steps = []
    if claim.topic == "quote":
        fact = facts[0]
        steps.append(f"article: {claim.attributes.get('words', claim.quote)}")
        steps.append(f"reference ({fact.id}): {fact.attributes.get('words', fact.quote)}")
        return (
            "unverifiable",
            fact,
            steps,
            "reworded",
            "a translated or paraphrased quote: compare with the words on record",
        )
    if claim.topic == "allegation" or any(f.topic == "allegation" for f in facts):
        fact = next((f for f in facts if f.topic == "allegation"), facts[0])
        steps.append(f"reference ({fact.id}): {fact.statement_en}")
        return "unverifiable", fact, steps, None, "an allegation on record, not an established fact"
    if claim.topic == "stock_change":
        # a move is of a session: only a record of the day the article writes can refute it; an
        # undated one may agree with the record, never be refuted by another day's move
        day = claim.attributes.get("date")
        moves = [
            f
            for f in facts
            if f.attributes.get("direction")
            and (day is None or str(f.attributes.get("date", f.as_of))[:10] == day)
        ]
        for fact in moves:
            steps.append(f"reference ({fact.id}): {fact.statement_en}")
        if not moves:
            why = "no record of that day's move" if day else None
            return "unverifiable", facts[0], steps, None, why
        same = [f for f in moves if f.attributes["direction"] == claim.attributes.get("direction")]
        if same:
            return "supported", same[0], steps, None, None
        if day is None:
            steps.append("the article does not say which session: not refuted undated")
            return "unverifiable", moves[0], steps, None, "the article does not settle the day"
        return "refuted", moves[0], steps, None, None
    claimed = claim.attributes.get("polarity", "true") == "true"
    if claimed and any(_about_making(f) for f in facts) and not _says_it_makes(claim):
        # "HBM은 … 메모리 업체가 만들고, 엔비디아는 이를 사서": a fact of who makes a thing is
        # about a sentence that says its subject makes it, not one that only names both
        kept = [f for f in facts if not _about_making(f)]
        if not kept:
            steps.append(f"reference ({facts[0].id}): {facts[0].statement_en}")
            return "unverifiable", facts[0], steps, None, "the sentence does not say who makes it"
        facts = kept
    with_polarity = [f for f in facts if f.polarity is not None]
    if claim.topic == "founding" or claim.quantity is None and "year" in claim.attributes:
        with_polarity = facts
    if not with_polarity:
        return "unverifiable", facts[0], steps, None, None
    agree = [f for f in with_polarity if f.polarity == claimed]
    disagree = [f for f in with_polarity if f.polarity is not None and f.polarity != claimed]
    for fact in with_polarity:
        steps.append(f"reference ({fact.id}): {fact.statement_en}")
    if agree and disagree:
        return (
            "mostly_supported",
            agree[0],
            steps,
            None,
            "true in part: " + disagree[0].statement_en,
        )
    if agree:
        direction = claim.attributes.get("distilled_from")
        if direction and agree[0].attributes.get("from") not in (None, direction):
            return (
                "misattributed",
                agree[0],
                steps,
                "wrong_model",
                (
                    f"the source distils from {agree[0].attributes.get('from')}, "
                    f"not from {direction}"
                ),
            )
        return "supported", agree[0], steps, None, None
    model = disagree[0].attributes.get("model")
    if not claimed and model and _of_distilled_models(claim):
        # "강화학습 없이 지도학습만으로 증류했는데도": denied of the small models distilled, which
        # the sentence does not name, not of the one the record is about
        return "unverifiable", disagree[0], steps, None, f"said of distilled models, not {model}"
    return "refuted", disagree[0], steps, None, None


def _of_distilled_models(claim: Claim) -> bool:
    """A sentence about distilling that names no model: it speaks of the students."""
    from claimcheck.extract.mentions import find_mentions
    from claimcheck.textnorm import normalize

    mentions = find_mentions(normalize(claim.sentence).text)
    return any(m.entity == "knowledge-distillation" for m in mentions) and not any(
        m.type == "model" for m in mentions
    )


def _finding(
    corpus: Corpus, claim: Claim, verdict, fact: ReferenceFact, steps, diagnosis, note
) -> Finding:
    citation = ReferenceCitation(
        fact=fact.id,
        statement=fact.statement_en,
        source_title=fact.source_title,
        source_locator=fact.source_locator,
        quote=fact.quote,
    )
    what = (
        claim.quantity.text
        if claim.quantity
        else f"{claim.topic}: {claim.subject or '?'} / {claim.object or '-'}"
    )
    en = (
        f"'{what}' ({claim.article}, line {claim.line}) is {verdict.replace('_', ' ')} "
        f"by {fact.source_title}."
    )
    if note:
        en += f" Note: {note}."
    if claim.stance == "disputed":
        en += " The article itself reports this claim in order to dispute it."
    ko = f"'{what}' ({claim.article} {claim.line}행): {_KO[verdict]} — 근거: {fact.statement_ko}"
    return Finding(
        id=finding_id("reference", claim.id),
        kind="reference",
        topic=claim.topic,
        subject=claim.subject,
        object=claim.object,
        verdict=verdict,
        articles=[claim.article],
        claims=[claim.id],
        sources=[source_row(corpus, claim)],
        explanation=en,
        explanation_ko=ko,
        diagnosis=diagnosis,
        reference=citation,
        arithmetic=steps,
    )


# what an adoption fact counts, by the words of its `counted` attribute, as frames.yaml names the
# kinds a figure counts
_FACT_COUNTS = (
    ("star", "stars"),
    ("download", "downloads"),
    ("weekly", "weekly_users"),
    ("daily", "daily_users"),
    ("monthly", "monthly_users"),
    ("subscri", "subscribers"),
)


def _counted_kind(fact) -> str | None:
    counted = str(fact.attributes.get("counted", "")).lower()
    return next((kind for word, kind in _FACT_COUNTS if word in counted), None)
