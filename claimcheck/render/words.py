"""A finding's parts in a reader's words, in English or Korean: entity names, values with their
units, the arithmetic, and a statement claim's own clause (not its `topic: subject / object`).

Everything here is read from data (labels.yaml, entities.yaml, clauses.yaml, the reference
table); nothing is written for particular articles.
"""

from __future__ import annotations

import functools
import re

from claimcheck import regexcache as rx
from claimcheck.models import Claim, Finding, Quantity, SourceValue, Strict
from claimcheck.render import labels

# A statement claim's clause is shown in these marks; a figure is marked in a quote with «».
OPEN, CLOSE = "“", "”"


class ClauseData(Strict):
    marks: list[str]
    connectives: list[str]
    min_chars: int


@functools.lru_cache(maxsize=1)
def _clause_data() -> ClauseData:
    from claimcheck.keptmodels import kept_shipped
    from claimcheck.packaged import packaged

    source = packaged("claimcheck.data", "ko", "clauses.yaml")
    return kept_shipped(ClauseData, source, "language data")


# --- names -------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _entity_names() -> dict[str, tuple[str, str]]:
    from claimcheck.entities_data import load_entity_table

    return {e.id: (e.name_en, e.name_ko) for e in load_entity_table().entities}


def entity(entity_id: str | None, lang: str) -> str:
    """An entity's printed name; an id the table does not know is shown as it is."""
    if not entity_id:
        return ""
    names = _entity_names().get(entity_id)
    if names is None:
        # Not an entity but a thing a statement is about (labels.yaml `things`), else the id.
        entry = labels.labels().things.get(entity_id)
        return getattr(entry, lang) if entry is not None else entity_id
    return names[1] if lang == "ko" else names[0]


def about(finding: Finding, lang: str) -> str:
    """Who or what a finding is about, by name: 'DeepSeek / Nvidia H800'."""
    return " / ".join(entity(part, lang) for part in (finding.subject, finding.object) if part)


# --- values ------------------------------------------------------------------------------------


def number(value: float | int | None) -> str:
    if value is None:
        return "?"
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def unit(code: str | None, lang: str) -> str:
    """A unit as printed after a number ('%', ' USD' / '달러'); a rate unit part by part."""
    if not code:
        return ""
    table = labels.labels().units
    parts = []
    for part in code.split("/"):
        entry = table.get(part)
        parts.append(getattr(entry, lang) if entry is not None else f" {part}")
    if len(parts) == 1:
        return parts[0]
    return parts[0] + "/" + "/".join(p.strip() for p in parts[1:])


def quantity(q: Quantity | None, lang: str) -> str:
    """A normalised figure: '약 5,600,000달러 (5,320,000~5,880,000)' in Korean."""
    if q is None:
        return ""
    u = q.counter if (lang == "ko" and q.unit == "count" and q.counter) else unit(q.unit, lang)
    templates = labels.labels().qualifiers_ko
    template = templates.get(q.qualifier, "{v}")
    value = number(q.value) + u if q.value is not None else ""
    low, high = number(q.low) + u, number(q.high) + u
    if lang != "ko":
        return value or f"{number(q.low)}–{number(q.high)}{u}"
    text = template.format(v=value or f"{low}~{high}", low=low, high=high)
    if q.qualifier == "at_least" and q.high not in (None, float("inf")):
        text += f", {high} 미만"  # 2천여: at least 2,000, below 3,000
    if q.qualifier == "approx" and q.low is not None and q.high is not None:
        text += f" ({number(q.low)}~{number(q.high)})"
    return text


def source_value(source: SourceValue, claim: Claim | None, lang: str) -> str:
    """What a source's figure comes to; English keeps the reconciler's own wording."""
    if lang != "ko" or claim is None:
        return source.value
    if claim.quantity is None:
        # A statement's value is a slug ('not hbm'); a Korean reader gets its own words.
        return f"{OPEN}{claim_words(claim)}{CLOSE}"
    text = f"{claim.quantity.text} = {quantity(claim.quantity, lang)}"
    if source.value_usd is not None and claim.quantity.unit not in (None, "USD"):
        text += f" ≈ {number(round(source.value_usd))}{unit('USD', lang)}"
    return text


def fact_value(fact: object, lang: str) -> str:
    """A reference fact's figure ('2,048'), or '' for a fact without one."""
    q = getattr(fact, "quantity", None)
    if q is None:
        return ""
    u = unit(q.unit, lang)
    if q.value is not None:
        return number(q.value) + u
    return f"{number(q.low)}–{number(q.high)}{u}"


# --- arithmetic ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _arithmetic_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(rx.compile(entry.en), entry.ko) for entry in labels.labels().arithmetic_ko]


_FACT_STEP = rx.compile(r"^reference \(([a-z0-9-]+)\): (.*)$")
_VERDICT_END = rx.compile(r": ([a-z_]+)$")


def arithmetic(step: str, kind: str, lang: str, facts: dict) -> str:
    """One step of a finding's arithmetic; in Korean, said in Korean (labels.yaml)."""
    if lang != "ko":
        return step
    fact_step = _FACT_STEP.match(step)
    if fact_step:
        fact = facts.get(fact_step.group(1))
        if fact is not None and fact_step.group(2) == fact.statement_en:
            return f"참조 사실 ({fact.id}): {fact.statement_ko}"
        # The source's own words (its quote, or the value as first read from it) stay as
        # they are, marked as a quote.
        read = (fact.reading.value or "").strip('“”"') if fact is not None else ""
        if fact is not None and fact_step.group(2) in (fact.quote, read):
            return f"참조 사실 ({fact.id}): {OPEN}{fact_step.group(2)}{CLOSE}"
    end = _VERDICT_END.search(step)
    if end:
        from claimcheck.ratings import load_ratings

        try:
            word = load_ratings().rating(kind, end.group(1)).label_ko
            step = step[: end.start()] + f": {word}"
        except KeyError:
            pass
    for pattern, replacement in _arithmetic_rules():
        step = pattern.sub(replacement, step)
    return step


def explanation(finding: Finding, claims: dict[str, Claim], lang: str) -> str:
    """The finding's explanation, with a statement claim's slug ('hardware: deepseek / hbm')
    replaced by the claim's own words."""
    text = labels.explanation(finding, lang)
    if lang == "ko":
        # The reconciler's Korean still names currencies by code ("1 USD = 1,375.00 KRW").
        for pattern, replacement in _arithmetic_rules():
            text = pattern.sub(replacement, text)
    claim = next((claims[c] for c in finding.claims if c in claims), None)
    if claim is not None and claim.quantity is None:
        # How the reconciler names a claim without a figure (reconcile/refcheck.py).
        slug = f"'{claim.topic}: {claim.subject or '?'} / {claim.object or '-'}'"
        text = text.replace(slug, f"{OPEN}{claim_words(claim)}{CLOSE}")
    return text


# --- where the claim is in its sentence -------------------------------------------------------


def claim_span(claim: Claim) -> tuple[int, int] | None:
    """Where the claim's figure (or, for a statement, its object's name) is in claim.quote."""
    quote = claim.quote
    q = claim.quantity
    if q is not None:
        at = q.start - claim.start
        if quote[at : at + len(q.text)] == q.text and q.text:
            return at, at + len(q.text)
        found = quote.find(q.text) if q.text else -1
        return (found, found + len(q.text)) if found >= 0 else None
    return _mention_span(quote, claim.object) or _mention_span(quote, claim.subject)


@functools.lru_cache(maxsize=4096)  # a claim is drawn in several places: look it up once
def _mention_span(text: str, entity_id: str | None) -> tuple[int, int] | None:
    if not entity_id:
        return None
    from claimcheck.extract.mentions import find_mentions
    from claimcheck.textnorm import normalize

    norm = normalize(text)
    for mention in find_mentions(norm.text):
        if mention.entity == entity_id or mention.parent == entity_id:
            return norm.to_original(mention.start), norm.to_original(mention.end)
    return None


@functools.lru_cache(maxsize=4096)
def clause(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` holding sentence[start:end]: from the last clause break before
    it to the first after it (clauses.yaml); the sentence when that clause is too short."""
    data = _clause_data()
    breaks = [0, len(sentence)]
    for at, ch in enumerate(sentence):
        if ch in data.marks:
            breaks += [at, at + 1]
    for word in re.finditer(r"\S+", sentence):
        stripped = word.group().rstrip("".join(data.marks) + ".")
        if any(stripped.endswith(c) for c in data.connectives) and word.end() < len(sentence):
            breaks.append(word.start() + len(stripped))
    left = max(b for b in breaks if b <= start)
    right = min(b for b in breaks if b >= end)
    text = sentence[left:right].strip(" " + "".join(data.marks))
    if len(text) < data.min_chars:
        return sentence.strip()
    return text


def claim_words(claim: Claim) -> str:
    """A claim in its own words: the figure as written, or a statement's clause."""
    if claim.quantity is not None and claim.quantity.text:
        return claim.quantity.text
    span = claim_span(claim)
    if span is None:
        return claim.quote.strip()
    return clause(claim.quote, *span)


# --- words for the JSON ---------------------------------------------------------------------------


def finding_labels(row: dict) -> dict[str, str | None]:
    """The `labels` of a finding (models.FindingLabels) from its JSON fields."""
    finding = Finding.model_validate({**row, "sources": [], "labels": None})
    out: dict[str, str | None] = {}
    for lang, suffix in (("en", ""), ("ko", "_ko")):
        out["verdict" + suffix] = labels.verdict(finding, lang)
        out["topic" + suffix] = labels.topic(finding.topic, lang)
        out["about" + suffix] = about(finding, lang)
        out["diagnosis" + suffix] = (
            labels.diagnosis(finding.diagnosis, lang) if finding.diagnosis else None
        )
    return {key: out[key] for key in _LABEL_KEYS}


_LABEL_KEYS = (
    "verdict", "verdict_ko", "topic", "topic_ko", "about", "about_ko", "diagnosis", "diagnosis_ko",
)  # fmt: skip
