"""The verdicts each kind of finding can reach: one table, from which the models' Verdict type
and the CLI's choices are built (the CLI reads it without importing pydantic)."""

from typing import Literal, get_args

Verdict = Literal[
    "agree",
    "compatible",
    "discrepancy",
    "contradiction",
    "single_source",
    "disputed",
    "consistent",
    "inconsistent",
    "supported",
    "mostly_supported",
    "misleading",
    "refuted",
    "misattributed",
    "unverifiable",
]

VERDICTS_BY_KIND: dict[str, tuple[str, ...]] = {
    "cross_source": get_args(Verdict)[:6],
    # A third party's estimate of another scope disputes a figure in the same article too.
    # A conversion dated where no exchange rate exists cannot be checked: unverifiable.
    "internal": ("disputed", *get_args(Verdict)[6:8], "unverifiable"),
    "reference": get_args(Verdict)[8:],
}
