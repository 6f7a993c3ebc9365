"""Sentence splitting of Korean news prose, and telling a sentence ending from a heading."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.load.sentences import ends_like_sentence, split_sentences

# paragraph -> the sentences a Korean reader sees in it
CASES = [
    (
        "지난달 수출은 8.2% 늘었다. 업계는 반겼습니다. 정말 그럴까요? 두고 볼 일이죠.",
        ["지난달 수출은 8.2% 늘었다.", "업계는 반겼습니다.", "정말 그럴까요?", "두고 볼 일이죠."],
    ),
    (  # a quotation closed and continued by a particle is one sentence
        '그는 "수요가 꺾였다. 가격도 내렸다"고 말했다. 회사는 반박했다.',
        ['그는 "수요가 꺾였다. 가격도 내렸다"고 말했다.', "회사는 반박했다."],
    ),
    (
        "분석가들은 “과도한 반응”이라며 선을 그었다. 주가는 다음 날 8% 올랐다.",
        ["분석가들은 “과도한 반응”이라며 선을 그었다.", "주가는 다음 날 8% 올랐다."],
    ),
    (  # the closing quote stays with the sentence it ends
        "“수요는 여전히 강하다.” 회사 측의 설명이다.",
        ["“수요는 여전히 강하다.”", "회사 측의 설명이다."],
    ),
    (  # abbreviations and initials do not end sentences
        "U.S. officials met Dr. Kim on Monday. J. Smith was there too. 회의는 끝났다.",
        ["U.S. officials met Dr. Kim on Monday.", "J. Smith was there too.", "회의는 끝났다."],
    ),
    (  # a headline's ellipsis is a pause, not an end
        "1조 들일 훈련…중국은 70억에 끝냈다",
        ["1조 들일 훈련…중국은 70억에 끝냈다"],
    ),
    (
        "발표는 2025. 1. 31. 오후에 있었다. 반응은 엇갈렸다!",
        ["발표는 2025. 1. 31. 오후에 있었다.", "반응은 엇갈렸다!"],
    ),
    (  # a missing space after a final ending still ends the sentence
        "비용은 줄었다.그러나 성능은 그대로였다.",
        ["비용은 줄었다.", "그러나 성능은 그대로였다."],
    ),
    (  # a stop inside brackets belongs to the bracket
        "비용은 약 560만 달러(약 77억 원. 당시 환율 기준)였다. 논란은 이어졌다.",
        ["비용은 약 560만 달러(약 77억 원. 당시 환율 기준)였다.", "논란은 이어졌다."],
    ),
    (
        "주가가 떨어졌다… 하지만 곧 회복했다.",
        ["주가가 떨어졌다…", "하지만 곧 회복했다."],
    ),
    ("버전 3.5와 v1.2.3을 비교했다.", ["버전 3.5와 v1.2.3을 비교했다."]),
    ("  앞뒤 공백은 문장에 들지 않는다.  ", ["앞뒤 공백은 문장에 들지 않는다."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1][0][:12] for c in CASES])
def test_split(text, expected):
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == expected


def test_full_width_stops_and_digits_split_like_ascii():
    text = "점유율은 ５０％였다。 올해는 줄었다．"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "점유율은 ５０％였다。",
        "올해는 줄었다．",
    ]


def test_newline_inside_a_markdown_paragraph_is_a_space():
    text = "도입률이\n두 배로 늘었다. 다음 줄이다."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "도입률이\n두 배로 늘었다.",
        "다음 줄이다.",
    ]


@pytest.mark.parametrize(
    "line",
    ["수출이 늘었다.", "비용을 줄였습니다", "정말 놀랍죠!", "업계가 반겼다.”", "기대가 커요."],
)
def test_sentence_endings(line):
    assert ends_like_sentence(line)


@pytest.mark.parametrize(
    "line",
    [
        "딥시크, 과연 혁신일까?",
        "미국의 대응 전략",
        "결론: 비용의 문제",
        "주가의 향방은…",
        "1. 등장 배경",
        "",
    ],
)
def test_not_sentence_endings(line):
    assert not ends_like_sentence(line)


_PIECES = st.sampled_from(
    [
        "수출이",
        "늘었다",
        ".",
        " ",
        '"',
        "”",
        "고",
        "?",
        "!",
        "…",
        "5.6",
        "U.S.",
        "(",
        ")",
        "다",
        "요",
        "\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_spans_are_ordered_trimmed_slices(text):
    spans = split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        last = end
