"""API schemas for a company's history with the service."""

from __future__ import annotations

from pydantic import BaseModel

from accounts.schemas import StatusChangeRead
from employers.schemas import (
    CompanyRead,
    ContactPersonRead,
    EngagementEventRead,
    OfferRead,
    OfferScreeningRead,
    TutorRead,
)
from placements.schemas import PlacementRead


class OfferHistoryItem(BaseModel):
    offer: OfferRead
    transitions: list[StatusChangeRead]
    screenings: list[OfferScreeningRead]


class CompanyHistory(BaseModel):
    """A company's whole story with the service, in one answer."""

    company: CompanyRead
    contacts: list[ContactPersonRead]
    events: list[EngagementEventRead]
    offers: list[OfferHistoryItem]
    placements: list[PlacementRead]
    tutors: list[TutorRead]
