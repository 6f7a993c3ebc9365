"""HTML export: one self-contained page (inline CSS, no scripts, no requests) readable on a phone.

The page is built by small functions rather than a template: each part is a few lines, every
string goes through one escaping function (_e), and no dependency (Jinja2) or its import time is
needed for that. Every string that comes from an article or a table goes through html.escape, and a
Content-Security-Policy forbids scripts and every load besides the inline style, so a page
built from a hostile article can neither run code nor call out.
"""

from __future__ import annotations

from html import escape

from claimcheck.models import Article, Claim, Finding, Report, SourceValue
from claimcheck.render import labels, words
from claimcheck.render.common import (
    RenderOptions,
    claims_by_id,
    finding_order,
    number_text,
    sources_of,
)
from claimcheck.render.view import ViewData, is_problem, story_items

CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"

# The ratings table names terminal (rich) colours; these are their page equivalents, dark enough
# for white badge text to keep a 4.5:1 contrast.
CSS_COLOURS = {
    "green": "#1b6e35",
    "bright_green": "#2e7d32",
    "yellow": "#8a6100",
    "magenta": "#8e2a8e",
    "red": "#b3261e",
    "bright_black": "#5f6368",
    "dark_orange": "#a84300",
    "cyan": "#006b75",
}
_FALLBACK_COLOUR = "#5f6368"

STYLE = """
:root{color-scheme:light;--ink:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--mark:#ffe58a}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Malgun Gothic","맑은 고딕",
"Apple SD Gothic Neo","Noto Sans KR","Noto Sans CJK KR","Nanum Gothic","나눔고딕",sans-serif;
color:var(--ink);background:#f6f6f8;word-break:keep-all;overflow-wrap:anywhere}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0}
h2{font-size:1.1rem;line-height:1.4;margin:.4rem 0}
h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
margin:1rem 0 .3rem}
.finding{background:#fff;border:1px solid var(--line);border-radius:.6rem;padding:1rem;
margin:1rem 0}
.badge{display:inline-block;color:#fff;border-radius:.3rem;padding:.05rem .45rem;font-size:.85rem;
font-weight:600}
.meta,.src,.value,footer{color:var(--muted);font-size:.9rem}
.fid{font-family:ui-monospace,monospace;font-size:.75rem;color:var(--muted)}
figure{margin:.6rem 0;padding:.5rem .75rem;border-left:3px solid var(--line)}
figcaption{font-size:.85rem;color:var(--muted)}
.context{margin:.3rem 0}
mark{background:var(--mark);padding:0 .1rem;border-radius:.15rem}
blockquote{margin:.3rem 0;padding-left:.75rem;border-left:3px solid var(--line)}
ol{padding-left:1.3rem}
li{margin:.2rem 0}
nav ol{font-size:.9rem}
.story{background:#fff;border:2px solid var(--ink);border-radius:.6rem;padding:.5rem 1rem}
.story h2{margin-top:.3rem}
.story li{margin:.4rem 0}
details>summary{cursor:pointer;font-weight:600;margin:1.2rem 0 .4rem}
a{color:#0b57d0}
@media (max-width:30rem){main{padding:.6rem}.finding{padding:.75rem}}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def write(report: Report, findings: list[Finding], options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    lang = options.lang
    claims = claims_by_id(report)
    n_claims = len({c for f in findings for c in f.claims})
    n_articles = len({a for f in findings for a in f.articles})
    summary = labels.word(
        "summary", lang, findings=len(findings), articles=n_articles, claims=n_claims
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(labels.word('title', lang))}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(labels.word('title', lang))}</h1>",
        f'<p class="meta">{_e(summary)}</p>',
    ]
    # Problems first (worst first), then the rest folded away: what needs attention leads.
    ordered = sorted(findings, key=finding_order)
    problems = [f for f in ordered if is_problem(f)]
    rest = [f for f in ordered if not is_problem(f)]
    if not findings:
        parts.append(f"<p>{_e(labels.word('none', lang))}</p>")
    if problems:
        parts.append(_story(report, problems, claims, options))
        parts.append(f"<h2>{_e(labels.word('problems', lang, n=len(problems)))}</h2>")
        parts.append(_contents(problems, lang))
        parts += [_finding(report, finding, claims, options) for finding in problems]
    if rest:
        summary_text = labels.word("other_findings", lang, n=len(rest))
        # Open when there is nothing above it: a page of only minor findings shows them.
        parts.append("<details open>" if not problems else "<details>")
        parts.append(f"<summary>{_e(summary_text)}</summary>")
        parts.append(_contents(rest, lang))
        parts += [_finding(report, finding, claims, options) for finding in rest]
        parts.append("</details>")
    parts += [
        "<footer>",
        f"<p>{_e(labels.word('rating_scale', lang))}</p>",
        f"<p>{_e(labels.word('generated_by', lang))}</p>",
        "</footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _story(
    report: Report, problems: list[Finding], claims: dict[str, Claim], options: RenderOptions
) -> str:
    """The story: the most important problems in plain sentences, each linked to its finding."""
    facts = _facts()
    articles = {a.id: a.model_dump(mode="json") for a in report.articles}
    data = ViewData(lang=options.lang, articles=articles, claims=claims, facts=facts)
    items = "".join(
        f'<li><a href="#{_e(lead.id)}" class="badge" '
        f'style="background:{CSS_COLOURS.get(labels.colour(lead), _FALLBACK_COLOUR)}">'
        f"{_e(labels.verdict(lead, options.lang))}</a> {_e(sentence)}</li>"
        for lead, sentence in story_items(problems, data)
    )
    return (
        f'<section class="story"><h2>{_e(labels.word("story", options.lang))}</h2>'
        f"<ol>{items}</ol></section>"
    )


def _facts() -> dict:
    from claimcheck.reference import load_reference

    return {fact.id: fact for fact in load_reference().all_facts()}


def _contents(findings: list[Finding], lang: str) -> str:
    items = "".join(
        f'<li><a href="#{_e(f.id)}">{_e(labels.verdict(f, lang))}</a> — '
        f"{_e(labels.topic(f.topic, lang))}{_about(f, lang)}</li>"
        for f in findings
    )
    return f"<nav><ol>{items}</ol></nav>"


def _about(finding: Finding, lang: str) -> str:
    about = words.about(finding, lang)
    return f" ({_e(about)})" if about else ""


def _finding(
    report: Report, finding: Finding, claims: dict[str, Claim], options: RenderOptions
) -> str:
    lang = options.lang
    colour = CSS_COLOURS.get(labels.colour(finding), _FALLBACK_COLOUR)
    out = [
        f'<article class="finding verdict-{_e(finding.verdict)}" id="{_e(finding.id)}">',
        f'<p class="meta"><span class="badge" style="background:{colour}">'
        f"{_e(labels.verdict(finding, lang))}</span> {_e(labels.kind(finding.kind, lang))}</p>",
        f"<h2>{_e(labels.topic(finding.topic, lang))}{_about(finding, lang)}</h2>",
        f'<p class="explanation">{_e(words.explanation(finding, claims, lang))}</p>',
    ]
    sources = sources_of(report, finding)
    if sources:
        out.append(f"<h3>{_e(labels.word('quotes', lang))}</h3>")
        out += [_source(source, claims.get(source.claim), options) for source in sources]
    if finding.arithmetic:
        steps = "".join(
            f"<li>{_e(words.arithmetic(step, finding.kind, lang, _facts()))}</li>"
            for step in finding.arithmetic
        )
        out.append(
            f'<h3>{_e(labels.word("arithmetic", lang))}</h3><ol class="arithmetic">{steps}</ol>'
        )
    if finding.reference is not None:
        out.append(_reference(finding, lang))
    out.append(f'<p class="fid">{_e(finding.id)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _source(source: SourceValue, claim: Claim | None, options: RenderOptions) -> str:
    lang = options.lang
    caption = [
        source.outlet or labels.word("unknown_outlet", lang),
        source.published.isoformat() if source.published else labels.word("unknown_date", lang),
        labels.section(source.section, lang),
        f"{labels.word('line', lang)} {source.line}",
        labels.stance(source.stance, lang),
    ]
    value = ""
    if source.value and lang == "ko" and claim is not None and claim.quantity is not None:
        text = words.source_value(source, claim, lang)
        value = f'<p class="value">{_e(labels.word("value", lang))}: {_e(text)}</p>'
    elif source.value:
        usd = (
            f" (≈ {number_text(round(source.value_usd))} USD)"
            if source.value_usd is not None
            else ""
        )
        value = f'<p class="value">{_e(labels.word("value", lang))}: {_e(source.value + usd)}</p>'
    return (
        f'<figure class="source" data-claim="{_e(source.claim)}">'
        f"<figcaption>{_e(' · '.join(caption))} · {_e(source.article)}</figcaption>"
        f"{_highlighted(source, claim, options.articles.get(source.article))}{value}</figure>"
    )


def _highlighted(source: SourceValue, claim: Claim | None, article: Article | None) -> str:
    """The quote marked inside its paragraph (with the article) or its sentence (without)."""
    text, at = _context(source, claim, article)
    if at is None:
        marked = f'<p class="context"><mark>{_e(source.quote)}</mark></p>'
        return f'<p class="context">{_e(text)}</p>{marked}'
    start, end = at
    return (
        f'<p class="context">{_e(text[:start])}<mark>{_figure_in(text[start:end], claim)}</mark>'
        f"{_e(text[end:])}</p>"
    )


def _figure_in(quote: str, claim: Claim | None) -> str:
    """The escaped quote with the claim's figure in bold, so the eye finds the number."""
    figure = claim.quantity.text if claim is not None and claim.quantity is not None else ""
    at = quote.find(figure) if figure else -1
    if at < 0:
        return _e(quote)
    end = at + len(figure)
    return f"{_e(quote[:at])}<strong>{_e(figure)}</strong>{_e(quote[end:])}"


def _context(
    source: SourceValue, claim: Claim | None, article: Article | None
) -> tuple[str, tuple[int, int] | None]:
    quote = source.quote
    if (
        claim is not None
        and article is not None
        and article.text[claim.start : claim.end] == claim.quote
    ):
        block = next((b for b in article.blocks if b.start <= claim.start < b.end), None)
        if block is not None:
            paragraph = article.text[block.start : block.end]
            # The claim's own offsets say which occurrence it is when a quote repeats.
            anchor = claim.start - block.start
            found = _find_near(paragraph, quote, anchor)
            if found is not None:
                return paragraph, found
            if quote == claim.quote:
                return paragraph, (anchor, min(claim.end, block.end) - block.start)
    if claim is not None and claim.sentence:
        return claim.sentence, _find_near(claim.sentence, quote, 0)
    return quote, (0, len(quote))


def _find_near(text: str, quote: str, anchor: int) -> tuple[int, int] | None:
    if not quote:
        return None
    starts = []
    at = text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        return None
    best = min(starts, key=lambda s: (abs(s - anchor), s))
    return best, best + len(quote)


def _reference(finding: Finding, lang: str) -> str:
    ref = finding.reference
    assert ref is not None
    locator = _e(ref.source_locator)
    if ref.source_locator.startswith(("https://", "http://")):
        locator = f'<a href="{locator}" rel="noreferrer noopener">{locator}</a>'
    return (
        f'<section class="reference"><h3>{_e(labels.word("reference", lang))}</h3>'
        f"<p>{_e(ref.statement)}</p><blockquote>{_e(ref.quote)}</blockquote>"
        f'<p class="src">{_e(labels.word("source", lang))}: {_e(ref.source_title)} — {locator}</p>'
        "</section>"
    )
