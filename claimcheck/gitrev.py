"""Claim tables as they were at a git revision, read with `git ls-tree` and `git cat-file`."""

from __future__ import annotations

import os
import posixpath
import subprocess
from pathlib import Path

from claimcheck.errors import InputError

_TIMEOUT = 60  # seconds; a git that hangs (a lock, a prompt) must not hang CI for ever


def _git(args: list[str], cwd: Path, what: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
            # Never ask for credentials or open an editor: this runs unattended in CI.
            env=_quiet_env(),
        )
    except FileNotFoundError:
        raise InputError(what, "cannot read a git revision: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise InputError(what, f"git {args[0]} took longer than {_TIMEOUT} s") from None
    if done.returncode != 0:
        raise _GitFailed(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


class _GitFailed(Exception):
    pass


def _quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_TERMINAL_PROMPT="0", GIT_EDITOR="true", GIT_PAGER="cat", LC_ALL="C")
    return env


def repo_root(cwd: Path, what: str) -> tuple[Path, str]:
    """The repository's top folder and the path of `cwd` inside it ('' or 'sub/dir/')."""
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd, what).decode("utf-8").strip()
        prefix = _git(["rev-parse", "--show-prefix"], cwd, what).decode("utf-8").strip()
    except _GitFailed:
        raise InputError(
            what, "not a git revision (this folder is not inside a git repository)"
        ) from None
    return Path(top), prefix


def resolve(rev: str, cwd: Path) -> str:
    """The commit id `rev` names; an InputError when it names none."""
    if not rev or rev.startswith("-"):
        raise InputError(rev, "not a git revision")  # would be read as an option by git
    top, _ = repo_root(cwd, rev)
    try:
        out = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top, rev)
    except _GitFailed:
        raise InputError(rev, "not a git revision (nor a folder of claim tables)") from None
    return out.decode("ascii").strip()


def is_revision(rev: str, cwd: Path) -> bool:
    try:
        resolve(rev, cwd)
    except InputError:
        return False
    return True


def files_at(rev: str, folder: str, cwd: Path, suffix: str = ".yaml") -> dict[str, str]:
    """File name → text of every `*suffix` file directly in `folder` (relative to `cwd`) at `rev`.

    A folder that did not exist at `rev` gives no files (the tables were added later).
    """
    commit = resolve(rev, cwd)
    top, prefix = repo_root(cwd, rev)
    inside = posixpath.normpath(posixpath.join(prefix, Path(folder).as_posix()))
    if inside.startswith(".."):
        raise InputError(folder, "is outside the git repository")
    where = f"{rev}:{inside}"
    try:
        listing = _git(["ls-tree", "-z", "--full-tree", commit, "--", f"{inside}/"], top, where)
    except _GitFailed as exc:
        raise InputError(where, f"cannot list: {exc}") from None
    out: dict[str, str] = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.decode("utf-8").partition("\t")
        kind = meta.split()[1]
        name = posixpath.basename(path)
        if kind != "blob" or not name.endswith(suffix):
            continue
        try:
            blob = _git(["cat-file", "blob", f"{commit}:{path}"], top, where)
        except _GitFailed as exc:
            raise InputError(f"{rev}:{path}", f"cannot read: {exc}") from None
        try:
            out[name] = blob.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{rev}:{path}", "is not UTF-8 text") from None
    return out
