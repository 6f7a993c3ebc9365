"""Scale: time and peak memory of extract and report on 100 to 10,000 generated articles.

Usage:
    python benchmarks/scale.py                     # N = 100, 1000, 10000; jobs 1 and 2;
                                                   # then N = 100,000 for extract --jobs 2 only
    python benchmarks/scale.py --big 0             # without the 100,000 point
    python benchmarks/scale.py --max 1000          # a quick run: stop at N = 1000
    python benchmarks/scale.py --sizes 100 300 --jobs 1
    python benchmarks/scale.py --long-line         # one-line articles of growing length
    python benchmarks/scale.py --keep /tmp/corpus  # keep the generated articles

Articles are made from the five seeds and the test corpus (tests/corpus/ko/articles/*.txt):
every figure's digits are redrawn, company names are swapped, and body lines are shuffled, all
from a seeded random generator, so a run is repeatable. Each stage runs as its own process,
the way a user runs it, and is measured from outside: wall time and the peak resident memory
of the largest process (os.wait4; with --jobs 2 that is the bigger of the parent and a worker).

  extract      claimcheck extract DIR --out TABLES --jobs J              (load, extract, write)
  report       claimcheck report DIR --format json --no-cache --jobs J   (load, extract, reconcile)

Besides wall time, each row gives the CPU time of the command and its workers (user + system,
from os.wait4): on a shared machine wall time also counts what other programs do, CPU time much
less. MB/s is megabytes of article text per wall second. Linear time shows as a constant time per
article; flat memory as a peak that does not grow with N. The summary prints both ratios between
the smallest and the largest N. The --big point (100,000 articles, about 345 MB of text) runs
`extract --jobs 2` only: the other stages would take an hour there.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "corpus" / "ko" / "articles").glob("*.txt")
)
# Pairs of names of the same kind, swapped both ways, so generated articles name other players.
NAME_SWAPS = [
    ("엔비디아", "브로드컴"),
    ("딥시크", "문샷AI"),
    ("오픈AI", "앤트로픽"),
    ("구글", "메타"),
    ("삼성전자", "SK하이닉스"),
    ("마이크로소프트", "아마존"),
    ("TSMC", "인텔"),
    ("미국", "영국"),
]
_DIGITS = re.compile(r"\d+")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


# --- the corpus ------------------------------------------------------------------------------


def vary(text: str, rng: random.Random) -> str:
    """The same kind of article with other figures, other names and its body lines shuffled."""
    front = _FRONT_MATTER.match(text)
    head, body = (text[: front.end()], text[front.end() :]) if front else ("", text)
    lines = body.split("\n")
    title, rest = lines[:1], lines[1:]
    rng.shuffle(rest)
    body = "\n".join(title + rest)
    for a, b in NAME_SWAPS:
        if rng.random() < 0.5:
            body = body.replace(a, "\0").replace(b, a).replace("\0", b)

    def redraw(m: re.Match[str]) -> str:
        digits = m.group(0)
        first = str(rng.randint(1, 9)) if digits[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return head + _DIGITS.sub(redraw, body)


def generate(folder: Path, count: int) -> int:
    """Write `count` articles into `folder`; return their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    total = 0
    for i in range(count):
        source = i % len(SOURCES)
        data = vary(texts[source], random.Random(i)).encode("utf-8")
        (folder / f"{i:05d}_{SOURCES[source].stem[:24]}.txt").write_bytes(data)
        total += len(data)
    return total


# --- measuring a whole process ---------------------------------------------------------------


class StageFailed(Exception):
    """The measured command exited non-zero (its last line of stderr says why)."""


def claimcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "claimcheck"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "claimcheck"]


def run_measured(
    command: list[str], cwd: Path, timeout: float | None = None
) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB of `command` (its largest process), and CPU seconds (user +
    system of the process and the workers it waited for)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise TimeoutError(f"gave up after {timeout:.0f} s")
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            lines = errors.read().decode(errors="replace").strip().splitlines() or ["(no message)"]
            raise StageFailed(f"exit {process.returncode}: {lines[-1]}")
    # Linux reports kilobytes; wait4's times include the children the process reaped.
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


# --- the two benchmarks ----------------------------------------------------------------------


def scale(
    sizes: list[int],
    jobs: list[int],
    keep: Path | None,
    stages: list[str],
    timeout: float,
    big: int = 0,
) -> None:
    cc = claimcheck_command()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules kept, as for a user
    work = Path(tempfile.mkdtemp(prefix="claimcheck-scale-"))
    rows: dict[str, list[tuple[int, float, float]]] = {}
    print(
        f"{len(SOURCES)} source articles; python {sys.version.split()[0]} on {os.cpu_count()} cores"
    )
    header = (
        f"{'stage':16} {'seconds':>8} {'ms/article':>10} {'MB/s':>6} {'peak MB':>8} "
        f"{'CPU s':>8} {'CPU ms/art':>10}"
    )
    print(f"\n{'N':>6} {'MB':>6}  {header}")
    try:
        points = [(n, stages, jobs) for n in sizes]
        if big:
            points.append((big, ["extract"], [2]))
        for n, stages, jobs in points:
            corpus = (keep or work) / f"articles-{n}"
            megabytes = generate(corpus, n) / 1e6
            commands = []
            if "extract" in stages:
                commands += [
                    (
                        f"extract -j{j}",
                        [*cc, "extract", str(corpus), "--out", "tables", "--jobs", str(j)],
                    )
                    for j in jobs
                ]
            if "report" in stages:
                commands += [
                    (
                        f"report -j{j}",
                        [*cc, "report", str(corpus), "-f", "json", "--no-cache", "--jobs", str(j)],
                    )
                    for j in jobs
                ]
            for name, command in commands:
                shutil.rmtree(work / "tables", ignore_errors=True)
                try:
                    seconds, peak, cpu = run_measured(command, work, timeout)
                except (StageFailed, TimeoutError) as exc:
                    print(f"{n:6d} {megabytes:6.1f}  {name:16} FAILED {exc}", flush=True)
                    continue
                rows.setdefault(name, []).append((n, seconds, peak))
                print(
                    f"{n:6d} {megabytes:6.1f}  {name:16} {seconds:8.1f} {1000 * seconds / n:10.1f} "
                    f"{megabytes / seconds:6.2f} {peak:8.0f} {cpu:8.1f} {1000 * cpu / n:10.2f}",
                    flush=True,
                )
            if keep is None:
                shutil.rmtree(corpus)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if len(sizes) > 1:
        print("\nbetween the smallest and the largest N measured:")
        for name, measured in rows.items():
            if len(measured) < 2:
                continue
            (n0, t0, m0), (n1, t1, m1) = measured[0], measured[-1]
            per_article = (t1 / n1) / (t0 / n0)
            print(
                f"  {name:16} N {n0} -> {n1}: time per article x{per_article:.2f} (1.00 = linear), "
                f"peak memory x{m1 / m0:.2f} (1.00 = flat; {m0:.0f} -> {m1:.0f} MB)"
            )


def long_line(sizes: list[int], timeout: float) -> None:
    """Load one article that is a single line of n characters; linear time doubles with n."""
    unit = (
        '그는 "비용은 560만 달러였다. 정말이다."라고 말했다. U.S. 정부는 오전(a.m.) 회의를 열었다. '
        "딥시크는 엔비디아 H800 GPU 2048개로 V3를 훈련했다고 밝혔다. "
    )
    code = (
        "import sys; from claimcheck.load import load_article; from claimcheck.extract import "
        "extract_claims; extract_claims(load_article(sys.argv[1]))"
    )
    print(f"{'characters':>10} {'seconds':>8} {'x previous':>10}   (load + extract of one line)")
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = Path(folder) / f"line-{n}.txt"
            path.write_text((unit * (n // len(unit) + 1))[:n], encoding="utf-8")
            try:
                seconds, _, _ = run_measured(
                    [sys.executable, "-c", code, str(path)], Path(folder), timeout
                )
            except TimeoutError as exc:
                print(f"{n:10d}  {exc}")
                break
            growth = f"{seconds / previous:10.1f}" if previous else ""
            print(f"{n:10d} {seconds:8.1f} {growth}", flush=True)
            previous = seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--max", type=int, default=None, help="skip sizes above this N")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values for extract and report"
    )
    parser.add_argument(
        "--stages", nargs="+", choices=["extract", "report"], default=["extract", "report"]
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="write the articles here and keep them"
    )
    parser.add_argument(
        "--long-line", action="store_true", help="one-line articles of growing length"
    )
    parser.add_argument(
        "--line-sizes", type=int, nargs="+", default=[62_500, 125_000, 250_000, 500_000]
    )
    parser.add_argument(
        "--timeout", type=float, default=3600, help="give up on a stage after this many seconds"
    )
    parser.add_argument(
        "--big",
        type=int,
        default=100_000,
        help="a last, larger N for extract --jobs 2 only (0: none; --max applies)",
    )
    args = parser.parse_args()
    if args.long_line:
        long_line(args.line_sizes, args.timeout)
        return 0
    sizes = [n for n in args.sizes if args.max is None or n <= args.max]
    big = args.big if args.max is None or args.big <= args.max else 0
    scale(sizes, args.jobs, args.keep, args.stages, args.timeout, big)
    return 0


if __name__ == "__main__":
    sys.exit(main())
