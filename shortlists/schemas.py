"""Shortlist requests and answers as the API takes and gives them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from matching.facts import Concept, ScorePart
from models.fields import Id, Input, NaceCode
from models.matching import Decision, ShortlistDirection
from models.offer import OfferKind

MAX_SHORTLIST = 100


class _In(Input):
    model_config = ConfigDict(extra="forbid")


class Filters(_In):
    kinds: list[OfferKind] | None = Field(
        default=None,
        max_length=len(OfferKind),
        description="Only offers of these kinds (offers for a client)",
    )
    sector: NaceCode | None = Field(
        default=None, description="Only companies of this NACE section or division"
    )
    max_distance_km: float | None = Field(
        default=None,
        gt=0,
        le=1000,
        description="Nearer than this, even if the client would go further",
    )


class Relaxations(_In):
    distance_km: float = Field(default=0, ge=0, le=200, description="Km beyond the client's limit")
    hours_per_week: float = Field(default=0, ge=0, le=40, description="Hours beyond the client's")
    language_levels: int = Field(default=0, ge=0, le=2, description="CEFR levels below the need")
    education_levels: int = Field(
        default=0, ge=0, le=3, description="ISCED levels below the minimum"
    )


class ShortlistRequest(_In):
    limit: int = Field(default=20, ge=1, le=MAX_SHORTLIST)
    filters: Filters = Field(default_factory=Filters)
    relax: Relaxations = Field(default_factory=Relaxations)


class RequirementRead(BaseModel):
    """A requirement and the client skill that met it, as this reader may see it."""

    requirement_id: int
    text: str
    essential: bool
    met: bool
    credit: float
    how: str | None = None
    skill_id: int | None = None
    client_words: str | None = Field(
        default=None, description="Withheld (null) once the reader may no longer see the client"
    )
    concept: Concept | None = None
    client_concept: Concept | None = Field(
        default=None, description="Withheld (null) once the reader may no longer see the client"
    )
    similarity: float | None = None
    line: str = Field(description="The requirement and how it was met, in words")


class ConstraintRead(BaseModel):
    name: str
    passed: bool
    detail: str = Field(description="The constraint and its values, in words")
    values: dict[str, Any]
    relaxed: bool = False
    relaxation: float | None = Field(
        default=None, description="What the request allowed beyond the limit (km, hours, levels)"
    )
    flag: str | None = None


class ExplanationRead(BaseModel):
    """An explanation as stored (its facts, ``version`` 2, or an older row, 1) put in words
    for the reader when read."""

    version: int
    score: float | None
    parts: dict[str, ScorePart]
    requirements: list[RequirementRead]
    missing: list[str] = Field(description="The requirements no skill met, in the offer's words")
    constraints: list[ConstraintRead]
    relaxed: list[str] = Field(description="Constraints passed only thanks to the relaxation")
    flags: list[str]
    text: str = Field(description="The whole explanation as one paragraph")
    attribution: str | None = None
    checked_on: date | None = Field(default=None, description="When the constraints were checked")
    client_words_withheld: bool = Field(
        default=False,
        description="The reader may no longer see the client: their words are left out",
    )


class ShortlistItemRead(BaseModel):
    id: int
    rank: int
    offer_id: int | None
    client_id: int | None
    score: float
    explanation: ExplanationRead


class DecisionIn(_In):
    candidate_id: Id = Field(description="The offer id (offers for a client) or client id")
    decision: Decision
    reason: str | None = Field(default=None, max_length=2000)


class DecisionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    item_id: int
    decision: Decision
    reason: str | None
    decided_by_id: int
    at: datetime
    proposal_id: int | None = Field(
        default=None, description="The proposal to the employer a 'proposed' decision made"
    )


class FunnelExclusion(BaseModel):
    constraint: str
    count: int = Field(description="Candidates this constraint kept off (one may fail several)")
    detail: str


class RelaxationSuggestion(BaseModel):
    relax: Relaxations = Field(description="The whole relaxation to ask for instead")
    brings_back: int = Field(description="Candidates kept off by this constraint alone")
    detail: str


class Funnel(BaseModel):
    """Why a list is short: given when it came out shorter than asked."""

    considered: int
    listed: int
    filtered: int = Field(description="Left out by the request's filters (kind, sector)")
    excluded: list[FunnelExclusion]
    suggestion: RelaxationSuggestion | None = Field(
        description="The one relaxation that would bring most candidates back"
    )
    text: str


class ShortlistRead(BaseModel):
    id: int
    direction: ShortlistDirection
    client_id: int | None
    offer_id: int | None
    requested_by_id: int
    at: datetime
    request: dict[str, Any]
    model: str
    weights: dict[str, float]
    considered: int
    items: list[ShortlistItemRead]
    decisions: list[DecisionRead]
    funnel: Funnel | None = Field(
        default=None, description="Only when the list is shorter than asked: what kept offers off"
    )


class WhyNotRead(BaseModel):
    candidate_id: int
    on_list: bool
    rank: int | None
    reasons: list[str]
    score: float | None
    lowest_listed_score: float | None
    explanation: ExplanationRead | None
