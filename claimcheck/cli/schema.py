"""`claimcheck schema`: the JSON Schema of each record claimcheck reads or writes."""

from __future__ import annotations

import json

import click

RECORDS = {
    "claim": "Claim",
    "finding": "Finding",
    "report": "Report",
    "quantity": "Quantity",
    "manifest": "Manifest",
    "overrides": "Overrides",
    "front-matter": "FrontMatter",
}


@click.command()
@click.argument("record", type=click.Choice(sorted(RECORDS)), default="report")
def schema(record: str) -> None:
    """Print the JSON Schema of RECORD (default: report), generated from the pydantic models.

    \b
    Examples:
      claimcheck schema claim
      claimcheck schema overrides > overrides.schema.json
    """
    from claimcheck import models

    model = getattr(models, RECORDS[record])
    click.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True))
