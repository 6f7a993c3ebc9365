"""`claimcheck diff` compares findings too: a contradiction that appears is reported by claim id."""

from __future__ import annotations

import json
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


def test_verdict_changes_are_listed_by_claim(tables):
    fixed, original = tables
    result = CliRunner().invoke(main, ["diff", str(fixed), str(original), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    cluster = [
        v
        for v in data["verdicts"]
        if v["article"] == "001_f7a9af24cacc642e"
        and v["kind"] == "reference"
        and v["about"] == "v3-cluster-size"
    ]
    # the claim's text changed, so its id did: the supported claim goes, a refuted one comes
    assert {(v["old"], v["new"]) for v in cluster} == {("supported", None), (None, "refuted")}
