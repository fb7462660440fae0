"""Writing and reading the audit trail. Services call ``record`` in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from models.audit import AuditEvent, StatusChange
from models.base import utcnow
from models.db import fetch_page
from models.errors import InvalidInput
from models.user import Role


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: object | None,
    fields: list[str] | None = None,
    detail: str | None = None,
) -> AuditEvent:
    """Append one audit event. ``fields`` are names only, never the values."""
    event = AuditEvent(
        actor_id=actor.user_id if actor else None,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        fields=sorted(fields or []),
        detail=detail,
    )
    session.add(event)
    return event


def apply_changes(target: object, changes: Mapping[str, Any]) -> list[str]:
    """Set each attribute that differs and return the names of those that changed.

    A null for a column that cannot be empty is refused (422 naming the field) before anything
    is set, so a partial update never half-applies.
    """
    columns = inspect(type(target)).columns
    for name, value in changes.items():
        if value is None and name in columns and not columns[name].nullable:
            raise InvalidInput(name, f"{name} cannot be empty")
    changed = []
    for name, value in changes.items():
        if getattr(target, name) != value:
            setattr(target, name, value)
            changed.append(name)
    return changed


@dataclass(frozen=True)
class AuditFilter:
    entity: str | None = None
    entity_id: str | None = None
    actor_id: int | None = None
    action: str | None = None
    since: datetime | None = None
    #: Events before this moment only (the end of a date range, exclusive).
    until: datetime | None = None


def record_reads(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_ids: list[int],
    fields: Sequence[str] = (),
    detail: str | None = None,
    details: Sequence[str | None] | None = None,
) -> None:
    """One audit event per record read in a list, written in one statement whatever the
    number of rows (a list page makes the same queries for 10 rows as for 50). ``fields``:
    the names of the fields the answer carries, never their values; ``details``, where given,
    one per id (which proposal or placement named the client)."""
    if not entity_ids:
        return
    if details is not None and len(details) != len(entity_ids):
        raise ValueError("one detail per id")
    names = sorted(fields)
    at = utcnow()
    user_id = actor.user_id if actor else None
    session.execute(
        insert(AuditEvent),
        [
            {
                "at": at,
                "actor_id": user_id,
                "action": action,
                "entity": entity,
                "entity_id": str(entity_id),
                "fields": names,
                "detail": detail if details is None else details[i],
            }
            for i, entity_id in enumerate(entity_ids)
        ],
    )


def list_events(
    session: Session, actor: Actor, filters: AuditFilter, limit: int, offset: int
) -> tuple[list[AuditEvent], int]:
    actor.require(Role.admin)
    query = select(AuditEvent)
    if filters.entity:
        query = query.where(AuditEvent.entity == filters.entity)
    if filters.entity_id:
        query = query.where(AuditEvent.entity_id == filters.entity_id)
    if filters.actor_id is not None:
        query = query.where(AuditEvent.actor_id == filters.actor_id)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.since:
        query = query.where(AuditEvent.at >= filters.since)
    if filters.until:
        query = query.where(AuditEvent.at < filters.until)
    return fetch_page(session, query.order_by(AuditEvent.id.desc()), limit, offset)


def known_actions(session: Session, actor: Actor) -> list[str]:
    """Every action the audit trail holds, to filter by."""
    actor.require(Role.admin)
    return list(session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))


def record_status(
    session: Session,
    actor: Actor | None,
    entity: str,
    entity_id: int,
    from_status: str | None,
    to_status: str,
    reason: str | None = None,
    action: str = "transition",
) -> None:
    """One state change of an offer, proposal, placement, tutor or checkpoint, beside its
    audit row (whose action is ``action``: the verb that moved it, where there is one)."""
    session.add(
        StatusChange(
            entity=entity,
            entity_id=entity_id,
            from_status=from_status,
            to_status=to_status,
            actor_id=actor.user_id if actor else None,
            reason=reason,
        )
    )
    record(
        session,
        actor,
        action,
        entity,
        entity_id,
        ["status"],
        detail=f"{from_status or '-'} -> {to_status}",
    )


def status_history(session: Session, entity: str, entity_id: int) -> list[StatusChange]:
    return list(
        session.scalars(
            select(StatusChange)
            .where(StatusChange.entity == entity, StatusChange.entity_id == entity_id)
            .order_by(StatusChange.id)
        )
    )
