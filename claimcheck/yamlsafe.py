"""YAML for untrusted input: safe types only, no anchors, aliases or duplicate keys, short errors.

Every YAML file claimcheck reads (manifests, front matter, claim tables, overrides, the reference
table, language data) goes through `safe_load`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError

# PyYAML is imported at the first YAML actually parsed: a report reads only bundled files, whose
# parsed form comes from the cache folder (below), so it never needs PyYAML (8 ms to import).


@functools.cache
def _loaders() -> tuple[Any, Any]:
    """(base, strict): libyaml's parser where PyYAML was built with it (the wheels are; parsing
    the reference table and the language data is most of a cold start with the pure-Python
    one), and a safe loader on it that refuses repeated keys."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _StrictLoader(base):  # type: ignore[misc,valid-type]
        """A safe loader that refuses repeated keys (anchors and aliases are refused before it
        runs, from the parser's events: aliases let a few hundred bytes expand into gigabytes,
        "billion laughs", and nothing claimcheck reads needs them)."""

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            # A repeated key would silently keep the last value: refuse it instead.
            keys: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    hash(key)
                except TypeError:
                    # "[1, 2]: x": a key must be one value (Python would say "unhashable type").
                    raise yaml.YAMLError(
                        f"a list or a mapping cannot be a key (line {key_node.start_mark.line + 1})"
                    ) from None
                if key in keys:
                    raise yaml.YAMLError(
                        f"duplicate key {key!r} (line {key_node.start_mark.line + 1})"
                    )
                keys.add(key)
            return super().construct_mapping(node, deep=deep)

    return base, _StrictLoader


# Nothing claimcheck reads nests deeper than a handful of levels; libyaml's composer recurses
# once per level, so a document of 100,000 "[" would crash the interpreter, not raise.
MAX_DEPTH = 64


def _refuse_deep_nesting_and_anchors(text: str) -> None:
    import yaml

    base, _ = _loaders()
    try:
        _check_events(text, base)
    except yaml.YAMLError:
        if base is yaml.SafeLoader:
            raise
        # Newer libyaml builds stop at a nesting limit of their own (1,000 levels), and their
        # scanner reads ahead, so they can raise before our count reaches MAX_DEPTH. The
        # pure-Python parser has no such limit: run it to give our own message for too-deep
        # input, or the same kind of error for any other problem. Only invalid input pays.
        _check_events(text, yaml.SafeLoader)
        raise


def _check_events(text: str, loader: Any) -> None:
    import yaml

    depth = 0
    # The parser's events come one by one (no recursion), before anything is composed.
    for event in yaml.parse(text, Loader=loader):
        if getattr(event, "anchor", None) is not None:
            # An anchor alone does no harm, but it only exists to be aliased, and the rule
            # ("no anchors or aliases") is simpler to state and to keep than "no aliases".
            line = event.start_mark.line + 1 if event.start_mark else "?"
            raise yaml.YAMLError(
                f"anchors and aliases (&name, *name) are not allowed (line {line})"
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else "?"
                raise yaml.YAMLError(f"nested more than {MAX_DEPTH} levels deep (line {line})")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def safe_load(text: str, path: str | Path | None, what: str = "YAML") -> Any:
    """Parse `text` as YAML; any problem becomes an InputError naming `path`."""
    import yaml

    try:
        _refuse_deep_nesting_and_anchors(text)
        return yaml.load(text, Loader=_loaders()[1])  # noqa: S506 - the loader is a SafeLoader
    except (TypeError, RecursionError) as exc:
        # e.g. "[1, 2]: x": a list as a mapping key
        raise InputError(path, f"invalid {what}: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        line = f" at line {exc.problem_mark.line + 1}" if exc.problem_mark is not None else ""
        raise InputError(path, f"invalid {what}{line}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid {what}: {exc}") from None


# --- YAML shipped with claimcheck, parsed once per version of its text ------------------------

# Parsing the bundled YAML (language data, the reference table, labels) with PyYAML's constructor
# was about 50 ms of every report's start-up, more than the report's own work on five articles.
# Its parsed form is kept in the cache folder (as Python keeps .pyc files), keyed on the text's
# SHA-256, the Python version and marshal's format, and read back with marshal in about a
# millisecond. Only files claimcheck ships go this way; a user's YAML is always parsed and
# checked afresh. An entry is written only after the full checks above have passed on that text.
_BUNDLED_MAGIC = b"claimcheck-yaml-1\n"


def load_bundled(text: str, path: str | Path, what: str = "YAML") -> Any:
    """`safe_load` for a YAML file that ships with claimcheck; the same data, read faster."""
    import hashlib
    import marshal
    import sys

    from claimcheck.outputcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return safe_load(text, path, what)
    identity = f"{sys.version}\0{marshal.version}\0".encode() + text.encode("utf-8")
    key = hashlib.sha256(identity).hexdigest()[:32]
    # named after the file and its folder (ko.frames, fx.sources): one entry per file is kept
    stem = ".".join(Path(str(path)).with_suffix("").parts[-2:])
    entry = folder / "data" / f"{stem}-{key}.bin"
    try:
        stored = entry.read_bytes()
    except OSError:
        stored = b""
    head = len(_BUNDLED_MAGIC) + 32
    if stored.startswith(_BUNDLED_MAGIC) and len(stored) > head:
        body = stored[head:]
        if hashlib.sha256(body).digest() == stored[len(_BUNDLED_MAGIC) : head]:
            try:
                return marshal.loads(body)
            except (EOFError, ValueError, TypeError):
                pass  # not whole: parse again and rewrite it
    data = safe_load(text, path, what)
    _keep_bundled(entry, stem, data)
    return data


def _keep_bundled(entry: Path, stem: str, data: Any) -> None:
    """Write the parsed form; a cache that cannot be written is only slower next time."""
    import hashlib
    import marshal

    from claimcheck.fileio import write_atomic

    try:
        body = marshal.dumps(data)  # plain data only: a YAML date, say, is not kept
    except ValueError:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        for old in entry.parent.glob(f"{stem}-*.bin"):  # the entry of an older text
            if old != entry:
                old.unlink(missing_ok=True)
        write_atomic(entry, _BUNDLED_MAGIC + hashlib.sha256(body).digest() + body)
    except (OSError, InputError):
        pass
