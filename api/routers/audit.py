from __future__ import annotations

from fastapi import APIRouter
from pydantic import AwareDatetime

from accounts import audit
from accounts.schemas import AuditEventRead
from api.deps import CodeFilter, CurrentActor, IdFilter, Page, PageDep, SessionDep

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("", response_model=Page[AuditEventRead])
def list_audit_events(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    entity: CodeFilter = None,
    entity_id: CodeFilter = None,
    actor_id: IdFilter = None,
    action: CodeFilter = None,
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
) -> Page[AuditEventRead]:
    """Newest first; ``since`` and ``until`` bound a period (``until`` exclusive)."""
    filters = audit.AuditFilter(entity, entity_id, actor_id, action, since, until)
    rows, total = audit.list_events(session, actor, filters, page.limit, page.offset)
    items = [AuditEventRead.model_validate(e) for e in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)
