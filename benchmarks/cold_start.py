"""Cold start: whole `claimcheck --help` and `claimcheck report` processes against a bare import.

Usage:
    python benchmarks/cold_start.py                 # 7 rounds, medians and ratios
    python benchmarks/cold_start.py --rounds 15 --explain
    python benchmarks/cold_start.py --check         # exit 1 when a ratio is over its limit

The bars: `report` on the bundled corpus within 1.7x the bare import of the libraries it needs,
`--help` within 1.3x (issue 7), and the computation itself, `report --no-cache`, within 2.5x
(issue 12). `claimcheck report` is timed as a user meets it after the first run, replayed from
the output cache (claimcheck/outputcache.py, keyed by the contents of every input);
`report --no-cache` computes everything and draws the terminal view; `report -f json --no-cache`
computes everything and writes JSON (the terminal view's drawing is left out).
Every round runs the commands one after the other, so they share whatever the machine is
doing; the median of the rounds is compared. `report` runs
in an empty temporary folder, so no claims/overrides.yaml of the working tree is read.
--explain adds where the time goes: the slowest imports (`python -X importtime`) and the
phases of a report (imports, load, extract, reference table, reconcile, render) in one process.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = "import click, pydantic, yaml, rich.console, rich.table, rapidfuzz"
LIMITS = {"claimcheck --help": 1.3, "claimcheck report": 1.7, "report --no-cache": 2.5}


def claimcheck_command() -> list[str]:
    """The installed console script beside this interpreter (what a user runs), else -m."""
    script = Path(sys.executable).parent / "claimcheck"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "claimcheck"]


def timed(command: list[str], cwd: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def measure(rounds: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    cc = claimcheck_command()
    commands = {
        "bare import": [sys.executable, "-c", BARE],
        "claimcheck --help": [*cc, "--help"],
        "claimcheck report": [*cc, "report"],
        "report --no-cache": [*cc, "report", "--no-cache"],
        "report -f json --no-cache": [*cc, "report", "--format", "json", "--no-cache"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as cwd:
        # A cache of its own: the first (uncounted) `report` fills it, as a user's first run does.
        os.environ["CLAIMCHECK_CACHE_DIR"] = os.path.join(cwd, "cache")
        # As a user meets it, Python keeps compiled modules (.pyc) from the first run on; with
        # PYTHONDONTWRITEBYTECODE set (as on some CI machines) every run would compile claimcheck.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        for command in commands.values():
            timed(command, cwd)  # warm the disk cache and .pyc files; not counted
        for _ in range(rounds):
            for name, command in commands.items():
                wall, used = timed(command, cwd)
                times[name].append(wall)
                cpu[name].append(used)
    return times, cpu


def explain_imports(args: list[str], top: int = 12) -> None:
    """The slowest imports of one process, by their own time and with what they pull in."""
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "claimcheck", *args],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _, self_us, cumulative_us, name = (
            part.strip() for part in line.replace("import time:", "|", 1).split("|")
        )
        rows.append((int(self_us), int(cumulative_us), name))
    total = sum(r[0] for r in rows) / 1e6
    ours = sum(r[0] for r in rows if r[2].startswith("claimcheck")) / 1e6
    print(
        f"\nimports of `claimcheck {' '.join(args)}`: {len(rows)} modules, {total:.3f} s "
        f"({ours:.3f} s in claimcheck's own modules)"
    )
    print(f"  {'self s':>7} {'cumul. s':>8}  module")
    for self_us, cumulative_us, name in sorted(rows, reverse=True)[:top]:
        print(f"  {self_us / 1e6:7.3f} {cumulative_us / 1e6:8.3f}  {name}")


def explain_phases() -> None:
    """Where one `claimcheck report` spends its time, phase by phase (run in a fresh process)."""
    marks = [("start", time.process_time())]  # CPU time: steadier on a busy machine

    def mark(name: str) -> None:
        marks.append((name, time.process_time()))

    import importlib

    for name in BARE.removeprefix("import ").split(", "):
        importlib.import_module(name)
    mark("bare imports")
    import claimcheck.cli  # noqa: F401 - as `claimcheck report`: its collector settings, no plugins

    mark("the command line's module (collector settings; no pydantic plugins)")
    # `import pydantic` is lazy: BaseModel, the schema builder and its plugin loader (which
    # imports importlib.metadata) come with the first model, a cost no claimcheck change avoids.
    from pydantic import BaseModel

    class _First(BaseModel):
        value: int

    mark("pydantic's first model (not in the bare import)")
    import claimcheck.cli.report_view  # noqa: F401
    from claimcheck.cli.common import echo_json_lists
    from claimcheck.reconcile import store_for_paths

    mark("claimcheck imports (models are built when first used)")
    from claimcheck.extract.lexicon import stance_data, topic_data
    from claimcheck.extract.mentions import find_mentions
    from claimcheck.quantities import find_quantities

    find_mentions("딥시크")
    topic_data(), stance_data()
    mark("extractor's language data (entity pattern, topics; parsed YAML read from the cache)")
    find_quantities("약 560만 달러")
    mark("normaliser's language data")
    from claimcheck.reference import load_reference

    load_reference()
    mark("reference table")
    with store_for_paths(None, "claims", 1) as store:
        mark("load, extract and reconcile the corpus (into the store)")
        with contextlib.redirect_stdout(io.StringIO()):
            echo_json_lists(
                [
                    ("articles", store.article_rows()),
                    ("claims", store.claim_rows()),
                    ("findings", store.finding_rows(topics=(), verdicts=(), single_source=False)),
                ]
            )
        mark("JSON output")
        from claimcheck.cli.report_view import terminal

        with contextlib.redirect_stdout(io.StringIO()):
            terminal(store, store.findings(topics=(), verdicts=(), single_source=False), "en")
        mark("terminal view")
    print("\nphases of one report, in a fresh process (CPU seconds):")
    for (_, before), (name, after) in zip(marks, marks[1:], strict=False):
        print(f"  {after - before:7.3f} s  {name}")
    print(f"  {marks[-1][1] - marks[0][1]:7.3f} s  total")


def main() -> int:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # see measure(); for --explain too
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, default=7, help="rounds of the three commands (default 7)"
    )
    parser.add_argument(
        "--explain", action="store_true", help="show slow imports and report phases"
    )
    parser.add_argument("--phases", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a ratio is over its limit"
    )
    args = parser.parse_args()
    if args.phases:  # the child of --explain: a fresh process, so every import is cold
        explain_phases()
        return 0

    print(
        f"python {sys.version.split()[0]} on {os.cpu_count()} cores; {args.rounds} rounds; "
        f"claimcheck = {' '.join(claimcheck_command())}"
    )
    times, cpu = measure(args.rounds)
    bare = statistics.median(times["bare import"])
    bare_cpu = statistics.median(cpu["bare import"])
    over = []
    print(
        f"\n{'command':26} {'median s':>9} {'min s':>7} {'ratio':>6} {'limit':>6}"
        f"   {'CPU s':>6} {'ratio':>6}"
    )
    for name, values in times.items():
        median = statistics.median(values)
        limit = LIMITS.get(name)
        ratio = median / bare
        verdict = "" if limit is None else ("ok" if ratio <= limit else "OVER")
        if verdict == "OVER":
            over.append(name)
        limit_text = f"{limit:.1f}x" if limit else ""
        used = statistics.median(cpu[name])
        print(
            f"{name:26} {median:9.3f} {min(values):7.3f} {ratio:5.2f}x {limit_text:>6} "
            f"{verdict:4} {used:6.3f} {used / bare_cpu:5.2f}x"
        )
    print(
        "\n(CPU = user + system time of the process, median; on a busy machine the wall time"
        "\n also counts other programs, the CPU ratio much less)"
    )
    print(f'\n(bare import = python -c "{BARE}")')
    if args.explain or over:
        explain_imports(["--help"])
        explain_imports(["report"])
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--phases"], check=True)
    return 1 if over and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
