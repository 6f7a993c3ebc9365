"""The README's Python API examples run: every ```python block of its "Python API" section, in
order, in one namespace, from the repository's root. pandas is not a dependency: without it, the
DataFrame example runs against a stand-in that flattens records as pandas.json_normalize does and
refuses a column the records do not have."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def api_blocks() -> list[str]:
    section = _section((ROOT / "README.md").read_text(encoding="utf-8"), "Python API")
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


class _Frame:
    """Just enough of a DataFrame for the README: columns of flattened records, selected by name."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.columns = list(dict.fromkeys(key for row in rows for key in row))

    def __getitem__(self, names: list[str]) -> _Frame:
        missing = [name for name in names if name not in self.columns]
        if missing:
            raise KeyError(missing)
        return _Frame([{name: row.get(name) for name in names} for row in self.rows])


def _flatten(record: dict, prefix: str = "") -> dict:
    flat: dict = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _pandas_stand_in() -> types.ModuleType:
    module = types.ModuleType("pandas")
    module.json_normalize = lambda records: _Frame([_flatten(r) for r in records])  # type: ignore[attr-defined]
    return module


def test_the_section_has_the_examples():
    blocks = api_blocks()
    assert len(blocks) >= 4
    joined = "\n".join(blocks)
    for call in (
        "claimcheck.load(",
        "claimcheck.extract(",
        "claimcheck.reconcile(",
        "claimcheck.normalize(",
    ):
        assert call in joined
    assert "json_normalize" in joined


def test_the_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    try:
        import pandas  # noqa: F401
    except ImportError:
        monkeypatch.setitem(sys.modules, "pandas", _pandas_stand_in())
    namespace: dict = {"__name__": "readme"}
    for number, block in enumerate(api_blocks(), start=1):
        try:
            exec(compile(block, f"README.md (Python API, block {number})", "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - name the block that failed
            pytest.fail(f"block {number} failed: {exc!r}\n{block}")
    # the DataFrame holds one row per claim, with the dotted quantity columns
    table = namespace["table"]
    assert len(table.rows if hasattr(table, "rows") else table) == len(namespace["claims"])
    assert "quantity.text" in list(table.columns)


def test_the_overrides_example_names_a_claim_of_the_committed_tables():
    import yaml

    section = _section((ROOT / "README.md").read_text(encoding="utf-8"), "Commands")
    (block,) = [
        b for b in re.findall(r"```yaml\n(.*?)```", section, flags=re.S) if "overrides" in b
    ]
    (override,) = yaml.safe_load(block)["overrides"]
    article = override["claim"].split(":")[0]
    table = yaml.safe_load((ROOT / "claims" / f"{article}.yaml").read_text(encoding="utf-8"))
    claims = {c["id"]: c for rows in table["topics"].values() for c in rows}
    # its comment says: Nvidia's fall of 약 17%
    claim = claims[override["claim"]]
    assert (claim["subject"], claim["quantity"]["text"]) == ("nvidia", "약 17%")
