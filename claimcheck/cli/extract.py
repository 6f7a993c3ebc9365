"""`claimcheck extract`: write, check or print the claim tables."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli.common import (
    BadInput,
    format_option,
    jobs_option,
    reports_input_errors,
    spooled_stdout,
    stderr_console,
    workspace,
    write_json_list,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Folder of the claim tables (and of overrides.yaml) [default: ./claims, or the bundled "
    "tables with the bundled corpus].",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 with a diff when the tables are stale."
)
@format_option(
    ["yaml", "json"],
    help="yaml writes the tables; json prints the claims to stdout and writes nothing.",
)
@jobs_option()
@click.option("--force", is_flag=True, help="Overwrite tables even where they were edited by hand.")
@reports_input_errors
def extract(
    paths: tuple[str, ...], out_dir: str | None, check: bool, fmt: str, jobs: int, force: bool
) -> None:
    """Extract claims from articles into claim tables, claims/<article-id>.yaml.

    PATHS are article files or folders. With none: ./seeds and ./claims when the working folder
    has a seeds/ folder (see `claimcheck init`), else the bundled corpus and its bundled tables,
    which --check can check but which are never written; the first line on standard error says
    which. Corrections belong in claims/overrides.yaml (confirm, correct or reject a claim by
    id) and survive re-extraction.

    \b
    Exit status: 0 done (or tables fresh with --check), 1 tables stale (--check), 2 bad input.

    \b
    Examples:
      claimcheck extract                      # write claims/*.yaml for ./seeds
      claimcheck extract --check              # in CI: fail with a diff when claims/ is stale
      claimcheck extract seeds/ --format json | jq '.[] | select(.topic == "training_cost")'
    """
    from claimcheck.fileio import StagedWrites
    from claimcheck.tables import stage_table, stray_tables, table_change

    chosen = workspace(paths, out_dir)
    sources = chosen.paths
    folder = chosen.tables
    if fmt == "json":
        with spooled_stdout() as out:
            claims = (
                c.model_dump(mode="json")
                for a in _run(sources, folder, jobs, render=False)
                for c in a.claims
            )
            write_json_list(out, claims)
            out.write("\n")
        return
    err = stderr_console()
    if check:
        stale, ids = 0, []
        with spooled_stdout() as out:
            for article in _run(sources, folder, jobs):
                ids.append(article.id)
                change = table_change(folder, article.id, article.table)
                if change is not None:
                    out.write(change.diff())
                    stale += 1
            for stray in stray_tables(folder, ids) if chosen.chosen else []:
                out.write(f"{stray.path}: would be removed\n")
                stale += 1
        if not stale:
            err.print(f"claim tables in {chosen.tables_shown} are fresh ({len(ids)} articles)")
            return
        err.print(
            f"[red]{stale} claim table(s) in {chosen.tables_shown} are stale[/red]: "
            "run `claimcheck extract` and commit the result"
        )
        sys.exit(1)
    if chosen.bundled:
        raise BadInput(
            "the bundled corpus's claim tables ship with claimcheck and are not written here: "
            "give --out DIR, or run `claimcheck init` to start a corpus of your own in seeds/"
        )
    # Each table is staged beside its place as soon as it is made, and all are renamed into
    # place at the end: an error in any article leaves every table as it was.
    total = written = articles = 0
    with StagedWrites() as staged:
        for article in _run(sources, folder, jobs):
            articles += 1
            total += article.claim_count
            change = table_change(folder, article.id, article.table)
            if change is not None:
                stage_table(staged, change, force=force)
                written += 1
    err.print(f"{total} claims from {articles} articles; {written} table(s) written to {folder}/")


def _run(sources: list[str] | None, folder: Path, jobs: int, render: bool = True):
    """The articles' claims, one article at a time, with a progress bar on a terminal for runs of
    20 articles or more (the pipeline says how many there are; nothing is listed twice). With
    `render`, their tables and claim counts instead of the claims."""
    from claimcheck.pipeline import extract_paths

    if not sys.stderr.isatty():
        yield from extract_paths(sources, folder, jobs, render=render, claims=not render)
        return
    from rich.progress import Progress

    with Progress(console=stderr_console(), transient=True) as bar:
        tasks: list = []

        def advance(done: int, total: int) -> None:
            if total < 20:
                return
            if not tasks:
                tasks.append(bar.add_task("extracting", total=total))
            bar.update(tasks[0], completed=done)

        yield from extract_paths(
            sources, folder, jobs, progress=advance, render=render, claims=not render
        )
