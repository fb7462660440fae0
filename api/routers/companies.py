from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.deps import (
    CodeFilter,
    CurrentActor,
    IdFilter,
    IfMatchDep,
    Page,
    PageDep,
    PathId,
    SearchQuery,
    SessionDep,
    SettingsDep,
    TodayDep,
    tagged,
    with_version,
)
from employers import companies, engagement
from employers.schemas import (
    CompanyContactGap,
    CompanyCreate,
    CompanyRead,
    CompanyUpdate,
    ContactPersonCreate,
    ContactPersonRead,
    EngagementEventCreate,
    EngagementEventRead,
)
from models.company import EngagementStatus
from reporting import company_history as company_history_service
from reporting.schemas import CompanyHistory

router = APIRouter(prefix="/companies", tags=["companies"])


@router.get("", response_model=Page[CompanyRead])
def list_companies(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    q: SearchQuery = None,
    nace_code: CodeFilter = None,
    engagement_status: EngagementStatus | None = None,
    liaison_officer_id: IdFilter = None,
) -> Page[CompanyRead]:
    rows, total = companies.list_companies(
        session,
        actor,
        q=q,
        nace_code=nace_code,
        engagement_status=engagement_status,
        liaison_officer_id=liaison_officer_id,
        limit=page.limit,
        offset=page.offset,
    )
    items = [CompanyRead.model_validate(c) for c in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/without-contact", response_model=Page[CompanyContactGap])
def companies_without_contact(
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    page: PageDep,
    today: TodayDep,
    days: Annotated[int | None, Query(ge=1, le=3650)] = None,
    liaison_officer_id: IdFilter = None,
    q: SearchQuery = None,
    engagement_status: Annotated[
        EngagementStatus | None,
        Query(description="Only companies in this status (dormant ones are left out otherwise)"),
    ] = None,
) -> Page[CompanyContactGap]:
    rows, total = engagement.companies_without_contact(
        session,
        actor,
        days or settings.no_contact_days,
        today,
        liaison_officer_id,
        page.limit,
        page.offset,
        q=q,
        engagement_status=engagement_status,
    )
    return Page(items=rows, total=total, limit=page.limit, offset=page.offset)


@router.post("", response_model=CompanyRead, status_code=status.HTTP_201_CREATED)
def create_company(
    body: CompanyCreate, session: SessionDep, actor: CurrentActor, settings: SettingsDep
) -> CompanyRead:
    company = companies.create_company(session, actor, body, settings.default_country)
    return CompanyRead.model_validate(company)


@router.get("/{company_id}", response_model=CompanyRead)
def read_company(
    company_id: PathId, session: SessionDep, actor: CurrentActor, response: Response
) -> CompanyRead:
    company = companies.company_for(session, actor, company_id)
    return tagged(response, CompanyRead.model_validate(company))


@router.get("/{company_id}/history", response_model=CompanyHistory)
def company_history(company_id: PathId, session: SessionDep, actor: CurrentActor) -> CompanyHistory:
    return company_history_service.company_history(session, actor, company_id)


@router.patch("/{company_id}", response_model=CompanyRead)
def update_company(
    company_id: PathId,
    body: CompanyUpdate,
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    if_match: IfMatchDep,
    response: Response,
) -> CompanyRead:
    body = with_version(body, if_match)
    company = companies.update_company(session, actor, company_id, body, settings.default_country)
    return tagged(response, CompanyRead.model_validate(company))


@router.delete("/{company_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_company(company_id: PathId, session: SessionDep, actor: CurrentActor) -> Response:
    companies.delete_company(session, actor, company_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{company_id}/contacts", response_model=list[ContactPersonRead])
def list_contacts(
    company_id: PathId, session: SessionDep, actor: CurrentActor
) -> list[ContactPersonRead]:
    rows = companies.list_contacts(session, actor, company_id)
    return [ContactPersonRead.model_validate(c) for c in rows]


@router.post(
    "/{company_id}/contacts", response_model=ContactPersonRead, status_code=status.HTTP_201_CREATED
)
def add_contact(
    company_id: PathId, body: ContactPersonCreate, session: SessionDep, actor: CurrentActor
) -> ContactPersonRead:
    return ContactPersonRead.model_validate(companies.add_contact(session, actor, company_id, body))


@router.delete("/{company_id}/contacts/{contact_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_contact(
    company_id: PathId, contact_id: PathId, session: SessionDep, actor: CurrentActor
) -> Response:
    companies.delete_contact(session, actor, company_id, contact_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{company_id}/events", response_model=Page[EngagementEventRead])
def list_events(
    company_id: PathId, session: SessionDep, actor: CurrentActor, page: PageDep
) -> Page[EngagementEventRead]:
    rows, total = companies.list_events(session, actor, company_id, page.limit, page.offset)
    items = [EngagementEventRead.model_validate(e) for e in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post(
    "/{company_id}/events", response_model=EngagementEventRead, status_code=status.HTTP_201_CREATED
)
def add_event(
    company_id: PathId, body: EngagementEventCreate, session: SessionDep, actor: CurrentActor
) -> EngagementEventRead:
    event = companies.add_event(session, actor, company_id, body)
    return EngagementEventRead.model_validate(event)
