"""JSON export: the report as its model dumps it, with only the chosen findings."""

from __future__ import annotations

import json

from claimcheck.models import Finding, Report
from claimcheck.render.common import RenderOptions


def write(report: Report, findings: list[Finding], options: RenderOptions | None = None) -> str:
    from claimcheck.models import FindingLabels
    from claimcheck.render.words import finding_labels

    labelled = [
        f.model_copy(
            update={"labels": FindingLabels.model_validate(finding_labels(f.model_dump()))}
        )
        for f in findings
    ]
    data = report.model_copy(update={"findings": labelled}).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
