"""Joining figures into ranges, carrying qualifiers past parentheses, building Quantity records."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from claimcheck import regexcache as rx
from claimcheck.models import Quantity, from_checked_parts
from claimcheck.quantities.lexicon import OtherReading, lexicon
from claimcheck.quantities.numerals import to_number
from claimcheck.quantities.qualify import RULE_PAREN, QualifierHit, qualifiers
from claimcheck.quantities.recognise import Mention, recogniser
from claimcheck.textnorm import NormalizedText

RULE_RANGE_SIGN = "range_sign"  # 1억~10억 달러, 30-40%
RULE_RANGE_FROM_TO = "range_from_to"  # 1억 달러에서 10억 달러
_PAREN_REACH = 40  # how far back the "(" of a parenthesised figure may be
RULE_SCALE_SHARED = "range_shares_scale"  # 3~4조 원: 3 is 3조


@dataclass(frozen=True)
class _RangeWords:
    """The range words of qualifiers.yaml, compiled: what joins and opens a range."""

    sign: re.Pattern[str]  # " ~ ", "-"
    from_: re.Pattern[str]  # "에서 ", "부터 "
    to_words: tuple[str, ...]
    change: tuple[str, ...]
    longest_gap: int  # the most characters `sign` or `from_` can match


@functools.cache
def _range_words() -> _RangeWords:
    r = lexicon().qualifiers.ranges
    return _RangeWords(
        sign=rx.compile(r" ?(?:" + rx.alternation(r.between) + r") ?"),
        from_=rx.compile(r"(?:" + rx.alternation(r.from_words) + r") ?"),
        to_words=tuple(r.to_words),
        change=tuple(r.change_endings),
        longest_gap=max(
            max(map(len, r.between), default=0) + 2, max(map(len, r.from_words), default=0) + 1
        ),
    )


def join_ranges(s: str, mentions: list[Mention]) -> list[Mention]:
    """Two figures joined by ~, - or 에서/부터 are one range; the unit may stand on one side."""
    words = _range_words()
    out: list[Mention] = []
    for b in mentions:
        a = out[-1] if out else None
        # every join needs the gap between the two to be a range sign or word: a longer one
        # is none, and most figures of a sentence stand further apart
        near = a is not None and b.core_start - a.core_end <= words.longest_gap
        joined = _join(s, a, b, words) if near else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(b)
    return out


def _join(s: str, a: Mention, b: Mention, words: _RangeWords) -> Mention | None:
    if _kind(a) == _kind(b) == "vague":
        return _join_vague(s, a, b, words)
    if b.fixed_interval and "band_suffix" in b.rule:
        return _join_band(s, a, b, words)
    if a.suffix is not None or b.prefix is not None or a.fixed_interval or b.fixed_interval:
        return None
    if a.value is None or b.value is None or a.strength > 2 or b.strength > 2:
        return None
    gap = s[a.core_end : b.core_start]
    if words.sign.fullmatch(gap):
        if "-" in gap and (gap != "-" or _kind(a) != "arabic" or _kind(b) != "arabic"):
            return None  # a spaced dash is punctuation, not a range
        rule = RULE_RANGE_SIGN
    elif words.from_.fullmatch(gap):
        if any(s.startswith(e, b.core_end) for e in words.change):
            return None  # "100억 원에서 200억 원으로": a change, not a range
        rule = RULE_RANGE_FROM_TO
    else:
        return None
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    low, rules = a.value, [rule]
    numeral_a, numeral_b = a.numeral, b.numeral
    if (a.unit is None or b.unit is None) and numeral_a and numeral_b:
        scaled = _shared_scale(a, b)
        if scaled is not None and scaled < b.value:
            low, rules = scaled, [rule, RULE_SCALE_SHARED]
    if a.unit is None and b.factor != 1:
        low = low * b.factor  # "500~800메가와트": 500 is in the unit word's measure too
    if not low < b.value:
        return None
    if a.unit is None and b.unit is None and b.value < 10 and not (numeral_b and numeral_b.powered):
        return None  # "1-2": a score or a list, not a figure
    end = b.end
    for word in words.to_words:
        if s.startswith(word, end):
            end += len(word)
            break
    return Mention(
        start=a.start,
        end=end,
        core_start=a.core_start,
        core_end=end,
        value=None,
        unit=b.unit or a.unit,  # "$1-2 billion": the sign stands on the left
        rule=[*(b.rule if b.unit else a.rule), *rules],
        counter=b.counter or a.counter,
        qualifier="range",
        qualifier_word=a.qualifier_word or b.qualifier_word,
        inclusive=True,
        strength=4,
        low=low,
        high=b.value,
        fixed_interval=True,
    )


def _join_band(s: str, a: Mention, b: Mention, words: _RangeWords) -> Mention | None:
    """ "16~17%대", "2~3조 원대": from the first figure up to the band's end (not included)."""
    gap = s[a.core_end : b.core_start]
    if not words.sign.fullmatch(gap) or "-" in gap or a.fixed_interval or a.suffix is not None:
        return None
    if a.value is None or b.low is None or b.high is None or a.strength > 2:
        return None
    if a.unit is not None and a.unit != b.unit:
        return None
    low = a.value
    if a.unit is None and a.numeral and b.numeral:
        # "2~3조 원대": 2 is 2조 (the band's low end holds the figure as written)
        scaled = _shared_scale(a, b)
        low = scaled if scaled is not None else low * b.factor
    if not low < b.low:
        return None
    return _open_range(
        a, b, low, b.high, b.counter or a.counter, a.qualifier_word or b.qualifier_word
    )


def _join_vague(s: str, a: Mention, b: Mention, words: _RangeWords) -> Mention | None:
    """수십~수백 명: from the low end of one vague magnitude to the high end of the other."""
    gap = s[a.core_end : b.core_start]
    if not words.sign.fullmatch(gap) or "-" in gap or a.suffix is not None:
        return None
    if a.unit is not None and a.unit != b.unit:
        return None
    if a.low is None or b.high is None or not a.low < b.high:
        return None
    return _open_range(a, b, a.low, b.high, b.counter, a.qualifier_word)


def _open_range(a: Mention, b: Mention, low, high, counter, qualifier_word) -> Mention:
    """From `a` to `b`'s end, the upper end not included (a vague magnitude's, a band's)."""
    return Mention(
        start=a.start,
        end=b.end,
        core_start=a.core_start,
        core_end=b.core_end,
        value=None,
        unit=b.unit,
        rule=[*b.rule, RULE_RANGE_SIGN],
        counter=counter,
        qualifier="range",
        qualifier_word=qualifier_word,
        inclusive=False,
        strength=4,
        low=low,
        high=high,
        fixed_interval=True,
    )


def _kind(m: Mention) -> str:
    return m.numeral.kind if m.numeral else ""


def _shared_scale(a: Mention, b: Mention) -> Decimal | None:
    """3~4조: a side without a myriad power or scale word borrows the other side's."""
    assert a.value is not None and a.numeral is not None and b.numeral is not None
    if a.numeral.tail_power or a.scale:
        return None
    if b.numeral.tail_power:
        return a.value * Decimal(10) ** b.numeral.tail_power
    if b.scale:
        return a.value * Decimal(10) ** b.scale
    return None


def carry_parenthesis(s: str, mentions: list[Mention]) -> None:
    """A qualifier after ')' qualifies both figures: "560만 달러(약 81억 원)에 불과"."""
    quals = qualifiers()
    for k, m in enumerate(mentions):
        close = m.end
        if s[close : close + 1] != ")":
            continue
        hit = quals.suffix_after(s, close + 1)
        if hit is None:
            continue
        quals_apply(m, hit)
        opener = s.rfind("(", max(0, m.start - _PAREN_REACH), m.start)
        if opener < 0 or ")" in s[opener : m.start] or k == 0:
            continue
        before = mentions[k - 1]
        if before.end in (opener, opener - 1) and ")" not in s[before.end : m.start]:
            quals_apply(before, hit)


def quals_apply(m: Mention, hit: QualifierHit) -> None:
    recogniser().apply(m, hit, RULE_PAREN)


RULE_RATE = "rate_per"


@dataclass(frozen=True)
class _Rates:
    """The rate words of units.yaml, compiled: a figure per something, and what it moves to."""

    regex: re.Pattern[str]  # a rate word (and filler) ending where a figure starts
    per: dict[str, str]  # rate word -> what it is per
    otherwise: dict[str, OtherReading | None]  # rate word -> its other reading
    currencies: frozenset[str]
    continuation: re.Pattern[str]  # the gap between a rate figure and the figure it moves to
    moved_to: tuple[str, ...]  # what follows the figure moved to (로, 까지)
    numeral_word: re.Pattern[str]  # a word that is a number: "100만", "1,000", "백만", "수천"
    per_second: re.Pattern[str]  # "초당" ending where a size starts
    throughput: dict[str, str]  # size unit -> its per-second unit
    list_gap: re.Pattern[str]  # between two prices of a list in one rate
    list_basis: re.Pattern[str]  # a list's rate said once before it ("… 기준 가격은")
    list_per: dict[str, str]  # its basis words -> what they are per


@functools.cache
def _rates() -> _Rates:
    units = lexicon().units
    per = {word: rate.per for rate in units.rates for word in rate.words}
    otherwise = {word: rate.otherwise for rate in units.rates for word in rate.words}
    words = sorted(per, key=lambda w: (-len(w), w))
    pattern = rx.alternation(words)
    fillers = rx.alternation(units.rate_fillers)
    particles = rx.alternation(units.rate_particles) or "(?!)"
    # After a space, a bracket or the start; a particle ("월 요금은") or a filler ("평균") may
    # stand before the figure.
    regex = rx.compile(
        rf"(?:(?<=[\s(\[\"'「『<])|^)(?P<word>{pattern})(?:{particles})?(?: (?:{fillers}))? ?\Z"
    )
    steps = rx.alternation(units.rate_continuations.between)
    # A number in digits, or in numeral syllables ending in a power ("백만", "수천"): not a word
    # that merely uses numeral syllables (이, 오일, 사이, 조사).
    numerals = lexicon().numerals
    powers = "".join([*numerals.small_powers, *numerals.myriad_powers])
    syllables = "".join([*numerals.vague_prefixes, *numerals.sino_digits]) + powers
    numeral_word = rx.compile(rf"[0-9][0-9.,]*[{powers}]*|[{syllables}]*[{powers}]")
    per_second = rx.alternation(units.throughput.words)
    labels = rx.alternation(units.rate_continuations.list_labels) or "(?!)"
    continuations = units.rate_continuations
    list_per = {word: per for per, words in continuations.list_bases.items() for word in words}
    bases = rx.alternation(sorted(list_per, key=lambda w: (-len(w), w))) or "(?!)"
    nouns = rx.alternation(continuations.list_nouns) or "(?!)"
    return _Rates(
        regex,
        per,
        otherwise,
        frozenset(c.code for c in units.currencies),
        rx.compile(rf"\s*(?:{steps})\s*\Z"),
        tuple(units.rate_continuations.after),
        numeral_word,
        rx.compile(rf"(?:(?<=[\s(\[\"'「『<])|^)(?:{per_second}) ?\Z"),
        units.throughput.units,
        # (or in a bracket that opens with the labels: "입력 0.55달러(캐시 적중 시 0.41달러)")
        # (a label may carry its particle: "…2.19달러, 입력은 0.55달러, 캐시가 적중하면 입력이
        # 0.41달러")
        rx.compile(
            rf"\s*\)?\s*(?:(?:\([^()]*\)\s*)?,|\()\s*(?:(?:{labels})(?:은|는|이|가)?\s*)+\Z"
        ),
        rx.compile(rf"(?P<basis>{bases})\s?(?:{nouns})\s"),
        list_per,
    )


# How far back the word before a rate word, and the cues of its other reading, are looked for.
_LOOK_BACK = 24


def _after_number(s: str, start: int, rates: _Rates) -> bool:
    """A rate word right after a number is no rate word: in "부품 100만 개당", 100만 개 is a count
    of its own."""
    before = s[max(0, start - _LOOK_BACK) : start].rstrip().rsplit(None, 1)
    word = before[-1] if before else ""
    return len(word) > 1 and rates.numeral_word.fullmatch(word) is not None or word.isdigit()


def _rate_word_before(s: str, start: int, rates: _Rates) -> re.Match[str] | None:
    """The rate word that ends where a figure starts: the longest that does not follow a number
    ("총 2048 GPU 시간당 2달러": not "GPU 시간당" after 2048, but "시간당")."""
    pos = max(0, start - _LOOK_BACK)
    while (hit := rates.regex.search(s, pos, start)) is not None:
        if not _after_number(s, hit.start(), rates):
            return hit
        pos = hit.start() + 1
    return None


def _reading(s: str, hit: re.Match[str], rates: _Rates) -> str:
    word = hit.group("word")
    other = rates.otherwise[word]
    if other is not None:
        before = s[max(0, hit.start() - _LOOK_BACK) : hit.start()]
        if any(c in before for c in other.cues) and not any(u in before for u in other.unless):
            return other.per
    return rates.per[word]


def per_unit(s: str, mentions: list[Mention]) -> list[Mention]:
    """A money figure right after a rate word ("시간당 2달러", "100만 토큰당 약 0.14달러") is a
    price per something: its unit becomes CURRENCY/PER and the rate word joins its span; a
    number inside the rate word ("100만", "1시간") is not a figure of its own."""
    rates = _rates()
    out: list[Mention] = []
    for m in mentions:
        if m.unit in rates.currencies:
            hit = _rate_word_before(s, m.start, rates)
            if hit is not None:
                m.unit = f"{m.unit}/{_reading(s, hit, rates)}"
                m.rule.append(RULE_RATE)
                m.start = hit.start()
                while out and out[-1].end > m.start:
                    out.pop()
            elif out and (listed := _listed_after(s, out, m, rates)) is not None:
                m.unit = f"{m.unit}/{listed}"  # "입력 0.55달러, 캐시 적중 시 0.14달러"
                m.rule.append(RULE_RATE)
            elif (basis := _list_basis(s, out, m, rates)) is not None:
                m.unit = f"{m.unit}/{basis}"  # "100만 토큰 기준 가격은 R1이 2.19달러, o1이 60달러"
                m.rule.append(RULE_RATE)
            elif out and _continues_rate(s, out[-1], m, rates):
                # "시간당 2달러(약 2900원)": the bracketed conversion is in the same rate (not
                # "2달러로 계산한 훈련비(557만 달러)": a sum named in between is no conversion);
                # "주당 100달러에서 120달러로": the figure it moves to is too
                m.unit = f"{m.unit}/{out[-1].unit.partition('/')[2]}"  # type: ignore[union-attr]
                m.rule.append(RULE_RATE)
        elif m.unit in rates.throughput:
            hit = rates.per_second.search(s, max(0, m.start - _LOOK_BACK), m.start)
            if hit is not None:
                m.unit = rates.throughput[m.unit]  # "초당 600GB": 600 GB/s
                m.rule.append(RULE_RATE)
                m.start = hit.start()
                while out and out[-1].end > m.start:
                    out.pop()  # "1초에 1.2TB": the second is part of the rate
        out.append(m)
    return out


def _listed_after(s: str, out: list[Mention], m: Mention, rates: _Rates) -> str | None:
    """What a price in a list is per, when the list's last price in its currency (its bracketed
    conversion may follow) is in a rate and only a comma and list labels stand between."""
    for before in reversed(out[-2:]):
        currency, _, per = (before.unit or "").partition("/")
        if per and currency == m.unit:
            return per if rates.list_gap.match(s, before.end, m.start) else None
    return None


def _list_basis(s: str, out: list[Mention], m: Mention, rates: _Rates) -> str | None:
    """What a price is per when its sentence said a list's rate once before it ("출력 토큰 100만
    개 기준 가격은 딥시크 R1이 2.19달러, 오픈AI o1이 60달러다"): the last such basis before the
    figure, with no clause's end between and no figure in between but the list's prices (in
    the rate) and their conversions in brackets. The count inside the basis is no figure."""
    basis = None
    for hit in rates.list_basis.finditer(s, 0, m.start):
        basis = hit
    if basis is None or re.search(r"[.?!](?:\s|$)|다\s", s[basis.end() : m.start]):
        return None
    between = [b for b in out if b.start >= basis.end()]
    if any(b.unit is None or "/" not in b.unit for b in between):
        return None  # a figure not in the rate stands between: the list has ended
    while out and out[-1].start >= basis.start() and out[-1].end <= basis.end():
        out.pop()  # "100만 개" inside the basis
    return rates.list_per[basis.group("basis")]


def _continues_rate(s: str, before: Mention, m: Mention, rates: _Rates) -> bool:
    if before.unit is None or "/" not in before.unit:
        return False
    gap = s[before.end : m.start]
    currency = before.unit.partition("/")[0]
    if gap.strip() == "(":
        return currency != m.unit  # a conversion into another currency
    return (
        currency == m.unit
        and rates.continuation.match(gap) is not None
        and s[m.end : m.end + 2].startswith(rates.moved_to)
    )


def to_quantity(nt: NormalizedText, m: Mention) -> Quantity:
    """The output record, with the span mapped back to the caller's string."""
    if nt.original is nt.text:
        start, end = m.start, m.end  # the text was already normal: offsets are its own
    else:
        start, end = nt.span_to_original(m.start, m.end)
    if m.fixed_interval:
        value, low, high = m.value, m.low, m.high
    elif m.qualifier == "exact":
        low = high = value = m.value  # what interval() gives an exact figure, without the call
    else:
        assert m.value is not None
        value = m.value
        low, high = qualifiers().interval(value, m.qualifier, m.step)
    rule = m.rule
    number = None if value is None else to_number(value)
    # The output record, from the recogniser's own typed state, without validating it again
    # (see `from_checked_parts`; tests/test_quantities_properties.py checks that validating a
    # record gives it back unchanged, byte for byte).
    return from_checked_parts(
        Quantity,
        {
            "text": nt.original[start:end],
            "start": start,
            "end": end,
            "value": number,
            "low": number if low is value else _out(low),  # an exact figure: its own ends
            "high": number if high is value else _out(high),
            "unit": m.unit,
            "counter": m.counter,
            "qualifier": m.qualifier,
            "qualifier_word": m.qualifier_word,
            "inclusive": m.inclusive,
            "emphasis": m.emphasis,
            "rule": rule[0] if len(rule) == 1 else "+".join(dict.fromkeys(rule)),
        },
    )


def _out(value: Decimal | None) -> int | float | None:
    return None if value is None else to_number(value)


RULE_EXCHANGE = "exchange_rate"  # 1달러=1,450원, 원·달러 환율 1,450원
RULE_BRACKET_CURRENCY = "bracket_conversion_currency"  # 1200억달러(약 172조): won


def exchange_rates(s: str, mentions: list[Mention]) -> list[Mention]:
    """Won figures that are the price of a currency become a rate (KRW/USD), never a sum:
    "1달러=1,450원" (the two figures are one), "원·달러 환율은 1,450원", "달러당 1,450원"."""
    table = lexicon().units.exchange_rates
    currencies = _money()
    out: list[Mention] = []
    for m in mentions:
        if m.unit not in currencies:
            out.append(m)
            continue
        before = out[-1] if out else None
        if (
            before is not None
            and before.unit in currencies
            and before.unit != m.unit
            and before.value is not None
            and before.value > 0
            and s[before.end : m.start] in table.equals
        ):
            # "1달러=1,450원", "100엔당 905원": won per one unit of the other currency
            joined = m
            joined.start = joined.core_start = before.start
            if joined.value is not None:
                joined.value = joined.value / before.value
            joined.unit = f"{m.unit}/{before.unit}"
            joined.rule.append(RULE_EXCHANGE)
            out[-1] = joined
            continue
        per = _per_word_before(s, m.start, table.per_words)
        if per is not None:
            m.unit = f"{m.unit}/{per[0]}"
            m.start = per[1]
            m.rule.append(RULE_EXCHANGE)
        elif m.unit == "KRW" and _rate_sized(m, table.max_value) and not _sum_between(out, s, m):
            pair = _rate_cue_before(s, m.start, table)
            if pair is not None:
                m.unit = f"KRW/{pair}"
                m.rule.append(RULE_EXCHANGE)
                if pair in table.per_hundred:
                    _scale(m, Decimal("0.01"))
        out.append(m)
    return out


def _scale(m: Mention, factor: Decimal) -> None:
    m.value = m.value * factor if m.value is not None else None
    m.low = m.low * factor if m.low is not None else None
    m.high = m.high * factor if m.high is not None else None
    m.step = m.step * factor if m.step is not None else None


def _rate_sized(m: Mention, most: int) -> bool:
    edge = m.value if m.value is not None else m.low
    return edge is not None and abs(edge) < most


def _sum_between(out: list[Mention], s: str, m: Mention) -> bool:
    """A sum in another currency since the rate word: "환율은 …, 1200억달러(약 172조)"."""
    return bool(out) and out[-1].unit not in (None, "KRW") and "/" not in (out[-1].unit or "/")


def _per_word_before(s: str, start: int, words: dict[str, str]) -> tuple[str, int] | None:
    j = start - 1 if start > 0 and s[start - 1] == " " else start
    for word, code in words.items():
        k = j - len(word)
        if k >= 0 and s.startswith(word, k):
            return code, k
    return None


def _rate_cue_before(s: str, start: int, table) -> str | None:  # type: ignore[no-untyped-def]
    window = s[max(0, start - table.reach) : start]
    for stop in (". ", "\n", "다. "):
        cut = window.rfind(stop)
        if cut >= 0:
            window = window[cut + len(stop) :]
    if not any(cue in window for cue in table.cues):
        return None
    found = [(window.find(word), code) for word, code in table.pairs.items() if word in window]
    return min(found)[1] if found else table.default_pair


def bracket_currency(s: str, mentions: list[Mention]) -> None:
    """A bare figure with a myriad power in brackets right after a sum in another currency is
    that sum in won: "1200억달러(약 172조)" (Korean papers leave 원 out there)."""
    currencies = _money()
    home = lexicon().units.bracket_currency
    for before, m in zip(mentions, mentions[1:], strict=False):
        if m.unit is not None or m.numeral is None or not m.numeral.powered:
            continue
        if before.unit not in currencies or before.unit == home:
            continue
        if s[before.end : m.start] != "(" or s[m.end : m.end + 1] != ")":
            continue
        m.unit = home
        m.rule.append(RULE_BRACKET_CURRENCY)


def finish(s: str, mentions: list[Mention]) -> list[Mention]:
    """The last joins: a bracketed conversion's currency, exchange rates (money only)."""
    money = _money()
    sums = sum(m.unit in money for m in mentions)
    if not sums:
        return mentions
    if "(" in s:
        bracket_currency(s, mentions)
    table = lexicon().units.exchange_rates
    # A rate needs two sums joined, a per word, or a cue word: most sentences have none.
    if sums > 1 or any(w in s for w in table.per_words) or any(c in s for c in table.cues):
        return exchange_rates(s, mentions)
    return mentions


@functools.cache
def _money() -> frozenset[str]:
    return frozenset(c.code for c in lexicon().units.currencies)
