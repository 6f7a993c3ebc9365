"""Markdown export: one table of findings, ready to paste into a pull request or a wiki."""

from __future__ import annotations

from claimcheck import regexcache as rx
from claimcheck.models import Finding, Report
from claimcheck.render import labels, words
from claimcheck.render.common import RenderOptions, claims_by_id, reference_text, sources_of

# Characters that GitHub-flavoured Markdown reads as markup inside a table cell: escaped with a
# backslash, so article text shows as written and cannot open a link, a code span or math.
# `~` matters for Korean: ranges are written 1~2%, and GFM reads ~text~ as strikethrough.
_MARKUP = rx.compile(r"([\\`*_\[\]|~$])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def cell(text: str) -> str:
    """Article text made safe for one table cell: one line, markup escaped, no raw HTML."""
    flat = " ".join(text.split())
    flat = "".join(_ENTITIES.get(ch, ch) for ch in flat)
    return _MARKUP.sub(r"\\\1", flat)


def write(report: Report, findings: list[Finding], options: RenderOptions | None = None) -> str:
    lang = (options or RenderOptions()).lang
    claims = len({claim for finding in findings for claim in finding.claims})
    articles = len({article for finding in findings for article in finding.articles})
    lines = [
        f"### {labels.word('title', lang)}",
        "",
        labels.word("summary", lang, findings=len(findings), articles=articles, claims=claims),
        "",
    ]
    if not findings:
        return "\n".join([*lines, labels.word("none", lang), ""])
    headers = ("finding", "verdict", "topic", "sources", "explanation", "reference")
    lines.append("| " + " | ".join(labels.word(h, lang) for h in headers) + " |")
    lines.append("|" + "---|" * len(headers))
    by_id = claims_by_id(report)
    for finding in findings:
        lines.append("| " + " | ".join(_row(report, finding, lang, by_id)) + " |")
    lines.append("")
    return "\n".join(lines)


def _row(report: Report, finding: Finding, lang: str, claims: dict) -> list[str]:
    sources = []
    for source in sources_of(report, finding):
        where = source.outlet or labels.word("unknown_outlet", lang)
        when = (
            source.published.isoformat() if source.published else labels.word("unknown_date", lang)
        )
        text = words.source_value(source, claims.get(source.claim), lang) or source.value
        value = f" → {cell(text)}" if text else ""
        sources.append(
            f"{cell(where)}, {when}, {labels.word('line', lang).lower()} {source.line}: "
            f"“{cell(source.quote)}”{value}"
        )
    topic = labels.topic(finding.topic, lang)
    about = words.about(finding, lang)
    return [
        f"`{finding.id.replace('`', '')}`",
        cell(labels.verdict(finding, lang)),
        cell(f"{topic} ({about})" if about else topic),
        "<br>".join(sources),
        cell(words.explanation(finding, claims, lang)),
        cell(reference_text(finding, lang)),
    ]
