"""Compiled regular expressions kept between runs, as Python keeps compiled modules (.pyc).

Python's regex compiler (parse, then code generation) is pure Python: claimcheck's patterns took
about 50 ms of every cold start, an eighth of a `report --no-cache`. The regex engine's program
of each pattern is kept in the cache folder (outputcache.cache_dir), in one file keyed on the
Python version and the engine's magic number, and handed straight to the engine next time. It
is the program `re.compile` makes, by the same steps (tests/test_regexcache.py compares every
kept one with re.compile's); the engine checks a program before accepting it, the file carries
a checksum, and anything unexpected falls back to `re.compile`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any

try:  # the engine and the compiler's two steps (re._parser, re._compiler from Python 3.11)
    import _sre

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
except ImportError:  # pragma: no cover - another implementation of Python
    _sre = None

_MAGIC = b"claimcheck-regex-1\n"
_MAX_ENTRIES = 4096  # claimcheck has a few hundred; a user's own patterns may add some
# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup), as _sre.compile takes them
_Program = tuple[int, Any, int, dict, tuple]
_kept: dict[tuple[str, int], _Program] | None = None
_looked = False  # whether _kept was read (it stays None with the cache folder turned off)
_new: dict[tuple[str, int], _Program] = {}


def alternation(words: Iterable[str]) -> str:
    """Literal words as one regex alternation, in the order given ("달러|원"): the language data's
    word lists become patterns this way everywhere."""
    return "|".join(re.escape(word) for word in words)


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001
    """`re.compile(pattern, flags)`, from the kept program where there is one."""
    flags = int(flags)
    kept = _kept if _looked else _load()
    if kept is None:
        return re.compile(pattern, flags)
    program = kept.get((pattern, flags))
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except (TypeError, ValueError, RuntimeError):
            kept.pop((pattern, flags), None)
    if not isinstance(pattern, str) or flags & (re.DEBUG | re.TEMPLATE):
        return re.compile(pattern, flags)
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # an internal step not as expected: the ordinary way
        return re.compile(pattern, flags)
    if len(kept) + len(_new) < _MAX_ENTRIES:
        if not _new:
            import atexit

            atexit.register(_save)
        _new[pattern, flags] = program
        kept[pattern, flags] = program
    return compiled


def _program(pattern: str, flags: int) -> _Program:
    """What re._compiler.compile hands to the engine, made by the same steps."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: marshal takes them
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _path() -> Any:
    from claimcheck.outputcache import cache_dir

    folder = cache_dir()
    if folder is None or _sre is None:
        return None
    import hashlib

    identity = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{sys.maxunicode}".encode()
    return folder / "data" / f"regex-{hashlib.sha256(identity).hexdigest()[:32]}.bin"


def _load() -> dict[tuple[str, int], _Program] | None:
    """The kept programs ({} when none yet), or None when there is no cache folder."""
    global _kept, _looked
    path = _path()
    _kept, _looked = (None if path is None else _read(path)), True
    return _kept


def _read(path: Any) -> dict[tuple[str, int], _Program]:
    import hashlib
    import marshal

    try:
        stored = path.read_bytes()
    except OSError:
        return {}
    head = len(_MAGIC) + 32
    body = stored[head:]
    if not stored.startswith(_MAGIC) or hashlib.sha256(body).digest() != stored[len(_MAGIC) : head]:
        return {}
    try:
        kept = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}


def _save() -> None:
    """Add this run's new programs to the file (another run may have added others meanwhile);
    a cache that cannot be written is only slower next time."""
    import hashlib
    import marshal

    from claimcheck.errors import InputError
    from claimcheck.fileio import write_atomic

    path = _path()
    if path is None or not _new:
        return
    kept = _read(path)
    for key, program in _new.items():
        if len(kept) >= _MAX_ENTRIES:
            break
        kept[key] = program
    try:
        body = marshal.dumps(kept)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, _MAGIC + hashlib.sha256(body).digest() + body)
    except (OSError, ValueError, InputError):
        pass
