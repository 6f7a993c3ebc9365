"""Claim ids survive edits: made of the article, topic, subject, object and unit, numbered in
file order among claims sharing those; an edited figure is one changed claim in `diff`."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import git

import claimcheck
from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = [
    "딥시크 칩 보도",
    "",
    "딥시크는 엔비디아 H800 칩 2천여 대로 V3를 훈련했다고 밝혔다.",
    "훈련 비용은 약 560만 달러(약 81억 원)였다.",
    "엔비디아 주가는 17% 하락했다.",
    "이후 엔비디아 주가는 3% 반등했다.",
]


def ids(lines: list[str]) -> list[str]:
    return [c.id for c in claimcheck.extract(claimcheck.load("\n".join(lines), article_id="a"))]


def expected_id(*parts: str) -> str:
    """The scheme as the README states it: a digest of article, topic, subject, object, unit."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{parts[0]}:{parts[1]}:{digest}"


def test_an_id_is_made_of_the_stable_parts_only():
    found = ids(ARTICLE)
    # 2천여 대 of H800 chips, said of DeepSeek
    assert expected_id("a", "gpu_count", "deepseek", "nvidia-h800", "count") in found
    # the dollar figure and its won conversion are two claims: they differ in their unit
    assert expected_id("a", "training_cost", "deepseek", "", "USD") in found
    assert expected_id("a", "training_cost", "deepseek", "", "KRW") in found
    # two moves of Nvidia's share price: numbered in file order
    stock = expected_id("a", "stock_change", "nvidia", "", "percent")
    assert found.index(stock) < found.index(stock + "~2")


def test_editing_figures_keeps_every_id():
    edited = [
        line.replace("2천여 대", "3천여 대").replace("560만 달러", "600만 달러") for line in ARTICLE
    ]
    assert edited != ARTICLE
    assert ids(edited) == ids(ARTICLE)


def test_rewording_a_sentence_keeps_its_ids():
    edited = [
        line.replace("밝혔다", "설명했다").replace("하락했다", "급락했다") for line in ARTICLE
    ]
    assert ids(edited) == ids(ARTICLE)


def test_inserting_or_deleting_a_sentence_elsewhere_changes_no_id():
    before = ids(ARTICLE)
    figure_free = ARTICLE[:3] + ["업계의 반응은 엇갈렸다."] + ARTICLE[3:]
    assert ids(figure_free) == before
    # a claim of another topic comes in; every other id stays
    founded = ARTICLE[:3] + ["딥시크는 2023년 설립됐다."] + ARTICLE[3:]
    assert set(before) < set(ids(founded)) and len(ids(founded)) == len(before) + 1
    # deleting the cost sentence removes its two claims and renames nothing
    without_cost = [line for line in ARTICLE if "훈련 비용" not in line]
    assert ids(without_cost) == [i for i in before if ":training_cost:" not in i]


def test_only_a_claim_about_the_same_thing_added_before_renumbers_those_after_it():
    # The documented limit of numbering in order: a new first Nvidia move takes the base id.
    # (It names DeepSeek as often as Nvidia, so the story's subject stays DeepSeek.)
    stock = expected_id("a", "stock_change", "nvidia", "", "percent")
    added = ARTICLE[:4] + ["딥시크 발표 직후 엔비디아 주가는 5% 하락했다."] + ARTICLE[4:]
    found = ids(added)
    assert [i for i in found if i.startswith(stock)] == [stock, stock + "~2", stock + "~3"]
    assert [i for i in found if not i.startswith(stock)] == [
        i for i in ids(ARTICLE) if not i.startswith(stock)
    ]


# --- the workflow of the issue, in a fresh repository of the seeds ---------------------------


@pytest.fixture()
def clone(tmp_path, monkeypatch):
    """The repository's seeds/ and claims/ committed in a new repository; commands run there."""
    repo = tmp_path / "clone"
    repo.mkdir()
    shutil.copytree(ROOT / "seeds", repo / "seeds")
    shutil.copytree(ROOT / "claims", repo / "claims")
    git(repo, "init", "-q")
    git(repo, "add", "seeds", "claims")
    git(repo, "commit", "-q", "-m", "seeds and tables")
    monkeypatch.chdir(repo)
    return repo


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} appears {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_one_edited_figure_is_one_changed_claim(clone):
    _edit(clone / "seeds" / "004_f05803455ba62a11.txt", "2천여 대", "3천여 대")
    runner = CliRunner()
    extracted = runner.invoke(main, ["extract"])
    assert extracted.exit_code == 0, extracted.output
    assert extracted.stderr.splitlines()[0].startswith("claimcheck: corpus seeds/ (working folder)")
    result = runner.invoke(main, ["diff"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "claimcheck: corpus seeds/ (working folder); tables claims/ at HEAD → claims/ (working tree)"
    )
    assert "0 added, 0 removed, 1 changed, 0 moved" in result.stdout
    assert "    gpu_count: 2,000+ → 3,000+\n" in result.stdout
    # 001 says 248 chips, 004 "2천여 대": still a contradiction, with the new figure
    assert (
        "! gpu_count across sources: contradiction (248 vs 2,000+) → contradiction (248 vs 3,000+)"
        in result.stdout
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("! ")]
    assert len(lines) == len(set(lines))  # one line per finding
    data = json.loads(runner.invoke(main, ["diff", "--format", "json"]).stdout)
    assert {k: data["counts"][k] for k in ("added", "removed", "changed")} == {
        "added": 0,
        "removed": 0,
        "changed": 1,
    }


def test_a_figure_free_sentence_inserted_adds_removes_and_changes_nothing(clone):
    anchor = "전문가들이 DeepSeek의 가장 주목할 만한 점으로"
    _edit(clone / "seeds" / "001_f7a9af24cacc642e.txt", anchor, "업계의 시각은 엇갈린다. " + anchor)
    runner = CliRunner()
    assert runner.invoke(main, ["extract"]).exit_code == 0
    data = json.loads(runner.invoke(main, ["diff", "--format", "json"]).stdout)
    assert (data["counts"]["added"], data["counts"]["removed"], data["counts"]["changed"]) == (
        0,
        0,
        0,
    )
    assert data["verdicts"] == []
    assert data["counts"]["moved"] > 0  # the claims after it moved, and only moved
    assert runner.invoke(main, ["diff", "--ignore-moves"]).exit_code == 0
