"""Follow-up after a placement starts: checkpoints at set offsets, one per side (the liaison
officer asks the employer, the caseworker asks the client), their outcomes, and the alerts
for checkpoints due or overdue and work trials about to end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from accounts.inbox import raise_alert
from clients.access import visible_client_ids
from models.client import Client
from models.company import Company
from models.db import fetch_page
from models.errors import Conflict, InvalidInput, NotFound
from models.inbox import AlertKind
from models.offer import Offer, OfferKind
from models.placement import (
    Checkpoint,
    CheckpointOutcome,
    CheckpointSide,
    Placement,
    PlacementStatus,
)
from models.user import Role
from placements.schemas import (
    CheckpointOutcomeIn,
)


def create_checkpoints(
    session: Session, placement: Placement, offer: Offer, offsets: Sequence[int]
) -> list[Checkpoint]:
    """A checkpoint per offset and side, due that many days after the actual start."""
    assert placement.actual_start is not None
    company = session.get(Company, offer.company_id)
    client = session.get(Client, placement.client_id)
    owners = {
        CheckpointSide.employer: company.liaison_officer_id if company else None,
        CheckpointSide.client: client.caseworker_id if client else None,
    }
    created = [
        Checkpoint(
            offset_days=days,
            side=side,
            owner_id=owner,
            due_on=placement.actual_start + timedelta(days=days),
        )
        for days in sorted(set(offsets))
        for side, owner in owners.items()
    ]
    placement.checkpoints.extend(created)
    session.flush()
    return created


def checkpoint_for(session: Session, actor: Actor, checkpoint_id: int) -> Checkpoint:
    """The owner of a checkpoint, any liaison officer, or the client's caseworker."""
    actor.require(Role.liaison, Role.caseworker)
    checkpoint = session.get(Checkpoint, checkpoint_id)
    if checkpoint is None:
        raise NotFound("checkpoint", checkpoint_id)
    if actor.role is Role.caseworker and checkpoint.owner_id != actor.user_id:
        visible = session.scalar(
            select(Placement.id).where(
                Placement.id == checkpoint.placement_id,
                Placement.client_id.in_(visible_client_ids(actor)),
            )
        )
        if visible is None:
            raise NotFound("checkpoint", checkpoint_id)
    return checkpoint


def record_checkpoint(
    session: Session, actor: Actor, checkpoint_id: int, data: CheckpointOutcomeIn, today: date
) -> Checkpoint:
    """The outcome of a checkpoint: still in work, or ended with a reason; satisfaction."""
    checkpoint = checkpoint_for(session, actor, checkpoint_id)
    if checkpoint.outcome is not None:
        raise Conflict(f"checkpoint {checkpoint.id} already has an outcome ({checkpoint.outcome})")
    if data.outcome is CheckpointOutcome.ended and data.ended_reason is None:
        raise InvalidInput("ended_reason", "say why the work ended")
    if data.outcome is CheckpointOutcome.in_work and data.ended_reason is not None:
        raise InvalidInput("ended_reason", "a person still in work has no end reason")
    checkpoint.outcome = data.outcome
    checkpoint.ended_reason = data.ended_reason
    checkpoint.satisfaction_client = data.satisfaction_client
    checkpoint.satisfaction_employer = data.satisfaction_employer
    checkpoint.notes = data.notes
    checkpoint.recorded_on = data.recorded_on or today
    checkpoint.recorded_by_id = actor.user_id
    audit.record_status(
        session,
        actor,
        "checkpoint",
        checkpoint.id,
        None,
        data.outcome.value,
        data.ended_reason.value if data.ended_reason else None,
    )
    return checkpoint


def list_checkpoints(
    session: Session,
    actor: Actor,
    *,
    today: date,
    mine: bool,
    overdue: bool,
    placement_id: int | None,
    limit: int,
    offset: int,
    pending: bool = False,
    side: CheckpointSide | None = None,
    due_by: date | None = None,
) -> tuple[list[Checkpoint], int]:
    """Checkpoints by due date; ``overdue``: past due without an outcome; ``pending``: any
    without an outcome; ``side``: one side's only; ``due_by``: due on or before that day."""
    actor.require(Role.liaison, Role.caseworker)
    query = select(Checkpoint).order_by(Checkpoint.due_on, Checkpoint.id)
    if mine:
        query = query.where(Checkpoint.owner_id == actor.user_id)
    elif actor.role is Role.caseworker:
        query = query.join(Placement).where(Placement.client_id.in_(visible_client_ids(actor)))
    if overdue:
        query = query.where(Checkpoint.outcome.is_(None), Checkpoint.due_on < today)
    if pending:
        query = query.where(Checkpoint.outcome.is_(None))
    if side is not None:
        query = query.where(Checkpoint.side == side)
    if due_by is not None:
        query = query.where(Checkpoint.due_on <= due_by)
    if placement_id is not None:
        query = query.where(Checkpoint.placement_id == placement_id)
    rows, total = fetch_page(session, query, limit, offset)
    if rows:  # each checkpoint read names its client (one query for the page)
        clients = dict(
            session.execute(
                select(Placement.id, Placement.client_id).where(
                    Placement.id.in_({c.placement_id for c in rows})
                )
            ).all()
        )
        audit.record_reads(
            session,
            actor,
            "list",
            "client",
            [clients[c.placement_id] for c in rows],
            ["checkpoint"],
            details=[f"checkpoint {c.id}" for c in rows],
        )
    return rows, total


def placements_of(session: Session, checkpoints: Sequence[Checkpoint]) -> dict[int, Placement]:
    """The placement of each of these checkpoints, by id (one query), for lists that name
    the offer and the client beside each checkpoint."""
    ids = {c.placement_id for c in checkpoints}
    if not ids:
        return {}
    return {p.id: p for p in session.scalars(select(Placement).where(Placement.id.in_(ids)))}


#: Placements whose checkpoints still matter: the person may be in work.
FOLLOWED = (PlacementStatus.started, PlacementStatus.completed, PlacementStatus.hired)


def alert_checkpoints(session: Session, today: date, notice_days: int) -> int:
    """Alert each owner of a checkpoint coming due within ``notice_days``, and again once it
    is overdue. Each alert is raised once per checkpoint."""
    rows = session.execute(
        select(Checkpoint)
        .join(Placement)
        .where(
            Checkpoint.outcome.is_(None),
            Checkpoint.due_on <= today + timedelta(days=notice_days),
            Placement.status.in_(FOLLOWED),
        )
        .order_by(Checkpoint.id)
    ).scalars()
    raised = 0
    for checkpoint in rows:
        overdue = checkpoint.due_on < today
        kind = AlertKind.checkpoint_overdue if overdue else AlertKind.checkpoint_due
        when = "was due" if overdue else "is due"
        raised += raise_alert(
            session,
            checkpoint.owner_id,
            kind,
            f"{kind.value}:{checkpoint.id}",
            "checkpoint",
            checkpoint.id,
            f"The {checkpoint.offset_days}-day {checkpoint.side.value} checkpoint of placement "
            f"{checkpoint.placement_id} {when} on {checkpoint.due_on}",
        )
    return raised


def alert_trials_ending(session: Session, today: date, days: int) -> int:
    """Alert the caseworker and the liaison officer of a work trial ending within ``days``."""
    rows = session.execute(
        select(Placement, Client.caseworker_id, Company.liaison_officer_id)
        .join(Client, Client.id == Placement.client_id)
        .join(Offer, Offer.id == Placement.offer_id)
        .join(Company, Company.id == Offer.company_id)
        .where(
            Placement.kind == OfferKind.work_trial,
            Placement.status == PlacementStatus.started,
            Placement.planned_end.is_not(None),
            Placement.planned_end >= today,
            Placement.planned_end <= today + timedelta(days=days),
        )
        .order_by(Placement.id)
    ).all()
    raised = 0
    for placement, caseworker_id, liaison_id in rows:
        for user_id in dict.fromkeys((caseworker_id, liaison_id)):
            raised += raise_alert(
                session,
                user_id,
                AlertKind.work_trial_ending,
                f"work_trial_ending:{placement.id}",
                "placement",
                placement.id,
                f"Work trial {placement.id} ends on {placement.planned_end}: ask the tutor for "
                "the report and talk about what follows",
            )
    return raised
