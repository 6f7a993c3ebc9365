"""Rendering a report for people: the terminal (rich) and Markdown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rich.markup import escape

from claimcheck.cli.common import stdout_console
from claimcheck.models import Finding

if TYPE_CHECKING:
    from claimcheck.reconcile.store import ReportStore

KIND_LABEL = {
    "en": {
        "cross_source": "across sources",
        "internal": "within an article",
        "reference": "against the reference",
    },
    "ko": {"cross_source": "출처 간 비교", "internal": "기사 내부", "reference": "참고 사실 대조"},
}
TEXT = {
    "en": {
        "articles": "articles",
        "claims": "claims",
        "findings": "findings",
        "topic": "topic",
        "source": "source",
        "value": "normalised value",
        "arith": "arithmetic",
        "ref": "reference",
        "unknown": "date unknown",
        "overview": "Overview",
        "diag": "likely cause",
        "no_rate": "{} check(s) lacked an exchange rate for the article's date (unverifiable)",
    },
    "ko": {
        "articles": "기사",
        "claims": "주장",
        "findings": "검증 결과",
        "topic": "주제",
        "source": "출처",
        "value": "정규화한 값",
        "arith": "계산",
        "ref": "참고 사실",
        "unknown": "날짜 미상",
        "overview": "요약",
        "diag": "추정 원인",
        "no_rate": "기사 날짜의 환율이 없어 확인하지 못한 검증 {}건",
    },
}


def _label(kind: str, verdict: str, lang: str) -> tuple[str, str]:
    """The verdict's label (Korean: with its SNU FactCheck rating) and its colour."""
    from claimcheck.ratings import load_ratings

    rating = load_ratings().rating(kind, verdict)
    if lang == "ko":
        return f"{rating.badge} {rating.label_ko} ({rating.snu_label})", rating.colour
    return f"{rating.badge} {rating.label_en}", rating.colour


def _explanation(finding: Finding, lang: str) -> str:
    return finding.explanation_ko if lang == "ko" else finding.explanation


def terminal(store: ReportStore, shown: Iterable[Finding], lang: str) -> None:
    from rich.panel import Panel
    from rich.table import Table

    t = TEXT[lang]
    console = stdout_console()
    by_kind_topic = store.verdict_counts()
    counts: Counter = Counter()
    for (kind, _, verdict), n in by_kind_topic.items():
        counts[kind, verdict] += n
    overview = "\n".join(
        f"{KIND_LABEL[lang][kind]}: "
        + ", ".join(
            f"{_label(k, v, lang)[0]} {n}" for (k, v), n in sorted(counts.items()) if k == kind
        )
        for kind in ("internal", "cross_source", "reference")
    )
    console.print(
        Panel(
            f"{store.article_count} {t['articles']} · {store.claim_count} {t['claims']} · "
            f"{store.finding_count} {t['findings']}\n{escape(overview)}"
            + (f"\n{t['no_rate'].format(store.no_rate_count)}" if store.no_rate_count else ""),
            title=f"claimcheck — {t['overview']}",
        )
    )
    table = Table(title=t["topic"])
    table.add_column(t["topic"])
    for kind in ("internal", "cross_source", "reference"):
        table.add_column(KIND_LABEL[lang][kind])
    by_topic: dict[str, dict[str, Counter]] = {}
    for (kind, topic, verdict), n in by_kind_topic.items():
        by_topic.setdefault(topic, {}).setdefault(kind, Counter())[verdict] += n
    for topic in sorted(by_topic):
        cells = []
        for kind in ("internal", "cross_source", "reference"):
            counter = by_topic[topic].get(kind, Counter())
            cells.append(
                " ".join(
                    f"[{_label(kind, v, lang)[1]}]{escape(_label(kind, v, lang)[0])}×{n}[/]"
                    for v, n in sorted(counter.items())
                )
            )
        table.add_row(topic, *cells)
    console.print(table)
    for finding in shown:
        _print_finding(console, finding, lang, t)


def _print_finding(console, finding: Finding, lang: str, t: dict) -> None:
    from rich.table import Table

    label, colour = _label(finding.kind, finding.verdict, lang)
    what = " / ".join(x for x in (finding.subject, finding.object) if x)
    console.rule(
        f"[{colour}]{escape(label)}[/] · {KIND_LABEL[lang][finding.kind]} · {finding.topic}"
        + (f" · {escape(what)}" if what else "")
    )
    console.print(escape(_explanation(finding, lang)))
    if finding.diagnosis:
        console.print(f"[bold]{t['diag']}:[/bold] {finding.diagnosis.replace('_', ' ')}")
    if finding.sources:
        table = Table(show_lines=True, expand=True)
        for column in (t["source"], t["value"], "quote"):
            table.add_column(column, overflow="fold")
        for s in finding.sources:
            where = (
                f"{s.outlet or s.article}\n{s.published or t['unknown']}\n"
                f"{s.section}, line {s.line} ({s.stance})"
            )
            table.add_row(escape(where), escape(s.value), escape(s.quote))
        console.print(table)
    for step in finding.arithmetic:
        console.print(f"  [dim]{t['arith']}:[/dim] {escape(step)}")
    if finding.reference:
        r = finding.reference
        console.print(f"  [bold]{t['ref']}:[/bold] {escape(r.statement)}")
        console.print(f"  [dim]{escape(r.source_title)} — {escape(r.source_locator)}[/dim]")
        console.print(f"  [dim]“{escape(r.quote)}”[/dim]")


def markdown(store: ReportStore, shown: Iterable[Finding], lang: str) -> Iterator[str]:
    """The report as a Markdown table, line by line."""
    t = TEXT[lang]
    yield (
        f"# claimcheck: {store.article_count} {t['articles']}, "
        f"{store.claim_count} {t['claims']}, {store.finding_count} {t['findings']}"
    )
    yield ""
    yield "| verdict | kind | topic | subject / object | sources | explanation |"
    yield "| --- | --- | --- | --- | --- | --- |"
    for f in shown:
        what = " / ".join(x for x in (f.subject, f.object) if x) or "-"
        sources = "; ".join(f"{s.article} L{s.line}: {s.value}" for s in f.sources)
        cells = [
            _label(f.kind, f.verdict, lang)[0],
            KIND_LABEL[lang][f.kind],
            f.topic,
            what,
            sources,
            _explanation(f, lang),
        ]
        yield "| " + " | ".join(_md(c) for c in cells) + " |"


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")
