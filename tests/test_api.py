"""The Python API (claimcheck.load, extract, reconcile, normalize): the pydantic models, whose
model_dump is the JSON the command line prints, imported lazily."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimcheck
from claimcheck.cli import main
from claimcheck.errors import InputError
from claimcheck.models import Article, Claim, Finding, Quantity

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_f05803455ba62a11.txt"
TEXT = (
    "딥시크 칩 보도\n\n딥시크는 엔비디아 H800 칩 2천여 대로 V3를 훈련했다고 밝혔다.\n"
    "훈련 비용은 약 560만 달러(약 81억 원)였다.\n"
)


def test_load_a_file_with_its_manifest():
    article = claimcheck.load(SEED)
    assert isinstance(article, Article) and article.id == SEED.stem
    # seeds/manifest.yaml gives 004's date, read from its line 2
    assert article.meta.published == dt.date(2025, 1, 31)
    assert claimcheck.load(str(SEED)) == article  # a string naming the file reads the file


def test_load_text_with_a_date():
    article = claimcheck.load(TEXT, published="2025-01-28", article_id="chips")
    assert article.id == "chips" and article.meta.published == dt.date(2025, 1, 28)
    assert "published" not in article.meta.unknown
    assert [s.text for s in article.sentences][1].startswith("딥시크는 엔비디아 H800 칩 2천여 대")
    assert claimcheck.load(TEXT, published=dt.date(2025, 1, 28)).meta.published.day == 28
    with pytest.raises(ValueError):
        claimcheck.load(TEXT, published="28 January")


def test_load_refuses_a_missing_file_as_the_cli_does():
    with pytest.raises(InputError, match="no such file"):
        claimcheck.load(Path("nowhere.txt"))


def test_extract_returns_claims_whose_dump_is_the_cli_json(tmp_path):
    article = claimcheck.load(SEED)
    claims = claimcheck.extract(article)
    assert claims and all(isinstance(c, Claim) for c in claims)
    # the sentence on line 6: 2천여 대 of chips
    gpus = [c for c in claims if c.topic == "gpu_count"]
    assert [(c.line, c.quantity.low, c.quantity.high) for c in gpus] == [(6, 2000, 3000)]
    result = CliRunner().invoke(
        main, ["extract", str(SEED), "--format", "json", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [c.model_dump(mode="json") for c in claims]


def test_reconcile_returns_the_findings_of_report(tmp_path):
    article = claimcheck.load(SEED)
    findings = claimcheck.reconcile(claimcheck.extract(article), articles=[article])
    assert findings and all(isinstance(f, Finding) for f in findings)
    result = CliRunner().invoke(
        main,
        ["report", str(SEED), "-f", "json", "--single-source", "--no-cache"]
        + ["--tables", str(tmp_path)],
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == [f.model_dump(mode="json") for f in findings]


def test_reconcile_against_a_reference_table_of_ones_own(tmp_path):
    article = claimcheck.load(TEXT, published="2025-01-28")
    claims = claimcheck.extract(article)
    bundled = {f.reference.fact for f in claimcheck.reconcile(claims) if f.reference}
    assert "v3-cluster-size" in bundled  # V3's 2,048 H800s
    empty = tmp_path / "reference.yaml"
    empty.write_text("version: 1\nextends: none\nfacts: []\n", encoding="utf-8")
    assert [f for f in claimcheck.reconcile(claims, reference=empty) if f.reference] == []


def test_normalize_returns_quantities():
    (quantity,) = claimcheck.normalize("주가는 5% 이상 하락했다")
    assert isinstance(quantity, Quantity)
    assert (quantity.unit, quantity.qualifier, quantity.low) == ("percent", "at_least", 5)


def test_the_names_stay_functions_after_their_packages_are_imported():
    import claimcheck.extract as extract_package
    import claimcheck.load as load_package
    import claimcheck.reconcile as reconcile_package

    assert load_package.load_article and extract_package.extract_claims  # still the packages
    article = claimcheck.load(TEXT)
    claims = claimcheck.extract(article)
    # the API adds the slugs in words (labels), as the CLI's JSON does
    assert [
        f.model_copy(update={"labels": None}) for f in claimcheck.reconcile(claims)
    ] == reconcile_package.build_report_from_claims(claims, {}).findings


def test_importing_claimcheck_imports_nothing_heavy():
    code = "import sys, claimcheck; print(sorted({'pydantic', 'yaml', 'rich'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
