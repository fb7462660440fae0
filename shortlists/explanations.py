"""Stored explanations of every version, read back into types.

Version 2 holds facts only (``matching.facts.ExplanationFacts``). Version 1, the rows stored
before it, carries no ``version`` key: the same requirements and score parts, but each
constraint with its detail in English, the flags in English and a whole English paragraph.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from matching.facts import FACTS_VERSION, ExplanationFacts, RequirementFact, ScoreParts


class LegacyConstraint(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    passed: bool
    detail: str = ""
    values: dict[str, Any] = Field(default_factory=dict)
    relaxed: bool = False
    flag: str | None = None


class LegacyExplanation(BaseModel):
    """Version 1 as ``matching.explain`` wrote it until version 2; every field may be absent
    (rows made by hand hold ``{}``)."""

    model_config = ConfigDict(frozen=True)

    version: Literal[1] = 1
    score: float | None = None
    parts: ScoreParts | None = None
    requirements: tuple[RequirementFact, ...] = ()
    constraints: tuple[LegacyConstraint, ...] = ()
    flags: tuple[str, ...] = ()
    text: str = ""


StoredExplanation = ExplanationFacts | LegacyExplanation


class UnknownExplanationVersion(ValueError):
    def __init__(self, version: object) -> None:
        super().__init__(f"stored explanation version {version!r} is not known")


def read_explanation(data: Mapping[str, Any]) -> StoredExplanation:
    """A stored explanation by its version: 2 (facts) or none at all (version 1)."""
    version = data.get("version", 1)
    if version == FACTS_VERSION:
        return ExplanationFacts.model_validate(data)
    if version == 1:
        return LegacyExplanation.model_validate(data)
    raise UnknownExplanationVersion(version)


def stored(facts: ExplanationFacts) -> dict[str, Any]:
    """The facts as the shortlist item's JSON column keeps them."""
    return facts.model_dump(mode="json")
