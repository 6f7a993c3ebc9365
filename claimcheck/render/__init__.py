"""Exports of a report for journalists: one pure writer per format, each returning a whole file."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from claimcheck.models import Finding, Report
from claimcheck.render.common import AGREEING, RenderOptions, select_findings

Writer = Callable[[Report, list[Finding], RenderOptions], "str | bytes"]

# The module of each format's writer, imported when that format is asked for: the terminal view,
# which imports this package, needs none of them.
WRITERS: dict[str, str] = {
    "csv": "csv_writer",
    "json": "json_writer",
    "markdown": "markdown",
    "html": "html_writer",
    "claimreview": "claimreview",
}

__all__ = ["AGREEING", "WRITERS", "RenderOptions", "render", "select_findings"]


def render(
    fmt: str, report: Report, findings: list[Finding], options: RenderOptions | None = None
) -> bytes:
    """The export as bytes, ready for a file or standard output (text is UTF-8)."""
    writer: Writer = importlib.import_module(f"claimcheck.render.{WRITERS[fmt]}").write
    out = writer(report, findings, options or RenderOptions())
    return out.encode("utf-8") if isinstance(out, str) else out
