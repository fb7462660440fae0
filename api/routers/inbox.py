"""Each person's inbox of alerts."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from accounts import inbox
from api.deps import CurrentActor, Page, PageDep, PathId, SessionDep
from models.inbox import AlertKind

router = APIRouter(prefix="/inbox", tags=["inbox"])


class AlertRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: AlertKind
    entity: str
    entity_id: int
    message: str
    created_at: datetime
    read_at: datetime | None


@router.get("", response_model=Page[AlertRead])
def list_inbox(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    unread: bool = False,
    kind: AlertKind | None = None,
) -> Page[AlertRead]:
    rows, total = inbox.list_inbox(
        session, actor, unread=unread, kind=kind, limit=page.limit, offset=page.offset
    )
    items = [AlertRead.model_validate(a) for a in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/{alert_id}/read", response_model=AlertRead)
def mark_read(alert_id: PathId, session: SessionDep, actor: CurrentActor) -> AlertRead:
    return AlertRead.model_validate(inbox.mark_read(session, actor, alert_id))
