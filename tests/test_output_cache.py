"""The output cache of `claimcheck report`: replays only what nothing has changed since."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

import claimcheck.reconcile
from claimcheck import outputcache
from claimcheck.cli import main

ARTICLE = (
    "딥시크, 엔비디아 칩 2048개로 훈련\n"
    "중국 AI 기업 딥시크는 엔비디아 H800 GPU 2048개로 V3 모델을 훈련했다고 밝혔다.\n"
    "회사는 훈련 비용이 약 560만 달러였다고 설명했다.\n"
)
OTHER = ARTICLE.replace("2048개", "248개").replace("560만", "600만")


@pytest.fixture()
def work(tmp_path, monkeypatch):
    """Two articles in news/, the cache in cache/, and a count of real (not replayed) runs."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(OTHER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    real = claimcheck.reconcile.store_for_paths
    runs = []

    def counted(*args, **kwargs):
        runs.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(claimcheck.reconcile, "store_for_paths", counted)
    return Work(tmp_path, runs)


class Work:
    def __init__(self, path, runs):
        self.path, self.runs = path, runs

    def __truediv__(self, name):
        return self.path / name


def report(*args: str):
    return CliRunner().invoke(main, ["report", "news", *args])


def entries(work) -> list[str]:
    # outputs only: the folder also keeps the parsed shipped YAML (data/) and rate tables (fx/)
    folder = work / "cache"
    return sorted(p.name for p in folder.glob("*.json")) if folder.exists() else []


def test_an_unchanged_run_is_replayed_byte_for_byte(work):
    first = report("--format", "json")
    assert first.exit_code == 0 and len(work.runs) == 1
    second = report("--format", "json")
    assert len(work.runs) == 1, "the second run should have been a replay"
    assert second.exit_code == 0 and second.stdout == first.stdout
    assert json.loads(second.stdout)["articles"][0]["id"] == "a"
    assert len(entries(work)) == 1


def test_the_number_of_processes_changes_nothing_and_is_not_in_the_key(work, monkeypatch):
    computed = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "off")
        computed[jobs] = report("--format", "json", "--jobs", jobs).stdout
    assert computed["1"] == computed["2"] and json.loads(computed["1"])["findings"]
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(work / "cache"))
    runs = len(work.runs)
    report("--format", "json", "--jobs", "2")
    replayed = report("--format", "json")
    assert len(work.runs) == runs + 1 and replayed.stdout == computed["1"]


@pytest.mark.parametrize(
    "change",
    [
        "one byte of an article",
        "an article added",
        "an override",
        "a manifest",
        "another option",
    ],
)
def test_any_change_to_what_the_output_is_made_from_runs_afresh(work, change):
    assert report().exit_code == 0
    args: list[str] = []
    if change == "one byte of an article":
        (work / "news" / "b.txt").write_text(OTHER.replace("600만", "700만"), encoding="utf-8")
    elif change == "an article added":
        (work / "news" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    elif change == "an override":
        (work / "claims").mkdir()
        (work / "claims" / "overrides.yaml").write_text("overrides: []\n", encoding="utf-8")
    elif change == "a manifest":
        (work / "news" / "manifest.yaml").write_text("articles: []\n", encoding="utf-8")
    else:
        args = ["--lang", "ko"]
    result = report(*args)
    assert result.exit_code == 0, result.stderr
    assert len(work.runs) == 2
    if change == "one byte of an article":
        assert "700만" in result.stdout or "7,000,000" in result.stdout


def test_a_changed_claimcheck_file_is_another_key(work, monkeypatch):
    code = work / "module.py"
    code.write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(outputcache, "_own_files", lambda: [code])
    inputs = [work / "news" / "a.txt"]
    before = outputcache.output_key("report", ["x"], inputs)
    assert outputcache.output_key("report", ["x"], inputs) == before
    code.write_text("x = 22\n", encoding="utf-8")
    assert outputcache.output_key("report", ["x"], inputs) != before


def test_the_fail_on_exit_status_and_message_are_replayed(work):
    first = report("--fail-on", "contradiction")
    assert first.exit_code == 1, first.stderr
    assert "matched --fail-on contradiction" in first.stderr
    second = report("--fail-on", "contradiction")
    assert len(work.runs) == 1
    assert second.exit_code == 1 and second.stderr == first.stderr


def test_errors_are_never_kept(work):
    (work / "news" / "b.txt").write_bytes("Le coût: 5,6 millions, déjà".encode("latin-1"))
    for _ in range(2):
        result = report()
        assert result.exit_code == 2 and "cannot decode" in result.stderr
    assert entries(work) == []


def test_a_damaged_entry_is_a_miss_and_is_replaced(work):
    first = report()
    (name,) = entries(work)
    (work / "cache" / name).write_text('{"exit": 0, "stdout": ', encoding="utf-8")
    second = report()
    assert len(work.runs) == 2 and second.stdout == first.stdout
    assert json.loads((work / "cache" / name).read_text(encoding="utf-8"))["exit"] == 0


def test_off_and_no_cache_compute_every_time_and_keep_nothing(work, monkeypatch):
    report("--no-cache")
    report("--no-cache")
    assert len(work.runs) == 2 and entries(work) == []
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "off")
    report()
    report()
    assert len(work.runs) == 4 and not os.path.exists(work / "cache")


def test_outputs_too_large_to_keep_are_not_kept(work, monkeypatch):
    monkeypatch.setattr(outputcache, "MAX_ENTRY_BYTES", 100)
    assert report().exit_code == 0
    assert entries(work) == []


def test_the_size_limit_counts_bytes_not_characters(monkeypatch):
    import io

    monkeypatch.setattr(outputcache, "MAX_ENTRY_BYTES", 12)
    tee = outputcache._Tee(io.StringIO())
    tee.write("딥시크")  # three characters, nine bytes
    assert not tee.failed
    tee.write("칩")  # four characters, twelve bytes: at the limit
    assert not tee.failed
    tee.write("a")
    assert tee.failed


def test_only_the_most_recent_entries_are_kept(work, monkeypatch):
    monkeypatch.setattr(outputcache, "MAX_ENTRIES", 2)
    for lang in ("en", "ko"):
        assert report("--lang", lang).exit_code == 0
    first_two = entries(work)
    assert report("--format", "json").exit_code == 0
    kept = entries(work)
    assert len(first_two) == 2 and len(kept) == 2
    # The newest stays; one of the older two went (the oldest by modification time).
    assert len(set(kept) & set(first_two)) == 1


def test_an_output_cut_short_by_its_reader_is_not_kept(tmp_path):
    # `claimcheck report --format json | head`: the reader leaves after a few lines; the
    # report then exits with status 1, which must not be mistaken for a finished report with
    # --fail-on findings.
    import subprocess
    import sys

    cache = tmp_path / "cache"
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(cache), "COLUMNS": "100"}
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "report", "--format", "json", "--single-source"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    process.stdout.read(200)  # the report is far longer than a pipe holds: it is still writing
    process.stdout.close()
    assert process.wait(timeout=120) != 0
    assert not cache.exists() or list(cache.glob("*.json")) == []


def test_a_file_leaving_the_folder_runs_afresh(work):
    # A manifest may list files that must exist; whatever leaves or joins the folder counts.
    (work / "news" / "notes.pdf").write_bytes(b"%PDF-1.7\n")
    assert report().exit_code == 0
    (work / "news" / "notes.pdf").unlink()
    assert report().exit_code == 0
    assert len(work.runs) == 2


def test_an_article_linked_from_another_folder_uses_that_folders_manifest(work):
    (work / "elsewhere").mkdir()
    (work / "elsewhere" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (work / "news" / "c.txt").symlink_to(work / "elsewhere" / "c.txt")
    assert report().exit_code == 0
    (work / "elsewhere" / "manifest.yaml").write_text("articles: []\n", encoding="utf-8")
    assert report().exit_code == 0
    assert len(work.runs) == 2
