"""Files shipped inside claimcheck's packages are found beside the package's module, and through
importlib.resources where the package is not a folder (claimcheck/packaged.py)."""

from __future__ import annotations

import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from claimcheck.packaged import packaged


@pytest.mark.parametrize(
    "package, parts",
    [
        ("claimcheck.data", ("ko", "topics.yaml")),
        ("claimcheck.data", ("ratings.yaml",)),
        ("claimcheck.data", ("fx",)),
        ("claimcheck.render", ("labels.yaml",)),
    ],
)
def test_a_packaged_file_is_the_one_importlib_resources_finds(package, parts):
    expected = resources.files(package)
    for part in parts:
        expected = expected.joinpath(part)
    found = packaged(package, *parts)
    assert isinstance(found, Path) and found == Path(str(expected))
    if found.is_file():
        assert found.read_bytes() == expected.read_bytes()


def test_a_package_in_a_zip_is_read_through_importlib_resources(tmp_path, monkeypatch):
    archive = tmp_path / "shipped.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_data/__init__.py", "")
        zipped.writestr("zipped_data/ko/words.yaml", "words: [하나]\n")
    monkeypatch.syspath_prepend(str(archive))
    monkeypatch.delitem(sys.modules, "zipped_data", raising=False)
    found = packaged("zipped_data", "ko", "words.yaml")
    assert not isinstance(found, Path)
    assert found.read_text(encoding="utf-8") == "words: [하나]\n"
