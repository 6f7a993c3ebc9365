"""`claimcheck extract`: write, check or print the claim tables."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claimcheck.cli.common import reports_input_errors, stderr_console


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--out",
    "out_dir",
    default="claims",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder of the claim tables (and of overrides.yaml).",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 with a diff when the tables are stale."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="yaml writes the tables; json prints the claims to stdout and writes nothing.",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Extract articles in this many processes.",
)
@click.option("--force", is_flag=True, help="Overwrite tables even where they were edited by hand.")
@reports_input_errors
def extract(
    paths: tuple[str, ...], out_dir: str, check: bool, fmt: str, jobs: int, force: bool
) -> None:
    """Extract claims from articles into claim tables, claims/<article-id>.yaml.

    PATHS are article files or folders; with none, the bundled corpus. Corrections belong in
    claims/overrides.yaml (confirm, correct or reject a claim by id) and survive re-extraction.

    \b
    Exit status: 0 done (or tables fresh with --check), 1 tables stale (--check), 2 bad input.

    \b
    Examples:
      claimcheck extract                      # write claims/*.yaml for the bundled corpus
      claimcheck extract --check              # in CI: fail with a diff when claims/ is stale
      claimcheck extract seeds/ --format json | jq '.[] | select(.topic == "training_cost")'
    """
    from claimcheck.load import load_articles
    from claimcheck.pipeline import claims_with_overrides
    from claimcheck.tables import planned_tables, render_table, stray_tables, write_tables

    folder = Path(out_dir)
    articles = load_articles(list(paths) or None)
    claims = claims_with_overrides(_run(articles, jobs), folder)
    if fmt == "json":
        flat = [c.model_dump(mode="json") for a in articles for c in claims[a.id]]
        click.echo(json.dumps(flat, ensure_ascii=False, indent=2))
        return
    rendered = {a.id: render_table(a, claims[a.id]) for a in articles}
    changes = planned_tables(folder, rendered)
    err = stderr_console()
    if check:
        strays = stray_tables(folder, rendered) if not paths else []
        if not changes and not strays:
            err.print(f"claim tables in {folder}/ are fresh ({len(rendered)} articles)")
            return
        for change in changes + strays:
            click.echo(change.diff() or f"{change.path}: would be removed", nl=False)
        err.print(
            f"[red]{len(changes) + len(strays)} claim table(s) in {folder}/ are stale[/red]: "
            "run `claimcheck extract` and commit the result"
        )
        sys.exit(1)
    write_tables(changes, force=force)
    total = sum(len(c) for c in claims.values())
    err.print(
        f"{total} claims from {len(articles)} articles; {len(changes)} table(s) written to {folder}/"
    )


def _run(articles, jobs):
    from claimcheck.pipeline import extract_many

    if not sys.stderr.isatty() or len(articles) < 20:
        return extract_many(articles, jobs)
    from rich.progress import Progress

    with Progress(console=stderr_console(), transient=True) as bar:
        task = bar.add_task("extracting", total=len(articles))
        return extract_many(articles, jobs, progress=lambda n: bar.advance(task, n))
