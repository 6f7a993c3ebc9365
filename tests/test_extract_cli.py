"""`claimcheck extract`: claim tables, --check, overrides, hand edits, JSON, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture()
def workdir(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return tmp_path


def run(*args, cwd: Path):
    """Run a command from `cwd` (the default claims/ folder is relative to it)."""
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def test_extract_writes_one_table_per_article_grouped_by_topic(workdir):
    result = run("extract", "seeds", cwd=workdir)
    assert result.exit_code == 0, result.output
    tables = sorted(p.name for p in (workdir / "claims").glob("*.yaml"))
    assert tables == sorted(p.stem + ".yaml" for p in (workdir / "seeds").glob("*.txt"))
    table = yaml.safe_load(
        (workdir / "claims" / "004_f05803455ba62a11.yaml").read_text(encoding="utf-8")
    )
    assert table["article"] == "004_f05803455ba62a11" and table["published"] == "2025-01-31"
    costs = table["topics"]["training_cost"]
    assert any("560만 달러(한화 약 81억 원)" in row["quote"] for row in costs)


def test_tables_are_byte_identical_on_reextraction_and_check_passes(workdir):
    run("extract", "seeds", cwd=workdir)
    before = {p.name: p.read_bytes() for p in (workdir / "claims").glob("*.yaml")}
    run("extract", "seeds", cwd=workdir)
    after = {p.name: p.read_bytes() for p in (workdir / "claims").glob("*.yaml")}
    assert before == after
    check = run("extract", "seeds", "--check", cwd=workdir)
    assert check.exit_code == 0


def test_check_fails_with_a_readable_diff_when_a_seed_changes(workdir):
    run("extract", "seeds", cwd=workdir)
    seed = workdir / "seeds" / "003_c74ff3c273b5c269.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("약 17%", "약 12%"), encoding="utf-8")
    result = run("extract", "seeds", "--check", cwd=workdir)
    assert result.exit_code == 1
    assert "--- claims/003_c74ff3c273b5c269.yaml (committed)" in result.output
    assert "+" in result.output and "약 12%" in result.output
    # --check writes nothing
    assert "약 17%" in (workdir / "claims" / "003_c74ff3c273b5c269.yaml").read_text(
        encoding="utf-8"
    )


def _first_claim(workdir, article="003_c74ff3c273b5c269", topic="stock_change"):
    table = yaml.safe_load((workdir / "claims" / f"{article}.yaml").read_text(encoding="utf-8"))
    return table["topics"][topic][0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_overrides_survive_reextraction(workdir, jobs):
    # With --jobs 2 the overrides are applied in the worker processes.
    run("extract", "seeds", cwd=workdir)
    row = _first_claim(workdir)
    overrides = {
        "overrides": [
            {
                "claim": row["id"],
                "action": "correct",
                "set": {"subject": "nvidia", "attributes": {"date": "2025-01-27"}},
                "note": "the essay means the US close",
                "by": "desk",
            },
        ]
    }
    (workdir / "claims" / "overrides.yaml").write_text(
        yaml.safe_dump(overrides, allow_unicode=True), encoding="utf-8"
    )
    assert run("extract", "seeds", "--jobs", jobs, cwd=workdir).exit_code == 0
    corrected = _first_claim(workdir)
    assert corrected["review"] == "corrected" and corrected["attributes"]["date"] == "2025-01-27"
    assert run("extract", "seeds", "--check", cwd=workdir).exit_code == 0


def test_rejected_claims_are_marked_and_left_out_of_the_report(workdir):
    run("extract", "seeds", cwd=workdir)
    row = _first_claim(workdir)
    (workdir / "claims" / "overrides.yaml").write_text(
        yaml.safe_dump(
            {"overrides": [{"claim": row["id"], "action": "reject", "note": "not a claim"}]}
        ),
        encoding="utf-8",
    )
    run("extract", "seeds", cwd=workdir)
    assert _first_claim(workdir)["review"] == "rejected"
    report = json.loads(
        run("report", "seeds", "--format", "json", "--single-source", cwd=workdir).output
    )
    assert all(row["id"] not in f["claims"] for f in report["findings"])


def test_an_override_that_matches_nothing_is_an_error(workdir):
    run("extract", "seeds", cwd=workdir)
    (workdir / "claims" / "overrides.yaml").write_text(
        "overrides:\n  - claim: 003_c74ff3c273b5c269:stock_change:0000000000\n    action: confirm\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["extract", str(workdir / "seeds"), "--out", str(workdir / "claims")]
    )
    assert result.exit_code == 2
    assert "overrides.yaml" in result.stderr and "matches no claim" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_hand_edits_are_never_overwritten_silently(workdir):
    run("extract", "seeds", cwd=workdir)
    table = workdir / "claims" / "001_f7a9af24cacc642e.yaml"
    edited = table.read_text(encoding="utf-8").replace("stance: asserted", "stance: disputed", 1)
    table.write_text(edited, encoding="utf-8")
    seed = workdir / "seeds" / "001_f7a9af24cacc642e.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("248개", "2048개"), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(workdir / "seeds"), "--out", str(workdir / "claims")]
    )
    assert result.exit_code == 2 and "edited by hand" in result.stderr
    assert table.read_text(encoding="utf-8") == edited
    forced = CliRunner().invoke(
        main, ["extract", str(workdir / "seeds"), "--out", str(workdir / "claims"), "--force"]
    )
    assert forced.exit_code == 0 and "2048개" in table.read_text(encoding="utf-8")


def test_json_prints_claims_and_writes_nothing(workdir):
    result = run("extract", "seeds", "--format", "json", cwd=workdir)
    claims = json.loads(result.output)
    assert not (workdir / "claims").exists()
    keys = {
        "id",
        "article",
        "topic",
        "subject",
        "object",
        "quantity",
        "stance",
        "attributed_to",
        "section",
        "quote",
        "start",
        "end",
        "line",
        "sentence",
    }
    assert keys <= set(claims[0])
    assert {c["article"] for c in claims} == {p.stem for p in (workdir / "seeds").glob("*.txt")}


def test_jobs_give_the_same_tables(workdir):
    serial = json.loads(run("extract", "seeds", "--format", "json", cwd=workdir).output)
    parallel = json.loads(
        run("extract", "seeds", "--format", "json", "--jobs", "2", cwd=workdir).output
    )
    assert serial == parallel


def test_schema_describes_the_claim_record():
    result = CliRunner().invoke(main, ["schema", "claim"])
    schema = json.loads(result.output)
    assert result.exit_code == 0
    assert {"id", "topic", "quote", "start", "end", "line"} <= set(schema["properties"])
