"""What every writer needs: the options, the finding selection, a finding's sources and claims."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from claimcheck.models import Article, Claim, Finding, Quantity, Report, SourceValue

# Verdicts that report no problem; the default export (the contradiction list) leaves them out.
AGREEING = frozenset({"agree", "consistent", "supported"})
# Exports list the gravest findings first: a reader who stops early has seen what matters.
SEVERITY = (
    "refuted",
    "contradiction",
    "inconsistent",
    "misattributed",
    "misleading",
    "discrepancy",
    "disputed",
    "mostly_supported",
    "unverifiable",
    "compatible",
    "single_source",
    "supported",
    "consistent",
    "agree",
)


@dataclass(frozen=True)
class RenderOptions:
    """How findings are rendered: language, ClaimReview publisher and URL, loaded articles."""

    lang: str = "en"  # en | ko (ko: SNU FactCheck labels and Korean wording)
    # ClaimReview `url`: where the review is published; each finding gets `#<finding id>` (the
    # HTML export's anchors), so the default pairs claimreview output with an HTML export beside it.
    base_url: str = "claimcheck.html"
    publisher: str = "claimcheck"  # ClaimReview author: who publishes the checks
    # Loaded articles by id, for showing a quote inside its whole paragraph (HTML); without them
    # the quote is shown inside its sentence, which the claim itself records.
    articles: Mapping[str, Article] = field(default_factory=dict)


def select_findings(report: Report, include_all: bool = False) -> list[Finding]:
    """The contradiction list (every finding not agreeing), or every finding; gravest first."""
    chosen = [f for f in report.findings if include_all or f.verdict not in AGREEING]
    return sorted(chosen, key=finding_order)


def finding_order(finding: Finding) -> tuple[int, str, str]:
    """Worst first, then by topic and id: the one order of the terminal view and every export."""
    return (_rank(finding.verdict), finding.topic, finding.id)


def _rank(verdict: str) -> int:
    return SEVERITY.index(verdict) if verdict in SEVERITY else len(SEVERITY)


def claims_by_id(report: Report) -> dict[str, Claim]:
    return {claim.id: claim for claim in report.claims}


def number_text(value: float | int | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def quantity_text(quantity: Quantity | None) -> str:
    """A quantity in base units with its interval: '5600000 USD (approx: 5320000–5880000)'."""
    if quantity is None:
        return ""
    unit = f" {quantity.unit}" if quantity.unit else ""
    text = f"{number_text(quantity.value)}{unit}"
    if quantity.qualifier != "exact" or quantity.low != quantity.high:
        text += f" ({quantity.qualifier}: {number_text(quantity.low)}–{number_text(quantity.high)})"
    return text


def at_issue_first(finding: Finding, sources: list[SourceValue]) -> list[SourceValue]:
    """The sources whose figures the verdict is about, then the others (context), each in the
    reconciler's order."""
    if not finding.at_issue:
        return list(sources)
    named = set(finding.at_issue)
    return [s for s in sources if s.claim in named] + [s for s in sources if s.claim not in named]


def sources_of(report: Report, finding: Finding) -> list[SourceValue]:
    """The finding's sources (those at issue first); when the reconciler gave none, built from
    its claims."""
    if finding.sources:
        return at_issue_first(finding, finding.sources)
    claims = claims_by_id(report)
    articles = {article.id: article for article in report.articles}
    out = []
    for claim_id in finding.claims:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        article = articles.get(claim.article)
        out.append(
            SourceValue(
                claim=claim.id,
                article=claim.article,
                outlet=article.outlet if article else None,
                published=article.published if article else None,
                section=claim.section,
                line=claim.line,
                quote=claim.quote,
                stance=claim.stance,
                value=quantity_text(claim.quantity),
            )
        )
    return out


def reference_text(finding: Finding, lang: str = "en") -> str:
    """The reference as one line: statement — source title, locator: "quote". In Korean the
    statement is the fact's statement_ko (the source's title and quote stay as written)."""
    ref = finding.reference
    if ref is None:
        return ""
    statement = ref.statement
    if lang == "ko":
        from claimcheck.reference import load_reference

        fact = next((f for f in load_reference().all_facts() if f.id == ref.fact), None)
        statement = fact.statement_ko if fact is not None else statement
    return f'{statement} — {ref.source_title}, {ref.source_locator}: "{ref.quote}"'
