"""One finding in full, so a reporter can check the tool: every source with its whole sentence
and line, every arithmetic step, the reference's quote and locator, and every id."""

from __future__ import annotations

from claimcheck.models import Finding
from claimcheck.render import labels, words
from claimcheck.render.common import at_issue_first
from claimcheck.render.textwidth import wrap
from claimcheck.render.view import INDENT, Line, ViewData, badge

_LONG = 1000  # lines a wrapped paragraph may take: explain shows everything, never an ellipsis


def _para(text: str, cols: int, indent: str, style: str | None = None) -> list[Line]:
    wrapped = wrap(text, cols - len(indent), max_lines=_LONG, whole_words=True)
    return [[(indent + t, style)] for t in wrapped]


def find(findings: list[Finding], wanted: str) -> Finding | None:
    """The finding with this id, or the only one whose id ends with it ('f51c0b6a39')."""
    exact = [f for f in findings if f.id == wanted]
    if exact:
        return exact[0]
    tail = [f for f in findings if f.id.endswith(":" + wanted) or f.id.split(":")[-1] == wanted]
    return tail[0] if len(tail) == 1 else None


def full(finding: Finding, data: ViewData) -> list[Line]:
    lang, cols = data.lang, data.width
    w = data.w
    label, style = badge(finding, lang)
    about = words.about(finding, lang)
    title = " · ".join(
        p for p in (labels.kind(finding.kind, lang), labels.topic(finding.topic, lang), about) if p
    )
    lines: list[Line] = [[(label, style), (" · " + title, "bold")]]
    lines.append([(f"{w('finding_id')}: ", "dim"), (finding.id, "bold")])
    lines.append([])
    lines += _para(words.explanation(finding, dict(data.claims), lang), cols, "")
    if finding.diagnosis:
        lines.append([(f"{w('diagnosis')}: {labels.diagnosis(finding.diagnosis, lang)}", None)])
    if finding.sources:
        lines += [[], [(f"{labels.word('quotes', lang)} ({len(finding.sources)})", "bold")]]
    for number, source in enumerate(at_issue_first(finding, finding.sources), start=1):
        lines += _source(number, source, finding, data)
    if finding.arithmetic:
        lines += [[], [(labels.word("arithmetic", lang), "bold")]]
        for number, step in enumerate(finding.arithmetic, start=1):
            text = words.arithmetic(step, finding.kind, lang, dict(data.facts))
            lines += _para(f"{number}. {text}", cols, INDENT)
    ref = finding.reference
    if ref is not None:
        fact = data.facts.get(ref.fact)
        statement = (
            getattr(fact, "statement_ko" if lang == "ko" else "statement_en")
            if fact is not None
            else ref.statement
        )
        lines += [[], [(labels.word("reference", lang), "bold")]]
        lines += _para(f"{statement} ({ref.fact})", cols, INDENT)
        lines += _para(f"“{ref.quote}”", cols, INDENT)
        lines += _para(f"{labels.word('source', lang)}: {ref.source_title}", cols, INDENT)
        lines += _para(f"{w('locator')}: {ref.source_locator}", cols, INDENT)
    if finding.skipped:
        lines += [[], [(w("not_compared"), "bold")]]
        for step in finding.skipped:
            lines += _para(words.arithmetic(step, finding.kind, lang, {}), cols, INDENT)
    lines += [[], [(w("claims"), "bold")]]
    lines += [[(INDENT + claim_id, None)] for claim_id in finding.claims]
    lines += [[(w("articles"), "bold")]]
    lines += [[(INDENT + article_id, None)] for article_id in finding.articles]
    return lines


def _source(number: int, source, finding: Finding, data: ViewData) -> list[Line]:
    lang, cols = data.lang, data.width
    article = data.articles.get(source.article, {})
    outlet = source.outlet or article.get("outlet") or labels.word("unknown_outlet", lang)
    date = source.published or article.get("published") or labels.word("unknown_date", lang)
    where = f"{labels.section(source.section, lang)} {data.w('line_at', n=source.line)}"
    stance = labels.stance(source.stance, lang)
    head = f"{number}. {source.article} · {outlet} · {date} · {where} · {stance}"
    if source.claim in finding.at_issue:
        head += f" · {labels.word('at_issue', lang)}"
    lines: list[Line] = [[]]
    lines += _para(head, cols, "", "bold")
    pad = INDENT + " "
    lines.append([(f"{pad}{labels.word('claim', lang)}: {source.claim}", "dim")])
    claim = data.claims.get(source.claim)
    if claim is not None and claim.attributed_to:
        who = words.entity(claim.attributed_to, lang)
        lines.append([(f"{pad}{labels.word('stated_by', lang)}: {who}", None)])
    sentence = claim.sentence if claim is not None else source.quote
    span = words.claim_span(claim) if claim is not None and claim.quote == sentence else None
    text = sentence
    if span is not None:
        text = f"{sentence[: span[0]]}«{sentence[span[0] : span[1]]}»{sentence[span[1] :]}"
    lines += _para(f"{data.w('sentence')}: {text}", cols, pad)
    frame = _frame_line(claim)
    if frame:
        lines += _para(words.arithmetic(frame, finding.kind, lang, {}), cols, pad)
    value = words.source_value(source, claim, lang)
    if value:
        if source.value_usd is not None and lang != "ko":
            value += f" (≈ {words.number(round(source.value_usd))} USD)"
        lines += _para(f"{labels.word('value', lang)}: {value}", cols, pad)
    return lines


_BASIS = {"named": "owner named", "story": "owner from the story", "none": "no owner"}


def _frame_line(claim) -> str | None:
    """The claim's frame in words (issue 14): what its figure measures, when, at which moment,
    of what scope, and how its owner was settled; slots the text leaves open are left out."""
    frame = getattr(claim, "frame", None)
    if frame is None:
        return None
    parts = [f"measure {frame.measure}"] if frame.measure else []
    if frame.as_of:
        parts.append(f"time {frame.as_of}")
    elif frame.since:
        parts.append(f"since {frame.since}")
    if frame.moment:
        parts.append(f"moment {frame.moment}")
    if frame.scope:
        parts.append(f"scope {frame.scope}")
    parts.append(_BASIS[frame.subject_basis])
    return "frame: " + "; ".join(parts)
