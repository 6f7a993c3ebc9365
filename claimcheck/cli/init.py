"""`claimcheck init`: set up a newsroom's repository for its own articles."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.common import reports_input_errors


@click.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@reports_input_errors
def init(folder: str) -> None:
    """Set up FOLDER (default: here) for checking your own articles.

    Writes seeds/manifest.yaml (put your articles beside it), claims/overrides.yaml (the desk's
    corrections), claims/reference.yaml (your reference facts, added to the bundled ones),
    .github/workflows/claims.yml (the CI recipe) and a README section. It overwrites nothing:
    when any of those files exists it writes nothing and exits 2.

    \b
    Exit status: 0 set up, 2 a file exists already (or FOLDER is not a folder).

    \b
    Examples:
      claimcheck init newsroom-claims && cd newsroom-claims
      cp ~/drafts/2025-01-28-chips.txt seeds/ && claimcheck extract && claimcheck report
    """
    from claimcheck.scaffold import init as scaffold

    for written in scaffold(Path(folder)):
        click.echo(f"{written.how} {written.path.as_posix()}", err=True)
    click.echo(
        "next: put articles in seeds/, run `claimcheck extract`, commit seeds/ and claims/",
        err=True,
    )
