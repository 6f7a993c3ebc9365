"""`claimcheck report`: the findings a fact-checker reads, in the terminal, as JSON or Markdown."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import (
    echo_json_lists,
    format_option,
    jobs_option,
    lang_option,
    overrides_folder_option,
    rates_option,
    reference_of,
    reports_input_errors,
    verdict_option,
    workspace,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@lang_option()
@format_option(
    ["table", "json", "markdown"],
    help="table for the terminal, json for scripts, markdown for a PR or wiki.",
)
@click.option("--topic", "topics", multiple=True, help="Only findings on this topic (repeatable).")
@verdict_option("--verdict", "verdicts", help="Only findings with this verdict (repeatable).")
@verdict_option(
    "--fail-on", "fail_on", help="Exit 1 when a finding has this verdict (repeatable), e.g. for CI."
)
@click.option(
    "--single-source/--no-single-source",
    default=False,
    show_default=True,
    help="List findings that only one source states (always counted in the overview).",
)
@overrides_folder_option()
@rates_option()
@jobs_option()
@click.option(
    "--no-cache",
    is_flag=True,
    help="Compute afresh; do not replay or keep the output (see README: the output cache).",
)
@reports_input_errors
def report(
    paths,
    lang,
    fmt,
    topics,
    verdicts,
    fail_on,
    single_source,
    tables_dir,
    rate_files,
    jobs,
    no_cache,
):
    """Reconcile claims across sources, within articles and against the reference table.

    With no PATHS, ./seeds if the working folder has one (with ./claims), else the bundled corpus;
    the first line on standard error says which. Each finding shows its sources side by side,
    the arithmetic and, for reference checks, the fact and its source.

    \b
    Exit status: 0 done, 1 a finding matched --fail-on, 2 bad input.

    \b
    Examples:
      claimcheck report
      claimcheck report --lang ko --topic training_cost
      claimcheck report --format json | jq '.findings[] | select(.verdict == "refuted")'
      claimcheck report --fail-on contradiction --fail-on refuted
      claimcheck report --rates DEXKOUS.csv news/   # a FRED download for later dates
    """
    from claimcheck import outputcache

    chosen = workspace(paths, tables_dir)
    options = (chosen, lang, fmt, topics, verdicts, fail_on, single_source, rate_files)
    # --jobs changes how long a report takes, not what it says: it is not part of the key.
    shown = [list(paths), lang, fmt, list(topics), list(verdicts), list(fail_on), single_source]
    key = (
        None
        if no_cache
        else outputcache.extraction_key(
            "report", shown, chosen.paths or [], str(chosen.tables), rate_files
        )
    )
    if key is None:
        return _report(*options, jobs=jobs)
    code = outputcache.replay(key)
    if code is None:
        return outputcache.record(key, lambda: _report(*options, jobs=jobs))
    if code:
        sys.exit(code)


def _report(
    chosen, lang, fmt, topics, verdicts, fail_on, single_source, rate_files, jobs=1
) -> None:
    from claimcheck.cli.common import use_rate_files
    from claimcheck.reconcile import store_for_paths

    use_rate_files(str(chosen.tables), rate_files)  # a bad rate file fails before any article
    reference = reference_of(chosen)
    with store_for_paths(chosen.paths, str(chosen.tables), jobs, reference) as store:
        shown = dict(topics=topics, verdicts=verdicts, single_source=single_source)
        if fmt == "json":
            echo_json_lists(
                [
                    ("articles", store.article_rows()),
                    ("claims", store.claim_rows()),
                    ("findings", store.finding_rows(**shown)),
                    ("summary", store.summary().model_dump(mode="json")),
                ]
            )
        elif fmt == "markdown":
            from claimcheck.cli.report_view import markdown

            for line in markdown(store, store.findings(**shown), lang):
                click.echo(line)
        else:
            from claimcheck.cli.report_view import terminal

            terminal(store, store.findings(**shown), lang)
        failing = sum(
            n for (_, _, verdict), n in store.verdict_counts(topics).items() if verdict in fail_on
        )
    if failing:
        click.echo(
            f"claimcheck: {failing} finding(s) matched --fail-on {','.join(fail_on)}", err=True
        )
        sys.exit(1)
