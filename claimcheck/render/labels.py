"""Export wording in English and Korean, from labels.yaml, plus verdict labels from the ratings."""

from __future__ import annotations

import functools
from typing import Literal

from claimcheck.models import Finding, Strict

Lang = Literal["en", "ko"]
LANGS: tuple[str, ...] = ("en", "ko")


class Entry(Strict):
    en: str
    ko: str


class Labels(Strict):
    words: dict[str, Entry]
    kinds: dict[str, Entry]
    stances: dict[str, Entry]
    sections: dict[str, Entry]
    topics: dict[str, Entry]
    diagnoses: dict[str, Entry]
    things: dict[str, Entry]
    units: dict[str, Entry]
    qualifiers_ko: dict[str, str]
    arithmetic_ko: list[Entry]  # en: a regular expression, ko: its replacement


@functools.lru_cache(maxsize=1)
def labels() -> Labels:
    from claimcheck.keptmodels import kept_shipped
    from claimcheck.packaged import packaged

    return kept_shipped(Labels, packaged("claimcheck.render", "labels.yaml"), "labels YAML")


def _pick(entry: Entry | None, fallback: str, lang: str) -> str:
    return getattr(entry, lang) if entry is not None else fallback


def word(key: str, lang: str, **values: object) -> str:
    """A fixed word of the exports; a missing key is a programming error, so it raises."""
    text = getattr(labels().words[key], lang)
    return text.format(**values) if values else text


def kind(name: str, lang: str) -> str:
    return _pick(labels().kinds.get(name), name, lang)


def stance(name: str, lang: str) -> str:
    return _pick(labels().stances.get(name), name, lang)


def section(name: str, lang: str) -> str:
    return _pick(labels().sections.get(name), name, lang)


def topic(name: str, lang: str) -> str:
    return _pick(labels().topics.get(name), name, lang)


def diagnosis(name: str | None, lang: str) -> str:
    if name is None:
        return ""
    return _pick(labels().diagnoses.get(name), name.replace("_", " "), lang)


def verdict(finding: Finding, lang: str) -> str:
    """English: the verdict's label; Korean: the SNU FactCheck label with the Korean one."""
    from claimcheck.ratings import load_ratings

    rating = load_ratings().rating(finding.kind, finding.verdict)
    if lang == "ko":
        return f"{rating.snu_label} ({rating.label_ko})"
    return rating.label_en


def colour(finding: Finding) -> str:
    from claimcheck.ratings import load_ratings

    return load_ratings().rating(finding.kind, finding.verdict).colour


def explanation(finding: Finding, lang: str) -> str:
    if lang == "ko" and finding.explanation_ko:
        return finding.explanation_ko
    return finding.explanation


def about(finding: Finding) -> str:
    """Who or what the finding is about: 'subject / object' with what is known."""
    return " / ".join(part for part in (finding.subject, finding.object) if part)
