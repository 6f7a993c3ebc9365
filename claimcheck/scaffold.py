"""`claimcheck init`: the files a newsroom's repository starts with, never over existing ones."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimcheck.errors import InputError

_TEMPLATES = "claimcheck.data"
# Where each template goes, relative to the folder being set up.
_FILES = (
    ("scaffold/manifest.yaml", "seeds/manifest.yaml"),
    ("scaffold/overrides.yaml", "claims/overrides.yaml"),
    ("scaffold/reference.yaml", "claims/reference.yaml"),
    ("scaffold/claims.yml", ".github/workflows/claims.yml"),
)
README = "README.md"
README_HEADING = "## Fact-checking the claims in our articles"


@dataclass(frozen=True)
class Written:
    path: Path
    how: str  # "created" or "appended to"


def _template(name: str) -> str:
    return (resources.files(_TEMPLATES) / name).read_text(encoding="utf-8")


def plan(folder: Path) -> list[tuple[Path, str]]:
    """What init would write in `folder`: (path, text), README last. Raises InputError naming
    the first file that already exists; nothing has been written then."""
    from claimcheck import __version__

    out: list[tuple[Path, str]] = []
    for template, target in _FILES:
        path = folder / target
        if path.exists():
            raise InputError(path, "already exists: init overwrites nothing (nothing was written)")
        text = _template(template).replace("${CLAIMCHECK_VERSION}", __version__)
        out.append((path, text))
    section = _template("scaffold/readme.md")
    readme = folder / README
    if readme.is_dir():
        raise InputError(readme, "is a folder, not a README (nothing was written)")
    if readme.exists():
        try:
            existing = readme.read_bytes().decode("utf-8")  # its line endings as they are
        except UnicodeDecodeError:
            problem = "not UTF-8: cannot add a section (nothing was written)"
            raise InputError(readme, problem) from None
        if README_HEADING in existing:
            raise InputError(readme, "already has the claimcheck section (nothing was written)")
        eol = "\r\n" if "\r\n" in existing else "\n"
        out.append((readme, existing.rstrip("\r\n") + eol + section.replace("\n", eol)))
    else:
        out.append((readme, "# Articles\n" + section))
    return out


def init(folder: Path) -> list[Written]:
    """Set up `folder` (made if missing): seeds/ with a manifest stub, claims/ with overrides
    and a reference table extending the bundled one, the CI workflow, and a README section
    (a README that exists keeps every byte and gets the section at its end)."""
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "not a folder")
    readme_existed = (folder / README).exists()
    writes = plan(folder)
    from claimcheck.fileio import write_atomic

    done = []
    for path, text in writes:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
        appended = path.name == README and path.parent == folder and readme_existed
        done.append(Written(path, "appended a section to" if appended else "created"))
    return done
