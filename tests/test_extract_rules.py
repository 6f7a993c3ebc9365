"""Extraction rules on sentences written for these tests (not from the seeds or the corpus)."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_claims
from claimcheck.load import load_articles

FRONT = "---\ntitle: {title}\noutlet: 테스트일보\npublished: 2025-02-03\nkind: news\n---\n{title}\n"


def claims_of(tmp_path, body: str, title: str = "AI 업계 소식"):
    path = tmp_path / "article.txt"
    path.write_text(FRONT.format(title=title) + body, encoding="utf-8")
    (article,) = load_articles([path])
    return extract_claims(article)


def only(claims, topic):
    found = [c for c in claims if c.topic == topic]
    assert len(found) == 1, [(c.topic, c.quote) for c in claims]
    return found[0]


def test_cost_claimed_by_the_company_is_attributed(tmp_path):
    claims = claims_of(tmp_path, "미스트랄은 새 모델 학습에 약 300만 달러를 썼다고 밝혔다.\n")
    claim = only(claims, "training_cost")
    assert claim.quantity.value == 3_000_000 and claim.quantity.unit == "USD"
    assert claim.stance == "attributed"


def test_other_companies_spending_is_peer_cost(tmp_path):
    body = "네이버는 자체 모델을 만들었다. 반면 미국 빅테크 기업들은 모델 하나 개발에 10억 달러 이상을 쓴다.\n"
    claim = only(claims_of(tmp_path, body), "peer_cost")
    assert claim.quantity.qualifier == "at_least" and claim.quantity.value == 1_000_000_000


def test_share_move_owner_and_direction(tmp_path):
    claims = claims_of(tmp_path, "이날 삼성전자 주가는 2.4% 내렸고 SK하이닉스는 9.9% 급락했다.\n")
    moves = {c.subject: c for c in claims if c.topic == "stock_change"}
    assert set(moves) == {"samsung-electronics", "sk-hynix"}
    assert moves["sk-hynix"].quantity.value == 9.9
    assert {c.attributes["direction"] for c in moves.values()} == {"down"}


def test_a_rise_is_up(tmp_path):
    claim = only(claims_of(tmp_path, "엔비디아 주가는 다음 날 8.9% 반등했다.\n"), "stock_change")
    assert claim.subject == "nvidia" and claim.attributes["direction"] == "up"


def test_cause_named_before_the_move_is_not_its_subject(tmp_path):
    body = "마이크로소프트의 주가는 오픈AI 발표 이후 3% 넘게 하락했다.\n"
    claim = only(claims_of(tmp_path, body), "stock_change")
    assert claim.subject == "microsoft"
    assert claim.quantity.qualifier == "at_least"


def test_gpu_count_with_chip(tmp_path):
    body = "딥시크는 엔비디아 H800 GPU 2048개로 V3를 학습시켰다.\n"
    claim = only(claims_of(tmp_path, body), "gpu_count")
    assert claim.quantity.value == 2048 and claim.object == "nvidia-h800"
    assert claim.attributes["model"] == "deepseek-v3"
    assert claim.subject == "deepseek"  # "엔비디아" only names the chip's maker


def test_estimate_is_hedged_and_allegation_alleged(tmp_path):
    claims = claims_of(
        tmp_path,
        "딥시크는 새 추론 모델을 공개했다. 딥시크의 행보에 업계가 주목한다.\n"
        "업계는 구글의 차세대 모델 개발비가 5억 달러에 이를 것으로 추정한다.\n"
        "딥시크가 이용자 개인정보를 무단으로 수집했다는 의혹도 제기됐다.\n",
    )
    assert only(claims, "peer_cost").stance == "hedged"
    allegation = only(claims, "allegation")
    assert allegation.stance == "alleged" and allegation.object == "personal-data"


def test_disputed_claim(tmp_path):
    body = "딥시크가 HBM 없이 모델을 만들었다는 주장이 나왔지만 전문가들은 이에 회의적이다.\n"
    claim = only(claims_of(tmp_path, body), "hardware")
    assert claim.object == "hbm" and claim.attributes["polarity"] == "false"
    assert claim.stance == "disputed"


def test_ban_by_a_government(tmp_path):
    body = "국방부는 6일부터 내부망에서 딥시크 접속을 차단했다.\n"
    claim = only(claims_of(tmp_path, body), "ban")
    assert claim.subject == "korea-government" and claim.object == "deepseek"


def test_named_quote(tmp_path):
    body = '젠슨 황 엔비디아 CEO는 "추론 모델은 훨씬 많은 연산을 필요로 한다"고 말했다.\n'
    claim = only(claims_of(tmp_path, body), "quote")
    assert claim.subject == "jensen-huang" and claim.stance == "attributed"
    assert claim.attributes["words"] == "추론 모델은 훨씬 많은 연산을 필요로 한다"


def test_duration_is_an_attribute_not_a_claim(tmp_path):
    body = "딥시크가 공개한 FlashMLA는 공개 6시간 만에 깃허브 스타 5000개를 넘겼다.\n"
    claims = claims_of(tmp_path, body)
    adoption = only(claims, "adoption")
    assert adoption.attributes["within"] == "6시간"
    assert not [c for c in claims if c.quantity and c.quantity.unit == "hour"]


def test_bare_won_figure_in_a_cost_headline(tmp_path):
    claims = claims_of(tmp_path, "본문은 생략한다.\n", title="중국 AI, 50억에 훈련 끝냈다")
    claim = only(claims, "training_cost")
    assert claim.quantity.unit == "KRW" and claim.section == "headline"
    assert "implied_KRW" in claim.quantity.rule


@pytest.mark.parametrize(
    "sentence",
    [
        "이 모델은 한 전문가가 만들었다는 평가를 받는다.",
        "100% 신뢰할 수 있느냐는 질문이 나왔다.",
        "업계는 오는 3월 이후를 주목하고 있다.",
    ],
)
def test_no_figure_claims_from_ordinary_words(tmp_path, sentence):
    claims = claims_of(tmp_path, sentence + "\n")
    assert [c for c in claims if c.quantity is not None] == []


def test_figures_in_furniture_yield_nothing(tmp_path):
    body = "엔비디아 주가는 17% 하락했다.\n댓글 12 · 공유 3\n관련 기사\n엔비디아 시총 5890억 달러 증발\n"
    claims = claims_of(tmp_path, body)
    assert [c.quantity.text for c in claims if c.quantity] == ["17%"]


def test_an_index_move_in_points_is_a_stock_change(tmp_path):
    claims = claims_of(tmp_path, "코스닥지수는 전날보다 12.5포인트(1.8%) 내린 680.2로 마감했다.\n")
    moves = [c for c in claims if c.topic == "stock_change"]
    points = [c for c in moves if c.quantity.unit == "point"]
    assert [c.quantity.value for c in points] == [12.5]
    assert points[0].attributes["direction"] == "down"


def test_announced_spending_of_another_company_is_peer_cost(tmp_path):
    body = "구글은 올해 AI 데이터센터에 750억 달러를 투자할 계획이라고 밝혔다.\n"
    claim = only(claims_of(tmp_path, body, title="딥시크 충격 이후"), "peer_cost")
    assert claim.subject == "google" and claim.quantity.value == 75_000_000_000


def test_funds_raised_are_not_spending(tmp_path):
    body = "이 스타트업은 투자금 가운데 약 80억 원을 GPU 확보에 쓸 계획이다.\n"
    claims = claims_of(tmp_path, body, title="국내 AI 스타트업 소식")
    assert not [c for c in claims if c.topic in ("peer_cost", "training_cost")]


def test_compute_as_a_fraction_of_another_models_is_a_cost_ratio(tmp_path):
    body = "딥시크-V3의 훈련 연산량은 라마 3.1 405B의 약 11분의 1 수준이다.\n"
    claim = only(claims_of(tmp_path, body, title="딥시크 V3 해설"), "cost_ratio")
    assert claim.quantity.unit == "ratio" and claim.quantity.qualifier == "approx"


def test_a_multiple_of_compute_needed_is_no_cost_ratio(tmp_path):
    body = "젠슨 황은 추론 모델이 기존보다 100배 많은 연산이 필요할 수 있다고 말했다.\n"
    claims = claims_of(tmp_path, body, title="엔비디아 실적 발표")
    assert not [c for c in claims if c.topic == "cost_ratio"]


def test_a_bracketed_conversion_is_a_claim_about_the_same_thing(tmp_path):
    body = "이날 엔비디아 시가총액은 4000억 달러(약 580조 원)가 증발했다.\n"
    claims = [c for c in claims_of(tmp_path, body, title="엔비디아 급락") if c.quantity]
    assert [(c.topic, c.subject, c.quantity.unit) for c in claims] == [
        ("market_value", "nvidia", "USD"),
        ("market_value", "nvidia", "KRW"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "AI 모델을 개발하는 업스테이지가 1000억 원 규모의 시리즈C 투자를 유치했다.\n",
        "미스트랄은 기업가치 60억 달러로 평가받으며 6억 달러 규모의 투자 유치를 마쳤다.\n",
        "코히어는 새 모델 개발을 위해 5억 달러를 조달했다.\n",
    ],
)
def test_money_raised_is_neither_a_cost_nor_a_value(tmp_path, body):
    claims = claims_of(tmp_path, body)
    raised = [c for c in claims if c.quantity and c.quantity.value in (1e11, 6e8, 5e8)]
    assert raised, [(c.topic, c.quote) for c in claims]
    assert all(c.topic not in ("training_cost", "peer_cost", "market_value") for c in raised)


def test_a_value_beside_money_raised_is_still_a_value(tmp_path):
    body = "미스트랄은 기업가치 60억 달러로 평가받으며 6억 달러 규모의 투자 유치를 마쳤다.\n"
    value = [c for c in claims_of(tmp_path, body) if c.quantity and c.quantity.value == 6e9]
    assert [c.topic for c in value] == ["market_value"]


def test_a_hundred_percent_is_an_idiom_only_as_written(tmp_path):
    idiom = claims_of(tmp_path, "업스테이지는 이번 결과를 100% 신뢰한다고 말했다.\n")
    assert not [c for c in idiom if c.quantity and c.quantity.unit == "percent"]
    forecast = claims_of(tmp_path, "업스테이지는 올해 매출이 100% 이상 성장할 것이라고 말했다.\n")
    (claim,) = [c for c in forecast if c.quantity and c.quantity.unit == "percent"]
    assert claim.quantity.qualifier == "at_least"


def test_a_company_sized_sum_that_falls_is_a_value_not_a_share_price(tmp_path):
    body = "브로드컴 시가총액은 하루 새 2000억 달러 줄어 1조 달러 선으로 내려앉았다.\n"
    level = [c for c in claims_of(tmp_path, body) if c.quantity and c.quantity.value == 1e12]
    assert [c.topic for c in level] == ["market_value"]
    price = claims_of(tmp_path, "이날 브로드컴 주가는 180달러로 내렸다.\n")
    assert [c.topic for c in price if c.quantity] == ["stock_change"]


def test_an_exchange_rate_is_no_share_price(tmp_path):
    body = "삼성전자 주가는 2.1% 내렸고, 원·달러 환율은 1452.5원으로 마감했다.\n"
    moves = [c.quantity.text for c in claims_of(tmp_path, body) if c.topic == "stock_change"]
    assert moves == ["2.1%"]


@pytest.mark.parametrize(
    ("body", "value"),
    [
        (
            "그 회사가 하루에 날린 시총이 3200억 달러인데, 오늘 환율(1447.20원)로 치면 약 463조 원이다.\n",
            3.2e11,
        ),
        (
            "시총 증발액 3200억 달러를 환율이 1447원인 오늘 기준으로 바꾸면 463조 원이 넘는다.\n",
            3.2e11,
        ),
    ],
)
def test_an_exchange_rate_is_no_company_value(tmp_path, body, value):
    claims = claims_of(tmp_path, body)
    values = [c for c in claims if c.topic == "market_value" and c.quantity]
    assert all(c.quantity.unit != "KRW" or c.quantity.value > 1e12 for c in values), values
    assert any(abs(c.quantity.value) == value for c in values)


@pytest.mark.parametrize(
    "body",
    [
        "딥시크가 학습에 쓴 250만 GPU시간은 라마 3.1 405B(3084만 시간)의 12분의 1 수준이다.\n",
        "딥시크가 학습에 쓴 250만 GPU시간은 GPT-4보다 훨씬 적다.\n",
        "전체 학습에 든 250만 GPU시간은 메타 라마 3.1 405B(3084만 시간)의 12분의 1이다.\n",
    ],
)
def test_a_model_the_figure_is_measured_against_is_not_its_object(tmp_path, body):
    (cost,) = [
        c for c in claims_of(tmp_path, body) if c.quantity and c.quantity.text.startswith("250만")
    ]
    assert cost.object is None


def test_nodes_counted_with_dae_are_no_chips(tmp_path):
    body = "추론에는 노드 한 대당 H800 8개가 들어가며, 하루 최대 150대의 노드가 가동됐다.\n"
    chips = [c.quantity.text for c in claims_of(tmp_path, body) if c.topic == "gpu_count"]
    assert chips == ["8개"]


@pytest.mark.parametrize(
    ("tokens", "verdict"), [("토큰 14조8000억 개", "supported"), ("토큰 1조6000억 개", "refuted")]
)
def test_a_count_of_tokens_is_the_models_named_in_the_sentence_before(tmp_path, tokens, verdict):
    # V3 was pre-trained on 14.8 trillion tokens (v3-training-tokens); the sentence with the
    # count names no model, the one before does
    from claimcheck.reconcile import report_for_paths

    folder = tmp_path / "news"
    folder.mkdir()
    body = f"딥시크는 지난해 12월 V3를 내놨다. 사전학습에 쓴 데이터는 {tokens}에 이른다.\n"
    (folder / "a.txt").write_text(FRONT.format(title="딥시크 해설") + body, encoding="utf-8")
    report = report_for_paths([str(folder)], str(tmp_path / "tables"))
    (count,) = [c for c in report.claims if c.quantity and "토큰" in c.quantity.text + c.quote]
    assert count.object == "deepseek-v3"
    (checked,) = [f for f in report.findings if f.kind == "reference" and count.id in f.claims]
    assert checked.verdict == verdict


def test_a_headline_count_without_its_counter_and_a_name_of_the_next_clause(tmp_path):
    # "이용자 90만": the counter dropped, as headlines do; 챗GPT stands in the next clause
    body = "딥시크 주간 이용자 90만 돌파…챗GPT는 여전히 1위\n"
    (users,) = [c for c in claims_of(tmp_path, body) if c.topic == "adoption"]
    assert users.quantity.value == 900_000 and users.quantity.unit == "count"
    assert users.object != "chatgpt"


def test_a_market_figure_naming_no_company_is_the_one_the_paragraph_just_moved(tmp_path):
    body = (
        "딥시크 충격이 시장을 덮쳤다. 27일(현지시간) 브로드컴이 하루에 17% 넘게 밀렸다. "
        "시가총액 2000억 달러가 한나절 만에 사라졌다.\n"
    )
    (value,) = [c for c in claims_of(tmp_path, body) if c.topic == "market_value"]
    assert value.subject == "broadcom"


def test_a_deck_count_of_tokens_is_the_model_the_story_names_most(tmp_path):
    # the deck names no model; the body names V3 twice and R1 once
    body = (
        "파라미터 6710억 개, 학습 토큰 20조 개\n\n"
        "딥시크는 V3를 공개했다. V3는 전문가 혼합 구조다. R1은 그 뒤에 나왔다.\n"
    )
    (tokens,) = [c for c in claims_of(tmp_path, body) if c.quantity and c.quantity.value == 2e13]
    assert tokens.object == "deepseek-v3"


@pytest.mark.parametrize(
    ("body", "polarity"),
    [
        ("딥시크는 HBM 없이 모델을 훈련했다고 주장했다.\n", "false"),
        ("HBM 없이는 딥시크의 모델도 없었다.\n", "true"),  # negated twice: HBM was needed
        ("고성능 HBM 없이는 이런 모델 훈련이 불가능하다고 업계는 본다.\n", "true"),
    ],
)
def test_a_negation_negated_again_in_its_clause_affirms(tmp_path, body, polarity):
    (hbm,) = [c for c in claims_of(tmp_path, body) if c.object == "hbm"]
    assert hbm.attributes["polarity"] == polarity


@pytest.mark.parametrize(
    ("body", "figure", "stance"),
    [
        # the estimate's cue in the figure's own clause hedges it, whatever follows the contrast
        (
            "한 조사업체는 하드웨어 투자가 16억 달러에 이른다고 추정했지만, 근거는 공개하지 않았다.\n",
            "16억",
            "hedged",
        ),
        # the cue on the other side of the contrast does not
        (
            "딥시크는 최종 훈련비를 557만6000달러로 제시했지만, 업계는 실제 비용이 더 클 것으로 추정한다.\n",
            "557만6000",
            "asserted",
        ),
        (
            "업계는 실제 비용이 수억 달러일 것으로 추정하는 반면, 딥시크는 최종 훈련비가 557만6000달러였다고 밝혔다.\n",
            "557만6000",
            "attributed",
        ),
    ],
)
def test_a_contrast_bounds_an_estimates_cue(tmp_path, body, figure, stance):
    (claim,) = [c for c in claims_of(tmp_path, body) if c.quantity and figure in c.quantity.text]
    assert claim.stance == stance
