"""`claimcheck export`: the findings as CSV, JSON, Markdown, HTML or ClaimReview JSON-LD."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimcheck.cli.common import (
    format_option,
    jobs_option,
    lang_option,
    overrides_folder_option,
    rates_option,
    reference_of,
    reports_input_errors,
    stderr_console,
    workspace,
)

if TYPE_CHECKING:
    from claimcheck.models import Article, Report

FORMATS = ("csv", "json", "markdown", "html", "claimreview")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@format_option(
    FORMATS,
    default="markdown",
    help="csv (Excel-ready), json, markdown (a table for a pull request), html (one page), "
    "claimreview (schema.org JSON-LD).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to this file (atomically, once the export is complete); default: standard output.",
)
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Every finding, not only those that are not agree/consistent/supported.",
)
@lang_option(help="Wording and labels; ko uses the SNU FactCheck labels.")
@overrides_folder_option()
@rates_option()
@jobs_option()
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Export a report saved with `claimcheck report --format json` (- for standard input) "
    "instead of checking PATHS.",
)
@click.option(
    "--base-url",
    default="claimcheck.html",
    show_default=True,
    help="claimreview: where the HTML export is published; each review's url is BASE-URL#finding.",
)
@click.option(
    "--publisher",
    default="claimcheck",
    show_default=True,
    help="claimreview: the organisation that publishes the reviews.",
)
@reports_input_errors
def export(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    include_all: bool,
    lang: str,
    tables_dir: str | None,
    rate_files: tuple[str, ...],
    report_file: str | None,
    base_url: str,
    publisher: str,
    jobs: int,
) -> None:
    """Export the contradiction list (or with --all every finding) for journalists.

    PATHS are article files or folders; with none, ./seeds if there is one, else the bundled
    corpus (the first line on standard error says which). The contradiction list is
    every finding whose verdict is not agree, consistent or supported.

    \b
    Exit status: 0 exported (whatever the findings say), 2 bad input or an unwritable -o FILE.

    \b
    Examples:
      claimcheck export --format csv -o findings.csv       # opens in Excel with Korean intact
      claimcheck export --format html --lang ko -o findings.html
      claimcheck export --format markdown --all | pbcopy
      claimcheck export --format claimreview --base-url https://example.org/checks.html
      claimcheck report --format json --single-source | claimcheck export --report - -f csv
      claimcheck export --rates DEXKOUS.csv news/ -f csv   # your rates for later dates
    """
    from claimcheck.render import RenderOptions, render, select_findings

    if report_file is not None and paths:
        raise click.UsageError("give PATHS or --report, not both")
    if report_file is not None and rate_files:
        raise click.UsageError("--rates applies when checking PATHS, not to a saved --report")
    report, articles = _load(paths, tables_dir, report_file, fmt, jobs, rate_files)
    findings = select_findings(report, include_all)
    options = RenderOptions(lang=lang, base_url=base_url, publisher=publisher, articles=articles)
    data = render(fmt, report, findings, options)
    if output is None:
        stream = click.get_binary_stream("stdout")
        stream.write(data)
        stream.flush()
        return
    from claimcheck.fileio import write_atomic

    write_atomic(output, data)
    stderr_console().print(f"{len(findings)} findings written to {output} ({fmt})")


def _load(
    paths: tuple[str, ...],
    tables_dir: str | None,
    report_file: str | None,
    fmt: str,
    jobs: int = 1,
    rate_files: tuple[str, ...] = (),
) -> tuple[Report, dict[str, Article]]:
    if report_file is not None:
        return _read_report(Path(report_file)), {}
    from claimcheck.cli.common import use_rate_files
    from claimcheck.reconcile import report_for_paths

    chosen = workspace(paths, tables_dir)
    use_rate_files(str(chosen.tables), rate_files)
    report = report_for_paths(chosen.paths, str(chosen.tables), jobs, reference_of(chosen))
    articles: dict[str, Article] = {}
    if fmt == "html":
        # The page shows each quote inside its paragraph, which only the article itself holds.
        from claimcheck.load import load_articles

        articles = {article.id: article for article in load_articles(chosen.paths)}
    return report, articles


def _read_report(path: Path) -> Report:
    from pydantic import ValidationError

    from claimcheck.errors import InputError
    from claimcheck.models import Report

    try:
        if str(path) == "-":
            text = click.get_binary_stream("stdin").read().decode("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return Report.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "report"
        raise InputError(path, f"not a claimcheck report: {where}: {first['msg']}") from None
