"""Shortlist requests and answers as the API takes and gives them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from models.fields import Id, NaceCode
from models.matching import Decision, ShortlistDirection
from models.offer import OfferKind

MAX_SHORTLIST = 100


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Filters(_In):
    kinds: list[OfferKind] | None = Field(
        default=None, description="Only offers of these kinds (offers for a client)"
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


class ShortlistItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    rank: int
    offer_id: int | None
    client_id: int | None
    score: float
    explanation: dict[str, Any]


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


class ShortlistRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

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


class WhyNotRead(BaseModel):
    candidate_id: int
    on_list: bool
    rank: int | None
    reasons: list[str]
    score: float | None
    lowest_listed_score: float | None
    explanation: dict[str, Any] | None
