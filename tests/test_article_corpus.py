"""The unseen-style article corpus is well formed: every expectation can be found in its article."""

from __future__ import annotations

import csv
import datetime as dt
import re
from importlib.resources import files
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import model_validator

from claimcheck.entities_data import ID_PATTERN, load_entity_table
from claimcheck.models import ArticleKind, FrontMatter, Qualifier, Section, Stance, Strict

HERE = Path(__file__).resolve().parent / "corpus" / "ko" / "articles"
ARTICLES = sorted(HERE.glob("*.txt"))

TOPICS = {
    "training_cost", "gpu_count", "stock_change", "market_value", "cost_ratio", "peer_cost",
    "performance_parity", "technique", "hardware", "model_release", "founding", "adoption",
    "ban", "allegation", "quote", "earnings", "other",
}  # fmt: skip
# Units the expectations may use: the normaliser's, plus `rank` (1위) and null for a bare number.
UNITS = {
    "USD", "KRW", "CNY", "percent", "percentage_point", "point", "ratio", "count", "rank",
    "hour", "day", "week", "month", "year", "gpu_hour",
}  # fmt: skip


def _is_rate(unit: str) -> bool:
    """A price per something (USD/million_tokens): a currency over one of units.yaml's rates."""
    from claimcheck.quantities.lexicon import lexicon

    currency, _, per = unit.partition("/")
    return currency in UNITS and per in {rate.per for rate in lexicon().units.rates}


# Things a claim may be about that are not entities.
CONCEPTS = {"personal-data"}
# Conversions: "consistent" within 3% of the day's rate, "inconsistent" off by 10% or more.
CONSISTENT, INCONSISTENT = 0.03, 0.10


class ExpectedQuantity(Strict):
    value: int | float | None
    unit: str | None
    qualifier: Qualifier
    counter: str | None = None
    low: int | float | None = None
    high: int | float | None = None

    @model_validator(mode="after")
    def _shape(self) -> ExpectedQuantity:
        if self.unit is not None and self.unit not in UNITS and not _is_rate(self.unit):
            raise ValueError(f"unknown unit {self.unit!r}")
        if self.qualifier == "range":
            if self.value is not None or self.low is None or self.high is None:
                raise ValueError("a range has value null and both low and high")
            if not self.low < self.high:
                raise ValueError("a range needs low < high")
        elif self.value is None or self.low is not None or self.high is not None:
            raise ValueError("only a range has low/high; anything else has a value")
        if (self.counter is not None) != (self.unit == "count"):
            raise ValueError("a count has its counter word, and only a count has one")
        if self.value is not None and self.value < 0:
            raise ValueError("values are sizes; a fall is `direction: down`")
        return self


class ExpectedClaim(Strict):
    topic: str
    subject: str | None
    object: str | None
    quantity: ExpectedQuantity | None
    stance: Stance
    attributed_to: str | None
    section: Section
    quote_contains: str
    story: str | None = None  # a substring of the headline of the claim's story (round-ups)
    attributes: dict[str, str] = {}


class Amount(Strict):
    value: int | float
    unit: Literal["USD", "KRW"]


class Conversion(Strict):
    quote_contains: str  # the converted figure as written
    original: Amount
    converted: Amount
    rate_date: dt.date
    rate: float  # KRW per USD on rate_date, from claimcheck/data/fx/krw_usd_daily.csv
    verdict: Literal["consistent", "inconsistent"]


class Expected(Strict):
    claims: list[ExpectedClaim]
    absent: list[str] = []
    conversions: list[Conversion] = []


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n"), "an article starts with its front matter"
    head, sep, body = text[4:].partition("\n---\n")
    assert sep, "the front matter is closed by a `---` line"
    return yaml.safe_load(head), body


def load(path: Path) -> tuple[FrontMatter, str, Expected]:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    expected_path = path.with_name(path.stem + ".expected.yaml")
    expected = Expected.model_validate(yaml.safe_load(expected_path.read_text(encoding="utf-8")))
    return FrontMatter.model_validate(meta), body, expected


@pytest.fixture(scope="module")
def corpus() -> dict[str, tuple[FrontMatter, str, Expected]]:
    return {path.stem: load(path) for path in ARTICLES}


@pytest.fixture(scope="module")
def entity_ids() -> set[str]:
    return set(load_entity_table().by_id())


def line_of(body: str, needle: str) -> str:
    at = body.index(needle)
    return body[body.rfind("\n", 0, at) + 1 : body.find("\n", at) if "\n" in body[at:] else None]


def test_there_are_at_least_ten_articles_each_with_expectations():
    assert len(ARTICLES) >= 10
    stems = {p.stem for p in ARTICLES}
    expected = {p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml")}
    assert stems == expected


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_front_matter_is_complete(path):
    meta, body, _ = load(path)
    for field in ("title", "outlet", "author", "published", "kind"):
        assert getattr(meta, field), f"{field} is missing"
    assert meta.kind in ArticleKind.__args__
    assert meta.language == "ko"
    # Pages repeat their title as the first line, as saved web pages do.
    assert body.lstrip("\n").splitlines()[0] == meta.title


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_claim_can_be_found_and_is_well_formed(path, entity_ids):
    meta, body, expected = load(path)
    title_line = body.lstrip("\n").splitlines()[0]
    assert expected.claims, "an article with no claims tests nothing"
    for claim in expected.claims:
        where = f"{claim.topic} {claim.quote_contains!r}"
        assert claim.topic in TOPICS, where
        assert body.count(claim.quote_contains) == 1, f"{where} must occur exactly once"
        line = line_of(body, claim.quote_contains)
        if claim.section == "headline":
            assert line == title_line or (claim.story and claim.story in line), where
        else:
            assert line != title_line, where
        if claim.story is not None:
            assert body.count(claim.story) >= 1, where
        for role in ("subject", "object", "attributed_to"):
            name = getattr(claim, role)
            if name is None or name in entity_ids or name in CONCEPTS:
                continue
            # A name the table does not know is given as written, and must be in the text.
            assert not ID_PATTERN.match(name), f"{where}: {role} {name!r} is not an entity id"
            assert name in body, f"{where}: {role} {name!r} is not in the article"
        if claim.stance == "attributed" and claim.attributed_to is None:
            assert any(w in line for w in ("알려", "전해", "따르면", "다고", "라고", "다는")), where
        if claim.quantity is not None and claim.quantity.counter is not None:
            assert claim.quantity.counter in line, f"{where}: counter not on the line"
        for key, value in claim.attributes.items():
            if key == "direction":
                assert value in ("up", "down"), where
            if key == "date":  # as precise as the text: 2023, 2023-07 or 2023-07-17
                assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", value), where
                if len(value) == 10:
                    dt.date.fromisoformat(value)
            if key in ("distilled_from", "distilled_into", "compared_with", "baseline", "against"):
                for part in value.split(", "):
                    assert part in entity_ids or part in body, f"{where}: {key} {part!r}"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_furniture_that_must_yield_nothing_is_on_the_page(path):
    _, body, expected = load(path)
    for text in expected.absent:
        assert body.count(text) == 1, f"absent {text!r} must occur exactly once"
        line = line_of(body, text)
        for claim in expected.claims:
            assert claim.quote_contains not in line, f"{text!r} shares a line with a claim"


def _krw_per_usd() -> dict[dt.date, float]:
    table = files("claimcheck.data").joinpath("fx/krw_usd_daily.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(table.splitlines()))[1:]
    return {dt.date.fromisoformat(day): float(rate) for day, rate in rows if rate}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_conversions_are_judged_at_the_days_rate(path):
    _, body, expected = load(path)
    if not expected.conversions:
        return
    rates = _krw_per_usd()
    for conv in expected.conversions:
        assert body.count(conv.quote_contains) == 1, conv.quote_contains
        assert rates[conv.rate_date] == conv.rate, conv.rate_date
        assert (conv.original.unit, conv.converted.unit) == ("USD", "KRW")
        error = abs(conv.converted.value / (conv.original.value * conv.rate) - 1)
        if conv.verdict == "consistent":
            assert error <= CONSISTENT, (conv.quote_contains, error)
        else:
            assert error >= INCONSISTENT, (conv.quote_contains, error)


def test_the_corpus_covers_what_the_extractor_must_handle(corpus):
    claims = [c for _, _, e in corpus.values() for c in e.claims]
    assert {c.topic for c in claims} == TOPICS
    assert {c.stance for c in claims} == set(Stance.__args__)
    assert {c.section for c in claims} == set(Section.__args__)
    qualifiers = {c.quantity.qualifier for c in claims if c.quantity}
    assert qualifiers == set(Qualifier.__args__)
    verdicts = {v.verdict for _, _, e in corpus.values() for v in e.conversions}
    assert verdicts == {"consistent", "inconsistent"}
    # A round-up page whose claims belong to more than one story.
    assert any(len({c.story for c in e.claims if c.story}) >= 2 for _, _, e in corpus.values())
    # At least two stories that are not about DeepSeek at all, so rules are not DeepSeek-shaped.
    deepseek = {"deepseek", "deepseek-v3", "deepseek-r1", "deepseek-r1-zero", "deepseek-app"}
    not_deepseek = [
        stem
        for stem, (_, body, e) in corpus.items()
        if not any({c.subject, c.object} & deepseek for c in e.claims)
    ]
    assert len(not_deepseek) >= 2
    # Page furniture with figures: view counts, comments, a poll, a copyright year.
    absent = " ".join(t for _, _, e in corpus.values() for t in e.absent)
    for furniture in ("조회", "댓글", "표", "ⓒ"):
        assert furniture in absent, furniture


def test_readme_describes_every_article():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for path in ARTICLES:
        assert re.search(rf"`{re.escape(path.name)}`", readme), path.name
