"""Placements: planning, start (tutor capacity, checkpoints), end, hire, the tutor's report."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from accounts.schemas import (
    StatusChangeRead,
)
from api.deps import (
    CurrentActor,
    IdFilter,
    IfMatchDep,
    NormaliserDep,
    Page,
    PageDep,
    PathId,
    SessionDep,
    SettingsDep,
    TodayDep,
    tagged,
    with_version,
)
from models.placement import PlacementStatus
from models.user import Role
from placements import lifecycle, proposals
from placements.schemas import (
    PlacementCancel,
    PlacementComplete,
    PlacementCreate,
    PlacementEndEarly,
    PlacementHire,
    PlacementRead,
    PlacementStart,
    PlacementUpdate,
    ProposedClient,
    ReportIn,
)

router = APIRouter(prefix="/placements", tags=["placements"])


@router.get("", response_model=Page[PlacementRead])
def list_placements(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    status: PlacementStatus | None = None,
    offer_id: IdFilter = None,
    client_id: IdFilter = None,
) -> Page[PlacementRead]:
    rows, total = lifecycle.list_placements(
        session,
        actor,
        status=status,
        offer_id=offer_id,
        client_id=client_id,
        limit=page.limit,
        offset=page.offset,
    )
    items = [PlacementRead.model_validate(p) for p in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("", response_model=PlacementRead, status_code=status.HTTP_201_CREATED)
def create_placement(
    body: PlacementCreate, session: SessionDep, actor: CurrentActor
) -> PlacementRead:
    return PlacementRead.model_validate(lifecycle.create_placement(session, actor, body))


@router.get("/{placement_id}", response_model=PlacementRead)
def read_placement(
    placement_id: PathId, session: SessionDep, actor: CurrentActor, response: Response
) -> PlacementRead:
    placement = lifecycle.read_placement(session, actor, placement_id)
    answer = PlacementRead.model_validate(placement)
    if actor.role in (Role.employer, Role.liaison):
        client = proposals.placement_client(session, actor, placement)
        answer.client = ProposedClient.model_validate(client) if client else None
    return tagged(response, answer)


@router.patch("/{placement_id}", response_model=PlacementRead)
def update_placement(
    placement_id: PathId,
    body: PlacementUpdate,
    session: SessionDep,
    actor: CurrentActor,
    if_match: IfMatchDep,
    response: Response,
) -> PlacementRead:
    body = with_version(body, if_match)
    placement = lifecycle.update_placement(session, actor, placement_id, body)
    return tagged(response, PlacementRead.model_validate(placement))


@router.get("/{placement_id}/history", response_model=list[StatusChangeRead])
def placement_history(
    placement_id: PathId, session: SessionDep, actor: CurrentActor
) -> list[StatusChangeRead]:
    rows = lifecycle.placement_history(session, actor, placement_id)
    return [StatusChangeRead.model_validate(r) for r in rows]


@router.post("/{placement_id}/start", response_model=PlacementRead)
def start_placement(
    placement_id: PathId,
    body: PlacementStart,
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    today: TodayDep,
) -> PlacementRead:
    placement = lifecycle.start_placement(
        session, actor, placement_id, body, settings.checkpoint_offsets_days, today
    )
    return PlacementRead.model_validate(placement)


@router.post("/{placement_id}/complete", response_model=PlacementRead)
def complete_placement(
    placement_id: PathId,
    body: PlacementComplete,
    session: SessionDep,
    actor: CurrentActor,
    today: TodayDep,
) -> PlacementRead:
    placement = lifecycle.complete_placement(session, actor, placement_id, body, today)
    return PlacementRead.model_validate(placement)


@router.post("/{placement_id}/hire", response_model=PlacementRead)
def hire_from_placement(
    placement_id: PathId,
    body: PlacementHire,
    session: SessionDep,
    actor: CurrentActor,
    today: TodayDep,
) -> PlacementRead:
    placement = lifecycle.hire_from_placement(session, actor, placement_id, body, today)
    return PlacementRead.model_validate(placement)


@router.post("/{placement_id}/end-early", response_model=PlacementRead)
def end_placement_early(
    placement_id: PathId,
    body: PlacementEndEarly,
    session: SessionDep,
    actor: CurrentActor,
    today: TodayDep,
) -> PlacementRead:
    placement = lifecycle.end_placement_early(session, actor, placement_id, body, today)
    return PlacementRead.model_validate(placement)


@router.post("/{placement_id}/cancel", response_model=PlacementRead)
def cancel_placement(
    placement_id: PathId, body: PlacementCancel, session: SessionDep, actor: CurrentActor
) -> PlacementRead:
    return PlacementRead.model_validate(
        lifecycle.cancel_placement(session, actor, placement_id, body)
    )


@router.post("/{placement_id}/report", response_model=PlacementRead)
def report_placement(
    placement_id: PathId,
    body: ReportIn,
    session: SessionDep,
    actor: CurrentActor,
    normaliser: NormaliserDep,
) -> PlacementRead:
    placement = lifecycle.report_placement(session, actor, placement_id, body, normaliser)
    return PlacementRead.model_validate(placement)
