"""The recogniser's rarer readings: signs, spoken decimals, "several", model sizes, cents, and a
text that is only a number word."""

from __future__ import annotations

import re
from decimal import Decimal

from claimcheck.quantities import guards
from claimcheck.quantities.lexicon import NumeralTable, SpokenNumerals
from claimcheck.quantities.mention import Mention
from claimcheck.quantities.numerals import Numeral, NumeralReader
from claimcheck.quantities.units import UnitMatcher

RULE_SIGN = "minus_sign"  # -4.21%, △3.2%, 마이너스 3%
RULE_EMPHASIS = "emphasis"  # 불과, 밖에, 무려: recorded, not a bound
RULE_SPOKEN_POINT = "spoken_point"  # 삼점사 = 3.4
RULE_VAGUE_COUNT = "vague_several"  # 수개월: two to ten months
RULE_MODEL_SIZE = "model_size"  # 32B 모델: parameters
RULE_WHOLE_TEXT = "whole_text_number"  # a text that is only a number word
RULE_MINOR_UNIT = "minor_unit"  # 이달러이십삼센트: cents after dollars


class SpokenReadings:
    """Mixed into the Recogniser, whose tables (numerals, units, signs, spoken …) they read."""

    # Set by Recogniser.__init__.
    numerals: NumeralReader
    units: UnitMatcher
    table: NumeralTable
    spoken: SpokenNumerals
    glued_signs: frozenset[str]
    sign_words: tuple[str, ...]
    sign_ends: frozenset[str]
    sign_word_ends: frozenset[str]
    vague_counters: tuple[str, ...]
    size_re: re.Pattern[str]
    size_first: frozenset[str]
    size_power: dict[str, int]
    minor_words: tuple[str, ...]

    def _qualified(self, s: str, mention: Mention) -> Mention:
        raise NotImplementedError  # the Recogniser's

    def _sign_before(self, s: str, start: int) -> int | None:
        """Where a minus sign before the figure starts: "-4.21%", "(△3.2%)", "마이너스 3%".

        A dash after a digit or a letter is a range or a name (30-40%, GPT-4), not a sign.
        """
        if start == 0:
            return None
        before = s[start - 1]
        if before not in self.sign_ends:
            return None  # most figures: no sign character or sign word ends here
        if before in self.glued_signs:
            if start >= 2 and (s[start - 2].isalnum() or s[start - 2] in self.glued_signs):
                return None
            return start - 1
        j = start - 1 if s[start - 1] == " " else start
        if j == 0 or s[j - 1] not in self.sign_word_ends:
            return None  # no sign word ends here (most figures after a space)
        for word in self.sign_words:
            k = j - len(word)
            if k >= 0 and s.startswith(word, k) and (k == 0 or not s[k - 1].isalnum()):
                return k
        return None

    def _spoken_decimal(self, s: str, num: Numeral) -> Numeral | None:
        """삼점사 = 3.4, 이십구점구구유로 = 29.99 euros: a decimal read aloud.

        Only before a unit word or at the end of the text ("이점이 있다" is "an advantage").
        """
        point = self.spoken.point
        if num.kind != "sino" or num.particle_tail or not s.startswith(point, num.end):
            return None
        j = num.end + len(point)
        digits = ""
        while j < len(s) and s[j] in self.numerals.digits:
            digits += str(self.numerals.digits[s[j]])
            j += 1
        if not digits:
            return None
        rest = s[j:].strip()
        if rest and self.units.unit_after(s, j, allow_space=True) is None:
            return None
        value = num.value + Decimal("0." + digits)
        return Numeral(
            num.start, j, value, "sino", RULE_SPOKEN_POINT, num.syllables + 1 + len(digits)
        )

    def _glued_currency(self, s: str, num: Numeral) -> bool:
        """십원, 구파운드: one numeral syllable glued to a currency is a sum (not 사원, 구원)."""
        if num.end - num.start != 1 or not (
            s[num.start] in self.numerals.digits or num.value == 10
        ):
            return False  # one digit or 십: not 조원 (team members), 경유로
        hit = self.units.unit_after(s, num.end, allow_space=False)
        if hit is None or not hit.currency or hit.word not in self.spoken.glued_currencies:
            return False
        return s[num.start : hit.end] not in self.spoken.glued_currency_words

    def _several(self, s: str, i: int) -> Mention | None:
        """수개월, 수년간, 수차례: 수 alone before a counter is "several" (two up to ten)."""
        if s[i] not in self.table.vague_prefixes or not s.startswith(self.vague_counters, i + 1):
            return None
        hit = self.units.unit_after(s, i + 1, allow_space=False)
        if hit is None or hit.counter is None:
            return None
        mention = Mention(i, hit.end, i, hit.end, None, hit.unit, [hit.rule, RULE_VAGUE_COUNT])
        mention.counter, mention.qualifier = hit.counter, "range"
        mention.low, mention.high = Decimal(self.spoken.vague_low), Decimal(self.spoken.vague_high)
        mention.inclusive, mention.fixed_interval, mention.strength = False, True, 4
        return self._qualified(s, mention)

    def _model_size(self, s: str, num: Numeral) -> tuple[int, int] | None:
        """32B 모델, Qwen 32B, 1.2B parameters: (power of ten, end) of a model's size."""
        if num.kind != "arabic" or s[num.end : num.end + 1] not in self.size_first:
            return None
        m = self.size_re.match(s, num.end)
        if m is None:
            return None
        if m.group(2) is None and not guards.version_label(s, num.start):
            return None
        power = self.size_power.get(m.group(1))  # a scale with no glued reading ("0T") is none
        return (power, m.end(1)) if power is not None else None

    def _minor(self, s: str, pos: int, unit: str) -> tuple[Decimal, int] | None:
        """이달러이십삼센트, 2달러 23센트: the cents after whole dollars, (amount, end)."""
        if not any(word in s for word in self.minor_words):
            return None
        j = pos + 1 if s.startswith(" ", pos) else pos
        if j >= len(s):
            return None
        num = self.numerals.read(s, j, hangul=not s[j].isdigit())
        if num is None:
            return None
        hit = self.units.unit_after(s, num.end, allow_space=False)
        if hit is None or hit.unit != unit or hit.rule != RULE_MINOR_UNIT:
            return None
        return num.value * hit.factor, hit.end

    def whole(self, s: str) -> Mention | None:
        """A text that is only a number word ("한", "스물", "억이", "마이너스삼", "-3", "영")."""
        text = s.strip()
        if not text or len(text) > 40:
            return None
        start = len(s) - len(s.lstrip())
        sign, body = 1, text
        for word in (*self.sign_words, *sorted(self.glued_signs)):
            if text.startswith(word):
                sign, body = -1, text[len(word) :].lstrip()
                break
        b = start + len(text) - len(body)
        if body in self.spoken.zero_words:
            value = Decimal(0)
        else:
            num = self.numerals.read_native(s, b)
            if num is None or num.end != b + len(body):
                num = self.numerals.read(s, b, hangul=not body[:1].isdigit())
                if num is not None:
                    num = self._spoken_decimal(s, num) or num
            value = num.value if num is not None else Decimal(0)
            if num is not None and num.end != b + len(body):
                ones = self.numerals.read_native(s, num.end)  # 십하나: Sino tens, native ones
                if ones is None or ones.value >= 10 or num.value % 10 or ones.end != b + len(body):
                    return None
                value += ones.value
            if num is None:
                return None
        end = start + len(text)
        return Mention(start, end, start, end, sign * value, None, [RULE_WHOLE_TEXT])
