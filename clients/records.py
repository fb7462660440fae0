"""What surrounds a profile: personal data, consent, the contact log and shares."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accounts import audit
from accounts.actor import Actor
from accounts.inbox import raise_alert
from clients.access import client_for_editor, client_for_owner
from clients.schemas import ConsentUpdate, ContactCreate, PersonalIn, ShareCreate
from models.base import utcnow
from models.client import (
    Client,
    ClientContact,
    ClientPersonal,
    ClientShare,
    ConsentEvent,
    ConsentKind,
)
from models.db import fetch_page
from models.errors import Conflict, InvalidInput, NotFound
from models.inbox import AlertKind
from models.matching import Shortlist
from models.user import Role, User

#: The fields of a personal-data read (``PersonalRead``).
PERSONAL_FIELDS = ("email", "phone", "street_address", "barriers", "barrier_notes")


def read_personal(session: Session, actor: Actor, client_id: int) -> ClientPersonal:
    """Contact data and barriers, for the owning caseworker only; the read is audited."""
    client = client_for_owner(session, actor, client_id)
    personal = session.get(ClientPersonal, client.id) or ClientPersonal(
        client_id=client.id, barriers=[], barrier_notes=""
    )
    audit.record(session, actor, "read_personal", "client", client.id, list(PERSONAL_FIELDS))
    return personal


def write_personal(
    session: Session, actor: Actor, client_id: int, data: PersonalIn
) -> ClientPersonal:
    client = client_for_owner(session, actor, client_id)
    personal = session.get(ClientPersonal, client.id)
    if personal is None:
        personal = ClientPersonal(client_id=client.id, barriers=[], barrier_notes="")
        session.add(personal)
    changed = audit.apply_changes(personal, data.model_dump(exclude_unset=True))
    if changed:
        audit.record(session, actor, "update_personal", "client", client.id, changed)
    else:  # nothing changed, but the answer still carries contact data and barriers
        audit.record(session, actor, "read_personal", "client", client.id, list(PERSONAL_FIELDS))
    return personal


def update_consent(session: Session, actor: Actor, client_id: int, data: ConsentUpdate) -> None:
    """Grant or withdraw consent; each change is an event with its time, and takes effect at
    once for every query that checks it."""
    client = client_for_editor(session, actor, client_id)
    now = utcnow()
    changed = []
    for kind, wanted in (
        (ConsentKind.liaison, data.liaison),
        (ConsentKind.employers, data.employers),
    ):
        if wanted is None or getattr(client, f"consent_{kind.value}") == wanted:
            continue
        setattr(client, f"consent_{kind.value}", wanted)
        setattr(client, f"consent_{kind.value}_at", now if wanted else None)
        session.add(
            ConsentEvent(
                client_id=client.id, kind=kind, granted=wanted, at=now, recorded_by_id=actor.user_id
            )
        )
        changed.append(f"consent_{kind.value}")
    if changed:
        audit.record(session, actor, "consent", "client", client.id, changed)


def consent_history(session: Session, actor: Actor, client_id: int) -> list[ConsentEvent]:
    client = client_for_editor(session, actor, client_id)
    query = select(ConsentEvent).where(ConsentEvent.client_id == client.id)
    audit.record(session, actor, "read", "client_consent", client.id)
    return list(session.scalars(query.order_by(ConsentEvent.id)))


def add_contact(
    session: Session, actor: Actor, client_id: int, data: ContactCreate, today: date
) -> ClientContact:
    client = client_for_editor(session, actor, client_id)
    if data.contacted_on > today:
        raise InvalidInput("contacted_on", "a contact cannot be dated in the future")
    contact = ClientContact(client_id=client.id, recorded_by_id=actor.user_id, **data.model_dump())
    session.add(contact)
    session.flush()
    audit.record(
        session, actor, "create", "client_contact", contact.id, list(data.model_fields_set)
    )
    return contact


def list_contacts(
    session: Session, actor: Actor, client_id: int, limit: int, offset: int
) -> tuple[list[ClientContact], int]:
    client = client_for_editor(session, actor, client_id)
    query = (
        select(ClientContact)
        .where(ClientContact.client_id == client.id)
        .order_by(ClientContact.contacted_on.desc(), ClientContact.id.desc())
    )
    audit.record(session, actor, "read", "client_contacts", client.id)
    return fetch_page(session, query, limit, offset)


def share_client(session: Session, actor: Actor, client_id: int, data: ShareCreate) -> ClientShare:
    """The owning caseworker shares a client with a caseworker of the same office."""
    client = client_for_owner(session, actor, client_id)
    colleague = session.get(User, data.caseworker_id)
    if colleague is None or colleague.role is not Role.caseworker or not colleague.is_active:
        raise InvalidInput(
            "caseworker_id", f"user {data.caseworker_id} is not an active caseworker"
        )
    if colleague.id == actor.user_id:
        raise InvalidInput("caseworker_id", "the client is already yours")
    if actor.office_id is None or colleague.office_id != actor.office_id:
        raise InvalidInput("caseworker_id", "clients are shared only within the same office")
    existing = session.scalar(
        select(ClientShare).where(
            ClientShare.client_id == client.id, ClientShare.caseworker_id == colleague.id
        )
    )
    if existing is not None:
        raise Conflict(f"client {client.id} is already shared with user {colleague.id}")
    share = ClientShare(client_id=client.id, caseworker_id=colleague.id)
    session.add(share)
    session.flush()
    audit.record(
        session,
        actor,
        "share",
        "client",
        client.id,
        ["shared_with"],
        detail=f"shared with user {colleague.id}",
    )
    return share


def unshare_client(session: Session, actor: Actor, client_id: int, caseworker_id: int) -> None:
    client = client_for_owner(session, actor, client_id)
    share = session.scalar(
        select(ClientShare).where(
            ClientShare.client_id == client.id, ClientShare.caseworker_id == caseworker_id
        )
    )
    if share is None:
        raise NotFound("share with user", caseworker_id)
    session.delete(share)
    audit.record(
        session,
        actor,
        "unshare",
        "client",
        client.id,
        ["shared_with"],
        detail=f"no longer shared with user {caseworker_id}",
    )


class ParkedClient(NamedTuple):
    """A parked client: who, and whose caseload (only what is read of it, not the record)."""

    id: int
    caseworker_id: int


def parked_clients(session: Session, today: date, days: int) -> list[tuple[ParkedClient, date]]:
    """Clients with no contact and no shortlist for longer than ``days`` (the minimum contact
    standard), each with the date of the last sign of work on their case. Reads three columns
    per client, not the records with their skills: the indicators count every client."""
    cutoff = today - timedelta(days=days)
    since = datetime.combine(cutoff, time.min, UTC)
    last_contact = (
        select(ClientContact.client_id, func.max(ClientContact.contacted_on).label("on"))
        .group_by(ClientContact.client_id)
        .subquery()
    )
    last_shortlist = (
        select(Shortlist.client_id, func.max(Shortlist.at).label("at"))
        .where(Shortlist.client_id.is_not(None))
        .group_by(Shortlist.client_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Client.id,
            Client.caseworker_id,
            Client.created_at,
            last_contact.c.on,
            last_shortlist.c.at,
        )
        .outerjoin(last_contact, last_contact.c.client_id == Client.id)
        .outerjoin(last_shortlist, last_shortlist.c.client_id == Client.id)
        .where(
            Client.erased_at.is_(None),
            # Only those parked are read: no sign of work on or after the cutoff day.
            Client.created_at < since,
            or_(last_contact.c.on.is_(None), last_contact.c.on < cutoff),
            or_(last_shortlist.c.at.is_(None), last_shortlist.c.at < since),
        )
        .order_by(Client.id)
    ).all()
    parked = []
    for client_id, caseworker_id, created_at, contacted_on, shortlisted_at in rows:
        signs = [created_at.date(), contacted_on, shortlisted_at and shortlisted_at.date()]
        last = max(d for d in signs if d is not None)
        if (today - last).days > days:
            parked.append((ParkedClient(client_id, caseworker_id), last))
    return parked


def flag_parked_clients(session: Session, today: date, days: int) -> int:
    """Alert each caseworker once per parked spell of a client, so nobody is parked unseen."""
    raised = 0
    for client, last in parked_clients(session, today, days):
        raised += raise_alert(
            session,
            client.caseworker_id,
            AlertKind.client_parked,
            f"client_parked:{client.id}:{last.isoformat()}",
            "client",
            client.id,
            f"Client {client.id} has had no contact or shortlist since {last} "
            f"(standard: every {days} days)",
        )
    return raised
