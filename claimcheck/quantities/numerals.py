"""Numeral composition: Arabic, Sino-Korean, native and vague numerals read into exact Decimals."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from claimcheck import regexcache as rx
from claimcheck.quantities.lexicon import NumeralTable, lexicon

# Rule names recorded on every numeral (Quantity.rule carries them on).
RULE_ARABIC = "arabic"  # digits with separators/decimals: 1,400 / 5.6
RULE_MYRIAD = "myriad_compose"  # groups by 만/억/조: 1조 4000억, 557만6000, 2천5백만
RULE_SINO = "sino_korean"  # numeral written in syllables: 삼천억, 이십오만
RULE_NATIVE = "native_korean"  # 서른다섯, 두
RULE_VAGUE = "vague_magnitude"  # 수천억: [1000억, 1조)

# At most 18 digits before the point and 12 after: a longer run is an identifier (a serial, a hash),
# not a figure, and reading it as one would overflow the arithmetic downstream.
_ARABIC = r"(?<!\d)(?:\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?)(?![\d,]\d)"
_NO_LIMIT = 99


# Not frozen: a frozen dataclass costs five times as much to build, and one is built per figure.
@dataclass(slots=True)
class Numeral:
    """A numeral at [start, end) of the normalised text."""

    start: int
    end: int
    value: Decimal
    kind: str  # arabic | sino | native | vague
    rule: str
    syllables: int = 0  # Hangul syllables spelled (for the "is it a word?" test)
    more_than: bool = False  # 여 infix: 2천여
    tail_power: int = 0  # exponent of the closing myriad power (3~4조 lends 조 to 3)
    powered: bool = False  # any 십/백/천/만/억/조 in it
    high: Decimal | None = None  # exclusive upper bound of a vague magnitude
    particle_tail: bool = False  # ends in 이 after a power: digit two, or the particle?


class NumeralReader:
    """Reads numerals with a few composition rules built from the word tables."""

    def __init__(self, table: NumeralTable, more_than: str) -> None:
        self.table = table
        self.digits = dict(table.sino_digits)
        self.small = table.small_powers
        self.myriad = table.myriad_powers
        self.more_than = more_than
        cls = lambda chars: "[" + "".join(re.escape(c) for c in chars) + "]"  # noqa: E731
        self.token_re = rx.compile(
            rf"(?P<num>{_ARABIC})|(?P<small>{cls(self.small)})|(?P<myr>{cls(self.myriad)})"
            rf"|(?P<digit>{cls(self.digits)})|(?P<more>{re.escape(more_than)})|(?P<space> )"
        )
        self.sino_chars = set(self.digits) | set(self.small) | set(self.myriad)
        self.arabic_re = rx.compile(_ARABIC)
        # "560만", "1.4조", "1,400억": digits and one myriad that nothing continues (no digit,
        # power or 여 after it, glued or after a space), read without the general loop.
        powers = "".join(re.escape(c) for c in [*self.small, *self.myriad, more_than])
        self.one_myriad_re = rx.compile(
            rf"(?!0\d)(?P<n>{_ARABIC})(?P<p>{cls(self.myriad)})(?![\d{powers}]| [\d{powers}])"
        )
        self.continues = set(self.small) | set(self.myriad) | {more_than, " "}
        ones = sorted(table.native_ones, key=len, reverse=True)
        tens = sorted(table.native_tens, key=len, reverse=True)
        self.native_re = rx.compile(
            rf"(?P<tens>{'|'.join(tens)})(?P<ones>{'|'.join(ones)})?|(?P<only>{'|'.join(ones)})"
        )

    # -- the composition rules -------------------------------------------------------

    def read(self, s: str, i: int, hangul: bool) -> Numeral | None:
        """Longest numeral at i: Arabic-led (hangul=False) or spelled in syllables."""
        if not hangul:
            plain = self._plain(s, i)
            if plain is not None:
                return plain
            m = self.one_myriad_re.match(s, i)
            if m is not None:
                power = self.myriad[m.group("p")]
                whole = Decimal(m.group("n").replace(",", "")) * 10**power
                if whole:  # "0조" is no power of anything: the general rules say so
                    return Numeral(i, m.end(), whole, "arabic", RULE_MYRIAD, 0, False, power, True)
        # The reader's state, kept in locals because this loop runs for every numeral.
        # Plain ints while the digits are whole (fast and exact); Decimal once a point appears.
        total: int | Decimal = 0
        group: int | Decimal = 0
        coef: int | Decimal | None = None
        last_small = last_myriad = _NO_LIMIT
        more_than = after_more = powered = spaced = False
        syllables = tail = tokens = 0
        last_kind = prev_kind = last_text = ""
        good: tuple | None = None  # the state after the last token that ends a numeral
        trailing: tuple | None = None
        pos, n, match = i, len(s), self.token_re.match
        while pos < n:
            m = match(s, pos)
            if m is None:
                break
            kind, text = m.lastgroup or "", m.group()
            if after_more and kind != "myr":
                break  # after 여 only a myriad may come: 560여만
            if kind == "space":
                if last_kind != "myr":
                    break
                spaced, trailing = True, None
                pos = m.end()
                last_kind, prev_kind = kind, last_kind
                continue
            if kind == "num" or kind == "digit":
                if coef is not None or (kind == "num") == hangul:
                    break
                if kind == "num":
                    if (text[0] == "0" and len(text) > 1 and text[1] != ".") or (
                        # a decimal only leads (1.4조) or closes a group of three or four
                        # digits after a myriad (2만1035.42, an index)
                        tokens
                        and "." in text
                        and (last_kind not in ("myr", "space") or text.index(".") < 3)
                    ):
                        break
                    digits = text.replace(",", "")
                    value: int | Decimal = Decimal(digits) if "." in digits else int(digits)
                else:
                    value = self.digits[text]
                if last_small != _NO_LIMIT and value >= 10**last_small:
                    break
                if last_myriad != _NO_LIMIT and value >= 10**last_myriad:
                    break
                coef, tail = value, 0
            elif kind == "small":  # compose by multiplication: 2천 = 2 × 10^3
                power = self.small[text]
                factor = 1 if coef is None else coef
                if power >= last_small or factor >= 10:
                    break
                group += factor * 10**power
                coef, last_small, powered, tail = None, power, True, 0
            elif kind == "myr":  # close a myriad group: (2천5백) × 10^4
                power = self.myriad[text]
                closed = group + (coef or 0)
                if power >= last_myriad or (closed == 0 and tokens):
                    break  # 억만, "1조 억": a power with nothing to multiply
                if last_myriad != _NO_LIMIT and closed >= 10 ** (last_myriad - power):
                    break
                total += (closed or 1) * 10**power
                group, coef, last_small = 0, None, _NO_LIMIT
                last_myriad, tail, powered, after_more, spaced = power, power, True, False, False
            else:  # 여
                if more_than or tokens == 0 or last_kind == "space":
                    break
                more_than = after_more = True
            if hangul and kind != "more":
                syllables += 1
            prev_kind, last_kind, last_text = last_kind, kind, text
            tokens += 1
            pos = m.end()
            state = (
                pos,
                total + group + (coef or 0),
                syllables,
                more_than,
                tail,
                powered,
                last_kind,
                prev_kind,
                last_text,
            )
            if spaced:
                trailing = state
            else:
                good = state
        if spaced and trailing is not None:
            # "557만 6000", "12억 3456만 7898": Korean spacing puts a space after every
            # myriad unit, so the units group after the last one still belongs to it.
            good = trailing
        if good is None:
            return None
        end, value, syllables, more_than, tail, powered, last_kind, prev_kind, last_text = good
        if hangul:
            rule, kind_name = RULE_SINO, "sino"
        else:
            rule, kind_name = (RULE_MYRIAD if powered else RULE_ARABIC), "arabic"
        particle = (
            hangul
            and last_kind == "digit"
            and prev_kind in ("small", "myr")
            and last_text in self.table.particle_digits
        )
        return Numeral(
            i,
            end,
            Decimal(value),
            kind_name,
            rule,
            syllables,
            more_than,
            tail,
            powered,
            particle_tail=particle,
        )

    def _plain(self, s: str, i: int) -> Numeral | None:
        """The common case, read directly: digits that no power, 여 or space continues."""
        m = self.arabic_re.match(s, i)
        if m is None:
            return None
        end = m.end()
        if end < len(s) and s[end] in self.continues:
            return None
        text = m.group()
        if text.startswith("0") and len(text) > 1 and text[1] != ".":
            return None  # 000660: a code, not a number (the general reader refuses it too)
        return Numeral(i, end, Decimal(text.replace(",", "")), "arabic", RULE_ARABIC)

    def without_particle(self, s: str, num: Numeral) -> Numeral | None:
        """The same numeral read with its closing 이 as the subject particle ("천이 넘는")."""
        shorter = self.read(s[: num.end - 1], num.start, hangul=True)
        return replace(shorter, particle_tail=False) if shorter else None

    def read_vague(self, s: str, i: int) -> Numeral | None:
        """수 + powers: 수천억 is the interval [1000억, 1조)."""
        if s[i : i + 1] not in self.table.vague_prefixes:
            return None
        nxt = s[i + 1 : i + 2]
        if nxt not in self.small and nxt not in self.myriad:
            return None
        inner = self.read(s, i + 1, hangul=True)
        if inner is None or inner.value == 0:
            return None
        # Only powers may follow 수 (수천억, 수십만): no digit syllables.
        spelled = s[i + 1 : inner.end]
        if any(ch in self.digits for ch in spelled) or inner.more_than:
            return None
        return Numeral(
            start=i,
            end=inner.end,
            value=inner.value,
            kind="vague",
            rule=RULE_VAGUE,
            syllables=inner.syllables + 1,
            tail_power=inner.tail_power,
            powered=True,
            high=inner.value * 10,
        )

    def read_native(self, s: str, i: int) -> Numeral | None:
        """Native numerals (한, 두, 서른다섯); the caller demands a counter after them."""
        m = self.native_re.match(s, i)
        if m is None:
            return None
        tens = m.group("tens")
        ones = m.group("ones") or m.group("only")
        if tens in self.table.native_tens_alone and m.group("ones"):
            return None
        value = self.table.native_tens.get(tens or "", 0) + self.table.native_ones.get(
            ones or "", 0
        )
        return Numeral(
            start=i,
            end=m.end(),
            value=Decimal(value),
            kind="native",
            rule=RULE_NATIVE,
            syllables=m.end() - i,
        )


@functools.cache
def reader() -> NumeralReader:
    lex = lexicon()
    return NumeralReader(lex.numerals, lex.qualifiers.more_than_infix)


def to_number(value: Decimal) -> int | float:
    """int when integral (exact up to 10^16 and beyond), else float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def last_place(value: Decimal) -> Decimal:
    """One step of the last stated place: 2000 → 1000, 560만 → 10만, 1.5 → 0.1."""
    if value == 0:
        return Decimal(1)
    sign, digits, exponent = value.normalize().as_tuple()
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(exponent)
