"""`claimcheck report`: the findings a fact-checker reads, in the terminal, as JSON or Markdown."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import (
    echo_json_lists,
    format_option,
    jobs_option,
    lang_option,
    no_cache_option,
    overrides_folder_option,
    pager_option,
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
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Every finding in the compact form, worst first (default: the story and the problems).",
)
@overrides_folder_option()
@rates_option()
@jobs_option()
@no_cache_option()
@click.option(
    "--explain-skips",
    is_flag=True,
    help="Under each finding, the figures that were not compared and the frame slot that kept "
    "them apart (whose, what, when, scope); JSON always has them in `skipped`.",
)
@pager_option()
@reports_input_errors
def report(
    paths,
    lang,
    fmt,
    topics,
    verdicts,
    fail_on,
    single_source,
    show_all,
    tables_dir,
    rate_files,
    jobs,
    no_cache,
    explain_skips,
    no_pager,
):
    """Reconcile claims across sources, within articles and against the reference table.

    With no PATHS, ./seeds if the working folder has one (with ./claims), else the bundled corpus;
    the first line on standard error says which. The terminal view leads with the story (the few
    problems that matter most, in plain sentences), then each problem worst first in a few lines:
    its sources with the figure marked, the arithmetic, the reference and the finding's id. A
    tally counts the rest; --all shows every finding, `claimcheck explain ID` one in full. Longer
    than the screen, it opens in $PAGER (or less -FRX), as git does.

    \b
    Exit status: 0 done, 1 a finding matched --fail-on, 2 bad input.

    \b
    Examples:
      claimcheck report
      claimcheck report --lang ko --all
      claimcheck report --topic training_cost --verdict inconsistent
      claimcheck report --format json | jq '.findings[] | select(.verdict == "refuted")'
      claimcheck report --fail-on contradiction --fail-on refuted
      claimcheck report --rates DEXKOUS.csv news/   # a FRED download for later dates
    """
    from claimcheck import outputcache
    from claimcheck.cli.report_view import paged, use_colour

    colour = fmt == "table" and use_colour()
    chosen = workspace(paths, tables_dir)
    options = (chosen, lang, fmt, topics, verdicts, fail_on, single_source, rate_files)
    extra = dict(jobs=jobs, show_all=show_all, colour=colour, explain_skips=explain_skips)
    # --jobs and --no-pager change how a report is made or shown, not what it says: they are
    # not part of the key.
    shown = [list(paths), lang, fmt, list(topics), list(verdicts), list(fail_on), single_source]
    shown += [show_all, explain_skips]
    key = (
        None
        if no_cache
        else outputcache.extraction_key(
            "report", shown, chosen.paths or [], str(chosen.tables), rate_files
        )
    )
    with paged(fmt == "table" and not no_pager):
        if key is None:
            return _report(*options, **extra)
        code = outputcache.replay(key)
        if code is None:
            return outputcache.record(key, lambda: _report(*options, **extra))
    if code:
        sys.exit(code)


def _report(
    chosen,
    lang,
    fmt,
    topics,
    verdicts,
    fail_on,
    single_source,
    rate_files,
    jobs=1,
    show_all=False,
    colour=False,
    explain_skips=False,
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
                    ("findings", _labelled(store.finding_rows(**shown))),
                    ("summary", store.summary().model_dump(mode="json")),
                ]
            )
        elif fmt == "markdown":
            from claimcheck.cli.report_view import markdown

            for line in markdown(store, store.findings(**shown), lang):
                click.echo(line)
        else:
            from claimcheck.cli.report_view import terminal

            terminal(
                store,
                store.findings(**shown),
                lang,
                topics=topics,
                show_all=show_all,
                chosen=bool(verdicts),
                colour=colour,
                explain_skips=explain_skips,
            )
        failing = sum(
            n for (_, _, verdict), n in store.verdict_counts(topics).items() if verdict in fail_on
        )
    if failing:
        click.echo(
            f"claimcheck: {failing} finding(s) matched --fail-on {','.join(fail_on)}", err=True
        )
        sys.exit(1)


def _labelled(rows):
    """Findings with their slugs in words (`labels`), for readers of the JSON."""
    from claimcheck.render.words import finding_labels

    for row in rows:
        row["labels"] = finding_labels(row)
        yield row
