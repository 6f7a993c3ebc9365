"""The reference table: sourced facts that claims are checked against, and how to look them up."""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

import functools
import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from claimcheck import regexcache as rx
from claimcheck.errors import InputError
from claimcheck.models import Frame, Qualifier, Result
from claimcheck.yamlsafe import load_bundled, safe_load


def topic_order() -> tuple[str, ...]:
    """Claim topics (from the extractor's topics.yaml) in the order the table groups them, then
    the exchange rates, which live in their own section."""
    from claimcheck.extract.lexicon import topic_names

    return (*topic_names(), "exchange_rate")


_ENTITY_ID = r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$"
# YYYY, YYYY-MM, YYYY-MM-DD, or two of them joined by "/" for a period.
_AS_OF = rx.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


class RefQuantity(Result):
    """A figure of a fact, in base units (5.576 million USD -> 5576000, unit USD).

    Changes are signed (a fall of 16.97% is -16.97). `low`/`high` bound the figure as the
    source states it: equal to `value` when exact (filled in if omitted), null where unbounded.
    """

    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    unit: str = Field(min_length=1)
    qualifier: Qualifier = "exact"
    inclusive: bool = True  # whether a stated bound is itself included ("more than 5,000": no)

    @model_validator(mode="before")
    @classmethod
    def _exact_bounds(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("qualifier", "exact") == "exact":
            value = data.get("value")
            data = {**data, "low": data.get("low", value), "high": data.get("high", value)}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> "RefQuantity":
        q, v, lo, hi = self.qualifier, self.value, self.low, self.high
        if q == "exact" and (v is None or lo != v or hi != v):
            raise ValueError("an exact quantity needs a value, and low = high = value")
        if q == "approx" and v is None:
            raise ValueError("an approx quantity needs a value")
        if q == "at_least" and lo is None:
            raise ValueError("an at_least quantity needs low")
        if q == "at_most" and hi is None:
            raise ValueError("an at_most quantity needs high")
        if q == "range" and (lo is None or hi is None):
            raise ValueError("a range needs low and high")
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"low {lo} is above high {hi}")
        if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
            raise ValueError(f"value {v} lies outside [{lo}, {hi}]")
        return self


class Reading(Result):
    """The fact as first written down from its source, kept verbatim."""

    subject: str
    attribute: str
    value: str | None
    unit: str | None
    qualifier: str | None


class ReferenceFact(Result):
    """One fact: what it says (structured, for matching), and where it was read."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    topic: str
    subject: str | None = Field(default=None, pattern=_ENTITY_ID)
    object: str | None = Field(default=None, pattern=_ENTITY_ID)
    quantity: RefQuantity | None = None
    # For qualitative facts: True affirms that subject/object uses or has the thing, False denies.
    polarity: bool | None = None
    # Of what the figure is a value (measure, as_of, moment, scope): required with a quantity.
    frame: Frame | None = None
    attributes: dict[str, str] = {}
    statement_en: str = Field(min_length=1)
    statement_ko: str = Field(min_length=1)
    as_of: str
    confidence: Literal["high", "medium", "low"]
    source_title: str = Field(min_length=1)
    source_locator: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    reading: Reading

    @model_validator(mode="before")
    @classmethod
    def _frame_owner_is_named(cls, data: Any) -> Any:
        # a fact names whose figure it is: its subject
        if isinstance(data, dict) and isinstance(data.get("frame"), dict) and data.get("subject"):
            data = {**data, "frame": {"subject_basis": "named", **data["frame"]}}
        return data

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, value: str) -> str:
        if value not in topic_order():
            raise ValueError(f"unknown topic {value!r} (see claimcheck/data/ko/topics.yaml)")
        return value

    @field_validator("as_of")
    @classmethod
    def _as_of_is_a_date(cls, value: str) -> str:
        if not _AS_OF.match(value):
            raise ValueError(f"as_of must be YYYY, YYYY-MM or YYYY-MM-DD (or a/b), got {value!r}")
        return value

    @field_validator("attributes", mode="before")
    @classmethod
    def _attributes_are_strings(cls, value: Any) -> Any:
        # A flow mapping with an unquoted comma yields a key with a null value: catch it here.
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(item, str):
                    raise ValueError(f"attribute {key!r} must be a string, got {item!r}")
        return value

    @model_validator(mode="after")
    def _quantity_or_polarity(self) -> "ReferenceFact":
        if self.quantity is None and self.polarity is None:
            raise ValueError(f"{self.id}: a fact needs a quantity or a polarity")
        if self.quantity is not None and self.frame is None and self.topic != "exchange_rate":
            raise ValueError(f"{self.id}: a fact with a quantity needs a frame (measure, as_of…)")
        return self

    def mentions(self, entity_id: str) -> bool:
        """True when the fact names `entity_id` as subject, object or in an attribute list."""
        if entity_id in (self.subject, self.object):
            return True
        return any(entity_id in _id_list(value) for value in self.attributes.values())


def _id_list(value: str) -> list[str]:
    # Attribute values name entities as "qualcomm" or "apple, microsoft"; other text never
    # matches an id exactly, so splitting on commas is enough.
    return [part.strip() for part in value.split(",")]


class ReferenceTable(Result):
    """The whole table: checkable facts, and exchange-rate facts kept apart from them."""

    version: int
    # A newsroom's own table (claims/reference.yaml beside its seeds/): `bundled` adds its facts
    # to the bundled table's (an id may not repeat one there), `none` (the default) stands alone.
    extends: Literal["bundled", "none"] = "none"
    facts: tuple[ReferenceFact, ...]
    exchange_rates: tuple[ReferenceFact, ...] = ()

    @model_validator(mode="after")
    def _sections_and_ids(self) -> "ReferenceTable":
        seen: set[str] = set()
        for fact in self.all_facts():
            if fact.id in seen:
                raise ValueError(f"duplicate fact id {fact.id!r}")
            seen.add(fact.id)
        for fact in self.facts:
            if fact.topic == "exchange_rate":
                raise ValueError(f"{fact.id}: exchange rates belong under exchange_rates")
        for fact in self.exchange_rates:
            if fact.topic != "exchange_rate":
                raise ValueError(f"{fact.id}: only exchange_rate facts belong under exchange_rates")
        return self

    def all_facts(self) -> tuple[ReferenceFact, ...]:
        return self.facts + self.exchange_rates

    def get(self, fact_id: str) -> ReferenceFact:
        for fact in self.all_facts():
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def find(
        self,
        topic: str | None = None,
        subject: str | Iterable[str] | None = None,
        object: str | Iterable[str] | None = None,  # noqa: A002 - the field's name
    ) -> list[ReferenceFact]:
        """Facts matching every given key, in table order; None matches anything.

        `subject`/`object` may be several ids (a model and its maker, say) to accept any of.
        Exchange rates are found only when asked for with topic "exchange_rate".
        """
        pool = self.exchange_rates if topic == "exchange_rate" else self.facts
        subjects, objects = _id_set(subject), _id_set(object)
        return [
            fact
            for fact in pool
            if (topic is None or fact.topic == topic)
            and (subjects is None or fact.subject in subjects)
            and (objects is None or fact.object in objects)
        ]

    def about(self, entity_id: str) -> list[ReferenceFact]:
        """Checkable facts that name `entity_id` anywhere (subject, object or attributes)."""
        return [fact for fact in self.facts if fact.mentions(entity_id)]


def _id_set(ids: str | Iterable[str] | None) -> set[str] | None:
    if ids is None:
        return None
    return {ids} if isinstance(ids, str) else set(ids)


# --- loading ----------------------------------------------------------------------------


# The package that ships the top-level claims/ folder in a wheel (pyproject's package-dir).
TABLES_PACKAGE = "claimcheck.bundled_claims"


def default_reference_path() -> Any:
    """The bundled table: `reference.yaml` of TABLES_PACKAGE in a wheel, else `<repo>/claims/`."""
    here = Path(__file__).resolve().parent
    # find_spec, not import: only a package (a folder) can hold the table, and importing a
    # same-named module just to ask would run its code.
    try:
        spec = importlib.util.find_spec(TABLES_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations is not None:
        from claimcheck.packaged import packaged

        candidate = packaged(TABLES_PACKAGE, "reference.yaml")
        if candidate.is_file():
            return candidate
    return here.parent / "claims" / "reference.yaml"


def load_reference(path: Path | None = None) -> ReferenceTable:
    """Load and validate a reference table (the bundled one, cached, when `path` is None).

    A table with `extends: bundled` comes back with the bundled facts first, then its own."""
    if path is None or _same_file(Path(path), default_reference_path()):
        return _bundled()  # read once per process, however it is named
    table = _load(Path(path))
    if table.extends != "bundled":
        return table
    bundled = _bundled()
    taken = {fact.id for fact in bundled.all_facts()}
    for fact in table.all_facts():
        if fact.id in taken:
            raise InputError(
                path,
                f"fact {fact.id!r} is also in the bundled reference table: give it an id of its "
                "own, or write `extends: none` to replace the bundled table",
            )
    return table.model_copy(
        update={
            "facts": bundled.facts + table.facts,
            "exchange_rates": bundled.exchange_rates + table.exchange_rates,
        }
    )


def _same_file(path: Path, other: Any) -> bool:
    try:
        return Path(str(other)).resolve() == path.resolve()
    except OSError:
        return False


@functools.lru_cache(maxsize=1)
def _bundled() -> ReferenceTable:
    return _load(default_reference_path(), bundled=True)


def _load(path: Any, bundled: bool = False) -> ReferenceTable:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "reference table not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read reference table: {exc}") from None
    if bundled:  # validated once per version (claimcheck/keptmodels.py)
        from claimcheck.keptmodels import kept_model

        return kept_model(ReferenceTable, text, path, lambda: _validated(text, path, load_bundled))
    return _validated(text, path, safe_load)


def _validated(text: str, path: Any, parse: Any) -> ReferenceTable:
    data = parse(text, path)
    if not isinstance(data, dict):
        raise InputError(path, "a reference table is a mapping with version and facts")
    try:
        return ReferenceTable.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, _first_error(exc, data)) from None


def _first_error(exc: ValidationError, data: dict[str, Any]) -> str:
    """Name the fact (by id) and field of the first problem, so the message fits one line."""
    error = exc.errors()[0]
    loc = list(error["loc"])
    parts = [".".join(str(part) for part in loc) or "table"]
    if len(loc) >= 2 and loc[0] in ("facts", "exchange_rates") and isinstance(loc[1], int):
        items = data.get(loc[0]) or []
        if loc[1] < len(items) and isinstance(items[loc[1]], dict) and "id" in items[loc[1]]:
            parts = [f"fact {items[loc[1]]['id']!r}"] + [".".join(str(p) for p in loc[2:])] * (
                len(loc) > 2
            )
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return ": ".join([*parts, error["msg"]]) + more
