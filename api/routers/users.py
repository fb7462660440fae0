from __future__ import annotations

from fastapi import APIRouter, status

from accounts import users
from accounts.schemas import (
    CaseloadTransfer,
    CaseloadTransferResult,
    OfficeCreate,
    OfficeRead,
    UserCreate,
    UserRead,
    UserUpdate,
)
from api.deps import CurrentActor, IdFilter, Page, PageDep, PathId, SessionDep
from models.user import Role

router = APIRouter(tags=["users"])


@router.get("/users/me", response_model=UserRead)
def read_me(session: SessionDep, actor: CurrentActor) -> UserRead:
    return UserRead.model_validate(users.get_user(session, actor, actor.user_id))


@router.get("/users", response_model=Page[UserRead])
def list_users(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    role: Role | None = None,
    office_id: IdFilter = None,
) -> Page[UserRead]:
    rows, total = users.list_users(
        session, actor, role=role, office_id=office_id, limit=page.limit, offset=page.offset
    )
    items = [UserRead.model_validate(u) for u in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/users", response_model=UserRead, status_code=status.HTTP_201_CREATED)
def create_user(body: UserCreate, session: SessionDep, actor: CurrentActor) -> UserRead:
    return UserRead.model_validate(users.create_user(session, actor, body))


@router.get("/users/{user_id}", response_model=UserRead)
def read_user(user_id: PathId, session: SessionDep, actor: CurrentActor) -> UserRead:
    return UserRead.model_validate(users.get_user(session, actor, user_id))


@router.patch("/users/{user_id}", response_model=UserRead)
def update_user(
    user_id: PathId, body: UserUpdate, session: SessionDep, actor: CurrentActor
) -> UserRead:
    return UserRead.model_validate(users.update_user(session, actor, user_id, body))


@router.post("/users/{user_id}/caseload-transfer", response_model=CaseloadTransferResult)
def transfer_caseload(
    user_id: PathId, body: CaseloadTransfer, session: SessionDep, actor: CurrentActor
) -> CaseloadTransferResult:
    moved = users.transfer_caseload(session, actor, user_id, body)
    return CaseloadTransferResult(
        from_caseworker_id=user_id, to_caseworker_id=body.to_caseworker_id, client_ids=moved
    )


@router.get("/offices", response_model=list[OfficeRead])
def list_offices(session: SessionDep, actor: CurrentActor) -> list[OfficeRead]:
    return [OfficeRead.model_validate(o) for o in users.list_offices(session, actor)]


@router.post("/offices", response_model=OfficeRead, status_code=status.HTTP_201_CREATED)
def create_office(body: OfficeCreate, session: SessionDep, actor: CurrentActor) -> OfficeRead:
    return OfficeRead.model_validate(users.create_office(session, actor, body))
