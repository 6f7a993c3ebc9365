"""The entity alias table loads strictly, names every canonical id, never confuses two entities."""

from __future__ import annotations

import copy
from importlib.resources import files

import pydantic
import pytest
import yaml
from rapidfuzz import fuzz

from claimcheck.entities_data import (
    EntityTable,
    alias_key,
    load_entity_table,
    model_codes,
    parse_entity_table,
)

# The canonical ids shared by the entity table, the reference table and the extractor, with
# the type each must have (written from the issue, not read from the YAML).
CANONICAL = {
    "company": """deepseek high-flyer nvidia sk-hynix samsung-electronics openai meta google
        microsoft amazon apple anthropic alibaba tencent huawei baidu bytedance amd intel
        tsmc kakao naver lg micron broadcom""",
    "model": """deepseek-v3 deepseek-r1 deepseek-r1-zero gpt-4 gpt-4o openai-o1 claude gemini llama
        llama-3 llama-3.1 llama-4 qwen""",
    "product": "deepseek-app chatgpt flashmla deepep deepgemm",
    "chip": "nvidia-h800 nvidia-h100 nvidia-h20 nvidia-a100 nvidia-blackwell",
    "hardware": "hbm gpu",
    "technique": """mixture-of-experts chain-of-thought rlhf pure-rl reinforcement-learning
        knowledge-distillation ptx mla fp8 grpo open-source""",
    "person": """marc-andreessen yann-lecun sam-altman liang-wenfeng jensen-huang donald-trump
        xi-jinping kim-jung-ho""",
    "government": """us-government us-navy us-commerce-department korea-government korea-pipc
        china-government""",
    "organisation": "korea-financial",
    "place": "texas new-york virginia italy taiwan australia",
    "market_index": "kospi kosdaq nasdaq sp500",
    "currency_pair": "krw-usd",
}
CANONICAL_TYPE = {i: kind for kind, ids in CANONICAL.items() for i in ids.split()}


@pytest.fixture(scope="module")
def raw() -> dict:
    text = files("claimcheck.data").joinpath("ko/entities.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def table() -> EntityTable:
    return load_entity_table()


def test_loading_is_cached(table):
    assert load_entity_table() is table


@pytest.mark.parametrize("entity_id", sorted(CANONICAL_TYPE))
def test_every_canonical_id_is_present_with_its_type(table, entity_id):
    by_id = table.by_id()
    assert entity_id in by_id, f"{entity_id} is missing from entities.yaml"
    assert by_id[entity_id].type == CANONICAL_TYPE[entity_id]


def test_ids_are_unique(raw):
    ids = [entry["id"] for entry in raw["entities"]]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_every_parent_and_context_id_exists(table):
    known = set(table.by_id())
    for entity in table.entities:
        assert entity.parent is None or entity.parent in known, entity.id
        for rule in entity.context_required:
            assert set(rule.near) <= known, (entity.id, rule.alias)


def test_parents_form_no_cycle(table):
    by_id = table.by_id()
    for entity in table.entities:
        seen = {entity.id}
        parent = entity.parent
        while parent is not None:
            assert parent not in seen, f"parent cycle through {entity.id}"
            seen.add(parent)
            parent = by_id[parent].parent


def test_no_two_entities_share_an_alias_after_normalisation(table):
    owners: dict[str, set[str]] = {}
    for entity in table.entities:
        for form in entity.surface_forms():
            owners.setdefault(alias_key(form), set()).add(entity.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_no_two_entities_are_within_fuzzy_reach(table):
    """A fuzzy match at the table's own setting can land on one entity only."""
    policy = table.fuzzy
    keys = [
        (key, entity.id)
        for entity in table.entities
        for key in sorted({alias_key(form) for form in entity.surface_forms()})
    ]
    close = []
    for i, (key_a, id_a) in enumerate(keys):
        for key_b, id_b in keys[i + 1 :]:
            if id_a != id_b and policy.comparable(key_a, key_b):
                score = fuzz.ratio(key_a, key_b)
                if score >= policy.score_cutoff:
                    close.append((key_a, id_a, key_b, id_b, round(score, 1)))
    assert close == []


@pytest.mark.parametrize(
    ("alias", "entity_id"),
    [
        # The spellings the issue names, each to its entity.
        ("딥씨크", "deepseek"),
        ("deepseek", "deepseek"),
        ("엔디비아", "nvidia"),
        ("NVDA", "nvidia"),
        ("하이닉스", "sk-hynix"),
        ("SK hynix", "sk-hynix"),
        ("에스케이하이닉스", "sk-hynix"),
        ("오픈 AI", "openai"),
        ("OPEN AI", "openai"),
        ("CHAT GPT", "chatgpt"),
        ("챗지피티", "chatgpt"),
        ("라마", "llama"),
        ("LLaMA", "llama"),
        ("H800 칩", "nvidia-h800"),
        ("Mixture-of-Experts", "mixture-of-experts"),
        ("mixture of experts", "mixture-of-experts"),
        ("전문가 혼합", "mixture-of-experts"),
        ("CoT", "chain-of-thought"),
        ("연쇄적 사고", "chain-of-thought"),
        ("증류", "knowledge-distillation"),
        ("인간 피드백을 통한 강화 학습", "rlhf"),
        ("순수 강화학습", "pure-rl"),
        ("강화학습", "reinforcement-learning"),
        ("FlashMLA", "flashmla"),
        ("MLA", "mla"),
        ("고대역폭 메모리", "hbm"),
        ("앤드리슨", "marc-andreessen"),
        ("르쿤", "yann-lecun"),
        ("샘 알트만", "sam-altman"),
        ("샘 울트먼", "sam-altman"),
        ("梁文锋", "liang-wenfeng"),
        ("젠슨 황", "jensen-huang"),
        ("미 해군", "us-navy"),
        ("텍사스주", "texas"),
        ("개인정보위", "korea-pipc"),
        ("금융위원회", "korea-financial"),
        ("삼성전자", "samsung-electronics"),
        # Full-width letters and odd spaces are the same key.
        ("ＮＶＩＤＩＡ", "nvidia"),
        ("오픈\u00a0AI", "openai"),
    ],
)
def test_plain_aliases_resolve(table, alias, entity_id):
    assert table.alias_index()[alias_key(alias)] == entity_id


@pytest.mark.parametrize(
    ("alias", "entity_id"),
    [
        ("삼성", "samsung-electronics"),
        ("V3", "deepseek-v3"),
        ("R1", "deepseek-r1"),
        ("o1", "openai-o1"),
    ],
)
def test_ambiguous_aliases_need_context(table, alias, entity_id):
    assert alias_key(alias) not in table.alias_index()
    rules = [
        r
        for r in table.by_id()[entity_id].context_required
        if alias_key(r.alias) == alias_key(alias)
    ]
    assert len(rules) == 1


def test_alias_key_folds_case_spaces_and_hyphens_only():
    assert alias_key("Mixture-of-Experts") == alias_key("mixture of experts") == "mixtureofexperts"
    assert alias_key("오픈 AI") == "오픈ai"
    # A dot or a slash is kept: Llama 3.1 is not Llama 31.
    assert alias_key("Llama 3.1") != alias_key("Llama 31")


def test_model_codes_separate_chip_names():
    assert model_codes(alias_key("NVIDIA H100")) == ["h100"]
    assert model_codes(alias_key("엔비디아 A100")) == ["a100"]
    assert model_codes(alias_key("딥시크 R1")) == ["r1"]
    assert model_codes(alias_key("딥시크")) == []


# --- the model rejects what a typo would produce ---------------------------------------


def _minimal() -> dict:
    return {
        "version": 1,
        "fuzzy": {"min_length": 5, "score_cutoff": 92},
        "entities": [
            {
                "id": "acme",
                "type": "company",
                "name_en": "Acme",
                "name_ko": "애크미",
                "aliases": ["애크미"],
            },
            {
                "id": "acme-x1",
                "type": "model",
                "name_en": "Acme X1",
                "name_ko": "애크미 X1",
                "aliases": ["Acme X1"],
                "parent": "acme",
            },
        ],
    }


def test_minimal_table_is_accepted():
    assert [e.id for e in parse_entity_table(_minimal()).entities] == ["acme", "acme-x1"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["entities"][0].update(alias=["x"]), "Extra inputs"),
        (lambda d: d.update(entites=[]), "Extra inputs"),
        (lambda d: d["entities"][0].update(type="firm"), "type"),
        (lambda d: d["entities"][0].update(id="Acme Corp"), "lowercase-hyphen"),
        (lambda d: d["entities"][1].update(id="acme"), "defined twice"),
        (lambda d: d["entities"][1].update(parent="acme-inc"), "parent 'acme-inc'"),
        (lambda d: d["entities"][1]["aliases"].append("애크미"), "names both"),
        (lambda d: d["entities"][1]["aliases"].append("ACME"), "names both"),
        (lambda d: d["entities"][1].update(aliases=[]), "at least one alias"),
        (
            lambda d: d["entities"][1].update(context_required=[{"alias": "X1", "why": "short"}]),
            "needs `near` or `words`",
        ),
        (
            lambda d: d["entities"][1].update(
                context_required=[{"alias": "X1", "near": ["acme-corp"], "why": "short"}]
            ),
            "context id 'acme-corp'",
        ),
        (
            lambda d: d["entities"][1].update(
                context_required=[{"alias": "acme x1", "near": ["acme"], "why": "short"}]
            ),
            "both plain and conditional",
        ),
        # shares are traded, or not, only of a company (acme-x1 is its model)
        (lambda d: d["entities"][1].update(listed=False), "only a company is listed"),
    ],
)
def test_typos_fail_loudly(mutate, message):
    data = copy.deepcopy(_minimal())
    mutate(data)
    with pytest.raises(pydantic.ValidationError, match=message):
        parse_entity_table(data)


def test_a_company_whose_shares_are_not_traded_is_marked_so(table):
    by_id = table.by_id()
    assert (by_id["deepseek"].listed, by_id["nvidia"].listed) == (False, True)
