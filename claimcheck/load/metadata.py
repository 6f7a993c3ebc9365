"""Article metadata: the folder's manifest.yaml, or a front-matter block at the top of the file."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimcheck import regexcache as rx
from claimcheck.discover import MANIFEST_NAME, bundled_corpus_dir
from claimcheck.errors import InputError
from claimcheck.models import ArticleMeta, FrontMatter, Manifest, ManifestEntry
from claimcheck.yamlsafe import load_bundled, safe_load

FIELDS = ("title", "outlet", "author", "published", "url", "kind", "language")
NO_METADATA = "no manifest entry or front matter"

# `---` on the first line, YAML, then `---` (or YAML's `...`) on a line of its own.
_FRONT_MATTER = rx.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


@dataclass(frozen=True)
class FrontMatterBlock:
    """A file's front matter, validated, and where the text after it begins."""

    meta: FrontMatter
    end: int  # offset just past the closing `---` line


def validation_problem(exc: ValidationError) -> str:
    """One line naming the first invalid field (dotted path) and what is wrong with it."""
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "document"
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{where}: {first['msg']}{more}"


def read_front_matter(text: str, path: str | Path) -> FrontMatterBlock | None:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    data = safe_load(match.group(1), path, what="front matter")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a mapping of field: value")
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, f"front matter: {validation_problem(exc)}") from None
    return FrontMatterBlock(meta=meta, end=match.end())


def load_manifest(folder: Path) -> dict[str, ManifestEntry] | None:
    """Entries of `folder/manifest.yaml` by id, checked against the files; None without one."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read manifest: {exc}") from None
    # The bundled corpus's manifest ships with claimcheck: its parsed form and its validated
    # record are kept like the language data's (yamlsafe.load_bundled, keptmodels), so a report
    # on it needs no YAML parser at all.
    bundled = folder.resolve() == bundled_corpus_dir().resolve()

    def validated() -> Manifest:
        data = (load_bundled if bundled else safe_load)(text, path, what="manifest")
        if not isinstance(data, dict):
            raise InputError(path, "manifest must be a mapping with an `articles` list")
        try:
            return Manifest.model_validate(data)
        except ValidationError as exc:
            raise InputError(path, validation_problem(exc)) from None

    if bundled:
        from claimcheck.keptmodels import kept_model

        manifest = kept_model(Manifest, text, path, validated)
    else:
        manifest = validated()
    entries: dict[str, ManifestEntry] = {}
    for entry in manifest.articles:
        if entry.id in entries:
            raise InputError(path, f"two entries with id {entry.id!r}")
        if not (folder / entry.file).is_file():
            raise InputError(path, f"entry {entry.id!r}: file {entry.file!r} does not exist")
        if Path(entry.file).stem != entry.id:
            raise InputError(path, f"entry {entry.id!r}: file {entry.file!r} has another id")
        entries[entry.id] = entry
    return entries


def meta_from_manifest(entry: ManifestEntry) -> ArticleMeta:
    values: dict[str, Any] = {}
    unknown: dict[str, str] = {}
    for field in FIELDS:
        sourced = getattr(entry, field)
        if sourced is None or sourced.value is None:
            unknown[field] = sourced.reason if sourced is not None else "not in the manifest"
            continue
        values[field] = _to_date(sourced.value) if field == "published" else sourced.value
    return ArticleMeta(**values, source="manifest", unknown=unknown)


def meta_from_front_matter(front: FrontMatter) -> ArticleMeta:
    values: dict[str, Any] = {}
    unknown: dict[str, str] = {}
    for field in FIELDS:
        value = getattr(front, field)
        if value is None:
            unknown[field] = "not given in the front matter"
            continue
        values[field] = _to_date(value) if field == "published" else value
    return ArticleMeta(**values, source="front_matter", unknown=unknown)


def meta_from_html(found: dict[str, str]) -> ArticleMeta:
    """Metadata from a page's own meta tags (see load.html.html_meta); the rest unknown."""
    values: dict[str, Any] = {}
    unknown: dict[str, str] = {}
    for field in FIELDS:
        value = found.get(field)
        if value is None:
            unknown[field] = "not in the page's meta tags"
            continue
        try:
            values[field] = _to_date(value) if field == "published" else value
        except ValueError:
            unknown[field] = f"the page's date {value!r} is not a calendar date"
    if not values:
        return no_meta()
    return ArticleMeta(**values, source="html_meta", unknown=unknown)


def no_meta() -> ArticleMeta:
    return ArticleMeta(source="none", unknown={field: NO_METADATA for field in FIELDS})


def _to_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])  # the models already checked the format
