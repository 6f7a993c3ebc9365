"""The export wording (claimcheck/render/labels.yaml): complete, in both languages, strict."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import ValidationError

from claimcheck.extract.lexicon import topic_names  # noqa: E402
from claimcheck.models import FindingKind, Section, Stance
from claimcheck.render import labels

TOPICS = tuple(topic_names())


def test_every_kind_stance_section_and_topic_has_a_label():
    table = labels.labels()
    assert set(table.kinds) == set(get_args(FindingKind))
    assert set(table.stances) == set(get_args(Stance))
    assert set(table.sections) == set(get_args(Section))
    assert set(TOPICS) <= set(table.topics)


def test_labels_are_non_empty_and_korean_ones_are_korean():
    table = labels.labels()
    for group in (table.words, table.kinds, table.stances, table.sections, table.topics):
        for key, entry in group.items():
            assert entry.en.strip() and entry.ko.strip(), key
    assert labels.topic("training_cost", "ko") == "학습 비용"
    assert labels.stance("hedged", "ko") == "추정"


def test_unknown_ids_fall_back_to_the_id():
    assert labels.topic("new_topic_from_data", "ko") == "new_topic_from_data"


def test_summary_placeholders_are_filled():
    text = labels.word("summary", "ko", findings=3, articles=2, claims=4)
    assert text == "기사 2건, 주장 4건에서 판정 3건"


def test_a_typo_in_the_file_fails_loudly():
    data = labels.labels().model_dump()
    data["topics"]["training_cost"]["kr"] = "학습 비용"
    with pytest.raises(ValidationError):
        labels.Labels.model_validate(data)
    data = labels.labels().model_dump()
    del data["words"]["title"]["ko"]
    with pytest.raises(ValidationError):
        labels.Labels.model_validate(data)
