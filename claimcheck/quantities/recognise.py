"""Scanning: every numeral in a text with its unit, qualifiers and interval, as Mentions."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from claimcheck import regexcache as rx
from claimcheck.quantities import guards
from claimcheck.quantities.lexicon import EMPHASIS, Lexicon, WordQuantity, lexicon
from claimcheck.quantities.mention import Mention
from claimcheck.quantities.numerals import Numeral, last_place, reader
from claimcheck.quantities.qualify import (
    RULE_MORE_THAN,
    RULE_PREFIX,
    RULE_SUFFIX,
    QualifierHit,
    qualifiers,
    strength,
)
from claimcheck.quantities.spoken import (
    RULE_EMPHASIS,
    RULE_MINOR_UNIT,
    RULE_MODEL_SIZE,
    RULE_SIGN,
    SpokenReadings,
)
from claimcheck.quantities.units import (
    RULE_LATIN_SCALE,
    RULE_MONEY,
    RULE_POINT_RATE,
    UnitHit,
    matcher,
)

RULE_BARE = "bare_number"  # a figure with no unit word: unit None
RULE_FRACTION = "ratio_fraction"  # 10분의 1
RULE_SLASH = "ratio_slash"  # 1/10
RULE_BAND = "band_suffix"  # 2조 원대, 10%대
RULE_INDEX_POINT = "index_point"  # 코스피 30포인트


class Recogniser(SpokenReadings):
    """Finds figures left to right; each one is a numeral, its unit and its qualifier words."""

    def __init__(self) -> None:
        lex = lexicon()
        self.numerals = reader()
        self.units = matcher()
        self.quals = qualifiers()
        self.table = lex.numerals
        self.words = {w.word: w for w in lex.numerals.words}
        # The same words by first character, in table order (the first that fits wins).
        self.words_by_first: dict[str, list[tuple[str, WordQuantity]]] = {}
        for word, entry in self.words.items():
            self.words_by_first.setdefault(word[0], []).append((word, entry))
        self.fraction = lex.numerals.fraction_marker
        self.digit_run = rx.compile(r"[\d.,]*")
        self.candidate_re = self._candidates(lex)
        self.band = lex.qualifiers.band_suffix
        self.min_bare = lex.numerals.min_bare_syllables
        powers = {**lex.numerals.small_powers, **lex.numerals.myriad_powers}
        self.power_words = tuple(lex.numerals.standalone_power_words)
        self.standalone_values = {Decimal(10) ** powers[w] for w in lex.numerals.standalone_powers}
        signs = lex.numerals.signs
        self.glued_signs = frozenset(signs.glued)
        self.sign_words = tuple(sorted(signs.words, key=len, reverse=True))
        self.sign_ends = frozenset([*signs.glued, " ", *(w[-1] for w in signs.words)])
        self.sign_word_ends = frozenset(w[-1] for w in signs.words)
        self.sign_marks = self.glued_signs | self.sign_word_ends
        self.spoken = lex.numerals.spoken
        self.vague_counters = tuple(sorted(self.spoken.vague_counters, key=len, reverse=True))
        self.sizes = lex.units.model_sizes
        size_scales = rx.alternation(self.sizes.scales)
        size_words = rx.alternation(self.sizes.words_after)
        self.size_re = rx.compile(rf"({size_scales})(?![A-Za-z0-9])(?=( ?(?:{size_words}))?)")
        self.size_power = {x.word: x.power for x in lex.numerals.latin_scales if x.glued}
        self.size_first = frozenset(x[0] for x in self.sizes.scales)
        self.minor_words = tuple(w for c in lex.units.currencies for w in c.minor_words)

    def _candidates(self, lex: Lexicon) -> re.Pattern[str]:
        """Where a figure may start: a digit, or a word that opens with a numeral.

        Numeral syllables open many ordinary words (이번, 일부, 사실), so a syllable is a
        candidate only where another numeral syllable, 여 or 분의 follows it, or where it is
        a standalone power (천 명), a native numeral, 수 before a power, or a number word.
        """
        table = lex.numerals

        def chars(words: object) -> str:
            return re.escape("".join(sorted(set("".join(words)))))  # type: ignore[arg-type]

        sino = chars(self.numerals.sino_chars)
        powers = chars([*table.small_powers, *table.myriad_powers])
        native = sorted([*table.native_ones, *table.native_tens], key=len, reverse=True)
        words = sorted(self.words, key=len, reverse=True)
        hangul = [
            rf"[{sino}](?=[{sino}{re.escape(lex.qualifiers.more_than_infix)}])",
            rf"[{sino}](?={re.escape(self.fraction)})",
            rf"[{sino}](?={re.escape(table.spoken.point)}[{sino}])",  # 일점이삼
            rf"[{sino}](?=" + "|".join(map(re.escape, table.spoken.glued_currencies)) + ")",
            rf"[{chars(table.vague_prefixes)}](?="
            + rx.alternation(table.spoken.vague_counters)
            + ")",
            rf"[{chars(table.standalone_powers)}]",
            rf"[{chars(table.vague_prefixes)}](?=[{powers}])",
            *(re.escape(w) for w in native + words),
        ]
        firsts = chars(
            [*self.numerals.sino_chars, *table.vague_prefixes, *(w[0] for w in native + words)]
        )
        # The first-character test lets most syllables fail fast. A run of digits is one
        # candidate: a digit after another is never where a figure starts (label_before).
        return rx.compile(rf"\d+|(?<![가-힣])(?=[{firsts}])(?:" + "|".join(hangul) + ")")

    def scan(self, s: str) -> list[Mention]:
        masks = guards.Masks(s)
        found: list[Mention] = []
        pos = 0
        for m in self.candidate_re.finditer(s):
            i = m.start()
            if i < pos or masks.covers(i):
                continue
            mention = self._at(s, i)
            if mention is None:
                if s[i].isdigit():
                    # the rest of a refused number (a code, a date, a name) is refused too
                    pos = self.digit_run.match(s, i).end()  # type: ignore[union-attr]
                continue
            if found and mention.start < found[-1].end:
                mention.start = mention.core_start  # a prefix word already used by the last one
                if mention.start < found[-1].end:
                    continue
            found.append(mention)
            pos = mention.end
        return found

    # -- one figure ------------------------------------------------------------------

    def _at(self, s: str, i: int) -> Mention | None:
        if s[i].isdigit():
            label = guards.label_before(s, i, self.table.glued_prefixes)
            if label and not (label == "model_name" and self.units.currency_before(s, i)):
                return None  # GPT-4, 코로나19 (but USD20 is money)
            num = self.numerals.read(s, i, hangul=False)
            return self._after_numeral(s, num) if num else None
        for word, entry in self.words_by_first.get(s[i], ()):
            end = i + len(word)
            if (
                s.startswith(word, i)
                and self.units.word_ends(s, end)
                and (not entry.cues or s.startswith(tuple(entry.cues), end))
            ):
                word_mention = Mention(
                    i, end, i, end, Decimal(str(entry.value)), entry.unit, [entry.rule]
                )
                return self._qualified(s, word_mention)
        native = self.numerals.read_native(s, i)
        if native is not None:
            counted = self._native(s, native)
            if counted is not None:
                return counted
        several = self._several(s, i)
        if several is not None:
            return several
        num = self.numerals.read_vague(s, i) or self.numerals.read(s, i, hangul=True)
        if num is None:
            return None
        spoken = self._spoken_decimal(s, num)
        if spoken is not None:
            return self._after_numeral(s, spoken)
        if num.syllables == 1 and s.startswith(self.power_words, num.start):
            return None  # "대부분 만회", "천장을 뚫었다": one word, no number
        if num.syllables == 1 and not self._standalone(num):
            if not s.startswith(self.fraction, num.end) and not self._glued_currency(s, num):
                return None  # 이, 일, 조 alone are words (이 모델, 조 대표), not numbers
        if num.particle_tail:
            # "이천이 원" is 2002 won, but in "삼천이 넘는" the 이 is the subject particle.
            mention = self._after_numeral(s, num)
            if mention is not None and mention.unit is not None:
                return mention
            shorter = self.numerals.without_particle(s, num)
            return self._after_numeral(s, shorter) if shorter else None
        return self._after_numeral(s, num)

    def _native(self, s: str, num: Numeral) -> Mention | None:
        # 한, 두, 서른다섯 are numbers only before a counter; one syllable needs the space.
        hit = self.units.unit_after(s, num.end, allow_space=True, value=num.value)
        if hit is None or hit.counter is None or hit.currency:
            return None
        if num.syllables == 1 and not hit.spaced:
            glued = s[num.start : hit.end]
            if hit.word not in self.table.native_glued_counters:
                return None  # 세대, 한국, 열대: words, not "three generations"
            if glued in self.table.native_glued_exceptions:
                return None
        mention = Mention(
            num.start,
            hit.end,
            num.start,
            hit.end,
            num.value,
            hit.unit,
            [hit.rule, num.rule],
            counter=hit.counter,
            numeral=num,
        )
        self._after_unit(s, mention)
        return self._qualified(s, mention)

    def _after_numeral(self, s: str, num: Numeral) -> Mention | None:
        end = num.end
        if s.startswith(self.fraction, end):
            return self._fraction(s, num)
        if num.kind == "arabic" and s[end : end + 1] == "/":
            return self._slash(s, num)
        value = num.value
        rules = [num.rule] if num.rule != "arabic" else []
        start = num.start
        unit: str | None = None
        counter: str | None = None
        cur = self.units.currency_before(s, start) if num.kind == "arabic" else None
        if cur is not None:
            unit, start = cur
            rules.insert(0, RULE_MONEY)
        # (the tests _sign_before and _model_size open with, made here first: most figures
        # have neither a sign nor a model size, and the calls cost more than the tests; a sign
        # is glued to the figure, a sign word may end a space before it)
        before = s[start - 2 : start - 1] if s[start - 1 : start] == " " else s[start - 1 : start]
        signed = (
            self._sign_before(s, start)
            if before in self.sign_marks and num.kind in ("arabic", "sino")
            else None
        )
        if signed is not None:
            start, value = signed, -value
            rules.append(RULE_SIGN)
        size = (
            self._model_size(s, num)
            if cur is None and s[end : end + 1] in self.size_first
            else None
        )
        if size is not None:
            value, end = value * Decimal(10) ** size[0], size[1]
            mention = Mention(
                start, end, start, end, value, self.sizes.unit, [*rules, RULE_MODEL_SIZE]
            )
            mention.numeral = num
            return self._qualified(s, mention)
        scale = None
        if _latin_next(s, end):  # a scale word is Latin: most figures need no look
            scale = self.units.scale_after(s, end, money=cur is not None)
            if (
                scale is None
                and num.kind == "arabic"
                and self.units.glued_scale_then_currency(s, end)
            ):
                scale = self.units.scale_after(s, end, money=True)
        power = 0
        if scale is not None:
            power, end = scale
            value = value * Decimal(10) ** power
            rules.append(RULE_LATIN_SCALE)
        # After a currency sign no unit word is read ("$100 달러" says it twice).
        hit = self.units.unit_after(s, end, value=value) if unit is None else None
        if hit is not None:
            unit, end = hit.unit, hit.end
            counter = hit.counter
            rules.insert(0, hit.rule)
            if hit.factor != 1:
                value = value * hit.factor  # 1,200메가와트 = 1.2 GW
            elif hit.currency:
                cents = self._minor(s, end, hit.unit)
                if cents is not None:
                    value, end = value + cents[0], cents[1]
                    rules.append(RULE_MINOR_UNIT)
            if hit.unit == "point":
                if self.units.rate_cue_before(s, start):
                    unit, rules[0] = "percentage_point", RULE_POINT_RATE
                else:
                    rules[0] = RULE_INDEX_POINT
        mention = Mention(start, end, start, end, value, unit, rules, counter)
        mention.numeral, mention.scale = num, power  # (set, not passed by keyword: cheaper)
        if hit is not None and hit.factor != 1:
            mention.factor = hit.factor
        if unit is None and not self._bare_ok(s, num, mention) and not mention.provisional:
            return None
        if hit is not None and not self._unit_ok(num, hit):
            return None
        if num.kind == "vague":
            mention.qualifier, mention.value = "range", None
            mention.low, mention.high = num.value, num.high
            mention.inclusive, mention.fixed_interval, mention.strength = False, True, 4
        if hit is not None and num.kind != "vague":
            self._after_unit(s, mention)
        if num.more_than and not mention.fixed_interval:
            self._more_than(mention)
        return self._qualified(s, mention)

    def _more_than(self, mention: Mention) -> None:
        # 여: "2천여 대" is above 2000 and below 3000 (one step of the last stated place).
        assert mention.value is not None
        mention.qualifier, mention.qualifier_word = "at_least", self.quals.table.more_than_infix
        mention.inclusive, mention.strength = False, 3
        mention.step = last_place(mention.value)
        mention.rule.append(RULE_MORE_THAN)

    def _after_unit(self, s: str, mention: Mention) -> None:
        """여 or 대 glued after the unit: "3시간여", "1년여"; "2조 원대", "10%대"."""
        end = mention.core_end
        infix = self.quals.table.more_than_infix
        if s.startswith(infix, end) and self.units.word_ends(s, end + len(infix)):
            if mention.counter != infix and mention.value is not None:
                self._more_than(mention)
                mention.core_end = mention.end = end + len(infix)
            return
        self._band(s, mention)

    def _unit_ok(self, num: Numeral, hit: UnitHit) -> bool:
        return (
            num.kind != "sino"
            or num.syllables > 1
            or self._standalone(num)
            or (hit.currency and not hit.spaced)
        )

    def _standalone(self, num: Numeral) -> bool:
        """One syllable is a number only as 백, 천, 만 (천 명) or with 여 (십여 년)."""
        return num.kind != "sino" or num.more_than or num.value in self.standalone_values

    def _bare_ok(self, s: str, num: Numeral, mention: Mention) -> bool:
        """A figure without a unit word: kept only where it is plainly a number."""
        end = num.end if mention.scale == 0 else mention.core_end
        if not self._ends_as_number(s, end):
            return False
        if num.kind == "native":
            return False
        if num.kind == "vague" and num.syllables < self.min_bare:
            mention.provisional = True  # 수십~수백 명: waits for a range
            return False
        if num.kind in ("sino", "vague"):
            return num.syllables >= self.min_bare
        if guards.version_label(s, num.start) or guards.list_mark(s, num.start, num.end):
            if s[end : end + 2].lstrip()[:1] in ("~", "∼", "〜"):
                mention.provisional = True  # "H800 1500~2500개": a range's first end
            return False
        if guards.street_number(s, num.start, self.units.table.address_endings):
            return False
        mention.rule.insert(0, RULE_BARE)
        if mention.value is not None and abs(mention.value) < 10 and not num.powered:
            mention.provisional = True  # 1~2%: waits for a range; alone it is a label
            return False
        return True

    def _ends_as_number(self, s: str, end: int) -> bool:
        if end >= len(s):
            return True
        ch = s[end]
        if ch.isascii() and ch.isalpha():
            return False  # 5G, 3nm, 4o
        if ch in ".-" and end + 1 < len(s) and s[end + 1].isascii() and s[end + 1].isalpha():
            return False  # 3.png, 4-bit
        return self.units.word_ends(s, end)

    def _band(self, s: str, mention: Mention) -> None:
        # "2조 원대": from 2조 up to (not including) the next step of the last stated place.
        end = mention.core_end
        if not s.startswith(self.band, end) or not self.units.word_ends(s, end + len(self.band)):
            return
        if mention.counter == self.band or mention.value is None:
            return
        low = mention.value
        step = self.units.table.band_steps.get(mention.unit or "")
        mention.low, mention.high = low, low + (Decimal(step) if step else last_place(low))
        mention.value, mention.qualifier, mention.inclusive = None, "range", False
        mention.fixed_interval, mention.strength = True, 4
        mention.core_end = mention.end = end + len(self.band)
        mention.rule.append(RULE_BAND)

    def _fraction(self, s: str, den: Numeral) -> Mention | None:
        j = den.end + len(self.fraction)
        if s.startswith(" ", j):
            j += 1
        if j >= len(s):
            return None
        num = self.numerals.read(s, j, hangul=not s[j].isdigit())
        if num is None or den.value == 0 or not self._ends_as_number(s, num.end):
            return None
        value = num.value / den.value
        mention = Mention(den.start, num.end, den.start, num.end, value, "ratio", [RULE_FRACTION])
        if den.kind == "vague" and den.high:
            # "수십분의 1": one part in some tens, between 1/99 and 1/10, no one fraction
            mention.qualifier, mention.value = "range", None
            mention.low, mention.high = num.value / den.high, value
            mention.inclusive, mention.fixed_interval, mention.strength = False, True, 4
        return self._qualified(s, mention)

    def _slash(self, s: str, a: Numeral) -> Mention | None:
        j = a.end + 1
        b = self.numerals.read(s, j, hangul=False) if j < len(s) and s[j].isdigit() else None
        if b is None or b.powered or a.powered or not (0 < a.value < b.value):
            return None  # 24/7, 3/2: not a share of a whole
        if not self._ends_as_number(s, b.end) or s[b.end : b.end + 1] == "/":
            return None  # 1/10/2025 is a date
        mention = Mention(a.start, b.end, a.start, b.end, a.value / b.value, "ratio", [RULE_SLASH])
        return self._qualified(s, mention)

    # -- qualifiers ------------------------------------------------------------------

    def _qualified(self, s: str, mention: Mention) -> Mention:
        pre = self.quals.prefix_before(s, mention.core_start)
        if pre is not None and (not pre.units or mention.unit in pre.units):
            mention.prefix, mention.start = pre, pre.start
            self.apply(mention, pre, RULE_PREFIX)
            outer = self.quals.prefix_before(s, pre.start)  # 불과 약 2억 원: emphasis, then a hedge
            if outer is not None and outer.family in EMPHASIS and pre.family not in EMPHASIS:
                mention.start = outer.start
                self.apply(mention, outer, RULE_PREFIX)
        if s[mention.core_end : mention.core_end + 1] != ")":
            post = self.quals.suffix_after(s, mention.core_end)
            if (
                post is not None
                and (not post.units or mention.unit in post.units)
                and not (
                    mention.unit in post.whole_units
                    and "." in s[mention.core_start : mention.core_end]
                )
            ):
                mention.suffix, mention.end = post, post.end
                self.apply(mention, post, RULE_SUFFIX)
        return mention

    def apply(self, mention: Mention, hit: QualifierHit, rule: str) -> None:
        """Let a qualifier word decide the interval unless a stronger one already does."""
        if hit.family in EMPHASIS:
            # 불과, 밖에, 무려 stress the figure; the figure itself is meant.
            if mention.emphasis is None:
                mention.emphasis = hit.family
                mention.rule.append(RULE_EMPHASIS)
            return
        new = strength(hit.family, hit.weak)
        if mention.fixed_interval:
            if (
                mention.qualifier == "range"
                and hit.family == "approx"
                and not mention.qualifier_word
            ):
                mention.qualifier_word = hit.word  # 약 1400억~1조 4000억 원
            elif hit.family == "at_least" and mention.value is None:
                # "수천 명 이상": at least the low end of the vague interval.
                mention.qualifier, mention.high = "at_least", None
                mention.qualifier_word, mention.inclusive = hit.word, hit.inclusive
                mention.rule.append(rule)
            return
        if new <= mention.strength:
            return
        mention.qualifier, mention.qualifier_word = hit.family, hit.word
        mention.inclusive, mention.strength = hit.inclusive, new
        mention.step = None
        mention.rule.append(rule)


def _latin_next(s: str, pos: int) -> bool:
    """A Latin letter at pos, or after one space there."""
    ch = s[pos : pos + 1]
    if ch == " ":
        ch = s[pos + 1 : pos + 2]
    return ch.isascii() and ch.isalpha()


@functools.cache
def recogniser() -> Recogniser:
    return Recogniser()
