"""Company-side tutors: recruitment pipeline, training and capacity."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from employers.companies import company_for, company_id_for_new
from employers.schemas import TutorCreate, TutorUpdate
from models.db import fetch_page
from models.errors import Conflict, InvalidInput, NotFound
from models.offer import Offer
from models.placement import Placement
from models.tutor import Tutor, TutorStage
from models.user import Role


def tutor_for(session: Session, actor: Actor, tutor_id: int) -> Tutor:
    actor.require(Role.admin, Role.liaison, Role.employer)
    tutor = session.get(Tutor, tutor_id)
    if tutor is None or (actor.role is Role.employer and tutor.company_id != actor.company_id):
        raise NotFound("tutor", tutor_id)
    return tutor


#: The pipeline's dates, in the order the stages are reached.
STAGE_DATES = ("identified_on", "agreed_on", "training_started_on", "trained_on")


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


def update_tutor(session: Session, actor: Actor, tutor_id: int, data: TutorUpdate) -> Tutor:
    tutor = tutor_for(session, actor, tutor_id)
    changes = data.model_dump(exclude_unset=True)
    _check_stage_dates({name: changes.get(name, getattr(tutor, name)) for name in STAGE_DATES})
    changed = audit.apply_changes(tutor, changes)
    if changed:
        audit.record(session, actor, "update", "tutor", tutor.id, changed)
    return tutor


def delete_tutor(session: Session, actor: Actor, tutor_id: int) -> None:
    tutor = tutor_for(session, actor, tutor_id)
    for model in (Offer, Placement):
        if session.scalar(select(model.id).where(model.tutor_id == tutor.id).limit(1)):
            raise Conflict(f"tutor {tutor_id} is named on offers or placements; keep the record")
    session.delete(tutor)
    audit.record(session, actor, "delete", "tutor", tutor_id)
