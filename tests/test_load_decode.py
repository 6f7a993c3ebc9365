"""Decoding article files: BOMs, UTF-8, CP949/EUC-KR, and refusing binary data or mojibake."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.load import load_articles
from claimcheck.load.decode import decode_bytes

KOREAN = "엔비디아 주가가 17% 떨어졌다.\n시가총액은 약 5,890억 달러 줄었다.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (KOREAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + KOREAN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + KOREAN.encode("utf-16-be"), "utf-16-be"),
        (KOREAN.encode("cp949"), "cp949"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp949"],
)
def test_each_encoding_gives_the_same_text(data, encoding):
    text, found = decode_bytes(data, "article.txt")
    assert text == KOREAN  # the BOM is not part of the text
    assert found == encoding


def test_cp949_only_syllables_decode():
    # 똠 and 뷁 are outside EUC-KR's 2,350 syllables but inside CP949.
    text = "똠방각하가 뷁이라고 외쳤다. 그 말에 모두 웃었다. 회의는 다시 이어졌다.\n"
    decoded, encoding = decode_bytes(text.encode("cp949"), "old.txt")
    assert decoded == text
    assert encoding in {"cp949", "euc-kr"}


def test_cp949_file_spans_point_into_the_decoded_text(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "반도체 수출 8% 증가\n\n지난달 수출은 8% 늘었다. 업계는 반겼다.\n".encode("cp949")
    )
    (article,) = load_articles([path])
    assert article.encoding == "cp949"
    assert article.blocks[0].kind == "title"
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert [s.text for s in article.sentences[1:]] == ["지난달 수출은 8% 늘었다.", "업계는 반겼다."]


def test_utf16_file_with_bom_loads(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE + "AI 칩 수요 급증\n수요가 두 배로 늘었다.\n".encode("utf-16-le")
    )
    (article,) = load_articles([path])
    assert article.encoding == "utf-16-le"
    assert not article.text.startswith("\ufeff")
    assert article.sentences[-1].text == "수요가 두 배로 늘었다."


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(1, 9)) * 20 + b"abc", "binary file"),
        ("café crème brûlée".encode("latin-1"), "cannot decode"),
    ],
    ids=["empty", "blank", "png", "control-characters", "latin-1"],
)
def test_bad_bytes_are_refused(data, problem):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "bad.txt")
    assert problem in caught.value.message
    assert caught.value.message.startswith("bad.txt: ")
    assert "\n" not in caught.value.message


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_high_bytes_are_not_decoded_into_mojibake(seed):
    rng = random.Random(seed)
    data = bytes(rng.randrange(0x81, 0xFF) for _ in range(600))
    with pytest.raises(InputError, match="cannot decode"):
        decode_bytes(data, "noise.txt")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_text_round_trips(text):
    try:
        decoded, encoding = decode_bytes(text.encode("utf-8"), "x.txt")
    except InputError as exc:
        assert "empty" in exc.message  # only whitespace-only text is refused
        assert not text.removeprefix("\ufeff").strip()  # a leading BOM is no text
        return
    assert decoded == text.removeprefix("\ufeff") or decoded == text
    assert encoding in {"utf-8", "utf-8-sig"}


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data):
    try:
        text, _ = decode_bytes(data, "x.txt")
    except InputError as exc:
        assert "\n" not in exc.message
    else:
        assert "\x00" not in text
        assert "\ufffd" not in text or "\ufffd".encode() in data


def test_the_control_character_count_is_unicodes_category_cc_less_the_allowed_ones():
    # The binary-file check counts controls with one regex; it must count exactly the
    # characters of category Cc other than tab, newlines, form feed and vertical tab.
    import sys
    import unicodedata

    from claimcheck.load.decode import _ALLOWED_CONTROLS, _CONTROLS

    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        wanted = unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
        assert bool(_CONTROLS.match(ch)) == wanted, hex(code)
