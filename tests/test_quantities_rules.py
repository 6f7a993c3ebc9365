"""Targeted tests of the quantity rules, on sentences written for them (values read as Korean)."""

from __future__ import annotations

import pytest

from claimcheck.quantities import find_quantities


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


def texts(text: str) -> list[str]:
    return [q.text for q in find_quantities(text)]


# --- numeral composition -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2천5백만 원", 25_000_000),
        ("1억2천만 원", 120_000_000),
        ("3억 2500만 원", 325_000_000),
        ("1.5조 원", 1_500_000_000_000),
        ("1경 원", 10**16),
        ("구천구백구십구조 원", 9_999_000_000_000_000),
        ("사천오백만 원", 45_000_000),
        ("만 원", 10_000),
    ],
)
def test_myriad_composition(text: str, value: int) -> None:
    q = one(text)
    assert q.value == value and isinstance(q.value, int)
    assert q.unit == "KRW"


def test_decimal_value_stays_float_and_integral_stays_int() -> None:
    assert one("2.5%").value == 2.5
    assert isinstance(one("3.00%").value, int)


def test_powers_must_fall() -> None:
    # "억만" is not a number (억만장자 is a word); 만억 neither.
    assert find_quantities("억만장자가 늘었다") == []


# --- units, counters and time ------------------------------------------------------------


def test_money_sign_with_scale_and_code_after() -> None:
    q = one("투자 규모는 $2.5B에 이른다")
    assert (q.value, q.unit, q.text) == (2_500_000_000, "USD", "$2.5B")
    q = one("총 300 USD를 냈다")
    assert (q.value, q.unit) == (300, "USD")


def test_currency_code_or_sign_with_or_without_space() -> None:
    assert (one("USD20 인상").value, one("USD20 인상").unit) == (20, "USD")
    q = one("US$ 2.5 billion 규모")
    assert (q.value, q.unit) == (2_500_000_000, "USD")


def test_glued_scale_after_a_model_name_is_its_size_in_parameters() -> None:
    # "70B" after a model's name (or before 모델/파라미터) counts parameters, not money.
    q = one("Llama 70B 모델")
    assert (q.text, q.value, q.unit) == ("70B", 70_000_000_000, "parameters")
    q = one("라마 3.1의 8B 파라미터 버전")
    assert (q.text, q.value, q.unit) == ("8B", 8_000_000_000, "parameters")


def test_glued_scale_without_money_or_model_is_not_an_amount() -> None:
    assert find_quantities("4K 화질") == []
    assert find_quantities("그는 5B 연필을 썼다") == []
    assert find_quantities("R1-Distill-Qwen-32B 모델") == []  # inside a name


def test_counter_word_is_kept() -> None:
    q = one("전국 지점 35곳을 닫는다")
    assert (q.value, q.unit, q.counter) == (35, "count", "곳")


def test_glued_dae_needs_a_particle() -> None:
    assert find_quantities("국내 10대 그룹 총수") == []
    q = one("GPU 1만대를 샀다")
    assert (q.value, q.counter) == (10_000, "대")


def test_week_above_a_year_is_not_a_week() -> None:
    assert all(q.unit != "week" for q in find_quantities("회사는 자사주 100주를 샀다"))
    assert one("공사는 8주간 이어진다").unit == "week"


def test_day_needs_a_duration_cue() -> None:
    assert find_quantities("회의는 15일 열린다") == []
    q = one("회의는 15일간 열린다")
    assert (q.value, q.unit) == (15, "day")


def test_index_point_and_rate_point() -> None:
    q = one("코스닥은 12.5포인트 내렸다")
    assert (q.value, q.unit) == (12.5, "point")
    q = one("실업률은 0.3포인트 올랐다")
    assert q.unit == "percentage_point"


def test_year_and_decade() -> None:
    q = one("이 회사는 2019년 세워졌다")
    assert (q.value, q.unit, q.counter) == (2019, "year", "년")
    q = one("1980년대")
    assert (q.low, q.high, q.qualifier) == (1980, 1990, "range")
    q = one("1980년대 이후")  # since the 1980s: from 1980 on
    assert (q.low, q.high, q.qualifier) == (1980, None, "at_least")


# --- qualifiers --------------------------------------------------------------------------


def test_approx_interval_is_five_percent() -> None:
    q = one("매출은 대략 200억 원이다")
    assert (q.low, q.high) == (19_000_000_000, 21_000_000_000)
    assert q.qualifier_word == "대략"


def test_more_than_step_follows_last_place() -> None:
    q = one("직원 1500여 명")
    assert (q.value, q.low, q.high, q.inclusive) == (1500, 1500, 1600, False)
    q = one("무려 3만여 명이 몰렸다")
    assert (q.low, q.high) == (30_000, 40_000)


def test_more_than_after_the_unit() -> None:
    q = one("협상은 5시간여 이어졌다")
    assert (q.value, q.high, q.qualifier, q.unit) == (5, 6, "at_least", "hour")


def test_bounds_and_inclusiveness() -> None:
    q = one("점유율 20% 미만")
    assert (q.qualifier, q.high, q.low, q.inclusive) == ("at_most", 20, None, False)
    q = one("최소 300명이 다쳤다")
    assert (q.qualifier, q.low, q.high, q.inclusive) == ("at_least", 300, None, True)
    q = one("거래액이 1조 원을 넘어섰다")
    assert (q.qualifier, q.inclusive) == ("at_least", False)


def test_bound_beats_hedge_and_emphasis_bounds_nothing() -> None:
    assert one("약 30% 이상").qualifier == "at_least"
    q = one("불과 약 2억 원")
    assert (q.qualifier, q.emphasis) == ("approx", "only")
    q = one("고작 2억 원")
    assert (q.qualifier, q.low, q.high, q.emphasis) == ("exact", 2e8, 2e8, "only")
    q = one("무려 2억 원")
    assert (q.qualifier, q.emphasis) == ("exact", "as_many_as")
    assert one("2억 원").emphasis is None


def test_qualifier_after_parenthesis_reaches_both_figures() -> None:
    first, second = find_quantities("총비용은 300만 달러(약 40억 원)밖에 안 됐다")
    assert (first.qualifier, first.emphasis, first.text) == ("exact", "only", "300만 달러")
    assert (second.qualifier, second.emphasis) == ("approx", "only")  # its own 약 stays


def test_qualifier_word_inside_another_word_is_not_one() -> None:
    q = one("비용을 절약 30% 줄였다")
    assert q.qualifier == "exact"


# --- ranges and vague magnitudes ---------------------------------------------------------


def test_range_with_shared_scale_and_unit() -> None:
    q = one("예산은 2~3조 원이다")
    assert (q.low, q.high, q.value, q.unit) == (2 * 10**12, 3 * 10**12, None, "KRW")


def test_range_from_to_with_closing_word() -> None:
    q = one("기간은 3년부터 5년까지다")
    assert (q.low, q.high, q.unit, q.text) == (3, 5, "year", "3년부터 5년까지")


def test_change_is_not_a_range() -> None:
    assert len(find_quantities("금리를 3.5%에서 3.25%로 내렸다")) == 2


def test_descending_pair_is_not_a_range() -> None:
    assert len(find_quantities("20명~10명")) == 2


def test_vague_magnitudes() -> None:
    q = one("수백억 원이 들었다")
    assert (q.low, q.high, q.value, q.inclusive) == (10**10, 10**11, None, False)
    q = one("수천 명 이상이 모였다")
    assert (q.qualifier, q.low, q.high) == ("at_least", 1000, None)


def test_range_of_vague_magnitudes() -> None:
    q = one("피해액은 수십억~수백억 원으로 추정된다")
    assert (q.low, q.high, q.unit, q.qualifier) == (10**9, 10**11, "KRW", "range")


def test_band_of_percent() -> None:
    q = one("성장률은 2%대에 머물렀다")
    assert (q.low, q.high, q.qualifier) == (2, 3, "range")


# --- precision: what is not a quantity ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "이 회사의 사업은 구조조정 중이다",
        "이천 물류센터 화재",
        "천안과 세종을 잇는다",
        "조사를 마쳤다",
        "백신 접종",
        "이사회가 열렸다",
        "두 번째 시도",
        "한 해를 돌아보며",
        "코로나19 이후",
        "COVID-19 이후",
        "KF-21 전투기",
        "제2차 회의",
        "2024.11.05 발표",
        "10:30 개장",
        "대표전화 1588-1234",
        "img_2024_03.jpg 참조",
        "#AI2025 행사",
        "버전 1.2.3 배포",
        "3분기 실적",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == [], [(q.text, q.value) for q in find_quantities(text)]


def test_only_the_duration_before_man_e() -> None:
    assert texts("출시 3일 만에 다운로드 100만 건을 넘겼다") == ["3일", "100만 건을 넘겼다"]


def test_full_date_yields_nothing_but_a_lone_year_does() -> None:
    assert find_quantities("2024년 12월 3일 발표") == []
    assert texts("2024년 실적") == ["2024년"]


def test_list_number_after_bullet() -> None:
    assert texts("• 3 매출 25% 증가") == ["25%"]


def test_offsets_follow_the_original_string() -> None:
    text = "매출은\u00a0약\u00a0５６０만\u00a0달러"  # no-break spaces, full-width digits
    q = one(text)
    assert text[q.start : q.end] == q.text
    assert q.value == 5_600_000


def test_sorted_and_non_overlapping() -> None:
    found = find_quantities("1억~2억 원, 약 30%, 2천여 명, 수십억 달러, 절반 이상")
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert len(found) == 5


def test_rank_and_ordinal() -> None:
    q = one("1위 업체")
    assert (q.value, q.unit, q.counter) == (1, "rank", "위")
    assert find_quantities("3위권 진입") == []  # 권 is no particle: "the top three" is a band


def test_dash_between_figures_is_a_range_not_a_sign() -> None:
    q = one("30-40%")
    assert (q.low, q.high, q.qualifier) == (30, 40, "range")
    q = one("수익률 -3~5%")  # a range from a loss to a gain keeps the sign of its low end
    assert (q.low, q.high, q.qualifier, q.unit) == (-3, 5, "range", "percent")
    assert one("GPT-4 점유율 5%").value == 5  # the dash of a name is no sign
