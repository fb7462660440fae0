"""API schemas of the skills endpoints."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from models.fields import Id, Input, Statement

#: The one ESCO attribution, shown wherever ESCO content is (translated where it is shown).
ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."


class TextIn(Input):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=20_000)


class PhraseIn(Input):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=500, description="One statement or requirement")


class MatchRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    concept_id: int
    esco_uri: str | None
    label: str
    score: float = Field(description="One calibrated score, 0-1; the list is ranked by it")
    how: str
    via: str = Field(description="The label, or the informal experience, that matched")
    similarity: float | None = Field(
        default=None, description="Cosine of the words and the concept's labels, when measured"
    )
    reason: str = Field(description='How it was found, in words: "similar meaning, 0.71"')


class NormaliseResult(BaseModel):
    matches: list[MatchRead] = Field(description="Best first")
    attribution: str | None = None


class PhraseRead(BaseModel):
    text: str
    matches: list[MatchRead]


class RankedRead(MatchRead):
    phrase: str = Field(description="The phrase of the text that found the concept best")


class ExtractResult(BaseModel):
    phrases: list[PhraseRead]
    ranking: list[RankedRead] = Field(description="One merged ranking for the text, best first")
    attribution: str | None = None


class ConceptSummary(BaseModel):
    concept_id: int
    esco_uri: str | None
    label: str
    matched_label: str
    skill_type: str | None


class SearchResult(BaseModel):
    items: list[ConceptSummary]
    attribution: str | None = None


class LabelRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    label: str
    language: str
    kind: str


class ConceptRef(BaseModel):
    concept_id: int
    label: str
    esco_uri: str | None


class ConceptDetail(BaseModel):
    concept_id: int
    key: str
    esco_uri: str | None
    label: str
    description: str
    skill_type: str | None
    collections: list[str]
    source: str
    labels: list[LabelRead]
    broader: list[ConceptRef]
    narrower: list[ConceptRef]
    related: list[ConceptRef]
    evidenced_by: list[str] = Field(description="Informal experiences that evidence this skill")
    attribution: str | None = None


class TaxonomyStats(BaseModel):
    concepts: dict[str, int]
    labels_by_language: dict[str, int]
    occupations: int
    occupation_skill_relations: int
    informal_experiences: int
    experience_phrases: int
    imports: list[dict[str, object]]
    attribution: str | None = None


class OccupationRequest(Input):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=300)
    requirements: list[Statement] = Field(default_factory=list, max_length=50)


class OccupationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    occupation_id: int
    esco_uri: str
    label: str
    score: float
    title_score: float
    skill_overlap: float


class OccupationResult(BaseModel):
    proposals: list[OccupationRead]
    attribution: str | None = None


class ConceptChoice(Input):
    """What a person confirms a statement means: exactly these concepts."""

    model_config = ConfigDict(extra="forbid")

    concept_ids: list[Id] = Field(max_length=20)


class StatementConceptRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    concept_id: int
    label: str
    esco_uri: str | None
    score: float
    how: str
    confirmed_by_id: int | None
    confirmed_at: datetime | None
