"""Tell the story from the page around it: title, summary, headings, body, furniture, stories."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck import regexcache as rx
from claimcheck.load.furniture import Furniture, match_line
from claimcheck.load.rules import boilerplate, compiled
from claimcheck.load.sentences import ends_like_sentence
from claimcheck.load.units import Unit
from claimcheck.models import BlockKind, Section
from claimcheck.textnorm import normalize

_MD_HASHES = rx.compile(r"#{1,6}\s+")
# Markers a body line may start with; stricter than a summary bullet (needs the space after it).
_BODY_MARKER = rx.compile(r"(?:[•·▪◦‣∙○●\-*+]|[0-9]{1,2}[.)]|[①-⑳])\s+")
# A page title is found among the first lines; a repeated title sits near it.
_TITLE_WINDOW = 15
_TITLE_MAX_CHARS = 150
_NUMBERED_ITEM = rx.compile(r"^\S\s*\d{1,2}[.)]\s.*[^.!?。]$")
_MARKUP_NAMES = {
    "h1": "<h1>",
    "md_heading": "markdown # heading",
    "title_tag": "<title>",
    "heading": "<h2>-<h6> heading",
}
_SUMMARY = "summary_bullet: a bullet under a summary label"
_LIST_RUN = "list_run: one of several short lines in a row (a list or table, not headings)"
_ROUNDUP_ITEM = "roundup_item: a marked item headline of a round-up page"
_DECK = "deck: a line under the title that sums the story up (a subtitle), read as the summary"


@dataclass
class Classified:
    """What a unit turned out to be; `content` is where its text starts after markers."""

    kind: BlockKind
    story: int | None = None
    reason: str | None = None
    content: int = 0
    section: Section | None = None  # None: no sentences come from this block
    whole: bool = False  # a title or heading is one sentence, never split


@dataclass
class StoryPlan:
    """A story of the page: its headline and the units (by index) that make its body."""

    headline: str
    units: list[int]


def _norm(text: str) -> str:
    return " ".join(normalize(text).text.split())


def _furniture(rule: str, reason: str) -> Classified:
    return Classified("boilerplate", reason=f"{rule}: {reason}")


class _Page:
    """The classification of one page's units, built step by step."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.norms = [_norm(u.text) for u in units]
        self.layout = boilerplate().layout
        self.out: list[Classified | None] = [None] * len(units)
        self.matches: list[Furniture | None] = [None] * len(units)
        for i, unit in enumerate(units):
            if unit.preset is not None:
                self.out[i] = _furniture(*unit.preset)
                continue
            found = match_line(self.norms[i])
            if found is not None:
                self.matches[i] = found
                self.out[i] = _furniture(found.rule, found.reason)

    def free(self, i: int) -> bool:
        return self.out[i] is None

    def short(self, i: int, limit: int | None = None) -> bool:
        norm = self.norms[i]
        return len(norm) <= (limit or self.layout.short_line_chars) and not ends_like_sentence(norm)

    def unpunctuated(self, i: int, limit: int) -> bool:
        """Short and without a final period: a listed headline ("…20% 늘린다"), a poll question."""
        norm = self.norms[i].rstrip("\"'”’)]」』")
        return len(norm) <= limit and not norm.endswith((".", "!", "。"))

    # --- title --------------------------------------------------------------------------

    def find_title(self, meta_title: str | None) -> tuple[int, str] | None:
        """The title's unit and the name of the rule that found it."""
        n = len(self.units)
        if meta_title:
            wanted = _norm(meta_title)
            for i in range(n):
                if self.out[i] is None or self.matches[i] is not None:
                    if self._title_text(i) == wanted:
                        return i, "metadata_title: the line the metadata names as title"
            for i in range(n):  # an HTML <title> often adds the site's name
                if self.units[i].hint == "title_tag" and self.norms[i].startswith(wanted):
                    return i, "metadata_title: the page title the metadata names"
        for hint in ("h1", "md_heading", "title_tag"):
            for i in range(n):
                if self.free(i) and self.units[i].hint == hint:
                    if hint != "md_heading" or self.units[i].text.startswith("# "):
                        return i, f"markup_title: the page's first {_MARKUP_NAMES[hint]}"
        window = [i for i in range(min(n, _TITLE_WINDOW)) if self.free(i)]
        for i in window:  # a headline the page shows twice (above and below the date line)
            if self._title_like(i) and any(self.norms[j] == self.norms[i] for j in window if j > i):
                return i, "shown_twice_title: a headline-like line the page repeats"
        for i in window:  # short lines (a site name, a greeting) may stand above the headline
            if self._title_like(i):
                return i, "first_headline: the first headline-like line of the page"
            if not self.short(i):
                break
        return None

    def _title_text(self, i: int) -> str:
        return (
            _MD_HASHES.sub("", self.norms[i], count=1)
            if self.norms[i].startswith("#")
            else self.norms[i]
        )

    def _title_like(self, i: int) -> bool:
        norm = self.norms[i]
        words = len(norm.split())
        return (
            words >= self.layout.title_min_words
            and len(norm) <= _TITLE_MAX_CHARS
            and not (ends_like_sentence(norm) and norm.endswith("."))
        )

    def mark_title(self, found: tuple[int, str] | None) -> int | None:
        if found is None:
            return None
        title, why = found
        self.out[title] = Classified(
            "title", reason=why, content=self.content(title), section="headline", whole=True
        )
        for i, unit in enumerate(self.units):
            if unit.hint == "title_tag" and self.free(i):
                self.out[i] = _furniture(
                    "html_title", "the page's <title> (the browser tab's text)"
                )
        for i in range(title):
            if self.free(i):
                self.out[i] = _furniture("before_title", "page header above the headline")
        wanted = self._title_text(title)
        for i in range(title + 1, len(self.units)):
            if self.free(i) and self._title_text(i) == wanted:
                self.out[i] = _furniture("repeated_title", "a line repeating the title")
        return title

    # --- summary, lists and the page end -------------------------------------------------

    def mark_summaries(self) -> None:
        bullet = compiled(self.layout.bullet)
        for i, found in enumerate(self.matches):
            if found is None or found.rule != "summary_label":
                continue
            j = i + 1
            while j < len(self.units) and self.free(j):
                match = bullet.match(self.units[j].text)
                if match is None and self.units[j].hint != "item":
                    break
                content = match.end() if match else 0
                self.out[j] = Classified(
                    "summary", reason=_SUMMARY, content=content, section="summary"
                )
                j += 1

    def mark_lists(self) -> None:
        for i, found in enumerate(self.matches):
            if found is None or not found.opens_list:
                continue
            j = i + 1
            while (
                j < len(self.units)
                and self.free(j)
                and self.unpunctuated(j, self.layout.heading_max_chars)
            ):
                self.out[j] = _furniture("list_item", f"listed under {self.norms[i]!r}")
                j += 1

    def mark_trailing(self, title: int | None) -> None:
        rule = boilerplate().trailing
        start = None
        i = len(self.units) - 1
        while i > (title if title is not None else -1):
            current = self.out[i]
            if current is not None and current.kind == "boilerplate":
                start = i
            elif current is not None or not self.unpunctuated(i, rule.max_chars):
                break
            i -= 1
        if start is None:
            return
        found = self.matches[start]
        if found is not None and found.rule == "hashtags" and start > 0 and self.free(start - 1):
            if self.unpunctuated(start - 1, rule.max_chars):
                self.out[start - 1] = _furniture(
                    "promo_line", "a short line introducing the page-end hashtags"
                )
        for k in range(start, len(self.units)):
            if self.free(k):
                self.out[k] = _furniture(rule.name, rule.reason)

    def mark_deck(self, title: int | None) -> None:
        """The deck (부제): short lines right under the title, without a sentence's final period,
        before the byline or the first paragraph ("- SK하이닉스 12% 급락, 소부장주 동반 약세"). A
        numbered or marked line there opens a section instead, and is left to the headings."""
        if title is None:
            return
        headings = [compiled(h.pattern) for h in self.layout.heading_patterns]
        bullet = compiled(self.layout.bullet)
        i = title + 1
        while i < len(self.units) and i - title <= self.layout.deck_max_lines:
            if not self.free(i) or self.units[i].hint in ("heading", "md_heading", "h1"):
                return
            norm = self.norms[i]
            marked = bullet.match(self.units[i].text)
            if any(p.match(norm) for p in headings) and not (marked and norm[0] in "-–"):
                return
            if not self.unpunctuated(i, self.layout.deck_max_chars) or len(norm.split()) < 2:
                return
            self.out[i] = Classified(
                "summary",
                reason=_DECK,
                content=marked.end() if marked else self.content(i),
                section="summary",
                whole=True,
            )
            i += 1

    # --- stories and headings ------------------------------------------------------------

    def content(self, i: int) -> int:
        """Where the text proper starts, after a list marker, "#", "◆" or a dateline."""
        text = self.units[i].text
        start = 0
        for pattern in (_MD_HASHES, _BODY_MARKER):
            match = pattern.match(text)
            if match:
                start = match.end()
                break
        else:
            for marker in self.layout.roundup_markers:
                if text.startswith(marker):
                    start = len(text) - len(text[len(marker) :].lstrip())
                    break
        dateline = compiled(self.layout.dateline).match(text, start)
        return dateline.end() if dateline and dateline.end() < len(text) else start

    def story_markers(self, title: int | None, kind: str | None) -> list[int]:
        """The item headlines of a round-up page; none for an ordinary article."""
        markers = tuple(self.layout.roundup_markers)
        first = (title + 1) if title is not None else 0
        found = [
            i
            for i in range(first, len(self.units))
            if self.free(i)
            and self.norms[i].startswith(markers)
            and len(self.norms[i]) <= _TITLE_MAX_CHARS
            and (
                not ends_like_sentence(self.norms[i].rstrip("\"'"))
                # a numbered item's headline may end as a sentence does, without its period
                # ("■ 4. 정부, GPU 확보 서두른다")
                or _NUMBERED_ITEM.match(self.norms[i]) is not None
            )
        ]
        if len(found) < 2:
            return []
        if kind and kind != "unknown":
            return found if kind in self.layout.roundup_kinds else []
        # Without a stated kind, the page must announce a collection ("주간 주요 뉴스").
        intro = " ".join(self.norms[: found[0]])
        cues = [compiled(cue) for cue in self.layout.roundup_cues]
        return found if any(cue.search(intro) for cue in cues) else []

    def headline(self, i: int) -> str:
        unit = self.units[i]
        return unit.text[self.content(i) :].strip()

    def mark_headings_and_body(self) -> None:
        strong = [(h, compiled(h.pattern)) for h in self.layout.heading_patterns]
        candidate: list[str | None] = [None] * len(self.units)
        for i, unit in enumerate(self.units):
            if not self.free(i):
                continue
            norm = self.norms[i]
            if unit.hint in ("heading", "md_heading", "h1"):
                markup = f"markup_heading: {_MARKUP_NAMES[unit.hint]}"
                self.out[i] = Classified(
                    "heading", reason=markup, content=self.content(i), section="body", whole=True
                )
                continue
            pattern = next((h.name for h, p in strong if p.match(norm)), None)
            if pattern and self.unpunctuated(i, self.layout.heading_max_chars):
                candidate[i] = pattern
            elif unit.hint != "item" and self.short(i):
                candidate[i] = "short_line: a short line without a sentence ending"
        i = 0
        while i < len(self.units):
            if not candidate[i]:
                i += 1
                continue
            j = i
            while j < len(self.units) and candidate[j]:
                j += 1
            # Several short unpunctuated lines in a row are a list or a table, not headings.
            is_list = j - i >= self.layout.list_run
            for k in range(i, j):
                kind: BlockKind = "body" if is_list else "heading"
                why: str | None = _LIST_RUN if is_list else candidate[k]
                self.out[k] = Classified(
                    kind, reason=why, content=self.content(k), section="body", whole=not is_list
                )
            i = j
        for i in range(len(self.units)):
            if self.free(i):
                self.out[i] = Classified("body", content=self.content(i), section="body")


def classify(
    units: list[Unit], meta_title: str | None, meta_kind: str | None = None
) -> tuple[list[Classified], list[StoryPlan]]:
    """Classify every unit and group the story units into stories."""
    page = _Page(units)
    title = page.mark_title(page.find_title(meta_title))
    page.mark_summaries()
    page.mark_lists()
    page.mark_trailing(title)
    markers = page.story_markers(title, meta_kind)
    for i in markers:
        page.out[i] = Classified(
            "heading", reason=_ROUNDUP_ITEM, content=page.content(i), section="headline", whole=True
        )
    if not markers:
        page.mark_deck(title)
    page.mark_headings_and_body()
    out = [c for c in page.out if c is not None]
    assert len(out) == len(units)
    return out, _stories(page, out, title, markers)


def _stories(
    page: _Page, out: list[Classified], title: int | None, markers: list[int]
) -> list[StoryPlan]:
    if not markers:
        members = [i for i, c in enumerate(out) if c.kind != "boilerplate"]
        if title is not None:
            headline = page.headline(title)
        else:
            first = next((i for i in members), None)
            headline = page.headline(first) if first is not None else ""
        for i in members:
            out[i].story = 0
        return [StoryPlan(headline, members)] if members else []
    plans = [StoryPlan(page.headline(m), []) for m in markers]
    current = -1
    for i, c in enumerate(out):
        if i in markers:
            current = markers.index(i)
        if c.kind == "boilerplate" or i == title:
            continue
        if current < 0:
            # Before the first item: the round-up's own introduction, not any one story.
            out[i] = _furniture(
                "roundup_preamble", "the round-up's introduction before its first item"
            )
            continue
        c.story = current
        plans[current].units.append(i)
    if title is not None:
        story = _story_of_title(page, title, plans)
        out[title].story = story
        if story is None:
            out[title].section = None  # a title over several stories belongs to none of them
        else:
            plans[story].units.insert(0, title)
    return plans


def _story_of_title(page: _Page, title: int, plans: list[StoryPlan]) -> int | None:
    from rapidfuzz import fuzz

    wanted = page.headline(title)
    scores = [fuzz.partial_ratio(wanted, plan.headline) for plan in plans]
    best = max(range(len(plans)), key=lambda k: scores[k])
    return best if scores[best] >= page.layout.title_story_similarity else None
