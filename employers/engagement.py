"""Employer engagement: the companies nobody contacted lately, and what a list of companies
shows beside each (last contact, open offers, the responsible liaison officer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from employers.companies import STAFF
from employers.schemas import (
    CompanyContactGap,
    CompanyRead,
)
from models.company import Company, EngagementEvent, EngagementStatus
from models.fields import like_pattern
from models.offer import Offer, OfferStatus
from models.user import Role, User

#: The offers a list of companies counts as open: published, taking candidates.
OPEN_OFFERS = (OfferStatus.published,)


def companies_without_contact(
    session: Session,
    actor: Actor,
    days: int,
    today: date,
    liaison_officer_id: int | None,
    limit: int,
    offset: int,
    *,
    q: str | None = None,
    engagement_status: EngagementStatus | None = None,
) -> tuple[list[CompanyContactGap], int]:
    """Companies with no engagement event in ``days`` days (or none ever), longest gap first;
    dormant companies are left out unless ``engagement_status`` asks for them. ``q``: part of
    the name."""
    actor.require(*STAFF)
    last = (
        select(EngagementEvent.company_id, func.max(EngagementEvent.occurred_on).label("last"))
        .group_by(EngagementEvent.company_id)
        .subquery()
    )
    query = (
        select(Company, last.c.last)
        .outerjoin(last, last.c.company_id == Company.id)
        .where((last.c.last.is_(None)) | (last.c.last < today - timedelta(days=days)))
        .order_by(last.c.last.is_not(None), last.c.last, Company.id)
    )
    if engagement_status is None:
        query = query.where(Company.engagement_status != EngagementStatus.dormant)
    else:
        query = query.where(Company.engagement_status == engagement_status)
    if q:
        query = query.where(Company.name.ilike(like_pattern(q), escape="\\"))
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


@dataclass(frozen=True)
class CompanyFacts:
    """What a list of companies shows beside each one."""

    last_contact_on: date | None
    open_offers: int


def company_facts(
    session: Session, actor: Actor, company_ids: list[int]
) -> dict[int, CompanyFacts]:
    """Each company's last engagement event and number of open offers, in two statements
    whatever the number of companies."""
    actor.require(*STAFF)
    if not company_ids:
        return {}
    last: dict[int, date] = {
        company_id: day
        for company_id, day in session.execute(
            select(EngagementEvent.company_id, func.max(EngagementEvent.occurred_on))
            .where(EngagementEvent.company_id.in_(company_ids))
            .group_by(EngagementEvent.company_id)
        )
    }
    open_offers: dict[int, int] = {
        company_id: count
        for company_id, count in session.execute(
            select(Offer.company_id, func.count())
            .where(Offer.company_id.in_(company_ids), Offer.status.in_(OPEN_OFFERS))
            .group_by(Offer.company_id)
        )
    }
    return {i: CompanyFacts(last.get(i), open_offers.get(i, 0)) for i in company_ids}


def liaison_officers(session: Session, actor: Actor) -> list[User]:
    """The active liaison officers, by name: who may be responsible for a company."""
    actor.require(*STAFF)
    query = select(User).where(User.role == Role.liaison, User.is_active.is_(True))
    return list(session.scalars(query.order_by(User.display_name, User.id)))


def company_names(session: Session, actor: Actor, company_ids: list[int]) -> dict[int, str]:
    """The names of some companies, in one statement (a board of tutors names each one's)."""
    actor.require(*STAFF)
    if not company_ids:
        return {}
    query = select(Company.id, Company.name).where(Company.id.in_(set(company_ids)))
    return {company_id: name for company_id, name in session.execute(query)}
