"""Atomic file writes: a temporary file in the target folder, then a rename."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from claimcheck.errors import InputError

# Temporary files are hidden and named after their target, so a leftover is easy to recognise.
TMP_PREFIX = "."
TMP_SUFFIX = ".tmp"
_SYNC_ALL = hasattr(os, "sync")  # not on Windows: there every staged file is synced alone


def write_atomic(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write `data` to `path` so that readers see either the old file or the whole new one.

    The new file keeps the old one's permissions (a fresh file gets the umask's), a symlink is
    written through rather than replaced, and no temporary file is left behind on any failure.
    """
    with StagedWrites() as staged:
        staged.stage(path, data, encoding)


class StagedWrites:
    """Several files written all or nothing, as far as a file system allows.

    `stage` writes each file's new content to a temporary file beside it; leaving the `with`
    block renames them all into place, or, on any error, removes them and leaves every file as
    it was. Memory holds only the names, however many files are staged.
    """

    def __init__(self) -> None:
        # temporary, target and the name as given, kept as strings: a Path object costs several
        # times its string, and a run may stage a table for each of 100,000 articles
        self._staged: list[tuple[str, str, str]] = []
        self._made: list[Path] = []  # folders made for staged files, outermost first

    def __enter__(self) -> StagedWrites:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if kind is None:
            self._commit()
        else:
            self.discard()

    def stage(
        self,
        path: str | Path,
        data: str | bytes,
        encoding: str = "utf-8",
        make_folder: bool = False,
    ) -> None:
        """Write `data` beside `path`, to be renamed into place on leaving the `with` block.
        With `make_folder`, a missing folder is made, and removed again if nothing is written."""
        target = _through_links(Path(path))
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            if not make_folder:
                raise InputError(path, f"cannot write: folder {folder} does not exist")
            self._make_folder(path, folder)
        payload = data.encode(encoding) if isinstance(data, str) else data
        try:
            fd, tmp_name = _create_temp(folder, target.name)
        except OSError as exc:
            raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
        # One fsync per file costs a journal commit each (about 6 ms here, more than extracting
        # the article); from the second file on, one os.sync() before the renames does it for all.
        sync_now = not (self._staged and _SYNC_ALL)
        named = str(path)
        self._staged.append((tmp_name, named if named == str(target) else str(target), named))
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                if sync_now:
                    os.fsync(handle.fileno())
            _keep_mode(target, tmp_name)
        except OSError as exc:
            raise InputError(path, f"cannot write: {exc.strerror or exc}") from None

    def _commit(self) -> None:
        folders = set()
        if len(self._staged) > 1 and _SYNC_ALL:
            os.sync()  # the contents of every staged file are on disk before any rename
        try:
            for done, (tmp_name, target, path) in enumerate(self._staged):
                try:
                    os.replace(tmp_name, target)
                except OSError as exc:
                    del self._staged[:done]
                    raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
                folders.add(os.path.dirname(target) or ".")
            self._staged.clear()
            self._made.clear()  # they hold the files now
        finally:
            self.discard()  # what a failed rename left staged
        for folder in sorted(folders):
            _sync_folder(folder)

    def discard(self) -> None:
        # Ctrl-C or a bug half-way: the old files are untouched, and so must the folders be.
        for tmp_name, _, _ in self._staged:
            _remove_quietly(tmp_name)
        self._staged.clear()
        for folder in reversed(self._made):
            try:
                folder.rmdir()  # only if still empty: nothing else may have been put there
            except OSError:
                pass
        self._made.clear()

    def _make_folder(self, path: str | Path, folder: Path) -> None:
        missing = [folder, *(p for p in folder.parents if not p.exists())]
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
        finally:
            # mkdir may fail part-way ("File name too long" for the last part): what it made
            # is removed like the rest
            self._made.extend(reversed([p for p in missing if os.path.isdir(p)]))


def _through_links(path: Path) -> Path:
    # Replacing a symlink would turn it into a plain file; write where it points instead.
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    # os.open with 0o666 lets the umask decide a new file's mode, as open() would;
    # tempfile.mkstemp would make every written file private (0600).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp_name = str(folder / f"{TMP_PREFIX}{name}.{secrets.token_hex(4)}{TMP_SUFFIX}")
        try:
            return os.open(tmp_name, flags, 0o666), tmp_name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name")


def _keep_mode(target: Path, tmp_name: str) -> None:
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return
    os.chmod(tmp_name, mode)


def _sync_folder(folder: str | Path) -> None:
    # Make the rename itself durable; not every platform can open a folder, which is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
