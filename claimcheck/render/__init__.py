"""Exports of a report for journalists: one pure writer per format, each returning a whole file."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.models import Finding, Report
from claimcheck.render import claimreview, csv_writer, html_writer, json_writer, markdown
from claimcheck.render.common import AGREEING, RenderOptions, select_findings

Writer = Callable[[Report, list[Finding], RenderOptions], "str | bytes"]

WRITERS: dict[str, Writer] = {
    "csv": csv_writer.write,
    "json": json_writer.write,
    "markdown": markdown.write,
    "html": html_writer.write,
    "claimreview": claimreview.write,
}

__all__ = ["AGREEING", "WRITERS", "RenderOptions", "render", "select_findings"]


def render(
    fmt: str, report: Report, findings: list[Finding], options: RenderOptions | None = None
) -> bytes:
    """The export as bytes, ready for a file or standard output (text is UTF-8)."""
    out = WRITERS[fmt](report, findings, options or RenderOptions())
    return out.encode("utf-8") if isinstance(out, str) else out
