"""Accuracy and speed of claimcheck's quantity normaliser beside Duckling on the same sentences."""

# Run from the repository root:
#
#     python benchmarks/normalizer.py            # corpus + seed sentences, best of 3 timings
#     python benchmarks/normalizer.py --repeat 15
#
# Duckling is the optional `bench` extra (`pip install -e '.[bench]'`, which installs
# pyduckling-native-phihos); without it the script says so and prints claimcheck's figures alone.
#
# Accuracy: a case is right when the quantities found are exactly as many as expected and each
# one matches the expected value, unit and qualifier (where the corpus states them; Duckling has
# no qualifiers, so its qualifier is always "exact"). A negative is right when nothing is found.
# Seed sentences have no gold labels: for them only speed and the number of figures are shown.

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "ko"
SEEDS = ROOT / "seeds"
COMPARED = ("value", "unit", "qualifier")
# Duckling's Numeral/KO and AmountOfMoney/KO corpus cases, reported as a group of their own.
DUCKLING_CASES = "quantities_duckling"
CURRENCIES = {
    "$": "USD",
    "USD": "USD",
    "₩": "KRW",
    "KRW": "KRW",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "CNY": "CNY",
}


@dataclass
class Case:
    text: str
    expected: list[dict[str, Any]]
    group: str


Finder = Callable[[str], list[dict[str, Any]]]


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CORPUS.glob("quantities*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        duckling_own = path.stem == DUCKLING_CASES
        for entry in data.get("quantities", []):
            want = entry["expect"]
            plain = want.get("qualifier", "exact") == "exact" and (
                want.get("unit") is None or want.get("unit") in CURRENCIES.values()
            )
            group = "plain numerals & money" if plain else "units, qualifiers, ranges"
            if duckling_own:
                group = "Duckling's own Korean cases"
            cases += [Case(form, [want], group) for form in entry["forms"]]
        cases += [Case(s["text"], s["expect"], "news sentences") for s in data.get("sentences", [])]
        cases += [Case(t, [], "negatives") for t in data.get("negatives", [])]
    return cases


def seed_sentences() -> list[str]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]
    return sentences


def matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    for key in COMPARED:
        if key not in want:
            continue
        a, b = want[key], got.get(key)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            if not math.isclose(a, b, rel_tol=1e-6):
                return False
        elif a != b:
            return False
    return True


def right(case: Case, found: list[dict[str, Any]]) -> bool:
    return len(found) == len(case.expected) and all(
        matches(w, g) for w, g in zip(case.expected, found, strict=True)
    )


# --- the two systems ---------------------------------------------------------------------


@dataclass(frozen=True)
class System:
    """A recogniser: its native call (what is timed) and the conversion of its answer to the
    common form the accuracy check reads (not timed, for either system)."""

    name: str
    parse: Callable[[str], Any]
    comparable: Callable[[Any], list[dict[str, Any]]]

    def find(self, text: str) -> list[dict[str, Any]]:
        return self.comparable(self.parse(text))


def claimcheck_system() -> System:
    from claimcheck.quantities import find_quantities

    return System("claimcheck", find_quantities, lambda found: [q.model_dump() for q in found])


def duckling_system() -> tuple[System | None, str]:
    try:
        import duckling
    except ImportError as exc:
        return None, f"Duckling is not installed ({exc}); pip install -e '.[bench]'"
    try:
        lang = duckling.parse_lang("KO")
        zones = duckling.load_time_zones("/usr/share/zoneinfo")
        # A fixed reference time keeps runs comparable; the dimensions below ignore it.
        ref = duckling.parse_ref_time(zones, "Asia/Seoul", 1738281600)
        context = duckling.Context(ref, duckling.default_locale_lang(lang))
        dims = duckling.parse_dimensions(["amount-of-money", "number", "duration"])
    except Exception as exc:  # noqa: BLE001 - any failure means "no Duckling here"
        return None, f"Duckling could not start: {exc}"
    version = getattr(duckling, "__version__", "?")

    def parse(text: str) -> list[dict[str, Any]]:
        return duckling.parse(text, context, dims, False)

    return System("Duckling", parse, _duckling_quantities), f"pyduckling-native-phihos {version}"


def _fix(text: str) -> str:
    # The wheel hands back non-ASCII unit strings as UTF-8 bytes read as Latin-1.
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _duckling_quantities(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Duckling's entities, longest first where they overlap, as value/unit/qualifier."""
    rank = {"amount-of-money": 0, "duration": 1, "number": 2}
    chosen: list[dict[str, Any]] = []
    for r in sorted(results, key=lambda r: (r["start"], -(r["end"] - r["start"]), rank[r["dim"]])):
        if chosen and r["start"] < chosen[-1]["end"]:
            continue
        chosen.append(r)
    out = []
    for r in chosen:
        value = r["value"].get("value")
        if r["dim"] == "amount-of-money":
            raw = _fix(r["value"].get("unit") or "")
            unit: str | None = CURRENCIES.get(raw, raw or None)
        elif r["dim"] == "duration":
            unit = r["value"].get("unit")
        else:
            unit = None
        out.append({"value": value, "unit": unit, "qualifier": "exact", "end": r["end"]})
    return out


# --- measuring ---------------------------------------------------------------------------


def speeds(systems: list[System], texts: list[str], repeat: int) -> list[float]:
    """Sentences per second of each system's native call, best of `repeat` passes.

    The passes of the systems alternate, so that a slow spell of a shared machine falls on
    both rather than on whichever happened to run then.
    """
    for system in systems:
        for text in texts[:50]:
            system.parse(text)  # warm-up: tables loaded, caches filled
    best = [math.inf] * len(systems)
    for _ in range(repeat):
        for k, system in enumerate(systems):
            parse = system.parse
            began = time.perf_counter()
            for text in texts:
                parse(text)
            best[k] = min(best[k], time.perf_counter() - began)
    return [len(texts) / t for t in best]


def accuracy(find: Finder, cases: list[Case]) -> dict[str, tuple[int, int]]:
    scores: dict[str, tuple[int, int]] = {}
    for case in cases:
        ok, n = scores.get(case.group, (0, 0))
        scores[case.group] = (ok + right(case, find(case.text)), n + 1)
    ok = sum(v[0] for v in scores.values())
    scores["all corpus cases"] = (ok, len(cases))
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    args = parser.parse_args()

    cases = load_cases()
    seeds = seed_sentences()
    if not cases:
        print(f"no corpus found under {CORPUS}", file=sys.stderr)
        return 1
    systems: list[System] = [claimcheck_system()]
    duck, note = duckling_system()
    if duck is not None:
        systems.append(duck)
    else:
        print(f"note: {note}", file=sys.stderr)

    rows: dict[str, list[str]] = {}
    for system in systems:
        for group, (ok, n) in accuracy(system.find, cases).items():
            rows.setdefault(f"accuracy: {group} (n={n})", []).append(f"{ok / n:6.1%} ({ok})")
    timed = {
        "all corpus cases": [c.text for c in cases],
        "corpus news sentences": [c.text for c in cases if c.group == "news sentences"],
        "seed sentences": seeds,
    }
    ratios = {}
    for label, texts in timed.items():
        per_second = speeds(systems, texts, args.repeat)
        rows[f"sentences/s: {label} ({len(texts)})"] = [f"{v:,.0f}" for v in per_second]
        if len(per_second) == 2:
            ratios[f"speed-up: {label}"] = [f"{per_second[0] / per_second[1]:.1f}x", ""]
    rows["figures found in seed sentences"] = [
        str(sum(len(system.find(s)) for s in seeds)) for system in systems
    ]
    rows.update(ratios)
    names = [system.name for system in systems]
    width = max(len(k) for k in rows) + 2
    print(f"{'':<{width}}" + "".join(f"{n:>16}" for n in names))
    for key, cells in rows.items():
        print(f"{key:<{width}}" + "".join(f"{c:>16}" for c in cells))
    if duck is not None:
        print(f"\nDuckling: {note}; Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
