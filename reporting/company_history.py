"""A company's whole history with the service in one answer: contacts, engagement events,
offers with their transitions and screenings, tutors and placements."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accounts import audit
from accounts.actor import Actor
from accounts.schemas import StatusChangeRead
from employers.companies import STAFF, company_for
from employers.schemas import (
    CompanyRead,
    ContactPersonRead,
    EngagementEventRead,
    OfferRead,
    OfferScreeningRead,
    TutorRead,
)
from models.audit import StatusChange
from models.company import ContactPerson, EngagementEvent
from models.offer import Offer, OfferScreening
from models.placement import Placement
from models.tutor import Tutor
from placements.lifecycle import PLACEMENT_FIELDS
from placements.schemas import PlacementRead
from reporting.schemas import CompanyHistory, OfferHistoryItem


def company_history(session: Session, actor: Actor, company_id: int) -> CompanyHistory:
    actor.require(*STAFF)
    company = company_for(session, actor, company_id)
    offers = session.scalars(
        select(Offer).where(Offer.company_id == company.id).order_by(Offer.id)
    ).all()
    offer_ids = [o.id for o in offers]
    transitions: dict[int, list[StatusChangeRead]] = {i: [] for i in offer_ids}
    screenings: dict[int, list[OfferScreeningRead]] = {i: [] for i in offer_ids}
    placements: list[Placement] = []
    if offer_ids:
        for t in session.scalars(
            select(StatusChange)
            .where(StatusChange.entity == "offer", StatusChange.entity_id.in_(offer_ids))
            .order_by(StatusChange.id)
        ):
            transitions[t.entity_id].append(StatusChangeRead.model_validate(t))
        for s in session.scalars(
            select(OfferScreening)
            .where(OfferScreening.offer_id.in_(offer_ids))
            .order_by(OfferScreening.id)
        ):
            screenings[s.offer_id].append(OfferScreeningRead.model_validate(s))
        placements = list(
            session.scalars(
                select(Placement)
                .where(Placement.offer_id.in_(offer_ids))
                .order_by(Placement.id)
                # Read with each placement: one query each for all, not two per placement.
                .options(selectinload(Placement.report), selectinload(Placement.checkpoints))
            )
        )
        audit.record_reads(  # each placement read names its client, in one statement
            session,
            actor,
            "read",
            "client",
            [p.client_id for p in placements],
            list(PLACEMENT_FIELDS),
            details=[f"placement {p.id}" for p in placements],
        )
    return CompanyHistory(
        company=CompanyRead.model_validate(company),
        contacts=[
            ContactPersonRead.model_validate(c)
            for c in session.scalars(
                select(ContactPerson).where(ContactPerson.company_id == company.id)
            )
        ],
        events=[
            EngagementEventRead.model_validate(e)
            for e in session.scalars(
                select(EngagementEvent)
                .where(EngagementEvent.company_id == company.id)
                .order_by(EngagementEvent.occurred_on, EngagementEvent.id)
            )
        ],
        offers=[
            OfferHistoryItem(
                offer=OfferRead.model_validate(o),
                transitions=transitions[o.id],
                screenings=screenings[o.id],
            )
            for o in offers
        ],
        placements=[PlacementRead.model_validate(p) for p in placements],
        tutors=[
            TutorRead.model_validate(t)
            for t in session.scalars(select(Tutor).where(Tutor.company_id == company.id))
        ],
    )
