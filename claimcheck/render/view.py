"""The report as a reporter reads it first: the story, the problems worst first, a tally.

Lines are lists of (text, style) segments, each line at most `width` columns, so the caller can
count screen lines, colour them or not, and page them. Styles: None, "bold", "dim", "mark" (a
figure in a quote) or "colour:NAME" (a rich colour name from ratings.yaml).

Which findings are problems, and in what order, comes from their verdicts (render.common.SEVERITY);
nothing here knows the bundled corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimcheck.models import Claim, Finding, SourceValue
from claimcheck.render import labels, words
from claimcheck.render.common import at_issue_first, finding_order
from claimcheck.render.textwidth import around, clip, wrap
from claimcheck.render.textwidth import width as _width

# Verdicts a reporter must see: each is drawn in the default view.
PROBLEMS = ("refuted", "contradiction", "inconsistent", "misattributed", "misleading", "disputed")
# The rest, as the tally groups them.
TALLY_GROUPS = (
    ("tally_minor", ("discrepancy", "mostly_supported", "unverifiable", "compatible")),
    ("tally_fine", ("supported", "agree", "consistent")),
    ("tally_alone", ("single_source",)),
)
STORY_MAX, STORY_MIN = 7, 3
BLOCK_LINES = 10  # a compact block's most lines; sources give way to the rest
SENTENCE_LINES = 3
INDENT = "  "

Segment = tuple[str, "str | None"]
Line = list[Segment]


@dataclass
class ViewData:
    """What the view needs besides the findings, all looked up by id."""

    lang: str = "en"
    width: int = 100
    articles: Mapping[str, dict] = field(default_factory=dict)  # id -> outlet, published…
    claims: Mapping[str, Claim] = field(default_factory=dict)
    facts: Mapping[str, object] = field(default_factory=dict)  # reference facts by id
    short: dict[str, str] = field(default_factory=dict)  # article id -> short label
    # `report --explain-skips`: under each finding, the figures not compared and the slot why
    explain_skips: bool = False

    def __post_init__(self) -> None:
        if not self.short:
            self.short = short_labels(self.articles)

    def w(self, key: str, **values: object) -> str:
        return labels.word(key, self.lang, **values)


def is_problem(finding: Finding) -> bool:
    return finding.verdict in PROBLEMS


def short_labels(article_ids: Iterable[str]) -> dict[str, str]:
    """Each article's shortest unique prefix of its id, to a word boundary ('001' for
    '001_f7a9af24cacc642e'), so a line names its article in a few columns."""
    ids = sorted(article_ids)
    out = {}
    for article_id in ids:
        others = [other for other in ids if other != article_id]
        length = min(3, len(article_id))
        while length < len(article_id) and any(o.startswith(article_id[:length]) for o in others):
            length += 1
        while (
            length < len(article_id)
            and article_id[length - 1].isalnum()
            and article_id[length].isalnum()
        ):
            length += 1  # to the end of the word: '001', not '00'
        label = article_id[:length]
        trimmed = label.rstrip("_-. ")  # '03', not '03_', when that is still unique
        if trimmed and not any(o.startswith(trimmed) for o in others):
            label = trimmed
        out[article_id] = label
    return out


# --- the parts of a finding -----------------------------------------------------------------------


def _short(data: ViewData, article_id: str) -> str:
    return data.short.get(article_id, article_id)


def _figures(finding: Finding, data: ViewData) -> list[tuple[str, str, SourceValue]]:
    """(words, article label, source) of each source, a claim's figure or clause."""
    out = []
    for source in at_issue_first(finding, finding.sources):
        claim = data.claims.get(source.claim)
        text = words.claim_words(claim) if claim is not None else source.quote
        if claim is None or claim.quantity is None:
            text = f"{words.OPEN}{text}{words.CLOSE}"
        out.append((text, _short(data, source.article), source))
    return out


def _against(finding: Finding, data: ViewData) -> str:
    """Sources set against each other: distinct figures, or the two sides of a statement."""
    figures = _figures(finding, data)
    if not figures:
        return ""
    statements = all(
        (c := data.claims.get(s.claim)) is None or c.quantity is None for s in finding.sources
    )
    if statements:
        sides: dict[bool, list] = {True: [], False: []}
        for item in figures:
            claim = data.claims.get(item[2].claim)
            denied = item[2].stance == "disputed" or (
                claim is not None and claim.attributes.get("polarity") == "false"
            )
            sides[denied].append(item)
        picked = [side[0] for side in (sides[False], sides[True]) if side] or figures[:2]
    else:
        picked, seen = [], set()
        named = set(finding.at_issue)
        for item in figures:
            if named and item[2].claim not in named:
                continue  # context: not what the verdict is about
            if item[0] not in seen:
                seen.add(item[0])
                picked.append(item)
        picked = picked[:3]
    return data.w("against").join(f"{text} ({label})" for text, label, _ in picked)


def _statement(finding: Finding, data: ViewData) -> str:
    """The reference fact in the reader's language."""
    ref = finding.reference
    if ref is None:
        return ""
    fact = data.facts.get(ref.fact)
    if fact is not None:
        return getattr(fact, "statement_ko" if data.lang == "ko" else "statement_en")
    return ref.statement


def headline(finding: Finding, data: ViewData) -> str:
    """One plain sentence with the figures: what the finding says."""
    lang = data.lang
    explanation = words.explanation(finding, dict(data.claims), lang)
    if finding.kind == "reference":
        claim = next((data.claims[c] for c in finding.claims if c in data.claims), None)
        where = ""
        if claim is not None:
            line = data.w("line_at", n=claim.line)
            said = f"{words.OPEN}{words.claim_words(claim)}{words.CLOSE}"
            where = f"{said} ({_short(data, claim.article)}, {line}): "
        text = where + (_statement(finding, data) or explanation)
    elif finding.kind == "cross_source":
        against = _against(finding, data)
        text = f"{against}. {explanation}" if against else explanation
    else:
        figures = " / ".join(dict.fromkeys(t for t, _, _ in _figures(finding, data)))
        labels_ = ", ".join(dict.fromkeys(label for _, label, _ in _figures(finding, data)))
        text = f"{figures} ({labels_}): {explanation}" if figures else explanation
    if finding.diagnosis:
        text = (
            text.rstrip(".")
            + f". {data.w('likely_cause')}: {labels.diagnosis(finding.diagnosis, lang)}."
        )
    return text


def verdict_name(finding: Finding, lang: str) -> str:
    """The verdict's short name (no SNU scale label): 'Misattributed', '대상·시점 혼동'."""
    from claimcheck.ratings import load_ratings

    rating = load_ratings().rating(finding.kind, finding.verdict)
    return rating.label_ko if lang == "ko" else rating.label_en


def badge(finding: Finding, lang: str) -> Segment:
    from claimcheck.ratings import load_ratings

    rating = load_ratings().rating(finding.kind, finding.verdict)
    return f"{rating.badge} {labels.verdict(finding, lang)}", f"colour:{rating.colour}"


def source_line(source: SourceValue, data: ViewData, cols: int) -> Line:
    """outlet · date · where · the quote trimmed around the figure, the figure marked «»."""
    lang = data.lang
    article = data.articles.get(source.article, {})
    outlet = source.outlet or article.get("outlet")
    date = source.published or article.get("published")
    parts = [_short(data, source.article)]
    if outlet:
        parts.append(clip(str(outlet), 24))
    parts.append(str(date) if date else data.w("undated"))
    line = data.w("line_at", n=source.line)
    # The body is where claims are unless said otherwise: only a headline or summary is named.
    parts.append(
        line if source.section == "body" else f"{labels.section(source.section, lang)} {line}"
    )
    head = clip(INDENT + " · ".join(parts), cols * 3 // 5) + " · "
    room = cols - _width(head) - 2
    claim = data.claims.get(source.claim)
    span = words.claim_span(claim) if claim is not None and claim.quote == source.quote else None
    if span is None:
        return [(head, "dim"), (clip(source.quote, room + 2), None)]
    before, marked, after = around(source.quote, span[0], span[1], room)
    return [(head, "dim"), (before, None), (f"«{marked}»", "mark"), (after, None)]


def arithmetic_line(finding: Finding, data: ViewData, cols: int) -> Line | None:
    steps = [
        _shorten_ids(words.arithmetic(s, finding.kind, data.lang, dict(data.facts)), data)
        for s in finding.arithmetic
    ]
    if not steps:
        return None
    room = cols - len(INDENT) - 2
    return [(INDENT + "= ", "dim"), (_one_line(steps, room), None)]


def _shorten_ids(text: str, data: ViewData) -> str:
    for article_id, label in data.short.items():
        if label != article_id:
            text = text.replace(article_id, label)
    return text


def _one_line(steps: list[str], room: int) -> str:
    """The steps on one line, in their order. When they do not all fit, whole steps are kept
    by priority (the last, which states the result, then the first, then the others) and the
    line says where steps were left out; one step alone too long is clipped."""
    sep = " · "
    if _width(sep.join(steps)) <= room:
        return sep.join(steps)
    order = [len(steps) - 1, 0, *range(1, len(steps) - 1)]
    kept: set[int] = set()
    for i in order:
        trial = kept | {i}
        if _width(_joined(steps, trial, sep)) <= room:
            kept = trial
    if not kept:
        return clip(steps[-1], room)
    return _joined(steps, kept, sep)


def _joined(steps: list[str], kept: set[int], sep: str) -> str:
    out: list[str] = []
    gap = False
    for i, step in enumerate(steps):
        if i in kept:
            if gap and out:
                out.append("…")
            out.append(step)
            gap = False
        else:
            gap = True
    text = sep.join(out)
    return text + sep + "…" if gap else ("…" + sep + text if 0 not in kept else text)


def reference_line(finding: Finding, data: ViewData, cols: int) -> Line | None:
    ref = finding.reference
    if ref is None:
        return None
    head = f"{INDENT}{labels.word('reference', data.lang)}: "
    text = f"{ref.source_title} — {ref.source_locator}"
    return [(head, "dim"), (clip(text, cols - _width(head)), None)]


def compact(finding: Finding, data: ViewData) -> list[Line]:
    """One finding in at most about ten lines: badge and sentence, one line per source, the
    arithmetic, the reference and the id."""
    cols, lang = data.width, data.lang
    label, style = badge(finding, lang)
    about = words.about(finding, lang)
    title = " · ".join(
        part
        for part in (labels.kind(finding.kind, lang), labels.topic(finding.topic, lang), about)
        if part
    )
    lines: list[Line] = [[(label, style), (clip(" · " + title, cols - _width(label)), "bold")]]
    for text in wrap(headline(finding, data), cols - len(INDENT), max_lines=SENTENCE_LINES):
        lines.append([(INDENT + text, None)])
    tail = [
        extra
        for extra in (arithmetic_line(finding, data, cols), reference_line(finding, data, cols))
        if extra is not None
    ]
    tail.append([(f"{INDENT}{data.w('finding_id')}: ", "dim"), (finding.id, "bold")])
    sources = at_issue_first(finding, finding.sources)
    room = max(BLOCK_LINES - len(lines) - len(tail), 2)
    shown = sources if len(sources) <= room else sources[: room - 1]
    for source in shown:
        lines.append(source_line(source, data, cols))
    if len(shown) < len(sources):
        n = len(sources) - len(shown)
        more = data.w("more_sources", n=n, id=finding.id)
        if _width(INDENT + more) > cols:  # the command is what matters: keep it whole
            more = f"… +{n}: claimcheck explain {finding.id}"
        lines.append([(clip(INDENT + more, cols), "dim")])
    if data.explain_skips and finding.skipped:
        lines.append([(INDENT + data.w("not_compared") + ":", "dim")])
        for step in finding.skipped:
            text = words.arithmetic(step, finding.kind, lang, {})
            for part in wrap(text, cols - 2 * len(INDENT)):
                lines.append([(INDENT * 2 + part, "dim")])
    return lines + tail


# --- the story and the tally ---------------------------------------------------------------------


def _story_key(finding: Finding, data: ViewData) -> tuple:
    figures = any(
        (c := data.claims.get(s.claim)) is not None and c.quantity is not None
        for s in finding.sources
    )
    # Figures about one subject's topic are one story; statements differ by what they are about.
    return (
        (finding.topic, finding.subject)
        if figures
        else (finding.topic, finding.subject, finding.object)
    )


def story_items(problems: list[Finding], data: ViewData) -> list[tuple[Finding, str]]:
    """The three to seven most important problems: (the lead finding, one sentence with the
    figures). Problems about the same thing make one story, led by the worst of them."""
    groups: dict[tuple, list[Finding]] = {}
    for finding in sorted(problems, key=finding_order):
        groups.setdefault(_story_key(finding, data), []).append(finding)
    items = list(groups.values())[:STORY_MAX]
    if len(items) < STORY_MIN:
        # Fewer stories than the minimum: let the findings of a story speak one by one.
        flat = sorted(problems, key=finding_order)[:STORY_MIN]
        items = [[f] for f in flat]
    return [(group[0], "".join(_story_sentence(group, data))) for group in items]


def _story_sentence(group: list[Finding], data: ViewData) -> tuple[str, str]:
    """The sentence of a story, and its tail: the reference's figure and what was found
    (kept whole when the sentence must be cut to fit).

    When sources disagree about a figure, the story tells that (the figures side by side), with
    the reference's figure after it, even when a check against the reference is the worst
    finding: that is the story across sources. Otherwise the worst finding tells it."""
    lead = group[0]
    sentence = labels.topic(lead.topic, data.lang)
    about = words.about(lead, data.lang)
    sentence += f" ({about}): " if about else ": "
    cross = next((f for f in group if f.kind == "cross_source" and _has_figures(f, data)), None)
    teller = cross if cross is not None else lead
    sentence += f"{_against(cross, data)}." if cross is not None else headline(lead, data)
    tail = ""
    ref = next((f for f in group if f.reference is not None and f is not teller), None)
    if ref is not None and ref.reference is not None and teller.kind != "reference":
        fact = data.facts.get(ref.reference.fact)
        value = words.fact_value(fact, data.lang) if fact is not None else ""
        if value:
            title = ref.reference.source_title.split(" (")[0]
            sentence = sentence.rstrip(".")
            tail = f"; {title}: {value}."
    if cross is not None:
        # Each finding of the story by name, with its likely cause: what the figures mean.
        found = [
            verdict_name(f, data.lang)
            + (f" — {labels.diagnosis(f.diagnosis, data.lang)}" if f.diagnosis else "")
            for f in group
        ]
        tail += " (" + "; ".join(dict.fromkeys(found)) + ")"
        return sentence, tail
    others = Counter(verdict_name(f, data.lang) for f in group[1:])
    if others:
        also = ", ".join(f"{n} × {name}" for name, n in others.items())
        tail += f" ({data.w('also')}: {also})"
    return sentence, tail


def _has_figures(finding: Finding, data: ViewData) -> bool:
    return any(
        (c := data.claims.get(s.claim)) is not None and c.quantity is not None
        for s in finding.sources
    )


def story(problems: list[Finding], data: ViewData) -> list[Line]:
    """The story as numbered lines, each item at most three lines."""
    lines: list[Line] = [[(data.w("story"), "bold")]]
    for number, (lead, _) in enumerate(story_items(problems, data), start=1):
        group = [f for f in problems if _story_key(f, data) == _story_key(lead, data)]
        group.sort(key=finding_order)
        sentence, tail = _story_sentence(group, data)
        # Three lines at most; a long sentence gives way, its tail stays whole.
        room = 3 * (data.width - 3) - _width(tail) - 12
        if _width(sentence) > room:
            sentence = clip(sentence, max(room, 20))
        sentence += tail
        label, style = badge(lead, data.lang)
        prefix = f"{number}. "
        mark = label.split(" ")[0]
        wrapped = wrap(f"{mark} {sentence}", data.width - len(prefix), max_lines=3)
        lines.append([(prefix, "bold"), (mark, style), (wrapped[0][len(mark) :], None)])
        lines += [[(" " * len(prefix) + text, None)] for text in wrapped[1:]]
    return lines


def tally(counts: Mapping[tuple[str, str], int], data: ViewData, show_all: bool) -> list[Line]:
    """The findings not drawn, counted by verdict, and how to see them."""
    from claimcheck.ratings import load_ratings

    ratings = load_ratings()
    lines: list[Line] = []
    if not show_all:
        lines.append([(data.w("tally"), "bold")])
        for key, verdicts in TALLY_GROUPS:
            parts = []
            for verdict in verdicts:
                for (kind, v), n in sorted(counts.items()):
                    if v == verdict and n:
                        rating = ratings.rating(kind, v)
                        name = rating.label_ko if data.lang == "ko" else rating.label_en
                        parts.append(f"{rating.badge} {name} {n}")
            if parts:
                text = f"{data.w(key)}: " + " · ".join(parts)
                wrapped = wrap(text, data.width - 2 * len(INDENT), max_lines=3)
                lines.append([(INDENT + wrapped[0], None)])
                lines += [[(INDENT * 2 + t, None)] for t in wrapped[1:]]
        lines.append([(clip(INDENT + data.w("see_all"), data.width), "dim")])
    lines.append([(clip(INDENT + data.w("see_one"), data.width), "dim")])
    return lines


def overview(
    articles: int, claims: int, findings: int, problems: int, data: ViewData, no_rate: int = 0
) -> list[Line]:
    text = data.w("view_header", articles=articles, claims=claims, findings=findings)
    lines: list[Line] = [[(clip(text, data.width), "bold")]]
    if no_rate:  # conversions that could not be checked: no rate near the article's date
        lines.append([(clip(data.w("no_rate", n=no_rate), data.width), None)])
    return lines


def default_view(
    findings: list[Finding],
    counts: Mapping[tuple[str, str], int],
    totals: tuple[int, int, int],
    data: ViewData,
    show_all: bool = False,
    chosen: bool = False,
    no_rate: int = 0,
) -> list[Line]:
    """The whole view. `findings` are those the filters let through; the default shows the
    problems among them (with `show_all` or `chosen`, all of them), worst first."""
    ordered = sorted(findings, key=finding_order)
    problems = [f for f in ordered if is_problem(f)]
    drawn = ordered if (show_all or chosen) else problems
    lines = overview(*totals, len(problems), data, no_rate)
    lines.append([])
    if problems:
        lines += story(problems, data)
        lines.append([])
    key = "every_finding" if show_all else "chosen_findings" if chosen else "problems"
    lines.append([(data.w(key, n=len(drawn)), "bold")])
    if not drawn:
        lines.append([(INDENT + data.w("no_problems"), None)])
    for finding in drawn:
        lines.append([])
        lines += compact(finding, data)
    lines.append([])
    lines += tally(counts, data, show_all or chosen)
    return lines
