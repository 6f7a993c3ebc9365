"""Load articles (.txt, .md, .html, or folders of them) as Article records with spans into the file.

For .txt and .md, `Article.text` is the decoded file and every Block/Sentence satisfies
`text[start:end] == block.text`. For .html, `Article.text` is the HTML source: spans point at
the source region a piece of text came from, while `Block.text`/`Sentence.text` hold the
extracted text (entities decoded, whitespace collapsed).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import claimcheck.api as _api
from claimcheck.discover import FORMATS, Format, article_files, bundled_corpus_dir
from claimcheck.errors import InputError
from claimcheck.load.decode import decode_bytes
from claimcheck.load.metadata import (
    load_manifest,
    meta_from_front_matter,
    meta_from_html,
    meta_from_manifest,
    no_meta,
    read_front_matter,
)
from claimcheck.load.sentences import split_sentences
from claimcheck.load.structure import Classified, StoryPlan, classify
from claimcheck.load.units import Unit, line_of, markdown_units, text_units
from claimcheck.models import (
    Article,
    ArticleMeta,
    Block,
    ManifestEntry,
    Sentence,
    Story,
    from_checked_parts,
)

__all__ = [
    "article_from_text",
    "article_jobs",
    "bundled_corpus_dir",
    "find_article",
    "load_article",
    "load_articles",
]


class _Manifests:
    """Each folder's manifest, read once per call."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, dict[str, ManifestEntry] | None] = {}

    def entry(self, path: Path) -> ManifestEntry | None:
        folder = path.resolve().parent
        if folder not in self._by_folder:
            self._by_folder[folder] = load_manifest(folder)
        entries = self._by_folder[folder]
        return entries.get(path.stem) if entries else None


def load_articles(paths: Sequence[str | Path] | None = None) -> list[Article]:
    """Load every article in `paths` (files or folders; None: the bundled corpus), sorted by id."""
    return [load_article(path, entry) for path, entry in article_jobs(paths)]


def article_jobs(
    paths: Sequence[str | Path] | None = None,
) -> list[tuple[Path, ManifestEntry | None]]:
    """Every article file in `paths` with its manifest entry, sorted by id, none of them read:
    for callers that load one article at a time (or in worker processes)."""
    manifests = _Manifests()
    files = sorted(article_files(paths), key=lambda path: path.stem)
    return [(path, manifests.entry(path)) for path in files]


def find_article(ref: str, paths: Sequence[str | Path] | None = None) -> Article:
    """One article by id (within `paths` or the bundled corpus) or by a file path."""
    candidate = Path(ref)
    if candidate.is_file():
        (path,) = article_files([candidate])
        return load_article(path, _Manifests().entry(path))
    for path in article_files(paths):
        if path.stem == ref:
            return load_article(path, _Manifests().entry(path))
    where = "the bundled corpus" if paths is None else ", ".join(str(p) for p in paths)
    raise InputError(ref, f"no such article: not a file, nor an article id in {where}")


# The longest news pages run to a few hundred kilobytes; a file forty times that is not one article
# (a dump, a log, a book) and would only make every later stage slow.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024


def load_article(path: str | Path, entry: ManifestEntry | None = None) -> Article:
    """Load one file; `entry` is its manifest entry, if its folder has one."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, "not an article file (expected .txt, .md or .html)")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(
                path,
                f"too large for one article ({size / 1e6:.1f} MB; the limit is "
                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB): split it into articles",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    text, encoding = decode_bytes(data, path)
    return article_from_text(text, path.stem, fmt, str(path), encoding, entry)


def article_from_text(
    text: str,
    article_id: str,
    fmt: Format = "txt",
    path: str = "<text>",
    encoding: str = "utf-8",
    entry: ManifestEntry | None = None,
) -> Article:
    """An article from text already decoded (a file's, or text given to the Python API)."""
    source = Path(path)
    meta = meta_from_manifest(entry) if entry is not None else no_meta()
    if fmt == "html":
        from claimcheck.load.html import html_meta, html_units

        if entry is None:  # a manifest entry says more than the page about itself
            meta = meta_from_html(html_meta(text))
        units = html_units(text)
    else:
        front = read_front_matter(text, source)
        begin = 0
        if front is not None:
            meta = meta_from_front_matter(front.meta)
            begin = front.end
        units = markdown_units(text, begin) if fmt == "md" else text_units(text, begin)
        if front is not None:
            end = len(text[:begin].rstrip())
            units.insert(0, Unit(0, end, 1, text[:end], preset=("front_matter", "metadata block")))
    classified, plans = classify(units, meta.title, meta.kind)
    blocks = [_block(unit, c) for unit, c in zip(units, classified, strict=True)]
    stories = [_story(i, plan, units, text) for i, plan in enumerate(plans)]
    sentences = _sentences(units, classified, text, fmt)
    return Article(
        id=article_id,
        path=path,
        format=fmt,
        encoding=encoding,
        meta=_with_page_title(meta, blocks),
        text=text,
        blocks=blocks,
        stories=stories,
        sentences=sentences,
    )


def _with_page_title(meta: ArticleMeta, blocks: list[Block]) -> ArticleMeta:
    """Without a stated title, the page's own headline is the title."""
    if meta.title is not None:
        return meta
    title = next((b.text for b in blocks if b.kind == "title"), None)
    if title is None:
        return meta
    unknown = {k: v for k, v in meta.unknown.items() if k != "title"}
    return meta.model_copy(
        update={"title": " ".join(title.lstrip("#").split()), "unknown": unknown}
    )


def _block(unit: Unit, c: Classified) -> Block:
    # The loader's own offsets, strings and kinds: not validated again (see from_checked_parts).
    return from_checked_parts(
        Block,
        {
            "kind": c.kind,
            "start": unit.start,
            "end": unit.end,
            "line": unit.line,
            "text": unit.text,
            "story": c.story,
            "reason": c.reason,
        },
    )


def _story(index: int, plan: StoryPlan, units: list[Unit], text: str) -> Story:
    start = min(units[i].start for i in plan.units)
    end = max(units[i].end for i in plan.units)
    return Story(
        index=index, headline=plan.headline, start=start, end=end, line=line_of(text, start)
    )


def _sentences(
    units: list[Unit], classified: list[Classified], text: str, fmt: str
) -> list[Sentence]:
    out: list[Sentence] = []
    for index, (unit, c) in enumerate(zip(units, classified, strict=True)):
        if c.kind == "boilerplate" or c.section is None or c.story is None:
            continue
        rest = unit.text[c.content :]
        offset = c.content + len(rest) - len(rest.lstrip())
        piece = rest.strip()
        if not piece:
            continue
        spans = [(0, len(piece))] if c.whole else split_sentences(piece)
        for a, b in spans:
            start, end = unit.source_span(offset + a, offset + b)
            fields = {
                "text": piece[a:b] if fmt == "html" else text[start:end],
                "start": start,
                "end": end,
                "line": line_of(text, start),
                "section": c.section,
                "story": c.story,
                "block": index,
            }
            out.append(from_checked_parts(Sentence, fields))
    return out


# `claimcheck.load(...)` is the API function (claimcheck/api.py), imported or not.
_api.callable_package(__name__)
