"""The shipped exchange-rate tables and their citations, read once, lazily, for claimcheck.fx."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pydantic import Field, ValidationError

from claimcheck.errors import InputError
from claimcheck.models import Result
from claimcheck.yamlsafe import safe_load


class UnknownCurrencyError(ValueError):
    """A currency that no shipped table quotes."""


class TableSource(Result):
    id: str
    file: str
    title: str
    publisher: str
    series: str
    cite: str
    url: str
    licence: str
    retrieved_via: str
    base: str = Field(pattern=r"^[A-Z]{3}$")
    columns: dict[str, str]
    convention: str
    coverage: dict[Literal["start", "end"], dt.date]
    notes: list[str] = []


class Closure(Result):
    market: str
    start: dt.date
    end: dt.date
    reason_en: str
    reason_ko: str


class Preference(Result):
    pair: str = Field(pattern=r"^[A-Z]{3}/[A-Z]{3}$")
    table: str


class FxSources(Result):
    tables: list[TableSource]
    closures: list[Closure] = []
    preference: list[Preference] = []


@functools.lru_cache(maxsize=1)
def fx_sources() -> FxSources:
    """The citation of every shipped table (data/fx/sources.yaml), validated."""
    resource = _data_dir() / "sources.yaml"
    data = safe_load(resource.read_text(encoding="utf-8"), resource)
    try:
        sources = FxSources.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise InputError(resource, f"{where}: {error['msg']}") from None
    known = {table.id for table in sources.tables}
    for pref in sources.preference:
        if pref.table not in known:
            raise InputError(resource, f"preference names unknown table {pref.table!r}")
    return sources


def _data_dir():  # type: ignore[no-untyped-def]
    return resources.files("claimcheck.data") / "fx"


@dataclass(frozen=True)
class Series:
    """Daily quotes of one pair: `values[i]` quote units per base on `dates[i]` (None: blank)."""

    base: str
    quote: str
    dates: tuple[dt.date, ...]
    values: tuple[float | None, ...]
    table: TableSource
    via_eur: bool


_Column = tuple[tuple[dt.date, ...], tuple[float | None, ...]]


@functools.cache
def _table_columns(table_id: str) -> dict[str, _Column]:
    """Read one CSV once: quoted currency -> (dates, values)."""
    table = next(t for t in fx_sources().tables if t.id == table_id)
    resource = _data_dir() / table.file
    rows = list(csv.reader(io.StringIO(resource.read_text(encoding="utf-8"))))
    if not rows or rows[0] != ["date", *table.columns]:
        raise InputError(resource, f"header must be date,{','.join(table.columns)}")
    dates: list[dt.date] = []
    columns: dict[str, list[float | None]] = {code: [] for code in table.columns.values()}
    for number, row in enumerate(rows[1:], start=2):
        try:
            day = dt.date.fromisoformat(row[0])
            cells = [float(cell) if cell.strip() else None for cell in row[1:]]
        except (ValueError, IndexError):
            raise InputError(resource, f"line {number}: bad row {row!r}") from None
        if len(cells) != len(table.columns) or (dates and day <= dates[-1]):
            raise InputError(resource, f"line {number}: wrong width or date out of order")
        if any(cell is not None and cell <= 0 for cell in cells):
            raise InputError(resource, f"line {number}: a rate must be positive")
        dates.append(day)
        for code, cell in zip(table.columns.values(), cells, strict=True):
            columns[code].append(cell)
    if not dates or (dates[0], dates[-1]) != (table.coverage["start"], table.coverage["end"]):
        raise InputError(resource, "dates do not match the coverage in sources.yaml")
    return {code: (tuple(dates), tuple(values)) for code, values in columns.items()}


def currencies() -> list[str]:
    """Every currency some shipped table can price."""
    codes = set()
    for table in fx_sources().tables:
        codes.add(table.base)
        codes.update(table.columns.values())
    return sorted(codes)


@functools.cache
def pair_series(base: str, quote: str) -> Series:
    """The daily series of a pair: from its preferred table, else crossed through the euro."""
    for pref in fx_sources().preference:
        a, b = pref.pair.split("/")
        if {a, b} == {base, quote}:
            return direct(pref.table, base, quote)
    ecb = next(t for t in fx_sources().tables if t.base == "EUR")
    return direct(ecb.id, base, quote)


def direct(table_id: str, base: str, quote: str) -> Series:
    """The pair from one table: straight, inverted, or crossed through the table's base."""
    table = next(t for t in fx_sources().tables if t.id == table_id)
    columns = _table_columns(table_id)

    def per_base(code: str) -> _Column:
        if code == table.base:
            dates = next(iter(columns.values()))[0]
            return dates, tuple(1.0 for _ in dates)
        if code not in columns:
            raise UnknownCurrencyError(f"no rates for {code}; known: {', '.join(currencies())}")
        return columns[code]

    dates, quote_values = per_base(quote)
    _, base_values = per_base(base)
    values = tuple(
        None if q is None or b is None else q / b
        for q, b in zip(quote_values, base_values, strict=True)
    )
    return Series(base, quote, dates, values, table, table.base not in (base, quote))
