"""Each person's inbox: alerts are rows, raised once per fact, marked read by their owner."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from accounts.actor import Actor
from models.base import utcnow
from models.db import fetch_page
from models.errors import NotFound
from models.inbox import Alert, AlertKind


def raise_alert(
    session: Session,
    user_id: int | None,
    kind: AlertKind,
    key: str,
    entity: str,
    entity_id: int,
    message: str,
) -> bool:
    """Add an alert unless this person already has one with this key; True when added.
    ``key`` names the fact (e.g. ``checkpoint_overdue:12``), so re-running a job adds nothing."""
    if user_id is None:
        return False
    exists = session.scalar(select(Alert.id).where(Alert.user_id == user_id, Alert.key == key))
    if exists is not None:
        return False
    session.add(
        Alert(
            user_id=user_id,
            kind=kind,
            key=key,
            entity=entity,
            entity_id=entity_id,
            message=message,
        )
    )
    session.flush()
    return True


def list_inbox(
    session: Session, actor: Actor, *, unread: bool, kind: AlertKind | None, limit: int, offset: int
) -> tuple[list[Alert], int]:
    query = select(Alert).where(Alert.user_id == actor.user_id).order_by(Alert.id.desc())
    if unread:
        query = query.where(Alert.read_at.is_(None))
    if kind is not None:
        query = query.where(Alert.kind == kind)
    return fetch_page(session, query, limit, offset)


def mark_read(session: Session, actor: Actor, alert_id: int) -> Alert:
    alert = session.get(Alert, alert_id)
    if alert is None or alert.user_id != actor.user_id:
        raise NotFound("alert", alert_id)
    if alert.read_at is None:
        alert.read_at = utcnow()
    return alert
