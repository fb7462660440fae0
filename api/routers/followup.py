"""Follow-up checkpoints: listed per person (overdue first), outcomes recorded."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentActor, IdFilter, Page, PageDep, PathId, SessionDep, TodayDep
from placements import followup
from placements.schemas import (
    CheckpointOutcomeIn,
    CheckpointRead,
)

router = APIRouter(prefix="/checkpoints", tags=["follow-up"])


@router.get("", response_model=Page[CheckpointRead])
def list_checkpoints(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    today: TodayDep,
    mine: bool = True,
    overdue: bool = False,
    placement_id: IdFilter = None,
) -> Page[CheckpointRead]:
    rows, total = followup.list_checkpoints(
        session,
        actor,
        today=today,
        mine=mine,
        overdue=overdue,
        placement_id=placement_id,
        limit=page.limit,
        offset=page.offset,
    )
    items = [CheckpointRead.model_validate(c) for c in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/{checkpoint_id}/outcome", response_model=CheckpointRead)
def record_checkpoint(
    checkpoint_id: PathId,
    body: CheckpointOutcomeIn,
    session: SessionDep,
    actor: CurrentActor,
    today: TodayDep,
) -> CheckpointRead:
    checkpoint = followup.record_checkpoint(session, actor, checkpoint_id, body, today)
    return CheckpointRead.model_validate(checkpoint)
