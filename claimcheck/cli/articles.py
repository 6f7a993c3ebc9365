"""`claimcheck articles` and `claimcheck show`: what the loader made of each page."""

from __future__ import annotations

import click

from claimcheck.cli.common import (
    corpus,
    echo_json,
    format_option,
    reports_input_errors,
    stdout_console,
)

UNKNOWN = "unknown"


def _summary(article) -> dict:
    meta = article.meta
    return {
        "id": article.id,
        "title": meta.title,
        "outlet": meta.outlet,
        "author": meta.author,
        "published": meta.published.isoformat() if meta.published else None,
        "kind": meta.kind,
        "language": meta.language,
        "metadata_source": meta.source,
        "unknown": dict(sorted(meta.unknown.items())),
        "path": article.path,
        "encoding": article.encoding,
        "stories": len(article.stories),
        "sentences": len(article.sentences),
        "boilerplate_lines": sum(
            b.text.count("\n") + 1 for b in article.blocks if b.kind == "boilerplate"
        ),
    }


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@format_option(["table", "json"], help="table for people, json for scripts.")
@reports_input_errors
def articles(paths: tuple[str, ...], fmt: str) -> None:
    """List articles: id, title, outlet, date, kind, stories, sentences, boilerplate lines.

    PATHS are article files (.txt, .md, .html) or folders of them; with none, ./seeds when the
    working folder has one, else the bundled corpus (the first line on standard error says which).

    \b
    Examples:
      claimcheck articles
      claimcheck articles my-articles/ --format json | jq '.[].title'
    """
    from claimcheck.load import load_articles

    rows = [_summary(a) for a in load_articles(corpus(paths))]
    if fmt == "json":
        echo_json(rows)
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} articles", show_lines=False)
    for name in ("id", "title", "outlet", "date", "kind", "stories", "sentences", "boilerplate"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(
            row["id"],
            row["title"] or f"[dim]{UNKNOWN}[/dim]",
            row["outlet"] or f"[dim]{UNKNOWN}[/dim]",
            row["published"] or f"[dim]{UNKNOWN}[/dim]",
            row["kind"] or f"[dim]{UNKNOWN}[/dim]",
            str(row["stories"]),
            str(row["sentences"]),
            str(row["boilerplate_lines"]),
        )
    console = stdout_console()
    console.print(table)
    missing = [r["id"] for r in rows if r["metadata_source"] == "none"]
    if missing:
        console.print(
            "[yellow]No metadata (no manifest entry or front matter) for: "
            f"{', '.join(missing)}[/yellow]"
        )


STYLES = {
    "title": "bold",
    "heading": "bold cyan",
    "summary": "green",
    "body": "",
    "boilerplate": "dim",
}


@click.command()
@click.argument("article")
@click.option(
    "--in",
    "paths",
    multiple=True,
    type=click.Path(),
    help="Where to look for ARTICLE by id (file or folder; repeatable). "
    "Default: ./seeds when the working folder has one, else the bundled corpus.",
)
@reports_input_errors
def show(article: str, paths: tuple[str, ...]) -> None:
    """Show ARTICLE (an id or a file path) with its structure visible.

    The title and story headlines are bold, summary bullets green, headings cyan; page furniture
    (boilerplate) is dimmed with the reason it was set aside.

    \b
    Examples:
      claimcheck show 004_f05803455ba62a11
      claimcheck show path/to/article.txt
    """
    from rich.markup import escape

    from claimcheck.discover import resolve_workspace
    from claimcheck.load import find_article

    found = find_article(article, list(paths) or resolve_workspace().paths)
    console = stdout_console()
    meta = found.meta
    console.print(f"[bold]{escape(found.id)}[/bold]  ({escape(found.path)}, {found.encoding})")
    for field in ("title", "outlet", "author", "published", "kind", "language"):
        value = getattr(meta, field)
        if value is None:
            why = meta.unknown.get(field, "no manifest entry or front matter")
            console.print(f"  {field}: [dim]unknown — {escape(why)}[/dim]")
        else:
            console.print(f"  {field}: {escape(str(value))}")
    console.print()
    story = None
    for block in found.blocks:
        if block.story is not None and block.story != story and block.kind != "boilerplate":
            story = block.story
            headline = found.stories[story].headline
            console.print(f"[magenta]── story {story + 1}: {escape(headline)}[/magenta]")
        label = block.kind if block.kind != "boilerplate" else f"boilerplate: {block.reason}"
        style = STYLES[block.kind]
        text = escape(block.text)
        line = f"{block.line:>4} " + escape(f"[{label}]") + f" {text}"
        console.print(f"[{style}]{line}[/{style}]" if style else line)
