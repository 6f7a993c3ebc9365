"""Drawing a report for people: the terminal view (plain lines, coloured on a terminal, paged
like git when longer than the screen) and the Markdown of `report --format markdown`."""

from __future__ import annotations

import os
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.models import Finding
    from claimcheck.reconcile.store import ReportStore
    from claimcheck.render.view import Line, ViewData

DEFAULT_PAGER = "less -FRX"


# --- where the lines go --------------------------------------------------------------------------


def use_colour() -> bool:
    """Colour on a terminal, as most tools do: NO_COLOR turns it off, FORCE_COLOR on."""
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def screen_width() -> int:
    return max(40, shutil.get_terminal_size((80, 24)).columns)


def _styled(text: str, style: str | None) -> str:
    if not style or not text:
        return text
    from rich.color import ColorSystem
    from rich.style import Style

    name = {"mark": "bold underline", "bold": "bold", "dim": "dim"}.get(style)
    if name is None:
        name = style.removeprefix("colour:")
    try:
        return Style.parse(name).render(text, color_system=ColorSystem.EIGHT_BIT)
    except Exception:  # an unknown colour name in ratings.yaml: the text, uncoloured
        return text


def as_text(lines: Iterable[Line], colour: bool) -> str:
    out = []
    for line in lines:
        out.append("".join(_styled(t, s) if colour else t for t, s in line).rstrip())
    return "\n".join(out) + "\n"


@contextmanager
def paged(enabled: bool) -> Iterator[None]:
    """Collect standard output and, when it is longer than the screen, show it in a pager:
    $PAGER, else `less -FRX` (LESS=FRX is set when LESS is unset, as git does). Only on a
    terminal: `enabled` is False for --no-pager and for a pipe or file."""
    if not enabled or not sys.stdout.isatty():
        yield
        return
    import io

    real = sys.stdout
    buffer = io.StringIO()
    sys.stdout = buffer  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout = real
        _show(buffer.getvalue(), real)


def _show(text: str, out) -> None:
    height = shutil.get_terminal_size((80, 24)).lines
    command = os.environ.get("PAGER", DEFAULT_PAGER).strip()
    if text.count("\n") < height or not command or command == "cat":
        out.write(text)
        out.flush()
        return
    import shlex
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        out.write(text)  # no such pager: print, as if there were none
        out.flush()
        return
    try:
        pager.communicate(text.encode(getattr(out, "encoding", None) or "utf-8", "replace"))
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the reader quit the pager early
    pager.wait()


def echo_lines(lines: list[Line], colour: bool) -> None:
    sys.stdout.write(as_text(lines, colour))
    sys.stdout.flush()


# --- what the view needs from the store ---------------------------------------------------------


def view_data(
    store: ReportStore, findings: list[Finding], lang: str, explain_skips: bool = False
) -> ViewData:
    """Articles, the claims these findings cite and the reference facts, by id."""
    from claimcheck.models import Claim
    from claimcheck.reference import load_reference
    from claimcheck.render.view import ViewData

    wanted = {c for f in findings for c in f.claims} | {
        s.claim for f in findings for s in f.sources
    }
    claims = {
        row["id"]: Claim.model_validate(row) for row in store.claim_rows() if row["id"] in wanted
    }
    articles = {row["id"]: row for row in store.article_rows()}
    facts = {fact.id: fact for fact in load_reference().all_facts()}
    return ViewData(
        lang=lang,
        width=screen_width(),
        articles=articles,
        claims=claims,
        facts=facts,
        explain_skips=explain_skips,
    )


def terminal(
    store: ReportStore,
    shown: Iterable[Finding],
    lang: str,
    *,
    topics: Iterable[str] = (),
    show_all: bool = False,
    chosen: bool = False,
    colour: bool = False,
    explain_skips: bool = False,
) -> None:
    from claimcheck.render.view import default_view, is_problem

    findings = list(shown)
    drawn = findings if (show_all or chosen) else [f for f in findings if is_problem(f)]
    data = view_data(store, drawn, lang, explain_skips)
    counts: Counter = Counter()
    for (kind, _, verdict), n in store.verdict_counts(tuple(topics)).items():
        counts[kind, verdict] += n
    totals = (store.article_count, store.claim_count, store.finding_count)
    view = default_view(findings, counts, totals, data, show_all, chosen, store.no_rate_count)
    echo_lines(view, colour)


def markdown(store: ReportStore, shown: Iterable[Finding], lang: str) -> Iterator[str]:
    """The report as a Markdown table, worst first, each finding with its id."""
    from claimcheck.render import labels, words
    from claimcheck.render.common import finding_order
    from claimcheck.render.markdown import cell

    yield "# " + labels.word(
        "view_header",
        lang,
        articles=store.article_count,
        claims=store.claim_count,
        findings=store.finding_count,
    )
    yield ""
    heads = ("finding", "verdict", "kind", "topic", "about", "sources", "explanation")
    yield "| " + " | ".join(labels.word(h, lang) for h in heads) + " |"
    yield "|" + " --- |" * len(heads)
    findings = sorted(shown, key=finding_order)
    data = view_data(store, findings, lang)
    for f in findings:
        sources = "; ".join(
            f"{s.article} {data.w('line_at', n=s.line)}: "
            + (words.source_value(s, data.claims.get(s.claim), lang) or s.value)
            for s in f.sources
        )
        cells = [
            f"`{f.id}`",
            cell(labels.verdict(f, lang)),
            cell(labels.kind(f.kind, lang)),
            cell(labels.topic(f.topic, lang)),
            cell(words.about(f, lang) or "-"),
            cell(sources),
            cell(words.explanation(f, dict(data.claims), lang)),
        ]
        yield "| " + " | ".join(cells) + " |"
