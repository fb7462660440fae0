"""Employer engagement: a company's whole history, and the companies nobody contacted lately."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from employers.companies import STAFF, company_for
from employers.schemas import (
    CompanyContactGap,
    CompanyHistory,
    CompanyRead,
    ContactPersonRead,
    EngagementEventRead,
    OfferHistoryItem,
    OfferRead,
    OfferScreeningRead,
    OfferTransitionRead,
    PlacementRead,
    TutorRead,
)
from models.company import Company, ContactPerson, EngagementEvent, EngagementStatus
from models.offer import Offer, OfferScreening, OfferTransition
from models.placement import Placement
from models.tutor import Tutor


def company_history(session: Session, actor: Actor, company_id: int) -> CompanyHistory:
    actor.require(*STAFF)
    company = company_for(session, actor, company_id)
    offers = session.scalars(
        select(Offer).where(Offer.company_id == company.id).order_by(Offer.id)
    ).all()
    offer_ids = [o.id for o in offers]
    transitions: dict[int, list[OfferTransitionRead]] = {i: [] for i in offer_ids}
    screenings: dict[int, list[OfferScreeningRead]] = {i: [] for i in offer_ids}
    placements: list[Placement] = []
    if offer_ids:
        for t in session.scalars(
            select(OfferTransition)
            .where(OfferTransition.offer_id.in_(offer_ids))
            .order_by(OfferTransition.id)
        ):
            transitions[t.offer_id].append(OfferTransitionRead.model_validate(t))
        for s in session.scalars(
            select(OfferScreening)
            .where(OfferScreening.offer_id.in_(offer_ids))
            .order_by(OfferScreening.id)
        ):
            screenings[s.offer_id].append(OfferScreeningRead.model_validate(s))
        placements = list(
            session.scalars(
                select(Placement).where(Placement.offer_id.in_(offer_ids)).order_by(Placement.id)
            )
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


def companies_without_contact(
    session: Session,
    actor: Actor,
    days: int,
    today: date,
    liaison_officer_id: int | None,
    limit: int,
    offset: int,
) -> tuple[list[CompanyContactGap], int]:
    """Companies with no engagement event in ``days`` days (or none ever), longest gap first;
    dormant companies are left out."""
    actor.require(*STAFF)
    last = (
        select(EngagementEvent.company_id, func.max(EngagementEvent.occurred_on).label("last"))
        .group_by(EngagementEvent.company_id)
        .subquery()
    )
    query = (
        select(Company, last.c.last)
        .outerjoin(last, last.c.company_id == Company.id)
        .where(Company.engagement_status != EngagementStatus.dormant)
        .where((last.c.last.is_(None)) | (last.c.last < today - timedelta(days=days)))
        .order_by(last.c.last.is_not(None), last.c.last, Company.id)
    )
    if liaison_officer_id is not None:
        query = query.where(Company.liaison_officer_id == liaison_officer_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.limit(limit).offset(offset)).all()
    return [
        CompanyContactGap(
            company=CompanyRead.model_validate(company),
            last_contact_on=last_on,
            days_without_contact=(today - last_on).days if last_on else None,
        )
        for company, last_on in rows
    ], total
