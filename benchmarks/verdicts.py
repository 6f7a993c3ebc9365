"""Precision and recall of the report's problem verdicts on the verdict-trust corpus
(tests/corpus/ko/verdicts), on the bundled seeds and on the six held-out corpora
(tests/corpus/ko/verdicts_holdout … verdicts_holdout6; verdict_scoring.HOLDOUTS says in which
order they were written; each was measured once on arrival before anyone studied it).

    python benchmarks/verdicts.py                      # the figures
    python benchmarks/verdicts.py --verbose            # also each false positive, miss, violation
    python benchmarks/verdicts.py holdout5 holdout6    # only these sets
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from verdict_scoring import (  # noqa: E402
    Score,
    score_corpus,
    HOLDOUTS,
    score_folder,
    score_seeds,
)


def show(name: str, score: Score, verbose: bool) -> None:
    print(f"== {name}")
    print(
        f"problem findings {score.problems}  TP {score.true_positives}  "
        f"FP {score.false_positive_count}  precision {score.precision:.1%}"
        + (f"  (of them on a planted error: {score.on_a_flag})" if score.on_a_flag else "")
        + (f"  (disputes of a scope trap, allowed: {len(score.allowed)})" if score.allowed else "")
    )
    print(f"flags {score.flags}  found {score.found}  recall {score.recall:.1%}")
    violations = {cls: len(lines) for cls, lines in sorted(score.violations.items())}
    total = sum(violations.values())
    listed = ", ".join(f"{cls} {n}" for cls, n in violations.items())
    print(f"not_flagged violations {total}" + (f" ({listed})" if listed else ""))
    if verbose:
        for title, lines in (
            ("false positives", score.false_positives),
            ("misses", score.misses),
            ("violations", [x for cls in sorted(score.violations) for x in score.violations[cls]]),
        ):
            print(f"\n{title}:")
            for line in lines:
                print(f"  {line}")
    print()


def main() -> None:
    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    # names of sets to run (corpus, seeds, holdout…holdout6); all without any
    wanted = {a for a in sys.argv[1:] if not a.startswith("-")}

    def chosen(name: str) -> bool:
        return not wanted or name in wanted

    if chosen("corpus"):
        show("corpus (tests/corpus/ko/verdicts)", score_corpus(), verbose)
    if chosen("seeds"):
        seeds = score_seeds()
        if seeds is None:
            print("== seeds: no tests/corpus/ko/verdicts/seeds.expected.yaml yet")
        else:
            show("seeds", seeds, verbose)
    for name, folder in HOLDOUTS.items():
        if chosen(name):
            show(f"{name} (tests/corpus/ko/{folder.name})", score_folder(folder), verbose)


if __name__ == "__main__":
    main()
