"""`claimcheck explain ID`: one finding in full, for every finding the report makes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.cli.report_view import as_text
from claimcheck.models import Claim, Finding
from claimcheck.reference import load_reference
from claimcheck.render.explain import find, full
from claimcheck.render.view import ViewData

ENV = {"COLUMNS": "100", "CLAIMCHECK_CACHE_DIR": "off", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def report_json():
    result = CliRunner(env=ENV).invoke(main, ["report", "--format", "json", "--single-source"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def _flat(text: str) -> str:
    """Lines joined as one text (explain wraps at spaces), the figure's «» marks taken out."""
    return " ".join(text.replace("«", "").replace("»", "").split())


def _explained(report_json, row, lang="en") -> str:
    data = ViewData(
        lang=lang,
        width=100,
        articles={a["id"]: a for a in report_json["articles"]},
        claims={c["id"]: Claim.model_validate(c) for c in report_json["claims"]},
        facts={f.id: f for f in load_reference().all_facts()},
    )
    return as_text(full(Finding.model_validate(row), data), colour=False)


def test_every_finding_is_explained_in_full(report_json):
    claims = {c["id"]: c for c in report_json["claims"]}
    assert len(report_json["findings"]) > 20
    for row in report_json["findings"]:
        text = _explained(report_json, row)
        flat = _flat(text)
        assert row["id"] in text
        for claim_id in row["claims"]:
            assert claim_id in text
        for article_id in row["articles"]:
            assert article_id in text
        for source in row["sources"]:
            # every source: its claim, its whole sentence and the line it stands on
            assert source["claim"] in text
            sentence = claims[source["claim"]]["sentence"]
            assert " ".join(sentence.split()) in flat, (row["id"], sentence)
            assert f"line {source['line']}" in text
        for step in row["arithmetic"]:
            assert " ".join(step.split()) in flat, (row["id"], step)
        if row["reference"]:
            ref = row["reference"]
            for part in (ref["quote"], ref["source_locator"], ref["source_title"], ref["fact"]):
                assert " ".join(part.split()) in flat, (row["id"], part)


def test_the_figure_is_marked_in_its_sentence(report_json):
    claims = {c["id"]: c for c in report_json["claims"]}
    row = next(
        f
        for f in report_json["findings"]
        if f["sources"] and claims[f["sources"][0]["claim"]]["quantity"]
    )
    figure = claims[row["sources"][0]["claim"]]["quantity"]["text"]
    assert f"«{figure}»" in _explained(report_json, row)


def test_korean_explain_uses_korean_heads(report_json):
    row = next(f for f in report_json["findings"] if f["reference"] and f["arithmetic"])
    text = _explained(report_json, row, "ko")
    for head in ("판정 번호: ", "기사 속 문장", "계산", "참조 사실", "출처 내 위치: ", "주장"):
        assert head in text
    assert "Arithmetic" not in text and "Reference" not in text


def test_find_by_id_or_by_its_unique_tail():
    def f(fid):
        return Finding(
            id=fid,
            kind="reference",
            topic="gpu_count",
            subject=None,
            object=None,
            verdict="refuted",
            articles=[],
            claims=[],
            explanation="",
            explanation_ko="",
        )

    findings = [f("reference:aa11"), f("cross_source:bb22"), f("internal:bb22")]
    assert find(findings, "reference:aa11").id == "reference:aa11"
    assert find(findings, "aa11").id == "reference:aa11"
    assert find(findings, "bb22") is None  # two findings end so: not a guess
    assert find(findings, "a11") is None  # a tail is a whole part after the colon


def test_cli_explains_one_finding_of_each_kind(report_json):
    runner = CliRunner(env=ENV)
    for kind in ("reference", "cross_source", "internal"):
        row = next(f for f in report_json["findings"] if f["kind"] == kind)
        result = runner.invoke(main, ["explain", row["id"]])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[1] == f"id: {row['id']}"


def test_cli_unknown_id_is_one_line_and_exit_2():
    result = CliRunner(env=ENV).invoke(main, ["explain", "reference:nope"])
    assert result.exit_code == 2
    # after the line naming the corpus the command chose (issue 16), one line of error
    lines = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and not line.startswith("claimcheck: corpus")
    ]
    assert len(lines) == 1 and "no finding with id reference:nope" in lines[0]
