"""`claimcheck explain ID`: one finding in full, so a reporter can check the tool."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import (
    BadInput,
    jobs_option,
    lang_option,
    no_cache_option,
    overrides_folder_option,
    pager_option,
    rates_option,
    reports_input_errors,
)


@click.command()
@click.argument("finding_id", metavar="ID")
@click.argument("paths", nargs=-1, type=click.Path())
@lang_option()
@overrides_folder_option()
@rates_option()
@jobs_option()
@no_cache_option()
@pager_option()
@reports_input_errors
def explain(finding_id, paths, lang, tables_dir, rate_files, jobs, no_cache, no_pager):
    """Show one finding in full: every source with its whole sentence and line, every step of
    the arithmetic, the reference's quote and where it is in its source, and the ids of the
    claims and articles.

    ID is a finding's id as the report, the JSON and every export show it
    (reference:f51c0b6a39), or its part after the colon when only one finding has it. PATHS
    are the articles the report was made from; with none, ./seeds if the working folder has one,
    else the bundled corpus.

    \b
    Exit status: 0 shown, 2 no finding has this ID, or bad input.

    \b
    Examples:
      claimcheck explain reference:f51c0b6a39
      claimcheck explain f51c0b6a39 --lang ko
      claimcheck explain cross_source:5ff60569e8 news/ --no-pager
    """
    from claimcheck import outputcache
    from claimcheck.cli.common import workspace
    from claimcheck.cli.report_view import paged, use_colour

    colour = use_colour()
    chosen = workspace(paths, tables_dir)
    shown = [finding_id, list(paths), lang]
    key = (
        None
        if no_cache
        else outputcache.extraction_key(
            "explain", shown, chosen.paths or [], str(chosen.tables), rate_files
        )
    )

    def run() -> None:
        _explain(finding_id, chosen, lang, jobs, colour, rate_files)

    with paged(not no_pager):
        if key is None:
            return run()
        code = outputcache.replay(key)
        if code is None:
            return outputcache.record(key, run)
    if code:
        sys.exit(code)


def _explain(finding_id, chosen, lang, jobs, colour, rate_files=()) -> None:
    from claimcheck.cli.common import reference_of, use_rate_files
    from claimcheck.cli.report_view import echo_lines, view_data
    from claimcheck.reconcile import store_for_paths
    from claimcheck.render import labels
    from claimcheck.render.explain import find, full

    use_rate_files(str(chosen.tables), rate_files)  # the same rates as the report it explains
    reference = reference_of(chosen)
    with store_for_paths(chosen.paths, str(chosen.tables), jobs, reference) as store:
        findings = list(store.findings(single_source=True))
        finding = find(findings, finding_id)
        if finding is None:
            raise BadInput(
                labels.word("not_found", lang, id=finding_id)
                + " (claimcheck report --format json | jq '.findings[].id')"
            )
        data = view_data(store, [finding], lang)
    echo_lines(full(finding, data), colour)
