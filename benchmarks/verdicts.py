"""Precision and recall of the report's problem verdicts on the verdict-trust corpus
(tests/corpus/ko/verdicts), on the bundled seeds and on the four held-out corpora
(tests/corpus/ko/verdicts_holdout, written after the rules and never used to tune them, and
tests/corpus/ko/verdicts_holdout2, written once the first had been studied,
tests/corpus/ko/verdicts_holdout3, written to measure the final rules, and
tests/corpus/ko/verdicts_holdout4, written after holdout3 had been studied).

    python benchmarks/verdicts.py             # the figures
    python benchmarks/verdicts.py --verbose   # also each false positive, miss and violation
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from verdict_scoring import (  # noqa: E402
    Score,
    score_corpus,
    score_holdout,
    score_holdout2,
    score_holdout3,
    score_holdout4,
    score_seeds,
)


def show(name: str, score: Score, verbose: bool) -> None:
    print(f"== {name}")
    print(
        f"problem findings {score.problems}  TP {score.true_positives}  "
        f"FP {score.false_positive_count}  precision {score.precision:.1%}"
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
    show("corpus (tests/corpus/ko/verdicts)", score_corpus(), verbose)
    seeds = score_seeds()
    if seeds is None:
        print("== seeds: no tests/corpus/ko/verdicts/seeds.expected.yaml yet")
    else:
        show("seeds", seeds, verbose)
    show("holdout (tests/corpus/ko/verdicts_holdout)", score_holdout(), verbose)
    show("holdout2 (tests/corpus/ko/verdicts_holdout2)", score_holdout2(), verbose)
    show("holdout3 (tests/corpus/ko/verdicts_holdout3)", score_holdout3(), verbose)
    show("holdout4 (tests/corpus/ko/verdicts_holdout4)", score_holdout4(), verbose)


if __name__ == "__main__":
    main()
