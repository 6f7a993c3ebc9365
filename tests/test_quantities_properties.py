"""Laws of the quantity normaliser: integers rendered in Korean read back; no text crashes it."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.models import Quantity
from claimcheck.quantities import find_quantities

MYRIADS = [(10**16, "경"), (10**12, "조"), (10**8, "억"), (10**4, "만"), (1, "")]
SINO_DIGITS = "일이삼사오육칠팔구"
SMALL = [(1000, "천"), (100, "백"), (10, "십")]
MAX = 10**16


# --- renderers, written independently of the implementation ------------------------------


def _groups(n: int) -> list[tuple[int, str]]:
    """The non-zero myriad groups of n, largest first: 140000000000 → [(1400, '억')]."""
    out = []
    for size, word in MYRIADS:
        group, n = divmod(n, size)
        if group:
            out.append((group, word))
    return out


def spaced(n: int) -> str:  # 1조 4000억
    return " ".join(f"{g}{w}" for g, w in _groups(n))


def glued(n: int) -> str:  # 1조4000억
    return "".join(f"{g}{w}" for g, w in _groups(n))


def grouped_commas(n: int) -> str:  # 1,400억 / 1조 4,000억
    return " ".join(f"{g:,}{w}" for g, w in _groups(n))


def commas(n: int) -> str:  # 1,400,000,000,000
    return f"{n:,}"


def _small_group(g: int, digit: Callable[[int], str]) -> str:
    out = ""
    for size, word in SMALL:
        d, g = divmod(g, size)
        if d:
            out += ("" if d == 1 else digit(d)) + word
    return out + (digit(g) if g else "")


def sino(n: int) -> str:  # 삼천억, 이십오만, 일억
    parts = []
    for g, w in _groups(n):
        text = _small_group(g, lambda d: SINO_DIGITS[d - 1])
        if g == 1 and w in ("억", "조", "경"):
            text = "일"  # 일억 is written; a bare 억 is not a number
        parts.append(text + w)
    return "".join(parts)


def mixed_powers(n: int) -> str:  # 2천500만 원, 1천234억 원 (news-agency style)
    def group(g: int) -> str:
        thousands, rest = divmod(g, 1000)
        return (f"{thousands}천" + (str(rest) if rest else "")) if thousands else str(g)

    return " ".join(group(g) + w for g, w in _groups(n))


STYLES = [spaced, glued, grouped_commas, commas, mixed_powers]


# --- round trips -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=MAX),
    style=st.sampled_from(STYLES),
    unit=st.sampled_from([(" 원", "KRW"), ("달러", "USD"), (" 위안", "CNY"), ("명", "count")]),
)
@example(n=1_400_000_000_000, style=spaced, unit=(" 원", "KRW"))
@example(n=14_800_000_000_000, style=glued, unit=(" 원", "KRW"))
@example(n=5_576_000, style=glued, unit=("달러", "USD"))
@example(n=MAX, style=spaced, unit=(" 원", "KRW"))
def test_arabic_styles_read_back(
    n: int, style: Callable[[int], str], unit: tuple[str, str]
) -> None:
    word, code = unit
    text = style(n) + word
    found = find_quantities(text)
    assert [(q.value, q.unit, q.text) for q in found] == [(n, code, text)]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=11, max_value=MAX))
@example(n=300_000_000_000)  # 삼천억
@example(n=250_000)  # 이십오만
@example(n=2002)  # 이천이: the closing 이 is a digit before a unit
def test_sino_korean_reads_back(n: int) -> None:
    text = f"{sino(n)} 원"
    found = find_quantities(text)
    assert [(q.value, q.unit, q.text) for q in found] == [(n, "KRW", text)]


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=10, max_value=MAX), style=st.sampled_from(STYLES))
def test_bare_numbers_in_a_sentence(n: int, style: Callable[[int], str]) -> None:
    text = f"지수는 {style(n)}에 마감했다."
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(n, None)]


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12), style=st.sampled_from(STYLES))
def test_approx_interval_brackets_the_value(n: int, style: Callable[[int], str]) -> None:
    (q,) = find_quantities(f"약 {style(n)} 원")
    assert q.qualifier == "approx" and q.value == n
    assert q.low is not None and q.high is not None
    assert q.low < n < q.high
    assert abs(q.high - n) <= 0.05 * n * (1 + 1e-9)


# --- robustness --------------------------------------------------------------------------

NUMERIC_ALPHABET = st.sampled_from(
    list("0123456789,.~-/%$ ()여대약수이일삼사오십백천만억조경한두세명원달러개배분의년시간이상")
    + list("△▼=점위살BG마이너스불과환율센트석달")
    + ["\u00a0", "\uff15", "\u200b", "\n", "•", "\u0301", "\u1100", "\u1161"]
)


def _check(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        # records are built without re-validation: validating one must give it back unchanged
        validated = Quantity.model_validate(q.model_dump())
        assert validated == q and validated.model_dump_json() == q.model_dump_json()
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(NUMERIC_ALPHABET, max_size=40))
def test_numeral_soup_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
@example("A\n0T")  # a model-size scale letter with no glued reading once raised KeyError
def test_any_text_never_crashes(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("0123456789,. 만억조천백십여원달러")), max_size=16))
def test_the_one_myriad_shortcut_reads_as_the_general_reader_does(text: str) -> None:
    """'560만', '1.4조': the shortcut gives the very numeral the composition rules give."""
    import re

    from claimcheck.quantities.numerals import NumeralReader, reader

    fast = reader()
    general = NumeralReader(fast.table, fast.more_than)
    general.one_myriad_re = re.compile(r"(?!)")  # never matches: every numeral takes the loop
    for i, ch in enumerate(text):
        if ch.isdigit():
            assert fast.read(text, i, hangul=False) == general.read(text, i, hangul=False), i
