"""Company-side tutors: recruitment pipeline, training and capacity."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from employers.companies import company_for, company_id_for_new
from employers.schemas import (
    TrainingIn,
    TutorCreate,
    TutorUpdate,
)
from models.audit import StatusChange
from models.db import check_version, fetch_page
from models.errors import Conflict, InvalidInput, NotFound, TransitionNotAllowed
from models.offer import Offer
from models.placement import MENTORING, Placement
from models.tutor import Tutor, TutorStage, TutorTraining
from models.user import Role


def tutor_for(session: Session, actor: Actor, tutor_id: int) -> Tutor:
    actor.require(Role.admin, Role.liaison, Role.employer)
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or (actor.role is Role.employer and tutor.company_id != actor.company_id):
        raise NotFound("tutor", tutor_id)
    return tutor


#: The pipeline's dates, in the order the stages are reached.
STAGE_DATES = ("identified_on", "agreed_on", "training_started_on", "trained_on")


def check_tutor_of_company(session: Session, tutor_id: int | None, company_id: int) -> None:
    """422 on ``tutor_id`` unless the tutor works at the company (no tutor is fine)."""
    if tutor_id is None:
        return
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or tutor.company_id != company_id:
        raise InvalidInput("tutor_id", f"tutor {tutor_id} is not a tutor of company {company_id}")


def tutor_load(
    session: Session, tutor_ids: list[int], excluding: int | None = None
) -> dict[int, int]:
    """Newcomers each tutor accompanies or is booked for (placements planned or started)."""
    if not tutor_ids:
        return {}
    query = (
        select(Placement.tutor_id, func.count())
        .where(Placement.tutor_id.in_(tutor_ids), Placement.status.in_(MENTORING))
        .group_by(Placement.tutor_id)
    )
    if excluding is not None:
        query = query.where(Placement.id != excluding)
    rows = session.execute(query)
    load = {tutor_id: 0 for tutor_id in tutor_ids}
    load.update({tutor_id: count for tutor_id, count in rows if tutor_id is not None})
    return load


def check_tutor_capacity(session: Session, tutor_id: int, placement_id: int | None) -> None:
    """409 with the tutor's load when the tutor has no room for one more newcomer."""
    tutor = session.get(Tutor, tutor_id)
    assert tutor is not None
    load = tutor_load(session, [tutor_id], excluding=placement_id)[tutor_id]
    if load >= tutor.max_mentees:
        raise Conflict(
            f"tutor {tutor.id} ({tutor.name}) already accompanies or is booked for {load} of "
            f"{tutor.max_mentees} newcomer(s): full",
            field="tutor_id",
        )


def _check_stage_dates(values: dict[str, Any]) -> None:
    dated: list[tuple[str, date]] = [
        (name, values[name]) for name in STAGE_DATES if values.get(name) is not None
    ]
    for (earlier, first), (later, second) in zip(dated, dated[1:], strict=False):
        if second < first:
            raise InvalidInput(later, f"{later} cannot be before {earlier}")


def create_tutor(session: Session, actor: Actor, data: TutorCreate) -> Tutor:
    actor.require(Role.admin, Role.liaison, Role.employer)
    company_id = company_id_for_new(actor, data.company_id)
    company_for(session, actor, company_id)
    _check_stage_dates(data.model_dump())
    tutor = Tutor(**data.model_dump(exclude={"company_id"}), company_id=company_id)
    session.add(tutor)
    session.flush()
    audit.record(session, actor, "create", "tutor", tutor.id, list(data.model_fields_set))
    return tutor


def list_tutors(
    session: Session,
    actor: Actor,
    *,
    company_id: int | None,
    stage: TutorStage | None,
    limit: int,
    offset: int,
) -> tuple[list[Tutor], int]:
    actor.require(Role.admin, Role.liaison, Role.employer)
    query = select(Tutor).order_by(Tutor.company_id, Tutor.name, Tutor.id)
    if actor.role is Role.employer:
        query = query.where(Tutor.company_id == actor.company_id)
    if company_id is not None:
        query = query.where(Tutor.company_id == company_id)
    if stage is not None:
        query = query.where(Tutor.stage == stage)
    return fetch_page(session, query, limit, offset)


#: The recruitment pipeline in order; a tutor moves forward through it.
PIPELINE = list(TutorStage)
STAGE_DATE = dict(zip(PIPELINE, STAGE_DATES, strict=True))


def update_tutor(
    session: Session, actor: Actor, tutor_id: int, data: TutorUpdate, today: date | None = None
) -> Tutor:
    tutor = tutor_for(session, actor, tutor_id)
    check_version(session, tutor, data.version, "tutor")
    changes = data.model_dump(exclude_unset=True)
    stage = changes.get("stage")
    if stage is not None and stage is not tutor.stage:
        if PIPELINE.index(stage) < PIPELINE.index(tutor.stage):
            raise TransitionNotAllowed("tutor", tutor.stage.value, f"move back to {stage.value}")
        changes.setdefault(STAGE_DATE[stage], getattr(tutor, STAGE_DATE[stage]) or today)
        audit.record_status(session, actor, "tutor", tutor.id, tutor.stage.value, stage.value)
    _check_stage_dates({name: changes.get(name, getattr(tutor, name)) for name in STAGE_DATES})
    changed = audit.apply_changes(tutor, changes)
    if changed:
        audit.record(session, actor, "update", "tutor", tutor.id, changed)
        session.flush()  # the answer carries the new version
    return tutor


def delete_tutor(session: Session, actor: Actor, tutor_id: int) -> None:
    tutor = tutor_for(session, actor, tutor_id)
    for model in (Offer, Placement):
        if session.scalar(select(model.id).where(model.tutor_id == tutor.id).limit(1)):
            raise Conflict(f"tutor {tutor_id} is named on offers or placements; keep the record")
    session.delete(tutor)
    audit.record(session, actor, "delete", "tutor", tutor_id)


def add_training(session: Session, actor: Actor, tutor_id: int, data: TrainingIn) -> Tutor:
    """A training session the tutor attended (a tutor still identified or agreed is now in
    training)."""
    tutor = tutor_for(session, actor, tutor_id)
    tutor.trainings.append(TutorTraining(**data.model_dump()))
    if tutor.stage in (TutorStage.identified, TutorStage.agreed):
        audit.record_status(
            session, actor, "tutor", tutor.id, tutor.stage.value, TutorStage.in_training.value
        )
        tutor.stage = TutorStage.in_training
        tutor.training_started_on = tutor.training_started_on or data.attended_on
    session.flush()
    audit.record(session, actor, "create", "tutor_training", tutor.id, list(data.model_fields_set))
    return tutor


def tutor_history(session: Session, actor: Actor, tutor_id: int) -> list[StatusChange]:
    tutor_for(session, actor, tutor_id)
    return audit.status_history(session, "tutor", tutor_id)
