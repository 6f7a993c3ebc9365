"""The loader's language data (boilerplate.yaml, sentences.yaml) as validated, compiled rules."""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

import re
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from claimcheck import regexcache as rx
from claimcheck.yamlsafe import load_bundled

_FLAGS = re.IGNORECASE


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


D = TypeVar("D", bound=BaseModel)


def _compiles(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            compiled(pattern)  # kept: the loader searches with this very pattern
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    return patterns


def any_of(patterns: tuple[str, ...]) -> str:
    """One regex that is found in a line where any of `patterns` is (one search, not one each)."""
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _alternation_compiles(patterns: list[str]) -> list[str]:
    # A family's patterns are searched as one alternation: compile that once (kept, as the loader
    # uses it) rather than each pattern as well; one by one only to name a bad pattern.
    try:
        compiled(any_of(tuple(patterns)))
    except re.error as exc:
        _compiles(patterns)
        raise ValueError(f"bad regular expressions {patterns!r} together: {exc}") from None
    return patterns


class Family(_Data):
    """A kind of page furniture (see the header of boilerplate.yaml)."""

    name: str
    reason: str
    patterns: list[str] = []
    word_lists: list[str] = []
    needs_number: bool = False
    max_chars: int | None = None
    opens_list: bool = False
    matches_sentences: bool = False

    _check_patterns = field_validator("patterns")(_alternation_compiles)

    @model_validator(mode="after")
    def _matches_something(self) -> "Family":
        if not self.patterns and not self.word_lists:
            raise ValueError(f"family {self.name!r} needs patterns or word_lists")
        return self


class Trailing(_Data):
    name: str
    reason: str
    max_chars: int


class HeadingPattern(_Data):
    name: str
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        _compiles([value])
        return value


class Layout(_Data):
    short_line_chars: int
    heading_max_chars: int
    heading_patterns: list[HeadingPattern]
    list_run: int
    deck_max_lines: int
    deck_max_chars: int
    bullet: str
    roundup_markers: list[str]
    roundup_kinds: list[str]
    roundup_cues: list[str]
    dateline: str
    title_story_similarity: int
    title_min_words: int

    _check_bullet = field_validator("bullet", "dateline")(lambda v: _compiles([v])[0])
    _check_cues = field_validator("roundup_cues")(_compiles)


class Boilerplate(_Data):
    words: dict[str, list[str]]
    families: list[Family]
    trailing: Trailing
    layout: Layout

    @model_validator(mode="after")
    def _consistent(self) -> "Boilerplate":
        names = [family.name for family in self.families]
        duplicates = {name for name in names if names.count(name) > 1}
        if duplicates:
            raise ValueError(f"duplicate family names: {sorted(duplicates)}")
        for family in self.families:
            missing = set(family.word_lists) - set(self.words)
            if missing:
                raise ValueError(
                    f"family {family.name!r} uses unknown word lists {sorted(missing)}"
                )
        for name, words in self.words.items():
            folded = [w.casefold() for w in words]
            if len(set(folded)) != len(folded):
                raise ValueError(f"word list {name!r} repeats a word")
        return self


class SentenceData(_Data):
    stops: str
    ellipses: list[str]
    closers: str
    final_syllables: list[str]
    quote_continuations: list[str]
    abbreviations: list[str]


def _validated(model: type[D], name: str) -> D:
    """A data file of claimcheck/data/ko validated into `model` (or kept: keptmodels.py)."""
    from claimcheck.keptmodels import kept_model
    from claimcheck.packaged import packaged

    text = packaged("claimcheck.data", "ko", name).read_text(encoding="utf-8")
    path = f"claimcheck/data/ko/{name}"
    return kept_model(
        model, text, path, lambda: model.model_validate(load_bundled(text, path, "language data"))
    )


@cache
def boilerplate() -> Boilerplate:
    return _validated(Boilerplate, "boilerplate.yaml")


@cache
def sentence_data() -> SentenceData:
    return _validated(SentenceData, "sentences.yaml")


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    return rx.compile(pattern, _FLAGS)
