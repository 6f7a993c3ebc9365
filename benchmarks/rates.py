"""What the first exchange rate of a run costs, in a fresh process, by where it comes from.

Usage:
    python benchmarks/rates.py              # 7 rounds, medians and minima in ms
    python benchmarks/rates.py --rounds 15

Each round starts new processes that import what a report has imported anyway (the models, the
output cache, PyYAML), ask for a FRED date (the shipped KRW/USD table), then time one rate:
- "FRED date": 2025-04-28, answered by the shipped FRED table (the ECB history is never opened);
- "ECB date, no cache": 2025-09-24 with CLAIMCHECK_CACHE_DIR=off: the zip is inflated and split;
- "ECB date, compact copy written": the same with an empty cache folder (inflate, split, write);
- "ECB date, compact copy read": the same again, reading the compact copy the last one wrote.
The package's own CurrencyConverter() parses the whole history at start; it is timed for
comparison (`currency_converter.CurrencyConverter()` then one convert()).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = """
import datetime as dt, time
import claimcheck.models, claimcheck.outputcache, importlib.resources, yaml
from claimcheck import fx
{warm}
start = time.perf_counter()
fx.rate("USD", "KRW", dt.date.fromisoformat("{day}"))
print((time.perf_counter() - start) * 1e3)
"""
PACKAGE = """
import datetime as dt, time
start = time.perf_counter()
from currency_converter import CurrencyConverter
CurrencyConverter().convert(1, "USD", "KRW", date=dt.date(2025, 9, 24))
print((time.perf_counter() - start) * 1e3)
"""


def once(code: str, cache: str) -> float:
    env = dict(os.environ, CLAIMCHECK_CACHE_DIR=cache)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    warm = 'fx.rate("USD", "KRW", dt.date(2025, 4, 28))'
    times: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as cache:
            runs = {
                "FRED date": (PROBE.format(warm="", day="2025-04-28"), "off"),
                "ECB date, no cache": (PROBE.format(warm=warm, day="2025-09-24"), "off"),
                "ECB date, compact copy written": (
                    PROBE.format(warm=warm, day="2025-09-24"),
                    cache,
                ),
                "ECB date, compact copy read": (PROBE.format(warm=warm, day="2025-09-24"), cache),
                "currencyconverter's own (import + parse)": (PACKAGE, "off"),
            }
            for name, (code, folder) in runs.items():
                times.setdefault(name, []).append(once(code, folder))
    print(f"python {sys.version.split()[0]}; {args.rounds} rounds; ms for the first rate")
    print(f"{'':44} {'median':>8} {'min':>8}")
    for name, values in times.items():
        print(f"{name:44} {statistics.median(values):8.1f} {min(values):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
