"""The working folder's corpus (./seeds with ./claims, else the bundled corpus with its tables),
the first line on stderr that says which, a newsroom's reference table, and `claimcheck init`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.reference import ReferenceFact, load_reference

ROOT = Path(__file__).resolve().parent.parent
# An article of our own: Naver's GPUs and cost, and DeepSeek's chips for comparison.
OWN_ARTICLE = """네이버, 하이퍼클로바X 훈련에 GPU 3천여 대 투입

네이버는 하이퍼클로바X 훈련에 엔비디아 GPU 3천여 대를 사용했다고 3일 밝혔다.
회사 측은 훈련 비용이 약 1000만 달러(약 145억 원)였다고 설명했다.
딥시크는 엔비디아 H800 칩 2천여 대로 V3를 훈련했다고 밝힌 바 있다.
"""
FRONT_MATTER = "---\ntitle: 네이버 GPU\npublished: 2025-02-03\n---\n"


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture()
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _example_fact(reference_template: str) -> str:
    """The fact the starter reference.yaml shows in its comments, uncommented."""
    lines = reference_template.splitlines()
    start = next(n for n, line in enumerate(lines) if "A fact looks like this" in line)
    return "\n".join(line[4:] for line in lines[start + 1 :] if line.startswith("#   "))


# --- which corpus, which tables --------------------------------------------------------------


def test_with_seeds_here_the_corpus_is_seeds_and_the_tables_claims(here):
    (here / "seeds").mkdir()
    (here / "seeds" / "mine.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    result = cli("extract")
    assert result.exit_code == 0, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith("claimcheck: corpus seeds/ (working folder); tables claims/")
    assert sorted(p.name for p in (here / "claims").iterdir()) == ["mine.yaml"]
    assert cli("extract", "--check").exit_code == 0
    report = cli("report", "--format", "json", "--no-cache")
    assert report.stderr.splitlines()[0] == first
    assert [a["id"] for a in json.loads(report.stdout)["articles"]] == ["mine"]
    export = cli("export", "--format", "json")
    assert export.stderr.splitlines()[0] == first
    assert [a["id"] for a in json.loads(export.stdout)["articles"]] == ["mine"]
    listed = cli("articles", "--format", "json")
    assert listed.stderr.splitlines()[0] == "claimcheck: corpus seeds/ (working folder)"
    assert [a["id"] for a in json.loads(listed.stdout)] == ["mine"]
    assert cli("show", "mine").exit_code == 0


def test_without_seeds_the_bundled_corpus_and_its_tables(here):
    result = cli("extract", "--check")
    # the bundled tables are the ones committed with the bundled corpus: fresh
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith("claimcheck: corpus bundled (no seeds/ here)")
    assert "tables bundled" in result.stderr.splitlines()[0]
    report = cli("report", "--format", "json", "--no-cache")
    assert len(json.loads(report.stdout)["articles"]) == 5
    assert not (here / "claims").exists()


def test_the_bundled_tables_are_never_written(here):
    result = cli("extract")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("claimcheck: corpus bundled")
    assert len(lines) == 2 and "--out DIR" in lines[1] and "claimcheck init" in lines[1]
    assert cli("extract", "--out", "mine").exit_code == 0
    assert len(list((here / "mine").glob("*.yaml"))) == 5


def test_with_paths_nothing_is_said_about_the_corpus(here):
    (here / "news").mkdir()
    (here / "news" / "a.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    result = cli("extract", "news")
    assert result.exit_code == 0
    assert not result.stderr.startswith("claimcheck: corpus")


# --- a newsroom's reference table ------------------------------------------------------------


def _reference(folder: Path, extends: str, facts: str) -> None:
    (folder / "claims").mkdir(exist_ok=True)
    (folder / "claims" / "reference.yaml").write_text(
        f"version: 1\nextends: {extends}\nfacts:\n{facts}\n", encoding="utf-8"
    )


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def test_a_reference_table_that_extends_the_bundled_one(tmp_path):
    template = (ROOT / "claimcheck" / "data" / "scaffold" / "reference.yaml").read_text("utf-8")
    _reference(tmp_path, "bundled", _indented(_example_fact(template)))
    table = load_reference(tmp_path / "claims" / "reference.yaml")
    bundled = load_reference()
    assert [f.id for f in table.facts] == [f.id for f in bundled.facts] + ["naver-gpu-count-2024"]
    _reference(tmp_path, "none", _indented(_example_fact(template)))
    assert [f.id for f in load_reference(tmp_path / "claims" / "reference.yaml").facts] == [
        "naver-gpu-count-2024"
    ]


def test_a_newsroom_fact_may_not_reuse_a_bundled_id(here):
    template = (ROOT / "claimcheck" / "data" / "scaffold" / "reference.yaml").read_text("utf-8")
    fact = _example_fact(template).replace("naver-gpu-count-2024", "v3-cluster-size")
    _reference(here, "bundled", _indented(fact))
    (here / "seeds").mkdir()
    (here / "seeds" / "mine.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    result = cli("report", "--no-cache")
    assert result.exit_code == 2
    error = result.stderr.splitlines()[-1]
    assert "claims/reference.yaml" in error and "'v3-cluster-size'" in error
    assert "bundled reference table" in error


def test_a_newsroom_fact_without_its_source_is_refused(here):
    template = (ROOT / "claimcheck" / "data" / "scaffold" / "reference.yaml").read_text("utf-8")
    fact = "\n".join(
        line for line in _example_fact(template).splitlines() if "source_locator" not in line
    )
    _reference(here, "bundled", _indented(fact))
    (here / "seeds").mkdir()
    (here / "seeds" / "mine.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    result = cli("report", "--no-cache")
    assert result.exit_code == 2
    assert "naver-gpu-count-2024" in result.stderr and "source_locator" in result.stderr


# --- claimcheck init -------------------------------------------------------------------------

SCAFFOLD = [
    ".github/workflows/claims.yml",
    "README.md",
    "claims/overrides.yaml",
    "claims/reference.yaml",
    "seeds/manifest.yaml",
]


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_then_an_article_of_our_own_then_extract_check_and_report(here):
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert _files(here) == SCAFFOLD
    # our article, and a fact of our own that its "3천여 대" contradicts (the fact says 2,000)
    (here / "seeds" / "2025-02-03-naver.txt").write_text(FRONT_MATTER + OWN_ARTICLE, "utf-8")
    reference = here / "claims" / "reference.yaml"
    template = reference.read_text(encoding="utf-8")
    reference.write_text(
        template.replace("facts: []", "facts:\n" + _indented(_example_fact(template))), "utf-8"
    )
    assert cli("extract").exit_code == 0
    check = cli("extract", "--check")
    assert check.exit_code == 0, check.output
    assert "fresh (1 articles)" in check.stderr
    report = cli("report", "--format", "json", "--no-cache")
    assert report.exit_code == 0, report.output
    assert report.stderr.splitlines()[0].endswith("reference claims/reference.yaml")
    data = json.loads(report.stdout)
    assert [a["id"] for a in data["articles"]] == ["2025-02-03-naver"]
    checked = {
        (f["reference"]["fact"], f["verdict"]) for f in data["findings"] if f["kind"] == "reference"
    }
    # our fact (2,000 GPUs) refutes "3천여 대" (3,000 to 4,000); the bundled V3 cluster of 2,048
    # H800s supports DeepSeek's "2천여 대"
    assert ("naver-gpu-count-2024", "refuted") in checked
    assert ("v3-cluster-size", "supported") in checked
    table = cli("report", "--no-cache")
    assert table.exit_code == 0 and "naver" in table.stdout.lower()


def test_init_overwrites_nothing(here):
    (here / "claims").mkdir()
    (here / "claims" / "overrides.yaml").write_text("overrides: []  # ours\n", encoding="utf-8")
    result = cli("init")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "claims/overrides.yaml" in line and "already exists" in line
    assert _files(here) == ["claims/overrides.yaml"]  # nothing else was written
    assert (here / "claims" / "overrides.yaml").read_text(encoding="utf-8").endswith("# ours\n")


def test_init_adds_its_section_to_an_existing_readme_keeping_every_byte(here):
    ours = "# Newsroom\r\n\r\nOur own words.\r\n"
    (here / "README.md").write_bytes(ours.encode("utf-8"))
    assert cli("init", str(here)).exit_code == 0
    text = (here / "README.md").read_bytes().decode("utf-8")
    assert text.startswith(ours) and "\r\n## Fact-checking the claims" in text
    # a second init finds every file there and writes nothing
    again = cli("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (here / "README.md").read_bytes().decode("utf-8") == text


def test_init_into_a_new_folder(here):
    assert cli("init", "newsroom/claims-repo").exit_code == 0
    assert _files(here / "newsroom" / "claims-repo") == SCAFFOLD
    (here / "a-file").write_text("x", encoding="utf-8")
    refused = cli("init", "a-file")
    assert refused.exit_code == 2


def test_the_scaffold_is_valid_and_follows_the_ci_recipe(here):
    assert cli("init").exit_code == 0
    manifest = yaml.safe_load((here / "seeds" / "manifest.yaml").read_text(encoding="utf-8"))
    assert manifest == {"articles": []}
    reference = (here / "claims" / "reference.yaml").read_text(encoding="utf-8")
    assert load_reference(here / "claims" / "reference.yaml").extends == "bundled"
    fact = yaml.safe_load(_example_fact(reference))[0]
    assert ReferenceFact.model_validate(fact).id == "naver-gpu-count-2024"
    # the workflow is this repository's own, installing claimcheck instead of this checkout
    ours = (ROOT / ".github" / "workflows" / "claims.yml").read_text(encoding="utf-8")
    theirs = (here / ".github" / "workflows" / "claims.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(ours)[True] == yaml.safe_load(theirs)[True]  # `on:` (YAML 1.1)
    our_steps = yaml.safe_load(ours)["jobs"]["claims"]["steps"]
    their_steps = yaml.safe_load(theirs)["jobs"]["claims"]["steps"]
    assert [s.get("name") for s in our_steps] == [s.get("name") for s in their_steps]
    differing = [(a, b) for a, b in zip(our_steps, their_steps, strict=True) if a != b]
    assert differing == [
        (
            {"name": "Install claimcheck", "run": "pip install -c constraints.txt -e ."},
            {"name": "Install claimcheck", "run": 'pip install "claimcheck==0.1.0"'},
        )
    ]
