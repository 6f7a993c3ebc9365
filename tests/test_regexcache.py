"""Kept regex programs (claimcheck/regexcache.py) are the ones re.compile makes, and a run that
reads them prints what a run that compiled them printed."""

import os
import re
import subprocess
import sys

from claimcheck import regexcache


def _run(cache: str, *args: str) -> bytes:
    env = dict(os.environ, CLAIMCHECK_CACHE_DIR=cache)
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        env=env,
        capture_output=True,
        check=True,
    )
    return done.stdout


def test_kept_programs_are_re_compiles_and_change_no_output(tmp_path, monkeypatch):
    cache = str(tmp_path / "cache")
    args = ("report", "--format", "json", "--no-cache")
    first = _run(cache, *args)  # compiles every pattern and keeps its program
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", cache)
    kept = regexcache._read(regexcache._path())
    assert len(kept) > 100  # the extractor's, the normaliser's and the loader's patterns
    for (pattern, flags), program in kept.items():
        ours, theirs = regexcache._sre.compile(pattern, *program), re.compile(pattern, flags)
        assert ours == theirs, pattern  # same flags, pattern and engine code
        assert (ours.groups, ours.groupindex) == (theirs.groups, theirs.groupindex), pattern
    assert _run(cache, *args) == first  # read back from the kept programs


def test_a_damaged_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path))
    path = regexcache._path()
    path.parent.mkdir(parents=True)
    path.write_bytes(regexcache._MAGIC + b"\0" * 40)
    assert regexcache._read(path) == {}
