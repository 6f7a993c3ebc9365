"""Claim tables: `claims/<article-id>.yaml`, the editor's overrides, and the staleness check.

Tables are deterministic renderings of the extracted claims with overrides applied. Each carries
a checksum of its own body, so a hand edit is noticed and never silently overwritten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pydantic import ValidationError

from claimcheck.errors import InputError
from claimcheck.fileio import StagedWrites
from claimcheck.models import ArticleMeta, Claim, Override, Overrides
from claimcheck.yamlsafe import safe_load

OVERRIDES = "overrides.yaml"
# rates.yaml: the user's exchange-rate files (claimcheck.fx_tables.RATES_SETTING)
NOT_TABLES = {OVERRIDES, "reference.yaml", "rates.yaml"}
_CHECKSUM = "# checksum: "
_FIELDS_ORDER = (
    "id",
    "subject",
    "object",
    "quantity",
    "frame",
    "stance",
    "attributed_to",
    "section",
    "line",
    "start",
    "end",
    "quote",
    "sentence",
    "attributes",
    "review",
    "review_note",
)


def topic_order() -> list[str]:
    from claimcheck.extract.lexicon import topic_names

    return topic_names()


def _read_text(path: Path, lenient: bool = False) -> str:
    """A YAML file as text; undecodable bytes are an input error (or, for a table about to be
    replaced, kept as replacement characters so the hand-edit check refuses to overwrite it)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if lenient:
            return data.decode("utf-8", errors="replace")
        raise InputError(path, "cannot read: not UTF-8 text") from None


# --- overrides ---------------------------------------------------------------------------------


def load_overrides(folder: Path) -> Overrides:
    path = folder / OVERRIDES
    if not path.exists():
        # none: the empty record without building the model's validator (about 1 ms)
        return Overrides.model_construct()
    raw = safe_load(_read_text(path), path, "overrides YAML")
    try:
        return Overrides.model_validate(raw or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(path, f"{where}: {first['msg']}") from None


_CORRECTABLE = {
    "topic",
    "subject",
    "object",
    "stance",
    "attributed_to",
    "section",
    "quantity",
    "frame",
    "attributes",
}


class OverrideBook:
    """The editor's overrides, handed out article by article; those left unused are an error."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / OVERRIDES
        overrides = load_overrides(folder).overrides
        self.by_claim = {o.claim: o for o in overrides}
        if len(self.by_claim) != len(overrides):
            raise InputError(self.path, "two overrides name the same claim")
        self.used: set[str] = set()

    def for_article(self, article_id: str) -> dict[str, Override]:
        """The overrides that may name this article's claims (ids start with the article's)."""
        prefix = f"{article_id}:"
        return {cid: o for cid, o in self.by_claim.items() if cid.startswith(prefix)}

    def mark_used(self, claim_ids: set[str]) -> None:
        self.used |= claim_ids

    def check_all_used(self) -> None:
        missing = sorted(set(self.by_claim) - self.used)
        if missing:
            raise InputError(
                self.path,
                f"override for {missing[0]} matches no claim (was the claim's text changed?)",
            )


def apply_overrides(
    claims: list[Claim], overrides: dict[str, Override], path: Path
) -> tuple[list[Claim], set[str]]:
    """Confirm, correct or reject claims where an override names them; also the ids it used."""
    if not overrides:
        return claims, set()
    out, used = [], set()
    for claim in claims:
        override = overrides.get(claim.id)
        if override is None:
            out.append(claim)
        else:
            used.add(claim.id)
            out.append(_overridden(claim, override, path))
    return out, used


def _overridden(claim: Claim, override: Override, path: Path) -> Claim:
    if override.action in ("confirm", "reject"):
        review = "confirmed" if override.action == "confirm" else "rejected"
        return claim.model_copy(update={"review": review, "review_note": override.note})
    unknown = set(override.set) - _CORRECTABLE
    if unknown:
        raise InputError(path, f"override for {claim.id}: cannot correct {sorted(unknown)[0]!r}")
    data = claim.model_dump()
    for key, value in override.set.items():
        if key in ("quantity", "frame", "attributes") and isinstance(value, dict) and data.get(key):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    data.update(review="corrected", review_note=override.note)
    try:
        return Claim.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, f"override for {claim.id}: {exc.errors()[0]['msg']}") from None


# --- rendering ---------------------------------------------------------------------------------


class TableSource(Protocol):
    """What a claim table names of its article (an Article or the pipeline's Extracted)."""

    id: str
    path: str
    meta: ArticleMeta


def render_table(article: TableSource, claims: list[Claim]) -> str:
    """The YAML claim table of one article: grouped by topic, quotes in full, byte-stable."""
    from claimcheck import yamldump  # imports PyYAML, which a report does not otherwise need

    text = yamldump.dump(table_body(article, claims))
    header = (
        f"# Claims of {article.id}, generated by `claimcheck extract`.\n"
        "# Do not edit: put corrections in claims/overrides.yaml (they survive re-extraction).\n"
        f"{_CHECKSUM}{_digest(text)}\n"
    )
    return header + text


def table_body(article: TableSource, claims: list[Claim]) -> dict:
    """What a claim table holds, as plain data in the order it is written."""
    order = topic_order()
    grouped: dict[str, list[dict]] = {}
    for claim in sorted(
        claims,
        key=lambda c: (order.index(c.topic) if c.topic in order else len(order), c.start, c.id),
    ):
        grouped.setdefault(claim.topic, []).append(_claim_row(claim))
    return {
        "article": article.id,
        "file": Path(article.path).name,
        "title": article.meta.title,
        "published": article.meta.published.isoformat() if article.meta.published else None,
        "claims": len(claims),
        "topics": grouped,
    }


def _claim_row(claim: Claim) -> dict:
    data = claim.model_dump(mode="json")
    row = {}
    for key in _FIELDS_ORDER:
        value = data[key]
        if key == "sentence" and value == claim.quote:
            continue  # the quote is the whole sentence: say it once
        if key in ("review", "review_note") and value is None:
            continue
        if key in ("attributes", "frame") and not value:
            continue
        row[key] = value
    return row


def parse_table(path: Path) -> list[Claim]:
    """Read a claim table back into claims (for diff and report on committed tables)."""
    raw = safe_load(_read_text(path), path, "claim table")
    if not isinstance(raw, dict) or "topics" not in raw or "article" not in raw:
        raise InputError(path, "not a claim table (no 'article' and 'topics')")
    claims = []
    for topic, rows in (raw.get("topics") or {}).items():
        for row in rows or []:
            data = {"article": raw["article"], "topic": topic, **row}
            data.setdefault("sentence", data.get("quote"))
            data.setdefault("story", 0)
            try:
                claims.append(Claim.model_validate(data))
            except ValidationError as exc:
                first = exc.errors()[0]
                raise InputError(
                    path,
                    f"claim {row.get('id')}: {'.'.join(map(str, first['loc']))}: {first['msg']}",
                ) from None
    return claims


def _digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def hand_edited(existing: str) -> bool:
    """True when a table's body no longer matches the checksum it was written with."""
    first, _, rest = existing.partition(_CHECKSUM)
    if not rest:
        return True  # no checksum: not written by claimcheck
    recorded, _, body = rest.partition("\n")
    return recorded.strip() != _digest(body)


# --- writing and checking ----------------------------------------------------------------------


@dataclass(frozen=True)
class TableChange:
    """A claim table as committed (old) and as extracted now (new); None where there is none."""

    path: Path
    old: str | None
    new: str | None

    def diff(self) -> str:
        import difflib  # only for `extract --check`: not at every start

        old = (self.old or "").splitlines(keepends=True)
        new = (self.new or "").splitlines(keepends=True)
        name = str(self.path)
        lines = difflib.unified_diff(
            old, new, f"{name} (committed)", f"{name} (extracted now)", n=2
        )
        return "".join(lines)


def table_change(folder: Path, article_id: str, text: str) -> TableChange | None:
    """What writing one article's table `text` into `folder` would change, if anything."""
    path = folder / f"{article_id}.yaml"
    old = _read_text(path, lenient=True) if path.exists() else None
    return None if old == text else TableChange(path, old, text)


def stray_tables(folder: Path, article_ids: Iterable[str]) -> list[TableChange]:
    """Tables in `folder` whose article is no longer among those extracted."""
    ids = set(article_ids)
    out = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            if path.name not in NOT_TABLES and path.stem not in ids:
                out.append(TableChange(path, _read_text(path, lenient=True), None))
    return out


def stage_table(staged: StagedWrites, change: TableChange, force: bool = False) -> None:
    """Stage a changed table for writing; refuse to overwrite hand edits unless forced."""
    if change.old is not None and not force and hand_edited(change.old):
        raise InputError(
            change.path,
            "was edited by hand (its checksum does not match); move the edits to "
            "claims/overrides.yaml, or pass --force to overwrite them",
        )
    if change.new is not None:
        staged.stage(change.path, change.new, make_folder=True)
