"""Compare two sets of claim tables by claim id: claims added, removed, changed; verdicts moved."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from claimcheck.errors import InputError
from claimcheck.models import ArticleMeta, Claim, Report, Result

Status = Literal["added", "removed", "changed", "moved"]
# Where a claim sits in its file. Claim ids come from the claim's content, so editing text above
# a claim moves it without changing its id; such a claim is "moved", not "changed".
POSITION = ("line", "start", "end")
_PLAIN = (
    "topic",
    "subject",
    "object",
    "stance",
    "attributed_to",
    "section",
    "story",
    "quote",
    "sentence",
    "review",
    "review_note",
)


class FieldChange(Result):
    field: str
    old: str | None
    new: str | None


class ClaimChange(Result):
    status: Status
    id: str
    article: str
    file: str | None  # the article's file name, as its table records it
    line: int  # in the new file; for a removed claim, in the old one
    topic: str
    quote: str
    value: str  # the normalised quantity ('' for a claim without one)
    fields: list[FieldChange] = []


class VerdictChange(Result):
    claim: str
    article: str
    file: str | None
    line: int
    kind: str
    about: str  # the reference fact, or the topic for the other kinds
    old: str | None  # None: no such finding before
    new: str | None  # None: no such finding now
    finding: str  # the finding's id (new one, else old one)


class ClaimDiff(Result):
    old: str
    new: str
    added: list[ClaimChange]
    removed: list[ClaimChange]
    changed: list[ClaimChange]  # includes "moved" claims (position only) unless ignored
    verdicts: list[VerdictChange]
    findings_compared: bool  # False when findings could not be computed (no reconciler)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.verdicts)

    def counts(self) -> dict[str, int]:
        moved = sum(1 for c in self.changed if c.status == "moved")
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed) - moved,
            "moved": moved,
            "verdicts": len(self.verdicts),
        }


@dataclass(frozen=True)
class ClaimSet:
    label: str  # how to name this side to people: 'claims/ (working tree)', 'HEAD:claims'
    claims: dict[str, Claim]
    files: dict[str, str]  # article id → article file name
    meta: dict[str, ArticleMeta]  # article id → what the table says of the article


# --- loading ---------------------------------------------------------------------------------


def load_folder(
    folder: Path, label: str | None = None, shown: Callable[[Path], str] = str
) -> ClaimSet:
    """Every claim table in `folder` (not overrides or reference); `shown` names files in errors."""
    from claimcheck.tables import NOT_TABLES

    if not folder.is_dir():
        raise InputError(folder, "no such folder of claim tables")
    claims: dict[str, Claim] = {}
    files: dict[str, str] = {}
    meta: dict[str, ArticleMeta] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name in NOT_TABLES:
            continue
        try:
            header, table = _read_table(path)
        except InputError as exc:
            raise InputError(shown(path), exc.problem) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(shown(path), f"cannot read: {exc}") from None
        article = str(header["article"])
        if header.get("file"):
            files[article] = str(header["file"])
        try:
            meta[article] = ArticleMeta(
                title=header.get("title"), published=header.get("published")
            )
        except ValidationError as exc:
            raise InputError(shown(path), f"article header: {exc.errors()[0]['msg']}") from None
        for claim in table:
            if claim.id in claims:
                raise InputError(shown(path), f"claim {claim.id} is also in another table")
            claims[claim.id] = claim
    return ClaimSet(label or f"{folder}/", claims, files, meta)


def _read_table(path: Path) -> tuple[dict, list[Claim]]:
    from claimcheck.tables import parse_table
    from claimcheck.yamlsafe import safe_load

    claims = parse_table(path)  # validates the table; errors name the file
    header = safe_load(path.read_text(encoding="utf-8"), path, "claim table")
    return header, claims


def load_side(spec: str | None, claims_dir: str = "claims", cwd: Path | None = None) -> ClaimSet:
    """A folder of tables, or `claims_dir` at a revision; None: `claims_dir` in the work tree."""
    from claimcheck import gitrev

    here = cwd or Path.cwd()
    if spec is None:
        return load_folder(here / claims_dir, f"{claims_dir}/ (working tree)", _relative(here))
    if (here / spec).is_dir():
        return load_folder(here / spec, f"{spec}/", _relative(here))
    files = gitrev.files_at(spec, claims_dir, here)
    label = f"{spec}:{Path(claims_dir).as_posix()}"
    with tempfile.TemporaryDirectory(prefix="claimcheck-diff-") as tmp:
        for name, text in files.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        return load_folder(Path(tmp), label, lambda path: f"{label}/{path.name}")


def _relative(base: Path) -> Callable[[Path], str]:
    def shown(path: Path) -> str:
        try:
            return str(path.relative_to(base))
        except ValueError:
            return str(path)

    return shown


# --- comparing -------------------------------------------------------------------------------


def flatten(claim: Claim) -> dict[str, str | None]:
    """A claim as field → text, numbers in base units, so equal meanings compare equal."""
    from claimcheck.render.common import quantity_text

    data: dict[str, str | None] = {}
    for name in _PLAIN + POSITION:
        value = getattr(claim, name)
        data[name] = None if value is None else str(value)
    quantity = claim.quantity
    data["quantity"] = quantity_text(quantity) if quantity else None
    if quantity is not None:
        data["quantity.text"] = quantity.text
        data["quantity.counter"] = quantity.counter
        data["quantity.qualifier_word"] = quantity.qualifier_word
        data["quantity.inclusive"] = "true" if quantity.inclusive else "false"
    for key, value in sorted(claim.attributes.items()):
        data[f"attributes.{key}"] = value
    return data


def field_changes(old: Claim, new: Claim) -> list[FieldChange]:
    before, after = flatten(old), flatten(new)
    names = list(before) + [name for name in after if name not in before]
    return [
        FieldChange(field=name, old=before.get(name), new=after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    ]


def compare(
    old: ClaimSet, new: ClaimSet, ignore_moves: bool = False, findings: bool = True
) -> ClaimDiff:
    added, removed, changed = [], [], []
    for claim_id in sorted(set(old.claims) | set(new.claims)):
        before, after = old.claims.get(claim_id), new.claims.get(claim_id)
        if before is None and after is not None:
            added.append(_change("added", after, new))
        elif after is None and before is not None:
            removed.append(_change("removed", before, old))
        elif before is not None and after is not None:
            fields = field_changes(before, after)
            if not fields:
                continue
            moved = all(f.field in POSITION for f in fields)
            if moved and ignore_moves:
                continue
            changed.append(_change("moved" if moved else "changed", after, new, fields))
    old_report = report_of(old) if findings else None
    new_report = report_of(new) if findings else None
    compared = old_report is not None and new_report is not None
    verdicts = []
    if old_report is not None and new_report is not None:
        verdicts = verdict_changes(old, new, old_report, new_report)
    return ClaimDiff(
        old=old.label,
        new=new.label,
        added=_ordered(added),
        removed=_ordered(removed),
        changed=_ordered(changed),
        verdicts=verdicts,
        findings_compared=compared,
    )


def _change(
    status: Status, claim: Claim, side: ClaimSet, fields: list[FieldChange] | None = None
) -> ClaimChange:
    from claimcheck.render.common import quantity_text

    return ClaimChange(
        status=status,
        id=claim.id,
        article=claim.article,
        file=side.files.get(claim.article),
        line=claim.line,
        topic=claim.topic,
        quote=claim.quote,
        value=quantity_text(claim.quantity),
        fields=fields or [],
    )


def _ordered(changes: list[ClaimChange]) -> list[ClaimChange]:
    return sorted(changes, key=lambda c: (c.article, c.line, c.id))


# --- findings --------------------------------------------------------------------------------


def report_of(side: ClaimSet) -> Report | None:
    """The findings of one side, from its claims alone; None while the reconciler cannot do it."""
    try:
        from claimcheck.reconcile import build_report_from_claims  # type: ignore[attr-defined]
    except ImportError:
        return None
    return build_report_from_claims(list(side.claims.values()), side.meta)


def _verdicts(report: Report) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(claim, kind, what it is checked against) → (verdicts, finding id)."""
    found: dict[tuple[str, str, str], tuple[list[str], str]] = {}
    for finding in sorted(report.findings, key=lambda f: f.id):
        about = finding.reference.fact if finding.reference else finding.topic
        for claim_id in finding.claims:
            verdicts, first = found.setdefault((claim_id, finding.kind, about), ([], finding.id))
            verdicts.append(finding.verdict)
    return {key: (", ".join(sorted(set(v))), fid) for key, (v, fid) in found.items()}


def verdict_changes(
    old: ClaimSet, new: ClaimSet, old_report: Report, new_report: Report
) -> list[VerdictChange]:
    before, after = _verdicts(old_report), _verdicts(new_report)
    out = []
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        if was is not None and now is not None and was[0] == now[0]:
            continue
        claim_id, kind, about = key
        side, claim = (
            (new, new.claims.get(claim_id))
            if claim_id in new.claims
            else (old, old.claims.get(claim_id))
        )
        out.append(
            VerdictChange(
                claim=claim_id,
                article=claim.article if claim else "",
                kind=kind,
                about=about,
                file=side.files.get(claim.article) if claim else None,
                line=claim.line if claim else 1,
                old=was[0] if was else None,
                new=now[0] if now else None,
                finding=(now or was)[1],  # type: ignore[index]
            )
        )
    return out
