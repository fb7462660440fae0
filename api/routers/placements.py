from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import CurrentActor, Page, PageDep, PathId, SessionDep
from employers import placements
from employers.schemas import PlacementCreate, PlacementRead, PlacementUpdate
from models.placement import PlacementStatus

router = APIRouter(prefix="/placements", tags=["placements"])


@router.get("", response_model=Page[PlacementRead])
def list_placements(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    status: PlacementStatus | None = None,
    offer_id: int | None = None,
    client_id: int | None = None,
) -> Page[PlacementRead]:
    rows, total = placements.list_placements(
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
    return PlacementRead.model_validate(placements.create_placement(session, actor, body))


@router.get("/{placement_id}", response_model=PlacementRead)
def read_placement(placement_id: PathId, session: SessionDep, actor: CurrentActor) -> PlacementRead:
    return PlacementRead.model_validate(placements.placement_for(session, actor, placement_id))


@router.patch("/{placement_id}", response_model=PlacementRead)
def update_placement(
    placement_id: PathId, body: PlacementUpdate, session: SessionDep, actor: CurrentActor
) -> PlacementRead:
    placement = placements.update_placement(session, actor, placement_id, body)
    return PlacementRead.model_validate(placement)
