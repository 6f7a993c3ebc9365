"""The verdicts each kind of finding can reach (a plain table: the CLI builds its choices from it
without importing the pydantic models)."""

VERDICTS_BY_KIND: dict[str, tuple[str, ...]] = {
    "cross_source": ("agree", "compatible", "discrepancy", "contradiction", "single_source"),
    "internal": ("consistent", "inconsistent"),
    "reference": (
        "supported",
        "mostly_supported",
        "misleading",
        "refuted",
        "misattributed",
        "unverifiable",
    ),
}
