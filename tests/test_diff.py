"""`claimcheck diff`: claim tables compared by id, from folders and from git revisions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from gitrepo import git

from claimcheck.cli.diff import diff as diff_command
from claimcheck.diff import compare, load_folder
from claimcheck.models import Finding, Report, ReportArticle

COST = "hanbit_0128:training_cost:a1"
GPU = "hanbit_0128:gpu_count:b2"
DROP = "hanbit_0128:stock_change:c3"


def _quantity(text, value, unit, qualifier="exact", low=None, high=None, start=0):
    return {
        "text": text,
        "start": start,
        "end": start + len(text),
        "value": value,
        "low": value if low is None else low,
        "high": value if high is None else high,
        "unit": unit,
        "qualifier": qualifier,
        "rule": "test",
    }


def _row(cid, quote, line, start, quantity=None, stance="asserted", subject="deepseek", obj=None):
    return {
        "id": cid,
        "subject": subject,
        "object": obj,
        "quantity": quantity,
        "stance": stance,
        "attributed_to": None,
        "section": "body",
        "line": line,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
    }


def _table(rows_by_topic: dict[str, list[dict]]) -> dict:
    return {
        "article": "hanbit_0128",
        "file": "hanbit_0128.txt",
        "title": "딥시크 충격",
        "published": "2025-01-28",
        "claims": sum(len(r) for r in rows_by_topic.values()),
        "topics": rows_by_topic,
    }


def _base_rows() -> dict[str, list[dict]]:
    return {
        "training_cost": [
            _row(
                COST,
                "딥시크는 V3 훈련에 약 560만 달러를 썼다",
                7,
                300,
                _quantity("약 560만 달러", 5600000, "USD", "approx", 5320000, 5880000, 313),
                obj="deepseek-v3",
            ),
        ],
        "gpu_count": [
            _row(
                GPU,
                "H800 칩 2048개를 썼다",
                9,
                420,
                _quantity("2048개", 2048, "count", start=427),
                obj="nvidia-h800",
            ),
        ],
    }


def _write(folder: Path, rows: dict[str, list[dict]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(_table(rows), allow_unicode=True, sort_keys=False)
    (folder / "hanbit_0128.yaml").write_text(text, encoding="utf-8")
    # Not claim tables: never read as such.
    (folder / "overrides.yaml").write_text("overrides: []\n", encoding="utf-8")
    (folder / "reference.yaml").write_text("version: 1\nfacts: []\n", encoding="utf-8")
    return folder


def _run(args: list[str], cwd: Path):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(diff_command, args, catch_exceptions=False)
    finally:
        os.chdir(old)


# --- folders ---------------------------------------------------------------------------------


def test_same_tables_exit_0(tmp_path):
    _write(tmp_path / "old", _base_rows())
    _write(tmp_path / "new", _base_rows())
    result = _run(["old", "new"], tmp_path)
    assert result.exit_code == 0, result.output
    assert "0 added, 0 removed, 0 changed, 0 moved" in result.output


def test_changed_figure_is_one_field_in_words_and_other_fields_old_to_new(tmp_path):
    rows = _base_rows()
    _write(tmp_path / "old", rows)
    changed = _base_rows()
    changed["training_cost"][0] = _row(
        COST,
        "딥시크는 V3 훈련에 약 560만 달러를 썼다",
        7,
        300,
        _quantity("85억 원", 8500000000, "KRW", start=313),
        stance="hedged",
        obj="deepseek-v3",
    )
    _write(tmp_path / "new", changed)
    result = compare(load_folder(tmp_path / "old"), load_folder(tmp_path / "new"), findings=False)
    (change,) = result.changed
    assert change.id == COST and change.status == "changed"
    fields = {f.field: (f.old, f.new) for f in change.fields}
    # 약 560만 달러 is about 5,600,000 USD; 85억 원 is 8,500,000,000 KRW, exact
    assert fields["quantity"] == ("about 5,600,000 USD", "8,500,000,000 KRW")
    assert "quantity.text" not in fields  # the words say it already
    assert fields["stance"] == ("asserted", "hedged")
    assert "line" not in fields and "quote" not in fields

    cli = _run(["old", "new"], tmp_path)
    assert cli.exit_code == 1
    assert "stance: asserted → hedged" in cli.output
    assert "    training_cost: about 5,600,000 USD → 8,500,000,000 KRW" in cli.output


def test_added_and_removed_claims(tmp_path):
    _write(tmp_path / "old", _base_rows())
    rows = _base_rows()
    del rows["gpu_count"]
    rows["stock_change"] = [
        _row(
            DROP,
            "엔비디아 주가는 17% 급락했다",
            12,
            700,
            _quantity("17%", -17, "percent", start=709),
            subject="nvidia",
        ),
    ]
    _write(tmp_path / "new", rows)
    result = compare(load_folder(tmp_path / "old"), load_folder(tmp_path / "new"), findings=False)
    assert [c.id for c in result.added] == [DROP]
    assert [c.id for c in result.removed] == [GPU]
    assert result.added[0].value == "-17 percent"
    assert result.removed[0].line == 9 and result.removed[0].file == "hanbit_0128.txt"


def test_a_claim_that_only_moved_is_moved(tmp_path):
    _write(tmp_path / "old", _base_rows())
    rows = _base_rows()
    for row in rows["gpu_count"]:
        row.update(line=11, start=row["start"] + 40, end=row["end"] + 40)
    _write(tmp_path / "new", rows)
    result = compare(load_folder(tmp_path / "old"), load_folder(tmp_path / "new"), findings=False)
    (change,) = result.changed
    assert change.status == "moved" and change.line == 11
    assert {f.field for f in change.fields} == {"line", "start", "end"}
    assert result.counts()["moved"] == 1 and result.counts()["changed"] == 0
    assert _run(["old", "new"], tmp_path).exit_code == 1
    assert _run(["old", "new", "--ignore-moves"], tmp_path).exit_code == 0


def test_equal_numbers_written_differently_are_no_change(tmp_path):
    _write(tmp_path / "old", _base_rows())
    rows = _base_rows()
    quantity = rows["training_cost"][0]["quantity"]
    quantity.update(value=5600000.0, low=5320000.0, high=5880000.0)
    _write(tmp_path / "new", rows)
    assert _run(["old", "new"], tmp_path).exit_code == 0


def test_missing_folder_or_bad_table_exit_2(tmp_path):
    _write(tmp_path / "old", _base_rows())
    result = _run(["old", "nowhere"], tmp_path)
    assert result.exit_code == 2
    assert "nowhere" in result.output and "not a git revision" in result.output

    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.yaml").write_text("article: x\ntopics: [unclosed\n", encoding="utf-8")
    result = _run(["old", "bad"], tmp_path)
    assert result.exit_code == 2
    assert "x.yaml" in result.output
    assert len(result.output.strip().splitlines()) <= 2


def test_duplicate_claim_id_across_tables_is_an_error(tmp_path):
    folder = _write(tmp_path / "new", _base_rows())
    twin = _table(_base_rows()) | {"article": "twin", "file": "twin.txt"}
    (folder / "twin.yaml").write_text(yaml.safe_dump(twin, allow_unicode=True), encoding="utf-8")
    _write(tmp_path / "old", _base_rows())
    result = _run(["old", "new"], tmp_path)
    assert result.exit_code == 2 and "also in another table" in result.output


# --- formats ---------------------------------------------------------------------------------


def _changed_pair(tmp_path: Path) -> None:
    _write(tmp_path / "old", _base_rows())
    rows = _base_rows()
    rows["gpu_count"][0] = _row(
        GPU,
        "H800 칩 2천여 대(100% 가동)를 썼다",
        9,
        420,
        _quantity("2천여 대", 2000, "count", "at_least", 2000, 3000, start=427),
        obj="nvidia-h800",
    )
    _write(tmp_path / "new", rows)


def test_github_annotations_point_at_the_seed_line(tmp_path):
    _changed_pair(tmp_path)
    result = _run(["old", "new", "--format", "github"], tmp_path)
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if x.startswith("::")]
    assert line.startswith("::warning file=seeds/hanbit_0128.txt,line=9::claim changed: gpu_count")
    assert "gpu_count: 2,048 → 2,000+" in line  # 2048개 → 2천여 대 (2000 and more)
    assert "100%25 가동" in line  # % is escaped for the workflow-command parser
    assert line.endswith(f"[{GPU}]")


def test_github_seeds_dir_option(tmp_path):
    _changed_pair(tmp_path)
    result = _run(["old", "new", "--format", "github", "--seeds-dir", "articles/ko"], tmp_path)
    assert "::warning file=articles/ko/hanbit_0128.txt,line=9::" in result.output


def test_json_format(tmp_path):
    _changed_pair(tmp_path)
    result = _run(["old", "new", "--format", "json"], tmp_path)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["counts"] == {"added": 0, "removed": 0, "changed": 1, "moved": 0, "verdicts": 0}
    fields = {f["field"]: f for f in data["changed"][0]["fields"]}
    assert (fields["quantity"]["old"], fields["quantity"]["new"]) == ("2,048", "2,000+")
    # the quote gained words ("100% 가동"), not only another figure: it is shown once
    assert fields["quote"]["new"] == "H800 칩 2천여 대(100% 가동)를 썼다"
    assert "sentence" not in fields


def test_markdown_format(tmp_path):
    _changed_pair(tmp_path)
    result = _run(["old", "new", "--format", "markdown"], tmp_path)
    rows = [line for line in result.stdout.splitlines() if line.startswith("| changed |")]
    assert any("| gpu\\_count | 2,048 | 2,000+ |" in r for r in rows)


# --- verdicts --------------------------------------------------------------------------------


def _report(verdict: str) -> Report:
    finding = Finding(
        id="cross_source:1",
        kind="cross_source",
        topic="gpu_count",
        subject="deepseek",
        object="nvidia-h800",
        verdict=verdict,
        articles=["hanbit_0128"],
        claims=[GPU],
        explanation="",
        explanation_ko="",
    )
    article = ReportArticle(
        id="hanbit_0128", title=None, outlet=None, published=None, kind=None, claims=2
    )
    return Report(articles=[article], claims=[], findings=[finding])


def test_verdict_changes_are_listed_by_finding(tmp_path, monkeypatch):
    _write(tmp_path / "old", _base_rows())
    _write(tmp_path / "new", _base_rows())
    reports = iter([_report("agree"), _report("contradiction")])
    monkeypatch.setattr("claimcheck.diff.report_of", lambda side: next(reports))
    result = compare(load_folder(tmp_path / "old"), load_folder(tmp_path / "new"))
    assert result.findings_compared
    (change,) = result.verdicts
    assert (change.finding, change.kind, change.old, change.new) == (
        "cross_source:1",
        "cross_source",
        "agree",
        "contradiction",
    )
    # the finding's one claim is "H800 칩 2048개" on both sides
    assert change.summary() == (
        "gpu_count nvidia-h800 across sources: agree (2,048) → contradiction (2,048)"
    )
    assert change.line == 9 and change.file == "hanbit_0128.txt"


def test_a_finding_whose_figures_changed_is_listed_once_with_both(tmp_path, monkeypatch):
    _changed_pair(tmp_path)  # 2048개 → 2천여 대
    reports = iter([_report("contradiction"), _report("contradiction")])
    monkeypatch.setattr("claimcheck.diff.report_of", lambda side: next(reports))
    result = compare(load_folder(tmp_path / "old"), load_folder(tmp_path / "new"))
    assert [v.summary() for v in result.verdicts] == [
        "gpu_count nvidia-h800 across sources: contradiction (2,048) → contradiction (2,000+)"
    ]


def test_an_unchanged_finding_is_not_listed(tmp_path, monkeypatch):
    _write(tmp_path / "old", _base_rows())
    _write(tmp_path / "new", _base_rows())
    reports = iter([_report("contradiction"), _report("contradiction")])
    monkeypatch.setattr("claimcheck.diff.report_of", lambda side: next(reports))
    assert compare(load_folder(tmp_path / "old"), load_folder(tmp_path / "new")).verdicts == []


def test_verdict_change_alone_exits_1_with_an_annotation(tmp_path, monkeypatch):
    _write(tmp_path / "old", _base_rows())
    _write(tmp_path / "new", _base_rows())
    reports = iter([_report("agree"), _report("contradiction")])
    monkeypatch.setattr("claimcheck.diff.report_of", lambda side: next(reports))
    result = _run(["old", "new", "--format", "github"], tmp_path)
    assert result.exit_code == 1
    where = "::warning file=seeds/hanbit_0128.txt,line=9::"
    message = "finding gpu_count nvidia-h800 across sources: agree (2,048) → contradiction (2,048)"
    assert where + message in result.output


# --- git revisions ---------------------------------------------------------------------------


@pytest.fixture()
def repo(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "README").write_text("seeds and claims\n", encoding="utf-8")
    git(root, "add", "README")
    git(root, "commit", "-q", "-m", "before tables")
    _write(root / "claims", _base_rows())
    git(root, "add", "claims")
    git(root, "commit", "-q", "-m", "tables")
    return root


def test_head_against_working_tree(repo):
    assert _run([], repo).exit_code == 0
    rows = _base_rows()
    del rows["gpu_count"]
    _write(repo / "claims", rows)
    for args in ([], ["HEAD"]):
        result = _run(args, repo)
        assert result.exit_code == 1
        assert f"- {GPU}" in result.output
        assert "HEAD:claims → claims/ (working tree)" in result.output


def test_two_revisions(repo):
    rows = _base_rows()
    rows["gpu_count"][0]["quote"] = "H800 칩 2048장을 썼다"
    rows["gpu_count"][0]["end"] = rows["gpu_count"][0]["start"] + len("H800 칩 2048장을 썼다")
    _write(repo / "claims", rows)
    git(repo, "commit", "-q", "-am", "reworded")
    assert _run(["HEAD", "HEAD"], repo).exit_code == 0
    result = _run(["HEAD~1", "HEAD", "--format", "json"], repo)
    assert result.exit_code == 1
    (change,) = json.loads(result.stdout)["changed"]
    fields = {f["field"]: (f["old"], f["new"]) for f in change["fields"]}
    assert fields["quote"] == ("H800 칩 2048개를 썼다", "H800 칩 2048장을 썼다")


def test_revision_before_the_tables_existed_shows_all_added(repo):
    result = _run(["HEAD~1", "HEAD", "--format", "json"], repo)
    assert result.exit_code == 1
    assert sorted(c["id"] for c in json.loads(result.stdout)["added"]) == [GPU, COST]


def test_from_a_subfolder(repo):
    (repo / "docs").mkdir()
    result = _run(["HEAD", "--tables", "../claims"], repo / "docs")
    assert result.exit_code == 0, result.output


def test_not_a_revision_exit_2(repo):
    for bad in ("no-such-branch", "--upload-pack=evil"):
        result = _run([bad, "HEAD"] if not bad.startswith("-") else ["--", bad, "HEAD"], repo)
        assert result.exit_code == 2, result.output
        assert "not a git revision" in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_outside_a_repository_exit_2(tmp_path):
    result = _run(["HEAD"], tmp_path)
    assert result.exit_code == 2
    assert "not a git revision" in result.output
