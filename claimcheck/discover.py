"""Which files are articles: formats, folders, the bundled corpus and duplicate ids.

Kept apart from the loader (and free of pydantic) so that a command can list its input files
cheaply, e.g. to check a cached output against them before importing anything heavy.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from claimcheck.errors import InputError

MANIFEST_NAME = "manifest.yaml"
Format = Literal["txt", "md", "html"]
FORMATS: dict[str, Format] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
# Files that sit beside articles in a folder without being articles.
NOT_ARTICLES = {MANIFEST_NAME, "readme.md"}


def bundled_corpus_dir() -> Path:
    """The five seed articles: package data when installed, `<repo>/seeds` in a checkout."""
    import importlib.util

    # The corpus is a data-only (namespace) package: ask where it lives rather than import it.
    spec = importlib.util.find_spec("claimcheck.corpus")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "seeds"


def folder_articles(folder: Path) -> list[Path]:
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in FORMATS and p.name.lower() not in NOT_ARTICLES
    )
    if not files:
        raise InputError(folder, "no articles (.txt, .md, .html) in this folder")
    return files


def article_files(paths: Sequence[str | Path] | None) -> list[Path]:
    """The article files in `paths` (files or folders; None: the bundled corpus), unread."""
    if paths is None:
        paths = [bundled_corpus_dir()]
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(folder_articles(path))
        elif path.is_file():
            if path.suffix.lower() not in FORMATS:
                raise InputError(
                    path,
                    f"not an article file ({path.suffix or 'no extension'}; "
                    "expected .txt, .md or .html)",
                )
            files.append(path)
        else:
            raise InputError(path, "no such file or folder")
    unique: dict[Path, Path] = {}
    for path in files:
        unique.setdefault(path.resolve(), path)  # the same file named twice is one article
    by_id: dict[str, Path] = {}
    for path in unique.values():
        if path.stem in by_id:
            raise InputError(
                path, f"two articles with the same id {path.stem!r} (also {by_id[path.stem]})"
            )
        by_id[path.stem] = path
    return list(by_id.values())
