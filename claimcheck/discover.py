"""Which files are articles: formats, folders, the bundled corpus and duplicate ids.

Kept apart from the loader (and free of pydantic) so that a command can list its input files
cheaply, e.g. to check a cached output against them before importing anything heavy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


def bundled_tables_dir() -> Path:
    """The bundled corpus's claim tables and reference table: package data when installed,
    `<repo>/claims` in a checkout."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("claimcheck.bundled_claims")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "claims"


# A newsroom's repository (see `claimcheck init`): its articles and their claim tables.
SEEDS_DIR = "seeds"
TABLES_DIR = "claims"
REFERENCE_NAME = "reference.yaml"


@dataclass(frozen=True)
class Workspace:
    """Which articles a command reads and which claim tables go with them.

    With PATHS, those articles and the --tables folder (default ./claims). With none, the
    working folder's ./seeds with ./claims when it has a seeds/ folder; otherwise the bundled
    corpus with the bundled tables. Tables follow the corpus, so `extract --check` checks the
    tables of the articles it read, and a report uses the overrides and reference table kept
    beside them.
    """

    paths: list[str] | None  # for the loader: None means the bundled corpus
    tables: Path
    corpus_shown: str
    tables_shown: str
    bundled: bool  # the bundled corpus with its bundled tables (never written)
    chosen: bool  # chosen for the user (no PATHS given): say so on standard error

    @property
    def reference(self) -> Path | None:
        """The reference table kept with the tables, or None for the bundled one."""
        path = self.tables / REFERENCE_NAME
        return path if path.is_file() else None

    def describe_corpus(self) -> str:
        """The line for commands that read articles only (`articles`, `show`)."""
        return f"claimcheck: corpus {self.corpus_shown}"

    def describe(self) -> str:
        """The line a command prints first on standard error when it chose for the user."""
        ref = self.reference
        if self.bundled or ref is None:
            reference = "bundled reference table"
        else:
            reference = f"reference {ref.as_posix()}"
        return f"claimcheck: corpus {self.corpus_shown}; tables {self.tables_shown}; {reference}"


def resolve_workspace(paths: Sequence[str] = (), tables: str | None = None) -> Workspace:
    """The articles and tables a command works on, from the working folder (see Workspace)."""
    folder = Path(tables or TABLES_DIR)
    shown = f"{folder.as_posix()}/"
    if paths:
        return Workspace([str(p) for p in paths], folder, ", ".join(paths), shown, False, False)
    if Path(SEEDS_DIR).is_dir():
        return Workspace([SEEDS_DIR], folder, f"{SEEDS_DIR}/ (working folder)", shown, False, True)
    if tables:
        return Workspace(None, folder, "bundled (no seeds/ here)", shown, False, True)
    return Workspace(None, bundled_tables_dir(), "bundled (no seeds/ here)", "bundled", True, True)


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
