"""Validated records of the data files claimcheck ships, kept between runs as plain data.

Validating the shipped data (the reference table, the language data, labels, ratings) built
about a dozen pydantic validators and ran them on every start: about 20 ms of a computed report
on the bundled corpus, for records that only change when the files or claimcheck do. The
validated record is kept in the cache folder (outputcache.cache_dir) and rebuilt from it without
validating, in about a tenth of the time:

- as plain data, written with marshal, which writes and reads strings, numbers, lists, dicts
  and tuples and runs nothing (a pickle would be code the next run executes): a list or dict
  of strings and numbers as itself, read back as it is; any other list as ("l", items), dict
  as ("d", items), tuple as ("t", items), set as ("s", items), frozenset as ("f", items), date
  as ("D", "YYYY-MM-DD"), and a record as ("m", module, class name, fields, names of the
  fields set), the class one of claimcheck's own pydantic models, already imported;
- keyed on the file's text, the model, the versions of Python, marshal, pydantic and
  pydantic-core, and the names, sizes and times of every file of the claimcheck package (its
  code and its data, as Python checks .pyc files), so that a changed file, rule or library
  builds and validates again;
- with a checksum of the entry; an entry is written only after validation has passed.

Any doubt falls back to validating: no cache folder, no entry or a damaged one, a class that is
not one of claimcheck's models, a value this format does not keep (a time of day, say: that
record is validated every time). tests/test_kept_models.py holds every kept record to what
validating gives.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_MAGIC = b"claimcheck-model-2\n"
_PLAIN = (str, int, float, bool, type(None))
_OWN = ("claimcheck.",)  # the modules whose models are kept (tests add their own)
# Entries kept per file, the newest: each installation (a checkout, its worktrees, a virtual
# environment) has a fingerprint of its own, and two of them sharing the cache folder would
# otherwise replace each other's entry at every run.
_KEPT_PER_FILE = 4


class _NotKept(Exception):
    """A value this format does not keep, or an entry that does not decode."""


def kept_model(model: type[M], text: str, path: str | Path, build: Callable[[], M]) -> M:
    """`build()` (validating `text` of the shipped file `path` into a `model`), or the record it
    gave for this text before, read back from the cache folder."""
    import hashlib

    from claimcheck.outputcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return build()
    identity = "\0".join([_fingerprint(), model.__module__, model.__qualname__, text])
    key = hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    stem = ".".join(Path(str(path)).with_suffix("").parts[-2:])  # ko.topics, claims.reference
    entry = folder / "data" / f"model.{stem}-{key}.bin"
    record = _read(entry, model)
    if record is not None:
        return record
    record = build()
    _keep(entry, stem, record)
    return record


def kept_shipped(model: type[M], source: Path, what: str) -> M:
    """A shipped YAML file (`what` names it in errors: "labels YAML") validated as `model`, or
    its kept record: an invalid file is one line naming it and the first field at fault."""
    from pydantic import ValidationError

    from claimcheck.errors import InputError
    from claimcheck.yamlsafe import load_bundled

    text = source.read_text(encoding="utf-8")

    def build() -> M:
        raw = load_bundled(text, str(source), what)
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise InputError(
                str(source), f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
            ) from None

    return kept_model(model, text, str(source), build)


@functools.cache
def _fingerprint() -> str:
    """The versions and claimcheck's own files (names, sizes, times) a record depends on."""
    import marshal
    import os

    import pydantic
    import pydantic_core

    import claimcheck

    package = os.path.dirname(os.path.abspath(claimcheck.__file__))
    parts = [sys.version, str(marshal.version), pydantic.VERSION, pydantic_core.__version__]
    for root, folders, names in os.walk(package):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        inside = root[len(package) + 1 :].replace(os.sep, "/")  # "" for the package's own folder
        for name in sorted(names):
            try:
                stat = os.stat(os.path.join(root, name))
            except OSError:
                continue
            where = f"{inside}/{name}" if inside else name
            parts.append(f"{where}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def _read(entry: Path, model: type[M]) -> M | None:
    import hashlib
    import marshal

    try:
        stored = entry.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    body = stored[head:]
    if not stored.startswith(_MAGIC) or hashlib.sha256(body).digest() != stored[len(_MAGIC) : head]:
        return None
    try:
        record = _decode(marshal.loads(body))
    except (_NotKept, EOFError, ValueError, TypeError, AttributeError, KeyError, IndexError):
        return None
    except RecursionError:  # nested deeper than any record (marshal reads 2,000 levels)
        return None
    return record if type(record) is model else None


def _keep(entry: Path, stem: str, record: BaseModel) -> None:
    """Write the record's plain form; one that cannot be kept or written is only slower."""
    import hashlib
    import marshal

    from claimcheck.errors import InputError
    from claimcheck.fileio import write_atomic

    try:
        body = marshal.dumps(_encode(record))
    except (_NotKept, ValueError):
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, _MAGIC + hashlib.sha256(body).digest() + body)
        others = [old for old in entry.parent.glob(f"model.{stem}-*.bin") if old != entry]
        others.sort(key=lambda old: old.stat().st_mtime_ns, reverse=True)
        for old in others[_KEPT_PER_FILE - 1 :]:  # older versions, other installations
            old.unlink(missing_ok=True)
    except (OSError, InputError):
        pass


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        if all(type(item) in _PLAIN for item in value):
            return value  # read back as it is, without a walk
        return ("l", [_encode(item) for item in value])
    if kind is dict:
        if not all(type(key) in _PLAIN for key in value):
            raise _NotKept("a key that is not a string or a number")
        if all(type(item) in _PLAIN for item in value.values()):
            return value
        return ("d", {key: _encode(item) for key, item in value.items()})
    if kind is tuple:
        return ("t", tuple(_encode(item) for item in value))
    if kind is set or kind is frozenset:
        if not all(type(item) in _PLAIN for item in value):
            raise _NotKept("a set of other values than strings and numbers")
        return ("s" if kind is set else "f", tuple(value))
    if kind is dt.date:  # not a datetime, a subclass
        return ("D", value.isoformat())
    if isinstance(value, BaseModel) and kind.__module__.startswith(_OWN):
        if value.__pydantic_extra__ or value.__pydantic_private__:
            raise _NotKept("extra fields or private attributes")
        fields = {name: _encode(item) for name, item in value.__dict__.items()}
        return (
            "m",
            kind.__module__,
            kind.__qualname__,
            fields,
            tuple(sorted(value.__pydantic_fields_set__)),
        )
    raise _NotKept(kind.__name__)


def _decode(value: Any) -> Any:
    if type(value) is not tuple:
        return value  # a string, a number, or a list or dict of them (new objects of marshal's)
    tag = value[0]
    if tag == "l":
        return [_decode(item) for item in value[1]]
    if tag == "d":
        return {key: _decode(item) for key, item in value[1].items()}
    if tag == "t":
        return tuple(_decode(item) for item in value[1])
    if tag == "s":
        return set(value[1])
    if tag == "f":
        return frozenset(value[1])
    if tag == "D":
        return dt.date.fromisoformat(value[1])
    if tag != "m":
        raise _NotKept(f"tag {tag!r}")
    _, module, name, fields, fields_set = value
    record = object.__new__(_model_class(module, name))
    # as pydantic's own construction leaves a record (models.from_checked_parts does the same)
    object.__setattr__(record, "__dict__", {key: _decode(item) for key, item in fields.items()})
    object.__setattr__(record, "__pydantic_fields_set__", set(fields_set))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


def _model_class(module: str, name: str) -> type[BaseModel]:
    """One of claimcheck's pydantic models, from a module already imported (nothing is imported
    or run because an entry names it)."""
    if not module.startswith(_OWN) or module not in sys.modules:
        raise _NotKept(module)
    found: Any = sys.modules[module]
    for part in name.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and issubclass(found, BaseModel)):
        raise _NotKept(f"{module}.{name}")
    return found
