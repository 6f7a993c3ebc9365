"""The reference table loads strictly, keeps every sourced fact, and says what its sources say."""

from __future__ import annotations

import copy
import csv
import statistics
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from claimcheck.errors import InputError
from claimcheck.reference import (
    ReferenceTable,
    RefQuantity,
    default_reference_path,
    load_reference,
    topic_order,
)

SHARED_FACTS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "reference-facts.yaml"
ENTITIES = files("claimcheck.data") / "ko" / "entities.yaml"


@pytest.fixture(scope="module")
def table() -> ReferenceTable:
    return load_reference()


def test_the_bundled_table_loads_from_the_claims_folder(table):
    assert Path(str(default_reference_path())).name == "reference.yaml"
    assert table.version == 1
    assert len(table.facts) > 50
    assert load_reference() is table  # parsed once per process


def test_every_fact_is_sourced_and_ids_are_unique(table):
    ids = [fact.id for fact in table.all_facts()]
    assert len(ids) == len(set(ids))
    for fact in table.all_facts():
        assert fact.source_title.strip() and fact.source_locator.strip() and fact.quote.strip()
        assert fact.statement_en.strip() and fact.statement_ko.strip()
        assert fact.quantity is not None or fact.polarity is not None


def test_the_table_is_grouped_by_topic_then_id(table):
    topics = [f.topic for f in table.facts]
    groups = [t for i, t in enumerate(topics) if i == 0 or topics[i - 1] != t]
    assert len(groups) == len(set(groups)), "each topic's facts stand together"
    assert set(groups) <= set(topic_order())
    for topic in groups:
        ids = [f.id for f in table.facts if f.topic == topic]
        assert ids == sorted(ids)
    assert [f.id for f in table.exchange_rates] == sorted(f.id for f in table.exchange_rates)


@pytest.mark.skipif(not SHARED_FACTS.is_file(), reason="shared reference facts not beside the repo")
def test_nothing_from_the_shared_facts_is_dropped_or_changed(table):
    for record in yaml.safe_load(SHARED_FACTS.read_text(encoding="utf-8")):
        fact = table.get(record["id"])
        assert fact.source_title == record["source_title"]
        assert fact.quote == record["quote"]
        assert fact.confidence == record["confidence"]
        assert fact.as_of == str(record["as_of"])
        assert fact.reading.subject == record["subject"]
        assert fact.reading.attribute == record["attribute"]
        assert (fact.reading.unit, fact.reading.qualifier) == (record["unit"], record["qualifier"])
        assert fact.reading.value == (None if record["value"] is None else str(record["value"]))
        # The one edit: a research-folder path replaced by the shipped copy of the same CSV.
        assert fact.source_locator.split(" also ")[0] == record["source_locator"].split(" also ")[0]


@pytest.mark.skipif(not ENTITIES.is_file(), reason="entity table not present")
def test_subjects_and_objects_are_canonical_entity_ids(table):
    known = {entity["id"] for entity in yaml.safe_load(ENTITIES.read_text("utf-8"))["entities"]}
    for fact in table.all_facts():
        for entity in (fact.subject, fact.object, fact.attributes.get("model")):
            assert entity is None or entity in known, (fact.id, entity)


# --- structured fields, checked against what the sources say ---------------------------


def test_v3_training_cost_is_5576000_usd_for_the_final_run(table):
    fact = table.get("v3-training-cost-usd")
    assert (fact.topic, fact.subject, fact.object) == ("training_cost", "deepseek", "deepseek-v3")
    assert fact.quantity == RefQuantity(value=5_576_000, unit="USD")
    assert fact.quantity.low == fact.quantity.high == 5_576_000
    assert fact.attributes["chip"] == "nvidia-h800"


def test_v3_cluster_is_2048_h800(table):
    fact = table.get("v3-cluster-size")
    assert fact.topic == "gpu_count"
    assert fact.quantity.value == 2048 and fact.quantity.unit == "count"
    assert "nvidia-h800" in (fact.object, fact.attributes.get("chip"))
    assert fact.attributes["model"] == "deepseek-v3"


def test_v3_gpu_hours_add_up_to_the_total(table):
    parts = ["pretraining", "context-extension", "post-training"]
    total = sum(table.get(f"v3-gpu-hours-{p}").quantity.value for p in parts)
    assert total == table.get("v3-gpu-hours-total").quantity.value == 2_788_000
    assert table.get("v3-gpu-hours-total").quantity.unit == "gpu_hour"


def test_nvidia_fell_16_97_percent_on_27_january(table):
    fact = table.get("nvda-close-2025-01-27")
    assert (fact.topic, fact.subject) == ("stock_change", "nvidia")
    assert fact.quantity.value == -16.97 and fact.quantity.unit == "percent"
    assert fact.attributes["date"] == "2025-01-27"
    assert fact.attributes["direction"] == "down"


def test_korean_market_moves_on_31_january(table):
    hynix = table.get("skhynix-2025-01-31")
    assert hynix.subject == "sk-hynix" and hynix.quantity.value == -9.86
    kospi = table.get("kospi-2025-01-31")
    assert kospi.subject == "kospi" and kospi.quantity.value == -0.77
    assert kospi.attributes["close_points"] == "2517.37"


def test_market_cap_loss_is_a_negative_interval(table):
    q = table.get("nvda-market-cap-loss-2025-01-27").quantity
    assert q.unit == "USD" and q.low == -594e9 and q.high == -589e9
    assert q.low <= q.value <= q.high


def test_r1_has_no_training_cost_in_its_january_paper(table):
    fact = table.get("r1-training-cost-in-jan-paper")
    assert (fact.topic, fact.object, fact.polarity) == ("training_cost", "deepseek-r1", False)
    assert fact.quantity is None
    later = table.get("r1-training-cost-nature")
    assert later.quantity.value == 294_000 and later.as_of == "2025-09-17"


def test_pure_rl_is_r1_zero_while_r1_had_supervised_data(table):
    zero = table.get("r1-zero-pure-rl")
    assert (zero.object, zero.attributes["model"], zero.polarity) == (
        "pure-rl",
        "deepseek-r1-zero",
        True,
    )
    for fact_id in ("r1-cold-start", "r1-sft-samples"):
        fact = table.get(fact_id)
        assert (fact.object, fact.attributes["model"], fact.polarity) == (
            "pure-rl",
            "deepseek-r1",
            False,
        )
    assert table.get("r1-sft-samples").quantity.value == 800_000


def test_distillation_facts_carry_their_direction(table):
    own = table.get("v3-distillation-from-r1")
    assert (own.attributes["from"], own.attributes["into"]) == ("deepseek-r1", "deepseek-v3")
    alleged = table.get("openai-distillation-allegation")
    assert alleged.topic == "allegation" and alleged.attributes["from"] == "openai"
    assert alleged.attributes["evidence_published"] == "no"


def test_nvidia_does_not_make_hbm(table):
    fact = table.get("hbm-who-makes-it")
    assert (fact.subject, fact.object, fact.polarity) == ("nvidia", "hbm", False)
    assert "sk-hynix" in fact.attributes["made_by"]


def test_bans_name_who_bans_and_when(table):
    bans = {fact.subject: fact.attributes["date"] for fact in table.find(topic="ban")}
    assert bans["texas"] == "2025-01-31"
    assert bans["us-navy"] == "2025-01-24"
    assert bans["korea-pipc"] == "2025-02-15"


def test_release_dates(table):
    assert table.get("v3-release-date").attributes["date"] == "2024-12-26"
    assert table.get("r1-release-date").attributes["date"] == "2025-01-20"


# --- lookups ----------------------------------------------------------------------------


def test_find_by_topic_subject_and_object(table):
    ids = {f.id for f in table.find("training_cost", "deepseek", "deepseek-v3")}
    assert "v3-training-cost-usd" in ids
    assert "r1-training-cost-in-jan-paper" not in ids
    either = {f.id for f in table.find("training_cost", object=["deepseek-r1", "deepseek-v3"])}
    assert {"v3-training-cost-usd", "r1-training-cost-nature"} <= either
    assert table.find("training_cost", "openai") == []


def test_exchange_rates_are_kept_apart_from_checkable_facts(table):
    assert all(f.topic != "exchange_rate" for f in table.find())
    rates = table.find(topic="exchange_rate")
    assert rates and all(f.subject == "krw-usd" for f in rates)
    assert table.get("krw-usd-fred-2025-04-28").quantity.value == 1436.31


def test_about_finds_an_entity_in_attributes(table):
    ids = {f.id for f in table.about("nvidia-h800")}
    assert {"v3-cluster-size", "h800-memory", "v3-training-cost-usd"} <= ids
    assert "openai-distillation-allegation" in {f.id for f in table.about("openai")}
    assert "hbm-who-makes-it" in {f.id for f in table.about("micron")}
    assert {"v3-uses-hbm", "h800-memory", "skhynix-hbm3-to-nvidia"} <= {
        f.id for f in table.about("hbm")
    }
    assert "r1-base-model" in {f.id for f in table.about("mixture-of-experts")}


def test_get_unknown_id_raises(table):
    with pytest.raises(KeyError):
        table.get("no-such-fact")


# --- the rate facts agree with the shipped FRED table ----------------------------------


def _fred() -> dict[str, float]:
    text = (files("claimcheck.data") / "fx" / "krw_usd_daily.csv").read_text("utf-8")
    return {
        r["date"]: float(r["krw_per_usd"])
        for r in csv.DictReader(text.splitlines())
        if r["krw_per_usd"]
    }


def test_daily_rate_facts_match_the_shipped_table(table):
    fred = _fred()
    daily = [f for f in table.exchange_rates if f.id.startswith("krw-usd-fred-2")]
    assert len(daily) == 8
    for fact in daily:
        assert fred[fact.attributes["date"]] == fact.quantity.value


def test_monthly_averages_and_range_match_the_shipped_table(table):
    fred = _fred()
    for fact in table.exchange_rates:
        if "monthly-avg" in fact.id:
            month = [v for d, v in fred.items() if d.startswith(fact.attributes["month"])]
            assert statistics.fmean(month) == pytest.approx(fact.quantity.value, abs=1e-4)
    span = table.get("krw-usd-fred-range-2024-12-to-2025-04")
    window = [v for d, v in fred.items() if "2024-12-01" <= d <= "2025-04-30"]
    assert (min(window), max(window)) == (span.quantity.low, span.quantity.high)


# --- bad files --------------------------------------------------------------------------

GOOD_FACT = {
    "id": "x-cost",
    "topic": "training_cost",
    "subject": "deepseek",
    "object": "deepseek-v3",
    "quantity": {"value": 1000, "unit": "USD"},
    "frame": {"measure": "level", "scope": "final training run"},
    "statement_en": "It cost 1000 dollars.",
    "statement_ko": "1000달러가 들었다.",
    "as_of": "2025-01-01",
    "confidence": "high",
    "source_title": "A report",
    "source_locator": "page 1",
    "quote": "it cost $1000",
    "reading": {
        "subject": "X",
        "attribute": "cost",
        "value": "1000",
        "unit": "USD",
        "qualifier": None,
    },
}


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "reference.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _fails(path: Path, needle: str) -> None:
    with pytest.raises(InputError) as info:
        load_reference(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    # Look past the path: tmp_path holds the test's name, which may contain the needle.
    assert needle in message[len(str(path)) :]


def test_a_good_minimal_file_loads(tmp_path):
    table = load_reference(_write(tmp_path, {"version": 1, "facts": [GOOD_FACT]}))
    assert table.get("x-cost").quantity.value == 1000


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"qoute": "typo"}, "qoute"),
        ({"polarity": "perhaps"}, "polarity"),
        ({"topic": "gossip"}, "topic"),
        ({"quote": ""}, "quote"),
        ({"as_of": "last week"}, "as_of"),
        ({"subject": "Deep Seek"}, "subject"),
        ({"quantity": None}, "quantity or a polarity"),
        ({"quantity": {"value": 5, "low": 6, "unit": "USD"}}, "quantity"),
        ({"attributes": {"scope": None}}, "scope"),
        ({"frame": None}, "needs a frame"),
        ({"frame": {"measure": "height"}}, "measure"),
    ],
)
def test_bad_facts_are_input_errors_naming_fact_and_field(tmp_path, change, needle):
    path = _write(tmp_path, {"version": 1, "facts": [{**GOOD_FACT, **change}]})
    _fails(path, needle)
    _fails(path, "x-cost")


def test_duplicate_ids_are_refused(tmp_path):
    twins = [copy.deepcopy(GOOD_FACT) for _ in range(2)]  # shared objects would dump as aliases
    _fails(_write(tmp_path, {"version": 1, "facts": twins}), "duplicate fact id 'x-cost'")


def test_rates_in_the_wrong_section_are_refused(tmp_path):
    rate = {**GOOD_FACT, "topic": "exchange_rate"}
    _fails(_write(tmp_path, {"version": 1, "facts": [rate]}), "exchange_rates")


def test_yaml_anchors_aliases_and_duplicate_keys_are_refused(tmp_path):
    path = tmp_path / "reference.yaml"
    path.write_text("version: 1\nbase: &a [1, 2]\nfacts: *a\n", encoding="utf-8")
    _fails(path, "anchors")
    path.write_text("version: 1\nversion: 2\nfacts: []\n", encoding="utf-8")
    _fails(path, "duplicate key")


def test_unparsable_missing_and_non_mapping_files(tmp_path):
    path = tmp_path / "reference.yaml"
    path.write_text("facts: [\n", encoding="utf-8")
    _fails(path, "invalid YAML")
    path.write_text("- just\n- a list\n", encoding="utf-8")
    _fails(path, "mapping")
    _fails(tmp_path / "missing.yaml", "not found")


def test_quantity_rules():
    assert RefQuantity(value=3, unit="count").low == 3
    assert RefQuantity(low=1000, high=10000, unit="count", qualifier="range").value is None
    with pytest.raises(ValidationError):
        RefQuantity(unit="USD")  # exact without a value
    with pytest.raises(ValidationError):
        RefQuantity(low=9, high=1, unit="USD", qualifier="range")
    with pytest.raises(ValidationError):
        RefQuantity(value=5, unit="percent", qualifier="at_most")  # no bound
