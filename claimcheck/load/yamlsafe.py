"""YAML for untrusted input: safe types only, no anchors or aliases, one-line errors."""

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
