"""Speed work must not change a byte of output: the whole pipeline (load, extract, claim tables,
reconcile, JSON) on a generated corpus and on the test articles gives the digests recorded in
tests/fixtures/pipeline_digests.txt.

A digest cannot be read off the text the way other expectations are; it records what the tool
wrote when the digests were last taken, so that a change made for speed alone shows up here. A
rule change that alters what the tool decides changes them on purpose: check the changed tables
and findings (`claimcheck diff`), then record the new digests with

    python tests/test_pipeline_identity.py --update
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
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
DIGESTS = ROOT / "tests" / "fixtures" / "pipeline_digests.txt"
# Four variants of each of the 17 source articles (benchmarks/scale.py's generator, seeded).
GENERATED = 68


def _generate(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec and spec.loader
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    scale.generate(folder, GENERATED)
    return folder


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output  # 1: the report found problems
    return result.stdout


def _tables_digest(folder: Path) -> str:
    """One digest over every table's name and bytes, in name order."""
    total = hashlib.sha256()
    tables = sorted(folder.glob("*.yaml"))
    assert tables, f"no claim tables in {folder}"
    for path in tables:
        total.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return total.hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_digests(work: Path) -> dict[str, str]:
    generated = _generate(work / "generated")
    articles = ROOT / "tests" / "corpus" / "ko" / "articles"
    _run("extract", str(generated), "--out", str(work / "generated-tables"))
    _run("extract", str(articles), "--out", str(work / "article-tables"))
    return {
        "generated tables": _tables_digest(work / "generated-tables"),
        "generated claims json": _digest(_run("extract", str(generated), "--format", "json")),
        "generated report json": _digest(
            _run("report", str(generated), "--format", "json", "--no-cache")
        ),
        "test article tables": _tables_digest(work / "article-tables"),
        "test article report json": _digest(
            _run("report", str(articles), "--format", "json", "--no-cache")
        ),
    }


def recorded_digests() -> dict[str, str]:
    recorded = {}
    for line in DIGESTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, digest = line.rpartition(": ")
            recorded[name] = digest
    return recorded


def test_the_pipeline_writes_the_recorded_bytes(tmp_path):
    recorded = recorded_digests()
    now = current_digests(tmp_path)
    assert set(recorded) == set(now)
    changed = [name for name in now if now[name] != recorded[name]]
    if changed:
        pytest.fail(
            f"output changed: {', '.join(changed)}. If a rule change meant it, check the tables "
            "and record them: python tests/test_pipeline_identity.py --update"
        )


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
    # 68 articles with 2 workers go out in batches of 4 (pipeline._in_processes).
    generated = _generate(tmp_path / "generated")
    one = _tables(generated, 1)
    assert len(one) == GENERATED and all(table for _, table, _ in one)
    assert sum(count for _, _, count in one) > GENERATED
    assert _tables(generated, 2) == one


def test_a_bad_article_inside_a_batch_is_reported_by_name(tmp_path):
    generated = _generate(tmp_path / "generated")
    (generated / "00030_bad.txt").write_bytes("Le coût: 5,6 millions, déjà".encode("latin-1"))
    with pytest.raises(InputError) as refused:
        _tables(generated, 2)
    assert "00030_bad.txt" in str(refused.value) and "cannot decode" in str(refused.value)


def test_a_changed_table_changes_the_digest(tmp_path):
    # The check can fail: one byte more in one table gives another digest.
    (tmp_path / "a.yaml").write_text("article: a\n", encoding="utf-8")
    before = _tables_digest(tmp_path)
    (tmp_path / "a.yaml").write_text("article: a \n", encoding="utf-8")
    assert _tables_digest(tmp_path) != before


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        digests = current_digests(Path(folder))
    lines = [
        "# Digests of claimcheck's output on a generated corpus and the test articles.",
        "# Written by `python tests/test_pipeline_identity.py --update`; see that file.",
        *(f"{name}: {digest}" for name, digest in digests.items()),
    ]
    DIGESTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {DIGESTS}")
