"""What the reconcilers share: metadata lookups, conversions, finding ids and source rows."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from claimcheck.extract.frames import conversion_pattern
from claimcheck.models import ArticleMeta, Claim, Quantity, SourceValue
from claimcheck.reconcile.values import comparable


@dataclass(frozen=True)
class Corpus:
    """The articles' metadata and their live (not rejected) claims.

    Claims carry their sentence, so nothing here needs the article text: the same reconciliation
    runs on freshly extracted claims and on claim tables read back from a folder or a git revision.
    """

    meta: Mapping[str, ArticleMeta]  # a dict, or the report store's lookup
    claims: list[Claim]

    def published(self, article_id: str):
        meta = self.meta.get(article_id)
        return meta.published if meta else None

    def outlet(self, article_id: str) -> str | None:
        meta = self.meta.get(article_id)
        return meta.outlet if meta else None


def finding_id(kind: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{kind}:{digest}"


_UNSET: Any = object()


def source_row(corpus: Corpus, claim: Claim, value: Any = _UNSET) -> SourceValue:
    """One source's row in a finding; `value` is the claim's comparable value when the caller
    already has it (values.comparable converts money, which is worth doing once)."""
    if value is _UNSET:
        value = comparable(claim, corpus.published(claim.article)) if claim.quantity else None
    shown = value.shown if value else _qualitative(claim)
    usd = None
    if value is not None and value.unit == "USD" and value.interval.point is not None:
        usd = round(value.interval.point, 2)
    return SourceValue(
        claim=claim.id,
        article=claim.article,
        outlet=corpus.outlet(claim.article),
        published=corpus.published(claim.article),
        section=claim.section,
        line=claim.line,
        quote=claim.quote,
        stance=claim.stance,
        value=shown,
        value_usd=usd,
    )


def _qualitative(claim: Claim) -> str:
    polarity = claim.attributes.get("polarity")
    what = claim.object or claim.subject or claim.topic
    if polarity == "false":
        return f"not {what}"
    extra = ", ".join(
        f"{k}: {v}" for k, v in claim.attributes.items() if k not in ("polarity", "stance_cue")
    )
    return f"{what}" + (f" ({extra})" if extra else "")


def stated_top(quantity: Any) -> Any:
    """A bound read as the top it states ("연봉 최대 120만 위안", "최대 3000GB/s"): the figure at
    its high end, exact (a claim's quantity or a reference fact's)."""
    top = quantity.high if quantity.high is not None else quantity.value
    return quantity.model_copy(update={"qualifier": "exact", "value": top, "low": top, "high": top})


def quantity_of(claim: Claim) -> Quantity:
    """The quantity of a claim known to state one (either figure of a conversion pair)."""
    assert claim.quantity is not None, claim.id
    return claim.quantity


def amount(quantity: Quantity) -> float | None:
    """The amount a conversion is read from: the figure, or a range's low end (a range converts
    end to end); None for a vague magnitude ("수천억 원" implies no rate) or a zero."""
    from claimcheck.quantities.numerals import RULE_VAGUE

    if quantity.value is None and RULE_VAGUE in quantity.rule:
        return None
    value = quantity.value if quantity.value is not None else quantity.low
    return float(value) if value else None


_CURRENCIES = {"KRW", "USD", "CNY", "JPY", "EUR", "GBP"}


def money(unit: str | None) -> tuple[str, str] | None:
    """(currency, what it is per) of a money unit: "USD" → ("USD", ""), "KRW/gpu_hour" →
    ("KRW", "gpu_hour"); None for any other unit."""
    currency, _, per = (unit or "").partition("/")
    return (currency, per) if currency in _CURRENCIES else None


def _glossed_in_brackets(claim: Claim, qa: Quantity, qb: Quantity) -> bool:
    """A fact box's line glosses its one sum and converts it in brackets after the gloss's noun
    ("■ 557만6000달러 — … 곱한 V3 최종 훈련 비용(약 72억 원)")."""
    from claimcheck.extract.frames import gloss_after

    offset = claim.start
    text = claim.sentence
    return (
        gloss_after(text, qa.end - offset)
        and conversion_pattern("bracketed").match(
            text[text.rfind("(", 0, qb.start - offset) : qb.start - offset]
        )
        is not None
        and ")" not in text[qa.end - offset : text.rfind("(", 0, qb.start - offset)]
    )


def _without_rates(claim: Claim, start: int, end: int, rates: list) -> str:
    """The sentence's text between two file offsets, without the exchange rates written there."""
    offset = claim.start
    kept, at = [], start
    for _, rate, _ in sorted(rates, key=lambda r: r[1].start):
        if start <= rate.start and rate.end <= end:
            kept.append(claim.sentence[at - offset : rate.start - offset])
            at = rate.end
    kept.append(claim.sentence[at - offset : end - offset])
    return "".join(kept)


def _share_prices(claim: Claim, per_a: str, per_b: str) -> bool:
    """A share price and its conversion written per share ("종가 118.42달러를 우리 돈으로 바꾸면
    주당 약 15만8000원"): a price of a share is per share, said or not."""
    return claim.topic == "stock_change" and {per_a, per_b} == {"", "share"}


def _bare_line(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure is all its line says, but for a list mark ("■ 5890억 달러", "⑧ …")."""
    said = claim.sentence.strip()
    rest = said.replace(quantity.text, "", 1) if quantity.text in said else said
    return not any(ch.isalnum() for ch in rest if not "\u2460" <= ch <= "\u24ff")


def _parts_summed(sentence: str) -> bool:
    """Whether a sentence adds its figures up (frames.yaml `summing`: "…를 더한 값", "합치면")."""
    from claimcheck.extract.frames import frame_data

    return any(word in sentence for word in frame_data().summing)


# The most characters a sentence of no figure between a sum and the sentence converting it may have
_GLOSS_BETWEEN = 80


def conversion_pairs(corpus: Corpus) -> list[tuple[Claim, Claim]]:
    """(figure, its conversion) where an article writes one currency and then another in brackets:
    "560만 달러(약 85억 원)", "GPU 시간당 2달러(약 2900원)"."""
    pairs = []
    # Money figures by sentence: the claim, its quantity and money(unit).
    by_sentence: dict[tuple[str, int], list[tuple[Claim, Quantity, tuple[str, str]]]] = {}
    for claim in corpus.claims:
        q = claim.quantity
        in_money = money(q.unit) if q is not None else None
        # a figure a correction takes back ("…라고 보도했습니다") is no conversion the article
        # stands by; one it reports to doubt ("…라고 주장하지만") is still its own arithmetic
        retracted = claim.attributes.get("retracted") == "true"
        if q is not None and in_money is not None and not retracted:
            by_sentence.setdefault((claim.article, claim.start), []).append((claim, q, in_money))
    rates_of: dict[tuple[str, int], list] = {}
    for key, figures in by_sentence.items():
        ordered = sorted(figures, key=lambda f: f[1].start)
        # Quantity spans are file offsets; the sentence starts at the claim's start.
        rates = [
            f
            for f in ordered
            if conversion_pattern("rate_before").search(f[0].sentence[: f[1].start - f[0].start])
        ]
        rates_of[key] = rates
        sums = [f for f in ordered if f not in rates]
        for (first, qa, money_a), (second, qb, money_b) in zip(sums, sums[1:], strict=False):
            (cur_a, per_a), (cur_b, per_b) = money_a, money_b
            gap = first.sentence[qa.end - first.start : qb.start - first.start]
            bracketed = conversion_pattern("bracketed").match(gap) is not None
            if cur_a != cur_b and per_a and not per_b and bracketed:
                # a price converted in brackets is of the same unit, said once ("출력 토큰 100만
                # 개에 60달러(약 8만7000원)")
                pairs.append((first, second))
                continue
            if cur_a == cur_b or (per_a != per_b and not _share_prices(first, per_a, per_b)):
                continue
            if bracketed:
                pairs.append((first, second))
                continue
            # "환율(1453.86원)로 치면": the rate is no part of the gap
            gap = _without_rates(first, qa.end, qb.start, rates)
            if conversion_pattern("said").match(gap):
                pairs.append((first, second))
                continue
            lead = first.sentence[: qa.start - first.start]
            if conversion_pattern("equated").match(gap) and conversion_pattern("rate_lead").search(
                lead
            ):
                pairs.append((first, second))  # "지금 환율로 1000억 달러는 약 152조 원"
                continue
            if len(sums) == 2 and _glossed_in_brackets(first, qa, qb):
                pairs.append((first, second))
    # "… 557만6000달러다. 우리 돈으로 약 80억 원이다.": a sentence that opens by converting
    # converts the last sum of the same kind in the sentences right before it (at most two back:
    # "■ 557만6000달러 = 공식 훈련비 / GPU 한 개를 한 시간 빌리는 값을 2달러로 잡아 계산했다. 우리
    # 돈으로 약 65억 원이다": not the price per hour)
    starts = sorted(by_sentence)
    for index, key in enumerate(starts):
        rates_here = rates_of[key]
        sums_here = [f for f in by_sentence[key] if f not in rates_here]
        if not sums_here:
            continue
        first_here = min(sums_here, key=lambda f: f[1].start)
        here, (cur_b, per_b) = first_here[0], first_here[2]
        # "3일 환율 1461.21원을 적용하면": the rate is no part of it
        lead = _without_rates(here, key[1], first_here[1].start, rates_here)
        if not conversion_pattern("opens").match(lead):
            continue
        after = key
        for before in reversed(starts[max(0, index - 2) : index]):
            sums = by_sentence[before]
            sentence = sums[0][0].sentence
            gap = after[1] - (before[1] + len(sentence))
            # (one short sentence of no figure may stand between, glossing the sum: "⑧ 5890억
            # 달러 / 같은 날 엔비디아 시가총액에서 사라진 금액이다. 원화로 따지면 약 790조 원")
            if before[0] != key[0] or not 0 <= gap <= (2 if after != key else _GLOSS_BETWEEN):
                break  # not the sentence right before: nothing is converted across others
            same = [f for f in sums if f[2][0] != cur_b and f[2][1] == per_b]
            if len(same) > 1 and _parts_summed(sentence):
                # "사전학습 532만8천 달러, … 사후학습 1만 달러를 더한 값이죠. 우리 돈으로 약 81억
                # 원": the parts' total is converted, which is none of the sums written
                break
            if here.frame is not None and here.frame.measure == "change":
                # "…감소를 기록했고, 시총은 2조9000억 달러로 쪼그라들었다. 29일 환율로 따지면 약
                # 849조 원이 사라진 셈이다": a sum told as lost converts a sum that changed, never
                # a level
                # (a card's bare line, "■ 5890억 달러", says neither: it is the sum glossed)
                same = [
                    f
                    for f in same
                    if f[0].frame is None or f[0].frame.measure != "level" or _bare_line(f[0], f[1])
                ]
            if len(same) > 1:
                # "…118억 달러에서 121억 달러로 한 주 새 3억 달러 늘었다. 우리 돈으로 약 17조6000억
                # 원 규모다": of several sums, the one the conversion fits at the day's rate is the
                # one converted; when none fits, the last (and the finding says it is off)
                fitting = [f for f in same if day_rate_fit(corpus, f[0], here)]
                same = fitting or same
            if same:
                pairs.append((max(same, key=lambda f: f[1].start)[0], here))
                break
            after = before
    return pairs


# A converted figure written as a bound ("남짓", "넘게", "미만") stands for at most this much
# beyond it.
_CONVERSION_BOUND = 0.1
_BOUNDED_SIDE = ("at_least", "at_most")


def rounding_covers(a: Quantity, b: Quantity, check: Any) -> str | None:
    """The rates a rounded conversion stands for, when the day's rate lies among them: the
    converted figure read at its written precision (약 or not), the original as stated; either
    may come first ("약 1200억 원(8천만 달러 남짓)": won, then its dollars)."""
    from claimcheck.reconcile.intervals import interval_of

    amount_a = amount(a)
    if not amount_a or a.value is None or b.value is None:
        return None
    written = interval_of(b.model_copy(update={"qualifier": "exact", "low": None, "high": None}))
    low, high = written.low, written.high
    if b.qualifier in _BOUNDED_SIDE:
        # "8천만 달러 남짓", "2천억 원 미만": a bound written for a conversion is a little beyond
        # the figure, not without end (at most a tenth)
        step = abs(b.value) * _CONVERSION_BOUND
        low, high = (low, high + step) if b.qualifier == "at_least" else (low - step, high)
    low, high = low / abs(amount_a), high / abs(amount_a)
    if low > high or low <= 0:
        return None
    # b/a is b's currency per a's: the check's rate is quote per base, so invert when a is the
    # quote ("약 1200억 원(8천만 달러 남짓)": won first, its dollars in brackets)
    currency_a = money(a.unit)
    if currency_a is not None and currency_a[0] == check.quote:
        low, high = 1 / high, 1 / low
    if low <= check.reference.rate <= high:
        return (
            f"as written, {b.text} covers {low:,.1f}–{high:,.1f} {check.quote} per {check.base}, "
            f"which contains the day's rate"
        )
    return None


def day_rate_fit(corpus: Corpus, first: Claim, second: Claim) -> bool | None:
    """Whether a conversion fits the rate of its own article's day (within tolerance or as
    rounded); None when it cannot be checked (no amount, no rate near that day)."""
    from claimcheck import fx

    qa, qb = quantity_of(first), quantity_of(second)
    a, b = amount(qa), amount(qb)
    ma, mb = money(qa.unit), money(qb.unit)
    if not (a and b and ma and mb) or a * b < 0:
        return None
    try:
        # a loss converted ("-5억 달러(약 -7000억 원)") by its size
        check = fx.implied_rate_check(abs(a), ma[0], abs(b), mb[0], corpus.published(first.article))
    except (LookupError, ValueError):
        return None
    return check.plausible or rounding_covers(qa, qb, check) is not None


def round_sum(claim: Claim) -> bool:
    """A large sum written to one significant digit ("600만 달러", "1조 원"): news rounds such
    sums as headlines do, so it is read as they round ("600만 달러" for 557만6000달러)."""
    q = claim.quantity
    if q is None or q.qualifier != "exact" or q.value is None or money(q.unit) is None:
        return False
    if abs(q.value) < 1_000_000 or "/" in (q.unit or ""):
        return False
    step = 10 ** math.floor(math.log10(abs(q.value)))
    return q.value % step == 0
