from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy.orm import Session

from accounts.schemas import (
    StatusChangeRead,
)
from api.deps import (
    CurrentActor,
    IdFilter,
    IfMatchDep,
    Page,
    PageDep,
    PathId,
    SessionDep,
    TodayDep,
    tagged,
    with_version,
)
from employers import tutors
from employers.schemas import (
    TrainingIn,
    TutorCreate,
    TutorRead,
    TutorUpdate,
)
from employers.tutors import tutor_load
from models.tutor import Tutor, TutorStage

router = APIRouter(prefix="/tutors", tags=["tutors"])


def _reads(session: Session, rows: list[Tutor]) -> list[TutorRead]:
    """Tutors with their current load (newcomers planned or under way)."""
    load = tutor_load(session, [t.id for t in rows])
    reads = [TutorRead.model_validate(t) for t in rows]
    for read in reads:
        read.mentees = load.get(read.id, 0)
    return reads


@router.get("", response_model=Page[TutorRead])
def list_tutors(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    company_id: IdFilter = None,
    stage: TutorStage | None = None,
) -> Page[TutorRead]:
    rows, total = tutors.list_tutors(
        session, actor, company_id=company_id, stage=stage, limit=page.limit, offset=page.offset
    )
    items = _reads(session, rows)
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("", response_model=TutorRead, status_code=status.HTTP_201_CREATED)
def create_tutor(body: TutorCreate, session: SessionDep, actor: CurrentActor) -> TutorRead:
    return _reads(session, [tutors.create_tutor(session, actor, body)])[0]


@router.get("/{tutor_id}", response_model=TutorRead)
def read_tutor(
    tutor_id: PathId, session: SessionDep, actor: CurrentActor, response: Response
) -> TutorRead:
    return tagged(response, _reads(session, [tutors.tutor_for(session, actor, tutor_id)])[0])


@router.patch("/{tutor_id}", response_model=TutorRead)
def update_tutor(
    tutor_id: PathId,
    body: TutorUpdate,
    session: SessionDep,
    actor: CurrentActor,
    today: TodayDep,
    if_match: IfMatchDep,
    response: Response,
) -> TutorRead:
    tutor = tutors.update_tutor(session, actor, tutor_id, with_version(body, if_match), today)
    return tagged(response, _reads(session, [tutor])[0])


@router.delete("/{tutor_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_tutor(tutor_id: PathId, session: SessionDep, actor: CurrentActor) -> Response:
    tutors.delete_tutor(session, actor, tutor_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{tutor_id}/trainings", response_model=TutorRead, status_code=status.HTTP_201_CREATED)
def add_training(
    tutor_id: PathId, body: TrainingIn, session: SessionDep, actor: CurrentActor
) -> TutorRead:
    return _reads(session, [tutors.add_training(session, actor, tutor_id, body)])[0]


@router.get("/{tutor_id}/history", response_model=list[StatusChangeRead])
def tutor_history(
    tutor_id: PathId, session: SessionDep, actor: CurrentActor
) -> list[StatusChangeRead]:
    return [
        StatusChangeRead.model_validate(r) for r in tutors.tutor_history(session, actor, tutor_id)
    ]
