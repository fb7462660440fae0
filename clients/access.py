"""Who may see which client: the rules every client query goes through."""

from __future__ import annotations

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, aliased

from accounts.actor import Actor
from clients.consent_rules import liaison_may_read, liaison_may_read_client, not_erased
from models.client import Client, ClientShare
from models.errors import Forbidden, NotFound
from models.user import Role, User


def _shared_with(actor: Actor) -> Select[int]:
    """Clients shared with the actor whose owner is in the actor's office now: a share lapses
    when either of them moves to another office or the client to another caseworker."""
    owner = aliased(User)
    return (
        select(ClientShare.client_id)
        .join(Client, Client.id == ClientShare.client_id)
        .join(owner, owner.id == Client.caseworker_id)
        .where(
            ClientShare.caseworker_id == actor.user_id,
            owner.office_id.is_not(None),
            owner.office_id == actor.office_id,
        )
    )


def visible_client_ids(actor: Actor) -> Select[int]:
    """Ids of the clients a caseworker works with: their own and those shared with them."""
    return select(Client.id).where(
        or_(Client.caseworker_id == actor.user_id, Client.id.in_(_shared_with(actor))),
        not_erased(),
    )


def client_for_caseworker(
    session: Session, actor: Actor, client_id: int, entity: str = "client"
) -> Client:
    client = session.get(Client, client_id)
    if client is None or client.erased_at is not None:
        raise NotFound(entity, client_id)
    if client.caseworker_id == actor.user_id:
        return client
    shared = session.scalar(_shared_with(actor).where(ClientShare.client_id == client_id))
    if shared is None:
        raise NotFound(entity, client_id)
    return client


def client_for_reader(session: Session, actor: Actor, client_id: int) -> Client:
    """A client profile for reading: caseworkers their own and shared clients, liaison
    officers clients who consented to share with them (``clients.consent_rules``). Everyone
    else gets 404."""
    if actor.role is Role.caseworker:
        return client_for_caseworker(session, actor, client_id)
    if actor.role is Role.liaison:
        client = session.get(Client, client_id)
        if client is not None and liaison_may_read_client(client):
            return client
    raise NotFound("client", client_id)


def readable_client_ids(session: Session, actor: Actor, client_ids: set[int]) -> set[int]:
    """Of these clients, those whose profile the actor may read now: the rule of
    ``client_for_reader`` for many clients in one query."""
    if not client_ids:
        return set()
    if actor.role is Role.caseworker:
        return set(session.scalars(visible_client_ids(actor).where(Client.id.in_(client_ids))))
    if actor.role is Role.liaison:
        query = select(Client.id).where(Client.id.in_(client_ids), liaison_may_read())
        return set(session.scalars(query))
    return set()


def client_for_editor(session: Session, actor: Actor, client_id: int) -> Client:
    """A client the actor may change: their own or shared clients. Others who can see the
    profile get 403; those who cannot see it get 404."""
    client = client_for_reader(session, actor, client_id)
    if actor.role is not Role.caseworker:
        raise Forbidden("only the client's caseworkers may change the profile or its records")
    return client


def client_for_owner(session: Session, actor: Actor, client_id: int) -> Client:
    """Only the owning caseworker: contact data, barriers and sharing."""
    client = client_for_reader(session, actor, client_id)
    if actor.role is not Role.caseworker or client.caseworker_id != actor.user_id:
        raise Forbidden("only the owning caseworker may see or change contact data and barriers")
    return client


def client_for_owner_or_admin(session: Session, actor: Actor, client_id: int) -> Client:
    """The owning caseworker or an admin (export, erasure); others as for personal data."""
    if actor.role is Role.admin:
        client = session.get(Client, client_id)
        if client is None or client.erased_at is not None:
            raise NotFound("client", client_id)
        return client
    return client_for_owner(session, actor, client_id)
