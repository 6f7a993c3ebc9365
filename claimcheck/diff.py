"""Compare two sets of claim tables by claim id: claims added, removed, changed; verdicts moved."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from claimcheck.errors import InputError
from claimcheck.models import ArticleMeta, Claim, Finding, Quantity, Report, Result

if TYPE_CHECKING:
    from claimcheck.reference import ReferenceTable

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
    """One finding whose verdict or figures changed (a finding is matched by its id, which the
    reconciler derives from the claim ids and topics it is about)."""

    finding: str
    kind: str
    topic: str
    about: str  # what the finding is, in words: 'gpu_count across sources'
    old: str | None  # the verdict before; None: no such finding before
    new: str | None  # the verdict now; None: no such finding now
    old_figures: list[str] = []  # the figures the finding compares, in words ('248', '2,000+')
    new_figures: list[str] = []
    claim: str  # its first claim (new side, else old), for annotations
    article: str
    file: str | None
    line: int

    def before(self) -> str:
        return _state(self.old, self.old_figures)

    def after(self) -> str:
        return _state(self.new, self.new_figures)

    def summary(self) -> str:
        """'gpu_count across sources: contradiction (248 vs 2,000+) → contradiction (248 vs
        3,000+)'"""
        return f"{self.about}: {self.before()} → {self.after()}"


def _state(verdict: str | None, figures: list[str]) -> str:
    if verdict is None:
        return "(none)"
    return f"{verdict} ({' vs '.join(figures)})" if figures else verdict


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
    reference: ReferenceTable | None = None  # the side's own reference.yaml; None: the bundled


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
    return ClaimSet(label or f"{folder}/", claims, files, meta, _reference(folder, shown))


def _reference(folder: Path, shown: Callable[[Path], str]) -> ReferenceTable | None:
    from claimcheck.reference import load_reference

    path = folder / "reference.yaml"
    if not path.is_file():
        return None
    try:
        return load_reference(path)
    except InputError as exc:
        raise InputError(shown(path), exc.problem) from None


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


def figure_words(quantity: Quantity | None) -> str:
    """A figure as a reader says it: '248', '2,000+', 'about 8,100,000,000 KRW', '17%'."""
    if quantity is None:
        return ""
    unit = quantity.unit or ""
    attached = {"percent": "%", "percentage_point": "%p"}.get(unit)
    suffix = "" if unit in ("", "count") or attached else f" {unit}"
    attached = attached or ""

    def num(value: float | int | None) -> str:
        if value is None:
            return "?"
        if isinstance(value, float) and not value.is_integer():
            return f"{value:,.4g}"
        return f"{int(value):,}"

    q = quantity.qualifier
    if q == "at_least":
        low = quantity.low if quantity.low is not None else quantity.value
        return f"{num(low)}{attached}+{suffix}"
    if q == "at_most":
        high = quantity.high if quantity.high is not None else quantity.value
        return f"at most {num(high)}{attached}{suffix}"
    if q == "range" or quantity.value is None:
        return f"{num(quantity.low)}–{num(quantity.high)}{attached}{suffix}"
    about = "about " if q == "approx" else ""
    return f"{about}{num(quantity.value)}{attached}{suffix}"


def masked(sentence: str) -> str:
    """The sentence with every figure the normaliser finds in it replaced by '#': two sentences
    that differ only in their figures mask alike."""
    from claimcheck.quantities import find_quantities

    out, last = [], 0
    for quantity in find_quantities(sentence):
        out.append(sentence[last : quantity.start] + "#")
        last = quantity.end
    return "".join(out) + sentence[last:]


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


# The sentence a claim was read from: a change there that only touches figures (this claim's,
# shown as its quantity, or a neighbour's) is no change of wording.
_WORDING = ("quote", "sentence")


def field_changes(old: Claim, new: Claim) -> list[FieldChange]:
    """What changed, field by field; a changed figure is one field, `quantity`, in words
    ('2,000+ → 3,000+'), with its details (base units, text as written) only when the words
    alone do not show the change."""
    before, after = flatten(old), flatten(new)
    names = list(before) + [name for name in after if name not in before]
    changed = [name for name in names if before.get(name) != after.get(name)]
    if any(name in _WORDING for name in changed) and masked(old.quote) == masked(new.quote):
        changed = [name for name in changed if name not in _WORDING]
    elif old.quote == old.sentence and new.quote == new.sentence:
        changed = [name for name in changed if name != "sentence"]  # said once, as the quote
    out: list[FieldChange] = []
    details = [name for name in changed if name.startswith("quantity")]
    words = figure_words(old.quantity), figure_words(new.quantity)
    if details and words[0] != words[1]:
        out.append(FieldChange(field="quantity", old=words[0] or None, new=words[1] or None))
        details = []
    for name in changed:
        if name.startswith("quantity") and name not in details:
            continue
        out.append(FieldChange(field=name, old=before.get(name), new=after.get(name)))
    return out


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
    """The findings of one side, from its claims alone, checked against that side's reference
    table (its `reference.yaml`, else the bundled one)."""
    from claimcheck.reconcile import build_report_from_claims

    return build_report_from_claims(list(side.claims.values()), side.meta, side.reference)


def describe_finding(finding: Finding) -> str:
    """What a finding is about, in words: 'gpu_count across sources', 'training_cost within
    004_f05803455ba62a11', 'gpu_count in 001_… against v3-cluster-size'."""
    about = finding.topic + (f" {finding.object}" if finding.object else "")
    if finding.kind == "cross_source":
        return f"{about} across sources"
    where = ", ".join(finding.articles)
    if finding.kind == "reference" and finding.reference is not None:
        return f"{about} in {where} against {finding.reference.fact}"
    return f"{about} within {where}"


def _figures(finding: Finding, side: ClaimSet) -> list[str]:
    """The figures of the finding's claims in words, by article and line, each once."""
    claims = [side.claims[c] for c in finding.claims if c in side.claims]
    claims.sort(key=lambda c: (c.article, c.line, c.start))
    words = [figure_words(c.quantity) for c in claims if c.quantity is not None]
    return list(dict.fromkeys(words))


def _paired(
    old: ClaimSet, new: ClaimSet, old_report: Report, new_report: Report
) -> list[tuple[Finding | None, Finding | None]]:
    """Old and new findings paired: by id, which the reconciler derives from claim ids and
    topics; then, among those left, a finding that reads the same on both sides (what it is
    about, its verdict and figures), then one about the same thing. So a change of claim ids
    (claimcheck's id scheme, say) leaves every finding paired with itself."""
    before = {f.id: f for f in old_report.findings}
    after = {f.id: f for f in new_report.findings}
    pairs: list[tuple[Finding | None, Finding | None]] = [
        (before[i], after[i]) for i in sorted(set(before) & set(after))
    ]
    gone = [before[i] for i in sorted(set(before) - set(after))]
    came = [after[i] for i in sorted(set(after) - set(before))]

    def same_reading(f: Finding, side: ClaimSet) -> tuple:
        return (describe_finding(f), f.verdict, tuple(_figures(f, side)))

    for key_old, key_new in (
        (lambda f: same_reading(f, old), lambda f: same_reading(f, new)),
        (describe_finding, describe_finding),
    ):
        waiting: dict = {}
        for finding in gone:
            waiting.setdefault(key_old(finding), []).append(finding)
        unmatched = []
        for finding in came:
            match = waiting.get(key_new(finding))
            if match:
                pairs.append((match.pop(0), finding))
            else:
                unmatched.append(finding)
        gone = [f for group in waiting.values() for f in group]
        came = unmatched
    return pairs + [(f, None) for f in gone] + [(None, f) for f in came]


def verdict_changes(
    old: ClaimSet, new: ClaimSet, old_report: Report, new_report: Report
) -> list[VerdictChange]:
    """One entry per finding whose verdict or figures changed, or that came or went (a finding
    that stays single-source is one claim, whose change the claim list shows)."""
    out = []
    for was, now in _paired(old, new, old_report, new_report):
        was_figures = _figures(was, old) if was else []
        now_figures = _figures(now, new) if now else []
        if was is not None and now is not None:
            if was.verdict == now.verdict and was_figures == now_figures:
                continue
            if was.verdict == now.verdict == "single_source":
                continue  # one claim: its change is listed among the claims already
        shown, side = (now, new) if now is not None else (was, old)
        assert shown is not None
        claim = next((side.claims[c] for c in shown.claims if c in side.claims), None)
        out.append(
            VerdictChange(
                finding=shown.id,
                kind=shown.kind,
                topic=shown.topic,
                about=describe_finding(shown),
                old=was.verdict if was else None,
                new=now.verdict if now else None,
                old_figures=was_figures,
                new_figures=now_figures,
                claim=claim.id if claim else (shown.claims[0] if shown.claims else ""),
                article=claim.article if claim else (shown.articles[0] if shown.articles else ""),
                file=side.files.get(claim.article) if claim else None,
                line=claim.line if claim else 1,
            )
        )
    return sorted(out, key=lambda v: (_KIND_ORDER.get(v.kind, 9), v.about, v.finding))


_KIND_ORDER = {"cross_source": 0, "internal": 1, "reference": 2}
