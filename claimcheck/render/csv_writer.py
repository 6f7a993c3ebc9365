"""CSV export: one row per finding and source, UTF-8 with BOM for Excel, formula-safe cells."""

from __future__ import annotations

import csv
import io

from claimcheck.models import Claim, Finding, Report, SourceValue
from claimcheck.render import labels, words
from claimcheck.render.common import RenderOptions, claims_by_id, reference_text, sources_of

COLUMNS = (
    "finding",
    "kind",
    "verdict",
    "topic",
    "about",
    "claim",
    "at_issue",
    "article",
    "outlet",
    "date",
    "line",
    "quote",
    "value",
    "value_usd",
    "explanation",
    "reference",
)
# A spreadsheet reads a cell starting with one of these as a formula (or, for tab and carriage
# return, as a cell break that hides what follows); such cells get a leading apostrophe, which
# Excel, LibreOffice and Google Sheets show as text and do not evaluate.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # without it Excel opens UTF-8 as the local code page and Korean turns to mojibake


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write(report: Report, findings: list[Finding], options: RenderOptions | None = None) -> str:
    lang = (options or RenderOptions()).lang
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([labels.word(name, lang) for name in COLUMNS])
    claims = claims_by_id(report)
    for finding in findings:
        sources: list[SourceValue | None] = list(sources_of(report, finding)) or [None]
        for source in sources:
            writer.writerow([_cell(value) for value in _row(finding, source, lang, claims)])
    return BOM + buffer.getvalue()


def _row(
    finding: Finding, source: SourceValue | None, lang: str, claims: dict[str, Claim]
) -> list[object]:
    value = ""
    if source is not None:
        value = words.source_value(source, claims.get(source.claim), lang) or source.value
    return [
        finding.id,
        labels.kind(finding.kind, lang),
        labels.verdict(finding, lang),
        labels.topic(finding.topic, lang),
        words.about(finding, lang),
        source.claim if source else "",
        # the sources the verdict is about, when a group holds more (the others are context)
        labels.word("at_issue_yes", lang) if source and source.claim in finding.at_issue else "",
        source.article if source else "",
        (source.outlet or "") if source else "",
        source.published.isoformat() if source and source.published else "",
        source.line if source else "",
        source.quote if source else "",
        value,
        source.value_usd if source and source.value_usd is not None else "",
        words.explanation(finding, claims, lang),
        reference_text(finding, lang),
    ]


def _cell(value: object) -> object:
    # Numbers stay numbers (the sheet can sum them); every text cell is neutralised.
    return value if isinstance(value, (int, float)) else neutralise(str(value))
