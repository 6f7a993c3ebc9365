"""Validated records of the shipped data files, kept between runs (claimcheck/keptmodels.py): a
kept record must be what validating gives, field by field and class by class, and any doubt
(another text, other code, a damaged entry, a value marshal cannot keep) must validate again."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import marshal
import os
from pathlib import Path

import pytest
from pydantic import BaseModel

from claimcheck import keptmodels
from claimcheck.entities_data import load_entity_table
from claimcheck.extract.frames import frame_data
from claimcheck.extract.lexicon import stance_data, topic_data
from claimcheck.fx_tables import fx_sources
from claimcheck.keptmodels import kept_model
from claimcheck.load.rules import boilerplate, sentence_data
from claimcheck.models import Strict
from claimcheck.quantities.lexicon import lexicon
from claimcheck.ratings import _bundled as bundled_ratings
from claimcheck.reference import _bundled as bundled_reference
from claimcheck.render.labels import labels
from claimcheck.render.words import _clause_data

LOADERS = [
    topic_data,
    stance_data,
    frame_data,
    lexicon,
    load_entity_table,
    boilerplate,
    sentence_data,
    labels,
    bundled_reference,
    bundled_ratings,
    _clause_data,
    fx_sources,
]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(folder))
    monkeypatch.setattr(keptmodels, "_OWN", ("claimcheck.", __name__))  # this file's models too
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "data").glob("model.*.bin"))


def _same(kept: object, validated: object, where: str = "record") -> None:
    """The same classes, fields, fields set and values all the way down."""
    assert type(kept) is type(validated), where
    if isinstance(validated, BaseModel):
        assert list(kept.__dict__) == list(validated.__dict__), where
        assert kept.__pydantic_fields_set__ == validated.__pydantic_fields_set__, where
        assert kept.__pydantic_extra__ == validated.__pydantic_extra__, where
        assert kept.__pydantic_private__ == validated.__pydantic_private__, where
        for name, value in validated.__dict__.items():
            _same(kept.__dict__[name], value, f"{where}.{name}")
    elif isinstance(validated, (list, tuple)):
        assert len(kept) == len(validated), where
        for i, (a, b) in enumerate(zip(kept, validated, strict=True)):
            _same(a, b, f"{where}[{i}]")
    elif isinstance(validated, dict):
        assert list(kept) == list(validated), where
        for key, value in validated.items():
            _same(kept[key], value, f"{where}[{key!r}]")
    else:
        assert kept == validated, where


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__module__ + "." + f.__name__)
def test_a_kept_record_is_the_validated_record(loader, cache, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "off")
    loader.cache_clear()
    validated = loader()
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(cache))
    try:
        loader.cache_clear()
        first = loader()  # validated, and the entry written
        (entry,) = _entries(cache)
        loader.cache_clear()
        kept = loader()  # read from the entry
    finally:
        loader.cache_clear()
    assert kept is not first
    _same(first, validated)
    _same(kept, validated)
    assert kept == validated and repr(kept) == repr(validated)
    assert kept.model_dump() == validated.model_dump()
    assert entry.exists()


def test_the_bundled_corpus_manifest_is_kept_and_its_files_still_checked(cache, monkeypatch):
    from claimcheck.discover import bundled_corpus_dir
    from claimcheck.load.metadata import load_manifest

    folder = bundled_corpus_dir()
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "off")
    validated = load_manifest(folder)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(cache))
    first, kept = load_manifest(folder), load_manifest(folder)
    assert [entry.name for entry in _entries(cache)][0].startswith(f"model.{folder.name}.manifest-")
    assert list(kept) == list(validated)
    for key, entry in validated.items():
        _same(first[key], entry)
        _same(kept[key], entry)


class _Words(Strict):
    words: list[str]
    pairs: tuple[tuple[str, int], ...] = ()
    tags: frozenset[str] = frozenset()


class _Dated(Strict):
    day: dt.date
    at: dt.datetime | None = None


def _counting(text: str, calls: list[str]):  # type: ignore[no-untyped-def]
    def build() -> _Words:
        calls.append(text)
        return _Words.model_validate({"words": text.split(), "pairs": [["a", 1]], "tags": ["x"]})

    return build


def test_the_entry_is_what_is_read_then_another_text_validates_again(cache):
    calls: list[str] = []
    first = kept_model(_Words, "하나 둘", "ko/words.yaml", _counting("하나 둘", calls))
    again = kept_model(_Words, "하나 둘", "ko/words.yaml", _counting("하나 둘", calls))
    assert calls == ["하나 둘"] and again == first and type(again.pairs[0]) is tuple
    assert again.tags == frozenset({"x"}) and again.model_fields_set == first.model_fields_set
    (old,) = _entries(cache)
    os.utime(old, ns=(1, 1))  # written long ago (file times are too coarse to order the rest)
    changed = kept_model(_Words, "셋", "ko/words.yaml", _counting("셋", calls))
    assert calls == ["하나 둘", "셋"] and changed.words == ["셋"]
    assert old in _entries(cache) and len(_entries(cache)) == 2  # another install's, maybe
    # the entries of the newest texts are kept, a few per file
    for text in ["넷", "다섯", "여섯", "일곱"]:
        kept_model(_Words, text, "ko/words.yaml", _counting(text, calls))
    assert len(_entries(cache)) == keptmodels._KEPT_PER_FILE and old not in _entries(cache)
    kept_model(_Words, "일곱", "ko/words.yaml", _counting("일곱", calls))
    assert calls[-1] == "일곱" and calls.count("일곱") == 1


def test_other_code_validates_again(cache, monkeypatch):
    calls: list[str] = []
    kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls))
    monkeypatch.setattr(keptmodels, "_fingerprint", lambda: "claimcheck's files changed")
    kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls))
    assert calls == ["하나", "하나"]


def test_the_fingerprint_covers_the_package_files():
    keptmodels._fingerprint.cache_clear()
    fingerprint = keptmodels._fingerprint()
    for name in ("keptmodels.py", "reference.py", "data/ko/topics.yaml"):
        assert f"\n{name}:" in fingerprint
    assert "__pycache__" not in fingerprint


def test_a_damaged_entry_validates_again_and_is_rewritten(cache):
    calls: list[str] = []
    kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls))
    (entry,) = _entries(cache)
    whole = entry.read_bytes()
    entry.write_bytes(whole[:-3])  # cut short
    assert kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls)).words == ["하나"]
    assert entry.read_bytes() == whole
    entry.write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))  # one bit changed
    assert kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls)).words == ["하나"]
    assert calls == ["하나"] * 3


@pytest.mark.parametrize(
    "body",
    [
        ("m", "os", "PathLike", {}, ()),  # not one of claimcheck's modules
        ("m", "claimcheck.keptmodels", "_NotKept", {}, ()),  # not a pydantic model
        ("m", "claimcheck.models", "Claim", {}, ()),  # another model than the one asked for
        ("x", ()),  # an unknown tag
        [("m", "claimcheck.models", "Claim", {}, ())],  # a list read back as it is: not a record
        functools.reduce(lambda inner, _: ("l", [inner]), range(700), 0),  # nested too deep
    ],
)
def test_an_entry_naming_anything_else_validates_again(cache, body):
    calls: list[str] = []
    kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls))
    (entry,) = _entries(cache)
    forged = marshal.dumps(body)
    entry.write_bytes(keptmodels._MAGIC + hashlib.sha256(forged).digest() + forged)
    assert kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls)).words == ["하나"]
    assert calls == ["하나", "하나"]


def test_a_date_is_kept_and_a_record_the_format_cannot_keep_is_validated_every_time(cache):
    calls = []

    def build(at: dt.datetime | None) -> _Dated:
        calls.append(at)
        return _Dated(day=dt.date(2025, 1, 27), at=at)

    for _ in range(2):
        kept = kept_model(_Dated, "day: 2025-01-27", "ko/days.yaml", lambda: build(None))
        assert type(kept.day) is dt.date and kept.day == dt.date(2025, 1, 27)
    assert calls == [None] and len(_entries(cache)) == 1
    noon = dt.datetime(2025, 1, 27, 12)  # a datetime (a date's subclass) is not kept
    for _ in range(2):
        assert kept_model(_Dated, "at: noon", "ko/noon.yaml", lambda: build(noon)).at == noon
    assert calls == [None, noon, noon] and len(_entries(cache)) == 1


def test_a_model_of_another_package_is_not_kept(cache, monkeypatch):
    monkeypatch.setattr(keptmodels, "_OWN", ("claimcheck.",))
    calls: list[str] = []
    for _ in range(2):
        kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls))
    assert calls == ["하나", "하나"] and _entries(cache) == []


def test_with_the_cache_off_nothing_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    calls: list[str] = []
    for _ in range(2):
        kept_model(_Words, "하나", "ko/words.yaml", _counting("하나", calls))
    assert calls == ["하나", "하나"] and list(tmp_path.rglob("*.bin")) == []
