"""Whole-pipeline identity: speed work must not change a byte of what `claimcheck` writes.

The digests in tests/fixtures/pipeline_digests.json are of what the code wrote before the start-up
work of issue 12 (lazy models, data read once, the reconciler's loops): the report as JSON and as
the terminal view (English and Korean), for the seeds, the test corpus and 60 articles made by
benchmarks/scale.py's seeded generator, plus those articles' claim tables. A change of the rules
(what the tool decides) changes them on purpose: check the new output by eye, then rewrite the
file with

    CLAIMCHECK_WRITE_DIGESTS=1 python -m pytest tests/test_pipeline_identity.py

and say in the commit why the output changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.errors import InputError
from claimcheck.extract import extract_claims
from claimcheck.load import load_articles
from claimcheck.models import Claim
from claimcheck.pipeline import extract_paths

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "tests" / "fixtures" / "pipeline_digests.json"
WRITE = os.environ.get("CLAIMCHECK_WRITE_DIGESTS") == "1"
GENERATED = 60


def _generate(folder: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec and spec.loader
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    scale.generate(folder, count)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    generated = tmp_path_factory.mktemp("generated")
    _generate(generated, GENERATED)
    return {
        "seeds": ROOT / "seeds",
        "test corpus": ROOT / "tests" / "corpus" / "ko" / "articles",
        "generated": generated,
    }


def _run(args: list[str], cwd: Path) -> bytes:
    # From an empty folder: no claims/overrides.yaml or reference table of the checkout is read.
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _outputs(corpora: dict[str, Path], workdir: Path) -> dict[str, str]:
    digests = {}
    for name, folder in corpora.items():
        path = str(folder)
        report = _run(["report", path, "--format", "json", "--no-cache"], workdir)
        # a digest of nothing would match forever: the outputs hashed must be whole reports
        assert len(json.loads(report)["findings"]) > 10
        digests[f"{name}: report --format json"] = _digest(report)
        for lang in ("en", "ko"):
            view = _run(["report", path, "--all", "--lang", lang, "--no-cache"], workdir)
            assert view.count(b"\n") > 50
            digests[f"{name}: report --all --lang {lang}"] = _digest(view)
    tables = workdir / "tables"
    _run(["extract", str(corpora["generated"]), "--out", str(tables)], workdir)
    written = sorted(tables.glob("*.yaml"))
    assert len(written) == GENERATED
    digests["generated: claim tables"] = _digest(
        b"".join(path.name.encode() + b"\0" + path.read_bytes() for path in written)
    )
    return digests


def test_reports_and_tables_are_byte_identical_to_the_recorded_ones(corpora, tmp_path):
    digests = _outputs(corpora, tmp_path)
    if WRITE:
        DIGESTS.write_text(json.dumps(digests, indent=2, ensure_ascii=False) + "\n")
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8"))
    assert set(digests) == set(recorded)
    changed = [name for name in digests if digests[name] != recorded[name]]
    assert changed == [], f"output changed: {changed} (see this module's docstring)"


def test_records_built_without_validation_are_what_validation_gives():
    # The extractor builds its claims without validating them again (models.from_checked_parts):
    # validating each one must give back the same record, the same JSON and the same set of
    # fields given.
    articles = load_articles(
        [str(ROOT / "seeds"), str(ROOT / "tests" / "corpus" / "ko" / "articles")]
    )
    claims = [claim for article in articles for claim in extract_claims(article)]
    assert len(claims) > 300
    for claim in claims:
        validated = Claim.model_validate(
            {name: getattr(claim, name) for name in claim.model_fields_set}
        )
        assert validated == claim
        assert validated.model_dump_json() == claim.model_dump_json()
        assert validated.model_fields_set == claim.model_fields_set
    # So does the loader its blocks and sentences.
    records = [r for article in articles for r in (*article.blocks, *article.sentences)]
    assert len(records) > 600
    for record in records:
        validated = type(record).model_validate(dict(record.__dict__))
        assert validated.model_dump_json() == record.model_dump_json()
        assert validated.model_fields_set == record.model_fields_set


def _tables(folder: Path, jobs: int) -> list[tuple[str, str | None, int]]:
    extracted = extract_paths([str(folder)], folder / "tables", jobs, render=True, claims=False)
    return [(e.id, e.table, e.claim_count) for e in extracted]


def test_workers_given_batches_of_articles_give_the_same_tables_in_order(tmp_path):
    # the generated articles with 2 workers go out in batches (pipeline._in_processes)
    generated = tmp_path / "generated"
    _generate(generated, GENERATED)
    one = _tables(generated, 1)
    assert len(one) == GENERATED and all(table for _, table, _ in one)
    assert sum(count for _, _, count in one) > GENERATED
    assert _tables(generated, 2) == one


def test_a_bad_article_inside_a_batch_is_reported_by_name(tmp_path):
    generated = tmp_path / "generated"
    _generate(generated, GENERATED)
    (generated / "00030_bad.txt").write_bytes("Le coût: 5,6 millions, déjà".encode("latin-1"))
    with pytest.raises(InputError) as refused:
        _tables(generated, 2)
    assert "00030_bad.txt" in str(refused.value) and "cannot decode" in str(refused.value)


def test_a_bug_that_raises_stopiteration_fails_the_run_instead_of_ending_it_quietly(
    tmp_path, monkeypatch
):
    import claimcheck.pipeline as pipeline

    def broken(_job):
        raise StopIteration  # what next() on an empty generator raises, deep in a rule

    monkeypatch.setattr(pipeline, "_process", broken)
    with pytest.raises(RuntimeError):
        list(extract_paths([str(ROOT / "seeds")], tmp_path))
