"""Employer engagement: the companies nobody contacted lately."""

from __future__ import annotations

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
