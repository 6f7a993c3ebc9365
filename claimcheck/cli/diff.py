"""`claimcheck diff`: what changed between two sets of claim tables (folders or git revisions)."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.common import format_option, reports_input_errors


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@format_option(
    ["text", "json", "markdown", "github"],
    help="github prints GitHub Actions annotations at the claim's seed file and line.",
)
@click.option(
    "--tables",
    "claims_dir",
    default="claims",
    show_default=True,
    help="The folder of claim tables, in the working tree and inside revisions.",
)
@click.option(
    "--seeds-dir",
    default="seeds",
    show_default=True,
    help="github format: the folder of the articles the tables name.",
)
@click.option(
    "--ignore-moves",
    is_flag=True,
    help="Do not count claims whose only change is their position in the file.",
)
@click.option(
    "--fail-on-new",
    "fail_on_new",
    multiple=True,
    help="Exit 1 only when NEW has a finding with this verdict that OLD did not (repeatable).",
)
@reports_input_errors
def diff(
    old: str | None,
    new: str | None,
    fmt: str,
    claims_dir: str,
    seeds_dir: str,
    ignore_moves: bool,
    fail_on_new: tuple[str, ...],
) -> None:
    """Show claims added, removed and changed, and findings whose verdict changed.

    OLD and NEW are folders of claim tables or git revisions (a revision means the --tables
    folder as committed there). OLD defaults to HEAD, NEW to that folder in the working tree.
    Claims are matched by id, which an edit to a figure or to the words around it keeps; a
    changed figure is shown in words (gpu_count: 2,000+ → 3,000+), other fields old → new.
    Findings are listed once each when their verdict or figures changed.

    \b
    Exit status: 0 nothing changed, 1 something changed, 2 bad input (not a folder or revision).
    With --fail-on-new: 1 only when a finding with one of those verdicts is new.

    \b
    Examples:
      claimcheck diff                                  # claims/ at HEAD against the working tree
      claimcheck extract && claimcheck diff            # after editing an article in seeds/
      claimcheck diff origin/main --format github      # in CI: annotations on the seed lines
      claimcheck diff old-claims/ claims/ --format json | jq .counts
      claimcheck diff HEAD~3 HEAD --format markdown
    """
    from claimcheck.diff import compare, load_side
    from claimcheck.discover import SEEDS_DIR
    from claimcheck.render import diff_formats

    if old is None and new is None:
        from pathlib import Path

        corpus = f"{SEEDS_DIR}/ (working folder)" if Path(SEEDS_DIR).is_dir() else "no seeds/ here"
        click.echo(
            f"claimcheck: corpus {corpus}; tables {claims_dir}/ at HEAD → {claims_dir}/ "
            "(working tree)",
            err=True,
        )
    before = load_side(old or "HEAD", claims_dir)
    after = load_side(new, claims_dir)
    result = compare(before, after, ignore_moves=ignore_moves)
    if fmt == "github":
        click.echo(diff_formats.github(result, seeds_dir), nl=False)
    else:
        click.echo(diff_formats.FORMATS[fmt](result), nl=False)
    if fmt != "text":
        click.echo(diff_formats.summary(result), err=True)
    if not result.findings_compared:
        click.echo(
            "claimcheck: findings were not compared (no reconciler for claim tables yet)", err=True
        )
    if fail_on_new:
        new_ones = [v for v in result.verdicts if v.new in fail_on_new and v.old != v.new]
        for change in new_ones:
            click.echo(f"claimcheck: new {change.new}: {change.summary()}", err=True)
        sys.exit(1 if new_ones else 0)
    sys.exit(1 if result.has_changes else 0)
