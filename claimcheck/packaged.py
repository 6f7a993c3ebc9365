"""Files that ship inside claimcheck's packages (language data, rate tables, labels)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any


def packaged(package: str, *parts: str) -> Any:
    """The file or folder `parts` of `package`: a Path where the package is a folder (installed
    from a wheel, or a checkout), else what importlib.resources gives (a zip, say).

    Importing importlib.resources (which brings tempfile, shutil and zipfile) and asking it for
    the first file took about 6 ms of every start, for the folder beside the package's module.
    """
    folders = getattr(importlib.import_module(package), "__path__", None) or []
    for folder in folders:
        path = Path(folder).joinpath(*parts)
        if path.exists():
            return path
    from importlib import resources

    found: Any = resources.files(package)
    for part in parts:  # one name per joinpath: Python 3.10's Traversable takes no more
        found = found.joinpath(part)
    return found
