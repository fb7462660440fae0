"""An explanation as facts only: what a person needs to check a score by hand, and no
sentences. Facts are stored with the shortlist; each reader gets them in words when reading.

The words kept are data: the offer's requirement, the client's skill as the client put it and
the concept labels, as they were when the shortlist was made.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

#: The version stored in each explanation's JSON; rows without one are version 1, the
#: dictionaries with an English paragraph inside that came before.
FACTS_VERSION: Final = 2

MatchHow = Literal["same_concept", "informal_experience", "related_concept", "semantic"]


class _Facts(BaseModel):
    model_config = ConfigDict(frozen=True)


class Concept(_Facts):
    id: int
    label: str
    esco_uri: str | None = None


class RequirementFact(_Facts):
    """One requirement of the offer and the client skill that met it best, if any."""

    requirement_id: int
    text: str = Field(description="The requirement in the offer's words")
    essential: bool
    credit: float
    how: MatchHow | None = None
    skill_id: int | None = None
    client_words: str | None = Field(default=None, description="The skill in the client's words")
    concept: Concept | None = Field(default=None, description="The requirement's concept met")
    client_concept: Concept | None = Field(
        default=None, description="The client's concept that met it (related concepts)"
    )
    similarity: float | None = None

    @property
    def met(self) -> bool:
        return self.credit > 0


class ScorePart(_Facts):
    value: float
    weight: float
    points: float


class ScoreParts(_Facts):
    """The weighted parts that add up to the score, in the order they are shown."""

    essential: ScorePart
    optional: ScorePart
    summary: ScorePart
    aspiration: ScorePart

    def named(self) -> dict[str, ScorePart]:
        return {
            "essential": self.essential,
            "optional": self.optional,
            "summary": self.summary,
            "aspiration": self.aspiration,
        }


class ConstraintFact(_Facts):
    """One hard constraint with the values it was decided on."""

    name: str
    passed: bool
    values: dict[str, Any] = Field(default_factory=dict)
    relaxed: bool = Field(default=False, description="Passed only thanks to the relaxation")
    relaxation: float = Field(
        default=0, description="What the request allowed beyond the limit (km, hours, levels)"
    )
    flagged: bool = Field(default=False, description="Passed, with something to point out")


class ExplanationFacts(_Facts):
    version: Literal[2] = FACTS_VERSION
    checked_on: date = Field(description="The day the constraints were checked")
    score: float
    parts: ScoreParts
    requirements: tuple[RequirementFact, ...]
    constraints: tuple[ConstraintFact, ...]

    @property
    def missing(self) -> list[RequirementFact]:
        return [r for r in self.requirements if not r.met]

    @property
    def relaxed(self) -> list[str]:
        return [c.name for c in self.constraints if c.relaxed and c.passed]

    @property
    def uses_esco(self) -> bool:
        return any(
            concept is not None and concept.esco_uri
            for r in self.requirements
            for concept in (r.concept, r.client_concept)
        )
