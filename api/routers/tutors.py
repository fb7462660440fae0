from __future__ import annotations

from fastapi import APIRouter, Response, status

from api.deps import CurrentActor, Page, PageDep, PathId, SessionDep
from employers import tutors
from employers.schemas import TutorCreate, TutorRead, TutorUpdate
from models.tutor import TutorStage

router = APIRouter(prefix="/tutors", tags=["tutors"])


@router.get("", response_model=Page[TutorRead])
def list_tutors(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    company_id: int | None = None,
    stage: TutorStage | None = None,
) -> Page[TutorRead]:
    rows, total = tutors.list_tutors(
        session, actor, company_id=company_id, stage=stage, limit=page.limit, offset=page.offset
    )
    items = [TutorRead.model_validate(t) for t in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("", response_model=TutorRead, status_code=status.HTTP_201_CREATED)
def create_tutor(body: TutorCreate, session: SessionDep, actor: CurrentActor) -> TutorRead:
    return TutorRead.model_validate(tutors.create_tutor(session, actor, body))


@router.get("/{tutor_id}", response_model=TutorRead)
def read_tutor(tutor_id: PathId, session: SessionDep, actor: CurrentActor) -> TutorRead:
    return TutorRead.model_validate(tutors.tutor_for(session, actor, tutor_id))


@router.patch("/{tutor_id}", response_model=TutorRead)
def update_tutor(
    tutor_id: PathId, body: TutorUpdate, session: SessionDep, actor: CurrentActor
) -> TutorRead:
    return TutorRead.model_validate(tutors.update_tutor(session, actor, tutor_id, body))


@router.delete("/{tutor_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_tutor(tutor_id: PathId, session: SessionDep, actor: CurrentActor) -> Response:
    tutors.delete_tutor(session, actor, tutor_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
