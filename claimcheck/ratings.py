"""Verdicts as ratings: ClaimReview values, SNU FactCheck labels and terminal badges."""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

import functools
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import Field, ValidationError, model_validator

from claimcheck.errors import InputError
from claimcheck.models import Result
from claimcheck.yamlsafe import load_bundled, safe_load

Kind = Literal["reference", "cross_source", "internal"]

# The verdicts of each finding kind (issue 5); ratings.yaml must rate exactly these.
VERDICTS: dict[str, tuple[str, ...]] = {
    "reference": (
        "supported",
        "mostly_supported",
        "misleading",
        "misattributed",
        "refuted",
        "unverifiable",
    ),
    "cross_source": (
        "agree", "compatible", "discrepancy", "contradiction", "single_source", "disputed",
    ),
    "internal": ("consistent", "inconsistent", "disputed", "unverifiable"),
}

SnuLabel = Literal[
    "사실", "대체로 사실", "절반의 사실", "대체로 사실 아님", "전혀 사실 아님", "판단 유보"
]


class ScaleLabel(Result):
    label_ko: SnuLabel
    label_en: str = Field(min_length=1)
    rating_value: int | None


class Scale(Result):
    name_en: str
    name_ko: str
    best_rating: int
    worst_rating: int
    labels: list[ScaleLabel]

    @model_validator(mode="after")
    def _complete(self) -> "Scale":
        names = [label.label_ko for label in self.labels]
        if sorted(names) != sorted(get_args(SnuLabel)):
            raise ValueError("the scale must list each SNU label exactly once")
        for label in self.labels:
            value = label.rating_value
            if value is not None and not self.worst_rating <= value <= self.best_rating:
                raise ValueError(f"{label.label_ko}: {value} is off the scale")
        return self

    def value_of(self, label: str) -> int | None:
        return next(item.rating_value for item in self.labels if item.label_ko == label)

    def english(self, label: str) -> str:
        return next(item.label_en for item in self.labels if item.label_ko == label)


class Rating(Result):
    """How one verdict is shown and exported."""

    rating_value: int | None  # None: not rated (판단 유보)
    snu_label: SnuLabel
    alternate_name: str = Field(min_length=1)  # ClaimReview reviewRating.alternateName
    label_en: str = Field(min_length=1)
    label_ko: str = Field(min_length=1)
    badge: str = Field(min_length=1, max_length=2)
    colour: str = Field(pattern=r"^[a-z]+(_[a-z]+)*[0-9]*$")  # a rich colour name


class RatingTable(Result):
    version: int
    scale: Scale
    precedence: list[Kind]
    verdicts: dict[Kind, dict[str, Rating]]

    @model_validator(mode="after")
    def _complete_and_consistent(self) -> "RatingTable":
        if sorted(self.precedence) != sorted(VERDICTS):
            raise ValueError("precedence must list each finding kind once")
        for kind, expected in VERDICTS.items():
            got = set(self.verdicts.get(kind, {}))  # type: ignore[call-overload]
            if got != set(expected):
                missing, extra = set(expected) - got, got - set(expected)
                raise ValueError(f"{kind}: missing {sorted(missing)}, unknown {sorted(extra)}")
            for verdict, rating in self.verdicts[kind].items():  # type: ignore[index]
                if rating.rating_value != self.scale.value_of(rating.snu_label):
                    raise ValueError(
                        f"{kind}.{verdict}: rating_value {rating.rating_value} does not match "
                        f"{rating.snu_label} ({self.scale.value_of(rating.snu_label)})"
                    )
        return self

    def rating(self, kind: str, verdict: str) -> Rating:
        try:
            return self.verdicts[kind][verdict]  # type: ignore[index]
        except KeyError:
            raise KeyError(f"no rating for {kind}.{verdict}") from None

    def claimreview(self, kind: str, verdict: str) -> dict[str, Any]:
        """The schema.org Rating for ClaimReview.reviewRating; unrated verdicts get no numbers."""
        rating = self.rating(kind, verdict)
        out: dict[str, Any] = {"@type": "Rating"}
        if rating.rating_value is not None:
            out["ratingValue"] = rating.rating_value
            out["bestRating"] = self.scale.best_rating
            out["worstRating"] = self.scale.worst_rating
        out["alternateName"] = rating.alternate_name
        return out

    def headline(self, findings: list[tuple[str, str]]) -> tuple[str, str] | None:
        """Of (kind, verdict) pairs, the one that gives a claim its headline rating.

        The first kind in `precedence` with a rated verdict wins; within a kind, the lowest rating
        (a claim is as good as its worst check). With no rated verdict, the first pair in
        precedence order, so an unrated claim still shows why.
        """
        ordered = sorted(findings, key=lambda pair: self.precedence.index(pair[0]))  # type: ignore[arg-type]
        for kind in self.precedence:
            rated = [
                p for p in ordered if p[0] == kind and self.rating(*p).rating_value is not None
            ]
            if rated:
                return min(rated, key=lambda pair: self.rating(*pair).rating_value or 0)
        return ordered[0] if ordered else None


def load_ratings(path: Path | None = None) -> RatingTable:
    """Load and validate the rating table (the bundled one, cached, when `path` is None)."""
    if path is None:
        return _bundled()
    return _load(Path(path))


@functools.lru_cache(maxsize=1)
def _bundled() -> RatingTable:
    from claimcheck.packaged import packaged

    return _load(packaged("claimcheck.data", "ratings.yaml"), bundled=True)


def _load(path: Any, bundled: bool = False) -> RatingTable:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read rating table: {exc}") from None
    if bundled:  # validated once per version (claimcheck/keptmodels.py)
        from claimcheck.keptmodels import kept_model

        return kept_model(RatingTable, text, path, lambda: _validated(text, path, load_bundled))
    return _validated(text, path, safe_load)


def _validated(text: str, path: Any, parse: Any) -> RatingTable:
    data = parse(text, path)
    try:
        return RatingTable.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "table"
        raise InputError(path, f"{where}: {error['msg']}") from None
