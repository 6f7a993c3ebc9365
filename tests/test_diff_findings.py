"""`claimcheck diff` on findings: one line per finding whose verdict or figures changed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    root = tmp_path_factory.mktemp("diff")
    fixed = root / "seeds-fixed"
    shutil.copytree(SEEDS, fixed)
    article = fixed / "001_f7a9af24cacc642e.txt"
    # with the digit restored, 001 agrees with the round-up's "2천여 대" (2048 is in 2000–3000)
    article.write_text(
        article.read_text(encoding="utf-8").replace("248개", "2048개"), encoding="utf-8"
    )
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(fixed), "--out", str(root / "fixed")]).exit_code == 0
    assert runner.invoke(main, ["extract", str(SEEDS), "--out", str(root / "seeds")]).exit_code == 0
    return root / "fixed", root / "seeds"


def test_a_new_contradiction_fails(tables):
    fixed, original = tables
    result = CliRunner().invoke(
        main, ["diff", str(fixed), str(original), "--fail-on-new", "contradiction"]
    )
    assert result.exit_code == 1
    assert "new contradiction" in result.stderr


def test_a_resolved_contradiction_does_not(tables):
    fixed, original = tables
    result = CliRunner().invoke(
        main, ["diff", str(original), str(fixed), "--fail-on-new", "contradiction"]
    )
    assert result.exit_code == 0


def test_verdict_changes_are_listed_by_finding(tables):
    fixed, original = tables
    result = CliRunner().invoke(main, ["diff", str(fixed), str(original), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    # 2048개 → 248개 is one edited figure: the claim keeps its id and is changed, not replaced
    assert data["counts"]["added"] == data["counts"]["removed"] == 0
    assert data["counts"]["changed"] == 1
    (change,) = [c for c in data["changed"] if c["status"] == "changed"]
    assert change["topic"] == "gpu_count" and change["article"] == "001_f7a9af24cacc642e"
    assert {(f["field"], f["old"], f["new"]) for f in change["fields"]} >= {
        ("quantity", "2,048", "248")
    }
    cluster = [
        v
        for v in data["verdicts"]
        if v["article"] == "001_f7a9af24cacc642e"
        and v["kind"] == "reference"
        and v["about"].endswith("against v3-cluster-size")
    ]
    # DeepSeek-V3's cluster was 2,048 H800s: 2048 is supported, 248 is refuted; one line
    assert [(v["old"], v["new"], v["old_figures"], v["new_figures"]) for v in cluster] == [
        ("supported", "refuted", ["2,048"], ["248"])
    ]
    across = [v for v in data["verdicts"] if v["about"] == "gpu_count across sources"]
    # the round-up's 2천여 대 (2,000 and more) holds 2048, not 248
    assert [(v["new"], v["old_figures"], v["new_figures"]) for v in across] == [
        ("contradiction", ["2,048", "2,000+"], ["248", "2,000+"])
    ]


def test_the_text_format_says_each_finding_once(tables):
    fixed, original = tables
    result = CliRunner().invoke(main, ["diff", str(fixed), str(original)])
    lines = [line for line in result.stdout.splitlines() if line.startswith("! ")]
    assert "! gpu_count across sources: " in "\n".join(lines)
    assert len(lines) == len(set(lines)) == 2


def test_findings_pair_up_across_a_change_of_claim_ids(tmp_path):
    # The same claims under other ids (as after claimcheck's change of id scheme): every claim is
    # added and removed, but each finding reads the same on both sides, so none is listed.
    root = Path(__file__).resolve().parent.parent
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for table in (root / "claims").glob("0*.yaml"):
        text = re.sub(r"(?m)^(  - id: )(\S+)$", r"\1\2-x", table.read_text(encoding="utf-8"))
        (renamed / table.name).write_text(text, encoding="utf-8")
    shutil.copy(root / "claims" / "reference.yaml", renamed / "reference.yaml")
    result = CliRunner().invoke(
        main,
        ["diff", str(renamed), str(root / "claims"), "--format", "json"]
        + ["--fail-on-new", "refuted", "--fail-on-new", "contradiction"],
    )
    data = json.loads(result.stdout)
    assert data["counts"]["added"] == data["counts"]["removed"] > 0
    assert data["verdicts"] == []
    assert result.exit_code == 0  # no refuted claim or contradiction is new
