"""Extraction quality on the unseen-style test articles: recall and field accuracy, per article."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from extraction_scoring import score_corpus  # noqa: E402


def main() -> None:
    total, per_article = score_corpus()
    print(f"{'article':40} found/expected")
    for name, score in per_article.items():
        print(f"{name:40} {score.found:>3}/{score.expected:<3} ({score.recall:.0%})")
    print(f"\nrecall: {total.found}/{total.expected} = {total.recall:.1%}")
    for key in ("topic", "subject", "object", "stance", "section", "unit", "qualifier"):
        if key in total.fields:
            right, checked = total.fields[key]
            print(f"{key:10} {right}/{checked} = {right / checked:.1%}")
    print(f"claims quoting page furniture or another story: {len(total.furniture)}")
    if "-v" in sys.argv:
        print("\nmissed:\n  " + "\n  ".join(total.missed))
        print("\nwrong fields:\n  " + "\n  ".join(total.wrong))


if __name__ == "__main__":
    main()
