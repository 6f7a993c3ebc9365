"""Decode article bytes: BOMs, strict UTF-8, then CP949/EUC-KR; refuse binary data and mojibake."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from claimcheck import regexcache as rx
from claimcheck.errors import InputError

# Longest BOM first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The only legacy encodings worth guessing for Korean pages; guessing wider invites mojibake.
_KOREAN_LEGACY = ["cp949", "euc_kr"]
# Text may hold tabs, newlines and form feeds; many other control characters mean binary data.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_MAX_CONTROL_SHARE = 0.01
# Unicode's category Cc is exactly U+0000-U+001F and U+007F-U+009F (a stable policy); one
# regex counts them instead of asking unicodedata about every character.
_CONTROLS = rx.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc without \t \n \v \f \r
# A CP949 decoding of non-Korean bytes yields rare Hanja and odd syllables, not Hangul prose.
_MIN_PLAUSIBLE_SHARE = 0.85
# Symbols that Korean pages use as bullets, units and signs.
_COMMON_SYMBOLS = set("·…※○●◎◆◇■□▲△▶▷▼▽☞★☆→←↑↓↔℃°㎞㎏㎜㎝㎡％￦₩±×÷≒≤≥∼〜♡♥✔✓")


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of an article file, or raise InputError."""
    if not data:
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                raise InputError(path, f"cannot decode as {encoding}: {exc.reason}") from None
            _check_text(text, path)
            return text, encoding
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _decode_korean_legacy(data, path)
    else:
        encoding = "utf-8"
    _check_text(text, path)
    return text, encoding


def _decode_korean_legacy(data: bytes, path: str | Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_KOREAN_LEGACY).best()
    problem = "cannot decode: not UTF-8, UTF-16 or a Korean encoding (CP949/EUC-KR)"
    if best is None:
        raise InputError(path, problem)
    encoding = best.encoding.replace("_", "-")
    try:
        # Decode ourselves, strictly: a replacement character would be silent mojibake.
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(path, problem) from None
    if _plausible_share(text) < _MIN_PLAUSIBLE_SHARE:
        raise InputError(path, f"{problem}; decoding as {encoding} gives implausible text")
    return text, encoding


def _plausible_share(text: str) -> float:
    """Share of characters that Korean or English prose is made of.

    Korean text saved in CP949 uses the 2,350 common syllables of KS X 1001 almost exclusively;
    random bytes decoded as CP949 give rare extension syllables, Hanja and symbols instead.
    """
    counted = plausible = 0
    for ch in text:
        if ch.isspace():
            continue
        counted += 1
        if ord(ch) < 0x80 or unicodedata.category(ch)[0] == "P" or ch in _COMMON_SYMBOLS:
            plausible += 1
        elif "\uac00" <= ch <= "\ud7a3" and _in_ks_x_1001(ch):
            plausible += 1
    return plausible / counted if counted else 1.0


def _in_ks_x_1001(ch: str) -> bool:
    try:
        ch.encode("euc_kr")
    except UnicodeEncodeError:
        return False
    return True


def _check_text(text: str, path: str | Path) -> None:
    if not text.strip():
        raise InputError(path, "empty file (only whitespace)")
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(path, "binary file (control characters), not a text article")
