"""Renderings of a claim-table diff: plain text, JSON, Markdown and GitHub Actions annotations."""

from __future__ import annotations

import json
import posixpath

from claimcheck.diff import ClaimChange, ClaimDiff, FieldChange, VerdictChange
from claimcheck.render.markdown import cell

_SIGN = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}


def summary(diff: ClaimDiff) -> str:
    counts = diff.counts()
    parts = [f"{n} {name}" for name, n in counts.items() if name != "verdicts"]
    verdicts = (
        f"{counts['verdicts']} verdict(s) changed"
        if diff.findings_compared
        else "findings not compared"
    )
    return f"{diff.old} → {diff.new}: {', '.join(parts)}; {verdicts}"


def _where(change: ClaimChange | VerdictChange) -> str:
    return f"{change.file or change.article} line {change.line}"


def _none(value: str | None) -> str:
    return "(none)" if value is None else value


def _field(change: ClaimChange, field: FieldChange) -> str:
    """'gpu_count: 2,000+ → 3,000+' for a figure (named by its topic), 'stance: a → b' else."""
    name = change.topic if field.field == "quantity" else field.field
    return f"{name}: {_none(field.old)} → {_none(field.new)}"


def text(diff: ClaimDiff) -> str:
    lines = [summary(diff)]
    for change in diff.removed + diff.added + diff.changed:
        if change.status == "moved":  # the same claim elsewhere: where is all there is to say
            lines.append(f"> {change.id}  (moved to {_where(change)})")
            continue
        value = f" = {change.value}" if change.value else ""
        lines.append(
            f"{_SIGN[change.status]} {change.id}  ({_where(change)}) “{change.quote}”{value}"
        )
        for field in change.fields:
            lines.append(f"    {_field(change, field)}")
    for verdict in diff.verdicts:
        lines.append(f"! {verdict.summary()}")
    return "\n".join(lines) + "\n"


def as_json(diff: ClaimDiff) -> str:
    data = diff.model_dump(mode="json")
    data["counts"] = diff.counts()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def markdown(diff: ClaimDiff) -> str:
    lines = [f"### Claim tables: {cell(diff.old)} → {cell(diff.new)}", "", cell(summary(diff)), ""]
    claims = diff.removed + diff.added + diff.changed
    if claims:
        lines += ["| | claim | where | field | before | after |", "|---|---|---|---|---|---|"]
        for change in claims:
            head = f"| {change.status} | `{change.id.replace('`', '')}` | {cell(_where(change))} |"
            if not change.fields:
                quote = cell(f"“{change.quote}” {change.value}".strip())
                before, after = (quote, "") if change.status == "removed" else ("", quote)
                lines.append(f"{head} | | {before} | {after} |")
            for field in change.fields:
                old, new = cell(_none(field.old)), cell(_none(field.new))
                name = change.topic if field.field == "quantity" else field.field
                lines.append(f"{head} {cell(name)} | {old} | {new} |")
        lines.append("")
    if diff.verdicts:
        lines += ["| finding | before | after |", "|---|---|---|"]
        for v in diff.verdicts:
            lines.append(f"| {cell(v.about)} | {cell(v.before())} | {cell(v.after())} |")
        lines.append("")
    return "\n".join(lines)


def _escape_data(value: str) -> str:
    # The escapes GitHub's workflow-command parser undoes in a message.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(file: str | None, line: int, message: str, seeds_dir: str) -> str:
    if not file:
        return f"::warning::{_escape_data(message)}"
    path = posixpath.join(seeds_dir.rstrip("/"), file) if seeds_dir else file
    return f"::warning file={_escape_property(path)},line={line}::{_escape_data(message)}"


def github(diff: ClaimDiff, seeds_dir: str = "seeds") -> str:
    """One `::warning` per change, at the claim's line in its seed file."""
    lines = []
    for change in diff.removed + diff.added + diff.changed:
        value = f" = {change.value}" if change.value else ""
        detail = "; ".join(_field(change, f) for f in change.fields)
        message = f"claim {change.status}: {change.topic} “{change.quote}”{value}"
        if detail:
            message += f" ({detail})"
        lines.append(_annotation(change.file, change.line, f"{message} [{change.id}]", seeds_dir))
    for v in diff.verdicts:
        lines.append(_annotation(v.file, v.line, f"finding {v.summary()}", seeds_dir))
    return "".join(line + "\n" for line in lines)


FORMATS = {"text": text, "json": as_json, "markdown": markdown}
