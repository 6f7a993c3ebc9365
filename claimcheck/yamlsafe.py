"""YAML for untrusted input: safe types only, no anchors, aliases or duplicate keys, short errors.

Every YAML file claimcheck reads (manifests, front matter, claim tables, overrides, the reference
table, language data) goes through `safe_load`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from claimcheck.errors import InputError

# libyaml's parser where PyYAML was built with it (the wheels are): parsing the reference table
# and the language data is most of a cold start with the pure-Python one.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that refuses repeated keys (anchors and aliases are refused before it runs,
    from the parser's events: aliases let a few hundred bytes expand into gigabytes, "billion
    laughs", and nothing claimcheck reads needs them)."""

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
                raise yaml.YAMLError(f"duplicate key {key!r} (line {key_node.start_mark.line + 1})")
            keys.add(key)
        return super().construct_mapping(node, deep=deep)


# Nothing claimcheck reads nests deeper than a handful of levels; libyaml's composer recurses
# once per level, so a document of 100,000 "[" would crash the interpreter, not raise.
MAX_DEPTH = 64


def _refuse_deep_nesting_and_anchors(text: str) -> None:
    try:
        _check_events(text, _Base)
    except yaml.YAMLError:
        if _Base is yaml.SafeLoader:
            raise
        # Newer libyaml builds stop at a nesting limit of their own (1,000 levels), and their
        # scanner reads ahead, so they can raise before our count reaches MAX_DEPTH. The
        # pure-Python parser has no such limit: run it to give our own message for too-deep
        # input, or the same kind of error for any other problem. Only invalid input pays.
        _check_events(text, yaml.SafeLoader)
        raise


def _check_events(text: str, loader: Any) -> None:
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
    try:
        _refuse_deep_nesting_and_anchors(text)
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - the loader is a SafeLoader
    except (TypeError, RecursionError) as exc:
        # e.g. "[1, 2]: x": a list as a mapping key
        raise InputError(path, f"invalid {what}: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        line = f" at line {exc.problem_mark.line + 1}" if exc.problem_mark is not None else ""
        raise InputError(path, f"invalid {what}{line}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid {what}: {exc}") from None
