"""The quantity recogniser's YAML files: valid, without duplicate keys or words, typos refused."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml
from pydantic import ValidationError

from claimcheck.quantities.lexicon import (
    DATA_FILES,
    NumeralTable,
    QualifierTable,
    UnitTable,
    lexicon,
    read_yaml,
)


class _NoDuplicateKeys(yaml.SafeLoader):
    pass


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    keys = [loader.construct_object(k) for k, _ in node.value]
    dupes = [k for k, n in Counter(keys).items() if n > 1]
    if dupes:
        raise AssertionError(f"duplicate keys {dupes} at line {node.start_mark.line + 1}")
    return loader.construct_mapping(node)


_NoDuplicateKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_duplicate_keys(name: str) -> None:
    from importlib import resources

    text = resources.files("claimcheck.data").joinpath(name).read_text(encoding="utf-8")
    yaml.load(text, Loader=_NoDuplicateKeys)  # noqa: S506 - a SafeLoader subclass


def test_tables_load_and_approx_tolerance_is_five_percent() -> None:
    lex = lexicon()
    assert lex.qualifiers.approx_tolerance == 0.05
    assert lex.numerals.myriad_powers == {"만": 4, "억": 8, "조": 12, "경": 16}


def test_unit_words_are_not_listed_twice_with_different_meanings() -> None:
    units = lexicon().units
    meaning: dict[str, str] = {}
    for cur in units.currencies:
        for word in [*cur.words, *cur.codes, *cur.symbols]:
            assert word not in meaning, word
            meaning[word] = cur.code
    # A word may mean two things only where the value tells them apart (주: weeks up to 52,
    # shares above).
    by_value = {
        word: (group.min_value, group.max_value)
        for group in units.units
        for word in group.words
        if group.min_value is not None or group.max_value is not None
    }
    for group in units.units:
        for word in group.words:
            if meaning.get(word, group.unit) != group.unit:
                assert word in by_value, word
                low, high = (group.min_value, group.max_value)
                assert low is not None or high is not None, word
            meaning[word] = group.unit
    assert len(set(units.followers)) == len(units.followers)


def test_qualifier_words_are_unique_per_position() -> None:
    quals = lexicon().qualifiers
    for position in (quals.prefix, quals.suffix):
        words = [w for q in position for w in q.words]
        assert len(words) == len(set(words)), Counter(words).most_common(3)


def test_currency_codes_are_iso_4217_shaped() -> None:
    for cur in lexicon().units.currencies:
        assert len(cur.code) == 3 and cur.code.isupper()
        assert cur.code in cur.codes


@pytest.mark.parametrize(
    ("model", "name", "typo"),
    [
        (NumeralTable, "ko/numerals.yaml", {"myriad_power": {"만": 4}}),
        (UnitTable, "ko/units.yaml", {"folowers": ["이"]}),
        (QualifierTable, "ko/qualifiers.yaml", {"aprox_tolerance": 0.05}),
    ],
)
def test_a_typo_in_a_data_file_fails_loudly(model, name: str, typo: dict) -> None:
    data = read_yaml(name)
    assert isinstance(data, dict)
    model.model_validate(data)  # the real file is valid
    with pytest.raises(ValidationError):
        model.model_validate({**data, **typo})


def test_an_unknown_qualifier_family_is_refused() -> None:
    data = read_yaml("ko/qualifiers.yaml")
    assert isinstance(data, dict)
    data["prefix"] = [{"words": ["약"], "family": "roughly"}]
    with pytest.raises(ValidationError):
        QualifierTable.model_validate(data)
