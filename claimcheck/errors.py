"""Errors the core raises; the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input from the user: a file that is missing, empty, undecodable or invalid.

    The message is always one line and names the file, so the CLI can print it as is.
    """

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        # Multi-line messages (pydantic, yaml) are folded so the error stays one line.
        self.problem = " ".join(str(problem).split())
        super().__init__(self.message)

    def __reduce__(self):
        # Rebuilt from its own arguments, so an error met in a worker process crosses intact.
        return type(self), (self.path, self.problem)

    @property
    def message(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem
