"""Company-side tutors: recruitment pipeline, training and capacity."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from employers.companies import company_for
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


def company_id_for_new(actor: Actor, requested: int | None) -> int:
    """Employers create for their own company; staff name the company."""
    if actor.role is Role.employer:
        if actor.company_id is None or requested not in (None, actor.company_id):
            raise InvalidInput("company_id", "employer users can only act for their own company")
        return actor.company_id
    if requested is None:
        raise InvalidInput("company_id", "company_id is required")
    return requested


def create_tutor(session: Session, actor: Actor, data: TutorCreate) -> Tutor:
    actor.require(Role.admin, Role.liaison, Role.employer)
    company_id = company_id_for_new(actor, data.company_id)
    company_for(session, actor, company_id)
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
    changed = audit.apply_changes(tutor, data.model_dump(exclude_unset=True))
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
