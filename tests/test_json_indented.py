"""The report's JSON is written by claimcheck's own indenting writer (the standard library's is
slow); it must give json.dumps(value, ensure_ascii=False, indent=2)'s text exactly, indented."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli.common import json_indented

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=25,
)


def _dumps(value, level: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.integers(min_value=0, max_value=3))
def test_any_plain_value_is_written_as_json_dumps_writes_it(value, level):
    assert json_indented(value, level) == _dumps(value, level)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": []},
        [{}, [[]]],
        {2: "two", 1.5: "x", True: "t", False: "f", None: "n", "키": "값"},
        {"quote": '따옴표 " 역슬래시 \\ 줄\n탭\t제어\x00 \u2028 \ud7a3 😀'},
        [float("nan"), float("inf"), -float("inf"), -0.0, 1e16, 1.5e-7, 5, 5.0, 2**70],
        (1, ("a", None)),
    ],
)
def test_awkward_values(value):
    for level in (0, 1, 2):
        assert json_indented(value, level) == _dumps(value, level)


def test_other_kinds_of_data_are_left_to_json_dumps():
    import datetime as dt

    with pytest.raises(TypeError):
        json.dumps(dt.date(2025, 1, 27))
    with pytest.raises(TypeError):  # as before: a date is no JSON
        json_indented({"published": dt.date(2025, 1, 27)})
    assert math.isnan(json.loads(json_indented(float("nan"))))


@pytest.mark.parametrize("level", [0, 1, 60, 61, 62, 63, 70])
def test_values_nested_deeper_than_the_prepared_indents(level):
    value: object = 1
    for depth in range(80):  # dicts and lists alternating, each with leaves of every kind
        value = [{"a": value, "b": None, "c": True, "d": 1.5, "e": "키", 3: depth}, "s", 7]
    assert json_indented(value, level) == _dumps(value, level)
