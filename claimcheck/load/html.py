"""Extract the text blocks of an HTML page with selectolax and map each one back to its source."""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Any

from claimcheck import regexcache as rx
from claimcheck.load.units import Hint, Unit, line_of

# Elements that are page furniture as a whole, with the reason they are set aside.
DROPPED = {
    "script": "script code (never article text)",
    "style": "style sheet",
    "noscript": "fallback for browsers without scripts",
    "template": "template markup",
    "nav": "site navigation (<nav>)",
    "header": "page header (<header>)",
    "footer": "page footer (<footer>)",
    "aside": "sidebar (<aside>)",
    "form": "form (<form>: search, login, comments)",
    "iframe": "embedded frame",
    "button": "button",
    "select": "selection widget",
    "svg": "vector graphic",
}
# Elements whose text is one block.
TEXT_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "pre",
    "title",
}
INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
    "wbr",
    "font",
    "img",
    "del",
    "ins",
    "label",
    "-text",
}
# Elements whose inner text the page never shows.
_SILENT = {"script", "style", "noscript", "template", "head", "svg"}
_REGIONS = ("article", "main")
_HINTS: dict[str, Hint] = {"title": "title_tag", "h1": "h1", "li": "item"}
_SUBHEADINGS = {"h2", "h3", "h4", "h5", "h6"}

_SKIPPED = rx.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>|<\?.*?>"
    r"""|</?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*/?>""",
    re.S | re.I,
)
_ENTITY = rx.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass
class _SourceText:
    """The characters a browser would show (tags dropped, entities decoded), spaces omitted,
    each with the span of the source it comes from."""

    chars: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


def _source_text(source: str) -> _SourceText:
    chars: list[str] = []
    spans: list[tuple[int, int]] = []

    def add_text(start: int, end: int) -> None:
        pos = start
        for entity in _ENTITY.finditer(source, start, end):
            add_plain(pos, entity.start())
            decoded = html.unescape(entity.group())
            if decoded != entity.group():
                for ch in decoded:
                    if not ch.isspace():
                        chars.append(ch)
                        spans.append((entity.start(), entity.end()))
            else:
                add_plain(entity.start(), entity.end())
            pos = entity.end()
        add_plain(pos, end)

    def add_plain(start: int, end: int) -> None:
        for i in range(start, end):
            if not source[i].isspace():
                chars.append(source[i])
                spans.append((i, i + 1))

    pos = 0
    for markup in _SKIPPED.finditer(source):
        add_text(pos, markup.start())
        pos = markup.end()
    add_text(pos, len(source))
    return _SourceText("".join(chars), spans, [s for s, _ in spans])


def _collapse(text: str) -> str:
    return " ".join(text.split())


class _Extractor:
    def __init__(self, source: str) -> None:
        self.source = source
        self.view = _source_text(source)
        self.cursor = 0  # source offset: where the previous block ended
        self.units: list[Unit] = []
        self.in_region = False
        self.has_region = False

    # --- locating text in the source ----------------------------------------------------

    def locate(self, text: str, tag: str, hint: Hint) -> Unit:
        needle = "".join(text.split())
        begin = bisect.bisect_left(self.view.starts, self.cursor)
        pos = self.view.chars.find(needle, begin) if needle else -1
        if pos < 0 and needle:
            pos = self.view.chars.find(needle)  # out of order: still better than the element
        if pos < 0:
            start, end = self.element_region(tag)
            return Unit(
                start, end, line_of(self.source, start), text, hint, None, [None] * len(text)
            )
        char_spans: list[tuple[int, int] | None] = []
        k = pos
        for ch in text:
            if ch.isspace():
                char_spans.append(None)
            else:
                char_spans.append(self.view.spans[k])
                k += 1
        start, end = self.view.spans[pos][0], self.view.spans[pos + len(needle) - 1][1]
        self.cursor = max(self.cursor, end)
        return Unit(start, end, line_of(self.source, start), text, hint, None, char_spans)

    def element_region(self, tag: str, advance: bool = False) -> tuple[int, int]:
        """The source span of the next <tag …>…</tag> from the cursor (nesting counted)."""
        opening = re.compile(rf"<{tag}\b", re.I)
        found = opening.search(self.source, self.cursor)
        if found is None:
            return self.cursor, self.cursor
        depth, pos = 0, found.start()
        pattern = re.compile(rf"<(/?){tag}\b[^>]*>", re.I)
        for match in pattern.finditer(self.source, found.start()):
            depth += -1 if match.group(1) else 1
            pos = match.end()
            if depth == 0:
                break
        if advance:  # a dropped element is passed over whole
            self.cursor = pos
        return found.start(), pos

    # --- walking the tree ---------------------------------------------------------------

    def walk(self, node: Any) -> None:
        run: list[Any] = []
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag in INLINE:
                run.append(child)
                continue
            self.flush(run, tag=node.tag)
            run = []
            if tag == "br":
                continue
            self.visit(child)
        self.flush(run, tag=node.tag)

    def visit(self, node: Any) -> None:
        tag = node.tag
        if tag in DROPPED:
            start, end = self.element_region(tag, advance=True)
            text = _collapse(_visible_text(node)) if tag not in _SILENT else ""
            self.add(
                Unit(
                    start,
                    end,
                    line_of(self.source, start),
                    text,
                    "text",
                    (f"html_{tag}", DROPPED[tag]),
                    [None] * len(text),
                ),
                region_ok=True,
            )
            return
        if tag == "head":
            title = node.css_first("title")
            if title is not None:
                self.visit(title)
            return
        # The innermost text block is the unit (an <li> holding a <p> gives the <p>).
        descendants = list(node.traverse(include_text=False))[1:]
        if tag in TEXT_BLOCKS and not any(d.tag in TEXT_BLOCKS for d in descendants):
            text = _collapse(_visible_text(node))
            if text:
                hint = _HINTS.get(tag, "heading" if tag in _SUBHEADINGS else "text")
                self.add(self.locate(text, tag, hint), region_ok=tag in ("title", "h1"))
            return
        entering = tag in _REGIONS or (node.attributes.get("itemprop") == "articleBody")
        if entering and not self.in_region:
            self.in_region = True
            self.walk(node)
            self.in_region = False
            return
        self.walk(node)

    def flush(self, run: list[Any], tag: str) -> None:
        text = _collapse("".join(_visible_text(n) for n in run))
        if text:
            self.add(self.locate(text, tag, "text"), region_ok=False)

    def add(self, unit: Unit, region_ok: bool) -> None:
        if self.has_region and not self.in_region and not region_ok and unit.preset is None:
            unit.preset = ("outside_article", "text outside the page's <article>/<main>")
        self.units.append(unit)


def _visible_text(node: Any) -> str:
    if node.tag == "-text":
        return node.text_content or ""
    if node.tag in _SILENT:
        return ""
    if node.tag == "br":
        return " "
    parts = [_visible_text(child) for child in node.iter(include_text=True)]
    return "".join(parts) if node.tag in INLINE else " " + "".join(parts) + " "


def html_units(source: str) -> list[Unit]:
    """The text blocks of an HTML page in document order; furniture comes preset with its reason."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    extractor = _Extractor(source)
    extractor.has_region = tree.css_first("article, main, [itemprop=articleBody]") is not None
    if tree.root is not None:
        extractor.walk(tree.root)
    units = extractor.units
    if not any(u.hint in ("title_tag", "h1") for u in units):
        og = tree.css_first('meta[property="og:title"]')
        content = _collapse((og.attributes.get("content") or "") if og is not None else "")
        if content:
            where = re.search(r"<meta[^>]+og:title[^>]*>", source, re.I)
            start, end = (where.start(), where.end()) if where else (0, 0)
            units.insert(
                0,
                Unit(
                    start,
                    end,
                    line_of(source, start),
                    content,
                    "title_tag",
                    None,
                    [None] * len(content),
                ),
            )
    return units


# Where news pages state their own metadata, most specific first. Values are read as written
# (a date keeps the page's own time zone: "2025-01-28T09:00:00+09:00" is 28 January).
_META_TAGS: dict[str, list[str]] = {
    "published": [
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="publish-date"]',
        'meta[name="date"]',
        'meta[name="dcterms.date"]',
    ],
    "author": [
        'meta[name="author"]',
        'meta[property="article:author"]',
        'meta[name="dable:author"]',
        'meta[itemprop="author"]',
    ],
    "outlet": ['meta[property="og:site_name"]', 'meta[name="application-name"]'],
    "url": ['link[rel="canonical"]', 'meta[property="og:url"]'],
    "title": ['meta[property="og:title"]', 'meta[name="title"]'],
}
_ISO_DATE = rx.compile(r"(\d{4})-(\d{2})-(\d{2})")


def html_meta(source: str) -> dict[str, str]:
    """The metadata a page states in its <head> (meta tags, the canonical link): field → value.

    Only what the page itself says; a value that is not usable (an author given as a profile
    URL, a date that is not an ISO date) is left out rather than guessed at.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    found: dict[str, str] = {}
    # Only the <head> speaks for the page: a related-article card in the body may carry its own.
    head = tree.head
    if head is None:
        return found
    for name, selectors in _META_TAGS.items():
        for selector in selectors:
            node = head.css_first(selector)
            if node is None:
                continue
            raw = node.attributes.get("href" if node.tag == "link" else "content") or ""
            value = _collapse(raw)
            if name == "published":
                date = _ISO_DATE.match(value)
                value = "-".join(date.groups()) if date else ""
            elif name == "author" and value.startswith(("http://", "https://")):
                value = ""
            elif name == "url" and not value.startswith(("http://", "https://")):
                value = ""
            if value:
                found[name] = value
                break
    root = tree.css_first("html")
    lang = (root.attributes.get("lang") or "") if root is not None else ""
    if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*", lang):
        found["language"] = lang[:3].split("-")[0].split("_")[0].lower()
    return found
