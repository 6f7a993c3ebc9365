"""YAML shipped with claimcheck is parsed once per version of its text: later processes read the
parsed form from the cache folder. What they get must be what parsing gives, and a YAML file
that fails the checks must fail the same way whether or not an entry exists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.yamlsafe import load_bundled, safe_load

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [
    *sorted((ROOT / "claimcheck" / "data" / "ko").glob("*.yaml")),
    ROOT / "claimcheck" / "data" / "ratings.yaml",
    ROOT / "claimcheck" / "data" / "fx" / "sources.yaml",
    ROOT / "claimcheck" / "render" / "labels.yaml",
    ROOT / "claims" / "reference.yaml",
    ROOT / "seeds" / "manifest.yaml",  # the bundled corpus's
]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(folder))
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "data").glob("*.bin"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_shipped_file_reads_back_from_its_entry_as_parsing_gives_it(path, cache):
    text = path.read_text(encoding="utf-8")
    parsed = safe_load(text, path)
    assert load_bundled(text, path) == parsed  # parsed, and the entry written
    (entry,) = _entries(cache)
    assert entry.name.startswith(f"{path.parent.name}.{path.stem}-")
    again = load_bundled(text, path)  # read from the entry
    assert again == parsed
    # the same order of keys, so whatever is built from it is built in the same order
    assert repr(again) == repr(parsed)


def test_the_entry_is_what_is_read_not_the_text(cache):
    text = "words: [하나, 둘]\n"
    load_bundled(text, "words.yaml")
    (entry,) = _entries(cache)
    # An entry made for this text by hand: if a later read returns it, the entry was used.
    import hashlib
    import marshal

    body = marshal.dumps({"words": ["셋"]})
    head = entry.read_bytes()[: len(b"claimcheck-yaml-1\n")]
    entry.write_bytes(head + hashlib.sha256(body).digest() + body)
    assert load_bundled(text, "words.yaml") == {"words": ["셋"]}


def test_a_changed_text_is_parsed_again_and_replaces_the_old_entry(cache):
    assert load_bundled("a: 1\n", "numbers.yaml") == {"a": 1}
    (first,) = _entries(cache)
    assert load_bundled("a: 2\n", "numbers.yaml") == {"a": 2}
    (second,) = _entries(cache)
    assert second != first
    assert load_bundled("a: 2\n", "numbers.yaml") == {"a": 2}


def test_a_damaged_entry_is_a_miss_and_is_rewritten(cache):
    text = "units: {만: 10000, 억: 100000000}\n"
    load_bundled(text, "units.yaml")
    (entry,) = _entries(cache)
    whole = entry.read_bytes()
    entry.write_bytes(whole[:-3])  # cut short, as by a full disk
    assert load_bundled(text, "units.yaml") == {"units": {"만": 10000, "억": 100000000}}
    assert entry.read_bytes() == whole
    entry.write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))  # one bit changed
    assert load_bundled(text, "units.yaml") == {"units": {"만": 10000, "억": 100000000}}


@pytest.mark.parametrize(
    "text, problem",
    [
        ("a: 1\na: 2\n", "duplicate key 'a' (line 2)"),
        ("a: &x 1\nb: *x\n", "anchors and aliases"),
        ("a: [1, 2\n", "invalid language data at line"),
    ],
)
def test_bad_yaml_is_refused_in_claimcheck_words_and_nothing_is_kept(cache, text, problem):
    for _ in range(2):
        with pytest.raises(InputError) as caught:
            load_bundled(text, "claimcheck/data/ko/broken.yaml", "language data")
        assert caught.value.path == "claimcheck/data/ko/broken.yaml"
        assert problem in caught.value.problem
    assert _entries(cache) == []


def test_data_marshal_cannot_keep_is_parsed_every_time(cache):
    # A bare YAML date becomes a datetime.date, which marshal does not write.
    assert load_bundled("as_of: 2025-01-27\n", "dates.yaml") == {"as_of": dt.date(2025, 1, 27)}
    assert _entries(cache) == []


def test_with_the_cache_off_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    assert load_bundled("a: 1\n", "a.yaml") == {"a": 1}
    assert list(tmp_path.rglob("*.bin")) == []


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(blocker))
    assert load_bundled("a: 1\n", "a.yaml") == {"a": 1}


def test_a_report_from_the_entries_is_byte_identical_to_the_recorded_one(tmp_path):
    # Whole processes: the first parses the shipped YAML, validates it and writes the entries,
    # the second reads every one of them; both must print the report recorded before the
    # entries existed.
    import hashlib
    import json
    import os
    import subprocess
    import sys

    recorded = json.loads((ROOT / "tests" / "fixtures" / "pipeline_digests.json").read_text())
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "claimcheck", "report", str(ROOT / "seeds")]
    command += ["--format", "json", "--no-cache"]
    work = tmp_path / "work"
    work.mkdir()
    for run in ("parsing", "from the entries"):
        done = subprocess.run(command, cwd=work, env=env, capture_output=True, check=True)
        digest = hashlib.sha256(done.stdout).hexdigest()
        assert digest == recorded["seeds: report --format json"], run
        kept = {entry.name.split("-")[0] for entry in _entries(tmp_path / "cache")}
        wanted = {"claims.reference", "ko.entities", "ko.topics", "ko.boilerplate", "data.ratings"}
        assert wanted <= kept
        # and the validated records (claimcheck/keptmodels.py): the second run reads those
        assert {f"model.{name}" for name in wanted} <= kept


def test_a_report_on_the_bundled_corpus_imports_no_yaml_parser_once_the_entries_exist(tmp_path):
    # PyYAML is imported only to parse: with every shipped file's entry written (the manifest
    # of the bundled corpus included), a computed report never imports it.
    import os
    import subprocess
    import sys

    code = (
        "import contextlib, io, sys\n"
        "from claimcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['report', '--no-cache'])\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'yaml')[:1])\n"
    )
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert runs == [b"['yaml']\n", b"[]\n"]  # parsed (and kept) once, then read back


def test_a_users_reference_table_and_overrides_are_parsed_not_kept(cache, tmp_path):
    # Only files claimcheck ships are kept: a user's own YAML is read and checked every time.
    from claimcheck.reference import load_reference
    from claimcheck.tables import load_overrides

    shipped = (ROOT / "claims" / "reference.yaml").read_text(encoding="utf-8")
    own = tmp_path / "reference.yaml"
    own.write_text(shipped, encoding="utf-8")  # the bundled facts, as a file of the user's
    assert len(load_reference(own).facts) > 10
    (tmp_path / "overrides.yaml").write_text("overrides: []\n", encoding="utf-8")
    load_overrides(tmp_path)
    kept = {entry.name.split("-")[0].split(".")[-1] for entry in _entries(cache)}
    assert not kept & {"reference", "overrides"}  # (topics.yaml, shipped, may be kept)
    # The same text broken in the user's file is refused, though the bundled one parsed fine.
    own.write_text(shipped + "version: 2\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_reference(own)
    assert "duplicate key 'version'" in caught.value.problem


def test_two_files_of_one_name_in_two_folders_keep_an_entry_each(cache):
    assert load_bundled("a: 1\n", "claimcheck/data/ko/sources.yaml") == {"a": 1}
    assert load_bundled("b: 2\n", "claimcheck/data/fx/sources.yaml") == {"b": 2}
    names = sorted(entry.name.split("-")[0] for entry in _entries(cache))
    assert names == ["fx.sources", "ko.sources"]
