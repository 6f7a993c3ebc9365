"""The entity alias table (`data/ko/entities.yaml`): its model, loader and alias keys."""

# No `from __future__ import annotations`: pydantic would eval each field's annotation string
# when the class is made (see claimcheck/models.py).

from collections import Counter
from functools import cache, lru_cache
from typing import Literal

from pydantic import field_validator, model_validator

from claimcheck import regexcache as rx
from claimcheck.models import Strict
from claimcheck.textnorm import normalize

EntityType = Literal[
    "company",
    "model",
    "product",
    "chip",
    "hardware",
    "technique",
    "person",
    "government",
    "organisation",
    "place",
    "market_index",
    "currency_pair",
]

# Lowercase words joined by hyphens; a dot is allowed inside a version number (llama-3.1).
ID_PATTERN = rx.compile(r"^[a-z0-9]+(?:\.[0-9]+)?(?:-[a-z0-9]+(?:\.[0-9]+)?)*$")

# Spelling differences that never change which entity is meant: "오픈 AI" / "오픈AI",
# "Mixture-of-Experts" / "Mixture of Experts".
_IGNORED_IN_KEY = rx.compile(r"[\s\-]+")


# Remembered: the table's check, the matcher and an entity's plain forms each work out the keys
# of the same aliases (4,000 calls for 1,500 aliases in a report), and news repeats its words.
@lru_cache(maxsize=1 << 16)
def alias_key(alias: str) -> str:
    """The form aliases are compared in: NFC, half-width, casefolded, no spaces or hyphens."""
    return _IGNORED_IN_KEY.sub("", normalize(alias).text.casefold())


class ContextRule(Strict):
    """An alias that names the entity only when something else in the text confirms it."""

    alias: str
    # Entity ids: one of them must be mentioned within the scope (an anaphor such as "김 교수"
    # lists its own entity, meaning the full name came earlier).
    near: list[str] = []
    # Plain words: one of them must occur within the scope.
    words: list[str] = []
    within: Literal["sentence", "story"] = "story"
    why: str

    @model_validator(mode="after")
    def _has_a_condition(self) -> "ContextRule":
        if not self.near and not self.words:
            raise ValueError(f"context rule for {self.alias!r} needs `near` or `words`")
        return self


class Entity(Strict):
    id: str
    type: EntityType
    name_en: str
    name_ko: str
    aliases: list[str]
    parent: str | None = None
    listed: bool = True  # a company's shares are traded (a private one owns no stock move)
    context_required: list[ContextRule] = []
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError(f"entity id {value!r} is not lowercase-hyphen")
        return value

    @field_validator("aliases")
    @classmethod
    def _some_aliases(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("an entity needs at least one alias")
        if any(not alias.strip() for alias in value):
            raise ValueError("an alias is empty")
        return value

    def plain_forms(self) -> list[str]:
        """Spellings that name the entity alone: the aliases, and the names unless conditional."""
        conditional = {alias_key(rule.alias) for rule in self.context_required}
        names = [
            name for name in (self.name_en, self.name_ko) if alias_key(name) not in conditional
        ]
        return [*names, *self.aliases]

    def surface_forms(self) -> list[str]:
        """Every way the table lets a text name this entity, plain or conditional."""
        return [*self.plain_forms(), *(rule.alias for rule in self.context_required)]


class FuzzyPolicy(Strict):
    """How far a spelling may stray and still match; the table is checked safe at this setting."""

    min_length: int  # alias keys shorter than this are matched exactly only
    score_cutoff: float  # rapidfuzz `fuzz.ratio` on alias keys, 0-100
    # Chip and model names differ by one character of their code (H800/H100/A100, Llama 3/4):
    # a misspelling never changes a code, so a fuzzy match must keep the codes exactly.
    same_codes: bool = True

    def comparable(self, key_a: str, key_b: str) -> bool:
        """Whether a fuzzy match between these two alias keys is allowed at all."""
        if min(len(key_a), len(key_b)) < self.min_length:
            return False
        return not self.same_codes or model_codes(key_a) == model_codes(key_b)


# A code is a run of digits with the letter just before it and what follows: h800, r1, t4o.
_CODE = rx.compile(r"[^\W\d_]?\d[0-9a-z.]*")


def model_codes(key: str) -> list[str]:
    """The model or chip codes in an alias key, in order ("nvidiah100" -> ["h100"])."""
    return _CODE.findall(key)


class EntityTable(Strict):
    version: int
    fuzzy: FuzzyPolicy
    entities: list[Entity]

    @model_validator(mode="after")
    def _consistent(self) -> "EntityTable":
        problems = table_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}

    def alias_index(self) -> dict[str, str]:
        """Alias key -> entity id, for the aliases that need no context."""
        index: dict[str, str] = {}
        for entity in self.entities:
            for form in entity.plain_forms():
                index[alias_key(form)] = entity.id
        return index


def table_problems(table: EntityTable) -> list[str]:
    """Duplicate ids, unknown parents or context ids, and aliases shared by two entities."""
    problems: list[str] = []
    ids = Counter(entity.id for entity in table.entities)
    known = set(ids)
    for entity_id in sorted(i for i, times in ids.items() if times > 1):
        problems.append(f"id {entity_id!r} is defined twice")
    owner: dict[str, str] = {}
    for entity in table.entities:
        if entity.parent is not None and entity.parent not in known:
            problems.append(f"{entity.id}: parent {entity.parent!r} is not an entity")
        if entity.parent == entity.id:
            problems.append(f"{entity.id}: is its own parent")
        if not entity.listed and entity.type != "company":
            problems.append(f"{entity.id}: only a company is listed or not")
        for rule in entity.context_required:
            for near in rule.near:
                if near not in known:
                    problems.append(f"{entity.id}: context id {near!r} is not an entity")
        listed = {alias_key(alias) for alias in entity.aliases}
        for rule in entity.context_required:
            if alias_key(rule.alias) in listed:
                problems.append(f"{entity.id}: {rule.alias!r} is both plain and conditional")
        for key in {alias_key(form) for form in entity.surface_forms()}:
            if not key:
                problems.append(f"{entity.id}: an alias is empty once normalised")
            elif key in owner and owner[key] != entity.id:
                problems.append(f"alias {key!r} names both {owner[key]} and {entity.id}")
            else:
                owner[key] = entity.id
    return problems


def parse_entity_table(data: object) -> EntityTable:
    """Validate already-parsed YAML into the table (raises pydantic.ValidationError)."""
    return EntityTable.model_validate(data)


@cache
def load_entity_table() -> EntityTable:
    """The bundled table, read and checked once per process (or kept: keptmodels.py)."""
    from claimcheck.keptmodels import kept_model
    from claimcheck.packaged import packaged
    from claimcheck.yamlsafe import load_bundled

    resource = packaged("claimcheck.data", "ko", "entities.yaml")
    text = resource.read_text(encoding="utf-8")
    path = "claimcheck/data/ko/entities.yaml"
    return kept_model(
        EntityTable,
        text,
        path,
        lambda: parse_entity_table(load_bundled(text, path, "language data")),
    )
