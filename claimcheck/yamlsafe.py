"""YAML for untrusted input: safe types only, no anchors or aliases, no duplicate keys, one-line errors.

Every YAML file claimcheck reads (manifests, front matter, claim tables, overrides, the reference table,
language data) goes through `safe_load`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from claimcheck.errors import InputError


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases.

    Aliases let a few hundred bytes expand into gigabytes ("billion laughs"); article metadata
    never needs them, so they are refused outright rather than counted.
    """

    def fetch_alias(self) -> None:
        raise yaml.YAMLError(f"aliases (*name) are not allowed{_where(self)}")

    def fetch_anchor(self) -> None:
        raise yaml.YAMLError(f"anchors (&name) are not allowed{_where(self)}")

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        # A repeated key would silently keep the last value: refuse it instead.
        keys: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise yaml.YAMLError(f"duplicate key {key!r} (line {key_node.start_mark.line + 1})")
            keys.add(key)
        return super().construct_mapping(node, deep=deep)


def _where(loader: yaml.SafeLoader) -> str:
    mark = loader.get_mark()
    return f" (line {mark.line + 1})" if mark is not None else ""


def safe_load(text: str, path: str | Path | None, what: str = "YAML") -> Any:
    """Parse `text` as YAML; any problem becomes an InputError naming `path`."""
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - the loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        line = f" at line {exc.problem_mark.line + 1}" if exc.problem_mark is not None else ""
        raise InputError(path, f"invalid {what}{line}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid {what}: {exc}") from None
